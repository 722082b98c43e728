//! Platform-wide events that move counts or change what a metric means, so that they are not read
//! as something the owner did (or bought). Sources in docs/metrics.md § "Platform events".

use crate::model::Platform;
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// The platform removed accounts (spam, locked, inactive): follower counts dropped.
    Purge,
    /// The platform changed how a metric is counted.
    Redefinition,
}

#[derive(Debug, Clone)]
pub struct PlatformEvent {
    pub platform: Platform,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub kind: EventKind,
    pub en: &'static str,
    pub fr: &'static str,
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

/// Known events, with a few days of margin (exports date them in the account's time zone).
pub fn known() -> Vec<PlatformEvent> {
    vec![
        PlatformEvent {
            platform: Platform::Instagram,
            from: d(2014, 12, 17),
            to: d(2014, 12, 21),
            kind: EventKind::Purge,
            en: "Instagram removed spam accounts from follower counts (December 2014)",
            fr: "Instagram a retiré les comptes de spam des compteurs d'abonnés (décembre 2014)",
        },
        PlatformEvent {
            platform: Platform::X,
            from: d(2018, 7, 11),
            to: d(2018, 7, 16),
            kind: EventKind::Purge,
            en: "Twitter removed locked accounts from follower counts (July 2018)",
            fr: "Twitter a retiré les comptes verrouillés des compteurs d'abonnés (juillet 2018)",
        },
        PlatformEvent {
            platform: Platform::Youtube,
            from: d(2019, 9, 1),
            to: d(2019, 9, 30),
            kind: EventKind::Redefinition,
            en: "YouTube started abbreviating public subscriber counts (September 2019)",
            fr: "YouTube a commencé à arrondir les compteurs publics d'abonnés (septembre 2019)",
        },
        PlatformEvent {
            platform: Platform::Linkedin,
            from: d(2024, 4, 1),
            to: d(2024, 4, 30),
            kind: EventKind::Redefinition,
            en: "LinkedIn post impressions include impressions of reposts since April 2024",
            fr: "Depuis avril 2024, les impressions LinkedIn incluent celles des republications",
        },
        PlatformEvent {
            platform: Platform::Instagram,
            from: d(2025, 4, 21),
            to: d(2025, 4, 21),
            kind: EventKind::Redefinition,
            en: "Instagram replaced impressions with views (21 April 2025)",
            fr: "Instagram a remplacé les impressions par les vues (21 avril 2025)",
        },
    ]
}

/// The events of `platform` that cover `day`.
pub fn on(platform: Platform, day: NaiveDate) -> Vec<PlatformEvent> {
    known().into_iter().filter(|e| e.platform == platform && day >= e.from && day <= e.to).collect()
}
