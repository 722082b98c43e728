//! `backup` and `restore`: SQLite's online backup in either direction, safe while the app or
//! another command has the database open.

use super::Out;
use resonance::store::{SCHEMA_VERSION, manage};
use resonance::{Error, Store};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Serialize)]
struct BackupDone {
    file: String,
    bytes: u64,
    schema_version: i64,
}

#[derive(Serialize)]
struct RestoreDone {
    restored_from: String,
    previous_saved_to: String,
    schema_version: i64,
}

/// Same file, even through another spelling of its path.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

pub fn backup(store: &Store, dest: &Path, force: bool, out: &Out) -> Result<ExitCode, Error> {
    if same_file(dest, store.path()) {
        return Err(Error::InvalidArgument(format!("{} is the database itself: choose another file", dest.display())));
    }
    if dest.exists() && !force {
        return Err(Error::InvalidArgument(format!(
            "{} already exists: choose another name, or add --force to replace it",
            dest.display()
        )));
    }
    store.backup_to(dest)?;
    let bytes = std::fs::metadata(dest).map_err(|e| Error::io(dest, e))?.len();
    let done = BackupDone { file: dest.display().to_string(), bytes, schema_version: SCHEMA_VERSION };
    if out.json {
        out.json(&done);
    } else {
        println!(
            "{} {} ({} {})",
            out.t("Backed up to", "Sauvegardé dans"),
            done.file,
            out.lang.int(bytes as i64),
            out.t("bytes", "octets")
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn restore(store: &Store, src: &Path, out: &Out) -> Result<ExitCode, Error> {
    if !src.is_file() {
        return Err(Error::io(src, std::io::Error::from(std::io::ErrorKind::NotFound)));
    }
    if same_file(src, store.path()) {
        return Err(Error::InvalidArgument(format!("{} is the database itself: choose a backup", src.display())));
    }
    let saved: PathBuf = manage::restore(store, src)?;
    let done = RestoreDone {
        restored_from: src.display().to_string(),
        previous_saved_to: saved.display().to_string(),
        schema_version: SCHEMA_VERSION,
    };
    if out.json {
        out.json(&done);
    } else {
        println!("{} {}", out.t("Restored from", "Restauré depuis"), done.restored_from);
        println!(
            "{} {}",
            out.t("The database as it was before is saved in", "La base telle qu'elle était est conservée dans"),
            done.previous_saved_to
        );
    }
    Ok(ExitCode::SUCCESS)
}
