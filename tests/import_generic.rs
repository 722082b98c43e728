//! Any platform by CSV: the documented generic format (docs/generic-csv.md), and any CSV through
//! a column mapping (French headers, semicolons, day-first dates), with a clear error and nothing
//! written when the mapping lacks the date.

mod common;

use common::Env;
use resonance::error::{Error, ImportErrorKind};
use resonance::import::ImportOptions;
use resonance::import::generic::{self, ColumnMapping, GenericField, MappedColumn};
use resonance::import::source::Input;
use resonance::model::{AudienceMetric, Platform, PostKind};
use resonance::store::{audience, posts};

#[test]
fn the_generic_format_gives_an_audience_series_and_posts() {
    let env = Env::new();
    let p = env.path("threads-numbers.csv");
    std::fs::write(
        &p,
        "date,platform,account,followers,following,post_id,post_url,post_text,post_kind,views,likes,comments,shares,saves\n\
2026-05-01,other,camille.threads,1200,300,,,,,,,,,\n\
2026-05-02,other,camille.threads,1230,301,,,,,,,,,\n\
2026-05-02 18:30,other,camille.threads,,,t1,https://www.threads.net/@camille/post/t1,\"Bonjour, <b>monde</b>\",post,5400,210,33,12,\n\
2026-05-03,other,camille.threads,1228,,t2,,Un repost,repost,900,40,2,1,\n\
2026-05-04,other,camille.threads,,,,,,,700,,,,\n",
    )
    .unwrap();
    let r = env.import(&p, &ImportOptions::default()).unwrap();
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let a = &r.accounts[0];
    assert_eq!((a.platform, a.handle.as_str()), (Platform::Other, "camille.threads"));
    assert_eq!((r.counts.posts, r.counts.daily_metrics), (2, 1));
    let series: Vec<(String, i64)> = env
        .store
        .read(|c| audience::follower_series(c, a.id, AudienceMetric::Followers))
        .unwrap()
        .into_iter()
        .map(|p| (p.date.to_string(), p.followers))
        .collect();
    assert_eq!(series, vec![("2026-05-01".into(), 1200), ("2026-05-02".into(), 1230), ("2026-05-03".into(), 1228)]);
    let list = env.store.read(|c| posts::list(c, a.id)).unwrap();
    let t1 = list.iter().find(|p| p.platform_post_id == "t1").unwrap();
    assert_eq!(t1.published_at.as_deref(), Some("2026-05-02T18:30:00Z"));
    assert_eq!(t1.text.as_deref(), Some("Bonjour, <b>monde</b>"));
    assert_eq!((t1.metrics.views, t1.metrics.likes, t1.metrics.saves), (Some(5400), Some(210), None));
    let t2 = list.iter().find(|p| p.platform_post_id == "t2").unwrap();
    assert_eq!(t2.kind, PostKind::Repost);
    assert!(t2.metrics.is_empty(), "a repost's numbers are someone else's applause");
}

fn french_csv(env: &Env) -> std::path::PathBuf {
    let p = env.path("statistiques.csv");
    std::fs::write(
        &p,
        "Jour;Abonnés;Publication;J'aime;Commentaires\n\
03/04/2026;1 500;;;\n\
25/04/2026;1 620;https://example.org/p/1;88;12\n",
    )
    .unwrap();
    p
}

#[test]
fn a_preview_suggests_the_mapping_and_sees_day_first_dates() {
    let env = Env::new();
    let p = french_csv(&env);
    let pv = generic::preview(&Input::path(&p)).unwrap();
    assert_eq!(pv.headers, vec!["Jour", "Abonnés", "Publication", "J'aime", "Commentaires"]);
    assert_eq!(
        pv.suggested,
        vec![
            Some(GenericField::Date),
            Some(GenericField::Followers),
            None,
            Some(GenericField::Likes),
            Some(GenericField::Comments)
        ]
    );
    assert!(pv.day_first);
    assert_eq!(pv.rows.len(), 2);
    // Unmapped, such a file is not recognised (nothing is guessed).
    let err = env.import(&p, &ImportOptions::default()).unwrap_err();
    assert!(matches!(&err, Error::Import(e) if matches!(e.kind, ImportErrorKind::UnknownCsv { .. })), "{err}");
    assert!(err.to_string().contains("Jour;Abonnés"), "{err}");
}

#[test]
fn a_mapped_csv_imports_with_its_platform_and_handle() {
    let env = Env::new();
    let p = french_csv(&env);
    let col = |header: &str, field| MappedColumn { header: header.into(), field };
    let mapping = ColumnMapping {
        columns: vec![
            col("Jour", GenericField::Date),
            col("Abonnés", GenericField::Followers),
            col("Publication", GenericField::PostUrl),
            col("J'aime", GenericField::Likes),
            col("Commentaires", GenericField::Comments),
        ],
        platform: Platform::Tiktok,
        handle: Some("camille.creates".into()),
        day_first: true,
    };
    let r = env.import(&p, &ImportOptions { mapping: Some(mapping.clone()), ..Default::default() }).unwrap();
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let a = &r.accounts[0];
    assert_eq!((a.platform, a.handle.as_str()), (Platform::Tiktok, "camille.creates"));
    assert_eq!((r.date_from.as_deref(), r.date_to.as_deref()), (Some("2026-04-03"), Some("2026-04-25")));
    let list = env.store.read(|c| posts::list(c, a.id)).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!((list[0].metrics.likes, list[0].metrics.comments), (Some(88), Some(12)));
    assert_eq!(list[0].url.as_deref(), Some("https://example.org/p/1"));

    // A mapping without the date: a clear error naming the column, nothing written.
    let env2 = Env::new();
    let p2 = french_csv(&env2);
    let before = env2.fingerprint();
    let bad = ColumnMapping {
        columns: vec![col("Date", GenericField::Date), col("Abonnés", GenericField::Followers)],
        ..mapping
    };
    let err = env2.import(&p2, &ImportOptions { mapping: Some(bad), ..Default::default() }).unwrap_err();
    match &err {
        Error::Import(e) => {
            assert!(matches!(&e.kind, ImportErrorKind::MissingColumn { column, .. } if column == "Date"), "{err}");
            assert!(e.file.contains("statistiques.csv"));
            assert!(e.kind.localized(resonance::Lang::Fr).contains("la colonne « Date » manque"));
        }
        other => panic!("{other}"),
    }
    assert_eq!(env2.fingerprint(), before);
}
