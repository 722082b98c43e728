//! Follower growth: absolute, relative and per-day change over a window, from the merged series.
//! Definitions in docs/metrics.md § "Follower growth".

use crate::store::audience::SeriesPoint;
use chrono::{Duration, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

/// The count on `day`: the last point on or before it, if the series reaches back that far.
pub fn value_at(series: &[SeriesPoint], day: NaiveDate) -> Option<&SeriesPoint> {
    let i = series.partition_point(|p| p.date <= day);
    if i == 0 { None } else { Some(&series[i - 1]) }
}

/// Growth over the `days` before the latest point.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Growth {
    pub days: i64,
    /// followers(latest) − followers(latest − days).
    pub absolute: i64,
    /// absolute ÷ followers(latest − days); null when the start is 0.
    pub percent: Option<f64>,
    /// absolute ÷ days.
    pub per_day: f64,
    /// True when the start value is a lower bound (so the real growth may be smaller).
    pub from_lower_bound: bool,
}

pub fn growth_over(series: &[SeriesPoint], days: i64) -> Option<Growth> {
    let last = series.last()?;
    let start = value_at(series, last.date - Duration::days(days))?;
    let absolute = last.followers - start.followers;
    Some(Growth {
        days,
        absolute,
        percent: (start.followers > 0).then(|| absolute as f64 / start.followers as f64),
        per_day: absolute as f64 / days as f64,
        from_lower_bound: start.lower_bound,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AudienceSource;

    fn p(d: &str, v: i64) -> SeriesPoint {
        SeriesPoint {
            date: NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap(),
            followers: v,
            source: AudienceSource::ExportSnapshot,
            lower_bound: false,
        }
    }

    #[test]
    fn growth_is_measured_from_the_last_known_count_before_the_window() {
        let s = vec![p("2026-01-01", 100), p("2026-02-15", 150), p("2026-04-01", 200)];
        let g = growth_over(&s, 30).unwrap();
        // 30 days before 2026-04-01 is 2026-03-02; the last count on or before it is 150.
        assert_eq!(g.absolute, 50);
        assert_eq!(g.percent, Some(50.0 / 150.0));
        assert!((g.per_day - 50.0 / 30.0).abs() < 1e-9);
        assert!(growth_over(&s, 365).is_none(), "the series does not reach back a year");
        assert!(growth_over(&[], 30).is_none());
    }
}

#[cfg(test)]
pub(crate) mod tests_support {
    use crate::model::AudienceSource;
    use crate::store::audience::SeriesPoint;
    use chrono::{Duration, NaiveDate};

    /// A daily series of `n` points growing by 3 a day.
    pub(crate) fn points(n: usize) -> Vec<SeriesPoint> {
        let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
        (0..n)
            .map(|i| SeriesPoint {
                date: start + Duration::days(i as i64),
                followers: 100 + 3 * i as i64,
                source: AudienceSource::AnalyticsSeries,
                lower_bound: false,
            })
            .collect()
    }
}
