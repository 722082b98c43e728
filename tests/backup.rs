//! Backup and restore from the command line while the database is in use: another connection
//! keeps writing to it and another CLI process keeps reading it. The backup holds the database
//! value for value; a restore brings it back value for value and keeps what it replaced; a file
//! that is not a Resonance backup, or one from a newer version, is refused with the live database
//! untouched.

mod common;
mod trust;

use resonance::store::SCHEMA_VERSION;
use rusqlite::Connection;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use trust::{Run, digest_file, files_in};

fn cli(db: &Path, args: &[&OsStr]) -> Run {
    let mut all: Vec<&OsStr> = vec![OsStr::new("--db"), db.as_os_str()];
    all.extend_from_slice(args);
    trust::cli(&all, Duration::from_secs(120))
}

fn os(s: &str) -> &OsStr {
    OsStr::new(s)
}

/// What the other users of the database did meanwhile.
struct Activity {
    stop: Arc<AtomicBool>,
    writes: Arc<AtomicU64>,
    writer: JoinHandle<Vec<String>>,
    reader: JoinHandle<(u64, Vec<String>)>,
}

/// Starts a connection that commits write transactions as fast as it can (rewriting a value with
/// itself: the data stays the same, the pages change) and a CLI process after another listing
/// the accounts, until stopped.
fn start_activity(db: &Path) -> Activity {
    let stop = Arc::new(AtomicBool::new(false));
    let writes = Arc::new(AtomicU64::new(0));
    let writer = {
        let (db, stop, writes) = (db.to_path_buf(), stop.clone(), writes.clone());
        std::thread::spawn(move || {
            let c = Connection::open(&db).unwrap();
            resonance::store::configure(&c).unwrap();
            let mut errors = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                let r = c.execute_batch(
                    "BEGIN IMMEDIATE; UPDATE accounts SET label = label; UPDATE posts SET text = text WHERE id % 50 = 0; COMMIT;",
                );
                match r {
                    Ok(()) => {
                        writes.fetch_add(1, Ordering::Relaxed);
                    }
                    Err(e) => {
                        let _ = c.execute_batch("ROLLBACK");
                        errors.push(e.to_string());
                    }
                }
                let n: rusqlite::Result<i64> = c.query_row("SELECT count(*) FROM posts", [], |r| r.get(0));
                if let Err(e) = n {
                    errors.push(e.to_string());
                }
            }
            errors
        })
    };
    let reader = {
        let (db, stop) = (db.to_path_buf(), stop.clone());
        std::thread::spawn(move || {
            let (mut runs, mut errors) = (0, Vec::new());
            while !stop.load(Ordering::Relaxed) {
                let r = cli(&db, &[os("--json"), os("accounts")]);
                runs += 1;
                if !r.ok {
                    errors.push(r.stderr);
                } else if serde_json::from_str::<serde_json::Value>(&r.stdout).is_err() {
                    errors.push(format!("not JSON: {}", r.stdout));
                }
            }
            (runs, errors)
        })
    };
    Activity { stop, writes, writer, reader }
}

impl Activity {
    fn finish(self) -> (u64, u64) {
        self.stop.store(true, Ordering::Relaxed);
        let errors = self.writer.join().unwrap();
        assert!(errors.is_empty(), "the writer never failed: {errors:?}");
        let (runs, errors) = self.reader.join().unwrap();
        assert!(errors.is_empty(), "the reading process never failed: {errors:?}");
        (self.writes.load(Ordering::Relaxed), runs)
    }
}

fn saved_copies(dir: &Path) -> Vec<String> {
    files_in(dir).into_iter().filter(|f| f.starts_with("resonance-before-restore-")).collect()
}

#[test]
fn backup_and_restore_round_trip_while_the_database_is_in_use() {
    let t_test = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("live");
    std::fs::create_dir(&live).unwrap();
    let db = live.join("resonance.db");
    let first = dir.path().join("twitter-2025-01-01-first.zip");
    let second = dir.path().join("twitter-2025-06-01-second.zip");
    trust::large_x_archive(&first, 7, "2025-01-01T08:00:00.000Z", 40_000, 2_000);
    trust::large_x_archive(&second, 8, "2025-06-01T08:00:00.000Z", 30_000, 500);
    let r = cli(&db, &[os("--json"), os("import"), first.as_os_str()]);
    assert!(r.ok, "{}", r.stderr);
    let r = cli(
        &db,
        &[
            os("annotate"),
            os("--day"),
            os("2024-03-01"),
            os("--kind"),
            os("press"),
            os("--note"),
            os("Libé — « portrait »"),
        ],
    );
    assert!(r.ok, "{}", r.stderr);
    let d0 = digest_file(&db);
    eprintln!("database: {} bytes", std::fs::metadata(&db).unwrap().len());

    let activity = start_activity(&db);
    std::thread::sleep(Duration::from_millis(200));

    // Backup while the other connection writes and the other process reads.
    let backups = dir.path().join("backups");
    std::fs::create_dir(&backups).unwrap();
    let backup = backups.join("resonance-backup.db");
    let t = Instant::now();
    let r = cli(&db, &[os("--json"), os("backup"), os("--out"), backup.as_os_str()]);
    let backup_time = t.elapsed();
    assert!(r.ok, "backup: {}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["file"], backup.display().to_string());
    assert_eq!(v["bytes"], std::fs::metadata(&backup).unwrap().len());
    assert_eq!(v["schema_version"], SCHEMA_VERSION);
    assert_eq!(digest_file(&backup), d0, "the backup holds the database value for value");
    assert_eq!(files_in(&backups), ["resonance-backup.db"], "a backup is one file, even once opened");
    // An existing file is not replaced unless asked.
    let r = cli(&db, &[os("--json"), os("backup"), os("--out"), backup.as_os_str()]);
    assert_eq!((r.code, r.error_code().as_str()), (Some(1), "invalid_argument"));
    let r = cli(&db, &[os("--json"), os("backup"), os("--force"), os("--out"), backup.as_os_str()]);
    assert!(r.ok, "{}", r.stderr);
    assert_eq!(digest_file(&backup), d0);

    // The database moves on: another export.
    let r = cli(&db, &[os("--json"), os("import"), second.as_os_str()]);
    assert!(r.ok, "{}", r.stderr);
    let d1 = digest_file(&db);
    assert_ne!(d1, d0);

    // Restore, still in use.
    let t = Instant::now();
    let r = cli(&db, &[os("--json"), os("restore"), backup.as_os_str()]);
    let restore_time = t.elapsed();
    assert!(r.ok, "restore: {}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["restored_from"], backup.display().to_string());
    let saved = PathBuf::from(v["previous_saved_to"].as_str().unwrap());
    assert_eq!(saved.parent(), Some(live.as_path()), "the replaced database is kept beside it");
    assert_eq!(digest_file(&db), d0, "restored value for value");
    assert_eq!(digest_file(&saved), d1, "what the restore replaced is kept, value for value");
    assert_eq!(digest_file(&backup), d0, "the backup itself is not changed by restoring it");
    let r = cli(&db, &[os("--json"), os("imports")]);
    assert!(r.ok);
    let imports: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(imports.as_array().map(Vec::len), Some(1), "the second import is gone again");

    // Refused, the live database untouched, nothing saved.
    let copies = saved_copies(&live);
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "these are not the droids\n".repeat(200)).unwrap();
    let foreign = dir.path().join("other-app.db");
    {
        let c = Connection::open(&foreign).unwrap();
        c.execute_batch("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO things VALUES (1, 'x');")
            .unwrap();
    }
    let newer = dir.path().join("from-the-future.db");
    std::fs::copy(&backup, &newer).unwrap();
    Connection::open(&newer).unwrap().pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
    let missing = dir.path().join("no-such-backup.db");
    for (file, code) in [
        (&text, "db.not_a_database"),
        (&foreign, "db.not_a_database"),
        (&newer, "db.too_new"),
        (&missing, "io"),
        (&db, "invalid_argument"),
    ] {
        let r = cli(&db, &[os("--json"), os("restore"), file.as_os_str()]);
        assert_eq!((r.ok, r.code), (false, Some(1)), "{}", file.display());
        assert_eq!(r.error_code(), code, "{}", file.display());
        assert!(r.stdout.is_empty());
        assert_eq!(digest_file(&db), d0, "{}: the live database untouched", file.display());
        assert_eq!(saved_copies(&live), copies, "{}: nothing saved, nothing to clean up", file.display());
    }
    // In words, in both languages, naming the file.
    let r = cli(&db, &[os("--lang"), os("fr"), os("restore"), newer.as_os_str()]);
    assert!(r.stderr.starts_with("erreur : La base ") && r.stderr.contains("from-the-future.db"), "{}", r.stderr);
    assert!(r.stderr.contains("plus récente"), "{}", r.stderr);
    let r = cli(&db, &[os("--lang"), os("en"), os("restore"), foreign.as_os_str()]);
    assert!(r.stderr.contains("other-app.db is not a Resonance database"), "{}", r.stderr);

    let (writes, reads) = activity.finish();
    assert!(writes > 20, "the other connection kept writing throughout ({writes} transactions)");
    assert!(reads > 3, "the other process kept reading throughout ({reads} runs)");
    assert_eq!(digest_file(&db), d0);
    eprintln!(
        "backup {backup_time:?}, restore {restore_time:?}, meanwhile {writes} write transactions by another connection \
         and {reads} runs of `resonance accounts`; whole test {:?}",
        t_test.elapsed()
    );
}
