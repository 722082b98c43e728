//! Chart 6: watch completion — how much of their videos people watched. Bars: the share of
//! videos by average percentage viewed (tens of percent); beside them, the share of views those
//! videos got. Views that stop at 2 % are not an audience.

use super::{ChartError, ChartOptions, FONT, TickAxis, draw_err, empty_message, legend, titled};
use plotters::coord::Shift;
use plotters::prelude::*;

/// A video's average percentage viewed (0–100) and its views (when known).
#[derive(Debug, Clone, Copy)]
pub struct Watched {
    pub pct_viewed: f64,
    pub views: Option<i64>,
}

pub fn svg(videos: &[Watched], opts: &ChartOptions) -> Result<String, ChartError> {
    super::to_svg(opts, |root| draw(root, videos, opts))
}

pub fn png(videos: &[Watched], opts: &ChartOptions) -> Result<Vec<u8>, ChartError> {
    super::to_png(opts, |root| draw(root, videos, opts))
}

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    videos: &[Watched],
    opts: &ChartOptions,
) -> Result<(), ChartError> {
    let pal = opts.theme.palette();
    let lang = opts.lang;
    let root = titled(root, opts)?;
    if videos.is_empty() {
        return empty_message(
            &root,
            opts,
            lang.pick(
                "No watch-completion data (YouTube Studio and TikTok Studio exports give it)",
                "Pas de données de visionnage (les exports YouTube Studio et TikTok Studio en donnent)",
            ),
        );
    }
    let mut count = [0f64; 10];
    let mut views = [0f64; 10];
    for v in videos {
        let bin = ((v.pct_viewed.clamp(0.0, 100.0) / 10.0).floor() as usize).min(9);
        count[bin] += 1.0;
        views[bin] += v.views.unwrap_or(0) as f64;
    }
    let (nc, nv) = (count.iter().sum::<f64>(), views.iter().sum::<f64>());
    let share_c: Vec<f64> = count.iter().map(|c| c / nc).collect();
    let share_v: Vec<f64> = views.iter().map(|c| if nv > 0.0 { c / nv } else { 0.0 }).collect();
    let top = share_c.iter().chain(&share_v).cloned().fold(0.1, f64::max);
    let (_, hi, ticks) = super::nice_ticks(0.0, top * 1.1, 5);
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(58)
        .build_cartesian_2d(
            TickAxis::new(0.0, 100.0, (0..=10).map(|i| i as f64 * 10.0).collect()),
            TickAxis::new(0.0, hi, ticks),
        )
        .map_err(draw_err)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(pal.grid.stroke_width(1))
        .light_line_style(pal.grid.stroke_width(1))
        .axis_style(pal.axis.stroke_width(1))
        .label_style((FONT, 12).into_font().color(&pal.muted))
        .axis_desc_style((FONT, 12).into_font().color(&pal.muted))
        .x_desc(lang.pick("average percentage of the video watched", "part moyenne de la vidéo regardée"))
        .x_label_formatter(&|v| lang.percent(v / 100.0, 0))
        .y_label_formatter(&|v| lang.percent(*v, 0))
        .draw()
        .map_err(draw_err)?;
    let (cv, cw) = (pal.pro[0], pal.personal[0]);
    chart
        .draw_series(
            (0..10).map(|i| {
                Rectangle::new([(i as f64 * 10.0 + 1.0, 0.0), (i as f64 * 10.0 + 5.0, share_c[i])], cv.filled())
            }),
        )
        .map_err(draw_err)?
        .label(lang.pick("share of videos", "part des vidéos"))
        .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 16, y + 5)], cv.filled()));
    if nv > 0.0 {
        chart
            .draw_series((0..10).map(|i| {
                Rectangle::new([(i as f64 * 10.0 + 5.0, 0.0), (i as f64 * 10.0 + 9.0, share_v[i])], cw.filled())
            }))
            .map_err(draw_err)?
            .label(lang.pick("share of views", "part des vues"))
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 16, y + 5)], cw.filled()));
    }
    legend(&mut chart, opts, SeriesLabelPosition::UpperRight)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders() {
        let opts = ChartOptions::default();
        assert!(svg(&[], &opts).unwrap().contains("No watch-completion"));
        let one = [Watched { pct_viewed: 42.0, views: Some(1000) }];
        assert!(svg(&one, &opts).unwrap().contains("share of views"));
        let many: Vec<Watched> = (0..5000).map(|i| Watched { pct_viewed: (i % 100) as f64, views: Some(i) }).collect();
        assert!(svg(&many, &opts).is_ok());
    }
}
