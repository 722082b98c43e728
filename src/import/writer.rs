//! The one place importers write through, inside the import's transaction. It keeps the rules of
//! the store: history is added to, never overwritten; a value already known is not stored twice;
//! unknown stays NULL.

use crate::error::Result;
use crate::i18n::Lang;
use crate::import::detect::FileKind;
use crate::model::{AudienceMetric, AudienceSource, Platform, PostMetrics, Role, normalize_handle};
use crate::store::ledger::ImportCounts;
use crate::store::posts::{self, NewPost};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::BTreeMap;

/// Who an export belongs to, as far as it says.
#[derive(Debug, Clone, Default)]
pub struct AccountHint {
    pub handle: Option<String>,
    pub display_name: Option<String>,
    pub user_id: Option<String>,
    pub role: Option<Role>,
    /// The day the export was made, when a file says it.
    pub exported_on: Option<NaiveDate>,
}

impl AccountHint {
    /// Completes this hint with what `other` knows and this one does not.
    pub fn merge(&mut self, other: AccountHint) {
        self.handle = self.handle.take().or(other.handle);
        self.display_name = self.display_name.take().or(other.display_name);
        self.user_id = self.user_id.take().or(other.user_id);
        self.role = self.role.take().or(other.role);
        self.exported_on = self.exported_on.take().or(other.exported_on);
    }
}

/// A follower (or following, or connection) list being written.
pub struct Snapshot {
    pub id: i64,
    pub account_id: i64,
    pub relation: &'static str,
    pub taken_on: NaiveDate,
}

pub struct Writer<'c> {
    pub conn: &'c Connection,
    pub import_id: i64,
    pub counts: ImportCounts,
    pub warnings: Vec<String>,
    pub lang: Lang,
    pub is_demo: bool,
    /// The role the user chose for this import, if any.
    pub role: Option<Role>,
    pub accounts: Vec<i64>,
    pub range: Option<(NaiveDate, NaiveDate)>,
}

impl<'c> Writer<'c> {
    pub fn new(
        conn: &'c Connection,
        import_id: i64,
        lang: Lang,
        is_demo: bool,
        role: Option<Role>,
    ) -> Self {
        Writer {
            conn,
            import_id,
            counts: ImportCounts::default(),
            warnings: Vec::new(),
            lang,
            is_demo,
            role,
            accounts: Vec::new(),
            range: None,
        }
    }

    pub fn warn(&mut self, message: String) {
        if self.warnings.len() < 200 {
            self.warnings.push(message);
        }
    }

    /// Extends the date range the import covers.
    pub fn cover(&mut self, d: NaiveDate) {
        self.range = Some(match self.range {
            None => (d, d),
            Some((a, b)) => (a.min(d), b.max(d)),
        });
    }

    fn touch(&mut self, id: i64) {
        if !self.accounts.contains(&id) {
            self.accounts.push(id);
        }
    }

    /// Finds or creates the account; fills what was unknown; applies the role the user chose.
    pub fn account(&mut self, platform: Platform, hint: &AccountHint) -> Result<i64> {
        let handle = hint
            .handle
            .as_deref()
            .map(normalize_handle)
            .filter(|h| !h.is_empty());
        let by_user_id = match &hint.user_id {
            Some(uid) => self
                .conn
                .query_row(
                    "SELECT id FROM accounts WHERE platform = ?1 AND platform_user_id = ?2",
                    params![platform, uid],
                    |r| r.get::<_, i64>(0),
                )
                .optional()?,
            None => None,
        };
        let existing = match by_user_id {
            Some(id) => Some(id),
            None => match &handle {
                Some(h) => crate::store::accounts::find(self.conn, platform, h)?,
                None => None,
            },
        };
        let id = match existing {
            Some(id) => {
                self.conn.execute(
                    "UPDATE accounts SET display_name = coalesce(display_name, ?2),
                         platform_user_id = coalesce(platform_user_id, ?3) WHERE id = ?1",
                    params![id, hint.display_name, hint.user_id],
                )?;
                if let Some(role) = self.role {
                    crate::store::accounts::set_role(self.conn, id, role)?;
                }
                id
            }
            None => {
                let handle = handle
                    .unwrap_or_else(|| hint.user_id.clone().unwrap_or_else(|| "unknown".into()));
                let role = self.role.or(hint.role).unwrap_or(Role::Personal);
                self.conn.execute(
                    "INSERT INTO accounts (platform, handle, platform_user_id, display_name, role, is_demo, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        platform,
                        handle,
                        hint.user_id,
                        hint.display_name,
                        role,
                        self.is_demo,
                        crate::store::now_rfc3339()
                    ],
                )?;
                self.counts.accounts_created += 1;
                self.conn.last_insert_rowid()
            }
        };
        self.touch(id);
        Ok(id)
    }

    /// Records an audience count, unless the same value is already known for that day and source.
    pub fn audience(
        &mut self,
        account_id: i64,
        day: NaiveDate,
        metric: AudienceMetric,
        value: i64,
        source: AudienceSource,
        lower_bound: bool,
    ) -> Result<()> {
        if value < 0 {
            return Ok(());
        }
        let d = crate::import::text::day(day);
        let mut last = self.conn.prepare_cached(
            "SELECT value, lower_bound FROM audience_observations
             WHERE account_id = ?1 AND metric = ?2 AND observed_on = ?3 AND source = ?4 ORDER BY id DESC LIMIT 1",
        )?;
        let known: Option<(i64, bool)> = last
            .query_row(params![account_id, metric, d, source], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        if known == Some((value, lower_bound)) {
            return Ok(());
        }
        let mut ins = self.conn.prepare_cached(
            "INSERT INTO audience_observations (account_id, observed_on, metric, value, source, lower_bound, import_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        ins.execute(params![
            account_id,
            d,
            metric,
            value,
            source,
            lower_bound,
            self.import_id
        ])?;
        self.counts.audience_points += 1;
        self.cover(day);
        Ok(())
    }

    /// Records a day's follow changes as an analytics export reports them.
    pub fn follow_change(
        &mut self,
        account_id: i64,
        day: NaiveDate,
        gained: Option<i64>,
        lost: Option<i64>,
        net: Option<i64>,
    ) -> Result<()> {
        if gained.is_none() && lost.is_none() && net.is_none() {
            return Ok(());
        }
        let d = crate::import::text::day(day);
        let mut last = self.conn.prepare_cached(
            "SELECT gained, lost, net FROM follow_changes WHERE account_id = ?1 AND day = ?2 ORDER BY id DESC LIMIT 1",
        )?;
        type Change = (Option<i64>, Option<i64>, Option<i64>);
        let known: Option<Change> = last
            .query_row(params![account_id, d], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        if known == Some((gained, lost, net)) {
            return Ok(());
        }
        let mut ins = self.conn.prepare_cached(
            "INSERT INTO follow_changes (account_id, day, gained, lost, net, import_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        ins.execute(params![account_id, d, gained, lost, net, self.import_id])?;
        self.counts.follow_changes += 1;
        self.cover(day);
        Ok(())
    }

    /// Records an account-level daily value (impressions, engagements, reach...).
    pub fn daily_metric(
        &mut self,
        account_id: i64,
        day: NaiveDate,
        metric: &str,
        value: Option<f64>,
    ) -> Result<()> {
        let Some(value) = value else { return Ok(()) };
        let d = crate::import::text::day(day);
        let mut last = self.conn.prepare_cached(
            "SELECT value FROM daily_metrics WHERE account_id = ?1 AND metric = ?2 AND day = ?3 ORDER BY id DESC LIMIT 1",
        )?;
        let known: Option<f64> = last
            .query_row(params![account_id, metric, d], |r| r.get(0))
            .optional()?;
        if known == Some(value) {
            return Ok(());
        }
        let mut ins = self.conn.prepare_cached(
            "INSERT INTO daily_metrics (account_id, day, metric, value, import_id) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        ins.execute(params![account_id, d, metric, value, self.import_id])?;
        self.counts.daily_metrics += 1;
        self.cover(day);
        Ok(())
    }

    pub fn begin_snapshot(
        &mut self,
        account_id: i64,
        relation: &'static str,
        taken_on: NaiveDate,
    ) -> Result<Snapshot> {
        self.conn.execute(
            "INSERT INTO relation_snapshots (account_id, relation, taken_on, import_id) VALUES (?1, ?2, ?3, ?4)",
            params![account_id, relation, crate::import::text::day(taken_on), self.import_id],
        )?;
        Ok(Snapshot {
            id: self.conn.last_insert_rowid(),
            account_id,
            relation,
            taken_on,
        })
    }

    /// Adds one person to a snapshot. `since` is when the relation started (unix seconds), if known.
    pub fn member(
        &mut self,
        snap: &Snapshot,
        handle: Option<&str>,
        user_id: Option<&str>,
        since: Option<i64>,
    ) -> Result<()> {
        let handle = handle.map(normalize_handle).filter(|h| !h.is_empty());
        let user_id = user_id.map(str::trim).filter(|u| !u.is_empty());
        let identity: i64 = match (&handle, user_id) {
            (Some(h), uid) => {
                let mut up = self.conn.prepare_cached(
                    "INSERT INTO identities (account_id, handle, platform_user_id) VALUES (?1, ?2, ?3)
                     ON CONFLICT (account_id, handle) DO UPDATE
                         SET platform_user_id = coalesce(identities.platform_user_id, excluded.platform_user_id)
                     RETURNING id",
                )?;
                up.query_row(params![snap.account_id, h, uid], |r| r.get(0))?
            }
            (None, Some(uid)) => {
                let mut up = self.conn.prepare_cached(
                    "INSERT INTO identities (account_id, platform_user_id) VALUES (?1, ?2)
                     ON CONFLICT (account_id, platform_user_id) DO UPDATE SET platform_user_id = excluded.platform_user_id
                     RETURNING id",
                )?;
                up.query_row(params![snap.account_id, uid], |r| r.get(0))?
            }
            (None, None) => return Ok(()),
        };
        let mut ins = self.conn.prepare_cached(
            "INSERT INTO relation_members (snapshot_id, identity_id, since) VALUES (?1, ?2, ?3)
             ON CONFLICT (snapshot_id, identity_id) DO UPDATE SET since = min(coalesce(since, excluded.since), coalesce(excluded.since, since))",
        )?;
        ins.execute(params![snap.id, identity, since])?;
        Ok(())
    }

    /// Closes a snapshot: counts it, drops it if an identical one of the same day exists, counts
    /// who left since the previous snapshot, and rebuilds the lower-bound history from follow dates.
    pub fn finish_snapshot(&mut self, snap: Snapshot) -> Result<()> {
        let count: i64 = self.conn.query_row(
            "SELECT count(*) FROM relation_members WHERE snapshot_id = ?1",
            [snap.id],
            |r| r.get(0),
        )?;
        self.conn.execute(
            "UPDATE relation_snapshots SET member_count = ?2 WHERE id = ?1",
            params![snap.id, count],
        )?;
        let day = crate::import::text::day(snap.taken_on);

        // Same list on the same day (a re-zipped export): keep the first, add nothing.
        let mut same = self.conn.prepare(
            "SELECT id FROM relation_snapshots WHERE account_id = ?1 AND relation = ?2 AND taken_on = ?3
             AND id <> ?4 AND member_count = ?5",
        )?;
        let twins: Vec<i64> = same
            .query_map(
                params![snap.account_id, snap.relation, day, snap.id, count],
                |r| r.get(0),
            )?
            .collect::<rusqlite::Result<_>>()?;
        for twin in twins {
            let differing: i64 = self.conn.query_row(
                "SELECT count(*) FROM relation_members n WHERE n.snapshot_id = ?1 AND NOT EXISTS
                   (SELECT 1 FROM relation_members o WHERE o.snapshot_id = ?2 AND o.identity_id = n.identity_id)",
                params![snap.id, twin],
                |r| r.get(0),
            )?;
            if differing == 0 {
                self.conn
                    .execute("DELETE FROM relation_snapshots WHERE id = ?1", [snap.id])?;
                return Ok(());
            }
        }

        match snap.relation {
            "followers" | "connections" => {
                self.counts.followers += count as u64;
                let previous: Option<i64> = self
                    .conn
                    .query_row(
                        "SELECT id FROM relation_snapshots WHERE account_id = ?1 AND relation = ?2 AND taken_on < ?3
                         ORDER BY taken_on DESC, id DESC LIMIT 1",
                        params![snap.account_id, snap.relation, day],
                        |r| r.get(0),
                    )
                    .optional()?;
                if let Some(prev) = previous {
                    let left: i64 = self.conn.query_row(
                        "SELECT count(*) FROM relation_members o WHERE o.snapshot_id = ?1 AND NOT EXISTS
                           (SELECT 1 FROM relation_members n WHERE n.snapshot_id = ?2 AND n.identity_id = o.identity_id)",
                        params![prev, snap.id],
                        |r| r.get(0),
                    )?;
                    self.counts.unfollows += left as u64;
                }
                let metric = if snap.relation == "followers" {
                    AudienceMetric::Followers
                } else {
                    AudienceMetric::Connections
                };
                self.reconstruct(&snap, metric)?;
                self.audience(
                    snap.account_id,
                    snap.taken_on,
                    metric,
                    count,
                    AudienceSource::ExportSnapshot,
                    false,
                )?;
            }
            _ => {
                self.counts.following += count as u64;
                self.audience(
                    snap.account_id,
                    snap.taken_on,
                    AudienceMetric::Following,
                    count,
                    AudienceSource::ExportSnapshot,
                    false,
                )?;
            }
        }
        Ok(())
    }

    /// Current followers counted by the day they followed: a lower bound of the past count.
    fn reconstruct(&mut self, snap: &Snapshot, metric: AudienceMetric) -> Result<()> {
        let mut per_day: BTreeMap<NaiveDate, i64> = BTreeMap::new();
        {
            let mut stmt = self.conn.prepare(
                "SELECT since FROM relation_members WHERE snapshot_id = ?1 AND since IS NOT NULL",
            )?;
            let mut rows = stmt.query([snap.id])?;
            while let Some(r) = rows.next()? {
                let since: i64 = r.get(0)?;
                if let Some(t) = crate::import::text::from_unix(since) {
                    let d = t.date_naive();
                    if d < snap.taken_on {
                        *per_day.entry(d).or_default() += 1;
                    }
                }
            }
        }
        let mut total = 0;
        for (day, n) in per_day {
            total += n;
            self.audience(
                snap.account_id,
                day,
                metric,
                total,
                AudienceSource::Reconstructed,
                true,
            )?;
        }
        Ok(())
    }

    /// Stores a post (or completes the known one) and returns its id.
    pub fn post(&mut self, account_id: i64, p: &NewPost<'_>) -> Result<i64> {
        let (id, new) = posts::upsert(self.conn, account_id, self.import_id, p)?;
        self.counts.posts += 1;
        if new {
            self.counts.posts_new += 1;
        }
        if let Some(t) = p
            .published_at
            .as_deref()
            .and_then(crate::import::text::parse_instant)
        {
            self.cover(t.date_naive());
        }
        Ok(id)
    }

    /// Records a post's numbers as `kind` gave them on `observed_on`.
    pub fn observe(
        &mut self,
        post_id: i64,
        observed_on: NaiveDate,
        kind: FileKind,
        m: &PostMetrics,
    ) -> Result<()> {
        if posts::observe(
            self.conn,
            post_id,
            &crate::import::text::day(observed_on),
            kind.id(),
            self.import_id,
            m,
        )? {
            self.counts.post_observations += 1;
        }
        Ok(())
    }
}
