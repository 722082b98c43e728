//! Helpers of the trust tests (crash.rs, upgrade.rs, hostile.rs): an exact digest of a database's
//! content, the CLI run as a child with its time and peak memory measured, and a zip writer that
//! writes what the zip crate refuses to (lying sizes, raw names, zip64 counts).
#![allow(dead_code)]

use rusqlite::Connection;
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// sha256 of every row of every table (schema included), tables by name, rows in primary-key
/// order: two databases with the same digest hold exactly the same data.
pub fn digest_conn(c: &Connection) -> String {
    let mut h = Sha256::new();
    let mut tables: Vec<(String, String)> = c
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    tables.sort();
    for (t, sql) in tables {
        h.update(t.as_bytes());
        h.update(sql.as_bytes());
        h.update(table_digest(c, &t, None).as_bytes());
    }
    let v: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    h.update(v.to_le_bytes());
    hex::encode(h.finalize())
}

/// sha256 of the rows of one table, limited to `columns` when given (to compare a table across a
/// migration that added columns).
pub fn table_digest(c: &Connection, table: &str, columns: Option<&[String]>) -> String {
    let cols: Vec<String> = match columns {
        Some(cols) => cols.to_vec(),
        None => columns_of(c, table),
    };
    let list = cols.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
    let order = (1..=cols.len()).map(|i| i.to_string()).collect::<Vec<_>>().join(", ");
    let mut stmt = c.prepare(&format!("SELECT {list} FROM \"{table}\" ORDER BY {order}")).unwrap();
    let n = cols.len();
    let mut rows = stmt.query([]).unwrap();
    let mut h = Sha256::new();
    let mut count = 0u64;
    while let Some(r) = rows.next().unwrap() {
        count += 1;
        for i in 0..n {
            match r.get_ref(i).unwrap() {
                rusqlite::types::ValueRef::Null => h.update([0u8]),
                rusqlite::types::ValueRef::Integer(v) => {
                    h.update([1u8]);
                    h.update(v.to_le_bytes());
                }
                rusqlite::types::ValueRef::Real(v) => {
                    h.update([2u8]);
                    h.update(v.to_le_bytes());
                }
                rusqlite::types::ValueRef::Text(t) => {
                    h.update([3u8]);
                    h.update((t.len() as u64).to_le_bytes());
                    h.update(t);
                }
                rusqlite::types::ValueRef::Blob(b) => {
                    h.update([4u8]);
                    h.update((b.len() as u64).to_le_bytes());
                    h.update(b);
                }
            }
        }
    }
    h.update(count.to_le_bytes());
    hex::encode(h.finalize())
}

pub fn columns_of(c: &Connection, table: &str) -> Vec<String> {
    c.prepare(&format!("SELECT name FROM pragma_table_info('{table}') ORDER BY cid"))
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// Opens `path` read-write the way SQLite recovers it after a crash (a hot WAL is replayed or
/// dropped), and returns (integrity_check, digest).
pub fn check_db(path: &Path) -> (String, String) {
    let c = Connection::open(path).unwrap();
    let integrity: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    let fk: i64 = c.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 0, "no dangling references in {}", path.display());
    (integrity, digest_conn(&c))
}

pub fn digest_file(path: &Path) -> String {
    let c = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    digest_conn(&c)
}

/// sha256 of a file's bytes.
pub fn sha_file(path: &Path) -> String {
    let mut f = std::fs::File::open(path).unwrap();
    let mut h = Sha256::new();
    std::io::copy(&mut f, &mut h).unwrap();
    hex::encode(h.finalize())
}

/// What a run of the CLI did.
#[derive(Debug)]
pub struct Run {
    pub ok: bool,
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
    /// Peak resident memory of the child (VmHWM, sampled every few milliseconds), in MB.
    pub peak_mb: u64,
}

impl Run {
    /// The stable error code of a `--json` run.
    pub fn error_code(&self) -> String {
        serde_json::from_str::<serde_json::Value>(self.stderr.trim())
            .ok()
            .and_then(|v| v["code"].as_str().map(str::to_string))
            .unwrap_or_else(|| format!("<no JSON error: {}>", self.stderr))
    }
}

/// Runs the CLI with `args`, measuring time and peak memory; kills it after `limit`.
pub fn cli(args: &[&std::ffi::OsStr], limit: Duration) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_resonance"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out_t = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out_pipe.read_to_end(&mut s);
        s
    });
    let err_t = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err_pipe.read_to_end(&mut s);
        s
    });
    let t0 = Instant::now();
    let mut peak_kb = 0u64;
    let status = loop {
        if let Some(kb) = vm_hwm_kb(pid) {
            peak_kb = peak_kb.max(kb);
        }
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if t0.elapsed() > limit {
            let _ = child.kill();
            let st = child.wait().unwrap();
            panic!("{args:?} still running after {limit:?} (killed: {st:?})");
        }
        std::thread::sleep(Duration::from_millis(3));
    };
    let elapsed = t0.elapsed();
    Run {
        ok: status.success(),
        code: status.code(),
        stdout: String::from_utf8_lossy(&out_t.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err_t.join().unwrap()).into_owned(),
        elapsed,
        peak_mb: peak_kb / 1024,
    }
}

fn vm_hwm_kb(pid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A zip entry written raw.
pub struct RawEntry<'a> {
    pub name: &'a [u8],
    /// 0 stored, 8 deflated.
    pub method: u16,
    pub data: &'a [u8],
    /// What the headers say the entry inflates to.
    pub declared_size: u32,
    pub crc: u32,
    /// General purpose flags (bit 11: the name is UTF-8).
    pub flags: u16,
    /// Unix mode in the high 16 bits of the external attributes (0: none).
    pub unix_mode: u32,
}

impl<'a> RawEntry<'a> {
    pub fn stored(name: &'a [u8], data: &'a [u8]) -> RawEntry<'a> {
        RawEntry { name, method: 0, data, declared_size: data.len() as u32, crc: crc32(data), flags: 0, unix_mode: 0 }
    }
}

/// Writes entries as a zip exactly as described, headers and all (no zip64).
pub fn raw_zip(entries: &[RawEntry<'_>]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let offset = out.len() as u32;
        out.extend_from_slice(&0x04034b50u32.to_le_bytes());
        out.extend_from_slice(&20u16.to_le_bytes());
        out.extend_from_slice(&e.flags.to_le_bytes());
        out.extend_from_slice(&e.method.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // time
        out.extend_from_slice(&0x5B61u16.to_le_bytes()); // date 2025-11-01
        out.extend_from_slice(&e.crc.to_le_bytes());
        out.extend_from_slice(&(e.data.len() as u32).to_le_bytes());
        out.extend_from_slice(&e.declared_size.to_le_bytes());
        out.extend_from_slice(&(e.name.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(e.name);
        out.extend_from_slice(e.data);

        central.extend_from_slice(&0x02014b50u32.to_le_bytes());
        let made_by: u16 = if e.unix_mode != 0 { 3 << 8 | 20 } else { 20 };
        central.extend_from_slice(&made_by.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&e.flags.to_le_bytes());
        central.extend_from_slice(&e.method.to_le_bytes());
        central.extend_from_slice(&0u16.to_le_bytes());
        central.extend_from_slice(&0x5B61u16.to_le_bytes());
        central.extend_from_slice(&e.crc.to_le_bytes());
        central.extend_from_slice(&(e.data.len() as u32).to_le_bytes());
        central.extend_from_slice(&e.declared_size.to_le_bytes());
        central.extend_from_slice(&(e.name.len() as u16).to_le_bytes());
        central.extend_from_slice(&[0u8; 8]); // extra len, comment len, disk, internal attrs
        central.extend_from_slice(&(e.unix_mode << 16).to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(e.name);
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x06054b50u32.to_le_bytes());
    out.extend_from_slice(&[0u8; 4]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

/// Writes to `path` a zip64 archive whose central directory lists `n` empty stored entries with
/// distinct 4-character names (50 bytes each), streaming. Every record points at the one local
/// header at the start: a reader must parse the directory before it reads any entry, which is
/// what this archive attacks.
pub fn many_entries_zip(path: &Path, n: u64) {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let name = |i: u64| -> [u8; 4] {
        [
            ALPHABET[(i & 63) as usize],
            ALPHABET[(i >> 6 & 63) as usize],
            ALPHABET[(i >> 12 & 63) as usize],
            ALPHABET[(i >> 18 & 63) as usize],
        ]
    };
    let f = std::fs::File::create(path).unwrap();
    let mut w = std::io::BufWriter::with_capacity(1 << 20, f);
    // Local header: signature, version, flags, method, time, date, crc, sizes, name len, extra len.
    let mut local = [0u8; 34];
    local[..4].copy_from_slice(&0x04034b50u32.to_le_bytes());
    local[4..6].copy_from_slice(&20u16.to_le_bytes());
    local[12..14].copy_from_slice(&0x5B61u16.to_le_bytes());
    local[26..28].copy_from_slice(&4u16.to_le_bytes());
    local[30..34].copy_from_slice(&name(0));
    w.write_all(&local).unwrap();
    let cd_offset = 34u64;
    let mut central = [0u8; 50];
    central[..4].copy_from_slice(&0x02014b50u32.to_le_bytes());
    central[4..6].copy_from_slice(&20u16.to_le_bytes());
    central[6..8].copy_from_slice(&20u16.to_le_bytes());
    central[14..16].copy_from_slice(&0x5B61u16.to_le_bytes());
    central[28..30].copy_from_slice(&4u16.to_le_bytes());
    for i in 0..n {
        central[46..50].copy_from_slice(&name(i));
        w.write_all(&central).unwrap();
    }
    let cd_size = n * 50;
    let eocd64_offset = cd_offset + cd_size;
    // Zip64 end of central directory record.
    w.write_all(&0x06064b50u32.to_le_bytes()).unwrap();
    w.write_all(&44u64.to_le_bytes()).unwrap();
    w.write_all(&45u16.to_le_bytes()).unwrap();
    w.write_all(&45u16.to_le_bytes()).unwrap();
    w.write_all(&0u32.to_le_bytes()).unwrap();
    w.write_all(&0u32.to_le_bytes()).unwrap();
    w.write_all(&n.to_le_bytes()).unwrap();
    w.write_all(&n.to_le_bytes()).unwrap();
    w.write_all(&cd_size.to_le_bytes()).unwrap();
    w.write_all(&cd_offset.to_le_bytes()).unwrap();
    // Zip64 locator.
    w.write_all(&0x07064b50u32.to_le_bytes()).unwrap();
    w.write_all(&0u32.to_le_bytes()).unwrap();
    w.write_all(&eocd64_offset.to_le_bytes()).unwrap();
    w.write_all(&1u32.to_le_bytes()).unwrap();
    // End of central directory, every field saturated (see the zip64 record).
    w.write_all(&0x06054b50u32.to_le_bytes()).unwrap();
    w.write_all(&[0u8; 4]).unwrap();
    w.write_all(&0xFFFFu16.to_le_bytes()).unwrap();
    w.write_all(&0xFFFFu16.to_le_bytes()).unwrap();
    w.write_all(&0xFFFF_FFFFu32.to_le_bytes()).unwrap();
    w.write_all(&0xFFFF_FFFFu32.to_le_bytes()).unwrap();
    w.write_all(&0u16.to_le_bytes()).unwrap();
    w.flush().unwrap();
}

/// A raw deflate stream that inflates to `copies` MB of `byte`, about 1 KB per MB.
pub fn deflate_bomb(byte: u8, copies: usize) -> Vec<u8> {
    deflate_parts(&[(&vec![byte; 1 << 20], copies)])
}

/// A raw deflate stream of each (chunk, copies) in turn: every chunk is compressed once with a
/// full flush (so that it does not refer to what came before it) and its blocks repeated.
pub fn deflate_parts(parts: &[(&[u8], usize)]) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let mut out = Vec::new();
    for (chunk, copies) in parts {
        let mut c = Compress::new(Compression::best(), false);
        let mut block = Vec::with_capacity(chunk.len() + 1024);
        c.compress_vec(chunk, &mut block, FlushCompress::Full).unwrap();
        assert_eq!(c.total_in(), chunk.len() as u64);
        for _ in 0..*copies {
            out.extend_from_slice(&block);
        }
    }
    // A final empty stored block.
    out.extend_from_slice(&[0x01, 0x00, 0x00, 0xFF, 0xFF]);
    out
}

/// crc32 (IEEE) of `data`.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// Writes a large X archive at `path`, deterministic for a `seed`: the account `camtest` (id
/// 1000), `followers` follower ids drawn from a pool shared across seeds (so that two archives
/// overlap, as two exports of the same account do: the second one yields unfollows), `tweets`
/// tweets with their likes and reposts, one following. `generated` is the archive's date.
pub fn large_x_archive(path: &Path, seed: u64, generated: &str, followers: usize, tweets: usize) {
    use rand::{Rng, SeedableRng};
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut follower = String::with_capacity(followers * 110 + 64);
    follower.push_str("window.YTD.follower.part0 = [ ");
    let pool = (followers as u64) * 5 / 4 + 1;
    let mut seen = std::collections::HashSet::with_capacity(followers);
    let mut first = true;
    while seen.len() < followers {
        let id = 10_000_000 + rng.random_range(0..pool);
        if !seen.insert(id) {
            continue;
        }
        if !first {
            follower.push_str(",\n");
        }
        first = false;
        follower.push_str(&format!(
            r#"{{ "follower" : {{ "accountId" : "{id}", "userLink" : "https://twitter.com/intent/user?user_id={id}" }} }}"#
        ));
    }
    follower.push_str(" ]");
    let mut tw = String::with_capacity(tweets * 300 + 64);
    tw.push_str("window.YTD.tweets.part0 = [ ");
    // Tweets of 2020 onwards, a few hours apart, ids rising with time like snowflakes.
    let start = chrono::DateTime::parse_from_rfc3339("2020-01-01T08:00:00Z").unwrap();
    let mut t = start;
    for i in 0..tweets {
        t += chrono::Duration::minutes(rng.random_range(60..2_000));
        let id = 1_200_000_000_000_000_000u64 + (i as u64) * 1_000_003 + (seed % 1000);
        let likes: u32 = rng.random_range(0..500);
        let rts: u32 = rng.random_range(0..60);
        if i > 0 {
            tw.push_str(",\n");
        }
        tw.push_str(&format!(
            r#"{{ "tweet" : {{ "retweeted" : false, "favorite_count" : "{likes}", "id_str" : "{id}", "id" : "{id}", "retweet_count" : "{rts}", "created_at" : "{}", "full_text" : "post {i} of seed {seed}: café &amp; thé — {}", "lang" : "en" }} }}"#,
            t.format("%a %b %d %H:%M:%S +0000 %Y"),
            rng.random::<u32>()
        ));
    }
    tw.push_str(" ]");
    let account = r#"window.YTD.account.part0 = [ { "account" : { "email" : "a@example.org", "createdVia" : "web", "username" : "camtest", "accountId" : "1000", "createdAt" : "2015-06-23T13:04:14.000Z", "accountDisplayName" : "Cam Test" } } ]"#;
    let manifest = format!(
        r#"window.__THAR_CONFIG = {{ "userInfo" : {{ "accountId" : "1000", "userName" : "camtest", "displayName" : "Cam Test" }}, "archiveInfo" : {{ "sizeBytes" : "1000", "generationDate" : "{generated}", "isPartialArchive" : false }} }}"#
    );
    let following = r#"window.YTD.following.part0 = [ { "following" : { "accountId" : "77", "userLink" : "https://twitter.com/intent/user?user_id=77" } } ]"#;
    let f = std::fs::File::create(path).unwrap();
    let mut z = zip::ZipWriter::new(std::io::BufWriter::new(f));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for (name, bytes) in [
        ("data/manifest.js", manifest.as_bytes()),
        ("data/account.js", account.as_bytes()),
        ("data/tweets.js", tw.as_bytes()),
        ("data/follower.js", follower.as_bytes()),
        ("data/following.js", following.as_bytes()),
        ("data/like.js", b"window.YTD.like.part0 = [ ]".as_slice()),
    ] {
        z.start_file(name, opts).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap();
}

/// The digest of every table (as [`table_digest`]), by table name, leaving out the `masked`
/// (table, column) pairs (values that record when something was done, not what), plus the schema
/// of each table and `user_version`: equal maps mean the same data, and a failed comparison
/// says which table differs.
pub fn table_digests(c: &Connection, masked: &[(&str, &str)]) -> std::collections::BTreeMap<String, String> {
    let mut out = std::collections::BTreeMap::new();
    let tables: Vec<(String, String)> = c
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    for (t, sql) in tables {
        let cols: Vec<String> =
            columns_of(c, &t).into_iter().filter(|col| !masked.contains(&(t.as_str(), col.as_str()))).collect();
        out.insert(format!("{t} (schema)"), sql);
        out.insert(t.clone(), table_digest(c, &t, Some(&cols)));
    }
    let v: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    out.insert("user_version".into(), v.to_string());
    out
}

/// `PRAGMA integrity_check` and `PRAGMA foreign_key_check` of the database at `path`, opened
/// read-write the way the next run of the app opens it after a crash (a hot WAL is replayed up to
/// its last commit; frames of an unfinished transaction are ignored).
pub fn integrity(path: &Path) -> (String, i64) {
    let c = Connection::open(path).unwrap();
    let rows: Vec<String> = c
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let fk: i64 = c.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    (rows.join("; "), fk)
}

/// The files in `dir`, sorted, as names.
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> =
        std::fs::read_dir(dir).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    v.sort();
    v
}

/// Whether another connection (another process) holds the write lock of the WAL database at
/// `path` right now: `BEGIN IMMEDIATE` without waiting fails with SQLITE_BUSY exactly then. When it
/// succeeds the lock is released at once. `None` when the file cannot be opened.
pub fn writer_active(path: &Path) -> Option<bool> {
    let c = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE).ok()?;
    c.busy_timeout(Duration::ZERO).ok()?;
    match c.execute_batch("BEGIN IMMEDIATE") {
        Ok(()) => {
            let _ = c.execute_batch("ROLLBACK");
            Some(false)
        }
        Err(rusqlite::Error::SqliteFailure(f, _))
            if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) =>
        {
            Some(true)
        }
        Err(_) => None,
    }
}

/// CPU time a live process has used so far (user + system, all threads), in clock ticks: a
/// measure of how far it got that does not depend on how loaded the machine is.
pub fn cpu_ticks(pid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &s[s.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
}
