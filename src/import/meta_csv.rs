//! Meta Business Suite exports for Instagram: the per-post "Content" CSV (lifetime numbers per post)
//! and the daily metric CSVs (UTF-16LE with BOM, a `sep=,` line and the metric's name before the
//! header). See export-formats.md §2.

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
    let metric = match metric_line.trim() {
        "instagram follows" | "follows" => "follows",
        "views" => "views",
        "viewers" => "viewers",
        "reach" => "reach",
        "content interactions" | "interactions" => "interactions",
        "instagram profile visits" | "visits" | "profile visits" => "profile_visits",
        "instagram link clicks" | "link clicks" => "link_clicks",
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
