//! Everything the engine says about one account, and the checklist of verifiable signals that
//! stands in for an opaque "authenticity score".

use crate::error::Result;
use crate::i18n::Lang;
use crate::metrics::authenticity::{self, Authenticity, EvidenceKind, Verdict};
use crate::metrics::benchmarks::{self, BenchmarkComparison};
use crate::metrics::contrast::{self, Gap, IndexedMonth, LedgerRow};
use crate::metrics::data::AccountData;
use crate::metrics::engagement::{PeriodStats, period_stats};
use crate::metrics::growth::{Growth, growth_over, value_at};
use crate::metrics::outlook::{self, Outlook};
use crate::store::accounts::AccountSummary;
use chrono::{Duration, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SignalStatus {
    Ok,
    Warning,
    /// The data needed is not there.
    Unknown,
}

/// One verifiable signal of the checklist.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Signal {
    pub id: String,
    pub title: String,
    pub value: String,
    pub status: SignalStatus,
    pub detail: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AccountAnalysis {
    pub account: AccountSummary,
    /// The last day of the account's data: periods end there.
    #[ts(type = "string | null")]
    pub last_day: Option<NaiveDate>,
    /// Days between the last data and today.
    pub data_age_days: Option<i64>,
    pub growth_30d: Option<Growth>,
    pub growth_90d: Option<Growth>,
    pub growth_365d: Option<Growth>,
    /// The last 90 days, and the 90 days before.
    pub period: Option<PeriodStats>,
    pub previous: Option<PeriodStats>,
    pub indexed: Vec<IndexedMonth>,
    pub gap: Option<Gap>,
    pub authenticity: Authenticity,
    pub outlook: Outlook,
    pub checklist: Vec<Signal>,
    pub benchmarks: Vec<BenchmarkComparison>,
    pub top_posts: Vec<LedgerRow>,
}

/// Analyses one account, periods ending on `to` (default: the account's last day of data).
pub fn analyse(conn: &Connection, id: i64, lang: Lang, to: Option<NaiveDate>) -> Result<AccountAnalysis> {
    let data = AccountData::load(conn, id)?;
    let cohorts = authenticity::cohorts(conn, id)?;
    let mut a = analyse_data(&data, &cohorts, lang, to, chrono::Utc::now().date_naive());
    crate::store::posts::attach_links(conn, &mut a.top_posts)?;
    Ok(a)
}

pub fn analyse_data(
    data: &AccountData,
    cohorts: &authenticity::Cohorts,
    lang: Lang,
    to: Option<NaiveDate>,
    today: NaiveDate,
) -> AccountAnalysis {
    let last_day = data.last_day();
    let end = to.or(last_day);
    let (period, previous) = match end {
        Some(e) => (
            Some(period_stats(data, e - Duration::days(89), e)),
            Some(period_stats(data, e - Duration::days(179), e - Duration::days(90))),
        ),
        None => (None, None),
    };
    let authenticity::Analysed { report: auth, gains, cleaned, .. } = authenticity::analyse(data, cohorts, lang);
    let outlook = outlook::outlook(&data.series, &gains, &cleaned);
    let gap = end.and_then(|e| contrast::gap_at(data, e));
    let mut a = AccountAnalysis {
        account: data.account.clone(),
        last_day,
        data_age_days: last_day.map(|d| (today - d).num_days()),
        growth_30d: growth_over(&data.series, 30),
        growth_90d: growth_over(&data.series, 90),
        growth_365d: growth_over(&data.series, 365),
        period,
        previous,
        indexed: contrast::indexed(data),
        gap,
        authenticity: auth,
        outlook,
        checklist: Vec::new(),
        benchmarks: end.map(|e| benchmarks::compare(data, e)).unwrap_or_default(),
        top_posts: end.map(|e| contrast::top_by_genuine(data, e - Duration::days(89), e, 5)).unwrap_or_default(),
    };
    a.checklist = checklist(data, &a, &gains, lang);
    a
}

fn change(now: Option<f64>, before: Option<f64>) -> Option<f64> {
    match (now, before) {
        (Some(n), Some(b)) if b > 0.0 => Some((n - b) / b),
        _ => None,
    }
}

fn checklist(data: &AccountData, a: &AccountAnalysis, gains: &[authenticity::DailyGain], lang: Lang) -> Vec<Signal> {
    let t = |en: &str, fr: &str| lang.pick(en, fr).to_string();
    let mut out = Vec::new();
    let end = a.last_day;

    // 1. Spikes nothing explains (last 365 days).
    let year_ago = end.map(|e| e - Duration::days(365));
    let suspicious: Vec<&authenticity::FlaggedDay> = a
        .authenticity
        .flagged
        .iter()
        .filter(|f| f.verdict == Verdict::Suspicious && year_ago.is_none_or(|y| f.date > y))
        .collect();
    out.push(Signal {
        id: "unexplained_spikes".into(),
        title: t("Changes nothing explains (12 months)", "Variations inexpliquées (12 mois)"),
        value: lang.int(suspicious.len() as i64),
        status: if gains.is_empty() {
            SignalStatus::Unknown
        } else if suspicious.is_empty() {
            SignalStatus::Ok
        } else {
            SignalStatus::Warning
        },
        detail: if gains.is_empty() {
            t("No daily follower history to check.", "Pas d'historique quotidien d'abonnés à vérifier.")
        } else if suspicious.is_empty() {
            t("Every unusual day is explained by a post, reach, your notes or a platform event.", "Chaque jour inhabituel s'explique par une publication, la portée, vos notes ou un événement de la plateforme.")
        } else {
            suspicious.iter().map(|f| format!("{} ({}{})", lang.date(f.date), if f.gain > 0 { "+" } else { "" }, lang.int(f.gain))).collect::<Vec<_>>().join(", ")
        },
    });

    // 2. Share of growth explained by follows from posts (12 months).
    let (from, to) = match end {
        Some(e) => (e - Duration::days(365), e),
        None => (NaiveDate::MIN, NaiveDate::MAX),
    };
    let gained: i64 = gains.iter().filter(|g| g.date > from && g.date <= to && g.gain > 0).map(|g| g.gain).sum();
    let follows: Vec<i64> = data
        .posts
        .iter()
        .filter(|p| p.day().is_some_and(|d| d > from && d <= to))
        .filter_map(|p| p.metrics.follows)
        .collect();
    let share = (gained > 0 && !follows.is_empty()).then(|| follows.iter().sum::<i64>() as f64 / gained as f64);
    out.push(Signal {
        id: "growth_explained_by_content".into(),
        title: t("Growth your posts explain (12 months)", "Croissance expliquée par vos publications (12 mois)"),
        value: share.map(|s| lang.percent(s.min(1.0), 0)).unwrap_or_else(|| "—".into()),
        status: match share {
            None => SignalStatus::Unknown,
            Some(s) if s < 0.2 => SignalStatus::Warning,
            Some(_) => SignalStatus::Ok,
        },
        detail: t(
            "Follows the platform attributes to your posts, against all followers gained. Below 20%, most growth comes from elsewhere.",
            "Abonnements que la plateforme attribue à vos publications, rapportés à tous les abonnés gagnés. Sous 20 %, l'essentiel vient d'ailleurs.",
        ),
    });

    // 3. Comment density: conversation per 100 likes (90 days).
    let density = a.period.as_ref().and_then(|p| match (p.genuine.conversation, p.vanity.likes) {
        (Some(c), Some(l)) if l.value > 0 => Some(c.value as f64 * 100.0 / l.value as f64),
        _ => None,
    });
    out.push(Signal {
        id: "comment_density".into(),
        title: t("Comments per 100 likes (90 days)", "Commentaires pour 100 j'aime (90 jours)"),
        value: density.map(|d| lang.decimal(d, 1)).unwrap_or_else(|| "—".into()),
        status: match density {
            None => SignalStatus::Unknown,
            Some(d) if d < 1.0 => SignalStatus::Warning,
            Some(_) => SignalStatus::Ok,
        },
        detail: t(
            "Healthy accounts often see 2 to 5; bought likes push it towards zero (a practitioners' rule of thumb).",
            "Les comptes sains en ont souvent 2 à 5 ; des j'aime achetés la font tendre vers zéro (règle empirique de praticiens).",
        ),
    });

    // 4. Engagement–growth gap.
    out.push(Signal {
        id: "engagement_growth_gap".into(),
        title: t("Followers against the people who interact (90 days)", "Abonnés face aux personnes qui interagissent (90 jours)"),
        value: a.gap.as_ref().map(|g| format!("{} / {}", lang.percent(g.followers_change, 0), lang.percent(g.genuine_change, 0))).unwrap_or_else(|| "—".into()),
        status: match &a.gap {
            None => SignalStatus::Unknown,
            Some(g) if g.gap > 0.2 => SignalStatus::Warning,
            Some(_) => SignalStatus::Ok,
        },
        detail: t(
            "Follower growth against the change of genuine interactions per post, last 90 days against the 90 before. A gap above 20 points: the audience grows faster than the conversation.",
            "Croissance des abonnés face à l'évolution des interactions réelles par publication, 90 derniers jours contre les 90 d'avant. Un écart de plus de 20 points : l'audience grandit plus vite que la conversation.",
        ),
    });

    // 5. Reach per follower.
    let reach_ratio = |p: &Option<PeriodStats>| -> Option<f64> {
        let p = p.as_ref()?;
        let v: Vec<f64> = data
            .posts
            .iter()
            .filter(|x| x.day().is_some_and(|d| d >= p.from && d <= p.to))
            .filter_map(|x| {
                let f = value_at(&data.series, x.day()?)?.followers;
                crate::metrics::post::rate(x.metrics.reach.or(x.metrics.views), Some(f))
            })
            .collect();
        crate::metrics::engagement::median(v)
    };
    let (rn, rb) = (reach_ratio(&a.period), reach_ratio(&a.previous));
    let reach_change = change(rn, rb);
    out.push(Signal {
        id: "reach_per_follower".into(),
        title: t("Reach per follower, per post", "Portée par abonné, par publication"),
        value: rn.map(|r| lang.percent(r, 0)).unwrap_or_else(|| "—".into()),
        status: match reach_change {
            None if rn.is_none() => SignalStatus::Unknown,
            Some(c) if c < -0.3 => SignalStatus::Warning,
            _ => SignalStatus::Ok,
        },
        detail: match reach_change {
            Some(c) => match lang {
                Lang::En => format!("{} against the previous 90 days. Followers who never see your posts do not count.", lang.percent(c, 0)),
                Lang::Fr => format!("{} par rapport aux 90 jours précédents. Des abonnés qui ne voient jamais vos publications ne comptent pas.", lang.percent(c, 0)),
            },
            None => t("Needs reach or views per post.", "Nécessite la portée ou les vues par publication."),
        },
    });

    // 6. Followers who left soon after arriving.
    let left =
        a.authenticity.flagged.iter().flat_map(|f| &f.evidence).filter(|e| e.kind == EvidenceKind::CohortLeft).count();
    out.push(Signal {
        id: "cohorts_that_left".into(),
        title: t("Newcomers who left again", "Nouveaux venus repartis"),
        value: lang.int(left as i64),
        status: if left > 0 { SignalStatus::Warning } else { SignalStatus::Ok },
        detail: t(
            "Days whose newcomers left far more often than usual by the next export — bought followers are often removed.",
            "Jours dont les nouveaux venus sont bien plus souvent repartis que d'habitude à l'export suivant — les abonnés achetés sont souvent supprimés.",
        ),
    });

    // 7. Freshness.
    out.push(Signal {
        id: "freshness".into(),
        title: t("Age of the latest data", "Âge des dernières données"),
        value: a
            .data_age_days
            .map(|d| format!("{} {}", lang.int(d), lang.pick("days", "jours")))
            .unwrap_or_else(|| "—".into()),
        status: match a.data_age_days {
            None => SignalStatus::Unknown,
            Some(d) if d > 60 => SignalStatus::Warning,
            Some(_) => SignalStatus::Ok,
        },
        detail: match a.last_day {
            Some(d) => match lang {
                Lang::En => {
                    format!("The data ends on {}. Import a fresh export to see what happened since.", lang.date(d))
                }
                Lang::Fr => {
                    format!("Les données s'arrêtent au {}. Importez un export récent pour voir la suite.", lang.date(d))
                }
            },
            None => t("No data yet.", "Pas encore de données."),
        },
    });
    out
}
