//! X / Twitter: the archive's `data/*.js` files and the analytics CSVs (legacy tweet activity,
//! daily activity; current content and overview exports). See export-formats.md §3.
//!
//! A retweet of someone else (`RT @…`) is stored as a `repost` without metrics: its counts are the
//! other person's applause, never the owner's.

use crate::error::{ImportError, ImportErrorKind, Result};
use crate::import::Ctx;
use crate::import::detect::FileKind;
use crate::import::json::{self, Lenient, LenientCount};
use crate::import::table::Table;
use crate::import::text::{parse_count, parse_date, parse_decimal, parse_instant, rfc3339, unescape_html_entities};
use crate::import::writer::{AccountHint, BufferedPost, PostBatch, Snapshot, Writer};
use crate::model::{PostKind, PostMetrics};
use crate::store::posts::NewPost;
use chrono::{DateTime, TimeZone, Utc};
use serde::Deserialize;
use std::io::Read;

/// Skips the JavaScript assignment (`window.YTD.tweets.part0 = `) before the JSON value.
fn skip_assignment<R: Read>(mut r: R, display: &str) -> Result<R> {
    let mut byte = [0u8; 1];
    let mut seen = 0usize;
    loop {
        let n = r.read(&mut byte).map_err(|e| crate::import::source::io_to_import(display, e))?;
        if n == 0 {
            return Err(ImportError::new(
                display,
                ImportErrorKind::Truncated { detail: "no data after the variable name".into() },
            )
            .into());
        }
        seen += 1;
        if byte[0] == b'=' {
            return Ok(r);
        }
        if seen > 256 {
            return Err(ImportError::new(
                display,
                ImportErrorKind::Malformed { detail: "not an X archive data file".into() },
            )
            .into());
        }
    }
}

/// Tweet time from its snowflake id (ms since the Twitter epoch, shifted by 22 bits).
pub fn snowflake_time(id: &str) -> Option<DateTime<Utc>> {
    let n: u64 = id.trim().parse().ok()?;
    if n < (1 << 32) {
        return None; // pre-2010 ids are not snowflakes
    }
    let ms = (n >> 22) as i64 + 1_288_834_974_657;
    Utc.timestamp_millis_opt(ms).single()
}

/// The handle in `https://twitter.com/<handle>/status/<id>` or `https://x.com/<handle>/status/<id>`.
pub fn handle_from_permalink(url: &str) -> Option<String> {
    let rest = url.split("twitter.com/").nth(1).or_else(|| url.split("x.com/").nth(1))?;
    let handle = rest.split('/').next()?;
    (!handle.is_empty() && handle != "i").then(|| handle.to_string())
}

#[derive(Deserialize)]
struct Tweet {
    #[serde(default)]
    id_str: Option<Lenient>,
    #[serde(default)]
    id: Option<Lenient>,
    #[serde(default)]
    created_at: Option<String>,
    #[serde(default)]
    full_text: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    favorite_count: LenientCount,
    #[serde(default)]
    retweet_count: LenientCount,
    #[serde(default)]
    in_reply_to_status_id_str: Option<Lenient>,
    #[serde(default)]
    in_reply_to_user_id_str: Option<Lenient>,
    #[serde(default)]
    in_reply_to_screen_name: Option<String>,
}

/// An element of tweets.js: `{"tweet": {...}}`, or in the oldest archives the tweet itself. Both
/// shapes are read by one struct (an untagged enum would buffer every tweet before parsing it).
#[derive(Deserialize)]
struct TweetItem {
    #[serde(default)]
    tweet: Option<Tweet>,
    #[serde(default)]
    id_str: Option<Lenient>,
    #[serde(default)]
    id: Option<Lenient>,
    #[serde(default)]
    created_at: Option<String>,
    #[serde(default)]
    full_text: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    favorite_count: LenientCount,
    #[serde(default)]
    retweet_count: LenientCount,
    #[serde(default)]
    in_reply_to_status_id_str: Option<Lenient>,
    #[serde(default)]
    in_reply_to_user_id_str: Option<Lenient>,
    #[serde(default)]
    in_reply_to_screen_name: Option<String>,
}

impl TweetItem {
    fn into_tweet(self) -> Tweet {
        match self.tweet {
            Some(t) => t,
            None => Tweet {
                id_str: self.id_str,
                id: self.id,
                created_at: self.created_at,
                full_text: self.full_text,
                text: self.text,
                favorite_count: self.favorite_count,
                retweet_count: self.retweet_count,
                in_reply_to_status_id_str: self.in_reply_to_status_id_str,
                in_reply_to_user_id_str: self.in_reply_to_user_id_str,
                in_reply_to_screen_name: self.in_reply_to_screen_name,
            },
        }
    }
}

pub fn tweets(r: impl Read + Send, ctx: &Ctx, w: &mut Writer<'_>) -> Result<()> {
    let r = skip_assignment(r, &ctx.display)?;
    let mut n = 0u64;
    let mut batch = PostBatch::new(ctx.account_id, ctx.exported_on, FileKind::XTweets);
    json::for_each_parallel::<TweetItem, _>(r, &ctx.display, &[], |item| {
        n += 1;
        if n.is_multiple_of(2048) {
            ctx.check()?;
        }
        let t = item.into_tweet();
        let Some(id) = t.id_str.as_ref().or(t.id.as_ref()).and_then(|l| l.as_str().map(str::to_string)) else {
            return Ok(());
        };
        let text = t.full_text.or(t.text).map(|s| unescape_html_entities(&s));
        let when = t.created_at.as_deref().and_then(parse_instant).or_else(|| snowflake_time(&id));
        let is_retweet = text.as_deref().is_some_and(|s| s.starts_with("RT @"));
        let reply_to_user = t.in_reply_to_user_id_str.as_ref().and_then(|l| l.as_str().map(str::to_string));
        let replying = t.in_reply_to_status_id_str.as_ref().and_then(Lenient::as_str).is_some_and(|s| !s.is_empty());
        let self_reply = match (&reply_to_user, &ctx.user_id) {
            (Some(u), Some(me)) => u == me,
            _ => t.in_reply_to_screen_name.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(&ctx.handle)),
        };
        let kind = if is_retweet {
            PostKind::Repost
        } else if replying && !self_reply {
            PostKind::Reply
        } else {
            PostKind::Post
        };
        let url = format!("https://x.com/{}/status/{id}", ctx.handle);
        let metrics = (kind != PostKind::Repost).then(|| PostMetrics {
            likes: t.favorite_count.0,
            shares: t.retweet_count.0,
            ..PostMetrics::default()
        });
        w.post_buffered(
            &mut batch,
            BufferedPost { id, published_at: when.map(rfc3339), kind, text, url: Some(url), metrics },
        )?;
        Ok(())
    })?;
    w.flush_posts(&mut batch)?;
    Ok(())
}

#[derive(Deserialize)]
struct Relation {
    #[serde(default, rename = "accountId")]
    account_id: Option<Lenient>,
    #[serde(default, rename = "userLink")]
    user_link: Option<String>,
}

#[derive(Deserialize)]
struct RelationItem {
    #[serde(default)]
    follower: Option<Relation>,
    #[serde(default)]
    following: Option<Relation>,
}

/// `follower.js` / `following.js`: account ids only, no handles, no dates.
pub fn relations(r: impl Read, ctx: &Ctx, w: &mut Writer<'_>, snap: &mut Snapshot) -> Result<()> {
    let r = skip_assignment(r, &ctx.display)?;
    let mut n = 0u64;
    json::for_each::<RelationItem, _>(r, &ctx.display, &[], |item| {
        n += 1;
        if n.is_multiple_of(4096) {
            ctx.check()?;
        }
        let rel = item.follower.or(item.following);
        if let Some(rel) = rel {
            let id = rel
                .account_id
                .as_ref()
                .and_then(Lenient::as_str)
                .map(str::to_string)
                .or_else(|| rel.user_link.as_deref().and_then(|l| l.split("user_id=").nth(1)).map(str::to_string));
            if let Some(id) = id {
                w.member(snap, None, Some(&id), None)?;
            }
        }
        Ok(())
    })?;
    Ok(())
}

/// `account.js` and `manifest.js` say whose archive it is and when it was made.
pub fn account_hint(bytes: &[u8], display: &str, kind: FileKind) -> Result<AccountHint> {
    let text = String::from_utf8_lossy(crate::import::text::strip_bom(bytes));
    let json_part = text.split_once('=').map(|(_, j)| j).unwrap_or("").trim().trim_end_matches(';');
    let mut hint = AccountHint::default();
    if kind == FileKind::XManifest {
        #[derive(Deserialize)]
        struct Manifest {
            #[serde(default, rename = "userInfo")]
            user_info: Option<UserInfo>,
            #[serde(default, rename = "archiveInfo")]
            archive_info: Option<ArchiveInfo>,
        }
        #[derive(Deserialize)]
        struct UserInfo {
            #[serde(default, rename = "accountId")]
            account_id: Option<Lenient>,
            #[serde(default, rename = "userName")]
            user_name: Option<String>,
            #[serde(default, rename = "displayName")]
            display_name: Option<String>,
        }
        #[derive(Deserialize)]
        struct ArchiveInfo {
            #[serde(default, rename = "generationDate")]
            generation_date: Option<String>,
        }
        let m: Manifest = json::parse(json_part.as_bytes(), display)?;
        if let Some(u) = m.user_info {
            hint.user_id = u.account_id.and_then(|l| l.0);
            hint.handle = u.user_name;
            hint.display_name = u.display_name;
        }
        hint.exported_on =
            m.archive_info.and_then(|a| a.generation_date).and_then(|d| parse_instant(&d)).map(|t| t.date_naive());
    } else {
        #[derive(Deserialize)]
        struct Item {
            account: Account,
        }
        #[derive(Deserialize)]
        struct Account {
            #[serde(default)]
            username: Option<String>,
            #[serde(default, rename = "accountId")]
            account_id: Option<Lenient>,
            #[serde(default, rename = "accountDisplayName")]
            display_name: Option<String>,
        }
        let items: Vec<Item> = json::parse(json_part.as_bytes(), display)?;
        if let Some(a) = items.into_iter().next() {
            hint.handle = a.account.username;
            hint.user_id = a.account.account_id.and_then(|l| l.0);
            hint.display_name = a.account.display_name;
        }
    }
    Ok(hint)
}

/// The handle an analytics CSV names in its permalinks (none for the overview export).
pub fn csv_hint(head: &[u8]) -> AccountHint {
    let text = String::from_utf8_lossy(head);
    let handle = text.split(['"', ',']).filter(|f| f.contains("/status/")).find_map(handle_from_permalink);
    AccountHint { handle, ..AccountHint::default() }
}

fn is_header_of(prefix: &'static str) -> impl Fn(&str) -> bool {
    move |l: &str| l.starts_with(prefix)
}

/// Per-post analytics: legacy `tweet_activity_metrics_*.csv` and current `account_analytics_content_*.csv`.
pub fn post_analytics(r: Box<dyn Read + '_>, ctx: &Ctx, w: &mut Writer<'_>, kind: FileKind) -> Result<()> {
    let legacy = kind == FileKind::XTweetActivityCsv;
    let mut t = Table::open(r, &ctx.display, is_header_of(if legacy { "tweet id," } else { "post id," }))?;
    let c = |names: &[&str]| t.col(names);
    let id_c = c(&["tweet id", "post id"]);
    let link_c = c(&["tweet permalink", "post link"]);
    let text_c = c(&["tweet text", "post text"]);
    let time_c = c(&["time", "date"]);
    let imp_c = c(&["impressions"]);
    let eng_c = c(&["engagements"]);
    let rt_c = c(&["retweets", "reposts"]);
    let rep_c = c(&["replies"]);
    let like_c = c(&["likes"]);
    let prof_c = c(&["user profile clicks", "profile visits"]);
    let url_c = c(&["url clicks"]);
    let fol_c = c(&["follows", "new follows"]);
    let book_c = c(&["bookmarks"]);
    let media_c = c(&["media views"]);
    t.rows(|row| {
        let Some(id) = row.get(id_c).map(|s| s.trim_start_matches('\'').to_string()) else {
            return Ok(Err("no post id".into()));
        };
        let when =
            row.get(time_c).and_then(parse_instant).filter(|_| legacy).or_else(|| snowflake_time(&id)).or_else(|| {
                row.get(time_c).and_then(parse_date).and_then(|d| d.and_hms_opt(0, 0, 0)).map(|t| t.and_utc())
            });
        let text = row.get(text_c).map(unescape_html_entities);
        let url =
            row.get(link_c).map(str::to_string).unwrap_or_else(|| format!("https://x.com/{}/status/{id}", ctx.handle));
        let kind =
            if text.as_deref().is_some_and(|s| s.starts_with("RT @")) { PostKind::Repost } else { PostKind::Post };
        let post = w.post(
            ctx.account_id,
            &NewPost {
                platform_post_id: &id,
                published_at: when.map(rfc3339),
                kind,
                text: text.as_deref(),
                url: Some(&url),
                duration_s: None,
            },
        )?;
        if kind == PostKind::Repost {
            return Ok(Ok(()));
        }
        let m = PostMetrics {
            impressions: row.get(imp_c).and_then(parse_count),
            engagements: row.get(eng_c).and_then(parse_count),
            shares: row.get(rt_c).and_then(parse_count),
            replies: row.get(rep_c).and_then(parse_count),
            likes: row.get(like_c).and_then(parse_count),
            profile_visits: row.get(prof_c).and_then(parse_count),
            link_clicks: row.get(url_c).and_then(parse_count),
            follows: row.get(fol_c).and_then(parse_count),
            saves: row.get(book_c).and_then(parse_count),
            views: row.get(media_c).and_then(parse_count),
            ..PostMetrics::default()
        };
        w.observe(post, ctx.exported_on, kind_of(legacy), &m)?;
        Ok(Ok(()))
    })?;
    let warnings = t.finish(w.lang)?;
    warnings.into_iter().for_each(|x| w.warn(x));
    Ok(())
}

fn kind_of(legacy: bool) -> FileKind {
    if legacy { FileKind::XTweetActivityCsv } else { FileKind::XContentCsv }
}

/// Daily account analytics: legacy `daily_tweet_activity_metrics_*.csv` (follows gained) and the
/// current `account_overview_analytics.csv` (new follows and unfollows → a net series).
pub fn daily_analytics(r: Box<dyn Read + '_>, ctx: &Ctx, w: &mut Writer<'_>, kind: FileKind) -> Result<()> {
    let mut t = Table::open(r, &ctx.display, is_header_of("date,"))?;
    let date_c = t.col(&["date"]);
    let gained_c = t.col(&["new follows", "follows"]);
    let lost_c = t.col(&["unfollows"]);
    let metrics: Vec<(&'static str, Option<usize>)> = [
        ("impressions", &["impressions"][..]),
        ("engagements", &["engagements"][..]),
        ("likes", &["likes"][..]),
        ("replies", &["replies"][..]),
        ("reposts", &["reposts", "retweets"][..]),
        ("bookmarks", &["bookmarks"][..]),
        ("shares", &["shares"][..]),
        ("profile_visits", &["profile visits", "user profile clicks"][..]),
        ("posts_published", &["create post", "tweets published"][..]),
        ("video_views", &["video views"][..]),
        ("media_views", &["media views"][..]),
        ("link_clicks", &["url clicks"][..]),
    ]
    .into_iter()
    .map(|(m, names)| (m, t.col(names)))
    .collect();
    t.rows(|row| {
        let Some(day) = row.get(date_c).and_then(parse_date) else {
            return Ok(Err(format!("unreadable date {:?}", row.get(date_c).unwrap_or(""))));
        };
        let gained = row.get(gained_c).and_then(parse_count);
        let lost = if kind == FileKind::XOverviewCsv { row.get(lost_c).and_then(parse_count) } else { None };
        w.follow_change(ctx.account_id, day, gained, lost, None)?;
        for (metric, col) in &metrics {
            w.daily_metric(ctx.account_id, day, metric, row.get(*col).and_then(parse_decimal))?;
        }
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
    fn snowflakes_give_the_time() {
        let t = snowflake_time("1626902980006932483").unwrap();
        assert_eq!(rfc3339(t), "2023-02-18T11:14:31Z");
    }

    #[test]
    fn permalinks_give_the_handle() {
        assert_eq!(
            handle_from_permalink("https://twitter.com/rOpenSci/status/812369747765362688").as_deref(),
            Some("rOpenSci")
        );
        assert_eq!(handle_from_permalink("https://x.com/cam/status/1").as_deref(), Some("cam"));
    }

    #[test]
    fn manifest_and_account_files_give_the_owner() {
        let acc = br#"window.YTD.account.part0 = [ { "account" : { "username" : "exGenesis", "accountId" : "322603863", "accountDisplayName" : "Ex" } } ]"#;
        let h = account_hint(acc, "account.js", FileKind::XAccount).unwrap();
        assert_eq!(h.handle.as_deref(), Some("exGenesis"));
        assert_eq!(h.user_id.as_deref(), Some("322603863"));
        let man = br#"window.__THAR_CONFIG = { "userInfo": { "accountId": "1", "userName": "me" }, "archiveInfo": { "generationDate": "2026-11-01T08:00:00.000Z" } }"#;
        let h = account_hint(man, "manifest.js", FileKind::XManifest).unwrap();
        assert_eq!(h.exported_on, chrono::NaiveDate::from_ymd_opt(2026, 11, 1));
    }
}
