//! Charts drawn in Rust with plotters, as SVG for the app and PNG for export, so the app, the CLI
//! and the reports show the same picture. Text is measured with the bundled Inter font
//! (`assets/fonts/`), so layouts are identical on every machine and need no system font library.

pub mod completion;
pub mod data;
pub mod forecast;
pub mod gains;
pub mod growth;
pub mod heatmap;
pub mod indexed;
pub mod kind;
pub mod mix;
pub mod posts;
pub mod pro_personal;

use crate::i18n::Lang;
use crate::model::Role;
use chrono::{Datelike, Duration, NaiveDate};
use plotters::prelude::*;
use plotters::style::{FontStyle, RGBColor};
use serde::{Deserialize, Serialize};
use std::sync::Once;
use ts_rs::TS;

/// The font family charts use. SVG viewers without Inter fall back to their sans-serif.
pub const FONT: &str = "Inter, sans-serif";

static FONTS: Once = Once::new();

pub(crate) fn ensure_fonts() {
    FONTS.call_once(|| {
        let regular: &'static [u8] = include_bytes!("../../assets/fonts/Inter-Regular.otf");
        let semibold: &'static [u8] = include_bytes!("../../assets/fonts/Inter-SemiBold.otf");
        // The bundled font is valid; a failure here would be a build defect caught by the tests.
        let _ = plotters::style::register_font(FONT, FontStyle::Normal, regular);
        let _ = plotters::style::register_font(FONT, FontStyle::Bold, semibold);
    });
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// The colours of a theme.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub axis: RGBColor,
    pub pro: [RGBColor; 6],
    pub personal: [RGBColor; 6],
    pub warning: RGBColor,
    pub ok: RGBColor,
}

const fn hex(v: u32) -> RGBColor {
    RGBColor((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

impl Theme {
    pub fn palette(self) -> Palette {
        match self {
            Theme::Light => Palette {
                background: hex(0xffffff),
                text: hex(0x1f2430),
                muted: hex(0x555d6b),
                grid: hex(0xe6e8ee),
                axis: hex(0x9aa0ab),
                pro: [hex(0x2b59c3), hex(0x0f7b6c), hex(0x6a3fb5), hex(0x0e6f8f), hex(0x475569), hex(0x2f7d32)],
                personal: [hex(0xc2410c), hex(0xb0245a), hex(0x946200), hex(0xd9480f), hex(0x8a4b2b), hex(0xa21caf)],
                warning: hex(0xc92a2a),
                ok: hex(0x2b8a3e),
            },
            Theme::Dark => Palette {
                background: hex(0x161a22),
                text: hex(0xe8eaf0),
                muted: hex(0xa4abb8),
                grid: hex(0x2a303c),
                axis: hex(0x5d6575),
                pro: [hex(0x7aa2ff), hex(0x3dd6a3), hex(0xb39dff), hex(0x5ccfe6), hex(0xa5b4cb), hex(0x8bd17c)],
                personal: [hex(0xff9f5a), hex(0xff7aa8), hex(0xffd166), hex(0xffb454), hex(0xd9a07a), hex(0xf08cf5)],
                warning: hex(0xff6b6b),
                ok: hex(0x69db7c),
            },
        }
    }
}

impl Palette {
    /// Pro accounts in cool colours, personal ones in warm colours: told apart at a glance.
    pub fn series(&self, role: Role, index: usize) -> RGBColor {
        match role {
            Role::Pro => self.pro[index % self.pro.len()],
            Role::Personal => self.personal[index % self.personal.len()],
        }
    }
}

/// What every chart needs to know about how to draw.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChartOptions {
    pub theme: Theme,
    pub lang: Lang,
    pub width: u32,
    pub height: u32,
    /// Logarithmic value axis (growth chart).
    #[serde(default)]
    pub log_scale: bool,
    /// A title drawn in the picture (exports); the app shows titles in the page instead.
    #[serde(default)]
    pub title: Option<String>,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions { theme: Theme::Light, lang: Lang::En, width: 800, height: 360, log_scale: false, title: None }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("chart drawing failed: {0}")]
pub struct ChartError(pub String);

impl From<ChartError> for crate::Error {
    fn from(e: ChartError) -> Self {
        crate::Error::InvalidArgument(e.0)
    }
}

pub(crate) fn draw_err<E: std::fmt::Debug>(e: E) -> ChartError {
    ChartError(format!("{e:?}"))
}

/// Image format of an exported chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
}

impl Format {
    pub fn from_path(p: &std::path::Path) -> Option<Format> {
        match p.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            _ => None,
        }
    }
}

/// Renders with `draw` on an SVG backend.
pub(crate) fn to_svg(
    opts: &ChartOptions,
    draw: impl FnOnce(&DrawingArea<SVGBackend<'_>, plotters::coord::Shift>) -> Result<(), ChartError>,
) -> Result<String, ChartError> {
    ensure_fonts();
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (opts.width, opts.height)).into_drawing_area();
        root.fill(&opts.theme.palette().background).map_err(draw_err)?;
        draw(&root)?;
        root.present().map_err(draw_err)?;
    }
    Ok(out)
}

/// Renders with `draw` on a bitmap and encodes it as PNG.
pub(crate) fn to_png(
    opts: &ChartOptions,
    draw: impl FnOnce(&DrawingArea<BitMapBackend<'_>, plotters::coord::Shift>) -> Result<(), ChartError>,
) -> Result<Vec<u8>, ChartError> {
    ensure_fonts();
    let (w, h) = (opts.width, opts.height);
    let mut rgb = vec![0u8; (w * h * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (w, h)).into_drawing_area();
        root.fill(&opts.theme.palette().background).map_err(draw_err)?;
        draw(&root)?;
        root.present().map_err(draw_err)?;
    }
    let mut png_bytes = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut png_bytes, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header().map_err(draw_err)?;
        writer.write_image_data(&rgb).map_err(draw_err)?;
    }
    Ok(png_bytes)
}

/// A linear axis whose ticks are chosen by us (human dates, round numbers), not by plotters.
#[derive(Debug, Clone)]
pub struct TickAxis {
    pub lo: f64,
    pub hi: f64,
    pub ticks: Vec<f64>,
}

impl TickAxis {
    pub fn new(lo: f64, hi: f64, ticks: Vec<f64>) -> Self {
        let hi = if hi > lo { hi } else { lo + 1.0 };
        TickAxis { lo, hi, ticks: ticks.into_iter().filter(|t| *t >= lo - 1e-9 && *t <= hi + 1e-9).collect() }
    }
}

impl plotters::coord::ranged1d::Ranged for TickAxis {
    type FormatOption = plotters::coord::ranged1d::DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let r = (value - self.lo) / (self.hi - self.lo);
        limit.0 + (r * f64::from(limit.1 - limit.0)).round() as i32
    }

    fn key_points<H: plotters::coord::ranged1d::KeyPointHint>(&self, hint: H) -> Vec<f64> {
        if hint.weight().allow_light_points() { Vec::new() } else { self.ticks.clone() }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.lo..self.hi
    }
}

/// Splits off a title band when the options carry a title (exports), and returns the plot area.
pub(crate) fn titled<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    opts: &ChartOptions,
) -> Result<DrawingArea<DB, plotters::coord::Shift>, ChartError> {
    match &opts.title {
        Some(t) => {
            let pal = opts.theme.palette();
            let (top, rest) = root.split_vertically(34);
            top.draw(&Text::new(t.clone(), (14, 9), (FONT, 17).into_font().style(FontStyle::Bold).color(&pal.text)))
                .map_err(draw_err)?;
            Ok(rest)
        }
        None => Ok(root.clone()),
    }
}

/// Writes a centred message on an empty chart.
pub(crate) fn empty_message<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
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

/// A chart with a date x axis and a value y axis, mesh and labels drawn in the house style.
pub(crate) type TimeChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<TickAxis, TickAxis>>;

pub(crate) fn time_chart<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, plotters::coord::Shift>,
    opts: &ChartOptions,
    (x0, x1): (NaiveDate, NaiveDate),
    (y0, y1, yticks): (f64, f64, Vec<f64>),
    y_label: &dyn Fn(f64) -> String,
) -> Result<TimeChart<'a, DB>, ChartError> {
    let pal = opts.theme.palette();
    let lang = opts.lang;
    let xticks = time_ticks(x0, x1, (opts.width as usize / 110).clamp(2, 10), lang);
    let xt: Vec<f64> = xticks.iter().map(|t| t.0).collect();
    let mut chart = ChartBuilder::on(area)
        .margin_top(10)
        .margin_right(18)
        .margin_left(6)
        .margin_bottom(4)
        .x_label_area_size(28)
        .y_label_area_size(58)
        .build_cartesian_2d(TickAxis::new(day_number(x0), day_number(x1), xt), TickAxis::new(y0, y1, yticks))
        .map_err(draw_err)?;
    let x_label = |x: &f64| -> String {
        xticks
            .iter()
            .find(|t| (t.0 - x).abs() < 0.5)
            .map(|t| t.1.clone())
            .unwrap_or_else(|| lang.date(from_day_number(*x)))
    };
    let y_fmt = |v: &f64| y_label(*v);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(pal.grid.stroke_width(1))
        .light_line_style(pal.grid.stroke_width(1))
        .axis_style(pal.axis.stroke_width(1))
        .label_style((FONT, 12).into_font().color(&pal.muted))
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_fmt)
        .draw()
        .map_err(draw_err)?;
    Ok(chart)
}

/// Draws a legend in the house style.
pub(crate) fn legend<'a, DB: DrawingBackend + 'a, CT: plotters::coord::CoordTranslate>(
    chart: &mut ChartContext<'a, DB, CT>,
    opts: &ChartOptions,
    position: SeriesLabelPosition,
) -> Result<(), ChartError> {
    let pal = opts.theme.palette();
    chart
        .configure_series_labels()
        .position(position)
        .background_style(pal.background.mix(0.9))
        .border_style(pal.grid)
        .label_font((FONT, 12).into_font().color(&pal.text))
        .draw()
        .map_err(draw_err)
}

/// Days since 1970-01-01, the x coordinate of every time chart.
pub fn day_number(d: NaiveDate) -> f64 {
    (d - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()).num_days() as f64
}

pub fn from_day_number(x: f64) -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default() + Duration::days(x.round() as i64)
}

/// Time ticks people read easily: days, weeks, months, quarters or years, at most `max` of them.
pub fn time_ticks(from: NaiveDate, to: NaiveDate, max: usize, lang: Lang) -> Vec<(f64, String)> {
    let span = (to - from).num_days().max(1);
    let max = max.max(2) as i64;
    let month_steps = [1u32, 2, 3, 6, 12, 24, 60];
    if span / 7 <= max && span <= 62 {
        let step = if span <= max { 1 } else { 7 };
        let mut d = from;
        let mut out = Vec::new();
        while d <= to {
            out.push((
                day_number(d),
                match lang {
                    Lang::En => format!("{} {}", lang.month_short(d.month()), d.day()),
                    Lang::Fr => format!("{} {}", d.day(), lang.month_short(d.month())),
                },
            ));
            d += Duration::days(step);
        }
        return out;
    }
    let months = (span / 30).max(1);
    let step = month_steps.iter().copied().find(|s| months / i64::from(*s) <= max).unwrap_or(120);
    let mut y = from.year();
    let mut m = from.month();
    // First month boundary on or after `from` aligned to the step.
    let mut out = Vec::new();
    loop {
        let first = NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(from);
        let aligned =
            if step >= 12 { m == 1 && (y % (step as i32 / 12).max(1) == 0) } else { (m - 1).is_multiple_of(step) };
        if first >= from && first <= to && aligned {
            let label = if step >= 12 { y.to_string() } else { lang.month_year(first) };
            out.push((day_number(first), label));
        }
        if first > to {
            break;
        }
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    out
}

/// Value ticks at 1, 2 or 5 times a power of ten, about `target` of them, covering [lo, hi].
pub fn nice_ticks(lo: f64, hi: f64, target: usize) -> (f64, f64, Vec<f64>) {
    let (lo, hi) = if (hi - lo).abs() < f64::EPSILON { (lo - 1.0, hi + 1.0) } else { (lo.min(hi), hi.max(lo)) };
    let raw = (hi - lo) / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag);
    let start = (lo / step).floor() * step;
    let end = (hi / step).ceil() * step;
    let mut ticks = Vec::new();
    let mut v = start;
    while v <= end + step * 0.5 {
        ticks.push((v * 1e6).round() / 1e6);
        v += step;
    }
    (start, end, ticks)
}

/// Ticks of a log10 axis (values already log10): 1, 2, 5 × powers of ten inside the range.
pub fn log_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let mut out = Vec::new();
    let mut p = lo.floor() as i32;
    while f64::from(p) <= hi.ceil() {
        for m in [1.0, 2.0, 5.0] {
            let v = (m * 10f64.powi(p)).log10();
            if v >= lo - 1e-9 && v <= hi + 1e-9 {
                out.push(v);
            }
        }
        p += 1;
    }
    out
}

/// Keeps at most `max` points, one per bucket (the last of each), so a chart of 10 years of daily
/// data draws as many points as it has pixels, not 3,650.
pub fn decimate<T: Clone>(points: &[T], max: usize) -> Vec<T> {
    if points.len() <= max || max < 2 {
        return points.to_vec();
    }
    let step = points.len() as f64 / max as f64;
    let mut out: Vec<T> = (0..max).map(|i| points[((i as f64 + 1.0) * step) as usize - 1].clone()).collect();
    out.insert(0, points[0].clone());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn time_ticks_pick_human_steps() {
        let years = time_ticks(d(2019, 3, 1), d(2026, 11, 1), 8, Lang::En);
        assert!(years.iter().all(|(_, l)| l.len() == 4), "{years:?}");
        let months = time_ticks(d(2026, 1, 1), d(2026, 6, 30), 8, Lang::Fr);
        assert_eq!(months.first().unwrap().1, "janv. 2026");
        let days = time_ticks(d(2026, 3, 1), d(2026, 3, 6), 8, Lang::En);
        assert_eq!(days[0].1, "Mar 1");
    }

    #[test]
    fn nice_ticks_cover_the_range() {
        let (lo, hi, t) = nice_ticks(3_150.0, 5_120.0, 5);
        assert!(lo <= 3_150.0 && hi >= 5_120.0);
        assert!(t.len() >= 3 && t.len() <= 8, "{t:?}");
        let (_, _, t) = nice_ticks(7.0, 7.0, 5);
        assert!(t.len() >= 2);
    }

    #[test]
    fn decimation_keeps_the_ends() {
        let v: Vec<i32> = (0..5000).collect();
        let out = decimate(&v, 800);
        assert_eq!(*out.first().unwrap(), 0);
        assert_eq!(*out.last().unwrap(), 4999);
        assert!(out.len() <= 801);
    }
}
