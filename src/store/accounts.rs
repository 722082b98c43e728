//! Accounts: who the data belongs to, and what the owner calls them.

use crate::error::{Error, Result};
use crate::model::{AudienceMetric, Platform, Role};
use crate::store::audience;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use ts_rs::TS;

/// An account as every view lists it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AccountSummary {
    pub id: i64,
    pub platform: Platform,
    pub handle: String,
    pub display_name: Option<String>,
    /// The owner's own name for the account, when set.
    pub label: Option<String>,
    pub role: Role,
    pub is_demo: bool,
    /// Latest known follower count (null when no source gave one).
    pub followers: Option<i64>,
    #[ts(type = "string | null")]
    pub followers_on: Option<NaiveDate>,
    /// Latest known count of accounts it follows.
    pub following: Option<i64>,
    /// Own posts stored (reposts of other people excluded).
    pub posts: i64,
    /// LinkedIn connections, where an export lists them.
    pub connections: Option<i64>,
}

const SELECT: &str = "SELECT a.id, a.platform, a.handle, a.display_name, a.label, a.role, a.is_demo,
        (SELECT count(*) FROM posts p WHERE p.account_id = a.id AND p.kind <> 'repost')
    FROM accounts a";

fn summarize(
    conn: &Connection,
    row: &rusqlite::Row<'_>,
    series: Option<&[audience::SeriesPoint]>,
) -> Result<AccountSummary> {
    let id: i64 = row.get(0)?;
    let latest = match series {
        Some(s) => s.last().cloned(),
        None => audience::follower_series(conn, id, AudienceMetric::Followers)?.pop(),
    };
    Ok(AccountSummary {
        id,
        platform: row.get(1)?,
        handle: row.get(2)?,
        display_name: row.get(3)?,
        label: row.get(4)?,
        role: row.get(5)?,
        is_demo: row.get(6)?,
        followers: latest.as_ref().map(|p| p.followers),
        followers_on: latest.map(|p| p.date),
        following: audience::latest_value(conn, id, AudienceMetric::Following)?,
        posts: row.get(7)?,
        connections: audience::latest_value(conn, id, AudienceMetric::Connections)?,
    })
}

/// Every account, pro first, then by platform and handle.
pub fn list(conn: &Connection) -> Result<Vec<AccountSummary>> {
    let mut stmt =
        conn.prepare(&format!("{SELECT} ORDER BY CASE a.role WHEN 'pro' THEN 0 ELSE 1 END, a.platform, a.handle"))?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(summarize(conn, row, None)?);
    }
    Ok(out)
}

pub fn get(conn: &Connection, id: i64) -> Result<AccountSummary> {
    get_with(conn, id, None)
}

/// Like [`get`], with the account's follower series when the caller already has it.
pub fn get_with(conn: &Connection, id: i64, series: Option<&[audience::SeriesPoint]>) -> Result<AccountSummary> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE a.id = ?1"))?;
    let mut rows = stmt.query([id])?;
    match rows.next()? {
        Some(row) => summarize(conn, row, series),
        None => Err(Error::NotFound { what: "account", id }),
    }
}

pub fn find(conn: &Connection, platform: Platform, handle: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM accounts WHERE platform = ?1 AND handle = ?2",
            params![platform, crate::model::normalize_handle(handle)],
            |r| r.get(0),
        )
        .optional()?)
}

/// The account without counting its posts (the caller counts them), for bulk loads.
pub fn get_light(conn: &Connection, id: i64, series: &[audience::SeriesPoint]) -> Result<AccountSummary> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.platform, a.handle, a.display_name, a.label, a.role, a.is_demo, 0 FROM accounts a WHERE a.id = ?1",
    )?;
    let mut rows = stmt.query([id])?;
    match rows.next()? {
        Some(row) => summarize(conn, row, Some(series)),
        None => Err(Error::NotFound { what: "account", id }),
    }
}

/// Ids of every account, in the order of [`list`].
pub fn ids(conn: &Connection) -> Result<Vec<i64>> {
    let mut stmt = conn
        .prepare_cached("SELECT id FROM accounts ORDER BY CASE role WHEN 'pro' THEN 0 ELSE 1 END, platform, handle")?;
    let ids = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

/// Ids of the accounts of one platform.
pub fn ids_on_platform(conn: &Connection, platform: Platform) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare("SELECT id FROM accounts WHERE platform = ?1 ORDER BY id")?;
    let ids = stmt.query_map([platform], |r| r.get(0))?.collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

pub fn platform_of(conn: &Connection, id: i64) -> Result<Platform> {
    conn.query_row("SELECT platform FROM accounts WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or(Error::NotFound { what: "account", id })
}

pub fn set_role(conn: &Connection, id: i64, role: Role) -> Result<()> {
    let n = conn.execute("UPDATE accounts SET role = ?2 WHERE id = ?1", params![id, role])?;
    if n == 0 {
        return Err(Error::NotFound { what: "account", id });
    }
    Ok(())
}

/// Sets the owner's label; an empty label removes it.
pub fn set_label(conn: &Connection, id: i64, label: &str) -> Result<()> {
    let label = label.trim();
    if label.chars().count() > 80 {
        return Err(Error::InvalidArgument("a label has at most 80 characters".into()));
    }
    let value = (!label.is_empty()).then_some(label);
    let n = conn.execute("UPDATE accounts SET label = ?2 WHERE id = ?1", params![id, value])?;
    if n == 0 {
        return Err(Error::NotFound { what: "account", id });
    }
    Ok(())
}
