//! The IPC commands: each validates its arguments, runs the core on tokio's blocking pool and maps
//! errors to the structured `ErrorPayload` (`{code, message, file, line}`). No command body does
//! more than call the core.

use crate::state::AppState;
use resonance::charts::kind::{self, ChartKind, ChartRequest, Table};
use resonance::charts::{ChartOptions, Format};
use resonance::error::ErrorPayload;
use resonance::import::generic::{ColumnMapping, CsvPreview};
use resonance::import::progress::{Progress, ProgressUpdate, Silent};
use resonance::import::source::Input;
use resonance::import::{self, ImportOptions, ImportReport, Inspection};
use resonance::metrics::analysis::AccountAnalysis;
use resonance::metrics::compare::Comparison;
use resonance::metrics::insights::Insight;
use resonance::metrics::post_table::{PostPage, PostQuery};
use resonance::metrics::summary::AccountReport;
use resonance::model::Role;
use resonance::store::accounts::AccountSummary;
use resonance::store::annotations::AnnotationRow;
use resonance::store::ledger::ImportRecord;
use resonance::store::manage::Undone;
use resonance::{Error, Lang, Store, views};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use ts_rs::TS;

type CmdResult<T> = Result<T, ErrorPayload>;

fn invalid(lang: Lang, message: impl Into<String>) -> ErrorPayload {
    Error::InvalidArgument(message.into()).payload(lang)
}

/// Runs `f` with the store on tokio's blocking pool.
async fn blocking<T: Send + 'static>(
    state: &State<'_, AppState>,
    f: impl FnOnce(&Store, Lang) -> resonance::Result<T> + Send + 'static,
) -> CmdResult<T> {
    let cell = state.store_cell();
    let lang = state.lang();
    tauri::async_runtime::spawn_blocking(move || {
        let store = crate::state::open_store(&cell, lang)?;
        let out = f(&store, lang).map_err(|e| e.payload(lang));
        crate::memory::when_idle(store, lang);
        out
    })
    .await
    .map_err(|e| ErrorPayload { code: "internal".into(), message: e.to_string(), file: None, line: None })?
}

fn check_id(lang: Lang, id: i64) -> CmdResult<()> {
    if id <= 0 { Err(invalid(lang, format!("{id} is not an id"))) } else { Ok(()) }
}

#[derive(Serialize, TS)]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
    pub data_folder: String,
    pub schema_version: i64,
    pub demo_loaded: bool,
    pub db_size_bytes: u64,
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> CmdResult<AppInfo> {
    blocking(&state, |store, _| {
        let size = std::fs::metadata(store.path()).map(|m| m.len()).unwrap_or(0);
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").into(),
            db_path: store.path().display().to_string(),
            data_folder: store.path().parent().map(|p| p.display().to_string()).unwrap_or_default(),
            schema_version: resonance::store::SCHEMA_VERSION,
            demo_loaded: resonance::demo::is_loaded(store)?,
            db_size_bytes: size,
        })
    })
    .await
}

/// First start: loads the demo into an empty store. Returns whether it did.
#[tauri::command]
pub async fn ensure_ready(state: State<'_, AppState>) -> CmdResult<bool> {
    blocking(&state, |store, lang| resonance::demo::load_on_first_start(store, lang, &Silent)).await
}

/// Settings the UI keeps in the database.
#[derive(Serialize, Deserialize, TS, Clone)]
#[ts(export)]
pub struct Settings {
    /// "en" or "fr"; null: follow the system.
    pub lang: Option<Lang>,
    /// "light", "dark" or "system".
    pub theme: String,
}

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> CmdResult<Settings> {
    blocking(&state, |store, _| {
        store.read(|c| {
            let lang = resonance::store::settings::get(c, "lang")?.and_then(|l| l.parse().ok());
            let theme = resonance::store::settings::get(c, "theme")?.unwrap_or_else(|| "system".into());
            Ok(Settings { lang, theme })
        })
    })
    .await
}

#[tauri::command]
pub async fn save_settings(state: State<'_, AppState>, settings: Settings) -> CmdResult<()> {
    let lang = state.lang();
    if !["light", "dark", "system"].contains(&settings.theme.as_str()) {
        return Err(invalid(lang, format!("unknown theme {:?}", settings.theme)));
    }
    if let Some(l) = settings.lang {
        state.set_lang(l);
    }
    blocking(&state, move |store, _| {
        store.write(|tx| {
            match settings.lang {
                Some(l) => resonance::store::settings::set(tx, "lang", l.as_str())?,
                None => {
                    tx.execute("DELETE FROM settings WHERE key = 'lang'", [])?;
                }
            }
            resonance::store::settings::set(tx, "theme", &settings.theme)
        })
    })
    .await
}

/// The language of messages from the core (the UI switched already).
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
    blocking(&state, |store, _| views::summary(store).map(Arc::unwrap_or_clone)).await
}

/// Everything the engine says about one account.
#[tauri::command]
pub async fn analyse_account(state: State<'_, AppState>, account: i64) -> CmdResult<AccountAnalysis> {
    check_id(state.lang(), account)?;
    blocking(&state, move |store, lang| views::analysis(store, account, lang).map(Arc::unwrap_or_clone)).await
}

/// Insights in plain words for every account, with pro against personal.
#[tauri::command]
pub async fn insights(state: State<'_, AppState>) -> CmdResult<Vec<Insight>> {
    blocking(&state, |store, lang| views::insights(store, lang).map(Arc::unwrap_or_clone)).await
}

/// Pro against personal over the last `days` days of data, with audience overlap.
#[tauri::command]
pub async fn compare(state: State<'_, AppState>, days: i64) -> CmdResult<Comparison> {
    let days = days.clamp(7, 3650);
    blocking(&state, move |store, _| views::compare(store, days).map(Arc::unwrap_or_clone)).await
}

fn check_chart(lang: Lang, options: &ChartOptions) -> CmdResult<ChartOptions> {
    if !(120..=4000).contains(&options.width) || !(80..=3000).contains(&options.height) {
        return Err(invalid(lang, format!("chart size {}×{} out of range", options.width, options.height)));
    }
    let mut o = options.clone();
    o.title = o.title.map(|t| t.chars().take(120).collect());
    Ok(o)
}

/// A chart and the table behind it (its text alternative).
#[derive(Serialize, TS)]
#[ts(export)]
pub struct ChartView {
    pub svg: String,
    pub table: Table,
}

#[tauri::command]
pub async fn chart(state: State<'_, AppState>, request: ChartRequest, options: ChartOptions) -> CmdResult<ChartView> {
    let options = check_chart(state.lang(), &options)?;
    blocking(&state, move |store, lang| {
        let data = views::chart_data(store, &request, lang)?;
        let svg = String::from_utf8(kind::draw(&data, &options, Format::Svg)?).unwrap_or_default();
        Ok(ChartView { svg, table: kind::table(&data, lang) })
    })
    .await
}

/// Asks where to save a chart (native dialog), then writes it as SVG, PNG or CSV. Returns the path,
/// or null when the user cancelled.
#[tauri::command]
pub async fn export_chart(
    app: AppHandle,
    state: State<'_, AppState>,
    request: ChartRequest,
    options: ChartOptions,
) -> CmdResult<Option<String>> {
    let lang = state.lang();
    let options = check_chart(lang, &options)?;
    let name = format!("resonance-{}", request.kind.id());
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_file_name(format!("{name}.png"))
            .add_filter("PNG", &["png"])
            .add_filter("SVG", &["svg"])
            .add_filter("CSV", &["csv"])
            .blocking_save_file()
            .and_then(|p| p.into_path().ok())
    })
    .await
    .map_err(|e| invalid(lang, e.to_string()))?;
    let Some(path) = picked else { return Ok(None) };
    blocking(&state, move |store, lang| {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("png").to_ascii_lowercase();
        let data = views::chart_data(store, &request, lang)?;
        let bytes = match ext.as_str() {
            "csv" => kind::table(&data, lang).to_csv().into_bytes(),
            "svg" => kind::draw(&data, &options, Format::Svg)?,
            _ => kind::draw(
                &data,
                &ChartOptions { width: options.width * 2, height: options.height * 2, ..options.clone() },
                Format::Png,
            )?,
        };
        std::fs::write(&path, bytes).map_err(|e| Error::io(&path, e))?;
        Ok(Some(path.display().to_string()))
    })
    .await
}

/// Asks for a folder (native dialog) and writes the report there. Returns the HTML file's path.
#[tauri::command]
pub async fn export_report(app: AppHandle, state: State<'_, AppState>) -> CmdResult<Option<String>> {
    let lang = state.lang();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog().file().blocking_pick_folder().and_then(|p| p.into_path().ok())
    })
    .await
    .map_err(|e| invalid(lang, e.to_string()))?;
    let Some(dir) = picked else { return Ok(None) };
    blocking(&state, move |store, lang| {
        let dir = dir.join(format!("resonance-report-{}", chrono::Utc::now().format("%Y-%m-%d")));
        let written = store.read(|c| {
            resonance::report::write(c, &dir, &resonance::report::ReportOptions { lang, from: None, to: None })
        })?;
        Ok(Some(written.html.display().to_string()))
    })
    .await
}

/// Native file dialog for imports: zips, spreadsheets, CSV, JSON/JS files.
#[tauri::command]
pub async fn pick_import_files(app: AppHandle, state: State<'_, AppState>, folder: bool) -> CmdResult<Vec<String>> {
    let lang = state.lang();
    tauri::async_runtime::spawn_blocking(move || {
        let dialog = app.dialog().file();
        let picked: Vec<PathBuf> = if folder {
            dialog.blocking_pick_folder().and_then(|p| p.into_path().ok()).into_iter().collect()
        } else {
            dialog
                .add_filter("Exports", &["zip", "json", "js", "csv", "xlsx", "gz"])
                .blocking_pick_files()
                .unwrap_or_default()
                .into_iter()
                .filter_map(|p| p.into_path().ok())
                .collect()
        };
        picked.into_iter().map(|p| p.display().to_string()).collect()
    })
    .await
    .map_err(|e| invalid(lang, e.to_string()))
}

fn check_paths(lang: Lang, paths: &[String]) -> CmdResult<Vec<PathBuf>> {
    if paths.is_empty() || paths.len() > 100 {
        return Err(invalid(lang, "between 1 and 100 files at a time"));
    }
    paths
        .iter()
        .map(|p| {
            let path = PathBuf::from(p);
            if !path.is_absolute() {
                return Err(invalid(lang, format!("{p} is not an absolute path")));
            }
            Ok(path)
        })
        .collect()
}

/// What the dropped or picked files are, before anything is written.
#[tauri::command]
pub async fn inspect_files(state: State<'_, AppState>, paths: Vec<String>) -> CmdResult<Vec<InspectOutcome>> {
    let paths = check_paths(state.lang(), &paths)?;
    blocking(&state, move |store, lang| {
        Ok(paths
            .iter()
            .map(|p| {
                let input = Input::path(p);
                match import::inspect(Some(store), &input) {
                    Ok(i) => InspectOutcome { file: input.name, inspection: Some(i), error: None },
                    Err(e) => InspectOutcome { file: input.name, inspection: None, error: Some(e.payload(lang)) },
                }
            })
            .collect())
    })
    .await
}

#[derive(Serialize, TS)]
#[ts(export)]
pub struct InspectOutcome {
    pub file: String,
    pub inspection: Option<Inspection>,
    pub error: Option<ErrorPayload>,
}

#[derive(Serialize, TS)]
#[ts(export)]
pub struct ImportOutcome {
    pub file: String,
    pub report: Option<ImportReport>,
    pub error: Option<ErrorPayload>,
}

struct ChannelProgress(Channel<ProgressUpdate>);

impl Progress for ChannelProgress {
    fn update(&self, update: &ProgressUpdate) {
        let _ = self.0.send(update.clone());
    }
}

/// Imports files one by one (each in its own transaction), reporting progress on `on_progress`
/// (throttled by the core to 10 a second). A file that fails does not stop the others.
#[tauri::command]
pub async fn import_files(
    state: State<'_, AppState>,
    paths: Vec<String>,
    role: Option<Role>,
    account: Option<i64>,
    mapping: Option<ColumnMapping>,
    on_progress: Channel<ProgressUpdate>,
) -> CmdResult<Vec<ImportOutcome>> {
    let lang = state.lang();
    let paths = check_paths(lang, &paths)?;
    if let Some(a) = account {
        check_id(lang, a)?;
    }
    let cancel = state.cancel_flag();
    if state.importing().swap(true, Ordering::SeqCst) {
        return Err(invalid(lang, "an import is already running"));
    }
    cancel.store(false, Ordering::SeqCst);
    let busy = state.importing();
    let out = blocking(&state, move |store, lang| {
        let progress = ChannelProgress(on_progress);
        let opts = ImportOptions { role, account, lang, demo: false, mapping, exported_on: None };
        Ok(paths
            .iter()
            .map(|p| {
                let input = Input::path(p);
                match import::import(store, &input, &opts, &progress, &cancel) {
                    Ok(r) => ImportOutcome { file: input.name, report: Some(r), error: None },
                    Err(e) => ImportOutcome { file: input.name, report: None, error: Some(e.payload(lang)) },
                }
            })
            .collect())
    })
    .await;
    busy.store(false, Ordering::SeqCst);
    out
}

/// A CSV's columns, first rows and suggested mapping, for the column-mapping step.
#[tauri::command]
pub async fn preview_csv(state: State<'_, AppState>, path: String) -> CmdResult<CsvPreview> {
    let lang = state.lang();
    let path = check_paths(lang, &[path])?.remove(0);
    tauri::async_runtime::spawn_blocking(move || {
        resonance::import::generic::preview(&Input::path(&path)).map_err(|e| e.payload(lang))
    })
    .await
    .map_err(|e| invalid(lang, e.to_string()))?
}

/// Stops the running import; its transaction rolls back and nothing changes.
#[tauri::command]
pub async fn cancel_import(state: State<'_, AppState>) -> CmdResult<()> {
    state.cancel_flag().store(true, Ordering::SeqCst);
    Ok(())
}

#[tauri::command]
pub async fn list_imports(state: State<'_, AppState>) -> CmdResult<Vec<ImportRecord>> {
    blocking(&state, |store, _| store.read(resonance::store::ledger::list)).await
}

#[tauri::command]
pub async fn undo_import(state: State<'_, AppState>, import_id: i64) -> CmdResult<Undone> {
    check_id(state.lang(), import_id)?;
    blocking(&state, move |store, _| store.write(|tx| resonance::store::manage::undo_import(tx, import_id))).await
}

#[tauri::command]
pub async fn set_role(state: State<'_, AppState>, account: i64, role: Role) -> CmdResult<AccountSummary> {
    check_id(state.lang(), account)?;
    blocking(&state, move |store, _| {
        store.write(|tx| {
            resonance::store::accounts::set_role(tx, account, role)?;
            resonance::store::accounts::get(tx, account)
        })
    })
    .await
}

#[tauri::command]
pub async fn set_label(state: State<'_, AppState>, account: i64, label: String) -> CmdResult<AccountSummary> {
    check_id(state.lang(), account)?;
    blocking(&state, move |store, _| {
        store.write(|tx| {
            resonance::store::accounts::set_label(tx, account, &label)?;
            resonance::store::accounts::get(tx, account)
        })
    })
    .await
}

#[tauri::command]
pub async fn merge_accounts(state: State<'_, AppState>, keep: i64, remove: i64) -> CmdResult<()> {
    check_id(state.lang(), keep)?;
    check_id(state.lang(), remove)?;
    blocking(&state, move |store, _| store.write(|tx| resonance::store::manage::merge_accounts(tx, keep, remove))).await
}

#[tauri::command]
pub async fn delete_account(state: State<'_, AppState>, account: i64) -> CmdResult<()> {
    check_id(state.lang(), account)?;
    blocking(&state, move |store, _| store.write(|tx| resonance::store::manage::delete_account(tx, account))).await
}

/// One page of the Posts table, filtered and sorted in the core.
#[tauri::command]
pub async fn posts_page(state: State<'_, AppState>, query: PostQuery) -> CmdResult<PostPage> {
    for id in &query.accounts {
        check_id(state.lang(), *id)?;
    }
    if query.text.chars().count() > 500 {
        return Err(invalid(state.lang(), "the search text is longer than 500 characters"));
    }
    blocking(&state, move |store, _| views::posts_page(store, &query)).await
}

/// Whether a stored post link may be handed to the system browser: `https://` only (no
/// `javascript:`, `file:` or custom schemes), a plain host name (no `user@` tricks), no spaces.
/// Links come from the user's own exports and from the platforms' APIs.
pub fn is_openable(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Opens a post in the browser (see [`is_openable`]).
#[tauri::command]
pub async fn open_post(app: AppHandle, state: State<'_, AppState>, post: i64) -> CmdResult<()> {
    let lang = state.lang();
    check_id(lang, post)?;
    let url: Option<String> = blocking(&state, move |store, _| {
        store.read(|c| Ok(c.query_row("SELECT url FROM posts WHERE id = ?1", [post], |r| r.get(0)).unwrap_or(None)))
    })
    .await?;
    let url = url.ok_or_else(|| invalid(lang, "this post has no link"))?;
    if !is_openable(&url) {
        return Err(invalid(lang, format!("not opening {url}: not an https link")));
    }
    app.opener().open_url(url, None::<&str>).map_err(|e| invalid(lang, e.to_string()))
}

#[tauri::command]
pub async fn list_annotations(state: State<'_, AppState>, account: i64) -> CmdResult<Vec<AnnotationRow>> {
    check_id(state.lang(), account)?;
    blocking(&state, move |store, _| store.read(|c| resonance::store::annotations::list(c, account))).await
}

#[tauri::command]
pub async fn add_annotation(
    state: State<'_, AppState>,
    account: i64,
    day: String,
    kind: String,
    note: String,
) -> CmdResult<i64> {
    let lang = state.lang();
    check_id(lang, account)?;
    let day = chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d")
        .map_err(|_| invalid(lang, format!("{day:?} is not a day")))?;
    blocking(&state, move |store, _| {
        store.write(|tx| resonance::store::annotations::add(tx, Some(account), day, &kind, &note))
    })
    .await
}

#[tauri::command]
pub async fn remove_annotation(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    check_id(state.lang(), id)?;
    blocking(&state, move |store, _| store.write(|tx| resonance::store::annotations::remove(tx, id))).await
}

#[tauri::command]
pub async fn remove_demo(state: State<'_, AppState>) -> CmdResult<u64> {
    blocking(&state, |store, _| resonance::demo::remove(store)).await
}

#[tauri::command]
pub async fn load_demo(state: State<'_, AppState>) -> CmdResult<()> {
    blocking(&state, |store, lang| resonance::demo::load(store, lang, &Silent).map(|_| ())).await
}

/// Asks where to save a copy of the database (native dialog) and writes it with SQLite's online
/// backup, while the app keeps running.
#[tauri::command]
pub async fn backup_database(app: AppHandle, state: State<'_, AppState>) -> CmdResult<Option<String>> {
    let lang = state.lang();
    let name = format!("resonance-backup-{}.db", chrono::Utc::now().format("%Y-%m-%d"));
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_file_name(name)
            .add_filter("SQLite", &["db"])
            .blocking_save_file()
            .and_then(|p| p.into_path().ok())
    })
    .await
    .map_err(|e| invalid(lang, e.to_string()))?;
    let Some(path) = picked else { return Ok(None) };
    blocking(&state, move |store, _| {
        store.backup_to(&path)?;
        Ok(Some(path.display().to_string()))
    })
    .await
}

/// Asks for a backup file and restores it (the current database is saved first).
#[tauri::command]
pub async fn restore_database(app: AppHandle, state: State<'_, AppState>) -> CmdResult<Option<String>> {
    let lang = state.lang();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog().file().add_filter("SQLite", &["db", "bak"]).blocking_pick_file().and_then(|p| p.into_path().ok())
    })
    .await
    .map_err(|e| invalid(lang, e.to_string()))?;
    let Some(path) = picked else { return Ok(None) };
    blocking(&state, move |store, _| {
        resonance::store::manage::restore(store, &path).map(|saved| Some(saved.display().to_string()))
    })
    .await
}

/// The chart kinds, for the Reports view.
#[tauri::command]
pub async fn chart_kinds() -> CmdResult<Vec<ChartKind>> {
    Ok(ChartKind::ALL.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_https_links_open() {
        assert!(is_openable("https://www.instagram.com/p/DHpmj9euOPy/"));
        assert!(is_openable("https://piaille.fr/@camille/113000000000000001"));
        assert!(is_openable("https://www.tiktokv.com/share/video/7312345678901234567/"));
        assert!(!is_openable("http://example.org/"));
        assert!(!is_openable("javascript:alert(1)"));
        assert!(!is_openable("file:///etc/passwd"));
        assert!(!is_openable("https://user@evil.example/"));
        assert!(!is_openable("https://a.example/ x"));
        assert!(!is_openable("https:///path"));
    }

    #[test]
    fn paths_must_be_absolute_and_few() {
        assert!(check_paths(Lang::En, &["/tmp/x.zip".into()]).is_ok());
        assert!(check_paths(Lang::En, &["x.zip".into()]).is_err());
        assert!(check_paths(Lang::En, &[]).is_err());
        assert!(check_paths(Lang::En, &vec!["/tmp/x".to_string(); 101]).is_err());
        assert!(check_id(Lang::En, 0).is_err() && check_id(Lang::En, -3).is_err() && check_id(Lang::En, 1).is_ok());
    }
}
