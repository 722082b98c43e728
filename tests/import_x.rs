//! X / Twitter: part files, the old tweet.js, string counts, and the four analytics CSVs.

mod common;

use common::{Env, x_archive, zip};
use resonance::import::ImportOptions;
use resonance::model::{AudienceMetric, AudienceSource, PostKind};
use resonance::store::{audience, posts};

fn tweet(id: &str, created: &str, text: &str, likes: &str, rts: &str) -> String {
    format!(
        r#"{{ "tweet" : {{ "retweeted" : false, "favorite_count" : "{likes}", "id_str" : "{id}", "id" : "{id}", "retweet_count" : "{rts}", "created_at" : "{created}", "full_text" : "{text}" }} }}"#
    )
}

#[test]
fn tweets_in_part_files_and_the_old_single_file() {
    let env = Env::new();
    let p = env.path("twitter-2026-11-01-parts.zip");
    let part0 = format!(
        "window.YTD.tweets.part0 = [ {} ]",
        tweet("1600000000000000001", "Mon Jan 02 10:00:00 +0000 2023", "one", "5", "1")
    );
    let part1 = format!(
        "window.YTD.tweets.part1 = [ {}, {} ]",
        tweet("1600000000000000002", "Tue Jan 03 10:00:00 +0000 2023", "two", "7", "0"),
        tweet("1600000000000000003", "Wed Jan 04 10:00:00 +0000 2023", "RT @other: theirs", "0", "999")
    );
    let account = r#"window.YTD.account.part0 = [ { "account" : { "username" : "Parts", "accountId" : "55", "accountDisplayName" : "P" } } ]"#;
    zip(
        &p,
        &[
            ("data/account.js", account.as_bytes()),
            ("data/tweets.js", part0.as_bytes()),
            ("data/tweets-part1.js", part1.as_bytes()),
            ("data/follower.js", b"window.YTD.follower.part0 = [ ]"),
        ],
    );
    let r = env.import(&p, &ImportOptions::default()).unwrap();
    assert_eq!(r.counts.posts_new, 3);
    assert_eq!(r.accounts[0].handle, "parts");
    assert_eq!(r.accounts[0].posts, 2, "the retweet is not the account's own post");
    let list = env.store.read(|c| posts::list(c, r.accounts[0].id)).unwrap();
    let rt = list.iter().find(|p| p.kind == PostKind::Repost).unwrap();
    assert!(rt.metrics.is_empty());
    assert_eq!(list.iter().find(|p| p.platform_post_id == "1600000000000000002").unwrap().metrics.likes, Some(7));

    // An old archive: data/tweet.js, `window.YTD.tweet.part0`.
    let old = env.path("twitter-2019-05-01-old.zip");
    let body = format!(
        "window.YTD.tweet.part0 = [ {} ]",
        tweet("1100000000000000001", "Wed May 01 10:00:00 +0000 2019", "old &lt;3", "2", "1")
    );
    zip(&old, &[("data/account.js", account.as_bytes()), ("data/tweet.js", body.as_bytes())]);
    let r = env.import(&old, &ImportOptions::default()).unwrap();
    assert_eq!(r.counts.posts_new, 1);
    let list = env.store.read(|c| posts::list(c, r.accounts[0].id)).unwrap();
    assert_eq!(
        list.iter().find(|p| p.platform_post_id == "1100000000000000001").unwrap().text.as_deref(),
        Some("old <3")
    );
}

#[test]
fn legacy_and_current_analytics_csvs() {
    let env = Env::new();
    let archive = env.path("twitter-2026-11-01-a.zip");
    x_archive(&archive, "2026-11-01T08:00:00.000Z", &["1", "2", "3", "4", "5"]);
    let id = env.import(&archive, &ImportOptions::default()).unwrap().accounts[0].id;

    // Legacy per-tweet metrics: floats as strings, "-" for promoted, multi-line text.
    let legacy = env.path("tweet_activity_metrics_camtest_20230201_20230301_en.csv");
    std::fs::write(
        &legacy,
        "\"Tweet id\",\"Tweet permalink\",\"Tweet text\",\"time\",\"impressions\",\"engagements\",\"engagement rate\",\"retweets\",\"replies\",\"likes\",\"user profile clicks\",\"url clicks\",\"hashtag clicks\",\"detail expands\",\"permalink clicks\",\"app opens\",\"app installs\",\"follows\",\"email tweet\",\"dial phone\",\"media views\",\"media engagements\",\"promoted impressions\"\n\
\"1626902980006932483\",\"https://twitter.com/camtest/status/1626902980006932483\",\"music update\nsecond line\",\"2023-02-18 11:14 +0000\",\"1938.0\",\"18.0\",\"0.009287925696594427\",\"2.0\",\"3.0\",\"8.0\",\"1.0\",\"15.0\",\"0.0\",\"2.0\",\"0.0\",\"0\",\"0\",\"1\",\"0\",\"0\",\"0\",\"0\",\"-\"\n",
    )
    .unwrap();
    let r = env.import(&legacy, &ImportOptions::default()).unwrap();
    assert_eq!(r.accounts[0].id, id, "the handle in the permalinks names the account");
    assert_eq!(r.counts.post_observations, 1);
    let list = env.store.read(|c| posts::list(c, id)).unwrap();
    let t = list.iter().find(|p| p.platform_post_id == "1626902980006932483").unwrap();
    assert_eq!(t.metrics.impressions, Some(1938));
    assert_eq!(t.metrics.replies, Some(3));
    assert_eq!(t.metrics.likes, Some(8));
    assert_eq!(t.metrics.follows, Some(1));
    assert_eq!(t.metrics.saves, None, "no bookmarks in the legacy export");

    // Current overview: daily new follows and unfollows → a net series anchored on the archive.
    let overview = env.path("account_overview_analytics.csv");
    std::fs::write(
        &overview,
        "Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies,Reposts,Profile visits,Create Post,Video views,Media views\n\
\"Thu, Oct 29, 2026\",\"1,204\",10,30,1,0,3,1,2,1,5,1,0,0\n\
\"Fri, Oct 30, 2026\",900,8,20,0,0,2,0,1,0,3,0,0,0\n\
\"Sat, Oct 31, 2026\",700,5,12,0,0,0,1,0,0,1,0,0,0\n",
    )
    .unwrap();
    let r = env.import(&overview, &ImportOptions::default()).unwrap();
    assert_eq!(r.counts.follow_changes, 3);
    assert!(r.warnings.iter().any(|w| w.contains("only X account")), "{:?}", r.warnings);
    let s = env.store.read(|c| audience::follower_series(c, id, AudienceMetric::Followers)).unwrap();
    let pts: Vec<(String, i64, AudienceSource)> =
        s.iter().map(|p| (p.date.to_string(), p.followers, p.source)).collect();
    assert_eq!(
        pts,
        vec![
            // Counted back from 5 on Nov 1: end of Oct 31 = 5, Oct 30 = 5 − (0 − 1) = 6,
            // Oct 29 = 6 − (2 − 0) = 4, Oct 28 = 4 − (3 − 1) = 2.
            ("2026-10-28".into(), 2, AudienceSource::AnalyticsSeries),
            ("2026-10-29".into(), 4, AudienceSource::AnalyticsSeries),
            ("2026-10-30".into(), 6, AudienceSource::AnalyticsSeries),
            ("2026-10-31".into(), 5, AudienceSource::AnalyticsSeries),
            ("2026-11-01".into(), 5, AudienceSource::ExportSnapshot),
        ]
    );
    let impressions: f64 = env
        .store
        .read(|c| {
            Ok(c.query_row(
                "SELECT value FROM daily_metrics WHERE metric = 'impressions' AND day = '2026-10-29'",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(impressions, 1204.0, "thousands separators");

    // Current per-post export: date only (time from the snowflake), bookmarks.
    let content = env.path("account_analytics_content_2026-10-01_2026-10-31.csv");
    std::fs::write(
        &content,
        "Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks,Hashtag Clicks,Permalink Clicks\n\
1628000000000000000,\"Mon, Feb 20, 2023\",a post of my own,https://x.com/camtest/status/1628000000000000000,500,12,40,3,1,0,4,4,2,1,0,0,0\n",
    )
    .unwrap();
    env.import(&content, &ImportOptions::default()).unwrap();
    let list = env.store.read(|c| posts::list(c, id)).unwrap();
    let p = list.iter().find(|p| p.platform_post_id == "1628000000000000000").unwrap();
    assert_eq!(
        (p.metrics.impressions, p.metrics.saves, p.metrics.replies, p.metrics.likes),
        (Some(500), Some(3), Some(4), Some(12))
    );

    // Legacy daily export: follows gained per day.
    let daily = env.path("daily_tweet_activity_metrics_camtest_20230201_20230301_en.csv");
    std::fs::write(
        &daily,
        "\"Date\",\"Tweets published\",\"impressions\",\"engagements\",\"engagement rate\",\"retweets\",\"replies\",\"likes\",\"user profile clicks\",\"url clicks\",\"hashtag clicks\",\"detail expands\",\"permalink clicks\",\"app opens\",\"app installs\",\"follows\"\n\
\"2023-02-18\",\"1\",\"2000.0\",\"20.0\",\"0.01\",\"2.0\",\"3.0\",\"8.0\",\"1.0\",\"15.0\",\"0.0\",\"2.0\",\"0.0\",\"0\",\"0\",\"4\"\n",
    )
    .unwrap();
    let r = env.import(&daily, &ImportOptions::default()).unwrap();
    assert_eq!(r.counts.follow_changes, 1);
}
