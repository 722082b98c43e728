//! Meta Business Suite exports: the per-post Content CSV (BOM, multi-line quoted captions,
//! `Date` = "Lifetime") and the daily metric CSVs (UTF-16LE with BOM and a `sep=,` line).

mod common;

use common::Env;
use resonance::import::ImportOptions;
use resonance::model::{PostKind, Role};
use resonance::store::posts;

const HEADER: &str = "\"Post ID\",\"Account ID\",\"Account username\",\"Account name\",Description,\"Duration (sec)\",\"Publish time\",Permalink,\"Post type\",\"Data comment\",Date,Views,Reach,Likes,Shares,Follows,Comments,Saves\n";

#[test]
fn the_content_export_gives_lifetime_numbers_per_post() {
    let env = Env::new();
    let p = env.path("Jun-01-2026_Jun-30-2026_17841400000000001.csv");
    let body = format!(
        "\u{feff}{HEADER}17960320052859139,17841400000000001,atelier.test,\"Atelier Test\",\"Première ligne\n\"\"citée\"\" ensuite\",0,\"06/03/2026 18:30\",https://www.instagram.com/p/DHpmj9euOPy/,\"IG carousel\",,\"Lifetime\",145,75,10,1,0,2,4\n\
17960320052859140,17841400000000001,atelier.test,\"Atelier Test\",\"Un reel\",21,\"06/20/2026 09:05\",https://www.instagram.com/reel/DHpmj9euOPz/,\"IG reel\",,\"Lifetime\",\"12,400\",8000,600,45,30,22,80\n"
    );
    std::fs::write(&p, body).unwrap();
    let r = env.import(&p, &ImportOptions::default()).unwrap();
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let a = &r.accounts[0];
    assert_eq!((a.handle.as_str(), a.role), ("atelier.test", Role::Pro));
    let list = env.store.read(|c| posts::list(c, a.id)).unwrap();
    assert_eq!(list.len(), 2);
    let carousel = list.iter().find(|p| p.platform_post_id == "17960320052859139").unwrap();
    assert_eq!(carousel.text.as_deref(), Some("Première ligne\n\"citée\" ensuite"));
    assert_eq!(carousel.published_at.as_deref(), Some("2026-06-03T18:30:00Z"));
    assert_eq!(
        (carousel.metrics.views, carousel.metrics.reach, carousel.metrics.saves),
        (Some(145), Some(75), Some(4))
    );
    assert_eq!(carousel.metrics.impressions, None);
    let reel = list.iter().find(|p| p.kind == PostKind::Reel).unwrap();
    assert_eq!((reel.metrics.views, reel.duration_s), (Some(12_400), Some(21.0)));
    assert_eq!(carousel.observed_on.as_deref(), Some("2026-06-30"), "dated by the end of the range in the name");
}

#[test]
fn the_daily_follows_export_in_utf16() {
    let env = Env::new();
    env.store
        .write(|tx| {
            tx.execute("INSERT INTO accounts (platform, handle, created_at) VALUES ('instagram', 'atelier.test', '2026-01-01')", [])?;
            Ok(())
        })
        .unwrap();
    let p = env.path("Follows.csv");
    let text = "sep=,\n\"Instagram follows\"\n\"Date\",\"Primary\"\n\"2026-08-01T00:00:00\",\"20\"\n\"2026-08-03T00:00:00\",\"7\"\n";
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    std::fs::write(&p, bytes).unwrap();
    let r = env.import(&p, &ImportOptions::default()).unwrap();
    assert_eq!(r.counts.follow_changes, 2, "sparse: days without follows are omitted");
    let gained: Vec<(String, i64)> = env
        .store
        .read(|c| {
            let mut s = c.prepare("SELECT day, gained FROM follow_changes ORDER BY day")?;
            let v = s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(v)
        })
        .unwrap();
    assert_eq!(gained, vec![("2026-08-01".into(), 20), ("2026-08-03".into(), 7)]);
}
