//! The IPC commands: each deserialises its arguments, runs the core on the blocking pool and maps
//! errors to the structured `ErrorPayload` (`{code, message, file, line}`).

use crate::state::AppState;
use resonance::charts::{self, ChartOptions};
use resonance::error::ErrorPayload;
use resonance::import::progress::Silent;
use resonance::metrics::summary::AccountReport;
use resonance::store::accounts::AccountSummary;
use resonance::{Lang, Store};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

type CmdResult<T> = Result<T, ErrorPayload>;

/// Runs `f` with the store on tokio's blocking pool.
async fn blocking<T: Send + 'static>(
    state: &State<'_, AppState>,
    f: impl FnOnce(&Store, Lang) -> resonance::Result<T> + Send + 'static,
) -> CmdResult<T> {
    let cell = state.store_cell();
    let lang = state.lang();
    tauri::async_runtime::spawn_blocking(move || {
        let store = crate::state::open_store(&cell, lang)?;
        f(&store, lang).map_err(|e| e.payload(lang))
    })
    .await
    .map_err(|e| ErrorPayload { code: "internal".into(), message: e.to_string(), file: None, line: None })?
}

#[derive(Serialize, TS)]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
    pub schema_version: i64,
    pub demo_loaded: bool,
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> CmdResult<AppInfo> {
    blocking(&state, |store, _| {
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").into(),
            db_path: store.path().display().to_string(),
            schema_version: resonance::store::SCHEMA_VERSION,
            demo_loaded: resonance::demo::is_loaded(store)?,
        })
    })
    .await
}

/// First start: loads the demo into an empty store. Returns whether it did.
#[tauri::command]
pub async fn ensure_ready(state: State<'_, AppState>) -> CmdResult<bool> {
    blocking(&state, |store, lang| resonance::demo::load_on_first_start(store, lang, &Silent)).await
}

#[tauri::command]
pub async fn set_lang(state: State<'_, AppState>, lang: Lang) -> CmdResult<()> {
    state.set_lang(lang);
    Ok(())
}

#[tauri::command]
pub async fn list_accounts(state: State<'_, AppState>) -> CmdResult<Vec<AccountSummary>> {
    blocking(&state, |store, _| store.read(resonance::store::accounts::list)).await
}

#[tauri::command]
pub async fn summary(state: State<'_, AppState>) -> CmdResult<Vec<AccountReport>> {
    blocking(&state, |store, _| store.read(resonance::metrics::summary::all)).await
}

/// The follower-growth chart of some accounts (all when empty), as SVG.
#[tauri::command]
pub async fn growth_chart(state: State<'_, AppState>, accounts: Vec<i64>, options: ChartOptions) -> CmdResult<String> {
    let options =
        ChartOptions { width: options.width.clamp(200, 3000), height: options.height.clamp(120, 2000), ..options };
    blocking(&state, move |store, _| {
        let series = store.read(|c| charts::data::growth_series(c, &accounts, None, None))?;
        Ok(charts::growth::svg(&series, &options)?)
    })
    .await
}
