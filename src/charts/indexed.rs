//! Chart 3: vanity against genuine, indexed (both = 100 at the start): followers, and the median
//! genuine interactions per post. When the first line climbs away from the second, followers grow
//! faster than the people who interact — the engagement–growth gap.

use super::{ChartError, ChartOptions, day_number, draw_err, empty_message, legend, nice_ticks, time_chart, titled};
use crate::metrics::contrast::IndexedMonth;
use chrono::Duration;
use plotters::coord::Shift;
use plotters::prelude::*;

pub fn svg(months: &[IndexedMonth], opts: &ChartOptions) -> Result<String, ChartError> {
    super::to_svg(opts, |root| draw(root, months, opts))
}

pub fn png(months: &[IndexedMonth], opts: &ChartOptions) -> Result<Vec<u8>, ChartError> {
    super::to_png(opts, |root| draw(root, months, opts))
}

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    months: &[IndexedMonth],
    opts: &ChartOptions,
) -> Result<(), ChartError> {
    let pal = opts.theme.palette();
    let lang = opts.lang;
    let root = titled(root, opts)?;
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return empty_message(
            &root,
            opts,
            lang.pick(
                "Not enough posts with known interactions yet",
                "Pas encore assez de publications aux interactions connues",
            ),
        );
    };
    let values = months.iter().flat_map(|m| [m.followers_index, m.genuine_index]);
    let hi = values.clone().fold(100.0, f64::max);
    let lo = values.fold(100.0, f64::min);
    let y = nice_ticks(lo.min(0.0), hi * 1.06, 5);
    let mut chart =
        time_chart(&root, opts, (first.month - Duration::days(15), last.month + Duration::days(15)), y, &|v| {
            lang.decimal(v, 0)
        })?;
    let (x0, x1) = (day_number(first.month - Duration::days(15)), day_number(last.month + Duration::days(15)));
    chart.draw_series(LineSeries::new(vec![(x0, 100.0), (x1, 100.0)], pal.axis.stroke_width(1))).map_err(draw_err)?;
    let (vanity, genuine) = (pal.pro[0], pal.personal[0]);
    let f: Vec<(f64, f64)> = months.iter().map(|m| (day_number(m.month), m.followers_index)).collect();
    let g: Vec<(f64, f64)> = months.iter().map(|m| (day_number(m.month), m.genuine_index)).collect();
    chart
        .draw_series(LineSeries::new(f.clone(), vanity.stroke_width(3)).point_size(if f.len() < 3 { 4 } else { 0 }))
        .map_err(draw_err)?
        .label(lang.pick("followers (vanity), 100 = start", "abonnés (vanité), 100 = départ"))
        .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], vanity.stroke_width(3)));
    chart
        .draw_series(LineSeries::new(g.clone(), genuine.stroke_width(3)).point_size(if g.len() < 3 { 4 } else { 0 }))
        .map_err(draw_err)?
        .label(
            lang.pick(
                "genuine interactions per post, 100 = start",
                "interactions réelles par publication, 100 = départ",
            ),
        )
        .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], genuine.stroke_width(3)));
    legend(&mut chart, opts, SeriesLabelPosition::UpperLeft)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    pub(crate) fn months(n: usize) -> Vec<IndexedMonth> {
        let start = NaiveDate::from_ymd_opt(2022, 1, 1).unwrap();
        (0..n)
            .map(|i| IndexedMonth {
                month: start + Duration::days(30 * i as i64),
                followers: 1000 + 50 * i as i64,
                genuine_per_post: 20.0,
                posts: 8,
                followers_index: 100.0 + 5.0 * i as f64,
                genuine_index: 100.0 - 0.01 * i as f64,
            })
            .collect()
    }

    #[test]
    fn renders() {
        let opts = ChartOptions { lang: crate::Lang::Fr, ..ChartOptions::default() };
        assert!(svg(&[], &opts).unwrap().contains("Pas encore assez"));
        assert!(svg(&months(1), &opts).unwrap().contains("abonnés (vanité)"));
        assert!(svg(&months(5000), &opts).is_ok());
    }
}
