//! LinkedIn: the "Get a copy of your data" archive (Basic and Complete) and the creator analytics
//! spreadsheet. See export-formats.md §4.

use crate::error::{ImportError, ImportErrorKind, Result};
use crate::import::Ctx;
use crate::import::detect::FileKind;
use crate::import::table::Table;
use crate::import::text::{parse_count, parse_date, parse_instant, rfc3339};
use crate::import::writer::{AccountHint, Writer};
use crate::model::{AudienceMetric, AudienceSource, PostKind, PostMetrics, Role};
use crate::store::posts::NewPost;
use calamine::{Data, Reader};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::io::{Cursor, Read};

/// `Camille Laurent` → `camille-laurent` (the form of LinkedIn's public profile slugs).
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().to_lowercase().chars() {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ÿ' | 'ý' => 'y',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The public slug in a profile URL (`https://www.linkedin.com/in/ada-l/`) or post URL
/// (`https://www.linkedin.com/posts/ada-l_some-words-activity-7228…`).
pub fn slug_from_url(url: &str) -> Option<String> {
    if let Some(rest) = url.split("linkedin.com/in/").nth(1) {
        return rest.split(['/', '?']).next().filter(|s| !s.is_empty()).map(str::to_string);
    }
    let rest = url.split("linkedin.com/posts/").nth(1)?;
    rest.split('_').next().filter(|s| !s.is_empty()).map(str::to_string)
}

/// The activity id in a share or post URL (`urn:li:activity:7228…`, `…-activity-7228…-AbCd`).
pub fn activity_id(url: &str) -> Option<String> {
    for marker in ["activity:", "activity-", "share-", "ugcPost-", "ugcPost:", "share:"] {
        if let Some(rest) = url.split(marker).nth(1) {
            let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
            if digits.len() >= 10 {
                return Some(digits);
            }
        }
    }
    None
}

/// `Profile.csv`: the member's name (LinkedIn exports carry no public handle; the slug of the name
/// stands for it until a post URL gives the real one).
pub fn profile_hint(r: Box<dyn Read + '_>, display: &str) -> Result<AccountHint> {
    let mut t = Table::open(r, display, |l| l.starts_with("first name,last name"))?;
    let (first, last) = (t.col(&["first name"]), t.col(&["last name"]));
    let mut name = None;
    t.rows(|row| {
        if name.is_none() {
            let full = [row.get(first), row.get(last)].into_iter().flatten().collect::<Vec<_>>().join(" ");
            if !full.is_empty() {
                name = Some(full);
            }
        }
        Ok(Ok(()))
    })?;
    Ok(AccountHint {
        handle: name.as_deref().map(slug),
        display_name: name,
        role: Some(Role::Pro),
        ..AccountHint::default()
    })
}

/// `Connections.csv`: a snapshot of connections, each with the day it was made.
pub fn connections(r: Box<dyn Read + '_>, ctx: &Ctx, w: &mut Writer<'_>) -> Result<()> {
    let mut t = Table::open(r, &ctx.display, |l| l.starts_with("first name,last name,url"))?;
    let (first, last, url, on) =
        (t.col(&["first name"]), t.col(&["last name"]), t.col(&["url"]), t.col(&["connected on"]));
    let mut snap = w.begin_snapshot(ctx.account_id, "connections", ctx.exported_on)?;
    t.rows(|row| {
        let who = row.get(url).and_then(slug_from_url).or_else(|| {
            let n = [row.get(first), row.get(last)].into_iter().flatten().collect::<Vec<_>>().join(" ");
            (!n.is_empty()).then(|| format!("name:{}", slug(&n)))
        });
        let Some(who) = who else {
            // A deleted member: a row of commas. Not an error, nobody to count.
            return Ok(Ok(()));
        };
        let since = match row.get(on) {
            Some(raw) => match parse_date(raw) {
                Some(d) => d.and_hms_opt(0, 0, 0).map(|t| t.and_utc().timestamp()),
                None => return Ok(Err(format!("unreadable date {raw:?}"))),
            },
            None => None,
        };
        w.member(&mut snap, Some(&who), None, since)?;
        Ok(Ok(()))
    })?;
    let warnings = t.finish(w.lang)?;
    warnings.into_iter().for_each(|x| w.warn(x));
    w.finish_snapshot(snap)
}

/// `Shares.csv` / `Shares_<id>.csv`: the member's posts (no metrics in the archive).
pub fn shares(r: Box<dyn Read + '_>, ctx: &Ctx, w: &mut Writer<'_>) -> Result<()> {
    let mut t = Table::open(r, &ctx.display, |l| l.starts_with("date,sharelink"))?;
    let (date, link, text) = (t.col(&["date"]), t.col(&["sharelink"]), t.col(&["sharecommentary"]));
    t.rows(|row| {
        let Some(link_v) = row.get(link) else {
            return Ok(Err("no ShareLink".into()));
        };
        let id = activity_id(link_v).unwrap_or_else(|| link_v.to_string());
        let Some(when) = row.get(date).and_then(parse_instant) else {
            return Ok(Err(format!("unreadable date {:?}", row.get(date).unwrap_or(""))));
        };
        let body = row.get(text).map(clean_commentary);
        w.post(
            ctx.account_id,
            &NewPost {
                platform_post_id: &id,
                published_at: Some(rfc3339(when)),
                kind: PostKind::Post,
                text: body.as_deref(),
                url: Some(link_v),
                duration_s: None,
            },
        )?;
        Ok(Ok(()))
    })?;
    let warnings = t.finish(w.lang)?;
    warnings.into_iter().for_each(|x| w.warn(x));
    Ok(())
}

/// LinkedIn writes line breaks inside `ShareCommentary` as `"\n"`-style fragments.
fn clean_commentary(s: &str) -> String {
    s.replace("\"\"", "\"").replace("\\n", "\n").trim_matches('"').trim().to_string()
}

fn cell_text(c: &Data) -> Option<String> {
    match c {
        Data::Empty => None,
        Data::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Data::Float(f) => Some(if f.fract() == 0.0 { format!("{}", *f as i64) } else { f.to_string() }),
        Data::Int(i) => Some(i.to_string()),
        Data::Bool(b) => Some(b.to_string()),
        Data::DateTime(d) => d.as_datetime().map(|t| t.date().format("%Y-%m-%d").to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Some(s.clone()),
        Data::Error(_) => None,
    }
}

fn cell_date(c: &Data) -> Option<NaiveDate> {
    match c {
        Data::DateTime(d) => d.as_datetime().map(|t| t.date()),
        other => cell_text(other).as_deref().and_then(parse_date),
    }
}

/// Opens a spreadsheet from its bytes and lists its sheets.
pub fn sheet_names(bytes: &[u8], display: &str) -> Result<Vec<String>> {
    let wb = workbook(bytes, display)?;
    Ok(wb.sheet_names().to_vec())
}

/// Inflated size allowed to a whole spreadsheet (LinkedIn's weigh well under 1 MB).
pub const SPREADSHEET_INFLATED_CAP: u64 = 32 << 20;
/// Parts allowed in a spreadsheet.
const SPREADSHEET_MAX_PARTS: usize = 1_000;

/// Opens a spreadsheet with calamine, which inflates its parts without any limit (a shared-strings
/// part of a few MB can inflate to gigabytes and as many strings in memory). So the parts are first
/// inflated here, with the archive reader's limits (declared sizes enforced, [`SPREADSHEET_INFLATED_CAP`]
/// in all), and calamine reads a copy rebuilt from what was checked, never the bytes as given.
fn workbook(bytes: &[u8], display: &str) -> Result<calamine::Xlsx<Cursor<Vec<u8>>>> {
    use std::io::Write;
    let too_large = || -> crate::error::Error {
        ImportError::new(
            display,
            ImportErrorKind::TooLarge { entry: display.to_string(), limit_mb: SPREADSHEET_INFLATED_CAP >> 20 },
        )
        .into()
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| xlsx_error(display, e))?;
    if zip.len() > SPREADSHEET_MAX_PARTS {
        return Err(too_large());
    }
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut total = 0u64;
    let mut buf = Vec::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| xlsx_error(display, e))?;
        if part.is_dir() {
            continue;
        }
        let name = part.name().map_err(|e| xlsx_error(display, e))?.into_owned();
        buf.clear();
        let left = SPREADSHEET_INFLATED_CAP - total;
        (&mut part).take(left + 1).read_to_end(&mut buf).map_err(|e| xlsx_error(display, e))?;
        total += buf.len() as u64;
        if total > SPREADSHEET_INFLATED_CAP {
            return Err(too_large());
        }
        out.start_file(name, stored).map_err(|e| xlsx_error(display, e))?;
        out.write_all(&buf).map_err(|e| xlsx_error(display, e))?;
    }
    let copy = out.finish().map_err(|e| xlsx_error(display, e))?.into_inner();
    calamine::Xlsx::new(Cursor::new(copy)).map_err(|e| xlsx_error(display, e))
}

fn xlsx_error(display: &str, e: impl std::fmt::Display) -> crate::error::Error {
    ImportError::new(display, ImportErrorKind::Malformed { detail: format!("unreadable spreadsheet ({e})") }).into()
}

/// The public slug from the TOP POSTS urls, when the spreadsheet has any.
pub fn creator_hint(bytes: &[u8], display: &str) -> Result<AccountHint> {
    let mut wb = workbook(bytes, display)?;
    let mut hint = AccountHint { role: Some(Role::Pro), ..AccountHint::default() };
    if let Some(name) = wb.sheet_names().iter().find(|n| n.trim().eq_ignore_ascii_case("TOP POSTS")).cloned() {
        let range = wb.worksheet_range(&name).map_err(|e| xlsx_error(display, e))?;
        hint.handle = range.rows().flat_map(|r| r.iter()).filter_map(cell_text).find_map(|t| slug_from_url(&t));
    }
    Ok(hint)
}

/// The creator analytics spreadsheet: daily impressions and engagements, the follower total on the
/// export day with daily gains (back-filled totals are lower bounds: losses are not exported), and
/// the top posts with their impressions and engagements.
pub fn creator_xlsx(bytes: &[u8], ctx: &Ctx, w: &mut Writer<'_>) -> Result<()> {
    let mut wb = workbook(bytes, &ctx.display)?;
    let names = wb.sheet_names().to_vec();
    let find = |want: &str| names.iter().find(|n| n.trim().eq_ignore_ascii_case(want)).cloned();

    if let Some(sheet) = find("ENGAGEMENT") {
        let range = wb.worksheet_range(&sheet).map_err(|e| xlsx_error(&ctx.display, e))?;
        for row in range.rows().skip(1) {
            let Some(day) = row.first().and_then(cell_date) else {
                continue;
            };
            let get = |i: usize| row.get(i).and_then(cell_text).as_deref().and_then(parse_count).map(|v| v as f64);
            w.daily_metric(ctx.account_id, day, "impressions", get(1))?;
            w.daily_metric(ctx.account_id, day, "engagements", get(2))?;
        }
    }

    if let Some(sheet) = find("FOLLOWERS") {
        let range = wb.worksheet_range(&sheet).map_err(|e| xlsx_error(&ctx.display, e))?;
        let mut rows = range.rows();
        let first = rows.next().unwrap_or(&[]);
        // A1: "Total followers on M/D/YYYY:", B1: the total.
        let label = first.first().and_then(cell_text).unwrap_or_default();
        let total_on = label
            .split(" on ")
            .nth(1)
            .map(|s| s.trim_end_matches(':').trim())
            .and_then(parse_date)
            .unwrap_or(ctx.exported_on);
        let total = first.get(1).and_then(cell_text).as_deref().and_then(parse_count);
        let mut gains: BTreeMap<NaiveDate, i64> = BTreeMap::new();
        for row in rows {
            let Some(day) = row.first().and_then(cell_date) else {
                continue;
            };
            if let Some(g) = row.get(1).and_then(cell_text).as_deref().and_then(parse_count) {
                gains.insert(day, g);
            }
        }
        for (day, g) in &gains {
            w.follow_change(ctx.account_id, *day, Some(*g), None, None)?;
        }
        if let Some(total) = total {
            w.audience(
                ctx.account_id,
                total_on,
                AudienceMetric::Followers,
                total,
                AudienceSource::AnalyticsSeries,
                false,
            )?;
            // count(d) >= total - gains after d: a lower bound, since losses are unknown.
            let mut value = total;
            for (day, g) in gains.iter().rev() {
                if *day < total_on {
                    w.audience(
                        ctx.account_id,
                        *day,
                        AudienceMetric::Followers,
                        value,
                        AudienceSource::AnalyticsSeries,
                        true,
                    )?;
                }
                value -= g;
            }
        }
    }

    if let Some(sheet) = find("TOP POSTS") {
        let range = wb.worksheet_range(&sheet).map_err(|e| xlsx_error(&ctx.display, e))?;
        // Two side-by-side tables: A-C by engagements, E-G by impressions. A post may be in both.
        let mut seen: BTreeMap<String, (Option<NaiveDate>, String, PostMetrics)> = BTreeMap::new();
        for row in range.rows() {
            for (start, is_engagement) in [(0usize, true), (4usize, false)] {
                let Some(url) = row.get(start).and_then(cell_text).filter(|u| u.starts_with("http")) else {
                    continue;
                };
                let Some(id) = activity_id(&url) else {
                    continue;
                };
                let date = row.get(start + 1).and_then(cell_date);
                let value = row.get(start + 2).and_then(cell_text).as_deref().and_then(parse_count);
                let entry = seen.entry(id).or_insert((date, url.clone(), PostMetrics::default()));
                if is_engagement {
                    entry.2.engagements = value;
                } else {
                    entry.2.impressions = value;
                }
            }
        }
        for (id, (date, url, metrics)) in seen {
            let post = w.post(
                ctx.account_id,
                &NewPost {
                    platform_post_id: &id,
                    published_at: date.and_then(|d| d.and_hms_opt(0, 0, 0)).map(|t| rfc3339(t.and_utc())),
                    kind: PostKind::Post,
                    text: None,
                    url: Some(&url),
                    duration_s: None,
                },
            )?;
            w.observe(post, ctx.exported_on, FileKind::LiCreatorXlsx, &metrics)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_ids_from_urls() {
        assert_eq!(slug("Camille Laurent-Dupré"), "camille-laurent-dupre");
        assert_eq!(slug_from_url("https://www.linkedin.com/in/ada-l/").as_deref(), Some("ada-l"));
        assert_eq!(
            slug_from_url(
                "https://www.linkedin.com/posts/camille-laurent-design_brand-tips-activity-7228123456789012345-AbCd"
            )
            .as_deref(),
            Some("camille-laurent-design")
        );
        assert_eq!(
            activity_id("https://www.linkedin.com/feed/update/urn:li:activity:7228123456789012345/").as_deref(),
            Some("7228123456789012345")
        );
        assert_eq!(
            activity_id("https://www.linkedin.com/posts/x_words-activity-7228123456789012345-AbCd").as_deref(),
            Some("7228123456789012345")
        );
    }
}
