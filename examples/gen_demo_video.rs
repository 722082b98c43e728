//! Adds Camille Laurent's video and open-network exports to the demo dataset: a YouTube Studio
//! advanced-mode export (per-video table with watch time and average percentage viewed, lifetime
//! subscriber totals), TikTok Studio exports (Overview, Followers, Content — year-less dates,
//! `undefined` cells, UTF-8 with BOM) and TikTok's "Download your data" JSON, and a Mastodon archive
//! for her personal account. Written in the platforms' formats (export-formats.md §5–7) and
//! appended to `manifest.json` (entries of these folders are replaced, the others kept).
//!
//! ```text
//! cargo run --release --example gen_demo -- assets/demo        # first: the core platforms
//! cargo run --release --example gen_demo_video -- assets/demo  # then: this
//! ```
//!
//! Deterministic (ChaCha8 seeded with 20261102, fixed zip timestamps): two runs give the same bytes.
//!
//! The story: YouTube `Camille Laurent Atelier` (pro) grows steadily from long tutorials that people
//! watch for real (40–55 % viewed), with shorts that are seen at a glance; TikTok `camille.atelier`
//! (pro) has big view counts but little conversation; Mastodon `camille@piaille.fr` (personal) is a
//! small circle that replies and boosts.

use chrono::{Datelike, Duration, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::error::Error;
use std::fmt::Write as _;
use std::io::{Cursor, Write as _};
use std::path::Path;

type Res<T> = Result<T, Box<dyn Error>>;

const SEED: u64 = 20261102;
const YT_DIR: &str = "youtube-camille";
const TT_DIR: &str = "tiktok-camille.atelier";
const MASTO_DIR: &str = "mastodon-camille";
const EXPORT_DAY: (i32, u32, u32) = (2026, 11, 1);

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn days(a: NaiveDate, b: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    (0..=(b - a).num_days()).map(move |i| a + Duration::days(i))
}

fn lognorm(r: &mut ChaCha8Rng, median: f64, sigma: f64) -> f64 {
    // Box–Muller.
    let (u1, u2): (f64, f64) = (r.random::<f64>().max(1e-12), r.random());
    let z = (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos();
    median * (sigma * z).exp()
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn zip_bytes(entries: &[(String, Vec<u8>)]) -> Res<Vec<u8>> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let when = zip::DateTime::from_date_and_time(2026, 11, 1, 9, 0, 0)?;
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(when);
    for (name, bytes) in entries {
        z.start_file(name.as_str(), opts)?;
        z.write_all(bytes)?;
    }
    Ok(z.finish()?.into_inner())
}

fn month_day(d: NaiveDate) -> String {
    const M: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    format!("{} {}", M[d.month0() as usize], d.day())
}

struct Video {
    id: String,
    title: String,
    published: NaiveDate,
    duration: u32,
    views: u64,
    pct: f64,
    likes: u64,
    comments: u64,
    shares: u64,
    subs: i64,
    impressions: u64,
}

const ID_CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn youtube(r: &mut ChaCha8Rng) -> Res<Vec<(String, Vec<u8>)>> {
    let topics = [
        "Créer un logo qui dure",
        "Palette de couleurs pour une marque",
        "Typographie : les erreurs qui coûtent cher",
        "Refonte d'identité d'un café lyonnais",
        "Mon process de brief client",
        "Moodboard en 20 minutes",
        "Grille de mise en page pour Instagram",
        "Tarifer son travail de freelance",
        "Charte graphique : le minimum vital",
        "Du croquis au vectoriel",
    ];
    let first = date(2023, 3, 10);
    let end = date(2026, 10, 31);
    let mut videos = Vec::new();
    let mut d = first;
    let mut n = 0;
    while d <= end - Duration::days(3) {
        let short = n % 3 == 2;
        let id: String = (0..11).map(|_| ID_CHARS[r.random_range(0..ID_CHARS.len())] as char).collect();
        let topic = topics[n % topics.len()];
        let title = if short { format!("{topic} #shorts") } else { format!("{topic} — épisode {}", n / 3 + 1) };
        let age = (end - d).num_days().max(1) as f64;
        let reach = (age / 365.0).min(1.0) * 0.6 + 0.4;
        let hit = n == 41;
        let views = if hit {
            128_400
        } else if short {
            (lognorm(r, 9_000.0, 0.7) * reach) as u64
        } else {
            (lognorm(r, 2_600.0, 0.6) * reach) as u64
        };
        let duration = if short { r.random_range(22..58) } else { r.random_range(540..1500) };
        let pct = if short { r.random_range(62.0..104.0) } else { r.random_range(36.0..57.0) };
        let engaged = if short { 0.25 } else { 1.0 };
        videos.push(Video {
            id: if n == 17 { format!("-{}", &id[1..]) } else { id },
            title,
            published: d,
            duration,
            views,
            pct: (pct * 10.0f64).round() / 10.0,
            likes: (views as f64 * r.random_range(0.028..0.05)) as u64,
            comments: (views as f64 * r.random_range(0.002..0.006) * engaged) as u64,
            shares: (views as f64 * r.random_range(0.001..0.004)) as u64,
            subs: (views as f64 * if short { 0.0015 } else { 0.006 }) as i64 - r.random_range(0..3),
            impressions: (views as f64 * r.random_range(9.0..16.0)) as u64,
        });
        d += Duration::days(r.random_range(9..17));
        n += 1;
    }
    // Table data.csv: Total row first, ids starting with '-' written with a leading space.
    let mut table = String::from(
        "Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,Impressions,\
         Impressions click-through rate (%),Average view duration,Average percentage viewed (%),Likes,Comments added,Shares\n",
    );
    let hours = |v: &Video| v.views as f64 * v.duration as f64 * v.pct / 100.0 / 3600.0;
    let total_views: u64 = videos.iter().map(|v| v.views).sum();
    let total_hours: f64 = videos.iter().map(hours).sum();
    let total_impr: u64 = videos.iter().map(|v| v.impressions).sum();
    let avg_pct = videos.iter().map(|v| v.pct * v.views as f64).sum::<f64>() / total_views as f64;
    let avg_dur = total_hours * 3600.0 / total_views as f64;
    let hms = |s: f64| {
        let s = s.round() as u64;
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    };
    writeln!(
        table,
        "Total,,,,{},{:.4},{},{},{:.2},{},{:.2},{},{},{}",
        total_views,
        total_hours,
        videos.iter().map(|v| v.subs).sum::<i64>(),
        total_impr,
        total_views as f64 / total_impr as f64 * 100.0 / 2.0,
        hms(avg_dur),
        avg_pct,
        videos.iter().map(|v| v.likes).sum::<u64>(),
        videos.iter().map(|v| v.comments).sum::<u64>(),
        videos.iter().map(|v| v.shares).sum::<u64>()
    )?;
    for v in videos.iter().rev() {
        let id = if v.id.starts_with('-') { format!(" {}", v.id) } else { v.id.clone() };
        let ctr = v.views as f64 / v.impressions as f64 * 100.0 / 2.0;
        writeln!(
            table,
            "{id},{},\"{}\",{},{},{:.4},{},{},{:.2},{},{:.1},{},{},{}",
            csv_field(&v.title),
            v.published.format("%b %-d, %Y"),
            v.duration,
            if v.views >= 10_000 { format!("\"{}\"", thousands(v.views)) } else { v.views.to_string() },
            hours(v),
            v.subs,
            v.impressions,
            ctr,
            hms(v.duration as f64 * v.pct / 100.0),
            v.pct,
            v.likes,
            v.comments,
            v.shares
        )?;
    }
    // Totals.csv: lifetime daily net subscribers from the channel's creation (before any video).
    let created = date(2023, 2, 1);
    let mut totals = String::from("Date,Subscribers\n");
    for day in days(created, end) {
        let recent: i64 = videos
            .iter()
            .filter(|v| v.published <= day && (day - v.published).num_days() < 30)
            .map(|v| (v.subs as f64 / 30.0 * if (day - v.published).num_days() < 7 { 2.2 } else { 0.55 }) as i64)
            .sum();
        let base = if day < first { 0 } else { r.random_range(0..4) };
        let churn = if day < first { 0 } else { r.random_range(0..3) };
        writeln!(totals, "{},{}", day.format("%Y-%m-%d"), recent + base - churn)?;
    }
    // Chart data.csv: daily views of the five newest videos over the last 28 days.
    let mut chart = String::from("Date,Content,Video title,Video publish time,Duration,Views\n");
    for day in days(end - Duration::days(27), end) {
        for v in videos.iter().rev().take(5) {
            let views = if day < v.published { 0 } else { v.views / 40 + r.random_range(0..20) };
            writeln!(
                chart,
                "{},{},{},\"{}\",{},{}",
                day.format("%Y-%m-%d"),
                v.id,
                csv_field(&v.title),
                v.published.format("%b %-d, %Y"),
                v.duration,
                views
            )?;
        }
    }
    let folder = "Content 2023-02-01_2026-10-31 Camille Laurent Atelier";
    let zip = zip_bytes(&[
        (format!("{folder}/Table data.csv"), table.into_bytes()),
        (format!("{folder}/Chart data.csv"), chart.into_bytes()),
        (format!("{folder}/Totals.csv"), totals.into_bytes()),
    ])?;
    Ok(vec![(format!("{YT_DIR}/{folder}.zip"), zip)])
}

fn tiktok(r: &mut ChaCha8Rng) -> Res<Vec<(String, Vec<u8>)>> {
    let export = date(EXPORT_DAY.0, EXPORT_DAY.1, EXPORT_DAY.2);
    let unix = export.and_hms_opt(9, 0, 0).expect("time").and_utc().timestamp();
    let start = export - Duration::days(60);
    let handle = "camille.atelier";
    let bom = "\u{feff}";
    // Followers: a true daily series (the "difference" column is mislabelled, as TikTok writes it).
    let mut totals = Vec::new();
    let mut f = 8_240i64;
    for day in days(start, export - Duration::days(2)) {
        f += r.random_range(4..34) - r.random_range(0..9);
        totals.push((day, f));
    }
    let mut history = format!("{bom}Date,Followers,\"Difference in followers from previous day\"\n");
    for (i, (day, n)) in totals.iter().enumerate() {
        let next = totals.get(i + 1).map(|(_, m)| m - n).unwrap_or(0);
        writeln!(history, "{},{n},{next}", month_day(*day))?;
    }
    let mut activity = format!("{bom}Date,Hour,\"Active followers\"\n");
    for day in days(export - Duration::days(8), export - Duration::days(2)) {
        for h in 0..24 {
            writeln!(activity, "{},{h},{}", month_day(day), 200 + (h * 37 % 400))?;
        }
    }
    let gender = format!("{bom}Gender,Distribution\nFemale,0.64\nMale,0.33\nOther,0.03\n");
    // Overview: views are big; comments few. The first day is undefined (no data yet).
    let mut overview = format!("{bom}Date,Video Views,Profile Views,Likes,Comments,Shares\n");
    for (i, day) in days(start, export - Duration::days(2)).enumerate() {
        if i == 0 {
            writeln!(overview, "{},undefined,undefined,undefined,undefined,undefined", month_day(day))?;
            continue;
        }
        let views = lognorm(r, 14_000.0, 0.5) as u64;
        writeln!(
            overview,
            "{},{views},{},{},{},{}",
            month_day(day),
            views / 90,
            views / 28,
            views / 2_400,
            views / 1_500
        )?;
    }
    // Content: the ~15 most recent videos, lifetime numbers at the export.
    let mut content =
        format!("{bom}Time,Video title,Video link,Post time,Total likes,Total comments,Total shares,Total views\n");
    let mut videos = Vec::new();
    for i in 0..15 {
        let posted = export - Duration::days(3 + i * 4);
        let id = 7_430_000_000_000_000_000u64 + r.random_range(0..9_999_999_999u64);
        let views = lognorm(r, 38_000.0, 0.8) as u64;
        videos.push((id, posted, views));
        writeln!(
            content,
            "\"2026-11-01 08:00:00\",{},https://www.tiktok.com/@{handle}/video/{id},{},{},{},{},{views}",
            csv_field(&format!("Atelier en 30 s — {}", i + 1)),
            month_day(posted),
            views / 25,
            views / 3_000,
            views / 900
        )?;
    }
    let tab = |tab: &str| format!("{TT_DIR}/{tab}_2026-09-01_{unix}_{handle}.zip");
    let mut out = vec![
        (
            tab("Followers"),
            zip_bytes(&[
                ("FollowerHistory.csv".into(), history.into_bytes()),
                ("FollowerActivity.csv".into(), activity.into_bytes()),
                ("FollowerGender.csv".into(), gender.into_bytes()),
            ])?,
        ),
        (tab("Overview"), zip_bytes(&[("Overview.csv".into(), overview.into_bytes())])?),
        (tab("Content"), zip_bytes(&[("Content.csv".into(), content.into_bytes())])?),
    ];
    // "Download your data" (2024+ layout): current followers with follow dates, videos with likes.
    let follower_count = totals.last().map(|(_, n)| *n).unwrap_or(0);
    let mut fans = Vec::new();
    let first_day = date(2024, 9, 1);
    let span = (export - first_day).num_days();
    for i in 0..(follower_count as usize) {
        // Growth accelerates: more recent follow dates.
        let x: f64 = r.random::<f64>().sqrt();
        let d = first_day + Duration::days((x * span as f64) as i64);
        let secs = r.random_range(0..86_400);
        fans.push((d, secs, format!("fan.{:05}", i)));
    }
    fans.sort();
    fans.reverse(); // TikTok lists newest first
    let mut json = String::from("{\n  \"Profile And Settings\": {\n    \"Follower\": {\"FansList\": [\n");
    for (i, (d, secs, name)) in fans.iter().enumerate() {
        let t = d.and_hms_opt(0, 0, 0).expect("t") + Duration::seconds(*secs);
        let sep = if i + 1 == fans.len() { "" } else { "," };
        writeln!(json, "      {{\"Date\": \"{}\", \"UserName\": \"{name}\"}}{sep}", t.format("%Y-%m-%d %H:%M:%S"))?;
    }
    json.push_str("    ]},\n    \"Following\": {\"Following\": [{\"Date\": \"2024-09-02 10:00:00\", \"UserName\": \"studio.typo\"}]},\n");
    writeln!(
        json,
        "    \"Profile Info\": {{\"ProfileMap\": {{\"userName\": \"{handle}\", \"displayName\": \"Camille · Atelier\", \"followerCount\": \"{follower_count}\", \"followingCount\": \"1\", \"likesReceived\": \"412000\"}}}}\n  }},"
    )?;
    json.push_str("  \"Post\": {\"Posts\": {\"VideoList\": [\n");
    for (i, (id, posted, views)) in videos.iter().enumerate() {
        let sep = if i + 1 == videos.len() { "" } else { "," };
        writeln!(
            json,
            "    {{\"Date\": \"{} 18:00:00\", \"Link\": \"https://www.tiktokv.com/share/video/{id}/\", \"Likes\": \"{}\", \"WhoCanView\": \"Everyone\"}}{sep}",
            posted.format("%Y-%m-%d"),
            views / 25 + 3
        )?;
    }
    json.push_str("  ]}},\n  \"Your Activity\": {\"Watch History\": {\"VideoList\": []}}\n}\n");
    out.push((
        format!("{TT_DIR}/TikTok_Data_{unix}.zip"),
        zip_bytes(&[("user_data_tiktok.json".into(), json.into_bytes())])?,
    ));
    Ok(out)
}

fn mastodon(r: &mut ChaCha8Rng) -> Res<Vec<(String, Vec<u8>)>> {
    let host = "piaille.fr";
    let actor = format!(
        r#"{{"@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
 "id": "https://{host}/users/camille", "type": "Person", "following": "https://{host}/users/camille/following",
 "followers": "https://{host}/users/camille/followers", "inbox": "https://{host}/users/camille/inbox",
 "outbox": "outbox.json", "likes": "likes.json", "bookmarks": "bookmarks.json",
 "preferredUsername": "camille", "name": "Camille Laurent", "summary": "<p>Graphiste à Lyon. Ici en perso : vélo, jardin, amis.</p>",
 "published": "2022-11-05T00:00:00Z", "icon": {{"type": "Image", "mediaType": "image/png", "url": "avatar.png"}}}}"#
    );
    let lines = [
        "Premier café sur les pentes de la Croix-Rousse ☕",
        "Quelqu'un a une recommandation de vélo cargo ?",
        "Les tomates ont enfin rougi 🍅",
        "Soirée jeux avec les copains, défaite totale",
        "Balade aux Monts d'Or ce matin",
        "Le marché de la Croix-Rousse sous la pluie",
        "Lecture du moment : un roman de Mabanckou",
        "Merci pour vos conseils, le vélo est commandé !",
    ];
    let mut items = Vec::new();
    let mut t = date(2024, 11, 4).and_hms_opt(8, 30, 0).expect("t").and_utc();
    let mut id: u64 = 113_400_000_000_000_000;
    let end = date(2026, 10, 30).and_hms_opt(20, 0, 0).expect("t").and_utc();
    let mut n = 0;
    while t < end {
        id += r.random_range(1_000_000_000..90_000_000_000u64);
        let status = format!("https://{host}/users/camille/statuses/{id}");
        let published = t.format("%Y-%m-%dT%H:%M:%SZ");
        if n % 7 == 6 {
            items.push(format!(
                r#"{{"id": "{status}/activity", "type": "Announce", "actor": "https://{host}/users/camille", "published": "{published}", "to": ["https://www.w3.org/ns/activitystreams#Public"], "object": "https://mastodon.social/users/velolyon/statuses/{}"}}"#,
                id / 7
            ));
        } else {
            let reply = n % 5 == 4;
            let in_reply =
                if reply { format!("\"https://{host}/users/lea/statuses/{}\"", id - 5_000_000) } else { "null".into() };
            let text = lines[n % lines.len()];
            let likes = r.random_range(2..24);
            let shares = r.random_range(0..5);
            items.push(format!(
                r#"{{"id": "{status}/activity", "type": "Create", "actor": "https://{host}/users/camille", "published": "{published}", "to": ["https://www.w3.org/ns/activitystreams#Public"], "cc": ["https://{host}/users/camille/followers"],
 "object": {{"id": "{status}", "type": "Note", "summary": null, "inReplyTo": {in_reply}, "published": "{published}", "url": "https://{host}/@camille/{id}", "attributedTo": "https://{host}/users/camille", "sensitive": false, "content": "<p>{text}</p>", "contentMap": {{"fr": "<p>{text}</p>"}}, "attachment": [], "tag": [],
 "likes": {{"id": "{status}/likes", "type": "Collection", "totalItems": {likes}}}, "shares": {{"id": "{status}/shares", "type": "Collection", "totalItems": {shares}}}}}}}"#
            ));
        }
        t += Duration::hours(r.random_range(40..260));
        n += 1;
    }
    items.reverse();
    let outbox = format!(
        "{{\"@context\": \"https://www.w3.org/ns/activitystreams\", \"id\": \"outbox.json\", \"type\": \"OrderedCollection\", \"totalItems\": {}, \"orderedItems\": [\n{}\n]}}\n",
        items.len(),
        items.join(",\n")
    );
    let likes = r#"{"@context": "https://www.w3.org/ns/activitystreams", "id": "likes.json", "type": "OrderedCollection", "orderedItems": []}"#;
    let zip = zip_bytes(&[
        ("actor.json".into(), actor.into_bytes()),
        ("outbox.json".into(), outbox.into_bytes()),
        ("likes.json".into(), likes.as_bytes().to_vec()),
    ])?;
    let mut follows = String::from("Account address,Show boosts,Notify on new posts,Languages\n");
    for who in ["lea@piaille.fr", "velolyon@mastodon.social", "jardins.partages@piaille.fr", "marc@framapiaf.org"] {
        writeln!(follows, "{who},true,false,")?;
    }
    Ok(vec![
        (format!("{MASTO_DIR}/archive-20261101090000-5f0c2b7d9e4a41c6b3a8d2e1f0a9b8c7.zip"), zip),
        (format!("{MASTO_DIR}/following_accounts.csv"), follows.into_bytes()),
    ])
}

fn main() -> Res<()> {
    let out = std::env::args().nth(1).unwrap_or_else(|| "assets/demo".into());
    let out = Path::new(&out);
    let mut r = ChaCha8Rng::seed_from_u64(SEED);
    let mut files = Vec::new();
    let mut entries = Vec::new();
    for (path, bytes) in youtube(&mut r)? {
        entries.push(serde_json::json!({"file": path, "role": "pro"}));
        files.push((path, bytes));
    }
    for (path, bytes) in tiktok(&mut r)? {
        entries.push(serde_json::json!({"file": path, "role": "pro"}));
        files.push((path, bytes));
    }
    for (path, bytes) in mastodon(&mut r)? {
        entries.push(serde_json::json!({"file": path, "role": "personal"}));
        files.push((path, bytes));
    }
    for dir in [YT_DIR, TT_DIR, MASTO_DIR] {
        let d = out.join(dir);
        if d.exists() {
            std::fs::remove_dir_all(&d)?;
        }
    }
    for (path, bytes) in &files {
        let p = out.join(path);
        std::fs::create_dir_all(p.parent().ok_or("no parent")?)?;
        std::fs::write(&p, bytes)?;
    }
    let manifest_path = out.join("manifest.json");
    let mut manifest: serde_json::Value = serde_json::from_slice(&std::fs::read(&manifest_path)?)?;
    let list = manifest["files"].as_array_mut().ok_or("manifest without files")?;
    list.retain(|f| {
        let file = f["file"].as_str().unwrap_or("");
        ![YT_DIR, TT_DIR, MASTO_DIR].iter().any(|d| file.starts_with(&format!("{d}/")))
    });
    list.extend(entries);
    let mut text = serde_json::to_string_pretty(&manifest)?;
    text.push('\n');
    std::fs::write(&manifest_path, text)?;
    println!("wrote {} files into {}", files.len(), out.display());
    Ok(())
}
