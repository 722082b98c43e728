-- Version 4: aggregates of follower lists, kept up to date by a trigger, so that views read a few
-- thousand rows instead of scanning millions of memberships (docs/performance.md, "Scale": with
-- 5,000,000 followers, the overview's insights took 16 s and every growth chart 2-3 s).
--
-- Every writer of a snapshot (imports, live sync) inserts its members, then sets `member_count`:
-- the trigger below runs then. Readers use an aggregate only when `relation_aggregates` says it
-- was computed for the snapshot's current `member_count`; otherwise they count the members.

-- Which followers snapshots have their aggregates, and for which member count.
CREATE TABLE relation_aggregates (
    snapshot_id   INTEGER PRIMARY KEY REFERENCES relation_snapshots(id) ON DELETE CASCADE,
    member_count  INTEGER NOT NULL
);

-- A followers snapshot's members by the day they started following (UTC), where the export says.
CREATE TABLE relation_cohorts (
    snapshot_id  INTEGER NOT NULL REFERENCES relation_snapshots(id) ON DELETE CASCADE,
    day          TEXT NOT NULL,
    members      INTEGER NOT NULL,
    PRIMARY KEY (snapshot_id, day)
) WITHOUT ROWID;

-- Followers two snapshots of accounts of the same platform share (by handle; by platform user id
-- on X, whose archives list ids only). Computed when a snapshot becomes its account's latest,
-- against the latest snapshot of every other account of the platform with a smaller id.
CREATE TABLE relation_overlaps (
    snapshot_a  INTEGER NOT NULL REFERENCES relation_snapshots(id) ON DELETE CASCADE,
    snapshot_b  INTEGER NOT NULL REFERENCES relation_snapshots(id) ON DELETE CASCADE,
    shared      INTEGER NOT NULL,
    PRIMARY KEY (snapshot_a, snapshot_b)
) WITHOUT ROWID;
CREATE INDEX relation_overlaps_by_b ON relation_overlaps (snapshot_b);

CREATE TRIGGER relation_aggregates_on_count AFTER UPDATE OF member_count ON relation_snapshots
WHEN NEW.relation = 'followers'
BEGIN
    DELETE FROM relation_cohorts WHERE snapshot_id = NEW.id;
    -- Whole UTC days, floored (also before 1970), as date(since, 'unixepoch') gives them.
    INSERT INTO relation_cohorts (snapshot_id, day, members)
        SELECT NEW.id, date(d * 86400, 'unixepoch'), count(*)
        FROM (SELECT since / 86400 - (since < 0 AND since % 86400 <> 0) AS d
              FROM relation_members WHERE snapshot_id = NEW.id AND since IS NOT NULL)
        GROUP BY d;

    DELETE FROM relation_overlaps WHERE snapshot_a = NEW.id OR snapshot_b = NEW.id;
    -- Each count is driven by the smaller list (one index lookup per member of it).
    INSERT INTO relation_overlaps (snapshot_a, snapshot_b, shared)
        SELECT NEW.id, o.id,
            CASE WHEN pa.platform = 'x' THEN
                CASE WHEN NEW.member_count <= o.member_count THEN
                    (SELECT count(*) FROM relation_members ma
                     JOIN identities ia ON ia.id = ma.identity_id
                     JOIN identities ib ON ib.account_id = o.account_id AND ib.platform_user_id = ia.platform_user_id
                     JOIN relation_members mb ON mb.snapshot_id = o.id AND mb.identity_id = ib.id
                     WHERE ma.snapshot_id = NEW.id)
                ELSE
                    (SELECT count(*) FROM relation_members ma
                     JOIN identities ia ON ia.id = ma.identity_id
                     JOIN identities ib ON ib.account_id = NEW.account_id AND ib.platform_user_id = ia.platform_user_id
                     JOIN relation_members mb ON mb.snapshot_id = NEW.id AND mb.identity_id = ib.id
                     WHERE ma.snapshot_id = o.id)
                END
            ELSE
                CASE WHEN NEW.member_count <= o.member_count THEN
                    (SELECT count(*) FROM relation_members ma
                     JOIN identities ia ON ia.id = ma.identity_id
                     JOIN identities ib ON ib.account_id = o.account_id AND ib.handle = ia.handle
                     JOIN relation_members mb ON mb.snapshot_id = o.id AND mb.identity_id = ib.id
                     WHERE ma.snapshot_id = NEW.id)
                ELSE
                    (SELECT count(*) FROM relation_members ma
                     JOIN identities ia ON ia.id = ma.identity_id
                     JOIN identities ib ON ib.account_id = NEW.account_id AND ib.handle = ia.handle
                     JOIN relation_members mb ON mb.snapshot_id = NEW.id AND mb.identity_id = ib.id
                     WHERE ma.snapshot_id = o.id)
                END
            END
        FROM accounts pa
        JOIN accounts pb ON pb.platform = pa.platform AND pb.id <> pa.id
        JOIN relation_snapshots o ON o.id = (
            SELECT id FROM relation_snapshots WHERE account_id = pb.id AND relation = 'followers'
            ORDER BY taken_on DESC, id DESC LIMIT 1)
        WHERE pa.id = NEW.account_id AND o.id < NEW.id
          AND NEW.id = (SELECT id FROM relation_snapshots WHERE account_id = NEW.account_id AND relation = 'followers'
                        ORDER BY taken_on DESC, id DESC LIMIT 1);

    INSERT OR REPLACE INTO relation_aggregates (snapshot_id, member_count) VALUES (NEW.id, NEW.member_count);
END;

-- The snapshots already stored: the trigger runs once for each, oldest first (each pair of
-- latest snapshots is counted once, when the second of the two is reached).
UPDATE relation_snapshots SET member_count = member_count WHERE relation = 'followers';

-- Posts by account and time, with their kind: counting an account's own posts, finding its latest
-- and loading the posts of recent periods read this index only, not the table with every text.
CREATE INDEX posts_by_account_time ON posts (account_id, published_at, kind);
