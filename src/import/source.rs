//! What the user hands us: a zip as downloaded, the unzipped folder, or a single file — on disk or
//! (for the embedded demo) in memory. Entries are read as streams and never extracted to disk, so
//! nothing is ever written outside the app's data folder.
//!
//! Safety limits: an archive entry may not inflate beyond [`MAX_ENTRY_BYTES`], nor beyond
//! [`MAX_RATIO`] times its compressed size once past [`RATIO_FLOOR_BYTES`]; an archive may hold at
//! most [`MAX_ENTRIES`] entries and inflate to [`MAX_TOTAL_BYTES`] in all. Entries with absolute
//! paths, `..` components or symlinks make the whole archive refused.

use crate::error::{Error, ImportError, ImportErrorKind, Result};
use sha2::{Digest, Sha256};
use std::io::{self, Cursor, Read, Seek};
use std::path::{Path, PathBuf};

pub const MAX_ENTRY_BYTES: u64 = 4 << 30;
pub const MAX_TOTAL_BYTES: u64 = 16 << 30;
pub const MAX_RATIO: u64 = 250;
pub const RATIO_FLOOR_BYTES: u64 = 64 << 20;
pub const MAX_ENTRIES: usize = 200_000;

pub trait ReadSeek: Read + Seek + Send {}
impl<T: Read + Seek + Send> ReadSeek for T {}

/// Where an input's bytes are.
pub enum Origin {
    Path(PathBuf),
    Bytes(&'static [u8]),
}

/// An input as the user named it.
pub struct Input {
    /// What messages call it: the file or folder name.
    pub name: String,
    pub origin: Origin,
}

impl Input {
    pub fn path(p: impl AsRef<Path>) -> Input {
        let p = p.as_ref();
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| p.display().to_string());
        Input { name, origin: Origin::Path(p.to_path_buf()) }
    }

    pub fn bytes(name: impl Into<String>, bytes: &'static [u8]) -> Input {
        Input { name: name.into(), origin: Origin::Bytes(bytes) }
    }
}

/// One file inside a bundle.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Relative path with '/' separators (the file name for a single file).
    pub path: String,
    pub size: u64,
    compressed: u64,
    index: usize,
    /// Modification time recorded in the archive or file system.
    pub modified: Option<chrono::NaiveDateTime>,
}

impl Entry {
    pub fn base_name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(&self.path)
    }
}

enum Kind {
    Zip(zip::ZipArchive<Box<dyn ReadSeek>>),
    /// A `.tar.gz` (older Mastodon archives), read once: data files kept in memory, media listed
    /// without their bytes (a gzip stream cannot be revisited).
    Memory(Vec<Option<Vec<u8>>>),
    /// A folder: its root, and the real path of each file (an entry's `index`), since a file name
    /// that is not UTF-8 (possible on Linux) cannot be rebuilt from the entry's display path.
    Dir(PathBuf, Vec<PathBuf>),
    Single(Option<PathBuf>, &'static [u8]),
}

/// An opened input: its entries, readable one at a time.
pub struct Bundle {
    pub name: String,
    pub is_archive: bool,
    kind: Kind,
    pub entries: Vec<Entry>,
    inflated: u64,
}

fn unreadable(name: &str, e: impl std::fmt::Display) -> Error {
    ImportError::new(name, ImportErrorKind::Unreadable { detail: e.to_string() }).into()
}

fn is_zip_magic(head: &[u8]) -> bool {
    head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06")
}

fn is_tar_gz(head: &[u8], name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    head.starts_with(b"\x1F\x8B") && (n.ends_with(".tar.gz") || n.ends_with(".tgz"))
}

/// Largest data file of a `.tar.gz` kept in memory, and all of them together.
pub const MAX_TAR_ENTRY_BYTES: u64 = 512 << 20;
pub const MAX_TAR_KEPT_BYTES: u64 = 1 << 30;

/// Counts inflated bytes and stops past `limit` (the flag tells the error apart afterwards, since
/// the tar reader wraps I/O errors).
struct CapReader<R> {
    inner: R,
    read: u64,
    limit: u64,
    exceeded: std::rc::Rc<std::cell::Cell<bool>>,
}

impl<R: Read> Read for CapReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.limit {
            self.exceeded.set(true);
            return Err(io::Error::other("inflation limit"));
        }
        Ok(n)
    }
}

impl Bundle {
    pub fn open(input: &Input) -> Result<Bundle> {
        match &input.origin {
            Origin::Path(p) => {
                let meta = std::fs::metadata(p).map_err(|e| unreadable(&input.name, e))?;
                if meta.is_dir() {
                    return Self::open_dir(&input.name, p);
                }
                let mut f = std::fs::File::open(p).map_err(|e| unreadable(&input.name, e))?;
                let mut head = [0u8; 4];
                let n = read_fully(&mut f, &mut head).map_err(|e| unreadable(&input.name, e))?;
                f.rewind().map_err(|e| unreadable(&input.name, e))?;
                let modified = meta.modified().ok().map(|t| chrono::DateTime::<chrono::Utc>::from(t).naive_utc());
                if is_zip_magic(&head[..n]) && !looks_like_office_file(&input.name) {
                    Self::open_zip(&input.name, Box::new(f))
                } else if is_tar_gz(&head[..n], &input.name) {
                    Self::open_tar_gz(&input.name, Box::new(f), meta.len())
                } else {
                    Ok(Bundle::single(input.name.clone(), Kind::Single(Some(p.clone()), &[]), meta.len(), modified))
                }
            }
            Origin::Bytes(b) => {
                if is_zip_magic(b) && !looks_like_office_file(&input.name) {
                    Self::open_zip(&input.name, Box::new(Cursor::new(*b)))
                } else if is_tar_gz(b, &input.name) {
                    Self::open_tar_gz(&input.name, Box::new(Cursor::new(*b)), b.len() as u64)
                } else {
                    Ok(Bundle::single(input.name.clone(), Kind::Single(None, b), b.len() as u64, None))
                }
            }
        }
    }

    fn single(name: String, kind: Kind, size: u64, modified: Option<chrono::NaiveDateTime>) -> Bundle {
        let entry = Entry { path: name.clone(), size, compressed: size, index: 0, modified };
        Bundle { name, is_archive: false, kind, entries: vec![entry], inflated: 0 }
    }

    fn open_zip(name: &str, mut reader: Box<dyn ReadSeek>) -> Result<Bundle> {
        // The zip reader parses the whole central directory before it can be asked how many entries
        // there are: an archive listing millions would take minutes and gigabytes first.
        let declared = declared_zip_entries(&mut reader).map_err(|e| {
            ImportError::new(name, ImportErrorKind::Malformed { detail: format!("not a readable zip archive ({e})") })
        })?;
        if declared > MAX_ENTRIES as u64 {
            return Err(ImportError::new(
                name,
                ImportErrorKind::TooLarge { entry: format!("{declared} entries"), limit_mb: MAX_TOTAL_BYTES >> 20 },
            )
            .into());
        }
        let mut zip = zip::ZipArchive::new(reader).map_err(|e| {
            ImportError::new(name, ImportErrorKind::Malformed { detail: format!("not a readable zip archive ({e})") })
        })?;
        if zip.len() > MAX_ENTRIES {
            return Err(ImportError::new(
                name,
                ImportErrorKind::TooLarge { entry: format!("{} entries", zip.len()), limit_mb: MAX_TOTAL_BYTES >> 20 },
            )
            .into());
        }
        let mut entries = Vec::with_capacity(zip.len());
        let mut declared_total = 0u64;
        for i in 0..zip.len() {
            let f = zip.by_index_raw(i).map_err(|e| unreadable(name, e))?;
            let raw_name =
                f.name().map(|n| n.to_string()).unwrap_or_else(|_| String::from_utf8_lossy(f.name_raw()).into());
            let unsafe_entry =
                || -> Error { ImportError::new(name, ImportErrorKind::UnsafeEntry { entry: raw_name.clone() }).into() };
            if f.is_symlink() {
                return Err(unsafe_entry());
            }
            let Some(rel) = f.enclosed_name() else {
                return Err(unsafe_entry());
            };
            if raw_name.starts_with('/')
                || raw_name.starts_with('\\')
                || raw_name.contains("..") && has_parent_component(&raw_name)
                || raw_name.as_bytes().get(1) == Some(&b':')
            {
                return Err(unsafe_entry());
            }
            if f.is_dir() {
                continue;
            }
            declared_total = declared_total.saturating_add(f.size());
            let path = rel.to_string_lossy().replace('\\', "/");
            let modified = f.last_modified().and_then(|d| {
                chrono::NaiveDate::from_ymd_opt(d.year().into(), d.month().into(), d.day().into())
                    .and_then(|day| day.and_hms_opt(d.hour().into(), d.minute().into(), d.second().into()))
            });
            entries.push(Entry { path, size: f.size(), compressed: f.compressed_size(), index: i, modified });
        }
        if declared_total > MAX_TOTAL_BYTES {
            return Err(ImportError::new(
                name,
                ImportErrorKind::TooLarge { entry: "*".into(), limit_mb: MAX_TOTAL_BYTES >> 20 },
            )
            .into());
        }
        Ok(Bundle { name: name.to_string(), is_archive: true, kind: Kind::Zip(zip), entries, inflated: 0 })
    }

    fn open_tar_gz(name: &str, reader: Box<dyn Read + Send>, compressed: u64) -> Result<Bundle> {
        let exceeded = std::rc::Rc::new(std::cell::Cell::new(false));
        let limit = MAX_TOTAL_BYTES.min(compressed.saturating_mul(MAX_RATIO).max(RATIO_FLOOR_BYTES));
        let capped =
            CapReader { inner: flate2::read::GzDecoder::new(reader), read: 0, limit, exceeded: exceeded.clone() };
        let too_large = |entry: &str| -> Error {
            ImportError::new(name, ImportErrorKind::TooLarge { entry: entry.to_string(), limit_mb: limit >> 20 }).into()
        };
        let damaged = |e: io::Error| -> Error {
            ImportError::new(
                name,
                ImportErrorKind::Malformed { detail: format!("not a readable .tar.gz archive ({e})") },
            )
            .into()
        };
        let mut archive = tar::Archive::new(capped);
        let mut entries = Vec::new();
        let mut data: Vec<Option<Vec<u8>>> = Vec::new();
        let mut kept = 0u64;
        let iter = archive.entries().map_err(damaged)?;
        for (i, item) in iter.enumerate() {
            let mut e = match item {
                Ok(e) => e,
                Err(_) if exceeded.get() => return Err(too_large("*")),
                Err(err) => return Err(damaged(err)),
            };
            if i >= MAX_ENTRIES {
                return Err(ImportError::new(
                    name,
                    ImportErrorKind::TooLarge {
                        entry: format!("more than {MAX_ENTRIES} entries"),
                        limit_mb: limit >> 20,
                    },
                )
                .into());
            }
            let raw = String::from_utf8_lossy(&e.path_bytes()).into_owned();
            let kind = e.header().entry_type();
            if kind.is_symlink()
                || kind.is_hard_link()
                || raw.starts_with('/')
                || raw.starts_with('\\')
                || has_parent_component(&raw)
                || raw.as_bytes().get(1) == Some(&b':')
            {
                return Err(ImportError::new(name, ImportErrorKind::UnsafeEntry { entry: raw }).into());
            }
            if !kind.is_file() {
                continue; // folders, and the tar format's own metadata entries
            }
            let path = raw.trim_start_matches("./").replace('\\', "/");
            if path.is_empty() {
                continue;
            }
            let size = e.size();
            let modified = e
                .header()
                .mtime()
                .ok()
                .and_then(|t| chrono::DateTime::from_timestamp(t as i64, 0))
                .map(|t| t.naive_utc());
            let keep = !crate::import::detect::is_junk(&path)
                && !crate::import::detect::is_media(&path)
                && size <= MAX_TAR_ENTRY_BYTES;
            let bytes = if keep {
                kept += size;
                if kept > MAX_TAR_KEPT_BYTES {
                    return Err(too_large(&path));
                }
                let mut buf = Vec::with_capacity(size as usize);
                match (&mut e).take(MAX_TAR_ENTRY_BYTES + 1).read_to_end(&mut buf) {
                    Ok(_) => Some(buf),
                    Err(_) if exceeded.get() => return Err(too_large(&path)),
                    Err(err) => return Err(damaged(err)),
                }
            } else {
                None
            };
            entries.push(Entry { path, size, compressed: size, index: data.len(), modified });
            data.push(bytes);
        }
        if exceeded.get() {
            return Err(too_large("*"));
        }
        Ok(Bundle { name: name.to_string(), is_archive: true, kind: Kind::Memory(data), entries, inflated: 0 })
    }

    fn open_dir(name: &str, root: &Path) -> Result<Bundle> {
        let mut entries = Vec::new();
        let mut files = Vec::new();
        let mut stack = vec![root.to_path_buf()];
        while let Some(dir) = stack.pop() {
            let rd = std::fs::read_dir(&dir).map_err(|e| unreadable(name, e))?;
            for item in rd {
                let item = item.map_err(|e| unreadable(name, e))?;
                let ft = item.file_type().map_err(|e| unreadable(name, e))?;
                let p = item.path();
                if ft.is_symlink() {
                    continue; // never follow links out of the folder the user chose
                }
                if ft.is_dir() {
                    stack.push(p);
                } else if ft.is_file() {
                    let meta = item.metadata().map_err(|e| unreadable(name, e))?;
                    let rel = p.strip_prefix(root).unwrap_or(&p).to_string_lossy().replace('\\', "/");
                    let modified = meta.modified().ok().map(|t| chrono::DateTime::<chrono::Utc>::from(t).naive_utc());
                    entries.push(Entry {
                        path: rel,
                        size: meta.len(),
                        compressed: meta.len(),
                        index: files.len(),
                        modified,
                    });
                    files.push(p);
                    if entries.len() > MAX_ENTRIES {
                        return Err(ImportError::new(
                            name,
                            ImportErrorKind::TooLarge { entry: "folder".into(), limit_mb: MAX_TOTAL_BYTES >> 20 },
                        )
                        .into());
                    }
                }
            }
        }
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(Bundle {
            name: name.to_string(),
            is_archive: true,
            kind: Kind::Dir(root.to_path_buf(), files),
            entries,
            inflated: 0,
        })
    }

    /// How messages name an entry: `export.zip › data/tweets.js`, or the file name alone.
    pub fn display(&self, entry: &Entry) -> String {
        if self.is_archive { format!("{} › {}", self.name, entry.path) } else { self.name.clone() }
    }

    /// A stream over an entry's bytes, with the inflation limits enforced.
    pub fn open_entry(&mut self, entry: &Entry) -> Result<Box<dyn Read + Send + '_>> {
        let display = self.display(entry);
        let remaining_total = MAX_TOTAL_BYTES.saturating_sub(self.inflated);
        let limit = MAX_ENTRY_BYTES.min(remaining_total);
        let ratio_limit = entry.compressed.saturating_mul(MAX_RATIO).max(RATIO_FLOOR_BYTES);
        let inflated = &mut self.inflated;
        let inner: Box<dyn Read + Send + '_> = match &mut self.kind {
            Kind::Zip(z) => Box::new(z.by_index(entry.index).map_err(|e| unreadable(&display, e))?),
            Kind::Dir(root, files) => {
                let p = files.get(entry.index).cloned().unwrap_or_else(|| root.join(&entry.path));
                Box::new(std::fs::File::open(&p).map_err(|e| unreadable(&display, e))?)
            }
            Kind::Single(Some(p), _) => Box::new(std::fs::File::open(p).map_err(|e| unreadable(&display, e))?),
            Kind::Single(None, bytes) => Box::new(Cursor::new(*bytes)),
            Kind::Memory(data) => match data.get(entry.index).and_then(Option::as_ref) {
                Some(bytes) => Box::new(Cursor::new(bytes.as_slice())),
                None => Box::new(io::empty()),
            },
        };
        Ok(Box::new(Limited { inner, read: 0, limit: limit.min(ratio_limit), display, total: inflated }))
    }

    /// Reads an entry whole (for small files: profiles, spreadsheets), up to `cap` bytes.
    pub fn read_entry(&mut self, entry: &Entry, cap: u64) -> Result<Vec<u8>> {
        let display = self.display(entry);
        let mut out = Vec::with_capacity(entry.size.min(cap) as usize);
        let r = self.open_entry(entry)?;
        r.take(cap + 1).read_to_end(&mut out).map_err(|e| io_to_import(&display, e))?;
        if out.len() as u64 > cap {
            return Err(ImportError::new(
                display,
                ImportErrorKind::TooLarge { entry: entry.path.clone(), limit_mb: cap >> 20 },
            )
            .into());
        }
        Ok(out)
    }

    /// The first bytes of an entry, for sniffing its format.
    pub fn head(&mut self, entry: &Entry, n: usize) -> Result<Vec<u8>> {
        let display = self.display(entry);
        let mut r = self.open_entry(entry)?;
        let mut buf = vec![0u8; n];
        let got = read_fully(&mut r, &mut buf).map_err(|e| io_to_import(&display, e))?;
        buf.truncate(got);
        Ok(buf)
    }

    /// A fingerprint of the input: sha256 of the file's bytes, or for a folder of its entries'
    /// paths and bytes in order. The same download imported twice has the same hash.
    pub fn content_hash(&mut self, input: &Input) -> Result<String> {
        let mut hasher = Sha256::new();
        match (&input.origin, &self.kind) {
            (Origin::Bytes(b), _) => hasher.update(b),
            (Origin::Path(p), Kind::Zip(_) | Kind::Single(..) | Kind::Memory(_)) => {
                let mut f = std::fs::File::open(p).map_err(|e| unreadable(&input.name, e))?;
                io::copy(&mut f, &mut hasher).map_err(|e| unreadable(&input.name, e))?;
            }
            (Origin::Path(_), Kind::Dir(..)) => {
                let entries = self.entries.clone();
                for e in &entries {
                    hasher.update(e.path.as_bytes());
                    hasher.update([0]);
                    let mut r = self.open_entry(e)?;
                    io::copy(&mut r, &mut hasher).map_err(|err| io_to_import(&e.path, err))?;
                }
                self.inflated = 0;
            }
        }
        Ok(hex::encode(hasher.finalize()))
    }
}

/// The number of entries a zip's end records declare, read from its last 128 KB: the largest over
/// every end-of-directory signature there (a stray one may sit in a comment) and, for zip64, over
/// every zip64 record that ends at its locator, as the zip reader accepts them. An archive that
/// announces zip64 without a record the reader could use is refused. Records not found: 0 (the zip
/// reader then reports what is wrong).
fn declared_zip_entries(r: &mut dyn ReadSeek) -> io::Result<u64> {
    const EOCD: &[u8] = b"PK\x05\x06";
    const LOCATOR: &[u8] = b"PK\x06\x07";
    const EOCD64: &[u8] = b"PK\x06\x06";
    let len = r.seek(io::SeekFrom::End(0))?;
    let window = len.min(128 << 10);
    r.seek(io::SeekFrom::Start(len - window))?;
    let mut tail = vec![0u8; window as usize];
    r.read_exact(&mut tail)?;
    r.rewind()?;
    let u16_at = |b: &[u8], i: usize| u16::from_le_bytes([b[i], b[i + 1]]) as u64;
    let u32_at = |b: &[u8], i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]) as u64;
    let u64_at = |b: &[u8], i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or([0; 8]));
    // Zip64 records by where they end (a reader takes one only if it ends at the locator).
    let mut zip64_by_end = std::collections::HashMap::new();
    for q in 0..tail.len().saturating_sub(55) {
        if &tail[q..q + 4] == EOCD64 {
            let end = (q as u64).saturating_add(12).saturating_add(u64_at(&tail, q + 4));
            let count = u64_at(&tail, q + 24).max(u64_at(&tail, q + 32));
            let e: &mut u64 = zip64_by_end.entry(end).or_default();
            *e = (*e).max(count);
        }
    }
    let mut declared = 0u64;
    let first_eocd = tail.len().saturating_sub(22 + 65_536);
    for p in first_eocd..tail.len().saturating_sub(21) {
        if &tail[p..p + 4] != EOCD {
            continue;
        }
        let count = u16_at(&tail, p + 8).max(u16_at(&tail, p + 10));
        declared = declared.max(count);
        let zip64 = count == 0xFFFF || u32_at(&tail, p + 12) == 0xFFFF_FFFF || u32_at(&tail, p + 16) == 0xFFFF_FFFF;
        if !zip64 || p < 20 || &tail[p - 20..p - 16] != LOCATOR {
            continue;
        }
        match zip64_by_end.get(&((p - 20) as u64)) {
            Some(count) => declared = declared.max(*count),
            None => return Err(io::Error::other("a zip64 end record out of reach")),
        }
    }
    Ok(declared)
}

fn has_parent_component(name: &str) -> bool {
    name.split(['/', '\\']).any(|c| c == "..")
}

/// Spreadsheets are zips too; a file named like one is read as a single file, not an archive.
fn looks_like_office_file(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.ends_with(".xlsx") || n.ends_with(".xlsm")
}

fn read_fully(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match r.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}

/// The marker error a [`Limited`] reader raises, turned back into a typed error by importers.
#[derive(Debug)]
pub struct LimitExceeded {
    pub display: String,
    pub limit: u64,
}

impl std::fmt::Display for LimitExceeded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} inflates beyond {} MB", self.display, self.limit >> 20)
    }
}

impl std::error::Error for LimitExceeded {}

struct Limited<'a> {
    inner: Box<dyn Read + Send + 'a>,
    read: u64,
    limit: u64,
    display: String,
    total: &'a mut u64,
}

impl Read for Limited<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        *self.total += n as u64;
        if self.read > self.limit {
            return Err(io::Error::other(LimitExceeded { display: self.display.clone(), limit: self.limit }));
        }
        Ok(n)
    }
}

/// Turns an I/O error met while reading an entry into the import error the user should see.
pub fn io_to_import(display: &str, e: io::Error) -> Error {
    if let Some(limit) = e.get_ref().and_then(|i| i.downcast_ref::<LimitExceeded>()) {
        return ImportError::new(
            display,
            ImportErrorKind::TooLarge { entry: limit.display.clone(), limit_mb: limit.limit >> 20 },
        )
        .into();
    }
    if let Some(cancel) = e.get_ref().and_then(|i| i.downcast_ref::<crate::import::progress::CancelledRead>()) {
        let _ = cancel;
        return Error::Cancelled;
    }
    unreadable(display, e)
}
