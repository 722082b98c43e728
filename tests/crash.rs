//! Crash safety: the CLI is killed with SIGKILL at random points (seeded, so a failure replays)
//! while it imports a large export and while it migrates a large old database. After every kill
//! the database passes `PRAGMA integrity_check`, holds exactly what it held before (or, for a kill
//! that came after the commit, exactly what a complete run gives), nothing left behind blocks the
//! next run, and the interrupted work then completes.
//!
//! Run with `--nocapture` to see where each kill landed and the timings.

mod common;
mod trust;

use rand::{Rng, SeedableRng};
use rusqlite::Connection;
use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use trust::{columns_of, digest_file, files_in, integrity, table_digest, table_digests, writer_active};

const SEED: u64 = 0x5EED_C0DE;
/// The second export: big enough for an import of a few seconds in a debug build.
const FOLLOWERS: usize = 60_000;
const TWEETS: usize = 1_500;
const IMPORT_KILLS: usize = 9;
const MIGRATION_KILLS: usize = 8;
/// Values that say when an import ran, not what it holds.
const MASKED: &[(&str, &str)] = &[("imports", "imported_at")];

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_resonance")
}

fn spawn(args: &[&OsStr]) -> Child {
    Command::new(bin()).args(args).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap()
}

fn digests(path: &Path) -> BTreeMap<String, String> {
    let c = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    table_digests(&c, MASKED)
}

/// The database file and its WAL and shared-memory files, as a crash leaves them.
fn db_files(db: &Path) -> Vec<PathBuf> {
    ["", "-wal", "-shm"]
        .iter()
        .map(|s| {
            let mut p = db.as_os_str().to_owned();
            p.push(s);
            PathBuf::from(p)
        })
        .collect()
}

fn copy_db(from: &Path, to: &Path) {
    for (a, b) in db_files(from).iter().zip(db_files(to)) {
        let _ = std::fs::remove_file(&b);
        if a.exists() {
            std::fs::copy(a, &b).unwrap();
        }
    }
}

fn size(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

fn wal_of(db: &Path) -> PathBuf {
    db_files(db)[1].clone()
}

/// When to kill.
#[derive(Debug, Clone, Copy)]
enum Trigger {
    /// This long after the start.
    Wall(Duration),
    /// Once the process has used this much CPU time (clock ticks).
    Cpu(u64),
    /// Once the WAL holds this many bytes.
    Wal(u64),
    /// Once the unfinished backup holds this many bytes.
    Partial(u64),
    /// As soon as the backup is complete (the migration starts).
    BackupDone,
    /// As soon as the migration's transaction is open (after the backup).
    MigrationWriting,
    /// As soon as the migration has committed.
    Migrated,
}

/// Where one kill landed.
#[derive(Debug)]
#[allow(dead_code)] // printed with {:?}
struct Kill {
    trigger: Trigger,
    at_ms: u64,
    /// The import's write transaction was open just before the kill.
    writing: bool,
    /// The process had already exited by itself.
    finished: bool,
    /// After the kill the database held the whole import (the kill came after the commit).
    committed: bool,
    /// Bytes in the WAL when the process died (frames of an unfinished commit, if writing).
    wal_bytes: u64,
    check_ms: u64,
}

#[test]
fn killing_an_import_at_random_points_never_loses_or_half_writes_data() {
    let t_test = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("twitter-2025-01-01-first.zip");
    let second = dir.path().join("twitter-2025-06-01-second.zip");
    trust::large_x_archive(&first, SEED, "2025-01-01T08:00:00.000Z", 20_000, 400);
    trust::large_x_archive(&second, SEED + 1, "2025-06-01T08:00:00.000Z", FOLLOWERS, TWEETS);
    let gen_time = t_test.elapsed();

    // The database already holds a previous export of the account.
    let work = dir.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let db = work.join("resonance.db");
    let import_args = |db: &Path| -> Vec<std::ffi::OsString> {
        vec!["--db".into(), db.into(), "--json".into(), "import".into(), second.clone().into()]
    };
    let r = trust::cli(
        &[OsStr::new("--db"), db.as_os_str(), OsStr::new("--json"), OsStr::new("import"), first.as_os_str()],
        Duration::from_secs(120),
    );
    assert!(r.ok, "first import: {}", r.stderr);
    assert_eq!(files_in(&work), ["resonance.db"], "a clean exit leaves the database file alone");
    let pristine = dir.path().join("pristine.db");
    std::fs::copy(&db, &pristine).unwrap();
    let before = digests(&db);
    // Unmasked: a kill before the commit leaves every value as it was, times included.
    let before_exact = table_digests(&Connection::open(&db).unwrap(), &[]);
    let db_only = |dir: &Path| -> Vec<String> {
        files_in(dir).into_iter().filter(|f| !f.ends_with("-wal") && !f.ends_with("-shm")).collect()
    };
    let before_files = db_only(&work);

    // Reference: the same import run to completion on a copy, watching how much CPU time it has
    // used when its write transaction opens and closes, and how large its WAL grows (the commit).
    let refdir = dir.path().join("ref");
    std::fs::create_dir(&refdir).unwrap();
    let refdb = refdir.join("resonance.db");
    std::fs::copy(&pristine, &refdb).unwrap();
    let args = import_args(&refdb);
    let argv: Vec<&OsStr> = args.iter().map(|s| s.as_os_str()).collect();
    let t0 = Instant::now();
    let mut child = Command::new(bin())
        .args(&argv)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let (mut tx_start, mut tx_end, mut cpu_end, mut wal_max) = (None::<u64>, 0u64, 0u64, 0u64);
    let mut out_pipe = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut out_pipe, &mut v).unwrap();
        v
    });
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        let cpu = trust::cpu_ticks(pid).unwrap_or(cpu_end);
        cpu_end = cpu_end.max(cpu);
        wal_max = wal_max.max(size(&wal_of(&refdb)));
        if writer_active(&refdb) == Some(true) {
            tx_start.get_or_insert(cpu);
            tx_end = cpu;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let total = t0.elapsed();
    let stdout = reader.join().unwrap();
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(status.success(), "reference import: {stderr}");
    let reference: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
    let tx_start = tx_start.expect("the write transaction was seen open");
    assert!(tx_end > tx_start + 10, "the import writes for a while (CPU ticks {tx_start}..{tx_end})");
    let after = digests(&refdb);
    assert_ne!(before, after);
    let hash: String = Connection::open(&refdb)
        .unwrap()
        .query_row("SELECT content_hash FROM imports ORDER BY id DESC LIMIT 1", [], |r| r.get(0))
        .unwrap();
    assert_eq!(reference[0]["counts"]["followers"], FOLLOWERS as u64);
    eprintln!(
        "reference import: {total:?}, {cpu_end} CPU ticks, write transaction open from tick {tx_start} to {tx_end}; \
         WAL up to {wal_max} bytes; database {} bytes",
        size(&refdb)
    );

    // The kills: one very early (the process starting, opening the database, hashing the
    // export); most spread over the first three quarters of the write transaction by the CPU
    // time the import has used (which varies from run to run by a quarter or so: the WAL
    // triggers cover the end); the last ones while the commit writes the WAL (nothing reaches
    // the file before: the transaction's pages fit in the import's page cache).
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(SEED);
    let span = (tx_end - tx_start) as f64;
    let mut triggers = vec![Trigger::Wall(Duration::from_millis(rng.random_range(0..15)))];
    let middle = IMPORT_KILLS - 4;
    for i in 0..middle {
        let f = (i as f64 + rng.random_range(0.0..1.0)) / middle as f64;
        triggers.push(Trigger::Cpu(tx_start + (span * (0.02 + 0.73 * f)) as u64));
    }
    for _ in 0..3 {
        triggers.push(if wal_max > 0 {
            Trigger::Wal((wal_max as f64 * rng.random_range(0.05..0.6)) as u64)
        } else {
            Trigger::Cpu(tx_end)
        });
    }

    let mut kills = Vec::new();
    for trigger in triggers {
        let args = import_args(&db);
        let argv: Vec<&OsStr> = args.iter().map(|s| s.as_os_str()).collect();
        let t0 = Instant::now();
        let mut child = spawn(&argv);
        let pid = child.id();
        let finished = loop {
            if child.try_wait().unwrap().is_some() {
                break true;
            }
            let due = match trigger {
                Trigger::Wall(d) => t0.elapsed() >= d,
                Trigger::Cpu(ticks) => trust::cpu_ticks(pid).is_some_and(|c| c >= ticks),
                Trigger::Wal(bytes) => size(&wal_of(&db)) >= bytes,
                Trigger::Partial(_) | Trigger::BackupDone | Trigger::MigrationWriting | Trigger::Migrated => {
                    unreachable!("migration triggers")
                }
            };
            if due {
                break false;
            }
            if t0.elapsed() > Duration::from_secs(240) {
                panic!("{trigger:?} never came");
            }
            // The WAL is written in a burst at the commit: watch it without pausing only near the
            // end of the transaction (not to take a core from the import before).
            let near_commit = trust::cpu_ticks(pid).is_some_and(|c| c * 10 >= tx_end * 8);
            if !matches!(trigger, Trigger::Wal(_)) || !near_commit {
                std::thread::sleep(Duration::from_millis(2));
            }
        };
        // The WAL trigger kills at once; the others first look whether the import is writing.
        let writing = !finished && !matches!(trigger, Trigger::Wal(_)) && writer_active(&db) == Some(true);
        let _ = child.kill(); // SIGKILL
        let status = child.wait().unwrap();
        let at_ms = t0.elapsed().as_millis() as u64;
        assert!(finished || status.code().is_none(), "killed by the signal: {status:?}");
        let wal_bytes = size(&wal_of(&db));

        let t_check = Instant::now();
        let (ok, dangling) = integrity(&db);
        assert_eq!(ok, "ok", "integrity after a kill at {at_ms} ms");
        assert_eq!(dangling, 0, "no dangling references after a kill at {at_ms} ms");
        let now = digests(&db);
        let committed: bool = Connection::open(&db)
            .unwrap()
            .query_row("SELECT EXISTS (SELECT 1 FROM imports WHERE content_hash = ?1)", [&hash], |r| r.get(0))
            .unwrap();
        if committed {
            assert_eq!(now, after, "a kill at {at_ms} ms after the commit: the whole import is there");
            copy_db(&pristine, &db);
        } else {
            assert_eq!(now, before, "a kill at {at_ms} ms ({trigger:?}): the database as before, value for value");
            assert_eq!(table_digests(&Connection::open(&db).unwrap(), &[]), before_exact);
        }
        // What a crash leaves (a WAL, its index) is for SQLite to recover; nothing else appears.
        assert_eq!(db_only(&work), before_files, "nothing else left beside the database after a kill at {at_ms} ms");
        let k = Kill {
            trigger,
            at_ms,
            writing: writing || (!finished && !committed && wal_bytes > 0),
            finished,
            committed,
            wal_bytes,
            check_ms: t_check.elapsed().as_millis() as u64,
        };
        eprintln!("kill {}: {k:?}", kills.len() + 1);
        kills.push(k);
    }
    let mid = kills.iter().filter(|k| k.writing && !k.committed).count();
    assert!(mid * 2 > kills.len(), "most kills land inside the write transaction: {kills:#?}");
    assert!(!kills[0].writing && !kills[0].committed, "one kill before any write: {:?}", kills[0]);
    assert!(
        kills.iter().any(|k| k.writing && !k.committed && k.wal_bytes > 0),
        "at least one kill while the commit was writing the WAL: {kills:#?}"
    );

    // Nothing left blocks the import: it now runs to completion, with the same result as the
    // reference run.
    let args = import_args(&db);
    let argv: Vec<&OsStr> = args.iter().map(|s| s.as_os_str()).collect();
    let r = trust::cli(&argv, Duration::from_secs(300));
    assert!(r.ok, "the import completes after the kills: {}", r.stderr);
    let done: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(done[0]["status"], "imported");
    assert_eq!(done[0]["counts"], reference[0]["counts"], "the same counts as an uninterrupted import");
    assert_eq!(files_in(&work), ["resonance.db"], "a clean exit after the kills leaves the database file alone");
    assert_eq!(integrity(&db), ("ok".to_string(), 0));
    assert_eq!(digests(&db), after, "the same data as an uninterrupted import");
    eprintln!(
        "import kills: {} ({} inside the write transaction, {} after the commit, {} with WAL frames on disk); \
         archive generation {gen_time:?}; whole test {:?}",
        kills.len(),
        mid,
        kills.iter().filter(|k| k.committed).count(),
        kills.iter().filter(|k| k.wal_bytes > 0).count(),
        t_test.elapsed()
    );
}

/// Adds bulk to a copy of the v1 fixture with plain SQL (no Resonance code): a follower snapshot
/// of `people` identities and `posts` posts with their numbers.
fn big_v1(path: &Path, people: u64, posts: u64) {
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/db/v1.db"), path).unwrap();
    let c = Connection::open(path).unwrap();
    let v: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v, 1);
    c.execute_batch(&format!(
        "BEGIN;
         INSERT INTO relation_snapshots (id, account_id, relation, taken_on, member_count, import_id)
             VALUES (1000, 2, 'followers', '2025-10-01', {people}, 2);
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {people})
         INSERT INTO identities (id, account_id, handle, platform_user_id)
             SELECT 1000000 + i, 2, CASE WHEN i % 3 = 0 THEN 'fan_' || i END, CAST(50000000 + i * 7 AS TEXT) FROM n;
         INSERT INTO relation_members (snapshot_id, identity_id, since)
             SELECT 1000, id, CASE WHEN id % 2 = 0 THEN 1700000000 + id END FROM identities WHERE id > 1000000;
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {posts})
         INSERT INTO posts (id, account_id, platform_post_id, published_at, kind, text, url, import_id)
             SELECT 1000000 + i, 2, CAST(1600000000000000000 + i AS TEXT),
                    strftime('%Y-%m-%dT%H:%M:%SZ', 1577869200 + i * 3600, 'unixepoch'), 'post',
                    'post ' || i || ' — café, thé & ' || hex(randomblob(12)), 'https://x.com/camlrnt/status/' || i, 2
             FROM n;
         INSERT INTO post_metrics (post_id, observed_on, source, import_id, likes, shares, impressions)
             SELECT id, '2025-11-02', 'x.tweets', 2, id % 97, id % 13, CASE WHEN id % 5 = 0 THEN NULL ELSE id % 10007 END
             FROM posts WHERE id > 1000000;
         COMMIT;"
    ))
    .unwrap();
}

/// A table and its columns.
type TableColumns = (String, Vec<String>);

/// The digest of each table of schema v1, limited to its v1 columns.
fn v1_digests(c: &Connection, tables: &[TableColumns]) -> BTreeMap<String, String> {
    tables.iter().map(|(t, cols)| (t.clone(), table_digest(c, t, Some(cols)))).collect()
}

#[test]
fn killing_a_migration_at_random_points_leaves_the_old_or_the_new_database_never_half() {
    let t_test = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let pristine = dir.path().join("v1-big.db");
    big_v1(&pristine, 150_000, 6_000);
    let original = digest_file(&pristine);
    let (tables, old_columns): (Vec<TableColumns>, BTreeMap<String, String>) = {
        let c = Connection::open(&pristine).unwrap();
        let tables: Vec<TableColumns> = c
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .unwrap()
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(|t| {
                let t = t.unwrap();
                let cols = columns_of(&c, &t);
                (t, cols)
            })
            .collect();
        let d = v1_digests(&c, &tables);
        (tables, d)
    };
    // The schema a fresh database of this version has.
    let fresh_schema = {
        let p = dir.path().join("fresh.db");
        resonance::Store::open(&p).unwrap();
        schema_of(&p)
    };
    let build = t_test.elapsed();
    eprintln!("v1 database: {} bytes, built in {build:?}", size(&pristine));

    let work = dir.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let db = work.join("resonance.db");
    let accounts_args =
        |db: &Path| -> Vec<std::ffi::OsString> { vec!["--db".into(), db.into(), "--json".into(), "accounts".into()] };

    // Reference run on a copy: the CPU time the process has used when the backup starts and
    // ends, while the migration's transaction is open, and in all.
    std::fs::copy(&pristine, &db).unwrap();
    let args = accounts_args(&db);
    let argv: Vec<&OsStr> = args.iter().map(|s| s.as_os_str()).collect();
    let t0 = Instant::now();
    let mut child = spawn(&argv);
    let pid = child.id();
    let (mut cpu, mut backup_from, mut backup_to, mut writing) = (0u64, None, None, Vec::new());
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        cpu = cpu.max(trust::cpu_ticks(pid).unwrap_or(0));
        let names = files_in(&work);
        if names.iter().any(|f| f.ends_with(".bak.partial")) {
            backup_from.get_or_insert(cpu);
        }
        if names.iter().any(|f| f.ends_with(".bak")) {
            backup_to.get_or_insert(cpu);
            if writer_active(&db) == Some(true) {
                writing.push(cpu);
            }
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let total = t0.elapsed();
    let backup_to = backup_to.expect("the run made a backup");
    eprintln!(
        "reference migration run: {total:?}, {cpu} CPU ticks; backup from tick {backup_from:?} to {backup_to}; \
         migration transaction seen open at ticks {writing:?}"
    );
    for f in files_in(&work) {
        std::fs::remove_file(work.join(f)).unwrap();
    }
    std::fs::copy(&pristine, &db).unwrap();
    let db_size = size(&pristine);

    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(SEED ^ 0x0123);
    let mut triggers = vec![Trigger::Wall(Duration::from_millis(rng.random_range(0..10)))];
    for i in 0..3 {
        let f = (i as f64 + rng.random_range(0.0..1.0)) / 3.0;
        triggers.push(Trigger::Partial((db_size as f64 * (0.05 + 0.9 * f)) as u64));
    }
    triggers.push(Trigger::BackupDone);
    triggers.push(Trigger::MigrationWriting);
    let rest = MIGRATION_KILLS - triggers.len() - 1;
    let span = cpu.saturating_sub(backup_to).max(1) as f64;
    for i in 0..rest {
        let f = (i as f64 + rng.random_range(0.0..1.0)) / rest as f64;
        triggers.push(Trigger::Cpu(backup_to + (span * f) as u64));
    }
    triggers.push(Trigger::Migrated);
    let (mut untouched, mut migrated, mut during_backup, mut in_tx) = (0, 0, 0, 0);
    let mut verified = std::collections::HashSet::new();
    for (n, trigger) in triggers.into_iter().enumerate() {
        let args = accounts_args(&db);
        let argv: Vec<&OsStr> = args.iter().map(|s| s.as_os_str()).collect();
        let t0 = Instant::now();
        let started = std::time::SystemTime::now();
        let mut child = spawn(&argv);
        let pid = child.id();
        let finished = loop {
            if child.try_wait().unwrap().is_some() {
                break true;
            }
            let due = match trigger {
                Trigger::Wall(d) => t0.elapsed() >= d,
                Trigger::Cpu(ticks) => trust::cpu_ticks(pid).is_some_and(|c| c >= ticks),
                // The backup this run writes (not one an earlier kill left, which it removes).
                Trigger::Partial(bytes) => std::fs::read_dir(&work).unwrap().flatten().any(|e| {
                    e.file_name().to_string_lossy().ends_with(".bak.partial")
                        && e.metadata().is_ok_and(|m| m.len() >= bytes && m.modified().is_ok_and(|t| t >= started))
                }),
                Trigger::Migrated => Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                    .and_then(|c| c.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)))
                    .is_ok_and(|v| v == resonance::store::SCHEMA_VERSION),
                Trigger::BackupDone => files_in(&work).iter().any(|f| f.ends_with(".bak")),
                Trigger::MigrationWriting => {
                    files_in(&work).iter().any(|f| f.ends_with(".bak")) && writer_active(&db) == Some(true)
                }
                Trigger::Wal(_) => unreachable!(),
            };
            if due {
                break false;
            }
            if t0.elapsed() > Duration::from_secs(120) {
                panic!("{trigger:?} never came");
            }
        };
        let writing = !finished
            && (matches!(trigger, Trigger::MigrationWriting)
                || matches!(trigger, Trigger::Cpu(_)) && writer_active(&db) == Some(true));
        let _ = child.kill();
        child.wait().unwrap();
        let at_ms = t0.elapsed().as_millis();
        let t_check = Instant::now();
        let names = files_in(&work);
        let partial = names.iter().any(|f| f.ends_with(".bak.partial"));

        let (ok, dangling) = integrity(&db);
        assert_eq!(ok, "ok", "integrity after a kill at {at_ms} ms");
        assert_eq!(dangling, 0);
        let c = Connection::open(&db).unwrap();
        let version: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        let state = match version {
            1 => {
                assert_eq!(digest_file(&db), original, "kill at {at_ms} ms: the old database, untouched");
                untouched += 1;
                if writing {
                    in_tx += 1;
                }
                "untouched v1"
            }
            v if v == resonance::store::SCHEMA_VERSION => {
                assert_eq!(v1_digests(&c, &tables), old_columns, "kill at {at_ms} ms: every row kept");
                assert_eq!(schema_of(&db), fresh_schema, "kill at {at_ms} ms: the whole new schema");
                migrated += 1;
                "fully migrated"
            }
            v => panic!("kill at {at_ms} ms left user_version {v}"),
        };
        drop(c);
        // A file named as a backup is always a whole backup.
        let backups: Vec<&String> = names.iter().filter(|f| f.ends_with(".bak")).collect();
        for b in &backups {
            // A backup never changes once it has its name: check each once.
            if verified.insert(b.to_string()) {
                assert_eq!(digest_file(&work.join(b)), original, "kill at {at_ms} ms: {b} is the whole old database");
            }
        }
        if partial || (version == 1 && !backups.is_empty()) {
            during_backup += 1;
        }
        eprintln!(
            "migration kill {}: {trigger:?} at {at_ms} ms{}: {state}, backups {}, unfinished backup {partial}, \
             migration transaction open {writing}; checked in {:?}",
            n + 1,
            if finished { " (had exited)" } else { "" },
            backups.len(),
            t_check.elapsed()
        );
        if version != 1 {
            for f in files_in(&work) {
                std::fs::remove_file(work.join(f)).unwrap();
            }
            std::fs::copy(&pristine, &db).unwrap();
        }
    }
    assert!(untouched >= MIGRATION_KILLS / 2, "most kills came before the migration committed");
    assert!(in_tx >= 1, "a kill interrupted the migration's transaction");
    assert!(during_backup >= 3, "kills landed while the backup was being written ({during_backup})");

    // Opening again completes the migration with every row, and clears unfinished backups.
    let args = accounts_args(&db);
    let argv: Vec<&OsStr> = args.iter().map(|s| s.as_os_str()).collect();
    let r = trust::cli(&argv, Duration::from_secs(120));
    assert!(r.ok, "{}", r.stderr);
    let accounts: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(accounts.as_array().map(Vec::len), Some(3));
    let c = Connection::open(&db).unwrap();
    assert_eq!(v1_digests(&c, &tables), old_columns);
    let version: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, resonance::store::SCHEMA_VERSION);
    drop(c);
    assert_eq!(schema_of(&db), fresh_schema);
    let names = files_in(&work);
    assert!(!names.iter().any(|f| f.contains(".partial")), "no unfinished backup left: {names:?}");
    for b in names.iter().filter(|f| f.ends_with(".bak")) {
        assert_eq!(digest_file(&work.join(b)), original);
    }
    eprintln!(
        "migration kills: {MIGRATION_KILLS} ({untouched} left v1 untouched, {migrated} fully migrated, \
         {during_backup} during the backup, {in_tx} inside the migration's transaction); whole test {:?}",
        t_test.elapsed()
    );
}

/// The schema (every table, index and trigger's SQL), sorted.
fn schema_of(path: &Path) -> Vec<String> {
    let c = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut v: Vec<String> = c
        .prepare("SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    v.sort();
    v
}

#[test]
fn killing_a_restore_at_random_points_leaves_the_old_or_the_restored_database() {
    let t_test = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("twitter-2025-01-01-first.zip");
    let second = dir.path().join("twitter-2025-06-01-second.zip");
    trust::large_x_archive(&first, SEED + 2, "2025-01-01T08:00:00.000Z", 20_000, 400);
    trust::large_x_archive(&second, SEED + 3, "2025-06-01T08:00:00.000Z", 60_000, 1_000);
    let work = dir.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let db = work.join("resonance.db");
    let backup = dir.path().join("backup.db");
    let run = |args: &[&OsStr]| {
        let mut all = vec![OsStr::new("--db"), db.as_os_str()];
        all.extend_from_slice(args);
        let r = trust::cli(&all, Duration::from_secs(120));
        assert!(r.ok, "{args:?}: {}", r.stderr);
    };
    // The database holds one export; the backup holds two (a larger restore takes longer to commit).
    run(&[OsStr::new("import"), first.as_os_str()]);
    let pristine = dir.path().join("pristine.db");
    copy_db(&db, &pristine);
    run(&[OsStr::new("import"), second.as_os_str()]);
    run(&[OsStr::new("backup"), OsStr::new("--out"), backup.as_os_str()]);
    for f in files_in(&work) {
        std::fs::remove_file(work.join(f)).unwrap();
    }
    copy_db(&pristine, &db);
    let (old, restored) = (digest_file(&db), digest_file(&backup));
    let restore_args = |db: &Path| -> Vec<std::ffi::OsString> {
        vec!["--db".into(), db.into(), "restore".into(), backup.clone().into()]
    };

    // Reference run on the real folder (then put back): how large the WAL grows while the backup's
    // pages are written into the database.
    let args = restore_args(&db);
    let argv: Vec<&OsStr> = args.iter().map(|s| s.as_os_str()).collect();
    let mut child = spawn(&argv);
    let mut wal_max = 0;
    while child.try_wait().unwrap().is_none() {
        wal_max = wal_max.max(size(&wal_of(&db)));
    }
    assert_eq!(digest_file(&db), restored);
    assert!(wal_max > 0, "the restore writes through the WAL");
    for f in files_in(&work) {
        std::fs::remove_file(work.join(f)).unwrap();
    }
    copy_db(&pristine, &db);
    let db_size = size(&db);

    // Before anything; while the copy of what is replaced is written; the moment it is complete
    // (the restore proper starts); while the restore's transaction is written to the WAL.
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(SEED ^ 0x4567);
    let mut triggers = vec![Trigger::Wall(Duration::from_millis(rng.random_range(0..10)))];
    for i in 0..2 {
        let f = (i as f64 + rng.random_range(0.0..1.0)) / 2.0;
        triggers.push(Trigger::Partial((db_size as f64 * (0.05 + 0.9 * f)) as u64));
    }
    triggers.push(Trigger::BackupDone);
    for i in 0..2 {
        let f = (i as f64 + rng.random_range(0.0..1.0)) / 2.0;
        triggers.push(Trigger::Wal((wal_max as f64 * (0.05 + 0.6 * f)) as u64));
    }
    let (mut kept, mut replaced, mut mid_commit) = (0, 0, 0);
    for trigger in triggers {
        let args = restore_args(&db);
        let argv: Vec<&OsStr> = args.iter().map(|s| s.as_os_str()).collect();
        let t0 = Instant::now();
        let started = std::time::SystemTime::now();
        let mut child = spawn(&argv);
        let pid = child.id();
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            let due = match trigger {
                Trigger::Wall(d) => t0.elapsed() >= d,
                Trigger::Cpu(ticks) => trust::cpu_ticks(pid).is_some_and(|c| c >= ticks),
                Trigger::Partial(bytes) => std::fs::read_dir(&work).unwrap().flatten().any(|e| {
                    e.file_name().to_string_lossy().ends_with(".partial")
                        && e.metadata().is_ok_and(|m| m.len() >= bytes && m.modified().is_ok_and(|t| t >= started))
                }),
                Trigger::BackupDone => std::fs::read_dir(&work).unwrap().flatten().any(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.starts_with("resonance-before-restore-")
                        && name.ends_with(".db")
                        && e.metadata().is_ok_and(|m| m.modified().is_ok_and(|t| t >= started))
                }),
                Trigger::Wal(bytes) => size(&wal_of(&db)) >= bytes,
                _ => unreachable!(),
            };
            if due {
                break;
            }
            if matches!(trigger, Trigger::Wall(_) | Trigger::Partial(_)) {
                std::thread::sleep(Duration::from_millis(1));
            }
        }
        let _ = child.kill();
        child.wait().unwrap();
        let at_ms = t0.elapsed().as_millis();
        let names = files_in(&work);
        let wal_bytes = size(&wal_of(&db));
        assert_eq!(integrity(&db), ("ok".to_string(), 0), "kill at {at_ms} ms");
        let now = digest_file(&db);
        let state = if now == old {
            kept += 1;
            // More than the WAL's 32-byte header: frames of the restore's transaction.
            if wal_bytes > 32 {
                mid_commit += 1;
            }
            "the database as it was"
        } else {
            assert_eq!(now, restored, "kill at {at_ms} ms: the old database or the backup, nothing in between");
            replaced += 1;
            "restored"
        };
        for saved in names.iter().filter(|f| f.starts_with("resonance-before-restore-") && f.ends_with(".db")) {
            assert_eq!(digest_file(&work.join(saved)), old, "kill at {at_ms} ms: {saved} is a whole copy");
        }
        eprintln!("restore kill: {trigger:?} at {at_ms} ms: {state}; WAL {wal_bytes} bytes; files {names:?}");
        if now == restored {
            for f in files_in(&work) {
                std::fs::remove_file(work.join(f)).unwrap();
            }
            copy_db(&pristine, &db);
        }
    }
    assert!(kept >= 3, "most kills came before the restore committed");
    assert!(mid_commit >= 1, "a kill came while the restore's pages were being written to the WAL");
    run(&[OsStr::new("restore"), backup.as_os_str()]);
    assert_eq!(digest_file(&db), restored);
    let names = files_in(&work);
    assert!(!names.iter().any(|f| f.contains(".partial")), "no unfinished copy left: {names:?}");
    eprintln!(
        "restore kills: 6 ({kept} kept the database, {mid_commit} of them with frames of the unfinished restore in \
         the WAL; {replaced} restored); whole test {:?}",
        t_test.elapsed()
    );
    assert!(replaced + kept == 6);
}
