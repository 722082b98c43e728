//! The one place importers write through, inside the import's transaction. It keeps the rules of
//! the store: history is added to, never overwritten; a value already known is not stored twice;
//! unknown stays NULL.

use crate::error::Result;
use crate::i18n::Lang;
use crate::import::detect::FileKind;
use crate::model::{AudienceMetric, AudienceSource, Platform, PostKind, PostMetrics, Role, normalize_handle};
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
    pending: Vec<Pending>,
    /// People who started following on each day (from the export's follow dates).
    per_day: BTreeMap<NaiveDate, i64>,
    member_count: i64,
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
    /// Posts this import created, and (post, source) pairs it observed.
    new_posts: std::collections::HashSet<i64>,
    observed: std::collections::HashSet<(i64, FileKind)>,
    /// Whether each account had posts before this import (then every post may be known).
    had_posts: std::collections::HashMap<i64, bool>,
}

/// Posts of one account from one file, buffered for [`Writer::post_buffered`].
pub struct PostBatch {
    pub account_id: i64,
    pub observed_on: NaiveDate,
    pub source: FileKind,
    items: Vec<BufferedPost>,
    /// Ids buffered or written so far by this batch (a repeated id takes the careful path).
    seen: std::collections::HashSet<String>,
}

impl PostBatch {
    pub fn new(account_id: i64, observed_on: NaiveDate, source: FileKind) -> Self {
        PostBatch { account_id, observed_on, source, items: Vec::new(), seen: std::collections::HashSet::new() }
    }
}

/// A post with its numbers, owned, for batched writes.
pub struct BufferedPost {
    pub id: String,
    pub published_at: Option<String>,
    pub kind: PostKind,
    pub text: Option<String>,
    pub url: Option<String>,
    pub metrics: Option<PostMetrics>,
}

/// Rows per multi-row INSERT (3 parameters each, well below SQLite's 32,766-parameter limit).
const BATCH: usize = 256;
/// Posts per multi-row INSERT (7 parameters for the post, 20 for its numbers: 1,000 rows stay
/// below the 32,766-parameter limit).
const POST_BATCH: usize = 1_000;

/// A person listed in a snapshot, not yet written.
struct Pending {
    handle: Option<String>,
    user_id: Option<String>,
    since: Option<i64>,
}

impl<'c> Writer<'c> {
    pub fn new(conn: &'c Connection, import_id: i64, lang: Lang, is_demo: bool, role: Option<Role>) -> Self {
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
            new_posts: std::collections::HashSet::new(),
            observed: std::collections::HashSet::new(),
            had_posts: std::collections::HashMap::new(),
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
        let handle = hint.handle.as_deref().map(normalize_handle).filter(|h| !h.is_empty());
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
                let handle = handle.unwrap_or_else(|| hint.user_id.clone().unwrap_or_else(|| "unknown".into()));
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
        let known: Option<(i64, bool)> =
            last.query_row(params![account_id, metric, d, source], |r| Ok((r.get(0)?, r.get(1)?))).optional()?;
        if known == Some((value, lower_bound)) {
            return Ok(());
        }
        let mut ins = self.conn.prepare_cached(
            "INSERT INTO audience_observations (account_id, observed_on, metric, value, source, lower_bound, import_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        ins.execute(params![account_id, d, metric, value, source, lower_bound, self.import_id])?;
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
        let known: Option<Change> =
            last.query_row(params![account_id, d], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).optional()?;
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
    pub fn daily_metric(&mut self, account_id: i64, day: NaiveDate, metric: &str, value: Option<f64>) -> Result<()> {
        let Some(value) = value else { return Ok(()) };
        let d = crate::import::text::day(day);
        let mut last = self.conn.prepare_cached(
            "SELECT value FROM daily_metrics WHERE account_id = ?1 AND metric = ?2 AND day = ?3 ORDER BY id DESC LIMIT 1",
        )?;
        let known: Option<f64> = last.query_row(params![account_id, metric, d], |r| r.get(0)).optional()?;
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

    pub fn begin_snapshot(&mut self, account_id: i64, relation: &'static str, taken_on: NaiveDate) -> Result<Snapshot> {
        self.conn.execute(
            "INSERT INTO relation_snapshots (account_id, relation, taken_on, import_id) VALUES (?1, ?2, ?3, ?4)",
            params![account_id, relation, crate::import::text::day(taken_on), self.import_id],
        )?;
        Ok(Snapshot {
            id: self.conn.last_insert_rowid(),
            account_id,
            relation,
            taken_on,
            pending: Vec::new(),
            per_day: BTreeMap::new(),
            member_count: 0,
        })
    }

    /// Adds one person to a snapshot. `since` is when the relation started (unix seconds), if known.
    /// People are buffered and written when the snapshot closes.
    pub fn member(
        &mut self,
        snap: &mut Snapshot,
        handle: Option<&str>,
        user_id: Option<&str>,
        since: Option<i64>,
    ) -> Result<()> {
        let handle = handle.map(normalize_handle).filter(|h| !h.is_empty());
        let user_id = user_id.map(str::trim).filter(|u| !u.is_empty()).map(str::to_string);
        if handle.is_some() || user_id.is_some() {
            snap.pending.push(Pending { handle, user_id, since });
        }
        Ok(())
    }

    /// Writes the buffered people of a snapshot, sorted so that the identity index and the
    /// membership table grow by appending (a million random-order index inserts cost three times
    /// more). Existing identities of the account are looked up; new ones are plain inserts.
    fn write_members(&mut self, snap: &mut Snapshot) -> Result<()> {
        let mut pending = std::mem::take(&mut snap.pending);
        pending.sort_unstable_by(|a, b| (&a.handle, &a.user_id).cmp(&(&b.handle, &b.user_id)));
        pending.dedup_by(|later, kept| {
            let same = later.handle == kept.handle && later.user_id == kept.user_id;
            if same {
                kept.since = match (kept.since, later.since) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
            same
        });
        let has_existing: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM identities WHERE account_id = ?1)",
            [snap.account_id],
            |r| r.get(0),
        )?;
        // Known people keep their identity; the others are inserted in batches.
        let mut ids: Vec<Option<i64>> = vec![None; pending.len()];
        if has_existing {
            let mut by_handle =
                self.conn.prepare_cached("SELECT id FROM identities WHERE account_id = ?1 AND handle = ?2")?;
            let mut by_user_id = self
                .conn
                .prepare_cached("SELECT id FROM identities WHERE account_id = ?1 AND platform_user_id = ?2")?;
            for (p, id) in pending.iter().zip(ids.iter_mut()) {
                if let Some(h) = &p.handle {
                    *id = by_handle.query_row(params![snap.account_id, h], |r| r.get(0)).optional()?;
                }
                if id.is_none()
                    && let Some(u) = &p.user_id
                {
                    *id = by_user_id.query_row(params![snap.account_id, u], |r| r.get(0)).optional()?;
                }
            }
        }
        let new: Vec<usize> = (0..pending.len()).filter(|&i| ids[i].is_none()).collect();
        for chunk in new.chunks(BATCH) {
            let sql = format!(
                "INSERT INTO identities (account_id, handle, platform_user_id) VALUES {} RETURNING id, handle, platform_user_id",
                vec!["(?, ?, ?)"; chunk.len()].join(", ")
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let values = chunk.iter().flat_map(|&i| {
                let p = &pending[i];
                [
                    rusqlite::types::Value::Integer(snap.account_id),
                    p.handle.clone().map_or(rusqlite::types::Value::Null, rusqlite::types::Value::Text),
                    p.user_id.clone().map_or(rusqlite::types::Value::Null, rusqlite::types::Value::Text),
                ]
            });
            // RETURNING order is not guaranteed: match rows back by their key.
            let mut returned: std::collections::HashMap<(Option<String>, Option<String>), i64> =
                std::collections::HashMap::with_capacity(chunk.len());
            let mut rows = stmt.query(rusqlite::params_from_iter(values))?;
            while let Some(r) = rows.next()? {
                returned.insert((r.get(1)?, r.get(2)?), r.get(0)?);
            }
            for &i in chunk {
                let key = (pending[i].handle.clone(), pending[i].user_id.clone());
                ids[i] = returned.get(&key).copied();
            }
        }
        let members: Vec<(i64, Option<i64>)> =
            pending.iter().zip(&ids).filter_map(|(p, id)| id.map(|id| (id, p.since))).collect();
        for chunk in members.chunks(BATCH) {
            let sql = format!(
                "INSERT OR IGNORE INTO relation_members (snapshot_id, identity_id, since) VALUES {}",
                vec!["(?, ?, ?)"; chunk.len()].join(", ")
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let values = chunk.iter().flat_map(|(id, since)| {
                [
                    rusqlite::types::Value::Integer(snap.id),
                    rusqlite::types::Value::Integer(*id),
                    since.map_or(rusqlite::types::Value::Null, rusqlite::types::Value::Integer),
                ]
            });
            stmt.execute(rusqlite::params_from_iter(values))?;
        }
        // Current followers by the day they followed, for the lower-bound history.
        for p in &pending {
            if let Some(d) = p.since.and_then(crate::import::text::from_unix).map(|t| t.date_naive())
                && d < snap.taken_on
            {
                *snap.per_day.entry(d).or_default() += 1;
            }
        }
        snap.member_count = pending.len() as i64;
        Ok(())
    }

    /// Closes a snapshot: counts it, drops it if an identical one of the same day exists, counts
    /// who left since the previous snapshot, and rebuilds the lower-bound history from follow dates.
    pub fn finish_snapshot(&mut self, mut snap: Snapshot) -> Result<()> {
        self.write_members(&mut snap)?;
        let count = snap.member_count;
        self.conn.execute("UPDATE relation_snapshots SET member_count = ?2 WHERE id = ?1", params![snap.id, count])?;
        let day = crate::import::text::day(snap.taken_on);

        // Same list on the same day (a re-zipped export): keep the first, add nothing.
        let mut same = self.conn.prepare(
            "SELECT id FROM relation_snapshots WHERE account_id = ?1 AND relation = ?2 AND taken_on = ?3
             AND id <> ?4 AND member_count = ?5",
        )?;
        let twins: Vec<i64> = same
            .query_map(params![snap.account_id, snap.relation, day, snap.id, count], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for twin in twins {
            let differing: i64 = self.conn.query_row(
                "SELECT count(*) FROM relation_members n WHERE n.snapshot_id = ?1 AND NOT EXISTS
                   (SELECT 1 FROM relation_members o WHERE o.snapshot_id = ?2 AND o.identity_id = n.identity_id)",
                params![snap.id, twin],
                |r| r.get(0),
            )?;
            if differing == 0 {
                self.conn.execute("DELETE FROM relation_snapshots WHERE id = ?1", [snap.id])?;
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
                let metric =
                    if snap.relation == "followers" { AudienceMetric::Followers } else { AudienceMetric::Connections };
                self.reconstruct(&snap, metric)?;
                self.audience(snap.account_id, snap.taken_on, metric, count, AudienceSource::ExportSnapshot, false)?;
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
        let per_day = snap.per_day.clone();
        let mut total = 0;
        for (day, n) in per_day {
            total += n;
            self.audience(snap.account_id, day, metric, total, AudienceSource::Reconstructed, true)?;
        }
        Ok(())
    }

    /// Stores a post (or completes the known one) and returns its id.
    pub fn post(&mut self, account_id: i64, p: &NewPost<'_>) -> Result<i64> {
        let (id, created_by_this_import) = posts::upsert(self.conn, account_id, self.import_id, p)?;
        self.counts.posts += 1;
        if created_by_this_import && self.new_posts.insert(id) {
            self.counts.posts_new += 1;
        }
        if let Some(t) = p.published_at.as_deref().and_then(crate::import::text::parse_instant) {
            self.cover(t.date_naive());
        }
        Ok(id)
    }

    /// Buffers a post of a large file (X archives hold hundreds of thousands): posts new to the
    /// account are written by multi-row inserts, the others through [`Writer::post`].
    pub fn post_buffered(&mut self, batch: &mut PostBatch, p: BufferedPost) -> Result<()> {
        if !self.had_posts.contains_key(&batch.account_id) {
            let had: bool = self.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM posts WHERE account_id = ?1)",
                [batch.account_id],
                |r| r.get(0),
            )?;
            self.had_posts.insert(batch.account_id, had);
        }
        let known_before = self.had_posts.get(&batch.account_id).copied().unwrap_or(true);
        if known_before || !batch.seen.insert(p.id.clone()) {
            // Possibly known: the careful path (after writing what is buffered, in order).
            self.flush_posts(batch)?;
            let id = self.post(
                batch.account_id,
                &NewPost {
                    platform_post_id: &p.id,
                    published_at: p.published_at.clone(),
                    kind: p.kind,
                    text: p.text.as_deref(),
                    url: p.url.as_deref(),
                    duration_s: None,
                },
            )?;
            if let Some(m) = &p.metrics {
                self.observe(id, batch.observed_on, batch.source, m)?;
            }
            return Ok(());
        }
        batch.items.push(p);
        if batch.items.len() >= POST_BATCH {
            self.flush_posts(batch)?;
        }
        Ok(())
    }

    /// Writes the buffered posts (all new to their account) and their numbers.
    pub fn flush_posts(&mut self, batch: &mut PostBatch) -> Result<()> {
        if batch.items.is_empty() {
            return Ok(());
        }
        let items = std::mem::take(&mut batch.items);
        let sql = format!(
            "INSERT INTO posts (account_id, platform_post_id, published_at, kind, text, url, import_id) VALUES {}",
            vec!["(?, ?, ?, ?, ?, ?, ?)"; items.len()].join(", ")
        );
        let mut params: Vec<&dyn rusqlite::ToSql> = Vec::with_capacity(items.len() * 7);
        for p in &items {
            params.extend_from_slice(&[
                &batch.account_id,
                &p.id,
                &p.published_at,
                &p.kind,
                &p.text,
                &p.url,
                &self.import_id,
            ]);
        }
        self.conn.prepare_cached(&sql)?.execute(params.as_slice())?;
        // The rows of a multi-row INSERT into a rowid table get consecutive rowids (each is one more
        // than the largest so far, and nothing else writes inside this transaction).
        let last = self.conn.last_insert_rowid();
        let first = last - items.len() as i64 + 1;
        let ids: Vec<i64> = (first..=last).collect();
        let day = crate::import::text::day(batch.observed_on);
        let mut observations: Vec<(i64, &PostMetrics)> = Vec::new();
        for (p, &id) in items.iter().zip(&ids) {
            self.counts.posts += 1;
            self.counts.posts_new += 1;
            self.new_posts.insert(id);
            if let Some(t) = p.published_at.as_deref().and_then(crate::import::text::parse_instant) {
                self.cover(t.date_naive());
            }
            if let Some(m) = p.metrics.as_ref().filter(|m| !m.is_empty()) {
                self.observed.insert((id, batch.source));
                observations.push((id, m));
            }
        }
        if !observations.is_empty() {
            let sql = format!(
                "INSERT INTO post_metrics (post_id, observed_on, source, import_id, {}) VALUES {}",
                posts::METRIC_COLUMNS,
                vec![format!("({})", vec!["?"; 20].join(", ")); observations.len()].join(", ")
            );
            let source = batch.source.id();
            let mut params: Vec<&dyn rusqlite::ToSql> = Vec::with_capacity(observations.len() * 20);
            for (id, m) in &observations {
                params.extend_from_slice(&[
                    id,
                    &day,
                    &source,
                    &self.import_id,
                    &m.views,
                    &m.impressions,
                    &m.reach,
                    &m.likes,
                    &m.comments,
                    &m.replies,
                    &m.shares,
                    &m.quotes,
                    &m.saves,
                    &m.engagements,
                    &m.profile_visits,
                    &m.follows,
                    &m.link_clicks,
                    &m.watch_time_s,
                    &m.avg_view_duration_s,
                    &m.avg_pct_viewed,
                ]);
            }
            self.conn.prepare_cached(&sql)?.execute(params.as_slice())?;
            self.counts.post_observations += observations.len() as u64;
        }
        Ok(())
    }

    /// Records a post's numbers as `kind` gave them on `observed_on`.
    pub fn observe(&mut self, post_id: i64, observed_on: NaiveDate, kind: FileKind, m: &PostMetrics) -> Result<()> {
        // A post this import created has no earlier observation from this source to compare with.
        let fresh = self.new_posts.contains(&post_id) && self.observed.insert((post_id, kind));
        if posts::observe(
            self.conn,
            post_id,
            &crate::import::text::day(observed_on),
            kind.id(),
            self.import_id,
            m,
            fresh,
        )? {
            self.counts.post_observations += 1;
        }
        Ok(())
    }
}
