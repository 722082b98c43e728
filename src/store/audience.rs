//! Audience history: dated counts from every source, merged into one series per account.
//!
//! Rules (documented in docs/data-model.md):
//! * For one day and one source, the newest import's value wins (analytics exports revise recent
//!   days), except for `reconstructed` lower bounds, where the highest value wins (each export's
//!   survivors give a valid lower bound; the larger one is the tighter bound).
//! * Daily net follow changes (X overview, YouTube totals) become absolute counts only when anchored
//!   on a measured count (an export snapshot, a live sync or an analytics total) within a week of
//!   the series; they are then reported as `analytics_series`.
//! * Across sources, the most direct one wins for a day: live sync, export snapshot, analytics
//!   series, reconstructed.

use crate::error::Result;
use crate::model::{AudienceMetric, AudienceSource};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

/// One day of an audience series.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SeriesPoint {
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub followers: i64,
    pub source: AudienceSource,
    /// True when the real count may have been higher (rebuilt from current followers' follow dates).
    pub lower_bound: bool,
}

/// How far (in days) a measured count may sit from a series of daily changes to anchor it.
const ANCHOR_MAX_GAP_DAYS: i64 = 7;

/// `YYYY-MM-DD` as stored, read by hand (chrono's format parser cost more than the query itself
/// on ten years of daily rows).
fn parse_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        let n = |r: std::ops::Range<usize>| -> Option<u32> {
            b[r].iter().try_fold(0u32, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')))
        };
        return NaiveDate::from_ymd_opt(n(0..4)? as i32, n(5..7)?, n(8..10)?);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// The merged series of `metric` for an account, one point per day that any source covers.
pub fn follower_series(conn: &Connection, account_id: i64, metric: AudienceMetric) -> Result<Vec<SeriesPoint>> {
    // (date, source) -> (value, lower_bound)
    let mut per_source: BTreeMap<(NaiveDate, AudienceSource), (i64, bool)> = BTreeMap::new();
    // In the index's order (no sort): for each day, observations come in the order they were stored.
    let mut stmt = conn.prepare_cached(
        "SELECT observed_on, value, source, lower_bound FROM audience_observations
         WHERE account_id = ?1 AND metric = ?2 ORDER BY observed_on, id",
    )?;
    let mut rows = stmt.query(params![account_id, metric])?;
    while let Some(r) = rows.next()? {
        let day: String = r.get(0)?;
        let Some(date) = parse_day(&day) else {
            continue;
        };
        let value: i64 = r.get(1)?;
        let source: AudienceSource = r.get(2)?;
        let lower: bool = r.get(3)?;
        per_source
            .entry((date, source))
            .and_modify(|cur| {
                if source == AudienceSource::Reconstructed {
                    if value > cur.0 {
                        *cur = (value, lower);
                    }
                } else {
                    *cur = (value, lower);
                }
            })
            .or_insert((value, lower));
    }

    if metric == AudienceMetric::Followers {
        for (date, value) in anchored_changes(conn, account_id, &per_source)? {
            per_source.entry((date, AudienceSource::AnalyticsSeries)).or_insert((value, false));
        }
    }

    let mut merged: BTreeMap<NaiveDate, SeriesPoint> = BTreeMap::new();
    for ((date, source), (value, lower)) in per_source {
        let candidate = SeriesPoint { date, followers: value, source, lower_bound: lower };
        match merged.get(&date) {
            Some(cur) if cur.source.rank() >= source.rank() => {}
            _ => {
                merged.insert(date, candidate);
            }
        }
    }
    let mut series: Vec<SeriesPoint> = merged.into_values().collect();
    if metric == AudienceMetric::Followers {
        estimate_losses_between_totals(conn, account_id, &mut series)?;
    }
    Ok(series)
}

/// Between two measured totals, exports that give daily gains but no losses (LinkedIn) let us know
/// the losses of the whole interval: L = total(start) + gains − total(end). The lower bounds
/// back-filled from the later total are replaced by estimates that spread L evenly over the
/// days, so the history joins both totals instead of dropping below the first one.
fn estimate_losses_between_totals(conn: &Connection, account_id: i64, series: &mut [SeriesPoint]) -> Result<()> {
    if !series.iter().any(|p| p.lower_bound && p.source == AudienceSource::AnalyticsSeries) {
        return Ok(());
    }
    let mut gains: BTreeMap<NaiveDate, i64> = BTreeMap::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT day, gained FROM follow_changes
             WHERE account_id = ?1 AND gained IS NOT NULL AND lost IS NULL AND net IS NULL ORDER BY id",
        )?;
        let mut rows = stmt.query([account_id])?;
        while let Some(r) = rows.next()? {
            let day: String = r.get(0)?;
            if let Some(d) = parse_day(&day) {
                gains.insert(d, r.get(1)?);
            }
        }
    }
    let measured: Vec<usize> = (0..series.len()).filter(|&i| !series[i].lower_bound).collect();
    for pair in measured.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let inside = &series[a + 1..b];
        if inside.is_empty() || !inside.iter().all(|p| p.lower_bound && p.source == AudienceSource::AnalyticsSeries) {
            continue;
        }
        let (d0, v0) = (series[a].date, series[a].followers);
        let (d1, v1) = (series[b].date, series[b].followers);
        let span = (d1 - d0).num_days();
        let after_d0 = d0.succ_opt().unwrap_or(d0);
        let covered = gains.range(after_d0..=d1).count() as i64;
        if span <= 1 || covered * 10 < span * 9 {
            continue; // gains missing for more than a tenth of the days: leave the bounds
        }
        let total_gains: i64 = gains.range(after_d0..=d1).map(|(_, g)| g).sum();
        let losses = v0 + total_gains - v1;
        if losses < 0 {
            continue; // the totals and gains disagree; keep what the exports say
        }
        for p in &mut series[a + 1..b] {
            let gained: i64 = gains.range(after_d0..=p.date).map(|(_, g)| g).sum();
            let elapsed = (p.date - d0).num_days() as f64 / span as f64;
            p.followers = v0 + gained - (losses as f64 * elapsed).round() as i64;
            p.lower_bound = false;
        }
    }
    Ok(())
}

/// Daily net changes turned into absolute counts by anchoring on a measured count.
fn anchored_changes(
    conn: &Connection,
    account_id: i64,
    observed: &BTreeMap<(NaiveDate, AudienceSource), (i64, bool)>,
) -> Result<Vec<(NaiveDate, i64)>> {
    let nets = daily_net_changes(conn, account_id)?;
    let (Some((&first, _)), Some((&last, _))) = (nets.first_key_value(), nets.last_key_value()) else {
        return Ok(Vec::new());
    };
    // The measured count nearest to the end of the change series, within the allowed gap.
    let anchor = observed
        .iter()
        .filter(|((_, s), (_, lower))| *s != AudienceSource::Reconstructed && !lower)
        .filter(|((d, _), _)| *d >= first.pred_opt().unwrap_or(first) && (*d - last).num_days() <= ANCHOR_MAX_GAP_DAYS)
        .max_by_key(|((d, s), _)| (std::cmp::Reverse((*d - last).num_days().abs()), s.rank()))
        .map(|((d, _), (v, _))| (*d, *v));
    let Some((anchor_day, anchor_value)) = anchor else {
        return Ok(Vec::new());
    };

    let mut out = Vec::with_capacity(nets.len());
    // Backwards from the anchor: count(d) = count(anchor) - sum of net changes in (d, anchor].
    let mut value = anchor_value;
    for (&day, &net) in nets.range(..=anchor_day).rev() {
        if day < anchor_day {
            out.push((day, value));
        }
        value -= net;
    }
    if let Some(&before_first) = first.pred_opt().as_ref()
        && before_first < anchor_day
    {
        out.push((before_first, value));
    }
    // Forwards from the anchor.
    let mut value = anchor_value;
    for (&day, &net) in nets.range(anchor_day.succ_opt().unwrap_or(anchor_day)..) {
        value += net;
        out.push((day, value));
    }
    out.retain(|(_, v)| *v >= 0);
    out.sort();
    Ok(out)
}

/// Net follower change per day (newest import wins for a day); days with gains only are left out.
pub fn daily_net_changes(conn: &Connection, account_id: i64) -> Result<BTreeMap<NaiveDate, i64>> {
    let mut stmt =
        // In the index's order (no sort); for each day the newest import comes last and wins.
        conn.prepare_cached("SELECT day, gained, lost, net FROM follow_changes WHERE account_id = ?1 ORDER BY day, id")?;
    let mut rows = stmt.query([account_id])?;
    let mut out = BTreeMap::new();
    while let Some(r) = rows.next()? {
        let day: String = r.get(0)?;
        let Some(date) = parse_day(&day) else {
            continue;
        };
        let gained: Option<i64> = r.get(1)?;
        let lost: Option<i64> = r.get(2)?;
        let net: Option<i64> = r.get(3)?;
        let net = net.or(match (gained, lost) {
            (Some(g), Some(l)) => Some(g - l),
            _ => None,
        });
        if let Some(n) = net {
            out.insert(date, n);
        } else {
            out.remove(&date);
        }
    }
    Ok(out)
}

/// The most recent value of a metric, whatever its source.
pub fn latest_value(conn: &Connection, account_id: i64, metric: AudienceMetric) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT value FROM audience_observations WHERE account_id = ?1 AND metric = ?2
             ORDER BY observed_on DESC, lower_bound ASC, id DESC LIMIT 1",
            params![account_id, metric],
            |r| r.get(0),
        )
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn store_with_account() -> (tempfile::TempDir, Store, i64) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("t.db")).unwrap();
        let id = store
            .write(|tx| {
                tx.execute("INSERT INTO accounts (platform, handle, created_at) VALUES ('x', 'a', '2026-01-01')", [])?;
                Ok(tx.last_insert_rowid())
            })
            .unwrap();
        (dir, store, id)
    }

    fn d(s: &str) -> NaiveDate {
        parse_day(s).unwrap()
    }

    #[test]
    fn net_changes_are_anchored_on_a_snapshot() {
        let (_dir, store, id) = store_with_account();
        store
            .write(|tx| {
                for (day, g, l) in [("2026-01-01", 10, 2), ("2026-01-02", 5, 0), ("2026-01-03", 0, 3)] {
                    tx.execute(
                        "INSERT INTO follow_changes (account_id, day, gained, lost) VALUES (?1, ?2, ?3, ?4)",
                        params![id, day, g, l],
                    )?;
                }
                tx.execute(
                    "INSERT INTO audience_observations (account_id, observed_on, metric, value, source)
                     VALUES (?1, '2026-01-04', 'followers', 100, 'export_snapshot')",
                    [id],
                )?;
                Ok(())
            })
            .unwrap();
        let s = store.read(|c| follower_series(c, id, AudienceMetric::Followers)).unwrap();
        let pairs: Vec<(NaiveDate, i64)> = s.iter().map(|p| (p.date, p.followers)).collect();
        // 2026-01-04 is the anchor (no change known that day); end of 01-03 = 100, 01-02 = 103,
        // 01-01 = 98, and the day before the series = 90.
        assert_eq!(
            pairs,
            vec![
                (d("2025-12-31"), 90),
                (d("2026-01-01"), 98),
                (d("2026-01-02"), 103),
                (d("2026-01-03"), 100),
                (d("2026-01-04"), 100)
            ]
        );
        assert_eq!(s.last().unwrap().source, AudienceSource::ExportSnapshot);
        assert_eq!(s[0].source, AudienceSource::AnalyticsSeries);
    }

    #[test]
    fn without_an_anchor_changes_give_no_counts() {
        let (_dir, store, id) = store_with_account();
        store
            .write(|tx| {
                tx.execute(
                    "INSERT INTO follow_changes (account_id, day, gained, lost) VALUES (?1, '2026-01-01', 3, 1)",
                    [id],
                )?;
                Ok(())
            })
            .unwrap();
        let s = store.read(|c| follower_series(c, id, AudienceMetric::Followers)).unwrap();
        assert!(s.is_empty());
    }

    #[test]
    fn gains_between_two_totals_spread_the_losses() {
        let (_dir, store, id) = store_with_account();
        store
            .write(|tx| {
                let mut obs = tx.prepare(
                    "INSERT INTO audience_observations (account_id, observed_on, metric, value, source, lower_bound)
                     VALUES (?1, ?2, 'followers', ?3, 'analytics_series', ?4)",
                )?;
                // Older export: total 100 on Jan 1. Newer: total 120 on Jan 5, gains 10 a day,
                // back-filled lower bounds 90, 100, 110 for Jan 2-4.
                obs.execute(params![id, "2026-01-01", 100, 0])?;
                obs.execute(params![id, "2026-01-02", 90, 1])?;
                obs.execute(params![id, "2026-01-03", 100, 1])?;
                obs.execute(params![id, "2026-01-04", 110, 1])?;
                obs.execute(params![id, "2026-01-05", 120, 0])?;
                for d in ["2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05"] {
                    tx.execute(
                        "INSERT INTO follow_changes (account_id, day, gained) VALUES (?1, ?2, 10)",
                        params![id, d],
                    )?;
                }
                Ok(())
            })
            .unwrap();
        let s = store.read(|c| follower_series(c, id, AudienceMetric::Followers)).unwrap();
        let v: Vec<(i64, bool)> = s.iter().map(|p| (p.followers, p.lower_bound)).collect();
        // 40 gained, 20 lost over 4 days (5 a day): 105, 110, 115, then the measured 120.
        assert_eq!(v, vec![(100, false), (105, false), (110, false), (115, false), (120, false)]);
    }

    #[test]
    fn sources_are_ranked_and_reconstructions_keep_the_tighter_bound() {
        let (_dir, store, id) = store_with_account();
        store
            .write(|tx| {
                let mut ins = tx.prepare(
                    "INSERT INTO audience_observations (account_id, observed_on, metric, value, source, lower_bound)
                     VALUES (?1, ?2, 'followers', ?3, ?4, ?5)",
                )?;
                ins.execute(params![id, "2026-01-01", 50, "reconstructed", 1])?;
                ins.execute(params![id, "2026-01-01", 40, "reconstructed", 1])?;
                ins.execute(params![id, "2026-01-02", 60, "reconstructed", 1])?;
                ins.execute(params![id, "2026-01-02", 70, "export_snapshot", 0])?;
                Ok(())
            })
            .unwrap();
        let s = store.read(|c| follower_series(c, id, AudienceMetric::Followers)).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].followers, s[0].lower_bound), (50, true));
        assert_eq!((s[1].followers, s[1].source), (70, AudienceSource::ExportSnapshot));
    }
}
