//! `resonance chart KIND --out FILE.svg|.png`.

use super::Out;
use clap::{Args, ValueEnum};
use resonance::charts::kind::{ChartKind, ChartRequest, render};
use resonance::charts::{ChartOptions, Format, Theme};
use resonance::{Error, Store};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
pub enum Kind {
    /// 1. Follower growth over time.
    Growth,
    /// 2. Daily net gains with the expected range.
    Gains,
    /// 3. Vanity against genuine, indexed.
    VanityGenuine,
    /// 4. Posts: audience against genuine interactions.
    Posts,
    /// 5. Interaction mix per month.
    Mix,
    /// 6. Watch completion.
    Completion,
    /// 7. Posting-time heat map.
    Heatmap,
    /// 8. Pro against personal.
    ProPersonal,
    /// 9. Forecast with its uncertainty band.
    Forecast,
}

impl From<Kind> for ChartKind {
    fn from(k: Kind) -> Self {
        match k {
            Kind::Growth => ChartKind::Growth,
            Kind::Gains => ChartKind::Gains,
            Kind::VanityGenuine => ChartKind::VanityGenuine,
            Kind::Posts => ChartKind::Posts,
            Kind::Mix => ChartKind::Mix,
            Kind::Completion => ChartKind::Completion,
            Kind::Heatmap => ChartKind::Heatmap,
            Kind::ProPersonal => ChartKind::ProPersonal,
            Kind::Forecast => ChartKind::Forecast,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ThemeArg {
    Light,
    Dark,
}

#[derive(Args)]
pub struct ChartArgs {
    #[arg(value_enum)]
    kind: Kind,
    /// Accounts to draw (default: all; one-account charts take the first pro account).
    #[arg(long)]
    account: Vec<i64>,
    /// First day (YYYY-MM-DD).
    #[arg(long)]
    from: Option<chrono::NaiveDate>,
    /// Last day (YYYY-MM-DD).
    #[arg(long)]
    to: Option<chrono::NaiveDate>,
    /// Logarithmic value axis (growth).
    #[arg(long)]
    log: bool,
    #[arg(long, value_enum, default_value = "light")]
    theme: ThemeArg,
    #[arg(long, default_value_t = 1000)]
    width: u32,
    #[arg(long, default_value_t = 480)]
    height: u32,
    /// Draw the chart's title in the picture.
    #[arg(long)]
    title: bool,
    /// Output file; .svg or .png.
    #[arg(long)]
    out: PathBuf,
}

pub fn run(store: &Store, a: ChartArgs, out: &Out) -> Result<ExitCode, Error> {
    let format = Format::from_path(&a.out)
        .ok_or_else(|| Error::InvalidArgument(format!("{}: the output must end in .svg or .png", a.out.display())))?;
    let kind: ChartKind = a.kind.into();
    let opts = ChartOptions {
        theme: match a.theme {
            ThemeArg::Light => Theme::Light,
            ThemeArg::Dark => Theme::Dark,
        },
        lang: out.lang,
        width: a.width.clamp(200, 4000),
        height: a.height.clamp(150, 3000),
        log_scale: a.log,
        title: a.title.then(|| kind.title(out.lang).to_string()),
    };
    let request = ChartRequest { kind, accounts: a.account, from: a.from, to: a.to };
    let bytes = store.read(|c| render(c, &request, &opts, format))?;
    std::fs::write(&a.out, &bytes).map_err(|e| Error::io(&a.out, e))?;
    if out.json {
        out.json(&serde_json::json!({ "file": a.out, "bytes": bytes.len() }));
    } else {
        println!("{} ({} KB)", a.out.display(), bytes.len().div_ceil(1024));
    }
    Ok(ExitCode::SUCCESS)
}
