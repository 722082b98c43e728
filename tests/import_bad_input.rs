//! Bad input: each case gets a clear message naming the file and the problem, a non-zero CLI exit,
//! and the database exactly as it was.

mod common;

use common::{Env, x_archive, zip};
use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Runs the CLI against the env's database; returns (exit ok, stderr).
fn cli(env: &Env, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_resonance"))
        .arg("--db")
        .arg(env.path("resonance.db"))
        .arg("--lang")
        .arg("en")
        .args(args)
        .output()
        .unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Imports `file` through the CLI after a good import, and checks the refusal.
fn refused(env: &Env, file: &Path, code_fragment: &str, message_fragments: &[&str]) {
    let before = env.fingerprint();
    let t0 = Instant::now();
    let (ok, stderr) = cli(env, &["import", file.to_str().unwrap()]);
    assert!(!ok, "{} should be refused", file.display());
    let name = file.file_name().unwrap().to_string_lossy();
    assert!(stderr.contains(&*name), "the message names the file: {stderr}");
    for f in message_fragments {
        assert!(stderr.contains(f), "expected {f:?} in: {stderr}");
    }
    assert!(t0.elapsed() < Duration::from_secs(60), "bounded time");
    assert_eq!(env.fingerprint(), before, "the database is exactly as it was");
    // And the same with --json: a structured error with its stable code.
    let out = Command::new(env!("CARGO_BIN_EXE_resonance"))
        .args(["--db", env.path("resonance.db").to_str().unwrap(), "--json", "import", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let payload: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(payload["code"], code_fragment, "{payload}");
}

fn env_with_data() -> Env {
    let env = Env::new();
    let z = env.path("twitter-2026-01-01-good.zip");
    x_archive(&z, "2026-01-01T08:00:00.000Z", &["1", "2"]);
    let (ok, err) = cli(&env, &["import", z.to_str().unwrap()]);
    assert!(ok, "{err}");
    env
}

#[test]
fn truncated_json() {
    let env = env_with_data();
    let p = env.path("instagram-trunc-2026-11-01-x.zip");
    zip(
        &p,
        &[(
            "connections/followers_and_following/followers_1.json",
            br#"[{"title": "", "media_list_data": [], "string_list_data": [{"href": "https://www.instagram.com/a", "value": "a", "timestamp": 17000"#,
        )],
    );
    refused(&env, &p, "import.truncated", &["ends too early"]);
}

#[test]
fn an_empty_file() {
    let env = env_with_data();
    let p = env.path("followers_1.json");
    std::fs::write(&p, b"").unwrap();
    refused(&env, &p, "import.empty", &["empty"]);
}

#[test]
fn a_png_named_json() {
    let env = env_with_data();
    let p = env.path("followers_1.json");
    std::fs::write(&p, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    refused(&env, &p, "import.not_recognised", &["PNG image"]);
}

#[test]
fn a_file_of_another_kind() {
    let env = env_with_data();
    let p = env.path("notes.csv");
    std::fs::write(&p, b"Name,Colour\nsky,blue\n").unwrap();
    // A table of unknown columns: the message offers the column mapping.
    refused(&env, &p, "import.unknown_csv", &["not from an export Resonance knows", "--map"]);
    let p = env.path("notes.txt");
    std::fs::write(&p, b"remember to post on Tuesday\n").unwrap();
    refused(&env, &p, "import.not_recognised", &["not an export Resonance can read"]);
}

#[test]
fn a_zip_entry_escaping_the_archive() {
    let env = env_with_data();
    let p = env.path("evil.zip");
    zip(&p, &[("data/account.js", b"window.YTD.account.part0 = []"), ("../../x", b"pwned")]);
    refused(&env, &p, "import.unsafe_entry", &["../../x"]);
    assert!(!env.dir.path().parent().unwrap().join("x").exists());
}

#[test]
fn a_zip_bomb() {
    let env = env_with_data();
    let p = env.path("instagram-bomb-2026-11-01-x.zip");
    {
        let f = std::fs::File::create(&p).unwrap();
        let mut z = zip::ZipWriter::new(f);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        z.start_file("connections/followers_and_following/followers_1.json", opts).unwrap();
        z.write_all(br#"[{"title": "", "string_list_data": [{"href": "h", "value": "a", "timestamp": 1}]}"#).unwrap();
        let spaces = vec![b' '; 1 << 20];
        for _ in 0..300 {
            z.write_all(&spaces).unwrap();
        }
        z.write_all(b"]").unwrap();
        z.finish().unwrap();
    }
    assert!(std::fs::metadata(&p).unwrap().len() < 2 << 20, "300 MB inflate from a tiny zip");
    refused(&env, &p, "import.too_large", &["safety limit"]);
}

#[test]
fn a_csv_with_a_broken_row_imports_the_rest_and_reports_the_line() {
    let env = Env::new();
    let p = env.path("Connections.csv");
    std::fs::write(
        &p,
        "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n\
First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
Ada,Lovelace,https://www.linkedin.com/in/ada,,Analytical Engines,Mathematician,30 Jan 2026\n\
Alan,Turing,https://www.linkedin.com/in/alan,,Bletchley,Cryptanalyst,not a date\n\
Grace,Hopper,https://www.linkedin.com/in/grace,,Navy,Admiral,12 Feb 2026\n",
    )
    .unwrap();
    // A Connections.csv does not name its owner: with no LinkedIn account yet, it is refused…
    let (ok, err) = cli(&env, &["import", p.to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("does not say which LinkedIn account"), "{err}");
    // …and with one, the good rows import and the broken one is reported by line.
    env.store
        .write(|tx| {
            tx.execute(
                "INSERT INTO accounts (platform, handle, created_at) VALUES ('linkedin', 'me', '2026-01-01')",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_resonance"))
        .args(["--db", env.path("resonance.db").to_str().unwrap(), "--lang", "en", "import", p.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Connections.csv, line 6: row skipped (unreadable date \"not a date\")"), "{stderr}");
    let connections: i64 =
        env.store.read(|c| Ok(c.query_row("SELECT member_count FROM relation_snapshots", [], |r| r.get(0))?)).unwrap();
    assert_eq!(connections, 2);
}

#[test]
fn a_huge_file_is_refused_quickly_without_reading_it_all() {
    let env = env_with_data();
    let p = env.path("followers_1.json");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(2 << 30).unwrap(); // 2 GB of zeros (sparse)
    drop(f);
    refused(&env, &p, "import.not_recognised", &["binary"]);
}

#[test]
fn french_messages() {
    let env = env_with_data();
    let p = env.path("vide.json");
    std::fs::write(&p, b"").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_resonance"))
        .args(["--db", env.path("resonance.db").to_str().unwrap(), "--lang", "fr", "import", p.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim(), "erreur : vide.json : le fichier est vide");
}
