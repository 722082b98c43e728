//! TikTok: "Download your data" (JSON in both key layouts, and the TXT variant) and TikTok Studio's
//! CSVs (BOM, year-less dates across New Year, `undefined` cells, the mislabelled diff column).

mod common;

use common::{Env, zip};
use resonance::error::{Error, ImportErrorKind};
use resonance::import::ImportOptions;
use resonance::model::{AudienceMetric, Platform, PostKind};
use resonance::store::{audience, posts};

fn followers_on(env: &Env, account: i64) -> Vec<(String, i64, bool)> {
    env.store
        .read(|c| audience::follower_series(c, account, AudienceMetric::Followers))
        .unwrap()
        .into_iter()
        .map(|p| (p.date.to_string(), p.followers, p.lower_bound))
        .collect()
}

fn daily(env: &Env, account: i64, metric: &str) -> Vec<(String, f64)> {
    env.store
        .read(|c| {
            let mut st =
                c.prepare("SELECT day, value FROM daily_metrics WHERE account_id = ?1 AND metric = ?2 ORDER BY day")?;
            let rows = st.query_map(rusqlite::params![account, metric], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .unwrap()
}

const NEW_LAYOUT: &str = r#"{
  "Your Activity": {
    "Watch History": {"VideoList": [{"Date": "2025-01-01 10:00:00", "Link": "https://www.tiktokv.com/share/video/1/"}]},
    "Like List": {"ItemFavoriteList": [{"date": "2025-01-01 10:00:00", "link": "https://www.tiktokv.com/share/video/2/"}]}
  },
  "Profile And Settings": {
    "Follower": {"FansList": [
      {"Date": "2024-11-02 08:00:00", "UserName": "Fan.One"},
      {"Date": "2025-01-15 09:30:00", "UserName": "fan_two"},
      {"Date": "2025-03-01 20:00:00", "UserName": "fan_three"}
    ]},
    "Following": {"Following": [
      {"Date": "2024-10-01 08:00:00", "UserName": "idol"},
      {"Date": "2024-12-01 08:00:00", "UserName": "peer"}
    ]},
    "Profile Info": {"ProfileMap": {"userName": "camille.creates", "displayName": "Camille Crée",
      "followerCount": "1520", "followingCount": "2", "likesReceived": "8800"}}
  },
  "Post": {"Posts": {"VideoList": [
    {"Date": "2025-02-10 18:04:11", "Link": "https://www.tiktokv.com/share/video/7312345678901234567/", "Likes": "152",
     "WhoCanView": "Everyone", "Title": "Mon atelier 🎨"},
    {"Date": "2025-03-02 12:00:00", "Link": "https://p16.tiktokcdn.com/a.jpeg\nhttps://p16.tiktokcdn.com/b.jpeg", "Likes": "9"}
  ]}},
  "Direct Message": {"Direct Messages": {"ChatHistory": {}}}
}"#;

const OLD_LAYOUT: &str = r#"{
  "Activity": {
    "Follower List": {"FansList": [
      {"Date": "2021-11-11 01:22:22", "UserName": "gzalo.com"},
      {"Date": "2022-01-05 10:00:00", "UserName": "second.fan"}
    ]},
    "Following List": {"Following": []},
    "Video Browsing History": {"VideoList": []}
  },
  "Profile": {"Profile Information": {"ProfileMap": {"userName": "old.layout", "followerCount": "2", "followingCount": "0"}}},
  "Video": {"Videos": {"VideoList": [
    {"Date": "2022-03-02 18:04:11", "VideoLink": "https://www.tiktokv.com/share/video/6999999999999999999/", "Likes": "40"}
  ]}},
  "Comment": {"Comments": {"CommentsList": null}}
}"#;

#[test]
fn the_2024_json_layout_gives_followers_following_videos_and_counts() {
    let env = Env::new();
    let p = env.path("TikTok_Data_2025-03-10.zip");
    zip(&p, &[("user_data_tiktok.json", NEW_LAYOUT.as_bytes())]);
    let r = env.import(&p, &ImportOptions::default()).unwrap();
    let a = &r.accounts[0];
    assert_eq!((a.platform, a.handle.as_str()), (Platform::Tiktok, "camille.creates"));
    assert_eq!(a.display_name.as_deref(), Some("Camille Crée"));
    assert_eq!((r.counts.followers, r.counts.following, r.counts.posts), (3, 2, 2));
    let series = followers_on(&env, a.id);
    // Rebuilt from follow dates (a lower bound), then the profile's own count on the export day.
    assert_eq!(series.first(), Some(&("2024-11-02".to_string(), 1, true)));
    assert_eq!(series.last(), Some(&("2025-03-10".to_string(), 1520, false)));
    let list = env.store.read(|c| posts::list(c, a.id)).unwrap();
    let video = list.iter().find(|p| p.platform_post_id == "7312345678901234567").unwrap();
    assert_eq!((video.kind, video.metrics.likes, video.metrics.views), (PostKind::Video, Some(152), None));
    assert_eq!(video.published_at.as_deref(), Some("2025-02-10T18:04:11Z"));
    assert_eq!(video.text.as_deref(), Some("Mon atelier 🎨"));
    let slideshow = list.iter().find(|p| p.metrics.likes == Some(9)).unwrap();
    assert_eq!(slideshow.url.as_deref(), Some("https://p16.tiktokcdn.com/a.jpeg"), "first link of a slideshow");
    // The same file again changes nothing.
    let before = env.fingerprint();
    env.import(&p, &ImportOptions::default()).unwrap();
    assert_eq!(env.fingerprint(), before);
}

#[test]
fn the_older_json_layout_reads_the_same() {
    let env = Env::new();
    let p = env.path("user_data.json");
    std::fs::write(&p, OLD_LAYOUT).unwrap();
    let r = env.import(&p, &ImportOptions::default()).unwrap();
    let a = &r.accounts[0];
    assert_eq!(a.handle, "old.layout");
    assert_eq!((r.counts.followers, r.counts.following, r.counts.posts), (2, 0, 1));
    let list = env.store.read(|c| posts::list(c, a.id)).unwrap();
    assert_eq!(list[0].platform_post_id, "6999999999999999999");
    assert_eq!(list[0].metrics.likes, Some(40));
}

#[test]
fn the_txt_variant_needs_an_account_and_reads_dutch_file_names() {
    let env = Env::new();
    let p = env.path("TikTok_Data_TXT.zip");
    let volger =
        "Datum: 2024-05-01 10:00:00\nGebruikersnaam: een\n\nDatum: 2024-06-01 11:00:00\nGebruikersnaam: twee\n\n";
    let following = "Date: 2024-01-01 10:00:00\nUser Name: someone\n";
    let posts_txt = "Date: 2024-07-01 18:00:00\nLink: https://www.tiktokv.com/share/video/7000000000000000001/\nLikes: 31\n\nDate: 2024-07-08 18:00:00\nLink: https://www.tiktokv.com/share/video/7000000000000000002/\nLikes: 5\n";
    let watch = "You have no data in this section";
    zip(
        &p,
        &[
            ("TikTok/Volger.txt", volger.as_bytes()),
            ("TikTok/Following.txt", following.as_bytes()),
            ("TikTok/Posts.txt", posts_txt.as_bytes()),
            ("TikTok/Kijkgeschiedenis.txt", watch.as_bytes()),
        ],
    );
    // Nothing in the TXT files names the account: with no TikTok account yet, the user must say.
    let before = env.fingerprint();
    let err = env.import(&p, &ImportOptions::default()).unwrap_err();
    assert!(
        matches!(&err, Error::Import(e) if matches!(e.kind, ImportErrorKind::AccountUnknown { platform: Platform::Tiktok })),
        "{err}"
    );
    assert_eq!(env.fingerprint(), before, "nothing written");
    let id = env
        .store
        .write(|tx| {
            tx.execute(
                "INSERT INTO accounts (platform, handle, created_at) VALUES ('tiktok', 'camille.creates', '2024-01-01')",
                [],
            )?;
            Ok(tx.last_insert_rowid())
        })
        .unwrap();
    let r = env.import(&p, &ImportOptions { account: Some(id), ..Default::default() }).unwrap();
    assert_eq!((r.counts.followers, r.counts.following, r.counts.posts), (2, 1, 2));
    let list = env.store.read(|c| posts::list(c, id)).unwrap();
    let likes: Vec<Option<i64>> = list.iter().map(|p| p.metrics.likes).collect();
    assert!(likes.contains(&Some(31)) && likes.contains(&Some(5)), "{likes:?}");
}

/// 1767225600 = 2026-01-01 00:00 UTC: the export time, whatever the date before it says.
const STUDIO_SUFFIX: &str = "2025-11-03_1767225600_camille.creates.zip";

#[test]
fn studio_exports_place_yearless_days_before_the_export_and_keep_undefined_unknown() {
    let env = Env::new();
    let overview = env.path(&format!("Overview_{STUDIO_SUFFIX}"));
    let body = "\u{feff}Date,Video Views,Profile Views,Likes,Comments,Shares\n\
December 29,undefined,undefined,undefined,undefined,undefined\n\
December 30,1200,40,90,12,5\n\
December 31,\"1,450\",52,110,20,9\n\
January 1,undefined,3,undefined,0,undefined\n";
    zip(&overview, &[("Overview.csv", body.as_bytes())]);
    let r = env.import(&overview, &ImportOptions::default()).unwrap();
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let a = &r.accounts[0];
    assert_eq!((a.platform, a.handle.as_str()), (Platform::Tiktok, "camille.creates"));
    assert_eq!(daily(&env, a.id, "views"), vec![("2025-12-30".into(), 1200.0), ("2025-12-31".into(), 1450.0)]);
    assert_eq!(
        daily(&env, a.id, "profile_visits"),
        vec![("2025-12-30".into(), 40.0), ("2025-12-31".into(), 52.0), ("2026-01-01".into(), 3.0)]
    );
    assert_eq!(daily(&env, a.id, "comments").last(), Some(&("2026-01-01".into(), 0.0)), "a real zero stays zero");
    assert_eq!((r.date_from.as_deref(), r.date_to.as_deref()), (Some("2025-12-30"), Some("2026-01-01")));

    // FollowerHistory: daily totals; the "difference" column is mislabelled and ignored.
    let history = env.path(&format!("Followers_{STUDIO_SUFFIX}"));
    let body = "\u{feff}Date,Followers,\"Difference in followers from previous day\"\n\
December 29,1000,5\nDecember 30,1005,700\nDecember 31,1705,-5\nJanuary 1,1700,0\n";
    let activity = "\u{feff}Date,Hour,\"Active followers\"\nDecember 31,0,12\n";
    zip(&history, &[("FollowerHistory.csv", body.as_bytes()), ("FollowerActivity.csv", activity.as_bytes())]);
    let r = env.import(&history, &ImportOptions::default()).unwrap();
    assert_eq!(r.counts.audience_points, 4);
    let series: Vec<(String, i64)> = followers_on(&env, a.id).into_iter().map(|(d, v, _)| (d, v)).collect();
    assert_eq!(
        series,
        vec![
            ("2025-12-29".into(), 1000),
            ("2025-12-30".into(), 1005),
            ("2025-12-31".into(), 1705),
            ("2026-01-01".into(), 1700)
        ]
    );

    // Content: up to ~15 recent videos, lifetime numbers at the snapshot time.
    let content = env.path(&format!("Content_{STUDIO_SUFFIX}"));
    let body = "\u{feff}Time,Video title,Video link,Post time,Total likes,Total comments,Total shares,Total views\n\
\"2026-01-01 08:00:00\",\"Atelier, épisode 3\",https://www.tiktok.com/@camille.creates/video/7450000000000000001,December 30,800,95,40,21000\n\
\"2026-01-01 08:00:00\",Teaser,https://www.tiktok.com/@camille.creates/video/7450000000000000002,November 2,undefined,3,0,900\n";
    zip(&content, &[("Content.csv", body.as_bytes())]);
    let r = env.import(&content, &ImportOptions::default()).unwrap();
    assert_eq!((r.counts.posts, r.counts.posts_new), (2, 2));
    let list = env.store.read(|c| posts::list(c, a.id)).unwrap();
    let ep3 = list.iter().find(|p| p.platform_post_id == "7450000000000000001").unwrap();
    assert_eq!(ep3.published_at.as_deref(), Some("2025-12-30T00:00:00Z"));
    assert_eq!(
        (ep3.metrics.views, ep3.metrics.likes, ep3.metrics.comments, ep3.metrics.shares),
        (Some(21_000), Some(800), Some(95), Some(40))
    );
    let teaser = list.iter().find(|p| p.platform_post_id == "7450000000000000002").unwrap();
    assert_eq!(teaser.published_at.as_deref(), Some("2025-11-02T00:00:00Z"));
    assert_eq!((teaser.metrics.likes, teaser.metrics.shares), (None, Some(0)), "undefined is unknown, 0 is 0");
}
