//! Live snapshots in the desktop shell: add a Bluesky or Mastodon account by its handle, sync now
//! (cancellable), the sync state of every live account, and a background task that syncs live
//! accounts once a day while the app is open (`sync://changed` tells the UI when data changed).
//! Nothing here runs unless the user added a live account: the app works fully offline.

use crate::state::{AppState, open_store};
use resonance::error::ErrorPayload;
use resonance::sync::{self, Added, NewAccount, SyncOptions, SyncOutcome, SyncStatus};
use resonance::{Lang, Store};
use std::sync::atomic::Ordering;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager, State};

type CmdResult<T> = Result<T, ErrorPayload>;

/// How often the background task looks for accounts without today's snapshot.
const CHECK_EVERY: Duration = Duration::from_secs(60 * 60);
/// Leaves the first minute after start to the user's own work.
const FIRST_CHECK_AFTER: Duration = Duration::from_secs(60);

async fn store(state: &AppState) -> CmdResult<Store> {
    let cell = state.store_cell();
    let lang = state.lang();
    tauri::async_runtime::spawn_blocking(move || open_store(&cell, lang)).await.map_err(|e| ErrorPayload {
        code: "internal".into(),
        message: e.to_string(),
        file: None,
        line: None,
    })?
}

fn options(lang: Lang, followers: bool) -> SyncOptions {
    SyncOptions { lang, followers, ..SyncOptions::default() }
}

/// Adds a live account (`alice.bsky.social`, `@alice@piaille.fr`) and takes its first snapshot.
#[tauri::command]
pub async fn add_live_account(state: State<'_, AppState>, new: NewAccount) -> CmdResult<Added> {
    let lang = state.lang();
    let store = store(&state).await?;
    let cancel = state.sync_cancel_flag();
    cancel.store(false, Ordering::SeqCst);
    sync::add_account(&store, &new, &options(lang, false), &cancel).await.map_err(|e| e.payload(lang))
}

/// Takes a snapshot of one live account now, or of all of them (`account` null).
#[tauri::command]
pub async fn sync_now(
    state: State<'_, AppState>,
    account: Option<i64>,
    followers: bool,
) -> CmdResult<Vec<SyncOutcome>> {
    let lang = state.lang();
    let store = store(&state).await?;
    let cancel = state.sync_cancel_flag();
    cancel.store(false, Ordering::SeqCst);
    let opts = options(lang, followers);
    match account {
        Some(id) if id > 0 => {
            let status = sync_status_of(&store, id, lang).await?;
            let report = sync::sync_account(&store, id, &opts, &cancel).await;
            let (report, error) = match report {
                Ok(r) => (Some(r), None),
                Err(e) => (None, Some(e.payload(lang))),
            };
            Ok(vec![SyncOutcome { account_id: id, platform: status.platform, handle: status.handle, report, error }])
        }
        Some(id) => Err(resonance::Error::InvalidArgument(format!("{id} is not an id")).payload(lang)),
        None => sync::sync_all(&store, &opts, &cancel).await.map_err(|e| e.payload(lang)),
    }
}

async fn sync_status_of(store: &Store, id: i64, lang: Lang) -> CmdResult<SyncStatus> {
    let store = store.clone();
    tauri::async_runtime::spawn_blocking(move || store.read(|c| sync::status(c, id, lang)).map_err(|e| e.payload(lang)))
        .await
        .map_err(|e| ErrorPayload { code: "internal".into(), message: e.to_string(), file: None, line: None })?
}

/// Stops the running sync; nothing it had not yet written changes.
#[tauri::command]
pub async fn cancel_sync(state: State<'_, AppState>) -> CmdResult<()> {
    state.sync_cancel_flag().store(true, Ordering::SeqCst);
    Ok(())
}

/// The sync state of every live account: last snapshot, last error ("offline — last snapshot on …").
#[tauri::command]
pub async fn sync_statuses(state: State<'_, AppState>) -> CmdResult<Vec<SyncStatus>> {
    let lang = state.lang();
    let store = store(&state).await?;
    tauri::async_runtime::spawn_blocking(move || store.read(|c| sync::statuses(c, lang)).map_err(|e| e.payload(lang)))
        .await
        .map_err(|e| ErrorPayload { code: "internal".into(), message: e.to_string(), file: None, line: None })?
}

/// Starts the once-a-day sync of live accounts for as long as the app runs.
pub fn start_daily(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(FIRST_CHECK_AFTER).await;
        loop {
            let state = app.state::<AppState>();
            let lang = state.lang();
            if let Ok(store) = store(&state).await {
                let cancel = state.sync_cancel_flag();
                cancel.store(false, Ordering::SeqCst);
                if let Ok(outcomes) = sync::sync_due(&store, &options(lang, false), &cancel).await
                    && !outcomes.is_empty()
                {
                    let _ = app.emit("sync://changed", &outcomes);
                }
            }
            tokio::time::sleep(CHECK_EVERY).await;
        }
    });
}
