//! Replays what fuzzing kept — the minimised corpus of every fuzz target and every input that once
//! crashed, hung or blew up memory — through exactly the code the fuzz targets run
//! (`fuzz/src/harness.rs`, included here), on stable Rust, in the normal `cargo test`.
//!
//! Files live in `tests/fixtures/fuzz/<target>/` (`<target>` as in `fuzz/fuzz_targets/`):
//! `crash-*`, `timeout-*` and `oom-*` are what the fuzzer found (each fixed, see
//! docs/security-fuzzing.md), everything else is the corpus. Each input must run without a panic,
//! each in bounded time. scripts/fuzz.sh seeds its runs from the same folders.

#[path = "../fuzz/src/harness.rs"]
#[allow(dead_code)]
mod harness;

use harness::{Harness, Target};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// One input, debug build, on a loaded CI machine (the slowest corpus input takes well under 1 s).
const PER_INPUT: Duration = Duration::from_secs(20);

fn inputs(target: Target) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz").join(target.name());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn replay(target: Target) {
    let files = inputs(target);
    assert!(!files.is_empty(), "no corpus for {}", target.name());
    let h = Harness::new();
    let mut slowest = (Duration::ZERO, PathBuf::new());
    for f in &files {
        let data = std::fs::read(f).expect("read a fuzz input");
        let start = Instant::now();
        // A panic here fails the test and names the file.
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| h.run(target, &data)));
        let took = start.elapsed();
        assert!(result.is_ok(), "{}: panicked (see above)", f.display());
        assert!(took < PER_INPUT, "{}: took {took:?}", f.display());
        if took > slowest.0 {
            slowest = (took, f.clone());
        }
    }
    eprintln!("{}: {} inputs, slowest {:?} ({})", target.name(), files.len(), slowest.0, slowest.1.display());
}

#[test]
fn every_target_has_a_committed_corpus() {
    for t in Target::ALL {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz").join(t.name());
        assert!(dir.is_dir(), "{} is missing", dir.display());
        let fuzz_target =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/fuzz_targets").join(format!("{}.rs", t.name()));
        assert!(fuzz_target.is_file(), "{} is missing", fuzz_target.display());
    }
}

#[test]
fn import_instagram() {
    replay(Target::Instagram);
}

#[test]
fn import_x() {
    replay(Target::X);
}

#[test]
fn import_linkedin() {
    replay(Target::Linkedin);
}

#[test]
fn import_meta_csv() {
    replay(Target::MetaCsv);
}

#[test]
fn import_tiktok() {
    replay(Target::Tiktok);
}

#[test]
fn import_youtube() {
    replay(Target::Youtube);
}

#[test]
fn import_mastodon() {
    replay(Target::Mastodon);
}

#[test]
fn import_generic() {
    replay(Target::Generic);
}

#[test]
fn detect() {
    replay(Target::Detect);
}

#[test]
fn archive() {
    replay(Target::Archive);
}
