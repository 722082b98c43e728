//! Published engagement-rate benchmarks, each with its source, year, population and definition,
//! compared like with like only: same platform, same follower tier, and our rate computed with the
//! benchmark's own numerator and denominator. Values from metrics.md § B.5.

use crate::metrics::data::AccountData;
use crate::metrics::engagement::posts_in;
use crate::metrics::growth::value_at;
use crate::model::{Platform, PostMetrics};
use chrono::{Duration, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

/// How a benchmark's engagement rate is defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErDefinition {
    /// (likes + comments) ÷ followers, per post, averaged.
    LikesCommentsByFollowers,
    /// All interactions ÷ followers, per post, averaged.
    AllByFollowers,
    /// All interactions ÷ impressions, per post, averaged.
    AllByImpressions,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Benchmark {
    pub platform: Platform,
    /// Who was measured: "creators" or "brands".
    pub population: String,
    pub tier_min: Option<i64>,
    pub tier_max: Option<i64>,
    pub definition: ErDefinition,
    /// "median" or "mean".
    pub statistic: String,
    /// The rate, as a fraction.
    pub value: f64,
    pub source: String,
    pub year: i32,
}

/// A follower tier: [min, max) followers, open where None.
type Tier = (Option<i64>, Option<i64>);
/// What a row measures: platform, population, tier, definition, statistic, value in percent.
type Row<'a> = (Platform, &'a str, Tier, ErDefinition, &'a str, f64);

/// Builds a benchmark row from what it measures, its source and its year.
fn b((platform, population, tier, definition, statistic, percent): Row<'_>, source: &str, year: i32) -> Benchmark {
    Benchmark {
        platform,
        population: population.into(),
        tier_min: tier.0,
        tier_max: tier.1,
        definition,
        statistic: statistic.into(),
        value: percent / 100.0,
        source: source.into(),
        year,
    }
}

pub fn table() -> Vec<Benchmark> {
    use ErDefinition::*;
    use Platform::*;
    let ha = "HypeAuditor, Instagram ER by followers study (~37K accounts, 90 days)";
    let ha26 = "HypeAuditor, State of Influencer Marketing 2026 (via eMarketer)";
    let si = "Socialinsider 2026 benchmarks (via a compilation)";
    let buffer = "Buffer 2025 engagement report (via a compilation)";
    vec![
        b((Instagram, "creators", (Some(0), Some(1_000)), LikesCommentsByFollowers, "median", 16.99), ha, 2018),
        b((Instagram, "creators", (Some(1_000), Some(5_000)), LikesCommentsByFollowers, "median", 6.45), ha, 2018),
        b((Instagram, "creators", (Some(5_000), Some(20_000)), LikesCommentsByFollowers, "median", 3.76), ha, 2018),
        b((Instagram, "creators", (Some(20_000), Some(100_000)), LikesCommentsByFollowers, "median", 2.63), ha, 2018),
        b(
            (Instagram, "creators", (Some(100_000), Some(1_000_000)), LikesCommentsByFollowers, "median", 2.57),
            ha,
            2018,
        ),
        b((Instagram, "creators", (Some(1_000_000), None), LikesCommentsByFollowers, "median", 2.56), ha, 2018),
        b((Instagram, "creators", (Some(1_000), Some(10_000)), LikesCommentsByFollowers, "mean", 1.78), ha26, 2026),
        b((Instagram, "creators", (Some(10_000), Some(50_000)), LikesCommentsByFollowers, "mean", 0.54), ha26, 2026),
        b((Instagram, "creators", (Some(1_000_000), None), LikesCommentsByFollowers, "mean", 0.33), ha26, 2026),
        b((Instagram, "brands", (None, None), AllByFollowers, "median", 0.48), si, 2026),
        b((Linkedin, "brands", (None, None), AllByFollowers, "median", 3.85), si, 2026),
        b((X, "brands", (None, None), AllByFollowers, "median", 0.12), si, 2026),
        b((Tiktok, "brands", (None, None), AllByFollowers, "median", 3.70), si, 2026),
        b((Facebook, "brands", (None, None), AllByFollowers, "median", 0.15), si, 2026),
        b((Linkedin, "brands", (None, None), AllByImpressions, "median", 6.50), buffer, 2025),
        b((Facebook, "brands", (None, None), AllByImpressions, "median", 5.07), buffer, 2025),
        b((Youtube, "brands", (None, None), AllByImpressions, "median", 4.41), buffer, 2025),
        b((X, "brands", (None, None), AllByImpressions, "median", 2.31), buffer, 2025),
        b((Instagram, "brands", (None, None), AllByImpressions, "median", 1.16), buffer, 2025),
    ]
}

/// A benchmark next to the account's own rate computed the same way.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BenchmarkComparison {
    pub benchmark: Benchmark,
    /// The account's rate over the last 90 days with the benchmark's definition and statistic.
    pub ours: Option<f64>,
    pub posts: u32,
}

fn numerator(def: ErDefinition, m: &PostMetrics) -> Option<i64> {
    match def {
        ErDefinition::LikesCommentsByFollowers => match (m.likes, m.comments) {
            (Some(l), Some(c)) => Some(l + c),
            _ => None,
        },
        _ => crate::metrics::post::interactions(m),
    }
}

/// The benchmarks that apply to the account (platform, and tier when the benchmark has one).
pub fn compare(data: &AccountData, to: NaiveDate) -> Vec<BenchmarkComparison> {
    let followers = data.account.followers.unwrap_or(0);
    let posts = posts_in(data, to - Duration::days(90), to);
    table()
        .into_iter()
        .filter(|b| b.platform == data.account.platform)
        .filter(|b| b.tier_min.is_none_or(|m| followers >= m) && b.tier_max.is_none_or(|m| followers < m))
        .map(|b| {
            let rates: Vec<f64> = posts
                .iter()
                .filter_map(|p| {
                    let den = match b.definition {
                        ErDefinition::AllByImpressions => p.metrics.impressions,
                        _ => p.day().and_then(|d| value_at(&data.series, d)).map(|s| s.followers),
                    };
                    crate::metrics::post::rate(numerator(b.definition, &p.metrics), den)
                })
                .collect();
            let ours = if b.statistic == "median" {
                crate::metrics::engagement::median(rates.clone())
            } else {
                (!rates.is_empty()).then(|| rates.iter().sum::<f64>() / rates.len() as f64)
            };
            BenchmarkComparison { benchmark: b, ours, posts: rates.len() as u32 }
        })
        .collect()
}
