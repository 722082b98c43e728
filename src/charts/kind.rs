//! The nine charts by name, the data behind each read from the store, and each chart's table
//! (for CSV exports and as the text alternative of the picture). The app, the CLI and the report
//! all go through [`render`] and [`table`].

use super::completion::Watched;
use super::gains::GainDay;
use super::growth::GrowthSeries;
use super::heatmap::Grid;
use super::mix::MixMonth;
use super::posts::PostPoint;
use super::{ChartOptions, Format};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::metrics::authenticity::{self, EvidenceKind, Verdict};
use crate::metrics::compare::{RoleSide, role_side};
use crate::metrics::data::{AccountData, PostWindow};
use crate::metrics::{contrast, outlook, post};
use crate::model::Role;
use crate::store::accounts::AccountSummary;
use crate::store::audience::SeriesPoint;
use chrono::{Datelike, Duration, NaiveDate, Timelike};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum ChartKind {
    Growth,
    Gains,
    VanityGenuine,
    Posts,
    Mix,
    Completion,
    Heatmap,
    ProPersonal,
    Forecast,
}

impl ChartKind {
    pub const ALL: [ChartKind; 9] = [
        ChartKind::Growth,
        ChartKind::Gains,
        ChartKind::VanityGenuine,
        ChartKind::Posts,
        ChartKind::Mix,
        ChartKind::Completion,
        ChartKind::Heatmap,
        ChartKind::ProPersonal,
        ChartKind::Forecast,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ChartKind::Growth => "growth",
            ChartKind::Gains => "gains",
            ChartKind::VanityGenuine => "vanity-genuine",
            ChartKind::Posts => "posts",
            ChartKind::Mix => "mix",
            ChartKind::Completion => "completion",
            ChartKind::Heatmap => "heatmap",
            ChartKind::ProPersonal => "pro-personal",
            ChartKind::Forecast => "forecast",
        }
    }

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            ChartKind::Growth => lang.pick("Followers over time", "Abonnés dans le temps"),
            ChartKind::Gains => lang
                .pick("Daily follower changes and their expected range", "Variations quotidiennes et plage attendue"),
            ChartKind::VanityGenuine => lang.pick(
                "Followers against genuine interactions (100 = start)",
                "Abonnés face aux interactions réelles (100 = départ)",
            ),
            ChartKind::Posts => lang.pick(
                "Posts: audience against genuine interactions",
                "Publications : audience et interactions réelles",
            ),
            ChartKind::Mix => lang.pick("Interaction mix per month", "Répartition des interactions par mois"),
            ChartKind::Completion => {
                lang.pick("How much of the videos people watched", "Quelle part des vidéos a été regardée")
            }
            ChartKind::Heatmap => lang.pick("When the audience talks back", "Quand l'audience répond"),
            ChartKind::ProPersonal => {
                lang.pick("Pro against personal, per 1,000 followers", "Pro face au perso, pour 1 000 abonnés")
            }
            ChartKind::Forecast => lang.pick("Followers in 90 days", "Abonnés dans 90 jours"),
        }
    }

    /// Charts of one account (the others take several, or all).
    pub fn single_account(self) -> bool {
        matches!(self, ChartKind::Gains | ChartKind::VanityGenuine | ChartKind::Forecast)
    }
}

impl std::str::FromStr for ChartKind {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        ChartKind::ALL.into_iter().find(|k| k.id() == s).ok_or_else(|| format!("unknown chart {s:?}"))
    }
}

/// What to draw.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChartRequest {
    pub kind: ChartKind,
    /// Accounts to draw; all when empty (single-account charts take the first pro account then).
    #[serde(default)]
    pub accounts: Vec<i64>,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub from: Option<NaiveDate>,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub to: Option<NaiveDate>,
}

fn in_range(d: NaiveDate, r: &ChartRequest) -> bool {
    r.from.is_none_or(|f| d >= f) && r.to.is_none_or(|t| d <= t)
}

/// The accounts a chart of several draws: those asked for, or every account, in the order of
/// `accounts::list`.
pub fn selected_ids(conn: &Connection, r: &ChartRequest) -> Result<Vec<i64>> {
    let mut ids = crate::store::accounts::ids(conn)?;
    if !r.accounts.is_empty() {
        ids.retain(|id| r.accounts.contains(id));
    }
    Ok(ids)
}

fn selected(conn: &Connection, r: &ChartRequest) -> Result<Vec<AccountData>> {
    if r.accounts.is_empty() {
        return AccountData::load_all(conn);
    }
    // Only the accounts asked for (an overview card asks for one): loading every account's posts
    // to keep one took seconds on a large history.
    selected_ids(conn, r)?.into_iter().map(|id| AccountData::load(conn, id)).collect()
}

/// One account's line of the growth chart: its follower series and flagged days within the
/// request's period.
pub fn growth_series(
    account: &AccountSummary,
    series: &[SeriesPoint],
    flagged: &[authenticity::FlaggedDay],
    r: &ChartRequest,
) -> GrowthSeries {
    GrowthSeries {
        label: super::data::account_label(account),
        role: account.role,
        points: series.iter().filter(|p| in_range(p.date, r)).cloned().collect(),
        flags: flagged.iter().filter(|f| in_range(f.date, r)).map(|f| (f.date, f.verdict)).collect(),
    }
}

/// Like [`selected`], for the charts drawn from posts alone (scatter, mix, completion, heat
/// map): over every account, without the account-level daily metrics and follow
/// changes, and only the posts from the request's first day when it has one.
fn selected_posts(conn: &Connection, r: &ChartRequest) -> Result<Vec<AccountData>> {
    if r.accounts.is_empty() {
        return AccountData::load_all_since(conn, r.from.map(PostWindow::Since), false);
    }
    selected(conn, r)
}

fn one(conn: &Connection, r: &ChartRequest) -> Result<Option<AccountData>> {
    let id = match r.accounts.first() {
        Some(id) => Some(*id),
        None => crate::store::accounts::ids(conn)?.into_iter().next(),
    };
    id.map(|id| AccountData::load(conn, id)).transpose()
}

/// The short reason shown next to an explained day.
fn reason(f: &authenticity::FlaggedDay, lang: Lang) -> Option<String> {
    let e = f.evidence.iter().find(|e| e.explains)?;
    Some(
        match e.kind {
            EvidenceKind::ViralPost => lang.pick("viral post", "publication virale"),
            EvidenceKind::FollowsFromPosts => lang.pick("posts", "publications"),
            EvidenceKind::ReachSpike => lang.pick("reach", "portée"),
            EvidenceKind::Annotation => lang.pick("your note", "votre note"),
            EvidenceKind::PlatformEvent => lang.pick("platform", "plateforme"),
            _ => return None,
        }
        .to_string(),
    )
}

/// The data a chart draws, assembled from the store.
pub enum ChartData {
    Growth(Vec<GrowthSeries>),
    Gains(Vec<GainDay>),
    Indexed(Vec<contrast::IndexedMonth>),
    Posts(Vec<PostPoint>),
    Mix(Vec<MixMonth>),
    Completion(Vec<Watched>),
    Heatmap(Box<Grid>),
    ProPersonal(Vec<RoleSide>),
    Forecast(Vec<crate::store::audience::SeriesPoint>, Vec<outlook::ForecastPoint>),
}

pub fn data(conn: &Connection, r: &ChartRequest, lang: Lang) -> Result<ChartData> {
    Ok(match r.kind {
        ChartKind::Growth => {
            let mut out = Vec::new();
            for a in selected(conn, r)? {
                let cohorts = authenticity::cohorts(conn, a.account.id)?;
                let flagged = authenticity::analyse(&a, &cohorts, lang).report.flagged;
                out.push(growth_series(&a.account, &a.series, &flagged, r));
            }
            ChartData::Growth(out)
        }
        ChartKind::Gains => {
            let Some(a) = one(conn, r)? else { return Ok(ChartData::Gains(Vec::new())) };
            let cohorts = authenticity::cohorts(conn, a.account.id)?;
            let analysed = authenticity::analyse(&a, &cohorts, lang);
            let days = analysed
                .gains
                .iter()
                .zip(&analysed.ranges)
                .filter(|(g, _)| in_range(g.date, r))
                .map(|(g, range)| {
                    let flag = analysed.report.flagged.iter().find(|f| f.date == g.date);
                    GainDay {
                        date: g.date,
                        gain: g.gain,
                        range: *range,
                        flag: flag.map(|f| f.verdict),
                        label: flag.filter(|f| f.verdict == Verdict::Explained).and_then(|f| reason(f, lang)),
                    }
                })
                .collect();
            ChartData::Gains(days)
        }
        ChartKind::VanityGenuine => {
            let Some(a) = one(conn, r)? else { return Ok(ChartData::Indexed(Vec::new())) };
            ChartData::Indexed(contrast::indexed(&a).into_iter().filter(|m| in_range(m.month, r)).collect())
        }
        ChartKind::Posts => ChartData::Posts(
            selected_posts(conn, r)?
                .iter()
                .flat_map(|a| {
                    a.posts.iter().filter(|p| p.day().is_some_and(|d| in_range(d, r))).filter_map(|p| {
                        Some(PostPoint {
                            audience: post::audience(&p.metrics)?,
                            genuine: post::genuine(&p.metrics)?,
                            role: a.account.role,
                        })
                    })
                })
                .collect(),
        ),
        ChartKind::Mix => {
            let mut months: std::collections::BTreeMap<NaiveDate, MixMonth> = std::collections::BTreeMap::new();
            for a in selected_posts(conn, r)? {
                for p in a.posts.iter().filter(|p| p.day().is_some_and(|d| in_range(d, r))) {
                    let Some(d) = p.day() else { continue };
                    let m = NaiveDate::from_ymd_opt(d.year(), d.month(), 1).unwrap_or(d);
                    let e = months.entry(m).or_insert(MixMonth {
                        month: m,
                        applause: 0,
                        conversation: 0,
                        amplification: 0,
                        saves: 0,
                    });
                    e.applause += post::applause(&p.metrics).unwrap_or(0);
                    e.conversation += post::conversation(&p.metrics).unwrap_or(0);
                    e.amplification += post::amplification(&p.metrics).unwrap_or(0);
                    e.saves += post::saves(&p.metrics).unwrap_or(0);
                }
            }
            ChartData::Mix(months.into_values().collect())
        }
        ChartKind::Completion => ChartData::Completion(
            selected_posts(conn, r)?
                .iter()
                .flat_map(|a| {
                    a.posts
                        .iter()
                        .filter(|p| p.day().is_some_and(|d| in_range(d, r)))
                        .filter_map(|p| Some(Watched { pct_viewed: p.metrics.avg_pct_viewed?, views: p.metrics.views }))
                })
                .collect(),
        ),
        ChartKind::Heatmap => {
            let mut sums = [[(0.0f64, 0u32); 24]; 7];
            for a in selected_posts(conn, r)? {
                for p in &a.posts {
                    let (Some(t), Some(g)) = (p.timed(), post::genuine(&p.metrics)) else { continue };
                    if !in_range(t.date_naive(), r) {
                        continue;
                    }
                    let cell = &mut sums[t.weekday().num_days_from_monday() as usize][t.hour() as usize];
                    cell.0 += g as f64;
                    cell.1 += 1;
                }
            }
            for row in &mut sums {
                for c in row.iter_mut() {
                    if c.1 > 0 {
                        c.0 /= f64::from(c.1);
                    }
                }
            }
            ChartData::Heatmap(Box::new(Grid { cells: sums }))
        }
        ChartKind::ProPersonal => {
            // Every post (the period ends at the last day of any data), no daily metrics.
            let all = if r.accounts.is_empty() {
                AccountData::load_all_since(conn, None, false)?
            } else {
                selected(conn, r)?
            };
            let to =
                r.to.or_else(|| all.iter().filter_map(AccountData::last_day).max())
                    .unwrap_or_else(|| chrono::Utc::now().date_naive());
            let from = r.from.unwrap_or(to - Duration::days(89));
            let sides = [Role::Pro, Role::Personal]
                .into_iter()
                .map(|role| {
                    let accounts: Vec<&AccountData> = all.iter().filter(|a| a.account.role == role).collect();
                    role_side(role, &accounts, from, to)
                })
                .filter(|s| !s.accounts.is_empty())
                .collect();
            ChartData::ProPersonal(sides)
        }
        ChartKind::Forecast => {
            let Some(a) = one(conn, r)? else { return Ok(ChartData::Forecast(Vec::new(), Vec::new())) };
            let cohorts = authenticity::cohorts(conn, a.account.id)?;
            let analysed = authenticity::analyse(&a, &cohorts, lang);
            let o = outlook::outlook(&a.series, &analysed.gains, &analysed.cleaned);
            ChartData::Forecast(a.series.clone(), o.forecast)
        }
    })
}

/// Draws `data` in `format`.
pub fn draw(data: &ChartData, opts: &ChartOptions, format: Format) -> Result<Vec<u8>> {
    use super::*;
    let bytes = match (data, format) {
        (ChartData::Growth(d), Format::Svg) => growth::svg(d, opts)?.into_bytes(),
        (ChartData::Growth(d), Format::Png) => growth::png(d, opts)?,
        (ChartData::Gains(d), Format::Svg) => gains::svg(d, opts)?.into_bytes(),
        (ChartData::Gains(d), Format::Png) => gains::png(d, opts)?,
        (ChartData::Indexed(d), Format::Svg) => indexed::svg(d, opts)?.into_bytes(),
        (ChartData::Indexed(d), Format::Png) => indexed::png(d, opts)?,
        (ChartData::Posts(d), Format::Svg) => posts::svg(d, opts)?.into_bytes(),
        (ChartData::Posts(d), Format::Png) => posts::png(d, opts)?,
        (ChartData::Mix(d), Format::Svg) => mix::svg(d, opts)?.into_bytes(),
        (ChartData::Mix(d), Format::Png) => mix::png(d, opts)?,
        (ChartData::Completion(d), Format::Svg) => completion::svg(d, opts)?.into_bytes(),
        (ChartData::Completion(d), Format::Png) => completion::png(d, opts)?,
        (ChartData::Heatmap(d), Format::Svg) => heatmap::svg(d, opts)?.into_bytes(),
        (ChartData::Heatmap(d), Format::Png) => heatmap::png(d, opts)?,
        (ChartData::ProPersonal(d), Format::Svg) => pro_personal::svg(d, opts)?.into_bytes(),
        (ChartData::ProPersonal(d), Format::Png) => pro_personal::png(d, opts)?,
        (ChartData::Forecast(h, f), Format::Svg) => forecast::svg(h, f, opts)?.into_bytes(),
        (ChartData::Forecast(h, f), Format::Png) => forecast::png(h, f, opts)?,
    };
    Ok(bytes)
}

/// Reads the data and draws the chart.
pub fn render(conn: &Connection, r: &ChartRequest, opts: &ChartOptions, format: Format) -> Result<Vec<u8>> {
    if opts.width < 120 || opts.height < 80 || opts.width > 6000 || opts.height > 6000 {
        return Err(Error::InvalidArgument(format!("chart size {}×{} out of range", opts.width, opts.height)));
    }
    draw(&data(conn, r, opts.lang)?, opts, format)
}

/// The table behind a chart: the same numbers, for a CSV file and as the picture's text
/// alternative. Unknown values are empty cells.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// RFC 4180 CSV. Cells that a spreadsheet would run as a formula are prefixed with `'`.
    pub fn to_csv(&self) -> String {
        let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
        let safe = |c: &String| {
            if c.starts_with(['=', '+', '@', '\t', '\r']) || (c.starts_with('-') && c.parse::<f64>().is_err()) {
                format!("'{c}")
            } else {
                c.clone()
            }
        };
        let _ = w.write_record(self.headers.iter().map(safe));
        for r in &self.rows {
            let _ = w.write_record(r.iter().map(safe));
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

pub fn table(data: &ChartData, lang: Lang) -> Table {
    let h = |v: &[(&str, &str)]| v.iter().map(|(en, fr)| lang.pick(en, fr).to_string()).collect::<Vec<_>>();
    match data {
        ChartData::Growth(series) => Table {
            headers: h(&[
                ("account", "compte"),
                ("date", "date"),
                ("followers", "abonnés"),
                ("source", "source"),
                ("lower bound", "minimum"),
            ]),
            rows: series
                .iter()
                .flat_map(|s| {
                    s.points.iter().map(|p| {
                        vec![
                            s.label.clone(),
                            p.date.to_string(),
                            p.followers.to_string(),
                            p.source.to_string(),
                            p.lower_bound.to_string(),
                        ]
                    })
                })
                .collect(),
        },
        ChartData::Gains(days) => Table {
            headers: h(&[
                ("date", "date"),
                ("net change", "variation nette"),
                ("expected low", "attendu bas"),
                ("expected high", "attendu haut"),
                ("verdict", "verdict"),
            ]),
            rows: days
                .iter()
                .map(|d| {
                    vec![
                        d.date.to_string(),
                        d.gain.to_string(),
                        opt(d.range.map(|r| format!("{:.1}", r.0))),
                        opt(d.range.map(|r| format!("{:.1}", r.1))),
                        opt(d.flag.map(|v| match v {
                            Verdict::Suspicious => "suspicious",
                            Verdict::Explained => "explained",
                        })),
                    ]
                })
                .collect(),
        },
        ChartData::Indexed(months) => Table {
            headers: h(&[
                ("month", "mois"),
                ("followers", "abonnés"),
                ("median genuine per post", "médiane des interactions réelles par publication"),
                ("posts", "publications"),
                ("followers index", "indice abonnés"),
                ("genuine index", "indice interactions réelles"),
            ]),
            rows: months
                .iter()
                .map(|m| {
                    vec![
                        m.month.to_string(),
                        m.followers.to_string(),
                        format!("{:.1}", m.genuine_per_post),
                        m.posts.to_string(),
                        format!("{:.1}", m.followers_index),
                        format!("{:.1}", m.genuine_index),
                    ]
                })
                .collect(),
        },
        ChartData::Posts(points) => Table {
            headers: h(&[("role", "rôle"), ("audience", "audience"), ("genuine interactions", "interactions réelles")]),
            rows: points
                .iter()
                .map(|p| vec![p.role.to_string(), p.audience.to_string(), p.genuine.to_string()])
                .collect(),
        },
        ChartData::Mix(months) => Table {
            headers: h(&[
                ("month", "mois"),
                ("applause", "applaudissements"),
                ("conversation", "conversation"),
                ("amplification", "amplification"),
                ("saves", "enregistrements"),
            ]),
            rows: months
                .iter()
                .map(|m| {
                    vec![
                        m.month.to_string(),
                        m.applause.to_string(),
                        m.conversation.to_string(),
                        m.amplification.to_string(),
                        m.saves.to_string(),
                    ]
                })
                .collect(),
        },
        ChartData::Completion(videos) => Table {
            headers: h(&[("average % viewed", "% moyen regardé"), ("views", "vues")]),
            rows: videos.iter().map(|v| vec![format!("{:.1}", v.pct_viewed), opt(v.views)]).collect(),
        },
        ChartData::Heatmap(grid) => Table {
            headers: h(&[
                ("weekday (1 = Monday)", "jour (1 = lundi)"),
                ("hour (UTC)", "heure (UTC)"),
                ("mean genuine per post", "interactions réelles moyennes"),
                ("posts", "publications"),
            ]),
            rows: (0..7)
                .flat_map(|d| (0..24).map(move |hr| (d, hr)))
                .filter(|(d, hr)| grid.cells[*d][*hr].1 > 0)
                .map(|(d, hr)| {
                    vec![
                        (d + 1).to_string(),
                        hr.to_string(),
                        format!("{:.1}", grid.cells[d][hr].0),
                        grid.cells[d][hr].1.to_string(),
                    ]
                })
                .collect(),
        },
        ChartData::ProPersonal(sides) => Table {
            headers: h(&[
                ("role", "rôle"),
                ("posts", "publications"),
                ("likes per post per 1,000 followers", "j'aime par publication pour 1 000 abonnés"),
                ("conversation per 1,000", "conversation pour 1 000"),
                ("amplification per 1,000", "amplification pour 1 000"),
                ("saves per 1,000", "enregistrements pour 1 000"),
            ]),
            rows: sides
                .iter()
                .map(|s| {
                    let f = |m: Option<crate::metrics::engagement::Mean>| opt(m.map(|m| format!("{:.2}", m.value)));
                    vec![
                        s.role.to_string(),
                        s.posts.to_string(),
                        f(s.likes_per_1000_followers),
                        f(s.conversation_per_1000_followers),
                        f(s.amplification_per_1000_followers),
                        f(s.saves_per_1000_followers),
                    ]
                })
                .collect(),
        },
        ChartData::Forecast(_, f) => Table {
            headers: h(&[
                ("date", "date"),
                ("expected", "prévision"),
                ("low 80 %", "bas 80 %"),
                ("high 80 %", "haut 80 %"),
                ("low 95 %", "bas 95 %"),
                ("high 95 %", "haut 95 %"),
            ]),
            rows: f
                .iter()
                .map(|p| {
                    vec![
                        p.date.to_string(),
                        format!("{:.0}", p.expected),
                        format!("{:.0}", p.low80),
                        format!("{:.0}", p.high80),
                        format!("{:.0}", p.low95),
                        format!("{:.0}", p.high95),
                    ]
                })
                .collect(),
        },
    }
}
