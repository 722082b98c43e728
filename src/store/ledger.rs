//! The import ledger: which files changed the store, when, and what they added.

use crate::error::Result;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What one import added to the store.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportCounts {
    /// Accounts created by this import.
    pub accounts_created: u64,
    /// People listed as followers (or connections) in the export's snapshot.
    pub followers: u64,
    /// People listed as followed by the account.
    pub following: u64,
    /// Followers present in the previous snapshot and missing from this one.
    pub unfollows: u64,
    /// Posts seen in the file (new or already known).
    pub posts: u64,
    /// Posts that were not in the store before.
    pub posts_new: u64,
    /// Dated post-metric observations added (identical numbers are not stored twice).
    pub post_observations: u64,
    /// Dated audience counts added (snapshots, series points, reconstructed lower bounds).
    pub audience_points: u64,
    /// Daily follow-change rows added.
    pub follow_changes: u64,
    /// Account-level daily metric values added.
    pub daily_metrics: u64,
}

/// A row of the ledger.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ImportRecord {
    pub id: i64,
    pub file_name: String,
    pub content_hash: String,
    pub format: String,
    pub imported_at: String,
    pub account_id: Option<i64>,
    pub outcome: String,
    pub counts: ImportCounts,
    pub warnings: Vec<String>,
    pub date_from: Option<String>,
    pub date_to: Option<String>,
    pub is_demo: bool,
}

pub fn find_by_hash(conn: &Connection, hash: &str) -> Result<Option<ImportRecord>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE content_hash = ?1"))?;
    Ok(stmt.query_row([hash], record).optional()?)
}

pub fn list(conn: &Connection) -> Result<Vec<ImportRecord>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY id DESC"))?;
    let rows = stmt.query_map([], record)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

const SELECT: &str = "SELECT id, file_name, content_hash, format, imported_at, account_id, outcome,
    counts, warnings, date_from, date_to, is_demo FROM imports";

fn record(r: &rusqlite::Row<'_>) -> rusqlite::Result<ImportRecord> {
    let counts: String = r.get(7)?;
    let warnings: String = r.get(8)?;
    Ok(ImportRecord {
        id: r.get(0)?,
        file_name: r.get(1)?,
        content_hash: r.get(2)?,
        format: r.get(3)?,
        imported_at: r.get(4)?,
        account_id: r.get(5)?,
        outcome: r.get(6)?,
        counts: serde_json::from_str(&counts).unwrap_or_default(),
        warnings: serde_json::from_str(&warnings).unwrap_or_default(),
        date_from: r.get(9)?,
        date_to: r.get(10)?,
        is_demo: r.get(11)?,
    })
}

/// Opens a ledger row at the start of an import (inside its transaction).
pub fn begin(conn: &Connection, file_name: &str, hash: &str, is_demo: bool) -> Result<i64> {
    conn.execute(
        "INSERT INTO imports (file_name, content_hash, format, imported_at, outcome, is_demo)
         VALUES (?1, ?2, '', ?3, 'imported', ?4)",
        params![file_name, hash, crate::store::now_rfc3339(), is_demo],
    )?;
    Ok(conn.last_insert_rowid())
}

/// What an import reports when it finishes.
pub struct Finish<'a> {
    pub format: &'a str,
    pub account_id: Option<i64>,
    pub counts: &'a ImportCounts,
    pub warnings: &'a [String],
    pub date_from: Option<String>,
    pub date_to: Option<String>,
}

pub fn finish(conn: &Connection, id: i64, f: Finish<'_>) -> Result<()> {
    let outcome = if f.warnings.is_empty() { "imported" } else { "imported_with_warnings" };
    conn.execute(
        "UPDATE imports SET format = ?2, account_id = ?3, outcome = ?4, counts = ?5, warnings = ?6,
                date_from = ?7, date_to = ?8 WHERE id = ?1",
        params![
            id,
            f.format,
            f.account_id,
            outcome,
            serde_json::to_string(f.counts).unwrap_or_else(|_| "{}".into()),
            serde_json::to_string(f.warnings).unwrap_or_else(|_| "[]".into()),
            f.date_from,
            f.date_to
        ],
    )?;
    Ok(())
}
