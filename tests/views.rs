//! The views' results kept until the data changes (`resonance::views`, `Store::cached`): a kept
//! result is the same as a freshly computed one, and any commit — through the store, by another
//! connection or process, during a computation — drops what was kept.

mod common;

use common::Env;
use resonance::Lang;
use resonance::charts::kind::{self, ChartKind, ChartRequest};
use resonance::import::progress::Silent;
use resonance::metrics::analysis;
use resonance::metrics::data::AccountData;
use resonance::metrics::post_table::{self, PostQuery, PostSortKey, SortDir};
use resonance::views;
use std::cell::Cell;

fn demo() -> Env {
    let env = Env::new();
    resonance::demo::load(&env.store, Lang::En, &Silent).unwrap();
    env
}

fn json<T: serde::Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string(v).unwrap()
}

#[test]
fn a_result_is_kept_until_any_commit() {
    let env = Env::new();
    let runs = Cell::new(0);
    let count = |c: &rusqlite::Connection| -> resonance::Result<i64> {
        runs.set(runs.get() + 1);
        Ok(c.query_row("SELECT count(*) FROM accounts", [], |r| r.get(0))?)
    };
    assert_eq!(*env.store.cached("n", count).unwrap(), 0);
    assert_eq!(*env.store.cached("n", count).unwrap(), 0);
    assert_eq!(runs.get(), 1, "the second call is answered from what was kept");
    assert!(env.store.is_kept("n").unwrap());

    // A write through the store.
    env.store
        .write(|tx| {
            tx.execute(
                "INSERT INTO accounts (platform, handle, role, created_at) VALUES ('x', 'a', 'pro', '2026-01-01T00:00:00Z')",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    assert!(!env.store.is_kept("n").unwrap());
    assert_eq!(*env.store.cached("n", count).unwrap(), 1);
    assert_eq!(runs.get(), 2);

    // Another connection, as another process (the CLI beside the app) would write.
    let other = rusqlite::Connection::open(env.store.path()).unwrap();
    other
        .execute(
            "INSERT INTO accounts (platform, handle, role, created_at) VALUES ('x', 'b', 'pro', '2026-01-01T00:00:00Z')",
            [],
        )
        .unwrap();
    assert_eq!(*env.store.cached("n", count).unwrap(), 2);
    assert_eq!(runs.get(), 3);

    // A rolled-back write changes nothing: what was kept stays.
    let _ = env.store.write(|tx| -> resonance::Result<()> {
        tx.execute("DELETE FROM accounts", [])?;
        Err(resonance::Error::InvalidArgument("changed my mind".into()))
    });
    assert_eq!(*env.store.cached("n", count).unwrap(), 2);
    assert_eq!(runs.get(), 3);

    // Forgetting drops everything.
    env.store.forget();
    assert_eq!(env.store.kept_results(), 0);
    assert_eq!(*env.store.cached("n", count).unwrap(), 2);
    assert_eq!(runs.get(), 4);
}

#[test]
fn a_result_computed_across_a_commit_is_not_kept() {
    let env = Env::new();
    let other = rusqlite::Connection::open(env.store.path()).unwrap();
    let value = env
        .store
        .cached("n", |c| {
            let n: i64 = c.query_row("SELECT count(*) FROM accounts", [], |r| r.get(0))?;
            // A commit lands while the result is being computed.
            other
                .execute(
                    "INSERT INTO accounts (platform, handle, role, created_at) VALUES ('x', 'a', 'pro', '2026-01-01T00:00:00Z')",
                    [],
                )
                .unwrap();
            Ok(n)
        })
        .unwrap();
    assert_eq!(*value, 0, "the caller gets what it computed");
    assert!(!env.store.is_kept("n").unwrap(), "but it is not kept: the data changed meanwhile");
    let now = env.store.cached("n", |c| Ok(c.query_row("SELECT count(*) FROM accounts", [], |r| r.get::<_, i64>(0))?));
    assert_eq!(*now.unwrap(), 1);
}

#[test]
fn the_number_of_kept_results_is_bounded() {
    let env = Env::new();
    for i in 0..200 {
        env.store.cached(&format!("k{i}"), |_| Ok(i)).unwrap();
    }
    assert_eq!(env.store.kept_results(), 48);
    assert!(env.store.is_kept("k199").unwrap());
    assert!(!env.store.is_kept("k0").unwrap(), "the oldest went first");
}

#[test]
fn kept_views_equal_fresh_ones_on_the_demo() {
    let env = demo();
    let store = &env.store;
    let ids = store.read(resonance::store::accounts::ids).unwrap();

    // The insights keep every account's analysis and the 90-day comparison on the way: each equals
    // the analysis of that account alone, and the comparison over the whole history.
    let insights = views::insights(store, Lang::Fr).unwrap();
    assert!(!insights.is_empty());
    let today = chrono::Utc::now().date_naive();
    for id in &ids {
        let kept = views::analysis(store, *id, Lang::Fr).unwrap();
        let fresh = store.read(|c| analysis::analyse(c, *id, Lang::Fr, None)).unwrap();
        assert_eq!(json(&*kept), json(&fresh), "account {id}");
        assert_eq!(kept.data_age_days, fresh.last_day.map(|d| (today - d).num_days()));
    }
    let kept = views::compare(store, 90).unwrap();
    let whole = store
        .read(|c| {
            let all = AccountData::load_all(c)?;
            let to = all.iter().filter_map(AccountData::last_day).max().unwrap();
            resonance::metrics::compare::compare(c, &all, to, 90)
        })
        .unwrap();
    assert_eq!(json(&*kept), json(&whole));
    // Computed alone (over each account's recent posts only), the comparison is the same too, for
    // every period the view offers.
    for days in [30, 90, 365] {
        store.forget();
        let windowed = views::compare(store, days).unwrap();
        let whole = store
            .read(|c| {
                let all = AccountData::load_all(c)?;
                let to = all.iter().filter_map(AccountData::last_day).max().unwrap();
                resonance::metrics::compare::compare(c, &all, to, days)
            })
            .unwrap();
        assert_eq!(json(&*windowed), json(&whole), "{days} days");
    }
    // The insights alone, in the other language, are not the French ones.
    let en = views::insights(store, Lang::En).unwrap();
    assert_eq!(en.len(), insights.len());
    assert_ne!(json(&*en), json(&*insights));

    // Charts: kept data draws the same as data assembled again.
    for kind in ChartKind::ALL {
        let request = ChartRequest { kind, accounts: Vec::new(), from: None, to: None };
        let kept = views::chart_data(store, &request, Lang::En).unwrap();
        let again = views::chart_data(store, &request, Lang::En).unwrap();
        assert!(std::sync::Arc::ptr_eq(&kept, &again), "{kind:?} kept");
        let fresh = store.read(|c| kind::data(c, &request, Lang::En)).unwrap();
        assert_eq!(json(&kind::table(&kept, Lang::En)), json(&kind::table(&fresh, Lang::En)), "{kind:?}");
    }
}

#[test]
fn turning_pages_reads_the_kept_order() {
    let env = demo();
    let store = &env.store;
    for q in [
        PostQuery::default(),
        PostQuery { sort: PostSortKey::Genuine, ..Default::default() },
        PostQuery { sort: PostSortKey::Likes, dir: SortDir::Asc, page_size: 25, ..Default::default() },
        PostQuery { text: "the".into(), ..Default::default() },
    ] {
        let first = views::posts_page(store, &q).unwrap();
        assert!(first.pages > 1, "{q:?} has several pages");
        for page in [1, 2, first.pages, first.pages + 5] {
            let q = PostQuery { page, ..q.clone() };
            let kept = views::posts_page(store, &q).unwrap();
            let fresh = store.read(|c| post_table::page(c, &q)).unwrap();
            assert_eq!(json(&kept), json(&fresh), "{q:?}");
        }
    }
    // One order kept per query, whatever the page.
    store.forget();
    for page in 1..=3 {
        views::posts_page(store, &PostQuery { page, ..Default::default() }).unwrap();
    }
    assert_eq!(store.kept_results(), 1);
}

#[test]
fn a_change_shows_in_the_views_at_once() {
    let env = demo();
    let store = &env.store;
    let before = views::summary(store).unwrap();
    let n = before.len();
    // Renaming an account (a write through the store) shows at once.
    let id = before[0].account.id;
    store.write(|tx| resonance::store::accounts::set_label(tx, id, "Renommé")).unwrap();
    let after = views::summary(store).unwrap();
    assert_eq!(after.len(), n);
    assert_eq!(after[0].account.label.as_deref(), Some("Renommé"));
}

#[test]
fn callers_asking_together_compute_once() {
    let env = Env::new();
    let runs = std::sync::atomic::AtomicUsize::new(0);
    let barrier = std::sync::Barrier::new(4);
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                barrier.wait();
                let v = env
                    .store
                    .cached_from("slow", || {
                        runs.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        std::thread::sleep(std::time::Duration::from_millis(200));
                        Ok(42)
                    })
                    .unwrap();
                assert_eq!(*v, 42);
            });
        }
    });
    assert_eq!(runs.load(std::sync::atomic::Ordering::SeqCst), 1, "the others waited for the first");
    // A failed computation is not kept: the next caller tries again.
    let failed = env.store.cached_from::<i64>("fails", || Err(resonance::Error::InvalidArgument("no".into())));
    assert!(failed.is_err());
    assert_eq!(*env.store.cached_from("fails", || Ok(1)).unwrap(), 1);
}

#[test]
fn a_restore_drops_what_was_kept() {
    let env = demo();
    let store = &env.store;
    let before = views::summary(store).unwrap();
    assert!(!before.is_empty());
    // Restoring an empty database over the live one (Settings › Restore) is a commit too.
    let empty = Env::new();
    let src = rusqlite::Connection::open(empty.store.path()).unwrap();
    store.restore_from(&src).unwrap();
    assert!(views::summary(store).unwrap().is_empty());
    assert!(views::insights(store, Lang::En).unwrap().iter().all(|i| i.account_id.is_none()));
}

#[test]
fn warming_up_computes_what_the_app_shows_first() {
    let env = demo();
    let store = &env.store;
    store.forget();
    views::warm(store, Lang::Fr).unwrap();
    let kept = store.kept_results();
    // The summary, the insights, every account's analysis, the comparison, the Reports view's first chart.
    let accounts = store.read(resonance::store::accounts::ids).unwrap().len();
    assert_eq!(kept, 3 + accounts + 1);
    // What the overview then asks is answered from them: nothing new is computed.
    let insights = views::insights(store, Lang::Fr).unwrap();
    assert!(std::sync::Arc::ptr_eq(&insights, &views::insights(store, Lang::Fr).unwrap()));
    views::summary(store).unwrap();
    views::compare(store, views::DEFAULT_COMPARE_DAYS).unwrap();
    assert_eq!(store.kept_results(), kept);
    // Warming again with nothing changed computes nothing either.
    views::warm(store, Lang::Fr).unwrap();
    assert_eq!(store.kept_results(), kept);
}
