//! What the analysis reads about one account, loaded once: the follower series, the posts with
//! their latest numbers (text left out), daily follow changes, daily account metrics and the
//! owner's annotations. Every metric is then computed in memory.

use crate::error::Result;
use crate::model::{AudienceMetric, PostKind, PostMetrics};
use crate::store::accounts::{self, AccountSummary};
use crate::store::audience::{self, SeriesPoint};
use crate::store::posts::METRIC_COLUMNS;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;
use std::collections::{BTreeMap, HashMap};

/// A post as the analysis sees it.
#[derive(Debug, Clone)]
pub struct PostFacts {
    pub id: i64,
    pub published: Option<DateTime<Utc>>,
    pub kind: PostKind,
    pub metrics: PostMetrics,
}

impl PostFacts {
    pub fn day(&self) -> Option<NaiveDate> {
        self.published.map(|t| t.date_naive())
    }

    /// The publication instant when its time of day is known. Sources that give only a date
    /// (YouTube Studio, TikTok Studio, LinkedIn shares, X daily CSVs, generic CSVs) are stored at
    /// midnight UTC, so an instant of exactly 00:00:00 UTC is read as "time unknown" (a real post
    /// at that very second is rare enough to lose).
    pub fn timed(&self) -> Option<DateTime<Utc>> {
        self.published.filter(|t| t.time() != chrono::NaiveTime::MIN)
    }
}

/// Which posts a bulk load keeps.
#[derive(Debug, Clone, Copy)]
pub enum PostWindow {
    /// Posts published on or after this day.
    Since(NaiveDate),
    /// Posts published within this many days of the account's latest post.
    LastDays(i64),
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

/// A text column as `&str` (None for NULL or another type).
fn text<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Option<&'r str>> {
    Ok(match r.get_ref(i)? {
        rusqlite::types::ValueRef::Text(t) => std::str::from_utf8(t).ok(),
        _ => None,
    })
}

/// An RFC 3339 instant as stored (`2026-03-05T18:30:00Z`), parsed by hand on the fast path.
fn instant(s: &str) -> Option<DateTime<Utc>> {
    let b = s.as_bytes();
    if b.len() == 20 && b[4] == b'-' && b[10] == b'T' && b[19] == b'Z' {
        let n = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
        let date = NaiveDate::from_ymd_opt(n(0..4)? as i32, n(5..7)?, n(8..10)?)?;
        return Some(date.and_hms_opt(n(11..13)?, n(14..16)?, n(17..19)?)?.and_utc());
    }
    DateTime::parse_from_rfc3339(s).ok().map(|t| t.with_timezone(&Utc))
}

fn day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        let n = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
        return NaiveDate::from_ymd_opt(n(0..4)? as i32, n(5..7)?, n(8..10)?);
    }
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// The 16 metric columns from `first`, read without conversion checks beyond what is needed.
pub(crate) fn metrics_fast(r: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<PostMetrics> {
    use rusqlite::types::ValueRef;
    let int = |i: usize| -> rusqlite::Result<Option<i64>> {
        Ok(match r.get_ref(first + i)? {
            ValueRef::Integer(v) => Some(v),
            ValueRef::Real(v) => Some(v as i64),
            _ => None,
        })
    };
    let real = |i: usize| -> rusqlite::Result<Option<f64>> {
        Ok(match r.get_ref(first + i)? {
            ValueRef::Integer(v) => Some(v as f64),
            ValueRef::Real(v) => Some(v),
            _ => None,
        })
    };
    Ok(PostMetrics {
        views: int(0)?,
        impressions: int(1)?,
        reach: int(2)?,
        likes: int(3)?,
        comments: int(4)?,
        replies: int(5)?,
        shares: int(6)?,
        quotes: int(7)?,
        saves: int(8)?,
        engagements: int(9)?,
        profile_visits: int(10)?,
        follows: int(11)?,
        link_clicks: int(12)?,
        watch_time_s: real(13)?,
        avg_view_duration_s: real(14)?,
        avg_pct_viewed: real(15)?,
    })
}

/// A row of `post_facts` read as (post_id, published_at, kind, the 16 metric columns).
fn fact(r: &rusqlite::Row<'_>) -> Result<PostFacts> {
    Ok(PostFacts {
        id: r.get(0)?,
        published: text(r, 1)?.filter(|t| !t.is_empty()).and_then(instant),
        kind: r.get(2)?,
        metrics: metrics_fast(r, 3)?,
    })
}

impl AccountData {
    pub fn load(conn: &Connection, id: i64) -> Result<AccountData> {
        let series = audience::follower_series(conn, id, AudienceMetric::Followers)?;
        let account = accounts::get_with(conn, id, Some(&series))?;

        // One range of `post_facts` (migration 0005): each post's latest numbers, in time order.
        let mut posts = Vec::new();
        {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT post_id, published_at, kind, {METRIC_COLUMNS} FROM post_facts
                 WHERE account_id = ?1 AND kind <> 'repost' ORDER BY published_at, post_id"
            ))?;
            let mut rows = stmt.query([id])?;
            while let Some(r) = rows.next()? {
                posts.push(fact(r)?);
            }
        }

        let mut follow_changes = BTreeMap::new();
        {
            let mut stmt = conn.prepare_cached(
                // In the index's order: for each day, the newest import (largest id) comes last and wins.
                "SELECT day, gained, lost, net FROM follow_changes WHERE account_id = ?1 ORDER BY day, id",
            )?;
            let mut rows = stmt.query([id])?;
            while let Some(r) = rows.next()? {
                if let Some(d) = text(r, 0)?.and_then(day) {
                    follow_changes.insert(d, FollowChange { gained: r.get(1)?, lost: r.get(2)?, net: r.get(3)? });
                }
            }
        }

        let mut daily: HashMap<String, BTreeMap<NaiveDate, f64>> = HashMap::new();
        {
            let mut stmt = conn.prepare_cached(
                // In the index's order (no sort): for each day, the newest import comes last and wins.
                "SELECT metric, day, value FROM daily_metrics WHERE account_id = ?1 ORDER BY metric, day, id",
            )?;
            let mut rows = stmt.query([id])?;
            while let Some(r) = rows.next()? {
                // Read in place: ten years of several daily metrics are tens of thousands of rows.
                let (Some(d), Some(metric)) = (text(r, 1)?.and_then(day), text(r, 0)?) else { continue };
                let value: f64 = r.get(2)?;
                match daily.get_mut(metric) {
                    Some(series) => {
                        series.insert(d, value);
                    }
                    None => {
                        daily.insert(metric.to_string(), BTreeMap::from([(d, value)]));
                    }
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

    /// Every account's data, read with one sequential pass per table (much faster than account
    /// by account when there are many posts), in the order of `accounts::list`.
    pub fn load_all(conn: &Connection) -> Result<Vec<AccountData>> {
        Self::load_all_since(conn, None, true)
    }

    /// Like [`AccountData::load_all`], keeping only the posts published on or after `since`
    /// (an absolute day), or within `days` of each account's latest post — what a summary of
    /// recent periods needs, at a fraction of the cost for long histories. Without `daily`, the
    /// account-level daily metrics and follow changes (read only by the authenticity analysis:
    /// ten years of them are most of a summary's reading) are left empty.
    pub fn load_all_since(conn: &Connection, window: Option<PostWindow>, daily: bool) -> Result<Vec<AccountData>> {
        let ids = accounts::ids(conn)?;
        // Each account's post count and latest post, from the index by (account, time, kind)
        // alone (migration 0004; the table itself, with every text, is ten times larger).
        let mut counts: HashMap<i64, (i64, Option<NaiveDate>)> = HashMap::new();
        {
            let mut stmt = conn.prepare_cached(
                "SELECT account_id, count(*), max(published_at) FROM posts INDEXED BY posts_by_account_time
                 WHERE kind <> 'repost' GROUP BY account_id",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                counts.insert(r.get(0)?, (r.get(1)?, text(r, 2)?.and_then(day)));
            }
        }
        let mut cutoff: HashMap<i64, String> = HashMap::new();
        for id in &ids {
            let c = match window {
                Some(PostWindow::Since(d)) => Some(d),
                Some(PostWindow::LastDays(days)) => {
                    counts.get(id).and_then(|c| c.1).map(|last| last - chrono::Duration::days(days))
                }
                None => None,
            };
            if let Some(c) = c {
                cutoff.insert(*id, c.format("%Y-%m-%d").to_string());
            }
        }
        let mut out: Vec<AccountData> = Vec::with_capacity(ids.len());
        let mut slot: HashMap<i64, usize> = HashMap::new();
        for id in ids {
            let series = audience::follower_series(conn, id, AudienceMetric::Followers)?;
            let account = accounts::get_light(conn, id, &series)?;
            slot.insert(id, out.len());
            out.push(AccountData {
                account,
                series,
                posts: Vec::new(),
                follow_changes: BTreeMap::new(),
                daily: HashMap::new(),
                annotations: Vec::new(),
            });
        }
        {
            // Without a window, one pass over `post_facts` (migration 0005: each post's latest
            // numbers, in account and time order); with one, each account's range of it from the
            // cutoff (posts without a date are kept, as before: they sort first).
            let mut all = conn.prepare_cached(&format!(
                "SELECT post_id, published_at, kind, {METRIC_COLUMNS}, account_id FROM post_facts
                 WHERE kind <> 'repost' ORDER BY account_id, published_at, post_id"
            ))?;
            let mut since = conn.prepare_cached(&format!(
                "SELECT post_id, published_at, kind, {METRIC_COLUMNS}, account_id FROM post_facts
                 WHERE account_id = ?1 AND (published_at = '' OR published_at >= ?2) AND kind <> 'repost'
                 ORDER BY published_at, post_id"
            ))?;
            let mut push = |r: &rusqlite::Row<'_>| -> Result<()> {
                let Some(&i) = slot.get(&r.get::<_, i64>(19)?) else { return Ok(()) };
                out[i].posts.push(fact(r)?);
                Ok(())
            };
            if window.is_none() {
                let mut rows = all.query([])?;
                while let Some(r) = rows.next()? {
                    push(r)?;
                }
            } else {
                let mut accounts: Vec<i64> = slot.keys().copied().collect();
                accounts.sort_unstable();
                for account in accounts {
                    // An account with posts but no cutoff (no dated post) keeps all its posts.
                    let c = cutoff.get(&account).map_or("", String::as_str);
                    let mut rows = since.query(rusqlite::params![account, c])?;
                    while let Some(r) = rows.next()? {
                        push(r)?;
                    }
                }
            }
        }
        for a in &mut out {
            // The account's post count covers all its posts, not only the window loaded.
            a.account.posts = counts.get(&a.account.id).map_or(0, |c| c.0);
        }
        if daily {
            let mut stmt =
                conn.prepare_cached("SELECT account_id, day, gained, lost, net FROM follow_changes ORDER BY id")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let Some(&i) = slot.get(&r.get::<_, i64>(0)?) else { continue };
                if let Some(d) = text(r, 1)?.and_then(day) {
                    out[i]
                        .follow_changes
                        .insert(d, FollowChange { gained: r.get(2)?, lost: r.get(3)?, net: r.get(4)? });
                }
            }
        }
        if daily {
            let mut stmt =
                conn.prepare_cached("SELECT account_id, metric, day, value FROM daily_metrics ORDER BY id")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let Some(&i) = slot.get(&r.get::<_, i64>(0)?) else { continue };
                if let Some(d) = text(r, 2)?.and_then(day) {
                    let Some(metric) = text(r, 1)? else { continue };
                    let value: f64 = r.get(3)?;
                    match out[i].daily.get_mut(metric) {
                        Some(series) => {
                            series.insert(d, value);
                        }
                        None => {
                            out[i].daily.insert(metric.to_string(), BTreeMap::from([(d, value)]));
                        }
                    }
                }
            }
        }
        {
            let mut stmt =
                conn.prepare_cached("SELECT id, account_id, day, kind, note FROM annotations ORDER BY day")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let d: String = r.get(2)?;
                let Some(d) = day(&d) else { continue };
                let note = Annotation { id: r.get(0)?, day: d, kind: r.get(3)?, note: r.get(4)? };
                match r.get::<_, Option<i64>>(1)? {
                    Some(a) => {
                        if let Some(&i) = slot.get(&a) {
                            out[i].annotations.push(note);
                        }
                    }
                    None => out.iter_mut().for_each(|x| x.annotations.push(note.clone())),
                }
            }
        }
        Ok(out)
    }

    /// The last day any data of this account covers.
    pub fn last_day(&self) -> Option<NaiveDate> {
        let s = self.series.last().map(|p| p.date);
        let p = self.posts.iter().filter_map(PostFacts::day).max();
        s.max(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike;

    fn post(published: &str) -> PostFacts {
        PostFacts {
            id: 1,
            published: DateTime::parse_from_rfc3339(published).ok().map(|t| t.with_timezone(&Utc)),
            kind: PostKind::Video,
            metrics: PostMetrics::default(),
        }
    }

    #[test]
    fn a_date_only_post_has_a_day_but_no_time() {
        let dated = post("2026-03-14T00:00:00Z");
        assert_eq!(dated.day(), NaiveDate::from_ymd_opt(2026, 3, 14));
        assert_eq!(dated.timed(), None);
        let timed = post("2026-03-14T00:00:01Z");
        assert_eq!(timed.timed(), timed.published);
        assert_eq!(post("2026-03-14T18:30:00Z").timed().map(|t| t.hour()), Some(18));
    }
}
