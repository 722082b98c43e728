//! `resonance`: the command line over the Resonance core, for scripts, benchmarks and CI.
//! Every command takes `--json` for stable machine-readable output (docs/cli.md).

mod cli;

use clap::{Args, Parser, Subcommand, ValueEnum};
use resonance::{Error, Lang};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "resonance", version, about = "Is your audience real? Import your social exports and see.")]
struct Cli {
    /// Database file (default: the OS data folder; env RESONANCE_DB).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Machine-readable JSON on stdout.
    #[arg(long, global = true)]
    json: bool,
    /// Language of messages (default: from the environment).
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    En,
    Fr,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum RoleArg {
    Pro,
    Personal,
}

impl From<RoleArg> for resonance::model::Role {
    fn from(r: RoleArg) -> Self {
        match r {
            RoleArg::Pro => resonance::model::Role::Pro,
            RoleArg::Personal => resonance::model::Role::Personal,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Load the demo dataset (a fictional creator's exports), or remove it.
    Demo {
        /// Remove the demo accounts and their data instead.
        #[arg(long)]
        remove: bool,
    },
    /// Import exports: zips as downloaded, unzipped folders or single files.
    Import(ImportArgs),
    /// List the accounts.
    Accounts,
    /// Change an account's role or label.
    Account {
        id: i64,
        #[arg(long, value_enum)]
        role: Option<RoleArg>,
        /// The owner's name for the account ("" removes it).
        #[arg(long)]
        label: Option<String>,
    },
    /// The follower history of an account.
    Followers {
        #[arg(long)]
        account: i64,
        /// Which count: followers (default), following or connections.
        #[arg(long, value_enum, default_value = "followers")]
        metric: MetricArg,
    },
    /// The posts of an account with their latest numbers.
    Posts {
        #[arg(long)]
        account: i64,
        /// At most this many posts (newest first).
        #[arg(long)]
        limit: Option<usize>,
    },
    /// Where each account stands and how it moved: vanity and genuine over a period.
    Summary {
        #[arg(long)]
        account: Option<i64>,
        /// First day of the period (default: 90 days before its end).
        #[arg(long)]
        from: Option<chrono::NaiveDate>,
        /// Last day of the period (default: the account's last day of data).
        #[arg(long)]
        to: Option<chrono::NaiveDate>,
    },
    /// Flagged days of an account's follower history, each explained or not, and the checklist.
    Authenticity {
        #[arg(long)]
        account: i64,
    },
    /// Followers shared by accounts of the same platform.
    Overlap,
    /// Pro against personal, side by side.
    Compare {
        /// Length of the period, in days, ending on the latest data.
        #[arg(long, default_value_t = 90)]
        days: i64,
    },
    /// Insights in plain words.
    Insights,
    /// Everything the engine computes for one account (periods, contrast, authenticity, outlook, benchmarks).
    Analyse {
        #[arg(long)]
        account: i64,
    },
    /// Note what happened on a day (a giveaway, a press article…); flagged days consider it.
    Annotate {
        #[arg(long)]
        account: Option<i64>,
        /// The day (YYYY-MM-DD).
        #[arg(long)]
        day: chrono::NaiveDate,
        #[arg(long, value_enum)]
        kind: KindArg,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// The import ledger.
    Imports,
    /// Draw a chart to an SVG or PNG file.
    Chart(cli::chart::ChartArgs),
    /// Add a Bluesky or Mastodon account by its handle, and take a first live snapshot.
    Add(cli::sync::AddArgs),
    /// Take a live snapshot (counts and posts) of Bluesky and Mastodon accounts.
    Sync(cli::sync::SyncArgs),
    /// Copy the database to a file (SQLite online backup: safe while the app runs).
    Backup {
        /// The backup file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Replace the database with a backup; what it held before is saved beside it first.
    Restore {
        /// A backup made by `resonance backup` or the app (an older schema is migrated).
        file: PathBuf,
    },
    /// Write a self-contained HTML report (printable to PDF), the charts as PNG and their data as CSV.
    Report {
        #[arg(long)]
        from: Option<chrono::NaiveDate>,
        #[arg(long)]
        to: Option<chrono::NaiveDate>,
        /// The folder to write into (created if needed).
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum KindArg {
    Giveaway,
    Press,
    Shoutout,
    Ads,
    Collaboration,
    Event,
    Other,
}

#[derive(Clone, Copy, ValueEnum)]
enum MetricArg {
    Followers,
    Following,
    Connections,
}

#[derive(Args)]
struct ImportArgs {
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Pro or personal, for the account(s) these files belong to.
    #[arg(long, value_enum)]
    role: Option<RoleArg>,
    /// Attach files that do not name their account to this account.
    #[arg(long)]
    account: Option<i64>,
    /// Only say what the files are; write nothing.
    #[arg(long)]
    inspect: bool,
    /// Show a CSV's columns, first rows and the suggested mapping (for --map); write nothing.
    #[arg(long)]
    preview: bool,
    /// Read a CSV from any platform by mapping its columns to generic fields: FIELD=HEADER, e.g.
    /// `--map date=Jour --map followers=Abonnés` (fields in docs/generic-csv.md). Repeatable.
    #[arg(long = "map", value_name = "FIELD=HEADER")]
    map: Vec<String>,
    /// With --map: the platform the numbers come from (default: other).
    #[arg(long, default_value = "other")]
    platform: String,
    /// With --map: the account's name on that platform.
    #[arg(long)]
    handle: Option<String>,
    /// With --map: dates like 03/04/2026 are day first (3 April).
    #[arg(long)]
    day_first: bool,
}

impl ImportArgs {
    fn mapping(&self) -> Result<Option<resonance::import::generic::ColumnMapping>, Error> {
        use resonance::import::generic::{ColumnMapping, GenericField, MappedColumn};
        if self.map.is_empty() {
            if self.handle.is_some() || self.day_first || self.platform != "other" {
                return Err(Error::InvalidArgument(
                    "--platform, --handle and --day-first apply to a mapped CSV: add --map FIELD=HEADER".into(),
                ));
            }
            return Ok(None);
        }
        let mut columns = Vec::new();
        for m in &self.map {
            let Some((field, header)) = m.split_once('=') else {
                return Err(Error::InvalidArgument(format!("--map {m}: expected FIELD=HEADER")));
            };
            let Some(field) = GenericField::from_name(field) else {
                let known: Vec<&str> = GenericField::ALL.iter().map(|f| f.name()).collect();
                return Err(Error::InvalidArgument(format!(
                    "--map {m}: unknown field {field:?} (one of {})",
                    known.join(", ")
                )));
            };
            columns.push(MappedColumn { header: header.trim().to_string(), field });
        }
        let platform = self
            .platform
            .trim()
            .to_lowercase()
            .parse()
            .map_err(|e: String| Error::InvalidArgument(format!("--platform: {e}")))?;
        Ok(Some(ColumnMapping { columns, platform, handle: self.handle.clone(), day_first: self.day_first }))
    }
}

/// `resonance … | head` closes stdout early: stop quietly, as command-line tools do, instead of
/// panicking with a backtrace.
fn quiet_on_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let text = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if text.contains("failed printing to stdout") && text.contains("Broken pipe") {
            std::process::exit(141); // 128 + SIGPIPE, what a shell reports for a closed pipe
        }
        default(info);
    }));
}

fn main() -> ExitCode {
    quiet_on_broken_pipe();
    let cli = Cli::parse();
    let lang = match cli.lang {
        Some(LangArg::Fr) => Lang::Fr,
        Some(LangArg::En) => Lang::En,
        None => Lang::from_env(),
    };
    let out = cli::Out { json: cli.json, lang, progress: std::io::stderr().is_terminal() && !cli.json };
    let db = cli.db.clone().unwrap_or_else(resonance::store::default_db_path);
    match run(cli.command, &db, &out) {
        Ok(code) => code,
        Err(e) => {
            out.error(&e);
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command, db: &std::path::Path, out: &cli::Out) -> Result<ExitCode, Error> {
    use resonance::model::AudienceMetric;
    let store = || resonance::Store::open(db);
    match command {
        Command::Demo { remove } => cli::commands::demo(&store()?, remove, out),
        Command::Import(a) => {
            let mapping = a.mapping()?;
            if a.preview {
                cli::commands::preview(&a.paths, out)
            } else if a.inspect {
                cli::commands::inspect(&store()?, &a.paths, mapping.as_ref(), out)
            } else {
                cli::commands::import(&store()?, &a.paths, a.role.map(Into::into), a.account, mapping, out)
            }
        }
        Command::Accounts => cli::commands::accounts(&store()?, out),
        Command::Account { id, role, label } => cli::commands::account(&store()?, id, role.map(Into::into), label, out),
        Command::Followers { account, metric } => {
            let metric = match metric {
                MetricArg::Followers => AudienceMetric::Followers,
                MetricArg::Following => AudienceMetric::Following,
                MetricArg::Connections => AudienceMetric::Connections,
            };
            cli::commands::followers(&store()?, account, metric, out)
        }
        Command::Posts { account, limit } => cli::commands::posts(&store()?, account, limit, out),
        Command::Summary { account, from, to } => cli::commands::summary(&store()?, account, from, to, out),
        Command::Authenticity { account } => cli::analysis::authenticity(&store()?, account, out),
        Command::Overlap => cli::analysis::overlap(&store()?, out),
        Command::Compare { days } => cli::analysis::compare(&store()?, days, out),
        Command::Insights => cli::analysis::insights(&store()?, out),
        Command::Analyse { account } => cli::analysis::analyse(&store()?, account, out),
        Command::Annotate { account, day, kind, note } => {
            let kind = match kind {
                KindArg::Giveaway => "giveaway",
                KindArg::Press => "press",
                KindArg::Shoutout => "shoutout",
                KindArg::Ads => "ads",
                KindArg::Collaboration => "collaboration",
                KindArg::Event => "event",
                KindArg::Other => "other",
            };
            cli::analysis::annotate(&store()?, account, day, kind, &note, out)
        }
        Command::Imports => cli::commands::imports(&store()?, out),
        Command::Chart(args) => cli::chart::run(&store()?, args, out),
        Command::Add(args) => cli::sync::add(&store()?, args, out),
        Command::Sync(args) => cli::sync::sync(&store()?, args, out),
        Command::Backup { out: file, force } => cli::backup::backup(&store()?, &file, force, out),
        Command::Restore { file } => cli::backup::restore(&store()?, &file, out),
        Command::Report { from, to, out: dir } => {
            let opts = resonance::report::ReportOptions { lang: out.lang, from, to };
            let written = store()?.read(|c| resonance::report::write(c, &dir, &opts))?;
            if out.json {
                out.json(&written);
            } else {
                println!("{} ({} {})", written.html.display(), written.files.len(), out.t("files", "fichiers"));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
