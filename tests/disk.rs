//! A full disk and a read-only data folder: the CLI says so in words (English or French) naming
//! the file, exits with status 1 and a stable code, and the database is left exactly as it was
//! (`PRAGMA integrity_check` ok, every value the same), usable again once there is room.
//!
//! The tests run as root (here and in CI), for whom `chmod` makes nothing read-only. So:
//! * a disk that fills up: `RLIMIT_FSIZE` set on the CLI process (with `SIGXFSZ` ignored, so a
//!   write past the limit fails with `EFBIG` instead of killing it), which works everywhere;
//! * a really full disk (`ENOSPC`) and a read-only folder: a small tmpfs, and a read-only bind
//!   mount of the data folder, each inside a private mount namespace (`unshare -m`) that
//!   disappears with the command. That needs the privilege to mount; where it is missing, the test
//!   says so on stderr and checks the rest.

mod common;
mod trust;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;
use trust::{digest_file, files_in, integrity};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_resonance")
}

struct Ran {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl From<Output> for Ran {
    fn from(o: Output) -> Ran {
        Ran {
            code: o.status.code(),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

impl Ran {
    fn error(&self) -> serde_json::Value {
        serde_json::from_str(self.stderr.trim()).unwrap_or_else(|_| panic!("a JSON error on stderr: {}", self.stderr))
    }
}

/// The CLI with no file allowed to grow beyond `limit` bytes.
fn with_file_size_limit(limit: u64, args: &[&OsStr]) -> Ran {
    Command::new("sh")
        .arg("-c")
        .arg(r#"trap '' XFSZ; limit=$1; shift; exec prlimit --fsize="$limit" -- "$@""#)
        .arg("sh")
        .arg(limit.to_string())
        .arg(bin())
        .args(args)
        .output()
        .unwrap()
        .into()
}

fn cli(args: &[&OsStr]) -> Ran {
    Command::new(bin()).args(args).output().unwrap().into()
}

fn os(s: &str) -> &OsStr {
    OsStr::new(s)
}

fn size(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

/// The files beside the database but its WAL and shared-memory index (SQLite's to recover).
fn beside(dir: &Path) -> Vec<String> {
    files_in(dir).into_iter().filter(|f| !f.ends_with("-wal") && !f.ends_with("-shm")).collect()
}

/// A data folder holding a database with one X export imported, and a second, larger export.
struct Setup {
    _dir: tempfile::TempDir,
    data: PathBuf,
    db: PathBuf,
    second: PathBuf,
    digest: String,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("twitter-2025-01-01-first.zip");
    let second = dir.path().join("twitter-2025-06-01-second.zip");
    trust::large_x_archive(&first, 11, "2025-01-01T08:00:00.000Z", 5_000, 200);
    trust::large_x_archive(&second, 12, "2025-06-01T08:00:00.000Z", 30_000, 800);
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let db = data.join("resonance.db");
    let r = cli(&[os("--db"), db.as_os_str(), os("import"), first.as_os_str()]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let digest = digest_file(&db);
    settle(&db);
    Setup { data: data.clone(), db, second, digest, _dir: dir }
}

/// Opens and closes the database read-write: the last connection to close folds the WAL back
/// in and removes it and its index (a read-only connection, as `digest_file` opens, leaves them).
fn settle(db: &Path) {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0)).unwrap();
}

/// The database passes its checks and holds exactly what it held.
fn assert_intact(db: &Path, digest: &str, what: &str) {
    assert_eq!(integrity(db), ("ok".to_string(), 0), "{what}: integrity");
    assert_eq!(digest_file(db), digest, "{what}: the database holds exactly what it held");
}

#[test]
fn a_disk_that_fills_up_during_an_import_a_backup_a_restore_or_an_upgrade_changes_nothing_and_says_which_file() {
    let t0 = Instant::now();
    let s = setup();
    let db_size = size(&s.db);
    // Room for a few pages of WAL, for part of the commit, for most of it (the import's WAL is
    // a few MB): the commit fails at its first, a middle or a late write.
    for (i, room) in [4_096u64, 200_000, 600_000].into_iter().enumerate() {
        let lang = if i % 2 == 0 { "en" } else { "fr" };
        let r = with_file_size_limit(
            db_size + room,
            &[os("--db"), s.db.as_os_str(), os("--lang"), os(lang), os("--json"), os("import"), s.second.as_os_str()],
        );
        assert_eq!(r.code, Some(1), "room {room}: {}", r.stderr);
        assert!(r.stdout.trim().is_empty(), "nothing reported as imported: {}", r.stdout);
        let e = r.error();
        assert_eq!(e["code"], "db.write_failed", "room {room}: {e}");
        let message = e["message"].as_str().unwrap();
        assert!(message.contains(&s.db.display().to_string()), "the message names the file: {message}");
        let expected = if lang == "en" {
            "the disk may be full, failing or disconnected. Nothing was saved and the database is intact."
        } else {
            "le disque est peut-être plein, défaillant ou déconnecté. Rien n'a été enregistré et la base est intacte."
        };
        assert!(message.contains(expected), "{message}");
        assert_intact(&s.db, &s.digest, &format!("room {room}"));
        assert_eq!(beside(&s.data), ["resonance.db"]);
    }
    // The words without --json.
    let r = with_file_size_limit(
        db_size + 4_096,
        &[os("--db"), s.db.as_os_str(), os("--lang"), os("fr"), os("import"), s.second.as_os_str()],
    );
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.starts_with(&format!("erreur : L'écriture dans {} a échoué", s.db.display())), "{}", r.stderr);

    // A backup to a disk that fills up: refused, naming the backup file, nothing left behind.
    let out = s.data.join("copy.db");
    let r = with_file_size_limit(
        db_size / 2,
        &[os("--db"), s.db.as_os_str(), os("--json"), os("backup"), os("--out"), out.as_os_str()],
    );
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let e = r.error();
    assert_eq!(e["code"], "db.write_failed", "{e}");
    assert!(e["message"].as_str().unwrap().contains(&out.display().to_string()), "{e}");
    assert_eq!(beside(&s.data), ["resonance.db"], "no half backup under any name");
    assert_intact(&s.db, &s.digest, "backup");

    // Once there is room again, the import goes through.
    let kept = s.data.parent().unwrap().join("kept.db");
    let r = cli(&[os("--db"), s.db.as_os_str(), os("backup"), os("--out"), kept.as_os_str()]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let r = cli(&[os("--db"), s.db.as_os_str(), os("--json"), os("import"), s.second.as_os_str()]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(integrity(&s.db), ("ok".to_string(), 0));

    // A restore that cannot first save what it replaces: refused, naming that copy, nothing
    // replaced, nothing left behind; with room, it goes through.
    let now = digest_file(&s.db);
    settle(&s.db);
    let r = with_file_size_limit(
        size(&s.db) / 2,
        &[os("--db"), s.db.as_os_str(), os("--json"), os("restore"), kept.as_os_str()],
    );
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let e = r.error();
    assert_eq!(e["code"], "db.write_failed", "{e}");
    assert!(e["message"].as_str().unwrap().contains("resonance-before-restore-"), "{e}");
    assert_intact(&s.db, &now, "restore");
    assert_eq!(beside(&s.data), ["resonance.db"], "no half copy left");
    let r = cli(&[os("--db"), s.db.as_os_str(), os("--json"), os("restore"), kept.as_os_str()]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_intact(&s.db, &s.digest, "restored");
    for f in beside(&s.data).into_iter().filter(|f| f.starts_with("resonance-before-restore-")) {
        std::fs::remove_file(s.data.join(f)).unwrap();
    }

    // An old database whose pre-upgrade backup does not fit: not upgraded, not touched, no
    // half backup; the next run with room upgrades it.
    let old = s.data.join("old.db");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/db/v1.db"), &old).unwrap();
    let old_digest = digest_file(&old);
    let r = with_file_size_limit(size(&old) / 2, &[os("--db"), old.as_os_str(), os("--json"), os("accounts")]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let e = r.error();
    assert_eq!(e["code"], "db.write_failed", "{e}");
    assert!(e["message"].as_str().unwrap().contains("old.db.v1-"), "names the backup it could not write: {e}");
    assert_intact(&old, &old_digest, "upgrade");
    assert_eq!(beside(&s.data), ["old.db", "resonance.db"], "no half backup left");
    let r = cli(&[os("--db"), old.as_os_str(), os("--json"), os("accounts")]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    eprintln!("file-size limit cases: {:?}", t0.elapsed());
}

/// Whether this process may create a private mount namespace and mount in it.
fn can_mount() -> bool {
    let dir = tempfile::tempdir().unwrap();
    Command::new("unshare")
        .args(["-m", "sh", "-c", r#"mount -t tmpfs -o size=64k resonance-probe "$1""#, "sh"])
        .arg(dir.path())
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs the CLI with the folder `dir` mounted read-only over itself, in a private mount namespace.
fn with_read_only(dir: &Path, args: &[&OsStr]) -> Ran {
    Command::new("unshare")
        .args(["-m", "sh", "-c", r#"d=$1; shift; mount --bind -o ro "$d" "$d" && exec "$@""#, "sh"])
        .arg(dir)
        .arg(bin())
        .args(args)
        .output()
        .unwrap()
        .into()
}

/// Copies the database into a tmpfs with `room` bytes to spare, runs the CLI on it there, and
/// copies the database files (as the run left them) back into `out`.
fn on_small_disk(db: &Path, room: u64, out: &Path, args: &[&OsStr]) -> Ran {
    let kib = (size(db) + room).div_ceil(1024);
    let mnt = out.join("mnt");
    std::fs::create_dir_all(&mnt).unwrap();
    let script = r#"set -e
        out=$1; kib=$2; db=$3; shift 3
        mount -t tmpfs -o size="${kib}k" resonance-small "$out/mnt"
        cp "$db" "$out/mnt/resonance.db"
        set +e
        "$@" > "$out/stdout" 2> "$out/stderr"
        echo $? > "$out/code"
        for f in "$out"/mnt/resonance.db*; do cp "$f" "$out/"; done"#;
    let o = Command::new("unshare")
        .args(["-m", "sh", "-c", script, "sh"])
        .arg(out)
        .arg(kib.to_string())
        .arg(db)
        .arg(bin())
        .arg("--db")
        .arg(mnt.join("resonance.db"))
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let read = |f: &str| std::fs::read_to_string(out.join(f)).unwrap();
    Ran { code: read("code").trim().parse().ok(), stdout: read("stdout"), stderr: read("stderr") }
}

#[test]
fn a_really_full_disk_and_a_read_only_data_folder_change_nothing_and_say_which_file() {
    if !can_mount() {
        eprintln!(
            "SKIPPED: no privilege to mount in a private namespace (unshare -m); the file-size-limit test covers the full disk"
        );
        return;
    }
    let t0 = Instant::now();
    let s = setup();

    // ENOSPC: a tmpfs with 64 KiB to spare.
    for (lang, json) in [("en", true), ("fr", false)] {
        let out = s.data.parent().unwrap().join(format!("small-{lang}"));
        let mut args = vec![os("--lang"), os(lang), os("import"), s.second.as_os_str()];
        if json {
            args.push(os("--json"));
        }
        let r = on_small_disk(&s.db, 64 * 1024, &out, &args);
        assert_eq!(r.code, Some(1), "{}", r.stderr);
        let in_tmpfs = out.join("mnt").join("resonance.db").display().to_string();
        if json {
            let e = r.error();
            assert_eq!(e["code"], "db.disk_full", "{e}");
            assert_eq!(
                e["message"],
                format!(
                    "The disk holding {in_tmpfs} is full: nothing was saved and the database is intact. Free some space and try again."
                )
            );
        } else {
            assert_eq!(
                r.stderr.trim(),
                format!(
                    "erreur : Le disque qui contient {in_tmpfs} est plein : rien n'a été enregistré et la base est intacte. Libérez de la place puis réessayez."
                )
            );
        }
        assert_intact(&out.join("resonance.db"), &s.digest, &format!("full tmpfs ({lang})"));
    }

    // A read-only data folder: writing is refused in words, reading too (SQLite creates the WAL
    // and its index beside the database), the file is untouched.
    settle(&s.db);
    assert_eq!(files_in(&s.data), ["resonance.db"]);
    let before = trust::sha_file(&s.db);
    for (args, what) in [
        (vec![os("--json"), os("import"), s.second.as_os_str()], "import"),
        (vec![os("--json"), os("accounts")], "accounts"),
        (vec![os("--json"), os("annotate"), os("--day"), os("2025-01-01"), os("--kind"), os("press")], "annotate"),
    ] {
        let mut all = vec![os("--db"), s.db.as_os_str()];
        all.extend(args);
        let r = with_read_only(&s.data, &all);
        assert_eq!(r.code, Some(1), "{what}: {}", r.stderr);
        let e = r.error();
        assert_eq!(e["code"], "db.read_only", "{what}: {e}");
        assert!(
            e["message"]
                .as_str()
                .unwrap()
                .starts_with(&format!("Resonance cannot write to {}: its folder is read-only", s.db.display())),
            "{what}: {e}"
        );
    }
    let r = with_read_only(&s.data, &[os("--db"), s.db.as_os_str(), os("--lang"), os("fr"), os("accounts")]);
    assert!(
        r.stderr.starts_with(&format!(
            "erreur : Resonance ne peut pas écrire dans {} : son dossier est en lecture seule",
            s.db.display()
        )),
        "{}",
        r.stderr
    );
    assert_eq!(files_in(&s.data), ["resonance.db"]);
    assert_eq!(trust::sha_file(&s.db), before, "byte for byte as it was");
    assert_intact(&s.db, &s.digest, "read-only folder");
    eprintln!("tmpfs and read-only cases: {:?}", t0.elapsed());
}
