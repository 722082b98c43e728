//! Charts: an SVG snapshot of every chart on fixed data (insta), PNGs of the right size and not
//! blank, and every chart on empty, one-point and 5,000-point data without panic.

use chrono::{Duration, NaiveDate};
use resonance::Lang;
use resonance::charts::completion::Watched;
use resonance::charts::gains::GainDay;
use resonance::charts::growth::GrowthSeries;
use resonance::charts::heatmap::Grid;
use resonance::charts::kind::{ChartData, draw};
use resonance::charts::mix::MixMonth;
use resonance::charts::posts::PostPoint;
use resonance::charts::{ChartOptions, Format, Theme};
use resonance::metrics::authenticity::Verdict;
use resonance::metrics::compare::RoleSide;
use resonance::metrics::contrast::IndexedMonth;
use resonance::metrics::engagement::Mean;
use resonance::metrics::outlook::ForecastPoint;
use resonance::model::{AudienceSource, Role};
use resonance::store::audience::SeriesPoint;

fn d0() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()
}

fn series(n: usize, role: Role, base: i64) -> Vec<SeriesPoint> {
    (0..n)
        .map(|i| SeriesPoint {
            date: d0() + Duration::days(i as i64),
            followers: base + (i as i64 * 37) % 11 + i as i64 * 2,
            source: if i + 10 < n { AudienceSource::Reconstructed } else { AudienceSource::ExportSnapshot },
            lower_bound: i + 10 < n && role == Role::Pro,
        })
        .collect()
}

/// Every chart's data, with `n` points.
fn all(n: usize) -> Vec<(&'static str, ChartData)> {
    let growth = vec![
        GrowthSeries {
            label: "Pro <Co> & Sons".into(),
            role: Role::Pro,
            points: series(n, Role::Pro, 1000),
            flags: if n > 30 {
                vec![(d0() + Duration::days(20), Verdict::Suspicious), (d0() + Duration::days(25), Verdict::Explained)]
            } else {
                vec![]
            },
        },
        GrowthSeries {
            label: "perso".into(),
            role: Role::Personal,
            points: series(n.min(n / 2 + 1), Role::Personal, 200),
            flags: vec![],
        },
    ];
    let gains: Vec<GainDay> = (0..n)
        .map(|i| GainDay {
            date: d0() + Duration::days(i as i64),
            gain: (i as i64 * 7) % 13 - 3 + if i == n / 2 && n > 30 { 400 } else { 0 },
            range: (i > 14).then_some((-6.0, 14.0)),
            flag: (i == n / 2 && n > 30).then_some(Verdict::Suspicious),
            label: None,
        })
        .collect();
    let indexed: Vec<IndexedMonth> = (0..n)
        .map(|i| IndexedMonth {
            month: d0() + Duration::days(31 * i as i64),
            followers: 1000 + 40 * i as i64,
            genuine_per_post: 20.0 - (i % 5) as f64,
            posts: 6,
            followers_index: 100.0 + 4.0 * i as f64,
            genuine_index: 100.0 - (i % 5) as f64 * 5.0,
        })
        .collect();
    let posts: Vec<PostPoint> = (0..n)
        .map(|i| PostPoint {
            audience: 50 + (i as i64 * 7919) % 40_000,
            genuine: (i as i64 * 131) % 400,
            role: if i % 4 == 0 { Role::Personal } else { Role::Pro },
        })
        .collect();
    let mix: Vec<MixMonth> = (0..n)
        .map(|i| MixMonth {
            month: d0() + Duration::days(31 * i as i64),
            applause: 100 + i as i64 % 50,
            conversation: 10 + i as i64 % 7,
            amplification: 5,
            saves: 8,
        })
        .collect();
    let completion: Vec<Watched> =
        (0..n).map(|i| Watched { pct_viewed: (i * 37 % 100) as f64, views: Some(100 + i as i64 * 3) }).collect();
    let mut grid = Grid { cells: [[(0.0, 0); 24]; 7] };
    for i in 0..n {
        let c = &mut grid.cells[i % 7][(i * 5) % 24];
        c.0 += (i % 17) as f64;
        c.1 += 1;
    }
    let m = |v: f64| (n > 0).then_some(Mean { value: v, posts: n as u32 });
    let side = |role, k: f64| RoleSide {
        role,
        accounts: vec![1],
        followers: Some(1000),
        followers_gained: Some(10),
        posts: n as u32,
        likes_per_post: m(30.0),
        conversation_per_post: m(3.0),
        amplification_per_post: m(1.0),
        saves_per_post: m(2.0),
        genuine_per_1000_followers: m(4.0 * k),
        likes_per_1000_followers: m(20.0 * k),
        conversation_per_1000_followers: m(2.0 * k),
        amplification_per_1000_followers: m(0.5 * k),
        saves_per_1000_followers: m(1.0 * k),
        genuine_share: m(0.2),
        genuine_per_post_median: Some(5.0),
    };
    let history = series(n, Role::Pro, 5000);
    let forecast: Vec<ForecastPoint> = match history.last() {
        Some(last) => (1..=13)
            .map(|w| {
                let e = last.followers as f64 + 20.0 * w as f64;
                let sd = 15.0 * (w as f64).sqrt();
                ForecastPoint {
                    date: last.date + Duration::days(7 * w),
                    expected: e,
                    low80: e - 1.28 * sd,
                    high80: e + 1.28 * sd,
                    low95: e - 1.96 * sd,
                    high95: e + 1.96 * sd,
                }
            })
            .collect(),
        None => vec![],
    };
    vec![
        ("growth", ChartData::Growth(if n == 0 { vec![] } else { growth })),
        ("gains", ChartData::Gains(gains)),
        ("vanity-genuine", ChartData::Indexed(indexed)),
        ("posts", ChartData::Posts(posts)),
        ("mix", ChartData::Mix(mix)),
        ("completion", ChartData::Completion(completion)),
        ("heatmap", ChartData::Heatmap(Box::new(grid))),
        ("pro-personal", ChartData::ProPersonal(vec![side(Role::Pro, 1.0), side(Role::Personal, 3.0)])),
        ("forecast", ChartData::Forecast(history, forecast)),
    ]
}

fn opts(theme: Theme, lang: Lang) -> ChartOptions {
    ChartOptions { theme, lang, width: 800, height: 360, log_scale: false, title: Some("Title".into()) }
}

#[test]
fn svg_snapshots_of_every_chart() {
    for (name, data) in all(40) {
        let svg = String::from_utf8(draw(&data, &opts(Theme::Light, Lang::En), Format::Svg).unwrap()).unwrap();
        insta::assert_snapshot!(format!("{name}-en-light"), svg);
    }
    for (name, data) in all(40) {
        let svg = String::from_utf8(draw(&data, &opts(Theme::Dark, Lang::Fr), Format::Svg).unwrap()).unwrap();
        insta::assert_snapshot!(format!("{name}-fr-dark"), svg);
    }
}

fn distinct_colours(png_bytes: &[u8]) -> (u32, u32, usize) {
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let mut colours = std::collections::HashSet::new();
    for px in buf[..info.buffer_size()].chunks(3) {
        colours.insert((px[0], px[1], px[2]));
        if colours.len() > 50 {
            break;
        }
    }
    (info.width, info.height, colours.len())
}

#[test]
fn pngs_have_the_asked_size_and_are_not_blank() {
    for (name, data) in all(40) {
        let png = draw(&data, &opts(Theme::Light, Lang::En), Format::Png).unwrap();
        let (w, h, colours) = distinct_colours(&png);
        assert_eq!((w, h), (800, 360), "{name}");
        assert!(colours > 10, "{name} looks blank ({colours} colours)");
    }
}

#[test]
fn every_chart_survives_empty_single_and_large_data() {
    for n in [0, 1, 5000] {
        for (name, data) in all(n) {
            for format in [Format::Svg, Format::Png] {
                let out = draw(&data, &opts(Theme::Dark, Lang::Fr), format);
                assert!(out.is_ok(), "{name} with {n} points: {:?}", out.err());
            }
        }
    }
}
