//! Chart 7: posting-time heat map — weekday × hour (UTC) of the genuine interactions a post
//! gets on average. When does the audience talk back?

use super::{ChartError, ChartOptions, FONT, TickAxis, draw_err, empty_message, titled};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Mean genuine interactions per post and number of posts, for [weekday Monday = 0][hour].
#[derive(Debug, Clone)]
pub struct Grid {
    pub cells: [[(f64, u32); 24]; 7],
}

pub fn svg(grid: &Grid, opts: &ChartOptions) -> Result<String, ChartError> {
    super::to_svg(opts, |root| draw(root, grid, opts))
}

pub fn png(grid: &Grid, opts: &ChartOptions) -> Result<Vec<u8>, ChartError> {
    super::to_png(opts, |root| draw(root, grid, opts))
}

fn weekday(i: usize, lang: crate::Lang) -> &'static str {
    const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const FR: [&str; 7] = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];
    lang.pick(EN[i % 7], FR[i % 7])
}

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    grid: &Grid,
    opts: &ChartOptions,
) -> Result<(), ChartError> {
    let pal = opts.theme.palette();
    let lang = opts.lang;
    let root = titled(root, opts)?;
    if grid.cells.iter().flatten().all(|c| c.1 == 0) {
        return empty_message(
            &root,
            opts,
            lang.pick("No post with known interactions yet", "Aucune publication aux interactions connues"),
        );
    }
    // Colour scale up to the 90th percentile, so that one viral post does not wash out the rest.
    let mut values: Vec<f64> = grid.cells.iter().flatten().filter(|c| c.1 > 0).map(|c| c.0).collect();
    values.sort_by(|a, b| a.total_cmp(b));
    let max = values[((values.len() - 1) as f64 * 0.9).round() as usize].max(1e-9);
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(46)
        .build_cartesian_2d(
            TickAxis::new(0.0, 24.0, (0..8).map(|i| i as f64 * 3.0 + 0.5).collect()),
            TickAxis::new(0.0, 7.0, (0..7).map(|i| i as f64 + 0.5).collect()),
        )
        .map_err(draw_err)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .axis_style(pal.axis.stroke_width(1))
        .label_style((FONT, 12).into_font().color(&pal.muted))
        .x_label_formatter(&|h| format!("{}h", h.floor() as i64))
        .y_label_formatter(&|d| weekday(6 - (d.floor() as usize).min(6), lang).to_string())
        .axis_desc_style((FONT, 12).into_font().color(&pal.muted))
        .x_desc(lang.pick("hour of publication (UTC)", "heure de publication (UTC)"))
        .draw()
        .map_err(draw_err)?;
    let hot = pal.personal[0];
    let legend_text = match lang {
        crate::Lang::En => "darker: more genuine interactions per post",
        crate::Lang::Fr => "plus foncé : plus d'interactions réelles par publication",
    };
    let (w, _) = root.dim_in_pixel();
    root.draw(&Text::new(legend_text.to_string(), (w as i32 - 330, 2), (FONT, 12).into_font().color(&pal.muted)))
        .map_err(draw_err)?;
    let empty = pal.grid;
    let cells = (0..7).flat_map(|d| (0..24).map(move |h| (d, h))).map(|(d, h)| {
        let (v, n) = grid.cells[d][h];
        let row = 6 - d; // Monday on top
        let style = if n == 0 {
            empty.mix(0.5).filled()
        } else {
            let t = if max > 0.0 { (v / max).clamp(0.0, 1.0) } else { 0.0 };
            hot.mix(0.12 + 0.88 * t).filled()
        };
        Rectangle::new([(h as f64 + 0.05, row as f64 + 0.05), (h as f64 + 0.95, row as f64 + 0.95)], style)
    });
    chart.draw_series(cells).map_err(draw_err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders() {
        let opts = ChartOptions::default();
        let empty = Grid { cells: [[(0.0, 0); 24]; 7] };
        assert!(svg(&empty, &opts).unwrap().contains("No post"));
        let mut g = empty.clone();
        g.cells[2][18] = (12.0, 3);
        assert!(svg(&g, &opts).unwrap().contains("<rect"));
    }
}
