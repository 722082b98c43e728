//! Instagram "Download your information" (JSON) in each layout, with Meta's mojibake, part files,
//! both following.json variants, professional insights, junk entries and the HTML variant.

mod common;

use common::{Env, mojibake_json, zip};
use resonance::import::{ImportOptions, ImportStatus};
use resonance::model::{AudienceMetric, AudienceSource, PostKind, Role};
use resonance::store::{accounts, audience, posts};

fn follower(name: &str, ts: i64) -> String {
    format!(
        r#"{{"title": "", "media_list_data": [], "string_list_data": [{{"href": "https://www.instagram.com/{name}", "value": "{name}", "timestamp": {ts}}}]}}"#
    )
}

fn profile(username: &str, name: &str) -> String {
    format!(
        r#"{{"profile_user": [{{"title": "", "media_map_data": {{}}, "string_map_data": {{
            "Username": {{"href": "", "value": "{username}", "timestamp": 0}},
            "Name": {{"href": "", "value": "{}", "timestamp": 0}},
            "Private Account": {{"href": "", "value": "False", "timestamp": 0}}}}}}]}}"#,
        mojibake_json(name)
    )
}

/// The 2025 layout: followers in two parts, the new following.json, media/ instead of content/.
fn export_2025(env: &Env) -> std::path::PathBuf {
    let p = env.path("instagram-atelier.test-2026-11-01-Ab12Cd34.zip");
    let f1 = format!("[{}, {}]", follower("Alice.B", 1_700_000_000), follower("bob_c", 1_700_086_400));
    let f2 = format!("[{}]", follower("chloé_d", 1_710_000_000).replace("chloé_d", "chlo_d"));
    let following = r#"{"relationships_following": [
        {"title": "friend.one", "string_list_data": [{"href": "https://www.instagram.com/_u/friend.one", "timestamp": 1700000500}]},
        {"title": "", "string_list_data": [{"href": "https://www.instagram.com/_u/friend.two?igsh=abc", "timestamp": 1700000600}]}]}"#;
    let caption = mojibake_json("Café & croissants ☕️ — à Lyon");
    let posts = format!(
        r#"[{{"media": [{{"uri": "media/posts/202407/450_850_1014_n_17926160567808540.webp", "creation_timestamp": 1720384529, "title": "{caption}"}}]}},
           {{"media": [{{"uri": "media/posts/202408/1_2_3_n_17926160567808541.jpg", "creation_timestamp": 1722384529, "title": ""}},
                       {{"uri": "media/posts/202408/1_2_4_n_17926160567808542.jpg", "creation_timestamp": 1722384529, "title": ""}}],
             "title": "carousel", "creation_timestamp": 1722384531}}]"#
    );
    let reels = r#"{"ig_reels_media": [{"media": [{"uri": "media/reels/202409/9_9_n_17926160567808543.mp4", "creation_timestamp": 1725000000, "title": "a reel"}]}]}"#;
    let insights = format!(
        r#"{{"organic_insights_posts": [{{"media_map_data": {{"Media Thumbnail": {{"uri": "media/posts/202407/450_850_1014_n_17926160567808540.webp", "creation_timestamp": 1720384529, "title": ""}}}},
            "string_map_data": {{"Creation Timestamp": {{"timestamp": 1720384529}}, "Accounts reached": {{"value": "1,200"}}, "Impressions": {{"value": "2,000"}},
              "{likes}": {{"value": "80"}}, "Comments": {{"value": "3"}}, "Shares": {{"value": "1"}}, "Saves": {{"value": "10"}}, "Follows": {{"value": "2"}},
              "Profile visits": {{"value": "33"}}, "Website taps": {{"value": "--"}}}}}}]}}"#,
        likes = "Likes"
    );
    let audience = r#"{"organic_insights_audience": [{"string_map_data": {"Followers": {"value": "3"}, "Date Range": {"value": "Aug 3 - Nov 1"}}}]}"#;
    zip(
        &p,
        &[
            (
                "personal_information/personal_information/personal_information.json",
                profile("atelier.test", "Atelier Test · Café").as_bytes(),
            ),
            ("connections/followers_and_following/followers_1.json", f1.as_bytes()),
            ("connections/followers_and_following/followers_2.json", f2.as_bytes()),
            ("connections/followers_and_following/following.json", following.as_bytes()),
            ("your_instagram_activity/media/posts_1.json", posts.as_bytes()),
            ("your_instagram_activity/media/reels.json", reels.as_bytes()),
            ("your_instagram_activity/likes/liked_posts.json", follower("someone", 1).as_bytes()),
            ("logged_information/past_instagram_insights/posts.json", insights.as_bytes()),
            ("logged_information/past_instagram_insights/audience_insights.json", audience.as_bytes()),
            ("your_instagram_activity/saved/no-data.txt", b"No data"),
            ("__MACOSX/connections/._followers_1.json", b"\x00\x05\x16\x07junk"),
            ("media/posts/202407/450_850_1014_n_17926160567808540.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 "),
        ],
    );
    p
}

#[test]
fn the_2025_layout_imports_with_exact_counts() {
    let env = Env::new();
    let report = env.import(&export_2025(&env), &ImportOptions::default()).unwrap();
    assert_eq!(report.status, ImportStatus::Imported);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    let a = &report.accounts[0];
    assert_eq!(a.handle, "atelier.test");
    assert_eq!(a.display_name.as_deref(), Some("Atelier Test · Café"), "mojibake fixed in values");
    assert_eq!(a.role, Role::Pro, "professional insights mark a pro account");
    assert_eq!(report.counts.followers, 3);
    assert_eq!(report.counts.following, 2);
    assert_eq!(report.counts.posts_new, 3, "a photo, a carousel and a reel");
    assert_eq!(a.followers, Some(3));
    assert_eq!(a.following, Some(2));

    let list = env.store.read(|c| posts::list(c, a.id)).unwrap();
    let photo = list.iter().find(|p| p.platform_post_id == "17926160567808540").unwrap();
    assert_eq!(photo.text.as_deref(), Some("Café & croissants ☕️ — à Lyon"));
    assert_eq!(photo.metrics.reach, Some(1200));
    assert_eq!(photo.metrics.impressions, Some(2000));
    assert_eq!(photo.metrics.likes, Some(80));
    assert_eq!(photo.metrics.saves, Some(10));
    assert_eq!(photo.metrics.profile_visits, Some(33));
    assert_eq!(photo.metrics.link_clicks, None, "\"--\" means not available");
    assert_eq!(photo.metrics.views, None);
    let reel = list.iter().find(|p| p.kind == PostKind::Reel).unwrap();
    assert_eq!(reel.platform_post_id, "17926160567808543");
    assert!(reel.metrics.is_empty(), "no insights for the reel: unknown, not zero");

    // History rebuilt from follow dates is a lower bound, the export-day count is a snapshot.
    let series = env.store.read(|c| audience::follower_series(c, a.id, AudienceMetric::Followers)).unwrap();
    let first = series.first().unwrap();
    assert_eq!((first.date.to_string().as_str(), first.followers, first.lower_bound), ("2023-11-14", 1, true));
    let last = series.last().unwrap();
    assert_eq!((last.date.to_string().as_str(), last.followers), ("2026-11-01", 3));
    assert_eq!(last.source, AudienceSource::ExportSnapshot);

    // Handles are normalised: the 2025 following.json gives usernames in title or in /_u/ links.
    let handles: Vec<String> = env
        .store
        .read(|c| {
            let mut s = c.prepare("SELECT handle FROM identities ORDER BY handle")?;
            let v = s.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
            Ok(v)
        })
        .unwrap();
    assert_eq!(handles, vec!["alice.b", "bob_c", "chlo_d", "friend.one", "friend.two"]);
}

#[test]
fn an_html_export_is_refused_with_advice() {
    let env = Env::new();
    let p = env.path("instagram-me-2026-11-01-x.zip");
    zip(
        &p,
        &[
            ("connections/followers_and_following/followers_1.html", b"<html><body>followers</body></html>"),
            ("your_instagram_activity/content/posts_1.html", b"<html></html>"),
        ],
    );
    let before = env.fingerprint();
    let e = env.import(&p, &ImportOptions::default()).unwrap_err();
    assert_eq!(e.code(), "import.html_export");
    assert!(e.localized(resonance::Lang::En).contains("JSON"));
    assert!(e.localized(resonance::Lang::Fr).contains("Format : JSON"));
    assert_eq!(env.fingerprint(), before);
}

#[test]
fn the_legacy_2019_connections_file_imports() {
    let env = Env::new();
    let p = env.path("old-export.zip");
    let connections = r#"{"blocked_users": {}, "followers": {"alice": "2018-11-06T13:56:46+00:00", "bob": "2019-01-02T10:00:00+00:00"},
        "following": {"carol": "2018-05-01T00:00:00+00:00"}}"#;
    let profile = profile("old.account", "Old");
    zip(&p, &[("connections.json", connections.as_bytes()), ("profile.json", profile.as_bytes())]);
    let r = env.import(&p, &ImportOptions { role: Some(Role::Personal), ..Default::default() }).unwrap();
    assert_eq!(r.counts.followers, 2);
    assert_eq!(r.counts.following, 1);
    assert_eq!(r.accounts[0].handle, "old.account");
    let a = env.store.read(|c| accounts::get(c, r.accounts[0].id)).unwrap();
    assert_eq!(a.role, Role::Personal);
}
