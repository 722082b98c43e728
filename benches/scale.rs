//! Scale benchmark (`cargo bench --bench scale`; the whole run with the app: scripts/bench-scale.sh).
//!
//! 1. Generates (examples/gen_scale.rs) one person's exports: 10 accounts × 10 years, 5,000,000
//!    follower identities and 200,000 posts in the platforms' formats, and imports them with the
//!    release CLI (`resonance import`, one process per file or folder as the app does), measuring
//!    wall time and peak memory of each import. Same-run baseline: the plain Python importer
//!    (bench/baseline_import.py) on the largest account's follower lists.
//! 2. Reports the database size (per million followers) and its rows.
//! 3. Times what every view of the app runs when it opens — the same core calls as each Tauri
//!    command (src-tauri/src/commands.rs), including drawing the SVG and serialising the answer to
//!    JSON — on that database and, alternately, on the demo database (the baseline), and reports
//!    medians, the ratio, and pass/fail against 100 ms. Nothing is asserted.
//!
//! Environment:
//! * `RESONANCE_SCALE_FACTOR` (default 1): sizes × factor, e.g. 0.02 for a quick look.
//! * `RESONANCE_SCALE_DIR`: where inputs and databases go (kept; default a temporary folder).
//!   With `RESONANCE_SCALE_REUSE=1`, existing inputs and an existing `scale.db` there are reused.
//! * `RESONANCE_SCALE_RUNS` (default 7): runs per view measure; `RESONANCE_SCALE_IMPORT_RUNS`
//!   (default 1): full imports alternated with the baseline.
//! * `RESONANCE_SCALE_ONLY`: only the view measures whose name contains this text.
//! * `RESONANCE_SCALE_AB=1`: also times every view on a copy of the scale database whose follower
//!   aggregates (migration 0004) are dropped, so that readers count the members themselves as
//!   before — the gain of that change, measured in the same run (alternating).

#[allow(dead_code)]
#[path = "../examples/gen_scale.rs"]
mod gen_scale;

use resonance::charts::kind::{self, ChartKind, ChartRequest};
use resonance::charts::{ChartOptions, Format};
use resonance::metrics::post_table::{PostQuery, PostSortKey};
use resonance::model::Platform;
use resonance::{Lang, Store, views};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn env_f64(name: &str, default: f64) -> f64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[derive(serde::Deserialize, Debug, Clone)]
struct Measure {
    seconds: f64,
    peak_kib: u64,
    status: i32,
    stderr: String,
}

/// Wall time and peak memory of a command, through bench/measure.py (its only child's rusage).
fn measure(cmd: &[&str]) -> Measure {
    let out = Command::new("python3").arg("bench/measure.py").args(cmd).output().expect("python3");
    let m: Measure = serde_json::from_slice(&out.stdout).expect("measure output");
    assert_eq!(m.status, 0, "{cmd:?} failed: {}", m.stderr);
    m
}

fn fresh(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

#[derive(serde::Deserialize)]
struct ManifestFile {
    file: String,
    role: String,
    platform: Option<String>,
    handle: Option<String>,
}

#[derive(serde::Deserialize)]
struct Manifest {
    followers: u64,
    posts: u64,
    files: Vec<ManifestFile>,
}

fn platform(p: &str) -> Platform {
    match p {
        "instagram" => Platform::Instagram,
        "x" => Platform::X,
        "linkedin" => Platform::Linkedin,
        other => panic!("platform {other} not in the generator"),
    }
}

/// Imports every manifest entry into a fresh `db`, one CLI process each. Returns (entry, measure).
fn import_all(bin: &str, input: &Path, manifest: &Manifest, db: &Path) -> Vec<(String, Measure)> {
    fresh(db);
    let mut out = Vec::new();
    for f in &manifest.files {
        let path = input.join(&f.file);
        let mut args: Vec<String> = vec![
            bin.into(),
            "--db".into(),
            db.display().to_string(),
            "import".into(),
            path.display().to_string(),
            "--role".into(),
            f.role.clone(),
        ];
        if let (Some(p), Some(h)) = (&f.platform, &f.handle) {
            let conn = rusqlite::Connection::open(db).unwrap();
            let id = resonance::store::accounts::find(&conn, platform(p), h).unwrap().expect("account imported first");
            args.extend(["--account".into(), id.to_string()]);
        }
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        out.push((f.file.clone(), measure(&refs)));
    }
    out
}

/// The Python baseline on the follower lists of the first Instagram folder (the largest account).
fn baseline(input: &Path, folder: &str, db: &Path) -> Measure {
    fresh(db);
    let dir = input.join(folder).join("connections/followers_and_following");
    let mut parts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("followers_")))
        .collect();
    parts.sort();
    let mut total = Measure { seconds: 0.0, peak_kib: 0, status: 0, stderr: String::new() };
    for p in parts {
        let m =
            measure(&["python3", "bench/baseline_import.py", db.to_str().unwrap(), "followers", p.to_str().unwrap()]);
        total.seconds += m.seconds;
        total.peak_kib = total.peak_kib.max(m.peak_kib);
    }
    total
}

/// What the measures need to know about a store.
struct Ctx {
    /// The account with the most followers, and the one with the most posts.
    largest: i64,
    most_posts: i64,
    ids: Vec<i64>,
}

fn ctx(store: &Store) -> Ctx {
    let list = store.read(resonance::store::accounts::list).unwrap();
    let largest = list.iter().max_by_key(|a| a.followers.unwrap_or(0)).unwrap().id;
    let most_posts = list.iter().max_by_key(|a| a.posts).unwrap().id;
    Ctx { largest, most_posts, ids: list.iter().map(|a| a.id).collect() }
}

/// The `chart` command: data, SVG, table, JSON answer. Returns the answer's size.
fn chart(store: &Store, kind: ChartKind, accounts: Vec<i64>, width: u32, height: u32) -> usize {
    let request = ChartRequest { kind, accounts, from: None, to: None };
    let options = ChartOptions { width, height, ..ChartOptions::default() };
    let data = views::chart_data(store, &request, Lang::En).unwrap();
    let svg = String::from_utf8(kind::draw(&data, &options, Format::Svg).unwrap()).unwrap_or_default();
    let table = kind::table(&data, Lang::En);
    serde_json::to_string(&(svg, table)).unwrap().len()
}

fn json<T: serde::Serialize>(v: resonance::Result<T>) -> usize {
    serde_json::to_string(&v.unwrap()).unwrap().len()
}

/// A kept result as the Tauri command answers it: taken out of its `Arc` (cloned while kept), serialised.
fn kept<T: serde::Serialize + Clone>(v: resonance::Result<std::sync::Arc<T>>) -> usize {
    json(v.map(std::sync::Arc::unwrap_or_clone))
}

type Run = Box<dyn Fn(&Store, &Ctx) -> usize>;

/// Every command a view runs when it opens (ui/src/views/*, ui/src/components/*), by view.
fn measures() -> Vec<(&'static str, &'static str, Run)> {
    let mut m: Vec<(&'static str, &'static str, Run)> = vec![
        ("start", "list_accounts", Box::new(|s, _| json(s.read(resonance::store::accounts::list)))),
        (
            "start",
            "app_info + get_settings",
            Box::new(|s, _| {
                let demo = resonance::demo::is_loaded(s).unwrap();
                let theme = s.read(|c| resonance::store::settings::get(c, "theme")).unwrap();
                usize::from(demo) + theme.map_or(0, |t| t.len())
            }),
        ),
        ("overview", "summary", Box::new(|s, _| kept(views::summary(s)))),
        ("overview", "insights", Box::new(|s, _| kept(views::insights(s, Lang::En)))),
        (
            "overview",
            "chart growth, card of the largest account (620×220)",
            Box::new(|s, c| chart(s, ChartKind::Growth, vec![c.largest], 620, 220)),
        ),
        (
            "overview",
            "chart growth, every account card (sum)",
            Box::new(|s, c| c.ids.iter().map(|&id| chart(s, ChartKind::Growth, vec![id], 620, 220)).sum()),
        ),
        (
            "growth/engagement/authenticity",
            "analyse_account, most followers",
            Box::new(|s, c| kept(views::analysis(s, c.largest, Lang::En))),
        ),
        (
            "growth/engagement/authenticity",
            "analyse_account, most posts",
            Box::new(|s, c| kept(views::analysis(s, c.most_posts, Lang::En))),
        ),
        (
            "authenticity",
            "list_annotations",
            Box::new(|s, c| json(s.read(|x| resonance::store::annotations::list(x, c.largest)))),
        ),
        ("compare", "compare (90 days)", Box::new(|s, _| kept(views::compare(s, 90)))),
        (
            "compare",
            "overlap (in compare, CLI overlap)",
            Box::new(|s, _| json(s.read(resonance::metrics::compare::overlap))),
        ),
        (
            "posts",
            "posts_page, most posts (newest first)",
            Box::new(|s, c| {
                let q = PostQuery { accounts: vec![c.most_posts], ..Default::default() };
                json(views::posts_page(s, &q))
            }),
        ),
        (
            "posts",
            "posts_page, every account, by genuine interactions",
            Box::new(|s, _| {
                let q = PostQuery { sort: PostSortKey::Genuine, ..Default::default() };
                json(views::posts_page(s, &q))
            }),
        ),
        (
            "posts",
            "posts_page, every account, caption search",
            Box::new(|s, _| {
                let q = PostQuery { text: "studio tour".into(), ..Default::default() };
                json(views::posts_page(s, &q))
            }),
        ),
        ("import", "list_imports", Box::new(|s, _| json(s.read(resonance::store::ledger::list)))),
    ];
    // Charts of one account, as the Growth and Engagement views ask for them.
    for kind in [ChartKind::Growth, ChartKind::Gains, ChartKind::Forecast] {
        m.push(("growth", kind.id(), Box::new(move |s, c| chart(s, kind, vec![c.largest], 1000, 340))));
    }
    for kind in [ChartKind::VanityGenuine, ChartKind::Posts, ChartKind::Mix, ChartKind::Heatmap, ChartKind::Completion]
    {
        m.push(("engagement", kind.id(), Box::new(move |s, c| chart(s, kind, vec![c.most_posts], 1000, 340))));
    }
    // Every chart kind over all accounts (Reports, Compare's pro-personal, Posts' scatter).
    for kind in ChartKind::ALL {
        m.push(("reports (all accounts)", kind.id(), Box::new(move |s, _| chart(s, kind, Vec::new(), 1000, 480))));
    }
    m
}

fn ms(s: f64) -> String {
    if s < 0.01 { format!("{:.2} ms", s * 1000.0) } else { format!("{:.0} ms", s * 1000.0) }
}

fn table_counts(db: &Path) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    [
        "accounts",
        "identities",
        "relation_members",
        "posts",
        "post_metrics",
        "audience_observations",
        "follow_changes",
        "daily_metrics",
    ]
    .iter()
    .map(|t| (t.to_string(), conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0)).unwrap()))
    .collect()
}

fn db_bytes(db: &Path) -> u64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
    drop(conn);
    ["", "-wal"].iter().map(|s| std::fs::metadata(format!("{}{s}", db.display())).map(|m| m.len()).unwrap_or(0)).sum()
}

fn main() {
    let factor = env_f64("RESONANCE_SCALE_FACTOR", 1.0);
    let runs = env_f64("RESONANCE_SCALE_RUNS", 7.0).max(1.0) as usize;
    let import_runs = env_f64("RESONANCE_SCALE_IMPORT_RUNS", 1.0).max(1.0) as usize;
    let reuse = std::env::var("RESONANCE_SCALE_REUSE").is_ok_and(|v| v == "1");
    let ab = std::env::var("RESONANCE_SCALE_AB").is_ok_and(|v| v == "1");
    let only = std::env::var("RESONANCE_SCALE_ONLY").ok();
    let tmp = tempfile::tempdir().unwrap();
    let root = std::env::var_os("RESONANCE_SCALE_DIR").map(PathBuf::from).unwrap_or_else(|| tmp.path().to_path_buf());
    let input = root.join("input");
    let db = root.join("scale.db");
    let demo_db = root.join("demo.db");
    let bin = env!("CARGO_BIN_EXE_resonance");
    println!("# Scale benchmark (factor {factor}, {runs} runs per view measure)");
    println!();

    // 1. Inputs.
    if !(reuse && input.join("manifest.json").exists()) {
        let _ = std::fs::remove_dir_all(&input);
        let t = Instant::now();
        let g = gen_scale::generate(&input, factor).unwrap();
        println!(
            "Generated {} follower identities and {} posts, {:.0} MB of exports, in {:.1} s.",
            g.followers,
            g.posts,
            g.bytes as f64 / 1e6,
            t.elapsed().as_secs_f64()
        );
    }
    let manifest: Manifest = serde_json::from_slice(&std::fs::read(input.join("manifest.json")).unwrap()).unwrap();
    let input_bytes = gen_scale::dir_size(&input);

    // 2. Import.
    if !(reuse && db.exists()) {
        let base_db = root.join("baseline.db");
        let mut runs_r: Vec<Vec<(String, Measure)>> = Vec::new();
        let mut runs_p: Vec<Measure> = Vec::new();
        for _ in 0..import_runs {
            runs_r.push(import_all(bin, &input, &manifest, &db));
            runs_p.push(baseline(&input, &manifest.files[0].file, &base_db));
        }
        fresh(&base_db);
        println!();
        println!(
            "## Import: {} files/folders, {:.0} MB, {} follower identities, {} posts ({import_runs} run(s), medians; peak = largest)",
            manifest.files.len(),
            input_bytes as f64 / 1e6,
            manifest.followers,
            manifest.posts
        );
        println!();
        println!("| file or folder | time | peak memory |");
        println!("|---|---|---|");
        for (i, f) in manifest.files.iter().enumerate() {
            let t = median(runs_r.iter().map(|r| r[i].1.seconds).collect());
            let p = runs_r.iter().map(|r| r[i].1.peak_kib).max().unwrap_or(0);
            println!("| {} | {t:.2} s | {:.0} MB |", f.file, p as f64 / 1024.0);
        }
        let total = median(runs_r.iter().map(|r| r.iter().map(|(_, m)| m.seconds).sum()).collect());
        let peak = runs_r.iter().flat_map(|r| r.iter().map(|(_, m)| m.peak_kib)).max().unwrap_or(0);
        println!("| **whole history** | **{total:.1} s** | **{:.0} MB** |", peak as f64 / 1024.0);
        let first = median(runs_r.iter().map(|r| r[0].1.seconds).collect());
        let ratio = median(runs_r.iter().zip(&runs_p).map(|(r, p)| p.seconds / r[0].1.seconds).collect());
        let p_time = median(runs_p.iter().map(|m| m.seconds).collect());
        let p_peak = runs_p.iter().map(|m| m.peak_kib).max().unwrap_or(0);
        println!();
        println!(
            "Baseline (same run): Python json + sqlite3.executemany on the follower lists of {}: {p_time:.2} s, \
             peak {:.0} MB; Resonance on the whole folder: {first:.2} s → speed ratio {ratio:.1}×.",
            manifest.files[0].file,
            p_peak as f64 / 1024.0
        );
    }
    let size = db_bytes(&db);
    let counts = table_counts(&db);
    let identities = counts.iter().find(|(t, _)| t == "identities").map_or(0, |c| c.1);
    println!();
    println!(
        "Database: {:.0} MB for {} identities → **{:.0} MB per million followers** (everything included: posts, history).",
        size as f64 / 1e6,
        identities,
        size as f64 / 1e6 / (identities.max(1) as f64 / 1e6)
    );
    println!("Rows: {}", counts.iter().map(|(t, n)| format!("{t} {n}")).collect::<Vec<_>>().join(", "));

    // 3. The demo database: the baseline of the view measures.
    fresh(&demo_db);
    let demo = Store::open(&demo_db).unwrap();
    let t = Instant::now();
    resonance::demo::load(&demo, Lang::En, &resonance::import::progress::Silent).unwrap();
    let demo_load = t.elapsed();
    let demo_counts = table_counts(&demo_db);
    println!(
        "Demo database (baseline): loaded in {:.2} s; {}",
        demo_load.as_secs_f64(),
        demo_counts.iter().map(|(t, n)| format!("{t} {n}")).collect::<Vec<_>>().join(", ")
    );

    // 4. Views.
    let big = Store::open(&db).unwrap();
    let (cb, cd) = (ctx(&big), ctx(&demo));
    // The same database without its follower aggregates (A/B of migration 0004).
    let live = ab.then(|| {
        let path = root.join("scale-live.db");
        fresh(&path);
        db_bytes(&db); // checkpointed: the main file is the whole database
        std::fs::copy(&db, &path).unwrap();
        let s = Store::open(&path).unwrap();
        s.write(|tx| Ok(tx.execute_batch("DELETE FROM relation_aggregates")?)).unwrap();
        s
    });
    println!();
    println!("## Views: each command a view runs on open, same core calls as the Tauri command, answer serialised");
    println!();
    println!(
        "Computed: with no result kept (`Store::forget` before each run: the first opening after a start or a change \
         of the data). Kept: the same call again, answered from the results kept until the data changes \
         (`resonance::views`)."
    );
    println!();
    let head = "| view | command | scale DB, computed (median) | first call | kept | demo DB, computed | ratio | \
                computed < 100 ms | kept < 100 ms |";
    if live.is_some() {
        println!("{head} without aggregates | gain |");
        println!("|---|---|---|---|---|---|---|---|---|---|---|");
    } else {
        println!("{head}");
        println!("|---|---|---|---|---|---|---|---|---|");
    }
    let mut worst: (f64, String) = (0.0, String::new());
    for (view, name, run) in measures() {
        if only.as_deref().is_some_and(|o| !name.contains(o) && !view.contains(o)) {
            continue;
        }
        let mut tb = Vec::new();
        let mut tk = Vec::new();
        let mut td = Vec::new();
        let mut tl = Vec::new();
        let mut ratios = Vec::new();
        let mut n = runs;
        let mut i = 0;
        while i < n {
            big.forget();
            let s = Instant::now();
            std::hint::black_box(run(&big, &cb));
            let b = s.elapsed().as_secs_f64();
            let s = Instant::now();
            std::hint::black_box(run(&big, &cb));
            tk.push(s.elapsed().as_secs_f64());
            demo.forget();
            let s = Instant::now();
            std::hint::black_box(run(&demo, &cd));
            let d = s.elapsed().as_secs_f64();
            if let Some(l) = &live {
                l.forget();
                let s = Instant::now();
                std::hint::black_box(run(l, &cb));
                tl.push(s.elapsed().as_secs_f64());
            }
            tb.push(b);
            td.push(d);
            ratios.push(b / d.max(1e-9));
            if i == 0 && b > 2.0 {
                n = n.min(3); // seconds-long measures: three runs are enough to see it
            }
            i += 1;
        }
        let first = tb[0];
        let (b, k, d) = (median(tb), median(tk), median(td));
        let ratio = median(ratios);
        if b > worst.0 && !name.contains("(sum)") {
            worst = (b, format!("{view}: {name}"));
        }
        let ab_cells = if tl.is_empty() {
            String::new()
        } else {
            let l = median(tl);
            format!(" {} | {:.1}× |", ms(l), l / b.max(1e-9))
        };
        let verdict = |t: f64| {
            if name.contains("(sum)") {
                "(several calls)"
            } else if t < 0.1 {
                "pass"
            } else {
                "**fail**"
            }
        };
        println!(
            "| {view} | {name} | {} | {} | {} | {} | {ratio:.0}× | {} | {} |{ab_cells}",
            ms(b),
            ms(first),
            ms(k),
            ms(d),
            verdict(b),
            verdict(k)
        );
    }
    println!();
    println!("Slowest: {} ({}, computed).", worst.1, ms(worst.0));

    // 5. Undoing an import (Import view): on copies, the import with the most followers and the
    // one with the most post numbers, against the same on the demo database.
    if only.as_deref().is_none_or(|o| "undo".contains(o)) {
        println!();
        println!("## Undo of an import (on a copy; the demo database's largest such import as the baseline)");
        println!();
        println!("| import | scale DB | demo DB |");
        println!("|---|---|---|");
        let undo = |src: &Path, name: &str, pick: &str| -> (String, f64) {
            let path = root.join(name);
            fresh(&path);
            db_bytes(src);
            std::fs::copy(src, &path).unwrap();
            let s = Store::open(&path).unwrap();
            let (id, file): (i64, String) =
                s.read(|c| Ok(c.query_row(pick, [], |r| Ok((r.get(0)?, r.get(1)?)))?)).unwrap();
            let t = Instant::now();
            s.write(|tx| resonance::store::manage::undo_import(tx, id)).unwrap();
            let took = t.elapsed().as_secs_f64();
            drop(s);
            fresh(&path);
            (file, took)
        };
        for (what, pick) in [
            (
                "most followers",
                "SELECT i.id, i.file_name FROM imports i JOIN relation_snapshots s ON s.import_id = i.id
                 ORDER BY s.member_count DESC LIMIT 1",
            ),
            (
                "most post numbers",
                "SELECT i.id, i.file_name FROM imports i JOIN post_metrics m ON m.import_id = i.id
                 GROUP BY i.id ORDER BY count(*) DESC LIMIT 1",
            ),
        ] {
            let (file, b) = undo(&db, "scale-undo.db", pick);
            let (_, d) = undo(&demo_db, "demo-undo.db", pick);
            println!("| {what}: {file} | {} | {} |", ms(b), ms(d));
        }
    }
}
