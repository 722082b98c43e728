//! Format detection. The user never says what a file is: each entry is classified from its path
//! inside the export and its first bytes (JSON keys, CSV headers, JavaScript variable names, magic
//! numbers). A file name alone never decides; an unknown file is reported, not guessed.

use crate::import::text::decode_text;
use crate::model::Platform;
use serde::Serialize;
use ts_rs::TS;

/// How many leading bytes detection looks at.
pub const HEAD_BYTES: usize = 16 * 1024;

/// What an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FileKind {
    // Instagram "Download your information" (JSON)
    IgProfile,
    IgFollowers,
    IgFollowing,
    IgConnectionsLegacy,
    IgPosts,
    IgReels,
    IgStories,
    IgMediaLegacy,
    IgInsightsPosts,
    IgInsightsReels,
    IgInsightsAudience,
    // Meta Business Suite CSV exports
    MetaContentCsv,
    MetaDailyCsv,
    // X / Twitter archive and analytics
    XManifest,
    XAccount,
    XProfile,
    XTweets,
    XFollower,
    XFollowing,
    XTweetActivityCsv,
    XDailyActivityCsv,
    XContentCsv,
    XOverviewCsv,
    // LinkedIn archive and creator analytics
    LiProfile,
    LiConnections,
    LiShares,
    LiCreatorXlsx,
    // TikTok "Download your data" (JSON or TXT) and TikTok Studio analytics
    TtUserData,
    TtTxtFollowers,
    TtTxtFollowing,
    TtTxtPosts,
    TtStudioOverview,
    TtStudioFollowerHistory,
    TtStudioViewers,
    TtStudioContent,
    TtStudioAudience,
    // YouTube Studio (advanced mode) and Google Takeout
    YtTableData,
    YtChartData,
    YtTotals,
    YtChannel,
    YtVideos,
    YtSubscriptions,
    // Facebook pages through Meta Business Suite
    FbContentCsv,
    FbDailyCsv,
    // Mastodon account archive and CSV exports
    MastoActor,
    MastoOutbox,
    MastoFollowingCsv,
    /// Resonance's documented CSV for any platform (docs/generic-csv.md).
    GenericCsv,
}

impl FileKind {
    pub fn platform(self) -> Platform {
        use FileKind::*;
        match self {
            IgProfile | IgFollowers | IgFollowing | IgConnectionsLegacy | IgPosts | IgReels | IgStories
            | IgMediaLegacy | IgInsightsPosts | IgInsightsReels | IgInsightsAudience | MetaContentCsv
            | MetaDailyCsv => Platform::Instagram,
            XManifest | XAccount | XProfile | XTweets | XFollower | XFollowing | XTweetActivityCsv
            | XDailyActivityCsv | XContentCsv | XOverviewCsv => Platform::X,
            LiProfile | LiConnections | LiShares | LiCreatorXlsx => Platform::Linkedin,
            TtUserData
            | TtTxtFollowers
            | TtTxtFollowing
            | TtTxtPosts
            | TtStudioOverview
            | TtStudioFollowerHistory
            | TtStudioViewers
            | TtStudioContent
            | TtStudioAudience => Platform::Tiktok,
            YtTableData | YtChartData | YtTotals | YtChannel | YtVideos | YtSubscriptions => Platform::Youtube,
            FbContentCsv | FbDailyCsv => Platform::Facebook,
            MastoActor | MastoOutbox | MastoFollowingCsv => Platform::Mastodon,
            GenericCsv => Platform::Other,
        }
    }

    /// A stable id, written in the ledger's `format` column and in `--json` output.
    pub fn id(self) -> &'static str {
        use FileKind::*;
        match self {
            IgProfile => "instagram.profile",
            IgFollowers => "instagram.followers",
            IgFollowing => "instagram.following",
            IgConnectionsLegacy => "instagram.connections_legacy",
            IgPosts => "instagram.posts",
            IgReels => "instagram.reels",
            IgStories => "instagram.stories",
            IgMediaLegacy => "instagram.media_legacy",
            IgInsightsPosts => "instagram.insights_posts",
            IgInsightsReels => "instagram.insights_reels",
            IgInsightsAudience => "instagram.insights_audience",
            MetaContentCsv => "meta.content_csv",
            MetaDailyCsv => "meta.daily_csv",
            XManifest => "x.manifest",
            XAccount => "x.account",
            XProfile => "x.profile",
            XTweets => "x.tweets",
            XFollower => "x.follower",
            XFollowing => "x.following",
            XTweetActivityCsv => "x.tweet_activity_csv",
            XDailyActivityCsv => "x.daily_activity_csv",
            XContentCsv => "x.content_csv",
            XOverviewCsv => "x.overview_csv",
            LiProfile => "linkedin.profile",
            LiConnections => "linkedin.connections",
            LiShares => "linkedin.shares",
            LiCreatorXlsx => "linkedin.creator_xlsx",
            TtUserData => "tiktok.user_data",
            TtTxtFollowers => "tiktok.txt_followers",
            TtTxtFollowing => "tiktok.txt_following",
            TtTxtPosts => "tiktok.txt_posts",
            TtStudioOverview => "tiktok.studio_overview",
            TtStudioFollowerHistory => "tiktok.studio_follower_history",
            TtStudioViewers => "tiktok.studio_viewers",
            TtStudioContent => "tiktok.studio_content",
            TtStudioAudience => "tiktok.studio_audience",
            YtTableData => "youtube.table_data",
            YtChartData => "youtube.chart_data",
            YtTotals => "youtube.totals",
            YtChannel => "youtube.takeout_channel",
            YtVideos => "youtube.takeout_videos",
            YtSubscriptions => "youtube.takeout_subscriptions",
            FbContentCsv => "facebook.content_csv",
            FbDailyCsv => "facebook.daily_csv",
            MastoActor => "mastodon.actor",
            MastoOutbox => "mastodon.outbox",
            MastoFollowingCsv => "mastodon.following_csv",
            GenericCsv => "generic.csv",
        }
    }

    /// Files that say whose export it is are read first.
    pub fn order(self) -> u8 {
        use FileKind::*;
        match self {
            XManifest | XAccount | XProfile | IgProfile | LiProfile | YtChannel | MastoActor => 0,
            IgFollowers | IgFollowing | IgConnectionsLegacy | XFollower | XFollowing | LiConnections
            | TtTxtFollowers | TtTxtFollowing | YtSubscriptions | MastoFollowingCsv => 1,
            IgPosts | IgReels | IgStories | IgMediaLegacy | XTweets | LiShares | TtUserData | TtTxtPosts | YtVideos
            | MastoOutbox => 2,
            // Lifetime subscriber totals are checked against the videos' publish dates.
            YtTotals | YtChartData => 4,
            _ => 3,
        }
    }
}

/// The verdict on one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Known(FileKind),
    /// Part of an export but holding nothing Resonance uses (likes you gave, messages, media...).
    Unused,
    /// macOS or OS junk (`__MACOSX/`, `._x`, `.DS_Store`).
    Junk,
    /// A spreadsheet: decided by its sheet names once read whole.
    Spreadsheet,
    /// An Instagram/Facebook export in HTML instead of JSON.
    MetaHtml,
    Empty,
    /// Not something Resonance reads; the text says what it looks like.
    Unknown(String),
}

pub fn is_junk(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let base = lower.rsplit('/').next().unwrap_or(&lower);
    lower.starts_with("__macosx/")
        || lower.contains("/__macosx/")
        || base.starts_with("._")
        || base == ".ds_store"
        || base == "thumbs.db"
}

/// Media files that exports carry beside their data (photos, videos, subtitles, sounds).
pub fn is_media(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".webp", ".heic", ".gif", ".mp4", ".mov", ".m4a", ".mp3", ".srt", ".vtt", ".svg", ".ico"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Data files of an export (tables, JSON, text) — unknown ones inside an archive are simply unused.
pub fn is_data_file(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".csv", ".json", ".js", ".txt", ".html", ".htm", ".xml", ".css", ".md"].iter().any(|ext| lower.ends_with(ext))
}

fn magic(head: &[u8]) -> Option<&'static str> {
    const MAGICS: &[(&[u8], &str)] = &[
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"Rar!", "a RAR archive"),
        (b"7z\xBC\xAF", "a 7-Zip archive"),
        (b"SQLite format 3", "an SQLite database"),
        (b"\xD0\xCF\x11\xE0", "an old Office document"),
    ];
    if head.len() >= 12 && &head[4..8] == b"ftyp" {
        return Some("a video or HEIC image");
    }
    if head.len() >= 12 && &head[0..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        return Some("a WebP image");
    }
    MAGICS.iter().find(|(m, _)| head.starts_with(m)).map(|(_, what)| *what)
}

fn normalise_header(line: &str) -> String {
    line.replace('"', "").trim().to_ascii_lowercase()
}

/// Classifies one entry from its path and first bytes.
pub fn classify(path: &str, head: &[u8]) -> Verdict {
    if is_junk(path) {
        return Verdict::Junk;
    }
    let lower = path.to_ascii_lowercase();
    let base = lower.rsplit('/').next().unwrap_or(&lower).to_string();
    if head.is_empty() {
        return Verdict::Empty;
    }
    if head.starts_with(b"PK\x03\x04") {
        return Verdict::Spreadsheet;
    }
    if let Some(what) = magic(head) {
        return Verdict::Unknown(what.to_string());
    }
    let text = decode_text(head);
    let trimmed = text.trim_start();

    // X archive: JavaScript assignments.
    if let Some(rest) = trimmed.strip_prefix("window.YTD.") {
        let name = rest.split('.').next().unwrap_or("");
        return match name {
            "tweets" | "tweet" => Verdict::Known(FileKind::XTweets),
            "follower" => Verdict::Known(FileKind::XFollower),
            "following" => Verdict::Known(FileKind::XFollowing),
            "account" => Verdict::Known(FileKind::XAccount),
            "profile" => Verdict::Known(FileKind::XProfile),
            _ => Verdict::Unused,
        };
    }
    if trimmed.starts_with("window.__THAR_CONFIG") {
        return Verdict::Known(FileKind::XManifest);
    }

    let meta_area = [
        "followers_and_following",
        "your_instagram_activity",
        "connections",
        "past_instagram_insights",
        "personal_information",
        "content/",
        "media/",
    ]
    .iter()
    .any(|k| lower.contains(k));
    if trimmed.starts_with('<') {
        if base.ends_with(".html") && meta_area {
            return Verdict::MetaHtml;
        }
        return if base.ends_with(".html") || base.ends_with(".htm") {
            Verdict::Unused
        } else {
            Verdict::Unknown("an HTML or XML document".into())
        };
    }

    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return classify_json(&lower, &base, trimmed);
    }
    classify_csv(&base, &text)
}

fn classify_json(lower: &str, base: &str, text: &str) -> Verdict {
    let has = |k: &str| text.contains(&format!("\"{k}\""));
    let in_threads = lower.contains("/threads/") || lower.starts_with("threads/");
    let is_insights = lower.contains("past_instagram_insights");
    if has("relationships_followers") {
        return Verdict::Known(FileKind::IgFollowers);
    }
    if has("relationships_following") {
        return Verdict::Known(FileKind::IgFollowing);
    }
    if has("profile_user") {
        return Verdict::Known(FileKind::IgProfile);
    }
    if has("organic_insights_posts") {
        return Verdict::Known(FileKind::IgInsightsPosts);
    }
    if has("organic_insights_reels") {
        return Verdict::Known(FileKind::IgInsightsReels);
    }
    if has("organic_insights_audience") {
        return Verdict::Known(FileKind::IgInsightsAudience);
    }
    if has("ig_reels_media") {
        return Verdict::Known(FileKind::IgReels);
    }
    if has("ig_stories") && !is_insights {
        return Verdict::Known(FileKind::IgStories);
    }
    let followers_name = base == "followers.json"
        || base
            .strip_prefix("followers_")
            .and_then(|r| r.strip_suffix(".json"))
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
    if text.starts_with('[') && has("string_list_data") && !in_threads {
        if followers_name {
            return Verdict::Known(FileKind::IgFollowers);
        }
        if base == "following.json" {
            return Verdict::Known(FileKind::IgFollowing);
        }
        return Verdict::Unused;
    }
    let posts_name = base
        .strip_prefix("posts_")
        .and_then(|r| r.strip_suffix(".json"))
        .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
    if text.starts_with('[') && has("media") && has("creation_timestamp") && posts_name && !is_insights {
        return Verdict::Known(FileKind::IgPosts);
    }
    if base == "connections.json" && has("followers") && text.starts_with('{') {
        return Verdict::Known(FileKind::IgConnectionsLegacy);
    }
    if base == "media.json" && text.starts_with('{') && (has("photos") || has("videos")) && has("taken_at") {
        return Verdict::Known(FileKind::IgMediaLegacy);
    }
    if text.starts_with('[') && text[1..].trim_start().starts_with(']') && (followers_name || base == "following.json")
    {
        return Verdict::Known(if followers_name { FileKind::IgFollowers } else { FileKind::IgFollowing });
    }
    if has("string_list_data") || has("string_map_data") || has("label_values") || has("media_map_data") {
        return Verdict::Unused;
    }
    // TikTok "Download your data": one JSON document, old or new top-level keys.
    let tiktok_name = base.starts_with("user_data") && base.ends_with(".json");
    let tiktok_keys = has("ProfileMap")
        || has("FansList")
        || has("VideoList")
        || has("Profile And Settings")
        || has("Your Activity") && (has("Watch History") || has("Like List"))
        || has("Activity") && (has("Video Browsing History") || has("Follower List") || has("Like List"));
    if text.starts_with('{') && (tiktok_keys || tiktok_name && (has("Activity") || has("Profile") || has("Video"))) {
        return Verdict::Known(FileKind::TtUserData);
    }
    // Mastodon archive: ActivityStreams documents.
    if has("orderedItems") && has("OrderedCollection") {
        return if base == "outbox.json" || text.contains("\"outbox.json\"") {
            Verdict::Known(FileKind::MastoOutbox)
        } else {
            Verdict::Unused // likes.json, bookmarks.json: what you liked, not your audience
        };
    }
    if has("preferredUsername") && (has("outbox") || base == "actor.json") {
        return Verdict::Known(FileKind::MastoActor);
    }
    if has("titleUrl") && has("products") {
        return Verdict::Unused; // Takeout watch history
    }
    Verdict::Unknown("a JSON document of an unknown shape".into())
}

fn classify_csv(base: &str, text: &str) -> Verdict {
    let mut lines = text.lines().map(|l| l.trim_end_matches('\r'));
    let first = lines.next().unwrap_or("");
    let header = normalise_header(first);

    // Meta Business Suite daily metric: `sep=,` then a quoted metric name, then "Date","Primary".
    if header.starts_with("sep=") {
        let rest: Vec<String> = lines.take(3).map(normalise_header).collect();
        if rest.iter().any(|l| l.starts_with("date,")) {
            let facebook = rest.first().is_some_and(|metric| metric.starts_with("facebook"));
            return Verdict::Known(if facebook { FileKind::FbDailyCsv } else { FileKind::MetaDailyCsv });
        }
        return Verdict::Unknown("a CSV file of an unknown shape".into());
    }
    // LinkedIn Connections.csv, with or without its "Notes:" preamble.
    if header.starts_with("notes:") || header.starts_with("first name,last name,url") {
        if text.lines().take(12).any(|l| normalise_header(l).starts_with("first name,last name,url")) {
            return Verdict::Known(FileKind::LiConnections);
        }
        if header.starts_with("notes:") {
            return Verdict::Unused;
        }
    }
    if header.starts_with("first name,last name,maiden name") {
        return Verdict::Known(FileKind::LiProfile);
    }
    if header.starts_with("date,sharelink,sharecommentary") {
        return Verdict::Known(FileKind::LiShares);
    }
    if header.starts_with("post id,account id,account username") {
        return Verdict::Known(FileKind::MetaContentCsv);
    }
    if header.starts_with("tweet id,tweet permalink,tweet text,time") {
        return Verdict::Known(FileKind::XTweetActivityCsv);
    }
    if header.starts_with("date,tweets published,impressions") {
        return Verdict::Known(FileKind::XDailyActivityCsv);
    }
    if header.starts_with("post id,date,post text,post link") {
        return Verdict::Known(FileKind::XContentCsv);
    }
    if header.starts_with("date,") && header.contains("new follows") && header.contains("unfollows") {
        return Verdict::Known(FileKind::XOverviewCsv);
    }
    if let Some(kind) = classify_other_csv(base, &header) {
        return kind;
    }
    if base.ends_with(".txt")
        && let Some(kind) = classify_tiktok_txt(base, text)
    {
        return kind;
    }
    if base.ends_with(".csv") && first.contains(',') {
        // LinkedIn and Meta archives hold many CSVs Resonance does not need.
        return Verdict::Unused;
    }
    if base.ends_with(".txt") || base.ends_with(".md") || base.ends_with(".js") || base.ends_with(".css") {
        return Verdict::Unused;
    }
    if text.chars().take(512).filter(|c| c.is_control() && !c.is_whitespace()).count() > 8 {
        return Verdict::Unknown("a binary file".into());
    }
    Verdict::Unknown("a text file of an unknown shape".into())
}

/// TikTok Studio, YouTube Studio and Takeout, Facebook, Mastodon and the generic CSV.
fn classify_other_csv(base: &str, header: &str) -> Option<Verdict> {
    let known = |k| Some(Verdict::Known(k));
    let cols: Vec<&str> = header.split(',').map(str::trim).collect();
    // TikTok Studio
    if header.starts_with("date,video views,profile views") {
        return known(FileKind::TtStudioOverview);
    }
    if header.starts_with("date,followers") && header.contains("difference in followers") {
        return known(FileKind::TtStudioFollowerHistory);
    }
    if header.starts_with("date,total viewers") {
        return known(FileKind::TtStudioViewers);
    }
    if header.starts_with("time,video title,video link") || header.starts_with("video title,video link,post time") {
        return known(FileKind::TtStudioContent);
    }
    if header.starts_with("date,new followers,total followers") {
        return known(FileKind::TtStudioAudience);
    }
    if header.starts_with("date,hour,active followers")
        || header.starts_with("gender,distribution")
        || header.starts_with("top territories,distribution")
    {
        return Some(Verdict::Unused); // audience make-up: not used yet
    }
    // YouTube Studio advanced-mode export
    if header.starts_with("content,") && (cols.contains(&"video title") || base == "table data.csv") {
        return known(FileKind::YtTableData);
    }
    if header.starts_with("date,content,") {
        return known(FileKind::YtChartData);
    }
    if cols.len() == 2 && cols[0] == "date" && (base == "totals.csv" || YT_METRICS.contains(&cols[1])) {
        return known(FileKind::YtTotals);
    }
    // Google Takeout
    if header.starts_with("channel id,channel title") {
        return known(FileKind::YtChannel);
    }
    if header.starts_with("video id,approx duration") {
        return known(FileKind::YtVideos);
    }
    if header.starts_with("channel id,channel url,channel title") || base == "subscriptions.csv" && cols.len() == 3 {
        return known(FileKind::YtSubscriptions);
    }
    // Facebook page content (Meta Business Suite)
    if header.starts_with("post id,page id,page name") {
        return known(FileKind::FbContentCsv);
    }
    // Mastodon
    if header.starts_with("account address,show boosts") {
        return known(FileKind::MastoFollowingCsv);
    }
    if header.starts_with("account address,hide notifications") {
        return Some(Verdict::Unused);
    }
    if crate::import::generic::is_generic_header(&cols) {
        return known(FileKind::GenericCsv);
    }
    None
}

/// Channel-level metrics YouTube Studio writes in `Totals.csv` (English UI).
const YT_METRICS: &[&str] = &[
    "subscribers",
    "views",
    "watch time (hours)",
    "impressions",
    "likes",
    "comments added",
    "shares",
    "subscribers gained",
    "subscribers lost",
];

/// TikTok's TXT export: one file per section, blank-line-separated `Key: value` blocks, file names
/// in the account's language (English and Dutch known).
fn classify_tiktok_txt(base: &str, text: &str) -> Option<Verdict> {
    if text.contains("You have no data in this section") || text.contains("Je hebt geen gegevens in deze sectie") {
        return Some(Verdict::Unused);
    }
    let has_line = |k: &str| text.lines().take(40).any(|l| l.trim_start().starts_with(k));
    if !has_line("Date:") && !has_line("Datum:") {
        return None;
    }
    let stem = base.trim_end_matches(".txt");
    let person =
        has_line("User Name:") || has_line("UserName:") || has_line("Username:") || has_line("Gebruikersnaam:");
    if person && matches!(stem, "follower" | "followers" | "volger" | "volgers" | "fans") {
        return Some(Verdict::Known(FileKind::TtTxtFollowers));
    }
    if person && matches!(stem, "following" | "volgend") {
        return Some(Verdict::Known(FileKind::TtTxtFollowing));
    }
    let link = has_line("Link:") || has_line("Video Link:") || has_line("VideoLink:");
    if link
        && (has_line("Likes:") || has_line("Like(s):"))
        && matches!(stem, "posts" | "videos" | "video" | "berichten")
    {
        return Some(Verdict::Known(FileKind::TtTxtPosts));
    }
    None
}

/// Classifies a spreadsheet from its sheet names.
pub fn classify_sheets(names: &[String]) -> Verdict {
    let upper: Vec<String> = names.iter().map(|n| n.trim().to_ascii_uppercase()).collect();
    let has = |s: &str| upper.iter().any(|n| n == s);
    if has("FOLLOWERS") && (has("ENGAGEMENT") || has("DISCOVERY") || has("TOP POSTS")) {
        return Verdict::Known(FileKind::LiCreatorXlsx);
    }
    Verdict::Unknown("a spreadsheet of an unknown shape".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(path: &str, head: &str) -> Verdict {
        classify(path, head.as_bytes())
    }

    #[test]
    fn instagram_files_are_recognised_by_path_and_content() {
        let item = r#"[{"title": "", "media_list_data": [], "string_list_data": [{"href": "x", "value": "a", "timestamp": 1}]}]"#;
        assert_eq!(
            kind("connections/followers_and_following/followers_1.json", item),
            Verdict::Known(FileKind::IgFollowers)
        );
        assert_eq!(kind("followers_and_following/followers_12.json", item), Verdict::Known(FileKind::IgFollowers));
        // Same shape, other meaning: likes you gave.
        assert_eq!(kind("your_instagram_activity/likes/liked_posts.json", item), Verdict::Unused);
        // Threads followers ride along and are not Instagram followers.
        assert_eq!(kind("your_instagram_activity/threads/followers.json", item), Verdict::Unused);
        assert_eq!(
            kind("x/following.json", r#"{"relationships_following": []}"#),
            Verdict::Known(FileKind::IgFollowing)
        );
        // A name alone does not make a file a follower list.
        assert!(matches!(kind("followers_1.json", "hello"), Verdict::Unknown(_)));
    }

    #[test]
    fn junk_images_and_html_are_told_apart() {
        assert_eq!(kind("__MACOSX/x/._followers_1.json", "junk"), Verdict::Junk);
        assert_eq!(classify("followers_1.json", b"\x89PNG\r\n\x1a\n"), Verdict::Unknown("a PNG image".into()));
        assert_eq!(kind("connections/followers_and_following/followers_1.html", "<html>"), Verdict::MetaHtml);
        assert_eq!(kind("empty.json", ""), Verdict::Empty);
    }

    #[test]
    fn x_files_are_recognised_by_their_variable() {
        assert_eq!(kind("data/tweets-part1.js", "window.YTD.tweets.part1 = ["), Verdict::Known(FileKind::XTweets));
        assert_eq!(kind("data/tweet.js", "window.YTD.tweet.part0 = ["), Verdict::Known(FileKind::XTweets));
        assert_eq!(kind("data/like.js", "window.YTD.like.part0 = ["), Verdict::Unused);
    }

    #[test]
    fn the_other_platforms_are_recognised() {
        use FileKind::*;
        let k = |path: &str, head: &str| classify(path, head.as_bytes());
        assert_eq!(
            k("user_data_tiktok.json", r#"{"Your Activity": {"Watch History": {}}}"#),
            Verdict::Known(TtUserData)
        );
        assert_eq!(
            k("x/user_data.json", r#"{"Activity": {"Follower List": {"FansList": []}}}"#),
            Verdict::Known(TtUserData)
        );
        assert_eq!(
            k("Overview.csv", "\u{feff}Date,Video Views,Profile Views,Likes,Comments,Shares\n"),
            Verdict::Known(TtStudioOverview)
        );
        assert_eq!(
            k("FollowerHistory.csv", "Date,Followers,\"Difference in followers from previous day\"\n"),
            Verdict::Known(TtStudioFollowerHistory)
        );
        assert_eq!(k("FollowerGender.csv", "Gender,Distribution\n"), Verdict::Unused);
        assert_eq!(k("Follower.txt", "Date: 2024-01-01 10:00:00\nUser Name: a\n"), Verdict::Known(TtTxtFollowers));
        assert_eq!(k("Following.txt", "Date: 2024-01-01 10:00:00\nUser Name: a\n"), Verdict::Known(TtTxtFollowing));
        assert_eq!(k("Watch History.txt", "You have no data in this section"), Verdict::Unused);
        assert_eq!(k("Table data.csv", "Content,Video title,Video publish time,Views\n"), Verdict::Known(YtTableData));
        assert_eq!(k("Chart data.csv", "Date,Content,Video title,Views\n"), Verdict::Known(YtChartData));
        assert_eq!(k("Totals.csv", "Date,Subscribers\n"), Verdict::Known(YtTotals));
        assert_eq!(
            k("channel.csv", "Channel ID,Channel Title (Original),Channel Visibility\n"),
            Verdict::Known(YtChannel)
        );
        assert_eq!(k("videos.csv", "Video ID,Approx Duration (ms),Video Audio Language\n"), Verdict::Known(YtVideos));
        assert_eq!(k("fb.csv", "\"Post ID\",\"Page ID\",\"Page name\",Title\n"), Verdict::Known(FbContentCsv));
        assert_eq!(
            k("outbox.json", r#"{"id": "outbox.json", "type": "OrderedCollection", "orderedItems": []}"#),
            Verdict::Known(MastoOutbox)
        );
        assert_eq!(
            k("likes.json", r#"{"id": "likes.json", "type": "OrderedCollection", "orderedItems": []}"#),
            Verdict::Unused
        );
        assert_eq!(
            k("actor.json", r#"{"type": "Person", "preferredUsername": "a", "outbox": "outbox.json"}"#),
            Verdict::Known(MastoActor)
        );
        assert_eq!(
            k("following_accounts.csv", "Account address,Show boosts,Notify on new posts,Languages\n"),
            Verdict::Known(MastoFollowingCsv)
        );
        assert_eq!(k("mine.csv", "date,followers,likes\n"), Verdict::Known(GenericCsv));
    }

    #[test]
    fn meta_daily_files_tell_facebook_from_instagram() {
        let utf16 = |t: &str| {
            let mut b = vec![0xFF, 0xFE];
            t.encode_utf16().for_each(|u| b.extend_from_slice(&u.to_le_bytes()));
            b
        };
        let fb = utf16("sep=,\n\"Facebook follows\"\n\"Date\",\"Primary\"\n");
        let ig = utf16("sep=,\n\"Instagram follows\"\n\"Date\",\"Primary\"\n");
        assert_eq!(classify("Follows.csv", &fb), Verdict::Known(FileKind::FbDailyCsv));
        assert_eq!(classify("Follows.csv", &ig), Verdict::Known(FileKind::MetaDailyCsv));
    }

    #[test]
    fn csv_headers_decide() {
        let pre =
            "Notes:\n\"When exporting...\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
        assert_eq!(kind("Connections.csv", pre), Verdict::Known(FileKind::LiConnections));
        assert_eq!(
            kind("whatever.csv", "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"),
            Verdict::Known(FileKind::LiConnections)
        );
        assert_eq!(
            kind("a.csv", "Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies\n"),
            Verdict::Known(FileKind::XOverviewCsv)
        );
        assert_eq!(kind("Rich_Media.csv", "Date/Time,Media Description,Media Link\n"), Verdict::Unused);
    }
}
