//! The data behind each chart, read from the store (shared by the app, the CLI and reports).

use crate::charts::growth::GrowthSeries;
use crate::error::Result;
use crate::model::AudienceMetric;
use crate::store::{accounts, audience};
use chrono::NaiveDate;
use rusqlite::Connection;

/// The account's display name in charts: the owner's label, else `@handle`.
pub fn account_label(a: &accounts::AccountSummary) -> String {
    a.label.clone().unwrap_or_else(|| format!("{} @{}", a.platform.label(), a.handle))
}

/// Follower series of the given accounts (all when empty), clipped to [from, to].
pub fn growth_series(
    conn: &Connection,
    ids: &[i64],
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Vec<GrowthSeries>> {
    let list = accounts::list(conn)?;
    let mut out = Vec::new();
    for a in list.iter().filter(|a| ids.is_empty() || ids.contains(&a.id)) {
        let mut points = audience::follower_series(conn, a.id, AudienceMetric::Followers)?;
        points.retain(|p| from.is_none_or(|f| p.date >= f) && to.is_none_or(|t| p.date <= t));
        out.push(GrowthSeries { label: account_label(a), role: a.role, points, flags: Vec::new() });
    }
    Ok(out)
}
