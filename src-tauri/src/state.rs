//! What the shell keeps: the store (a pool, cheap to clone, opened lazily on the blocking pool so
//! that no database work ever runs on the main thread) and the language of messages.

use resonance::error::ErrorPayload;
use resonance::{Lang, Store};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, OnceLock, RwLock};

pub struct AppState {
    /// The store, or why it could not be opened (every command then returns that error).
    store: Arc<OnceLock<Result<Store, ErrorPayload>>>,
    lang: RwLock<Lang>,
    /// Set to stop the running import.
    cancel: Arc<AtomicBool>,
    /// True while an import runs (one at a time).
    importing: Arc<AtomicBool>,
    /// Set to stop the running live sync.
    sync_cancel: Arc<AtomicBool>,
}

impl AppState {
    pub fn new() -> AppState {
        AppState {
            store: Arc::new(OnceLock::new()),
            lang: RwLock::new(Lang::from_env()),
            cancel: Arc::new(AtomicBool::new(false)),
            importing: Arc::new(AtomicBool::new(false)),
            sync_cancel: Arc::new(AtomicBool::new(false)),
        }
    }

    /// A handle to open (once) and get the store; call it off the main thread.
    pub fn store_cell(&self) -> Arc<OnceLock<Result<Store, ErrorPayload>>> {
        self.store.clone()
    }

    pub fn cancel_flag(&self) -> Arc<AtomicBool> {
        self.cancel.clone()
    }

    pub fn sync_cancel_flag(&self) -> Arc<AtomicBool> {
        self.sync_cancel.clone()
    }

    pub fn importing(&self) -> Arc<AtomicBool> {
        self.importing.clone()
    }

    pub fn lang(&self) -> Lang {
        self.lang.read().map(|l| *l).unwrap_or_default()
    }

    pub fn set_lang(&self, lang: Lang) {
        if let Ok(mut l) = self.lang.write() {
            *l = lang;
        }
    }
}

/// Opens the store at the default path (or `RESONANCE_DB`) the first time; blocking.
pub fn open_store(cell: &OnceLock<Result<Store, ErrorPayload>>, lang: Lang) -> Result<Store, ErrorPayload> {
    cell.get_or_init(|| Store::open(resonance::store::default_db_path()).map_err(|e| e.payload(lang))).clone()
}
