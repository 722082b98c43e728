//! Numbers from any platform, by CSV: Resonance's documented generic format (docs/generic-csv.md),
//! or any CSV whose columns the user maps to the generic fields (the column-mapping step of the
//! Import view, `resonance import FILE --map date=Jour --map followers=Abonnés`).
//!
//! Each row is dated. `followers`/`following` give the audience on that day; a row with a
//! `post_id` or `post_url` is a post published that day with its numbers; metric columns on a row
//! without a post are account-level daily values. Empty cells are unknown, never zero.

use crate::error::{Error, ImportError, ImportErrorKind, Result};
use crate::import::Ctx;
use crate::import::detect::FileKind;
use crate::import::source::{Bundle, Input};
use crate::import::table::Table;
use crate::import::text::{parse_count, parse_date, parse_decimal, parse_instant, rfc3339};
use crate::import::writer::{AccountHint, Writer};
use crate::model::{AudienceMetric, AudienceSource, Platform, PostKind, PostMetrics};
use crate::store::posts::NewPost;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::io::Read;
use ts_rs::TS;

/// A column of the generic format. The column names are the snake_case names below.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum GenericField {
    Date,
    Followers,
    Following,
    PostId,
    PostUrl,
    PostText,
    PostKind,
    Views,
    Impressions,
    Reach,
    Likes,
    Comments,
    Replies,
    Shares,
    Quotes,
    Saves,
    ProfileVisits,
    Follows,
    LinkClicks,
    WatchTimeS,
    AvgViewDurationS,
    AvgPctViewed,
    Platform,
    Account,
}

impl GenericField {
    pub const ALL: &'static [GenericField] = &[
        GenericField::Date,
        GenericField::Followers,
        GenericField::Following,
        GenericField::PostId,
        GenericField::PostUrl,
        GenericField::PostText,
        GenericField::PostKind,
        GenericField::Views,
        GenericField::Impressions,
        GenericField::Reach,
        GenericField::Likes,
        GenericField::Comments,
        GenericField::Replies,
        GenericField::Shares,
        GenericField::Quotes,
        GenericField::Saves,
        GenericField::ProfileVisits,
        GenericField::Follows,
        GenericField::LinkClicks,
        GenericField::WatchTimeS,
        GenericField::AvgViewDurationS,
        GenericField::AvgPctViewed,
        GenericField::Platform,
        GenericField::Account,
    ];

    /// The column name in the generic format.
    pub fn name(self) -> &'static str {
        use GenericField::*;
        match self {
            Date => "date",
            Followers => "followers",
            Following => "following",
            PostId => "post_id",
            PostUrl => "post_url",
            PostText => "post_text",
            PostKind => "post_kind",
            Views => "views",
            Impressions => "impressions",
            Reach => "reach",
            Likes => "likes",
            Comments => "comments",
            Replies => "replies",
            Shares => "shares",
            Quotes => "quotes",
            Saves => "saves",
            ProfileVisits => "profile_visits",
            Follows => "follows",
            LinkClicks => "link_clicks",
            WatchTimeS => "watch_time_s",
            AvgViewDurationS => "avg_view_duration_s",
            AvgPctViewed => "avg_pct_viewed",
            Platform => "platform",
            Account => "account",
        }
    }

    pub fn from_name(name: &str) -> Option<GenericField> {
        let n = name.trim().trim_matches('"').trim().to_ascii_lowercase();
        GenericField::ALL.iter().copied().find(|f| f.name() == n)
    }

    /// Header words (English and French) that usually mean this field, for the suggested mapping.
    fn synonyms(self) -> &'static [&'static str] {
        use GenericField::*;
        match self {
            Date => &["date", "day", "jour", "datum", "fecha", "publish time", "published", "publication", "created"],
            Followers => &["followers", "abonnés", "abonnes", "subscribers", "fans", "audience", "total followers"],
            Following => &["following", "abonnements", "follows count"],
            PostId => &["post_id", "post id", "id", "video id", "media id"],
            PostUrl => &["post_url", "url", "link", "lien", "permalink", "video link"],
            PostText => &["post_text", "text", "texte", "caption", "légende", "title", "titre", "description"],
            PostKind => &["post_kind", "type", "post type", "kind"],
            Views => &["views", "vues", "plays", "lectures", "video views"],
            Impressions => &["impressions"],
            Reach => &["reach", "portée", "couverture", "unique viewers"],
            Likes => &["likes", "j'aime", "mentions j'aime", "reactions", "réactions", "favourites", "hearts"],
            Comments => &["comments", "commentaires"],
            Replies => &["replies", "réponses"],
            Shares => &["shares", "partages", "reposts", "retweets", "boosts"],
            Quotes => &["quotes", "citations"],
            Saves => &["saves", "enregistrements", "bookmarks", "favoris"],
            ProfileVisits => &["profile visits", "visites du profil", "profile views"],
            Follows => &["follows", "new followers", "nouveaux abonnés"],
            LinkClicks => &["link clicks", "clics sur le lien", "clicks", "clics"],
            WatchTimeS => &["watch_time_s", "watch time (seconds)", "durée de visionnage (s)"],
            AvgViewDurationS => &["avg_view_duration_s", "average view duration", "durée moyenne de visionnage"],
            AvgPctViewed => &["avg_pct_viewed", "average percentage viewed", "pourcentage moyen regardé"],
            Platform => &["platform", "plateforme", "network", "réseau"],
            Account => &["account", "compte", "handle", "username"],
        }
    }
}

/// A header of the generic format: only generic column names, a `date`, and something to record.
pub fn is_generic_header(cols: &[&str]) -> bool {
    let fields: Vec<Option<GenericField>> = cols.iter().map(|c| GenericField::from_name(c)).collect();
    fields.iter().all(Option::is_some)
        && fields.contains(&Some(GenericField::Date))
        && fields.iter().flatten().any(|f| {
            matches!(
                f,
                GenericField::Followers | GenericField::Following | GenericField::PostId | GenericField::PostUrl
            )
        })
}

/// The user's mapping of a CSV's columns to generic fields.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ColumnMapping {
    /// (header in the file, field) pairs; unmapped headers are ignored.
    pub columns: Vec<MappedColumn>,
    /// The platform the numbers come from (`other` when it is none Resonance knows).
    pub platform: Platform,
    /// The account's name on that platform; required unless the file has an `account` column or an
    /// existing account is chosen.
    pub handle: Option<String>,
    /// Dates like `03/04/2026` are read day first (France) when true, month first (US) when false.
    pub day_first: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MappedColumn {
    pub header: String,
    pub field: GenericField,
}

/// The first rows of a CSV and a suggested mapping, for the column-mapping step.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CsvPreview {
    pub file: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// For each header, the field it most likely is.
    pub suggested: Vec<Option<GenericField>>,
    /// Whether the dates look day-first (a first number above 12 somewhere).
    pub day_first: bool,
}

const PREVIEW_ROWS: usize = 8;
const PREVIEW_SCAN_ROWS: usize = 200;

/// Reads the header and first rows of a CSV file for the mapping step.
pub fn preview(input: &Input) -> Result<CsvPreview> {
    let mut bundle = Bundle::open(input)?;
    if bundle.is_archive || bundle.entries.len() != 1 {
        return Err(ImportError::new(
            &input.name,
            ImportErrorKind::NotRecognised { what: "an archive or folder; column mapping reads one CSV file".into() },
        )
        .into());
    }
    let entry = bundle.entries[0].clone();
    let display = bundle.display(&entry);
    let bytes = bundle.read_entry(&entry, 64 << 20)?;
    let text = crate::import::text::decode_text(&bytes);
    let delimiter = sniff_delimiter(&text);
    let mut rdr = csv::ReaderBuilder::new().flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| ImportError::new(&display, ImportErrorKind::Malformed { detail: e.to_string() }))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(ImportError::new(&display, ImportErrorKind::Empty).into());
    }
    let mut rows = Vec::new();
    let mut day_first = false;
    for rec in rdr.records().take(PREVIEW_SCAN_ROWS).flatten() {
        let cells: Vec<String> = rec.iter().map(|c| c.trim().to_string()).collect();
        day_first |= cells.iter().any(|c| looks_day_first(c));
        if rows.len() < PREVIEW_ROWS {
            rows.push(cells);
        }
    }
    let mut suggested: Vec<Option<GenericField>> = headers.iter().map(|h| suggest(h)).collect();
    // One column per field: keep the first suggestion of each.
    for i in 0..suggested.len() {
        if let Some(f) = suggested[i]
            && suggested[..i].contains(&Some(f))
        {
            suggested[i] = None;
        }
    }
    Ok(CsvPreview { file: input.name.clone(), headers, rows, suggested, day_first })
}

fn suggest(header: &str) -> Option<GenericField> {
    let h = header.trim().to_lowercase();
    GenericField::from_name(&h)
        .or_else(|| GenericField::ALL.iter().copied().find(|f| f.synonyms().iter().any(|s| h == *s)))
}

fn looks_day_first(cell: &str) -> bool {
    let parts: Vec<&str> = cell.split(['/', '.']).collect();
    parts.len() == 3
        && parts[2].trim().len() >= 4
        && parts[0].trim().parse::<u32>().is_ok_and(|d| (13..=31).contains(&d))
        && parts[1].trim().parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
}

/// Semicolons are the separator of French spreadsheets.
fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    if first.matches(';').count() > first.matches(',').count() { b';' } else { b',' }
}

/// The account a generic file names (its `platform` and `account` columns, first row that has them).
pub fn hint(head: &[u8], mapping: Option<&ColumnMapping>) -> (Option<Platform>, AccountHint) {
    let text = crate::import::text::decode_text(head);
    let delimiter = sniff_delimiter(&text);
    let mut rdr = csv::ReaderBuilder::new().flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let Ok(headers) = rdr.headers().cloned() else {
        return (mapping.map(|m| m.platform), AccountHint::default());
    };
    let col = |field: GenericField| column_of(&headers, mapping, field);
    let (platform_c, account_c) = (col(GenericField::Platform), col(GenericField::Account));
    let mut platform = mapping.map(|m| m.platform).filter(|p| *p != Platform::Other);
    let mut handle = mapping.and_then(|m| m.handle.clone()).filter(|h| !h.trim().is_empty());
    for rec in rdr.records().take(50).flatten() {
        if platform.is_none()
            && let Some(p) = platform_c.and_then(|c| rec.get(c)).and_then(|v| v.trim().to_lowercase().parse().ok())
        {
            platform = Some(p);
        }
        if handle.is_none() {
            handle = account_c.and_then(|c| rec.get(c)).map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
        }
    }
    (platform.or(mapping.map(|m| m.platform)), AccountHint { handle, ..AccountHint::default() })
}

fn column_of(headers: &csv::StringRecord, mapping: Option<&ColumnMapping>, field: GenericField) -> Option<usize> {
    let norm = |h: &str| h.trim().trim_start_matches('\u{feff}').trim().to_lowercase();
    match mapping {
        Some(m) => {
            let header = m.columns.iter().find(|c| c.field == field)?.header.to_lowercase();
            headers.iter().position(|h| norm(h) == header.trim())
        }
        None => headers.iter().position(|h| norm(h) == field.name()),
    }
}

fn parse_day(raw: &str, day_first: bool) -> Option<NaiveDate> {
    let s = raw.trim();
    if day_first {
        let date_part = s.split([' ', 'T']).next().unwrap_or(s);
        for fmt in ["%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%y"] {
            if let Ok(d) = NaiveDate::parse_from_str(date_part, fmt) {
                return Some(d);
            }
        }
    }
    parse_date(s).or_else(|| parse_instant(s).map(|t| t.date_naive()))
}

fn parse_time(raw: &str, day: NaiveDate) -> DateTime<Utc> {
    let has_time = raw.contains(':');
    match parse_instant(raw).filter(|t| has_time && t.date_naive() == day) {
        Some(t) => t,
        None => day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc(),
    }
}

fn kind_of(raw: &str) -> PostKind {
    let k = raw.trim().to_lowercase();
    k.parse().unwrap_or(if k.contains("reel") {
        PostKind::Reel
    } else if k.contains("video") || k.contains("vidéo") || k.contains("short") {
        PostKind::Video
    } else if k.contains("story") {
        PostKind::Story
    } else if k.contains("article") {
        PostKind::Article
    } else if k.contains("repl") || k.contains("répon") {
        PostKind::Reply
    } else if k.contains("repost") || k.contains("retweet") || k.contains("boost") || k.contains("share") {
        PostKind::Repost
    } else {
        PostKind::Post
    })
}

/// Imports a generic (or mapped) CSV into the account of `ctx`.
pub fn import(r: Box<dyn Read + '_>, ctx: &Ctx, w: &mut Writer<'_>, mapping: Option<&ColumnMapping>) -> Result<()> {
    let mut t = Table::open_with(r, &ctx.display, |_| true, None)?;
    let headers = csv::StringRecord::from(t.headers().to_vec());
    let col = |f: GenericField| column_of(&headers, mapping, f);
    let Some(date_c) = col(GenericField::Date) else {
        let wanted = mapping
            .and_then(|m| m.columns.iter().find(|c| c.field == GenericField::Date).map(|c| c.header.clone()))
            .unwrap_or_else(|| "date".into());
        return Err(ImportError::new(
            &ctx.display,
            ImportErrorKind::MissingColumn { column: wanted, found: t.headers().join(", ") },
        )
        .into());
    };
    use GenericField as F;
    let c = |f| col(f);
    let (followers_c, following_c) = (c(F::Followers), c(F::Following));
    let (id_c, url_c, text_c, kind_c) = (c(F::PostId), c(F::PostUrl), c(F::PostText), c(F::PostKind));
    if mapping.is_some()
        && [followers_c, following_c, id_c, url_c].iter().all(Option::is_none)
        && [F::Views, F::Impressions, F::Reach, F::Likes, F::Comments, F::Shares].iter().all(|f| c(*f).is_none())
    {
        return Err(Error::InvalidArgument(match w.lang {
            crate::i18n::Lang::En => format!("{}: map at least followers, a post id or url, or a metric", ctx.display),
            crate::i18n::Lang::Fr => {
                format!(
                    "{} : associez au moins les abonnés, l'identifiant ou le lien d'un post, ou une mesure",
                    ctx.display
                )
            }
        }));
    }
    let counts = [
        (F::Views, "views"),
        (F::Impressions, "impressions"),
        (F::Reach, "reach"),
        (F::Likes, "likes"),
        (F::Comments, "comments"),
        (F::Replies, "replies"),
        (F::Shares, "shares"),
        (F::Quotes, "quotes"),
        (F::Saves, "saves"),
        (F::ProfileVisits, "profile_visits"),
        (F::Follows, "follows"),
        (F::LinkClicks, "link_clicks"),
    ]
    .map(|(f, name)| (c(f), name));
    let decimals = [
        (F::WatchTimeS, "watch_time_s"),
        (F::AvgViewDurationS, "avg_view_duration_s"),
        (F::AvgPctViewed, "avg_pct_viewed"),
    ]
    .map(|(f, name)| (c(f), name));
    let day_first = mapping.is_some_and(|m| m.day_first);
    t.rows(|row| {
        let Some(raw_day) = row.get(Some(date_c)) else {
            return Ok(Err("no date".into()));
        };
        let Some(day) = parse_day(raw_day, day_first) else {
            return Ok(Err(format!("unreadable date {raw_day:?}")));
        };
        let count = |col: Option<usize>| row.get(col).and_then(parse_count);
        for (col, metric) in [(followers_c, AudienceMetric::Followers), (following_c, AudienceMetric::Following)] {
            if let Some(v) = count(col) {
                if v < 0 {
                    return Ok(Err(format!("negative {metric} {v}")));
                }
                w.audience(ctx.account_id, day, metric, v, AudienceSource::AnalyticsSeries, false)?;
            }
        }
        let mut m = PostMetrics::default();
        for (col, name) in counts {
            let v = count(col);
            match name {
                "views" => m.views = v,
                "impressions" => m.impressions = v,
                "reach" => m.reach = v,
                "likes" => m.likes = v,
                "comments" => m.comments = v,
                "replies" => m.replies = v,
                "shares" => m.shares = v,
                "quotes" => m.quotes = v,
                "saves" => m.saves = v,
                "profile_visits" => m.profile_visits = v,
                "follows" => m.follows = v,
                _ => m.link_clicks = v,
            }
        }
        for (col, name) in decimals {
            let v = row.get(col).and_then(parse_decimal);
            match name {
                "watch_time_s" => m.watch_time_s = v,
                "avg_view_duration_s" => m.avg_view_duration_s = v,
                _ => m.avg_pct_viewed = v,
            }
        }
        let post_key = row.get(id_c).or(row.get(url_c));
        match post_key {
            Some(key) => {
                let kind = row.get(kind_c).map(kind_of).unwrap_or(PostKind::Post);
                let post = w.post(
                    ctx.account_id,
                    &NewPost {
                        platform_post_id: key,
                        published_at: Some(rfc3339(parse_time(raw_day, day))),
                        kind,
                        text: row.get(text_c),
                        url: row.get(url_c).filter(|u| u.starts_with("https://") || u.starts_with("http://")),
                        duration_s: None,
                    },
                )?;
                // A repost of someone else carries their applause, not the owner's.
                if kind != PostKind::Repost && !m.is_empty() {
                    w.observe(post, ctx.exported_on, FileKind::GenericCsv, &m)?;
                }
            }
            None => {
                let values = [
                    ("views", m.views.map(|v| v as f64)),
                    ("impressions", m.impressions.map(|v| v as f64)),
                    ("reach", m.reach.map(|v| v as f64)),
                    ("likes", m.likes.map(|v| v as f64)),
                    ("comments", m.comments.map(|v| v as f64)),
                    ("replies", m.replies.map(|v| v as f64)),
                    ("shares", m.shares.map(|v| v as f64)),
                    ("saves", m.saves.map(|v| v as f64)),
                    ("profile_visits", m.profile_visits.map(|v| v as f64)),
                    ("follows", m.follows.map(|v| v as f64)),
                    ("link_clicks", m.link_clicks.map(|v| v as f64)),
                    ("watch_time_s", m.watch_time_s),
                ];
                for (metric, value) in values {
                    w.daily_metric(ctx.account_id, day, metric, value)?;
                }
            }
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
    fn generic_headers_are_recognised_only_when_every_column_is_known() {
        assert!(is_generic_header(&["date", "followers"]));
        assert!(is_generic_header(&["date", "post_id", "views", "likes", "comments"]));
        assert!(!is_generic_header(&["date", "views"]), "nothing to attach the numbers to");
        assert!(!is_generic_header(&["date", "followers", "mystery"]));
        assert!(!is_generic_header(&["followers"]));
    }

    #[test]
    fn suggestions_read_french_and_english_headers() {
        assert_eq!(suggest("Jour"), Some(GenericField::Date));
        assert_eq!(suggest("Abonnés"), Some(GenericField::Followers));
        assert_eq!(suggest("J'aime"), Some(GenericField::Likes));
        assert_eq!(suggest("Permalink"), Some(GenericField::PostUrl));
        assert_eq!(suggest("Mood"), None);
    }

    #[test]
    fn day_first_dates() {
        assert!(looks_day_first("25/03/2026"));
        assert!(!looks_day_first("03/25/2026"));
        assert_eq!(parse_day("03/04/2026", true), NaiveDate::from_ymd_opt(2026, 4, 3));
        assert_eq!(parse_day("03/04/2026", false), NaiveDate::from_ymd_opt(2026, 3, 4));
        assert_eq!(parse_day("2026-04-03", true), NaiveDate::from_ymd_opt(2026, 4, 3));
    }

    #[test]
    fn post_kinds_from_free_text() {
        assert_eq!(kind_of("reel"), PostKind::Reel);
        assert_eq!(kind_of("Vidéo"), PostKind::Video);
        assert_eq!(kind_of("Retweet"), PostKind::Repost);
        assert_eq!(kind_of(""), PostKind::Post);
    }
}
