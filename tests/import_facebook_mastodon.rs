//! Facebook pages (Meta Business Suite content and daily CSVs) and Mastodon (archive as .zip and as
//! the older .tar.gz, the following CSV), with hostile .tar.gz entries refused.

mod common;

use common::{Env, zip};
use resonance::error::{Error, ImportErrorKind};
use resonance::import::ImportOptions;
use resonance::model::{Platform, PostKind, Role};
use resonance::store::posts;
use std::io::Write;

const FB_HEADER: &str = "\"Post ID\",\"Page ID\",\"Page name\",Title,Description,\"Duration (sec)\",\"Publish time\",\"Caption type\",Permalink,\"Is crosspost\",\"Is share\",\"Post type\",Languages,\"Custom labels\",\"Funded content status\",\"Data comment\",Date,Views,Reach,\"Reactions, Comments and Shares\",Reactions,Comments,Shares,\"Total clicks\",\"Other Clicks\",\"Matched Audience Targeting Consumption (Photo Click)\",\"Seconds viewed\",\"Average Seconds viewed\"\n";

fn utf16(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    bytes
}

#[test]
fn a_facebook_page_content_export_and_its_daily_follows() {
    let env = Env::new();
    let p = env.path("Jun-01-2026_Jun-30-2026_1091234567.csv");
    let body = format!(
        "\u{feff}{FB_HEADER}\
1091234567_100,1091234567,\"Atelier Lumière\",\"Nouvelle collection\",\"Des photos\nde l'atelier\",0,\"06/02/2026 10:00\",,https://www.facebook.com/pfbid0abc,No,No,Photos,fr,,,,Lifetime,5400,3100,210,150,45,15,80,20,0,,\n\
1091234567_101,1091234567,\"Atelier Lumière\",,\"Vidéo du four\",95,\"06/10/2026 18:00\",,https://www.facebook.com/pfbid0def,No,No,Videos,fr,,,,Lifetime,12000,8000,400,300,70,30,150,60,0,36000,12.5\n\
1091234567_102,1091234567,\"Atelier Lumière\",,\"Partage d'un ami\",0,\"06/15/2026 08:00\",,https://www.facebook.com/pfbid0ghi,No,Yes,Links,fr,,,,Lifetime,900,700,50,40,5,5,10,3,0,,\n"
    );
    std::fs::write(&p, body).unwrap();
    let r = env.import(&p, &ImportOptions::default()).unwrap();
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let a = &r.accounts[0];
    assert_eq!((a.platform, a.handle.as_str(), a.role), (Platform::Facebook, "atelier-lumiere", Role::Pro));
    assert_eq!(r.counts.posts, 3);
    let list = env.store.read(|c| posts::list(c, a.id)).unwrap();
    let photo = list.iter().find(|p| p.platform_post_id == "1091234567_100").unwrap();
    assert_eq!(photo.text.as_deref(), Some("Nouvelle collection\nDes photos\nde l'atelier"));
    let m = &photo.metrics;
    assert_eq!(
        (m.views, m.reach, m.likes, m.comments, m.shares, m.engagements),
        (Some(5400), Some(3100), Some(150), Some(45), Some(15), Some(210))
    );
    assert_eq!(m.saves, None, "Facebook gives no saves: unknown, not zero");
    let video = list.iter().find(|p| p.platform_post_id == "1091234567_101").unwrap();
    assert_eq!((video.kind, video.duration_s), (PostKind::Video, Some(95.0)));
    assert_eq!((video.metrics.watch_time_s, video.metrics.avg_view_duration_s), (Some(36000.0), Some(12.5)));
    let share = list.iter().find(|p| p.platform_post_id == "1091234567_102").unwrap();
    assert_eq!(share.kind, PostKind::Repost);
    assert!(share.metrics.is_empty(), "a share of someone else is not the page's applause");

    // Daily follows: "Facebook follows" goes to the Facebook page.
    let follows = env.path("Follows.csv");
    std::fs::write(&follows, utf16("sep=,\n\"Facebook follows\"\n\"Date\",\"Primary\"\n\"2026-06-01T00:00:00\",\"4\"\n\"2026-06-03T00:00:00\",\"9\"\n")).unwrap();
    let r = env.import(&follows, &ImportOptions::default()).unwrap();
    assert_eq!((r.accounts[0].id, r.counts.follow_changes), (a.id, 2));
    // A "Views" file says no platform: the chosen Facebook account decides.
    let views = env.path("Views.csv");
    std::fs::write(&views, utf16("sep=,\n\"Views\"\n\"Date\",\"Primary\"\n\"2026-06-01T00:00:00\",\"300\"\n")).unwrap();
    let r = env.import(&views, &ImportOptions { account: Some(a.id), ..Default::default() }).unwrap();
    assert_eq!((r.accounts[0].id, r.counts.daily_metrics), (a.id, 1));
}

const ACTOR: &str = r#"{"@context": ["https://www.w3.org/ns/activitystreams"], "id": "https://piaille.fr/users/camille",
 "type": "Person", "preferredUsername": "camille", "name": "Camille ✨", "summary": "<p>Peintre</p>",
 "outbox": "outbox.json", "likes": "likes.json", "followers": "https://piaille.fr/users/camille/followers",
 "published": "2022-11-05T00:00:00Z", "icon": {"type": "Image", "url": "avatar.png"}}"#;

fn outbox(with_signature: bool) -> String {
    let signature = if with_signature {
        r#", "signature": {"type": "RsaSignature2017", "creator": "https://piaille.fr/users/camille#main-key", "signatureValue": "abc"}"#
    } else {
        ""
    };
    format!(
        r#"{{"@context": "https://www.w3.org/ns/activitystreams", "id": "outbox.json", "type": "OrderedCollection", "totalItems": 4,
 "orderedItems": [
  {{"id": "https://piaille.fr/users/camille/statuses/113000000000000001/activity", "type": "Create", "actor": "https://piaille.fr/users/camille",
    "published": "2024-10-02T09:15:00Z", "to": ["https://www.w3.org/ns/activitystreams#Public"],
    "object": {{"id": "https://piaille.fr/users/camille/statuses/113000000000000001", "type": "Note", "summary": null, "inReplyTo": null,
      "published": "2024-10-02T09:15:00Z", "url": "https://piaille.fr/@camille/113000000000000001",
      "content": "<p>Bonjour le fédivers &amp; <a href=\"https://piaille.fr/tags/art\">#art</a></p><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
      "attachment": [{{"type": "Document", "mediaType": "image/png", "url": "media_attachments/files/1/original/a.png"}}],
      "likes": {{"id": "x/likes", "type": "Collection", "totalItems": 12}},
      "shares": {{"id": "x/shares", "type": "Collection", "totalItems": 3}}}}{signature}}},
  {{"id": "https://piaille.fr/users/camille/statuses/113000000000000002/activity", "type": "Create", "published": "2024-10-03T10:00:00Z",
    "object": {{"id": "https://piaille.fr/users/camille/statuses/113000000000000002", "type": "Note", "summary": "spoiler",
      "inReplyTo": "https://mastodon.social/users/friend/statuses/1", "published": "2024-10-03T10:00:00Z",
      "url": "https://piaille.fr/@camille/113000000000000002", "content": "<p>Merci !</p>"}}}},
  {{"id": "https://piaille.fr/users/camille/statuses/109000000000000003/activity", "type": "Create", "published": "2023-01-01T10:00:00Z",
    "object": {{"id": "https://piaille.fr/users/camille/statuses/109000000000000003", "type": "Note", "inReplyTo": null,
      "published": "2023-01-01T10:00:00Z", "url": "https://piaille.fr/@camille/109000000000000003", "content": "<p>Vieux post</p>",
      "attachment": [{{"type": "Document", "mediaType": "video/mp4", "url": "media_attachments/files/2/original/b.mp4"}}]}}}},
  {{"id": "https://piaille.fr/users/camille/statuses/113000000000000004/activity", "type": "Announce", "published": "2024-10-04T10:00:00Z",
    "to": ["https://www.w3.org/ns/activitystreams#Public"], "object": "https://mastodon.social/users/famous/statuses/42"}}
 ]}}"#
    )
}

fn tar_gz(path: &std::path::Path, entries: &[(&str, &[u8])]) {
    let f = std::fs::File::create(path).unwrap();
    let gz = flate2::write::GzEncoder::new(f, flate2::Compression::default());
    let mut b = tar::Builder::new(gz);
    for (name, bytes) in entries {
        let mut h = tar::Header::new_gnu();
        h.set_size(bytes.len() as u64);
        h.set_mode(0o644);
        h.set_mtime(1_727_860_500);
        h.set_cksum();
        b.append_data(&mut h, name, *bytes).unwrap();
    }
    b.into_inner().unwrap().finish().unwrap().flush().unwrap();
}

fn check_archive(env: &Env, r: &resonance::import::ImportReport) -> i64 {
    let a = &r.accounts[0];
    assert_eq!((a.platform, a.handle.as_str()), (Platform::Mastodon, "camille@piaille.fr"));
    assert_eq!(a.display_name.as_deref(), Some("Camille ✨"));
    let list = env.store.read(|c| posts::list(c, a.id)).unwrap();
    assert_eq!(list.len(), 4);
    let first = list.iter().find(|p| p.platform_post_id == "113000000000000001").unwrap();
    assert_eq!(
        first.text.as_deref(),
        Some("Bonjour le fédivers & #art\n<script>alert(1)</script>"),
        "plain text, shown as text"
    );
    assert_eq!((first.metrics.likes, first.metrics.shares, first.metrics.replies), (Some(12), Some(3), None));
    assert_eq!(first.url.as_deref(), Some("https://piaille.fr/@camille/113000000000000001"));
    let reply = list.iter().find(|p| p.platform_post_id == "113000000000000002").unwrap();
    assert_eq!((reply.kind, reply.text.as_deref()), (PostKind::Reply, Some("[spoiler] Merci !")));
    let old = list.iter().find(|p| p.platform_post_id == "109000000000000003").unwrap();
    assert_eq!(old.kind, PostKind::Video);
    assert!(old.metrics.is_empty(), "archives before 4.3 carry no numbers: unknown");
    let boost = list.iter().find(|p| p.platform_post_id == "113000000000000004").unwrap();
    assert_eq!(boost.kind, PostKind::Repost);
    assert!(boost.metrics.is_empty());
    assert_eq!(r.date_to.as_deref(), Some("2024-10-04"));
    a.id
}

#[test]
fn a_mastodon_archive_as_zip_then_as_tar_gz_then_the_following_csv() {
    let env = Env::new();
    let z = env.path("archive-20241005091500-0123456789abcdef0123456789abcdef.zip");
    let outbox_new = outbox(false);
    zip(
        &z,
        &[
            ("actor.json", ACTOR.as_bytes()),
            ("outbox.json", outbox_new.as_bytes()),
            (
                "likes.json",
                br#"{"id": "likes.json", "type": "OrderedCollection", "orderedItems": ["https://x/statuses/1"]}"#,
            ),
            ("bookmarks.json", br#"{"id": "bookmarks.json", "type": "OrderedCollection", "orderedItems": []}"#),
            ("avatar.png", b"\x89PNG\r\n\x1a\nxxxx"),
            ("media_attachments/files/1/original/a.png", b"\x89PNG\r\n\x1a\nxxxx"),
        ],
    );
    let r = env.import(&z, &ImportOptions::default()).unwrap();
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let id = check_archive(&env, &r);
    let list = env.store.read(|c| posts::list(c, id)).unwrap();
    let counted = list.iter().find(|p| p.metrics.likes.is_some()).unwrap();
    assert_eq!(counted.observed_on.as_deref(), Some("2024-10-05"), "numbers dated by the archive's name");

    // The older .tar.gz of the same account (with LD signatures) adds nothing new.
    let t = env.path("archive-20230105091500-fedcba9876543210fedcba9876543210.tar.gz");
    let outbox_old = outbox(true);
    tar_gz(
        &t,
        &[
            ("actor.json", ACTOR.as_bytes()),
            ("outbox.json", outbox_old.as_bytes()),
            ("media_attachments/files/2/original/b.mp4", b"\0\0\0\x18ftypmp42"),
        ],
    );
    let r2 = env.import(&t, &ImportOptions::default()).unwrap();
    assert_eq!(r2.accounts[0].id, id);
    assert_eq!(r2.counts.posts_new, 0);
    check_archive(&env, &r2);

    // following_accounts.csv names no owner: it goes to the only Mastodon account.
    let f = env.path("following_accounts.csv");
    std::fs::write(&f, "Account address,Show boosts,Notify on new posts,Languages\nfriend@mastodon.social,true,false,\nart@piaille.fr,true,true,\"fr,en\"\n").unwrap();
    let r3 = env.import(&f, &ImportOptions::default()).unwrap();
    assert_eq!((r3.accounts[0].id, r3.counts.following), (id, 2));
}

#[test]
fn a_mastodon_archive_on_the_empty_store_via_tar_gz_alone() {
    let env = Env::new();
    let t = env.path("archive-20241005091500-0123456789abcdef0123456789abcdef.tar.gz");
    let outbox_old = outbox(true);
    tar_gz(&t, &[("./actor.json", ACTOR.as_bytes()), ("./outbox.json", outbox_old.as_bytes())]);
    let r = env.import(&t, &ImportOptions::default()).unwrap();
    check_archive(&env, &r);
}

#[test]
fn hostile_tar_gz_entries_are_refused_and_change_nothing() {
    let env = Env::new();
    let before = env.fingerprint();
    // A symlink out of the archive.
    let p = env.path("archive-20241005091500-aaaa.tar.gz");
    {
        let f = std::fs::File::create(&p).unwrap();
        let gz = flate2::write::GzEncoder::new(f, flate2::Compression::default());
        let mut b = tar::Builder::new(gz);
        let mut h = tar::Header::new_gnu();
        h.set_entry_type(tar::EntryType::Symlink);
        h.set_size(0);
        h.set_cksum();
        b.append_link(&mut h, "outbox.json", "/etc/passwd").unwrap();
        b.into_inner().unwrap().finish().unwrap();
    }
    let err = env.import(&p, &ImportOptions::default()).unwrap_err();
    assert!(matches!(&err, Error::Import(e) if matches!(e.kind, ImportErrorKind::UnsafeEntry { .. })), "{err}");

    // A path climbing out of the archive (written raw: the tar builder refuses such names).
    let p2 = env.path("archive-20241005091500-bbbb.tar.gz");
    {
        let mut header = [0u8; 512];
        let name = b"../../outbox.json";
        header[..name.len()].copy_from_slice(name);
        header[100..107].copy_from_slice(b"0000644");
        header[124..135].copy_from_slice(b"00000000002");
        header[136..147].copy_from_slice(b"00000000000");
        header[156] = b'0';
        header[257..263].copy_from_slice(b"ustar\0");
        header[263..265].copy_from_slice(b"00");
        header[148..156].copy_from_slice(b"        ");
        let sum: u32 = header.iter().map(|b| *b as u32).sum();
        header[148..155].copy_from_slice(format!("{sum:06o}\0").as_bytes());
        let mut raw = header.to_vec();
        let mut data = [0u8; 512];
        data[..2].copy_from_slice(b"{}");
        raw.extend_from_slice(&data);
        raw.extend_from_slice(&[0u8; 1024]);
        let f = std::fs::File::create(&p2).unwrap();
        let mut gz = flate2::write::GzEncoder::new(f, flate2::Compression::default());
        gz.write_all(&raw).unwrap();
        gz.finish().unwrap();
    }
    let err = env.import(&p2, &ImportOptions::default()).unwrap_err();
    assert!(matches!(&err, Error::Import(e) if matches!(e.kind, ImportErrorKind::UnsafeEntry { .. })), "{err}");

    // A gzip bomb: a tiny file that inflates far beyond the ratio cap.
    let p3 = env.path("archive-20241005091500-cccc.tar.gz");
    {
        let f = std::fs::File::create(&p3).unwrap();
        let gz = flate2::write::GzEncoder::new(f, flate2::Compression::best());
        let mut b = tar::Builder::new(gz);
        let size = 100u64 << 20;
        let mut h = tar::Header::new_gnu();
        h.set_size(size);
        h.set_mode(0o644);
        h.set_cksum();
        b.append_data(&mut h, "outbox.json", std::io::repeat(b' ').take(size)).unwrap();
        b.into_inner().unwrap().finish().unwrap();
    }
    assert!(std::fs::metadata(&p3).unwrap().len() < 2 << 20, "the bomb is small");
    let err = env.import(&p3, &ImportOptions::default()).unwrap_err();
    assert!(matches!(&err, Error::Import(e) if matches!(e.kind, ImportErrorKind::TooLarge { .. })), "{err}");
    assert_eq!(env.fingerprint(), before);
}

use std::io::Read as _;
