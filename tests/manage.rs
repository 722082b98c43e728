//! Undoing an import, merging and deleting accounts, backup and restore.

mod common;

use common::{Env, x_archive};
use resonance::import::ImportOptions;
use resonance::store::{accounts, manage};

#[test]
fn undoing_the_only_import_of_an_account_leaves_the_store_as_before() {
    let env = Env::new();
    let before = env.fingerprint();
    let zip = env.path("twitter-a.zip");
    x_archive(&zip, "2026-11-01T08:00:00.000Z", &["1", "2"]);
    let r = env.import(&zip, &ImportOptions::default()).unwrap();
    let undone = env.store.write(|tx| manage::undo_import(tx, r.import_id.unwrap())).unwrap();
    assert_eq!(undone.accounts_removed, 1);
    assert_eq!(undone.posts_removed, 4);
    assert_eq!(env.fingerprint(), before);
    // …and the same file can be imported again.
    let again = env.import(&zip, &ImportOptions::default()).unwrap();
    assert_eq!(again.status, resonance::import::ImportStatus::Imported);
}

#[test]
fn undoing_a_later_import_keeps_the_earlier_one() {
    let env = Env::new();
    let a = env.path("twitter-a.zip");
    x_archive(&a, "2026-05-01T08:00:00.000Z", &["1", "2", "3"]);
    let first = env.import(&a, &ImportOptions::default()).unwrap();
    let after_first = env.fingerprint();
    let b = env.path("twitter-b.zip");
    x_archive(&b, "2026-11-01T08:00:00.000Z", &["1", "2"]);
    let second = env.import(&b, &ImportOptions::default()).unwrap();
    env.store.write(|tx| manage::undo_import(tx, second.import_id.unwrap())).unwrap();
    assert_eq!(env.fingerprint(), after_first);
    let acc = env.store.read(|c| accounts::get(c, first.accounts[0].id)).unwrap();
    assert_eq!(acc.followers, Some(3));
}

#[test]
fn merging_two_accounts_keeps_every_post_and_person_once() {
    let env = Env::new();
    let a = env.path("twitter-a.zip");
    x_archive(&a, "2026-05-01T08:00:00.000Z", &["1", "2", "3"]);
    let ra = env.import(&a, &ImportOptions::default()).unwrap();
    let keep = ra.accounts[0].id;
    // A second account holding the same posts and some of the same followers.
    env.store
        .write(|tx| {
            tx.execute("UPDATE accounts SET handle = 'old-name', platform_user_id = NULL WHERE id = ?1", [keep])?;
            Ok(())
        })
        .unwrap();
    let b = env.path("twitter-b.zip");
    x_archive(&b, "2026-11-01T08:00:00.000Z", &["2", "3", "4"]);
    let rb = env.import(&b, &ImportOptions::default()).unwrap();
    let remove = rb.accounts[0].id;
    assert_ne!(keep, remove);
    // The removed account was followed live: its sync settings move to the kept one.
    env.store
        .write(|tx| {
            tx.execute(
                "UPDATE accounts SET instance_url = 'https://x.example', last_sync_at = '2026-11-02T08:00:00Z' WHERE id = ?1",
                [remove],
            )?;
            Ok(())
        })
        .unwrap();
    env.store.write(|tx| manage::merge_accounts(tx, keep, remove)).unwrap();
    let (url, at): (Option<String>, Option<String>) = env
        .store
        .read(|c| {
            Ok(c.query_row("SELECT instance_url, last_sync_at FROM accounts", [], |r| Ok((r.get(0)?, r.get(1)?)))?)
        })
        .unwrap();
    assert_eq!((url.as_deref(), at.as_deref()), (Some("https://x.example"), Some("2026-11-02T08:00:00Z")));
    let list = env.store.read(accounts::list).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].posts, 3, "the same posts are one post");
    assert_eq!(list[0].followers, Some(3), "the latest snapshot, moved over");
    let people: i64 =
        env.store.read(|c| Ok(c.query_row("SELECT count(*) FROM identities", [], |r| r.get(0))?)).unwrap();
    assert_eq!(people, 5, "followers 1-4 and the one followed account, each once");
    let bad = env.store.write(|tx| manage::merge_accounts(tx, keep, keep));
    assert!(bad.is_err());
}

#[test]
fn deleting_an_account_deletes_its_data() {
    let env = Env::new();
    let before = env.fingerprint();
    let a = env.path("twitter-a.zip");
    x_archive(&a, "2026-05-01T08:00:00.000Z", &["1", "2", "3"]);
    let r = env.import(&a, &ImportOptions::default()).unwrap();
    env.store.write(|tx| manage::delete_account(tx, r.accounts[0].id)).unwrap();
    let after: Vec<_> = env.fingerprint().into_iter().filter(|(t, _)| t != "imports").collect();
    let before: Vec<_> = before.into_iter().filter(|(t, _)| t != "imports").collect();
    assert_eq!(after, before);
}

#[test]
fn backup_and_restore_round_trip_while_the_store_is_open() {
    let env = Env::new();
    let a = env.path("twitter-a.zip");
    x_archive(&a, "2026-05-01T08:00:00.000Z", &["1", "2", "3"]);
    env.import(&a, &ImportOptions::default()).unwrap();
    let with_one = env.fingerprint();
    let backup = env.path("backup.db");
    env.store.backup_to(&backup).unwrap();
    let b = env.path("twitter-b.zip");
    x_archive(&b, "2026-11-01T08:00:00.000Z", &["1", "9"]);
    env.import(&b, &ImportOptions::default()).unwrap();
    assert_ne!(env.fingerprint(), with_one);
    let saved = manage::restore(&env.store, &backup).unwrap();
    assert_eq!(env.fingerprint(), with_one);
    assert!(saved.exists(), "what was there before the restore is kept");
    // Not a database, or someone else's: refused, nothing changed.
    let junk = env.path("junk.db");
    std::fs::write(&junk, b"hello").unwrap();
    assert!(manage::restore(&env.store, &junk).is_err());
    assert_eq!(env.fingerprint(), with_one);
}
