//! Mastodon: the account archive (`.zip` since 2023, `.tar.gz` before) with `actor.json` and
//! `outbox.json`, and the CSV exports (`following_accounts.csv`). See export-formats.md §7.
//!
//! The outbox lists posts (`Create`) and boosts (`Announce`). Since Mastodon 4.3 each post carries
//! its favourites (`likes.totalItems`) and boosts (`shares.totalItems`) at export time; older
//! archives have no numbers (unknown, not zero). Replies are never counted in archives. A boost of
//! someone else is stored as a repost without numbers: they are the other person's applause.
//! Post ids are the status ids (the last segment of the status URI), as the REST API gives them, so
//! archive imports and live syncs meet on the same posts.

use crate::error::Result;
use crate::import::Ctx;
use crate::import::detect::FileKind;
use crate::import::json::{self, LenientCount};
use crate::import::table::Table;
use crate::import::text::{html_to_text, parse_instant, rfc3339};
use crate::import::writer::{AccountHint, BufferedPost, PostBatch, Snapshot, Writer};
use crate::model::{PostKind, PostMetrics};
use chrono::NaiveDate;
use serde::Deserialize;
use std::io::Read;

#[derive(Deserialize)]
struct Actor {
    #[serde(default)]
    id: Option<String>,
    #[serde(default, rename = "preferredUsername")]
    preferred_username: Option<String>,
    #[serde(default)]
    name: Option<String>,
}

/// `alice@example.social` from an actor id `https://example.social/users/alice`.
pub fn handle_from_actor(id: &str, username: &str) -> Option<String> {
    let host = id.strip_prefix("https://").or_else(|| id.strip_prefix("http://"))?.split('/').next()?;
    (!host.is_empty() && !username.is_empty()).then(|| format!("{}@{}", username.to_lowercase(), host.to_lowercase()))
}

/// Whose archive it is, from `actor.json`.
pub fn actor_hint(bytes: &[u8], display: &str) -> Result<AccountHint> {
    let actor: Actor = json::parse(bytes, display)?;
    let handle = match (&actor.id, &actor.preferred_username) {
        (Some(id), Some(user)) => handle_from_actor(id, user),
        (None, Some(user)) => Some(user.to_lowercase()),
        _ => None,
    };
    Ok(AccountHint {
        handle,
        display_name: actor.name.map(|n| n.trim().to_string()).filter(|n| !n.is_empty()),
        ..AccountHint::default()
    })
}

/// The export time in an archive's name: `archive-20241002091500-<32 hex>.zip`.
pub fn hint_from_bundle_name(name: &str) -> AccountHint {
    let exported_on = name
        .strip_prefix("archive-")
        .and_then(|rest| rest.get(..8))
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y%m%d").ok());
    AccountHint { exported_on, ..AccountHint::default() }
}

#[derive(Deserialize)]
struct Activity {
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    object: Option<serde_json::Value>,
}

#[derive(Deserialize, Default)]
struct Counted {
    #[serde(default, rename = "totalItems")]
    total_items: LenientCount,
}

#[derive(Deserialize)]
struct Note {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    url: Option<serde_json::Value>,
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default, rename = "inReplyTo")]
    in_reply_to: Option<serde_json::Value>,
    #[serde(default)]
    likes: Option<Counted>,
    #[serde(default)]
    shares: Option<Counted>,
    #[serde(default)]
    attachment: Option<serde_json::Value>,
}

/// The status id in `https://host/users/alice/statuses/113…` (or `…/113…/activity`).
pub fn status_id(uri: &str) -> Option<&str> {
    let rest = uri.split("/statuses/").nth(1)?;
    let id = rest.split('/').next()?;
    (!id.is_empty()).then_some(id)
}

fn has_video(attachment: &Option<serde_json::Value>) -> bool {
    attachment.as_ref().and_then(|a| a.as_array()).is_some_and(|items| {
        items.iter().any(|i| i.get("mediaType").and_then(|m| m.as_str()).is_some_and(|m| m.starts_with("video/")))
    })
}

/// `outbox.json`: every post and boost, streamed.
pub fn outbox(r: impl Read + Send, ctx: &Ctx, w: &mut Writer<'_>) -> Result<()> {
    let mut batch = PostBatch::new(ctx.account_id, ctx.exported_on, FileKind::MastoOutbox);
    let mut seen = 0u64;
    json::for_each(r, &ctx.display, &["orderedItems"], |a: Activity| {
        seen += 1;
        if seen.is_multiple_of(4096) {
            ctx.check()?;
        }
        match a.kind.as_deref() {
            Some("Create") => {
                let Some(obj) = a.object else { return Ok(()) };
                let Ok(note) = serde_json::from_value::<Note>(obj) else { return Ok(()) };
                let Some(id) = note.id.as_deref().and_then(status_id).map(str::to_string) else { return Ok(()) };
                let reply = note.in_reply_to.as_ref().is_some_and(|v| !v.is_null());
                let kind = if reply {
                    PostKind::Reply
                } else if has_video(&note.attachment) {
                    PostKind::Video
                } else {
                    PostKind::Post
                };
                let mut text = note.content.as_deref().map(html_to_text).unwrap_or_default();
                if let Some(cw) = note.summary.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                    text = format!("[{cw}] {text}");
                }
                let url = match &note.url {
                    Some(serde_json::Value::String(u)) => Some(u.clone()),
                    Some(serde_json::Value::Array(items)) => {
                        items.iter().find_map(|i| i.as_str().or_else(|| i.get("href")?.as_str())).map(str::to_string)
                    }
                    _ => None,
                };
                let m = PostMetrics {
                    likes: note.likes.and_then(|c| c.total_items.0),
                    shares: note.shares.and_then(|c| c.total_items.0),
                    ..PostMetrics::default()
                };
                w.post_buffered(
                    &mut batch,
                    BufferedPost {
                        id,
                        published_at: note.published.or(a.published).as_deref().and_then(parse_instant).map(rfc3339),
                        kind,
                        text: Some(text).filter(|t| !t.is_empty()),
                        url: url.filter(|u| u.starts_with("https://") || u.starts_with("http://")),
                        metrics: Some(m).filter(|m| !m.is_empty()),
                    },
                )
            }
            Some("Announce") => {
                let Some(id) = a.id.as_deref().and_then(status_id).map(str::to_string) else { return Ok(()) };
                let boosted = match &a.object {
                    Some(serde_json::Value::String(u)) => Some(u.clone()),
                    Some(o) => o.get("id").and_then(|v| v.as_str()).map(str::to_string),
                    None => None,
                };
                w.post_buffered(
                    &mut batch,
                    BufferedPost {
                        id,
                        published_at: a.published.as_deref().and_then(parse_instant).map(rfc3339),
                        kind: PostKind::Repost,
                        text: boosted.clone(),
                        url: boosted.filter(|u| u.starts_with("https://")),
                        metrics: None,
                    },
                )
            }
            _ => Ok(()),
        }
    })?;
    w.flush_posts(&mut batch)
}

/// `following_accounts.csv`: the accounts the owner follows (`Account address`).
pub fn following_csv(r: Box<dyn Read + '_>, ctx: &Ctx, w: &mut Writer<'_>, snap: &mut Snapshot) -> Result<()> {
    let mut t = Table::open(r, &ctx.display, |_| true)?;
    let addr_c = t.col(&["account address"]);
    t.rows(|row| {
        let Some(addr) = row.get(addr_c) else {
            return Ok(Err("no account address".into()));
        };
        w.member(snap, Some(addr), None, None)?;
        Ok(Ok(()))
    })?;
    let warnings = t.finish(w.lang)?;
    warnings.into_iter().for_each(|x| w.warn(x));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_handles() {
        assert_eq!(status_id("https://ex.social/users/alice/statuses/113000000000000001"), Some("113000000000000001"));
        assert_eq!(status_id("https://ex.social/users/alice/statuses/113/activity"), Some("113"));
        assert_eq!(handle_from_actor("https://Ex.Social/users/alice", "Alice").as_deref(), Some("alice@ex.social"));
        assert_eq!(
            hint_from_bundle_name("archive-20241002091500-0123456789abcdef0123456789abcdef.tar.gz").exported_on,
            NaiveDate::from_ymd_opt(2024, 10, 2)
        );
    }
}
