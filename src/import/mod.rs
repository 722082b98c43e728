//! Importing a person's exports: detect what each file is, find whose account it is, and write
//! everything in one transaction (all or nothing). Importing the same file twice changes nothing.

pub mod detect;
pub mod generic;
pub mod json;
pub mod progress;
pub mod source;
pub mod table;
pub mod text;
pub mod writer;

mod instagram;
mod linkedin;
mod mastodon;
mod meta_csv;
mod tiktok;
mod x;
mod youtube;

use crate::error::{Error, ImportError, ImportErrorKind, Result};
use crate::i18n::Lang;
use crate::model::{Platform, Role};
use crate::store::Store;
use crate::store::accounts::AccountSummary;
use crate::store::ledger::{self, ImportCounts};
use chrono::NaiveDate;
use detect::{FileKind, Verdict};
use progress::{Progress, Stage, Tracker};
use serde::Serialize;
use source::{Bundle, Entry, Input};
use std::collections::BTreeMap;
use std::sync::atomic::AtomicBool;
use ts_rs::TS;
use writer::{AccountHint, Writer};

/// What the user chose for an import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Pro or personal, for the account(s) the import touches.
    pub role: Option<Role>,
    /// The account to attach files to that do not say whose they are.
    pub account: Option<i64>,
    pub lang: Lang,
    /// Marks the data as the removable demo.
    pub demo: bool,
    /// Reads a CSV the user mapped to the generic format (the column-mapping step).
    pub mapping: Option<generic::ColumnMapping>,
    /// The export day to assume when nothing in the files says it (the embedded demo's date),
    /// instead of today.
    pub exported_on: Option<NaiveDate>,
}

/// A recognised file.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Recognised {
    pub path: String,
    pub kind: FileKind,
    pub platform: Platform,
}

/// A file that is not part of any export Resonance reads.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Unrecognised {
    pub path: String,
    pub what: String,
}

/// What an input holds, found without writing anything.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Inspection {
    pub name: String,
    pub recognised: Vec<Recognised>,
    /// Files of the export Resonance does not need (likes you gave, messages, media...).
    pub unused: u64,
    pub unrecognised: Vec<Unrecognised>,
    pub platforms: Vec<Platform>,
    /// The account the export names, when it does.
    pub handle: Option<String>,
    /// When this exact file was imported before.
    pub already_imported_at: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImportStatus {
    Imported,
    /// The same file was imported before: nothing changed.
    AlreadyImported,
}

/// What an import did.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ImportReport {
    pub file: String,
    pub status: ImportStatus,
    pub import_id: Option<i64>,
    pub formats: Vec<FileKind>,
    pub accounts: Vec<AccountSummary>,
    pub counts: ImportCounts,
    pub date_from: Option<String>,
    pub date_to: Option<String>,
    pub warnings: Vec<String>,
}

/// Per-file context handed to the platform readers.
pub struct Ctx<'a> {
    pub account_id: i64,
    pub handle: String,
    pub user_id: Option<String>,
    pub exported_on: NaiveDate,
    /// How messages name the file.
    pub display: String,
    tracker: &'a Tracker<'a>,
}

impl Ctx<'_> {
    pub fn check(&self) -> Result<()> {
        self.tracker.check()
    }
}

struct Plan {
    files: Vec<(Entry, FileKind)>,
    /// The platform of files whose format does not fix it (generic CSVs), by entry path.
    platform_of: BTreeMap<String, Platform>,
    /// Spreadsheets read whole during detection, by entry path.
    sheets: BTreeMap<String, Vec<u8>>,
    unused: u64,
    unrecognised: Vec<Unrecognised>,
    html: bool,
}

const SPREADSHEET_CAP: u64 = 64 << 20;
const SMALL_FILE_CAP: u64 = 256 << 20;

impl Plan {
    fn platform(&self, entry: &Entry, kind: FileKind) -> Platform {
        self.platform_of.get(&entry.path).copied().unwrap_or(kind.platform())
    }

    fn platforms(&self) -> Vec<Platform> {
        let mut platforms: Vec<Platform> = self.files.iter().map(|(e, k)| self.platform(e, *k)).collect();
        platforms.sort();
        platforms.dedup();
        platforms
    }

    fn group(&self, platform: Platform) -> Vec<(Entry, FileKind)> {
        self.files.iter().filter(|(e, k)| self.platform(e, *k) == platform).cloned().collect()
    }
}

fn plan(bundle: &mut Bundle, mapping: Option<&generic::ColumnMapping>) -> Result<Plan> {
    let mut p = Plan {
        files: Vec::new(),
        platform_of: BTreeMap::new(),
        sheets: BTreeMap::new(),
        unused: 0,
        unrecognised: Vec::new(),
        html: false,
    };
    let entries = bundle.entries.clone();
    let mut empty_single = false;
    for e in entries {
        if detect::is_junk(&e.path) {
            continue;
        }
        let head = bundle.head(&e, detect::HEAD_BYTES)?;
        let verdict = match mapping {
            // The user mapped this CSV's columns: it is read as a generic CSV, whatever it looks like.
            Some(_) if !bundle.is_archive && !head.is_empty() => Verdict::Known(FileKind::GenericCsv),
            _ => detect::classify(&e.path, &head),
        };
        if verdict == Verdict::Known(FileKind::GenericCsv) {
            let platform = generic::hint(&head, mapping).0.unwrap_or(Platform::Other);
            p.platform_of.insert(e.path.clone(), platform);
        }
        match verdict {
            Verdict::Known(k) => p.files.push((e, k)),
            Verdict::Unused | Verdict::Junk => p.unused += 1,
            Verdict::MetaHtml => {
                p.html = true;
                p.unused += 1;
            }
            Verdict::Empty => {
                if bundle.is_archive {
                    p.unused += 1;
                } else {
                    empty_single = true;
                }
            }
            Verdict::Spreadsheet => {
                let bytes = bundle.read_entry(&e, SPREADSHEET_CAP)?;
                let display = bundle.display(&e);
                match linkedin::sheet_names(&bytes, &display).map(|names| detect::classify_sheets(&names)) {
                    Ok(Verdict::Known(k)) => {
                        p.sheets.insert(e.path.clone(), bytes);
                        p.files.push((e, k));
                    }
                    Ok(_) | Err(_) => p.unrecognised.push(Unrecognised {
                        path: e.path.clone(),
                        what: "a zip or spreadsheet of an unknown shape".into(),
                    }),
                }
            }
            // Photos and videos are part of most exports; nothing to report.
            // So are data files of the export that Resonance does not need (LinkedIn ships dozens of CSVs).
            Verdict::Unknown(_)
                if bundle.is_archive && (detect::is_media(&e.path) || detect::is_data_file(&e.path)) =>
            {
                p.unused += 1
            }
            Verdict::Unknown(what) => p.unrecognised.push(Unrecognised { path: e.path.clone(), what }),
        }
    }
    if p.files.is_empty() {
        let name = bundle.name.clone();
        if p.html {
            return Err(instagram::html_error(&name));
        }
        if empty_single {
            return Err(ImportError::new(name, ImportErrorKind::Empty).into());
        }
        if !bundle.is_archive
            && let Some(columns) = single_csv_header(bundle)?
        {
            return Err(ImportError::new(name, ImportErrorKind::UnknownCsv { columns }).into());
        }
        let what = match (&p.unrecognised[..], bundle.is_archive) {
            ([one], false) => one.what.clone(),
            _ => "no file of a known export inside".into(),
        };
        return Err(ImportError::new(name, ImportErrorKind::NotRecognised { what }).into());
    }
    p.files.sort_by_key(|(e, k)| (k.order(), e.path.clone()));
    Ok(p)
}

/// Says what an input holds without writing anything.
pub fn inspect(store: Option<&Store>, input: &Input) -> Result<Inspection> {
    inspect_mapped(store, input, None)
}

/// Like [`inspect`], for a CSV read through the user's column mapping.
pub fn inspect_mapped(
    store: Option<&Store>,
    input: &Input,
    mapping: Option<&generic::ColumnMapping>,
) -> Result<Inspection> {
    let mut bundle = Bundle::open(input)?;
    let p = plan(&mut bundle, mapping)?;
    let platforms = p.platforms();
    let mut handle = None;
    if let Some(&platform) = platforms.first() {
        let group = p.group(platform);
        handle = hint_for(&mut bundle, platform, &group, &p.sheets, mapping)?.handle;
    }
    let already_imported_at = match store {
        Some(s) => {
            let hash = bundle.content_hash(input)?;
            s.read(|c| ledger::find_by_hash(c, &hash))?.map(|r| r.imported_at)
        }
        None => None,
    };
    Ok(Inspection {
        name: bundle.name.clone(),
        recognised: p
            .files
            .iter()
            .map(|(e, k)| Recognised { path: e.path.clone(), kind: *k, platform: p.platform(e, *k) })
            .collect(),
        unused: p.unused,
        unrecognised: p.unrecognised,
        platforms,
        handle,
        already_imported_at,
    })
}

/// Imports one input (zip, folder or file) in one transaction.
pub fn import(
    store: &Store,
    input: &Input,
    opts: &ImportOptions,
    progress: &dyn Progress,
    cancel: &AtomicBool,
) -> Result<ImportReport> {
    let mut bundle = Bundle::open(input)?;
    let total: u64 = bundle.entries.iter().map(|e| e.size).sum();
    let tracker = Tracker::new(progress, cancel, total);
    tracker.stage(Stage::Detecting, &bundle.name);
    let mut plan = plan(&mut bundle, opts.mapping.as_ref())?;
    if let Some(id) = opts.account {
        // Meta's daily metric files look the same for Instagram and Facebook: the chosen account decides.
        if store.read(|c| crate::store::accounts::platform_of(c, id))? == Platform::Facebook {
            for (_, k) in plan.files.iter_mut().filter(|(_, k)| *k == FileKind::MetaDailyCsv) {
                *k = FileKind::FbDailyCsv;
            }
        }
    }
    let hash = bundle.content_hash(input)?;
    tracker.check()?;

    if let Some(previous) = store.read(|c| ledger::find_by_hash(c, &hash))? {
        let accounts = match previous.account_id {
            Some(id) => store.read(|c| crate::store::accounts::get(c, id)).map(|a| vec![a]).unwrap_or_default(),
            None => Vec::new(),
        };
        return Ok(ImportReport {
            file: input.name.clone(),
            status: ImportStatus::AlreadyImported,
            import_id: Some(previous.id),
            formats: plan.files.iter().map(|(_, k)| *k).collect(),
            accounts,
            counts: ImportCounts::default(),
            date_from: previous.date_from,
            date_to: previous.date_to,
            warnings: Vec::new(),
        });
    }

    let (import_id, touched, counts, range, warnings) = store.write_bulk(|tx| {
        let import_id = ledger::begin(tx, &input.name, &hash, opts.demo)?;
        let mut w = Writer::new(tx, import_id, opts.lang, opts.demo, opts.role);
        for u in &plan.unrecognised {
            w.warn(match opts.lang {
                Lang::En => format!("{} › {}: not recognised ({}), skipped", bundle.name, u.path, u.what),
                Lang::Fr => format!("{} › {} : non reconnu ({}), ignoré", bundle.name, u.path, u.what),
            });
        }
        for platform in plan.platforms() {
            let group = plan.group(platform);
            import_group(&mut bundle, platform, &group, &plan.sheets, opts, &mut w, &tracker)?;
        }
        tracker.stage(Stage::Finishing, &bundle.name);
        let mut formats: Vec<&str> = plan.files.iter().map(|(_, k)| k.id()).collect();
        formats.sort();
        formats.dedup();
        let (from, to) = match w.range {
            Some((a, b)) => (Some(text::day(a)), Some(text::day(b))),
            None => (None, None),
        };
        ledger::finish(
            tx,
            import_id,
            ledger::Finish {
                format: &formats.join(","),
                account_id: w.accounts.first().copied(),
                counts: &w.counts,
                warnings: &w.warnings,
                date_from: from.clone(),
                date_to: to.clone(),
            },
        )?;
        Ok((import_id, w.accounts.clone(), w.counts.clone(), (from, to), w.warnings.clone()))
    })?;

    let accounts =
        store.read(|c| touched.iter().map(|id| crate::store::accounts::get(c, *id)).collect::<Result<Vec<_>>>())?;
    Ok(ImportReport {
        file: input.name.clone(),
        status: ImportStatus::Imported,
        import_id: Some(import_id),
        formats: plan.files.iter().map(|(_, k)| *k).collect(),
        accounts,
        counts,
        date_from: range.0,
        date_to: range.1,
        warnings,
    })
}

/// The header of a lone file that reads as a CSV table (commas or semicolons, two columns or more).
fn single_csv_header(bundle: &mut Bundle) -> Result<Option<String>> {
    let Some(entry) = bundle.entries.first().cloned() else { return Ok(None) };
    let text = text::decode_text(&bundle.head(&entry, 4096)?);
    let first = text.lines().next().unwrap_or("").trim();
    let lower = entry.path.to_ascii_lowercase();
    let tabular = first.matches(',').count() >= 1 || first.matches(';').count() >= 1;
    if !(lower.ends_with(".csv") || lower.ends_with(".tsv") || lower.ends_with(".txt")) || !tabular {
        return Ok(None);
    }
    let mut columns: String = first.chars().take(200).collect();
    if first.chars().count() > 200 {
        columns.push('…');
    }
    Ok(Some(columns))
}

/// The relation a list file holds, for the kinds that are lists of people.
fn relation_of(kind: FileKind) -> Option<&'static str> {
    use FileKind::*;
    match kind {
        IgFollowers | XFollower | TtTxtFollowers => Some("followers"),
        IgFollowing | XFollowing | TtTxtFollowing | YtSubscriptions | MastoFollowingCsv => Some("following"),
        _ => None,
    }
}

/// Gathers what the files of one platform say about whose export it is.
fn hint_for(
    bundle: &mut Bundle,
    platform: Platform,
    group: &[(Entry, FileKind)],
    sheets: &BTreeMap<String, Vec<u8>>,
    mapping: Option<&generic::ColumnMapping>,
) -> Result<AccountHint> {
    let mut hint = AccountHint::default();
    for (e, k) in group {
        let display = bundle.display(e);
        let found = match k {
            FileKind::XAccount | FileKind::XManifest => {
                x::account_hint(&bundle.read_entry(e, SMALL_FILE_CAP)?, &display, *k)?
            }
            FileKind::IgProfile => instagram::profile_hint(&bundle.read_entry(e, SMALL_FILE_CAP)?, &display)?,
            FileKind::LiProfile => linkedin::profile_hint(bundle.open_entry(e)?, &display)?,
            FileKind::LiCreatorXlsx => match sheets.get(&e.path) {
                Some(bytes) => linkedin::creator_hint(bytes, &display)?,
                None => AccountHint::default(),
            },
            FileKind::XContentCsv | FileKind::XTweetActivityCsv => x::csv_hint(&bundle.head(e, detect::HEAD_BYTES)?),
            FileKind::MetaContentCsv => meta_csv::content_hint(&bundle.head(e, detect::HEAD_BYTES)?),
            FileKind::FbContentCsv => meta_csv::facebook_hint(&bundle.head(e, detect::HEAD_BYTES)?),
            FileKind::TtUserData => tiktok::user_data_hint(bundle.open_entry(e)?, &display)?,
            FileKind::YtChannel => youtube::channel_hint(&bundle.head(e, detect::HEAD_BYTES)?),
            FileKind::YtTableData | FileKind::YtChartData | FileKind::YtTotals => youtube::hint_from_path(&e.path),
            FileKind::MastoActor => mastodon::actor_hint(&bundle.read_entry(e, SMALL_FILE_CAP)?, &display)?,
            FileKind::GenericCsv => generic::hint(&bundle.head(e, detect::HEAD_BYTES)?, mapping).1,
            FileKind::IgInsightsPosts | FileKind::IgInsightsReels | FileKind::IgInsightsAudience => {
                AccountHint { role: Some(Role::Pro), ..AccountHint::default() }
            }
            _ => AccountHint::default(),
        };
        hint.merge(found);
    }
    match platform {
        Platform::Instagram => hint.merge(instagram::hint_from_bundle_name(&bundle.name)),
        Platform::Tiktok => hint.merge(tiktok::hint_from_bundle_name(&bundle.name)),
        Platform::Youtube => hint.merge(youtube::hint_from_path(&bundle.name)),
        Platform::Mastodon => hint.merge(mastodon::hint_from_bundle_name(&bundle.name)),
        _ => {}
    }
    if platform == Platform::X && hint.handle.is_none() {
        // tweet_activity_metrics_<handle>_<start>_<end>_<lang>.csv
        let lower = bundle.name.to_lowercase();
        if let Some(rest) = lower
            .strip_prefix("tweet_activity_metrics_")
            .or_else(|| lower.strip_prefix("daily_tweet_activity_metrics_"))
        {
            let parts: Vec<&str> = rest.split('_').collect();
            if parts.len() >= 4 {
                hint.handle = Some(parts[..parts.len() - 3].join("_"));
            }
        }
    }
    Ok(hint)
}

/// The day the export was made: what its files say, else the date in its name, else the newest
/// modification time of its entries, else the caller's default, else today.
fn export_day(
    bundle: &Bundle,
    hint: &AccountHint,
    group: &[(Entry, FileKind)],
    default: Option<NaiveDate>,
) -> NaiveDate {
    hint.exported_on
        .or_else(|| text::date_in_name(&bundle.name))
        .or_else(|| group.iter().filter_map(|(e, _)| text::date_in_name(e.base_name())).max())
        .or_else(|| group.iter().filter_map(|(e, _)| e.modified).max().map(|t| t.date()))
        .or(default)
        .unwrap_or_else(|| chrono::Utc::now().date_naive())
}

fn resolve_account(
    w: &mut Writer<'_>,
    platform: Platform,
    hint: &AccountHint,
    opts: &ImportOptions,
    display: &str,
) -> Result<i64> {
    if let Some(id) = opts.account {
        let actual = crate::store::accounts::platform_of(w.conn, id)?;
        if actual != platform {
            return Err(Error::InvalidArgument(format!(
                "account {id} is a {} account, but {display} is a {} export",
                actual.label(),
                platform.label()
            )));
        }
        if let Some(role) = opts.role {
            crate::store::accounts::set_role(w.conn, id, role)?;
        }
        if !w.accounts.contains(&id) {
            w.accounts.push(id);
        }
        return Ok(id);
    }
    let known = match (&hint.handle, &hint.user_id) {
        (None, None) => None,
        _ => {
            let by_handle = match &hint.handle {
                Some(h) => crate::store::accounts::find(w.conn, platform, h)?,
                None => None,
            };
            Some(by_handle)
        }
    };
    let existing = crate::store::accounts::ids_on_platform(w.conn, platform)?;
    // A person has one LinkedIn profile, and LinkedIn files name it inconsistently (a name in the
    // archive, a URL slug in the analytics): attach to the one LinkedIn account there is.
    let linkedin_single = platform == Platform::Linkedin && existing.len() == 1 && matches!(known, Some(None));
    match known {
        Some(_) if !linkedin_single => w.account(platform, hint),
        _ => match existing.as_slice() {
            [only] if linkedin_single => {
                let id = *only;
                // The archive names the profile by the member's name; the analytics by the public
                // URL slug. Keep the real slug once known.
                let (handle, name): (String, Option<String>) =
                    w.conn.query_row("SELECT handle, display_name FROM accounts WHERE id = ?1", [id], |r| {
                        Ok((r.get(0)?, r.get(1)?))
                    })?;
                if let Some(new_handle) = hint.handle.as_deref().map(crate::model::normalize_handle)
                    && name.as_deref().map(linkedin::slug).as_deref() == Some(handle.as_str())
                    && hint.display_name.is_none()
                {
                    w.conn
                        .execute("UPDATE accounts SET handle = ?2 WHERE id = ?1", rusqlite::params![id, new_handle])?;
                }
                w.conn.execute(
                    "UPDATE accounts SET display_name = coalesce(display_name, ?2) WHERE id = ?1",
                    rusqlite::params![id, hint.display_name],
                )?;
                if let Some(role) = opts.role {
                    crate::store::accounts::set_role(w.conn, id, role)?;
                }
                if !w.accounts.contains(&id) {
                    w.accounts.push(id);
                }
                Ok(id)
            }
            [only] => {
                let id = *only;
                w.warn(match w.lang {
                    Lang::En => format!(
                        "{display}: the file does not name its account; attached to the only {} account",
                        platform.label()
                    ),
                    Lang::Fr => format!(
                        "{display} : le fichier ne nomme pas son compte ; rattaché à l'unique compte {}",
                        platform.label()
                    ),
                });
                if let Some(role) = opts.role {
                    crate::store::accounts::set_role(w.conn, id, role)?;
                }
                if !w.accounts.contains(&id) {
                    w.accounts.push(id);
                }
                Ok(id)
            }
            _ => Err(ImportError::new(display, ImportErrorKind::AccountUnknown { platform }).into()),
        },
    }
}

fn import_group(
    bundle: &mut Bundle,
    platform: Platform,
    group: &[(Entry, FileKind)],
    sheets: &BTreeMap<String, Vec<u8>>,
    opts: &ImportOptions,
    w: &mut Writer<'_>,
    tracker: &Tracker<'_>,
) -> Result<()> {
    let mut hint = hint_for(bundle, platform, group, sheets, opts.mapping.as_ref())?;
    if hint.role.is_none() && platform == Platform::Instagram {
        hint.role = instagram::role_hint(&group.iter().map(|(_, k)| *k).collect::<Vec<_>>());
    }
    let exported_on = export_day(bundle, &hint, group, opts.exported_on);
    let account_id = resolve_account(w, platform, &hint, opts, &bundle.name)?;
    let (handle, user_id): (String, Option<String>) =
        w.conn.query_row("SELECT handle, platform_user_id FROM accounts WHERE id = ?1", [account_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;

    let ctx_for = |display: String| Ctx {
        account_id,
        handle: handle.clone(),
        user_id: user_id.clone(),
        exported_on,
        display,
        tracker,
    };
    for (entry, kind) in group {
        tracker.check()?;
        let display = bundle.display(entry);
        tracker.stage(Stage::Reading, &display);
        let ctx = ctx_for(display.clone());
        match kind {
            FileKind::XAccount
            | FileKind::XManifest
            | FileKind::XProfile
            | FileKind::IgProfile
            | FileKind::LiProfile => {}
            k if relation_of(*k).is_some() => {
                // Lists may come in parts (followers_1.json, followers_2.json…): one snapshot.
                let Some(relation) = relation_of(*k) else { continue };
                let first_of_kind = group.iter().find(|(_, k)| k == kind).map(|(e, _)| &e.path) == Some(&entry.path);
                if !first_of_kind {
                    continue;
                }
                let mut snap = w.begin_snapshot(account_id, relation, exported_on)?;
                for (part, _) in group.iter().filter(|(_, k)| k == kind) {
                    let part_ctx = ctx_for(bundle.display(part));
                    let r = tracker.wrap(bundle.open_entry(part)?);
                    match kind {
                        FileKind::IgFollowers => instagram::followers(r, &part_ctx, w, &mut snap)?,
                        FileKind::IgFollowing => instagram::following(r, &part_ctx, w, &mut snap)?,
                        FileKind::XFollower | FileKind::XFollowing => x::relations(r, &part_ctx, w, &mut snap)?,
                        FileKind::TtTxtFollowers | FileKind::TtTxtFollowing => {
                            tiktok::txt_relations(r, &part_ctx, w, &mut snap)?
                        }
                        FileKind::YtSubscriptions => {
                            youtube::takeout_subscriptions(Box::new(r), &part_ctx, w, &mut snap)?
                        }
                        FileKind::MastoFollowingCsv => mastodon::following_csv(Box::new(r), &part_ctx, w, &mut snap)?,
                        _ => {}
                    }
                }
                w.finish_snapshot(snap)?;
            }
            FileKind::IgConnectionsLegacy => {
                let bytes = bundle.read_entry(entry, SMALL_FILE_CAP)?;
                instagram::connections_legacy(&bytes, &ctx, w)?;
            }
            FileKind::IgPosts | FileKind::IgReels | FileKind::IgStories => {
                let r = tracker.wrap(bundle.open_entry(entry)?);
                instagram::posts(r, &ctx, w, *kind)?;
            }
            FileKind::IgMediaLegacy => {
                let bytes = bundle.read_entry(entry, SMALL_FILE_CAP)?;
                instagram::media_legacy(&bytes, &ctx, w)?;
            }
            FileKind::IgInsightsPosts | FileKind::IgInsightsReels => {
                let r = tracker.wrap(bundle.open_entry(entry)?);
                instagram::insights_posts(r, &ctx, w, *kind)?;
            }
            FileKind::IgInsightsAudience => {
                let bytes = bundle.read_entry(entry, SMALL_FILE_CAP)?;
                instagram::insights_audience(&bytes, &ctx, w)?;
            }
            FileKind::MetaContentCsv => {
                let r = Box::new(tracker.wrap(bundle.open_entry(entry)?));
                meta_csv::content(r, &ctx, w)?;
            }
            FileKind::MetaDailyCsv => {
                let r = Box::new(tracker.wrap(bundle.open_entry(entry)?));
                meta_csv::daily(r, &ctx, w)?;
            }
            FileKind::XTweets => {
                let r = tracker.wrap(bundle.open_entry(entry)?);
                x::tweets(r, &ctx, w)?;
            }
            FileKind::XTweetActivityCsv | FileKind::XContentCsv => {
                let r = Box::new(tracker.wrap(bundle.open_entry(entry)?));
                x::post_analytics(r, &ctx, w, *kind)?;
            }
            FileKind::XDailyActivityCsv | FileKind::XOverviewCsv => {
                let r = Box::new(tracker.wrap(bundle.open_entry(entry)?));
                x::daily_analytics(r, &ctx, w, *kind)?;
            }
            FileKind::LiConnections => {
                let r = Box::new(tracker.wrap(bundle.open_entry(entry)?));
                linkedin::connections(r, &ctx, w)?;
            }
            FileKind::LiShares => {
                let r = Box::new(tracker.wrap(bundle.open_entry(entry)?));
                linkedin::shares(r, &ctx, w)?;
            }
            FileKind::LiCreatorXlsx => {
                if let Some(bytes) = sheets.get(&entry.path) {
                    linkedin::creator_xlsx(bytes, &ctx, w)?;
                }
            }
            FileKind::TtUserData => {
                let r = tracker.wrap(bundle.open_entry(entry)?);
                tiktok::user_data(r, &ctx, w)?;
            }
            FileKind::TtTxtPosts => {
                let r = tracker.wrap(bundle.open_entry(entry)?);
                tiktok::txt_posts(r, &ctx, w)?;
            }
            FileKind::TtStudioOverview
            | FileKind::TtStudioFollowerHistory
            | FileKind::TtStudioViewers
            | FileKind::TtStudioAudience => {
                let r = Box::new(tracker.wrap(bundle.open_entry(entry)?));
                tiktok::studio_daily(r, &ctx, w, *kind)?;
            }
            FileKind::TtStudioContent => {
                let r = Box::new(tracker.wrap(bundle.open_entry(entry)?));
                tiktok::studio_content(r, &ctx, w)?;
            }
            FileKind::YtTableData => {
                let r = Box::new(tracker.wrap(bundle.open_entry(entry)?));
                youtube::table_data(r, &ctx, w)?;
            }
            FileKind::YtTotals | FileKind::YtChartData => {
                // The channel's own totals beat a sum over the (capped) list of videos.
                if *kind == FileKind::YtChartData && group.iter().any(|(_, k)| *k == FileKind::YtTotals) {
                    continue;
                }
                let r = Box::new(tracker.wrap(bundle.open_entry(entry)?));
                youtube::series(r, &ctx, w, *kind)?;
            }
            FileKind::YtVideos => {
                let r = Box::new(tracker.wrap(bundle.open_entry(entry)?));
                youtube::takeout_videos(r, &ctx, w)?;
            }
            FileKind::FbContentCsv => {
                let r = Box::new(tracker.wrap(bundle.open_entry(entry)?));
                meta_csv::facebook_content(r, &ctx, w)?;
            }
            FileKind::FbDailyCsv => {
                let r = Box::new(tracker.wrap(bundle.open_entry(entry)?));
                meta_csv::daily(r, &ctx, w)?;
            }
            FileKind::MastoOutbox => {
                let r = tracker.wrap(bundle.open_entry(entry)?);
                mastodon::outbox(r, &ctx, w)?;
            }
            FileKind::GenericCsv => {
                let r = Box::new(tracker.wrap(bundle.open_entry(entry)?));
                generic::import(r, &ctx, w, opts.mapping.as_ref())?;
            }
            FileKind::YtChannel | FileKind::MastoActor => {}
            // Relation lists are handled above.
            FileKind::IgFollowers
            | FileKind::IgFollowing
            | FileKind::XFollower
            | FileKind::XFollowing
            | FileKind::TtTxtFollowers
            | FileKind::TtTxtFollowing
            | FileKind::YtSubscriptions
            | FileKind::MastoFollowingCsv => {}
        }
    }
    Ok(())
}
