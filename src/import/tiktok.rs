//! TikTok: the "Download your data" export (one JSON document, old ≤2023 and new 2024+ key layouts,
//! or the TXT variant with one localised file per section) and TikTok Studio's analytics CSVs
//! (Overview, FollowerHistory — a true daily follower series —, Viewers, Content). See
//! export-formats.md §5.
//!
//! Studio quirks handled here: UTF-8 with BOM; days written without a year in the UI language
//! (placed in the year before the export, which the zip name gives as unix seconds); `undefined`
//! for days without data (unknown, not zero); the mislabelled "Difference in followers" column is
//! ignored (the totals are the truth).

use crate::error::Result;
use crate::import::Ctx;
use crate::import::detect::FileKind;
use crate::import::json::{self, Lenient, LenientCount};
use crate::import::table::Table;
use crate::import::text::{from_unix, parse_count, parse_decimal, parse_instant, parse_studio_date, rfc3339};
use crate::import::writer::{AccountHint, Snapshot, Writer};
use crate::model::{AudienceMetric, AudienceSource, PostKind, PostMetrics};
use crate::store::posts::NewPost;
use chrono::NaiveDate;
use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::marker::PhantomData;

/// A value that should be an object but may be a string sentinel ("You have no data in this
/// section"), null, a number or a list in some builds: anything but an object reads as `None`.
struct MaybeMap<T>(Option<T>);

impl<'de, T: DeserializeOwned> Deserialize<'de> for MaybeMap<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: DeserializeOwned> Visitor<'de> for V<T> {
            type Value = MaybeMap<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a TikTok data section")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> std::result::Result<MaybeMap<T>, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(|v| MaybeMap(Some(v)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<MaybeMap<T>, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(MaybeMap(None))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> std::result::Result<MaybeMap<T>, E> {
                Ok(MaybeMap(None))
            }
            fn visit_unit<E: de::Error>(self) -> std::result::Result<MaybeMap<T>, E> {
                Ok(MaybeMap(None))
            }
            fn visit_none<E: de::Error>(self) -> std::result::Result<MaybeMap<T>, E> {
                Ok(MaybeMap(None))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> std::result::Result<MaybeMap<T>, E> {
                Ok(MaybeMap(None))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> std::result::Result<MaybeMap<T>, E> {
                Ok(MaybeMap(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> std::result::Result<MaybeMap<T>, E> {
                Ok(MaybeMap(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> std::result::Result<MaybeMap<T>, E> {
                Ok(MaybeMap(None))
            }
        }
        d.deserialize_any(V(PhantomData))
    }
}

/// A section that reads as empty when it is not an object.
struct Loose<T>(T);

impl<'de, T: DeserializeOwned + Default> Deserialize<'de> for Loose<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        MaybeMap::<T>::deserialize(d).map(|m| Loose(m.0.unwrap_or_default()))
    }
}

impl<T: Default> Default for Loose<T> {
    fn default() -> Self {
        Loose(T::default())
    }
}

/// A list whose items may be records or junk; junk items are dropped.
struct LooseVec<T>(Vec<T>);

impl<T> Default for LooseVec<T> {
    fn default() -> Self {
        LooseVec(Vec::new())
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for LooseVec<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: DeserializeOwned> Visitor<'de> for V<T> {
            type Value = LooseVec<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a TikTok list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<LooseVec<T>, A::Error> {
                let mut out = Vec::new();
                while let Some(item) = seq.next_element::<MaybeMap<T>>()? {
                    if let Some(v) = item.0 {
                        out.push(v);
                    }
                }
                Ok(LooseVec(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<LooseVec<T>, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(LooseVec(Vec::new()))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> std::result::Result<LooseVec<T>, E> {
                Ok(LooseVec(Vec::new()))
            }
            fn visit_unit<E: de::Error>(self) -> std::result::Result<LooseVec<T>, E> {
                Ok(LooseVec(Vec::new()))
            }
            fn visit_none<E: de::Error>(self) -> std::result::Result<LooseVec<T>, E> {
                Ok(LooseVec(Vec::new()))
            }
        }
        d.deserialize_any(V(PhantomData))
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct UserData {
    #[serde(rename = "Activity")]
    activity: Loose<ActivitySection>,
    #[serde(rename = "Your Activity")]
    your_activity: Loose<ActivitySection>,
    #[serde(rename = "Profile")]
    profile: Loose<ProfileSection>,
    #[serde(rename = "Profile And Settings")]
    profile_settings: Loose<ProfileSection>,
    #[serde(rename = "Video")]
    video: Loose<VideoSection>,
    #[serde(rename = "Post")]
    post: Loose<VideoSection>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ActivitySection {
    #[serde(rename = "Follower List")]
    follower_list: Loose<FansHolder>,
    #[serde(rename = "Following List")]
    following_list: Loose<FollowingHolder>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ProfileSection {
    #[serde(rename = "Profile Information")]
    information: Loose<ProfileHolder>,
    #[serde(rename = "Profile Info")]
    info: Loose<ProfileHolder>,
    #[serde(rename = "Follower")]
    follower: Loose<FansHolder>,
    #[serde(rename = "Following")]
    following: Loose<FollowingHolder>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct FansHolder {
    #[serde(rename = "FansList")]
    fans: LooseVec<Relation>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct FollowingHolder {
    #[serde(rename = "Following")]
    following: LooseVec<Relation>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Relation {
    #[serde(rename = "Date", alias = "date")]
    date: Option<Lenient>,
    #[serde(rename = "UserName", alias = "userName", alias = "User Name", alias = "username")]
    user_name: Option<Lenient>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ProfileHolder {
    #[serde(rename = "ProfileMap")]
    map: Loose<ProfileMap>,
    /// Some builds put the fields directly under "Profile Info".
    #[serde(rename = "userName")]
    user_name: Option<Lenient>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ProfileMap {
    #[serde(rename = "userName")]
    user_name: Option<Lenient>,
    #[serde(rename = "displayName")]
    display_name: Option<Lenient>,
    #[serde(rename = "followerCount")]
    follower_count: LenientCount,
    #[serde(rename = "followingCount")]
    following_count: LenientCount,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct VideoSection {
    #[serde(rename = "Videos")]
    videos: Loose<VideoHolder>,
    #[serde(rename = "Posts")]
    posts: Loose<VideoHolder>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct VideoHolder {
    #[serde(rename = "VideoList")]
    list: LooseVec<Video>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Video {
    #[serde(rename = "Date", alias = "date")]
    date: Option<Lenient>,
    #[serde(rename = "Link", alias = "VideoLink", alias = "link")]
    link: Option<Lenient>,
    #[serde(rename = "Likes", alias = "likes")]
    likes: LenientCount,
    #[serde(rename = "Title", alias = "Description", alias = "Desc", alias = "title")]
    title: Option<Lenient>,
}

/// Only the profile: what the hint needs, the rest skipped.
#[derive(Deserialize, Default)]
#[serde(default)]
struct ProfileOnly {
    #[serde(rename = "Profile")]
    profile: Loose<ProfileSection>,
    #[serde(rename = "Profile And Settings")]
    profile_settings: Loose<ProfileSection>,
}

fn lenient(v: &Option<Lenient>) -> Option<&str> {
    v.as_ref().and_then(Lenient::as_str).map(str::trim).filter(|s| !s.is_empty())
}

impl ProfileSection {
    fn handle(&self) -> Option<&str> {
        [&self.info.0, &self.information.0]
            .into_iter()
            .find_map(|h| lenient(&h.map.0.user_name).or(lenient(&h.user_name)))
    }
    fn map(&self) -> Option<&ProfileMap> {
        [&self.info.0, &self.information.0].into_iter().map(|h| &h.map.0).find(|m| m.user_name.is_some())
    }
}

/// Whose export a `user_data.json` is.
pub fn user_data_hint(r: impl Read, display: &str) -> Result<AccountHint> {
    let data: ProfileOnly =
        serde_json::from_reader(BufReader::with_capacity(1 << 16, r)).map_err(|e| json::json_error(display, e))?;
    let sections = [&data.profile_settings.0, &data.profile.0];
    let handle = sections.iter().find_map(|s| s.handle()).map(str::to_string);
    let display_name = sections.iter().find_map(|s| s.map()).and_then(|m| lenient(&m.display_name)).map(str::to_string);
    Ok(AccountHint { handle, display_name, ..AccountHint::default() })
}

/// The account and export time in a TikTok Studio zip name:
/// `Overview_<YYYY-MM-DD>_<unix seconds>_<handle>.zip` (the date is not the export's; the unix
/// time is).
pub fn hint_from_bundle_name(name: &str) -> AccountHint {
    let stem = name.trim_end_matches(".zip").trim_end_matches(".ZIP");
    let parts: Vec<&str> = stem.splitn(4, '_').collect();
    let tabs = ["overview", "followers", "viewers", "content", "audience", "engagement"];
    match parts.as_slice() {
        [tab, date, unix, handle]
            if tabs.contains(&tab.to_ascii_lowercase().as_str())
                && NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok()
                && unix.len() >= 9
                && unix.chars().all(|c| c.is_ascii_digit()) =>
        {
            let exported_on = unix.parse::<i64>().ok().and_then(from_unix).map(|t| t.date_naive());
            AccountHint { handle: Some(handle.to_string()), exported_on, ..AccountHint::default() }
        }
        _ => AccountHint::default(),
    }
}

fn since(raw: Option<&str>) -> Option<i64> {
    raw.and_then(parse_instant).map(|t| t.timestamp())
}

/// The video id in `https://www.tiktokv.com/share/video/7312…/` or `https://www.tiktok.com/@u/video/7312…`.
pub fn video_id(link: &str) -> Option<&str> {
    let after = link.split("/video/").nth(1).or_else(|| link.split("/photo/").nth(1))?;
    let id = after.split(['/', '?', '\n']).next()?.trim();
    (!id.is_empty() && id.chars().all(|c| c.is_ascii_digit())).then_some(id)
}

fn write_relations(w: &mut Writer<'_>, snap: &mut Snapshot, list: &[Relation]) -> Result<()> {
    for r in list {
        w.member(snap, lenient(&r.user_name), None, since(lenient(&r.date)))?;
    }
    Ok(())
}

fn write_video(
    w: &mut Writer<'_>,
    ctx: &Ctx,
    source: FileKind,
    date: Option<&str>,
    link: &str,
    likes: Option<i64>,
    title: Option<&str>,
) -> Result<()> {
    // Slideshows put several links in one cell, one per line.
    let first = link.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or(link);
    let id = video_id(link).unwrap_or(first);
    let post = w.post(
        ctx.account_id,
        &NewPost {
            platform_post_id: id,
            published_at: date.and_then(parse_instant).map(rfc3339),
            kind: PostKind::Video,
            text: title,
            url: Some(first).filter(|u| u.starts_with("https://")),
            duration_s: None,
        },
    )?;
    let m = PostMetrics { likes, ..PostMetrics::default() };
    if !m.is_empty() {
        w.observe(post, ctx.exported_on, source, &m)?;
    }
    Ok(())
}

/// The JSON "Download your data" document: followers and following (with follow dates), the
/// videos with their likes, the profile's counts.
pub fn user_data(r: impl Read, ctx: &Ctx, w: &mut Writer<'_>) -> Result<()> {
    let data: UserData =
        serde_json::from_reader(BufReader::with_capacity(1 << 16, r)).map_err(|e| json::json_error(&ctx.display, e))?;
    ctx.check()?;
    let fans = [
        &data.profile_settings.0.follower.0.fans,
        &data.activity.0.follower_list.0.fans,
        &data.your_activity.0.follower_list.0.fans,
    ];
    let following = [
        &data.profile_settings.0.following.0.following,
        &data.activity.0.following_list.0.following,
        &data.your_activity.0.following_list.0.following,
    ];
    let has_fans_section = fans.iter().any(|l| !l.0.is_empty());
    if has_fans_section {
        let mut snap = w.begin_snapshot(ctx.account_id, "followers", ctx.exported_on)?;
        for list in fans {
            write_relations(w, &mut snap, &list.0)?;
        }
        w.finish_snapshot(snap)?;
    }
    if following.iter().any(|l| !l.0.is_empty()) {
        let mut snap = w.begin_snapshot(ctx.account_id, "following", ctx.exported_on)?;
        for list in following {
            write_relations(w, &mut snap, &list.0)?;
        }
        w.finish_snapshot(snap)?;
    }
    ctx.check()?;
    let videos = [
        &data.post.0.posts.0.list,
        &data.post.0.videos.0.list,
        &data.video.0.videos.0.list,
        &data.video.0.posts.0.list,
    ];
    for list in videos {
        for v in &list.0 {
            let Some(link) = lenient(&v.link) else { continue };
            write_video(w, ctx, FileKind::TtUserData, lenient(&v.date), link, v.likes.0, lenient(&v.title))?;
        }
    }
    // The profile's own counts, on the export's day (after the list, so they are the day's word).
    let map = [&data.profile_settings.0, &data.profile.0].into_iter().find_map(|s| s.map());
    if let Some(m) = map {
        if let Some(n) = m.follower_count.0 {
            w.audience(
                ctx.account_id,
                ctx.exported_on,
                AudienceMetric::Followers,
                n,
                AudienceSource::ExportSnapshot,
                false,
            )?;
        }
        if let Some(n) = m.following_count.0 {
            w.audience(
                ctx.account_id,
                ctx.exported_on,
                AudienceMetric::Following,
                n,
                AudienceSource::ExportSnapshot,
                false,
            )?;
        }
    }
    Ok(())
}

/// Blank-line-separated `Key: value` blocks of the TXT export.
fn txt_blocks(r: impl Read, display: &str, mut f: impl FnMut(&[(String, String)]) -> Result<()>) -> Result<()> {
    let mut block: Vec<(String, String)> = Vec::new();
    let mut reader = BufReader::new(r);
    let mut line = String::new();
    loop {
        line.clear();
        let n = (&mut reader)
            .take(1 << 20)
            .read_line(&mut line)
            .map_err(|e| crate::import::source::io_to_import(display, e))?;
        let text = line.trim_start_matches('\u{feff}').trim();
        if n == 0 || text.is_empty() {
            if !block.is_empty() {
                f(&block)?;
                block.clear();
            }
            if n == 0 {
                return Ok(());
            }
            continue;
        }
        if let Some((k, v)) = text.split_once(':') {
            block.push((k.trim().to_lowercase(), v.trim().to_string()));
        }
    }
}

fn field<'b>(block: &'b [(String, String)], keys: &[&str]) -> Option<&'b str> {
    block.iter().find(|(k, _)| keys.contains(&k.as_str())).map(|(_, v)| v.as_str()).filter(|v| !v.is_empty())
}

/// `Follower.txt` / `Following.txt` (and their Dutch names) of the TXT export.
pub fn txt_relations(r: impl Read, ctx: &Ctx, w: &mut Writer<'_>, snap: &mut Snapshot) -> Result<()> {
    txt_blocks(r, &ctx.display, |b| {
        let user = field(b, &["user name", "username", "gebruikersnaam"]);
        let date = field(b, &["date", "datum"]);
        w.member(snap, user, None, since(date))
    })
}

/// `Posts.txt` of the TXT export.
pub fn txt_posts(r: impl Read, ctx: &Ctx, w: &mut Writer<'_>) -> Result<()> {
    txt_blocks(r, &ctx.display, |b| {
        let Some(link) = field(b, &["link", "video link", "videolink"]) else { return Ok(()) };
        let likes = field(b, &["likes", "like(s)", "vind-ik-leuks"]).and_then(parse_count);
        write_video(
            w,
            ctx,
            FileKind::TtTxtPosts,
            field(b, &["date", "datum"]),
            link,
            likes,
            field(b, &["title", "description"]),
        )
    })
}

/// TikTok Studio's daily CSVs: Overview, FollowerHistory, Viewers and the "audience" variant.
pub fn studio_daily(r: Box<dyn Read + '_>, ctx: &Ctx, w: &mut Writer<'_>, kind: FileKind) -> Result<()> {
    let mut t = Table::open(r, &ctx.display, |_| true)?;
    let date_c = t.col(&["date"]);
    let metrics: Vec<(Option<usize>, &str)> = match kind {
        FileKind::TtStudioOverview => vec![
            (t.col(&["video views"]), "views"),
            (t.col(&["profile views"]), "profile_visits"),
            (t.col(&["likes"]), "likes"),
            (t.col(&["comments"]), "comments"),
            (t.col(&["shares"]), "shares"),
        ],
        FileKind::TtStudioViewers => vec![
            (t.col(&["total viewers"]), "viewers"),
            (t.col(&["new viewers"]), "new_viewers"),
            (t.col(&["returning viewers"]), "returning_viewers"),
        ],
        FileKind::TtStudioAudience => vec![(t.col(&["engaged audience"]), "engaged_audience")],
        _ => Vec::new(),
    };
    let followers_c = t.col(&["followers", "total followers"]);
    let gained_c = t.col(&["new followers"]);
    t.rows(|row| {
        let Some(raw) = row.get(date_c) else {
            return Ok(Err("no date".into()));
        };
        let Some(day) = parse_studio_date(raw, ctx.exported_on) else {
            return Ok(Err(format!("unreadable date {raw:?}")));
        };
        for (col, metric) in &metrics {
            w.daily_metric(ctx.account_id, day, metric, row.get(*col).and_then(parse_count).map(|v| v as f64))?;
        }
        if matches!(kind, FileKind::TtStudioFollowerHistory | FileKind::TtStudioAudience)
            && let Some(total) = row.get(followers_c).and_then(parse_count)
        {
            w.audience(ctx.account_id, day, AudienceMetric::Followers, total, AudienceSource::AnalyticsSeries, false)?;
        }
        if let Some(g) = row.get(gained_c).and_then(parse_count) {
            w.follow_change(ctx.account_id, day, Some(g), None, None)?;
        }
        Ok(Ok(()))
    })?;
    let warnings = t.finish(w.lang)?;
    warnings.into_iter().for_each(|x| w.warn(x));
    Ok(())
}

/// TikTok Studio's Content.csv: lifetime numbers of (at most ~15) recent videos at the export.
pub fn studio_content(r: Box<dyn Read + '_>, ctx: &Ctx, w: &mut Writer<'_>) -> Result<()> {
    let mut t = Table::open(r, &ctx.display, |_| true)?;
    let (time_c, title_c, link_c, posted_c) =
        (t.col(&["time"]), t.col(&["video title"]), t.col(&["video link"]), t.col(&["post time"]));
    let likes_c = t.col(&["total likes", "likes"]);
    let comments_c = t.col(&["total comments", "comments"]);
    let shares_c = t.col(&["total shares", "shares"]);
    let views_c = t.col(&["total views", "video views", "views"]);
    let saves_c = t.col(&["add to favorites", "favorites"]);
    let watch_c = t.col(&["average watch time"]);
    t.rows(|row| {
        let Some(link) = row.get(link_c) else {
            return Ok(Err("no video link".into()));
        };
        let observed =
            row.get(time_c).and_then(|raw| parse_studio_date(raw, ctx.exported_on)).unwrap_or(ctx.exported_on);
        let published = match row.get(posted_c) {
            Some(raw) => match parse_instant(raw).map(rfc3339).or_else(|| {
                parse_studio_date(raw, observed).and_then(|d| d.and_hms_opt(0, 0, 0)).map(|t| rfc3339(t.and_utc()))
            }) {
                Some(p) => Some(p),
                None => return Ok(Err(format!("unreadable post time {raw:?}"))),
            },
            None => None,
        };
        let id = video_id(link).unwrap_or(link);
        let post = w.post(
            ctx.account_id,
            &NewPost {
                platform_post_id: id,
                published_at: published,
                kind: PostKind::Video,
                text: row.get(title_c),
                url: Some(link).filter(|u| u.starts_with("https://")),
                duration_s: None,
            },
        )?;
        let m = PostMetrics {
            views: row.get(views_c).and_then(parse_count),
            likes: row.get(likes_c).and_then(parse_count),
            comments: row.get(comments_c).and_then(parse_count),
            shares: row.get(shares_c).and_then(parse_count),
            saves: row.get(saves_c).and_then(parse_count),
            avg_view_duration_s: row.get(watch_c).and_then(|s| parse_decimal(s.trim_end_matches('s'))),
            ..PostMetrics::default()
        };
        if !m.is_empty() {
            w.observe(post, observed, FileKind::TtStudioContent, &m)?;
        }
        Ok(Ok(()))
    })?;
    let warnings = t.finish(w.lang)?;
    warnings.into_iter().for_each(|x| w.warn(x));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn studio_zip_names_give_the_handle_and_the_real_export_time() {
        let h = hint_from_bundle_name("Overview_2025-07-01_1756684800_camille.creates.zip");
        assert_eq!(h.handle.as_deref(), Some("camille.creates"));
        assert_eq!(h.exported_on, NaiveDate::from_ymd_opt(2025, 9, 1));
        assert!(hint_from_bundle_name("Overview.csv").handle.is_none());
    }

    #[test]
    fn video_ids_from_every_link_shape() {
        assert_eq!(video_id("https://www.tiktokv.com/share/video/7312345678901234567/"), Some("7312345678901234567"));
        assert_eq!(
            video_id("https://www.tiktok.com/@me/video/7312345678901234567?lang=fr"),
            Some("7312345678901234567")
        );
        assert_eq!(video_id("https://example.com/"), None);
    }

    #[test]
    fn sections_that_are_sentinels_read_as_empty() {
        let doc = r#"{"Activity": {"Follower List": "You have no data in this section", "Following List": {"Following": null}},
                      "Video": {"Videos": {"VideoList": [{"Date": "2024-03-02 18:04:11", "Link": "https://www.tiktokv.com/share/video/7/", "Likes": "152"}, "junk"]}}}"#;
        let d: UserData = serde_json::from_str(doc).unwrap();
        assert!(d.activity.0.follower_list.0.fans.0.is_empty());
        assert_eq!(d.video.0.videos.0.list.0.len(), 1);
        assert_eq!(d.video.0.videos.0.list.0[0].likes.0, Some(152));
    }
}
