//! Text quirks of platform exports: Meta's double-encoded UTF-8, counts written as text, dates in
//! a dozen shapes, byte-order marks and UTF-16.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// Undoes Meta's "mojibake": every byte of the UTF-8 text was written as its own `\u00XX` escape, so
/// a normal parse gives Latin-1 garbage (`cafÃ©`). Strict and idempotent: the string is returned
/// unchanged unless every character is below U+0100 and the bytes they form are valid UTF-8.
pub fn fix_mojibake(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let mut bytes = Vec::with_capacity(s.len());
    for c in s.chars() {
        let cp = c as u32;
        if cp > 0xFF {
            return s.to_string();
        }
        bytes.push(cp as u8);
    }
    match String::from_utf8(bytes) {
        Ok(fixed) => fixed,
        Err(_) => s.to_string(),
    }
}

/// A count written as text: `12`, `"12.0"`, `1,234`, `1 234`, `1.234` (de), `12.5K`, `1.2M`.
/// `--`, `-`, `undefined`, empty → None (unknown, never zero).
pub fn parse_count(raw: &str) -> Option<i64> {
    let s = raw.trim().trim_matches('"').trim();
    if s.is_empty() || matches!(s, "-" | "--" | "undefined" | "N/A" | "n/a" | "null") {
        return None;
    }
    let (body, mult) = match s.chars().last()? {
        'K' | 'k' => (&s[..s.len() - 1], 1_000.0),
        'M' | 'm' => (&s[..s.len() - 1], 1_000_000.0),
        _ => (s, 1.0),
    };
    let cleaned: String = body.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'')).collect();
    if mult > 1.0 {
        return cleaned.replace(',', ".").parse::<f64>().ok().map(|v| (v * mult).round() as i64);
    }
    if let Ok(v) = cleaned.parse::<i64>() {
        return Some(v);
    }
    // "1938.0": a float written for an integer count.
    if let Some(int) = cleaned.strip_suffix(".0")
        && let Ok(v) = int.parse::<i64>()
    {
        return Some(v);
    }
    // Thousands separators: "1,234,567" or "1.234.567".
    for sep in [',', '.'] {
        let parts: Vec<&str> = cleaned.split(sep).collect();
        if parts.len() > 1
            && parts[0].len() <= 3
            && !parts[0].is_empty()
            && parts[1..].iter().all(|p| p.len() == 3 && p.chars().all(|c| c.is_ascii_digit()))
        {
            return parts.concat().parse::<i64>().ok();
        }
    }
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite()).map(|v| v.round() as i64)
}

/// A decimal written as text (`"0.0093"`, `"3,51"`, `"45.8772"`, `"12%"`); None when unknown.
pub fn parse_decimal(raw: &str) -> Option<f64> {
    let s = raw.trim().trim_matches('"').trim().trim_end_matches('%').trim();
    if s.is_empty() || matches!(s, "-" | "--" | "undefined") {
        return None;
    }
    // "1,204" is a thousands separator (digits grouped by three); "3,51" a decimal comma.
    let parts: Vec<&str> = s.trim_start_matches('-').split(',').collect();
    let grouped = parts.len() > 1
        && (1..=3).contains(&parts[0].len())
        && parts[1..].iter().all(|p| p.len() == 3 && p.chars().all(|c| c.is_ascii_digit()));
    let s = if s.contains(',') && !s.contains('.') && !grouped { s.replace(',', ".") } else { s.replace(',', "") };
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// `H:MM:SS` or `M:SS` durations → seconds.
pub fn parse_duration_hms(raw: &str) -> Option<f64> {
    let parts: Vec<&str> = raw.trim().split(':').collect();
    if parts.len() < 2 || parts.len() > 3 {
        return None;
    }
    let mut total = 0.0;
    for p in parts {
        total = total * 60.0 + p.trim().parse::<f64>().ok()?;
    }
    Some(total)
}

pub fn from_unix(secs: i64) -> Option<DateTime<Utc>> {
    if secs <= 0 {
        return None;
    }
    Utc.timestamp_opt(secs, 0).single()
}

pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Parses the instants exports write: RFC 3339, `Sat Feb 18 19:45:15 +0000 2023` (X),
/// `2016-12-23 18:50 +0000` (X analytics), `YYYY-MM-DD HH:MM:SS[ UTC]` (LinkedIn, TikTok; UTC),
/// `MM/DD/YYYY HH:MM` (Meta; taken as UTC), ISO dates (midnight UTC).
pub fn parse_instant(raw: &str) -> Option<DateTime<Utc>> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    for fmt in ["%a %b %d %H:%M:%S %z %Y", "%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M:%S %z"] {
        if let Ok(t) = DateTime::parse_from_str(s, fmt) {
            return Some(t.with_timezone(&Utc));
        }
    }
    let s = s.trim_end_matches(" UTC").trim_end_matches('Z');
    for fmt in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S%.f", "%m/%d/%Y %H:%M", "%Y-%m-%d %H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(t.and_utc());
        }
    }
    parse_date(s).and_then(|d| d.and_hms_opt(0, 0, 0)).map(|t| t.and_utc())
}

/// Parses the days exports write: `2026-03-05`, `3/5/2026` (US order), `05 Mar 2026`,
/// `5 March 2026`, `Mar 5, 2026`, `Sun, Sep 13, 2026`, `2026-03-05T00:00:00`.
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let s = raw.trim().trim_matches('"').trim();
    // `get`, not `[..10]`: the tenth byte may fall inside a character (found by fuzzing).
    if let Some(day) = s.get(..10)
        && let Ok(d) = NaiveDate::parse_from_str(day, "%Y-%m-%d")
    {
        return Some(d);
    }
    // Weekday prefix: "Sun, Sep 13, 2026".
    let s = match s.split_once(", ") {
        Some((wd, rest)) if wd.len() == 3 && wd.chars().all(|c| c.is_ascii_alphabetic()) && rest.contains(',') => rest,
        _ => s,
    };
    for fmt in ["%m/%d/%Y", "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%d-%m-%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some(d);
        }
    }
    None
}

/// The date a file name carries (`instagram-me-2026-11-01-x.zip`, `…_11-01-2026.zip`,
/// `…_20161201_20170101_en.csv`, `Jun-01-2026_Jun-07-2026_…csv`): the last one found.
pub fn date_in_name(name: &str) -> Option<NaiveDate> {
    let chars: Vec<char> = name.chars().collect();
    let mut found = None;
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let rest: String = chars[i..].iter().take(11).collect();
        let candidates = [(10, "%Y-%m-%d"), (10, "%m-%d-%Y"), (8, "%Y%m%d"), (11, "%b-%d-%Y")];
        let mut advanced = false;
        for (len, fmt) in candidates {
            if rest.chars().count() >= len {
                let piece: String = rest.chars().take(len).collect();
                let boundary_before = i == 0 || !chars[i - 1].is_ascii_alphanumeric();
                let boundary_after = i + len >= n || !chars[i + len].is_ascii_digit();
                if boundary_before
                    && boundary_after
                    && let Ok(d) = NaiveDate::parse_from_str(&piece, fmt)
                    && (1990..=2100).contains(&chrono::Datelike::year(&d))
                {
                    found = Some(d);
                    i += len;
                    advanced = true;
                    break;
                }
            }
        }
        if !advanced {
            i += 1;
        }
    }
    found
}

/// Strips a UTF-8 byte-order mark.
pub fn strip_bom(b: &[u8]) -> &[u8] {
    b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b)
}

/// Bytes to text: UTF-16 (with BOM) or UTF-8 (BOM optional, invalid sequences replaced).
pub fn decode_text(b: &[u8]) -> String {
    if b.starts_with(b"\xFF\xFE") {
        let (s, _, _) = encoding_rs::UTF_16LE.decode(b);
        return s.into_owned();
    }
    if b.starts_with(b"\xFE\xFF") {
        let (s, _, _) = encoding_rs::UTF_16BE.decode(b);
        return s.into_owned();
    }
    String::from_utf8_lossy(strip_bom(b)).into_owned()
}

/// X archives escape `&`, `<`, `>` in tweet text; we store the text the person wrote.
pub fn unescape_html_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// Month names as TikTok Studio writes them in its UI languages (lowercase, accents kept):
/// English, French, Spanish, Portuguese, Italian, German, Dutch, Indonesian, Greek (genitive and
/// nominative), full and abbreviated. Vietnamese ("18 tháng Sáu", "18 tháng 6") is handled apart.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("janvier", 1),
    ("janv", 1),
    ("enero", 1),
    ("ene", 1),
    ("janeiro", 1),
    ("gennaio", 1),
    ("gen", 1),
    ("januar", 1),
    ("januari", 1),
    ("ιανουαρίου", 1),
    ("ιανουάριος", 1),
    ("february", 2),
    ("feb", 2),
    ("février", 2),
    ("févr", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("fevereiro", 2),
    ("fev", 2),
    ("febbraio", 2),
    ("februar", 2),
    ("februari", 2),
    ("φεβρουαρίου", 2),
    ("φεβρουάριος", 2),
    ("march", 3),
    ("mar", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("marco", 3),
    ("märz", 3),
    ("maart", 3),
    ("maret", 3),
    ("μαρτίου", 3),
    ("μάρτιος", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("avr", 4),
    ("abril", 4),
    ("abr", 4),
    ("aprile", 4),
    ("απριλίου", 4),
    ("απρίλιος", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maio", 5),
    ("maggio", 5),
    ("mei", 5),
    ("mag", 5),
    ("μαΐου", 5),
    ("μάιος", 5),
    ("june", 6),
    ("jun", 6),
    ("juin", 6),
    ("junio", 6),
    ("junho", 6),
    ("giugno", 6),
    ("juni", 6),
    ("ιουνίου", 6),
    ("ιούνιος", 6),
    ("july", 7),
    ("jul", 7),
    ("juillet", 7),
    ("juil", 7),
    ("julio", 7),
    ("julho", 7),
    ("luglio", 7),
    ("juli", 7),
    ("ιουλίου", 7),
    ("ιούλιος", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("ago", 8),
    ("augustus", 8),
    ("agustus", 8),
    ("αυγούστου", 8),
    ("αύγουστος", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setembro", 9),
    ("set", 9),
    ("settembre", 9),
    ("σεπτεμβρίου", 9),
    ("σεπτέμβριος", 9),
    ("october", 10),
    ("oct", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("outubro", 10),
    ("out", 10),
    ("ottobre", 10),
    ("ott", 10),
    ("oktober", 10),
    ("okt", 10),
    ("οκτωβρίου", 10),
    ("οκτώβριος", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("nop", 11),
    ("νοεμβρίου", 11),
    ("νοέμβριος", 11),
    ("december", 12),
    ("dec", 12),
    ("décembre", 12),
    ("déc", 12),
    ("decembre", 12),
    ("diciembre", 12),
    ("dic", 12),
    ("dezembro", 12),
    ("dez", 12),
    ("dicembre", 12),
    ("dezember", 12),
    ("desember", 12),
    ("δεκεμβρίου", 12),
    ("δεκέμβριος", 12),
];

/// Vietnamese month numbers written as words after "tháng".
const VI_MONTHS: &[(&str, u32)] = &[
    ("một", 1),
    ("giêng", 1),
    ("hai", 2),
    ("ba", 3),
    ("tư", 4),
    ("bốn", 4),
    ("năm", 5),
    ("sáu", 6),
    ("bảy", 7),
    ("tám", 8),
    ("chín", 9),
    ("mười", 10),
    ("mười một", 11),
    ("mười hai", 12),
    ("chạp", 12),
];

/// A day written without its year, as TikTok Studio does in the UI language: `August 9`,
/// `9 août`, `9 de agosto`, `9. August`, `18 tháng Sáu`, `18 tháng 6`, `9 Αυγούστου`, `08/09`
/// (taken as month/day). Returns (month, day).
pub fn parse_month_day(raw: &str) -> Option<(u32, u32)> {
    let s = raw.trim().trim_matches('"').trim().to_lowercase();
    if s.is_empty() {
        return None;
    }
    let valid = |m: u32, d: u32| ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d));
    if let Some((day, month)) = s.split_once("tháng") {
        let d: u32 = day.trim().trim_end_matches(',').parse().ok()?;
        let m = month.trim();
        let m = m
            .parse::<u32>()
            .ok()
            .or_else(|| VI_MONTHS.iter().filter(|(name, _)| *name == m).map(|(_, n)| *n).next())?;
        return valid(m, d);
    }
    if let Some((a, b)) = s.split_once('/')
        && let (Ok(m), Ok(d)) = (a.trim().parse::<u32>(), b.trim().parse::<u32>())
    {
        return valid(m, d);
    }
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty() && *w != "de" && *w != "del")
        .collect();
    let mut day = None;
    let mut month = None;
    for w in words {
        if let Ok(n) = w.parse::<u32>() {
            day = day.or(Some(n));
        } else if let Some((_, m)) = MONTHS.iter().find(|(name, _)| *name == w) {
            month = month.or(Some(*m));
        } else {
            return None;
        }
    }
    valid(month?, day?)
}

/// The date of a year-less day in an export made on `exported_on` that covers at most the year
/// before it: the latest such date not after the export (so `December 30` in a January export is
/// last year's). 29 February falls back to the last leap year.
pub fn date_before(month: u32, day: u32, exported_on: NaiveDate) -> Option<NaiveDate> {
    let year = chrono::Datelike::year(&exported_on);
    for y in (year - 4..=year).rev() {
        if let Some(d) = NaiveDate::from_ymd_opt(y, month, day)
            && d <= exported_on
        {
            return Some(d);
        }
    }
    None
}

/// A day from a TikTok Studio cell: a full date when it has a year, else a year-less day placed
/// before the export.
pub fn parse_studio_date(raw: &str, exported_on: NaiveDate) -> Option<NaiveDate> {
    parse_date(raw).or_else(|| parse_month_day(raw).and_then(|(m, d)| date_before(m, d, exported_on)))
}

/// The text of an HTML fragment (Mastodon post content): tags dropped, paragraphs and line breaks
/// kept as new lines, entities decoded. The result is plain text, shown as text.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            out.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let tag = rest[start + 1..start + end].trim().to_ascii_lowercase();
        if (tag.starts_with("br") || tag.starts_with("/p")) && !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    let decoded = unescape_html_entities(&out).replace("&nbsp;", " ");
    decoded.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mojibake_is_fixed_strictly_and_idempotently() {
        assert_eq!(fix_mojibake("caf\u{00c3}\u{00a9}"), "café");
        let emoji = "\u{00f0}\u{009f}\u{0093}\u{009a}";
        assert_eq!(fix_mojibake(emoji), "📚");
        let german = "\u{00e2}\u{0080}\u{009e}Gef\u{00c3}\u{00a4}llt mir\u{00e2}\u{0080}\u{009c}-Angaben";
        assert_eq!(fix_mojibake(german), "„Gefällt mir“-Angaben");
        // Already-correct text stays as it is, twice over.
        assert_eq!(fix_mojibake("café"), "café");
        assert_eq!(fix_mojibake(&fix_mojibake("caf\u{00c3}\u{00a9}")), "café");
        assert_eq!(fix_mojibake("déjà 📚"), "déjà 📚");
    }

    #[test]
    fn counts_in_every_shape() {
        assert_eq!(parse_count("12"), Some(12));
        assert_eq!(parse_count("\"1938.0\""), Some(1938));
        assert_eq!(parse_count("102,497"), Some(102_497));
        assert_eq!(parse_count("14.533"), Some(14_533));
        assert_eq!(parse_count("63.3K"), Some(63_300));
        assert_eq!(parse_count("1 234"), Some(1234));
        assert_eq!(parse_count("--"), None);
        assert_eq!(parse_count("undefined"), None);
        assert_eq!(parse_count(""), None);
        assert_eq!(parse_count("-3"), Some(-3));
    }

    #[test]
    fn decimals_tell_thousands_from_decimal_commas() {
        assert_eq!(parse_decimal("1,204"), Some(1204.0));
        assert_eq!(parse_decimal("12,345,678"), Some(12_345_678.0));
        assert_eq!(parse_decimal("3,51"), Some(3.51));
        assert_eq!(parse_decimal("45.8772"), Some(45.8772));
        assert_eq!(parse_decimal("12%"), Some(12.0));
        assert_eq!(parse_decimal("--"), None);
    }

    #[test]
    fn dates_in_every_shape() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        for s in [
            "2026-03-05",
            "3/5/2026",
            "05 Mar 2026",
            "5 March 2026",
            "Mar 5, 2026",
            "Thu, Mar 5, 2026",
            "2026-03-05T00:00:00",
        ] {
            assert_eq!(parse_date(s), Some(d), "{s}");
        }
        let t = parse_instant("Sat Feb 18 19:45:15 +0000 2023").unwrap();
        assert_eq!(rfc3339(t), "2023-02-18T19:45:15Z");
        let t = parse_instant("2016-12-23 18:50 +0000").unwrap();
        assert_eq!(rfc3339(t), "2016-12-23T18:50:00Z");
        let t = parse_instant("03/25/2025 22:00").unwrap();
        assert_eq!(rfc3339(t), "2025-03-25T22:00:00Z");
        let t = parse_instant("2024-03-02 18:04:11 UTC").unwrap();
        assert_eq!(rfc3339(t), "2024-03-02T18:04:11Z");
        // A character across the tenth byte (found by fuzzing: it panicked).
        assert_eq!(parse_date("2026-03-0\u{e9}"), None);
        assert_eq!(parse_instant("2026-03-0\u{e9}6"), None);
    }

    #[test]
    fn dates_in_file_names() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(date_in_name("instagram-camille-2026-11-01-Xk29.zip"), d(2026, 11, 1));
        assert_eq!(date_in_name("Basic_LinkedInDataExport_10-31-2026.zip"), d(2026, 10, 31));
        assert_eq!(date_in_name("tweet_activity_metrics_me_20161201_20170101_en.csv"), d(2017, 1, 1));
        assert_eq!(date_in_name("Jun-01-2026_Jun-07-2026_1697572464799951.csv"), d(2026, 6, 7));
        assert_eq!(date_in_name("followers_1.json"), None);
    }

    #[test]
    fn utf16_and_bom_are_decoded() {
        let mut b = vec![0xFF, 0xFE];
        for u in "sep=,\n".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode_text(&b), "sep=,\n");
        assert_eq!(decode_text(b"\xEF\xBB\xBFabc"), "abc");
    }

    #[test]
    fn yearless_localised_days() {
        assert_eq!(parse_month_day("August 9"), Some((8, 9)));
        assert_eq!(parse_month_day("9 août"), Some((8, 9)));
        assert_eq!(parse_month_day("9 de agosto"), Some((8, 9)));
        assert_eq!(parse_month_day("9. August"), Some((8, 9)));
        assert_eq!(parse_month_day("18 tháng Sáu"), Some((6, 18)));
        assert_eq!(parse_month_day("18 tháng 6"), Some((6, 18)));
        assert_eq!(parse_month_day("30 Δεκεμβρίου"), Some((12, 30)));
        assert_eq!(parse_month_day("Dec 30"), Some((12, 30)));
        assert_eq!(parse_month_day("undefined"), None);
        assert_eq!(parse_month_day("Blursday 3"), None);
        let export = NaiveDate::from_ymd_opt(2026, 1, 20).unwrap();
        // December in a January export is last year's; January is this year's.
        assert_eq!(date_before(12, 30, export), NaiveDate::from_ymd_opt(2025, 12, 30));
        assert_eq!(date_before(1, 19, export), NaiveDate::from_ymd_opt(2026, 1, 19));
        assert_eq!(date_before(2, 29, export), NaiveDate::from_ymd_opt(2024, 2, 29));
        assert_eq!(parse_studio_date("2025-08-09", export), NaiveDate::from_ymd_opt(2025, 8, 9));
    }

    #[test]
    fn html_becomes_text() {
        assert_eq!(
            html_to_text("<p>Hello <a href=\"x\">#fedi</a></p><p>bye &amp; thanks</p>"),
            "Hello #fedi\nbye & thanks"
        );
        assert_eq!(html_to_text("a<br>b<br/>c"), "a\nb\nc");
        assert_eq!(html_to_text("&lt;img src=x onerror=alert(1)&gt;"), "<img src=x onerror=alert(1)>");
    }

    #[test]
    fn html_entities_from_x_are_unescaped() {
        assert_eq!(unescape_html_entities("a &amp; b &lt;3"), "a & b <3");
    }
}
