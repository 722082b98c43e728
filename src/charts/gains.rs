//! Chart 2: daily net gains as bars, with the expected range as a band; suspicious days in the
//! warning colour, explained ones in green with a short label.

use super::{
    ChartError, ChartOptions, FONT, day_number, draw_err, empty_message, legend, nice_ticks, time_chart, titled,
};
use crate::metrics::authenticity::Verdict;
use chrono::{Duration, NaiveDate};
use plotters::coord::Shift;
use plotters::prelude::*;

#[derive(Debug, Clone)]
pub struct GainDay {
    pub date: NaiveDate,
    pub gain: i64,
    /// The expected range of the day (None before enough history).
    pub range: Option<(f64, f64)>,
    pub flag: Option<Verdict>,
    /// A short reason for explained days ("viral post", "giveaway"…).
    pub label: Option<String>,
}

pub fn svg(days: &[GainDay], opts: &ChartOptions) -> Result<String, ChartError> {
    super::to_svg(opts, |root| draw(root, days, opts))
}

pub fn png(days: &[GainDay], opts: &ChartOptions) -> Result<Vec<u8>, ChartError> {
    super::to_png(opts, |root| draw(root, days, opts))
}

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    days: &[GainDay],
    opts: &ChartOptions,
) -> Result<(), ChartError> {
    let pal = opts.theme.palette();
    let lang = opts.lang;
    let root = titled(root, opts)?;
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return empty_message(
            &root,
            opts,
            lang.pick("No daily follower changes known", "Aucune variation quotidienne connue"),
        );
    };
    let pad = ((last.date - first.date).num_days() / 60).max(1);
    let lo = days.iter().map(|d| d.gain as f64).fold(0.0, f64::min);
    let hi = days.iter().map(|d| (d.gain as f64).max(d.range.map_or(0.0, |r| r.1))).fold(1.0, f64::max);
    let span = hi - lo;
    let y = nice_ticks(if lo < 0.0 { lo - span * 0.03 } else { 0.0 }, hi + span * 0.08, 5);
    let mut chart =
        time_chart(&root, opts, (first.date - Duration::days(pad), last.date + Duration::days(pad)), y, &|v| {
            lang.compact(v)
        })?;

    // The expected range, as a band over runs of consecutive days that have one.
    let band = pal.axis.mix(0.25);
    let mut run: Vec<(f64, (f64, f64))> = Vec::new();
    let mut bands: Vec<Vec<(f64, (f64, f64))>> = Vec::new();
    for (i, d) in days.iter().enumerate() {
        let consecutive = i > 0 && (d.date - days[i - 1].date).num_days() == 1;
        if !consecutive && !run.is_empty() {
            bands.push(std::mem::take(&mut run));
        }
        if let Some(r) = d.range {
            run.push((day_number(d.date), r));
        } else if !run.is_empty() {
            bands.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        bands.push(run);
    }
    let mut band_labelled = false;
    for b in bands.iter().filter(|b| b.len() > 1) {
        let mut poly: Vec<(f64, f64)> = b.iter().map(|(x, r)| (*x, r.1)).collect();
        poly.extend(b.iter().rev().map(|(x, r)| (*x, r.0.max(y_floor(lo)))));
        let poly: Vec<(f64, f64)> = poly.into_iter().map(|(x, y)| (x, y.min(hi * 1.08))).collect();
        let anno = chart.draw_series(std::iter::once(Polygon::new(poly, band.filled()))).map_err(draw_err)?;
        if !band_labelled {
            anno.label(lang.pick("expected range", "plage attendue"))
                .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 16, y + 5)], band.filled()));
            band_labelled = true;
        }
    }

    // Bars: ordinary days in the neutral colour, flagged days coloured.
    let width = 0.42;
    let normal = pal.pro[0].mix(0.75);
    chart
        .draw_series(days.iter().filter(|d| d.flag.is_none()).map(|d| {
            let x = day_number(d.date);
            Rectangle::new([(x - width, 0.0), (x + width, d.gain as f64)], normal.filled())
        }))
        .map_err(draw_err)?
        .label(lang.pick("daily net change", "variation nette du jour"))
        .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 16, y + 5)], normal.filled()));
    for verdict in [Verdict::Suspicious, Verdict::Explained] {
        let color = if verdict == Verdict::Suspicious { pal.warning } else { pal.ok };
        let flagged: Vec<&GainDay> = days.iter().filter(|d| d.flag == Some(verdict)).collect();
        if flagged.is_empty() {
            continue;
        }
        // Flagged days are drawn at least 3 px wide so that one day stays visible among thousands.
        chart
            .draw_series(flagged.iter().map(|d| {
                let x = day_number(d.date);
                Rectangle::new([(x - width.max(1.5), 0.0), (x + width.max(1.5), d.gain as f64)], color.filled())
            }))
            .map_err(draw_err)?
            .label(match verdict {
                Verdict::Suspicious => lang.pick("unexplained", "inexpliqué"),
                Verdict::Explained => lang.pick("explained", "expliqué"),
            })
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 16, y + 5)], color.filled()));
        // One label per run of flagged days (a viral post moves several days): on the largest.
        let mut labelled: Vec<&GainDay> = Vec::new();
        for d in flagged.iter().filter(|d| d.label.is_some()) {
            match labelled.last_mut() {
                Some(prev) if (d.date - prev.date).num_days() <= 3 => {
                    if d.gain.abs() > prev.gain.abs() {
                        *prev = d;
                    }
                }
                _ => labelled.push(d),
            }
        }
        for d in labelled {
            let text = d.label.clone().unwrap_or_default();
            let style = TextStyle::from((FONT, 11).into_font()).color(&color);
            chart
                .draw_series(std::iter::once(Text::new(text, (day_number(d.date) + 2.0, d.gain as f64), style)))
                .map_err(draw_err)?;
        }
    }
    legend(&mut chart, opts, SeriesLabelPosition::UpperLeft)
}

fn y_floor(lo: f64) -> f64 {
    lo.min(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn days(n: usize) -> Vec<GainDay> {
        let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        (0..n)
            .map(|i| GainDay {
                date: start + Duration::days(i as i64),
                gain: (i % 7) as i64 + if i == n / 2 { 300 } else { 0 },
                range: (i > 14).then_some((0.0, 12.0)),
                flag: (i == n / 2 && n > 20).then_some(Verdict::Suspicious),
                label: None,
            })
            .collect()
    }

    #[test]
    fn renders_empty_one_and_many_days() {
        let opts = ChartOptions::default();
        assert!(svg(&[], &opts).unwrap().contains("No daily follower changes known"));
        assert!(svg(&days(1), &opts).unwrap().contains("<rect"));
        let s = svg(&days(5000), &opts).unwrap();
        assert!(s.contains("unexplained"));
        assert!(png(&days(200), &opts).unwrap().starts_with(b"\x89PNG"));
    }
}
