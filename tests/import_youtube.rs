//! YouTube: Studio's advanced-mode export (Total row, leading-space ids, H:MM:SS, thousands
//! separators, lifetime Totals → subscriber history, Excel-resaved dates) and Google Takeout.

mod common;

use common::{Env, zip};
use resonance::import::ImportOptions;
use resonance::model::{AudienceMetric, Platform, PostKind};
use resonance::store::{audience, posts};

const FOLDER: &str = "Content 2024-01-01_2026-06-30 Camille Crée";

const TABLE: &str = "Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,Impressions,Impressions click-through rate (%),Average view duration,Average percentage viewed (%),Likes,Comments added,Shares\n\
Total,,,,43050,1502.5,97,80929,1.68,0:02:05,41.2,1900,230,88\n\
UWQNrpakgcA,\"Atelier, épisode 1 🎨\",\"Aug 28, 2025\",600,\"12,500\",1041.6,60,50000,3.51,0:05:00,50.0,1200,150,60\n\
 -i5vAKwX_bY,Un short,\"Mar 5, 2026\",45,30550,460.9,37,30929,,0:00:41,91.1,700,80,28\n";

fn totals(lines: &[(&str, i64)]) -> String {
    let mut s = String::from("Date,Subscribers\n");
    for (d, v) in lines {
        s.push_str(&format!("{d},{v}\n"));
    }
    s
}

fn series(env: &Env, account: i64) -> Vec<(String, i64)> {
    env.store
        .read(|c| audience::follower_series(c, account, AudienceMetric::Followers))
        .unwrap()
        .into_iter()
        .map(|p| (p.date.to_string(), p.followers))
        .collect()
}

#[test]
fn a_studio_export_gives_videos_with_watching_and_a_lifetime_subscriber_history() {
    let env = Env::new();
    let p = env.path(&format!("{FOLDER}.zip"));
    let tot =
        totals(&[("2024-01-01", 0), ("2024-01-02", 3), ("2025-08-28", 40), ("2026-03-05", 25), ("2026-06-30", -2)]);
    let chart = "Date,Content,Video title,Video publish time,Duration,Views\n2026-06-30,UWQNrpakgcA,x,\"Aug 28, 2025\",600,10\n";
    zip(
        &p,
        &[
            (&format!("{FOLDER}/Table data.csv"), TABLE.as_bytes()),
            (&format!("{FOLDER}/Chart data.csv"), chart.as_bytes()),
            (&format!("{FOLDER}/Totals.csv"), tot.as_bytes()),
        ],
    );
    let r = env.import(&p, &ImportOptions::default()).unwrap();
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let a = &r.accounts[0];
    assert_eq!((a.platform, a.handle.as_str()), (Platform::Youtube, "camillecrée"));
    assert_eq!(a.display_name.as_deref(), Some("Camille Crée"));
    assert_eq!((r.counts.posts, r.counts.follow_changes), (2, 5), "the Total row is not a video");
    let list = env.store.read(|c| posts::list(c, a.id)).unwrap();
    let ep1 = list.iter().find(|p| p.platform_post_id == "UWQNrpakgcA").unwrap();
    assert_eq!(ep1.text.as_deref(), Some("Atelier, épisode 1 🎨"));
    assert_eq!(ep1.published_at.as_deref(), Some("2025-08-28T00:00:00Z"));
    assert_eq!((ep1.kind, ep1.duration_s), (PostKind::Video, Some(600.0)));
    assert_eq!(ep1.url.as_deref(), Some("https://www.youtube.com/watch?v=UWQNrpakgcA"));
    let m = &ep1.metrics;
    assert_eq!(
        (m.views, m.impressions, m.likes, m.comments, m.shares, m.follows),
        (Some(12_500), Some(50_000), Some(1200), Some(150), Some(60), Some(60))
    );
    assert_eq!((m.avg_view_duration_s, m.avg_pct_viewed), (Some(300.0), Some(50.0)));
    assert!((m.watch_time_s.unwrap() - 1041.6 * 3600.0).abs() < 1e-6);
    let short = list.iter().find(|p| p.platform_post_id == "-i5vAKwX_bY").expect("leading space trimmed");
    assert_eq!((short.metrics.avg_view_duration_s, short.metrics.avg_pct_viewed), (Some(41.0), Some(91.1)));
    assert_eq!(ep1.observed_on.as_deref(), Some("2026-06-30"), "dated by the end of the range");
    // Lifetime totals (starting before the first video) sum to the subscriber count (the day
    // before the series is the count before its first change).
    assert_eq!(
        series(&env, a.id),
        vec![
            ("2023-12-31".into(), 0),
            ("2024-01-01".into(), 0),
            ("2024-01-02".into(), 3),
            ("2025-08-28".into(), 43),
            ("2026-03-05".into(), 68),
            ("2026-06-30".into(), 66)
        ]
    );
    // The channel's totals win over the chart's sum over listed videos: no daily "views" from it.
    let views_rows: i64 = env
        .store
        .read(|c| Ok(c.query_row("SELECT count(*) FROM daily_metrics WHERE metric = 'views'", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(views_rows, 0);
}

#[test]
fn totals_that_do_not_cover_the_channel_stay_daily_changes() {
    let env = Env::new();
    let p = env.path("Totals.csv");
    // Excel re-saved: DD-MM-YYYY and CRLF.
    std::fs::write(&p, "Date,Subscribers\r\n13-06-2025,12\r\n14-06-2025,-3\r\n").unwrap();
    let id = env
        .store
        .write(|tx| {
            tx.execute(
                "INSERT INTO accounts (platform, handle, created_at) VALUES ('youtube', 'camillecrée', '2024-01-01')",
                [],
            )?;
            Ok(tx.last_insert_rowid())
        })
        .unwrap();
    let r = env.import(&p, &ImportOptions::default()).unwrap();
    assert_eq!(r.accounts[0].id, id, "attached to the only YouTube account");
    assert_eq!((r.counts.follow_changes, r.counts.audience_points), (2, 0));
    assert!(r.warnings.iter().any(|w| w.contains("lifetime")), "{:?}", r.warnings);
    let nets: Vec<(String, Option<i64>)> = env
        .store
        .read(|c| {
            let mut st = c.prepare("SELECT day, net FROM follow_changes ORDER BY day")?;
            let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .unwrap();
    assert_eq!(nets, vec![("2025-06-13".into(), Some(12)), ("2025-06-14".into(), Some(-3))]);
}

#[test]
fn takeout_gives_the_channel_its_public_videos_and_its_subscriptions() {
    let env = Env::new();
    let p = env.path("takeout-20260701T101010Z-001.zip");
    let root = "Takeout/YouTube and YouTube Music";
    let channel =
        "Channel ID,Channel Title (Original),Channel Visibility\nUC0000000000000000000001,Camille Crée,Public\n";
    let videos = "Video ID,Approx Duration (ms),Video Audio Language,Video Category,Video Description (Original),Channel ID,Tag 1,Tag 2,Video Title (Original),Privacy,Video State,Video Create Timestamp,Video Publish Timestamp\n\
UWQNrpakgcA,600000,fr,Howto,\"Une description\nsur deux lignes\",UC0000000000000000000001,atelier,peinture,\"Atelier, épisode 1 🎨\",Public,Published,2025-08-27T10:00:00+00:00,2025-08-28T09:00:00+00:00\n\
PRIVATE0001,1000,fr,Howto,,UC0000000000000000000001,,,Brouillon,Private,Published,2025-09-01T10:00:00+00:00,\n\
UNLISTED001,2000,fr,Howto,,UC0000000000000000000001,,,Pour les abonnés,Unlisted,Published,2025-09-02T10:00:00+00:00,2025-09-02T10:00:00+00:00\n";
    let subs = "Channel Id,Channel Url,Channel Title\nUCaaaaaaaaaaaaaaaaaaaaaa,http://www.youtube.com/channel/UCaaaaaaaaaaaaaaaaaaaaaa,Peintres Unis\nUCbbbbbbbbbbbbbbbbbbbbbb,http://www.youtube.com/channel/UCbbbbbbbbbbbbbbbbbbbbbb,Another One\n";
    zip(
        &p,
        &[
            (&format!("{root}/channels/channel.csv"), channel.as_bytes()),
            (&format!("{root}/video metadata/videos.csv"), videos.as_bytes()),
            (&format!("{root}/subscriptions/subscriptions.csv"), subs.as_bytes()),
            (&format!("{root}/history/watch-history.json"), br#"[{"header":"YouTube","title":"Watched x","titleUrl":"https://www.youtube.com/watch?v=x","time":"2025-01-01T00:00:00Z","products":["YouTube"]}]"#),
        ],
    );
    let r = env.import(&p, &ImportOptions::default()).unwrap();
    let a = &r.accounts[0];
    assert_eq!((a.handle.as_str(), a.display_name.as_deref()), ("camillecrée", Some("Camille Crée")));
    assert_eq!((r.counts.posts, r.counts.following), (2, 2), "the private video is left out");
    let list = env.store.read(|c| posts::list(c, a.id)).unwrap();
    let ep1 = list.iter().find(|p| p.platform_post_id == "UWQNrpakgcA").unwrap();
    assert_eq!((ep1.published_at.as_deref(), ep1.duration_s), (Some("2025-08-28T09:00:00Z"), Some(600.0)));
    assert!(ep1.metrics.is_empty(), "Takeout has no numbers");

    // A Studio export of the same channel lands on the same account and completes the same video.
    let studio = env.path(&format!("{FOLDER}.zip"));
    zip(&studio, &[(&format!("{FOLDER}/Table data.csv"), TABLE.as_bytes())]);
    let r2 = env.import(&studio, &ImportOptions::default()).unwrap();
    assert_eq!(r2.accounts[0].id, a.id);
    assert_eq!(r2.counts.posts_new, 1, "only the short is new");
    let list = env.store.read(|c| posts::list(c, a.id)).unwrap();
    let ep1 = list.iter().find(|p| p.platform_post_id == "UWQNrpakgcA").unwrap();
    assert_eq!(ep1.metrics.views, Some(12_500));
}
