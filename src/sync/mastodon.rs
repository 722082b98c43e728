//! Mastodon through an instance's public REST API (no authentication), as described in
//! export-formats.md §7.3:
//!
//! * `GET /api/v1/accounts/lookup?acct=user` → the Account (its `id` is kept, with the instance).
//! * `GET /api/v1/accounts/:id` → `followers_count` (**-1 when hidden**: unknown, nothing stored),
//!   `following_count`, `statuses_count`.
//! * `GET /api/v1/accounts/:id/statuses?limit=40&exclude_reblogs=true`, following the
//!   `Link: <…>; rel="next"` header (same host only; at most [`SyncOptions::max_pages`] pages):
//!   `replies_count`→replies, `reblogs_count`→shares, `favourites_count`→likes, `quotes_count`→quotes
//!   (4.5+; NULL when absent); `in_reply_to_id` set → a `reply`; a boost (`reblog`) that slips
//!   through is stored as a `repost` without numbers.
//! * `GET /api/v1/accounts/:id/followers?limit=80` by `Link` → the follower list, when asked. Local
//!   followers (`acct` without a domain) are written `user@instance`.
//!
//! Posts are keyed by their status id (unique on the instance the account is on).

use super::http::{Failure, Http, host_of};
use super::{Fetched, Item, Person, SyncOptions, Target, count, de_count, de_id, decode, instant, parse_rfc3339};
use crate::i18n::Lang;
use crate::model::{PostKind, PostMetrics, normalize_handle};
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::atomic::AtomicBool;

#[derive(Debug, Deserialize)]
pub(crate) struct Account {
    #[serde(deserialize_with = "de_id")]
    pub id: String,
    #[serde(default)]
    pub acct: Option<String>,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default, deserialize_with = "de_count")]
    pub followers_count: Option<i64>,
    #[serde(default, deserialize_with = "de_count")]
    pub following_count: Option<i64>,
    #[serde(default, deserialize_with = "de_count")]
    pub statuses_count: Option<i64>,
}

#[derive(Debug, Deserialize)]
struct Status {
    #[serde(deserialize_with = "de_id")]
    id: String,
    #[serde(default)]
    created_at: Option<String>,
    #[serde(default)]
    in_reply_to_id: Option<serde_json::Value>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    uri: Option<String>,
    #[serde(default)]
    content: Option<String>,
    #[serde(default, deserialize_with = "de_count")]
    replies_count: Option<i64>,
    #[serde(default, deserialize_with = "de_count")]
    reblogs_count: Option<i64>,
    #[serde(default, deserialize_with = "de_count")]
    favourites_count: Option<i64>,
    #[serde(default, deserialize_with = "de_count")]
    quotes_count: Option<i64>,
    #[serde(default)]
    reblog: Option<serde_json::Value>,
}

/// Looks a local account of the instance up by its user name.
pub(crate) async fn lookup(http: &Http, base: &str, user: &str, cancel: &AtomicBool) -> Result<Account, Failure> {
    let url = reqwest::Url::parse_with_params(&format!("{base}/api/v1/accounts/lookup"), &[("acct", user)])
        .map(String::from)
        .map_err(|e| malformed(base, e.to_string()))?;
    let page = http.get_json(&url, cancel).await?;
    decode(&url, page.body)
}

fn malformed(url: &str, detail: String) -> Failure {
    Failure::Sync(crate::error::SyncErrorKind::Malformed { host: host_of(url), detail })
}

/// True when `next` may be followed from `base`: same scheme, host and port (a Link header does
/// not send us elsewhere).
fn same_origin(base: &str, next: &str) -> bool {
    match (reqwest::Url::parse(base), reqwest::Url::parse(next)) {
        (Ok(a), Ok(b)) => {
            a.scheme() == b.scheme()
                && a.host_str() == b.host_str()
                && a.port_or_known_default() == b.port_or_known_default()
        }
        _ => false,
    }
}

/// Everything one snapshot of a Mastodon account needs, requested in order; nothing is written.
pub(crate) async fn fetch(
    http: &Http,
    base: &str,
    target: &Target,
    opts: &SyncOptions,
    cancel: &AtomicBool,
) -> Result<Fetched, Failure> {
    let domain = target.handle.rsplit_once('@').map(|(_, d)| d.to_string()).unwrap_or_else(|| host_of(base));
    let id = match &target.user_id {
        Some(id) if id.chars().all(|c| c.is_ascii_alphanumeric()) => id.clone(),
        _ => {
            let user = target.handle.split('@').next().unwrap_or_default();
            lookup(http, base, user, cancel).await?.id
        }
    };
    if !id.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(malformed(base, format!("unexpected account id {id:?}")));
    }
    let url = format!("{base}/api/v1/accounts/{id}");
    let account: Account = decode(&url, http.get_json(&url, cancel).await?.body)?;
    let mut out = Fetched {
        handle: target.handle.clone(),
        user_id: account.id.clone(),
        display_name: account.display_name.clone().filter(|n| !n.trim().is_empty()),
        followers: count(account.followers_count),
        following: count(account.following_count),
        posts: count(account.statuses_count),
        ..Fetched::default()
    };
    let lang = opts.lang;
    if account.followers_count.is_some_and(|n| n < 0) {
        out.warnings.push(
            lang.pick(
                "the owner hides the follower count: none was stored",
                "le propriétaire masque le nombre d'abonnés : aucun n'a été enregistré",
            )
            .to_string(),
        );
    }

    let mut next = Some(format!("{base}/api/v1/accounts/{id}/statuses?limit=40&exclude_reblogs=true"));
    let mut seen = HashSet::new();
    let mut pages = 0;
    while let Some(url) = next.take() {
        if pages >= opts.max_pages {
            out.warnings.push(match lang {
                Lang::En => format!("only the latest {} posts were read ({pages} pages)", out.items.len()),
                Lang::Fr => format!(
                    "seules les {} publications les plus récentes ont été lues ({pages} pages)",
                    out.items.len()
                ),
            });
            break;
        }
        let page = http.get_json(&url, cancel).await?;
        pages += 1;
        let statuses: Vec<Status> = decode(&url, page.body)?;
        let empty = statuses.is_empty();
        for s in statuses {
            let item = item(s);
            if seen.insert(item.id.clone()) {
                out.items.push(item);
            }
        }
        next = page.next.filter(|n| !empty && n != &url && same_origin(base, n));
    }

    if opts.followers {
        out.follower_list = followers(http, base, &id, &domain, &account, opts, &mut out.warnings, cancel).await?;
    }
    Ok(out)
}

/// The follower list, or `None` (with a warning) when it cannot be read whole.
#[allow(clippy::too_many_arguments)]
async fn followers(
    http: &Http,
    base: &str,
    id: &str,
    domain: &str,
    account: &Account,
    opts: &SyncOptions,
    warnings: &mut Vec<String>,
    cancel: &AtomicBool,
) -> Result<Option<Vec<Person>>, Failure> {
    match account.followers_count {
        Some(n) if n < 0 => return Ok(None), // hidden: the list is hidden too
        Some(n) if n as usize > opts.followers_cap => {
            warnings.push(super::write::list_too_long(opts.lang, n as usize, opts.followers_cap));
            return Ok(None);
        }
        _ => {}
    }
    let mut people = Vec::new();
    let mut next = Some(format!("{base}/api/v1/accounts/{id}/followers?limit=80"));
    while let Some(url) = next.take() {
        let page = http.get_json(&url, cancel).await?;
        let accounts: Vec<Account> = decode(&url, page.body)?;
        let empty = accounts.is_empty();
        people.extend(accounts.into_iter().map(|a| {
            let handle = a
                .acct
                .as_deref()
                .map(normalize_handle)
                .filter(|h| !h.is_empty())
                .map(|h| if h.contains('@') { h } else { format!("{h}@{domain}") });
            Person { handle, user_id: Some(a.id) }
        }));
        if people.len() > opts.followers_cap {
            warnings.push(super::write::list_too_long(opts.lang, people.len(), opts.followers_cap));
            return Ok(None);
        }
        next = page.next.filter(|n| !empty && n != &url && same_origin(base, n));
    }
    Ok(Some(people))
}

fn item(s: Status) -> Item {
    let published_at = s.created_at.as_deref().and_then(parse_rfc3339).map(instant);
    let url = s.url.clone().or_else(|| s.uri.clone()).filter(|u| !u.is_empty());
    if s.reblog.as_ref().is_some_and(|r| !r.is_null()) {
        return Item { id: s.id, published_at, kind: PostKind::Repost, text: None, url, metrics: None };
    }
    let reply = s.in_reply_to_id.as_ref().is_some_and(|v| !v.is_null());
    Item {
        id: s.id,
        published_at,
        kind: if reply { PostKind::Reply } else { PostKind::Post },
        text: s.content.as_deref().map(html_to_text).filter(|t| !t.is_empty()),
        url,
        metrics: Some(PostMetrics {
            replies: count(s.replies_count),
            shares: count(s.reblogs_count),
            likes: count(s.favourites_count),
            quotes: count(s.quotes_count),
            ..PostMetrics::default()
        }),
    }
}

/// The text of a status's HTML `content`: tags dropped, paragraphs and line breaks kept, the
/// common entities decoded.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else {
            rest = "";
            break;
        };
        let tag = rest[lt + 1..lt + gt].trim().to_ascii_lowercase();
        let name = tag.trim_start_matches('/').split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("");
        match name {
            "br" => out.push('\n'),
            "p" if tag.starts_with('/') => out.push_str("\n\n"),
            _ => {}
        }
        rest = &rest[lt + gt + 1..];
    }
    out.push_str(rest);
    decode_entities(out.trim())
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => {
                    let code = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                        u32::from_str_radix(hex, 16).ok()
                    } else {
                        name.strip_prefix('#').and_then(|d| d.parse().ok())
                    };
                    code.and_then(char::from_u32)
                }
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_html_becomes_text() {
        assert_eq!(
            html_to_text("<p>Hello <a href=\"https://x\">@bob</a> &amp; you</p><p>line<br />two &#39;ok&#x27;</p>"),
            "Hello @bob & you\n\nline\ntwo 'ok'"
        );
        assert_eq!(html_to_text("a &unknown; b & c"), "a &unknown; b & c");
    }

    #[test]
    fn links_are_followed_on_the_same_origin_only() {
        assert!(same_origin("https://m.example", "https://m.example/api/v1/x?max_id=1"));
        assert!(!same_origin("https://m.example", "https://evil.example/api/v1/x"));
        assert!(!same_origin("https://m.example", "http://m.example/api/v1/x"));
    }
}
