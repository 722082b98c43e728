//! Insights in plain words, French and English, generated from the numbers — each with the
//! figures behind it, so that every sentence can be checked.

use crate::i18n::Lang;
use crate::metrics::analysis::AccountAnalysis;
use crate::metrics::authenticity::{EvidenceKind, Verdict};
use crate::metrics::compare::Comparison;
use crate::metrics::outlook::Direction;
use crate::model::Role;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Severity {
    Good,
    Info,
    Warning,
}

/// A figure an insight rests on.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Figure {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Insight {
    /// A stable identifier of the rule that produced it.
    pub id: String,
    pub account_id: Option<i64>,
    pub severity: Severity,
    pub text: String,
    pub figures: Vec<Figure>,
}

fn fig(label: &str, value: String) -> Figure {
    Figure { label: label.to_string(), value }
}

fn who(a: &AccountAnalysis, lang: Lang) -> String {
    let role = match (a.account.role, lang) {
        (Role::Pro, _) => "pro",
        (Role::Personal, Lang::En) => "personal",
        (Role::Personal, Lang::Fr) => "perso",
    };
    match lang {
        Lang::En => format!("Your {role} {} (@{})", a.account.platform.label(), a.account.handle),
        Lang::Fr => format!("Votre compte {} {role} (@{})", a.account.platform.label(), a.account.handle),
    }
}

/// "follower(s)" / "abonné(s)" agreeing with `n` (French: singular below 2, as in « 1,5 abonné »).
/// `n` is compared as shown (one decimal at most).
fn followers_word(lang: Lang, n: f64) -> &'static str {
    let n = (n.abs() * 10.0).round() / 10.0;
    match lang {
        Lang::En if n == 1.0 => "follower",
        Lang::En => "followers",
        Lang::Fr if n < 2.0 => "abonné",
        Lang::Fr => "abonnés",
    }
}

fn signed(lang: Lang, n: i64) -> String {
    if n > 0 { format!("+{}", lang.int(n)) } else { lang.int(n) }
}

pub fn insights(analyses: &[AccountAnalysis], comparison: Option<&Comparison>, lang: Lang) -> Vec<Insight> {
    let mut out = Vec::new();
    for a in analyses {
        let id = Some(a.account.id);
        // Followers up, genuine interaction down.
        if let Some(g) = &a.gap
            && g.gap > 0.15
            && g.followers_change > 0.0
        {
            let gained = a.growth_90d.as_ref().map(|x| x.absolute).unwrap_or(0);
            let dir = if g.genuine_change < 0.0 {
                lang.pick("fell", "ont baissé de")
            } else {
                lang.pick("rose only", "n'ont augmenté que de")
            };
            out.push(Insight {
                id: "engagement_growth_gap".into(),
                account_id: id,
                severity: Severity::Warning,
                text: match lang {
                    Lang::En => format!(
                        "{} gained {} {} in 90 days ({}) while genuine interactions per post {dir} {}.",
                        who(a, lang),
                        lang.int(gained),
                        followers_word(lang, gained as f64),
                        lang.percent(g.followers_change, 1),
                        lang.percent(g.genuine_change.abs(), 0)
                    ),
                    Lang::Fr => format!(
                        "{} a gagné {} {} en 90 jours ({}) tandis que les interactions réelles par publication {dir} {}.",
                        who(a, lang),
                        lang.int(gained),
                        followers_word(lang, gained as f64),
                        lang.percent(g.followers_change, 1),
                        lang.percent(g.genuine_change.abs(), 0)
                    ),
                },
                figures: vec![
                    fig(lang.pick("follower growth, 90 days", "croissance des abonnés, 90 jours"), lang.percent(g.followers_change, 1)),
                    fig(lang.pick("genuine interactions per post (median)", "interactions réelles par publication (médiane)"), lang.percent(g.genuine_change, 1)),
                    fig(lang.pick("posts compared", "publications comparées"), format!("{} / {}", g.posts_now, g.posts_before)),
                ],
            });
        }
        // Flagged days.
        // One insight per event: the largest day of a run of flagged days (a viral post moves
        // several days), newest events first.
        let mut events: Vec<&crate::metrics::authenticity::FlaggedDay> = Vec::new();
        for f in &a.authenticity.flagged {
            match events.last_mut() {
                Some(prev) if (f.date - prev.date).num_days() <= 3 && f.verdict == prev.verdict => {
                    if f.gain.abs() > prev.gain.abs() {
                        *prev = f;
                    }
                }
                _ => events.push(f),
            }
        }
        for f in events.into_iter().rev().take(3) {
            let first_fact = f
                .evidence
                .iter()
                .find(|e| e.kind != EvidenceKind::UnusualSize)
                .map(|e| e.text.clone())
                .unwrap_or_default();
            let (severity, text) = match (f.verdict, lang) {
                (Verdict::Suspicious, Lang::En) => (
                    Severity::Warning,
                    format!(
                        "On {}, @{} changed by {} {} and nothing explains it: {first_fact}.",
                        lang.date(f.date),
                        a.account.handle,
                        signed(lang, f.gain),
                        followers_word(lang, f.gain as f64)
                    ),
                ),
                (Verdict::Suspicious, Lang::Fr) => (
                    Severity::Warning,
                    format!(
                        "Le {}, @{} a varié de {} {} sans explication : {first_fact}.",
                        lang.date(f.date),
                        a.account.handle,
                        signed(lang, f.gain),
                        followers_word(lang, f.gain as f64)
                    ),
                ),
                (Verdict::Explained, Lang::En) => (
                    Severity::Good,
                    format!(
                        "On {}, @{} gained {} {}, explained: {first_fact}.",
                        lang.date(f.date),
                        a.account.handle,
                        signed(lang, f.gain),
                        followers_word(lang, f.gain as f64)
                    ),
                ),
                (Verdict::Explained, Lang::Fr) => (
                    Severity::Good,
                    format!(
                        "Le {}, @{} a gagné {} {}, pour une raison connue : {first_fact}.",
                        lang.date(f.date),
                        a.account.handle,
                        signed(lang, f.gain),
                        followers_word(lang, f.gain as f64)
                    ),
                ),
            };
            out.push(Insight {
                id: format!("flagged_{}", f.date),
                account_id: id,
                severity,
                text,
                figures: f
                    .evidence
                    .iter()
                    .map(|e| {
                        fig(
                            if e.explains { lang.pick("explains", "explique") } else { lang.pick("fact", "constat") },
                            e.text.clone(),
                        )
                    })
                    .collect(),
            });
        }
        // Growth pace.
        if let Some(t) = &a.outlook.trend
            && t.direction != Direction::Steady
        {
            let (en, fr) = match t.direction {
                Direction::Speeding => ("is speeding up", "accélère"),
                _ => ("is slowing down", "ralentit"),
            };
            out.push(Insight {
                id: "growth_pace".into(),
                account_id: id,
                severity: Severity::Info,
                text: match lang {
                    Lang::En => format!("{}: growth {en} — {} {} a day over the last 30 days, against {} three months earlier.", who(a, lang), lang.decimal(t.per_day_now, 1), followers_word(lang, t.per_day_now), lang.decimal(t.per_day_before, 1)),
                    Lang::Fr => format!("{} : la croissance {fr} — {} {} par jour sur les 30 derniers jours, contre {} trois mois plus tôt.", who(a, lang), lang.decimal(t.per_day_now, 1), followers_word(lang, t.per_day_now), lang.decimal(t.per_day_before, 1)),
                },
                figures: vec![
                    fig(lang.pick("per day, last 30 days", "par jour, 30 derniers jours"), lang.decimal(t.per_day_now, 1)),
                    fig(lang.pick("per day, 90 days earlier", "par jour, 90 jours plus tôt"), lang.decimal(t.per_day_before, 1)),
                ],
            });
        }
        // Old data.
        if let (Some(age), Some(last)) = (a.data_age_days, a.last_day)
            && age > 60
        {
            out.push(Insight {
                id: "stale_export".into(),
                account_id: id,
                severity: Severity::Info,
                text: match lang {
                    Lang::En => format!(
                        "{}: the data ends on {} ({} days ago). Import a fresh export.",
                        who(a, lang),
                        lang.date(last),
                        age
                    ),
                    Lang::Fr => format!(
                        "{} : les données s'arrêtent au {} (il y a {} jours). Importez un export récent.",
                        who(a, lang),
                        lang.date(last),
                        age
                    ),
                },
                figures: vec![fig(lang.pick("last day of data", "dernier jour de données"), lang.date(last))],
            });
        }
        // The post people talked about most.
        if let Some(top) = a.top_posts.first()
            && let Some(g) = top.genuine
        {
            let when = top
                .published_at
                .as_deref()
                .and_then(crate::import::text::parse_instant)
                .map(|t| lang.date(t.date_naive()))
                .unwrap_or_default();
            out.push(Insight {
                id: "top_post".into(),
                account_id: id,
                severity: Severity::Good,
                text: match lang {
                    Lang::En => format!("{}: your most talked-about post of the last 90 days ({when}) drew {} genuine interactions.", who(a, lang), lang.int(g)),
                    Lang::Fr => format!("{} : votre publication la plus discutée des 90 derniers jours ({when}) a suscité {} interactions réelles.", who(a, lang), lang.int(g)),
                },
                figures: vec![
                    fig(lang.pick("conversation", "conversation"), top.conversation.map(|v| lang.int(v)).unwrap_or_else(|| "—".into())),
                    fig(lang.pick("amplification", "amplification"), top.amplification.map(|v| lang.int(v)).unwrap_or_else(|| "—".into())),
                    fig(lang.pick("likes", "j'aime"), top.likes.map(|v| lang.int(v)).unwrap_or_else(|| "—".into())),
                ],
            });
        }
    }
    // Pro against personal.
    if let Some(c) = comparison
        && let (Some(pro), Some(per)) = (c.pro.genuine_per_1000_followers, c.personal.genuine_per_1000_followers)
        && pro.value > 0.0
        && per.value > 0.0
    {
        let ratio = per.value / pro.value;
        let (text, severity) = if ratio >= 1.5 {
            (
                match lang {
                    Lang::En => format!(
                        "Per 1,000 followers, your personal accounts get {}× more genuine interactions than your pro accounts.",
                        lang.decimal(ratio, 1)
                    ),
                    Lang::Fr => format!(
                        "Pour 1 000 abonnés, vos comptes perso suscitent {} fois plus d'interactions réelles que vos comptes pro.",
                        lang.decimal(ratio, 1)
                    ),
                },
                Severity::Info,
            )
        } else if ratio <= 1.0 / 1.5 {
            (
                match lang {
                    Lang::En => format!(
                        "Per 1,000 followers, your pro accounts get {}× more genuine interactions than your personal accounts.",
                        lang.decimal(1.0 / ratio, 1)
                    ),
                    Lang::Fr => format!(
                        "Pour 1 000 abonnés, vos comptes pro suscitent {} fois plus d'interactions réelles que vos comptes perso.",
                        lang.decimal(1.0 / ratio, 1)
                    ),
                },
                Severity::Good,
            )
        } else {
            (
                match lang {
                    Lang::En => "Per 1,000 followers, your pro and personal accounts get about as many genuine interactions.".to_string(),
                    Lang::Fr => "Pour 1 000 abonnés, vos comptes pro et perso suscitent à peu près autant d'interactions réelles.".to_string(),
                },
                Severity::Info,
            )
        };
        out.push(Insight {
            id: "pro_vs_personal".into(),
            account_id: None,
            severity,
            text,
            figures: vec![
                fig(
                    lang.pick("pro, per post per 1,000 followers", "pro, par publication pour 1 000 abonnés"),
                    lang.decimal(pro.value, 1),
                ),
                fig(
                    lang.pick("personal, per post per 1,000 followers", "perso, par publication pour 1 000 abonnés"),
                    lang.decimal(per.value, 1),
                ),
            ],
        });
    }
    out.sort_by_key(|i| match i.severity {
        Severity::Warning => 0,
        Severity::Info => 1,
        Severity::Good => 2,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_for_followers_agrees_with_the_number_shown() {
        assert_eq!(followers_word(Lang::En, 1.0), "follower");
        assert_eq!(followers_word(Lang::En, -1.0), "follower");
        assert_eq!(followers_word(Lang::En, 0.5), "followers");
        assert_eq!(followers_word(Lang::En, 12.0), "followers");
        assert_eq!(followers_word(Lang::Fr, 0.5), "abonné");
        assert_eq!(followers_word(Lang::Fr, 1.94), "abonné");
        assert_eq!(followers_word(Lang::Fr, 1.96), "abonnés", "shown as 2,0");
        assert_eq!(followers_word(Lang::Fr, -3.0), "abonnés");
    }
}
