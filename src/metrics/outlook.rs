//! Growth outlook: is growth speeding up or slowing down, and where it may be in 90 days, with an
//! uncertainty band — fitted on daily gains after flagged anomalies were replaced by their
//! expected value (a bought batch is not a trend). Method in docs/metrics.md § "Outlook".

use crate::metrics::authenticity::DailyGain;
use crate::store::audience::SeriesPoint;
use chrono::{Duration, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Direction {
    Speeding,
    Slowing,
    Steady,
}

/// Relative change of the 30-day gain rate beyond which growth is called speeding or slowing.
pub const TREND_THRESHOLD: f64 = 0.25;
/// Days of cleaned daily gains the forecast is fitted on.
pub const FIT_DAYS: usize = 180;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Trend {
    /// Followers gained per day over the last 30 days (anomalies removed).
    pub per_day_now: f64,
    /// The same, 90 days earlier.
    pub per_day_before: f64,
    pub direction: Direction,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ForecastPoint {
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub expected: f64,
    pub low80: f64,
    pub high80: f64,
    pub low95: f64,
    pub high95: f64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Outlook {
    pub trend: Option<Trend>,
    /// Weekly points over the next 90 days.
    pub forecast: Vec<ForecastPoint>,
    /// Days of gains the forecast was fitted on.
    pub fitted_days: u32,
}

fn window_mean(gains: &[DailyGain], cleaned: &[f64], from: NaiveDate, to: NaiveDate) -> Option<f64> {
    let v: Vec<f64> =
        gains.iter().zip(cleaned).filter(|(g, _)| g.date > from && g.date <= to).map(|(_, c)| *c).collect();
    (v.len() >= 20).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

pub fn outlook(series: &[SeriesPoint], gains: &[DailyGain], cleaned: &[f64]) -> Outlook {
    let Some(last) = gains.last().map(|g| g.date) else {
        return Outlook { trend: None, forecast: Vec::new(), fitted_days: 0 };
    };
    let trend = match (
        window_mean(gains, cleaned, last - Duration::days(30), last),
        window_mean(gains, cleaned, last - Duration::days(120), last - Duration::days(90)),
    ) {
        (Some(now), Some(before)) => {
            let rel = (now - before) / before.abs().max(1.0);
            let direction = if rel > TREND_THRESHOLD {
                Direction::Speeding
            } else if rel < -TREND_THRESHOLD {
                Direction::Slowing
            } else {
                Direction::Steady
            };
            Some(Trend { per_day_now: now, per_day_before: before, direction })
        }
        _ => None,
    };

    // Random walk with drift on the last FIT_DAYS consecutive cleaned gains.
    let n = cleaned.len().min(FIT_DAYS);
    let recent = &cleaned[cleaned.len() - n..];
    let start = series.iter().rev().find(|p| p.date <= last).or(series.last());
    let mut forecast = Vec::new();
    if n >= 30
        && let Some(start) = start
    {
        let mu = recent.iter().sum::<f64>() / n as f64;
        let var = recent.iter().map(|x| (x - mu).powi(2)).sum::<f64>() / (n as f64 - 1.0);
        for week in 1..=13 {
            let h = (week * 7) as f64;
            // Day-to-day noise grows with √h; the uncertainty of the drift itself with h.
            let sd = (var * h + var / n as f64 * h * h).sqrt();
            let expected = start.followers as f64 + mu * h;
            forecast.push(ForecastPoint {
                date: start.date + Duration::days(week * 7),
                expected,
                low80: (expected - 1.2816 * sd).max(0.0),
                high80: expected + 1.2816 * sd,
                low95: (expected - 1.96 * sd).max(0.0),
                high95: expected + 1.96 * sd,
            });
        }
    }
    Outlook { trend, forecast, fitted_days: if n >= 30 { n as u32 } else { 0 } }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::authenticity::GainSource;
    use crate::model::AudienceSource;

    fn gains(per_day: impl Fn(i64) -> i64, days: i64) -> (Vec<DailyGain>, Vec<f64>, Vec<SeriesPoint>) {
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let g: Vec<DailyGain> = (0..days)
            .map(|i| DailyGain { date: start + Duration::days(i), gain: per_day(i), source: GainSource::NetChange })
            .collect();
        let cleaned = g.iter().map(|x| x.gain as f64).collect();
        let total: i64 = g.iter().map(|x| x.gain).sum();
        let series = vec![SeriesPoint {
            date: start + Duration::days(days - 1),
            followers: 1000 + total,
            source: AudienceSource::AnalyticsSeries,
            lower_bound: false,
        }];
        (g, cleaned, series)
    }

    #[test]
    fn slowing_growth_is_called_slowing() {
        let (g, c, s) = gains(|i| if i < 120 { 20 + i % 3 } else { 8 + i % 3 }, 200);
        let o = outlook(&s, &g, &c);
        assert_eq!(o.trend.unwrap().direction, Direction::Slowing);
    }

    #[test]
    fn the_band_widens_and_contains_the_drift() {
        let (g, c, s) = gains(|i| 10 + (i * 7919 % 11) - 5, 200);
        let o = outlook(&s, &g, &c);
        assert_eq!(o.forecast.len(), 13);
        let (first, last) = (&o.forecast[0], &o.forecast[12]);
        assert!(last.high95 - last.low95 > first.high95 - first.low95);
        assert!(first.low80 <= first.expected && first.expected <= first.high80);
        // About 10 a day.
        assert!((last.expected - (s[0].followers as f64 + 10.0 * 91.0)).abs() < 91.0);
    }

    #[test]
    fn too_little_history_gives_no_forecast() {
        let (g, c, s) = gains(|_| 3, 10);
        let o = outlook(&s, &g, &c);
        assert!(o.forecast.is_empty() && o.trend.is_none());
    }
}
