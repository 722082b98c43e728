//! The contrast itself: followers against the people who interact. The indexed comparison (both
//! = 100 at the start), the engagement–growth gap, the per-post ledger of vanity against genuine,
//! and the top posts by genuine interaction. Definitions in docs/metrics.md § "Contrast".

use crate::metrics::data::{AccountData, PostFacts};
use crate::metrics::engagement::median;
use crate::metrics::growth::value_at;
use crate::metrics::post;
use crate::model::PostKind;
use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

/// One month of the indexed comparison.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct IndexedMonth {
    /// First day of the month.
    #[ts(type = "string")]
    pub month: NaiveDate,
    pub followers: i64,
    /// Median genuine interactions per post published in the month.
    pub genuine_per_post: f64,
    pub posts: u32,
    /// Followers, 100 = the first month.
    pub followers_index: f64,
    /// Genuine interactions per post, 100 = the first month.
    pub genuine_index: f64,
}

fn month_start(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), d.month(), 1).unwrap_or(d)
}

fn next_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 { (d.year() + 1, 1) } else { (d.year(), d.month() + 1) };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(d)
}

/// Followers at month end against median genuine interactions per post, both indexed to 100 at
/// the first month where both are known (months with fewer than 2 posts with known genuine
/// interactions are skipped: one post is not a trend).
pub fn indexed(data: &AccountData) -> Vec<IndexedMonth> {
    let dated: Vec<(NaiveDate, f64)> =
        data.posts.iter().filter_map(|p| Some((p.day()?, post::genuine(&p.metrics)? as f64))).collect();
    // One pass: each month's values (months without two posts are left out below).
    let mut by_month: std::collections::BTreeMap<NaiveDate, Vec<f64>> = std::collections::BTreeMap::new();
    for (d, g) in &dated {
        by_month.entry(month_start(*d)).or_default().push(*g);
    }
    let mut out: Vec<IndexedMonth> = Vec::new();
    for (m, values) in by_month {
        let end = next_month(m) - Duration::days(1);
        if values.len() >= 2
            && let (Some(g), Some(f)) = (median(values.clone()), value_at(&data.series, end))
        {
            out.push(IndexedMonth {
                month: m,
                followers: f.followers,
                genuine_per_post: g,
                posts: values.len() as u32,
                followers_index: 0.0,
                genuine_index: 0.0,
            });
        }
    }
    if let Some(base) = out.iter().find(|x| x.followers > 0 && x.genuine_per_post > 0.0).cloned() {
        out.retain(|x| x.month >= base.month);
        for x in &mut out {
            x.followers_index = x.followers as f64 / base.followers as f64 * 100.0;
            x.genuine_index = x.genuine_per_post / base.genuine_per_post * 100.0;
        }
    } else {
        out.clear();
    }
    out
}

/// The engagement–growth gap over 90 days: follower growth minus the change of the median genuine
/// interactions per post (last 90 days against the 90 before). Positive: followers grow faster
/// than the people who interact.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Gap {
    #[ts(type = "string")]
    pub to: NaiveDate,
    /// Follower growth over the 90 days (a fraction).
    pub followers_change: f64,
    /// Change of the median genuine interactions per post (a fraction).
    pub genuine_change: f64,
    /// followers_change − genuine_change, in fractions (0.25 = 25 points).
    pub gap: f64,
    pub posts_now: u32,
    pub posts_before: u32,
}

pub fn gap_at(data: &AccountData, to: NaiveDate) -> Option<Gap> {
    let window = |a: NaiveDate, b: NaiveDate| -> Vec<f64> {
        data.posts
            .iter()
            .filter(|p| p.day().is_some_and(|d| d > a && d <= b))
            .filter_map(|p| post::genuine(&p.metrics))
            .map(|g| g as f64)
            .collect()
    };
    let now = window(to - Duration::days(90), to);
    let before = window(to - Duration::days(180), to - Duration::days(90));
    if now.len() < 3 || before.len() < 3 {
        return None;
    }
    let (g_now, g_before) = (median(now.clone())?, median(before.clone())?);
    let f_now = value_at(&data.series, to)?;
    let f_before = value_at(&data.series, to - Duration::days(90))?;
    if g_before <= 0.0 || f_before.followers <= 0 {
        return None;
    }
    let followers_change = (f_now.followers - f_before.followers) as f64 / f_before.followers as f64;
    let genuine_change = (g_now - g_before) / g_before;
    Some(Gap {
        to,
        followers_change,
        genuine_change,
        gap: followers_change - genuine_change,
        posts_now: now.len() as u32,
        posts_before: before.len() as u32,
    })
}

/// The gap at the end of each month where it can be computed.
pub fn gap_series(data: &AccountData) -> Vec<Gap> {
    let Some(last) = data.last_day() else { return Vec::new() };
    let Some(first) = data.posts.iter().filter_map(PostFacts::day).min() else { return Vec::new() };
    let mut out = Vec::new();
    let mut m = next_month(month_start(first + Duration::days(180)));
    while m <= next_month(last) {
        let end = (m - Duration::days(1)).min(last);
        if let Some(g) = gap_at(data, end) {
            out.push(g);
        }
        m = next_month(m);
    }
    out
}

/// One line of the per-post ledger: vanity against genuine.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct LedgerRow {
    pub post_id: i64,
    pub platform_post_id: String,
    pub published_at: Option<String>,
    pub kind: PostKind,
    pub url: Option<String>,
    /// Views, else reach, else impressions.
    pub audience: Option<i64>,
    pub likes: Option<i64>,
    pub conversation: Option<i64>,
    pub amplification: Option<i64>,
    pub saves: Option<i64>,
    pub genuine: Option<i64>,
    pub follows: Option<i64>,
    pub profile_visits: Option<i64>,
    pub genuine_per_100_likes: Option<f64>,
    /// Genuine interactions per 1,000 of audience.
    pub genuine_per_1000_audience: Option<f64>,
    pub avg_pct_viewed: Option<f64>,
}

pub fn ledger_row(p: &PostFacts) -> LedgerRow {
    let m = &p.metrics;
    LedgerRow {
        post_id: p.id,
        // The platform's id and the link are not loaded with the numbers: attach_links adds them
        // to the rows a view shows.
        platform_post_id: String::new(),
        published_at: p.published.map(crate::import::text::rfc3339),
        kind: p.kind,
        url: None,
        audience: post::audience(m),
        likes: post::applause(m),
        conversation: post::conversation(m),
        amplification: post::amplification(m),
        saves: post::saves(m),
        genuine: post::genuine(m),
        follows: m.follows,
        profile_visits: m.profile_visits,
        genuine_per_100_likes: post::genuine_per_100_likes(m),
        genuine_per_1000_audience: post::rate(post::genuine(m), post::audience(m)).map(|r| r * 1000.0),
        avg_pct_viewed: m.avg_pct_viewed,
    }
}

/// The ledger of the posts published in [from, to], newest first.
pub fn ledger(data: &AccountData, from: NaiveDate, to: NaiveDate) -> Vec<LedgerRow> {
    let mut rows: Vec<LedgerRow> =
        crate::metrics::engagement::posts_in(data, from, to).into_iter().map(ledger_row).collect();
    rows.reverse();
    rows
}

/// The posts with the most genuine interactions (not the most likes).
pub fn top_by_genuine(data: &AccountData, from: NaiveDate, to: NaiveDate, n: usize) -> Vec<LedgerRow> {
    let mut rows: Vec<LedgerRow> = crate::metrics::engagement::posts_in(data, from, to)
        .into_iter()
        .map(ledger_row)
        .filter(|r| r.genuine.is_some())
        .collect();
    rows.sort_by(|a, b| b.genuine.cmp(&a.genuine).then(b.published_at.cmp(&a.published_at)));
    rows.truncate(n);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AudienceSource, PostMetrics};
    use crate::store::audience::SeriesPoint;
    use chrono::TimeZone;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn data() -> AccountData {
        // Followers double over six months; genuine interactions per post halve.
        let mut series = Vec::new();
        let mut posts = Vec::new();
        let start = d("2026-01-01");
        for i in 0..182 {
            let day = start + Duration::days(i);
            series.push(SeriesPoint {
                date: day,
                followers: 1000 + i * 1000 / 181,
                source: AudienceSource::AnalyticsSeries,
                lower_bound: false,
            });
            if i % 7 == 0 {
                let genuine = 40 - i / 7;
                posts.push(PostFacts {
                    id: i,
                    published: Some(chrono::Utc.from_utc_datetime(&day.and_hms_opt(9, 0, 0).unwrap())),
                    kind: PostKind::Post,
                    metrics: PostMetrics { likes: Some(100 + i), comments: Some(genuine), ..Default::default() },
                });
            }
        }
        AccountData {
            account: crate::metrics::engagement::tests::account(),
            series,
            posts,
            follow_changes: Default::default(),
            daily: Default::default(),
            annotations: vec![],
        }
    }

    #[test]
    fn followers_up_and_genuine_down_show_as_a_positive_gap() {
        let data = data();
        let idx = indexed(&data);
        assert_eq!(idx.first().unwrap().followers_index, 100.0);
        assert_eq!(idx.first().unwrap().genuine_index, 100.0);
        let last = idx.last().unwrap();
        assert!(last.followers_index > 150.0 && last.genuine_index < 75.0, "{last:?}");
        let gap = gap_at(&data, d("2026-07-01")).unwrap();
        assert!(gap.followers_change > 0.3 && gap.genuine_change < -0.2 && gap.gap > 0.5, "{gap:?}");
    }

    #[test]
    fn top_posts_rank_by_genuine_interaction_not_likes() {
        let data = data();
        let top = top_by_genuine(&data, d("2026-01-01"), d("2026-12-31"), 3);
        assert_eq!(top[0].post_id, 0, "the earliest post had the most comments, the fewest likes");
        assert!(top[0].likes < top[2].likes);
    }
}
