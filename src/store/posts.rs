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
/// it (sources give different columns: an archive gives likes, an analytics export impressions),
/// as `post_facts` keeps it (migration 0005).
pub fn list(conn: &Connection, account_id: i64) -> Result<Vec<PostRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.id, p.account_id, p.platform_post_id, p.published_at, p.kind, p.text, p.url, p.duration_s,
                f.observed_on, f.source, {cols}
         FROM post_facts f JOIN posts p ON p.id = f.post_id
         WHERE f.account_id = ?1 ORDER BY f.published_at DESC, f.post_id DESC",
        cols = METRIC_COLUMNS.split(", ").map(|c| format!("f.{c}")).collect::<Vec<_>>().join(", ")
    ))?;
    let posts = stmt.query_map([account_id], post_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(posts)
}

/// A row of the post query of [`list`] and [`rows_by_id`].
fn post_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<PostRow> {
    Ok(PostRow {
        id: r.get(0)?,
        account_id: r.get(1)?,
        platform_post_id: r.get(2)?,
        published_at: r.get(3)?,
        kind: r.get(4)?,
        text: r.get(5)?,
        url: r.get(6)?,
        duration_s: r.get(7)?,
        observed_on: r.get(8)?,
        source: r.get(9)?,
        metrics: metrics_from_row(r, 10)?,
    })
}

/// The posts with these ids as [`list`] gives them, in the order of `ids` (missing ids skipped).
pub fn rows_by_id(conn: &Connection, ids: &[i64]) -> Result<Vec<PostRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.id, p.account_id, p.platform_post_id, p.published_at, p.kind, p.text, p.url, p.duration_s,
                f.observed_on, f.source, {cols}
         FROM post_facts f JOIN posts p ON p.id = f.post_id WHERE f.post_id = ?1",
        cols = METRIC_COLUMNS.split(", ").map(|c| format!("f.{c}")).collect::<Vec<_>>().join(", ")
    ))?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let mut rows = stmt.query([id])?;
        if let Some(r) = rows.next()? {
            out.push(post_row(r)?);
        }
    }
    Ok(out)
}

/// Fills in the platform's id and the link of ledger rows (bulk loads leave them out).
pub fn attach_links(conn: &Connection, rows: &mut [crate::metrics::contrast::LedgerRow]) -> Result<()> {
    let mut stmt = conn.prepare_cached("SELECT platform_post_id, url FROM posts WHERE id = ?1")?;
    for row in rows {
        let found = stmt
            .query_row([row.post_id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?)))
            .map(Some)
            .or_else(|e| if e == rusqlite::Error::QueryReturnedNoRows { Ok(None) } else { Err(e) })?;
        if let Some((id, url)) = found {
            row.platform_post_id = id;
            row.url = url;
        }
    }
    Ok(())
}

/// How many posts' `post_facts` rows differ from what their observations say (`post_latest`), or
/// are missing, plus rows left for posts that are gone: 0 when the triggers of migration 0005 kept
/// the table right. For tests and `resonance doctor`-like checks; it reads every observation.
pub fn facts_out_of_date(conn: &Connection) -> Result<i64> {
    let differs = [
        "f.account_id IS NOT p.account_id",
        "f.published_at IS NOT coalesce(p.published_at, '')",
        "f.kind IS NOT p.kind",
        "f.observed_on IS NOT l.observed_on",
        "f.source IS NOT l.source",
    ]
    .into_iter()
    .map(String::from)
    .chain(METRIC_COLUMNS.split(", ").map(|c| format!("f.{c} IS NOT l.{c}")))
    .collect::<Vec<_>>()
    .join(" OR ");
    let n: i64 = conn.query_row(
        &format!(
            "SELECT (SELECT count(*) FROM posts p JOIN post_latest l ON l.post_id = p.id
                     LEFT JOIN post_facts f ON f.post_id = p.id WHERE f.post_id IS NULL OR {differs})
                  + (SELECT count(*) FROM post_facts f WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.id = f.post_id))"
        ),
        [],
        |r| r.get(0),
    )?;
    Ok(n)
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
