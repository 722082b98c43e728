//! What the analysis reads about one account, loaded once: the follower series, the posts with
//! their latest numbers (text left out), daily follow changes, daily account metrics and the
//! owner's annotations. Every metric is then computed in memory.

use crate::error::Result;
use crate::model::{AudienceMetric, PostKind, PostMetrics};
use crate::store::accounts::{self, AccountSummary};
use crate::store::audience::{self, SeriesPoint};
use crate::store::posts::{METRIC_COLUMNS, metrics_from_row};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;
use std::collections::{BTreeMap, HashMap};

/// A post as the analysis sees it.
#[derive(Debug, Clone)]
pub struct PostFacts {
    pub id: i64,
    pub platform_post_id: String,
    pub published: Option<DateTime<Utc>>,
    pub kind: PostKind,
    pub url: Option<String>,
    pub metrics: PostMetrics,
}

impl PostFacts {
    pub fn day(&self) -> Option<NaiveDate> {
        self.published.map(|t| t.date_naive())
    }
}

/// A day's follow changes as an export gives them; each part None when not given.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FollowChange {
    pub gained: Option<i64>,
    pub lost: Option<i64>,
    pub net: Option<i64>,
}

impl FollowChange {
    /// The net change when it can be known (net, or gained − lost).
    pub fn net(&self) -> Option<i64> {
        self.net.or(match (self.gained, self.lost) {
            (Some(g), Some(l)) => Some(g - l),
            _ => None,
        })
    }
}

/// An owner's note on a day.
#[derive(Debug, Clone)]
pub struct Annotation {
    pub id: i64,
    pub day: NaiveDate,
    pub kind: String,
    pub note: String,
}

pub struct AccountData {
    pub account: AccountSummary,
    pub series: Vec<SeriesPoint>,
    /// Own posts (reposts of other people excluded), oldest first.
    pub posts: Vec<PostFacts>,
    /// Daily follow changes as exported, newest import per day.
    pub follow_changes: BTreeMap<NaiveDate, FollowChange>,
    /// Account-level daily values by metric name.
    pub daily: HashMap<String, BTreeMap<NaiveDate, f64>>,
    pub annotations: Vec<Annotation>,
}

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

impl AccountData {
    pub fn load(conn: &Connection, id: i64) -> Result<AccountData> {
        let account = accounts::get(conn, id)?;
        let series = audience::follower_series(conn, id, AudienceMetric::Followers)?;

        let mut posts = Vec::new();
        let mut index: HashMap<i64, usize> = HashMap::new();
        {
            let mut stmt = conn.prepare_cached(
                "SELECT id, platform_post_id, published_at, kind, url FROM posts
                 WHERE account_id = ?1 AND kind <> 'repost' ORDER BY published_at, id",
            )?;
            let mut rows = stmt.query([id])?;
            while let Some(r) = rows.next()? {
                let published: Option<String> = r.get(2)?;
                index.insert(r.get(0)?, posts.len());
                posts.push(PostFacts {
                    id: r.get(0)?,
                    platform_post_id: r.get(1)?,
                    published: published
                        .as_deref()
                        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
                        .map(|t| t.with_timezone(&Utc)),
                    kind: r.get(3)?,
                    url: r.get(4)?,
                    metrics: PostMetrics::default(),
                });
            }
        }
        {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT m.post_id, {} FROM post_metrics m JOIN posts p ON p.id = m.post_id
                 WHERE p.account_id = ?1 AND p.kind <> 'repost' ORDER BY m.post_id, m.observed_on, m.id",
                METRIC_COLUMNS.split(", ").map(|c| format!("m.{c}")).collect::<Vec<_>>().join(", ")
            ))?;
            let mut rows = stmt.query([id])?;
            while let Some(r) = rows.next()? {
                let post_id: i64 = r.get(0)?;
                if let Some(&i) = index.get(&post_id) {
                    posts[i].metrics.overlay(&metrics_from_row(r, 1)?);
                }
            }
        }

        let mut follow_changes = BTreeMap::new();
        {
            let mut stmt = conn.prepare_cached(
                "SELECT day, gained, lost, net FROM follow_changes WHERE account_id = ?1 ORDER BY id",
            )?;
            let mut rows = stmt.query([id])?;
            while let Some(r) = rows.next()? {
                let d: String = r.get(0)?;
                if let Some(d) = day(&d) {
                    follow_changes.insert(d, FollowChange { gained: r.get(1)?, lost: r.get(2)?, net: r.get(3)? });
                }
            }
        }

        let mut daily: HashMap<String, BTreeMap<NaiveDate, f64>> = HashMap::new();
        {
            let mut stmt =
                conn.prepare_cached("SELECT metric, day, value FROM daily_metrics WHERE account_id = ?1 ORDER BY id")?;
            let mut rows = stmt.query([id])?;
            while let Some(r) = rows.next()? {
                let d: String = r.get(1)?;
                if let Some(d) = day(&d) {
                    daily.entry(r.get(0)?).or_default().insert(d, r.get(2)?);
                }
            }
        }

        let mut annotations = Vec::new();
        {
            let mut stmt = conn.prepare_cached(
                "SELECT id, day, kind, note FROM annotations WHERE account_id = ?1 OR account_id IS NULL ORDER BY day",
            )?;
            let mut rows = stmt.query([id])?;
            while let Some(r) = rows.next()? {
                let d: String = r.get(1)?;
                if let Some(d) = day(&d) {
                    annotations.push(Annotation { id: r.get(0)?, day: d, kind: r.get(2)?, note: r.get(3)? });
                }
            }
        }

        Ok(AccountData { account, series, posts, follow_changes, daily, annotations })
    }

    /// The last day any data of this account covers.
    pub fn last_day(&self) -> Option<NaiveDate> {
        let s = self.series.last().map(|p| p.date);
        let p = self.posts.iter().filter_map(PostFacts::day).max();
        s.max(p)
    }
}
