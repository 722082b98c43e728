//! The Posts view's table: every post of the chosen accounts filtered, sorted and cut into one
//! page here, so that the window receives 50 rows, not a whole history (200,000 posts with their
//! captions were tens of megabytes of IPC and seconds of sorting in the webview).
//!
//! Sort keys are the per-post metrics of [`crate::metrics::post`]; unknown values sort last in
//! both directions; ties go to the newest post, then the smallest id.

use crate::error::Result;
use crate::metrics::post;
use crate::model::{PostKind, PostMetrics};
use crate::store::posts::{METRIC_COLUMNS, PostRow};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PostSortKey {
    #[default]
    Date,
    Audience,
    Likes,
    Conversation,
    Amplification,
    Saves,
    Genuine,
    Share,
    Completion,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SortDir {
    Asc,
    #[default]
    Desc,
}

/// What the table shows: filters, sort and page.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct PostQuery {
    /// Accounts to show; empty: every account.
    #[serde(default)]
    pub accounts: Vec<i64>,
    #[serde(default)]
    pub kind: Option<PostKind>,
    /// `YYYY-MM-DD` bounds, inclusive.
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    /// Words that must all appear in the caption (case and accents ignored).
    #[serde(default)]
    pub text: String,
    /// Only posts the exports gave at least one number for.
    #[serde(default)]
    pub measured_only: bool,
    #[serde(default)]
    pub sort: PostSortKey,
    #[serde(default)]
    pub dir: SortDir,
    /// 1-based; clamped to the pages there are.
    #[serde(default)]
    pub page: u32,
    /// Rows per page (1–500; 0 means 50).
    #[serde(default)]
    pub page_size: u32,
}

/// Likes and genuine interactions summed over the filtered posts that have both.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PostTotals {
    pub posts: u32,
    pub likes: i64,
    pub genuine: i64,
    /// genuine ÷ (likes + genuine); null when that total is 0.
    pub share: Option<f64>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PostPage {
    /// The page's posts, with text, link and latest numbers.
    pub rows: Vec<PostRow>,
    /// Posts of the chosen accounts, before the other filters.
    pub in_accounts: u32,
    /// Kinds present among them, in a stable order.
    pub kinds: Vec<PostKind>,
    /// Posts every filter keeps.
    pub matching: u32,
    /// Of those, posts with a number for audience, likes or genuine interactions.
    pub measured: u32,
    /// Posts the other filters keep that "only posts with numbers" hides.
    pub unmeasured_hidden: u32,
    pub totals: PostTotals,
    pub page: u32,
    pub pages: u32,
    /// 1-based positions of the page's first and last row (0 and 0 when empty).
    pub first: u32,
    pub last: u32,
}

struct Candidate {
    id: i64,
    /// The publication instant as the number YYYYMMDDhhmmss (None when unknown): sorts as time.
    at: Option<u64>,
    metrics: PostMetrics,
    /// The sort key's value, computed once.
    key: Option<f64>,
}

fn has_numbers(m: &PostMetrics) -> bool {
    *m != PostMetrics::default()
}

/// Lower case without diacritics (NFD, combining marks dropped), so that "cafe" finds "Café".
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    s.nfd().filter(|c| !is_combining_mark(*c)).collect::<String>().to_lowercase()
}

/// The digits of a stored instant or day (`2026-03-05T18:30:00Z` → 20260305183000), at most
/// `n` of them; None unless there are exactly `n`.
fn digits(s: &str, n: usize) -> Option<u64> {
    let mut v = 0u64;
    let mut k = 0;
    for b in s.bytes().filter(u8::is_ascii_digit).take(n) {
        v = v * 10 + u64::from(b - b'0');
        k += 1;
    }
    (k == n).then_some(v)
}

fn sort_value(m: &PostMetrics, key: PostSortKey) -> Option<f64> {
    let int = |v: Option<i64>| v.map(|x| x as f64);
    match key {
        PostSortKey::Date => None,
        PostSortKey::Audience => int(post::audience(m)),
        PostSortKey::Likes => int(post::applause(m)),
        PostSortKey::Conversation => int(post::conversation(m)),
        PostSortKey::Amplification => int(post::amplification(m)),
        PostSortKey::Saves => int(post::saves(m)),
        PostSortKey::Genuine => int(post::genuine(m)),
        PostSortKey::Share => post::genuine_share(m),
        PostSortKey::Completion => m.avg_pct_viewed,
    }
}

/// Unknown (None, or an empty date) last whatever the direction.
fn cmp_known<T: PartialOrd>(a: Option<T>, b: Option<T>, dir: SortDir) -> Ordering {
    match (a, b) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Greater,
        (Some(_), None) => Ordering::Less,
        (Some(x), Some(y)) => {
            let o = x.partial_cmp(&y).unwrap_or(Ordering::Equal);
            if dir == SortDir::Asc { o } else { o.reverse() }
        }
    }
}

/// The posts a query keeps, in its order, with the counts the table shows above them: everything
/// but the page (the Posts view keeps it while the user turns pages, see `views::posts_page`).
#[derive(Debug, Clone)]
pub struct Ordered {
    pub ids: Vec<i64>,
    pub in_accounts: u32,
    pub kinds: Vec<PostKind>,
    pub measured: u32,
    pub unmeasured_hidden: u32,
    pub totals: PostTotals,
}

/// One page of the posts `q` keeps.
pub fn page(conn: &Connection, q: &PostQuery) -> Result<PostPage> {
    page_of(conn, &order(conn, q)?, q)
}

/// Filters and sorts the posts of `q`'s accounts (its page and page size are not read).
pub fn order(conn: &Connection, q: &PostQuery) -> Result<Ordered> {
    let accounts: Vec<i64> =
        if q.accounts.is_empty() { crate::store::accounts::ids(conn)? } else { q.accounts.clone() };
    // Every post of the accounts, with its latest numbers (post_facts: no captions read).
    let mut all: Vec<(Candidate, PostKind)> = Vec::new();
    {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT post_id, published_at, kind, {METRIC_COLUMNS} FROM post_facts WHERE account_id = ?1"
        ))?;
        for account in &accounts {
            let mut rows = stmt.query([account])?;
            while let Some(r) = rows.next()? {
                all.push((
                    Candidate {
                        id: r.get(0)?,
                        at: match r.get_ref(1)? {
                            rusqlite::types::ValueRef::Text(t) => {
                                std::str::from_utf8(t).ok().and_then(|t| digits(t, 14))
                            }
                            _ => None,
                        },
                        metrics: crate::metrics::data::metrics_fast(r, 3)?,
                        key: None,
                    },
                    r.get(2)?,
                ));
            }
        }
    }
    let in_accounts = all.len() as u32;
    let kinds: Vec<PostKind> = PostKind::ALL.iter().copied().filter(|k| all.iter().any(|(_, x)| x == k)).collect();

    // Caption words: only when asked, the captions of these accounts folded once.
    let words: Vec<String> = fold(&q.text).split_whitespace().map(str::to_string).collect();
    // The posts whose caption holds every word.
    let found: Option<std::collections::HashSet<i64>> = if words.is_empty() {
        None
    } else {
        let mut set = std::collections::HashSet::new();
        let mut stmt = conn.prepare_cached("SELECT id, text FROM posts WHERE account_id = ?1 AND text IS NOT NULL")?;
        for account in &accounts {
            let mut rows = stmt.query([account])?;
            while let Some(r) = rows.next()? {
                let rusqlite::types::ValueRef::Text(t) = r.get_ref(1)? else { continue };
                let folded = fold(&String::from_utf8_lossy(t));
                if words.iter().all(|w| folded.contains(w.as_str())) {
                    set.insert(r.get::<_, i64>(0)?);
                }
            }
        }
        Some(set)
    };

    let bound = |b: &Option<String>| -> Result<Option<u64>> {
        match b.as_deref().filter(|s| !s.is_empty()) {
            None => Ok(None),
            Some(s) => match digits(s, 8) {
                Some(d) if s.len() == 10 => Ok(Some(d)),
                _ => Err(crate::error::Error::InvalidArgument(format!("{s} is not a day (YYYY-MM-DD)"))),
            },
        }
    };
    let (from, to) = (bound(&q.from)?, bound(&q.to)?);
    let keeps = |c: &Candidate, kind: PostKind| -> bool {
        if q.kind.is_some_and(|k| k != kind) {
            return false;
        }
        let day = c.at.map(|t| t / 1_000_000);
        if (from.is_some() || to.is_some()) && day.is_none() {
            return false;
        }
        if let (Some(f), Some(d)) = (from, day)
            && d < f
        {
            return false;
        }
        if let (Some(t), Some(d)) = (to, day)
            && d > t
        {
            return false;
        }
        found.as_ref().is_none_or(|set| set.contains(&c.id))
    };
    let mut unmeasured_hidden = 0u32;
    let mut matching: Vec<Candidate> = Vec::new();
    for (c, kind) in all {
        if !keeps(&c, kind) {
            continue;
        }
        if q.measured_only && !has_numbers(&c.metrics) {
            unmeasured_hidden += 1;
            continue;
        }
        matching.push(c);
    }

    let mut totals = PostTotals::default();
    let mut measured = 0u32;
    for c in &matching {
        let m = &c.metrics;
        if post::audience(m).is_some() || m.likes.is_some() || post::genuine(m).is_some() {
            measured += 1;
        }
        if let (Some(l), Some(g)) = (m.likes, post::genuine(m)) {
            totals.posts += 1;
            totals.likes += l;
            totals.genuine += g;
        }
    }
    let sum = totals.likes + totals.genuine;
    totals.share = (sum > 0).then(|| totals.genuine as f64 / sum as f64);

    // One total order (ids are unique), so an unstable sort gives the same order as a stable one.
    let newest_first = |a: &Candidate, b: &Candidate| cmp_known(a.at, b.at, SortDir::Desc).then(a.id.cmp(&b.id));
    if q.sort == PostSortKey::Date {
        matching.sort_unstable_by(|a, b| cmp_known(a.at, b.at, q.dir).then(a.id.cmp(&b.id)));
    } else {
        for c in &mut matching {
            c.key = sort_value(&c.metrics, q.sort);
        }
        matching.sort_unstable_by(|a, b| cmp_known(a.key, b.key, q.dir).then_with(|| newest_first(a, b)));
    }

    Ok(Ordered {
        ids: matching.iter().map(|c| c.id).collect(),
        in_accounts,
        kinds,
        measured,
        unmeasured_hidden,
        totals,
    })
}

/// The page `q` asks for (clamped to the last one) of an [`order`] of the same filters and sort.
pub fn page_of(conn: &Connection, ordered: &Ordered, q: &PostQuery) -> Result<PostPage> {
    let size = match q.page_size {
        0 => 50,
        n => n.min(500),
    } as usize;
    let pages = ordered.ids.len().div_ceil(size).max(1);
    let page = (q.page.max(1) as usize).min(pages);
    let start = (page - 1) * size;
    let ids: Vec<i64> = ordered.ids.iter().skip(start).take(size).copied().collect();
    let rows = crate::store::posts::rows_by_id(conn, &ids)?;
    Ok(PostPage {
        first: if ids.is_empty() { 0 } else { start as u32 + 1 },
        last: (start + ids.len()) as u32,
        rows,
        in_accounts: ordered.in_accounts,
        kinds: ordered.kinds.clone(),
        matching: ordered.ids.len() as u32,
        measured: ordered.measured,
        unmeasured_hidden: ordered.unmeasured_hidden,
        totals: ordered.totals.clone(),
        page: page as u32,
        pages: pages as u32,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Café CRÈME à Lyon"), "cafe creme a lyon");
        assert_eq!(fold("ÉTÉ"), "ete");
        assert!(fold("<img src=x onerror=alert(1)>").contains("onerror"));
    }

    #[test]
    fn unknown_sorts_last_both_ways() {
        assert_eq!(cmp_known(None, Some(1.0), SortDir::Asc), Ordering::Greater);
        assert_eq!(cmp_known(None, Some(1.0), SortDir::Desc), Ordering::Greater);
        assert_eq!(cmp_known(Some(2.0), Some(1.0), SortDir::Desc), Ordering::Less);
        assert_eq!(cmp_known(Some(2.0), Some(1.0), SortDir::Asc), Ordering::Greater);
    }
}
