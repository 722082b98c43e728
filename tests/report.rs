//! The report on the demo data: self-contained (nothing loaded from elsewhere), every chart inline,
//! a CSV behind every chart, imported text escaped.

use resonance::Store;
use resonance::import::progress::Silent;
use resonance::report::{ReportOptions, write};

#[test]
fn the_demo_report_is_self_contained_and_escapes_imported_text() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("r.db")).unwrap();
    resonance::demo::load(&store, resonance::Lang::Fr, &Silent).unwrap();
    // An owner's label with markup must come out as text.
    store.write(|tx| resonance::store::accounts::set_label(tx, 1, "<script>alert(1)</script>")).unwrap();
    let out = dir.path().join("report");
    let written =
        store.read(|c| write(c, &out, &ReportOptions { lang: resonance::Lang::Fr, from: None, to: None })).unwrap();
    let html = std::fs::read_to_string(&written.html).unwrap();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script"), "no script at all in the report");
    for remote in ["src=\"http", "src='http", "url(http", "@import"] {
        assert!(!html.contains(remote), "the report loads nothing from elsewhere ({remote})");
    }
    assert!(html.contains("Content-Security-Policy"));
    assert!(html.contains("L'audience est-elle réelle ?"), "French");
    // Every chart inline: 6 global charts and 4 per account.
    let svgs = html.matches("<svg").count();
    assert!(svgs >= 6 + 4 * 5, "{svgs} charts inline");
    for name in
        ["growth", "gains", "vanity-genuine", "posts", "mix", "completion", "heatmap", "pro-personal", "forecast"]
    {
        let csv = written
            .files
            .iter()
            .find(|f| f.to_string_lossy().contains(name) && f.extension().is_some_and(|e| e == "csv"));
        assert!(csv.is_some(), "a CSV behind the {name} chart");
    }
    let growth = std::fs::read_to_string(out.join("csv/growth.csv")).unwrap();
    assert!(growth.lines().count() > 100);
    assert!(out.join("charts/growth.png").exists());
}
