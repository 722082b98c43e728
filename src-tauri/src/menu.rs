//! The native menu: the usual entries, and one item per view. Menu choices reach the UI as a
//! `menu://action` event carrying the action's id.

use tauri::menu::{AboutMetadata, Menu, MenuItem, PredefinedMenuItem, Submenu};
use tauri::{AppHandle, Emitter, Runtime};

pub const VIEWS: [(&str, &str, &str); 10] = [
    ("overview", "Overview", "CmdOrCtrl+1"),
    ("import", "Import…", "CmdOrCtrl+I"),
    ("accounts", "Accounts", "CmdOrCtrl+2"),
    ("growth", "Growth", "CmdOrCtrl+3"),
    ("engagement", "Engagement", "CmdOrCtrl+4"),
    ("authenticity", "Authenticity", "CmdOrCtrl+5"),
    ("compare", "Pro vs personal", "CmdOrCtrl+6"),
    ("posts", "Posts", "CmdOrCtrl+7"),
    ("reports", "Reports", "CmdOrCtrl+8"),
    ("settings", "Settings", "CmdOrCtrl+,"),
];

pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let file = Submenu::with_items(
        app,
        "File",
        true,
        &[
            &MenuItem::with_id(app, "view:import", "Import exports…", true, Some("CmdOrCtrl+O"))?,
            &MenuItem::with_id(app, "action:report", "Export report…", true, Some("CmdOrCtrl+E"))?,
            &MenuItem::with_id(app, "action:backup", "Back up the database…", true, None::<&str>)?,
            &PredefinedMenuItem::separator(app)?,
            &PredefinedMenuItem::quit(app, Some("Quit"))?,
        ],
    )?;
    let edit = Submenu::with_items(
        app,
        "Edit",
        true,
        &[
            &PredefinedMenuItem::undo(app, None)?,
            &PredefinedMenuItem::redo(app, None)?,
            &PredefinedMenuItem::separator(app)?,
            &PredefinedMenuItem::cut(app, None)?,
            &PredefinedMenuItem::copy(app, None)?,
            &PredefinedMenuItem::paste(app, None)?,
            &PredefinedMenuItem::select_all(app, None)?,
        ],
    )?;
    let mut view_items: Vec<MenuItem<R>> = Vec::new();
    for (id, label, accel) in VIEWS {
        if id == "import" {
            continue;
        }
        view_items.push(MenuItem::with_id(app, format!("view:{id}"), label, true, Some(accel))?);
    }
    let refs: Vec<&dyn tauri::menu::IsMenuItem<R>> =
        view_items.iter().map(|i| i as &dyn tauri::menu::IsMenuItem<R>).collect();
    let view = Submenu::with_items(app, "View", true, &refs)?;
    let help = Submenu::with_items(
        app,
        "Help",
        true,
        &[
            &MenuItem::with_id(app, "action:guide", "Getting your data…", true, None::<&str>)?,
            &PredefinedMenuItem::about(
                app,
                Some("About Resonance"),
                Some(AboutMetadata {
                    name: Some("Resonance".into()),
                    version: Some(env!("CARGO_PKG_VERSION").into()),
                    comments: Some("Is your audience real? Your own exports, on your own machine.".into()),
                    ..Default::default()
                }),
            )?,
        ],
    )?;
    Menu::with_items(app, &[&file, &edit, &view, &help])
}

/// Forwards a menu choice to the UI.
pub fn on_event<R: Runtime>(app: &AppHandle<R>, id: &str) {
    let _ = app.emit("menu://action", id.to_string());
}
