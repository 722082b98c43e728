//! The summary of each account: where its audience stands, how it moved, and the vanity and
//! genuine sides of a period (the last 90 days of its data by default) and of the period before.

use crate::error::Result;
use crate::metrics::data::{AccountData, PostWindow};
use crate::metrics::engagement::{PeriodStats, period_stats};
use crate::metrics::growth::{Growth, growth_over};
use crate::store::accounts::AccountSummary;
use chrono::{Duration, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AccountReport {
    pub account: AccountSummary,
    pub growth_30d: Option<Growth>,
    pub growth_90d: Option<Growth>,
    pub growth_365d: Option<Growth>,
    /// Own posts published in the 90 days before the latest data of the account.
    pub posts_90d: i64,
    /// Earliest and latest day of the follower history.
    pub history_from: Option<String>,
    pub history_to: Option<String>,
    /// Vanity and genuine over the period (default: the last 90 days of the account's data).
    pub period: Option<PeriodStats>,
    /// The period of the same length just before.
    pub previous: Option<PeriodStats>,
}

/// A period: explicit bounds, or the `days` ending on the account's last day of data.
#[derive(Debug, Clone, Copy)]
pub struct PeriodChoice {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub days: i64,
}

impl Default for PeriodChoice {
    fn default() -> Self {
        PeriodChoice { from: None, to: None, days: 90 }
    }
}

pub fn report(data: &AccountData, choice: PeriodChoice) -> AccountReport {
    let end = choice.to.or_else(|| data.last_day());
    let bounds = end.map(|e| (choice.from.unwrap_or(e - Duration::days(choice.days - 1)), e));
    let (period, previous) = match bounds {
        Some((from, to)) if from <= to => {
            let len = (to - from).num_days() + 1;
            (
                Some(period_stats(data, from, to)),
                Some(period_stats(data, from - Duration::days(len), from - Duration::days(1))),
            )
        }
        _ => (None, None),
    };
    let posts_90d = match data.posts.iter().filter_map(|p| p.published).max() {
        Some(last) => {
            data.posts.iter().filter(|p| p.published.is_some_and(|t| t > last - Duration::days(90))).count() as i64
        }
        None => 0,
    };
    AccountReport {
        account: data.account.clone(),
        growth_30d: growth_over(&data.series, 30),
        growth_90d: growth_over(&data.series, 90),
        growth_365d: growth_over(&data.series, 365),
        posts_90d,
        history_from: data.series.first().map(|p| p.date.to_string()),
        history_to: data.series.last().map(|p| p.date.to_string()),
        period,
        previous,
    }
}

pub fn account_report(conn: &Connection, id: i64) -> Result<AccountReport> {
    Ok(report(&AccountData::load(conn, id)?, PeriodChoice::default()))
}

pub fn all(conn: &Connection) -> Result<Vec<AccountReport>> {
    all_for(conn, PeriodChoice::default())
}

pub fn all_for(conn: &Connection, choice: PeriodChoice) -> Result<Vec<AccountReport>> {
    // A summary looks at two periods: load only the posts they can contain.
    let window = match (choice.from, choice.to) {
        (Some(from), Some(to)) => PostWindow::Since(from - (to - from) - Duration::days(1)),
        (Some(from), None) => PostWindow::Since(from - Duration::days(choice.days.max(1) * 2)),
        _ => PostWindow::LastDays(2 * choice.days + 200),
    };
    Ok(AccountData::load_all_since(conn, Some(window), false)?.iter().map(|d| report(d, choice)).collect())
}
