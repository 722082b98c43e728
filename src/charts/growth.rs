//! Chart 1: follower growth over time, for one account or several. Pro accounts in cool colours,
//! personal ones in warm colours; the part of a history rebuilt from follow dates (a lower bound)
//! is drawn dashed.

use super::{
    ChartError, ChartOptions, FONT, TickAxis, day_number, decimate, draw_err, from_day_number, log_ticks, nice_ticks,
    time_ticks,
};
use crate::model::Role;
use crate::store::audience::SeriesPoint;
use chrono::Duration;
use plotters::coord::Shift;
use plotters::prelude::*;

/// One account's series, as the chart draws it.
#[derive(Debug, Clone)]
pub struct GrowthSeries {
    pub label: String,
    pub role: Role,
    pub points: Vec<SeriesPoint>,
}

pub fn svg(series: &[GrowthSeries], opts: &ChartOptions) -> Result<String, ChartError> {
    super::to_svg(opts, |root| draw(root, series, opts))
}

pub fn png(series: &[GrowthSeries], opts: &ChartOptions) -> Result<Vec<u8>, ChartError> {
    super::to_png(opts, |root| draw(root, series, opts))
}

fn role_word(role: Role, lang: crate::Lang) -> &'static str {
    match role {
        Role::Pro => "pro",
        Role::Personal => lang.pick("personal", "perso"),
    }
}

/// Writes a centred message on an empty chart.
pub(crate) fn empty_message<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    opts: &ChartOptions,
    text: &str,
) -> Result<(), ChartError> {
    let pal = opts.theme.palette();
    let (w, h) = root.dim_in_pixel();
    let style = TextStyle::from((FONT, 15).into_font()).color(&pal.muted).pos(plotters::style::text_anchor::Pos::new(
        plotters::style::text_anchor::HPos::Center,
        plotters::style::text_anchor::VPos::Center,
    ));
    root.draw(&Text::new(text.to_string(), (w as i32 / 2, h as i32 / 2), style)).map_err(draw_err)?;
    Ok(())
}

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    series: &[GrowthSeries],
    opts: &ChartOptions,
) -> Result<(), ChartError> {
    let pal = opts.theme.palette();
    let lang = opts.lang;
    let value = |v: i64| {
        if opts.log_scale { (v.max(1) as f64).log10() } else { v as f64 }
    };

    let root = match &opts.title {
        Some(t) => {
            let (top, rest) = root.split_vertically(34);
            top.draw(&Text::new(t.clone(), (14, 9), (FONT, 17).into_font().style(FontStyle::Bold).color(&pal.text)))
                .map_err(draw_err)?;
            rest
        }
        None => root.clone(),
    };

    let points: Vec<&SeriesPoint> = series.iter().flat_map(|s| s.points.iter()).collect();
    let (Some(first), Some(last)) = (points.iter().map(|p| p.date).min(), points.iter().map(|p| p.date).max()) else {
        return empty_message(&root, opts, lang.pick("No follower history yet", "Pas encore d'historique d'abonnés"));
    };
    let pad = ((last - first).num_days() / 40).max(if first == last { 15 } else { 2 });
    let (x0, x1) = (first - Duration::days(pad), last + Duration::days(pad));
    let lo = points.iter().map(|p| value(p.followers)).fold(f64::INFINITY, f64::min);
    let hi = points.iter().map(|p| value(p.followers)).fold(f64::NEG_INFINITY, f64::max);
    let (y0, y1, yticks) = if opts.log_scale {
        let (a, b) = (lo.floor().min(lo - 0.05), hi.ceil().max(hi + 0.05));
        (a, b, log_ticks(a, b))
    } else {
        // Counts start at zero: a zoomed axis would turn +0.2 % into a cliff.
        let _ = lo;
        nice_ticks(0.0, (hi * 1.08).max(1.0), 5)
    };
    let xticks = time_ticks(x0, x1, (opts.width as usize / 110).clamp(2, 10), lang);

    let xt: Vec<f64> = xticks.iter().map(|t| t.0).collect();
    let mut chart = ChartBuilder::on(&root)
        .margin_top(10)
        .margin_right(18)
        .margin_left(6)
        .margin_bottom(4)
        .x_label_area_size(28)
        .y_label_area_size(54)
        .build_cartesian_2d(TickAxis::new(day_number(x0), day_number(x1), xt), TickAxis::new(y0, y1, yticks))
        .map_err(draw_err)?;

    let label_for = |x: &f64| -> String {
        xticks
            .iter()
            .find(|t| (t.0 - x).abs() < 0.5)
            .map(|t| t.1.clone())
            .unwrap_or_else(|| lang.date(from_day_number(*x)))
    };
    let y_label = |v: &f64| -> String {
        let raw = if opts.log_scale { 10f64.powf(*v) } else { *v };
        lang.compact(raw)
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(pal.grid.stroke_width(1))
        .light_line_style(pal.grid.stroke_width(1))
        .axis_style(pal.axis.stroke_width(1))
        .label_style((FONT, 12).into_font().color(&pal.muted))
        .x_label_formatter(&label_for)
        .y_label_formatter(&y_label)
        .draw()
        .map_err(draw_err)?;

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
        // The latest value, marked.
        if let Some(p) = s.points.last() {
            chart
                .draw_series(std::iter::once(Circle::new((day_number(p.date), value(p.followers)), 3, color.filled())))
                .map_err(draw_err)?;
        }
    }
    if any_lower {
        let muted = pal.muted;
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
    if series.len() > 1 || any_lower {
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(pal.background.mix(0.9))
            .border_style(pal.grid)
            .label_font((FONT, 12).into_font().color(&pal.text))
            .draw()
            .map_err(draw_err)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AudienceSource;
    use chrono::NaiveDate;

    fn series(n: usize, lower_until: usize) -> GrowthSeries {
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
        let png_bytes = png(&[series(300, 100)], &opts).unwrap();
        assert!(png_bytes.starts_with(b"\x89PNG"));
    }
}
