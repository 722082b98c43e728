//! The summary of each account: where its audience stands and how it moved.

use crate::error::Result;
use crate::metrics::growth::{Growth, growth_over};
use crate::model::AudienceMetric;
use crate::store::accounts::{self, AccountSummary};
use crate::store::audience;
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
}

pub fn account_report(conn: &Connection, id: i64) -> Result<AccountReport> {
    let account = accounts::get(conn, id)?;
    let series = audience::follower_series(conn, id, AudienceMetric::Followers)?;
    let posts_90d: i64 = conn.query_row(
        "SELECT count(*) FROM posts WHERE account_id = ?1 AND kind <> 'repost'
         AND published_at >= strftime('%Y-%m-%dT%H:%M:%SZ', (SELECT max(published_at) FROM posts WHERE account_id = ?1), '-90 days')",
        [id],
        |r| r.get(0),
    )?;
    Ok(AccountReport {
        growth_30d: growth_over(&series, 30),
        growth_90d: growth_over(&series, 90),
        growth_365d: growth_over(&series, 365),
        posts_90d,
        history_from: series.first().map(|p| p.date.to_string()),
        history_to: series.last().map(|p| p.date.to_string()),
        account,
    })
}

pub fn all(conn: &Connection) -> Result<Vec<AccountReport>> {
    accounts::list(conn)?.iter().map(|a| account_report(conn, a.id)).collect()
}
