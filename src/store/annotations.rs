//! What the owner says about a day: a giveaway, a press article, a shout-out…

use crate::error::{Error, Result};
use chrono::NaiveDate;
use rusqlite::{Connection, params};
use serde::Serialize;
use ts_rs::TS;

pub const KINDS: &[&str] = &["giveaway", "press", "shoutout", "ads", "collaboration", "event", "other"];

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AnnotationRow {
    pub id: i64,
    pub account_id: Option<i64>,
    pub day: String,
    pub kind: String,
    pub note: String,
}

pub fn add(conn: &Connection, account: Option<i64>, day: NaiveDate, kind: &str, note: &str) -> Result<i64> {
    if !KINDS.contains(&kind) {
        return Err(Error::InvalidArgument(format!("unknown kind of note {kind:?}")));
    }
    if note.chars().count() > 500 {
        return Err(Error::InvalidArgument("a note has at most 500 characters".into()));
    }
    if let Some(id) = account {
        crate::store::accounts::get(conn, id)?;
    }
    conn.execute(
        "INSERT INTO annotations (account_id, day, kind, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![account, day.format("%Y-%m-%d").to_string(), kind, note.trim(), crate::store::now_rfc3339()],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn remove(conn: &Connection, id: i64) -> Result<()> {
    if conn.execute("DELETE FROM annotations WHERE id = ?1", [id])? == 0 {
        return Err(Error::NotFound { what: "annotation", id });
    }
    Ok(())
}

pub fn list(conn: &Connection, account: i64) -> Result<Vec<AnnotationRow>> {
    let mut stmt = conn.prepare(
        "SELECT id, account_id, day, kind, note FROM annotations WHERE account_id = ?1 OR account_id IS NULL ORDER BY day",
    )?;
    let rows = stmt
        .query_map([account], |r| {
            Ok(AnnotationRow { id: r.get(0)?, account_id: r.get(1)?, day: r.get(2)?, kind: r.get(3)?, note: r.get(4)? })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
