-- Version 2: what the owner says about a day (a giveaway, a press article...), and app settings.

CREATE TABLE annotations (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER REFERENCES accounts(id) ON DELETE CASCADE,   -- NULL: applies to every account
    day         TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('giveaway','press','shoutout','ads','collaboration','event','other')),
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX annotations_by_day ON annotations (account_id, day);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;
