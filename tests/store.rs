//! The store: migrations (fresh, upgrade of a database made by the previous schema, refusal of a
//! newer one), the ledger's idempotence and the NULL-is-unknown rule.

mod common;

use common::{Env, x_archive};
use resonance::Store;
use resonance::import::{ImportOptions, ImportStatus};
use resonance::model::{AudienceMetric, Role};
use resonance::store::{OpenOutcome, SCHEMA_VERSION, accounts, audience, migrations, posts};
use rusqlite::Connection;

#[test]
fn a_fresh_database_is_created_at_the_latest_schema() {
    let dir = tempfile::tempdir().unwrap();
    let (_, outcome) = Store::open_reporting(dir.path().join("new.db")).unwrap();
    assert_eq!(outcome, OpenOutcome::Created);
    const { assert!(SCHEMA_VERSION >= 2) };
}

#[test]
fn a_database_of_the_previous_schema_is_backed_up_then_upgraded_with_every_row_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let mut c = Connection::open(&path).unwrap();
        migrations().to_version(&mut c, (SCHEMA_VERSION - 1) as usize).unwrap();
        c.execute_batch(
            "INSERT INTO accounts (platform, handle, role, created_at) VALUES ('x', 'old', 'pro', '2025-01-01');
             INSERT INTO audience_observations (account_id, observed_on, metric, value, source)
                 VALUES (1, '2025-01-01', 'followers', 123, 'export_snapshot');",
        )
        .unwrap();
    }
    let (store, outcome) = Store::open_reporting(&path).unwrap();
    let OpenOutcome::Migrated { from, to, backup } = outcome else { panic!("expected a migration, got {outcome:?}") };
    assert_eq!((from, to), (SCHEMA_VERSION - 1, SCHEMA_VERSION));
    // The backup is the old database, intact.
    let b = Connection::open(&backup).unwrap();
    let v: i64 = b.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v, SCHEMA_VERSION - 1);
    let n: i64 = b.query_row("SELECT count(*) FROM accounts", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 1);
    // The upgraded database kept the rows and has the new tables.
    let list = store.read(accounts::list).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].followers, Some(123));
    store.read(|c| Ok(c.execute("INSERT INTO settings (key, value) VALUES ('k', 'v')", [])?)).unwrap();
}

#[test]
fn a_database_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("a newer database must be refused");
    assert_eq!(err.code(), "db.too_new");
    assert!(err.localized(resonance::Lang::Fr).contains("plus récente"));
    assert_eq!(std::fs::read(&path).unwrap(), before, "the file was not changed");
}

#[test]
fn a_file_that_is_not_a_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, b"these are not the droids").unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert_eq!(err.code(), "db.not_a_database");
}

#[test]
fn importing_the_same_file_twice_changes_nothing_the_second_time() {
    let env = Env::new();
    let zip = env.path("twitter-2026-11-01-abc.zip");
    x_archive(&zip, "2026-11-01T08:00:00.000Z", &["1", "2", "3"]);
    let first = env.import(&zip, &ImportOptions { role: Some(Role::Pro), ..Default::default() }).unwrap();
    assert_eq!(first.status, ImportStatus::Imported);
    assert_eq!(first.counts.followers, 3);
    let before = env.fingerprint();
    let second = env.import(&zip, &ImportOptions::default()).unwrap();
    assert_eq!(second.status, ImportStatus::AlreadyImported);
    assert_eq!(second.import_id, first.import_id);
    assert_eq!(env.fingerprint(), before);

    // The same export re-zipped (other bytes, other hash) adds no history either: one more line
    // in the ledger, nothing else.
    let rezipped = env.path("twitter-rezipped.zip");
    common::x_archive_ordered(&rezipped, "2026-11-01T08:00:00.000Z", &["1", "2", "3"], true);
    let third = env.import(&rezipped, &ImportOptions::default()).unwrap();
    assert_eq!(third.status, ImportStatus::Imported);
    assert_eq!(third.counts.followers, 0, "{:?}", third.counts);
    assert_eq!(third.counts.posts_new, 0);
    assert_eq!(third.counts.post_observations, 0);
    assert_eq!(third.counts.audience_points, 0);
    let after: Vec<_> = env.fingerprint().into_iter().filter(|(t, _)| t != "imports").collect();
    let before: Vec<_> = before.into_iter().filter(|(t, _)| t != "imports").collect();
    assert_eq!(after, before);
}

#[test]
fn unknown_metrics_stay_null_and_retweets_carry_no_applause() {
    let env = Env::new();
    let zip = env.path("twitter-2026-11-01-abc.zip");
    x_archive(&zip, "2026-11-01T08:00:00.000Z", &["1", "2"]);
    let report = env.import(&zip, &ImportOptions::default()).unwrap();
    let id = report.accounts[0].id;
    let list = env.store.read(|c| posts::list(c, id)).unwrap();
    assert_eq!(list.len(), 4);
    let own = list.iter().find(|p| p.platform_post_id == "1626902980006932483").unwrap();
    assert_eq!(own.metrics.likes, Some(8));
    assert_eq!(own.metrics.shares, Some(2));
    assert_eq!(own.text.as_deref(), Some("music update & more"));
    // The archive has no impressions, replies or saves: unknown, never zero.
    assert_eq!(own.metrics.impressions, None);
    assert_eq!(own.metrics.replies, None);
    assert_eq!(own.metrics.saves, None);
    let rt = list.iter().find(|p| p.platform_post_id == "1626902980006932999").unwrap();
    assert_eq!(rt.kind, resonance::model::PostKind::Repost);
    assert!(rt.metrics.is_empty(), "a retweet's counts are the other person's applause");
    let reply = list.iter().find(|p| p.platform_post_id == "1627000000000000000").unwrap();
    assert_eq!(reply.kind, resonance::model::PostKind::Reply);

    // Followers: the archive's list is a snapshot on its generation date.
    let series = env.store.read(|c| audience::follower_series(c, id, AudienceMetric::Followers)).unwrap();
    assert_eq!(series.len(), 1);
    assert_eq!(series[0].followers, 2);
    assert_eq!(series[0].date.to_string(), "2026-11-01");
    let a = env.store.read(|c| accounts::get(c, id)).unwrap();
    assert_eq!((a.handle.as_str(), a.following, a.posts), ("camtest", Some(1), 3));
}

#[test]
fn two_snapshots_reveal_who_left() {
    let env = Env::new();
    let older = env.path("twitter-older.zip");
    x_archive(&older, "2026-05-01T08:00:00.000Z", &["1", "2", "3", "4"]);
    let newer = env.path("twitter-newer.zip");
    x_archive(&newer, "2026-11-01T08:00:00.000Z", &["1", "2", "9"]);
    env.import(&older, &ImportOptions::default()).unwrap();
    let r = env.import(&newer, &ImportOptions::default()).unwrap();
    assert_eq!(r.counts.unfollows, 2, "followers 3 and 4 left between the two exports");
    let id = r.accounts[0].id;
    let series = env.store.read(|c| audience::follower_series(c, id, AudienceMetric::Followers)).unwrap();
    let points: Vec<(String, i64)> = series.iter().map(|p| (p.date.to_string(), p.followers)).collect();
    assert_eq!(points, vec![("2026-05-01".to_string(), 4), ("2026-11-01".to_string(), 3)]);
}

#[test]
fn idle_connections_give_back_their_page_cache_and_keep_working() {
    let env = Env::new();
    x_archive(&env.path("x.zip"), "2026-03-01T10:00:00.000Z", &["1", "2", "3"]);
    env.import(&env.path("x.zip"), &ImportOptions::default()).unwrap();
    let before = env.fingerprint();
    let used = |c: &Connection| -> resonance::Result<i64> {
        Ok(c.query_row("SELECT count(*) FROM identities", [], |r| r.get(0))?)
    };
    let n = env.store.read(used).unwrap();
    assert!(n >= 3);
    env.store.release_memory().unwrap();
    assert_eq!(env.store.read(used).unwrap(), n);
    // While a connection is in use, the others are released and it is left alone.
    let during = env
        .store
        .read(|c| {
            env.store.release_memory()?;
            used(c)
        })
        .unwrap();
    assert_eq!(during, n);
    assert_eq!(env.fingerprint(), before);
}
