//! Chart 1: follower growth over time, for one account or several. Pro accounts in cool colours,
//! personal ones in warm colours; the part of a history that is a lower bound is drawn dashed;
//! flagged days are marked (warning colour when nothing explains them).

use super::{
    ChartError, ChartOptions, day_number, decimate, draw_err, empty_message, legend, log_ticks, nice_ticks, time_chart,
    titled,
};
use crate::metrics::authenticity::Verdict;
use crate::model::Role;
use crate::store::audience::SeriesPoint;
use chrono::{Duration, NaiveDate};
use plotters::coord::Shift;
use plotters::prelude::*;

/// One account's series, as the chart draws it.
#[derive(Debug, Clone)]
pub struct GrowthSeries {
    pub label: String,
    pub role: Role,
    pub points: Vec<SeriesPoint>,
    /// Flagged days of this account, with their verdict.
    pub flags: Vec<(NaiveDate, Verdict)>,
}

pub fn svg(series: &[GrowthSeries], opts: &ChartOptions) -> Result<String, ChartError> {
    super::to_svg(opts, |root| draw(root, series, opts))
}

pub fn png(series: &[GrowthSeries], opts: &ChartOptions) -> Result<Vec<u8>, ChartError> {
    super::to_png(opts, |root| draw(root, series, opts))
}

pub(crate) fn role_word(role: Role, lang: crate::Lang) -> &'static str {
    match role {
        Role::Pro => "pro",
        Role::Personal => lang.pick("personal", "perso"),
    }
}

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    series: &[GrowthSeries],
    opts: &ChartOptions,
) -> Result<(), ChartError> {
    let pal = opts.theme.palette();
    let lang = opts.lang;
    let value = |v: i64| if opts.log_scale { (v.max(1) as f64).log10() } else { v as f64 };
    let root = titled(root, opts)?;

    let points: Vec<&SeriesPoint> = series.iter().flat_map(|s| s.points.iter()).collect();
    let (Some(first), Some(last)) = (points.iter().map(|p| p.date).min(), points.iter().map(|p| p.date).max()) else {
        return empty_message(&root, opts, lang.pick("No follower history yet", "Pas encore d'historique d'abonnés"));
    };
    let pad = ((last - first).num_days() / 40).max(if first == last { 15 } else { 2 });
    let (x0, x1) = (first - Duration::days(pad), last + Duration::days(pad));
    let lo = points.iter().map(|p| value(p.followers)).fold(f64::INFINITY, f64::min);
    let hi = points.iter().map(|p| value(p.followers)).fold(f64::NEG_INFINITY, f64::max);
    let y = if opts.log_scale {
        let (a, b) = (lo.floor().min(lo - 0.05), hi.ceil().max(hi + 0.05));
        (a, b, log_ticks(a, b))
    } else {
        // Counts start at zero: a zoomed axis would turn +0.2 % into a cliff.
        nice_ticks(0.0, (hi * 1.08).max(1.0), 5)
    };
    let log = opts.log_scale;
    let mut chart = time_chart(&root, opts, (x0, x1), y, &|v| lang.compact(if log { 10f64.powf(v) } else { v }))?;

    let max_points = (opts.width as usize).max(200);
    let mut counters = (0usize, 0usize);
    let mut any_lower = false;
    for s in series {
        let idx = match s.role {
            Role::Pro => {
                counters.0 += 1;
                counters.0 - 1
            }
            Role::Personal => {
                counters.1 += 1;
                counters.1 - 1
            }
        };
        let color = pal.series(s.role, idx);
        let pts = decimate(&s.points, max_points);
        // Runs of measured points and of lower-bound points, joined at their boundaries.
        let mut runs: Vec<(bool, Vec<(f64, f64)>)> = Vec::new();
        for p in &pts {
            let xy = (day_number(p.date), value(p.followers));
            match runs.last_mut() {
                Some((lower, v)) if *lower == p.lower_bound => v.push(xy),
                Some((_, v)) => {
                    let join = *v.last().unwrap_or(&xy);
                    runs.push((p.lower_bound, vec![join, xy]));
                }
                None => runs.push((p.lower_bound, vec![xy])),
            }
        }
        let label = format!("{} · {}", s.label, role_word(s.role, lang));
        let mut labelled = false;
        for (lower, run) in runs {
            any_lower |= lower;
            let anno = if run.len() == 1 {
                chart.draw_series(run.iter().map(|xy| Circle::new(*xy, 4, color.filled()))).map_err(draw_err)?
            } else if lower {
                chart
                    .draw_series(DashedLineSeries::new(run.clone(), 6, 4, color.mix(0.75).stroke_width(2)))
                    .map_err(draw_err)?
            } else {
                chart.draw_series(LineSeries::new(run.clone(), color.stroke_width(2))).map_err(draw_err)?
            };
            if !labelled && series.len() > 1 {
                anno.label(label.clone())
                    .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], color.stroke_width(3)));
                labelled = true;
            }
        }
        if let Some(p) = s.points.last() {
            chart
                .draw_series(std::iter::once(Circle::new((day_number(p.date), value(p.followers)), 3, color.filled())))
                .map_err(draw_err)?;
        }
        // Flagged days: a ring on the curve, warning colour when nothing explains the change.
        let rings: Vec<(f64, f64, bool)> = s
            .flags
            .iter()
            .filter_map(|(d, v)| {
                let p = crate::metrics::growth::value_at(&s.points, *d)?;
                Some((day_number(*d), value(p.followers), *v == Verdict::Suspicious))
            })
            .collect();
        chart
            .draw_series(rings.iter().map(|(x, y, bad)| {
                let c = if *bad { pal.warning } else { pal.ok };
                Circle::new((*x, *y), 6, c.stroke_width(2))
            }))
            .map_err(draw_err)?;
    }
    let muted = pal.muted;
    if any_lower {
        chart
            .draw_series(std::iter::empty::<Circle<(f64, f64), i32>>())
            .map_err(draw_err)?
            .label(lang.pick(
                "dashed: lower bound (people who left are not counted)",
                "pointillés : minimum (les départs ne sont pas comptés)",
            ))
            .legend(move |(x, y)| {
                EmptyElement::at((x, y))
                    + PathElement::new(vec![(0, 0), (5, 0)], muted.stroke_width(2))
                    + PathElement::new(vec![(9, 0), (14, 0)], muted.stroke_width(2))
                    + PathElement::new(vec![(18, 0), (23, 0)], muted.stroke_width(2))
            });
    }
    if series.iter().any(|s| s.flags.iter().any(|f| f.1 == Verdict::Suspicious)) {
        let w = pal.warning;
        chart
            .draw_series(std::iter::empty::<Circle<(f64, f64), i32>>())
            .map_err(draw_err)?
            .label(lang.pick("unexplained change", "variation inexpliquée"))
            .legend(move |(x, y)| Circle::new((x + 8, y), 5, w.stroke_width(2)));
    }
    if series.iter().any(|s| s.flags.iter().any(|f| f.1 == Verdict::Explained)) {
        let ok = pal.ok;
        chart
            .draw_series(std::iter::empty::<Circle<(f64, f64), i32>>())
            .map_err(draw_err)?
            .label(lang.pick("explained spike", "pic expliqué"))
            .legend(move |(x, y)| Circle::new((x + 8, y), 5, ok.stroke_width(2)));
    }
    let flagged = series.iter().any(|s| !s.flags.is_empty());
    if series.len() > 1 || any_lower || flagged {
        legend(&mut chart, opts, SeriesLabelPosition::UpperLeft)?;
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::AudienceSource;

    pub(crate) fn series(n: usize, lower_until: usize) -> GrowthSeries {
        let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        GrowthSeries {
            label: "atelier <b>&".into(),
            role: Role::Pro,
            points: (0..n)
                .map(|i| SeriesPoint {
                    date: start + Duration::days(i as i64),
                    followers: 100 + i as i64 * 3,
                    source: AudienceSource::Reconstructed,
                    lower_bound: i < lower_until,
                })
                .collect(),
            flags: if n > 10 { vec![(start + Duration::days(5), Verdict::Suspicious)] } else { vec![] },
        }
    }

    #[test]
    fn renders_empty_one_point_and_many_points() {
        let opts = ChartOptions::default();
        let empty = svg(&[], &opts).unwrap();
        assert!(empty.contains("No follower history yet"));
        let one = svg(&[series(1, 0)], &opts).unwrap();
        assert!(one.contains("<circle"));
        let many =
            svg(&[series(5000, 2000), series(3000, 0)], &ChartOptions { log_scale: true, ..opts.clone() }).unwrap();
        assert!(many.contains("<polyline") || many.contains("<path"));
        // Account names are text, escaped.
        assert!(many.contains("atelier &lt;b&gt;&amp;"));
        assert!(many.contains("unexplained change"));
        let png_bytes = png(&[series(300, 100)], &opts).unwrap();
        assert!(png_bytes.starts_with(b"\x89PNG"));
    }
}
