//! `add` and `sync`: live snapshots of Bluesky and Mastodon accounts over the network.

use super::Out;
use clap::{Args, ValueEnum};
use resonance::error::ErrorPayload;
use resonance::model::{Platform, Role};
use resonance::sync::{self, NewAccount, SyncOptions, SyncOutcome, SyncReport, blocking};
use resonance::{Error, Store};
use serde::Serialize;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

#[derive(Clone, Copy, ValueEnum)]
pub enum SyncPlatform {
    Bluesky,
    Mastodon,
}

/// Network settings shared by `add` and `sync`.
#[derive(Args)]
pub struct NetArgs {
    /// Also read the follower list (for overlap and unfollows; at most 10,000 people).
    #[arg(long)]
    followers: bool,
    /// Seconds to wait for an answer before retrying (3 tries).
    #[arg(long, value_name = "SECONDS", default_value_t = 15)]
    timeout: u64,
}

#[derive(Args)]
pub struct AddArgs {
    #[arg(value_enum)]
    platform: SyncPlatform,
    /// Bluesky: alice.bsky.social (or a DID); Mastodon: @user@instance.
    handle: String,
    #[arg(long, value_enum)]
    role: Option<crate::RoleArg>,
    /// Mastodon: the instance's base URL when it is not https://<instance>.
    #[arg(long, value_name = "URL")]
    instance_url: Option<String>,
    /// Only add the account; take no snapshot now.
    #[arg(long)]
    no_sync: bool,
    #[command(flatten)]
    net: NetArgs,
}

#[derive(Args)]
pub struct SyncArgs {
    /// The account to sync (default: every Bluesky and Mastodon account).
    #[arg(long)]
    account: Option<i64>,
    #[command(flatten)]
    net: NetArgs,
}

fn options(net: &NetArgs, out: &Out) -> SyncOptions {
    let mut opts = SyncOptions { followers: net.followers, lang: out.lang, ..SyncOptions::default() };
    opts.http.timeout = Duration::from_secs(net.timeout.max(1));
    opts.http.connect_timeout = opts.http.timeout;
    opts
}

#[derive(Serialize)]
struct AddOutput {
    #[serde(flatten)]
    added: sync::Added,
    sync: Option<SyncReport>,
    sync_error: Option<ErrorPayload>,
}

pub fn add(store: &Store, a: AddArgs, out: &Out) -> Result<ExitCode, Error> {
    let opts = options(&a.net, out);
    let cancel = AtomicBool::new(false);
    let new = NewAccount {
        platform: match a.platform {
            SyncPlatform::Bluesky => Platform::Bluesky,
            SyncPlatform::Mastodon => Platform::Mastodon,
        },
        handle: a.handle,
        role: a.role.map(Role::from),
        instance_url: a.instance_url,
    };
    let added = blocking::add_account(store, &new, &opts, &cancel)?;
    if !out.json {
        let acc = &added.account;
        let what = if added.created {
            out.t("added", "ajouté")
        } else {
            out.t("already known, completed", "déjà connu, complété")
        };
        println!("✓ {} @{} — {what} (id {})", acc.platform.label(), acc.handle, acc.id);
    }
    let (report, error) = if a.no_sync {
        (None, None)
    } else {
        match blocking::sync_account(store, added.account.id, &opts, &cancel) {
            Ok(r) => (Some(r), None),
            Err(e) => (None, Some(e)),
        }
    };
    if out.json {
        let sync_error = error.as_ref().map(|e| e.payload(out.lang));
        out.json(&AddOutput { added, sync: report, sync_error });
    } else {
        if let Some(r) = &report {
            print_report(r, out);
        }
        if let Some(e) = &error {
            out.error(e);
        }
    }
    Ok(if error.is_some() { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

pub fn sync(store: &Store, a: SyncArgs, out: &Out) -> Result<ExitCode, Error> {
    let opts = options(&a.net, out);
    let cancel = AtomicBool::new(false);
    if let Some(id) = a.account {
        let r = blocking::sync_account(store, id, &opts, &cancel)?;
        if out.json {
            out.json(&r);
        } else {
            print_report(&r, out);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let outcomes: Vec<SyncOutcome> = blocking::sync_all(store, &opts, &cancel)?;
    let failed = outcomes.iter().any(|o| o.error.is_some());
    if out.json {
        out.json(&outcomes);
    } else if outcomes.is_empty() {
        println!(
            "{}",
            out.t(
                "No Bluesky or Mastodon account to sync. Add one: resonance add bluesky alice.bsky.social",
                "Aucun compte Bluesky ou Mastodon à synchroniser. Ajoutez-en un : resonance add bluesky alice.bsky.social"
            )
        );
    } else {
        for o in &outcomes {
            match (&o.report, &o.error) {
                (Some(r), _) => print_report(r, out),
                (None, Some(e)) => eprintln!("✗ {}", e.message),
                (None, None) => {}
            }
        }
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn print_report(r: &SyncReport, out: &Out) {
    let l = out.lang;
    let n = |v: Option<i64>| v.map(|n| l.int(n)).unwrap_or_else(|| "—".into());
    println!(
        "✓ {} @{} ({}): {} {} · {} {} · {} {}",
        r.account.platform.label(),
        r.account.handle,
        l.date(r.day),
        n(r.followers),
        out.t("followers", "abonnés"),
        n(r.following),
        out.t("following", "abonnements"),
        n(r.posts_count),
        out.t("posts", "publications"),
    );
    let mut parts = vec![format!(
        "{} {} ({} {})",
        l.int(r.posts_seen as i64),
        out.t("posts read", "publications lues"),
        l.int(r.posts_new as i64),
        out.t("new", "nouvelles")
    )];
    parts.push(format!(
        "{} {}",
        l.int((r.post_observations + r.audience_points) as i64),
        out.t("values stored", "valeurs enregistrées")
    ));
    if let Some(f) = r.follower_list {
        parts.push(format!("{} {}", l.int(f as i64), out.t("followers listed", "abonnés listés")));
    }
    if let Some(u) = r.unfollows {
        parts.push(format!(
            "{} {}",
            l.int(u as i64),
            out.t("left since the previous list", "partis depuis la liste précédente")
        ));
    }
    println!("  {}", parts.join(" · "));
    for w in &r.warnings {
        eprintln!("  ! {w}");
    }
}
