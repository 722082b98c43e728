//! Changes the owner makes to what is stored: undo an import, merge two accounts, delete an
//! account with its data, back up and restore the database.

use crate::error::{Error, Result};
use crate::store::{SCHEMA_VERSION, Store, accounts};
use rusqlite::{Connection, OptionalExtension, params};
use std::path::Path;

/// What undoing an import removed.
#[derive(Debug, Clone, Default, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Undone {
    pub import_id: i64,
    pub posts_removed: u64,
    pub accounts_removed: u64,
}

/// Removes everything an import added: its observations, snapshots, series and the posts it
/// created that no other import has numbers for; accounts left empty are removed too. Data the
/// import only completed (a caption filled in on a known post) stays.
pub fn undo_import(conn: &Connection, import_id: i64) -> Result<Undone> {
    let exists: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM imports WHERE id = ?1)", [import_id], |r| r.get(0))?;
    if !exists {
        return Err(Error::NotFound { what: "import", id: import_id });
    }
    // Accounts this import touched, to check for emptiness afterwards.
    let mut touched: Vec<i64> = Vec::new();
    for sql in [
        "SELECT DISTINCT account_id FROM audience_observations WHERE import_id = ?1",
        "SELECT DISTINCT account_id FROM follow_changes WHERE import_id = ?1",
        "SELECT DISTINCT account_id FROM relation_snapshots WHERE import_id = ?1",
        "SELECT DISTINCT account_id FROM posts WHERE import_id = ?1",
        "SELECT DISTINCT account_id FROM daily_metrics WHERE import_id = ?1",
        "SELECT account_id FROM imports WHERE id = ?1 AND account_id IS NOT NULL",
    ] {
        let mut stmt = conn.prepare(sql)?;
        for id in stmt.query_map([import_id], |r| r.get::<_, i64>(0))? {
            let id = id?;
            if !touched.contains(&id) {
                touched.push(id);
            }
        }
    }
    // Observations go with the import (ON DELETE CASCADE); posts it created stay unless nothing
    // else gives them numbers.
    conn.execute("DELETE FROM post_metrics WHERE import_id = ?1", [import_id])?;
    let posts_removed = conn.execute(
        "DELETE FROM posts WHERE import_id = ?1 AND NOT EXISTS (SELECT 1 FROM post_metrics m WHERE m.post_id = posts.id)",
        [import_id],
    )? as u64;
    conn.execute("UPDATE posts SET import_id = NULL WHERE import_id = ?1", [import_id])?;
    conn.execute("DELETE FROM imports WHERE id = ?1", [import_id])?;
    // Identities no snapshot lists any more. An account's identities are listed only by its own
    // snapshots, so each account's members are gathered once (an uncorrelated subquery SQLite
    // builds into a temporary index): a lookup by identity in relation_members, which has no index
    // on it, made this quadratic (3 s for the demo's 32,000 followers, hours for millions).
    for id in &touched {
        conn.execute(
            "DELETE FROM identities WHERE account_id = ?1 AND id NOT IN
                 (SELECT m.identity_id FROM relation_snapshots s JOIN relation_members m ON m.snapshot_id = s.id
                  WHERE s.account_id = ?1)",
            [id],
        )?;
    }
    let mut accounts_removed = 0;
    for id in touched {
        let has_data: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM audience_observations WHERE account_id = ?1)
                 OR EXISTS (SELECT 1 FROM posts WHERE account_id = ?1)
                 OR EXISTS (SELECT 1 FROM follow_changes WHERE account_id = ?1)
                 OR EXISTS (SELECT 1 FROM relation_snapshots WHERE account_id = ?1)
                 OR EXISTS (SELECT 1 FROM daily_metrics WHERE account_id = ?1)
                 OR EXISTS (SELECT 1 FROM imports WHERE account_id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        if !has_data {
            accounts_removed += conn.execute("DELETE FROM accounts WHERE id = ?1", [id])? as u64;
        }
    }
    Ok(Undone { import_id, posts_removed, accounts_removed })
}

/// Deletes an account and everything stored for it.
pub fn delete_account(conn: &Connection, id: i64) -> Result<()> {
    accounts::get(conn, id)?;
    conn.execute("DELETE FROM accounts WHERE id = ?1", [id])?;
    conn.execute("UPDATE imports SET account_id = NULL WHERE account_id = ?1", [id])?;
    Ok(())
}

/// Moves everything of account `remove` into account `keep` (same platform) and deletes
/// `remove`. Posts both have keep `keep`'s row and gain `remove`'s numbers; people both list are
/// one identity.
pub fn merge_accounts(conn: &Connection, keep: i64, remove: i64) -> Result<()> {
    if keep == remove {
        return Err(Error::InvalidArgument("an account cannot be merged into itself".into()));
    }
    let (a, b) = (accounts::get(conn, keep)?, accounts::get(conn, remove)?);
    if a.platform != b.platform {
        return Err(Error::InvalidArgument(format!(
            "@{} is on {} and @{} on {}: only accounts of the same platform merge",
            a.handle,
            a.platform.label(),
            b.handle,
            b.platform.label()
        )));
    }
    // Posts: the same platform id in both → numbers move to keep's post.
    conn.execute(
        "UPDATE post_metrics SET post_id = (SELECT k.id FROM posts k JOIN posts r ON r.platform_post_id = k.platform_post_id
             WHERE r.id = post_metrics.post_id AND k.account_id = ?1)
         WHERE post_id IN (SELECT r.id FROM posts r JOIN posts k ON k.platform_post_id = r.platform_post_id
             WHERE r.account_id = ?2 AND k.account_id = ?1)",
        params![keep, remove],
    )?;
    conn.execute(
        "DELETE FROM posts WHERE account_id = ?2 AND platform_post_id IN (SELECT platform_post_id FROM posts WHERE account_id = ?1)",
        params![keep, remove],
    )?;
    conn.execute("UPDATE posts SET account_id = ?1 WHERE account_id = ?2", params![keep, remove])?;
    // People: map remove's identities onto keep's where handle or id matches.
    conn.execute(
        "UPDATE relation_members SET identity_id = coalesce(
             (SELECT k.id FROM identities k JOIN identities r ON r.id = relation_members.identity_id
              WHERE k.account_id = ?1 AND ((k.handle IS NOT NULL AND k.handle = r.handle)
                 OR (k.platform_user_id IS NOT NULL AND k.platform_user_id = r.platform_user_id)) LIMIT 1),
             identity_id)
         WHERE snapshot_id IN (SELECT id FROM relation_snapshots WHERE account_id = ?2)",
        params![keep, remove],
    )?;
    conn.execute(
        "DELETE FROM identities WHERE account_id = ?2 AND NOT EXISTS
             (SELECT 1 FROM relation_members m WHERE m.identity_id = identities.id)",
        params![keep, remove],
    )?;
    conn.execute(
        "DELETE FROM identities WHERE account_id = ?2 AND EXISTS (SELECT 1 FROM identities k WHERE k.account_id = ?1
             AND ((k.handle IS NOT NULL AND k.handle = identities.handle)
               OR (k.platform_user_id IS NOT NULL AND k.platform_user_id = identities.platform_user_id)))",
        params![keep, remove],
    )?;
    for table in
        ["identities", "relation_snapshots", "audience_observations", "follow_changes", "daily_metrics", "annotations"]
    {
        conn.execute(&format!("UPDATE {table} SET account_id = ?1 WHERE account_id = ?2"), params![keep, remove])?;
    }
    conn.execute("UPDATE imports SET account_id = ?1 WHERE account_id = ?2", params![keep, remove])?;
    conn.execute(
        "UPDATE accounts SET display_name = coalesce(display_name, (SELECT display_name FROM accounts WHERE id = ?2)),
             platform_user_id = coalesce(platform_user_id, (SELECT platform_user_id FROM accounts WHERE id = ?2)),
             is_demo = min(is_demo, (SELECT is_demo FROM accounts WHERE id = ?2)),
             instance_url = coalesce(instance_url, (SELECT instance_url FROM accounts WHERE id = ?2)),
             last_sync_at = CASE
                 WHEN last_sync_at IS NULL THEN (SELECT last_sync_at FROM accounts WHERE id = ?2)
                 ELSE max(last_sync_at, coalesce((SELECT last_sync_at FROM accounts WHERE id = ?2), last_sync_at))
             END
         WHERE id = ?1",
        params![keep, remove],
    )?;
    conn.execute("DELETE FROM accounts WHERE id = ?1", [remove])?;
    Ok(())
}

/// Replaces the live database with the content of `backup` (SQLite's online backup, so it works
/// while the app runs). The backup must be a Resonance database no newer than this build; an
/// older one is migrated. The current database is first saved beside the backup's path.
pub fn restore(store: &Store, backup: &Path) -> Result<std::path::PathBuf> {
    let display = backup.display().to_string();
    let src = Connection::open_with_flags(backup, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| Error::NotADatabase { path: display.clone(), detail: e.to_string() })?;
    let version: i64 = src
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| Error::NotADatabase { path: display.clone(), detail: e.to_string() })?;
    if version > SCHEMA_VERSION {
        return Err(Error::DatabaseTooNew { path: display, found: version, supported: SCHEMA_VERSION });
    }
    let has_accounts: Option<String> = src
        .query_row("SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'accounts'", [], |r| r.get(0))
        .optional()?;
    if version == 0 || has_accounts.is_none() {
        return Err(Error::NotADatabase { path: display, detail: "no Resonance data in it".into() });
    }
    let integrity: String = src.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if integrity != "ok" {
        return Err(Error::NotADatabase { path: display, detail: format!("it is damaged ({integrity})") });
    }
    // Keep what is there now (and drop the unfinished copies of restores that were interrupted).
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    let saved = store.path().with_file_name(format!("resonance-before-restore-{stamp}.db"));
    if let Some(dir) = saved.parent() {
        crate::store::remove_stale_partials(dir, "resonance-before-restore-");
    }
    store.backup_to(&saved)?;
    store.restore_from(&src)?;
    Ok(saved)
}
