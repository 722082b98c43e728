//! Generates the large history of the scale benchmark (docs/performance.md, "Performance at
//! scale"): one person's exports of **10 accounts over 10 years** with **5,000,000 follower
//! identities** and **200,000 posts**, written in the platforms' own formats (unzipped folders, as
//! `resonance import` takes them), plus `manifest.json`, which lists what to import in order.
//!
//! ```text
//! cargo run --release --example gen_scale -- /tmp/resonance-scale            # full size (~1 GB)
//! cargo run --release --example gen_scale -- /tmp/resonance-scale --scale 0.01  # 1 % for a quick look
//! ```
//!
//! | account | platform | role | followers | posts | also |
//! |---|---|---|---|---|---|
//! | scale.studio | Instagram | pro | 1,500,000 | 12,000 | 90 days of insights, 10 years of daily follows (Meta CSV) |
//! | scale.shop | Instagram | pro | 900,000 | 8,000 | same |
//! | scale.life | Instagram | personal | 400,000 | 6,000 | 90 days of insights |
//! | scale.friends | Instagram | personal | 60,000 | 4,000 | 90 days of insights |
//! | scale_studio | X | pro | 1,200,000 | 70,000 | 10 years of daily overview analytics |
//! | scale_news | X | pro | 600,000 | 50,000 | same |
//! | scale_life | X | personal | 250,000 | 30,000 | same |
//! | scale_chat | X | personal | 30,000 | 10,000 | same |
//! | Alex Scale | LinkedIn | pro | 30,000 connections | 6,000 shares | |
//! | scale.sketches | Instagram | personal | 30,000 | 4,000 | 90 days of insights |
//!
//! Accounts of the same platform share part of their audience (for the overlap view). Follow dates
//! accelerate over the ten years; the two pro Instagram accounts and the first X account carry a
//! planted purchase of followers on one day (for the authenticity analysis). Deterministic: a
//! fixed-seed xorshift generator, no clock.

use chrono::{DateTime, Datelike, Duration, NaiveDate};
use std::fmt::Write as _;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// The export day of every file, and the first day of the history (ten years before).
fn export_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).expect("date")
}
fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2016, 11, 1).expect("date")
}
fn unix(d: NaiveDate) -> i64 {
    d.and_hms_opt(0, 0, 0).expect("time").and_utc().timestamp()
}
fn day_of(t: i64) -> NaiveDate {
    DateTime::from_timestamp(t, 0).expect("timestamp").date_naive()
}

/// xorshift64*, enough for handles, dates and counts.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A 64-bit mix (splitmix64's finaliser): the same index always gives the same person.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

const FIRST: &[&str] = &[
    "lea", "chloe", "manon", "emma", "ines", "jade", "louise", "zoe", "lucie", "sarah", "hugo", "lucas", "theo",
    "louis", "nathan", "jules", "arthur", "maxime", "antoine", "thomas", "mia", "noah", "olivia", "liam", "ava",
    "elias", "sofia", "mateo", "nina", "oscar", "yuki", "amir", "lena", "ivan", "ana", "kofi",
];
const LAST: &[&str] = &[
    "martin",
    "bernard",
    "dubois",
    "durand",
    "leroy",
    "moreau",
    "simon",
    "laurent",
    "lefebvre",
    "michel",
    "garcia",
    "roux",
    "fontaine",
    "chevalier",
    "nowak",
    "santos",
    "andersen",
    "peeters",
    "rossi",
    "muller",
    "smith",
    "kim",
    "tanaka",
    "silva",
    "novak",
    "costa",
];
const SEPS: &[&str] = &[".", "_", "", ".the.", "_official_"];

fn base36(mut n: u64) -> String {
    const D: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut s = Vec::new();
    loop {
        s.push(D[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    s.reverse();
    String::from_utf8(s).expect("ascii")
}

/// The Instagram handle of person `i` of the platform's pool (unique: it ends with `i`).
fn ig_handle(i: u64) -> String {
    let h = mix(i);
    let f = FIRST[(h % FIRST.len() as u64) as usize];
    let l = LAST[((h >> 8) % LAST.len() as u64) as usize];
    let s = SEPS[((h >> 16) % SEPS.len() as u64) as usize];
    format!("{f}{s}{l}{}", base36(i))
}

/// The X account id of person `i` (a bijection of the index: unique).
fn x_user_id(i: u64) -> u64 {
    const MASK: u64 = (1 << 44) - 1;
    100_000_000 + (i.wrapping_mul(0x9E37_79B9_7F4A_7C15) & MASK)
}

/// The platforms' own quoting of a CSV field.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
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

#[derive(Clone, Copy, PartialEq)]
enum Platform {
    Instagram,
    X,
    LinkedIn,
}

struct Spec {
    platform: Platform,
    handle: &'static str,
    name: &'static str,
    role: &'static str,
    followers: u64,
    /// First index in the platform's pool of people (overlapping ranges share followers).
    pool_start: u64,
    posts: u64,
    /// A day on which many followers arrive at once (a purchase), and how many (per mille).
    purchase: Option<(NaiveDate, u64)>,
    /// Daily analytics (Meta "Follows" CSV, X overview CSV) for the ten years.
    daily: bool,
}

fn specs() -> Vec<Spec> {
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).expect("date");
    use Platform::*;
    vec![
        Spec {
            platform: Instagram,
            handle: "scale.studio",
            name: "Scale Studio",
            role: "pro",
            followers: 1_500_000,
            pool_start: 0,
            posts: 12_000,
            purchase: Some((d(2024, 3, 14), 20)),
            daily: true,
        },
        Spec {
            platform: Instagram,
            handle: "scale.shop",
            name: "Scale Shop",
            role: "pro",
            followers: 900_000,
            pool_start: 1_200_000,
            posts: 8_000,
            purchase: Some((d(2022, 6, 2), 15)),
            daily: true,
        },
        Spec {
            platform: Instagram,
            handle: "scale.life",
            name: "Alex Scale",
            role: "personal",
            followers: 400_000,
            pool_start: 2_000_000,
            posts: 6_000,
            purchase: None,
            daily: false,
        },
        Spec {
            platform: Instagram,
            handle: "scale.friends",
            name: "Alex S.",
            role: "personal",
            followers: 60_000,
            pool_start: 2_370_000,
            posts: 4_000,
            purchase: None,
            daily: false,
        },
        Spec {
            platform: X,
            handle: "scale_studio",
            name: "Scale Studio",
            role: "pro",
            followers: 1_200_000,
            pool_start: 0,
            posts: 70_000,
            purchase: Some((d(2025, 6, 3), 10)),
            daily: true,
        },
        Spec {
            platform: X,
            handle: "scale_news",
            name: "Scale News",
            role: "pro",
            followers: 600_000,
            pool_start: 1_000_000,
            posts: 50_000,
            purchase: None,
            daily: true,
        },
        Spec {
            platform: X,
            handle: "scale_life",
            name: "Alex Scale",
            role: "personal",
            followers: 250_000,
            pool_start: 1_550_000,
            posts: 30_000,
            purchase: None,
            daily: true,
        },
        Spec {
            platform: X,
            handle: "scale_chat",
            name: "Alex",
            role: "personal",
            followers: 30_000,
            pool_start: 1_790_000,
            posts: 10_000,
            purchase: None,
            daily: true,
        },
        Spec {
            platform: LinkedIn,
            handle: "alex-scale",
            name: "Alex Scale",
            role: "pro",
            followers: 30_000,
            pool_start: 0,
            posts: 6_000,
            purchase: None,
            daily: false,
        },
        // A person has one LinkedIn profile (the importer attaches every LinkedIn export to the one
        // LinkedIn account there is): the tenth account is a second personal Instagram account.
        Spec {
            platform: Instagram,
            handle: "scale.sketches",
            name: "Alex Sketches",
            role: "personal",
            followers: 30_000,
            pool_start: 2_410_000,
            posts: 4_000,
            purchase: None,
            daily: false,
        },
    ]
}

/// Follow times of an account's followers, oldest first: an accelerating curve over ten years
/// (count ∝ elapsed^1.6) with jitter, and the planted purchase.
fn follow_times(spec: &Spec, n: u64, rng: &mut Rng) -> Vec<i64> {
    let start = unix(first_day()) as f64;
    let span = (unix(export_day()) - unix(first_day()) - 3600) as f64;
    let mut t: Vec<i64> = (0..n)
        .map(|k| {
            let u = (k as f64 + rng.unit()) / n as f64;
            (start + span * u.powf(1.0 / 1.6)) as i64
        })
        .collect();
    if let Some((day, per_mille)) = spec.purchase {
        let m = n * per_mille / 1000;
        let base = unix(day);
        // The bought followers are a block of the history moved onto one day.
        let from = (n / 2).min(n.saturating_sub(m));
        for x in t.iter_mut().skip(from as usize).take(m as usize) {
            *x = base + rng.below(86_400) as i64;
        }
    }
    t.sort_unstable();
    t
}

/// Followers (or gains) per day, from follow times.
fn per_day(times: &[i64]) -> std::collections::BTreeMap<NaiveDate, u64> {
    let mut out = std::collections::BTreeMap::new();
    for &t in times {
        *out.entry(day_of(t)).or_insert(0) += 1;
    }
    out
}

fn create(path: &Path) -> Res<BufWriter<std::fs::File>> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    Ok(BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?))
}

/// One entry of `manifest.json`: a file or folder to import, in order.
struct Entry {
    path: String,
    role: &'static str,
    /// Files that do not name their account: the account's (platform, handle).
    account: Option<(&'static str, &'static str)>,
}

const CAPTIONS: &[&str] = &[
    "Behind the scenes of this week's project",
    "New work: a brand identity for a small coffee roaster",
    "Three things I learnt this month",
    "Sketches, drafts and the final version",
    "Thank you for 10 years of support!",
    "Type specimen of the day",
    "Studio tour, part two",
    "Before and after: a packaging redesign",
];

fn instagram(out: &Path, spec: &Spec, scale: f64, rng: &mut Rng, manifest: &mut Vec<Entry>) -> Res<(u64, u64)> {
    let n = ((spec.followers as f64) * scale).round() as u64;
    let posts = ((spec.posts as f64) * scale).round().max(1.0) as u64;
    let pool_start = ((spec.pool_start as f64) * scale) as u64;
    let rel = format!("instagram-{0}/instagram-{0}-{1}-Sc{2:06}", spec.handle, export_day(), rng.below(1_000_000));
    let root = out.join(&rel);
    let profile = format!(
        r#"{{"profile_user": [{{"title": "", "media_map_data": {{}}, "string_map_data": {{"Username": {{"href": "", "value": "{}", "timestamp": 0}}, "Name": {{"href": "", "value": "{}", "timestamp": 0}}, "Private Account": {{"href": "", "value": "False", "timestamp": 0}}}}}}]}}"#,
        spec.handle, spec.name
    );
    let pi = root.join("personal_information/personal_information/personal_information.json");
    create(&pi)?.write_all(profile.as_bytes())?;

    // Followers, newest first, in parts of 500,000 (followers_1.json, followers_2.json…).
    let times = follow_times(spec, n, rng);
    const PART: usize = 500_000;
    let conn = root.join("connections/followers_and_following");
    let newest_first: Vec<(u64, i64)> =
        times.iter().enumerate().rev().map(|(k, &t)| (pool_start + k as u64, t)).collect();
    for (p, chunk) in newest_first.chunks(PART).enumerate() {
        let mut f = create(&conn.join(format!("followers_{}.json", p + 1)))?;
        f.write_all(b"[\n")?;
        for (i, (who, ts)) in chunk.iter().enumerate() {
            let h = ig_handle(*who);
            if i > 0 {
                f.write_all(b",\n")?;
            }
            write!(
                f,
                "  {{\n    \"title\": \"\",\n    \"media_list_data\": [],\n    \"string_list_data\": [\n      {{\n        \"href\": \"https://www.instagram.com/{h}\",\n        \"value\": \"{h}\",\n        \"timestamp\": {ts}\n      }}\n    ]\n  }}"
            )?;
        }
        f.write_all(b"\n]")?;
        f.flush()?;
    }
    let mut f = create(&conn.join("following.json"))?;
    f.write_all(b"{\"relationships_following\": [")?;
    for k in 0..(n / 100).clamp(1, 2000) {
        let h = ig_handle(10_000_000 + k);
        let ts = unix(first_day()) + rng.below(3650 * 86_400) as i64;
        if k > 0 {
            f.write_all(b",")?;
        }
        write!(
            f,
            r#"{{"title": "", "media_list_data": [], "string_list_data": [{{"href": "https://www.instagram.com/{h}", "value": "{h}", "timestamp": {ts}}}]}}"#
        )?;
    }
    f.write_all(b"]}")?;
    f.flush()?;

    // Posts over ten years (newest first), the last 90 days with insights.
    let start = unix(first_day());
    let span = unix(export_day()) - start - 86_400;
    let window = unix(export_day()) - 90 * 86_400;
    let mut items = Vec::with_capacity(posts as usize);
    for k in 0..posts {
        let ts = start + span * k as i64 / posts as i64 + rng.below(3600) as i64;
        let video = rng.below(4) == 0;
        let media_id = 17_000_000_000_000_000 + mix(k ^ spec.pool_start) % 999_999_999_999_999;
        let d = day_of(ts);
        let uri = format!(
            "media/posts/{}{:02}/{}_{}_n_{media_id}.{}",
            d.year(),
            d.month(),
            rng.below(900_000_000) + 100_000_000,
            rng.below(900_000_000_000_000) + 100_000_000_000_000,
            if video { "mp4" } else { "webp" }
        );
        let caption = CAPTIONS[(k % CAPTIONS.len() as u64) as usize];
        items.push((ts, uri, caption, video));
    }
    let folder = root.join("your_instagram_activity/media");
    let mut f = create(&folder.join("posts_1.json"))?;
    f.write_all(b"[")?;
    for (i, (ts, uri, caption, _)) in items.iter().rev().enumerate() {
        if i > 0 {
            f.write_all(b",")?;
        }
        write!(
            f,
            r#"{{"media": [{{"uri": "{uri}", "creation_timestamp": {ts}, "media_metadata": {{"camera_metadata": {{"has_camera_metadata": false}}}}, "title": "{caption} #{i}", "cross_post_source": {{"source_app": "FB"}}}}]}}"#
        )?;
    }
    f.write_all(b"]")?;
    f.flush()?;
    let ins = root.join("logged_information/past_instagram_insights");
    let mut f = create(&ins.join("posts.json"))?;
    f.write_all(b"{\"organic_insights_posts\": [")?;
    let mut first = true;
    for (ts, uri, caption, _) in items.iter().rev().filter(|p| p.0 >= window) {
        let reach = n / 20 + rng.below(n / 10 + 10);
        let likes = reach / 12 + rng.below(reach / 20 + 2);
        let comments = likes / 40 + rng.below(5);
        let saves = likes / 15 + rng.below(5);
        let shares = likes / 30 + rng.below(3);
        if !first {
            f.write_all(b",")?;
        }
        first = false;
        write!(
            f,
            r#"{{"media_map_data": {{"Media Thumbnail": {{"uri": "{uri}", "creation_timestamp": {ts}, "title": "{caption}"}}}}, "string_map_data": {{"Creation Timestamp": {{"timestamp": {ts}}}, "Accounts reached": {{"value": "{}"}}, "Impressions": {{"value": "{}"}}, "Likes": {{"value": "{}"}}, "Comments": {{"value": "{comments}"}}, "Shares": {{"value": "{shares}"}}, "Saves": {{"value": "{saves}"}}, "Follows": {{"value": "{}"}}, "Profile visits": {{"value": "{}"}}, "Website taps": {{"value": "--"}}}}}}"#,
            thousands(reach),
            thousands(reach * 2),
            thousands(likes),
            rng.below(likes / 50 + 2),
            thousands(likes / 5)
        )?;
    }
    f.write_all(b"]}")?;
    f.flush()?;
    manifest.push(Entry { path: rel, role: spec.role, account: None });

    if spec.daily {
        // Meta Business Suite's daily "Instagram follows": UTF-16LE with BOM, `sep=,`, sparse days.
        let mut text = String::from("sep=,\n\"Instagram follows\"\n\"Date\",\"Primary\"\n");
        for (d, c) in per_day(&times) {
            let _ = writeln!(text, "\"{d}T00:00:00\",\"{c}\"");
        }
        let mut bytes = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let rel = format!("instagram-{}/Follows.csv", spec.handle);
        create(&out.join(&rel))?.write_all(&bytes)?;
        manifest.push(Entry { path: rel, role: spec.role, account: Some(("instagram", spec.handle)) });
    }
    Ok((n, posts))
}

fn x_archive(out: &Path, spec: &Spec, scale: f64, rng: &mut Rng, manifest: &mut Vec<Entry>) -> Res<(u64, u64)> {
    let n = ((spec.followers as f64) * scale).round() as u64;
    let posts = ((spec.posts as f64) * scale).round().max(1.0) as u64;
    let pool_start = ((spec.pool_start as f64) * scale) as u64;
    let rel = format!(
        "x-{0}/twitter-{1}-{2:016x}{3:016x}{4:08x}",
        spec.handle,
        export_day(),
        mix(spec.pool_start ^ 0xA5),
        mix(spec.pool_start ^ 0x5A),
        mix(spec.posts) as u32
    );
    let data = out.join(&rel).join("data");
    let user_id = 4_200_000_000u64 + spec.pool_start + posts;
    write!(
        create(&data.join("manifest.js"))?,
        r#"window.__THAR_CONFIG = {{
  "userInfo" : {{ "accountId" : "{user_id}", "userName" : "{0}", "displayName" : "{1}" }},
  "archiveInfo" : {{ "sizeBytes" : "0", "generationDate" : "{2}T08:00:00.000Z", "isPartialArchive" : false, "maxPartSizeBytes" : "53687091200" }},
  "dataTypes" : {{
    "account" : {{ "files" : [ {{ "fileName" : "data/account.js", "globalName" : "YTD.account.part0", "count" : "1" }} ] }},
    "tweets" : {{ "files" : [ {{ "fileName" : "data/tweets.js", "globalName" : "YTD.tweets.part0", "count" : "{posts}" }} ] }},
    "follower" : {{ "files" : [ {{ "fileName" : "data/follower.js", "globalName" : "YTD.follower.part0", "count" : "{n}" }} ] }}
  }}
}}"#,
        spec.handle,
        spec.name,
        export_day()
    )?;
    write!(
        create(&data.join("account.js"))?,
        r#"window.YTD.account.part0 = [ {{ "account" : {{ "email" : "{0}@example.com", "createdVia" : "web", "username" : "{0}", "accountId" : "{user_id}", "createdAt" : "2016-10-01T09:00:00.000Z", "accountDisplayName" : "{1}" }} }} ]"#,
        spec.handle,
        spec.name
    )?;
    // Followers: account ids only, newest first (as X lists them).
    let mut f = create(&data.join("follower.js"))?;
    f.write_all(b"window.YTD.follower.part0 = [")?;
    for k in (0..n).rev() {
        let id = x_user_id(pool_start + k);
        if k + 1 < n {
            f.write_all(b",")?;
        }
        write!(
            f,
            "\n  {{\n    \"follower\" : {{\n      \"accountId\" : \"{id}\",\n      \"userLink\" : \"https://twitter.com/intent/user?user_id={id}\"\n    }}\n  }}"
        )?;
    }
    f.write_all(b"\n]")?;
    f.flush()?;
    // Tweets over ten years, newest first, with the real files' extra fields.
    let times = follow_times(spec, n, rng);
    let start = unix(first_day());
    let span = unix(export_day()) - start - 86_400;
    let mut f = create(&data.join("tweets.js"))?;
    f.write_all(b"window.YTD.tweets.part0 = [")?;
    for k in (0..posts).rev() {
        let secs = start + span * k as i64 / posts as i64 + rng.below(3600) as i64;
        let id = (((secs * 1000 + rng.below(1000) as i64 - 1_288_834_974_657) as u64) << 22) | (k & 0x3F_FFFF);
        let when = DateTime::from_timestamp(secs, 0).expect("ts").format("%a %b %d %H:%M:%S +0000 %Y");
        // Applause grows with the audience at the time.
        let audience = times.partition_point(|&t| t <= secs) as u64;
        let likes = audience / 400 + rng.below(audience / 200 + 5);
        let rts = likes / 10 + rng.below(5);
        if k + 1 < posts {
            f.write_all(b",")?;
        }
        write!(
            f,
            r#"{{ "tweet" : {{ "edit_info" : {{ "initial" : {{ "editTweetIds" : [ "{id}" ], "editsRemaining" : "5", "isEditEligible" : false }} }}, "retweeted" : false, "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>", "entities" : {{ "hashtags" : [ ], "symbols" : [ ], "user_mentions" : [ ], "urls" : [ ] }}, "display_text_range" : [ "0", "90" ], "favorite_count" : "{likes}", "id_str" : "{id}", "truncated" : false, "retweet_count" : "{rts}", "id" : "{id}", "created_at" : "{when}", "favorited" : false, "full_text" : "Post number {k}: a thought about design, typography &amp; the craft of making things people use.", "lang" : "en" }} }}"#
        )?;
    }
    f.write_all(b"]")?;
    f.flush()?;
    manifest.push(Entry { path: rel, role: spec.role, account: None });

    if spec.daily {
        // The analytics overview, newest day first: follows from the curve, unfollows ~ 1 in 10.
        let gains = per_day(&times);
        let mut text = String::from(
            "Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies,Reposts,Profile visits,Create Post,Video views,Media views\n",
        );
        let mut d = export_day() - Duration::days(1);
        let q = |v: u64| if v > 999 { format!("\"{}\"", thousands(v)) } else { v.to_string() };
        while d >= first_day() {
            let new = gains.get(&d).copied().unwrap_or(0);
            let unf = new / 10 + rng.below(new / 20 + 1);
            let imp = (n / 30).max(10) + rng.below(n / 30 + 10);
            let likes = imp / 50;
            let _ = writeln!(
                text,
                "{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
                csv_field(&d.format("%a, %b %-d, %Y").to_string()),
                q(imp),
                q(likes),
                q(likes + likes / 3),
                q(likes / 20),
                q(likes / 30),
                q(new),
                q(unf),
                q(likes / 15),
                q(likes / 10),
                q(imp / 100),
                q(rng.below(8)),
                q(imp / 20),
                q(imp / 8)
            );
            d -= Duration::days(1);
        }
        let rel = format!("x-{}/account_overview_analytics_{}_{}.csv", spec.handle, first_day(), export_day());
        create(&out.join(&rel))?.write_all(text.as_bytes())?;
        manifest.push(Entry { path: rel, role: spec.role, account: Some(("x", spec.handle)) });
    }
    Ok((n, posts))
}

fn linkedin(out: &Path, spec: &Spec, scale: f64, rng: &mut Rng, manifest: &mut Vec<Entry>) -> Res<(u64, u64)> {
    let n = ((spec.followers as f64) * scale).round() as u64;
    let posts = ((spec.posts as f64) * scale).round().max(1.0) as u64;
    let pool_start = ((spec.pool_start as f64) * scale) as u64;
    let rel = format!("linkedin-{}/Complete_LinkedInDataExport_{}", spec.handle, export_day().format("%m-%d-%Y"));
    let root = out.join(&rel);
    let (first, last) = spec.name.split_once(' ').unwrap_or((spec.name, ""));
    write!(
        create(&root.join("Profile.csv"))?,
        "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n{first},{last},,,,Designer,,Design Services,,\"Lyon, France\",,,\n"
    )?;
    let mut f = create(&root.join("Connections.csv"))?;
    f.write_all(b"Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n")?;
    let times = follow_times(spec, n, rng);
    for (k, &t) in times.iter().enumerate().rev() {
        let who = pool_start + k as u64;
        let h = mix(who);
        let fi = FIRST[(h % FIRST.len() as u64) as usize];
        let la = LAST[((h >> 8) % LAST.len() as u64) as usize];
        writeln!(
            f,
            "{},{},https://www.linkedin.com/in/{fi}-{la}-{},,Studio {},Designer,{}",
            fi,
            la,
            base36(who),
            base36(h % 1000),
            day_of(t).format("%d %b %Y")
        )?;
    }
    f.flush()?;
    let mut f = create(&root.join("Shares.csv"))?;
    f.write_all(b"Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n")?;
    let start = unix(first_day());
    let span = unix(export_day()) - start - 86_400;
    for k in (0..posts).rev() {
        let ts = start + span * k as i64 / posts as i64 + rng.below(3600) as i64;
        let activity = 6_000_000_000_000_000_000u64 + mix(k ^ spec.pool_start) % 1_000_000_000_000_000_000;
        writeln!(
            f,
            "{},https://www.linkedin.com/feed/update/urn:li:activity:{activity}/,{},,,MEMBER_NETWORK",
            DateTime::from_timestamp(ts, 0).expect("ts").format("%Y-%m-%d %H:%M:%S"),
            csv_field(&format!("{}\n\n#{k} #design", CAPTIONS[(k % CAPTIONS.len() as u64) as usize]))
        )?;
    }
    f.flush()?;
    manifest.push(Entry { path: rel, role: spec.role, account: None });
    Ok((n, posts))
}

/// What [`generate`] wrote.
pub struct Generated {
    pub followers: u64,
    pub posts: u64,
    pub bytes: u64,
}

/// Writes the exports and `manifest.json` into `out`, sizes multiplied by `scale`.
pub fn generate(out: &Path, scale: f64) -> Res<Generated> {
    std::fs::create_dir_all(out)?;
    let mut manifest = Vec::new();
    let (mut followers, mut posts) = (0u64, 0u64);
    for (i, spec) in specs().iter().enumerate() {
        let mut rng = Rng(0x5CA1_E000 + i as u64 * 0x9E37_79B9);
        let (n, p) = match spec.platform {
            Platform::Instagram => instagram(out, spec, scale, &mut rng, &mut manifest)?,
            Platform::X => x_archive(out, spec, scale, &mut rng, &mut manifest)?,
            Platform::LinkedIn => linkedin(out, spec, scale, &mut rng, &mut manifest)?,
        };
        eprintln!("{:<10} {:<14} {:>9} followers {:>7} posts", spec.role, spec.handle, n, p);
        followers += n;
        posts += p;
    }
    let mut m = String::from("{\n  \"exported_on\": \"");
    let _ = write!(m, "{}\",\n  \"followers\": {followers},\n  \"posts\": {posts},\n  \"files\": [\n", export_day());
    for (i, e) in manifest.iter().enumerate() {
        let account = match e.account {
            Some((p, h)) => format!(", \"platform\": \"{p}\", \"handle\": \"{h}\""),
            None => String::new(),
        };
        let _ = writeln!(
            m,
            "    {{\"file\": \"{}\", \"role\": \"{}\"{account}}}{}",
            e.path,
            e.role,
            if i + 1 < manifest.len() { "," } else { "" }
        );
    }
    m.push_str("  ]\n}\n");
    std::fs::write(out.join("manifest.json"), m)?;
    Ok(Generated { followers, posts, bytes: dir_size(out) })
}

/// Total size of the files under `dir`.
pub fn dir_size(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    entries
        .flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => dir_size(&e.path()),
            _ => e.metadata().map(|m| m.len()).unwrap_or(0),
        })
        .sum()
}

fn main() -> Res<()> {
    let mut args = std::env::args().skip(1);
    let mut out: Option<PathBuf> = None;
    let mut scale = 1.0f64;
    while let Some(a) = args.next() {
        if a == "--scale" {
            scale = args.next().ok_or("--scale needs a number")?.parse()?;
        } else {
            out = Some(PathBuf::from(a));
        }
    }
    let out = out.ok_or("usage: gen_scale OUT_DIR [--scale F]")?;
    let t0 = std::time::Instant::now();
    let g = generate(&out, scale)?;
    eprintln!(
        "{} follower identities, {} posts, {:.0} MB in {} ({:.1} s)",
        g.followers,
        g.posts,
        g.bytes as f64 / 1e6,
        out.display(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}
