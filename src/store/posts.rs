//! Posts and their dated metric observations.

use crate::error::Result;
use crate::model::{PostKind, PostMetrics};
use rusqlite::{Connection, params};
use serde::Serialize;
use ts_rs::TS;

/// A post with the latest numbers known for it (each null when no source gave it).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PostRow {
    pub id: i64,
    pub account_id: i64,
    pub platform_post_id: String,
    pub published_at: Option<String>,
    pub kind: PostKind,
    pub text: Option<String>,
    pub url: Option<String>,
    pub duration_s: Option<f64>,
    /// The day the latest numbers were true, and which file gave them.
    pub observed_on: Option<String>,
    pub source: Option<String>,
    pub metrics: PostMetrics,
}

pub(crate) const METRIC_COLUMNS: &str = "views, impressions, reach, likes, comments, replies, shares, quotes, \
    saves, engagements, profile_visits, follows, link_clicks, watch_time_s, avg_view_duration_s, avg_pct_viewed";

/// Reads the 16 metric columns starting at `first`.
pub(crate) fn metrics_from_row(r: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<PostMetrics> {
    Ok(PostMetrics {
        views: r.get(first)?,
        impressions: r.get(first + 1)?,
        reach: r.get(first + 2)?,
        likes: r.get(first + 3)?,
        comments: r.get(first + 4)?,
        replies: r.get(first + 5)?,
        shares: r.get(first + 6)?,
        quotes: r.get(first + 7)?,
        saves: r.get(first + 8)?,
        engagements: r.get(first + 9)?,
        profile_visits: r.get(first + 10)?,
        follows: r.get(first + 11)?,
        link_clicks: r.get(first + 12)?,
        watch_time_s: r.get(first + 13)?,
        avg_view_duration_s: r.get(first + 14)?,
        avg_pct_viewed: r.get(first + 15)?,
    })
}

/// The posts of an account, newest first. Each metric is the latest value any source gave for
/// it (sources give different columns: an archive gives likes, an analytics export impressions).
pub fn list(conn: &Connection, account_id: i64) -> Result<Vec<PostRow>> {
    let mut stmt = conn.prepare(
        "SELECT id, account_id, platform_post_id, published_at, kind, text, url, duration_s
         FROM posts WHERE account_id = ?1 ORDER BY published_at DESC, id DESC",
    )?;
    let mut posts = stmt
        .query_map([account_id], |r| {
            Ok(PostRow {
                id: r.get(0)?,
                account_id: r.get(1)?,
                platform_post_id: r.get(2)?,
                published_at: r.get(3)?,
                kind: r.get(4)?,
                text: r.get(5)?,
                url: r.get(6)?,
                duration_s: r.get(7)?,
                observed_on: None,
                source: None,
                metrics: PostMetrics::default(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let index: std::collections::HashMap<i64, usize> = posts.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    let mut obs = conn.prepare(&format!(
        "SELECT m.post_id, m.observed_on, m.source, {cols} FROM post_metrics m
         JOIN posts p ON p.id = m.post_id WHERE p.account_id = ?1
         ORDER BY m.post_id, m.observed_on, m.id",
        cols = METRIC_COLUMNS.split(", ").map(|c| format!("m.{c}")).collect::<Vec<_>>().join(", ")
    ))?;
    let mut rows = obs.query([account_id])?;
    while let Some(r) = rows.next()? {
        let post_id: i64 = r.get(0)?;
        let Some(&i) = index.get(&post_id) else {
            continue;
        };
        let row = &mut posts[i];
        row.observed_on = r.get(1)?;
        row.source = r.get(2)?;
        row.metrics.overlay(&metrics_from_row(r, 3)?);
    }
    Ok(posts)
}

/// A post as an importer reads it.
#[derive(Debug, Clone)]
pub struct NewPost<'a> {
    pub platform_post_id: &'a str,
    pub published_at: Option<String>,
    pub kind: PostKind,
    pub text: Option<&'a str>,
    pub url: Option<&'a str>,
    pub duration_s: Option<f64>,
}

/// Inserts a post or completes the one already stored (known fields are kept, missing ones filled).
/// Returns the post id and whether it is new.
/// Returns the post id and whether the row was created by `import_id` (by this call, or earlier
/// in the same import).
pub fn upsert(conn: &Connection, account_id: i64, import_id: i64, p: &NewPost<'_>) -> Result<(i64, bool)> {
    // One statement: insert, or complete the known post (known fields kept, missing ones filled).
    let mut stmt = conn.prepare_cached(
        "INSERT INTO posts (account_id, platform_post_id, published_at, kind, text, url, duration_s, import_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (account_id, platform_post_id) DO UPDATE SET
             published_at = coalesce(posts.published_at, excluded.published_at),
             text = coalesce(posts.text, excluded.text),
             url = coalesce(posts.url, excluded.url),
             duration_s = coalesce(posts.duration_s, excluded.duration_s),
             kind = CASE WHEN posts.kind = 'post' THEN excluded.kind ELSE posts.kind END
         RETURNING id, import_id IS ?8",
    )?;
    let row = stmt.query_row(
        params![account_id, p.platform_post_id, p.published_at, p.kind, p.text, p.url, p.duration_s, import_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(row)
}

/// Records the numbers a source gives for a post on a day, unless they are exactly the numbers
/// already known for that post from that source (a re-import adds nothing). Returns true if stored.
pub fn observe(
    conn: &Connection,
    post_id: i64,
    observed_on: &str,
    source: &str,
    import_id: i64,
    m: &PostMetrics,
    new_post: bool,
) -> Result<bool> {
    if m.is_empty() {
        return Ok(false);
    }
    if !new_post {
        let mut last = conn.prepare_cached(&format!(
            "SELECT {METRIC_COLUMNS} FROM post_metrics WHERE post_id = ?1 AND source = ?2
             ORDER BY observed_on DESC, id DESC LIMIT 1"
        ))?;
        let previous = last
            .query_row(params![post_id, source], |r| metrics_from_row(r, 0))
            .map(Some)
            .or_else(|e| if e == rusqlite::Error::QueryReturnedNoRows { Ok(None) } else { Err(e) })?;
        if previous.as_ref() == Some(m) {
            return Ok(false);
        }
    }
    let mut ins = conn.prepare_cached(&format!(
        "INSERT INTO post_metrics (post_id, observed_on, source, import_id, {METRIC_COLUMNS})
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)"
    ))?;
    ins.execute(params![
        post_id,
        observed_on,
        source,
        import_id,
        m.views,
        m.impressions,
        m.reach,
        m.likes,
        m.comments,
        m.replies,
        m.shares,
        m.quotes,
        m.saves,
        m.engagements,
        m.profile_visits,
        m.follows,
        m.link_clicks,
        m.watch_time_s,
        m.avg_view_duration_s,
        m.avg_pct_viewed
    ])?;
    Ok(true)
}
