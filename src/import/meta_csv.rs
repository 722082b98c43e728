//! Meta Business Suite exports for Instagram and Facebook pages: the per-post "Content" CSV
//! (lifetime numbers per post) and the daily metric CSVs (UTF-16LE with BOM, a `sep=,` line and the
//! metric's name before the header). See export-formats.md §2.
//!
//! Facebook specifics: posts are joined on `Post ID` (permalinks change between exports);
//! reactions are the applause (stored as likes); "Is share" rows are the page re-sharing someone
//! else's post, stored as reposts whose numbers are not the page's own applause.

use crate::error::Result;
use crate::import::Ctx;
use crate::import::detect::FileKind;
use crate::import::table::Table;
use crate::import::text::{parse_count, parse_date, parse_decimal, parse_instant, rfc3339};
use crate::import::writer::{AccountHint, Writer};
use crate::model::{PostKind, PostMetrics, Role};
use crate::store::posts::NewPost;
use std::io::Read;

fn post_kind(t: &str) -> PostKind {
    let t = t.to_lowercase();
    if t.contains("reel") {
        PostKind::Reel
    } else if t.contains("story") {
        PostKind::Story
    } else if t.contains("video") {
        PostKind::Video
    } else {
        PostKind::Post
    }
}

/// The account a content CSV names (`Account username`).
pub fn content_hint(head: &[u8]) -> AccountHint {
    let text = crate::import::text::decode_text(head);
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let col = rdr.headers().ok().and_then(|h| h.iter().position(|c| c.trim().eq_ignore_ascii_case("account username")));
    let handle = col.and_then(|col| {
        rdr.records().flatten().find_map(|r| r.get(col).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string))
    });
    AccountHint { handle, role: Some(Role::Pro), ..AccountHint::default() }
}

/// The page a Facebook content CSV names (`Page ID`, `Page name`).
pub fn facebook_hint(head: &[u8]) -> AccountHint {
    let text = crate::import::text::decode_text(head);
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let Ok(headers) = rdr.headers().cloned() else {
        return AccountHint::default();
    };
    let col = |name: &str| headers.iter().position(|c| c.trim().eq_ignore_ascii_case(name));
    let (id_c, name_c) = (col("page id"), col("page name"));
    let first = rdr.records().flatten().next();
    let get = |c: Option<usize>| {
        first
            .as_ref()
            .and_then(|r| c.and_then(|c| r.get(c)))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let name = get(name_c);
    AccountHint {
        handle: name.as_deref().map(crate::import::linkedin::slug),
        display_name: name,
        user_id: get(id_c),
        role: Some(Role::Pro),
        ..AccountHint::default()
    }
}

fn facebook_kind(t: &str) -> PostKind {
    let t = t.to_lowercase();
    if t.contains("reel") {
        PostKind::Reel
    } else if t.contains("stor") {
        PostKind::Story
    } else if t.contains("video") {
        PostKind::Video
    } else {
        PostKind::Post
    }
}

/// The Facebook page "Content" export.
pub fn facebook_content(r: Box<dyn Read + '_>, ctx: &Ctx, w: &mut Writer<'_>) -> Result<()> {
    let mut t = Table::open(r, &ctx.display, |l| l.starts_with("post id,"))?;
    let c = |n: &[&str]| t.col(n);
    let (id_c, title_c, desc_c, dur_c, time_c, link_c, type_c, share_c) = (
        c(&["post id"]),
        c(&["title"]),
        c(&["description"]),
        c(&["duration (sec)"]),
        c(&["publish time"]),
        c(&["permalink"]),
        c(&["post type"]),
        c(&["is share"]),
    );
    let (views_c, reach_c, reactions_c, comments_c, shares_c, engagements_c) = (
        c(&["views", "impressions"]),
        c(&["reach"]),
        c(&["reactions"]),
        c(&["comments"]),
        c(&["shares"]),
        c(&["reactions, comments and shares"]),
    );
    let (link_clicks_c, seconds_c, avg_seconds_c) =
        (c(&["link clicks"]), c(&["seconds viewed"]), c(&["average seconds viewed"]));
    t.rows(|row| {
        let Some(id) = row.get(id_c) else {
            return Ok(Err("no Post ID".into()));
        };
        let when = match row.get(time_c) {
            Some(raw) => match parse_instant(raw) {
                Some(t) => Some(t),
                None => return Ok(Err(format!("unreadable publish time {raw:?}"))),
            },
            None => None,
        };
        let is_share = row
            .get(share_c)
            .is_some_and(|v| v.eq_ignore_ascii_case("yes") || v == "1" || v.eq_ignore_ascii_case("true"));
        let kind =
            if is_share { PostKind::Repost } else { row.get(type_c).map(facebook_kind).unwrap_or(PostKind::Post) };
        let text = match (row.get(title_c), row.get(desc_c)) {
            (Some(a), Some(b)) if a != b => Some(format!("{a}\n{b}")),
            (a, b) => a.or(b).map(str::to_string),
        };
        let post = w.post(
            ctx.account_id,
            &NewPost {
                platform_post_id: id,
                published_at: when.map(rfc3339),
                kind,
                text: text.as_deref(),
                url: row.get(link_c),
                duration_s: row.get(dur_c).and_then(parse_decimal).filter(|d| *d > 0.0),
            },
        )?;
        if kind == PostKind::Repost {
            return Ok(Ok(()));
        }
        let m = PostMetrics {
            views: row.get(views_c).and_then(parse_count),
            reach: row.get(reach_c).and_then(parse_count),
            likes: row.get(reactions_c).and_then(parse_count),
            comments: row.get(comments_c).and_then(parse_count),
            shares: row.get(shares_c).and_then(parse_count),
            engagements: row.get(engagements_c).and_then(parse_count),
            link_clicks: row.get(link_clicks_c).and_then(parse_count),
            watch_time_s: row.get(seconds_c).and_then(parse_decimal),
            avg_view_duration_s: row.get(avg_seconds_c).and_then(parse_decimal),
            ..PostMetrics::default()
        };
        if !m.is_empty() {
            w.observe(post, ctx.exported_on, FileKind::FbContentCsv, &m)?;
        }
        Ok(Ok(()))
    })?;
    let warnings = t.finish(w.lang)?;
    warnings.into_iter().for_each(|x| w.warn(x));
    Ok(())
}

/// The per-post "Content" export: one row per post, lifetime numbers as of the export.
pub fn content(r: Box<dyn Read + '_>, ctx: &Ctx, w: &mut Writer<'_>) -> Result<()> {
    let mut t = Table::open(r, &ctx.display, |l| l.starts_with("post id,"))?;
    let c = |n: &[&str]| t.col(n);
    let (id_c, desc_c, dur_c, time_c, link_c, type_c) = (
        c(&["post id"]),
        c(&["description"]),
        c(&["duration (sec)"]),
        c(&["publish time"]),
        c(&["permalink"]),
        c(&["post type"]),
    );
    let (views_c, reach_c, likes_c, shares_c, follows_c, comments_c, saves_c) =
        (c(&["views"]), c(&["reach"]), c(&["likes"]), c(&["shares"]), c(&["follows"]), c(&["comments"]), c(&["saves"]));
    t.rows(|row| {
        let Some(id) = row.get(id_c) else {
            return Ok(Err("no Post ID".into()));
        };
        let when = match row.get(time_c) {
            Some(raw) => match parse_instant(raw) {
                Some(t) => Some(t),
                None => return Ok(Err(format!("unreadable publish time {raw:?}"))),
            },
            None => None,
        };
        let kind = row.get(type_c).map(post_kind).unwrap_or(PostKind::Post);
        let duration = row.get(dur_c).and_then(parse_decimal).filter(|d| *d > 0.0);
        let post = w.post(
            ctx.account_id,
            &NewPost {
                platform_post_id: id,
                published_at: when.map(rfc3339),
                kind,
                text: row.get(desc_c),
                url: row.get(link_c),
                duration_s: duration,
            },
        )?;
        let m = PostMetrics {
            views: row.get(views_c).and_then(parse_count),
            reach: row.get(reach_c).and_then(parse_count),
            likes: row.get(likes_c).and_then(parse_count),
            shares: row.get(shares_c).and_then(parse_count),
            follows: row.get(follows_c).and_then(parse_count),
            comments: row.get(comments_c).and_then(parse_count),
            saves: row.get(saves_c).and_then(parse_count),
            ..PostMetrics::default()
        };
        w.observe(post, ctx.exported_on, FileKind::MetaContentCsv, &m)?;
        Ok(Ok(()))
    })?;
    let warnings = t.finish(w.lang)?;
    warnings.into_iter().for_each(|x| w.warn(x));
    Ok(())
}

/// A daily metric file. "Instagram follows" gives daily new follows (gains only); the others are
/// account-level daily values stored under a stable metric name.
pub fn daily(r: Box<dyn Read + '_>, ctx: &Ctx, w: &mut Writer<'_>) -> Result<()> {
    let mut metric_line = String::new();
    let mut t = {
        let seen = std::cell::RefCell::new(Vec::<String>::new());
        let table = Table::open(r, &ctx.display, |l| {
            seen.borrow_mut().push(l.to_string());
            l.starts_with("date,")
        })?;
        if let Some(m) = seen.borrow().iter().rev().nth(1) {
            metric_line = m.clone();
        }
        table
    };
    let name = metric_line.trim();
    let name = name.strip_prefix("instagram ").or_else(|| name.strip_prefix("facebook ")).unwrap_or(name);
    let metric = match name {
        "follows" => "follows",
        "views" => "views",
        "viewers" => "viewers",
        "reach" => "reach",
        "content interactions" | "interactions" => "interactions",
        "visits" | "profile visits" | "page visits" => "profile_visits",
        "link clicks" => "link_clicks",
        other => {
            w.warn(format!("{}: unknown metric {other:?}, skipped", ctx.display));
            return Ok(());
        }
    };
    let (date_c, value_c) = (t.col(&["date"]), t.col(&["primary"]).or(Some(1)));
    t.rows(|row| {
        let Some(day) = row.get(date_c).and_then(parse_date) else {
            return Ok(Err(format!("unreadable date {:?}", row.get(date_c).unwrap_or(""))));
        };
        let value = row.get(value_c).and_then(parse_count);
        if metric == "follows" {
            w.follow_change(ctx.account_id, day, value, None, None)?;
        } else {
            w.daily_metric(ctx.account_id, day, metric, value.map(|v| v as f64))?;
        }
        Ok(Ok(()))
    })?;
    let warnings = t.finish(w.lang)?;
    warnings.into_iter().for_each(|x| w.warn(x));
    Ok(())
}
