-- Version 5: each post's latest numbers in one row, stored in account and time order, so that
-- the views read an account's posts as one range instead of joining every dated observation and
-- sorting (docs/performance.md, "Scale": with 70,000 posts, loading them was ~90 % of an
-- analysis, and 15 view measures were over 100 ms).
--
-- `post_facts` is derived data: one row per post, kept by the triggers below from `posts` and
-- `post_metrics`, which stay the record (nothing is ever read only from here). Each metric is the
-- latest non-null value any observation gave, observations ordered by (observed_on, id): exactly
-- what `PostMetrics::overlay` computes in that order.

-- The latest value of each metric per post, computed from the observations (the definition the
-- triggers apply; also the check the tests run against the table).
CREATE VIEW post_latest AS
SELECT p.id AS post_id,
    (SELECT m.observed_on FROM post_metrics m WHERE m.post_id = p.id
     ORDER BY m.observed_on DESC, m.id DESC LIMIT 1) AS observed_on,
    (SELECT m.source FROM post_metrics m WHERE m.post_id = p.id
     ORDER BY m.observed_on DESC, m.id DESC LIMIT 1) AS source,
    (SELECT m.views FROM post_metrics m WHERE m.post_id = p.id AND m.views IS NOT NULL
     ORDER BY m.observed_on DESC, m.id DESC LIMIT 1) AS views,
    (SELECT m.impressions FROM post_metrics m WHERE m.post_id = p.id AND m.impressions IS NOT NULL
     ORDER BY m.observed_on DESC, m.id DESC LIMIT 1) AS impressions,
    (SELECT m.reach FROM post_metrics m WHERE m.post_id = p.id AND m.reach IS NOT NULL
     ORDER BY m.observed_on DESC, m.id DESC LIMIT 1) AS reach,
    (SELECT m.likes FROM post_metrics m WHERE m.post_id = p.id AND m.likes IS NOT NULL
     ORDER BY m.observed_on DESC, m.id DESC LIMIT 1) AS likes,
    (SELECT m.comments FROM post_metrics m WHERE m.post_id = p.id AND m.comments IS NOT NULL
     ORDER BY m.observed_on DESC, m.id DESC LIMIT 1) AS comments,
    (SELECT m.replies FROM post_metrics m WHERE m.post_id = p.id AND m.replies IS NOT NULL
     ORDER BY m.observed_on DESC, m.id DESC LIMIT 1) AS replies,
    (SELECT m.shares FROM post_metrics m WHERE m.post_id = p.id AND m.shares IS NOT NULL
     ORDER BY m.observed_on DESC, m.id DESC LIMIT 1) AS shares,
    (SELECT m.quotes FROM post_metrics m WHERE m.post_id = p.id AND m.quotes IS NOT NULL
     ORDER BY m.observed_on DESC, m.id DESC LIMIT 1) AS quotes,
    (SELECT m.saves FROM post_metrics m WHERE m.post_id = p.id AND m.saves IS NOT NULL
     ORDER BY m.observed_on DESC, m.id DESC LIMIT 1) AS saves,
    (SELECT m.engagements FROM post_metrics m WHERE m.post_id = p.id AND m.engagements IS NOT NULL
     ORDER BY m.observed_on DESC, m.id DESC LIMIT 1) AS engagements,
    (SELECT m.profile_visits FROM post_metrics m WHERE m.post_id = p.id AND m.profile_visits IS NOT NULL
     ORDER BY m.observed_on DESC, m.id DESC LIMIT 1) AS profile_visits,
    (SELECT m.follows FROM post_metrics m WHERE m.post_id = p.id AND m.follows IS NOT NULL
     ORDER BY m.observed_on DESC, m.id DESC LIMIT 1) AS follows,
    (SELECT m.link_clicks FROM post_metrics m WHERE m.post_id = p.id AND m.link_clicks IS NOT NULL
     ORDER BY m.observed_on DESC, m.id DESC LIMIT 1) AS link_clicks,
    (SELECT m.watch_time_s FROM post_metrics m WHERE m.post_id = p.id AND m.watch_time_s IS NOT NULL
     ORDER BY m.observed_on DESC, m.id DESC LIMIT 1) AS watch_time_s,
    (SELECT m.avg_view_duration_s FROM post_metrics m WHERE m.post_id = p.id AND m.avg_view_duration_s IS NOT NULL
     ORDER BY m.observed_on DESC, m.id DESC LIMIT 1) AS avg_view_duration_s,
    (SELECT m.avg_pct_viewed FROM post_metrics m WHERE m.post_id = p.id AND m.avg_pct_viewed IS NOT NULL
     ORDER BY m.observed_on DESC, m.id DESC LIMIT 1) AS avg_pct_viewed
FROM posts p;

CREATE TABLE post_facts (
    account_id           INTEGER NOT NULL,
    published_at         TEXT NOT NULL,        -- posts.published_at, '' when unknown (sorts first, as NULL)
    post_id              INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    kind                 TEXT NOT NULL,
    observed_on          TEXT,                 -- the latest observation's day and source (NULL: none)
    source               TEXT,
    views                INTEGER,
    impressions          INTEGER,
    reach                INTEGER,
    likes                INTEGER,
    comments             INTEGER,
    replies              INTEGER,
    shares               INTEGER,
    quotes               INTEGER,
    saves                INTEGER,
    engagements          INTEGER,
    profile_visits       INTEGER,
    follows              INTEGER,
    link_clicks          INTEGER,
    watch_time_s         REAL,
    avg_view_duration_s  REAL,
    avg_pct_viewed       REAL,
    PRIMARY KEY (account_id, published_at, post_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX post_facts_by_post ON post_facts (post_id);

INSERT INTO post_facts (account_id, published_at, post_id, kind, observed_on, source, views, impressions, reach, likes, comments, replies, shares, quotes, saves, engagements, profile_visits, follows, link_clicks, watch_time_s, avg_view_duration_s, avg_pct_viewed)
SELECT p.account_id, coalesce(p.published_at, ''), p.id, p.kind, l.observed_on, l.source, l.views, l.impressions, l.reach, l.likes, l.comments, l.replies, l.shares, l.quotes, l.saves, l.engagements, l.profile_visits, l.follows, l.link_clicks, l.watch_time_s, l.avg_view_duration_s, l.avg_pct_viewed
FROM posts p JOIN post_latest l ON l.post_id = p.id;

CREATE TRIGGER post_facts_on_post_insert AFTER INSERT ON posts
BEGIN
    INSERT INTO post_facts (account_id, published_at, post_id, kind)
    VALUES (NEW.account_id, coalesce(NEW.published_at, ''), NEW.id, NEW.kind);
END;

-- Imports complete known posts with an upsert that names these columns even when nothing
-- changes: only a real change rewrites the row.
CREATE TRIGGER post_facts_on_post_update AFTER UPDATE OF account_id, published_at, kind ON posts
WHEN OLD.account_id IS NOT NEW.account_id OR OLD.published_at IS NOT NEW.published_at OR OLD.kind IS NOT NEW.kind
BEGIN
    UPDATE post_facts SET account_id = NEW.account_id, published_at = coalesce(NEW.published_at, ''), kind = NEW.kind
    WHERE post_id = NEW.id;
END;

-- A new observation: when it is the post's latest (the usual case), its known values replace the
-- stored ones; an older one (an archive imported after a newer analytics export) recomputes.
CREATE TRIGGER post_facts_on_metric_insert AFTER INSERT ON post_metrics
BEGIN
    UPDATE post_facts SET
        observed_on = NEW.observed_on,
        source = NEW.source,
        views = coalesce(NEW.views, views),
        impressions = coalesce(NEW.impressions, impressions),
        reach = coalesce(NEW.reach, reach),
        likes = coalesce(NEW.likes, likes),
        comments = coalesce(NEW.comments, comments),
        replies = coalesce(NEW.replies, replies),
        shares = coalesce(NEW.shares, shares),
        quotes = coalesce(NEW.quotes, quotes),
        saves = coalesce(NEW.saves, saves),
        engagements = coalesce(NEW.engagements, engagements),
        profile_visits = coalesce(NEW.profile_visits, profile_visits),
        follows = coalesce(NEW.follows, follows),
        link_clicks = coalesce(NEW.link_clicks, link_clicks),
        watch_time_s = coalesce(NEW.watch_time_s, watch_time_s),
        avg_view_duration_s = coalesce(NEW.avg_view_duration_s, avg_view_duration_s),
        avg_pct_viewed = coalesce(NEW.avg_pct_viewed, avg_pct_viewed)
    WHERE post_id = NEW.post_id
      AND NOT EXISTS (SELECT 1 FROM post_metrics m WHERE m.post_id = NEW.post_id
                      AND (m.observed_on > NEW.observed_on OR (m.observed_on = NEW.observed_on AND m.id > NEW.id)));
    UPDATE post_facts SET (observed_on, source, views, impressions, reach, likes, comments, replies, shares, quotes, saves, engagements, profile_visits, follows, link_clicks, watch_time_s, avg_view_duration_s, avg_pct_viewed) =
        (SELECT observed_on, source, views, impressions, reach, likes, comments, replies, shares, quotes, saves, engagements, profile_visits, follows, link_clicks, watch_time_s, avg_view_duration_s, avg_pct_viewed FROM post_latest WHERE post_id = NEW.post_id)
    WHERE post_id = NEW.post_id
      AND EXISTS (SELECT 1 FROM post_metrics m WHERE m.post_id = NEW.post_id
                  AND (m.observed_on > NEW.observed_on OR (m.observed_on = NEW.observed_on AND m.id > NEW.id)));
END;

-- Undoing an import, deleting or merging accounts (observations moved to the kept post).
CREATE TRIGGER post_facts_on_metric_delete AFTER DELETE ON post_metrics
BEGIN
    UPDATE post_facts SET (observed_on, source, views, impressions, reach, likes, comments, replies, shares, quotes, saves, engagements, profile_visits, follows, link_clicks, watch_time_s, avg_view_duration_s, avg_pct_viewed) =
        (SELECT observed_on, source, views, impressions, reach, likes, comments, replies, shares, quotes, saves, engagements, profile_visits, follows, link_clicks, watch_time_s, avg_view_duration_s, avg_pct_viewed FROM post_latest WHERE post_id = OLD.post_id)
    WHERE post_id = OLD.post_id;
END;

CREATE TRIGGER post_facts_on_metric_update AFTER UPDATE ON post_metrics
BEGIN
    UPDATE post_facts SET (observed_on, source, views, impressions, reach, likes, comments, replies, shares, quotes, saves, engagements, profile_visits, follows, link_clicks, watch_time_s, avg_view_duration_s, avg_pct_viewed) =
        (SELECT observed_on, source, views, impressions, reach, likes, comments, replies, shares, quotes, saves, engagements, profile_visits, follows, link_clicks, watch_time_s, avg_view_duration_s, avg_pct_viewed FROM post_latest WHERE post_id = OLD.post_id)
    WHERE post_id = OLD.post_id;
    UPDATE post_facts SET (observed_on, source, views, impressions, reach, likes, comments, replies, shares, quotes, saves, engagements, profile_visits, follows, link_clicks, watch_time_s, avg_view_duration_s, avg_pct_viewed) =
        (SELECT observed_on, source, views, impressions, reach, likes, comments, replies, shares, quotes, saves, engagements, profile_visits, follows, link_clicks, watch_time_s, avg_view_duration_s, avg_pct_viewed FROM post_latest WHERE post_id = NEW.post_id)
    WHERE post_id = NEW.post_id;
END;
