//! Helpers shared by the integration tests: temporary stores and fixture exports built in code
//! from the format notes (never copied from real exports).
#![allow(dead_code)]

use resonance::Store;
use resonance::import::progress::Silent;
use resonance::import::source::Input;
use resonance::import::{self, ImportOptions, ImportReport};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

pub struct Env {
    pub dir: tempfile::TempDir,
    pub store: Store,
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("resonance.db")).unwrap();
        Env { dir, store }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn import(&self, path: &Path, opts: &ImportOptions) -> resonance::Result<ImportReport> {
        import::import(&self.store, &Input::path(path), opts, &Silent, &AtomicBool::new(false))
    }

    /// Row counts of every data table: "the database exactly as before" is these equal. Also
    /// checks that the derived `post_facts` agree with the observations (migration 0005), so every
    /// test that compares fingerprints checks the triggers too.
    pub fn fingerprint(&self) -> Vec<(String, i64)> {
        self.store
            .read(|c| {
                assert_eq!(resonance::store::posts::facts_out_of_date(c)?, 0, "post_facts out of date");
                let mut out = Vec::new();
                for t in [
                    "accounts",
                    "imports",
                    "audience_observations",
                    "follow_changes",
                    "identities",
                    "relation_snapshots",
                    "relation_members",
                    "posts",
                    "post_metrics",
                    "daily_metrics",
                ] {
                    let n: i64 = c.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?;
                    out.push((t.to_string(), n));
                }
                Ok(out)
            })
            .unwrap()
    }
}

/// Writes a zip with the given (path, bytes) entries.
pub fn zip(path: &Path, entries: &[(&str, &[u8])]) {
    let f = std::fs::File::create(path).unwrap();
    let mut z = zip::ZipWriter::new(f);
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        z.start_file(*name, opts).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap();
}

/// Meta's double encoding: every UTF-8 byte of non-ASCII text as its own \u00XX escape.
pub fn mojibake_json(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut b = [0u8; 4];
            for byte in c.encode_utf8(&mut b).bytes() {
                out.push_str(&format!("\\u00{byte:02x}"));
            }
        }
    }
    out
}

/// A small X archive: account, 2 tweets, 1 retweet of someone else, 1 reply, 3 followers.
pub fn x_archive(path: &Path, generated: &str, followers: &[&str]) {
    x_archive_ordered(path, generated, followers, false)
}

/// The same archive, with its entries in reverse order when `reverse` (a re-zipped copy).
pub fn x_archive_ordered(path: &Path, generated: &str, followers: &[&str], reverse: bool) {
    let account = r#"window.YTD.account.part0 = [ { "account" : { "email" : "a@example.org", "createdVia" : "web", "username" : "camtest", "accountId" : "1000", "createdAt" : "2015-06-23T13:04:14.000Z", "accountDisplayName" : "Cam Test" } } ]"#;
    let tweets = r#"window.YTD.tweets.part0 = [ {
  "tweet" : { "retweeted" : false, "favorite_count" : "8", "id_str" : "1626902980006932483", "id" : "1626902980006932483",
    "retweet_count" : "2", "created_at" : "Sat Feb 18 11:14:31 +0000 2023", "full_text" : "music update &amp; more", "lang" : "en" }
}, {
  "tweet" : { "retweeted" : false, "favorite_count" : "0", "id_str" : "1626902980006932999", "id" : "1626902980006932999",
    "retweet_count" : "1500", "created_at" : "Sat Feb 18 12:00:00 +0000 2023", "full_text" : "RT @famous: a viral thing…", "lang" : "en" }
}, {
  "tweet" : { "retweeted" : false, "favorite_count" : "3", "id_str" : "1627000000000000000", "id" : "1627000000000000000",
    "retweet_count" : "0", "created_at" : "Sun Feb 19 09:00:00 +0000 2023", "full_text" : "@friend so true",
    "in_reply_to_status_id_str" : "1626000000000000000", "in_reply_to_user_id_str" : "42", "in_reply_to_screen_name" : "friend" }
}, {
  "tweet" : { "retweeted" : false, "favorite_count" : "12", "id_str" : "1628000000000000000", "id" : "1628000000000000000",
    "retweet_count" : "4", "created_at" : "Mon Feb 20 09:00:00 +0000 2023", "full_text" : "a post of my own" }
} ]"#;
    let f: Vec<String> = followers
        .iter()
        .map(|id| format!(r#"{{ "follower" : {{ "accountId" : "{id}", "userLink" : "https://twitter.com/intent/user?user_id={id}" }} }}"#))
        .collect();
    let follower = format!("window.YTD.follower.part0 = [ {} ]", f.join(",\n"));
    let following = r#"window.YTD.following.part0 = [ { "following" : { "accountId" : "77", "userLink" : "https://twitter.com/intent/user?user_id=77" } } ]"#;
    let manifest_template = r#"window.__THAR_CONFIG = { "userInfo" : { "accountId" : "1000", "userName" : "camtest", "displayName" : "Cam Test" }, "archiveInfo" : { "sizeBytes" : "1000", "generationDate" : "GENERATED", "isPartialArchive" : false } }"#;
    let manifest = manifest_template.replace("GENERATED", generated);
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("data/manifest.js", manifest.as_bytes()),
        ("data/account.js", account.as_bytes()),
        ("data/tweets.js", tweets.as_bytes()),
        ("data/follower.js", follower.as_bytes()),
        ("data/following.js", following.as_bytes()),
        ("data/like.js", b"window.YTD.like.part0 = [ ]"),
        ("Your archive.html", b"<html><body>archive</body></html>"),
    ];
    if reverse {
        entries.reverse();
    }
    zip(path, &entries);
}
