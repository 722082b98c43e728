//! What the fuzz targets run, shared with `tests/fuzz_regressions.rs` (which includes this file
//! with `#[path]`), so that every crash and every corpus input found by fuzzing is replayed by the
//! normal `cargo test` through exactly the same entry points.
//!
//! An importer target reads its input as one selector byte followed by the content:
//! * bits 0-4 of the selector pick the entry path inside an export (its file name decides the
//!   detection as in a real export, e.g. `connections/followers_and_following/followers_1.json`);
//! * bit 7 wraps the content in an archive (a stored zip; for Mastodon with bit 5 also, a .tar.gz)
//!   named like the platform's downloads, otherwise it is a single file with the entry's base name;
//! * bit 6 attaches the import to an existing account of the family's platform (`--account`), so
//!   that files which do not name their owner still reach their parser;
//! * for the generic family, a single file also goes through the column-mapping step as the app
//!   and `resonance import --map` do: `generic::preview`, then (bit 5) `import::inspect_mapped` and
//!   `import::import` with the mapping the preview suggests.
//!
//! Inputs are written to a file under a temporary folder (in /dev/shm when there is one) and
//! imported with `Input::path`, the way the app and the CLI import: `Input::bytes` needs a
//! `&'static` slice, which would leak every input. Each input is inspected (`import::inspect`, the
//! UI's first step) then imported (`import::import`) into one store kept for the whole run; after a
//! successful import the store is put back to its seeded state, so inputs do not affect each other.

use resonance::Store;
use resonance::i18n::Lang;
use resonance::import::generic::{self, ColumnMapping, MappedColumn};
use resonance::import::progress::Silent;
use resonance::import::source::{Bundle, Input};
use resonance::import::{self, ImportOptions, detect, text};
use resonance::model::Platform;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::AtomicBool;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Instagram,
    X,
    Linkedin,
    MetaCsv,
    Tiktok,
    Youtube,
    Mastodon,
    Generic,
    /// `detect::classify` (and the path helpers) on a path and a head of file.
    Detect,
    /// `source::Bundle::open` on arbitrary bytes as a zip, a .tar.gz or a spreadsheet, then
    /// reading every entry, hashing, and `import::inspect`.
    Archive,
}

/// The accounts every store starts with: (id, platform, handle).
const SEEDED: &[(i64, &str, &str)] = &[
    (1, "instagram", "fuzz.insta"),
    (2, "x", "fuzzx"),
    (3, "linkedin", "fuzz-li"),
    (4, "facebook", "fuzzpage"),
    (5, "tiktok", "fuzz.tok"),
    (6, "youtube", "fuzztube"),
    (7, "mastodon", "fuzz@mastodon.example"),
    (8, "other", "fuzzother"),
];

impl Target {
    pub const ALL: [Target; 10] = [
        Target::Instagram,
        Target::X,
        Target::Linkedin,
        Target::MetaCsv,
        Target::Tiktok,
        Target::Youtube,
        Target::Mastodon,
        Target::Generic,
        Target::Detect,
        Target::Archive,
    ];

    /// The cargo-fuzz target name (fuzz/fuzz_targets/<name>.rs), also the corpus folder's name.
    pub fn name(self) -> &'static str {
        match self {
            Target::Instagram => "import_instagram",
            Target::X => "import_x",
            Target::Linkedin => "import_linkedin",
            Target::MetaCsv => "import_meta_csv",
            Target::Tiktok => "import_tiktok",
            Target::Youtube => "import_youtube",
            Target::Mastodon => "import_mastodon",
            Target::Generic => "import_generic",
            Target::Detect => "detect",
            Target::Archive => "archive",
        }
    }

    /// Paths inside an export that route to this family's readers.
    pub fn entries(self) -> &'static [&'static str] {
        match self {
            Target::Instagram => &[
                "connections/followers_and_following/followers_1.json",
                "connections/followers_and_following/following.json",
                "personal_information/personal_information/personal_information.json",
                "your_instagram_activity/content/posts_1.json",
                "your_instagram_activity/content/reels.json",
                "your_instagram_activity/content/stories.json",
                "logged_information/past_instagram_insights/posts.json",
                "logged_information/past_instagram_insights/audience_insights.json",
                "connections.json",
                "media.json",
            ],
            Target::X => &[
                "data/tweets.js",
                "data/follower.js",
                "data/following.js",
                "data/account.js",
                "data/manifest.js",
                "data/profile.js",
                "tweet_activity_metrics_fuzzx_20260101_20260201_en.csv",
                "daily_tweet_activity_metrics_fuzzx_20260101_20260201_en.csv",
                "account_analytics_content_2026-01-01_2026-02-01.csv",
                "account_overview_analytics_2026-01-01_2026-02-01.csv",
            ],
            Target::Linkedin => {
                &["Connections.csv", "Profile.csv", "Shares.csv", "Content_2026-01-01_2026-02-01_Fuzz Li.xlsx"]
            }
            Target::MetaCsv => {
                &["Jun-01-2026_Jun-30-2026_17841400000000001.csv", "Follows.csv", "Reach.csv", "Views.csv"]
            }
            Target::Tiktok => &[
                "user_data_tiktok.json",
                "TikTok/Follower.txt",
                "TikTok/Following.txt",
                "TikTok/Posts.txt",
                "Overview.csv",
                "FollowerHistory.csv",
                "Viewers.csv",
                "Content.csv",
                "FollowerActivity.csv",
            ],
            Target::Youtube => &[
                "Content 2025-01-01_2025-12-31 Fuzz Tube/Table data.csv",
                "Content 2025-01-01_2025-12-31 Fuzz Tube/Chart data.csv",
                "Content 2025-01-01_2025-12-31 Fuzz Tube/Totals.csv",
                "Takeout/YouTube and YouTube Music/channels/channel.csv",
                "Takeout/YouTube and YouTube Music/video metadata/videos.csv",
                "Takeout/YouTube and YouTube Music/subscriptions/subscriptions.csv",
            ],
            Target::Mastodon => &["outbox.json", "actor.json", "following_accounts.csv"],
            Target::Generic => &["resonance-generic.csv", "statistiques.csv", "threads-numbers.csv"],
            Target::Detect | Target::Archive => &[],
        }
    }

    fn archive_name(self) -> &'static str {
        match self {
            Target::Instagram => "instagram-fuzz.insta-2026-11-01-Ab12Cd34.zip",
            Target::X => "twitter-2026-11-01-0123456789abcdef.zip",
            Target::Linkedin => "Basic_LinkedInDataExport_11-01-2026.zip",
            Target::MetaCsv => "meta-business-suite-2026-11-01.zip",
            Target::Tiktok => "TikTok_Data_1761955200.zip",
            Target::Youtube => "takeout-20261101T000000Z-001.zip",
            Target::Mastodon => "archive-20261101091500-0123456789abcdef0123456789abcdef.zip",
            Target::Generic => "numbers.zip",
            Target::Detect | Target::Archive => "fuzz.zip",
        }
    }

    fn account(self) -> Option<i64> {
        let platform = match self {
            Target::Instagram => "instagram",
            Target::X => "x",
            Target::Linkedin => "linkedin",
            Target::MetaCsv => "facebook",
            Target::Tiktok => "tiktok",
            Target::Youtube => "youtube",
            Target::Mastodon => "mastodon",
            Target::Generic => "other",
            Target::Detect | Target::Archive => return None,
        };
        SEEDED.iter().find(|(_, p, _)| *p == platform).map(|(id, _, _)| *id)
    }
}

/// A store and a scratch folder for a whole fuzzing run.
pub struct Harness {
    dir: tempfile::TempDir,
    store: Store,
}

/// The process-wide harness of a fuzz target.
pub fn harness() -> &'static Harness {
    static H: OnceLock<Harness> = OnceLock::new();
    H.get_or_init(Harness::new)
}

impl Default for Harness {
    fn default() -> Self {
        Self::new()
    }
}

impl Harness {
    pub fn new() -> Harness {
        let dir = match Path::new("/dev/shm").is_dir() {
            true => tempfile::Builder::new().prefix("resonance-fuzz").tempdir_in("/dev/shm"),
            false => tempfile::Builder::new().prefix("resonance-fuzz").tempdir(),
        }
        .expect("a scratch folder");
        let store = Store::open(dir.path().join("fuzz.db")).expect("a store");
        let h = Harness { dir, store };
        h.reset();
        h
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Puts the store back to the seeded accounts and nothing else.
    pub fn reset(&self) {
        self.store
            .write(|tx| {
                tx.execute_batch("DELETE FROM imports; DELETE FROM annotations; DELETE FROM accounts;")?;
                for (id, platform, handle) in SEEDED {
                    tx.execute(
                        "INSERT INTO accounts (id, platform, handle, created_at) VALUES (?1, ?2, ?3, '2026-01-01T00:00:00Z')",
                        (*id, *platform, *handle),
                    )?;
                }
                Ok(())
            })
            .expect("reset the store");
    }

    /// Runs one fuzz input. Panics only where the code under test panics.
    pub fn run(&self, target: Target, data: &[u8]) {
        match target {
            Target::Detect => detect_target(data),
            Target::Archive => self.archive_target(data),
            _ => self.import_target(target, data),
        }
    }

    fn scratch(&self, name: &str) -> PathBuf {
        self.dir.path().join("in").join(name)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.scratch(name);
        let _ = std::fs::remove_dir_all(self.dir.path().join("in"));
        std::fs::create_dir_all(p.parent().expect("a parent")).expect("scratch folder");
        std::fs::write(&p, bytes).expect("write the input");
        p
    }

    fn import_target(&self, target: Target, data: &[u8]) {
        let Some((&sel, body)) = data.split_first() else { return };
        let names = target.entries();
        let entry = names[(sel & 0x1f) as usize % names.len()];
        let path = if sel & 0x80 != 0 {
            if target == Target::Mastodon && sel & 0x20 != 0 {
                let name = target.archive_name().replace(".zip", ".tar.gz");
                self.write(&name, &tar_gz(entry, body))
            } else {
                self.write(target.archive_name(), &stored_zip(entry, body))
            }
        } else {
            self.write(entry.rsplit('/').next().unwrap_or(entry), body)
        };
        let input = Input::path(&path);
        let account = if sel & 0x40 != 0 { target.account() } else { None };
        self.inspect_and_import(&input, account, None);
        if target == Target::Generic && sel & 0x80 == 0 {
            self.mapped(&input, account, sel & 0x20 != 0);
        }
    }

    /// The column-mapping step: the preview, then the import with the mapping it suggests.
    fn mapped(&self, input: &Input, account: Option<i64>, import_it: bool) {
        let preview = match generic::preview(input) {
            Ok(p) => p,
            Err(e) => return touch_error(&e),
        };
        let _ = format!("{preview:?}");
        if !import_it {
            return;
        }
        let columns = preview
            .headers
            .iter()
            .zip(&preview.suggested)
            .filter_map(|(h, f)| f.map(|field| MappedColumn { header: h.clone(), field }))
            .collect();
        let mapping = ColumnMapping {
            columns,
            platform: Platform::Other,
            handle: account.is_none().then(|| "fuzzmapped".to_string()),
            day_first: preview.day_first,
        };
        if let Err(e) = import::inspect_mapped(Some(&self.store), input, Some(&mapping)) {
            touch_error(&e);
        }
        self.inspect_and_import(input, account, Some(mapping));
    }

    fn inspect_and_import(&self, input: &Input, account: Option<i64>, mapping: Option<ColumnMapping>) {
        if let Err(e) = import::inspect(Some(&self.store), input) {
            touch_error(&e);
        }
        let opts = ImportOptions { account, lang: Lang::En, mapping, ..ImportOptions::default() };
        match import::import(&self.store, input, &opts, &Silent, &AtomicBool::new(false)) {
            Ok(report) => {
                let _ = format!("{report:?}");
                self.reset();
            }
            Err(e) => touch_error(&e),
        }
    }

    fn archive_target(&self, data: &[u8]) {
        let Some((&sel, body)) = data.split_first() else { return };
        let name = match sel % 4 {
            0 => "export.zip",
            1 => "archive-20241005091500-0123456789abcdef.tar.gz",
            2 => "Content_2026-01-01_2026-02-01_Fuzz.xlsx",
            _ => "instagram-fuzz.insta-2026-11-01-Ab12Cd34.zip",
        };
        let path = self.write(name, body);
        let input = Input::path(&path);
        if let Ok(mut bundle) = Bundle::open(&input) {
            let entries = bundle.entries.clone();
            for e in entries.iter().take(64) {
                let _ = detect::is_junk(&e.path);
                let _ = bundle.display(e);
                let _ = bundle.head(e, detect::HEAD_BYTES);
                let _ = bundle.read_entry(e, 1 << 20);
            }
            let _ = bundle.content_hash(&input);
        }
        if let Err(e) = import::inspect(None, &input) {
            touch_error(&e);
        }
        if sel & 0x80 != 0 {
            self.inspect_and_import(&input, None, None);
        }
    }
}

/// Formats an error the ways the UI and the CLI do (messages must never panic either).
fn touch_error(e: &resonance::Error) {
    let _ = e.code();
    let _ = e.localized(Lang::En);
    let _ = e.localized(Lang::Fr);
    let _ = e.payload(Lang::Fr);
}

fn detect_target(data: &[u8]) {
    // The path is the first line, the head of the file the rest.
    let (path, head) = match data.iter().position(|b| *b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (&data[..0], data),
    };
    let path = String::from_utf8_lossy(path);
    let _ = detect::classify(&path, head);
    let _ = (detect::is_junk(&path), detect::is_media(&path), detect::is_data_file(&path));
    let head_text = text::decode_text(head);
    let sheets: Vec<String> = head_text.lines().take(16).map(str::to_string).collect();
    let _ = detect::classify_sheets(&sheets);
    let _ = text::date_in_name(&path);
    for line in head_text.lines().take(8) {
        let _ = text::fix_mojibake(line);
        let _ = text::parse_count(line);
        let _ = text::parse_decimal(line);
        let _ = text::parse_duration_hms(line);
        let _ = text::parse_instant(line);
        let _ = text::parse_date(line);
        let _ = text::parse_month_day(line);
        let _ = text::unescape_html_entities(line);
        let _ = text::html_to_text(line);
    }
}

/// A zip holding one stored entry (stored: the fuzzer's bytes reach the reader unchanged).
pub fn stored_zip(entry: &str, body: &[u8]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::from_date_and_time(2026, 11, 1, 8, 0, 0).expect("a date"));
    z.start_file(entry, opts).expect("zip entry");
    z.write_all(body).expect("zip body");
    z.finish().expect("zip").into_inner()
}

/// A .tar.gz holding one entry.
pub fn tar_gz(entry: &str, body: &[u8]) -> Vec<u8> {
    let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let mut b = tar::Builder::new(gz);
    let mut h = tar::Header::new_gnu();
    h.set_size(body.len() as u64);
    h.set_mode(0o644);
    h.set_mtime(1_761_984_000);
    h.set_cksum();
    b.append_data(&mut h, entry, body).expect("tar entry");
    b.into_inner().expect("tar").finish().expect("gzip")
}
