//! Resonance desktop shell: thin async commands over the `resonance` core. Every database call runs
//! on tokio's blocking pool, never on the main (GTK) thread; the store is a connection pool, never
//! a `Mutex<Connection>`.

// No console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod memory;
mod menu;
mod state;
mod sync;

fn main() {
    memory::one_arena();
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        set_env_once();
    }
    tauri::Builder::default()
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(state::AppState::new())
        .menu(menu::build)
        .on_menu_event(|app, event| menu::on_event(app, event.id().as_ref()))
        .setup(|app| {
            sync::start_daily(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::ensure_ready,
            commands::get_settings,
            commands::save_settings,
            commands::set_lang,
            commands::list_accounts,
            commands::summary,
            commands::analyse_account,
            commands::insights,
            commands::compare,
            commands::chart,
            commands::export_chart,
            commands::export_report,
            commands::pick_import_files,
            commands::inspect_files,
            commands::import_files,
            commands::preview_csv,
            commands::cancel_import,
            commands::list_imports,
            commands::undo_import,
            commands::set_role,
            commands::set_label,
            commands::merge_accounts,
            commands::delete_account,
            commands::posts_page,
            commands::open_post,
            commands::list_annotations,
            commands::add_annotation,
            commands::remove_annotation,
            commands::remove_demo,
            commands::load_demo,
            commands::backup_database,
            commands::restore_database,
            commands::chart_kinds,
            sync::add_live_account,
            sync::sync_now,
            sync::cancel_sync,
            sync::sync_statuses,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("Resonance could not start: {e}");
            std::process::exit(1);
        });
}

/// WebKitGTK's DMABUF renderer leaves windows blank on some GPUs; respect an explicit choice.
#[cfg(target_os = "linux")]
fn set_env_once() {
    // `std::env::set_var` is unsafe in edition 2024 because other threads may read the
    // environment; this runs first thing in `main`, before any thread exists.
    #[allow(unsafe_code)]
    unsafe {
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
}
