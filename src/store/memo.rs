//! Results computed from the database, kept until the data changes.
//!
//! A view over ten years of history reads every post of every account (200,000 rows at our
//! scale target: 150–350 ms however the reading is done, docs/performance.md). Opening the same
//! view again, or another view built from the same analyses, should not pay that again while
//! nothing changed. Each result is kept under a key with the *data version* it was computed at:
//! SQLite's `PRAGMA data_version`, read on a connection of its own, which changes whenever any
//! other connection commits — this app's writes (imports, undo, edits, sync, restore) and other
//! processes' alike (the CLI run beside the app). When it changes, everything kept is dropped.
//!
//! A result is kept only if the version was the same before and after computing it, so a
//! result computed while a write committed is never kept under either version. The number of
//! results is bounded ([`MAX_ENTRIES`]); the oldest goes first.
//!
//! One computation per key at a time: a caller asking for a result another thread is computing
//! waits for it instead of computing it again (the overview's cards and its insights, started
//! together, need the same analyses).

use crate::error::Result;
use rusqlite::{Connection, OpenFlags};
use std::any::Any;
use std::collections::{HashMap, VecDeque};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// Results kept at most (each is a view's answer: kilobytes to a few megabytes).
pub const MAX_ENTRIES: usize = 48;

type Entry = (String, Arc<dyn Any + Send + Sync>);

pub(crate) struct Memo {
    /// The connection `data_version` is read on; it never reads or writes data.
    watch: Mutex<Connection>,
    kept: Mutex<Kept>,
    /// A lock per key being computed.
    computing: Mutex<HashMap<String, Arc<Mutex<()>>>>,
}

#[derive(Default)]
struct Kept {
    version: Option<i64>,
    entries: VecDeque<Entry>,
}

impl Memo {
    pub(crate) fn open(path: &Path) -> Result<Memo> {
        let watch =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        watch.busy_timeout(std::time::Duration::from_secs(5))?;
        Ok(Memo { watch: Mutex::new(watch), kept: Mutex::new(Kept::default()), computing: Mutex::default() })
    }

    /// The database's data version as this process last saw it (changes on every commit by any
    /// other connection).
    pub(crate) fn version(&self) -> Result<i64> {
        let watch = self.watch.lock().unwrap_or_else(|e| e.into_inner());
        Ok(watch.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    fn kept(&self) -> std::sync::MutexGuard<'_, Kept> {
        self.kept.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The result kept under `key` at `version`, if any.
    pub(crate) fn get<T: Send + Sync + 'static>(&self, key: &str, version: i64) -> Option<Arc<T>> {
        let kept = self.kept();
        if kept.version != Some(version) {
            return None;
        }
        kept.entries.iter().find(|(k, _)| k == key).and_then(|(_, v)| v.clone().downcast::<T>().ok())
    }

    /// Keeps `value` under `key` if the data is still at `version` (a result computed across a
    /// commit is dropped).
    pub(crate) fn put<T: Send + Sync + 'static>(&self, key: String, version: i64, value: Arc<T>) -> Result<()> {
        if self.version()? != version {
            return Ok(());
        }
        let mut kept = self.kept();
        if kept.version != Some(version) {
            kept.entries.clear();
            kept.version = Some(version);
        }
        kept.entries.retain(|(k, _)| *k != key);
        if kept.entries.len() >= MAX_ENTRIES {
            kept.entries.pop_front();
        }
        kept.entries.push_back((key, value));
        Ok(())
    }

    /// Whether a result is kept under `key` for the data as it is now.
    pub(crate) fn has(&self, key: &str) -> Result<bool> {
        let version = self.version()?;
        let kept = self.kept();
        Ok(kept.version == Some(version) && kept.entries.iter().any(|(k, _)| k == key))
    }

    /// The result kept under `key`, or `f`'s (computed by one caller at a time per key).
    pub(crate) fn get_or<T: Send + Sync + 'static>(&self, key: &str, f: impl FnOnce() -> Result<T>) -> Result<Arc<T>> {
        if let Some(kept) = self.get::<T>(key, self.version()?) {
            return Ok(kept);
        }
        let slot = {
            let mut computing = self.computing.lock().unwrap_or_else(|e| e.into_inner());
            computing.entry(key.to_string()).or_default().clone()
        };
        let computed = {
            let _turn = slot.lock().unwrap_or_else(|e| e.into_inner());
            // Whoever held the key before may have kept the result meanwhile.
            let version = self.version()?;
            match self.get::<T>(key, version) {
                Some(kept) => Ok(kept),
                None => f().and_then(|value| {
                    let value = Arc::new(value);
                    self.put(key.to_string(), version, value.clone())?;
                    Ok(value)
                }),
            }
        };
        let mut computing = self.computing.lock().unwrap_or_else(|e| e.into_inner());
        // The map's handle and ours: nobody else waits on this key.
        if Arc::strong_count(&slot) <= 2 {
            computing.remove(key);
        }
        computed
    }

    pub(crate) fn clear(&self) {
        let mut kept = self.kept();
        kept.entries.clear();
        kept.version = None;
    }

    pub(crate) fn len(&self) -> usize {
        self.kept().entries.len()
    }
}
