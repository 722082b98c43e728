//! Resonance core: importers, the local store, metrics, charts, reports and live sync. No GUI dependency: the
//! CLI (`src/main.rs`) and the desktop shell (`src-tauri/`) are thin layers over this crate.

pub mod charts;
pub mod demo;
pub mod error;
pub mod i18n;
pub mod import;
pub mod metrics;
pub mod model;
pub mod report;
pub mod store;
pub mod sync;
pub mod views;

pub use error::{Error, Result};
pub use i18n::Lang;
pub use store::Store;
