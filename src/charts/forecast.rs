//! Chart 9: the last year of followers and where they may be in 90 days, with 80 % and 95 %
//! bands (a random walk with drift fitted after removing flagged anomalies).

use super::{ChartError, ChartOptions, day_number, draw_err, empty_message, legend, nice_ticks, time_chart, titled};
use crate::metrics::outlook::ForecastPoint;
use crate::store::audience::SeriesPoint;
use chrono::Duration;
use plotters::coord::Shift;
use plotters::prelude::*;

pub fn svg(history: &[SeriesPoint], forecast: &[ForecastPoint], opts: &ChartOptions) -> Result<String, ChartError> {
    super::to_svg(opts, |root| draw(root, history, forecast, opts))
}

pub fn png(history: &[SeriesPoint], forecast: &[ForecastPoint], opts: &ChartOptions) -> Result<Vec<u8>, ChartError> {
    super::to_png(opts, |root| draw(root, history, forecast, opts))
}

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    history: &[SeriesPoint],
    forecast: &[ForecastPoint],
    opts: &ChartOptions,
) -> Result<(), ChartError> {
    let pal = opts.theme.palette();
    let lang = opts.lang;
    let root = titled(root, opts)?;
    let Some(last) = history.last() else {
        return empty_message(&root, opts, lang.pick("No follower history yet", "Pas encore d'historique d'abonnés"));
    };
    let start = last.date - Duration::days(365);
    let hist: Vec<&SeriesPoint> = history.iter().filter(|p| p.date >= start).collect();
    let first = hist.first().map(|p| p.date).unwrap_or(last.date);
    let end = forecast.last().map(|f| f.date).unwrap_or(last.date + Duration::days(30));
    let hi = hist.iter().map(|p| p.followers as f64).chain(forecast.iter().map(|f| f.high95)).fold(1.0, f64::max);
    let y = nice_ticks(0.0, hi * 1.05, 5);
    let mut chart =
        time_chart(&root, opts, (first - Duration::days(5), end + Duration::days(5)), y, &|v| lang.compact(v))?;
    let color = pal.pro[0];
    let pts: Vec<(f64, f64)> =
        super::decimate(&hist, opts.width as usize).iter().map(|p| (day_number(p.date), p.followers as f64)).collect();
    chart
        .draw_series(LineSeries::new(pts, color.stroke_width(2)))
        .map_err(draw_err)?
        .label(lang.pick("followers", "abonnés"))
        .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], color.stroke_width(2)));
    if forecast.is_empty() {
        return legend(&mut chart, opts, SeriesLabelPosition::UpperLeft);
    }
    let origin = (day_number(last.date), last.followers as f64);
    type Bound = fn(&ForecastPoint) -> f64;
    let bands: [(f64, Bound, Bound, &str, &str); 2] = [
        (0.18, |f| f.low95, |f| f.high95, "95% band", "intervalle à 95 %"),
        (0.32, |f| f.low80, |f| f.high80, "80% band", "intervalle à 80 %"),
    ];
    for (band, low, high, en, fr) in bands {
        let mut poly = vec![origin];
        poly.extend(forecast.iter().map(|f| (day_number(f.date), high(f))));
        poly.extend(forecast.iter().rev().map(|f| (day_number(f.date), low(f))));
        let fill = color.mix(band);
        chart
            .draw_series(std::iter::once(Polygon::new(poly, fill.filled())))
            .map_err(draw_err)?
            .label(lang.pick(en, fr))
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 16, y + 5)], fill.filled()));
    }
    let mut line = vec![origin];
    line.extend(forecast.iter().map(|f| (day_number(f.date), f.expected)));
    chart
        .draw_series(DashedLineSeries::new(line, 6, 4, color.stroke_width(2)))
        .map_err(draw_err)?
        .label(lang.pick("expected", "prévision"))
        .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 7, y)], color.stroke_width(2)));
    legend(&mut chart, opts, SeriesLabelPosition::UpperLeft)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::growth::tests_support::points;

    #[test]
    fn renders() {
        let opts = ChartOptions::default();
        assert!(svg(&[], &[], &opts).unwrap().contains("No follower history"));
        let h = points(1);
        assert!(svg(&h, &[], &opts).is_ok());
        let h = points(5000);
        let last = h.last().unwrap();
        let f: Vec<ForecastPoint> = (1..=13)
            .map(|w| ForecastPoint {
                date: last.date + Duration::days(7 * w),
                expected: last.followers as f64 + 10.0 * w as f64,
                low80: 0.0,
                high80: 1e4,
                low95: 0.0,
                high95: 2e4,
            })
            .collect();
        assert!(svg(&h, &f, &opts).unwrap().contains("80% band"));
    }
}
