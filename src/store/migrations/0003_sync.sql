-- Version 3: live sync (Bluesky, Mastodon). Where to sync an account from, and how the last sync went.

-- Base URL of the API the account is synced from (Mastodon: its instance, e.g. https://mastodon.social);
-- NULL: the platform's default.
ALTER TABLE accounts ADD COLUMN instance_url TEXT;
-- When the last successful live snapshot was taken (RFC 3339 UTC); NULL: never synced.
ALTER TABLE accounts ADD COLUMN last_sync_at TEXT;
-- Why the last sync attempt failed (JSON: {"code", "at", "en", "fr"}); NULL after a successful sync.
ALTER TABLE accounts ADD COLUMN last_sync_error TEXT;
