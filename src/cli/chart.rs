//! `resonance chart KIND --out FILE.svg|.png`.

use super::Out;
use clap::{Args, ValueEnum};
use resonance::charts::{self, ChartOptions, Format, Theme};
use resonance::{Error, Store};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
pub enum Kind {
    /// Follower growth over time.
    Growth,
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
    /// Accounts to draw (default: all).
    #[arg(long)]
    account: Vec<i64>,
    /// First day (YYYY-MM-DD).
    #[arg(long)]
    from: Option<chrono::NaiveDate>,
    /// Last day (YYYY-MM-DD).
    #[arg(long)]
    to: Option<chrono::NaiveDate>,
    /// Logarithmic value axis.
    #[arg(long)]
    log: bool,
    #[arg(long, value_enum, default_value = "light")]
    theme: ThemeArg,
    #[arg(long, default_value_t = 1000)]
    width: u32,
    #[arg(long, default_value_t = 480)]
    height: u32,
    /// Output file; .svg or .png.
    #[arg(long)]
    out: PathBuf,
}

pub fn run(store: &Store, a: ChartArgs, out: &Out) -> Result<ExitCode, Error> {
    let format = Format::from_path(&a.out)
        .ok_or_else(|| Error::InvalidArgument(format!("{}: the output must end in .svg or .png", a.out.display())))?;
    let opts = ChartOptions {
        theme: match a.theme {
            ThemeArg::Light => Theme::Light,
            ThemeArg::Dark => Theme::Dark,
        },
        lang: out.lang,
        width: a.width.clamp(200, 4000),
        height: a.height.clamp(150, 3000),
        log_scale: a.log,
        title: None,
    };
    let bytes = match a.kind {
        Kind::Growth => {
            let series = store.read(|c| resonance::charts::data::growth_series(c, &a.account, a.from, a.to))?;
            let opts = ChartOptions { title: Some(out.t("Followers", "Abonnés").to_string()), ..opts };
            match format {
                Format::Svg => charts::growth::svg(&series, &opts)?.into_bytes(),
                Format::Png => charts::growth::png(&series, &opts)?,
            }
        }
    };
    std::fs::write(&a.out, &bytes).map_err(|e| Error::io(&a.out, e))?;
    if out.json {
        out.json(&serde_json::json!({ "file": a.out, "bytes": bytes.len() }));
    } else {
        println!("{} ({} KB)", a.out.display(), bytes.len().div_ceil(1024));
    }
    Ok(ExitCode::SUCCESS)
}
