//! Upgrades: a database from every released schema version (tests/fixtures/db/v<N>.db, made by
//! `regenerate_fixtures` below) opens in this version, is backed up first, migrated to the current
//! schema with every row kept, and is then usable. A database from a newer version, or a file that
//! is not a Resonance database, is refused with a clear coded message and left byte for byte as it
//! was.

mod common;
mod trust;

use resonance::Store;
use resonance::import::ImportOptions;
use resonance::store::{OpenOutcome, SCHEMA_VERSION, accounts, posts};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use trust::{columns_of, digest_file, sha_file, table_digest};

/// Every shipped migration, in order (never edited once shipped: this list only grows).
const MIGRATIONS: &[&str] = &[
    include_str!("../src/store/migrations/0001_init.sql"),
    include_str!("../src/store/migrations/0002_annotations_settings.sql"),
    include_str!("../src/store/migrations/0003_sync.sql"),
    include_str!("../src/store/migrations/0004_follower_aggregates.sql"),
    include_str!("../src/store/migrations/0005_post_facts.sql"),
];

fn fixture(version: i64) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/db/v{version}.db"))
}

/// The tables of schema `version`.
fn tables_at(version: i64) -> Vec<&'static str> {
    let mut t = vec![
        "accounts",
        "imports",
        "audience_observations",
        "follow_changes",
        "identities",
        "relation_snapshots",
        "relation_members",
        "posts",
        "post_metrics",
        "daily_metrics",
    ];
    if version >= 2 {
        t.extend(["annotations", "settings"]);
    }
    t
}

/// Writes the fixture database of schema `version` at `path`: the first `version` migrations
/// applied as SQL (no Resonance code involved) and representative rows in every table, with the
/// values the formats produce (non-ASCII text, NULL metrics that mean "unknown", lower bounds,
/// WITHOUT ROWID members). Deterministic: fixed ids, dates and values.
fn build_fixture(version: i64, path: &Path) {
    let _ = std::fs::remove_file(path);
    let c = Connection::open(path).unwrap();
    c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    c.pragma_update(None, "page_size", 4096).unwrap();
    for sql in &MIGRATIONS[..version as usize] {
        c.execute_batch(sql).unwrap();
    }
    c.pragma_update(None, "user_version", version).unwrap();
    c.execute_batch(
        r#"
        INSERT INTO accounts (id, platform, handle, platform_user_id, display_name, role, label, is_demo, created_at) VALUES
            (1, 'instagram', 'atelier.camille', '17841400000000001', 'Atelier Camille · Café', 'pro', 'Studio', 0, '2025-11-01T08:00:00Z'),
            (2, 'x', 'camlrnt', '1000', 'Cam Laurent', 'personal', NULL, 0, '2025-11-02T08:00:00Z'),
            (3, 'linkedin', 'camille-laurent', NULL, 'Camille Laurent', 'pro', NULL, 1, '2025-11-03T08:00:00Z');
        INSERT INTO imports (id, file_name, content_hash, format, imported_at, account_id, outcome, counts, warnings, date_from, date_to, is_demo) VALUES
            (1, 'instagram-atelier.camille-2025-11-01-P9xJpfIj.zip', 'aa01', 'instagram.followers,instagram.posts', '2025-11-01T09:00:00Z', 1, 'imported', '{"followers":3,"posts":2}', '[]', '2024-01-01', '2025-11-01', 0),
            (2, 'twitter-2025-11-02-abc.zip', 'bb02', 'x.tweets,x.follower', '2025-11-02T09:00:00Z', 2, 'imported_with_warnings', '{"followers":2}', '["a row skipped"]', '2023-02-18', '2025-11-02', 0),
            (3, 'Content_2024-11-01_2025-10-31_Camille Laurent.xlsx', 'cc03', 'linkedin.creator_xlsx', '2025-11-03T09:00:00Z', 3, 'imported', '{}', '[]', NULL, NULL, 1);
        INSERT INTO audience_observations (id, account_id, observed_on, metric, value, source, lower_bound, import_id) VALUES
            (1, 1, '2025-11-01', 'followers', 3, 'export_snapshot', 0, 1),
            (2, 1, '2025-11-01', 'following', 2, 'export_snapshot', 0, 1),
            (3, 2, '2025-11-02', 'followers', 2, 'export_snapshot', 0, 2),
            (4, 3, '2025-10-01', 'followers', 4790, 'analytics_series', 1, 3),
            (5, 1, '2025-06-01', 'followers', 1, 'reconstructed', 0, 1);
        INSERT INTO follow_changes (id, account_id, day, gained, lost, net, import_id) VALUES
            (1, 3, '2025-10-01', 12, NULL, NULL, 3),
            (2, 1, '2025-10-02', NULL, NULL, -3, 1);
        INSERT INTO identities (id, account_id, handle, platform_user_id) VALUES
            (1, 1, 'alice.b', NULL), (2, 1, 'bob_c', NULL), (3, 1, 'chloé_d', NULL),
            (4, 2, NULL, '42'), (5, 2, NULL, '43'), (6, 1, 'friend.one', NULL);
        INSERT INTO relation_snapshots (id, account_id, relation, taken_on, member_count, import_id) VALUES
            (1, 1, 'followers', '2025-11-01', 3, 1), (2, 1, 'following', '2025-11-01', 1, 1),
            (3, 2, 'followers', '2025-11-02', 2, 2);
        INSERT INTO relation_members (snapshot_id, identity_id, since) VALUES
            (1, 1, 1700000000), (1, 2, 1700086400), (1, 3, NULL), (2, 6, 1700000500), (3, 4, NULL), (3, 5, NULL);
        INSERT INTO posts (id, account_id, platform_post_id, published_at, kind, text, url, duration_s, import_id) VALUES
            (1, 1, '17926160567808540', '2024-07-07T20:35:29Z', 'post', 'Café & croissants ☕️ — à Lyon', 'https://www.instagram.com/p/x/', NULL, 1),
            (2, 1, '17926160567808543', '2024-08-30T06:40:00Z', 'reel', 'a reel', NULL, 14.5, 1),
            (3, 2, '1626902980006932483', '2023-02-18T11:14:31Z', 'post', 'music update & more', NULL, NULL, 2),
            (4, 2, '1627000000000000000', '2023-02-19T09:00:00Z', 'reply', '@friend so true', NULL, NULL, NULL);
        INSERT INTO post_metrics (id, post_id, observed_on, source, import_id, views, impressions, reach, likes, comments, replies, shares, quotes, saves, engagements, profile_visits, follows, link_clicks, watch_time_s, avg_view_duration_s, avg_pct_viewed) VALUES
            (1, 1, '2025-11-01', 'instagram.insights_posts', 1, NULL, 2000, 1200, 80, 3, NULL, 1, NULL, 10, NULL, 33, 2, NULL, NULL, NULL, NULL),
            (2, 2, '2025-11-01', 'instagram.insights_reels', 1, 25000, NULL, 20000, 900, 40, NULL, 12, NULL, 30, NULL, NULL, 110, NULL, 3600.5, 7.2, 48.5),
            (3, 3, '2025-11-02', 'x.tweets', 2, NULL, NULL, NULL, 8, NULL, NULL, 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
        INSERT INTO daily_metrics (id, account_id, day, metric, value, import_id) VALUES
            (1, 3, '2025-10-01', 'impressions', 1520.0, 3), (2, 3, '2025-10-01', 'engagements', 41.0, 3),
            (3, 1, '2025-10-01', 'reach', 310.5, 1);
        "#,
    )
    .unwrap();
    if version >= 2 {
        c.execute_batch(
            r#"
            INSERT INTO annotations (id, account_id, day, kind, note, created_at) VALUES
                (1, 1, '2025-03-14', 'giveaway', 'Concours « gagne un mug »', '2025-11-01T10:00:00Z'),
                (2, NULL, '2025-09-20', 'press', '', '2025-11-01T10:01:00Z');
            INSERT INTO settings (key, value) VALUES ('lang', 'fr'), ('theme', 'dark');
            "#,
        )
        .unwrap();
    }
    if version >= 3 {
        c.execute_batch(
            r#"
            INSERT INTO accounts (id, platform, handle, platform_user_id, display_name, role, is_demo, created_at, instance_url, last_sync_at, last_sync_error) VALUES
                (4, 'mastodon', 'cam@piaille.fr', '109', 'Cam', 'personal', 0, '2026-01-01T08:00:00Z', 'https://piaille.fr', '2026-01-02T08:00:00Z', NULL),
                (5, 'bluesky', 'cam.bsky.social', 'did:plc:abc', NULL, 'personal', 0, '2026-01-01T08:00:00Z', NULL, NULL, '{"code":"sync.offline","at":"2026-01-03T08:00:00Z","en":"offline","fr":"hors ligne"}');
            INSERT INTO audience_observations (id, account_id, observed_on, metric, value, source, lower_bound, import_id) VALUES
                (6, 4, '2026-01-02', 'followers', 321, 'live_sync', 0, NULL);
            "#,
        )
        .unwrap();
    }
    c.execute_batch("VACUUM").unwrap();
}

/// Rebuilds tests/fixtures/db/v*.db. Run only when adding a schema version (then add the new
/// migration to MIGRATIONS and `build_fixture`; never change an existing fixture's content):
/// `cargo test --test upgrade -- --ignored regenerate_fixtures`
#[test]
#[ignore]
fn regenerate_fixtures() {
    for v in 1..=SCHEMA_VERSION {
        build_fixture(v, &fixture(v));
    }
}

#[test]
fn there_is_a_fixture_for_every_released_schema_and_it_is_what_the_generator_makes() {
    assert_eq!(MIGRATIONS.len() as i64, SCHEMA_VERSION, "add the new migration to MIGRATIONS and a fixture");
    let dir = tempfile::tempdir().unwrap();
    for v in 1..=SCHEMA_VERSION {
        assert!(fixture(v).exists(), "tests/fixtures/db/v{v}.db is missing: run regenerate_fixtures");
        let fresh = dir.path().join(format!("v{v}.db"));
        build_fixture(v, &fresh);
        assert_eq!(digest_file(&fixture(v)), digest_file(&fresh), "v{v}.db differs from its generator");
    }
}

fn count(c: &Connection, table: &str) -> i64 {
    c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

#[test]
fn every_released_schema_upgrades_with_every_row_kept_and_a_backup_first() {
    for v in 1..=SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("resonance.db");
        std::fs::copy(fixture(v), &path).unwrap();
        let old = Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let tables = tables_at(v);
        let before: Vec<(String, i64, Vec<String>, String)> = tables
            .iter()
            .map(|t| {
                let cols = columns_of(&old, t);
                let d = table_digest(&old, t, Some(&cols));
                (t.to_string(), count(&old, t), cols, d)
            })
            .collect();
        let whole_before = digest_file(&path);
        drop(old);

        let (store, outcome) = Store::open_reporting(&path).unwrap();
        match (&outcome, v == SCHEMA_VERSION) {
            (OpenOutcome::UpToDate, true) => {}
            (OpenOutcome::Migrated { from, to, backup }, false) => {
                assert_eq!((*from, *to), (v, SCHEMA_VERSION));
                // The backup is the database exactly as it was before the migration.
                assert!(backup.exists(), "v{v}: backup {}", backup.display());
                assert_eq!(digest_file(backup), whole_before, "v{v}: the backup holds the old database");
                let b = Connection::open(backup).unwrap();
                let integrity: String = b.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
                assert_eq!(integrity, "ok");
            }
            other => panic!("v{v}: unexpected outcome {other:?}"),
        }
        store
            .read(|c| {
                let version: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0))?;
                assert_eq!(version, SCHEMA_VERSION);
                let integrity: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
                assert_eq!(integrity, "ok");
                // Every row of every table kept, value for value (on the columns it had).
                for (t, n, cols, d) in &before {
                    assert_eq!(count(c, t), *n, "v{v}: rows of {t}");
                    assert_eq!(&table_digest(c, t, Some(cols)), d, "v{v}: values of {t}");
                }
                // Tables added since are there, empty.
                for t in tables_at(SCHEMA_VERSION).iter().filter(|t| !tables.contains(t)) {
                    assert_eq!(count(c, t), 0, "v{v}: new table {t}");
                }
                // Sampled values, read through the app's own queries.
                let list = accounts::list(c)?;
                let insta = list.iter().find(|a| a.id == 1).expect("account 1");
                assert_eq!(insta.handle, "atelier.camille");
                assert_eq!(insta.display_name.as_deref(), Some("Atelier Camille · Café"));
                assert_eq!(insta.followers, Some(3));
                let p = posts::list(c, 1)?;
                let cafe = p.iter().find(|p| p.platform_post_id == "17926160567808540").expect("post");
                assert_eq!(cafe.text.as_deref(), Some("Café & croissants ☕️ — à Lyon"));
                assert_eq!(cafe.metrics.likes, Some(80));
                assert_eq!(cafe.metrics.views, None, "unknown stays unknown");
                let members: i64 =
                    c.query_row("SELECT count(*) FROM relation_members WHERE snapshot_id = 1", [], |r| r.get(0))?;
                assert_eq!(members, 3);
                if v >= 2 {
                    let note: String = c.query_row("SELECT note FROM annotations WHERE id = 1", [], |r| r.get(0))?;
                    assert_eq!(note, "Concours « gagne un mug »");
                }
                if v < 4 {
                    // The upgrade to v4 counted the stored follower lists' cohorts (two of the three
                    // followers of snapshot 1 have a follow date, on two days).
                    let (days, members): (i64, i64) = c.query_row(
                        "SELECT count(*), coalesce(sum(members), 0) FROM relation_cohorts WHERE snapshot_id = 1",
                        [],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )?;
                    assert_eq!((days, members), (2, 2), "v{v}: cohorts of snapshot 1");
                }
                // Every post has its latest numbers in post_facts (filled by the upgrade to v5, kept
                // by triggers since), agreeing with its observations.
                let facts: i64 = c.query_row("SELECT count(*) FROM post_facts", [], |r| r.get(0))?;
                assert_eq!(facts, 4, "v{v}: one post_facts row per post");
                assert_eq!(posts::facts_out_of_date(c)?, 0, "v{v}: post_facts agree with the observations");
                let reel: (Option<i64>, Option<f64>, String) = c.query_row(
                    "SELECT views, avg_pct_viewed, published_at FROM post_facts WHERE post_id = 2",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )?;
                assert_eq!(reel, (Some(25000), Some(48.5), "2024-08-30T06:40:00Z".to_string()), "v{v}");
                if v >= 3 {
                    let url: Option<String> =
                        c.query_row("SELECT instance_url FROM accounts WHERE id = 4", [], |r| r.get(0))?;
                    assert_eq!(url.as_deref(), Some("https://piaille.fr"));
                } else {
                    let synced: i64 = c.query_row(
                        "SELECT count(*) FROM accounts WHERE instance_url IS NOT NULL OR last_sync_at IS NOT NULL",
                        [],
                        |r| r.get(0),
                    )?;
                    assert_eq!(synced, 0, "v{v}: new columns start empty");
                }
                Ok(())
            })
            .unwrap();
        // The upgraded database is usable: an import lands in it.
        let zip = dir.path().join("twitter-2026-11-01-up.zip");
        common::x_archive(&zip, "2026-11-01T08:00:00.000Z", &["42", "44"]);
        let r = resonance::import::import(
            &store,
            &resonance::import::source::Input::path(&zip),
            &ImportOptions::default(),
            &resonance::import::progress::Silent,
            &std::sync::atomic::AtomicBool::new(false),
        )
        .unwrap();
        assert_eq!(r.status, resonance::import::ImportStatus::Imported);
        // Opening again changes nothing more.
        drop(store);
        let (_, again) = Store::open_reporting(&path).unwrap();
        assert_eq!(again, OpenOutcome::UpToDate);
    }
}

/// Runs the CLI on `db` (`accounts`), returning (success, stderr).
fn cli_accounts(db: &Path, lang: &str, json: bool) -> (bool, String) {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_resonance"));
    cmd.arg("--db").arg(db).args(["--lang", lang]);
    if json {
        cmd.arg("--json");
    }
    let out = cmd.arg("accounts").output().unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Files beside `db` (a backup or a WAL would show here).
fn siblings(db: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_database_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("resonance.db");
    std::fs::copy(fixture(SCHEMA_VERSION), &path).unwrap();
    {
        let c = Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", SCHEMA_VERSION + 5).unwrap();
    }
    let sha = sha_file(&path);
    let files = siblings(&path);
    let err = Store::open(&path).err().expect("refused");
    assert_eq!(err.code(), "db.too_new");
    let en = err.localized(resonance::Lang::En);
    assert!(en.contains("newer version of Resonance") && en.contains("the database was not changed"), "{en}");
    let fr = err.localized(resonance::Lang::Fr);
    assert!(fr.contains("plus récente") && fr.contains("n'a pas été modifiée"), "{fr}");
    // Through the CLI too, in both languages and as JSON.
    let (ok, stderr) = cli_accounts(&path, "en", false);
    assert!(!ok && stderr.contains("newer version of Resonance"), "{stderr}");
    let (ok, stderr) = cli_accounts(&path, "fr", false);
    assert!(!ok && stderr.contains("version plus récente"), "{stderr}");
    let (ok, stderr) = cli_accounts(&path, "en", true);
    let payload: serde_json::Value = serde_json::from_str(stderr.trim()).unwrap();
    assert!(!ok);
    assert_eq!(payload["code"], "db.too_new");
    assert_eq!(sha_file(&path), sha, "byte for byte as it was");
    assert_eq!(siblings(&path), files, "no backup, no WAL, nothing created");
}

#[test]
fn a_file_that_is_not_a_resonance_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    // Text; random bytes; someone else's SQLite database.
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "These are my notes, not a database. ".repeat(200)).unwrap();
    let noise = dir.path().join("noise.db");
    std::fs::write(&noise, (0..70_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect::<Vec<u8>>())
        .unwrap();
    let foreign = dir.path().join("other-app.db");
    {
        let c = Connection::open(&foreign).unwrap();
        c.execute_batch(
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hi');",
        )
        .unwrap();
    }
    for path in [&text, &noise, &foreign] {
        let sha = sha_file(path);
        let err = Store::open(path).err().expect("refused");
        assert_eq!(err.code(), "db.not_a_database", "{}: {err}", path.display());
        let en = err.localized(resonance::Lang::En);
        assert!(en.contains("is not a Resonance database"), "{en}");
        let (ok, stderr) = cli_accounts(path, "fr", false);
        assert!(!ok && stderr.contains("n'est pas une base Resonance"), "{stderr}");
        let (_, stderr) = cli_accounts(path, "en", true);
        let payload: serde_json::Value = serde_json::from_str(stderr.trim()).unwrap();
        assert_eq!(payload["code"], "db.not_a_database");
        assert_eq!(sha_file(path), sha, "{}: byte for byte as it was", path.display());
    }
    let mut names = siblings(&text);
    names.retain(|n| n.ends_with("-wal") || n.ends_with("-shm") || n.contains(".bak"));
    assert!(names.is_empty(), "nothing created beside them: {names:?}");
}
