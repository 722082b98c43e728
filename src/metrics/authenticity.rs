//! Authenticity of growth: daily gains, robust spike detection with weekly seasonality, step
//! changes, and for every flagged day the evidence that explains it (content, reach, the owner's
//! note, a platform event) or does not. No opaque score: each verdict lists verifiable facts.
//! Method and thresholds in docs/metrics.md § "Authenticity".

use crate::i18n::Lang;
use crate::metrics::data::{AccountData, PostFacts};
use crate::metrics::engagement::median;
use crate::metrics::events;
use crate::metrics::growth::value_at;
use crate::metrics::post;
use crate::model::AudienceSource;
use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

/// Robust z-score above which a day is flagged (Iglewicz & Hoaglin).
pub const Z_THRESHOLD: f64 = 3.5;
/// Days of history before a day that the expected range is computed from.
pub const WINDOW_DAYS: i64 = 28;
/// A day needs at least this many days of history to be judged.
pub const MIN_HISTORY_DAYS: usize = 14;
/// A flagged excess must also be at least this many followers…
pub const MIN_EXCESS: f64 = 20.0;
/// …and this share of the audience, so that small accounts' ordinary days are not flagged.
pub const MIN_EXCESS_SHARE: f64 = 0.005;
/// A post explains a spike when the follows it brought cover this share of the excess…
pub const FOLLOWS_SHARE_EXPLAINS: f64 = 0.3;
/// …or its reach, views or genuine interactions are this many times the account's median.
pub const VIRAL_FACTOR: f64 = 5.0;
/// Account-level daily reach / views / profile visits this many times the usual explain a spike.
pub const DAILY_FACTOR: f64 = 3.0;
/// Posts published this many days before a spike (and on the day) count as its content.
pub const CONTENT_LOOKBACK_DAYS: i64 = 2;
/// Paid growth rarely exceeds this many followers a day (HypeAuditor's rule of thumb).
pub const ADS_CEILING_PER_DAY: i64 = 5_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum GainSource {
    /// New follows minus unfollows, as an analytics export reports them.
    NetChange,
    /// New follows only (losses not exported).
    GainsOnly,
    /// The difference of two consecutive days of the follower series.
    SeriesDifference,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DailyGain {
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub gain: i64,
    pub source: GainSource,
}

/// Daily follower gains: exported daily changes where there are some, else day-to-day differences
/// of the follower series where it is daily (gaps in a series rebuilt from follow dates are days
/// without new followers; gaps between snapshots months apart are unknown, not zero).
pub fn daily_gains(data: &AccountData) -> Vec<DailyGain> {
    let mut out: BTreeMap<NaiveDate, DailyGain> = BTreeMap::new();
    for pair in data.series.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let gap = (b.date - a.date).num_days();
        // Differences only within one source: the step from an export's count to another
        // export's lower bounds is a change of measure, not of followers.
        if a.source != b.source || a.lower_bound != b.lower_bound {
            continue;
        }
        let daily_kind = b.source == AudienceSource::Reconstructed;
        if gap == 1 || (daily_kind && gap > 1) {
            let mut d = a.date + Duration::days(1);
            while d < b.date {
                out.insert(d, DailyGain { date: d, gain: 0, source: GainSource::SeriesDifference });
                d += Duration::days(1);
            }
            out.insert(
                b.date,
                DailyGain { date: b.date, gain: b.followers - a.followers, source: GainSource::SeriesDifference },
            );
        }
    }
    for (d, c) in &data.follow_changes {
        if let Some(net) = c.net() {
            out.insert(*d, DailyGain { date: *d, gain: net, source: GainSource::NetChange });
        } else if let Some(g) = c.gained {
            out.insert(*d, DailyGain { date: *d, gain: g, source: GainSource::GainsOnly });
        }
    }
    out.into_values().collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Verdict {
    /// Nothing in the data explains the growth (or loss).
    Suspicious,
    /// Content, reach, the owner's note or a platform event explains it.
    Explained,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EvidenceKind {
    FollowsFromPosts,
    ViralPost,
    ReachSpike,
    Annotation,
    PlatformEvent,
    NoRecentPost,
    UnusualSize,
    AboveAdsCeiling,
    CohortLeft,
    CohortStayed,
}

/// One verifiable fact about a flagged day.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Evidence {
    pub kind: EvidenceKind,
    /// True when the fact explains the change; false when it points to something unexplained.
    pub explains: bool,
    pub text: String,
    /// The post the fact is about, when it is about one.
    pub post_id: Option<i64>,
}

/// A day whose follower change is outside its expected range.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct FlaggedDay {
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub gain: i64,
    pub expected: f64,
    pub expected_low: f64,
    pub expected_high: f64,
    /// Robust z-score of the day.
    pub z: f64,
    pub verdict: Verdict,
    pub evidence: Vec<Evidence>,
}

/// A lasting change in the pace of daily gains.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct StepChange {
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub before_per_day: f64,
    pub after_per_day: f64,
}

struct Expectation {
    expected: f64,
    scale: f64,
}

/// Expected gain for day `i` from the previous `WINDOW_DAYS` days: rolling median plus the
/// weekday effect (median residual of the same weekday over the previous 8 weeks), with a robust
/// scale (1.4826 × MAD; 1.253314 × mean absolute deviation when MAD is 0).
fn expectation(gains: &[DailyGain], i: usize, cleaned: &[f64]) -> Option<Expectation> {
    let day = gains[i].date;
    let window: Vec<(NaiveDate, f64)> = (0..i)
        .rev()
        .map(|j| (gains[j].date, cleaned[j]))
        .take_while(|(d, _)| (day - *d).num_days() <= WINDOW_DAYS)
        .collect();
    if window.len() < MIN_HISTORY_DAYS {
        return None;
    }
    let values: Vec<f64> = window.iter().map(|(_, v)| *v).collect();
    let med = median(values.clone())?;
    let mad = median(values.iter().map(|v| (v - med).abs()).collect())?;
    let mut scale = 1.4826 * mad;
    if scale < 1e-9 {
        let mean_ad = values.iter().map(|v| (v - med).abs()).sum::<f64>() / values.len() as f64;
        scale = 1.253314 * mean_ad;
    }
    if scale < 1e-9 {
        scale = (med.abs() + 1.0).sqrt();
    }
    // Weekly seasonality: the same weekday's residuals over the previous eight weeks.
    let weekday = day.weekday();
    let residuals: Vec<f64> = (0..i)
        .rev()
        .map(|j| (gains[j].date, cleaned[j]))
        .take_while(|(d, _)| (day - *d).num_days() <= 56)
        .filter(|(d, _)| d.weekday() == weekday)
        .map(|(_, v)| v - med)
        .collect();
    let weekday_effect = if residuals.len() >= 4 { median(residuals).unwrap_or(0.0) } else { 0.0 };
    Some(Expectation { expected: med + weekday_effect, scale })
}

/// Spike detection over the daily gains. Returns the flagged days (without explanations yet) and
/// the gains with flagged days replaced by their expected value (for trends and forecasts).
pub fn detect(gains: &[DailyGain], followers_at: impl Fn(NaiveDate) -> Option<i64>) -> Detection {
    let mut cleaned: Vec<f64> = gains.iter().map(|g| g.gain as f64).collect();
    let mut ranges = vec![None; gains.len()];
    let mut flags = Vec::new();
    for i in 0..gains.len() {
        let Some(e) = expectation(gains, i, &cleaned) else { continue };
        ranges[i] = Some((e.expected - Z_THRESHOLD * e.scale, e.expected + Z_THRESHOLD * e.scale));
        let g = gains[i].gain as f64;
        let z = (g - e.expected) / e.scale;
        let audience = followers_at(gains[i].date).unwrap_or(0) as f64;
        let floor = MIN_EXCESS.max(MIN_EXCESS_SHARE * audience);
        if z.abs() > Z_THRESHOLD && (g - e.expected).abs() >= floor {
            flags.push(FlaggedDay {
                date: gains[i].date,
                gain: gains[i].gain,
                expected: e.expected,
                expected_low: e.expected - Z_THRESHOLD * e.scale,
                expected_high: e.expected + Z_THRESHOLD * e.scale,
                z,
                verdict: Verdict::Suspicious,
                evidence: Vec::new(),
            });
            // A flagged day does not shift the baseline of the days after it.
            cleaned[i] = e.expected;
        }
    }
    Detection { flags, cleaned, ranges }
}

/// What spike detection found: the flagged days, the gains with flagged days replaced by their
/// expected value, and each day's expected range (None before enough history).
pub struct Detection {
    pub flags: Vec<FlaggedDay>,
    pub cleaned: Vec<f64>,
    pub ranges: Vec<Option<(f64, f64)>>,
}

/// The result of [`analyse`]: the report and the daily series behind it (for charts, trends and
/// forecasts).
pub struct Analysed {
    pub report: Authenticity,
    pub gains: Vec<DailyGain>,
    pub cleaned: Vec<f64>,
    pub ranges: Vec<Option<(f64, f64)>>,
}

/// Lasting shifts in the pace of gains: binary segmentation of the cleaned daily gains (a
/// simplified PELT) with segments of at least 30 days, a t-statistic above 6 on a robust scale
/// and a change of at least 50 %.
pub fn step_changes(gains: &[DailyGain], cleaned: &[f64]) -> Vec<StepChange> {
    const MIN_SEGMENT: usize = 30;
    fn split(dates: &[NaiveDate], v: &[f64], depth: u8, out: &mut Vec<StepChange>) {
        if v.len() < 2 * MIN_SEGMENT || depth == 0 {
            return;
        }
        let med = median(v.to_vec()).unwrap_or(0.0);
        let mad = median(v.iter().map(|x| (x - med).abs()).collect()).unwrap_or(0.0);
        let scale = (1.4826 * mad).max(1.0);
        let total: f64 = v.iter().sum();
        let mut left = 0.0;
        let mut best: Option<(usize, f64)> = None;
        for k in 1..v.len() {
            left += v[k - 1];
            if k < MIN_SEGMENT || v.len() - k < MIN_SEGMENT {
                continue;
            }
            let (nl, nr) = (k as f64, (v.len() - k) as f64);
            let t = ((left / nl) - (total - left) / nr).abs() / (scale * (1.0 / nl + 1.0 / nr).sqrt());
            if best.is_none_or(|(_, bt)| t > bt) {
                best = Some((k, t));
            }
        }
        if let Some((k, t)) = best {
            let before = v[..k].iter().sum::<f64>() / k as f64;
            let after = v[k..].iter().sum::<f64>() / (v.len() - k) as f64;
            let relative = (after - before).abs() / before.abs().max(after.abs()).max(1.0);
            if t > 6.0 && relative >= 0.5 {
                out.push(StepChange { date: dates[k], before_per_day: before, after_per_day: after });
                split(&dates[..k], &v[..k], depth - 1, out);
                split(&dates[k..], &v[k..], depth - 1, out);
            }
        }
    }
    let mut out = Vec::new();
    // Segments of consecutive days only.
    let mut start = 0;
    for i in 1..=gains.len() {
        if i == gains.len() || (gains[i].date - gains[i - 1].date).num_days() != 1 {
            let dates: Vec<NaiveDate> = gains[start..i].iter().map(|g| g.date).collect();
            split(&dates, &cleaned[start..i], 3, &mut out);
            start = i;
        }
    }
    out.sort_by_key(|s| s.date);
    out
}

/// How many of the people who started following on each day are still followers in the latest
/// export (`survivors`), against how many followed that day (`followed`, from daily gains).
#[derive(Debug, Clone, Default)]
pub struct Cohorts {
    pub survivors: BTreeMap<NaiveDate, i64>,
    /// The day of the export the survivors were counted in.
    pub counted_on: Option<NaiveDate>,
}

/// Survivors per follow day in the account's latest follower list (where the export dates them).
pub fn cohorts(conn: &rusqlite::Connection, account_id: i64) -> crate::Result<Cohorts> {
    let latest: Option<(i64, String)> = conn
        .query_row(
            "SELECT id, taken_on FROM relation_snapshots WHERE account_id = ?1 AND relation = 'followers'
             ORDER BY taken_on DESC, id DESC LIMIT 1",
            [account_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map(Some)
        .or_else(|e| if e == rusqlite::Error::QueryReturnedNoRows { Ok(None) } else { Err(e) })?;
    let Some((snapshot, taken_on)) = latest else { return Ok(Cohorts::default()) };
    // The aggregate kept by the store (migration 0004) when it is current: a few thousand rows
    // instead of every member (seconds for a million followers).
    let aggregated: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM relation_aggregates g JOIN relation_snapshots s ON s.id = g.snapshot_id
         WHERE g.snapshot_id = ?1 AND g.member_count = s.member_count)",
        [snapshot],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare_cached(if aggregated {
        "SELECT day, members FROM relation_cohorts WHERE snapshot_id = ?1"
    } else {
        "SELECT date(since, 'unixepoch'), count(*) FROM relation_members
         WHERE snapshot_id = ?1 AND since IS NOT NULL GROUP BY 1"
    })?;
    let mut survivors = BTreeMap::new();
    let mut rows = stmt.query([snapshot])?;
    while let Some(r) = rows.next()? {
        let d: String = r.get(0)?;
        if let Ok(d) = NaiveDate::parse_from_str(&d, "%Y-%m-%d") {
            survivors.insert(d, r.get(1)?);
        }
    }
    Ok(Cohorts { survivors, counted_on: NaiveDate::parse_from_str(&taken_on, "%Y-%m-%d").ok() })
}

struct Context<'a> {
    data: &'a AccountData,
    lang: Lang,
    median_audience: Option<f64>,
    median_genuine: Option<f64>,
}

impl Context<'_> {
    fn t(&self, en: String, fr: String) -> String {
        match self.lang {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }

    fn daily_ratio(&self, metric: &str, day: NaiveDate) -> Option<(f64, f64)> {
        let series = self.data.daily.get(metric)?;
        let value = *series.get(&day)?;
        let usual = median(series.range(day - Duration::days(28)..day).map(|(_, v)| *v).collect())?;
        (usual > 0.0).then_some((value / usual, value))
    }
}

fn explain(flag: &mut FlaggedDay, ctx: &Context<'_>, cohorts: &Cohorts, baseline_survival: Option<f64>) {
    let lang = ctx.lang;
    let day = flag.date;
    let excess = flag.gain as f64 - flag.expected;
    let mut ev: Vec<Evidence> = Vec::new();
    let recent: Vec<&PostFacts> = ctx
        .data
        .posts
        .iter()
        .filter(|p| p.day().is_some_and(|d| d <= day && (day - d).num_days() <= CONTENT_LOOKBACK_DAYS))
        .collect();

    if excess > 0.0 {
        let follows: i64 = recent.iter().filter_map(|p| p.metrics.follows).sum();
        if follows > 0 {
            let explains = follows as f64 >= FOLLOWS_SHARE_EXPLAINS * excess;
            ev.push(Evidence {
                kind: EvidenceKind::FollowsFromPosts,
                explains,
                text: ctx.t(
                    format!(
                        "posts of the last {} days brought {} follows",
                        CONTENT_LOOKBACK_DAYS + 1,
                        lang.int(follows)
                    ),
                    format!(
                        "les publications des {} derniers jours ont apporté {} abonnements",
                        CONTENT_LOOKBACK_DAYS + 1,
                        lang.int(follows)
                    ),
                ),
                post_id: None,
            });
        }
        for p in &recent {
            let audience_ratio = match (post::audience(&p.metrics), ctx.median_audience) {
                (Some(a), Some(m)) if m > 0.0 => Some(a as f64 / m),
                _ => None,
            };
            let genuine_ratio = match (post::genuine(&p.metrics), ctx.median_genuine) {
                (Some(g), Some(m)) if m > 0.0 => Some(g as f64 / m),
                _ => None,
            };
            let best = audience_ratio.into_iter().chain(genuine_ratio).fold(0.0, f64::max);
            if best >= VIRAL_FACTOR {
                let when = p.day().map(|d| lang.date(d)).unwrap_or_default();
                let detail = match (post::conversation(&p.metrics), post::amplification(&p.metrics)) {
                    (Some(c), Some(a)) => ctx.t(
                        format!(" ({} comments, {} shares)", lang.int(c), lang.int(a)),
                        format!(" ({} commentaires, {} partages)", lang.int(c), lang.int(a)),
                    ),
                    (Some(c), None) => {
                        ctx.t(format!(" ({} comments)", lang.int(c)), format!(" ({} commentaires)", lang.int(c)))
                    }
                    (None, Some(a)) => {
                        ctx.t(format!(" ({} shares)", lang.int(a)), format!(" ({} partages)", lang.int(a)))
                    }
                    (None, None) => String::new(),
                };
                ev.push(Evidence {
                    kind: EvidenceKind::ViralPost,
                    explains: true,
                    text: ctx.t(
                        format!("a post of {when} reached {}× the usual audience{detail}", lang.decimal(best, 0)),
                        format!(
                            "une publication du {when} a touché {} fois l'audience habituelle{detail}",
                            lang.decimal(best, 0)
                        ),
                    ),
                    post_id: Some(p.id),
                });
            }
        }
        for metric in ["reach", "views", "impressions", "profile_visits"] {
            for d in [day, day - Duration::days(1)] {
                if let Some((ratio, _)) = ctx.daily_ratio(metric, d)
                    && ratio >= DAILY_FACTOR
                    && !ev.iter().any(|e| e.kind == EvidenceKind::ReachSpike)
                {
                    ev.push(Evidence {
                        kind: EvidenceKind::ReachSpike,
                        explains: true,
                        text: ctx.t(
                            format!(
                                "account {} were {}× the usual on {}",
                                metric.replace('_', " "),
                                lang.decimal(ratio, 1),
                                lang.date(d)
                            ),
                            format!(
                                "les {} du compte étaient {} fois plus élevées que d'habitude le {}",
                                metric_fr(metric),
                                lang.decimal(ratio, 1),
                                lang.date(d)
                            ),
                        ),
                        post_id: None,
                    });
                }
            }
        }
        if recent.is_empty() {
            ev.push(Evidence {
                kind: EvidenceKind::NoRecentPost,
                explains: false,
                text: ctx.t(
                    format!("no post on that day or the {CONTENT_LOOKBACK_DAYS} days before"),
                    format!("aucune publication ce jour-là ni les {CONTENT_LOOKBACK_DAYS} jours précédents"),
                ),
                post_id: None,
            });
        }
        if flag.gain > ADS_CEILING_PER_DAY {
            ev.push(Evidence {
                kind: EvidenceKind::AboveAdsCeiling,
                explains: false,
                text: ctx.t(
                    format!(
                        "more than {} in a day: above what paid promotion usually brings",
                        lang.int(ADS_CEILING_PER_DAY)
                    ),
                    format!(
                        "plus de {} en un jour : au-delà de ce qu'apporte d'ordinaire une promotion payante",
                        lang.int(ADS_CEILING_PER_DAY)
                    ),
                ),
                post_id: None,
            });
        }
        // Who stayed: the day's newcomers still present in the latest export.
        if let (Some(followed), Some(baseline)) =
            (ctx.data.follow_changes.get(&day).and_then(|c| c.gained).filter(|g| *g > 0), baseline_survival)
            && cohorts.counted_on.is_some_and(|c| c > day)
            && !cohorts.survivors.is_empty()
        {
            let stayed = cohorts.survivors.get(&day).copied().unwrap_or(0).min(followed);
            let survival = stayed as f64 / followed as f64;
            let left = 1.0 - survival;
            let usual_left = 1.0 - baseline;
            let counted = cohorts.counted_on.map(|d| lang.date(d)).unwrap_or_default();
            if left >= 0.15 && left >= 2.0 * usual_left {
                ev.push(Evidence {
                    kind: EvidenceKind::CohortLeft,
                    explains: false,
                    text: ctx.t(
                        format!(
                            "{} of the {} who followed that day had left by {counted} (usually {})",
                            lang.percent(left, 0),
                            lang.int(followed),
                            lang.percent(usual_left, 0)
                        ),
                        format!(
                            "{} des {} arrivés ce jour-là étaient partis au {counted} (d'habitude {})",
                            lang.percent(left, 0),
                            lang.int(followed),
                            lang.percent(usual_left, 0)
                        ),
                    ),
                    post_id: None,
                });
            } else {
                ev.push(Evidence {
                    kind: EvidenceKind::CohortStayed,
                    explains: false,
                    text: ctx.t(
                        format!(
                            "{} of the {} who followed that day were still there on {counted}",
                            lang.percent(survival, 0),
                            lang.int(followed)
                        ),
                        format!(
                            "{} des {} arrivés ce jour-là étaient toujours là au {counted}",
                            lang.percent(survival, 0),
                            lang.int(followed)
                        ),
                    ),
                    post_id: None,
                });
            }
        }
    }

    for a in ctx.data.annotations.iter().filter(|a| a.day <= day + Duration::days(1) && (day - a.day).num_days() <= 3) {
        let note = if a.note.is_empty() { String::new() } else { format!(": {}", a.note) };
        ev.push(Evidence {
            kind: EvidenceKind::Annotation,
            explains: true,
            text: ctx.t(
                format!("your note of {} — {}{note}", lang.date(a.day), annotation_word(&a.kind, Lang::En)),
                format!("votre note du {} — {}{note}", lang.date(a.day), annotation_word(&a.kind, Lang::Fr)),
            ),
            post_id: None,
        });
    }
    for e in events::on(ctx.data.account.platform, day) {
        ev.push(Evidence {
            kind: EvidenceKind::PlatformEvent,
            explains: true,
            text: lang.pick(e.en, e.fr).to_string(),
            post_id: None,
        });
    }

    let size = if flag.expected.abs() >= 1.0 { flag.gain as f64 / flag.expected } else { f64::NAN };
    ev.push(Evidence {
        kind: EvidenceKind::UnusualSize,
        explains: false,
        text: if size.is_finite() && size > 1.0 {
            ctx.t(
                format!(
                    "{} followers in a day, {}× the usual {} (expected {} to {})",
                    signed(lang, flag.gain),
                    lang.decimal(size, 0),
                    lang.decimal(flag.expected, 0),
                    lang.decimal(flag.expected_low.max(0.0), 0),
                    lang.decimal(flag.expected_high, 0)
                ),
                format!(
                    "{} abonnés en un jour, {} fois les {} habituels (attendu : {} à {})",
                    signed(lang, flag.gain),
                    lang.decimal(size, 0),
                    lang.decimal(flag.expected, 0),
                    lang.decimal(flag.expected_low.max(0.0), 0),
                    lang.decimal(flag.expected_high, 0)
                ),
            )
        } else {
            ctx.t(
                format!(
                    "{} followers in a day (expected {} to {})",
                    signed(lang, flag.gain),
                    lang.decimal(flag.expected_low, 0),
                    lang.decimal(flag.expected_high, 0)
                ),
                format!(
                    "{} abonnés en un jour (attendu : {} à {})",
                    signed(lang, flag.gain),
                    lang.decimal(flag.expected_low, 0),
                    lang.decimal(flag.expected_high, 0)
                ),
            )
        },
        post_id: None,
    });

    flag.verdict = if ev.iter().any(|e| e.explains) { Verdict::Explained } else { Verdict::Suspicious };
    flag.evidence = ev;
}

fn signed(lang: Lang, n: i64) -> String {
    if n > 0 { format!("+{}", lang.int(n)) } else { lang.int(n) }
}

fn metric_fr(metric: &str) -> &'static str {
    match metric {
        "reach" => "couvertures",
        "views" => "vues",
        "impressions" => "impressions",
        _ => "visites du profil",
    }
}

/// The words for an annotation kind.
pub fn annotation_word(kind: &str, lang: Lang) -> &'static str {
    match (kind, lang) {
        ("giveaway", Lang::En) => "giveaway",
        ("giveaway", Lang::Fr) => "concours",
        ("press", Lang::En) => "press article",
        ("press", Lang::Fr) => "article de presse",
        ("shoutout", Lang::En) => "shout-out",
        ("shoutout", Lang::Fr) => "mention par un autre compte",
        ("ads", Lang::En) => "paid promotion",
        ("ads", Lang::Fr) => "promotion payante",
        ("collaboration", Lang::En) => "collaboration",
        ("collaboration", Lang::Fr) => "collaboration",
        ("event", Lang::En) => "event",
        ("event", Lang::Fr) => "événement",
        (_, Lang::En) => "note",
        (_, Lang::Fr) => "note",
    }
}

/// The authenticity report of an account.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Authenticity {
    pub account_id: i64,
    /// Days with a known daily change, and the first and last of them.
    pub days_analysed: u32,
    #[ts(type = "string | null")]
    pub from: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub to: Option<NaiveDate>,
    pub flagged: Vec<FlaggedDay>,
    pub steps: Vec<StepChange>,
}

/// Everything the authenticity view needs, and the cleaned gains for trends and forecasts.
pub fn analyse(data: &AccountData, cohorts: &Cohorts, lang: Lang) -> Analysed {
    let gains = daily_gains(data);
    let Detection { mut flags, cleaned, ranges } = detect(&gains, |d| value_at(&data.series, d).map(|p| p.followers));
    let audiences: Vec<f64> = data.posts.iter().filter_map(|p| post::audience(&p.metrics)).map(|v| v as f64).collect();
    let genuines: Vec<f64> = data.posts.iter().filter_map(|p| post::genuine(&p.metrics)).map(|v| v as f64).collect();
    let ctx = Context { data, lang, median_audience: median(audiences), median_genuine: median(genuines) };
    // The usual share of a day's newcomers still present in the latest export (unflagged days).
    let flagged_days: std::collections::HashSet<NaiveDate> = flags.iter().map(|f| f.date).collect();
    let baseline_survival = cohorts.counted_on.filter(|_| !cohorts.survivors.is_empty()).and_then(|counted| {
        let pairs: Vec<(i64, i64)> = data
            .follow_changes
            .iter()
            .filter(|(d, _)| **d < counted && !flagged_days.contains(d))
            .filter_map(|(d, c)| {
                c.gained.filter(|g| *g > 0).map(|g| (g, cohorts.survivors.get(d).copied().unwrap_or(0).min(g)))
            })
            .collect();
        let followed: i64 = pairs.iter().map(|p| p.0).sum();
        (followed >= 50).then(|| pairs.iter().map(|p| p.1).sum::<i64>() as f64 / followed as f64)
    });
    for f in &mut flags {
        explain(f, &ctx, cohorts, baseline_survival);
    }
    let steps = step_changes(&gains, &cleaned);
    let report = Authenticity {
        account_id: data.account.id,
        days_analysed: gains.len() as u32,
        from: gains.first().map(|g| g.date),
        to: gains.last().map(|g| g.date),
        flagged: flags,
        steps,
    };
    Analysed { report, gains, cleaned, ranges }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::data::{Annotation, FollowChange};
    use crate::model::{PostKind, PostMetrics};
    use crate::store::audience::SeriesPoint;
    use chrono::TimeZone;
    use rand::{Rng, SeedableRng};

    /// A year of daily history with weekly rhythm and noise, a purchase (hundreds of followers
    /// in a day, no content that week) and a viral post (many comments, many follows), for a seed.
    fn history(seed: u64) -> (AccountData, NaiveDate, NaiveDate) {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
        let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let purchase = start + Duration::days(rng.random_range(120..170));
        let viral = start + Duration::days(rng.random_range(220..300));
        let mut followers = 2_000 + rng.random_range(0..3_000);
        let mut series = Vec::new();
        let mut changes = BTreeMap::new();
        let mut posts = Vec::new();
        for i in 0..365 {
            let d = start + Duration::days(i);
            let weekday_boost = if d.weekday().num_days_from_monday() < 5 { 6 } else { 2 };
            let mut gained = weekday_boost + rng.random_range(0..8);
            let lost = rng.random_range(0..4);
            if d == purchase {
                gained += 600 + rng.random_range(0..600);
            }
            if d == viral {
                gained += 400 + rng.random_range(0..400);
            }
            followers += gained - lost;
            changes.insert(d, FollowChange { gained: Some(gained), lost: Some(lost), net: None });
            series.push(SeriesPoint {
                date: d,
                followers,
                source: AudienceSource::AnalyticsSeries,
                lower_bound: false,
            });
            // Posts every few days, never in the week of the purchase.
            let quiet = (purchase - d).num_days().abs() <= 4;
            if (i % 3 == 0 && !quiet) || d == viral {
                let big = d == viral;
                posts.push(PostFacts {
                    id: i,
                    published: Some(chrono::Utc.from_utc_datetime(&d.and_hms_opt(18, 0, 0).unwrap())),
                    kind: PostKind::Post,
                    metrics: PostMetrics {
                        likes: Some(if big { 9_000 } else { 150 + rng.random_range(0..100) }),
                        comments: Some(if big { 700 } else { 5 + rng.random_range(0..10) }),
                        shares: Some(if big { 2_000 } else { rng.random_range(0..8) }),
                        reach: Some(if big { 200_000 } else { 2_000 + rng.random_range(0..1_000) }),
                        follows: Some(if big { 500 } else { rng.random_range(0..5) }),
                        ..Default::default()
                    },
                });
            }
        }
        let data = AccountData {
            account: crate::metrics::engagement::tests::account(),
            series,
            posts,
            follow_changes: changes,
            daily: Default::default(),
            annotations: vec![],
        };
        (data, purchase, viral)
    }

    #[test]
    fn a_purchase_is_suspicious_and_a_viral_post_explained_for_many_seeds() {
        for seed in 0..12 {
            let (data, purchase, viral) = history(seed);
            let report = analyse(&data, &Cohorts::default(), Lang::En).report;
            let p = report
                .flagged
                .iter()
                .find(|f| f.date == purchase)
                .unwrap_or_else(|| panic!("seed {seed}: purchase not flagged"));
            assert_eq!(p.verdict, Verdict::Suspicious, "seed {seed}: {:?}", p.evidence);
            assert!(p.evidence.iter().any(|e| e.kind == EvidenceKind::NoRecentPost));
            let v = report
                .flagged
                .iter()
                .find(|f| f.date == viral)
                .unwrap_or_else(|| panic!("seed {seed}: viral day not flagged"));
            assert_eq!(v.verdict, Verdict::Explained, "seed {seed}: {:?}", v.evidence);
            assert!(v.evidence.iter().any(|e| e.kind == EvidenceKind::ViralPost));
            // Ordinary days stay ordinary: at most a handful of flags in a year of noise.
            assert!(report.flagged.len() <= 4, "seed {seed}: {} flags", report.flagged.len());
        }
    }

    #[test]
    fn an_annotation_explains_a_spike() {
        let (mut data, purchase, _) = history(3);
        data.annotations.push(Annotation { id: 1, day: purchase, kind: "giveaway".into(), note: "with @brand".into() });
        let report = analyse(&data, &Cohorts::default(), Lang::Fr).report;
        let p = report.flagged.iter().find(|f| f.date == purchase).unwrap();
        assert_eq!(p.verdict, Verdict::Explained);
        assert!(p.evidence.iter().any(|e| e.kind == EvidenceKind::Annotation && e.text.contains("concours")));
    }

    #[test]
    fn cohorts_that_left_are_evidence() {
        let (data, purchase, _) = history(5);
        let counted = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        let mut survivors = BTreeMap::new();
        for (d, c) in &data.follow_changes {
            let g = c.gained.unwrap();
            survivors.insert(*d, if *d == purchase { g * 6 / 10 } else { g * 97 / 100 });
        }
        let cohorts = Cohorts { survivors, counted_on: Some(counted) };
        let report = analyse(&data, &cohorts, Lang::En).report;
        let p = report.flagged.iter().find(|f| f.date == purchase).unwrap();
        let left = p.evidence.iter().find(|e| e.kind == EvidenceKind::CohortLeft).expect("cohort evidence");
        assert!(left.text.starts_with("40%"), "{}", left.text);
    }

    #[test]
    fn gains_come_from_exports_or_daily_series() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let sp = |s: &str, v, src| SeriesPoint { date: d(s), followers: v, source: src, lower_bound: true };
        let data = AccountData {
            account: crate::metrics::engagement::tests::account(),
            series: vec![
                sp("2026-01-01", 10, AudienceSource::Reconstructed),
                sp("2026-01-04", 13, AudienceSource::Reconstructed),
                sp("2026-06-01", 50, AudienceSource::ExportSnapshot),
            ],
            posts: vec![],
            follow_changes: BTreeMap::from([(
                d("2026-01-03"),
                FollowChange { gained: Some(7), lost: None, net: None },
            )]),
            daily: Default::default(),
            annotations: vec![],
        };
        let g: Vec<(String, i64, GainSource)> =
            daily_gains(&data).iter().map(|g| (g.date.to_string(), g.gain, g.source)).collect();
        assert_eq!(
            g,
            vec![
                ("2026-01-02".into(), 0, GainSource::SeriesDifference),
                ("2026-01-03".into(), 7, GainSource::GainsOnly),
                ("2026-01-04".into(), 3, GainSource::SeriesDifference),
            ],
            "snapshots months apart give no daily gains"
        );
    }

    #[test]
    fn a_lasting_change_of_pace_is_a_step() {
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let gains: Vec<DailyGain> = (0..120)
            .map(|i| DailyGain {
                date: start + Duration::days(i),
                gain: if i < 60 { 5 + i % 3 } else { 40 + i % 5 },
                source: GainSource::NetChange,
            })
            .collect();
        let cleaned: Vec<f64> = gains.iter().map(|g| g.gain as f64).collect();
        let steps = step_changes(&gains, &cleaned);
        assert_eq!(steps.len(), 1, "{steps:?}");
        assert_eq!(steps[0].date, start + Duration::days(60));
    }
}
