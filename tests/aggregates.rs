//! The follower aggregates the store keeps (migration 0004: cohorts by follow day, overlaps between
//! accounts' latest follower lists) give exactly what counting the members gives, after real
//! imports of the scale generator's exports, and stay right when snapshots come and go.

#[allow(dead_code)]
#[path = "../examples/gen_scale.rs"]
mod gen_scale;

use resonance::Store;
use resonance::import::ImportOptions;
use resonance::import::progress::Silent;
use resonance::import::source::Input;
use resonance::metrics::authenticity;
use resonance::metrics::compare;
use resonance::model::{Platform, Role};
use std::sync::atomic::AtomicBool;

#[derive(serde::Deserialize)]
struct ManifestFile {
    file: String,
    role: String,
    platform: Option<String>,
    handle: Option<String>,
}

#[derive(serde::Deserialize)]
struct Manifest {
    files: Vec<ManifestFile>,
}

/// The generator's history at a small factor, imported as the scale benchmark does.
fn imported(dir: &std::path::Path, factor: f64) -> Store {
    let input = dir.join("input");
    gen_scale::generate(&input, factor).unwrap();
    let manifest: Manifest = serde_json::from_slice(&std::fs::read(input.join("manifest.json")).unwrap()).unwrap();
    let store = Store::open(dir.join("scale.db")).unwrap();
    for f in &manifest.files {
        let account = match (&f.platform, &f.handle) {
            (Some(p), Some(h)) => {
                let platform = match p.as_str() {
                    "instagram" => Platform::Instagram,
                    "x" => Platform::X,
                    other => panic!("{other}"),
                };
                store.read(|c| resonance::store::accounts::find(c, platform, h)).unwrap()
            }
            _ => None,
        };
        let opts = ImportOptions {
            role: Some(if f.role == "pro" { Role::Pro } else { Role::Personal }),
            account,
            ..ImportOptions::default()
        };
        resonance::import::import(&store, &Input::path(input.join(&f.file)), &opts, &Silent, &AtomicBool::new(false))
            .unwrap();
    }
    store
}

type Cohorts = Vec<(i64, Vec<(chrono::NaiveDate, i64)>, Option<chrono::NaiveDate>)>;

fn all_cohorts(store: &Store) -> Cohorts {
    store
        .read(|c| {
            let mut out = Vec::new();
            for id in resonance::store::accounts::ids(c)? {
                let k = authenticity::cohorts(c, id)?;
                out.push((id, k.survivors.into_iter().collect(), k.counted_on));
            }
            Ok(out)
        })
        .unwrap()
}

fn overlaps(store: &Store) -> Vec<(i64, i64, i64, i64, i64)> {
    store
        .read(|c| {
            Ok(compare::overlap(c)?
                .into_iter()
                .map(|o| (o.account_a, o.account_b, o.shared, o.a_listed, o.b_listed))
                .collect())
        })
        .unwrap()
}

/// Forgets every aggregate: readers then count the members themselves.
fn forget(store: &Store) {
    store.write(|tx| Ok(tx.execute_batch("DELETE FROM relation_aggregates")?)).unwrap();
}

fn count(store: &Store, sql: &str) -> i64 {
    store.read(|c| Ok(c.query_row(sql, [], |r| r.get(0))?)).unwrap()
}

#[test]
fn aggregates_equal_counting_the_members() {
    let dir = tempfile::tempdir().unwrap();
    let store = imported(dir.path(), 0.002);
    // Every followers snapshot got its aggregates; the Instagram ones (dated follows) cohorts.
    assert_eq!(
        count(&store, "SELECT count(*) FROM relation_aggregates"),
        count(&store, "SELECT count(*) FROM relation_snapshots WHERE relation = 'followers'")
    );
    assert!(count(&store, "SELECT count(*) FROM relation_cohorts") > 1000);
    // 5 Instagram accounts and 4 X accounts: 10 + 6 pairs, each counted once at import.
    assert_eq!(count(&store, "SELECT count(*) FROM relation_overlaps"), 16);

    let (cached_cohorts, cached_overlaps) = (all_cohorts(&store), overlaps(&store));
    forget(&store);
    assert_eq!(all_cohorts(&store), cached_cohorts);
    assert_eq!(overlaps(&store), cached_overlaps);
    // The planted audience overlap is there (accounts of a platform share part of their pools).
    assert!(cached_overlaps.iter().any(|o| o.2 > 0), "{cached_overlaps:?}");
    assert_eq!(cached_overlaps.len(), 16);
}

#[test]
fn aggregates_follow_new_and_removed_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("t.db")).unwrap();
    // Two Instagram accounts; follow dates on both sides of 1970 and of midnight.
    store
        .write(|tx| {
            tx.execute_batch(
                "INSERT INTO accounts (id, platform, handle, created_at) VALUES
                     (1, 'instagram', 'a', '2026-01-01'), (2, 'instagram', 'b', '2026-01-01');
                 INSERT INTO identities (id, account_id, handle) VALUES
                     (1, 1, 'p'), (2, 1, 'q'), (3, 1, 'r'), (4, 2, 'q'), (5, 2, 'r'), (6, 2, 's');
                 INSERT INTO relation_snapshots (id, account_id, relation, taken_on) VALUES
                     (1, 1, 'followers', '2026-01-01'), (2, 2, 'followers', '2026-01-01');
                 INSERT INTO relation_members (snapshot_id, identity_id, since) VALUES
                     (1, 1, -1), (1, 2, 0), (1, 3, 86399), (2, 4, 86400), (2, 5, NULL), (2, 6, -86400);
                 UPDATE relation_snapshots SET member_count = 3 WHERE id IN (1, 2);",
            )?;
            Ok(())
        })
        .unwrap();
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let cohorts = all_cohorts(&store);
    assert_eq!(cohorts[0].1, vec![(day("1969-12-31"), 1), (day("1970-01-01"), 2)]);
    assert_eq!(cohorts[1].1, vec![(day("1969-12-31"), 1), (day("1970-01-02"), 1)]);
    assert_eq!(overlaps(&store), vec![(1, 2, 2, 3, 3)]);
    forget(&store);
    assert_eq!(all_cohorts(&store), cohorts);
    assert_eq!(overlaps(&store), vec![(1, 2, 2, 3, 3)]);

    // A newer list for account 2 that shares one follower: counted when its count is written.
    store
        .write(|tx| {
            tx.execute_batch(
                "INSERT INTO relation_snapshots (id, account_id, relation, taken_on) VALUES (3, 2, 'followers', '2026-02-01');
                 INSERT INTO relation_members (snapshot_id, identity_id, since) VALUES (3, 4, 86400), (3, 6, NULL);
                 UPDATE relation_snapshots SET member_count = 2 WHERE id = 3;",
            )?;
            Ok(())
        })
        .unwrap();
    assert_eq!(count(&store, "SELECT shared FROM relation_overlaps WHERE snapshot_a = 3 AND snapshot_b = 1"), 1);
    assert_eq!(overlaps(&store), vec![(1, 2, 1, 3, 2)]);
    // Removing it (an undone import) removes its aggregates; the older list counts again.
    store.write(|tx| Ok(tx.execute_batch("DELETE FROM relation_snapshots WHERE id = 3")?)).unwrap();
    assert_eq!(count(&store, "SELECT count(*) FROM relation_overlaps WHERE 3 IN (snapshot_a, snapshot_b)"), 0);
    assert_eq!(count(&store, "SELECT count(*) FROM relation_cohorts WHERE snapshot_id = 3"), 0);
    assert_eq!(overlaps(&store), vec![(1, 2, 2, 3, 3)]);
    // Members added after the count was written (not something the app does) are not hidden by a
    // stale aggregate once the count changes.
    store
        .write(|tx| {
            tx.execute_batch(
                "INSERT INTO relation_members (snapshot_id, identity_id, since) VALUES (2, 1, 172800);
                 UPDATE relation_snapshots SET member_count = 4 WHERE id = 2;",
            )?;
            Ok(())
        })
        .unwrap();
    assert_eq!(all_cohorts(&store)[1].1.len(), 3);
}
