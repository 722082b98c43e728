//! Hostile archives and files, each imported by the real CLI (a child process) into a database
//! that already holds data: the import is refused with a clear, coded message (or imported when it
//! is harmless), never a crash or a hang, in bounded time and memory (the child's peak resident
//! memory, VmHWM, sampled while it runs), and a refusal leaves the database exactly as it was (an
//! exact digest of every row). Nothing is ever written outside the data folder.

mod common;
mod trust;

use common::{Env, x_archive, zip};
use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;
use trust::{RawEntry, Run, crc32, digest_file, raw_zip};

/// Every case must finish well inside this (debug build).
const TIME: Duration = Duration::from_secs(30);
/// Peak resident memory allowed to the CLI on a hostile input (debug build; a normal small import
/// peaks around 20-30 MB).
const MEMORY_MB: u64 = 300;

/// A store holding one X archive.
fn env_with_data() -> Env {
    let env = Env::new();
    let z = env.path("twitter-2026-01-01-good.zip");
    x_archive(&z, "2026-01-01T08:00:00.000Z", &["1", "2"]);
    let r = cli(&env, &[z.as_os_str()]);
    assert!(r.ok, "{}", r.stderr);
    env
}

fn db(env: &Env) -> PathBuf {
    env.path("resonance.db")
}

/// `resonance --db … --json --lang en import ARGS…`
fn cli(env: &Env, args: &[&OsStr]) -> Run {
    let db = db(env);
    let mut all: Vec<&OsStr> = vec![OsStr::new("--db"), db.as_os_str(), OsStr::new("--json"), OsStr::new("--lang")];
    all.extend([OsStr::new("en"), OsStr::new("import")]);
    all.extend_from_slice(args);
    trust::cli(&all, Duration::from_secs(120))
}

fn bounded(r: &Run, what: &str) {
    assert!(r.elapsed < TIME, "{what}: took {:?}", r.elapsed);
    assert!(r.peak_mb < MEMORY_MB, "{what}: peaked at {} MB", r.peak_mb);
    assert!(
        !r.stderr.contains("panicked") && !r.stderr.contains("overflow") && r.code.is_some(),
        "{what}: crashed ({:?}): {}",
        r.code,
        r.stderr
    );
}

/// Imports `file` and checks the refusal: the code, bounded time and memory, the database as it was.
fn refused(env: &Env, file: &Path, code: &str) -> Run {
    let before = digest_file(&db(env));
    let r = cli(env, &[file.as_os_str()]);
    let what = file.file_name().unwrap().to_string_lossy().into_owned();
    bounded(&r, &what);
    assert!(!r.ok, "{what} should be refused: {}", r.stdout);
    assert_eq!(r.error_code(), code, "{what}: {}", r.stderr);
    assert_eq!(digest_file(&db(env)), before, "{what}: the database is exactly as it was");
    r
}

/// Imports `file`: either refused cleanly (database unchanged) or imported; never a crash.
fn refused_or_imported(env: &Env, file: &Path, extra: &[&OsStr]) -> Run {
    let before = digest_file(&db(env));
    let mut args: Vec<&OsStr> = extra.to_vec();
    args.push(file.as_os_str());
    let r = cli(env, &args);
    let what = file.file_name().unwrap().to_string_lossy().into_owned();
    bounded(&r, &what);
    if !r.ok {
        assert!(r.error_code().starts_with("import."), "{what}: {}", r.stderr);
        assert_eq!(digest_file(&db(env)), before, "{what}: a refusal changes nothing");
    }
    r
}

const ACCOUNT_JS: &[u8] = br#"window.YTD.account.part0 = [ { "account" : { "username" : "camtest", "accountId" : "1000", "accountDisplayName" : "Cam Test" } } ]"#;

#[test]
fn entries_escaping_the_archive_or_with_absolute_paths_are_refused() {
    let env = env_with_data();
    let outside = env.dir.path().parent().unwrap().join("x");
    let names: &[&str] = &[
        "../x",
        "data/../../x",
        "..\\x",
        "data\\..\\..\\x",
        "/etc/x",
        "/x",
        "\\x",
        "\\\\server\\share\\x",
        "C:\\x",
        "C:/x",
        "c:x",
    ];
    for (i, name) in names.iter().enumerate() {
        let p = env.path(&format!("twitter-2026-01-0{}-evil{i}.zip", i % 9 + 1));
        let entries = [RawEntry::stored(b"data/account.js", ACCOUNT_JS), RawEntry::stored(name.as_bytes(), b"pwned")];
        std::fs::write(&p, raw_zip(&entries)).unwrap();
        let r = refused(&env, &p, "import.unsafe_entry");
        assert!(r.stderr.contains(&name.replace('\\', "\\\\")) || r.stderr.contains(name), "{name}: {}", r.stderr);
    }
    assert!(!outside.exists(), "nothing written outside the data folder");
    assert!(!Path::new("/etc/x").exists());
}

#[test]
fn symlink_entries_in_a_zip_are_refused() {
    let env = env_with_data();
    // Through the zip crate's own writer…
    let p = env.path("twitter-2026-02-01-link.zip");
    {
        let f = std::fs::File::create(&p).unwrap();
        let mut z = zip::ZipWriter::new(f);
        let opts = zip::write::SimpleFileOptions::default();
        z.start_file("data/account.js", opts).unwrap();
        z.write_all(ACCOUNT_JS).unwrap();
        z.add_symlink("data/tweets.js", "/etc/passwd", opts).unwrap();
        z.finish().unwrap();
    }
    refused(&env, &p, "import.unsafe_entry");
    // …and written raw: a regular name whose external attributes say "symlink" (0o120777).
    let p = env.path("twitter-2026-02-02-link.zip");
    let link = RawEntry { unix_mode: 0o120777, ..RawEntry::stored(b"data/follower.js", b"../../../../etc/passwd") };
    std::fs::write(&p, raw_zip(&[RawEntry::stored(b"data/account.js", ACCOUNT_JS), link])).unwrap();
    refused(&env, &p, "import.unsafe_entry");
}

#[cfg(unix)]
#[test]
fn symlinks_in_a_dropped_folder_are_not_followed() {
    let env = env_with_data();
    // Outside the folder: a follower list and a folder of them, which must never be read.
    let secret = env.path("secret");
    std::fs::create_dir_all(&secret).unwrap();
    let leaked = br#"window.YTD.follower.part0 = [ { "follower" : { "accountId" : "666", "userLink" : "x" } } ]"#;
    std::fs::write(secret.join("follower.js"), leaked).unwrap();
    // The folder: an unzipped X archive whose follower list and a sub-folder are links out of it,
    // plus a link to itself (a loop).
    let dir = env.path("twitter-2026-03-01-folder");
    std::fs::create_dir_all(dir.join("data")).unwrap();
    std::fs::write(dir.join("data/account.js"), ACCOUNT_JS).unwrap();
    std::fs::write(
        dir.join("data/tweets.js"),
        br#"window.YTD.tweets.part0 = [ { "tweet" : { "id_str" : "77", "created_at" : "Sat Feb 18 11:14:31 +0000 2023", "full_text" : "hi", "favorite_count" : "1", "retweet_count" : "0" } } ]"#,
    )
    .unwrap();
    std::os::unix::fs::symlink(secret.join("follower.js"), dir.join("data/follower.js")).unwrap();
    std::os::unix::fs::symlink(&secret, dir.join("data/more")).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("data/loop")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", dir.join("data/following.js")).unwrap();

    let r = cli(&env, &[dir.as_os_str()]);
    bounded(&r, "folder with links");
    assert!(r.ok, "{}", r.stderr);
    let ids: Vec<Option<String>> = env
        .store
        .read(|c| {
            let mut st = c.prepare("SELECT platform_user_id FROM identities")?;
            let v = st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(v)
        })
        .unwrap();
    assert!(!ids.contains(&Some("666".into())), "a linked file was read: {ids:?}");
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let formats = report[0]["formats"].to_string();
    assert!(!formats.contains("follower"), "links are not entries of the folder: {formats}");
}

#[test]
fn zip_bombs_hit_the_ratio_and_total_caps() {
    let env = env_with_data();
    // A follower list of 256 MB of spaces from ~256 KB: the ratio cap (250 times the compressed
    // size, at least 64 MB) stops it after 64 MB.
    let first = br#"[{"title": "", "string_list_data": [{"href": "h", "value": "a", "timestamp": 1}]}"#;
    let bomb = trust::deflate_parts(&[(first, 1), (&[b' '; 1 << 20], 256)]);
    let p = env.path("instagram-bomb.user-2026-11-01-x.zip");
    let entry = RawEntry {
        method: 8,
        declared_size: 0xFFFF_FFFE,
        crc: 0,
        ..RawEntry::stored(b"connections/followers_and_following/followers_1.json", &bomb)
    };
    std::fs::write(&p, raw_zip(&[entry])).unwrap();
    assert!(std::fs::metadata(&p).unwrap().len() < 2 << 20);
    let r = refused(&env, &p, "import.too_large");
    assert!(r.stderr.contains("safety limit"), "{}", r.stderr);

    // The same bytes declared as 100 bytes: the reader stops at the declared size.
    let p = env.path("instagram-liar.user-2026-11-01-x.zip");
    let entry = RawEntry {
        method: 8,
        declared_size: 100,
        crc: 0,
        ..RawEntry::stored(b"connections/followers_and_following/followers_1.json", &bomb)
    };
    std::fs::write(&p, raw_zip(&[entry])).unwrap();
    let r = refused(&env, &p, "import.unreadable");
    assert!(r.stderr.contains("larger than its declared"), "{}", r.stderr);

    // Entries whose declared sizes add up past the 16 GB total cap: refused before reading any.
    let p = env.path("instagram-total.user-2026-11-01-x.zip");
    let names: Vec<String> =
        (0..5).map(|i| format!("connections/followers_and_following/followers_{i}.json")).collect();
    let entries: Vec<RawEntry> = names
        .iter()
        .map(|n| RawEntry { method: 8, declared_size: 0xFFFF_FFFE, crc: 0, ..RawEntry::stored(n.as_bytes(), &bomb) })
        .collect();
    std::fs::write(&p, raw_zip(&entries)).unwrap();
    let r = refused(&env, &p, "import.too_large");
    assert!(r.elapsed < Duration::from_secs(5), "refused from the directory alone: {:?}", r.elapsed);
}

/// A LinkedIn creator spreadsheet (a zip of XML files) whose shared strings inflate to ~1 GB from
/// ~1 MB: alone, and inside an export. Spreadsheets are read by calamine, which does not limit
/// inflation: the spreadsheet must be checked first.
#[test]
fn a_spreadsheet_bomb_alone_or_nested_in_an_export_is_refused() {
    let env = env_with_data();
    let inner = xlsx_bomb(1000);
    assert!(inner.len() < 4 << 20, "{}", inner.len());
    let p = env.path("Content_2026-01-01_2026-02-01_Cam Test.xlsx");
    std::fs::write(&p, &inner).unwrap();
    // Refused as a spreadsheet Resonance cannot read (the import's detection step swallows why).
    let r = refused(&env, &p, "import.not_recognised");
    eprintln!("xlsx bomb: {:?}, {} MB", r.elapsed, r.peak_mb);
    let p = env.path("Basic_LinkedInDataExport_11-01-2026.zip");
    zip(
        &p,
        &[
            ("Content_2026-01-01_2026-02-01_Cam Test.xlsx", &inner),
            ("Connections.csv", b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"),
        ],
    );
    let r = refused_or_imported(&env, &p, &[]);
    eprintln!("nested xlsx bomb: {:?}, {} MB: {}", r.elapsed, r.peak_mb, r.stderr);
}

/// A real creator-analytics workbook (sheets FOLLOWERS and ENGAGEMENT) whose xl/sharedStrings.xml
/// is replaced by `mb` MB of `<si><t>a</t></si>` (60 000 strings per MB).
fn xlsx_bomb(mb: usize) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    for name in ["FOLLOWERS", "ENGAGEMENT"] {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        ws.write_string(0, 0, "Date").unwrap();
        ws.write_string(1, 0, "01/01/2026").unwrap();
    }
    let good = wb.save_to_buffer().unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(good)).unwrap();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut b).unwrap();
        files.push((f.name().unwrap().to_string(), b));
    }
    let si = "<si><t>a</t></si>".repeat((1 << 20) / 17);
    let head = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">"#;
    let bomb = trust::deflate_parts(&[(head, 1), (si.as_bytes(), mb), (b"</sst>", 1)]);
    let mut entries: Vec<RawEntry> = files
        .iter()
        .filter(|(n, _)| n != "xl/sharedStrings.xml")
        .map(|(n, b)| RawEntry::stored(n.as_bytes(), b))
        .collect();
    entries.push(RawEntry {
        method: 8,
        declared_size: 0xFFFF_FFFE,
        crc: 0,
        ..RawEntry::stored(b"xl/sharedStrings.xml", &bomb)
    });
    raw_zip(&entries)
}

/// Adds an account of each platform with JSON exports (X is account 1); returns which to attach a
/// file to (`--account`), so that files which do not name their owner still reach their reader.
fn with_accounts(env: &Env) -> impl Fn(&str) -> String {
    env.store
        .write(|tx| {
            for (id, platform) in [(2, "instagram"), (3, "tiktok"), (4, "mastodon")] {
                tx.execute(
                    "INSERT INTO accounts (id, platform, handle, created_at) VALUES (?1, ?2, 'someone', '2026-01-01')",
                    rusqlite::params![id, platform],
                )?;
            }
            Ok(())
        })
        .unwrap();
    |entry: &str| {
        let id = if entry.starts_with("data/") {
            1
        } else if entry.starts_with("user_data") {
            3
        } else if entry == "outbox.json" || entry == "actor.json" {
            4
        } else {
            2
        };
        id.to_string()
    }
}

/// 100 000 opening brackets where each JSON reader expects its document.
#[test]
fn deeply_nested_json_is_a_clear_error_in_every_json_reader() {
    let env = env_with_data();
    let account_for = with_accounts(&env);
    let deep = "[".repeat(100_000);
    let deep_obj = "{\"a\":".repeat(100_000);
    let cases: Vec<(&str, String)> = vec![
        ("connections/followers_and_following/followers_1.json", deep.clone()),
        ("connections/followers_and_following/following.json", format!("{{\"relationships_following\": {deep}")),
        ("personal_information/personal_information/personal_information.json", format!("{{\"profile_user\": {deep}")),
        ("your_instagram_activity/content/posts_1.json", format!("[{{\"media\": [], \"creation_timestamp\": {deep}")),
        ("your_instagram_activity/content/reels.json", format!("{{\"ig_reels_media\": {deep}")),
        ("logged_information/past_instagram_insights/posts.json", format!("{{\"organic_insights_posts\": {deep}")),
        ("connections.json", format!("{{\"followers\": {deep}")),
        ("media.json", format!("{{\"photos\": [], \"taken_at\": {deep}")),
        ("data/tweets.js", format!("window.YTD.tweets.part0 = {deep}")),
        ("data/follower.js", format!("window.YTD.follower.part0 = [{deep_obj}")),
        ("data/manifest.js", format!("window.__THAR_CONFIG = {deep_obj}")),
        ("user_data_tiktok.json", format!("{{\"Profile And Settings\": {{\"Follower\": {{\"FansList\": {deep}")),
        ("user_data.json", format!("{{\"ProfileMap\": 1, \"Activity\": {deep_obj}")),
        ("outbox.json", format!("{{\"type\": \"OrderedCollection\", \"orderedItems\": {deep}")),
        ("actor.json", format!("{{\"preferredUsername\": \"a\", \"outbox\": \"outbox.json\", \"icon\": {deep}")),
    ];
    for (i, (entry, body)) in cases.iter().enumerate() {
        let base = entry.rsplit('/').next().unwrap();
        // As a single file, and inside an archive named like the platform's.
        let single = env.path(&format!("deep{i}-{base}"));
        let dir = env.path(&format!("deep{i}"));
        std::fs::create_dir_all(&dir).unwrap();
        let single = if base.starts_with("user_data") || base == "outbox.json" || base == "actor.json" {
            dir.join(base)
        } else {
            let _ = std::fs::remove_dir(&dir);
            single
        };
        std::fs::write(&single, body).unwrap();
        let id = account_for(entry);
        let r = refused_or_imported(&env, &single, &["--account".as_ref(), id.as_ref()]);
        assert!(!r.ok || !r.stdout.is_empty(), "{entry}");
        let archive = env.path(&format!("instagram-deep{i}.user-2026-11-01-x.zip"));
        zip(&archive, &[(entry, body.as_bytes()), ("data/account.js", ACCOUNT_JS)]);
        let r = refused_or_imported(&env, &archive, &[]);
        if !r.ok {
            let code = r.error_code();
            assert!(
                ["import.malformed", "import.truncated", "import.not_recognised", "import.account_unknown"]
                    .contains(&code.as_str()),
                "{entry}: {}",
                r.stderr
            );
        }
    }
}

/// A zip64 archive listing 10 000 000 empty entries (~500 MB of central directory): refused from
/// its end record, before the directory is parsed.
#[test]
fn ten_million_tiny_entries_are_refused_in_bounded_time_and_memory() {
    let env = env_with_data();
    let p = env.path("twitter-2026-04-01-many.zip");
    trust::many_entries_zip(&p, 10_000_000);
    let r = refused(&env, &p, "import.too_large");
    eprintln!("10M entries: refused in {:?}, peak {} MB", r.elapsed, r.peak_mb);
    assert!(r.elapsed < Duration::from_secs(5), "{:?}", r.elapsed);
    assert!(r.stderr.contains("10000000 entries"), "{}", r.stderr);
    std::fs::remove_file(&p).unwrap();
}

#[test]
fn invalid_utf8_in_zip_entry_names_is_refused_or_imported_cleanly() {
    let env = env_with_data();
    // A name flagged as UTF-8 that is not, beside a valid archive; and the same name unflagged
    // (read as code page 437, so valid text).
    for (i, flags) in [0x0800u16, 0].into_iter().enumerate() {
        let p = env.path(&format!("twitter-2026-05-0{}-names.zip", i + 1));
        let bad = RawEntry { flags, ..RawEntry::stored(b"data/\xff\xfe\xc3(.jpg", b"\xff\xd8\xffjpeg") };
        let bad_js = RawEntry { flags, ..RawEntry::stored(b"data/tw\xe9ets\x80.js", b"window.YTD.like.part0 = []") };
        std::fs::write(&p, raw_zip(&[RawEntry::stored(b"data/account.js", ACCOUNT_JS), bad, bad_js])).unwrap();
        let r = refused_or_imported(&env, &p, &[]);
        if i == 1 {
            assert!(r.ok, "code page 437 names are fine: {}", r.stderr);
        }
    }
}

#[test]
fn invalid_utf8_in_json_strings_is_refused_or_imported_cleanly() {
    let env = env_with_data();
    let account_for = with_accounts(&env);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "connections/followers_and_following/followers_1.json",
            b"[{\"title\": \"\", \"string_list_data\": [{\"href\": \"https://www.instagram.com/a\xff\", \"value\": \"\xc3(\xff\", \"timestamp\": 1700000000}]}]".to_vec(),
        ),
        (
            "data/tweets.js",
            b"window.YTD.tweets.part0 = [ { \"tweet\" : { \"id_str\" : \"1\", \"created_at\" : \"Sat Feb 18 11:14:31 +0000 2023\", \"full_text\" : \"caf\xe9 \xed\xa0\x80\" } } ]".to_vec(),
        ),
        (
            "user_data_tiktok.json",
            b"{\"Profile And Settings\": {\"Follower\": {\"FansList\": [{\"Date\": \"2024-11-02 08:00:00\", \"UserName\": \"f\xfe\xfdn\"}]}, \"Profile Info\": {\"ProfileMap\": {\"userName\": \"tok\xff\"}}}}".to_vec(),
        ),
        (
            "outbox.json",
            b"{\"type\": \"OrderedCollection\", \"orderedItems\": [{\"type\": \"Create\", \"object\": {\"id\": \"https://m.example/1\", \"published\": \"2024-01-01T00:00:00Z\", \"content\": \"<p>\xc0\xaf</p>\"}}]}".to_vec(),
        ),
        // Escaped lone surrogates are valid JSON text but not Unicode.
        (
            "connections/followers_and_following/followers_2.json",
            br#"[{"title": "", "string_list_data": [{"href": "https://www.instagram.com/b", "value": "\ud800b\udfff", "timestamp": 1700000000}]}]"#.to_vec(),
        ),
    ];
    for (i, (entry, body)) in cases.iter().enumerate() {
        let archive = env.path(&format!("instagram-utf{i}.user-2026-11-01-x.zip"));
        let mut entries: Vec<(&str, &[u8])> = vec![(entry, body)];
        if entry.starts_with("data/") {
            entries.push(("data/account.js", ACCOUNT_JS));
        }
        if *entry == "outbox.json" {
            entries.push(("actor.json", br#"{"type": "Person", "preferredUsername": "utf", "outbox": "outbox.json", "url": "https://m.example/@utf"}"#));
        }
        zip(&archive, &entries);
        refused_or_imported(&env, &archive, &[]);
        let single = env.path(&format!("utf{i}"));
        std::fs::create_dir_all(&single).unwrap();
        let base = entry.rsplit('/').next().unwrap();
        std::fs::write(single.join(base), body).unwrap();
        let id = account_for(entry);
        refused_or_imported(&env, &single.join(base), &["--account".as_ref(), id.as_ref()]);
    }
}

#[test]
fn invalid_utf8_in_csv_cells_is_refused_or_imported_cleanly() {
    let env = env_with_data();
    // A LinkedIn account for Connections.csv, which does not name its owner.
    env.store
        .write(|tx| {
            tx.execute(
                "INSERT INTO accounts (platform, handle, created_at) VALUES ('linkedin', 'me', '2026-01-01')",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "Connections.csv",
            b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAd\xffa,Love\xc3(lace,https://www.linkedin.com/in/ad\xfea,,Eng\xe9ines,M\x80,30 Jan 2026\n".to_vec(),
        ),
        (
            "Jun-01-2026_Jun-30-2026_17841400000000001.csv",
            b"Post ID,Account ID,Account username,Account name,Description,Duration (sec),Publish time,Permalink,Post type,Data comment,Date,Views,Reach,Likes,Shares,Follows,Comments,Saves\n1,2,atelier\xff,N\xe9,Caf\xc3(,0,06/01/2026 10:00,https://x/\xff,IG image,,Lifetime,10,5,1,0,0,0,0\n".to_vec(),
        ),
        (
            "resonance-generic.csv",
            b"date,platform,account,followers\n2026-01-01,other,gen\xff\xfe,10\n2026-01-02,other,gen\xff\xfe,1\xc31\n".to_vec(),
        ),
        ("Overview.csv", b"\xef\xbb\xbfDate,Video Views,Profile Views,Likes,Comments,Shares\nD\xe9cember 30,1200,40,90,12,5\n".to_vec()),
        ("Totals.csv", b"Date,Subscribers\n2025-01-01,1\xff0\n".to_vec()),
    ];
    for (name, body) in &cases {
        let p = env.path(name);
        std::fs::write(&p, body).unwrap();
        refused_or_imported(&env, &p, &[]);
    }
}

/// A folder whose file names are not UTF-8 (possible on Linux): its other files still import.
#[cfg(target_os = "linux")]
#[test]
fn invalid_utf8_in_folder_file_names_does_not_break_the_import() {
    use std::os::unix::ffi::OsStrExt;
    let env = env_with_data();
    let dir = env.path("twitter-2026-06-01-folder");
    std::fs::create_dir_all(dir.join("data")).unwrap();
    std::fs::write(dir.join("data/account.js"), ACCOUNT_JS).unwrap();
    std::fs::write(
        dir.join("data/tweets.js"),
        br#"window.YTD.tweets.part0 = [ { "tweet" : { "id_str" : "78", "created_at" : "Sat Feb 18 11:14:31 +0000 2023", "full_text" : "hi", "favorite_count" : "1", "retweet_count" : "0" } } ]"#,
    )
    .unwrap();
    std::fs::write(dir.join("data").join(OsStr::from_bytes(b"photo-\xe9t\xe9.jpg")), b"\xff\xd8\xffjpeg").unwrap();
    std::fs::write(dir.join("data").join(OsStr::from_bytes(b"like-\xff.js")), b"window.YTD.like.part0 = []").unwrap();
    let r = cli(&env, &[dir.as_os_str()]);
    bounded(&r, "folder with non-UTF-8 names");
    assert!(r.ok, "{}", r.stderr);
    // And a path argument that is not UTF-8 itself.
    let odd = env.path("").join(OsStr::from_bytes(b"export-\xff.zip"));
    x_archive(&odd, "2026-06-02T08:00:00.000Z", &["5"]);
    let r = cli(&env, &[odd.as_os_str()]);
    bounded(&r, "non-UTF-8 path");
    assert!(r.ok, "{}", r.stderr);
    let _ = crc32(b"");
}
