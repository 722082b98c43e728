//! The Posts table's page, filtered, sorted and cut in the core (metrics::post_table): unknown
//! values last in both directions, inclusive days, every caption word without case or accents,
//! pages clamped, totals over the posts with both likes and a genuine part.

mod common;

use common::Env;
use resonance::metrics::post_table::{self, PostPage, PostQuery, PostSortKey, SortDir};
use resonance::model::PostKind;

struct P {
    account: i64,
    kind: &'static str,
    text: Option<&'static str>,
    at: Option<&'static str>,
    likes: Option<i64>,
    comments: Option<i64>,
    saves: Option<i64>,
    shares: Option<i64>,
}

const P0: P =
    P { account: 1, kind: "post", text: None, at: None, likes: None, comments: None, saves: None, shares: None };

/// A store with two accounts and these posts (ids 1, 2, … in order); returns the env.
fn store(posts: &[P]) -> Env {
    let env = Env::new();
    env.store
        .write(|tx| {
            tx.execute_batch(
                "INSERT INTO accounts (id, platform, handle, role, created_at) VALUES
                 (1, 'instagram', 'a', 'pro', '2026-01-01T00:00:00Z'), (2, 'x', 'b', 'personal', '2026-01-01T00:00:00Z');",
            )?;
            for (i, p) in posts.iter().enumerate() {
                let id = i as i64 + 1;
                tx.execute(
                    "INSERT INTO posts (id, account_id, platform_post_id, published_at, kind, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    rusqlite::params![id, p.account, id.to_string(), p.at, p.kind, p.text],
                )?;
                if p.likes.is_some() || p.comments.is_some() || p.saves.is_some() || p.shares.is_some() {
                    tx.execute(
                        "INSERT INTO post_metrics (post_id, observed_on, source, likes, comments, saves, shares)
                         VALUES (?1, '2026-11-01', 'test', ?2, ?3, ?4, ?5)",
                        rusqlite::params![id, p.likes, p.comments, p.saves, p.shares],
                    )?;
                }
            }
            Ok(())
        })
        .unwrap();
    env
}

fn page(env: &Env, q: PostQuery) -> PostPage {
    env.store.read(|c| post_table::page(c, &q)).unwrap()
}

fn ids(p: &PostPage) -> Vec<i64> {
    p.rows.iter().map(|r| r.id).collect()
}

#[test]
fn filters_by_account_kind_numbers_days_and_words() {
    let env = store(&[
        P { kind: "reel", text: Some("Mon café préféré"), at: Some("2026-09-30T23:00:00Z"), likes: Some(3), ..P0 },
        P { account: 2, text: Some("Logo design process"), at: Some("2026-10-05T08:00:00Z"), ..P0 },
        P { kind: "story", ..P0 },
    ]);
    let all = page(&env, PostQuery::default());
    assert_eq!((all.in_accounts, all.matching, all.measured), (3, 3, 1));
    assert_eq!(all.kinds, vec![PostKind::Post, PostKind::Reel, PostKind::Story], "stable order");
    assert_eq!(ids(&page(&env, PostQuery { accounts: vec![2], ..Default::default() })), vec![2]);
    let reels = page(&env, PostQuery { kind: Some(PostKind::Reel), ..Default::default() });
    assert_eq!(ids(&reels), vec![1]);
    let measured = page(&env, PostQuery { measured_only: true, ..Default::default() });
    assert_eq!((ids(&measured), measured.unmeasured_hidden), (vec![1], 2));
    let day = |from: &str, to: &str| {
        ids(&page(
            &env,
            PostQuery {
                from: Some(from.into()).filter(|s: &String| !s.is_empty()),
                to: Some(to.into()).filter(|s: &String| !s.is_empty()),
                ..Default::default()
            },
        ))
    };
    assert_eq!(day("2026-09-30", "2026-09-30"), vec![1], "inclusive, undated left out");
    assert_eq!(day("2026-10-01", ""), vec![2]);
    let words = |t: &str| ids(&page(&env, PostQuery { text: t.into(), ..Default::default() }));
    assert_eq!(words("CAFE mon"), vec![1]);
    assert_eq!(words("logo  process "), vec![2]);
    assert!(words("logo café").is_empty());
    // In the chosen account only: the other account's kinds are not offered.
    assert_eq!(page(&env, PostQuery { accounts: vec![2], ..Default::default() }).kinds, vec![PostKind::Post]);
}

#[test]
fn sorts_unknown_last_both_ways_and_breaks_ties_by_the_newest() {
    let env = store(&[
        P { at: Some("2026-10-01T10:00:00Z"), likes: Some(10), comments: Some(1), ..P0 }, // 1
        P { at: Some("2026-10-03T10:00:00Z"), likes: Some(30), ..P0 },                    // 2
        P { at: Some("2026-10-02T10:00:00Z"), ..P0 },                                     // 3
        P { likes: Some(30), ..P0 },                                                      // 4: no date
    ]);
    let sorted = |sort, dir| ids(&page(&env, PostQuery { sort, dir, ..Default::default() }));
    assert_eq!(sorted(PostSortKey::Likes, SortDir::Desc), vec![2, 4, 1, 3]);
    assert_eq!(sorted(PostSortKey::Likes, SortDir::Asc), vec![1, 2, 4, 3]);
    assert_eq!(sorted(PostSortKey::Genuine, SortDir::Asc), vec![1, 2, 3, 4]);
    assert_eq!(sorted(PostSortKey::Date, SortDir::Desc), vec![2, 3, 1, 4]);
    assert_eq!(sorted(PostSortKey::Date, SortDir::Asc), vec![1, 3, 2, 4]);
}

#[test]
fn pages_are_clamped_and_totals_count_posts_with_likes_and_genuine() {
    let many: Vec<P> = (0..120).map(|_| P { at: Some("2026-10-01T10:00:00Z"), ..P0 }).collect();
    let env = store(&many);
    let p = page(&env, PostQuery { page: 1, page_size: 50, ..Default::default() });
    assert_eq!((p.page, p.pages, p.first, p.last, p.rows.len()), (1, 3, 1, 50, 50));
    let p = page(&env, PostQuery { page: 9, page_size: 50, ..Default::default() });
    assert_eq!((p.page, p.first, p.last), (3, 101, 120));
    let none = page(&env, PostQuery { text: "absent".into(), page: 2, ..Default::default() });
    assert_eq!((none.page, none.pages, none.first, none.last), (1, 1, 0, 0));

    let env = store(&[
        P { likes: Some(80), comments: Some(10), saves: Some(10), ..P0 },
        P { likes: Some(50), ..P0 },
        P { comments: Some(4), ..P0 },
        P { likes: Some(10), shares: Some(0), ..P0 },
    ]);
    let t = page(&env, PostQuery::default()).totals;
    assert_eq!((t.posts, t.likes, t.genuine), (2, 90, 20));
    assert!((t.share.unwrap() - 20.0 / 110.0).abs() < 1e-12);
    let empty = store(&[]);
    assert_eq!(page(&empty, PostQuery::default()).totals.share, None);
}

#[test]
fn a_page_carries_captions_as_stored() {
    let env = store(&[P { text: Some("<img src=x onerror=alert(1)> café"), at: Some("2026-10-01T10:00:00Z"), ..P0 }]);
    let p = page(&env, PostQuery { text: "onerror CAFE".into(), ..Default::default() });
    assert_eq!(p.rows[0].text.as_deref(), Some("<img src=x onerror=alert(1)> café"));
}
