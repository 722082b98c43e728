//! Import benchmark (`cargo bench --bench import`): an Instagram follower list of 1,000,000
//! entries and an X archive of 200,000 tweets, imported by `resonance import` and by the plain
//! Python baseline (`bench/baseline_import.py`: json + sqlite3.executemany) in the same run.
//! Reports wall time, peak memory and the ratio. Sizes can be lowered with
//! `RESONANCE_BENCH_FOLLOWERS` and `RESONANCE_BENCH_TWEETS` for a quick look.

use std::io::Write;
use std::path::Path;
use std::process::Command;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// A deterministic pseudo-random stream (xorshift), enough for handles and dates.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn write_followers(dir: &Path, n: usize) -> std::path::PathBuf {
    let folder = dir.join("instagram-bench.account-2026-11-01-Bench001");
    let conn = folder.join("connections/followers_and_following");
    std::fs::create_dir_all(&conn).unwrap();
    let pi = folder.join("personal_information/personal_information");
    std::fs::create_dir_all(&pi).unwrap();
    std::fs::write(
        pi.join("personal_information.json"),
        r#"{"profile_user": [{"string_map_data": {"Username": {"value": "bench.account"}, "Name": {"value": "Bench"}}}]}"#,
    )
    .unwrap();
    let mut f = std::io::BufWriter::new(std::fs::File::create(conn.join("followers_1.json")).unwrap());
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    f.write_all(b"[").unwrap();
    for i in 0..n {
        let ts = 1_500_000_000 + (i as u64 * 280) + rng.next() % 200;
        let name = format!("user_{:x}{}", rng.next() % 0xFFFF_FFFF, i);
        if i > 0 {
            f.write_all(b",\n").unwrap();
        }
        write!(
            f,
            r#"{{"title": "", "media_list_data": [], "string_list_data": [{{"href": "https://www.instagram.com/{name}", "value": "{name}", "timestamp": {ts}}}]}}"#
        )
        .unwrap();
    }
    f.write_all(b"]").unwrap();
    folder
}

fn write_tweets(dir: &Path, n: usize) -> std::path::PathBuf {
    let folder = dir.join("twitter-2026-11-01-bench");
    let data = folder.join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(
        data.join("account.js"),
        r#"window.YTD.account.part0 = [ { "account" : { "username" : "bench", "accountId" : "4242", "accountDisplayName" : "Bench" } } ]"#,
    )
    .unwrap();
    let mut f = std::io::BufWriter::new(std::fs::File::create(data.join("tweets.js")).unwrap());
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    f.write_all(b"window.YTD.tweets.part0 = [").unwrap();
    for i in 0..n {
        let secs = 1_300_000_000u64 + i as u64 * 1500;
        let id = ((secs * 1000 - 1_288_834_974_657) << 22) | (rng.next() & 0x3F_FFFF);
        let when = chrono::DateTime::from_timestamp(secs as i64, 0).unwrap().format("%a %b %d %H:%M:%S +0000 %Y");
        let likes = rng.next() % 500;
        let rts = rng.next() % 50;
        if i > 0 {
            f.write_all(b",").unwrap();
        }
        write!(
            f,
            r#"{{ "tweet" : {{ "edit_info" : {{ "initial" : {{ "editTweetIds" : [ "{id}" ], "editsRemaining" : "5", "isEditEligible" : false }} }}, "retweeted" : false, "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>", "entities" : {{ "hashtags" : [ ], "symbols" : [ ], "user_mentions" : [ ], "urls" : [ ] }}, "display_text_range" : [ "0", "90" ], "favorite_count" : "{likes}", "id_str" : "{id}", "truncated" : false, "retweet_count" : "{rts}", "id" : "{id}", "created_at" : "{when}", "favorited" : false, "full_text" : "Post number {i}: a thought about design, typography &amp; the craft of making things people use.", "lang" : "en" }} }}"#
        )
        .unwrap();
    }
    f.write_all(b"]").unwrap();
    folder
}

#[derive(serde::Deserialize, Debug)]
struct Measure {
    seconds: f64,
    peak_kib: u64,
    status: i32,
    stderr: String,
}

fn measure_once(cmd: &[&str]) -> Measure {
    let out = Command::new("python3").arg("bench/measure.py").args(cmd).output().expect("python3");
    let m: Measure = serde_json::from_slice(&out.stdout).expect("measure output");
    assert_eq!(m.status, 0, "{cmd:?} failed: {}", m.stderr);
    m
}

fn fresh(db: &std::path::Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
}

/// Runs the two commands alternately `runs` times (so that a slow spell of a shared machine hits
/// both), each into a fresh database. Returns the median of each time, the largest peak memory of
/// each, and the median of the per-pair ratios.
fn measure_pair(
    a: (&[&str], &std::path::Path),
    b: (&[&str], &std::path::Path),
    runs: usize,
) -> (Measure, Measure, f64) {
    let mut ra = Vec::new();
    let mut rb = Vec::new();
    let mut ratios = Vec::new();
    for _ in 0..runs {
        fresh(a.1);
        let x = measure_once(a.0);
        fresh(b.1);
        let y = measure_once(b.0);
        ratios.push(y.seconds / x.seconds);
        ra.push(x);
        rb.push(y);
    }
    let median = |mut v: Vec<Measure>| {
        let peak = v.iter().map(|m| m.peak_kib).max().unwrap_or(0);
        v.sort_by(|p, q| p.seconds.total_cmp(&q.seconds));
        let mut m = v.swap_remove(v.len() / 2);
        m.peak_kib = peak;
        m
    };
    ratios.sort_by(|p, q| p.total_cmp(q));
    (median(ra), median(rb), ratios[ratios.len() / 2])
}

fn main() {
    let followers = env_usize("RESONANCE_BENCH_FOLLOWERS", 1_000_000);
    let runs = env_usize("RESONANCE_BENCH_RUNS", 5).max(1);
    let tweets = env_usize("RESONANCE_BENCH_TWEETS", 200_000);
    let tmp = tempfile::tempdir().unwrap();
    // RESONANCE_BENCH_KEEP=DIR writes the inputs there and keeps them (for profiling).
    let keep = std::env::var_os("RESONANCE_BENCH_KEEP").map(std::path::PathBuf::from);
    let inputs = keep.clone().unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&inputs).unwrap();
    let bin = env!("CARGO_BIN_EXE_resonance");
    println!(
        "import benchmark: {followers} Instagram followers, {tweets} X tweets ({runs} alternating runs each; times are medians, the ratio the median of the per-run ratios)"
    );
    let ig = write_followers(&inputs, followers);
    let x = write_tweets(&inputs, tweets);
    let ig_file = ig.join("connections/followers_and_following/followers_1.json");
    let x_file = x.join("data/tweets.js");
    println!(
        "inputs: followers_1.json {:.0} MB, tweets.js {:.0} MB",
        std::fs::metadata(&ig_file).unwrap().len() as f64 / 1e6,
        std::fs::metadata(&x_file).unwrap().len() as f64 / 1e6
    );
    println!();
    println!("| input | Resonance | peak memory | Python baseline | peak memory | speed ratio |");
    println!("|---|---|---|---|---|---|");
    for (label, folder, file, kind) in
        [("Instagram, followers", &ig, &ig_file, "followers"), ("X, tweets", &x, &x_file, "tweets")]
    {
        let db_r = tmp.path().join(format!("r-{kind}.db"));
        let db_p = tmp.path().join(format!("p-{kind}.db"));
        let (r, p, ratio) = measure_pair(
            (&[bin, "--db", db_r.to_str().unwrap(), "import", folder.to_str().unwrap()], &db_r),
            (&["python3", "bench/baseline_import.py", db_p.to_str().unwrap(), kind, file.to_str().unwrap()], &db_p),
            runs,
        );
        println!(
            "| {label} | {:.2} s | {:.0} MB | {:.2} s | {:.0} MB | {:.1}x |",
            r.seconds,
            r.peak_kib as f64 / 1024.0,
            p.seconds,
            p.peak_kib as f64 / 1024.0,
            ratio
        );
        let size = std::fs::metadata(&db_r).unwrap().len() as f64 / 1e6;
        println!("|   database size (Resonance) | {size:.0} MB | | | | |");
    }
}
