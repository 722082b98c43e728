//! Writing a snapshot, inside the sync's one transaction, with the store's rules: history is added
//! to and never overwritten, a value already known is not stored twice, unknown stays NULL. Rows
//! written by a sync have no import (`import_id` NULL): undoing an import never removes them.

use super::{Fetched, Target};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::{AudienceMetric, AudienceSource, Platform, PostMetrics, Role};
use crate::store::posts::{METRIC_COLUMNS, metrics_from_row};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

/// An account found by handle, to add or complete.
#[derive(Debug, Clone)]
pub(crate) struct Registration {
    pub platform: Platform,
    pub handle: String,
    pub user_id: String,
    pub display_name: Option<String>,
    pub instance_url: Option<String>,
    pub role: Option<Role>,
}

/// Adds the account, or completes the one already stored (found by DID on Bluesky, else by
/// handle). Returns its id and whether it was created.
pub(crate) fn register(conn: &Connection, r: &Registration) -> Result<(i64, bool)> {
    let by_user_id: Option<i64> = if r.platform == Platform::Bluesky {
        conn.query_row(
            "SELECT id FROM accounts WHERE platform = ?1 AND platform_user_id = ?2",
            params![r.platform, r.user_id],
            |row| row.get(0),
        )
        .optional()?
    } else {
        None
    };
    let by_handle: Option<(i64, Option<String>)> = conn
        .query_row(
            "SELECT id, platform_user_id FROM accounts WHERE platform = ?1 AND handle = ?2",
            params![r.platform, r.handle],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    let existing = match (by_user_id, by_handle) {
        (Some(id), _) => Some(id),
        (None, Some((id, Some(uid)))) if r.platform == Platform::Bluesky && uid != r.user_id => {
            return Err(Error::InvalidArgument(format!(
                "account {id} is @{} with another identity ({uid}); the handle now belongs to {}. Rename or delete account {id} first",
                r.handle, r.user_id
            )));
        }
        (None, Some((id, _))) => Some(id),
        (None, None) => None,
    };
    match existing {
        Some(id) => {
            conn.execute(
                "UPDATE accounts SET platform_user_id = ?2,
                     display_name = coalesce(?3, display_name), instance_url = coalesce(?4, instance_url)
                 WHERE id = ?1",
                params![id, r.user_id, r.display_name, r.instance_url],
            )?;
            rename(conn, id, r.platform, &r.handle)?;
            if let Some(role) = r.role {
                crate::store::accounts::set_role(conn, id, role)?;
            }
            Ok((id, false))
        }
        None => {
            conn.execute(
                "INSERT INTO accounts (platform, handle, platform_user_id, display_name, role, instance_url, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    r.platform,
                    r.handle,
                    r.user_id,
                    r.display_name,
                    r.role.unwrap_or(Role::Personal),
                    r.instance_url,
                    crate::store::now_rfc3339()
                ],
            )?;
            Ok((conn.last_insert_rowid(), true))
        }
    }
}

/// Follows a handle change (Bluesky handles are domain names and can change; the DID stays),
/// unless another account of the platform already has the new handle.
fn rename(conn: &Connection, id: i64, platform: Platform, handle: &str) -> Result<bool> {
    let taken: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM accounts WHERE platform = ?1 AND handle = ?2 AND id <> ?3)",
        params![platform, handle, id],
        |r| r.get(0),
    )?;
    if taken {
        return Ok(false);
    }
    Ok(conn.execute("UPDATE accounts SET handle = ?2 WHERE id = ?1 AND handle <> ?2", params![id, handle])? > 0)
}

/// What a snapshot added.
#[derive(Debug, Default)]
pub(crate) struct Written {
    pub audience_points: u64,
    pub posts_seen: u64,
    pub posts_new: u64,
    pub post_observations: u64,
    pub reposts: u64,
    pub follower_list: Option<u64>,
    pub unfollows: Option<u64>,
}

pub(crate) fn list_too_long(lang: Lang, n: usize, cap: usize) -> String {
    match lang {
        Lang::En => format!(
            "the follower list ({} people) is longer than the limit of {} read per sync: it was not stored (a partial list would count the missing people as gone)",
            lang.int(n as i64),
            lang.int(cap as i64)
        ),
        Lang::Fr => format!(
            "la liste des abonnés ({} personnes) dépasse la limite de {} lue par synchronisation : elle n'a pas été enregistrée (une liste partielle compterait les absents comme partis)",
            lang.int(n as i64),
            lang.int(cap as i64)
        ),
    }
}

/// Writes everything a sync fetched, and marks the account synced (`last_sync_at`, error cleared).
pub(crate) fn snapshot(
    conn: &Connection,
    target: &Target,
    f: &mut Fetched,
    day: NaiveDate,
    source: &str,
    now: &str,
    lang: Lang,
) -> Result<Written> {
    let mut w = Written::default();
    let d = day.format("%Y-%m-%d").to_string();

    conn.execute(
        "UPDATE accounts SET platform_user_id = ?2, display_name = coalesce(?3, display_name),
             last_sync_at = ?4, last_sync_error = NULL WHERE id = ?1",
        params![target.id, f.user_id, f.display_name, now],
    )?;
    if f.handle != target.handle && !rename(conn, target.id, target.platform, &f.handle)? {
        f.warnings.push(match lang {
            Lang::En => format!(
                "the account is now called @{}, but another account already has that handle: merge them",
                f.handle
            ),
            Lang::Fr => format!(
                "le compte s'appelle maintenant @{}, mais un autre compte porte déjà ce nom : fusionnez-les",
                f.handle
            ),
        });
    }

    // Audience counts: a value already known for the day (from a sync) is not stored again.
    for (metric, value) in [
        (AudienceMetric::Followers, f.followers),
        (AudienceMetric::Following, f.following),
        (AudienceMetric::Posts, f.posts),
    ] {
        let Some(value) = value.filter(|v| *v >= 0) else { continue };
        let mut last = conn.prepare_cached(
            "SELECT value FROM audience_observations
             WHERE account_id = ?1 AND metric = ?2 AND observed_on = ?3 AND source = ?4 ORDER BY id DESC LIMIT 1",
        )?;
        let known: Option<i64> =
            last.query_row(params![target.id, metric, d, AudienceSource::LiveSync], |r| r.get(0)).optional()?;
        if known == Some(value) {
            continue;
        }
        conn.prepare_cached(
            "INSERT INTO audience_observations (account_id, observed_on, metric, value, source, lower_bound, import_id)
             VALUES (?1, ?2, ?3, ?4, ?5, 0, NULL)",
        )?
        .execute(params![target.id, d, metric, value, AudienceSource::LiveSync])?;
        w.audience_points += 1;
    }

    // Posts: upserted by platform id; numbers observed when they changed.
    for item in &f.items {
        w.posts_seen += 1;
        if item.metrics.is_none() {
            w.reposts += 1;
        }
        let existing: Option<i64> = conn
            .prepare_cached("SELECT id FROM posts WHERE account_id = ?1 AND platform_post_id = ?2")?
            .query_row(params![target.id, item.id], |r| r.get(0))
            .optional()?;
        let post_id = match existing {
            Some(id) => {
                // Known fields kept (an export may have given them), the text follows edits.
                conn.prepare_cached(
                    "UPDATE posts SET published_at = coalesce(published_at, ?2), text = coalesce(?3, text),
                         url = coalesce(url, ?4), kind = CASE WHEN kind = 'post' THEN ?5 ELSE kind END
                     WHERE id = ?1",
                )?
                .execute(params![id, item.published_at, item.text, item.url, item.kind])?;
                id
            }
            None => {
                conn.prepare_cached(
                    "INSERT INTO posts (account_id, platform_post_id, published_at, kind, text, url, import_id)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL)",
                )?
                .execute(params![
                    target.id,
                    item.id,
                    item.published_at,
                    item.kind,
                    item.text,
                    item.url
                ])?;
                w.posts_new += 1;
                conn.last_insert_rowid()
            }
        };
        if let Some(m) = item.metrics.as_ref().filter(|m| !m.is_empty())
            && observe(conn, post_id, &d, source, m, existing.is_none())?
        {
            w.post_observations += 1;
        }
    }

    if let Some(people) = f.follower_list.take() {
        let expected = f.followers;
        if people.is_empty() && expected != Some(0) {
            f.warnings.push(
                lang.pick(
                    "the follower list came back empty (hidden by the owner?): it was not stored",
                    "la liste des abonnés est vide (masquée par le propriétaire ?) : elle n'a pas été enregistrée",
                )
                .to_string(),
            );
        } else {
            let (members, left) = follower_snapshot(conn, target.id, &d, &people)?;
            w.follower_list = Some(members);
            w.unfollows = left;
        }
    }
    Ok(w)
}

/// Stores a post's numbers unless they are exactly the last ones this source gave for it.
fn observe(conn: &Connection, post_id: i64, day: &str, source: &str, m: &PostMetrics, new_post: bool) -> Result<bool> {
    if !new_post {
        let previous = conn
            .prepare_cached(&format!(
                "SELECT {METRIC_COLUMNS} FROM post_metrics WHERE post_id = ?1 AND source = ?2
                 ORDER BY observed_on DESC, id DESC LIMIT 1"
            ))?
            .query_row(params![post_id, source], |r| metrics_from_row(r, 0))
            .optional()?;
        if previous.as_ref() == Some(m) {
            return Ok(false);
        }
    }
    conn.prepare_cached(&format!(
        "INSERT INTO post_metrics (post_id, observed_on, source, import_id, {METRIC_COLUMNS})
         VALUES (?1, ?2, ?3, NULL, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)"
    ))?
    .execute(params![
        post_id,
        day,
        source,
        m.views,
        m.impressions,
        m.reach,
        m.likes,
        m.comments,
        m.replies,
        m.shares,
        m.quotes,
        m.saves,
        m.engagements,
        m.profile_visits,
        m.follows,
        m.link_clicks,
        m.watch_time_s,
        m.avg_view_duration_s,
        m.avg_pct_viewed
    ])?;
    Ok(true)
}

/// Writes the follower list as a dated snapshot. A list identical to one of the same day is not
/// kept. Returns the people listed and how many of the previous snapshot's are missing.
fn follower_snapshot(
    conn: &Connection,
    account_id: i64,
    day: &str,
    people: &[super::Person],
) -> Result<(u64, Option<u64>)> {
    conn.execute(
        "INSERT INTO relation_snapshots (account_id, relation, taken_on, import_id) VALUES (?1, 'followers', ?2, NULL)",
        params![account_id, day],
    )?;
    let snap = conn.last_insert_rowid();
    let mut ids = std::collections::BTreeSet::new();
    for p in people {
        if let Some(id) = identity(conn, account_id, p.handle.as_deref(), p.user_id.as_deref())? {
            ids.insert(id);
        }
    }
    {
        let mut ins =
            conn.prepare_cached("INSERT OR IGNORE INTO relation_members (snapshot_id, identity_id) VALUES (?1, ?2)")?;
        for id in &ids {
            ins.execute(params![snap, id])?;
        }
    }
    let count = ids.len() as i64;
    conn.execute("UPDATE relation_snapshots SET member_count = ?2 WHERE id = ?1", params![snap, count])?;

    // The same list on the same day: keep the first.
    let twins: Vec<i64> = conn
        .prepare(
            "SELECT id FROM relation_snapshots WHERE account_id = ?1 AND relation = 'followers' AND taken_on = ?2
             AND id <> ?3 AND member_count = ?4",
        )?
        .query_map(params![account_id, day, snap, count], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for twin in twins {
        let differing: i64 = conn.query_row(
            "SELECT count(*) FROM relation_members n WHERE n.snapshot_id = ?1 AND NOT EXISTS
               (SELECT 1 FROM relation_members o WHERE o.snapshot_id = ?2 AND o.identity_id = n.identity_id)",
            params![snap, twin],
            |r| r.get(0),
        )?;
        if differing == 0 {
            conn.execute("DELETE FROM relation_snapshots WHERE id = ?1", [snap])?;
            return Ok((count as u64, None));
        }
    }
    let previous: Option<i64> = conn
        .query_row(
            "SELECT id FROM relation_snapshots WHERE account_id = ?1 AND relation = 'followers' AND taken_on < ?2
             ORDER BY taken_on DESC, id DESC LIMIT 1",
            params![account_id, day],
            |r| r.get(0),
        )
        .optional()?;
    let left = match previous {
        Some(prev) => Some(conn.query_row(
            "SELECT count(*) FROM relation_members o WHERE o.snapshot_id = ?1 AND NOT EXISTS
               (SELECT 1 FROM relation_members n WHERE n.snapshot_id = ?2 AND n.identity_id = o.identity_id)",
            params![prev, snap],
            |r| r.get::<_, i64>(0),
        )? as u64),
        None => None,
    };
    Ok((count as u64, left))
}

/// The identity of a person for an account: found by platform id, else by handle, else created.
/// A known person's handle follows a change when no other identity has the new one.
fn identity(conn: &Connection, account_id: i64, handle: Option<&str>, user_id: Option<&str>) -> Result<Option<i64>> {
    if let Some(uid) = user_id {
        let found: Option<(i64, Option<String>)> = conn
            .prepare_cached("SELECT id, handle FROM identities WHERE account_id = ?1 AND platform_user_id = ?2")?
            .query_row(params![account_id, uid], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if let Some((id, known)) = found {
            if let Some(h) = handle
                && known.as_deref() != Some(h)
            {
                conn.prepare_cached(
                    "UPDATE identities SET handle = ?2 WHERE id = ?1 AND NOT EXISTS
                       (SELECT 1 FROM identities WHERE account_id = ?3 AND handle = ?2)",
                )?
                .execute(params![id, h, account_id])?;
            }
            return Ok(Some(id));
        }
    }
    if let Some(h) = handle {
        let found: Option<(i64, Option<String>)> = conn
            .prepare_cached("SELECT id, platform_user_id FROM identities WHERE account_id = ?1 AND handle = ?2")?
            .query_row(params![account_id, h], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if let Some((id, known)) = found {
            match (known, user_id) {
                (None, Some(uid)) => {
                    conn.prepare_cached("UPDATE identities SET platform_user_id = ?2 WHERE id = ?1")?
                        .execute(params![id, uid])?;
                    return Ok(Some(id));
                }
                // The handle now belongs to someone else: the old holder loses it.
                (Some(k), Some(uid)) if k != uid => {
                    conn.prepare_cached("UPDATE identities SET handle = NULL WHERE id = ?1")?.execute([id])?;
                }
                _ => return Ok(Some(id)),
            }
        }
    }
    if handle.is_none() && user_id.is_none() {
        return Ok(None);
    }
    conn.prepare_cached("INSERT INTO identities (account_id, handle, platform_user_id) VALUES (?1, ?2, ?3)")?
        .execute(params![account_id, handle, user_id])?;
    Ok(Some(conn.last_insert_rowid()))
}
