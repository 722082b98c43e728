//! Live sync against a fake Bluesky AppView and a fake Mastodon instance served on 127.0.0.1 by
//! this file (no network beyond loopback). The JSON is written from the field lists of
//! export-formats.md §7.3 (Mastodon REST API) and §8.1 (Bluesky AppView), never copied from real
//! answers.

use resonance::Store;
use resonance::model::{AudienceMetric, AudienceSource, Platform, Role};
use resonance::store::audience;
use resonance::sync::http::HttpConfig;
use resonance::sync::{self, NewAccount, SyncOptions, blocking};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------------------------
// A tiny HTTP/1.1 server: one thread per connection, `Connection: close`.

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
    /// Accept the request and never answer (until the client gives up).
    hang: bool,
}

impl Reply {
    fn json(v: Value) -> Reply {
        Reply { status: 200, headers: Vec::new(), body: v.to_string(), hang: false }
    }
    fn status(status: u16, body: &str) -> Reply {
        Reply { status, headers: Vec::new(), body: body.to_string(), hang: false }
    }
    fn header(mut self, k: &str, v: &str) -> Reply {
        self.headers.push((k.to_string(), v.to_string()));
        self
    }
}

type Handler = dyn Fn(&str, &str) -> Reply + Send + Sync;

struct Server {
    base: String,
    hits: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn start(handler: impl Fn(&str, &str) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let hits = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let (b, h) = (base.clone(), hits.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (handler, base, hits) = (handler.clone(), b.clone(), h.clone());
                std::thread::spawn(move || serve(stream, &*handler, &base, &hits));
            }
        });
        Server { base, hits }
    }

    fn hits(&self) -> Vec<String> {
        self.hits.lock().unwrap().clone()
    }

    fn count(&self, needle: &str) -> usize {
        self.hits().iter().filter(|p| p.contains(needle)).count()
    }
}

fn serve(stream: TcpStream, handler: &Handler, base: &str, hits: &Mutex<Vec<String>>) {
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    let mut line = String::new();
    while reader.read_line(&mut line).map(|n| n > 2).unwrap_or(false) {
        line.clear();
    }
    let path = first.split_whitespace().nth(1).unwrap_or("/").to_string();
    hits.lock().unwrap().push(path.clone());
    let reply = handler(&path, base);
    let mut stream = stream;
    if reply.hang {
        std::thread::sleep(Duration::from_secs(4));
        return;
    }
    let mut head = format!(
        "HTTP/1.1 {} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n",
        reply.status,
        reply.body.len()
    );
    for (k, v) in &reply.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(reply.body.as_bytes());
    let _ = stream.flush();
}

// ---------------------------------------------------------------------------------------------
// What the fake servers answer, and how they fail on demand.

#[derive(Clone, Copy, PartialEq, Debug)]
enum Mode {
    Ok,
    /// HTTP 500 on every request.
    Broken,
    /// Never answers.
    Hang,
    /// 200 with a body that is not JSON.
    Garbage,
    /// 200 with JSON of the wrong shape.
    WrongShape,
    /// 404 on every request.
    Gone,
    /// 429 with `Retry-After: 1` on the next `n` requests, then normal.
    LimitedFor(usize),
    /// 429 with `Retry-After: 3600`.
    LimitedLong,
    /// 503 (maintenance) with `Retry-After` as an HTTP date two hours ahead.
    Maintenance,
}

struct Fake {
    mode: Mutex<Mode>,
    followers: AtomicI64,
    likes: AtomicI64,
    /// Follower handles listed by the follower endpoints.
    people: Mutex<Vec<&'static str>>,
    /// Mastodon: what `followers_count` says (-1: hidden).
    hidden: AtomicBool,
    /// Mastodon: `X-RateLimit-Remaining: 0` on the account call.
    exhausted: AtomicBool,
}

impl Fake {
    fn new() -> Arc<Fake> {
        Arc::new(Fake {
            mode: Mutex::new(Mode::Ok),
            followers: AtomicI64::new(1532),
            likes: AtomicI64::new(17),
            people: Mutex::new(vec!["bob", "carla", "dan"]),
            hidden: AtomicBool::new(false),
            exhausted: AtomicBool::new(false),
        })
    }

    fn set(&self, m: Mode) {
        *self.mode.lock().unwrap() = m;
    }

    /// The failure mode's answer, or None to answer normally.
    fn failure(&self) -> Option<Reply> {
        let mut mode = self.mode.lock().unwrap();
        match *mode {
            Mode::Ok => None,
            Mode::Broken => Some(Reply::status(500, r#"{"error":"InternalServerError"}"#)),
            Mode::Hang => Some(Reply { hang: true, ..Reply::status(200, "") }),
            Mode::Garbage => Some(Reply::status(200, "<html>oops")),
            Mode::WrongShape => Some(Reply::json(json!({"unexpected": true}))),
            Mode::Gone => Some(Reply::status(404, r#"{"error":"Record not found"}"#)),
            Mode::LimitedFor(0) => {
                *mode = Mode::Ok;
                None
            }
            Mode::LimitedFor(n) => {
                *mode = Mode::LimitedFor(n - 1);
                Some(Reply::status(429, r#"{"error":"RateLimitExceeded"}"#).header("Retry-After", "1"))
            }
            Mode::LimitedLong => Some(Reply::status(429, "{}").header("Retry-After", "3600")),
            Mode::Maintenance => {
                let at = chrono::Utc::now() + chrono::Duration::hours(2);
                Some(Reply::status(503, "").header("Retry-After", &at.format("%a, %d %b %Y %H:%M:%S GMT").to_string()))
            }
        }
    }
}

const DID: &str = "did:plc:alice123";

fn post(rkey: &str, text: &str, counts: Value, reply: bool) -> Value {
    let mut record = json!({"$type": "app.bsky.feed.post", "text": text, "langs": ["en"],
        "createdAt": "2026-02-20T09:15:00.000Z"});
    if reply {
        record["reply"] = json!({"root": {"uri": "at://did:plc:bob/app.bsky.feed.post/r1", "cid": "bafyroot"},
                                 "parent": {"uri": "at://did:plc:bob/app.bsky.feed.post/r1", "cid": "bafyroot"}});
    }
    let mut p = json!({
        "uri": format!("at://{DID}/app.bsky.feed.post/{rkey}"), "cid": format!("bafy{rkey}"),
        "author": {"did": DID, "handle": "alice.bsky.social", "displayName": "Alice"},
        "record": record, "indexedAt": "2026-02-20T09:15:01.412Z", "labels": []
    });
    for (k, v) in counts.as_object().unwrap() {
        p[k] = v.clone();
    }
    p
}

fn bluesky(fake: Arc<Fake>) -> impl Fn(&str, &str) -> Reply + Send + Sync + 'static {
    move |path, _base| {
        if let Some(r) = fake.failure() {
            return r;
        }
        let likes = fake.likes.load(Ordering::SeqCst);
        if path.starts_with("/xrpc/app.bsky.actor.getProfile") {
            if !path.contains("alice") {
                return Reply::status(400, r#"{"error":"InvalidRequest","message":"Profile not found"}"#);
            }
            return Reply::json(json!({
                "did": DID, "handle": "alice.bsky.social", "displayName": "Alice", "description": "hi",
                "avatar": "https://cdn.bsky.app/img/avatar/plain/did:plc:alice123/bafkrei@jpeg",
                "followersCount": fake.followers.load(Ordering::SeqCst), "followsCount": 310, "postsCount": 4,
                "associated": {"lists": 0, "feedgens": 0, "starterPacks": 1, "labeler": false},
                "indexedAt": "2024-11-14T10:02:33.109Z", "createdAt": "2023-05-02T18:21:44.520Z", "labels": [],
                "pinnedPost": {"uri": format!("at://{DID}/app.bsky.feed.post/p3"), "cid": "bafyp3"}
            }));
        }
        if path.starts_with("/xrpc/app.bsky.feed.getAuthorFeed") {
            let full =
                json!({"replyCount": 2, "repostCount": 1, "likeCount": likes, "quoteCount": 0, "bookmarkCount": 3});
            if path.contains("cursor=page2") {
                // The oldest post: only a like count (the others are unknown, not zero).
                return Reply::json(json!({"cursor": "page3", "feed": [
                    {"post": post("p1", "first post", json!({"likeCount": 4}), false)}
                ]}));
            }
            if path.contains("cursor=page3") {
                return Reply::json(json!({"cursor": "page4", "feed": []}));
            }
            return Reply::json(json!({"cursor": "page2", "feed": [
                {"post": post("p3", "pinned & popular", full.clone(), false),
                 "reason": {"$type": "app.bsky.feed.defs#reasonPin"}},
                {"post": {
                    "uri": "at://did:plc:bob/app.bsky.feed.post/b9", "cid": "bafyb9",
                    "author": {"did": "did:plc:bob", "handle": "bob.bsky.social"},
                    "record": {"$type": "app.bsky.feed.post", "text": "bob's hit", "createdAt": "2026-02-21T08:00:00.000Z"},
                    "replyCount": 50, "repostCount": 400, "likeCount": 9000, "indexedAt": "2026-02-21T08:00:01.000Z"},
                 "reason": {"$type": "app.bsky.feed.defs#reasonRepost",
                            "by": {"did": DID, "handle": "alice.bsky.social"},
                            "uri": format!("at://{DID}/app.bsky.feed.repost/rp1"), "cid": "bafyrp1",
                            "indexedAt": "2026-02-21T09:00:00.000Z"}},
                {"post": post("p3", "pinned & popular", full, false)},
                {"post": post("p2", "@bob agreed", json!({"replyCount": 0, "repostCount": 0, "likeCount": 1}), true),
                 "reply": {"root": {"$type": "app.bsky.feed.defs#postView"}, "parent": {"$type": "app.bsky.feed.defs#postView"}}}
            ]}));
        }
        if path.starts_with("/xrpc/app.bsky.graph.getFollowers") {
            let people = fake.people.lock().unwrap().clone();
            let profile = |h: &str| {
                json!({"did": format!("did:plc:{h}"), "handle": format!("{h}.bsky.social"),
                                          "displayName": h, "indexedAt": "2025-01-01T00:00:00.000Z", "labels": []})
            };
            let (first, rest) = people.split_at(people.len().min(2));
            if path.contains("cursor=f2") {
                return Reply::json(json!({"subject": {"did": DID, "handle": "alice.bsky.social"},
                                          "followers": rest.iter().map(|h| profile(h)).collect::<Vec<_>>()}));
            }
            return Reply::json(json!({"subject": {"did": DID, "handle": "alice.bsky.social"}, "cursor": "f2",
                                      "followers": first.iter().map(|h| profile(h)).collect::<Vec<_>>()}));
        }
        Reply::status(404, "{}")
    }
}

fn masto_account(fake: &Fake) -> Value {
    let followers = if fake.hidden.load(Ordering::SeqCst) { -1 } else { fake.followers.load(Ordering::SeqCst) };
    json!({"id": "109", "username": "carol", "acct": "carol", "display_name": "Carol",
        "locked": false, "bot": false, "discoverable": true, "group": false,
        "created_at": "2022-11-05T00:00:00.000Z", "note": "<p>hi</p>", "url": "https://masto.test/@carol",
        "avatar": "", "avatar_static": "", "header": "", "header_static": "",
        "followers_count": followers, "following_count": 12, "statuses_count": 3,
        "last_status_at": "2026-02-20", "emojis": [], "fields": []})
}

fn status(id: &str, content: &str, reply_to: Option<&str>, extra: Value) -> Value {
    let mut s = json!({"id": id, "created_at": "2026-02-20T09:15:00.123Z", "edited_at": null,
        "in_reply_to_id": reply_to, "in_reply_to_account_id": reply_to.map(|_| "7"),
        "sensitive": false, "spoiler_text": "", "visibility": "public", "language": "en",
        "uri": format!("https://masto.test/users/carol/statuses/{id}"), "url": format!("https://masto.test/@carol/{id}"),
        "replies_count": 1, "reblogs_count": 2, "favourites_count": 5,
        "content": content, "reblog": null, "account": {"id": "109"}, "media_attachments": [], "mentions": [],
        "tags": [], "emojis": [], "card": null, "poll": null});
    for (k, v) in extra.as_object().unwrap() {
        s[k] = v.clone();
    }
    s
}

fn mastodon(fake: Arc<Fake>) -> impl Fn(&str, &str) -> Reply + Send + Sync + 'static {
    move |path, base| {
        if let Some(r) = fake.failure() {
            return r;
        }
        let statuses = "/api/v1/accounts/109/statuses?limit=40&exclude_reblogs=true";
        if path.starts_with("/api/v1/accounts/lookup") {
            return if path.ends_with("acct=carol") {
                Reply::json(masto_account(&fake))
            } else {
                Reply::status(404, r#"{"error":"Record not found"}"#)
            };
        }
        if path == "/api/v1/accounts/109" {
            let r = Reply::json(masto_account(&fake)).header("X-RateLimit-Limit", "300");
            return if fake.exhausted.load(Ordering::SeqCst) {
                r.header("X-RateLimit-Remaining", "0").header("X-RateLimit-Reset", "2099-01-01T00:00:00.000Z")
            } else {
                r.header("X-RateLimit-Remaining", "299")
            };
        }
        if path == statuses {
            let likes = fake.likes.load(Ordering::SeqCst);
            return Reply::json(json!([
                status(
                    "3",
                    "<p>thanks <span class=\"h-card\"><a href=\"https://x.test/@dave\">@dave</a></span></p>",
                    Some("2"),
                    json!({})
                ),
                status("2", "<p>Hello &amp; welcome</p>", None, json!({"favourites_count": likes}))
            ]))
            .header(
                "Link",
                &format!(r#"<{base}{statuses}&max_id=2>; rel="next", <{base}{statuses}&min_id=3>; rel="prev""#),
            );
        }
        if path == format!("{statuses}&max_id=2") {
            return Reply::json(json!([status("1", "<p>first<br>post</p>", None, json!({"quotes_count": 1}))]))
                .header("Link", &format!(r#"<{base}{statuses}&max_id=1>; rel="next""#));
        }
        if path == format!("{statuses}&max_id=1") {
            return Reply::json(json!([]));
        }
        if path.starts_with("/api/v1/accounts/109/followers") {
            let people = fake.people.lock().unwrap().clone();
            let list: Vec<Value> = people
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    let acct = if i == 0 { h.to_string() } else { format!("{h}@other.social") };
                    json!({"id": format!("{}", 200 + i), "username": h, "acct": acct, "followers_count": 1})
                })
                .collect();
            return Reply::json(Value::Array(list));
        }
        Reply::status(404, r#"{"error":"Record not found"}"#)
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers.

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("r.db")).unwrap();
    (dir, store)
}

fn day(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

fn opts(server: &Server, on: &str) -> SyncOptions {
    SyncOptions {
        bluesky_url: server.base.clone(),
        http: HttpConfig {
            timeout: Duration::from_secs(5),
            connect_timeout: Duration::from_secs(2),
            attempts: 3,
            backoff: Duration::from_millis(20),
            ..HttpConfig::default()
        },
        day: Some(day(on)),
        ..SyncOptions::default()
    }
}

fn no_cancel() -> AtomicBool {
    AtomicBool::new(false)
}

/// Row counts of every table a sync writes.
fn fingerprint(store: &Store) -> Vec<(&'static str, i64)> {
    store
        .read(|c| {
            let mut out = Vec::new();
            for t in [
                "accounts",
                "imports",
                "audience_observations",
                "identities",
                "relation_snapshots",
                "relation_members",
                "posts",
                "post_metrics",
            ] {
                out.push((t, c.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?));
            }
            Ok(out)
        })
        .unwrap()
}

fn add_alice(store: &Store, server: &Server) -> i64 {
    let new = NewAccount {
        platform: Platform::Bluesky,
        handle: "@Alice.bsky.social".into(),
        role: Some(Role::Pro),
        instance_url: None,
    };
    let added = blocking::add_account(store, &new, &opts(server, "2026-03-01"), &no_cancel()).unwrap();
    assert!(added.created);
    added.account.id
}

fn add_carol(store: &Store, server: &Server) -> i64 {
    let new = NewAccount {
        platform: Platform::Mastodon,
        handle: "@Carol@Masto.Test".into(),
        role: None,
        instance_url: Some(server.base.clone()),
    };
    blocking::add_account(store, &new, &opts(server, "2026-03-01"), &no_cancel()).unwrap().account.id
}

fn last_error(store: &Store, id: i64) -> Option<String> {
    store.read(|c| Ok(sync::status(c, id, resonance::Lang::En)?.last_error.map(|e| e.code))).unwrap()
}

/// observed_on, likes, shares, replies, quotes, saves.
type MetricRow = (String, Option<i64>, Option<i64>, Option<i64>, Option<i64>, Option<i64>);

fn metric_rows(store: &Store, platform_post_id: &str) -> Vec<MetricRow> {
    store
        .read(|c| {
            let mut stmt = c.prepare(
                "SELECT m.observed_on, m.likes, m.shares, m.replies, m.quotes, m.saves FROM post_metrics m
                 JOIN posts p ON p.id = m.post_id WHERE p.platform_post_id = ?1 ORDER BY m.id",
            )?;
            let rows = stmt
                .query_map([platform_post_id], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
        .unwrap()
}

// ---------------------------------------------------------------------------------------------
// Bluesky.

#[test]
fn bluesky_two_syncs_a_day_apart_give_a_history_and_update_posts_without_duplicates() {
    let fake = Fake::new();
    let server = Server::start(bluesky(fake.clone()));
    let (_dir, store) = store();
    let id = add_alice(&store, &server);
    let acc = store.read(|c| resonance::store::accounts::get(c, id)).unwrap();
    assert_eq!(
        (acc.handle.as_str(), acc.role, acc.display_name.as_deref()),
        ("alice.bsky.social", Role::Pro, Some("Alice"))
    );
    let uid: Option<String> = store
        .read(|c| Ok(c.query_row("SELECT platform_user_id FROM accounts WHERE id = ?1", [id], |r| r.get(0))?))
        .unwrap();
    assert_eq!(uid.as_deref(), Some(DID));

    let r1 = blocking::sync_account(&store, id, &opts(&server, "2026-03-01"), &no_cancel()).unwrap();
    assert_eq!((r1.followers, r1.following, r1.posts_count), (Some(1532), Some(310), Some(4)));
    assert_eq!(r1.audience_points, 3);
    // p3 (pinned, listed twice), bob's post reposted, p2 (reply), p1: four items, one repost.
    assert_eq!((r1.posts_seen, r1.posts_new, r1.reposts, r1.post_observations), (4, 4, 1, 3));
    // The feed was read until a page came back empty.
    assert_eq!(server.count("getAuthorFeed"), 3);

    fake.followers.store(1540, Ordering::SeqCst);
    fake.likes.store(20, Ordering::SeqCst);
    let r2 = blocking::sync_account(&store, id, &opts(&server, "2026-03-02"), &no_cancel()).unwrap();
    assert_eq!(r2.followers, Some(1540));
    assert_eq!((r2.posts_seen, r2.posts_new, r2.post_observations), (4, 0, 1), "only p3's numbers changed");
    // Following and posts counts did not change from day 1, but they are a new day: one row each.
    assert_eq!(r2.audience_points, 3);

    let series = store.read(|c| audience::follower_series(c, id, AudienceMetric::Followers)).unwrap();
    let points: Vec<(String, i64, AudienceSource)> =
        series.iter().map(|p| (p.date.to_string(), p.followers, p.source)).collect();
    assert_eq!(
        points,
        vec![
            ("2026-03-01".to_string(), 1532, AudienceSource::LiveSync),
            ("2026-03-02".to_string(), 1540, AudienceSource::LiveSync)
        ]
    );

    let posts = store.read(|c| resonance::store::posts::list(c, id)).unwrap();
    assert_eq!(posts.len(), 4, "posts are updated, never duplicated");
    let p3 = format!("at://{DID}/app.bsky.feed.post/p3");
    assert_eq!(
        metric_rows(&store, &p3),
        vec![
            ("2026-03-01".into(), Some(17), Some(1), Some(2), Some(0), Some(3)),
            ("2026-03-02".into(), Some(20), Some(1), Some(2), Some(0), Some(3))
        ]
    );
    // Missing count fields are unknown, not zero.
    let p1 = format!("at://{DID}/app.bsky.feed.post/p1");
    assert_eq!(metric_rows(&store, &p1), vec![("2026-03-01".into(), Some(4), None, None, None, None)]);
    let kind_of = |uri: &str| posts.iter().find(|p| p.platform_post_id == uri).map(|p| p.kind);
    assert_eq!(kind_of(&format!("at://{DID}/app.bsky.feed.post/p2")), Some(resonance::model::PostKind::Reply));
    // The repost of bob's post: kept as a repost, without bob's applause.
    let repost = posts.iter().find(|p| p.kind == resonance::model::PostKind::Repost).unwrap();
    assert_eq!(repost.platform_post_id, format!("at://{DID}/app.bsky.feed.repost/rp1"));
    assert!(repost.metrics.likes.is_none() && metric_rows(&store, &repost.platform_post_id).is_empty());
    let summary = store.read(|c| resonance::store::accounts::get(c, id)).unwrap();
    assert_eq!((summary.followers, summary.posts), (Some(1540), 3));

    let st = store.read(|c| sync::status(c, id, resonance::Lang::En)).unwrap();
    assert!(st.last_sync_at.is_some() && st.last_error.is_none());
}

#[test]
fn a_second_sync_the_same_day_adds_only_what_changed() {
    let fake = Fake::new();
    let server = Server::start(bluesky(fake.clone()));
    let (_dir, store) = store();
    let id = add_alice(&store, &server);
    let o = opts(&server, "2026-03-01");
    blocking::sync_account(&store, id, &o, &no_cancel()).unwrap();
    let before = fingerprint(&store);
    let again = blocking::sync_account(&store, id, &o, &no_cancel()).unwrap();
    assert_eq!((again.audience_points, again.post_observations, again.posts_new), (0, 0, 0));
    assert_eq!(fingerprint(&store), before, "the same values add nothing");

    fake.followers.store(1533, Ordering::SeqCst);
    let third = blocking::sync_account(&store, id, &o, &no_cancel()).unwrap();
    assert_eq!(third.audience_points, 1, "a different value the same day is a new row");
    let series = store.read(|c| audience::follower_series(c, id, AudienceMetric::Followers)).unwrap();
    assert_eq!(series.len(), 1);
    assert_eq!(series[0].followers, 1533, "the newest value of the day wins");
}

#[test]
fn bluesky_follower_lists_are_snapshots_that_show_who_left() {
    let fake = Fake::new();
    let server = Server::start(bluesky(fake.clone()));
    let (_dir, store) = store();
    let id = add_alice(&store, &server);
    let mut o = opts(&server, "2026-03-01");
    o.followers = true;
    let r1 = blocking::sync_account(&store, id, &o, &no_cancel()).unwrap();
    assert_eq!((r1.follower_list, r1.unfollows), (Some(3), None));
    assert_eq!(server.count("getFollowers"), 2, "cursor pages followed");

    *fake.people.lock().unwrap() = vec!["bob", "dan", "emma"];
    o.day = Some(day("2026-03-02"));
    let r2 = blocking::sync_account(&store, id, &o, &no_cancel()).unwrap();
    assert_eq!((r2.follower_list, r2.unfollows), (Some(3), Some(1)), "carla left");
    let identities: i64 =
        store.read(|c| Ok(c.query_row("SELECT count(*) FROM identities", [], |r| r.get(0))?)).unwrap();
    assert_eq!(identities, 4);

    // The same list again the same day is not kept twice.
    let before = fingerprint(&store);
    blocking::sync_account(&store, id, &o, &no_cancel()).unwrap();
    assert_eq!(fingerprint(&store), before);

    // A list longer than the cap is not stored (a partial list would invent unfollows).
    o.followers_cap = 2;
    o.day = Some(day("2026-03-03"));
    let r3 = blocking::sync_account(&store, id, &o, &no_cancel()).unwrap();
    assert_eq!(r3.follower_list, None);
    assert!(r3.warnings.iter().any(|w| w.contains("not stored")), "{:?}", r3.warnings);
}

// ---------------------------------------------------------------------------------------------
// Mastodon.

#[test]
fn mastodon_account_by_address_then_statuses_through_link_pages() {
    let fake = Fake::new();
    let server = Server::start(mastodon(fake.clone()));
    let (_dir, store) = store();
    let id = add_carol(&store, &server);
    let st = store.read(|c| sync::status(c, id, resonance::Lang::En)).unwrap();
    assert_eq!((st.handle.as_str(), st.instance_url.as_deref()), ("carol@masto.test", Some(server.base.as_str())));

    let mut o = opts(&server, "2026-03-01");
    o.followers = true;
    let r = blocking::sync_account(&store, id, &o, &no_cancel()).unwrap();
    assert_eq!((r.followers, r.following, r.posts_count), (Some(1532), Some(12), Some(3)));
    assert_eq!((r.posts_seen, r.posts_new, r.post_observations), (3, 3, 3));
    assert_eq!(server.count("/statuses"), 3, "Link rel=next followed until an empty page");
    assert!(server.hits().iter().all(|p| !p.contains("min_id")), "rel=prev is not followed");
    assert_eq!(r.follower_list, Some(3));

    let posts = store.read(|c| resonance::store::posts::list(c, id)).unwrap();
    let get = |pid: &str| posts.iter().find(|p| p.platform_post_id == pid).unwrap();
    assert_eq!(get("3").kind, resonance::model::PostKind::Reply);
    assert_eq!(get("2").text.as_deref(), Some("Hello & welcome"));
    assert_eq!(get("1").text.as_deref(), Some("first\npost"));
    // replies_count→replies, reblogs_count→shares, favourites_count→likes, quotes_count→quotes.
    assert_eq!(metric_rows(&store, "1"), vec![("2026-03-01".into(), Some(5), Some(2), Some(1), Some(1), None)]);
    assert_eq!(metric_rows(&store, "2"), vec![("2026-03-01".into(), Some(17), Some(2), Some(1), None, None)]);
    let handles: Vec<String> = store
        .read(|c| {
            let mut s = c.prepare("SELECT handle FROM identities ORDER BY handle")?;
            let v = s.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
            Ok(v)
        })
        .unwrap();
    assert_eq!(handles, vec!["bob@masto.test", "carla@other.social", "dan@other.social"]);

    // A second sync the next day with one number changed.
    fake.likes.store(18, Ordering::SeqCst);
    let r2 = blocking::sync_account(&store, id, &opts(&server, "2026-03-02"), &no_cancel()).unwrap();
    assert_eq!((r2.posts_new, r2.post_observations), (0, 1));
    assert_eq!(store.read(|c| resonance::store::posts::list(c, id)).unwrap().len(), 3);

    // Adding the same address again completes the account instead of duplicating it.
    let again = blocking::add_account(
        &store,
        &NewAccount {
            platform: Platform::Mastodon,
            handle: "carol@masto.test".into(),
            role: Some(Role::Pro),
            instance_url: Some(server.base.clone()),
        },
        &opts(&server, "2026-03-02"),
        &no_cancel(),
    )
    .unwrap();
    assert_eq!((again.account.id, again.created, again.account.role), (id, false, Role::Pro));
}

#[test]
fn a_hidden_mastodon_follower_count_stores_nothing() {
    let fake = Fake::new();
    fake.hidden.store(true, Ordering::SeqCst);
    let server = Server::start(mastodon(fake.clone()));
    let (_dir, store) = store();
    let id = add_carol(&store, &server);
    let mut o = opts(&server, "2026-03-01");
    o.followers = true;
    let r = blocking::sync_account(&store, id, &o, &no_cancel()).unwrap();
    assert_eq!((r.followers, r.following), (None, Some(12)));
    assert_eq!(r.follower_list, None, "a hidden count means a hidden list");
    assert!(r.warnings.iter().any(|w| w.contains("hides")));
    let followers: i64 = store
        .read(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM audience_observations WHERE account_id = ?1 AND metric = 'followers'",
                [id],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(followers, 0, "hidden is unknown, not zero");
    assert_eq!(server.count("/followers"), 0);
}

#[test]
fn an_exhausted_rate_limit_stops_before_the_next_request() {
    let fake = Fake::new();
    let server = Server::start(mastodon(fake.clone()));
    let (_dir, store) = store();
    let id = add_carol(&store, &server);
    let before = fingerprint(&store);
    fake.exhausted.store(true, Ordering::SeqCst);
    let e = blocking::sync_account(&store, id, &opts(&server, "2026-03-01"), &no_cancel()).unwrap_err();
    assert_eq!(e.code(), "sync.rate_limited");
    assert!(e.localized(resonance::Lang::En).contains("try again after Jan 1, 2099 00:00 UTC"), "{e}");
    assert_eq!(server.count("/statuses"), 0);
    assert_eq!(fingerprint(&store), before);
    assert_eq!(last_error(&store, id).as_deref(), Some("sync.rate_limited"));
}

// ---------------------------------------------------------------------------------------------
// Failures: each leaves the data as it was and the account remembers why.

/// Syncs alice once, switches the server to `mode`, syncs again and checks the failure.
fn failing_sync(mode: Mode, tweak: impl FnOnce(&mut SyncOptions)) -> (resonance::Error, Server, Duration) {
    let fake = Fake::new();
    let server = Server::start(bluesky(fake.clone()));
    let (_dir, store) = store();
    let id = add_alice(&store, &server);
    blocking::sync_account(&store, id, &opts(&server, "2026-03-01"), &no_cancel()).unwrap();
    let before = fingerprint(&store);
    fake.followers.store(2000, Ordering::SeqCst);
    fake.set(mode);
    let mut o = opts(&server, "2026-03-02");
    tweak(&mut o);
    let start = Instant::now();
    let e = blocking::sync_account(&store, id, &o, &no_cancel()).unwrap_err();
    let took = start.elapsed();
    assert_eq!(fingerprint(&store), before, "{mode:?}: nothing stored changed");
    assert_eq!(last_error(&store, id).as_deref(), Some(e.code()), "{mode:?}: the error is remembered");
    let st = store.read(|c| sync::status(c, id, resonance::Lang::Fr)).unwrap();
    assert!(st.last_sync_at.is_some(), "the last good snapshot is still known");
    assert!(!st.last_error.unwrap().message.is_empty());
    (e, server, took)
}

#[test]
fn a_429_with_retry_after_is_waited_for_then_the_sync_succeeds() {
    let fake = Fake::new();
    let server = Server::start(bluesky(fake.clone()));
    let (_dir, store) = store();
    let id = add_alice(&store, &server);
    fake.set(Mode::LimitedFor(1));
    let start = Instant::now();
    let r = blocking::sync_account(&store, id, &opts(&server, "2026-03-01"), &no_cancel()).unwrap();
    assert!(start.elapsed() >= Duration::from_millis(950), "Retry-After: 1 was respected");
    assert_eq!(r.followers, Some(1532));
    assert_eq!(server.count("getProfile"), 3, "add, the refused request, its retry");
    assert_eq!(last_error(&store, id), None);
}

#[test]
fn a_long_retry_after_gives_up_at_once_saying_when() {
    let (e, server, took) = failing_sync(Mode::LimitedLong, |_| {});
    assert_eq!(e.code(), "sync.rate_limited");
    assert!(e.to_string().contains("try again after"), "{e}");
    assert!(took < Duration::from_secs(2));
    assert_eq!(server.count("getProfile"), 3, "add, first sync, one refused request");
}

#[test]
fn a_503_for_maintenance_says_when_to_come_back() {
    let (e, server, took) = failing_sync(Mode::Maintenance, |_| {});
    assert_eq!(e.code(), "sync.server");
    assert!(e.to_string().contains("HTTP 503): try again after"), "{e}");
    assert!(took < Duration::from_secs(2));
    assert_eq!(server.count("getProfile"), 3, "not retried: the wait is too long");
}

#[test]
fn a_500_is_retried_then_fails_clearly() {
    let (e, server, _) = failing_sync(Mode::Broken, |_| {});
    assert_eq!(e.code(), "sync.server");
    assert!(e.to_string().contains("HTTP 500"), "{e}");
    assert_eq!(server.count("getProfile"), 2 + 3, "three attempts");
}

#[test]
fn a_server_that_never_answers_times_out() {
    let (e, _, took) = failing_sync(Mode::Hang, |o| {
        o.http.timeout = Duration::from_millis(300);
        o.http.attempts = 2;
    });
    assert_eq!(e.code(), "sync.timeout");
    assert!(e.localized(resonance::Lang::En).contains("last snapshot on"), "{e}");
    assert!(took < Duration::from_secs(3), "{took:?}");
}

#[test]
fn malformed_answers_fail_clearly() {
    let (e, server, _) = failing_sync(Mode::Garbage, |_| {});
    assert_eq!(e.code(), "sync.malformed");
    assert_eq!(server.count("getProfile"), 3, "not retried");
    let (e, _, _) = failing_sync(Mode::WrongShape, |_| {});
    assert_eq!(e.code(), "sync.malformed");
    assert!(e.to_string().contains("missing field"), "{e}");
}

#[test]
fn a_vanished_account_is_not_found() {
    let (e, _, _) = failing_sync(Mode::Gone, |_| {});
    assert_eq!(e.code(), "sync.not_found");
    assert!(e.to_string().contains("@alice.bsky.social"), "{e}");
}

#[test]
fn unknown_handles_are_not_found_and_add_nothing() {
    let fake = Fake::new();
    let bsky = Server::start(bluesky(fake.clone()));
    let masto = Server::start(mastodon(fake));
    let (_dir, store) = store();
    let before = fingerprint(&store);
    let o = opts(&bsky, "2026-03-01");
    // Bluesky answers an unknown actor with 400 "Profile not found".
    let e = blocking::add_account(
        &store,
        &NewAccount {
            platform: Platform::Bluesky,
            handle: "nobody.bsky.social".into(),
            role: None,
            instance_url: None,
        },
        &o,
        &no_cancel(),
    )
    .unwrap_err();
    assert_eq!(e.code(), "sync.not_found");
    assert_eq!(
        e.to_string(),
        "Bluesky @nobody.bsky.social: Bluesky has no account @nobody.bsky.social (unknown, deleted or suspended)"
    );
    // Mastodon answers 404.
    let e = blocking::add_account(
        &store,
        &NewAccount {
            platform: Platform::Mastodon,
            handle: "@zed@masto.test".into(),
            role: None,
            instance_url: Some(masto.base.clone()),
        },
        &o,
        &no_cancel(),
    )
    .unwrap_err();
    assert_eq!(e.code(), "sync.not_found");
    assert!(e.localized(resonance::Lang::Fr).contains("ne connaît aucun compte @zed@masto.test"));
    // A malformed address never reaches the network.
    let e = blocking::add_account(
        &store,
        &NewAccount { platform: Platform::Mastodon, handle: "zed".into(), role: None, instance_url: None },
        &o,
        &no_cancel(),
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid_argument");
    assert_eq!(fingerprint(&store), before);
}

#[test]
fn offline_says_when_the_last_snapshot_was() {
    let fake = Fake::new();
    let server = Server::start(bluesky(fake));
    let (_dir, store) = store();
    let id = add_alice(&store, &server);
    blocking::sync_account(&store, id, &opts(&server, "2026-03-01"), &no_cancel()).unwrap();
    let before = fingerprint(&store);
    // A port nobody listens on: connection refused.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let mut o = opts(&server, "2026-03-02");
    o.bluesky_url = format!("http://{closed}");
    let e = blocking::sync_account(&store, id, &o, &no_cancel()).unwrap_err();
    assert_eq!(e.code(), "sync.offline");
    let today = resonance::Lang::En.date(chrono::Utc::now().date_naive());
    let message = e.localized(resonance::Lang::En);
    assert!(message.contains(&format!("offline — last snapshot on {today}")), "{message}");
    assert!(e.localized(resonance::Lang::Fr).contains("hors ligne — dernier relevé le"));
    assert_eq!(fingerprint(&store), before);
    assert_eq!(last_error(&store, id).as_deref(), Some("sync.offline"));

    // sync_all goes on after a failure and reports each account; sync_due skips it for an hour.
    let outcomes = blocking::sync_all(&store, &o, &no_cancel()).unwrap();
    assert_eq!(outcomes.len(), 1);
    assert_eq!(outcomes[0].error.as_ref().map(|e| e.code.as_str()), Some("sync.offline"));
    assert!(blocking::sync_due(&store, &o, &no_cancel()).unwrap().is_empty());
    // Back online: the error is cleared.
    o.bluesky_url = server.base.clone();
    let outcomes = blocking::sync_all(&store, &o, &no_cancel()).unwrap();
    assert!(outcomes[0].report.is_some());
    assert_eq!(last_error(&store, id), None);
    assert!(blocking::sync_due(&store, &o, &no_cancel()).unwrap().is_empty(), "synced today: not due");
}

#[test]
fn a_cancelled_sync_changes_nothing_and_records_no_error() {
    let fake = Fake::new();
    let server = Server::start(bluesky(fake.clone()));
    let (_dir, store) = store();
    let id = add_alice(&store, &server);
    let before = fingerprint(&store);
    let cancel = AtomicBool::new(true);
    let e = blocking::sync_account(&store, id, &opts(&server, "2026-03-01"), &cancel).unwrap_err();
    assert_eq!(e.code(), "cancelled");
    // Cancelled while waiting for an answer.
    fake.set(Mode::Hang);
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = cancel.clone();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(200));
        flag.store(true, Ordering::SeqCst);
    });
    let start = Instant::now();
    let e = blocking::sync_account(&store, id, &opts(&server, "2026-03-01"), &cancel).unwrap_err();
    assert_eq!(e.code(), "cancelled");
    assert!(start.elapsed() < Duration::from_secs(2));
    assert_eq!(fingerprint(&store), before);
    assert_eq!(last_error(&store, id), None);
}

#[test]
fn the_async_api_runs_on_the_callers_runtime() {
    fn assert_send<T: Send>(t: T) -> T {
        t
    }
    let fake = Fake::new();
    let server = Server::start(bluesky(fake));
    let (_dir, store) = store();
    let id = add_alice(&store, &server);
    let o = opts(&server, "2026-03-01");
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let cancel = AtomicBool::new(false);
    let report = rt.block_on(async {
        let s = store.clone();
        // The shell spawns it on its own runtime: the future must be Send.
        assert_send(sync::sync_account(&s, id, &o, &cancel)).await
    });
    assert_eq!(report.unwrap().followers, Some(1532));
}

#[test]
fn only_bluesky_and_mastodon_accounts_sync() {
    let (_dir, store) = store();
    let id = store
        .write(|tx| {
            tx.execute(
                "INSERT INTO accounts (platform, handle, created_at) VALUES ('instagram', 'x', '2026-01-01')",
                [],
            )?;
            Ok(tx.last_insert_rowid())
        })
        .unwrap();
    let e = blocking::sync_account(&store, id, &SyncOptions::default(), &no_cancel()).unwrap_err();
    assert_eq!(e.code(), "invalid_argument");
    assert!(blocking::sync_all(&store, &SyncOptions::default(), &no_cancel()).unwrap().is_empty());
}
