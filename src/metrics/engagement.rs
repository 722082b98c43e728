//! Vanity against genuine interaction over a period: sums, Kaushik's per-post rates, engagement
//! rates with their denominator named, and the genuine share. Definitions in docs/metrics.md.

use crate::metrics::data::{AccountData, PostFacts};
use crate::metrics::growth::{Growth, value_at};
use crate::metrics::post;
use crate::model::PostMetrics;
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

/// A sum over the posts where the value is known, with how many posts that is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Total {
    pub value: i64,
    /// Posts whose value is known (the others are left out, never counted as zero).
    pub posts: u32,
}

/// A mean over the posts where the value is known.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Mean {
    pub value: f64,
    pub posts: u32,
}

fn total(posts: &[&PostFacts], f: impl Fn(&PostMetrics) -> Option<i64>) -> Option<Total> {
    let known: Vec<i64> = posts.iter().filter_map(|p| f(&p.metrics)).collect();
    (!known.is_empty()).then(|| Total { value: known.iter().sum(), posts: known.len() as u32 })
}

fn mean(values: impl Iterator<Item = f64>) -> Option<Mean> {
    let v: Vec<f64> = values.filter(|x| x.is_finite()).collect();
    (!v.is_empty()).then(|| Mean { value: v.iter().sum::<f64>() / v.len() as f64, posts: v.len() as u32 })
}

/// The median of known values (robust to one viral post).
pub fn median(mut v: Vec<f64>) -> Option<f64> {
    v.retain(|x| x.is_finite());
    if v.is_empty() {
        return None;
    }
    // Selection, not a sort (the spike detector takes two medians for every day of the history):
    // the element a sort would put at n/2, and for an even n the largest of those before it.
    let n = v.len();
    let (below, &mut upper, _) = v.select_nth_unstable_by(n / 2, |a, b| a.total_cmp(b));
    Some(if n % 2 == 1 {
        upper
    } else {
        let lower = below.iter().copied().max_by(|a, b| a.total_cmp(b)).unwrap_or(upper);
        (lower + upper) / 2.0
    })
}

/// The vanity side: how big the audience looks.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Vanity {
    pub followers_start: Option<i64>,
    pub followers_end: Option<i64>,
    pub growth: Option<Growth>,
    pub impressions: Option<Total>,
    pub views: Option<Total>,
    pub reach: Option<Total>,
    pub likes: Option<Total>,
}

/// The genuine side: whether people talk back, pass it on, keep it, act on it, watch it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Genuine {
    pub conversation: Option<Total>,
    pub amplification: Option<Total>,
    pub saves: Option<Total>,
    pub profile_visits: Option<Total>,
    pub follows_from_posts: Option<Total>,
    pub link_clicks: Option<Total>,
    /// Mean of the posts' average percentage viewed (videos), 0–100.
    pub avg_pct_viewed: Option<Mean>,
    pub avg_view_duration_s: Option<Mean>,
}

/// Kaushik's rates: per post, and per post per 1,000 followers (at the time of the post).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Kaushik {
    pub conversation_per_post: Option<Mean>,
    pub amplification_per_post: Option<Mean>,
    pub applause_per_post: Option<Mean>,
    pub conversation_per_1000_followers: Option<Mean>,
    pub amplification_per_1000_followers: Option<Mean>,
    pub applause_per_1000_followers: Option<Mean>,
}

/// Engagement rate (interactions ÷ denominator, per post, averaged), one per denominator,
/// each computed only over the posts where that denominator is known.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct EngagementRates {
    pub by_followers: Option<Mean>,
    pub by_reach: Option<Mean>,
    pub by_impressions: Option<Mean>,
    pub by_views: Option<Mean>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PeriodStats {
    #[ts(type = "string")]
    pub from: NaiveDate,
    #[ts(type = "string")]
    pub to: NaiveDate,
    /// Own posts published in the period.
    pub posts: u32,
    pub vanity: Vanity,
    pub genuine: Genuine,
    pub kaushik: Kaushik,
    pub rates: EngagementRates,
    /// Genuine interactions ÷ all interactions, over the posts where both likes and a genuine
    /// interaction are known.
    pub genuine_share: Option<Mean>,
    /// Median genuine interactions per post.
    pub genuine_per_post_median: Option<f64>,
    /// Mean genuine interactions per 100 likes.
    pub genuine_per_100_likes: Option<Mean>,
}

/// The posts of `data` published in [from, to].
pub fn posts_in(data: &AccountData, from: NaiveDate, to: NaiveDate) -> Vec<&PostFacts> {
    data.posts.iter().filter(|p| p.day().is_some_and(|d| d >= from && d <= to)).collect()
}

pub fn period_stats(data: &AccountData, from: NaiveDate, to: NaiveDate) -> PeriodStats {
    let posts = posts_in(data, from, to);
    let start = value_at(&data.series, from);
    let end = value_at(&data.series, to);
    let growth = match (start, end) {
        (Some(a), Some(b)) if b.date > a.date => {
            let days = (b.date - a.date).num_days();
            let absolute = b.followers - a.followers;
            Some(Growth {
                days,
                absolute,
                percent: (a.followers > 0).then(|| absolute as f64 / a.followers as f64),
                per_day: absolute as f64 / days as f64,
                from_lower_bound: a.lower_bound,
            })
        }
        _ => None,
    };
    let followers_at = |p: &PostFacts| p.day().and_then(|d| value_at(&data.series, d)).map(|s| s.followers);
    let per_1000 = |f: fn(&PostMetrics) -> Option<i64>| {
        mean(posts.iter().filter_map(|p| post::rate(f(&p.metrics), followers_at(p)).map(|r| r * 1000.0)))
    };
    let per_post =
        |f: fn(&PostMetrics) -> Option<i64>| mean(posts.iter().filter_map(|p| f(&p.metrics)).map(|v| v as f64));
    let er = |den: &dyn Fn(&PostFacts) -> Option<i64>| {
        mean(posts.iter().filter_map(|p| post::rate(post::interactions(&p.metrics), den(p))))
    };
    PeriodStats {
        from,
        to,
        posts: posts.len() as u32,
        vanity: Vanity {
            followers_start: start.map(|p| p.followers),
            followers_end: end.map(|p| p.followers),
            growth,
            impressions: total(&posts, |m| m.impressions),
            views: total(&posts, |m| m.views),
            reach: total(&posts, |m| m.reach),
            likes: total(&posts, post::applause),
        },
        genuine: Genuine {
            conversation: total(&posts, post::conversation),
            amplification: total(&posts, post::amplification),
            saves: total(&posts, post::saves),
            profile_visits: total(&posts, |m| m.profile_visits),
            follows_from_posts: total(&posts, |m| m.follows),
            link_clicks: total(&posts, |m| m.link_clicks),
            avg_pct_viewed: mean(posts.iter().filter_map(|p| p.metrics.avg_pct_viewed)),
            avg_view_duration_s: mean(posts.iter().filter_map(|p| p.metrics.avg_view_duration_s)),
        },
        kaushik: Kaushik {
            conversation_per_post: per_post(post::conversation),
            amplification_per_post: per_post(post::amplification),
            applause_per_post: per_post(post::applause),
            conversation_per_1000_followers: per_1000(post::conversation),
            amplification_per_1000_followers: per_1000(post::amplification),
            applause_per_1000_followers: per_1000(post::applause),
        },
        rates: EngagementRates {
            by_followers: er(&followers_at),
            by_reach: er(&|p| p.metrics.reach),
            by_impressions: er(&|p| p.metrics.impressions),
            by_views: er(&|p| p.metrics.views),
        },
        genuine_share: mean(posts.iter().filter_map(|p| {
            match (post::applause(&p.metrics), post::genuine(&p.metrics)) {
                (Some(l), Some(g)) if l + g > 0 => Some(g as f64 / (l + g) as f64),
                _ => None,
            }
        })),
        genuine_per_post_median: median(
            posts.iter().filter_map(|p| post::genuine(&p.metrics)).map(|g| g as f64).collect(),
        ),
        genuine_per_100_likes: mean(posts.iter().filter_map(|p| post::genuine_per_100_likes(&p.metrics))),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{AudienceSource, PostKind, Role};
    use crate::store::accounts::AccountSummary;
    use crate::store::audience::SeriesPoint;
    use chrono::TimeZone;

    #[test]
    fn median_by_selection_is_the_sorted_median() {
        let sorted = |mut v: Vec<f64>| -> Option<f64> {
            v.retain(|x| x.is_finite());
            v.sort_by(|a, b| a.total_cmp(b));
            let n = v.len();
            (n > 0).then(|| if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 })
        };
        // A small deterministic generator: lengths 0..40, repeated values, negatives, NaN.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for len in 0..40 {
            for _ in 0..25 {
                let v: Vec<f64> = (0..len)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        match x % 11 {
                            0 => f64::NAN,
                            1 => 0.0,
                            _ => (x % 2001) as f64 / 10.0 - 100.0,
                        }
                    })
                    .collect();
                assert_eq!(median(v.clone()), sorted(v.clone()), "{v:?}");
            }
        }
        assert_eq!(median(vec![3.0, 1.0, 2.0, 10.0]), Some(2.5));
        assert_eq!(median(vec![f64::NAN]), None);
    }

    pub(crate) fn account() -> AccountSummary {
        AccountSummary {
            id: 1,
            platform: crate::model::Platform::Instagram,
            handle: "t".into(),
            display_name: None,
            label: None,
            role: Role::Pro,
            is_demo: false,
            followers: None,
            followers_on: None,
            following: None,
            posts: 0,
            connections: None,
        }
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn post(day: &str, m: PostMetrics) -> PostFacts {
        let t = chrono::Utc.from_utc_datetime(&d(day).and_hms_opt(12, 0, 0).unwrap());
        PostFacts { id: 0, published: Some(t), kind: PostKind::Post, metrics: m }
    }

    fn data(posts: Vec<PostFacts>) -> AccountData {
        let sp = |day: &str, v| SeriesPoint {
            date: d(day),
            followers: v,
            source: AudienceSource::ExportSnapshot,
            lower_bound: false,
        };
        AccountData {
            account: account(),
            series: vec![sp("2026-01-01", 1000), sp("2026-02-01", 2000), sp("2026-03-31", 2500)],
            posts,
            follow_changes: Default::default(),
            daily: Default::default(),
            annotations: vec![],
        }
    }

    #[test]
    fn hand_computed_period() {
        let a = post(
            "2026-01-15",
            PostMetrics {
                likes: Some(100),
                comments: Some(10),
                shares: Some(5),
                reach: Some(500),
                ..Default::default()
            },
        );
        let b = post(
            "2026-02-15",
            PostMetrics { likes: Some(300), comments: Some(5), saves: Some(15), ..Default::default() },
        );
        let c = post("2026-03-01", PostMetrics { views: Some(1000), ..Default::default() });
        let s = period_stats(&data(vec![a, b, c]), d("2026-01-01"), d("2026-03-31"));
        assert_eq!(s.posts, 3);
        assert_eq!(s.vanity.likes, Some(Total { value: 400, posts: 2 }));
        assert_eq!(s.vanity.reach, Some(Total { value: 500, posts: 1 }));
        assert_eq!(s.vanity.impressions, None, "no post has impressions: unknown, not 0");
        assert_eq!(s.genuine.conversation, Some(Total { value: 15, posts: 2 }));
        assert_eq!(s.genuine.amplification, Some(Total { value: 5, posts: 1 }));
        let g = s.vanity.growth.unwrap();
        assert_eq!((g.absolute, g.days), (1500, 89));
        // Conversation per post over the 2 posts where it is known: (10 + 5) / 2.
        assert_eq!(s.kaushik.conversation_per_post, Some(Mean { value: 7.5, posts: 2 }));
        // Per 1,000 followers at the time of the post: 10/1000*1000 = 10 and 5/2000*1000 = 2.5.
        assert_eq!(s.kaushik.conversation_per_1000_followers, Some(Mean { value: 6.25, posts: 2 }));
        // ER by reach only where reach is known: (100+10+5)/500.
        assert_eq!(s.rates.by_reach, Some(Mean { value: 0.23, posts: 1 }));
        assert_eq!(s.rates.by_impressions, None);
        // ER by followers: 115/1000 and 320/2000; the third post has no interactions.
        let by_f = s.rates.by_followers.unwrap();
        assert_eq!(by_f.posts, 2);
        assert!((by_f.value - (0.115 + 0.16) / 2.0).abs() < 1e-12);
        // Genuine share: 15/115 and 20/320.
        let share = s.genuine_share.unwrap();
        assert!((share.value - (15.0 / 115.0 + 20.0 / 320.0) / 2.0).abs() < 1e-12);
        assert_eq!(s.genuine_per_post_median, Some(17.5));
    }

    #[test]
    fn an_empty_period_has_no_numbers() {
        let s = period_stats(&data(vec![]), d("2025-01-01"), d("2025-03-31"));
        assert_eq!(s.posts, 0);
        assert!(
            s.vanity.likes.is_none() && s.kaushik.conversation_per_post.is_none() && s.rates.by_followers.is_none()
        );
        assert!(s.vanity.growth.is_none(), "the series does not reach back to 2025");
        assert!(s.genuine_share.is_none());
    }
}
