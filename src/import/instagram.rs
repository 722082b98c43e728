//! Instagram "Download your information" (JSON, every layout since 2019) and the professional
//! accounts' `past_instagram_insights`. See export-formats.md §1.
//!
//! All Meta JSON text goes through [`fix_mojibake`] (values and localised keys).

use crate::error::{ImportError, ImportErrorKind, Result};
use crate::import::Ctx;
use crate::import::detect::FileKind;
use crate::import::json;
use crate::import::text::{fix_mojibake, from_unix, parse_instant, rfc3339};
use crate::import::writer::{AccountHint, Writer};
use crate::model::{AudienceMetric, AudienceSource, PostKind, PostMetrics, Role};
use crate::store::posts::NewPost;
use serde::Deserialize;
use std::collections::HashMap;
use std::io::Read;

#[derive(Deserialize)]
struct ListItem {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    string_list_data: Vec<ListData>,
}

#[derive(Deserialize)]
struct ListData {
    #[serde(default)]
    href: Option<String>,
    #[serde(default)]
    value: Option<String>,
    #[serde(default)]
    timestamp: Option<i64>,
}

/// Username from a relationship item: `value`, else `title` (2025 following.json), else the link.
fn username(item: &ListItem) -> Option<(String, Option<i64>)> {
    let data = item.string_list_data.first();
    let ts = data.and_then(|d| d.timestamp).filter(|t| *t > 0);
    let from_value = data.and_then(|d| d.value.as_deref()).map(str::trim).filter(|v| !v.is_empty());
    let from_title = item.title.as_deref().map(str::trim).filter(|v| !v.is_empty());
    let from_href = data.and_then(|d| d.href.as_deref()).and_then(username_from_url);
    let name = from_value.map(str::to_string).or(from_title.map(str::to_string)).or(from_href)?;
    Some((fix_mojibake(&name), ts))
}

/// `https://www.instagram.com/_u/alice.smith?igsh=x` → `alice.smith`.
pub fn username_from_url(href: &str) -> Option<String> {
    let path = href.split("instagram.com/").nth(1)?;
    let path = path.split(['?', '#']).next()?;
    let path = path.trim_start_matches("_u/").trim_end_matches('/');
    let name = path.split('/').next()?;
    (!name.is_empty()).then(|| name.to_string())
}

pub fn followers(
    r: impl Read + Send,
    ctx: &Ctx,
    w: &mut Writer<'_>,
    snap: &mut crate::import::writer::Snapshot,
) -> Result<()> {
    let mut n = 0u64;
    json::for_each::<ListItem, _>(r, &ctx.display, &["relationships_followers"], |item| {
        n += 1;
        if n.is_multiple_of(4096) {
            ctx.check()?;
        }
        if let Some((name, ts)) = username(&item) {
            w.member(snap, Some(&name), None, ts)?;
        }
        Ok(())
    })?;
    Ok(())
}

pub fn following(
    r: impl Read,
    ctx: &Ctx,
    w: &mut Writer<'_>,
    snap: &mut crate::import::writer::Snapshot,
) -> Result<()> {
    json::for_each::<ListItem, _>(r, &ctx.display, &["relationships_following"], |item| {
        if let Some((name, ts)) = username(&item) {
            w.member(snap, Some(&name), None, ts)?;
        }
        Ok(())
    })?;
    Ok(())
}

/// The ≤2020 `connections.json`: `{"followers": {"name": "2018-11-06T13:56:46+00:00"}, "following": {...}}`.
pub fn connections_legacy(bytes: &[u8], ctx: &Ctx, w: &mut Writer<'_>) -> Result<()> {
    #[derive(Deserialize)]
    struct Legacy {
        #[serde(default)]
        followers: HashMap<String, String>,
        #[serde(default)]
        following: HashMap<String, String>,
    }
    let legacy: Legacy = json::parse(bytes, &ctx.display)?;
    for (relation, map) in [("followers", legacy.followers), ("following", legacy.following)] {
        let mut snap = w.begin_snapshot(ctx.account_id, relation, ctx.exported_on)?;
        let mut people: Vec<(String, String)> = map.into_iter().collect();
        people.sort();
        for (name, when) in people {
            let ts = parse_instant(&when).map(|t| t.timestamp());
            w.member(&mut snap, Some(&fix_mojibake(&name)), None, ts)?;
        }
        w.finish_snapshot(snap)?;
    }
    Ok(())
}

#[derive(Deserialize, Default)]
struct MediaItem {
    #[serde(default)]
    uri: Option<String>,
    #[serde(default)]
    creation_timestamp: Option<i64>,
    #[serde(default)]
    title: Option<String>,
}

#[derive(Deserialize)]
struct PostItem {
    #[serde(default)]
    media: Vec<MediaItem>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    creation_timestamp: Option<i64>,
}

/// The media id Instagram puts at the end of a media file name (`…_17926160567808540.webp`).
pub fn media_id_from_uri(uri: &str) -> Option<String> {
    let base = uri.rsplit('/').next()?;
    let stem = base.split('.').next()?;
    let last = stem.rsplit('_').next()?;
    (last.len() >= 15 && last.chars().all(|c| c.is_ascii_digit())).then(|| last.to_string())
}

fn is_video(uri: Option<&str>) -> bool {
    uri.is_some_and(|u| u.to_ascii_lowercase().ends_with(".mp4") || u.to_ascii_lowercase().ends_with(".mov"))
}

fn store_post(ctx: &Ctx, w: &mut Writer<'_>, item: PostItem, default_kind: PostKind) -> Result<()> {
    let first = item.media.first();
    let ts = item.creation_timestamp.or(first.and_then(|m| m.creation_timestamp));
    let caption = item
        .title
        .as_deref()
        .filter(|t| !t.is_empty())
        .or(first.and_then(|m| m.title.as_deref()).filter(|t| !t.is_empty()))
        .map(fix_mojibake);
    let uri = first.and_then(|m| m.uri.as_deref());
    let id = uri
        .and_then(media_id_from_uri)
        .or_else(|| ts.map(|t| format!("ts:{t}")))
        .or_else(|| uri.map(|u| format!("uri:{u}")));
    let Some(id) = id else { return Ok(()) };
    let kind = if default_kind == PostKind::Post && item.media.len() == 1 && is_video(uri) {
        PostKind::Video
    } else {
        default_kind
    };
    w.post(
        ctx.account_id,
        &NewPost {
            platform_post_id: &id,
            published_at: ts.and_then(from_unix).map(rfc3339),
            kind,
            text: caption.as_deref(),
            url: None,
            duration_s: None,
        },
    )?;
    Ok(())
}

pub fn posts(r: impl Read, ctx: &Ctx, w: &mut Writer<'_>, kind: FileKind) -> Result<()> {
    let (keys, default_kind): (&[&str], PostKind) = match kind {
        FileKind::IgReels => (&["ig_reels_media"], PostKind::Reel),
        FileKind::IgStories => (&["ig_stories"], PostKind::Story),
        _ => (&[], PostKind::Post),
    };
    if kind == FileKind::IgStories {
        // Stories are flat media items.
        json::for_each::<MediaItem, _>(r, &ctx.display, keys, |m| {
            let item = PostItem { creation_timestamp: m.creation_timestamp, title: m.title.clone(), media: vec![m] };
            store_post(ctx, w, item, default_kind)
        })?;
    } else {
        json::for_each::<PostItem, _>(r, &ctx.display, keys, |item| store_post(ctx, w, item, default_kind))?;
    }
    Ok(())
}

/// The ≤2020 `media.json`: `{"photos": [{"caption", "taken_at", "path"}], "videos": [...], "stories": [...]}`.
pub fn media_legacy(bytes: &[u8], ctx: &Ctx, w: &mut Writer<'_>) -> Result<()> {
    #[derive(Deserialize)]
    struct Old {
        #[serde(default)]
        caption: Option<String>,
        #[serde(default)]
        taken_at: Option<String>,
        #[serde(default)]
        path: Option<String>,
    }
    #[derive(Deserialize)]
    struct Legacy {
        #[serde(default)]
        photos: Vec<Old>,
        #[serde(default)]
        videos: Vec<Old>,
        #[serde(default)]
        stories: Vec<Old>,
    }
    let legacy: Legacy = json::parse(bytes, &ctx.display)?;
    for (items, kind) in
        [(legacy.photos, PostKind::Post), (legacy.videos, PostKind::Video), (legacy.stories, PostKind::Story)]
    {
        for o in items {
            let when = o.taken_at.as_deref().and_then(parse_instant);
            let id = o
                .path
                .as_deref()
                .and_then(media_id_from_uri)
                .or_else(|| when.map(|t| format!("ts:{}", t.timestamp())))
                .or_else(|| o.path.clone().map(|p| format!("uri:{p}")));
            let Some(id) = id else { continue };
            let caption = o.caption.as_deref().map(fix_mojibake);
            w.post(
                ctx.account_id,
                &NewPost {
                    platform_post_id: &id,
                    published_at: when.map(rfc3339),
                    kind,
                    text: caption.as_deref().filter(|c| !c.is_empty()),
                    url: None,
                    duration_s: None,
                },
            )?;
        }
    }
    Ok(())
}

#[derive(Deserialize, Default)]
struct MapValue {
    #[serde(default)]
    value: Option<json::Lenient>,
    #[serde(default)]
    timestamp: Option<i64>,
}

#[derive(Deserialize)]
struct MapItem {
    #[serde(default)]
    media_map_data: HashMap<String, MediaItem>,
    #[serde(default)]
    string_map_data: HashMap<String, MapValue>,
}

/// Localised insight labels (EN, FR, DE, PT, ES), compared after mojibake repair and lowercasing.
fn insight_field(label: &str) -> Option<&'static str> {
    let l = label.trim().to_lowercase().replace('’', "'");
    let field = match l.as_str() {
        "accounts reached" | "comptes touchés" | "erreichte konten" | "contas alcançadas" | "cuentas alcanzadas" => {
            "reach"
        }
        "impressions" | "impressionen" | "impressões" | "impresiones" => "impressions",
        "likes"
        | "instagram likes"
        | "j'aime"
        | "mentions j'aime"
        | "„gefällt mir“-angaben"
        | "curtidas"
        | "me gusta" => "likes",
        "comments" | "instagram comments" | "commentaires" | "kommentare" | "comentários" | "comentarios" => {
            "comments"
        }
        "shares" | "instagram shares" | "partages" | "geteilt" | "compartilhamentos" | "veces compartido" => "shares",
        "saves" | "instagram saves" | "enregistrements" | "gespeichert" | "salvamentos" | "guardados" => "saves",
        "follows" | "nouveaux followers" | "abonnements" | "neue follower" | "seguidores" => "follows",
        "profile visits" | "visites du profil" | "profilaufrufe" | "visitas ao perfil" | "visitas al perfil" => {
            "profile_visits"
        }
        "instagram plays" | "plays" | "views" | "vues" | "lectures" | "wiedergaben" | "visualizações" => "views",
        "website taps" | "appuis sur le site web" => "link_clicks",
        "creation timestamp" | "upload timestamp" | "horodatage de création" | "erstellungszeitstempel" => "timestamp",
        "caption" | "légende" | "bildunterschrift" | "legenda" => "caption",
        "duration" | "durée" | "dauer" | "duração" => "duration",
        "followers" | "abonnés" | "follower" | "seguidores totais" => "followers",
        _ => return None,
    };
    Some(field)
}

fn metrics_from_map(map: &HashMap<String, MapValue>) -> (PostMetrics, Option<i64>, Option<String>, Option<f64>) {
    let mut m = PostMetrics::default();
    let mut ts = None;
    let mut caption = None;
    let mut duration = None;
    for (label, v) in map {
        let Some(field) = insight_field(&fix_mojibake(label)) else {
            continue;
        };
        let count = v.value.as_ref().and_then(json::Lenient::count);
        match field {
            "reach" => m.reach = count,
            "impressions" => m.impressions = count,
            "likes" => m.likes = count,
            "comments" => m.comments = count,
            "shares" => m.shares = count,
            "saves" => m.saves = count,
            "follows" => m.follows = count,
            "profile_visits" => m.profile_visits = count,
            "views" => m.views = count,
            "link_clicks" => m.link_clicks = count,
            "timestamp" => ts = v.timestamp.filter(|t| *t > 0).or(count),
            "caption" => caption = v.value.as_ref().and_then(|l| l.as_str()).map(fix_mojibake),
            "duration" => {
                duration = v.value.as_ref().and_then(|l| l.as_str()).and_then(crate::import::text::parse_decimal)
            }
            _ => {}
        }
    }
    (m, ts, caption, duration)
}

/// `past_instagram_insights/posts.json` and `reels.json`: per-post numbers for the last ~90 days.
pub fn insights_posts(r: impl Read, ctx: &Ctx, w: &mut Writer<'_>, kind: FileKind) -> Result<()> {
    let (key, post_kind) = if kind == FileKind::IgInsightsReels {
        ("organic_insights_reels", PostKind::Reel)
    } else {
        ("organic_insights_posts", PostKind::Post)
    };
    json::for_each::<MapItem, _>(r, &ctx.display, &[key], |item| {
        let (metrics, ts, caption, duration) = metrics_from_map(&item.string_map_data);
        let thumb = item.media_map_data.values().next();
        let ts = ts.or(thumb.and_then(|t| t.creation_timestamp));
        let id =
            thumb.and_then(|t| t.uri.as_deref()).and_then(media_id_from_uri).or_else(|| ts.map(|t| format!("ts:{t}")));
        let Some(id) = id else { return Ok(()) };
        let caption = caption.or_else(|| thumb.and_then(|t| t.title.as_deref()).map(fix_mojibake));
        let post = w.post(
            ctx.account_id,
            &NewPost {
                platform_post_id: &id,
                published_at: ts.and_then(from_unix).map(rfc3339),
                kind: post_kind,
                text: caption.as_deref().filter(|c| !c.is_empty()),
                url: None,
                duration_s: duration,
            },
        )?;
        w.observe(post, ctx.exported_on, kind, &metrics)
    })?;
    Ok(())
}

/// `past_instagram_insights/audience_insights.json`: the true follower total on the export day.
pub fn insights_audience(bytes: &[u8], ctx: &Ctx, w: &mut Writer<'_>) -> Result<()> {
    #[derive(Deserialize)]
    struct Audience {
        #[serde(default)]
        organic_insights_audience: Vec<MapItem>,
    }
    let a: Audience = json::parse(bytes, &ctx.display)?;
    for item in a.organic_insights_audience {
        for (label, v) in &item.string_map_data {
            if insight_field(&fix_mojibake(label)) == Some("followers")
                && let Some(n) = v.value.as_ref().and_then(json::Lenient::count)
            {
                w.audience(
                    ctx.account_id,
                    ctx.exported_on,
                    AudienceMetric::Followers,
                    n,
                    AudienceSource::AnalyticsSeries,
                    false,
                )?;
            }
        }
    }
    Ok(())
}

/// `personal_information.json`: the username and name of the account.
pub fn profile_hint(bytes: &[u8], display: &str) -> Result<AccountHint> {
    #[derive(Deserialize)]
    struct Profile {
        #[serde(default)]
        profile_user: Vec<MapItem>,
    }
    let p: Profile = json::parse(bytes, display)?;
    let mut hint = AccountHint::default();
    for item in p.profile_user {
        for (label, v) in &item.string_map_data {
            let label = fix_mojibake(label).to_lowercase();
            let value = v.value.as_ref().and_then(|l| l.as_str()).map(fix_mojibake).filter(|s| !s.is_empty());
            match label.as_str() {
                "username"
                | "nom d'utilisateur"
                | "nom d’utilisateur"
                | "benutzername"
                | "nome de usuário"
                | "nombre de usuario" => hint.handle = hint.handle.or(value),
                "name" | "nom" | "nom complet" | "vollständiger name" | "nome" | "nombre" => {
                    hint.display_name = hint.display_name.or(value)
                }
                _ => {}
            }
        }
    }
    Ok(hint)
}

/// `instagram-<username>-<YYYY-MM-DD>-<id>.zip`: the name Meta gives the download.
pub fn hint_from_bundle_name(name: &str) -> AccountHint {
    let lower = name.to_lowercase();
    let handle = lower.strip_prefix("instagram-").and_then(|rest| {
        // The username may contain '-'? Instagram usernames cannot: letters, digits, '.', '_'.
        rest.split('-')
            .next()
            .filter(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_'))
    });
    AccountHint { handle: handle.map(str::to_string), ..AccountHint::default() }
}

/// Professional-account files mean the owner uses the account for their work.
pub fn role_hint(kinds: &[FileKind]) -> Option<Role> {
    kinds
        .iter()
        .any(|k| {
            matches!(
                k,
                FileKind::IgInsightsPosts
                    | FileKind::IgInsightsReels
                    | FileKind::IgInsightsAudience
                    | FileKind::MetaContentCsv
            )
        })
        .then_some(Role::Pro)
}

/// An export that only holds HTML pages.
pub fn html_error(display: &str) -> crate::error::Error {
    ImportError::new(display, ImportErrorKind::HtmlExport { platform: crate::model::Platform::Instagram }).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_come_from_value_title_or_link() {
        let item: ListItem = serde_json::from_str(
            r#"{"title": "alice.smith", "string_list_data": [{"href": "https://www.instagram.com/_u/alice.smith", "timestamp": 1700000500}]}"#,
        )
        .unwrap();
        assert_eq!(username(&item), Some(("alice.smith".into(), Some(1700000500))));
        let item: ListItem = serde_json::from_str(
            r#"{"title": "", "string_list_data": [{"href": "https://www.instagram.com/_u/bob_b?igsh=abc", "timestamp": 1}]}"#,
        )
        .unwrap();
        assert_eq!(username(&item).unwrap().0, "bob_b");
    }

    #[test]
    fn media_ids_come_from_file_names() {
        assert_eq!(
            media_id_from_uri(
                "media/posts/202407/450124567_850539960325047_1014258811537594829_n_17926160567808540.webp"
            ),
            Some("17926160567808540".into())
        );
        assert_eq!(media_id_from_uri("media/posts/202407/photo.jpg"), None);
    }

    #[test]
    fn insight_labels_in_several_languages() {
        assert_eq!(insight_field("Accounts reached"), Some("reach"));
        assert_eq!(insight_field("„Gefällt mir“-Angaben"), Some("likes"));
        assert_eq!(insight_field("Profile Visits"), Some("profile_visits"));
    }

    #[test]
    fn bundle_names_give_the_username() {
        assert_eq!(
            hint_from_bundle_name("instagram-camille.studio-2026-11-01-Xk29fQ.zip").handle.as_deref(),
            Some("camille.studio")
        );
        assert_eq!(hint_from_bundle_name("export.zip").handle, None);
    }
}
