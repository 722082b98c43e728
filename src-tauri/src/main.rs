//! Resonance desktop shell: thin async commands over the `resonance` core. Every database call runs
//! on tokio's blocking pool, never on the main (GTK) thread; the store is a connection pool, never
//! a `Mutex<Connection>`.

// No console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod state;

fn main() {
    // WebKitGTK's DMABUF renderer leaves windows blank on some GPUs; respect an explicit choice.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        // SAFETY-free: set before any thread starts.
        set_env_once();
    }
    tauri::Builder::default()
        .manage(state::AppState::new())
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::ensure_ready,
            commands::set_lang,
            commands::list_accounts,
            commands::summary,
            commands::growth_chart,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("Resonance could not start: {e}");
            std::process::exit(1);
        });
}

#[cfg(target_os = "linux")]
fn set_env_once() {
    // `std::env::set_var` is unsafe in edition 2024 because other threads may read the
    // environment; this runs first thing in `main`, before any thread exists.
    #[allow(unsafe_code)]
    unsafe {
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
}
