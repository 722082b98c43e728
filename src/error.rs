//! Typed errors of the core. Each has a stable machine-readable `code` (the UI switches on it, never on
//! text) and a message in French or English that names the file and what is wrong.

use crate::i18n::Lang;
use crate::model::Platform;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Import(#[from] ImportError),
    #[error(
        "the database {path} was written by a newer version of Resonance (schema {found}; this version knows up to {supported})"
    )]
    DatabaseTooNew { path: String, found: i64, supported: i64 },
    #[error("{path} is not a Resonance database: {detail}")]
    NotADatabase { path: String, detail: String },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database pool error: {0}")]
    Pool(#[from] r2d2::Error),
    #[error("database migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("no {what} with id {id}")]
    NotFound { what: &'static str, id: i64 },
    #[error("invalid argument: {0}")]
    InvalidArgument(String),
    #[error("cancelled")]
    Cancelled,
    /// A live sync (or adding an account by handle) that could not complete. Nothing stored changed.
    #[error("{account}: {kind}")]
    Sync { account: String, kind: SyncErrorKind },
    /// The database file (or a backup being written) could not be written: the disk is full, the
    /// folder is read-only, or the write failed. The transaction was rolled back: nothing changed.
    #[error("{path}: {kind}")]
    Storage { path: String, kind: StorageFailure },
}

/// Why a file could not be written (see [`Error::Storage`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageFailure {
    #[error("the disk is full")]
    DiskFull,
    #[error("the folder is read-only")]
    ReadOnly,
    #[error("writing failed ({detail})")]
    WriteFailed { detail: String },
}

impl StorageFailure {
    pub fn code(&self) -> &'static str {
        match self {
            StorageFailure::DiskFull => "db.disk_full",
            StorageFailure::ReadOnly => "db.read_only",
            StorageFailure::WriteFailed { .. } => "db.write_failed",
        }
    }

    fn of_sqlite(e: &rusqlite::Error) -> Option<StorageFailure> {
        let rusqlite::Error::SqliteFailure(f, _) = e else { return None };
        match f.code {
            rusqlite::ErrorCode::DiskFull => Some(StorageFailure::DiskFull),
            rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen => Some(StorageFailure::ReadOnly),
            // Every I/O error but a failed read (SQLITE_IOERR_READ, SQLITE_IOERR_SHORT_READ): a
            // write, sync or truncate the file system refused (EFBIG, EIO, a vanished disk…).
            rusqlite::ErrorCode::SystemIoFailure
                if f.extended_code != rusqlite::ffi::SQLITE_IOERR_READ
                    && f.extended_code != rusqlite::ffi::SQLITE_IOERR_SHORT_READ =>
            {
                Some(StorageFailure::WriteFailed { detail: e.to_string() })
            }
            _ => None,
        }
    }

    fn of_io(e: &std::io::Error) -> Option<StorageFailure> {
        match e.kind() {
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => Some(StorageFailure::DiskFull),
            std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied => {
                Some(StorageFailure::ReadOnly)
            }
            std::io::ErrorKind::FileTooLarge => Some(StorageFailure::WriteFailed { detail: e.to_string() }),
            _ => None,
        }
    }
}

impl Error {
    pub fn io(path: impl AsRef<std::path::Path>, source: std::io::Error) -> Error {
        Error::Io { path: path.as_ref().display().to_string(), source }
    }

    /// The same error, as an [`Error::Storage`] naming `path` when it is a failure to write
    /// there (disk full, read-only folder, failed write); any other error is returned unchanged.
    pub fn on_file(self, path: impl AsRef<std::path::Path>) -> Error {
        let kind = match &self {
            Error::Sqlite(e) => StorageFailure::of_sqlite(e),
            Error::Migration(rusqlite_migration::Error::RusqliteError { err, .. }) => StorageFailure::of_sqlite(err),
            Error::Io { source, .. } => StorageFailure::of_io(source),
            _ => None,
        };
        match (kind, &self) {
            // An I/O error already names the file it is about (a folder that could not be created).
            (Some(kind), Error::Io { path, .. }) => Error::Storage { path: path.clone(), kind },
            (Some(kind), _) => Error::Storage { path: path.as_ref().display().to_string(), kind },
            (None, _) => self,
        }
    }

    /// A stable identifier of the kind of error, for programs.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Import(e) => e.kind.code(),
            Error::DatabaseTooNew { .. } => "db.too_new",
            Error::NotADatabase { .. } => "db.not_a_database",
            Error::Sqlite(e) if is_disk_full(e) => "db.disk_full",
            Error::Sqlite(e) if is_read_only(e) => "db.read_only",
            Error::Sqlite(_) => "db.error",
            Error::Pool(_) => "db.pool",
            Error::Migration(_) => "db.migration",
            Error::Io { .. } => "io",
            Error::NotFound { .. } => "not_found",
            Error::InvalidArgument(_) => "invalid_argument",
            Error::Cancelled => "cancelled",
            Error::Sync { kind, .. } => kind.code(),
            Error::Storage { kind, .. } => kind.code(),
        }
    }

    /// The message for a person, in their language.
    pub fn localized(&self, lang: Lang) -> String {
        match (self, lang) {
            (Error::Import(e), _) => e.localized(lang),
            (Error::DatabaseTooNew { path, found, supported }, Lang::Fr) => format!(
                "La base {path} a été écrite par une version plus récente de Resonance (schéma {found} ; cette version connaît jusqu'au schéma {supported}). Mettez Resonance à jour ; la base n'a pas été modifiée."
            ),
            (Error::DatabaseTooNew { .. }, Lang::En) => {
                format!("{self}. Update Resonance; the database was not changed.")
            }
            (Error::NotADatabase { path, detail }, Lang::Fr) => {
                format!("{path} n'est pas une base Resonance : {detail}")
            }
            (Error::Sqlite(e), Lang::Fr) if is_disk_full(e) => {
                "Le disque est plein : rien n'a été enregistré et la base est intacte. Libérez de la place puis réessayez.".into()
            }
            (Error::Sqlite(e), Lang::En) if is_disk_full(e) => {
                "The disk is full: nothing was saved and the database is intact. Free some space and try again.".into()
            }
            (Error::Sqlite(e), Lang::Fr) if is_read_only(e) => {
                "Le dossier de données est en lecture seule : rien n'a été enregistré.".into()
            }
            (Error::Sqlite(e), Lang::En) if is_read_only(e) => {
                "The data folder is read-only: nothing was saved.".into()
            }
            (Error::Sqlite(e), Lang::Fr) => format!("Erreur de la base de données : {e}"),
            (Error::Pool(e), Lang::Fr) => format!("Impossible d'ouvrir la base de données : {e}"),
            (Error::Migration(e), Lang::Fr) => {
                format!("La mise à jour du schéma de la base a échoué (la base est inchangée) : {e}")
            }
            (Error::Io { path, source }, Lang::Fr) => format!("{path} : {source}"),
            (Error::NotFound { what, id }, Lang::Fr) => {
                format!("Aucun élément « {what} » avec l'identifiant {id}")
            }
            (Error::InvalidArgument(s), Lang::Fr) => format!("Argument invalide : {s}"),
            (Error::Cancelled, Lang::Fr) => "Annulé : rien n'a été modifié.".into(),
            (Error::Cancelled, Lang::En) => "Cancelled: nothing was changed.".into(),
            (Error::Sync { account, kind }, _) => format!("{account}{}{}", lang.pick(": ", " : "), kind.localized(lang)),
            (Error::Storage { path, kind: StorageFailure::DiskFull }, Lang::En) => format!(
                "The disk holding {path} is full: nothing was saved and the database is intact. Free some space and try again."
            ),
            (Error::Storage { path, kind: StorageFailure::DiskFull }, Lang::Fr) => format!(
                "Le disque qui contient {path} est plein : rien n'a été enregistré et la base est intacte. Libérez de la place puis réessayez."
            ),
            (Error::Storage { path, kind: StorageFailure::ReadOnly }, Lang::En) => format!(
                "Resonance cannot write to {path}: its folder is read-only (Resonance writes beside the database even to read it). Nothing was changed. Make the folder writable, or move the database to one that is."
            ),
            (Error::Storage { path, kind: StorageFailure::ReadOnly }, Lang::Fr) => format!(
                "Resonance ne peut pas écrire dans {path} : son dossier est en lecture seule (Resonance écrit à côté de la base, même pour la lire). Rien n'a été modifié. Rendez le dossier accessible en écriture, ou déplacez la base dans un dossier qui l'est."
            ),
            (Error::Storage { path, kind: StorageFailure::WriteFailed { detail } }, Lang::En) => format!(
                "Writing to {path} failed ({detail}): the disk may be full, failing or disconnected. Nothing was saved and the database is intact."
            ),
            (Error::Storage { path, kind: StorageFailure::WriteFailed { detail } }, Lang::Fr) => format!(
                "L'écriture dans {path} a échoué ({detail}) : le disque est peut-être plein, défaillant ou déconnecté. Rien n'a été enregistré et la base est intacte."
            ),
            (e, Lang::En) => e.to_string(),
        }
    }

    /// The structured value that crosses IPC and `--json` output.
    pub fn payload(&self, lang: Lang) -> ErrorPayload {
        let (file, line) = match self {
            Error::Import(e) => (Some(e.file.clone()), e.line),
            _ => (None, None),
        };
        ErrorPayload { code: self.code().to_string(), message: self.localized(lang), file, line }
    }
}

fn sqlite_code(e: &rusqlite::Error) -> Option<rusqlite::ErrorCode> {
    match e {
        rusqlite::Error::SqliteFailure(f, _) => Some(f.code),
        _ => None,
    }
}

fn is_disk_full(e: &rusqlite::Error) -> bool {
    sqlite_code(e) == Some(rusqlite::ErrorCode::DiskFull)
}

fn is_read_only(e: &rusqlite::Error) -> bool {
    matches!(sqlite_code(e), Some(rusqlite::ErrorCode::ReadOnly) | Some(rusqlite::ErrorCode::CannotOpen))
}

/// An error as the UI and `--json` consumers receive it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
    pub file: Option<String>,
    pub line: Option<u64>,
}

/// An import that cannot go on. The store is left exactly as it was.
#[derive(Debug, thiserror::Error)]
#[error("{file}{}: {kind}", line.map(|l| format!(", line {l}")).unwrap_or_default())]
pub struct ImportError {
    /// The file the user gave, and inside an archive the entry (`export.zip › data/tweets.js`).
    pub file: String,
    pub line: Option<u64>,
    pub kind: ImportErrorKind,
}

impl ImportError {
    pub fn new(file: impl Into<String>, kind: ImportErrorKind) -> Self {
        ImportError { file: file.into(), line: None, kind }
    }

    pub fn at_line(mut self, line: u64) -> Self {
        self.line = Some(line);
        self
    }

    pub fn localized(&self, lang: Lang) -> String {
        let line = match (self.line, lang) {
            (Some(l), Lang::En) => format!(", line {l}"),
            (Some(l), Lang::Fr) => format!(", ligne {l}"),
            (None, _) => String::new(),
        };
        let sep = lang.pick(": ", " : ");
        format!("{}{line}{sep}{}", self.file, self.kind.localized(lang))
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportErrorKind {
    #[error("the file is empty")]
    Empty,
    #[error("this is not an export Resonance can read ({what})")]
    NotRecognised { what: String },
    #[error(
        "this {} export is in HTML; Resonance reads the JSON format. Request a new download and choose \"Format: JSON\"",
        platform.label()
    )]
    HtmlExport { platform: Platform },
    #[error("the file ends too early (truncated download?): {detail}")]
    Truncated { detail: String },
    #[error("the content is damaged: {detail}")]
    Malformed { detail: String },
    #[error(
        "the archive holds an unsafe entry \"{entry}\" (path outside the archive, absolute path or link); nothing was imported"
    )]
    UnsafeEntry { entry: String },
    #[error(
        "the archive entry \"{entry}\" inflates beyond the safety limit of {limit_mb} MB (zip bomb?); nothing was imported"
    )]
    TooLarge { entry: String, limit_mb: u64 },
    #[error(
        "{bad} of {total} rows cannot be read (first at line {first_line}); the file looks damaged, nothing was imported"
    )]
    TooManyBadRows { bad: u64, total: u64, first_line: u64 },
    #[error(
        "the export does not say which {} account it belongs to; choose the account (--account ID)",
        platform.label()
    )]
    AccountUnknown { platform: Platform },
    #[error("the file cannot be read: {detail}")]
    Unreadable { detail: String },
    #[error(
        "this CSV's columns ({columns}) are not from an export Resonance knows; map them to Resonance's fields to import it (Map columns, or --map)"
    )]
    UnknownCsv { columns: String },
    #[error("the column \"{column}\" is missing (columns found: {found})")]
    MissingColumn { column: String, found: String },
}

impl ImportErrorKind {
    pub fn code(&self) -> &'static str {
        match self {
            ImportErrorKind::Empty => "import.empty",
            ImportErrorKind::NotRecognised { .. } => "import.not_recognised",
            ImportErrorKind::HtmlExport { .. } => "import.html_export",
            ImportErrorKind::Truncated { .. } => "import.truncated",
            ImportErrorKind::Malformed { .. } => "import.malformed",
            ImportErrorKind::UnsafeEntry { .. } => "import.unsafe_entry",
            ImportErrorKind::TooLarge { .. } => "import.too_large",
            ImportErrorKind::TooManyBadRows { .. } => "import.bad_rows",
            ImportErrorKind::AccountUnknown { .. } => "import.account_unknown",
            ImportErrorKind::Unreadable { .. } => "import.unreadable",
            ImportErrorKind::MissingColumn { .. } => "import.missing_column",
            ImportErrorKind::UnknownCsv { .. } => "import.unknown_csv",
        }
    }

    pub fn localized(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            ImportErrorKind::Empty => "le fichier est vide".into(),
            ImportErrorKind::NotRecognised { what } => {
                format!("ce n'est pas un export que Resonance sait lire ({what})")
            }
            ImportErrorKind::HtmlExport { platform } => format!(
                "cet export {platform} est au format HTML ; Resonance lit le format JSON. Demandez un nouveau téléchargement en choisissant « Format : JSON »",
                platform = platform.label()
            ),
            ImportErrorKind::Truncated { detail } => {
                format!("le fichier s'arrête trop tôt (téléchargement incomplet ?) : {detail}")
            }
            ImportErrorKind::Malformed { detail } => format!("le contenu est abîmé : {detail}"),
            ImportErrorKind::UnsafeEntry { entry } => format!(
                "l'archive contient une entrée dangereuse « {entry} » (chemin hors de l'archive, chemin absolu ou lien) ; rien n'a été importé"
            ),
            ImportErrorKind::TooLarge { entry, limit_mb } => format!(
                "l'entrée « {entry} » de l'archive dépasse la limite de sécurité de {limit_mb} Mo une fois décompressée (bombe zip ?) ; rien n'a été importé"
            ),
            ImportErrorKind::TooManyBadRows { bad, total, first_line } => format!(
                "{bad} lignes sur {total} sont illisibles (la première à la ligne {first_line}) ; le fichier semble abîmé, rien n'a été importé"
            ),
            ImportErrorKind::AccountUnknown { platform } => format!(
                "l'export ne dit pas à quel compte {platform} il appartient ; choisissez le compte (--account ID)",
                platform = platform.label()
            ),
            ImportErrorKind::Unreadable { detail } => {
                format!("le fichier ne peut pas être lu : {detail}")
            }
            ImportErrorKind::UnknownCsv { columns } => format!(
                "les colonnes de ce CSV ({columns}) ne viennent pas d'un export connu ; associez-les aux champs de Resonance pour l'importer (Associer les colonnes, ou --map)"
            ),
            ImportErrorKind::MissingColumn { column, found } => {
                format!("la colonne « {column} » manque (colonnes trouvées : {found})")
            }
        }
    }
}

/// Why a live sync stopped. The store is left exactly as it was (the account only remembers the error).
#[derive(Debug, Clone, PartialEq)]
pub enum SyncErrorKind {
    /// The server cannot be reached: no network, name resolution failed, connection refused.
    Offline { host: String, detail: String, last_snapshot: Option<NaiveDate> },
    /// The server did not answer in time (after the retries).
    Timeout { host: String, seconds: u64, last_snapshot: Option<NaiveDate> },
    /// The server limits the number of requests; `retry_at` is when it says to come back, if it says.
    RateLimited { host: String, retry_at: Option<DateTime<Utc>> },
    /// The account does not exist (or no longer: deleted, suspended, deactivated).
    NotFound { platform: Platform, handle: String },
    /// The server kept failing (HTTP 5xx) after the retries, or said (503 + `Retry-After`) to come back later.
    Server { host: String, status: u16, retry_at: Option<DateTime<Utc>> },
    /// The server refused the request (another HTTP 4xx).
    Refused { host: String, status: u16, detail: String },
    /// The answer is not what the API documents (not JSON, or missing fields).
    Malformed { host: String, detail: String },
}

impl SyncErrorKind {
    pub fn code(&self) -> &'static str {
        match self {
            SyncErrorKind::Offline { .. } => "sync.offline",
            SyncErrorKind::Timeout { .. } => "sync.timeout",
            SyncErrorKind::RateLimited { .. } => "sync.rate_limited",
            SyncErrorKind::NotFound { .. } => "sync.not_found",
            SyncErrorKind::Server { .. } => "sync.server",
            SyncErrorKind::Refused { .. } => "sync.refused",
            SyncErrorKind::Malformed { .. } => "sync.malformed",
        }
    }

    /// The same error, saying on which day the last snapshot was taken (offline and timeouts).
    pub fn with_last_snapshot(mut self, day: Option<NaiveDate>) -> Self {
        match &mut self {
            SyncErrorKind::Offline { last_snapshot, .. } | SyncErrorKind::Timeout { last_snapshot, .. } => {
                *last_snapshot = day;
            }
            _ => {}
        }
        self
    }

    pub fn localized(&self, lang: Lang) -> String {
        let last = |d: &Option<NaiveDate>| match (d, lang) {
            (Some(d), Lang::En) => format!("last snapshot on {}", lang.date(*d)),
            (Some(d), Lang::Fr) => format!("dernier relevé le {}", lang.date(*d)),
            (None, Lang::En) => "no snapshot yet".to_string(),
            (None, Lang::Fr) => "aucun relevé pour l'instant".to_string(),
        };
        match (self, lang) {
            (SyncErrorKind::Offline { host, detail, last_snapshot }, Lang::En) => format!(
                "offline — {} ({host} cannot be reached: {detail}); nothing stored was changed",
                last(last_snapshot)
            ),
            (SyncErrorKind::Offline { host, detail, last_snapshot }, Lang::Fr) => format!(
                "hors ligne — {} ({host} est injoignable : {detail}) ; rien de ce qui est enregistré n'a changé",
                last(last_snapshot)
            ),
            (SyncErrorKind::Timeout { host, seconds, last_snapshot }, Lang::En) => format!(
                "{host} did not answer within {seconds} s — {}; nothing stored was changed, try again later",
                last(last_snapshot)
            ),
            (SyncErrorKind::Timeout { host, seconds, last_snapshot }, Lang::Fr) => format!(
                "{host} n'a pas répondu en {seconds} s — {} ; rien de ce qui est enregistré n'a changé, réessayez plus tard",
                last(last_snapshot)
            ),
            (SyncErrorKind::RateLimited { host, retry_at: Some(t) }, Lang::En) => format!(
                "{host} limits the number of requests: try again after {} {} UTC; nothing stored was changed",
                lang.date(t.date_naive()),
                t.format("%H:%M")
            ),
            (SyncErrorKind::RateLimited { host, retry_at: Some(t) }, Lang::Fr) => format!(
                "{host} limite le nombre de requêtes : réessayez après le {} à {} UTC ; rien de ce qui est enregistré n'a changé",
                lang.date(t.date_naive()),
                t.format("%H:%M")
            ),
            (SyncErrorKind::RateLimited { host, retry_at: None }, Lang::En) => {
                format!("{host} limits the number of requests: try again in a few minutes; nothing stored was changed")
            }
            (SyncErrorKind::RateLimited { host, retry_at: None }, Lang::Fr) => format!(
                "{host} limite le nombre de requêtes : réessayez dans quelques minutes ; rien de ce qui est enregistré n'a changé"
            ),
            (SyncErrorKind::NotFound { platform, handle }, Lang::En) => {
                format!("{} has no account @{handle} (unknown, deleted or suspended)", platform.label())
            }
            (SyncErrorKind::NotFound { platform, handle }, Lang::Fr) => {
                format!("{} ne connaît aucun compte @{handle} (inconnu, supprimé ou suspendu)", platform.label())
            }
            (SyncErrorKind::Server { host, status, retry_at: Some(t) }, Lang::En) => format!(
                "{host} is unavailable (HTTP {status}): try again after {} {} UTC; nothing stored was changed",
                lang.date(t.date_naive()),
                t.format("%H:%M")
            ),
            (SyncErrorKind::Server { host, status, retry_at: Some(t) }, Lang::Fr) => format!(
                "{host} est indisponible (HTTP {status}) : réessayez après le {} à {} UTC ; rien de ce qui est enregistré n'a changé",
                lang.date(t.date_naive()),
                t.format("%H:%M")
            ),
            (SyncErrorKind::Server { host, status, retry_at: None }, Lang::En) => format!(
                "{host} keeps failing (HTTP {status}, even after retrying); nothing stored was changed, try again later"
            ),
            (SyncErrorKind::Server { host, status, retry_at: None }, Lang::Fr) => format!(
                "{host} est en panne (HTTP {status}, même après plusieurs essais) ; rien de ce qui est enregistré n'a changé, réessayez plus tard"
            ),
            (SyncErrorKind::Refused { host, status, detail }, Lang::En) => {
                format!("{host} refused the request (HTTP {status}: {detail}); nothing stored was changed")
            }
            (SyncErrorKind::Refused { host, status, detail }, Lang::Fr) => {
                format!(
                    "{host} a refusé la requête (HTTP {status} : {detail}) ; rien de ce qui est enregistré n'a changé"
                )
            }
            (SyncErrorKind::Malformed { host, detail }, Lang::En) => {
                format!("{host} sent an answer Resonance cannot read ({detail}); nothing stored was changed")
            }
            (SyncErrorKind::Malformed { host, detail }, Lang::Fr) => format!(
                "{host} a envoyé une réponse illisible pour Resonance ({detail}) ; rien de ce qui est enregistré n'a changé"
            ),
        }
    }
}

impl std::fmt::Display for SyncErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localized(Lang::En))
    }
}

impl std::error::Error for SyncErrorKind {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_errors_name_the_file_and_line_in_both_languages() {
        let e = Error::from(
            ImportError::new("Connections.csv", ImportErrorKind::Malformed { detail: "x".into() }).at_line(12),
        );
        assert_eq!(e.code(), "import.malformed");
        assert_eq!(e.localized(Lang::En), "Connections.csv, line 12: the content is damaged: x");
        assert_eq!(e.localized(Lang::Fr), "Connections.csv, ligne 12 : le contenu est abîmé : x");
        let p = e.payload(Lang::En);
        assert_eq!(p.file.as_deref(), Some("Connections.csv"));
        assert_eq!(p.line, Some(12));
    }

    #[test]
    fn storage_failures_name_the_file_and_other_errors_pass_through() {
        let sqlite = |code| Error::Sqlite(rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None));
        let full = sqlite(rusqlite::ffi::SQLITE_FULL).on_file("/data/resonance.db");
        assert_eq!(full.code(), "db.disk_full");
        assert!(full.localized(Lang::En).starts_with("The disk holding /data/resonance.db is full"));
        assert!(full.localized(Lang::Fr).starts_with("Le disque qui contient /data/resonance.db est plein"));
        let write = sqlite(rusqlite::ffi::SQLITE_IOERR_WRITE).on_file("/data/resonance.db");
        assert_eq!(write.code(), "db.write_failed");
        assert_eq!(sqlite(rusqlite::ffi::SQLITE_IOERR_READ).on_file("/data/resonance.db").code(), "db.error");
        let ro =
            Error::io("/ro/sub", std::io::Error::from(std::io::ErrorKind::ReadOnlyFilesystem)).on_file("/ro/sub/r.db");
        assert_eq!(ro.code(), "db.read_only");
        assert!(
            ro.localized(Lang::En).starts_with("Resonance cannot write to /ro/sub: "),
            "{}",
            ro.localized(Lang::En)
        );
        let constraint = sqlite(rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE).on_file("/data/resonance.db");
        assert!(matches!(constraint, Error::Sqlite(_)));
        assert!(matches!(Error::Cancelled.on_file("/x"), Error::Cancelled));
    }

    #[test]
    fn sync_errors_have_stable_codes_and_say_when_the_last_snapshot_was() {
        let e = Error::Sync {
            account: "Bluesky @alice.bsky.social".into(),
            kind: SyncErrorKind::Offline {
                host: "public.api.bsky.app".into(),
                detail: "connection refused".into(),
                last_snapshot: None,
            }
            .with_last_snapshot(NaiveDate::from_ymd_opt(2026, 3, 5)),
        };
        assert_eq!(e.code(), "sync.offline");
        assert!(e.localized(Lang::En).contains("offline — last snapshot on Mar 5, 2026"), "{}", e.localized(Lang::En));
        assert!(e.localized(Lang::Fr).contains("hors ligne — dernier relevé le 5 mars 2026"));
        assert!(e.to_string().starts_with("Bluesky @alice.bsky.social: offline"));
    }
}
