//! Live snapshots over the network, for Bluesky and Mastodon. Optional: the app works fully without
//! them (everything else comes from the exports people download).
//!
//! * **Add an account by handle** ([`add_account`]): a Bluesky handle (`alice.bsky.social`, resolved
//!   with `app.bsky.actor.getProfile`; the DID is kept as `platform_user_id`) or a Mastodon address
//!   (`@user@instance`, looked up with `/api/v1/accounts/lookup`; the account id and the instance's
//!   base URL are kept).
//! * **A snapshot** ([`sync_account`]): follower / following / post counts as dated
//!   `audience_observations` (source `live_sync`, on the observation day — today in UTC unless
//!   [`SyncOptions::day`] says otherwise), the author's posts with their counts as `post_metrics`
//!   observations (source `bluesky.api` / `mastodon.api`), and optionally the follower list as a
//!   `relation_snapshots` snapshot (capped: [`SyncOptions::followers_cap`]). The store's rules hold:
//!   a value already known for the day is not stored again, a post is updated and never duplicated,
//!   unknown stays NULL (a Mastodon `followers_count` of -1 means hidden: nothing is stored).
//! * **All or nothing**: every request of a sync is made first, then everything is written in one
//!   transaction ([`Store::write_bulk`]). A sync that fails (offline, timeout, rate limit, unknown
//!   handle, server error, unreadable answer, cancelled) leaves the data exactly as it was; the
//!   account only remembers the error (`accounts.last_sync_error`, its own small write) and the time
//!   of the last good snapshot stays in `accounts.last_sync_at`.
//! * HTTP behaviour (timeouts, retries with backoff, `Retry-After`, rate-limit headers, cancel) is
//!   in [`http`].
//!
//! The functions are `async` (tokio; the desktop shell runs them on its runtime, database work goes
//! to tokio's blocking pool); [`blocking`] wraps them for the CLI.
//!
//! No token is needed: every call reads public data. Should an authenticated call ever be added
//! (a Bluesky app password, a Mastodon OAuth token), the secret goes to the operating system's
//! keychain through the `keyring` crate — never into the database, a settings file or a log.

pub mod bluesky;
pub mod http;
pub mod mastodon;
mod write;

use crate::error::{Error, ErrorPayload, Result, SyncErrorKind};
use crate::i18n::Lang;
use crate::model::{Platform, PostKind, PostMetrics, Role, normalize_handle};
use crate::store::Store;
use crate::store::accounts::{self, AccountSummary};
use chrono::{DateTime, NaiveDate, Utc};
use http::{Failure, Http, HttpConfig};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicBool, Ordering};
use ts_rs::TS;

/// The public Bluesky AppView, unless `RESONANCE_BLUESKY_URL` says otherwise.
pub const BLUESKY_PUBLIC_URL: &str = "https://public.api.bsky.app";

/// Where Bluesky calls go: `RESONANCE_BLUESKY_URL` when set, else [`BLUESKY_PUBLIC_URL`].
pub fn default_bluesky_url() -> String {
    std::env::var("RESONANCE_BLUESKY_URL")
        .ok()
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| BLUESKY_PUBLIC_URL.to_string())
}

/// How a sync runs.
#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// Base URL of the Bluesky AppView (default: [`default_bluesky_url`]).
    pub bluesky_url: String,
    pub http: HttpConfig,
    /// The day the numbers are recorded for; `None`: today (UTC).
    pub day: Option<NaiveDate>,
    /// Also read the follower list (for overlap and unfollows). Off by default: it costs one
    /// request per 100 (Bluesky) or 80 (Mastodon) followers.
    pub followers: bool,
    /// A follower list longer than this is not read to the end and not stored (a partial list
    /// would show the missing people as having left).
    pub followers_cap: usize,
    /// Pages of posts read per sync (100 posts a page on Bluesky, 40 on Mastodon).
    pub max_pages: usize,
    /// Language of the warnings.
    pub lang: Lang,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            bluesky_url: default_bluesky_url(),
            http: HttpConfig::default(),
            day: None,
            followers: false,
            followers_cap: 10_000,
            max_pages: 20,
            lang: Lang::default(),
        }
    }
}

/// An account to add by its handle.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct NewAccount {
    /// `bluesky` or `mastodon`.
    pub platform: Platform,
    /// `alice.bsky.social` (or a DID, or a bsky.app profile URL); `@user@instance` (or an
    /// `https://instance/@user` URL).
    pub handle: String,
    pub role: Option<Role>,
    /// Mastodon: the instance's base URL when it is not `https://<instance>`.
    pub instance_url: Option<String>,
}

/// The account after [`add_account`].
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Added {
    pub account: AccountSummary,
    /// False when the account was already known (it is then completed, not duplicated).
    pub created: bool,
}

/// What one snapshot stored.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SyncReport {
    /// The account as it stands after the sync.
    pub account: AccountSummary,
    /// The day the numbers were recorded for.
    #[ts(type = "string")]
    pub day: NaiveDate,
    /// When the sync finished (RFC 3339, UTC).
    pub synced_at: String,
    /// The counts the platform gave (null: not given, or hidden by the owner).
    pub followers: Option<i64>,
    pub following: Option<i64>,
    pub posts_count: Option<i64>,
    /// Audience values stored (a value already known for the day is not stored again).
    pub audience_points: u64,
    /// Posts read, posts new to the store, and post observations stored (unchanged numbers are
    /// not stored again).
    pub posts_seen: u64,
    pub posts_new: u64,
    pub post_observations: u64,
    /// Reposts of other people's posts among the posts read (stored without numbers).
    pub reposts: u64,
    /// People in the stored follower list, when one was read and stored.
    pub follower_list: Option<u64>,
    /// People in the previous follower list and not in this one.
    pub unfollows: Option<u64>,
    /// HTTP requests made (retries included).
    pub requests: u32,
    pub warnings: Vec<String>,
}

/// One account of [`sync_all`] / [`sync_due`]: its report, or why it failed.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SyncOutcome {
    pub account_id: i64,
    pub platform: Platform,
    pub handle: String,
    pub report: Option<SyncReport>,
    pub error: Option<ErrorPayload>,
}

/// The sync state of an account, for the UI.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SyncStatus {
    pub account_id: i64,
    pub platform: Platform,
    pub handle: String,
    pub instance_url: Option<String>,
    /// The last snapshot that succeeded (RFC 3339, UTC).
    pub last_sync_at: Option<String>,
    /// Why the last attempt failed, if it did (cleared by a successful sync).
    pub last_error: Option<LastSyncError>,
    /// True when [`sync_due`] would sync it now.
    pub due: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct LastSyncError {
    pub code: String,
    pub message: String,
    /// When it failed (RFC 3339, UTC).
    pub at: String,
}

/// How `accounts.last_sync_error` is stored: the code and the message in both languages.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct StoredError {
    code: String,
    at: String,
    en: String,
    fr: String,
}

/// After a failed attempt, [`sync_due`] waits this long before trying the account again.
const RETRY_FAILED_AFTER_MINUTES: i64 = 60;

/// The account as a sync needs it.
#[derive(Debug, Clone)]
pub(crate) struct Target {
    pub id: i64,
    pub platform: Platform,
    pub handle: String,
    pub user_id: Option<String>,
    pub instance_url: Option<String>,
    pub last_sync_day: Option<NaiveDate>,
}

/// What the requests of one sync gathered, before anything is written.
#[derive(Debug, Default)]
pub(crate) struct Fetched {
    /// The handle as the platform gives it now (normalised).
    pub handle: String,
    pub user_id: String,
    pub display_name: Option<String>,
    pub followers: Option<i64>,
    pub following: Option<i64>,
    pub posts: Option<i64>,
    pub items: Vec<Item>,
    pub follower_list: Option<Vec<Person>>,
    pub warnings: Vec<String>,
}

/// A post as an API gives it.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub id: String,
    pub published_at: Option<String>,
    pub kind: PostKind,
    pub text: Option<String>,
    pub url: Option<String>,
    /// None for reposts of other people's posts (their applause, not the owner's).
    pub metrics: Option<PostMetrics>,
}

/// Someone in a follower list.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub handle: Option<String>,
    pub user_id: Option<String>,
}

/// Looks up an account by its handle and adds it (or completes the one already stored: an account
/// imported from an export gets its DID / id and instance). Nothing is written when the lookup fails.
pub async fn add_account(store: &Store, new: &NewAccount, opts: &SyncOptions, cancel: &AtomicBool) -> Result<Added> {
    let http = Http::new(&opts.http)?;
    let reg = match new.platform {
        Platform::Bluesky => {
            let base = base_url(&opts.bluesky_url)?;
            let actor = parse_bluesky_actor(&new.handle)?;
            let p = bluesky::profile(&http, &base, &actor, cancel)
                .await
                .map_err(|f| failure(f, Platform::Bluesky, &actor, None))?;
            let handle = normalize_handle(&p.handle);
            let handle = if handle.is_empty() || handle == "handle.invalid" { p.did.clone() } else { handle };
            write::Registration {
                platform: Platform::Bluesky,
                handle,
                user_id: p.did,
                display_name: p.display_name.filter(|n| !n.trim().is_empty()),
                instance_url: None,
                role: new.role,
            }
        }
        Platform::Mastodon => {
            let (user, domain) = parse_mastodon_address(&new.handle)?;
            let base = match new.instance_url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
                Some(u) => base_url(u)?,
                None => base_url(&format!("https://{domain}"))?,
            };
            let handle = format!("{user}@{domain}");
            let a = mastodon::lookup(&http, &base, &user, cancel)
                .await
                .map_err(|f| failure(f, Platform::Mastodon, &handle, None))?;
            write::Registration {
                platform: Platform::Mastodon,
                handle,
                user_id: a.id,
                display_name: a.display_name.filter(|n| !n.trim().is_empty()),
                instance_url: Some(base),
                role: new.role,
            }
        }
        other => {
            return Err(Error::InvalidArgument(format!(
                "live sync covers Bluesky and Mastodon accounts, not {}",
                other.label()
            )));
        }
    };
    if cancel.load(Ordering::Relaxed) {
        return Err(Error::Cancelled);
    }
    on_db(store, move |s| {
        let (id, created) = s.write(|tx| write::register(tx, &reg))?;
        let account = s.read(|c| accounts::get(c, id))?;
        Ok(Added { account, created })
    })
    .await
}

/// Takes one snapshot of an account (Bluesky or Mastodon). On failure nothing stored changes and
/// the account remembers the error (see the module documentation).
pub async fn sync_account(
    store: &Store,
    account_id: i64,
    opts: &SyncOptions,
    cancel: &AtomicBool,
) -> Result<SyncReport> {
    let http = Http::new(&opts.http)?;
    sync_with(&http, store, account_id, opts, cancel).await
}

/// Syncs every Bluesky and Mastodon account (demo accounts excepted), one after the other. A
/// failure does not stop the others; cancelling does (the accounts already synced stay synced).
pub async fn sync_all(store: &Store, opts: &SyncOptions, cancel: &AtomicBool) -> Result<Vec<SyncOutcome>> {
    let ids = on_db(store, |s| s.read(syncable_ids)).await?;
    sync_many(store, ids, opts, cancel).await
}

/// Syncs the accounts that have no snapshot for today yet (UTC) — the "once a day" call, cheap
/// to make at every start. An account whose last attempt failed waits an hour before the next.
pub async fn sync_due(store: &Store, opts: &SyncOptions, cancel: &AtomicBool) -> Result<Vec<SyncOutcome>> {
    let lang = opts.lang;
    let ids = on_db(store, move |s| {
        s.read(|c| Ok(statuses(c, lang)?.into_iter().filter(|st| st.due).map(|st| st.account_id).collect()))
    })
    .await?;
    sync_many(store, ids, opts, cancel).await
}

/// The sync state of every Bluesky and Mastodon account (demo accounts excepted).
pub fn statuses(conn: &Connection, lang: Lang) -> Result<Vec<SyncStatus>> {
    let ids = syncable_ids(conn)?;
    ids.into_iter().map(|id| status(conn, id, lang)).collect()
}

/// The sync state of one account.
pub fn status(conn: &Connection, account_id: i64, lang: Lang) -> Result<SyncStatus> {
    let row = conn
        .query_row(
            "SELECT platform, handle, instance_url, last_sync_at, last_sync_error FROM accounts WHERE id = ?1",
            [account_id],
            |r| {
                Ok((
                    r.get::<_, Platform>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            },
        )
        .optional()?
        .ok_or(Error::NotFound { what: "account", id: account_id })?;
    let (platform, handle, instance_url, last_sync_at, stored) = row;
    let now = Utc::now();
    let stored: Option<StoredError> = stored.as_deref().and_then(|s| serde_json::from_str(s).ok());
    let synced_today =
        last_sync_at.as_deref().and_then(parse_rfc3339).is_some_and(|t| t.date_naive() == now.date_naive());
    let failed_recently = stored
        .as_ref()
        .and_then(|e| parse_rfc3339(&e.at))
        .is_some_and(|t| now - t < chrono::Duration::minutes(RETRY_FAILED_AFTER_MINUTES));
    let syncable = matches!(platform, Platform::Bluesky | Platform::Mastodon);
    Ok(SyncStatus {
        account_id,
        platform,
        handle,
        instance_url,
        last_sync_at,
        last_error: stored.map(|e| LastSyncError {
            code: e.code,
            message: if lang == Lang::Fr { e.fr } else { e.en },
            at: e.at,
        }),
        due: syncable && !synced_today && !failed_recently,
    })
}

/// The CLI's way in: the same functions, each on a small runtime of its own. Do not call these
/// from async code (the desktop shell calls the async functions directly).
pub mod blocking {
    use super::*;

    fn run<T>(f: impl std::future::Future<Output = Result<T>>) -> Result<T> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::io("tokio runtime", e))?;
        rt.block_on(f)
    }

    pub fn add_account(store: &Store, new: &NewAccount, opts: &SyncOptions, cancel: &AtomicBool) -> Result<Added> {
        run(super::add_account(store, new, opts, cancel))
    }

    pub fn sync_account(store: &Store, account_id: i64, opts: &SyncOptions, cancel: &AtomicBool) -> Result<SyncReport> {
        run(super::sync_account(store, account_id, opts, cancel))
    }

    pub fn sync_all(store: &Store, opts: &SyncOptions, cancel: &AtomicBool) -> Result<Vec<SyncOutcome>> {
        run(super::sync_all(store, opts, cancel))
    }

    pub fn sync_due(store: &Store, opts: &SyncOptions, cancel: &AtomicBool) -> Result<Vec<SyncOutcome>> {
        run(super::sync_due(store, opts, cancel))
    }
}

async fn sync_many(store: &Store, ids: Vec<i64>, opts: &SyncOptions, cancel: &AtomicBool) -> Result<Vec<SyncOutcome>> {
    let http = Http::new(&opts.http)?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let (platform, handle) = on_db(store, move |s| {
            s.read(|c| {
                Ok(c.query_row("SELECT platform, handle FROM accounts WHERE id = ?1", [id], |r| {
                    Ok((r.get::<_, Platform>(0)?, r.get::<_, String>(1)?))
                })?)
            })
        })
        .await?;
        let result = sync_with(&http, store, id, opts, cancel).await;
        let stop = matches!(result, Err(Error::Cancelled));
        out.push(match result {
            Ok(report) => SyncOutcome { account_id: id, platform, handle, report: Some(report), error: None },
            Err(e) => SyncOutcome { account_id: id, platform, handle, report: None, error: Some(e.payload(opts.lang)) },
        });
        if stop {
            break;
        }
    }
    Ok(out)
}

async fn sync_with(
    http: &Http,
    store: &Store,
    account_id: i64,
    opts: &SyncOptions,
    cancel: &AtomicBool,
) -> Result<SyncReport> {
    if cancel.load(Ordering::Relaxed) {
        return Err(Error::Cancelled);
    }
    let target = on_db(store, move |s| s.read(|c| load_target(c, account_id))).await?;
    let day = opts.day.unwrap_or_else(|| Utc::now().date_naive());
    let requests_before = http.requests();
    let fetched = match target.platform {
        Platform::Bluesky => {
            let base = base_url(&opts.bluesky_url)?;
            bluesky::fetch(http, &base, &target, opts, cancel).await
        }
        _ => {
            let base = match &target.instance_url {
                Some(u) => base_url(u)?,
                None => base_url(&format!("https://{}", mastodon_domain(&target.handle)?))?,
            };
            mastodon::fetch(http, &base, &target, opts, cancel).await
        }
    };
    let fetched = match fetched {
        Ok(f) => f,
        Err(f) => {
            let e = failure(f, target.platform, &target.handle, target.last_sync_day);
            remember_failure(store, account_id, &e).await;
            return Err(e);
        }
    };
    let requests = http.requests() - requests_before;
    let source = match target.platform {
        Platform::Bluesky => "bluesky.api",
        _ => "mastodon.api",
    };
    let lang = opts.lang;
    let result = on_db(store, move |s| {
        let now = crate::store::now_rfc3339();
        let mut fetched = fetched;
        let written = s.write_bulk(|tx| write::snapshot(tx, &target, &mut fetched, day, source, &now, lang))?;
        let account = s.read(|c| accounts::get(c, account_id))?;
        Ok(SyncReport {
            account,
            day,
            synced_at: now,
            followers: fetched.followers,
            following: fetched.following,
            posts_count: fetched.posts,
            audience_points: written.audience_points,
            posts_seen: written.posts_seen,
            posts_new: written.posts_new,
            post_observations: written.post_observations,
            reposts: written.reposts,
            follower_list: written.follower_list,
            unfollows: written.unfollows,
            requests,
            warnings: fetched.warnings,
        })
    })
    .await;
    if let Err(e) = &result {
        remember_failure(store, account_id, e).await;
    }
    result
}

/// Records why a sync failed, in its own small write (the data itself was not touched).
async fn remember_failure(store: &Store, account_id: i64, e: &Error) {
    if matches!(e, Error::Cancelled) {
        return;
    }
    let stored = StoredError {
        code: e.code().to_string(),
        at: crate::store::now_rfc3339(),
        en: e.localized(Lang::En),
        fr: e.localized(Lang::Fr),
    };
    let json = serde_json::to_string(&stored).unwrap_or_default();
    let done = on_db(store, move |s| {
        s.write(|tx| {
            tx.execute("UPDATE accounts SET last_sync_error = ?2 WHERE id = ?1", rusqlite::params![account_id, json])?;
            Ok(())
        })
    })
    .await;
    if let Err(w) = done {
        tracing::warn!(account_id, error = %w, "could not record the sync error");
    }
}

/// Turns a request failure into the error the user sees.
fn failure(f: Failure, platform: Platform, handle: &str, last_sync_day: Option<NaiveDate>) -> Error {
    let account = format!("{} @{}", platform.label(), handle.trim_start_matches('@'));
    match f {
        Failure::Cancelled => Error::Cancelled,
        Failure::NotFound => Error::Sync {
            account,
            kind: SyncErrorKind::NotFound { platform, handle: handle.trim_start_matches('@').to_string() },
        },
        Failure::Sync(kind) => Error::Sync { account, kind: kind.with_last_snapshot(last_sync_day) },
    }
}

/// Runs database work on tokio's blocking pool.
async fn on_db<T: Send + 'static>(store: &Store, f: impl FnOnce(&Store) -> Result<T> + Send + 'static) -> Result<T> {
    let store = store.clone();
    match tokio::task::spawn_blocking(move || f(&store)).await {
        Ok(r) => r,
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        Err(_) => Err(Error::Cancelled),
    }
}

fn syncable_ids(conn: &Connection) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare(
        "SELECT id FROM accounts WHERE platform IN ('bluesky', 'mastodon') AND is_demo = 0 ORDER BY platform, handle",
    )?;
    let ids = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

fn load_target(conn: &Connection, id: i64) -> Result<Target> {
    let row = conn
        .query_row(
            "SELECT platform, handle, platform_user_id, instance_url, last_sync_at, is_demo FROM accounts WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, Platform>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, bool>(5)?,
                ))
            },
        )
        .optional()?
        .ok_or(Error::NotFound { what: "account", id })?;
    let (platform, handle, user_id, instance_url, last_sync_at, is_demo) = row;
    if !matches!(platform, Platform::Bluesky | Platform::Mastodon) {
        return Err(Error::InvalidArgument(format!(
            "@{handle} is a {} account: live sync covers Bluesky and Mastodon accounts; import its export instead",
            platform.label()
        )));
    }
    if is_demo {
        return Err(Error::InvalidArgument(format!("@{handle} is a demo account: it cannot be synced")));
    }
    Ok(Target {
        id,
        platform,
        handle,
        user_id: user_id.filter(|u| !u.trim().is_empty()),
        instance_url: instance_url.filter(|u| !u.trim().is_empty()),
        last_sync_day: last_sync_at.as_deref().and_then(parse_rfc3339).map(|t| t.date_naive()),
    })
}

pub(crate) fn parse_rfc3339(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s.trim()).ok().map(|t| t.with_timezone(&Utc))
}

/// An instant as the store keeps it: RFC 3339, UTC, whole seconds.
pub(crate) fn instant(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A base URL without its trailing slash, http(s) only.
fn base_url(raw: &str) -> Result<String> {
    let trimmed = raw.trim().trim_end_matches('/');
    let url = reqwest::Url::parse(trimmed)
        .map_err(|e| Error::InvalidArgument(format!("{trimmed:?} is not a base URL: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(Error::InvalidArgument(format!("{trimmed:?} is not an http(s) base URL")));
    }
    Ok(trimmed.to_string())
}

/// `alice.bsky.social`, `@Alice.bsky.social`, `alice` (→ `alice.bsky.social`), a DID, or a
/// `https://bsky.app/profile/<handle or DID>` URL → what `getProfile` takes as `actor`.
pub fn parse_bluesky_actor(raw: &str) -> Result<String> {
    let mut s = raw.trim();
    if let Some(rest) =
        s.strip_prefix("https://bsky.app/profile/").or_else(|| s.strip_prefix("http://bsky.app/profile/"))
    {
        s = rest.split('/').next().unwrap_or("");
    }
    let s = s.trim_start_matches('@');
    if s.starts_with("did:") {
        let ok = s.len() > 8 && s.chars().all(|c| c.is_ascii_alphanumeric() || ":._-%".contains(c));
        return if ok { Ok(s.to_string()) } else { Err(bad_handle(raw, "a Bluesky DID")) };
    }
    let mut handle = s.to_ascii_lowercase();
    if !handle.contains('.') && !handle.is_empty() {
        handle.push_str(".bsky.social");
    }
    let ok = !handle.is_empty()
        && handle.len() <= 253
        && handle.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && handle.split('.').all(|part| !part.is_empty() && !part.starts_with('-') && !part.ends_with('-'));
    if ok { Ok(handle) } else { Err(bad_handle(raw, "a Bluesky handle such as alice.bsky.social")) }
}

/// `@user@instance`, `user@instance` or `https://instance/@user` → (`user`, `instance`), lowercase.
pub fn parse_mastodon_address(raw: &str) -> Result<(String, String)> {
    let s = raw.trim();
    let (user, domain) = if let Some(rest) = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://")) {
        let (domain, path) = rest.split_once('/').unwrap_or((rest, ""));
        let user = path.trim_start_matches('@').split(['/', '?']).next().unwrap_or("");
        (user.to_string(), domain.to_string())
    } else {
        match s.trim_start_matches('@').split_once('@') {
            Some((u, d)) => (u.to_string(), d.to_string()),
            None => {
                return Err(bad_handle(raw, "a Mastodon address with its instance, such as @alice@mastodon.social"));
            }
        }
    };
    let user = user.to_lowercase();
    let domain = domain.trim_end_matches('/').to_lowercase();
    let user_ok = !user.is_empty() && user.chars().all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c));
    let domain_ok = domain.contains('.') || domain.starts_with("localhost") || domain.contains(':');
    let domain_ok =
        domain_ok && !domain.is_empty() && domain.chars().all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c));
    if user_ok && domain_ok {
        Ok((user, domain))
    } else {
        Err(bad_handle(raw, "a Mastodon address such as @alice@mastodon.social"))
    }
}

/// The instance of a stored Mastodon handle (`user@instance`).
fn mastodon_domain(handle: &str) -> Result<String> {
    parse_mastodon_address(handle).map(|(_, d)| d)
}

fn bad_handle(raw: &str, expected: &str) -> Error {
    Error::InvalidArgument(format!("{raw:?} is not {expected}"))
}

/// Decodes a JSON answer into `T`; a shape the API does not document is a malformed answer.
pub(crate) fn decode<T: serde::de::DeserializeOwned>(url: &str, body: serde_json::Value) -> Result<T, Failure> {
    serde_json::from_value(body).map_err(|e| {
        Failure::Sync(SyncErrorKind::Malformed { host: http::host_of(url), detail: format!("unexpected answer: {e}") })
    })
}

/// A count as the store keeps it: negative values (Mastodon's -1 for hidden) are unknown.
pub(crate) fn count(v: Option<i64>) -> Option<i64> {
    v.filter(|n| *n >= 0)
}

/// Accepts an id given as a JSON string or number.
pub(crate) fn de_id<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<String, D::Error> {
    match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(s) if !s.is_empty() => Ok(s),
        serde_json::Value::Number(n) => Ok(n.to_string()),
        other => Err(serde::de::Error::custom(format!("expected an id, found {other}"))),
    }
}

/// Accepts a count given as an integer, a float or null (some servers send odd shapes).
pub(crate) fn de_count<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Option<i64>, D::Error> {
    Ok(match Option::<serde_json::Value>::deserialize(d)? {
        Some(serde_json::Value::Number(n)) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Some(serde_json::Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bluesky_handles_are_normalised() {
        assert_eq!(parse_bluesky_actor("@Alice.BSKY.social ").unwrap(), "alice.bsky.social");
        assert_eq!(parse_bluesky_actor("alice").unwrap(), "alice.bsky.social");
        assert_eq!(parse_bluesky_actor("https://bsky.app/profile/alice.example.com").unwrap(), "alice.example.com");
        assert_eq!(parse_bluesky_actor("did:plc:abc123xyz").unwrap(), "did:plc:abc123xyz");
        assert!(parse_bluesky_actor("al ice").is_err());
        assert!(parse_bluesky_actor("").is_err());
        assert!(parse_bluesky_actor("a..b").is_err());
    }

    #[test]
    fn mastodon_addresses_are_normalised() {
        assert_eq!(
            parse_mastodon_address("@Alice@Mastodon.Social").unwrap(),
            ("alice".to_string(), "mastodon.social".to_string())
        );
        assert_eq!(
            parse_mastodon_address("https://fosstodon.org/@bob").unwrap(),
            ("bob".to_string(), "fosstodon.org".to_string())
        );
        assert_eq!(parse_mastodon_address("carol@127.0.0.1:8080").unwrap().1, "127.0.0.1:8080");
        assert!(parse_mastodon_address("@alice").is_err());
        assert!(parse_mastodon_address("alice@").is_err());
        assert!(parse_mastodon_address("al ice@x.y").is_err());
    }

    #[test]
    fn base_urls_lose_their_trailing_slash() {
        assert_eq!(base_url("https://public.api.bsky.app/").unwrap(), "https://public.api.bsky.app");
        assert!(base_url("ftp://x.y").is_err());
        assert!(base_url("not a url").is_err());
    }
}
