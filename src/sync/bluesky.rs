//! Bluesky through the public AppView (`/xrpc/<nsid>`, no authentication), as described in
//! export-formats.md §8.1:
//!
//! * `app.bsky.actor.getProfile` → `profileViewDetailed`: `did`, `handle`, `displayName`,
//!   `followersCount`, `followsCount`, `postsCount` (each optional: missing is unknown).
//! * `app.bsky.feed.getAuthorFeed` (`filter=posts_with_replies`, `includePins=true`, 100 a page,
//!   paginated by `cursor` until it is absent or the page empty, at most
//!   [`SyncOptions::max_pages`] pages) → `feedViewPost`s. An item whose `reason` is
//!   `app.bsky.feed.defs#reasonRepost` is the owner's repost of someone else's post: stored as a
//!   `repost` without numbers (its counts are the other person's applause). The pinned post
//!   (`reasonPin`) is the owner's and counted once. `likeCount`→likes, `repostCount`→shares,
//!   `replyCount`→replies, `quoteCount`→quotes, `bookmarkCount`→saves; a missing count is NULL.
//!   A post with `record.reply` is a `reply`.
//! * `app.bsky.graph.getFollowers` (100 a page, by `cursor`) → the follower list, when asked.
//!
//! Posts are keyed by their `at://` URI.

use super::http::{Failure, Http};
use super::{Fetched, Item, Person, SyncOptions, Target, count, de_count, decode, instant, parse_rfc3339};
use crate::i18n::Lang;
use crate::model::{PostKind, PostMetrics, normalize_handle};
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::atomic::AtomicBool;

const REASON_REPOST: &str = "app.bsky.feed.defs#reasonRepost";
const PAGE: usize = 100;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Profile {
    pub did: String,
    pub handle: String,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default, deserialize_with = "de_count")]
    pub followers_count: Option<i64>,
    #[serde(default, deserialize_with = "de_count")]
    pub follows_count: Option<i64>,
    #[serde(default, deserialize_with = "de_count")]
    pub posts_count: Option<i64>,
}

#[derive(Debug, Deserialize)]
struct Feed {
    #[serde(default)]
    cursor: Option<String>,
    feed: Vec<FeedItem>,
}

#[derive(Debug, Deserialize)]
struct FeedItem {
    post: PostView,
    #[serde(default)]
    reason: Option<Reason>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Reason {
    #[serde(rename = "$type", default)]
    kind: Option<String>,
    #[serde(default)]
    uri: Option<String>,
    #[serde(default)]
    indexed_at: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PostView {
    uri: String,
    author: Author,
    #[serde(default)]
    record: Record,
    #[serde(default, deserialize_with = "de_count")]
    reply_count: Option<i64>,
    #[serde(default, deserialize_with = "de_count")]
    repost_count: Option<i64>,
    #[serde(default, deserialize_with = "de_count")]
    like_count: Option<i64>,
    #[serde(default, deserialize_with = "de_count")]
    quote_count: Option<i64>,
    #[serde(default, deserialize_with = "de_count")]
    bookmark_count: Option<i64>,
    #[serde(default)]
    indexed_at: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Author {
    did: String,
    #[serde(default)]
    handle: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Record {
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    created_at: Option<String>,
    #[serde(default)]
    reply: Option<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
struct Followers {
    #[serde(default)]
    cursor: Option<String>,
    followers: Vec<Author>,
}

fn xrpc(base: &str, nsid: &str, params: &[(&str, &str)]) -> Result<String, Failure> {
    reqwest::Url::parse_with_params(&format!("{base}/xrpc/{nsid}"), params).map(String::from).map_err(|e| {
        Failure::Sync(crate::error::SyncErrorKind::Malformed { host: base.to_string(), detail: e.to_string() })
    })
}

/// The profile of `actor` (a handle or a DID).
pub(crate) async fn profile(http: &Http, base: &str, actor: &str, cancel: &AtomicBool) -> Result<Profile, Failure> {
    let url = xrpc(base, "app.bsky.actor.getProfile", &[("actor", actor)])?;
    let page = http.get_json(&url, cancel).await?;
    decode(&url, page.body)
}

/// Everything one snapshot of a Bluesky account needs, requested in order; nothing is written.
pub(crate) async fn fetch(
    http: &Http,
    base: &str,
    target: &Target,
    opts: &SyncOptions,
    cancel: &AtomicBool,
) -> Result<Fetched, Failure> {
    let actor = target.user_id.clone().unwrap_or_else(|| target.handle.clone());
    let p = profile(http, base, &actor, cancel).await?;
    let handle = normalize_handle(&p.handle);
    let mut out = Fetched {
        handle: if handle.is_empty() || handle == "handle.invalid" { target.handle.clone() } else { handle },
        user_id: p.did.clone(),
        display_name: p.display_name.filter(|n| !n.trim().is_empty()),
        followers: count(p.followers_count),
        following: count(p.follows_count),
        posts: count(p.posts_count),
        ..Fetched::default()
    };
    let lang = opts.lang;

    // The author feed, newest first.
    let limit = PAGE.to_string();
    let mut seen = HashSet::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
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
        let mut params = vec![
            ("actor", p.did.as_str()),
            ("limit", limit.as_str()),
            ("filter", "posts_with_replies"),
            ("includePins", "true"),
        ];
        if let Some(c) = &cursor {
            params.push(("cursor", c.as_str()));
        }
        let url = xrpc(base, "app.bsky.feed.getAuthorFeed", &params)?;
        let page: Feed = decode(&url, http.get_json(&url, cancel).await?.body)?;
        pages += 1;
        let empty = page.feed.is_empty();
        for fi in page.feed {
            if let Some(item) = item(fi, &p.did)
                && seen.insert(item.id.clone())
            {
                out.items.push(item);
            }
        }
        match page.cursor.filter(|c| !c.is_empty()) {
            Some(c) if !empty && cursor.as_deref() != Some(c.as_str()) => cursor = Some(c),
            _ => break,
        }
    }

    if opts.followers {
        out.follower_list = followers(http, base, &p.did, out.followers, opts, &mut out.warnings, cancel).await?;
    }
    Ok(out)
}

/// The follower list, or `None` (with a warning) when it cannot be read whole.
async fn followers(
    http: &Http,
    base: &str,
    did: &str,
    expected: Option<i64>,
    opts: &SyncOptions,
    warnings: &mut Vec<String>,
    cancel: &AtomicBool,
) -> Result<Option<Vec<Person>>, Failure> {
    if let Some(n) = expected
        && n as usize > opts.followers_cap
    {
        warnings.push(super::write::list_too_long(opts.lang, n as usize, opts.followers_cap));
        return Ok(None);
    }
    let limit = PAGE.to_string();
    let mut people = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut params = vec![("actor", did), ("limit", limit.as_str())];
        if let Some(c) = &cursor {
            params.push(("cursor", c.as_str()));
        }
        let url = xrpc(base, "app.bsky.graph.getFollowers", &params)?;
        let page: Followers = decode(&url, http.get_json(&url, cancel).await?.body)?;
        let empty = page.followers.is_empty();
        people.extend(page.followers.into_iter().map(|a| Person {
            handle: a.handle.map(|h| normalize_handle(&h)).filter(|h| !h.is_empty() && h != "handle.invalid"),
            user_id: Some(a.did),
        }));
        if people.len() > opts.followers_cap {
            warnings.push(super::write::list_too_long(opts.lang, people.len(), opts.followers_cap));
            return Ok(None);
        }
        match page.cursor.filter(|c| !c.is_empty()) {
            Some(c) if !empty && cursor.as_deref() != Some(c.as_str()) => cursor = Some(c),
            _ => break,
        }
    }
    Ok(Some(people))
}

/// A feed item as a stored post, or `None` for someone else's post that is not a repost.
fn item(fi: FeedItem, owner_did: &str) -> Option<Item> {
    let post = fi.post;
    let rkey = post.uri.rsplit('/').next().unwrap_or_default().to_string();
    let author_handle = post.author.handle.clone().unwrap_or_else(|| post.author.did.clone());
    let url = (!rkey.is_empty()).then(|| format!("https://bsky.app/profile/{author_handle}/post/{rkey}"));
    if let Some(reason) = fi.reason.as_ref().filter(|r| r.kind.as_deref() == Some(REASON_REPOST)) {
        return Some(Item {
            id: reason.uri.clone().filter(|u| !u.is_empty()).unwrap_or_else(|| format!("repost:{}", post.uri)),
            published_at: reason.indexed_at.as_deref().and_then(parse_rfc3339).map(instant),
            kind: PostKind::Repost,
            text: post.record.text.filter(|t| !t.is_empty()),
            url,
            metrics: None,
        });
    }
    if post.author.did != owner_did {
        return None;
    }
    // `createdAt` is what the client says; a time after the AppView saw the post is a wrong clock.
    let created = post.record.created_at.as_deref().and_then(parse_rfc3339);
    let indexed = post.indexed_at.as_deref().and_then(parse_rfc3339);
    let published = match (created, indexed) {
        (Some(c), Some(i)) if c > i + chrono::Duration::minutes(10) => Some(i),
        (c, i) => c.or(i),
    };
    let metrics = PostMetrics {
        likes: count(post.like_count),
        shares: count(post.repost_count),
        replies: count(post.reply_count),
        quotes: count(post.quote_count),
        saves: count(post.bookmark_count),
        ..PostMetrics::default()
    };
    Some(Item {
        id: post.uri,
        published_at: published.map(instant),
        kind: if post.record.reply.as_ref().is_some_and(|r| !r.is_null()) { PostKind::Reply } else { PostKind::Post },
        text: post.record.text.filter(|t| !t.is_empty()),
        url,
        metrics: Some(metrics),
    })
}
