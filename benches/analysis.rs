//! Analysis and chart benchmark (`cargo bench --bench analysis`): a store of 10 accounts × 5 years
//! of daily follower history and 50,000 posts with metrics. Times `summary` for all accounts, the
//! full analysis of one account, and the growth chart of all accounts (SVG and PNG), each the
//! median of several runs, beside a same-run baseline: reading the same rows with plain SELECTs
//! (the I/O floor any implementation pays).

use resonance::Store;
use resonance::charts::{self, ChartOptions};
use rusqlite::params;
use std::time::{Duration, Instant};

const ACCOUNTS: i64 = 10;
const DAYS: i64 = 5 * 365;
const POSTS: i64 = 50_000;

fn median_time(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut t: Vec<Duration> = (0..runs)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed()
        })
        .collect();
    t.sort();
    t[runs / 2]
}

fn build(store: &Store) {
    store
        .write(|tx| {
            let mut rng = 0x2545_F491_4F6C_DD1Du64;
            let mut next = move || {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                rng
            };
            let start = chrono::NaiveDate::from_ymd_opt(2021, 11, 1).unwrap();
            for a in 1..=ACCOUNTS {
                let role = if a % 2 == 0 { "pro" } else { "personal" };
                tx.execute(
                    "INSERT INTO accounts (id, platform, handle, role, created_at) VALUES (?1, 'x', ?2, ?3, '2021-11-01')",
                    params![a, format!("bench{a}"), role],
                )?;
                tx.execute("INSERT INTO imports (id, file_name, content_hash, format, imported_at, outcome) VALUES (?1, 'b', ?2, 'x', 'now', 'imported')", params![a, format!("h{a}")])?;
                let mut followers = 1000 * a;
                for d in 0..DAYS {
                    let day = (start + chrono::Duration::days(d)).format("%Y-%m-%d").to_string();
                    let gained = (next() % 20) as i64;
                    let lost = (next() % 6) as i64;
                    followers += gained - lost;
                    tx.execute(
                        "INSERT INTO follow_changes (account_id, day, gained, lost, import_id) VALUES (?1, ?2, ?3, ?4, ?1)",
                        params![a, day, gained, lost],
                    )?;
                    tx.execute(
                        "INSERT INTO daily_metrics (account_id, day, metric, value, import_id) VALUES (?1, ?2, 'impressions', ?3, ?1)",
                        params![a, day, (next() % 5000) as f64],
                    )?;
                }
                tx.execute(
                    "INSERT INTO audience_observations (account_id, observed_on, metric, value, source, import_id)
                     VALUES (?1, ?2, 'followers', ?3, 'export_snapshot', ?1)",
                    params![a, (start + chrono::Duration::days(DAYS)).format("%Y-%m-%d").to_string(), followers],
                )?;
            }
            for p in 0..POSTS {
                let a = p % ACCOUNTS + 1;
                let t = start.and_hms_opt(12, 0, 0).unwrap() + chrono::Duration::minutes(p * (DAYS * 24 * 60 / POSTS));
                tx.execute(
                    "INSERT INTO posts (id, account_id, platform_post_id, published_at, kind, text, import_id)
                     VALUES (?1, ?2, ?3, ?4, 'post', 'text of the post', ?2)",
                    params![p + 1, a, p.to_string(), t.format("%Y-%m-%dT%H:%M:%SZ").to_string()],
                )?;
                tx.execute(
                    "INSERT INTO post_metrics (post_id, observed_on, source, import_id, impressions, likes, replies, shares, saves)
                     VALUES (?1, '2026-11-01', 'bench', ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![p + 1, a, (next() % 10_000) as i64, (next() % 500) as i64, (next() % 30) as i64, (next() % 20) as i64, (next() % 40) as i64],
                )?;
            }
            Ok(())
        })
        .unwrap();
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("bench.db")).unwrap();
    let t0 = Instant::now();
    build(&store);
    println!(
        "analysis benchmark: {ACCOUNTS} accounts × {DAYS} days of daily history, {POSTS} posts (store built in {:.1} s)",
        t0.elapsed().as_secs_f64()
    );
    println!();

    let baseline = median_time(7, || {
        store
            .read(|c| {
                let mut n = 0i64;
                for sql in [
                    "SELECT day, gained, lost FROM follow_changes",
                    "SELECT observed_on, value FROM audience_observations",
                    "SELECT id, published_at, kind FROM posts",
                    "SELECT post_id, impressions, likes, replies, shares, saves FROM post_metrics",
                ] {
                    let mut s = c.prepare(sql)?;
                    let mut rows = s.query([])?;
                    while rows.next()?.is_some() {
                        n += 1;
                    }
                }
                assert!(n > 0);
                Ok(())
            })
            .unwrap();
    });
    let summary = median_time(7, || {
        let r = store.read(resonance::metrics::summary::all).unwrap();
        assert_eq!(r.len() as i64, ACCOUNTS);
    });
    let analysis = median_time(5, || {
        store.read(|c| resonance::metrics::analysis::analyse(c, 1, resonance::Lang::En, None)).unwrap();
    });
    let series = store.read(|c| charts::data::growth_series(c, &[], None, None)).unwrap();
    let points: usize = series.iter().map(|s| s.points.len()).sum();
    let opts = ChartOptions { width: 1000, height: 480, ..ChartOptions::default() };
    let svg = median_time(7, || {
        charts::growth::svg(&series, &opts).unwrap();
    });
    let png = median_time(5, || {
        charts::growth::png(&series, &opts).unwrap();
    });
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    // Every chart kind: reading its data from the store, then drawing it (SVG and PNG).
    let mut kinds = Vec::new();
    for kind in charts::kind::ChartKind::ALL {
        let req = charts::kind::ChartRequest { kind, accounts: Vec::new(), from: None, to: None };
        let mut data = None;
        let prep = median_time(3, || {
            data = Some(store.read(|c| charts::kind::data(c, &req, resonance::Lang::En)).unwrap());
        });
        let data = data.unwrap();
        let svg = median_time(5, || {
            charts::kind::draw(&data, &opts, charts::Format::Svg).unwrap();
        });
        let png = median_time(5, || {
            charts::kind::draw(&data, &opts, charts::Format::Png).unwrap();
        });
        kinds.push((kind.id(), prep, svg, png));
    }
    println!("| measure | time | target | baseline (plain SELECT of the rows) | ratio to baseline |");
    println!("|---|---|---|---|---|");
    println!(
        "| summary, all {ACCOUNTS} accounts | {:.1} ms | < 100 ms | {:.1} ms | {:.2}× |",
        ms(summary),
        ms(baseline),
        ms(summary) / ms(baseline)
    );
    println!("| full analysis of one account | {:.1} ms | | | |", ms(analysis));
    println!("| growth chart, {ACCOUNTS} accounts, {points} points, SVG | {:.1} ms | < 50 ms | | |", ms(svg));
    println!("| growth chart, same, PNG 1000×480 | {:.1} ms | < 50 ms | | |", ms(png));
    println!();
    println!(
        "| chart (all {ACCOUNTS} accounts; one-account charts: the first) | drawing, SVG | drawing, PNG 1000×480 | reading its data |"
    );
    println!("|---|---|---|---|");
    for (id, prep, svg, png) in kinds {
        println!("| {id} | {:.1} ms | {:.1} ms | {:.1} ms |", ms(svg), ms(png), ms(prep));
    }
}
