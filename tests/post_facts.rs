//! Each post's latest numbers (`post_facts`, migration 0005) are what overlaying its observations
//! in (day, id) order gives, whatever order the observations arrive in, and stay so through
//! imports, undo, merges and deletions.

mod common;

use common::{Env, x_archive};
use resonance::Lang;
use resonance::import::ImportOptions;
use resonance::import::progress::Silent;
use resonance::model::PostMetrics;
use resonance::store::{accounts, ledger, manage, posts};
use rusqlite::Connection;
use std::collections::BTreeMap;

/// Every post's metrics computed the way the app did before migration 0005: every observation
/// of the post overlaid in (observed_on, id) order.
fn overlaid(c: &Connection) -> BTreeMap<i64, PostMetrics> {
    let mut out: BTreeMap<i64, PostMetrics> = BTreeMap::new();
    let mut stmt = c
        .prepare(
            "SELECT p.id, m.views, m.impressions, m.reach, m.likes, m.comments, m.replies, m.shares, m.quotes,
                    m.saves, m.engagements, m.profile_visits, m.follows, m.link_clicks, m.watch_time_s,
                    m.avg_view_duration_s, m.avg_pct_viewed
             FROM posts p LEFT JOIN post_metrics m ON m.post_id = p.id ORDER BY p.id, m.observed_on, m.id",
        )
        .unwrap();
    let mut rows = stmt.query([]).unwrap();
    while let Some(r) = rows.next().unwrap() {
        let m = PostMetrics {
            views: r.get(1).unwrap(),
            impressions: r.get(2).unwrap(),
            reach: r.get(3).unwrap(),
            likes: r.get(4).unwrap(),
            comments: r.get(5).unwrap(),
            replies: r.get(6).unwrap(),
            shares: r.get(7).unwrap(),
            quotes: r.get(8).unwrap(),
            saves: r.get(9).unwrap(),
            engagements: r.get(10).unwrap(),
            profile_visits: r.get(11).unwrap(),
            follows: r.get(12).unwrap(),
            link_clicks: r.get(13).unwrap(),
            watch_time_s: r.get(14).unwrap(),
            avg_view_duration_s: r.get(15).unwrap(),
            avg_pct_viewed: r.get(16).unwrap(),
        };
        out.entry(r.get(0).unwrap()).or_default().overlay(&m);
    }
    out
}

/// What the views read: `posts::list` of every account.
fn listed(c: &Connection) -> BTreeMap<i64, PostMetrics> {
    let mut out = BTreeMap::new();
    for id in accounts::ids(c).unwrap() {
        for p in posts::list(c, id).unwrap() {
            out.insert(p.id, p.metrics);
        }
    }
    out
}

fn assert_consistent(env: &Env, when: &str) {
    env.store
        .read(|c| {
            assert_eq!(posts::facts_out_of_date(c)?, 0, "{when}: post_facts against post_latest");
            let (a, b) = (overlaid(c), listed(c));
            assert_eq!(a.len(), b.len(), "{when}: posts listed");
            for (id, m) in &a {
                assert_eq!(Some(m), b.get(id), "{when}: post {id}");
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn the_demo_history_then_every_undo_keeps_the_facts_right() {
    let env = Env::new();
    resonance::demo::load(&env.store, Lang::En, &Silent).unwrap();
    assert_consistent(&env, "demo loaded");
    let n: i64 = env
        .store
        .read(|c| {
            Ok(c.query_row("SELECT count(*) FROM post_facts f JOIN posts p ON p.id = f.post_id", [], |r| r.get(0))?)
        })
        .unwrap();
    assert!(n > 4000, "one row per demo post: {n}");
    let with_numbers = env.store.read(|c| Ok(overlaid(c).values().filter(|m| !m.is_empty()).count())).unwrap();
    assert!(with_numbers > 2000, "{with_numbers}");
    // Undo the imports newest first, checking after each.
    let mut imports = env.store.read(ledger::list).unwrap();
    imports.sort_by_key(|i| std::cmp::Reverse(i.id));
    for i in imports {
        env.store.write(|tx| manage::undo_import(tx, i.id)).unwrap();
        assert_consistent(&env, &format!("after undoing {}", i.file_name));
    }
    let left: i64 = env.store.read(|c| Ok(c.query_row("SELECT count(*) FROM post_facts", [], |r| r.get(0))?)).unwrap();
    assert_eq!(left, 0);
}

#[test]
fn an_older_observation_arriving_late_does_not_replace_newer_numbers() {
    let env = Env::new();
    let zip = env.path("twitter-a.zip");
    x_archive(&zip, "2026-11-01T08:00:00.000Z", &["1", "2"]);
    let r = env.import(&zip, &ImportOptions::default()).unwrap();
    let account = r.accounts[0].id;
    env.store
        .write(|tx| {
            let post: i64 = tx.query_row("SELECT id FROM posts WHERE account_id = ?1 LIMIT 1", [account], |r| r.get(0))?;
            let add = |day: &str, likes: Option<i64>, views: Option<i64>| {
                tx.execute(
                    "INSERT INTO post_metrics (post_id, observed_on, source, likes, views) VALUES (?1, ?2, 'test', ?3, ?4)",
                    rusqlite::params![post, day, likes, views],
                )
            };
            add("2030-01-10", Some(500), None)?;
            // Older: its likes lose to the newer ones, its views (unknown later) are kept.
            add("2030-01-01", Some(100), Some(9000))?;
            // Same day as the newest, later id: wins.
            add("2030-01-10", Some(600), None)?;
            let (likes, views, observed): (i64, i64, String) = tx.query_row(
                "SELECT likes, views, observed_on FROM post_facts WHERE post_id = ?1",
                [post],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            assert_eq!((likes, views, observed.as_str()), (600, 9000, "2030-01-10"));
            // Moving and deleting observations recomputes.
            tx.execute("DELETE FROM post_metrics WHERE post_id = ?1 AND likes = 600", [post])?;
            tx.execute("UPDATE post_metrics SET observed_on = '2029-12-31' WHERE post_id = ?1 AND likes = 500", [post])?;
            let likes: i64 = tx.query_row("SELECT likes FROM post_facts WHERE post_id = ?1", [post], |r| r.get(0))?;
            assert_eq!(likes, 100);
            // A post's date and kind follow the post.
            tx.execute("UPDATE posts SET published_at = NULL, kind = 'reply' WHERE id = ?1", [post])?;
            let (at, kind): (String, String) =
                tx.query_row("SELECT published_at, kind FROM post_facts WHERE post_id = ?1", [post], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
            assert_eq!((at.as_str(), kind.as_str()), ("", "reply"));
            Ok(())
        })
        .unwrap();
    assert_consistent(&env, "after out-of-order observations");
}

#[test]
fn merging_and_deleting_accounts_keep_the_facts_right() {
    let env = Env::new();
    let a = env.path("twitter-a.zip");
    x_archive(&a, "2026-05-01T08:00:00.000Z", &["1", "2", "3"]);
    let keep = env.import(&a, &ImportOptions::default()).unwrap().accounts[0].id;
    env.store
        .write(|tx| {
            tx.execute("UPDATE accounts SET handle = 'old-name', platform_user_id = NULL WHERE id = ?1", [keep])?;
            Ok(())
        })
        .unwrap();
    let b = env.path("twitter-b.zip");
    x_archive(&b, "2026-11-01T08:00:00.000Z", &["2", "3", "4"]);
    let remove = env.import(&b, &ImportOptions::default()).unwrap().accounts[0].id;
    assert_ne!(keep, remove);
    assert_consistent(&env, "two accounts");
    env.store.write(|tx| manage::merge_accounts(tx, keep, remove)).unwrap();
    assert_consistent(&env, "merged");
    env.store.write(|tx| manage::delete_account(tx, keep)).unwrap();
    assert_consistent(&env, "deleted");
    let left: i64 = env.store.read(|c| Ok(c.query_row("SELECT count(*) FROM post_facts", [], |r| r.get(0))?)).unwrap();
    assert_eq!(left, 0);
}
