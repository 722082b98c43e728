-- Resonance schema, version 1.
-- Conventions: dates are ISO-8601 text ('YYYY-MM-DD' for days, RFC 3339 UTC for instants);
-- a NULL metric means "the source did not give it" (unknown), never zero.

CREATE TABLE accounts (
    id               INTEGER PRIMARY KEY,
    platform         TEXT NOT NULL CHECK (platform IN
                        ('instagram','facebook','x','linkedin','tiktok','youtube','mastodon','bluesky','other')),
    handle           TEXT NOT NULL,            -- normalised: lowercase, no leading '@'
    platform_user_id TEXT,                     -- numeric id / DID when an export gives it
    display_name     TEXT,
    role             TEXT NOT NULL DEFAULT 'personal' CHECK (role IN ('pro','personal')),
    label            TEXT,                     -- owner-editable name shown instead of the handle
    is_demo          INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0,1)),
    created_at       TEXT NOT NULL,
    UNIQUE (platform, handle)
);

-- The import ledger: one row per file (or folder) that changed the store.
CREATE TABLE imports (
    id            INTEGER PRIMARY KEY,
    file_name     TEXT NOT NULL,
    content_hash  TEXT NOT NULL UNIQUE,        -- sha256 of the bytes (a folder: of its recognised entries)
    format        TEXT NOT NULL,               -- detected format ids, comma separated
    imported_at   TEXT NOT NULL,
    account_id    INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
    outcome       TEXT NOT NULL CHECK (outcome IN ('imported','imported_with_warnings')),
    counts        TEXT NOT NULL DEFAULT '{}',  -- JSON object of what was added
    warnings      TEXT NOT NULL DEFAULT '[]',  -- JSON array of human-readable warnings
    date_from     TEXT,                        -- date range covered by the data
    date_to       TEXT,
    is_demo       INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0,1))
);

-- Dated audience counts. History is never overwritten: a new value for the same day and source
-- is a new row; readers take the newest import's value per day and source.
CREATE TABLE audience_observations (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    observed_on  TEXT NOT NULL,
    metric       TEXT NOT NULL CHECK (metric IN ('followers','following','connections','posts')),
    value        INTEGER NOT NULL CHECK (value >= 0),
    source       TEXT NOT NULL CHECK (source IN ('export_snapshot','analytics_series','reconstructed','live_sync')),
    lower_bound  INTEGER NOT NULL DEFAULT 0 CHECK (lower_bound IN (0,1)),
    import_id    INTEGER REFERENCES imports(id) ON DELETE CASCADE
);
CREATE INDEX audience_observations_by_account ON audience_observations (account_id, metric, observed_on);
CREATE INDEX audience_observations_by_import ON audience_observations (import_id);

-- Daily follow changes as analytics exports report them (gains only, losses only, or net).
CREATE TABLE follow_changes (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    day         TEXT NOT NULL,
    gained      INTEGER,
    lost        INTEGER,
    net         INTEGER,
    import_id   INTEGER REFERENCES imports(id) ON DELETE CASCADE
);
CREATE INDEX follow_changes_by_account ON follow_changes (account_id, day);
CREATE INDEX follow_changes_by_import ON follow_changes (import_id);

-- People related to an account (followers, or accounts it follows) where an export lists them.
CREATE TABLE identities (
    id               INTEGER PRIMARY KEY,
    account_id       INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    handle           TEXT,                     -- normalised; NULL when only an id is known (X archive)
    platform_user_id TEXT
);
CREATE UNIQUE INDEX identities_by_handle ON identities (account_id, handle) WHERE handle IS NOT NULL;
CREATE UNIQUE INDEX identities_by_user_id ON identities (account_id, platform_user_id)
    WHERE platform_user_id IS NOT NULL;

-- Each export's list of followers (or following) is a dated snapshot; comparing two gives unfollows.
CREATE TABLE relation_snapshots (
    id            INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    relation      TEXT NOT NULL CHECK (relation IN ('followers','following','connections')),
    taken_on      TEXT NOT NULL,
    member_count  INTEGER NOT NULL DEFAULT 0,
    import_id     INTEGER REFERENCES imports(id) ON DELETE CASCADE
);
CREATE INDEX relation_snapshots_by_account ON relation_snapshots (account_id, relation, taken_on);

-- Membership rows are the bulk of the store (one per follower per export). `identity_id` has no
-- foreign key on purpose: identities and snapshots belong to the same account and are deleted
-- with it, and an index plus a parent lookup per row would double the cost of large imports.
CREATE TABLE relation_members (
    snapshot_id  INTEGER NOT NULL REFERENCES relation_snapshots(id) ON DELETE CASCADE,
    identity_id  INTEGER NOT NULL,
    since        INTEGER,                      -- unix seconds the relation started, when the export says
    PRIMARY KEY (snapshot_id, identity_id)
) WITHOUT ROWID;

CREATE TABLE posts (
    id                INTEGER PRIMARY KEY,
    account_id        INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    platform_post_id  TEXT NOT NULL,
    published_at      TEXT,                    -- RFC 3339 UTC (date-only sources: midnight UTC)
    kind              TEXT NOT NULL CHECK (kind IN ('post','reel','video','story','article','reply','repost')),
    text              TEXT,
    url               TEXT,
    duration_s        REAL,
    import_id         INTEGER REFERENCES imports(id) ON DELETE SET NULL,
    UNIQUE (account_id, platform_post_id)
);
-- Posts of an account are found through the unique (account_id, platform_post_id) index; no index
-- on time (every view reads an account's posts whole and sorts them in memory).

-- Dated observations of a post's numbers; every column NULL when the source does not give it.
CREATE TABLE post_metrics (
    id                   INTEGER PRIMARY KEY,
    post_id              INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    observed_on          TEXT NOT NULL,
    source               TEXT NOT NULL,        -- format id of the file that gave the numbers
    import_id            INTEGER REFERENCES imports(id) ON DELETE CASCADE,
    views                INTEGER,
    impressions          INTEGER,
    reach                INTEGER,
    likes                INTEGER,
    comments             INTEGER,
    replies              INTEGER,
    shares               INTEGER,
    quotes               INTEGER,
    saves                INTEGER,
    engagements          INTEGER,              -- a platform's own total when it gives no breakdown
    profile_visits       INTEGER,
    follows              INTEGER,
    link_clicks          INTEGER,
    watch_time_s         REAL,
    avg_view_duration_s  REAL,
    avg_pct_viewed       REAL
);
CREATE INDEX post_metrics_by_post ON post_metrics (post_id, observed_on);
-- No index on import_id: only undoing an import looks rows up by it (one scan), while every
-- import would pay for maintaining it.

-- Account-level daily series from analytics exports (impressions, engagements, reach, views...).
CREATE TABLE daily_metrics (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    day         TEXT NOT NULL,
    metric      TEXT NOT NULL,
    value       REAL NOT NULL,
    import_id   INTEGER REFERENCES imports(id) ON DELETE CASCADE
);
CREATE INDEX daily_metrics_by_account ON daily_metrics (account_id, metric, day);
CREATE INDEX daily_metrics_by_import ON daily_metrics (import_id);
