//! Chart 4: every post placed by its audience (views, else reach, else impressions) and its
//! genuine interactions, on log scales, with the quadrants named around the medians: viral but
//! empty, resonant, quiet, quiet but loved.

use super::{ChartError, ChartOptions, FONT, TickAxis, draw_err, empty_message, legend, titled};
use crate::model::Role;
use plotters::coord::Shift;
use plotters::prelude::*;

#[derive(Debug, Clone)]
pub struct PostPoint {
    pub audience: i64,
    pub genuine: i64,
    pub role: Role,
}

pub fn svg(points: &[PostPoint], opts: &ChartOptions) -> Result<String, ChartError> {
    super::to_svg(opts, |root| draw(root, points, opts))
}

pub fn png(points: &[PostPoint], opts: &ChartOptions) -> Result<Vec<u8>, ChartError> {
    super::to_png(opts, |root| draw(root, points, opts))
}

fn l(v: i64) -> f64 {
    ((v.max(0) + 1) as f64).log10()
}

fn decade_ticks(hi: f64) -> Vec<f64> {
    (0..=hi.ceil() as i32).map(|p| (10f64.powi(p) + 1.0).log10()).collect()
}

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    points: &[PostPoint],
    opts: &ChartOptions,
) -> Result<(), ChartError> {
    let pal = opts.theme.palette();
    let lang = opts.lang;
    let root = titled(root, opts)?;
    if points.is_empty() {
        return empty_message(
            &root,
            opts,
            lang.pick(
                "No post with both an audience and interactions known",
                "Aucune publication dont l'audience et les interactions sont connues",
            ),
        );
    }
    let xs: Vec<f64> = points.iter().map(|p| l(p.audience)).collect();
    let ys: Vec<f64> = points.iter().map(|p| l(p.genuine)).collect();
    // Axes from a decade below the smallest value to a bit above the largest.
    let bounds = |v: &[f64]| {
        let lo = v.iter().cloned().fold(f64::INFINITY, f64::min);
        let hi = v.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        ((lo - 0.3).floor().max(0.0), (hi + 0.25).max(lo + 1.0))
    };
    let (xmin, xmax) = bounds(&xs);
    let (ymin, ymax) = bounds(&ys);
    let ticks = |lo: f64, hi: f64| decade_ticks(hi).into_iter().filter(|t| *t >= lo - 1e-9).collect::<Vec<_>>();
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(58)
        .build_cartesian_2d(TickAxis::new(xmin, xmax, ticks(xmin, xmax)), TickAxis::new(ymin, ymax, ticks(ymin, ymax)))
        .map_err(draw_err)?;
    let fmt = |v: &f64| lang.compact((10f64.powf(*v) - 1.0).round());
    chart
        .configure_mesh()
        .bold_line_style(pal.grid.stroke_width(1))
        .light_line_style(pal.grid.stroke_width(1))
        .axis_style(pal.axis.stroke_width(1))
        .label_style((FONT, 12).into_font().color(&pal.muted))
        .axis_desc_style((FONT, 12).into_font().color(&pal.muted))
        .x_desc(lang.pick(
            "audience of the post (views, reach or impressions)",
            "audience de la publication (vues, portée ou impressions)",
        ))
        .y_desc(lang.pick("genuine interactions", "interactions réelles"))
        .x_label_formatter(&fmt)
        .y_label_formatter(&fmt)
        .draw()
        .map_err(draw_err)?;
    // Quadrants around the medians.
    let med = |mut v: Vec<f64>| {
        v.sort_by(|a, b| a.total_cmp(b));
        v[v.len() / 2]
    };
    let (mx, my) = (med(xs.clone()), med(ys.clone()));
    let line = pal.axis.mix(0.6).stroke_width(1);
    chart.draw_series(std::iter::once(PathElement::new(vec![(mx, ymin), (mx, ymax)], line))).map_err(draw_err)?;
    chart.draw_series(std::iter::once(PathElement::new(vec![(xmin, my), (xmax, my)], line))).map_err(draw_err)?;
    let label = |text: &str, x: f64, y: f64| {
        Text::new(
            text.to_string(),
            (x, y),
            TextStyle::from((FONT, 12).into_font().style(FontStyle::Bold)).color(&pal.muted),
        )
    };
    let (left, right) = (xmin + (xmax - xmin) * 0.02, mx + (xmax - mx) * 0.35);
    let (low, high) = (ymin + (my - ymin) * 0.25, ymax - (ymax - my) * 0.08);
    chart
        .draw_series([
            label(lang.pick("viral but empty", "viral mais vide"), right, low),
            label(lang.pick("resonant", "résonne"), right, high),
            label(lang.pick("quiet but loved", "discret mais aimé"), left, high),
            label(lang.pick("quiet", "discret"), left, low),
        ])
        .map_err(draw_err)?;
    for role in [Role::Pro, Role::Personal] {
        let color = pal.series(role, 0);
        let pts: Vec<(f64, f64)> =
            points.iter().filter(|p| p.role == role).map(|p| (l(p.audience), l(p.genuine))).collect();
        if pts.is_empty() {
            continue;
        }
        let size = if pts.len() > 2000 { 2 } else { 3 };
        chart
            .draw_series(pts.into_iter().map(|xy| Circle::new(xy, size, color.mix(0.6).filled())))
            .map_err(draw_err)?
            .label(crate::charts::growth::role_word(role, lang))
            .legend(move |(x, y)| Circle::new((x + 8, y), 4, color.filled()));
    }
    legend(&mut chart, opts, SeriesLabelPosition::LowerRight)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn points(n: usize) -> Vec<PostPoint> {
        (0..n)
            .map(|i| PostPoint {
                audience: 100 + (i as i64 * 7919) % 20_000,
                genuine: (i as i64 * 31) % 300,
                role: if i % 3 == 0 { Role::Personal } else { Role::Pro },
            })
            .collect()
    }

    #[test]
    fn renders() {
        let opts = ChartOptions::default();
        assert!(svg(&[], &opts).unwrap().contains("No post"));
        assert!(svg(&points(1), &opts).unwrap().contains("viral but empty"));
        assert!(svg(&points(5000), &opts).is_ok());
    }
}
