//! Writes the starting corpus of every fuzz target from what the repository already holds: the
//! demo exports (assets/demo: zips, CSVs, spreadsheets) and the string literals of the importer
//! tests (tests/*.rs), each routed to the targets whose detection recognises it.
//!
//! ```text
//! cargo run --manifest-path fuzz/Cargo.toml --example make_seeds -- fuzz/corpus
//! ```
//! Large files are cut to about 8 KB, JSON documents at an element boundary with their brackets
//! closed again, so that the seeds stay valid and the fuzzer stays fast.

use resonance::import::detect::{self, FileKind, Verdict};
use resonance::import::source::{Bundle, Input};
use resonance::model::Platform;
use resonance_fuzz::harness::{Target, stored_zip, tar_gz};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const CUT: usize = 8 * 1024;

fn main() {
    let out = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "fuzz/corpus".into()));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("repository root").to_path_buf();
    let mut seeds = Seeds { out, written: BTreeSet::new() };

    // 1. Every file of the demo exports, and the entries of its archives.
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for path in walk(&root.join("assets/demo")) {
        let bytes = std::fs::read(&path).expect("read a demo file");
        let name = path.file_name().expect("a name").to_string_lossy().into_owned();
        if name.ends_with(".zip") {
            if bytes.len() <= 64 * 1024 {
                seeds.add(Target::Archive, &[&[0u8][..], &bytes].concat());
            }
            let mut bundle = Bundle::open(&Input::path(&path)).expect("a demo archive");
            for e in bundle.entries.clone() {
                if detect::is_media(&e.path) {
                    continue;
                }
                if let Ok(b) = bundle.read_entry(&e, 64 << 20) {
                    files.push((e.path.clone(), b));
                }
            }
        } else if name != "manifest.json" {
            files.push((name, bytes));
        }
    }
    // 2. The string literals of the tests (fixture files written in code).
    let mut literals = Vec::new();
    for path in walk(&root.join("tests")) {
        if path.extension().is_some_and(|e| e == "rs") {
            literals.extend(string_literals(&std::fs::read_to_string(&path).expect("read a test")));
        }
    }
    literals.retain(|l| l.len() >= 16);
    literals.sort();
    literals.dedup();

    for (path, bytes) in &files {
        let body = cut(bytes);
        route(&mut seeds, Some(path), &body);
        seeds.add(Target::Detect, &[path.as_bytes(), b"\n", &body[..body.len().min(4096)]].concat());
    }
    for lit in &literals {
        let body = cut(lit.as_bytes());
        route(&mut seeds, None, &body);
    }
    // 3. Archives of a few kinds around small documents, for the archive reader.
    for (i, lit) in literals.iter().filter(|l| l.len() < 2048).take(40).enumerate() {
        let zip = stored_zip("data/tweets.js", lit.as_bytes());
        seeds.add(Target::Archive, &[&[0u8][..], &zip].concat());
        if i % 4 == 0 {
            seeds.add(Target::Archive, &[&[1u8][..], &tar_gz("outbox.json", lit.as_bytes())].concat());
        }
    }
    for (path, bytes) in &files {
        if path.ends_with(".xlsx") {
            seeds.add(Target::Archive, &[&[2u8][..], bytes].concat());
            seeds.add(Target::Linkedin, &[&[3u8][..], bytes].concat());
        }
    }
    eprintln!("{} seeds", seeds.written.len());
}

struct Seeds {
    out: PathBuf,
    written: BTreeSet<PathBuf>,
}

impl Seeds {
    fn add(&mut self, target: Target, data: &[u8]) {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        data.hash(&mut h);
        let dir = self.out.join(target.name());
        std::fs::create_dir_all(&dir).expect("corpus folder");
        let p = dir.join(format!("seed-{:016x}", h.finish()));
        std::fs::write(&p, data).expect("write a seed");
        self.written.insert(p);
    }
}

/// The importer target (and entry index) whose detection recognises `body`.
fn route(seeds: &mut Seeds, path: Option<&str>, body: &[u8]) {
    for target in Target::ALL {
        for (i, entry) in target.entries().iter().enumerate() {
            let base = entry.rsplit('/').next().unwrap_or(entry);
            if let Some(p) = path
                && !p.to_ascii_lowercase().ends_with(&base.to_ascii_lowercase())
                && !matches!(target, Target::MetaCsv | Target::Generic | Target::Tiktok | Target::Youtube)
            {
                continue;
            }
            let Verdict::Known(kind) = detect::classify(entry, body) else {
                if entry.ends_with(".xlsx") {
                    continue;
                }
                continue;
            };
            if family(kind) != target {
                continue;
            }
            let sel = i as u8;
            seeds.add(target, &[&[sel | 0x40][..], body].concat());
            seeds.add(target, &[&[sel | 0x80][..], body].concat());
            if target == Target::Mastodon {
                seeds.add(target, &[&[sel | 0xA0][..], body].concat());
            }
        }
    }
}

fn family(kind: FileKind) -> Target {
    match kind {
        FileKind::MetaContentCsv | FileKind::MetaDailyCsv | FileKind::FbContentCsv | FileKind::FbDailyCsv => {
            Target::MetaCsv
        }
        k => match k.platform() {
            Platform::Instagram => Target::Instagram,
            Platform::X => Target::X,
            Platform::Linkedin => Target::Linkedin,
            Platform::Tiktok => Target::Tiktok,
            Platform::Youtube => Target::Youtube,
            Platform::Mastodon => Target::Mastodon,
            _ => Target::Generic,
        },
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Keeps about the first 8 KB: text at a line end, JSON at an element boundary, closed again.
fn cut(bytes: &[u8]) -> Vec<u8> {
    if bytes.len() <= CUT {
        return bytes.to_vec();
    }
    let text = String::from_utf8_lossy(bytes);
    let json_start = text.find(['[', '{']).filter(|i| *i < 64);
    if let Some(start) = json_start {
        let mut stack: Vec<char> = Vec::new();
        let (mut in_str, mut esc) = (false, false);
        let mut best: Option<(usize, Vec<char>)> = None;
        for (i, c) in text.char_indices().skip_while(|(i, _)| *i < start) {
            if i > CUT && best.is_some() {
                break;
            }
            if in_str {
                match (esc, c) {
                    (true, _) => esc = false,
                    (false, '\\') => esc = true,
                    (false, '"') => in_str = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' => in_str = true,
                '{' | '[' => stack.push(c),
                '}' | ']' => {
                    stack.pop();
                    if !stack.is_empty() {
                        best = Some((i + 1, stack.clone()));
                    }
                }
                _ => {}
            }
        }
        if let Some((end, open)) = best {
            let mut s = text[..end].to_string();
            for c in open.iter().rev() {
                s.push(if *c == '{' { '}' } else { ']' });
            }
            return s.into_bytes();
        }
    }
    let end = text[..CUT.min(text.len())].rfind('\n').map(|i| i + 1).unwrap_or(CUT.min(text.len()));
    text.as_bytes()[..end].to_vec()
}

/// The contents of the string literals of a Rust source file (raw strings and plain strings with
/// their escapes resolved; `format!` placeholders are left as they are).
fn string_literals(src: &str) -> Vec<String> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if b[i] == b'\'' {
            // A char literal or a lifetime: skip a quoted quote.
            if b.get(i + 1) == Some(&b'"') && b.get(i + 2) == Some(&b'\'') {
                i += 3;
                continue;
            }
            i += 1;
            continue;
        }
        if b[i] == b'r'
            && (b.get(i + 1) == Some(&b'#') || b.get(i + 1) == Some(&b'"'))
            && (i == 0 || !is_ident(b[i - 1]))
        {
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&b'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) == Some(&b'"') {
                let close: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
                if let Some(end) = src[j + 1..].find(&close) {
                    out.push(src[j + 1..j + 1 + end].to_string());
                    i = j + 1 + end + close.len();
                    continue;
                }
            }
            i += 1;
            continue;
        }
        if b[i] == b'"' {
            let mut s = String::new();
            let mut j = i + 1;
            let chars: Vec<char> = src[j..].chars().take(200_000).collect();
            let mut k = 0;
            while k < chars.len() {
                let c = chars[k];
                if c == '"' {
                    break;
                }
                if c == '\\' {
                    k += 1;
                    match chars.get(k) {
                        Some('n') => s.push('\n'),
                        Some('r') => s.push('\r'),
                        Some('t') => s.push('\t'),
                        Some('0') => s.push('\0'),
                        Some('\\') => s.push('\\'),
                        Some('"') => s.push('"'),
                        Some('\'') => s.push('\''),
                        Some('\n') => {
                            while chars.get(k + 1).is_some_and(|c| c.is_whitespace()) {
                                k += 1;
                            }
                        }
                        Some('x') => {
                            let hex: String = chars[k + 1..(k + 3).min(chars.len())].iter().collect();
                            if let Ok(v) = u8::from_str_radix(&hex, 16) {
                                s.push(v as char);
                            }
                            k += 2;
                        }
                        Some('u') => {
                            let rest: String = chars[k + 1..].iter().take(10).collect();
                            if let Some(end) = rest.find('}') {
                                if let Some(c) = u32::from_str_radix(&rest[1..end], 16).ok().and_then(char::from_u32) {
                                    s.push(c);
                                }
                                k += end + 1;
                            }
                        }
                        Some(other) => s.push(*other),
                        None => {}
                    }
                    k += 1;
                    continue;
                }
                s.push(c);
                k += 1;
            }
            j += chars[..k.min(chars.len())].iter().map(|c| c.len_utf8()).sum::<usize>() + 1;
            out.push(s);
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}
