//! Pro against personal: the same metrics side by side for the two roles (posts pooled, rates per
//! 1,000 followers so that accounts of different sizes compare), per platform pairs, and the
//! audience overlap between accounts where exports list followers.

use crate::error::Result;
use crate::metrics::data::AccountData;
use crate::metrics::engagement::{Mean, PeriodStats, median, period_stats, posts_in};
use crate::metrics::growth::value_at;
use crate::metrics::post;
use crate::model::{Platform, PostMetrics, Role};
use chrono::{Duration, NaiveDate};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

/// One role's pooled figures over the period.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RoleSide {
    pub role: Role,
    pub accounts: Vec<i64>,
    /// Sum of the accounts' latest follower counts (accounts without one left out).
    pub followers: Option<i64>,
    /// Followers gained over the period, summed over accounts where it is known.
    pub followers_gained: Option<i64>,
    pub posts: u32,
    pub likes_per_post: Option<Mean>,
    pub conversation_per_post: Option<Mean>,
    pub amplification_per_post: Option<Mean>,
    pub saves_per_post: Option<Mean>,
    /// Genuine interactions per post per 1,000 followers of its account.
    pub genuine_per_1000_followers: Option<Mean>,
    pub likes_per_1000_followers: Option<Mean>,
    pub conversation_per_1000_followers: Option<Mean>,
    pub amplification_per_1000_followers: Option<Mean>,
    pub saves_per_1000_followers: Option<Mean>,
    pub genuine_share: Option<Mean>,
    /// Median genuine interactions per post.
    pub genuine_per_post_median: Option<f64>,
}

fn mean(v: Vec<f64>) -> Option<Mean> {
    (!v.is_empty()).then(|| Mean { value: v.iter().sum::<f64>() / v.len() as f64, posts: v.len() as u32 })
}

pub fn role_side(role: Role, accounts: &[&AccountData], from: NaiveDate, to: NaiveDate) -> RoleSide {
    let mut per_post: Vec<(&crate::metrics::data::PostFacts, Option<i64>)> = Vec::new();
    let mut gained: Option<i64> = None;
    for a in accounts {
        for p in posts_in(a, from, to) {
            let f = p.day().and_then(|d| value_at(&a.series, d)).map(|s| s.followers);
            per_post.push((p, f));
        }
        if let (Some(s), Some(e)) = (value_at(&a.series, from), value_at(&a.series, to))
            && e.date > s.date
        {
            gained = Some(gained.unwrap_or(0) + e.followers - s.followers);
        }
    }
    let values = |f: fn(&PostMetrics) -> Option<i64>| {
        per_post.iter().filter_map(|(p, _)| f(&p.metrics)).map(|v| v as f64).collect::<Vec<_>>()
    };
    let per_1000 = |f: fn(&PostMetrics) -> Option<i64>| {
        per_post.iter().filter_map(|(p, fol)| post::rate(f(&p.metrics), *fol)).map(|r| r * 1000.0).collect::<Vec<_>>()
    };
    let followers: Vec<i64> = accounts.iter().filter_map(|a| a.account.followers).collect();
    RoleSide {
        role,
        accounts: accounts.iter().map(|a| a.account.id).collect(),
        followers: (!followers.is_empty()).then(|| followers.iter().sum()),
        followers_gained: gained,
        posts: per_post.len() as u32,
        likes_per_post: mean(values(post::applause)),
        conversation_per_post: mean(values(post::conversation)),
        amplification_per_post: mean(values(post::amplification)),
        saves_per_post: mean(values(post::saves)),
        genuine_per_1000_followers: mean(per_1000(post::genuine)),
        likes_per_1000_followers: mean(per_1000(post::applause)),
        conversation_per_1000_followers: mean(per_1000(post::conversation)),
        amplification_per_1000_followers: mean(per_1000(post::amplification)),
        saves_per_1000_followers: mean(per_1000(post::saves)),
        genuine_share: mean(
            per_post
                .iter()
                .filter_map(|(p, _)| match (post::applause(&p.metrics), post::genuine(&p.metrics)) {
                    (Some(l), Some(g)) if l + g > 0 => Some(g as f64 / (l + g) as f64),
                    _ => None,
                })
                .collect(),
        ),
        genuine_per_post_median: median(values(post::genuine)),
    }
}

/// A platform where the owner has both a pro and a personal account.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PlatformPair {
    pub platform: Platform,
    pub pro: Vec<PeriodStats>,
    pub pro_accounts: Vec<i64>,
    pub personal: Vec<PeriodStats>,
    pub personal_accounts: Vec<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Comparison {
    #[ts(type = "string")]
    pub from: NaiveDate,
    #[ts(type = "string")]
    pub to: NaiveDate,
    pub pro: RoleSide,
    pub personal: RoleSide,
    pub platforms: Vec<PlatformPair>,
    pub overlap: Vec<Overlap>,
}

pub fn compare(conn: &Connection, all: &[AccountData], to: NaiveDate, days: i64) -> Result<Comparison> {
    let from = to - Duration::days(days);
    let of = |r: Role| all.iter().filter(|a| a.account.role == r).collect::<Vec<_>>();
    let (pro, personal) = (of(Role::Pro), of(Role::Personal));
    let mut platforms: Vec<Platform> = all.iter().map(|a| a.account.platform).collect();
    platforms.sort();
    platforms.dedup();
    let pairs = platforms
        .into_iter()
        .filter_map(|p| {
            let pr: Vec<&AccountData> = pro.iter().copied().filter(|a| a.account.platform == p).collect();
            let pe: Vec<&AccountData> = personal.iter().copied().filter(|a| a.account.platform == p).collect();
            (!pr.is_empty() && !pe.is_empty()).then(|| PlatformPair {
                platform: p,
                pro: pr.iter().map(|a| period_stats(a, from, to)).collect(),
                pro_accounts: pr.iter().map(|a| a.account.id).collect(),
                personal: pe.iter().map(|a| period_stats(a, from, to)).collect(),
                personal_accounts: pe.iter().map(|a| a.account.id).collect(),
            })
        })
        .collect();
    Ok(Comparison {
        from,
        to,
        pro: role_side(Role::Pro, &pro, from, to),
        personal: role_side(Role::Personal, &personal, from, to),
        platforms: pairs,
        overlap: overlap(conn)?,
    })
}

/// Followers two accounts of the same platform share (in their latest follower lists).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Overlap {
    pub account_a: i64,
    pub account_b: i64,
    pub platform: Platform,
    pub shared: i64,
    /// Followers listed in each account's latest export.
    pub a_listed: i64,
    pub b_listed: i64,
}

fn latest_followers_snapshot(conn: &Connection, account: i64) -> Result<Option<(i64, i64)>> {
    Ok(conn
        .query_row(
            "SELECT id, member_count FROM relation_snapshots WHERE account_id = ?1 AND relation = 'followers'
             ORDER BY taken_on DESC, id DESC LIMIT 1",
            [account],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// The count kept by the store (migration 0004) for two snapshots, when it has one.
fn cached_overlap(conn: &Connection, a: i64, b: i64) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT o.shared FROM relation_overlaps o WHERE ((o.snapshot_a = ?1 AND o.snapshot_b = ?2)
                 OR (o.snapshot_a = ?2 AND o.snapshot_b = ?1))
             AND (SELECT count(*) FROM relation_aggregates g JOIN relation_snapshots s ON s.id = g.snapshot_id
                  WHERE g.snapshot_id IN (?1, ?2) AND g.member_count = s.member_count) = 2
             LIMIT 1",
            [a, b],
            |r| r.get(0),
        )
        .optional()?)
}

/// Audience overlap for every pair of accounts on the same platform whose exports list followers
/// (matched by handle, or by platform user id where exports give ids only).
pub fn overlap(conn: &Connection) -> Result<Vec<Overlap>> {
    // Ids and platforms only, in the order of `accounts::list` (which also builds every account's
    // follower history: most of the time of this function on a long history).
    struct Account {
        id: i64,
        platform: Platform,
    }
    let accounts: Vec<Account> = crate::store::accounts::ids(conn)?
        .into_iter()
        .map(|id| Ok(Account { id, platform: crate::store::accounts::platform_of(conn, id)? }))
        .collect::<Result<_>>()?;
    let mut out = Vec::new();
    for (i, a) in accounts.iter().enumerate() {
        for b in accounts.iter().skip(i + 1).filter(|b| b.platform == a.platform) {
            let (Some((sa, na)), Some((sb, nb))) =
                (latest_followers_snapshot(conn, a.id)?, latest_followers_snapshot(conn, b.id)?)
            else {
                continue;
            };
            let shared = match cached_overlap(conn, sa, sb)? {
                Some(n) => n,
                None => {
                    // X archives list followers by account id only; the others by handle. Driven by
                    // the shorter list (one index lookup per member of it).
                    let key = if a.platform == Platform::X { "platform_user_id" } else { "handle" };
                    let (small, large, large_account) = if na <= nb { (sa, sb, b.id) } else { (sb, sa, a.id) };
                    conn.query_row(
                        &format!(
                            "SELECT count(*) FROM relation_members ma
                             JOIN identities ia ON ia.id = ma.identity_id
                             JOIN identities ib ON ib.account_id = ?3 AND ib.{key} = ia.{key}
                             JOIN relation_members mb ON mb.snapshot_id = ?2 AND mb.identity_id = ib.id
                             WHERE ma.snapshot_id = ?1"
                        ),
                        rusqlite::params![small, large, large_account],
                        |r| r.get(0),
                    )?
                }
            };
            let (a_id, b_id) = (a.id.min(b.id), a.id.max(b.id));
            let (a_listed, b_listed) = if a.id < b.id { (na, nb) } else { (nb, na) };
            out.push(Overlap { account_a: a_id, account_b: b_id, platform: a.platform, shared, a_listed, b_listed });
        }
    }
    Ok(out)
}
