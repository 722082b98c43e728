//! The local store: one SQLite file, a small pool of connections, and the schema migrations.
//!
//! * Every connection is configured in one place ([`configure`]): WAL, `synchronous=NORMAL`,
//!   foreign keys, a busy timeout.
//! * Reads take any pooled connection ([`Store::read`]); writes run in one `BEGIN IMMEDIATE`
//!   transaction that commits on `Ok` and rolls back on `Err` ([`Store::write`]). The pool is
//!   internally synchronised: never wrap a `Store` in a `Mutex`.
//! * Opening an existing database that needs migrating first copies it to a backup file with
//!   SQLite's online backup; a database written by a newer schema is refused untouched.
//! * Results computed from the data can be kept until it changes ([`Store::cached`], `memo.rs`).

pub mod accounts;
pub mod annotations;
pub mod audience;
pub mod ledger;
pub mod manage;
mod memo;
pub mod posts;
pub mod settings;

use crate::error::{Error, Result};
use r2d2_sqlite::SqliteConnectionManager;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use rusqlite_migration::{M, Migrations};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// The schema, in order. Never edit a migration that has shipped: add a new one.
const MIGRATIONS_SLICE: &[M<'static>] = &[
    M::up(include_str!("migrations/0001_init.sql")),
    M::up(include_str!("migrations/0002_annotations_settings.sql")),
    M::up(include_str!("migrations/0003_sync.sql")),
    M::up(include_str!("migrations/0004_follower_aggregates.sql")),
    M::up(include_str!("migrations/0005_post_facts.sql")),
];

pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS_SLICE)
}

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS_SLICE.len() as i64;

const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
const POOL_SIZE: u32 = 4;
/// Page cache sizes, in KiB (negative values, as SQLite takes them).
const DEFAULT_CACHE_KIB: i64 = -8_192;
const BULK_CACHE_KIB: i64 = -65_536;

/// Applies the connection settings every connection of the app uses.
pub fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "cache_size", DEFAULT_CACHE_KIB)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(())
}

/// Where the database lives unless `--db` or `RESONANCE_DB` says otherwise:
/// the OS data folder (`~/.local/share/resonance/resonance.db` on Linux,
/// `~/Library/Application Support/app.Resonance.Resonance/` on macOS, `%APPDATA%\Resonance\` on Windows).
pub fn default_db_path() -> PathBuf {
    if let Some(p) = std::env::var_os("RESONANCE_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    directories::ProjectDirs::from("app", "Resonance", "Resonance")
        .map(|d| d.data_dir().join("resonance.db"))
        .unwrap_or_else(|| PathBuf::from("resonance.db"))
}

/// A cheap, cloneable handle on the database.
#[derive(Clone)]
pub struct Store {
    pool: r2d2::Pool<SqliteConnectionManager>,
    path: PathBuf,
    /// Results kept until the data changes ([`Store::cached`]).
    memo: Arc<memo::Memo>,
}

/// What [`Store::open`] did to the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenOutcome {
    Created,
    UpToDate,
    Migrated { from: i64, to: i64, backup: PathBuf },
}

impl Store {
    /// Opens (creating if needed) the database at `path`, migrating it to the current schema.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        Self::open_reporting(path).map(|(s, _)| s)
    }

    pub fn open_reporting(path: impl AsRef<Path>) -> Result<(Store, OpenOutcome)> {
        let path = path.as_ref().to_path_buf();
        Self::open_inner(path.clone()).map_err(|e| e.on_file(&path))
    }

    fn open_inner(path: PathBuf) -> Result<(Store, OpenOutcome)> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let existed = path.exists() && std::fs::metadata(&path).map(|m| m.len() > 0).unwrap_or(false);
        let mut conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let found = read_user_version(&conn, &path)?;
        if found > SCHEMA_VERSION {
            return Err(Error::DatabaseTooNew { path: path.display().to_string(), found, supported: SCHEMA_VERSION });
        }
        if existed && found == 0 && !is_empty_schema(&conn)? {
            return Err(Error::NotADatabase {
                path: path.display().to_string(),
                detail: "it holds tables but no Resonance schema version".into(),
            });
        }
        configure(&conn)?;
        let outcome = if found == 0 {
            migrations().to_latest(&mut conn)?;
            OpenOutcome::Created
        } else if found < SCHEMA_VERSION {
            let backup = backup_path(&path, found);
            if let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) {
                remove_stale_partials(dir, &format!("{name}.v"));
            }
            online_backup(&conn, &backup)?;
            migrations().to_latest(&mut conn)?;
            OpenOutcome::Migrated { from: found, to: SCHEMA_VERSION, backup }
        } else {
            OpenOutcome::UpToDate
        };
        drop(conn);

        let manager = SqliteConnectionManager::file(&path).with_init(|c| configure(c));
        let pool = r2d2::Pool::builder()
            .max_size(POOL_SIZE)
            .min_idle(Some(1))
            .connection_timeout(Duration::from_secs(30))
            .build(manager)?;
        let memo = Arc::new(memo::Memo::open(&path)?);
        Ok((Store { pool, path, memo }, outcome))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` on a pooled connection (reads; WAL lets them run beside a writer).
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = self.pool.get()?;
        f(&conn)
    }

    /// The result kept under `key`, or `f`'s on a pooled connection, kept for the next calls until
    /// the data changes (any commit, by this process or another; see `store/memo.rs`). `key` must
    /// name everything the result depends on besides the data (the language, the period, today's
    /// date…). One caller computes a key at a time; the others wait for its result.
    pub fn cached<T: Send + Sync + 'static>(
        &self,
        key: &str,
        f: impl FnOnce(&Connection) -> Result<T>,
    ) -> Result<Arc<T>> {
        self.memo.get_or(key, || self.read(f))
    }

    /// Like [`Store::cached`], for a result built from other kept results: `f` gets no
    /// connection (holding one while waiting for another could exhaust the pool).
    pub fn cached_from<T: Send + Sync + 'static>(&self, key: &str, f: impl FnOnce() -> Result<T>) -> Result<Arc<T>> {
        self.memo.get_or(key, f)
    }

    /// Whether a result is kept under `key` for the data as it is now.
    pub fn is_kept(&self, key: &str) -> Result<bool> {
        self.memo.has(key)
    }

    /// Gives back the page cache of every idle connection (`PRAGMA shrink_memory`; up to
    /// `cache_size` each, 8 MB, filled by the last large reads). Connections in use are left
    /// alone. For an app going idle.
    pub fn release_memory(&self) -> Result<()> {
        let idle: Vec<_> = std::iter::from_fn(|| self.pool.try_get()).take(POOL_SIZE as usize).collect();
        for conn in &idle {
            conn.execute_batch("PRAGMA shrink_memory")?;
        }
        Ok(())
    }

    /// Drops every kept result (benchmarks measure the cold path with it).
    pub fn forget(&self) {
        self.memo.clear();
    }

    /// How many results are kept.
    pub fn kept_results(&self) -> usize {
        self.memo.len()
    }

    /// Runs `f` in one immediate transaction: committed if `f` returns `Ok`, rolled back otherwise.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.pool.get()?;
        let written = (|| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        })();
        written.map_err(|e: Error| e.on_file(&self.path))
    }

    /// Like [`Store::write`], for imports: the connection gets a page cache large enough for
    /// million-row transactions (the 2 MB default makes SQLite spill and re-read pages from the
    /// WAL all the time), restored to the default afterwards.
    pub fn write_bulk<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.pool.get()?;
        conn.pragma_update(None, "cache_size", BULK_CACHE_KIB)?;
        let out = (|| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        })();
        conn.pragma_update(None, "cache_size", DEFAULT_CACHE_KIB)?;
        out.map_err(|e: Error| e.on_file(&self.path))
    }

    /// Replaces the content of the live database with `src`'s, page by page (online backup in the
    /// other direction), then migrates it if it is older.
    pub fn restore_from(&self, src: &Connection) -> Result<()> {
        let mut conn = self.pool.get()?;
        let restored = (|| {
            {
                let backup = rusqlite::backup::Backup::new(src, &mut conn)?;
                backup.run_to_completion(256, Duration::from_millis(0), None)?;
            }
            migrations().to_latest(&mut conn)?;
            configure(&conn)?;
            Ok(())
        })();
        restored.map_err(|e: Error| e.on_file(&self.path))
    }

    /// Copies the live database to `dest` with SQLite's online backup (safe while the app runs).
    pub fn backup_to(&self, dest: impl AsRef<Path>) -> Result<()> {
        let conn = self.pool.get()?;
        online_backup(&conn, dest.as_ref())
    }
}

fn read_user_version(conn: &Connection, path: &Path) -> Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)).map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
            Error::NotADatabase { path: path.display().to_string(), detail: f.to_string() }
        }
        other => other.into(),
    })
}

fn is_empty_schema(conn: &Connection) -> Result<bool> {
    let n: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    Ok(n == 0)
}

fn backup_path(path: &Path, version: i64) -> PathBuf {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!("{name}.v{version}-{stamp}.bak"))
}

/// Copies `conn`'s database to `dest` with SQLite's online backup. The copy is written under a
/// temporary name (`<dest>.partial`) and renamed when complete, so that a file named `dest` is
/// always a whole backup, even if the process is killed or the disk fills up half-way.
fn online_backup(conn: &Connection, dest: &Path) -> Result<()> {
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    let partial = partial_path(dest);
    remove_partial(&partial);
    let copied = (|| -> Result<()> {
        let mut out = Connection::open(&partial)?;
        {
            let backup = rusqlite::backup::Backup::new(conn, &mut out)?;
            backup.run_to_completion(256, Duration::from_millis(0), None)?;
        }
        // A backup is one self-contained file: opening it (even read-only, from read-only media)
        // needs no -wal or -shm beside it.
        out.pragma_update(None, "journal_mode", "DELETE")?;
        out.close().map_err(|(_, e)| e)?;
        std::fs::rename(&partial, dest).map_err(|e| Error::io(dest, e))
    })();
    if copied.is_err() {
        remove_partial(&partial);
    }
    copied.map_err(|e| e.on_file(dest))
}

/// Where [`online_backup`] writes before renaming.
fn partial_path(dest: &Path) -> PathBuf {
    let mut name = dest.as_os_str().to_owned();
    name.push(".partial");
    PathBuf::from(name)
}

/// Removes an unfinished backup (and its rollback journal) left by an interrupted copy.
fn remove_partial(partial: &Path) {
    let _ = std::fs::remove_file(partial);
    let mut journal = partial.as_os_str().to_owned();
    journal.push("-journal");
    let _ = std::fs::remove_file(PathBuf::from(journal));
}

/// Removes the unfinished copies (`<prefix>….partial`, and their journals) in `dir` that a process
/// killed while copying left behind: they hold nothing that the database does not.
pub(crate) fn remove_stale_partials(dir: &Path, prefix: &str) {
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(file) = file.to_str() else { continue };
        if file.starts_with(prefix) && file.ends_with(".partial") {
            remove_partial(&entry.path());
        }
    }
}

/// The current UTC time as stored in the database.
pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn fresh_database_gets_the_latest_schema_and_pragmas() {
        let dir = tempfile::tempdir().unwrap();
        let (store, outcome) = Store::open_reporting(dir.path().join("a/b/r.db")).unwrap();
        assert_eq!(outcome, OpenOutcome::Created);
        store
            .read(|c| {
                let v: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0))?;
                assert_eq!(v, SCHEMA_VERSION);
                let mode: String = c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
                assert_eq!(mode, "wal");
                let fk: i64 = c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
                assert_eq!(fk, 1);
                Ok(())
            })
            .unwrap();
        let (_, again) = Store::open_reporting(store.path()).unwrap();
        assert_eq!(again, OpenOutcome::UpToDate);
    }
}
