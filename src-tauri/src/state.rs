//! What the shell keeps: the store (a pool; cheap to clone) and the language of messages.

use resonance::error::ErrorPayload;
use resonance::{Lang, Store};
use std::sync::RwLock;

pub struct AppState {
    /// The store, or why it could not be opened (every command then returns that error).
    store: Result<Store, ErrorPayload>,
    lang: RwLock<Lang>,
}

impl AppState {
    pub fn open() -> AppState {
        let lang = Lang::from_env();
        let path = resonance::store::default_db_path();
        let store = Store::open(&path).map_err(|e| e.payload(lang));
        AppState {
            store,
            lang: RwLock::new(lang),
        }
    }

    pub fn store(&self) -> Result<Store, ErrorPayload> {
        self.store.clone()
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
