//! LinkedIn: the data archive (Connections with and without the Notes preamble, Shares, Profile)
//! and the creator analytics spreadsheet (numbers and US dates stored as text).

mod common;

use common::{Env, zip};
use resonance::import::ImportOptions;
use resonance::model::{AudienceMetric, AudienceSource, Role};
use resonance::store::{accounts, audience, posts};
use rust_xlsxwriter::Workbook;

const PREAMBLE: &str = "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"\n\n";
const HEADER: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

fn archive(env: &Env, name: &str, preamble: bool) -> std::path::PathBuf {
    let p = env.path(name);
    let connections = format!(
        "{}{HEADER}Ada,Lovelace,https://www.linkedin.com/in/ada-l,,Analytical Engines,Mathematician,30 Jan 2024\n\
,,,,,,\n\
Grace,Hopper,https://www.linkedin.com/in/grace-h,grace@example.org,\"Navy, US\",Admiral,15 September 2025\n\
Émile,Zola,https://www.linkedin.com/in/emile-z,,,Writer,02 Mar 2026\n",
        if preamble { PREAMBLE } else { "" }
    );
    let shares = "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n\
2026-03-02 08:15:00,https://www.linkedin.com/feed/update/urn:li:activity:7228123456789012345/,\"Un \"\"vrai\"\" post\nsur deux lignes\",,,MEMBER_NETWORK\n\
2026-04-10 17:00:00,https://www.linkedin.com/feed/update/urn:li:activity:7228123456789012399/,\"Second post\",https://example.org,,MEMBER_NETWORK\n";
    let profile = "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n\
Camille,Laurent,,,,Brand designer,,Design,,Lyon,,,\n";
    zip(
        &p,
        &[
            ("Connections.csv", connections.as_bytes()),
            ("Shares_252701747.csv", shares.as_bytes()),
            ("Profile.csv", profile.as_bytes()),
            ("Skills.csv", b"Name\nTypography\n"),
            ("Learning.csv", b"Content Title,Content Description,Content Type,Content Last Watched Date (if viewed),Content Completed At (if completed),Content Saved,Notes taken on videos (if taken),\n"),
        ],
    );
    p
}

fn creator_xlsx(env: &Env) -> std::path::PathBuf {
    let p = env.path("Content_2026-01-01_2026-03-31_Camille Laurent.xlsx");
    let mut wb = Workbook::new();
    let s = wb.add_worksheet().set_name("DISCOVERY").unwrap();
    s.write_string(0, 0, "Overall Performance").unwrap();
    s.write_string(0, 1, "1/1/2026 - 3/31/2026").unwrap();
    s.write_string(1, 0, "Impressions").unwrap();
    s.write_string(1, 1, "12500").unwrap();
    let s = wb.add_worksheet().set_name("ENGAGEMENT").unwrap();
    for (c, h) in ["Date", "Impressions", "Engagements"].iter().enumerate() {
        s.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (d, i, e)) in
        [("3/29/2026", "1200", "40"), ("3/30/2026", "900", "25"), ("3/31/2026", "1,100", "31")].iter().enumerate()
    {
        s.write_string(r as u32 + 1, 0, *d).unwrap();
        s.write_string(r as u32 + 1, 1, *i).unwrap();
        s.write_string(r as u32 + 1, 2, *e).unwrap();
    }
    let s = wb.add_worksheet().set_name("TOP POSTS").unwrap();
    s.write_string(0, 0, "Maximum of 50 posts available to include in this list").unwrap();
    for (c, h) in ["Post URL", "Post publish date", "Engagements", "", "Post URL", "Post publish date", "Impressions"]
        .iter()
        .enumerate()
    {
        s.write_string(2, c as u16, *h).unwrap();
    }
    let url = "https://www.linkedin.com/posts/camille-laurent-design_un-vrai-post-activity-7228123456789012345-AbCd";
    s.write_string(3, 0, url).unwrap();
    s.write_string(3, 1, "3/2/2026").unwrap();
    s.write_string(3, 2, "87").unwrap();
    s.write_string(3, 4, url).unwrap();
    s.write_string(3, 5, "3/2/2026").unwrap();
    s.write_string(3, 6, "5400").unwrap();
    let s = wb.add_worksheet().set_name("FOLLOWERS").unwrap();
    s.write_string(0, 0, "Total followers on 3/31/2026:").unwrap();
    s.write_string(0, 1, "4,800").unwrap();
    s.write_string(2, 0, "Date").unwrap();
    s.write_string(2, 1, "New followers").unwrap();
    for (r, (d, g)) in [("3/29/2026", "10"), ("3/30/2026", "5"), ("3/31/2026", "7")].iter().enumerate() {
        s.write_string(r as u32 + 3, 0, *d).unwrap();
        s.write_string(r as u32 + 3, 1, *g).unwrap();
    }
    let s = wb.add_worksheet().set_name("DEMOGRAPHICS").unwrap();
    s.write_string(0, 0, "Top Demographics").unwrap();
    wb.save(&p).unwrap();
    p
}

#[test]
fn the_archive_imports_connections_posts_and_profile() {
    for preamble in [true, false] {
        let env = Env::new();
        let r = env
            .import(&archive(&env, "Complete_LinkedInDataExport_04-15-2026.zip", preamble), &ImportOptions::default())
            .unwrap();
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        let a = &r.accounts[0];
        assert_eq!(a.platform, resonance::model::Platform::Linkedin);
        assert_eq!(a.display_name.as_deref(), Some("Camille Laurent"));
        assert_eq!(a.role, Role::Pro);
        assert_eq!(r.counts.followers, 3, "3 connections; the row of commas is a deleted member");
        assert_eq!(a.connections, Some(3));
        assert_eq!(r.counts.posts_new, 2);
        let list = env.store.read(|c| posts::list(c, a.id)).unwrap();
        let first = list.iter().find(|p| p.platform_post_id == "7228123456789012345").unwrap();
        assert_eq!(first.text.as_deref(), Some("Un \"vrai\" post\nsur deux lignes"));
        assert_eq!(first.published_at.as_deref(), Some("2026-03-02T08:15:00Z"));
        assert!(first.metrics.is_empty(), "the archive has no metrics");
        // Connections growth rebuilt from "Connected On" (a lower bound), then the export-day count.
        let s = env.store.read(|c| audience::follower_series(c, a.id, AudienceMetric::Connections)).unwrap();
        let pts: Vec<(String, i64, bool)> =
            s.iter().map(|p| (p.date.to_string(), p.followers, p.lower_bound)).collect();
        assert_eq!(
            pts,
            vec![
                ("2024-01-30".into(), 1, true),
                ("2025-09-15".into(), 2, true),
                ("2026-03-02".into(), 3, true),
                ("2026-04-15".into(), 3, false)
            ]
        );
    }
}

#[test]
fn creator_analytics_give_followers_daily_numbers_and_top_posts() {
    let env = Env::new();
    let archive = archive(&env, "Complete_LinkedInDataExport_04-15-2026.zip", true);
    let id = env.import(&archive, &ImportOptions::default()).unwrap().accounts[0].id;
    let r = env.import(&creator_xlsx(&env), &ImportOptions::default()).unwrap();
    assert_eq!(r.accounts[0].id, id, "attached to the one LinkedIn account");
    assert_eq!(r.counts.follow_changes, 3);
    assert_eq!(r.counts.daily_metrics, 6);
    let a = env.store.read(|c| accounts::get(c, id)).unwrap();
    assert_eq!(a.followers, Some(4800));
    let s = env.store.read(|c| audience::follower_series(c, id, AudienceMetric::Followers)).unwrap();
    let pts: Vec<(String, i64, bool)> = s.iter().map(|p| (p.date.to_string(), p.followers, p.lower_bound)).collect();
    // Totals back-filled from daily gains are lower bounds (losses are not exported).
    assert_eq!(
        pts,
        vec![("2026-03-29".into(), 4788, true), ("2026-03-30".into(), 4793, true), ("2026-03-31".into(), 4800, false)]
    );
    assert!(s.iter().all(|p| p.source == AudienceSource::AnalyticsSeries));
    let list = env.store.read(|c| posts::list(c, id)).unwrap();
    let top = list.iter().find(|p| p.platform_post_id == "7228123456789012345").unwrap();
    assert_eq!(top.metrics.impressions, Some(5400));
    assert_eq!(top.metrics.engagements, Some(87));
    assert_eq!(top.metrics.likes, None, "LinkedIn gives a total, not a breakdown");
    assert_eq!(top.text.as_deref(), Some("Un \"vrai\" post\nsur deux lignes"), "joined to the archive's post");
    // A re-import of the same spreadsheet changes nothing.
    let before = env.fingerprint();
    let again = env.import(&creator_xlsx(&env), &ImportOptions::default()).unwrap();
    assert_eq!(again.status, resonance::import::ImportStatus::AlreadyImported);
    assert_eq!(env.fingerprint(), before);
}
