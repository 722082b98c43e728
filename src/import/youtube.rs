//! YouTube: YouTube Studio's advanced-mode export (`Table data.csv` per video, `Chart data.csv`,
//! `Totals.csv` channel series) and Google Takeout's channel, video and subscription lists. See
//! export-formats.md §6.
//!
//! Studio quirks handled here: the `Total` row first; ids starting with `-` written with a leading
//! space; metric columns are whichever the user selected (sniffed by header); durations `H:MM:SS`;
//! percentages; thousands separators; `Totals.csv` re-saved by Excel as `DD-MM-YYYY`.
//!
//! Subscribers: `Totals.csv` with the Subscribers metric gives daily *net* changes. They become a
//! subscriber count only when the series starts before the channel's first video (a lifetime
//! export: the sum from zero is the count); otherwise they are kept as net changes, to be anchored
//! by a measured count (docs/data-model.md).

use crate::error::Result;
use crate::import::Ctx;
use crate::import::detect::FileKind;
use crate::import::table::Table;
use crate::import::text::{parse_count, parse_date, parse_decimal, parse_duration_hms, parse_instant, rfc3339};
use crate::import::writer::{AccountHint, Snapshot, Writer};
use crate::model::{AudienceMetric, AudienceSource, PostKind, PostMetrics};
use crate::store::posts::NewPost;
use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use std::collections::BTreeMap;
use std::io::Read;

/// A channel's name as a handle: `Camille Crée` → `camillecrée` (YouTube handles have no spaces).
pub fn handle_for(title: &str) -> String {
    title.chars().filter(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-')).flat_map(char::to_lowercase).collect()
}

/// The channel in a Studio export's folder name: `Content 2025-01-01_2025-12-31 Camille Crée`.
pub fn hint_from_path(path: &str) -> AccountHint {
    for part in path.split('/') {
        let mut words = part.splitn(3, ' ');
        if let (Some(_), Some(range), Some(name)) = (words.next(), words.next(), words.next())
            && range.len() == 21
            && range.as_bytes()[10] == b'_'
            && NaiveDate::parse_from_str(&range[..10], "%Y-%m-%d").is_ok()
            && let Ok(end) = NaiveDate::parse_from_str(&range[11..], "%Y-%m-%d")
        {
            let name = name.trim_end_matches(".zip").trim();
            if !name.is_empty() {
                return AccountHint {
                    handle: Some(handle_for(name)),
                    display_name: Some(name.to_string()),
                    exported_on: Some(end),
                    ..AccountHint::default()
                };
            }
        }
    }
    AccountHint::default()
}

/// Takeout's `channel.csv`: the channel's id and title.
pub fn channel_hint(head: &[u8]) -> AccountHint {
    let text = crate::import::text::decode_text(head);
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let Some(first) = rdr.records().flatten().next() else {
        return AccountHint::default();
    };
    let id = first.get(0).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    let title = first.get(1).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    AccountHint { handle: title.as_deref().map(handle_for), display_name: title, user_id: id, ..AccountHint::default() }
}

fn video_url(id: &str) -> String {
    format!("https://www.youtube.com/watch?v={id}")
}

/// `Table data.csv`: one row per video with the selected metrics over the export's range.
pub fn table_data(r: Box<dyn Read + '_>, ctx: &Ctx, w: &mut Writer<'_>) -> Result<()> {
    let mut t = Table::open(r, &ctx.display, |_| true)?;
    let c = |names: &[&str]| t.col(names);
    let (id_c, title_c, published_c, duration_c) =
        (c(&["content"]), c(&["video title"]), c(&["video publish time"]), c(&["duration"]));
    let views_c = c(&["views"]);
    let watch_h_c = c(&["watch time (hours)"]);
    let subs_c = c(&["subscribers"]);
    let impressions_c = c(&["impressions"]);
    let avg_dur_c = c(&["average view duration"]);
    let avg_pct_c = c(&["average percentage viewed (%)", "average percentage viewed"]);
    let likes_c = c(&["likes"]);
    let comments_c = c(&["comments added", "comments"]);
    let shares_c = c(&["shares"]);
    t.rows(|row| {
        let Some(id) = row.get(id_c) else {
            return Ok(Err("no content id".into()));
        };
        if id.eq_ignore_ascii_case("total") {
            return Ok(Ok(()));
        }
        let published = match row.get(published_c) {
            Some(raw) => match parse_instant(raw) {
                Some(t) => Some(rfc3339(t)),
                None => return Ok(Err(format!("unreadable publish time {raw:?}"))),
            },
            None => None,
        };
        let post = w.post(
            ctx.account_id,
            &NewPost {
                platform_post_id: id,
                published_at: published,
                kind: PostKind::Video,
                text: row.get(title_c),
                url: Some(&video_url(id)),
                duration_s: row.get(duration_c).and_then(|d| parse_duration_hms(d).or_else(|| parse_decimal(d))),
            },
        )?;
        let m = PostMetrics {
            views: row.get(views_c).and_then(parse_count),
            impressions: row.get(impressions_c).and_then(parse_count),
            likes: row.get(likes_c).and_then(parse_count),
            comments: row.get(comments_c).and_then(parse_count),
            shares: row.get(shares_c).and_then(parse_count),
            // Net subscribers the video brought over the range.
            follows: row.get(subs_c).and_then(parse_count),
            watch_time_s: row.get(watch_h_c).and_then(parse_decimal).map(|h| h * 3600.0),
            avg_view_duration_s: row.get(avg_dur_c).and_then(|d| parse_duration_hms(d).or_else(|| parse_decimal(d))),
            avg_pct_viewed: row.get(avg_pct_c).and_then(parse_decimal),
            ..PostMetrics::default()
        };
        if !m.is_empty() {
            w.observe(post, ctx.exported_on, FileKind::YtTableData, &m)?;
        }
        Ok(Ok(()))
    })?;
    let warnings = t.finish(w.lang)?;
    warnings.into_iter().for_each(|x| w.warn(x));
    Ok(())
}

/// The metric a Studio series column holds, as Resonance names daily metrics, and the factor to
/// its unit (hours → seconds).
fn series_metric(header: &str) -> Option<(&'static str, f64)> {
    Some(match header {
        "views" => ("views", 1.0),
        "watch time (hours)" => ("watch_time_s", 3600.0),
        "impressions" => ("impressions", 1.0),
        "likes" => ("likes", 1.0),
        "comments added" | "comments" => ("comments", 1.0),
        "shares" => ("shares", 1.0),
        "subscribers gained" => ("subscribers_gained", 1.0),
        "subscribers lost" => ("subscribers_lost", 1.0),
        "subscribers" => ("subscribers", 1.0),
        _ => return None,
    })
}

/// A channel-level daily series: `Totals.csv` (Date, metric) or `Chart data.csv` summed over its
/// videos (Date, Content, …, metric).
pub fn series(r: Box<dyn Read + '_>, ctx: &Ctx, w: &mut Writer<'_>, kind: FileKind) -> Result<()> {
    let mut t = Table::open(r, &ctx.display, |_| true)?;
    let date_c = t.col(&["date"]);
    let value_col = t.headers().len().checked_sub(1);
    let header = value_col.and_then(|c| t.headers().get(c).cloned()).unwrap_or_default();
    let Some((metric, factor)) = series_metric(&header) else {
        w.warn(match w.lang {
            crate::i18n::Lang::En => format!("{}: the metric {header:?} is not used, file skipped", ctx.display),
            crate::i18n::Lang::Fr => {
                format!("{} : la mesure {header:?} n'est pas utilisée, fichier ignoré", ctx.display)
            }
        });
        return Ok(());
    };
    let mut per_day: BTreeMap<NaiveDate, f64> = BTreeMap::new();
    t.rows(|row| {
        let Some(raw) = row.get(date_c) else {
            return Ok(Err("no date".into()));
        };
        let Some(day) = parse_date(raw) else {
            return Ok(Err(format!("unreadable date {raw:?}")));
        };
        match row.get(value_col).and_then(parse_decimal) {
            Some(v) => *per_day.entry(day).or_default() += v * factor,
            None => {
                per_day.entry(day).or_default();
            }
        }
        Ok(Ok(()))
    })?;
    let warnings = t.finish(w.lang)?;
    warnings.into_iter().for_each(|x| w.warn(x));
    if metric != "subscribers" {
        for (day, v) in &per_day {
            w.daily_metric(ctx.account_id, *day, metric, Some(*v))?;
        }
        return Ok(());
    }
    for (day, v) in &per_day {
        w.follow_change(ctx.account_id, *day, None, None, Some(v.round() as i64))?;
    }
    // A lifetime series (starting before the first video) sums to the subscriber count.
    let first_video: Option<String> = w
        .conn
        .query_row(
            "SELECT min(published_at) FROM posts WHERE account_id = ?1 AND published_at IS NOT NULL",
            [ctx.account_id],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    let first_video = first_video.as_deref().and_then(parse_instant).map(|t| t.date_naive());
    let starts_before_videos =
        matches!((per_day.keys().next(), first_video), (Some(first), Some(video)) if *first <= video);
    if starts_before_videos && kind == FileKind::YtTotals {
        let mut total = 0i64;
        for (day, v) in &per_day {
            total += v.round() as i64;
            w.audience(
                ctx.account_id,
                *day,
                AudienceMetric::Followers,
                total.max(0),
                AudienceSource::AnalyticsSeries,
                false,
            )?;
        }
    } else {
        w.warn(match w.lang {
            crate::i18n::Lang::En => format!(
                "{}: daily subscriber changes kept; they become a subscriber count with a lifetime export \
                 (range \"Lifetime\") or a known total",
                ctx.display
            ),
            crate::i18n::Lang::Fr => format!(
                "{} : variations quotidiennes d'abonnés conservées ; elles deviennent un nombre d'abonnés avec un \
                 export « Depuis la création » ou un total connu",
                ctx.display
            ),
        });
    }
    Ok(())
}

/// Takeout's `videos.csv`: the channel's videos (no numbers: Takeout has none). Private videos,
/// which no audience saw, are left out.
pub fn takeout_videos(r: Box<dyn Read + '_>, ctx: &Ctx, w: &mut Writer<'_>) -> Result<()> {
    let mut t = Table::open(r, &ctx.display, |_| true)?;
    let (id_c, title_c, published_c, created_c, privacy_c, duration_c) = (
        t.col(&["video id"]),
        t.col(&["video title (original)", "video title"]),
        t.col(&["video publish timestamp"]),
        t.col(&["video create timestamp"]),
        t.col(&["privacy"]),
        t.col(&["approx duration (ms)"]),
    );
    t.rows(|row| {
        let Some(id) = row.get(id_c) else {
            return Ok(Err("no video id".into()));
        };
        if row.get(privacy_c).is_some_and(|p| p.eq_ignore_ascii_case("private")) {
            return Ok(Ok(()));
        }
        let when = row.get(published_c).or(row.get(created_c));
        let published = match when {
            Some(raw) => match parse_instant(raw) {
                Some(t) => Some(rfc3339(t)),
                None => return Ok(Err(format!("unreadable timestamp {raw:?}"))),
            },
            None => None,
        };
        w.post(
            ctx.account_id,
            &NewPost {
                platform_post_id: id,
                published_at: published,
                kind: PostKind::Video,
                text: row.get(title_c),
                url: Some(&video_url(id)),
                duration_s: row.get(duration_c).and_then(parse_decimal).map(|ms| ms / 1000.0),
            },
        )?;
        Ok(Ok(()))
    })?;
    let warnings = t.finish(w.lang)?;
    warnings.into_iter().for_each(|x| w.warn(x));
    Ok(())
}

/// Takeout's `subscriptions.csv`: the channels the owner subscribes to (their "following").
/// Headers are localised, so columns are taken by position: id, URL, title.
pub fn takeout_subscriptions(r: Box<dyn Read + '_>, ctx: &Ctx, w: &mut Writer<'_>, snap: &mut Snapshot) -> Result<()> {
    let mut t = Table::open(r, &ctx.display, |_| true)?;
    t.rows(|row| {
        let (id, title) = (row.get(Some(0)), row.get(Some(2)));
        if id.is_none() && title.is_none() {
            return Ok(Err("empty row".into()));
        }
        w.member(snap, title.map(handle_for).as_deref(), id, None)?;
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
    fn channel_names_become_handles() {
        assert_eq!(handle_for("Camille Crée"), "camillecrée");
        assert_eq!(handle_for("ACME_Studio.fr"), "acme_studio.fr");
    }

    #[test]
    fn folder_names_give_the_channel_and_the_range_end() {
        let h = hint_from_path("Content 2025-01-01_2025-12-31 Camille Crée/Table data.csv");
        assert_eq!(h.display_name.as_deref(), Some("Camille Crée"));
        assert_eq!(h.exported_on, NaiveDate::from_ymd_opt(2025, 12, 31));
        assert!(hint_from_path("Table data.csv").handle.is_none());
    }
}
