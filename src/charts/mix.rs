//! Chart 5: the interaction mix per month — applause, conversation, amplification, saves — as
//! shares of all interactions, stacked. A mix drifting to applause is an audience that scrolls.

use super::{ChartError, ChartOptions, day_number, draw_err, empty_message, legend, time_chart, titled};
use chrono::{Duration, NaiveDate};
use plotters::coord::Shift;
use plotters::prelude::*;

#[derive(Debug, Clone)]
pub struct MixMonth {
    pub month: NaiveDate,
    pub applause: i64,
    pub conversation: i64,
    pub amplification: i64,
    pub saves: i64,
}

pub fn svg(months: &[MixMonth], opts: &ChartOptions) -> Result<String, ChartError> {
    super::to_svg(opts, |root| draw(root, months, opts))
}

pub fn png(months: &[MixMonth], opts: &ChartOptions) -> Result<Vec<u8>, ChartError> {
    super::to_png(opts, |root| draw(root, months, opts))
}

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    months: &[MixMonth],
    opts: &ChartOptions,
) -> Result<(), ChartError> {
    let pal = opts.theme.palette();
    let lang = opts.lang;
    let root = titled(root, opts)?;
    let months: Vec<&MixMonth> =
        months.iter().filter(|m| m.applause + m.conversation + m.amplification + m.saves > 0).collect();
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return empty_message(
            &root,
            opts,
            lang.pick("No interactions known yet", "Aucune interaction connue pour le moment"),
        );
    };
    let mut chart = time_chart(
        &root,
        opts,
        (first.month - Duration::days(20), last.month + Duration::days(40)),
        // Room above the bars for the legend (its four rows, at the smallest size the app draws).
        (0.0, 1.45, vec![0.0, 0.25, 0.5, 0.75, 1.0]),
        &|v| lang.percent(v, 0),
    )?;
    let parts: [(&str, &str, RGBColor); 4] = [
        ("applause (likes)", "applaudissements (j'aime)", pal.axis),
        ("conversation", "conversation", pal.personal[0]),
        ("amplification (shares)", "amplification (partages)", pal.pro[0]),
        ("saves", "enregistrements", pal.pro[1]),
    ];
    let width = 12.0;
    for (k, (en, fr, color)) in parts.iter().enumerate() {
        let color = *color;
        let bars: Vec<Rectangle<(f64, f64)>> = months
            .iter()
            .map(|m| {
                let v = [m.applause, m.conversation, m.amplification, m.saves];
                let total: i64 = v.iter().sum();
                let below: i64 = v[..k].iter().sum();
                let x = day_number(m.month) + 15.0;
                let (y0, y1) = (below as f64 / total as f64, (below + v[k]) as f64 / total as f64);
                Rectangle::new([(x - width, y0), (x + width, y1)], color.filled())
            })
            .collect();
        chart
            .draw_series(bars)
            .map_err(draw_err)?
            .label(lang.pick(en, fr))
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 16, y + 5)], color.filled()));
    }
    legend(&mut chart, opts, SeriesLabelPosition::UpperLeft)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn months(n: usize) -> Vec<MixMonth> {
        let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        (0..n)
            .map(|i| MixMonth {
                month: start + Duration::days(30 * i as i64),
                applause: 100 + i as i64,
                conversation: 20,
                amplification: 5,
                saves: 10,
            })
            .collect()
    }

    #[test]
    fn renders() {
        let opts = ChartOptions::default();
        assert!(svg(&[], &opts).unwrap().contains("No interactions"));
        assert!(svg(&months(1), &opts).unwrap().contains("conversation"));
        assert!(svg(&months(5000), &opts).is_ok());
    }
}
