//! Generates Resonance's demo dataset: the exports that Camille Laurent, a freelance brand designer
//! in Lyon, would download from Instagram, Meta Business Suite, X and LinkedIn, written in the
//! platforms' own file formats (see docs in `export-formats.md`), plus `manifest.json`, which lists
//! the files in import order.
//!
//! ```text
//! cargo run --release --example gen_demo -- assets/demo
//! ```
//!
//! Deterministic: one ChaCha8 generator seeded with 20261101 (forked per account in a fixed order),
//! ordered collections only, fixed zip entry timestamps. Two runs give byte-identical files.
//!
//! The story the data tells:
//! * Instagram `atelier.camille` (pro): followers grow fast (reels), likes rise, but comments,
//!   saves and shares per post decline. Planted: a purchase of 1,800 followers on 2026-03-14 (no
//!   post that day or the three days before; 35 % gone by the export) and a viral reel on
//!   2025-09-20 (~250k views, ~1,100 follows).
//! * Instagram `camille.lrnt` (personal): ~650 friends who comment a lot.
//! * X `camille_designs` (pro): replies per post decline; a purchase of 600 followers on
//!   2025-06-03 with no post within two days.
//! * X `camlrnt` (personal): a chatty account with ~420 followers.
//! * LinkedIn: healthy, steady engagement; followers 2,100 → 4,800 over two years.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Weekday};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};
use std::collections::{BTreeMap, BTreeSet};
use std::error::Error;
use std::fmt::Write as _;
use std::io::{Cursor, Write as _};
use std::path::{Path, PathBuf};

type Rg = ChaCha8Rng;
type Res<T> = Result<T, Box<dyn Error>>;

const SEED: u64 = 20261101;
const SUBDIRS: [&str; 5] =
    ["instagram-atelier.camille", "instagram-camille.lrnt", "x-camille_designs", "x-camlrnt", "linkedin"];

// ------------------------------------------------------------------------------------------------
// Dates and times
// ------------------------------------------------------------------------------------------------

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// Unix seconds of `d` at `h:mi:s` UTC.
fn at(d: NaiveDate, h: u32, mi: u32, s: u32) -> i64 {
    d.and_hms_opt(h, mi, s).expect("valid time").and_utc().timestamp()
}

fn day_of(t: i64) -> NaiveDate {
    DateTime::from_timestamp(t, 0).expect("valid timestamp").date_naive()
}

fn iso_ms(t: i64) -> String {
    DateTime::from_timestamp(t, 0).expect("valid timestamp").format("%Y-%m-%dT%H:%M:%S.000Z").to_string()
}

fn plus(d: NaiveDate, days: i64) -> NaiveDate {
    d + Duration::days(days)
}

fn last_sunday(y: i32, m: u32) -> NaiveDate {
    let first_next = if m == 12 { date(y + 1, 1, 1) } else { date(y, m + 1, 1) };
    let mut d = plus(first_next, -1);
    while d.weekday() != Weekday::Sun {
        d = plus(d, -1);
    }
    d
}

/// Lyon's UTC offset in hours on day `d` (CET/CEST).
fn paris_offset(d: NaiveDate) -> i64 {
    if d >= last_sunday(d.year(), 3) && d < last_sunday(d.year(), 10) { 2 } else { 1 }
}

/// Unix seconds of local (Lyon) time `secs` after midnight on `d`.
fn local(d: NaiveDate, secs: i64) -> i64 {
    at(d, 0, 0, 0) + secs - paris_offset(d) * 3600
}

/// Every day from `a` to `b`, both included.
fn span(a: NaiveDate, b: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut d = a;
    while d <= b {
        out.push(d);
        d = plus(d, 1);
    }
    out
}

/// Piecewise-linear value through dated knots.
fn knots(d: NaiveDate, k: &[(NaiveDate, f64)]) -> f64 {
    if d <= k[0].0 {
        return k[0].1;
    }
    for w in k.windows(2) {
        if d <= w[1].0 {
            let t = (d - w[0].0).num_days() as f64 / (w[1].0 - w[0].0).num_days().max(1) as f64;
            return w[0].1 + t * (w[1].1 - w[0].1);
        }
    }
    k[k.len() - 1].1
}

/// US `M/D/YYYY` (LinkedIn analytics).
fn us_date(d: NaiveDate) -> String {
    format!("{}/{}/{}", d.month(), d.day(), d.year())
}

/// `Sun, Sep 13, 2026` (X analytics).
fn x_date(d: NaiveDate) -> String {
    d.format("%a, %b %-d, %Y").to_string()
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

// ------------------------------------------------------------------------------------------------
// Randomness
// ------------------------------------------------------------------------------------------------

fn uf(r: &mut Rg) -> f64 {
    r.random::<f64>()
}

fn un(r: &mut Rg, a: f64, b: f64) -> f64 {
    a + (b - a) * uf(r)
}

fn normal(r: &mut Rg) -> f64 {
    let u1 = uf(r).max(1e-12);
    let u2 = uf(r);
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// Multiplicative noise with mean 1.
fn lognorm(r: &mut Rg, s: f64) -> f64 {
    (s * normal(r) - s * s / 2.0).exp()
}

fn expo(r: &mut Rg) -> f64 {
    -(uf(r).max(1e-12)).ln()
}

fn poisson(r: &mut Rg, lam: f64) -> u64 {
    if lam <= 0.0 {
        return 0;
    }
    if lam < 30.0 {
        let l = (-lam).exp();
        let mut k = 0u64;
        let mut p = 1.0;
        loop {
            p *= uf(r);
            if p <= l {
                return k;
            }
            k += 1;
        }
    }
    (lam + lam.sqrt() * normal(r)).round().max(0.0) as u64
}

fn chance(r: &mut Rg, p: f64) -> bool {
    uf(r) < p
}

fn pick<'a, T>(r: &mut Rg, xs: &'a [T]) -> &'a T {
    &xs[r.random_range(0..xs.len())]
}

fn weighted(r: &mut Rg, w: &[f64]) -> usize {
    let total: f64 = w.iter().sum();
    let mut x = uf(r) * total;
    for (i, v) in w.iter().enumerate() {
        if x < *v {
            return i;
        }
        x -= v;
    }
    w.len() - 1
}

/// `k` distinct indices drawn by weight.
fn choose_k(r: &mut Rg, k: usize, w: &[f64]) -> Vec<usize> {
    let mut w = w.to_vec();
    let mut out = Vec::new();
    for _ in 0..k.min(w.len()) {
        let i = weighted(r, &w);
        out.push(i);
        w[i] = 0.0;
    }
    out.sort_unstable();
    out
}

/// `n` digits, the first not zero.
fn digits(r: &mut Rg, n: usize) -> String {
    let mut s = String::new();
    s.push(char::from(b'1' + r.random_range(0..9u8)));
    for _ in 1..n {
        s.push(char::from(b'0' + r.random_range(0..10u8)));
    }
    s
}

fn from_alphabet(r: &mut Rg, alphabet: &[u8], n: usize) -> String {
    (0..n).map(|_| char::from(*pick(r, alphabet))).collect()
}

const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const LOWER_ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
const HEX: &[u8] = b"0123456789abcdef";
const B64URL: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Local time of day (seconds) drawn from 24 hourly weights.
fn time_of_day(r: &mut Rg, hours: &[f64; 24]) -> i64 {
    let h = weighted(r, hours) as i64;
    h * 3600 + r.random_range(0..3600)
}

const DIURNAL: [f64; 24] = [
    0.6, 0.3, 0.2, 0.1, 0.1, 0.2, 0.5, 1.0, 1.3, 1.2, 1.1, 1.2, 1.5, 1.4, 1.1, 1.0, 1.1, 1.3, 1.7, 2.0, 2.2, 2.1, 1.7,
    1.1,
];

// ------------------------------------------------------------------------------------------------
// People, handles, words
// ------------------------------------------------------------------------------------------------

const FIRST_F: &[&str] = &[
    "Léa",
    "Chloé",
    "Manon",
    "Emma",
    "Inès",
    "Jade",
    "Louise",
    "Zoé",
    "Lucie",
    "Sarah",
    "Clara",
    "Élise",
    "Margaux",
    "Juliette",
    "Anaïs",
    "Pauline",
    "Mathilde",
    "Océane",
    "Noémie",
    "Agathe",
    "Romane",
    "Hélène",
    "Gaëlle",
    "Maëlle",
    "Céline",
    "Joëlle",
    "Aurélie",
    "Marion",
    "Justine",
    "Elsa",
    "Alice",
    "Capucine",
    "Salomé",
    "Ambre",
    "Lou",
    "Marie-Claire",
    "Solène",
    "Bérénice",
    "Laure",
    "Fanny",
];
const FIRST_M: &[&str] = &[
    "Hugo",
    "Lucas",
    "Théo",
    "Louis",
    "Nathan",
    "Jules",
    "Arthur",
    "Maxime",
    "Antoine",
    "Thomas",
    "Paul",
    "Baptiste",
    "Quentin",
    "Julien",
    "Romain",
    "Nicolas",
    "Clément",
    "Mathis",
    "Bastien",
    "Aurélien",
    "Loïc",
    "Jérôme",
    "Benoît",
    "Gaël",
    "Adrien",
    "Simon",
    "Victor",
    "Étienne",
    "Raphaël",
    "Florian",
    "Jean-Baptiste",
    "Cyril",
    "Matthieu",
    "Rémi",
];
const FIRST_EU: &[&str] = &[
    "Sofia", "Giulia", "Marta", "Lena", "Jonas", "Lukas", "Ana", "Matteo", "Elena", "Nora", "Ingrid", "Pieter", "Sven",
    "Greta", "Tomás", "Inés", "Alba", "Mateusz", "Zofia", "Annika", "Emil", "Freya", "Luca", "Chiara", "Joana",
    "Tiago",
];
const LAST_FR: &[&str] = &[
    "Martin",
    "Bernard",
    "Dubois",
    "Moreau",
    "Lefèvre",
    "Girard",
    "Bonnet",
    "Dupont",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Vincent",
    "Muller",
    "Faure",
    "Mercier",
    "Blanc",
    "Guérin",
    "Boyer",
    "Garnier",
    "Chevalier",
    "Legrand",
    "Gauthier",
    "Perrin",
    "Robin",
    "Morin",
    "Roussel",
    "Mathieu",
    "Masson",
    "Marchand",
    "Duval",
    "Dumont",
    "Lemaire",
    "Noël",
    "Meyer",
    "Dufour",
    "Meunier",
    "Brun",
    "Blanchard",
    "Giraud",
    "Joly",
    "Rivière",
    "Brunet",
    "Gaillard",
    "Barbier",
    "Arnaud",
    "Roche",
    "Renard",
    "Schmitt",
    "Leroux",
    "Colin",
    "Vidal",
    "Caron",
    "Picard",
    "Fabre",
    "Aubert",
    "Lemoine",
    "Renaud",
    "Dumas",
    "Lacroix",
    "Bourgeois",
    "Rey",
    "Leclerc",
    "Rolland",
    "Guillot",
    "Hubert",
    "Berger",
    "Carpentier",
    "Moulin",
    "Deschamps",
    "Huet",
    "Vasseur",
    "Boucher",
    "Fleury",
    "Royer",
    "Klein",
    "Jacquet",
    "Poirier",
    "Marty",
    "Aubry",
    "Guyot",
    "Carré",
    "Renault",
    "Ménard",
    "Maillard",
    "Baron",
    "Bertin",
    "Bailly",
    "Hervé",
    "Le Gall",
    "Collet",
    "Léger",
    "Bouvier",
    "Prévost",
    "Millet",
    "Perrot",
    "Cousin",
    "Germain",
    "Besson",
    "Langlois",
    "Pelletier",
    "Lévêque",
    "Perrier",
    "Lebrun",
    "Weber",
    "Mallet",
    "Hamon",
    "Jacob",
    "Monnier",
    "Michaud",
    "Gillet",
    "Tessier",
    "Chauvin",
    "Bouchet",
    "Humbert",
    "Reynaud",
    "Perret",
    "Cordier",
    "Pichon",
    "Lejeune",
    "Lamy",
    "Delaunay",
    "Pasquier",
    "Laporte",
    "Da Silva",
    "Barthélemy",
    "Gimenez",
    "Benoît",
    "Chapuis",
    "Vial",
    "Bruyère",
];
const LAST_EU: &[&str] = &[
    "Rossi",
    "Bianchi",
    "Ferrari",
    "Schmidt",
    "Fischer",
    "Novak",
    "Jansen",
    "De Vries",
    "Kowalski",
    "García",
    "Silva",
    "Andersen",
    "Lindqvist",
    "Horváth",
    "Costa",
    "Moretti",
    "Peeters",
    "Claes",
    "Wagner",
    "Nowak",
    "Santos",
    "Berg",
];

/// A plausible invented person (first name, last name).
fn person(r: &mut Rg) -> (String, String) {
    if chance(r, 0.8) {
        let first = if chance(r, 0.62) { pick(r, FIRST_F) } else { pick(r, FIRST_M) };
        (first.to_string(), pick(r, LAST_FR).to_string())
    } else {
        (pick(r, FIRST_EU).to_string(), pick(r, LAST_EU).to_string())
    }
}

/// Lowercase ASCII letters and digits only (`Lefèvre` → `lefevre`).
fn fold(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let m = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ÿ' | 'ý' => 'y',
            'ß' => 's',
            c => c,
        };
        if m.is_ascii_alphanumeric() {
            out.push(m);
        }
    }
    out
}

/// Lowercase ASCII words joined by `-` (`Identité visuelle` → `identite-visuelle`).
fn slugify(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric()).map(fold).filter(|w| !w.is_empty()).collect::<Vec<_>>().join("-")
}

const HANDLE_WORDS: &[&str] = &[
    "design",
    "studio",
    "atelier",
    "graphisme",
    "illustration",
    "creative",
    "brand",
    "paper",
    "print",
    "type",
    "ceramique",
    "photo",
    "makes",
    "draws",
    "lyon",
    "paris",
    "bordeaux",
    "nantes",
    "lille",
    "marseille",
    "geneve",
    "bxl",
    "milano",
    "berlin",
    "lisboa",
    "wood",
    "plants",
    "coffee",
    "velo",
    "cuisine",
    "yoga",
    "mode",
    "vintage",
    "deco",
    "home",
    "letters",
    "ink",
    "collage",
    "pottery",
    "textile",
    "films",
    "travels",
    "bakes",
];
const BOT_WORDS: &[&str] = &[
    "fit", "life", "daily", "vibes", "travel", "glow", "style", "moto", "crypto", "cash", "promo", "boost", "insta",
    "gram", "lux", "beauty", "shop", "trend", "viral", "dream", "happy", "world", "love", "fashion", "gym", "followme",
];

/// Unique names on one platform.
#[derive(Default)]
struct Names {
    used: BTreeSet<String>,
}

impl Names {
    fn claim(&mut self, r: &mut Rg, base: String) -> String {
        let mut h = base.clone();
        while h.len() > 30 || !self.used.insert(h.to_lowercase()) {
            let cut: String = base.chars().take(24).collect();
            h = format!("{cut}{}", r.random_range(2..1000));
        }
        h
    }
}

fn ig_handle(r: &mut Rg, names: &mut Names) -> String {
    let (f, l) = person(r);
    let (f, l) = (fold(&f), fold(&l));
    let w = pick(r, HANDLE_WORDS);
    let base = match r.random_range(0..15) {
        0 | 1 => format!("{f}.{l}"),
        2 => format!("{f}_{l}"),
        3 => format!("{f}{l}"),
        4 => format!("{f}.{l}{}", r.random_range(1..99)),
        5 => format!("{f}.{w}"),
        6 => format!("{w}.{f}"),
        7 => format!("{f}_{w}"),
        8 => format!("{f}{}{}", &l[..1], r.random_range(10..999)),
        9 => format!("{l}.{f}"),
        10 => format!("studio.{l}"),
        11 => format!("{f}.{l}.{}", pick(r, &["design", "art", "photo", "studio", "creations"])),
        12 => format!("_{f}.{l}_"),
        13 => format!("{}{l}", &f[..1]),
        _ => format!("{f}{}", r.random_range(84..2006)),
    };
    names.claim(r, base)
}

fn bot_handle(r: &mut Rg, names: &mut Names) -> String {
    let w1 = pick(r, BOT_WORDS);
    let w2 = pick(r, BOT_WORDS);
    let base = match r.random_range(0..8) {
        0..=2 => format!("user{}", digits(r, 8)),
        3 => format!("{w1}.{w2}.{}", digits(r, 5)),
        4 => format!("{w1}_{w2}{}", digits(r, 4)),
        5 => {
            let (f, _) = person(r);
            format!("{}{}", fold(&f), digits(r, 8))
        }
        6 => format!("{w1}{w2}.{}", digits(r, 3)),
        _ => format!("{w1}.{w2}_{}", from_alphabet(r, LOWER_ALNUM, 4)),
    };
    names.claim(r, base)
}

// ------------------------------------------------------------------------------------------------
// JSON with control over layout and escaping (Meta's mojibake, X's `" : "` style)
// ------------------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum J {
    Bool(bool),
    Int(i64),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

fn js(s: impl Into<String>) -> J {
    J::Str(s.into())
}

fn ji(i: i64) -> J {
    J::Int(i)
}

fn ja(v: Vec<J>) -> J {
    J::Arr(v)
}

fn jo(pairs: Vec<(&str, J)>) -> J {
    J::Obj(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    /// Meta: `"key": value`, every UTF-8 byte of non-ASCII text as its own `\u00XX` escape.
    Meta,
    /// X archives: `"key" : value`, `[ ]` for empty arrays, UTF-8 as is.
    X,
    /// Plain pretty JSON (the manifest).
    Plain,
}

fn escape(out: &mut String, s: &str, style: Style) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c if !c.is_ascii() && style == Style::Meta => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(out, "\\u00{b:02x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn render(v: &J, style: Style, indent: usize, out: &mut String) {
    let pad = |n: usize| " ".repeat(n);
    match v {
        J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        J::Int(i) => {
            let _ = write!(out, "{i}");
        }
        J::Str(s) => escape(out, s, style),
        J::Arr(xs) if xs.is_empty() => out.push_str(if style == Style::X { "[ ]" } else { "[]" }),
        J::Arr(xs) => {
            out.push_str("[\n");
            for (i, x) in xs.iter().enumerate() {
                out.push_str(&pad(indent + 2));
                render(x, style, indent + 2, out);
                out.push_str(if i + 1 < xs.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(indent));
            out.push(']');
        }
        J::Obj(kv) if kv.is_empty() => out.push_str(if style == Style::X { "{ }" } else { "{}" }),
        J::Obj(kv) => {
            out.push_str("{\n");
            for (i, (k, x)) in kv.iter().enumerate() {
                out.push_str(&pad(indent + 2));
                escape(out, k, style);
                out.push_str(if style == Style::X { " : " } else { ": " });
                render(x, style, indent + 2, out);
                out.push_str(if i + 1 < kv.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(indent));
            out.push('}');
        }
    }
}

fn to_json(v: &J, style: Style) -> String {
    let mut s = String::new();
    render(v, style, 0, &mut s);
    s
}

fn meta_json(v: &J) -> Vec<u8> {
    to_json(v, Style::Meta).into_bytes()
}

/// `window.YTD.<name>.part<n> = [...]`
fn ytd(name: &str, part: usize, items: Vec<J>) -> Vec<u8> {
    format!("window.YTD.{name}.part{part} = {}", to_json(&ja(items), Style::X)).into_bytes()
}

// ------------------------------------------------------------------------------------------------
// Files: zips with fixed timestamps, CSV helpers
// ------------------------------------------------------------------------------------------------

type Files = Vec<(String, Vec<u8>)>;

fn make_zip(entries: &Files, when: NaiveDate, hour: u8, minute: u8) -> Res<Vec<u8>> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let dt =
        zip::DateTime::from_date_and_time(when.year() as u16, when.month() as u8, when.day() as u8, hour, minute, 0)
            .map_err(|e| format!("zip date: {e:?}"))?;
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(dt)
        .unix_permissions(0o644);
    for (name, data) in entries {
        w.start_file(name.as_str(), opts)?;
        w.write_all(data)?;
    }
    Ok(w.finish()?.into_inner())
}

fn csv_bytes(header: &[&str], rows: &[Vec<String>]) -> Res<Vec<u8>> {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    w.write_record(header)?;
    for row in rows {
        w.write_record(row)?;
    }
    Ok(w.into_inner().map_err(|e| format!("csv: {e}"))?)
}

fn put(out: &Path, rel: &str, bytes: &[u8]) -> Res<()> {
    let p = out.join(rel);
    if let Some(dir) = p.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&p, bytes)?;
    Ok(())
}

/// One entry of `manifest.json`.
struct Entry {
    file: String,
    role: &'static str,
    account: Option<(&'static str, &'static str)>,
}

// ------------------------------------------------------------------------------------------------
// Instagram: model
// ------------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ig {
    Image,
    Carousel,
    Reel,
}

/// Metric indexes in `IgPost::full`.
const V: usize = 0;
const REACH: usize = 1;
const LIKES: usize = 2;
const COMMENTS: usize = 3;
const SHARES: usize = 4;
const SAVES: usize = 5;
const VISITS: usize = 6;

struct IgPost {
    id: String,
    ts: i64,
    kind: Ig,
    caption: String,
    uris: Vec<String>,
    shortcode: String,
    duration: u32,
    /// Lifetime numbers once the post has run its course (views, reach, likes, comments, shares,
    /// saves, profile visits).
    full: [f64; 7],
    /// When each follow the post brought happened.
    follows: Vec<i64>,
}

#[derive(Clone, Copy)]
struct IgRep {
    m: [u64; 7],
    follows: u64,
}

/// Share of a post's lifetime numbers reached `age` seconds after publication.
fn growth(age: i64) -> f64 {
    let a = age as f64 / 86400.0;
    (1.0 - 0.8 * (-a / 1.2).exp() - 0.2 * (-a / 25.0).exp()).clamp(0.0, 1.0)
}

impl IgPost {
    fn report(&self, t: i64) -> IgRep {
        let g = growth(t - self.ts);
        let mut m = [0u64; 7];
        for (i, v) in self.full.iter().enumerate() {
            m[i] = (v * g).round() as u64;
        }
        // Reach never exceeds views, and the numbers only count what happened before `t`.
        m[REACH] = m[REACH].min(m[V]);
        IgRep { m, follows: self.follows.iter().filter(|&&f| f < t).count() as u64 }
    }

    fn is_video(&self) -> bool {
        self.kind == Ig::Reel
    }
}

struct Follower {
    handle: String,
    ts: i64,
    gone: Option<i64>,
}

impl Follower {
    fn present(&self, t: i64) -> bool {
        self.ts < t && self.gone.is_none_or(|g| g > t)
    }
}

struct IgAccount {
    handle: &'static str,
    name: &'static str,
    bio: &'static str,
    email: &'static str,
    website: &'static str,
    gender: &'static str,
    posts: Vec<IgPost>,
    stories: Vec<(i64, String)>,
    followers: Vec<Follower>,
    following: Vec<Follower>,
    likes_given: Vec<(String, String, i64)>,
    cities: [&'static str; 2],
    countries: [&'static str; 2],
}

impl IgAccount {
    fn followers_at(&self, t: i64) -> Vec<&Follower> {
        let mut v: Vec<&Follower> = self.followers.iter().filter(|f| f.present(t)).collect();
        v.sort_by(|a, b| b.ts.cmp(&a.ts).then_with(|| a.handle.cmp(&b.handle)));
        v
    }
}

/// Running follower count from follow and unfollow times.
struct Counter {
    starts: Vec<i64>,
    ends: Vec<i64>,
}

impl Counter {
    fn new(f: &[Follower]) -> Counter {
        let mut starts: Vec<i64> = f.iter().map(|x| x.ts).collect();
        let mut ends: Vec<i64> = f.iter().filter_map(|x| x.gone).collect();
        starts.sort_unstable();
        ends.sort_unstable();
        Counter { starts, ends }
    }
    fn at(&self, t: i64) -> f64 {
        (self.starts.partition_point(|&x| x < t) as i64 - self.ends.partition_point(|&x| x <= t) as i64) as f64
    }
}

fn media_id(r: &mut Rg, used: &mut BTreeSet<String>, year: i32) -> String {
    loop {
        let prefix = if year >= 2025 { "180" } else { "179" };
        let rest: String = (0..14).map(|_| char::from(b'0' + r.random_range(0..10u8))).collect();
        let id = format!("{prefix}{rest}");
        if used.insert(id.clone()) {
            return id;
        }
    }
}

fn ig_uri(r: &mut Rg, folder: &str, ts: i64, id: &str, ext: &str) -> String {
    let ym = day_of(ts).format("%Y%m");
    format!("media/{folder}/{ym}/{}_{}_{}_n_{id}.{ext}", digits(r, 9), digits(r, 15), digits(r, 19))
}

fn image_ext(ts: i64) -> &'static str {
    if day_of(ts).year() < 2022 { "jpg" } else { "webp" }
}

fn shortcode(r: &mut Rg, ts: i64) -> String {
    let first = match day_of(ts).year() {
        ..=2021 => 'B',
        2022..=2024 => 'C',
        _ => 'D',
    };
    format!("{first}{}", from_alphabet(r, B64URL, 10))
}

fn fill(template: &str, r: &mut Rg) -> String {
    let mut s = template.to_string();
    while let Some(i) = s.find("{c}") {
        let c = *pick(r, CLIENTS);
        s.replace_range(i..i + 3, c);
    }
    if s.contains("{pal}") {
        let pal = *pick(r, PALETTES);
        s = s.replace("{pal}", pal);
    }
    if s.contains("{tags}") {
        let tags = *pick(r, IG_TAGS);
        s = s.replace("{tags}", tags);
    }
    s
}

const CLIENTS: &[&str] = &[
    "Maison Olive",
    "Café Sillon",
    "Brasserie des Canuts",
    "Librairie Passage",
    "Atelier Rivière",
    "Fromagerie Bellecour",
    "Studio Fauve",
    "La Cave à Lulu",
    "Boulangerie Pain d'Épices",
    "Brume Cosmétiques",
    "Hôtel des Pentes",
    "Yoga Saône",
    "Argile & Co",
    "Vrac & Vous",
    "Domaine des Coteaux",
    "Torréfaction Nomade",
    "Pétale Fleuriste",
    "Chocolaterie Griotte",
    "Bistrot Mâchon",
    "Papeterie Lin",
    "Cidrerie Pomme d'Api",
    "Galerie Traboule",
];
const PALETTES: &[&str] =
    &["terracotta", "vert sauge", "bleu nuit & crème", "ocre", "rose poudré", "lie-de-vin", "moutarde"];
const IG_TAGS: &[&str] = &[
    "#branding #identitevisuelle #graphisme #lyon",
    "#logodesign #brandidentity #freelance",
    "#designgraphique #typographie #packaging",
    "#processcréatif #branddesigner #madeinlyon",
];
const IG_IMAGE: &[&str] = &[
    "Nouvelle identité pour {c} ✨\n\nUn logo tout en rondeur, une palette {pal} et une typo qui a du caractère.\n\n{tags}",
    "Détail du jour : le monogramme de {c}, gravé à chaud sur le packaging 🖤",
    "Palette {pal} pour {c} 🎨 Vous préférez la 1 ou la 2 ?",
    "Les cartes de visite de {c} sont arrivées 📬 Papier recyclé, dorure à chaud, bonheur total.",
    "Un lundi à l'atelier ☕️ Croquis, café et beaucoup trop d'onglets ouverts.",
    "Mockup ou vraie vie ? La vitrine de {c} 👀",
    "Le brief tenait en une phrase : \"faites-nous un logo qui sent le pain chaud\" 🥖\n\n{tags}",
    "« Less is more », sauf quand le client veut « plus de peps » 😅",
    "L'enseigne de {c} est posée 🙌 Merci pour la confiance !",
    "Nouvelle papeterie pour {c} 📎 Papier texturé, typo à empattements, et un petit clin d'œil dans le monogramme.",
    "Détail typographique du jour : les ligatures de {c} ✍️\n\n{tags}",
    "Sur le bureau aujourd'hui : nuancier, croquis et un thé qui refroidit 🍵",
    "Le nouveau logo de {c}, en situation ☕️",
];
const IG_CAROUSEL: &[&str] = &[
    "Du croquis au logo final : les étapes de l'identité de {c} 📐 Glissez →\n\n1. Le brief\n2. Les moodboards\n3. Les premières pistes\n4. Les itérations\n5. Le système complet\n\n{tags}",
    "3 erreurs fréquentes quand on crée son logo (et comment les éviter) 👇\n\n{tags}",
    "Avant / après : la refonte de {c} 🔁 Qu'en pensez-vous ?",
    "Mes 6 typos préférées du moment pour une marque « chaleureuse » ☕️ Enregistrez pour plus tard 📌",
    "Comment choisir sa palette de couleurs en 5 questions 🎨\n\n{tags}",
    "La charte graphique complète de {c}, page par page 📖",
    "Ce que contient vraiment un « pack identité » (spoiler : pas qu'un logo) 💡",
    "Packaging, étiquettes, papeterie : le système graphique de {c} en entier 🗂️\n\n{tags}",
];
const IG_REEL: &[&str] = &[
    "30 secondes pour transformer une esquisse en identité complète 🎬",
    "Une journée à l'atelier, en accéléré ☕️✏️",
    "POV : le client valide la première piste 🥹",
    "Le packaging de {c} prend vie 📦✨",
    "Comment je construis une grille de logo (tuto rapide) 📐 {tags}",
    "Unboxing des impressions pour {c} 🖨️",
    "Le « petit changement » de dernière minute… 🙃 #vieDeFreelance",
    "3 astuces typo en 20 secondes ✍️\n\n{tags}",
    "Mon process en 4 étapes, du brief au logo 🎬\n\n{tags}",
    "Ce que les clients voient vs ce que je vois 👀",
    "Test d'impression pour {c} : papier kraft ou papier coton ? 🖨️",
    "Les coulisses d'un shooting packaging 📸",
    "Timelapse : une illustration pour {c} ✏️",
    "Le son du papier qu'on découpe, c'est thérapeutique ✂️",
];
const IG_PERSONAL: &[&str] = &[
    "Dimanche au parc de la Tête d'Or 🌳",
    "Marché de la Croix-Rousse, toujours un bonheur 🍅",
    "Week-end à Annecy ☀️🏔️",
    "Anniversaire surprise réussi 🎂🥂",
    "Pique-nique sur les quais de Saône",
    "Fête des Lumières ✨",
    "Lisbonne, je reviendrai 💛",
    "Brunch du dimanche 🥞",
    "Rando dans le Vercors 🥾",
    "Concert aux Nuits de Fourvière 🎶",
    "Premier café en terrasse de l'année ☕️",
    "Nouvelle plante, nouvelle vie 🌿",
    "Soirée jeux chez les copains 🎲",
    "Vendanges en Beaujolais 🍇",
    "Coucher de soleil sur Fourvière 🌅",
    "Vélo le long du Rhône 🚲",
    "La mer, enfin 🌊",
    "Raclette party, saison ouverte 🧀",
    "Les copines ❤️",
    "Un peu de céramique ce week-end, soyez indulgents 😅",
];

// ------------------------------------------------------------------------------------------------
// Instagram: simulation
// ------------------------------------------------------------------------------------------------

/// Organic unfollow: with probability `p`, some time after following (mean `mean_days`).
fn churn(r: &mut Rg, t: i64, p: f64, mean_days: f64) -> Option<i64> {
    if chance(r, p) { Some(t + ((1.0 + expo(r) * mean_days) * 86400.0) as i64) } else { None }
}

const WEEK_WEIGHTS: [f64; 7] = [0.8, 1.2, 1.0, 1.2, 0.9, 0.7, 1.1];

fn ig_kind(r: &mut Rg, d: NaiveDate) -> Ig {
    let w: [f64; 3] = match d.year() {
        ..=2022 => [0.45, 0.55, 0.0],
        2023 => [0.35, 0.50, 0.15],
        2024 => [0.25, 0.45, 0.30],
        _ => [0.15, 0.35, 0.50],
    };
    [Ig::Image, Ig::Carousel, Ig::Reel][weighted(r, &w)]
}

fn ig_pro(r: &mut Rg) -> IgAccount {
    let start = date(2022, 3, 7);
    let end = date(2026, 10, 31);
    let horizon = at(date(2026, 11, 1), 7, 0, 0);
    let viral_day = date(2025, 9, 20);
    let buy_day = date(2026, 3, 14);
    let rate_k = [
        (start, 2.0),
        (date(2022, 12, 31), 3.5),
        (date(2023, 12, 31), 5.0),
        (date(2024, 10, 31), 8.0),
        (date(2025, 6, 30), 10.0),
        (date(2025, 10, 31), 12.5),
        (date(2026, 10, 31), 16.0),
    ];
    let rate = |d: NaiveDate| knots(d, &rate_k);

    // 1. When Camille posts: three times a week, less in August and at Christmas.
    let mut days = Vec::new();
    let mut monday = plus(start, -(start.weekday().num_days_from_monday() as i64));
    while monday <= end {
        let n = if monday.month() == 8 && (4..=17).contains(&monday.day()) {
            0
        } else if monday.month() == 12 && monday.day() >= 22 {
            1
        } else {
            3
        };
        for i in choose_k(r, n, &WEEK_WEIGHTS) {
            let d = plus(monday, i as i64);
            let quiet = d >= plus(buy_day, -3) && d <= buy_day;
            if d > start && d <= end && !quiet && d != viral_day {
                days.push(d);
            }
        }
        monday = plus(monday, 7);
    }
    days.push(viral_day);
    days.sort();
    days.dedup();

    // 2. The posts.
    let mut used_ids = BTreeSet::new();
    let mut posts = Vec::new();
    let hours: [f64; 24] = [
        0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.2, 0.5, 0.3, 0.3, 0.8, 1.2, 0.8, 0.3, 0.2, 0.4, 1.0, 1.5, 1.4, 0.8, 0.3,
        0.0, 0.0,
    ];
    for d in &days {
        let viral = *d == viral_day;
        let kind = if viral { Ig::Reel } else { ig_kind(r, *d) };
        let ts = if viral { local(*d, 8 * 3600 + 5 * 60 + 11) } else { local(*d, time_of_day(r, &hours)) };
        let caption = if viral {
            "J'ai redessiné le logo de la boulangerie de mon quartier… sans qu'on me le demande 🥐✨ Ils l'ont adopté !\n\n#branding #logodesign #avantapres #lyon".to_string()
        } else {
            let pool = match kind {
                Ig::Image => IG_IMAGE,
                Ig::Carousel => IG_CAROUSEL,
                Ig::Reel => IG_REEL,
            };
            let t = pick(r, pool);
            fill(t, r)
        };
        let id = media_id(r, &mut used_ids, d.year());
        let uris = match kind {
            Ig::Image => vec![ig_uri(r, "posts", ts, &id, image_ext(ts))],
            Ig::Reel => vec![ig_uri(r, "reels", ts, &id, "mp4")],
            Ig::Carousel => {
                let n = r.random_range(3..=8);
                let mut v = vec![ig_uri(r, "posts", ts, &id, image_ext(ts))];
                for _ in 1..n {
                    let other = media_id(r, &mut used_ids, d.year());
                    v.push(ig_uri(r, "posts", ts, &other, image_ext(ts)));
                }
                v
            }
        };
        let shortcode = shortcode(r, ts);
        let duration = if kind == Ig::Reel { if viral { 27 } else { r.random_range(7..46) } } else { 0 };
        posts.push(IgPost { id, ts, kind, caption, uris, shortcode, duration, full: [0.0; 7], follows: Vec::new() });
    }

    // 3. What the posts did, given the audience expected at the time (the simulation below
    //    lands within a few percent of it).
    let mut expected_f: BTreeMap<NaiveDate, f64> = BTreeMap::new();
    let mut running = 0.0;
    for d in span(start, end) {
        expected_f.insert(d, running);
        running += rate(d) * 0.95;
        if d == viral_day {
            running += 1000.0;
        } else if d == plus(viral_day, 1) {
            running += 260.0;
        } else if d == buy_day {
            running += 1500.0;
        }
    }
    let like_k = [(date(2022, 3, 1), 0.105), (date(2024, 11, 1), 0.09), (date(2026, 10, 31), 0.075)];
    let comment_k =
        [(date(2022, 3, 1), 26.0), (date(2024, 11, 1), 22.0), (date(2025, 6, 1), 16.0), (date(2026, 10, 31), 9.0)];
    let save_k = [(date(2022, 3, 1), 55.0), (date(2024, 11, 1), 48.0), (date(2026, 10, 31), 19.0)];
    let share_k = [(date(2022, 3, 1), 16.0), (date(2024, 11, 1), 15.0), (date(2026, 10, 31), 6.0)];
    for p in posts.iter_mut() {
        let d = day_of(p.ts);
        if d == viral_day {
            p.full = [251_384.0, 187_902.0, 13_870.0, 912.0, 4_037.0, 2_641.0, 6_420.0];
            continue;
        }
        let f = expected_f.get(&d).copied().unwrap_or(0.0).max(30.0);
        let (lo, hi) = match p.kind {
            Ig::Image => (0.24, 0.36),
            Ig::Carousel => (0.30, 0.44),
            Ig::Reel if d.year() >= 2025 => (0.7, 1.6),
            Ig::Reel => (0.45, 0.95),
        };
        let mut reach = f * un(r, lo, hi) * lognorm(r, 0.2);
        if chance(r, 0.04) {
            reach *= un(r, 1.6, 2.6);
        }
        let views = reach
            * match p.kind {
                Ig::Image => un(r, 1.2, 1.5),
                Ig::Carousel => un(r, 1.7, 2.4),
                Ig::Reel => un(r, 1.35, 1.9),
            };
        let (cm, sm, shm) = match p.kind {
            Ig::Image => (0.8, 0.45, 0.6),
            Ig::Carousel => (1.0, 1.0, 1.0),
            Ig::Reel => (0.7, 0.55, 1.3),
        };
        let likes = reach * knots(d, &like_k) * lognorm(r, 0.2);
        let comments = (knots(d, &comment_k) * cm * lognorm(r, 0.35)).min(reach * 0.06);
        let saves = (knots(d, &save_k) * sm * lognorm(r, 0.35)).min(reach * 0.08);
        let shares = (knots(d, &share_k) * shm * lognorm(r, 0.4)).min(reach * 0.04);
        p.full = [views, reach, likes, comments, shares, saves, 0.0];
    }

    // 4. Follows: most come from posts in the days after they go out, the rest from search and
    //    the profile. The viral reel brings ~1,100 at once. The purchase brings 1,800 at night.
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Src {
        Organic,
        Wave,
        Bot,
    }
    let mut events: Vec<(i64, Src)> = Vec::new();
    // What posts bring each month (the days each post "covers" until the next one), shared among
    // that month's posts by the accounts they reached.
    let mut months: BTreeMap<(i32, u32), (f64, Vec<usize>)> = BTreeMap::new();
    for i in 0..posts.len() {
        let d = day_of(posts[i].ts);
        if d == viral_day {
            continue;
        }
        let next = posts.get(i + 1).map(|p| day_of(p.ts)).unwrap_or(plus(end, 1));
        let window = (next - d).num_days().clamp(1, 4);
        let expected: f64 = (0..window).map(|k| rate(plus(d, k))).sum();
        let e = months.entry((d.year(), d.month())).or_insert((0.0, Vec::new()));
        e.0 += 0.62 * expected;
        e.1.push(i);
    }
    let mut quota = vec![0usize; posts.len()];
    for (target, idx) in months.values() {
        let w: Vec<f64> = idx
            .iter()
            .map(|&i| {
                let conversion = match posts[i].kind {
                    Ig::Image => 1.0,
                    Ig::Carousel => 1.25,
                    Ig::Reel => 0.55,
                };
                posts[i].full[REACH] * conversion * lognorm(r, 0.25)
            })
            .collect();
        let sum: f64 = w.iter().sum::<f64>().max(1.0);
        for (k, &i) in idx.iter().enumerate() {
            quota[i] = (target * w[k] / sum).round() as usize;
        }
    }
    for i in 0..posts.len() {
        let viral = day_of(posts[i].ts) == viral_day;
        let n = if viral { 1100 } else { quota[i] };
        let mean_h = if viral { 8.0 } else { 14.0 };
        for _ in 0..n {
            let delay = (expo(r) * mean_h * 3600.0).min(96.0 * 3600.0) as i64 + 60;
            let t = posts[i].ts + delay;
            if t < horizon {
                posts[i].follows.push(t);
                events.push((t, if viral { Src::Wave } else { Src::Organic }));
            }
        }
        posts[i].follows.sort_unstable();
    }
    for (offset, n) in [(1, 200), (2, 60)] {
        let d = plus(viral_day, offset);
        for _ in 0..n {
            events.push((at(d, 0, 0, 0) + time_of_day(r, &DIURNAL) - 3600, Src::Wave));
        }
    }
    for d in span(start, end) {
        let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        let n = poisson(r, 0.38 * rate(d) * if weekend { 1.1 } else { 0.96 });
        for _ in 0..n {
            events.push((local(d, time_of_day(r, &DIURNAL)), Src::Organic));
        }
    }
    let bot_from = at(buy_day, 3, 12, 0);
    let bot_to = at(buy_day, 6, 47, 0);
    for _ in 0..1800 {
        events.push((r.random_range(bot_from..bot_to), Src::Bot));
    }
    events.retain(|(t, _)| *t > at(start, 0, 0, 0) && *t < horizon);
    events.sort_by_key(|(t, s)| (*t, *s as u8));

    // 5. Who they are, and who leaves again.
    let mut names = Names::default();
    let mut followers = Vec::new();
    let mut bots = Vec::new();
    for (t, src) in &events {
        match src {
            Src::Bot => {
                bots.push(followers.len());
                followers.push(Follower { handle: bot_handle(r, &mut names), ts: *t, gone: None });
            }
            Src::Wave => {
                let gone = churn(r, *t, 0.15, 120.0);
                followers.push(Follower { handle: ig_handle(r, &mut names), ts: *t, gone });
            }
            Src::Organic => {
                let gone = churn(r, *t, 0.07, 160.0);
                followers.push(Follower { handle: ig_handle(r, &mut names), ts: *t, gone });
            }
        }
    }
    // 35 % of the bought followers are gone by the export (Instagram's clean-ups, dead accounts).
    let leaving = (bots.len() as f64 * 0.35).round() as usize;
    let mut order = bots.clone();
    for i in (1..order.len()).rev() {
        let j = r.random_range(0..=i);
        order.swap(i, j);
    }
    for &i in order.iter().take(leaving) {
        let days = (3.0 + expo(r) * 35.0).min(225.0);
        followers[i].gone = Some(followers[i].ts + (days * 86400.0) as i64);
    }
    // Uppercase usernames exist in old accounts.
    for i in [101usize, 2203, 7707] {
        if let Some(f) = followers.get_mut(i) {
            let mut c = f.handle.chars();
            if let Some(first) = c.next() {
                f.handle = first.to_uppercase().collect::<String>() + c.as_str();
            }
        }
    }

    for p in posts.iter_mut() {
        if day_of(p.ts) != viral_day {
            p.full[VISITS] = p.full[REACH] * 0.012 * lognorm(r, 0.3) + p.follows.len() as f64 * 3.0;
        }
    }

    // 6. Stories (in the 2025 layout only), accounts she follows, likes she gave.
    let mut stories = Vec::new();
    for d in span(date(2024, 1, 1), end) {
        if chance(r, 0.22) {
            let ts = local(d, time_of_day(r, &DIURNAL));
            let id = media_id(r, &mut used_ids, d.year());
            let ext = if chance(r, 0.4) { "mp4" } else { "jpg" };
            stories.push((ts, ig_uri(r, "stories", ts, &id, ext)));
        }
    }
    let following = following_list(r, &mut names, at(start, 10, 0, 0), horizon, 160, 0.11, 0.08);
    let likes_given = likes_list(r, &following, at(date(2025, 5, 1), 0, 0, 0), horizon, 160);

    IgAccount {
        handle: "atelier.camille",
        name: "Camille Laurent · Atelier",
        bio: "Brand designer indépendante à Lyon 🎨\nIdentités visuelles pour marques qui ont du cœur ✨\n📩 Projets : lien ci-dessous",
        email: "bonjour@atelier-camille.example",
        website: "https://www.behance.net/ateliercamille",
        gender: "Female",
        posts,
        stories,
        followers,
        following,
        likes_given,
        cities: [
            "Lyon, Auvergne-Rhône-Alpes: 21.4%, Paris, Île-de-France: 13.8%, Marseille, Provence-Alpes-Côte d'Azur: 3.2%, Bordeaux, Nouvelle-Aquitaine: 2.9%, Grenoble, Auvergne-Rhône-Alpes: 2.6%",
            "Lyon, Auvergne-Rhône-Alpes: 16.9%, Paris, Île-de-France: 11.2%, São Paulo, São Paulo: 3.4%, Marseille, Provence-Alpes-Côte d'Azur: 2.7%, Mumbai, Maharashtra: 2.5%",
        ],
        countries: [
            "France: 74.6%, Belgium: 5.2%, Switzerland: 4.1%, Canada: 2.8%, Italy: 1.9%",
            "France: 63.1%, Brazil: 6.4%, India: 5.9%, Belgium: 4.3%, Indonesia: 3.8%",
        ],
    }
}

/// Accounts the owner follows: a burst when the account starts, then a trickle; some unfollowed.
fn following_list(
    r: &mut Rg,
    names: &mut Names,
    from: i64,
    to: i64,
    burst: usize,
    per_day: f64,
    drop: f64,
) -> Vec<Follower> {
    let mut out = Vec::new();
    for _ in 0..burst {
        let ts = from + r.random_range(0..30 * 86400);
        out.push(Follower { handle: ig_handle(r, names), ts, gone: None });
    }
    for d in span(day_of(from), day_of(to)) {
        for _ in 0..poisson(r, per_day) {
            let ts = at(d, 0, 0, 0) + time_of_day(r, &DIURNAL);
            out.push(Follower { handle: ig_handle(r, names), ts, gone: None });
        }
    }
    for f in out.iter_mut() {
        if chance(r, drop) {
            let later = f.ts + ((5.0 + expo(r) * 300.0) * 86400.0) as i64;
            f.gone = (later < to).then_some(later);
        }
    }
    out.retain(|f| f.ts < to);
    out.sort_by_key(|x| std::cmp::Reverse(x.ts));
    out
}

/// Posts the owner liked (`liked_posts.json`, not used by Resonance).
fn likes_list(r: &mut Rg, following: &[Follower], from: i64, to: i64, n: usize) -> Vec<(String, String, i64)> {
    let mut out = Vec::new();
    for _ in 0..n {
        let who = &pick(r, following).handle;
        let ts = r.random_range(from..to);
        out.push((who.clone(), format!("https://www.instagram.com/p/{}/", shortcode(r, ts)), ts));
    }
    out.sort_by_key(|x| std::cmp::Reverse(x.2));
    out
}

fn ig_personal(r: &mut Rg) -> IgAccount {
    let start = date(2019, 2, 10);
    let end = date(2026, 10, 31);
    let horizon = at(date(2026, 11, 1), 7, 0, 0);
    let mut names = Names::default();

    // Posts: about once a week, mostly at the weekend.
    let mut used_ids = BTreeSet::new();
    let mut posts = Vec::new();
    let mut monday = plus(start, -(start.weekday().num_days_from_monday() as i64));
    let hours: [f64; 24] = [
        0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.2, 0.5, 0.8, 1.0, 1.2, 1.0, 0.8, 0.8, 0.9, 1.0, 1.2, 1.4, 1.5, 1.2,
        0.6, 0.2,
    ];
    while monday <= end {
        let n = if chance(r, 0.12) {
            0
        } else if chance(r, 0.08) {
            2
        } else {
            1
        };
        for i in choose_k(r, n, &[0.4, 0.4, 0.4, 0.5, 0.8, 1.6, 1.7]) {
            let d = plus(monday, i as i64);
            if d < start || d > end {
                continue;
            }
            let ts = local(d, time_of_day(r, &hours));
            let kind = if d.year() >= 2022 && chance(r, 0.1) {
                Ig::Reel
            } else if chance(r, 0.45) {
                Ig::Carousel
            } else {
                Ig::Image
            };
            let caption = pick(r, IG_PERSONAL).to_string();
            let id = media_id(r, &mut used_ids, d.year());
            let uris = match kind {
                Ig::Reel => vec![ig_uri(r, "reels", ts, &id, "mp4")],
                Ig::Image => vec![ig_uri(r, "posts", ts, &id, image_ext(ts))],
                Ig::Carousel => {
                    let mut v = vec![ig_uri(r, "posts", ts, &id, image_ext(ts))];
                    for _ in 1..r.random_range(2..=6) {
                        let other = media_id(r, &mut used_ids, d.year());
                        v.push(ig_uri(r, "posts", ts, &other, image_ext(ts)));
                    }
                    v
                }
            };
            let shortcode = shortcode(r, ts);
            let duration = if kind == Ig::Reel { r.random_range(6..31) } else { 0 };
            posts.push(IgPost {
                id,
                ts,
                kind,
                caption,
                uris,
                shortcode,
                duration,
                full: [0.0; 7],
                follows: Vec::new(),
            });
        }
        monday = plus(monday, 7);
    }
    posts.sort_by_key(|p| p.ts);

    // Followers: friends arrive in the first weeks, then a trickle; a few leave over the years.
    let mut times = Vec::new();
    for _ in 0..165 {
        times.push(at(start, 0, 0, 0) + r.random_range(0..35 * 86400));
    }
    for d in span(plus(start, 35), end) {
        let lam = knots(d, &[(start, 0.24), (date(2022, 1, 1), 0.19), (end, 0.15)]);
        for _ in 0..poisson(r, lam) {
            times.push(local(d, time_of_day(r, &DIURNAL)));
        }
    }
    for p in posts.iter_mut() {
        for _ in 0..poisson(r, 0.1) {
            let t = p.ts + (expo(r) * 20.0 * 3600.0) as i64 + 60;
            p.follows.push(t);
            times.push(t);
        }
    }
    times.retain(|t| *t < horizon);
    times.sort_unstable();
    let followers: Vec<Follower> = times
        .iter()
        .map(|&t| {
            let gone = churn(r, t, 0.1, 420.0);
            Follower { handle: ig_handle(r, &mut names), ts: t, gone }
        })
        .collect();

    let counter = Counter::new(&followers);
    for p in posts.iter_mut() {
        let f = counter.at(p.ts).max(40.0);
        let reach = f * un(r, 0.45, 0.72) * lognorm(r, 0.15);
        let views = reach * if p.kind == Ig::Carousel { un(r, 1.6, 2.1) } else { un(r, 1.25, 1.5) };
        let likes = reach * un(r, 0.24, 0.32);
        let comments = reach * un(r, 0.035, 0.075);
        let saves = reach * un(r, 0.012, 0.035);
        let shares = reach * un(r, 0.006, 0.02);
        let visits = reach * un(r, 0.05, 0.09);
        p.full = [views, reach, likes, comments, shares, saves, visits];
    }

    let following = following_list(r, &mut names, at(start, 10, 0, 0), horizon, 220, 0.1, 0.06);
    let likes_given = likes_list(r, &following, at(date(2025, 6, 1), 0, 0, 0), horizon, 200);
    IgAccount {
        handle: "camille.lrnt",
        name: "Camille L.",
        bio: "Lyon ☀️ café, vélo & céramique",
        email: "camille.l@mail.example",
        website: "",
        gender: "Female",
        posts,
        stories: Vec::new(),
        followers,
        following,
        likes_given,
        cities: [
            "Lyon, Auvergne-Rhône-Alpes: 48.2%, Paris, Île-de-France: 11.7%, Grenoble, Auvergne-Rhône-Alpes: 6.1%, Annecy, Auvergne-Rhône-Alpes: 4.4%, Villeurbanne, Auvergne-Rhône-Alpes: 3.9%",
            "Lyon, Auvergne-Rhône-Alpes: 47.5%, Paris, Île-de-France: 12.0%, Grenoble, Auvergne-Rhône-Alpes: 6.3%, Annecy, Auvergne-Rhône-Alpes: 4.2%, Villeurbanne, Auvergne-Rhône-Alpes: 4.0%",
        ],
        countries: [
            "France: 89.4%, Belgium: 2.6%, Switzerland: 2.1%, Portugal: 1.4%, Spain: 1.2%",
            "France: 89.1%, Belgium: 2.7%, Switzerland: 2.2%, Portugal: 1.5%, Spain: 1.2%",
        ],
    }
}

// ------------------------------------------------------------------------------------------------
// Instagram: files
// ------------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// Late 2023 – 2024: `your_instagram_activity/content/…`.
    Grouped2024,
    /// 2025 →: `your_instagram_activity/media/…`, 2025 `following.json`.
    Media2025,
}

fn string_value(v: &str, ts: i64) -> J {
    jo(vec![("href", js("")), ("value", js(v)), ("timestamp", ji(ts))])
}

fn list_item(handle: &str, ts: i64) -> J {
    jo(vec![
        ("title", js("")),
        ("media_list_data", ja(vec![])),
        (
            "string_list_data",
            ja(vec![jo(vec![
                ("href", js(format!("https://www.instagram.com/{handle}"))),
                ("value", js(handle)),
                ("timestamp", ji(ts)),
            ])]),
        ),
    ])
}

fn following_item_2025(handle: &str, ts: i64) -> J {
    jo(vec![
        ("title", js(handle)),
        (
            "string_list_data",
            ja(vec![jo(vec![("href", js(format!("https://www.instagram.com/_u/{handle}"))), ("timestamp", ji(ts))])]),
        ),
    ])
}

fn media_metadata(video: bool, seed: &str) -> J {
    if video {
        return jo(vec![(
            "video_metadata",
            jo(vec![("exif_data", ja(vec![jo(vec![("source_type", js("library"))])]))]),
        )]);
    }
    if seed.ends_with(['1', '3', '7']) {
        jo(vec![(
            "photo_metadata",
            jo(vec![(
                "exif_data",
                ja(vec![jo(vec![
                    ("scene_capture_type", js("standard")),
                    ("software", js("Adobe Photoshop 26.0 (Macintosh)")),
                    ("source_type", js("library")),
                ])]),
            )]),
        )])
    } else {
        jo(vec![("camera_metadata", jo(vec![("has_camera_metadata", J::Bool(false))]))])
    }
}

fn media_item(uri: &str, ts: i64, title: &str, video: bool) -> J {
    let mut kv = vec![
        ("uri", js(uri)),
        ("creation_timestamp", ji(ts)),
        ("media_metadata", media_metadata(video, uri)),
        ("title", js(title)),
        ("cross_post_source", jo(vec![("source_app", js("FB"))])),
    ];
    if video {
        kv.push(("dubbing_info", ja(vec![])));
        kv.push(("media_variants", ja(vec![])));
    }
    jo(kv)
}

fn ig_post_json(p: &IgPost) -> J {
    if p.kind == Ig::Carousel {
        let items = p.uris.iter().enumerate().map(|(i, u)| media_item(u, p.ts - 2 + i as i64 / 4, "", false)).collect();
        jo(vec![("media", ja(items)), ("title", js(&p.caption)), ("creation_timestamp", ji(p.ts))])
    } else {
        jo(vec![("media", ja(vec![media_item(&p.uris[0], p.ts, &p.caption, p.is_video())]))])
    }
}

fn sep(n: u64) -> J {
    jo(vec![("value", js(thousands(n)))])
}

fn insights_post(p: &IgPost, rep: &IgRep) -> J {
    let thumb = jo(vec![
        ("uri", js(&p.uris[0])),
        ("creation_timestamp", ji(p.ts)),
        ("title", js(&p.caption)),
        ("media_metadata", media_metadata(false, &p.uris[0])),
    ]);
    let dash = || jo(vec![("value", js("--"))]);
    jo(vec![
        ("media_map_data", jo(vec![("Media Thumbnail", thumb)])),
        (
            "string_map_data",
            jo(vec![
                ("Creation Timestamp", jo(vec![("timestamp", ji(p.ts))])),
                ("Accounts reached", sep(rep.m[REACH])),
                ("Impressions", sep(rep.m[V])),
                ("Likes", sep(rep.m[LIKES])),
                ("Comments", sep(rep.m[COMMENTS])),
                ("Shares", sep(rep.m[SHARES])),
                ("Saves", sep(rep.m[SAVES])),
                ("Follows", sep(rep.follows)),
                ("Profile visits", sep(rep.m[VISITS])),
                ("Website taps", dash()),
                ("Email button taps", dash()),
                ("Product Page Views", dash()),
                ("Product Button Clicks", dash()),
            ]),
        ),
    ])
}

fn insights_reel(p: &IgPost, rep: &IgRep) -> J {
    let thumb_uri = p.uris[0].replace(".mp4", ".jpg");
    let thumb = jo(vec![("uri", js(thumb_uri)), ("creation_timestamp", ji(p.ts)), ("title", js(""))]);
    jo(vec![
        ("media_map_data", jo(vec![("Media Thumbnail", thumb)])),
        (
            "string_map_data",
            jo(vec![
                ("Upload Timestamp", jo(vec![("timestamp", ji(p.ts))])),
                ("Caption", jo(vec![("value", js(&p.caption))])),
                ("Duration", jo(vec![("value", js(p.duration.to_string()))])),
                ("Accounts reached", sep(rep.m[REACH])),
                ("Instagram Plays", sep(rep.m[V])),
                ("Instagram Likes", sep(rep.m[LIKES])),
                ("Instagram Comments", sep(rep.m[COMMENTS])),
                ("Instagram Shares", sep(rep.m[SHARES])),
                ("Instagram Saves", sep(rep.m[SAVES])),
            ]),
        ),
    ])
}

/// Builds one "Download your information" zip as of `t` (the export moment).
fn ig_export(acc: &IgAccount, t: i64, layout: Layout, summary: &mut Vec<String>) -> Files {
    let mut files: Files = Vec::new();
    let day = day_of(t);
    let window_start = t - 90 * 86400;

    // Relationships.
    let followers = acc.followers_at(t);
    let items: Vec<J> = followers.iter().map(|f| list_item(&f.handle, f.ts)).collect();
    let rel = "connections/followers_and_following";
    if layout == Layout::Media2025 && items.len() > 7500 {
        let (a, b) = items.split_at(7500);
        files.push((format!("{rel}/followers_1.json"), meta_json(&ja(a.to_vec()))));
        files.push((format!("{rel}/followers_2.json"), meta_json(&ja(b.to_vec()))));
    } else {
        files.push((format!("{rel}/followers_1.json"), meta_json(&ja(items))));
    }
    let following: Vec<&Follower> = acc.following.iter().filter(|f| f.present(t)).collect();
    let items = following
        .iter()
        .map(|f| {
            if layout == Layout::Media2025 { following_item_2025(&f.handle, f.ts) } else { list_item(&f.handle, f.ts) }
        })
        .collect();
    files.push((format!("{rel}/following.json"), meta_json(&jo(vec![("relationships_following", ja(items))]))));
    let unfollowed: Vec<J> = acc
        .following
        .iter()
        .filter_map(|f| f.gone.filter(|g| *g < t && *g > t - 365 * 86400).map(|g| list_item(&f.handle, g)))
        .collect();
    let unfollowed_name = if layout == Layout::Media2025 {
        "recently_unfollowed_profiles.json"
    } else {
        "recently_unfollowed_accounts.json"
    };
    files.push((
        format!("{rel}/{unfollowed_name}"),
        meta_json(&jo(vec![("relationships_unfollowed_users", ja(unfollowed))])),
    ));

    // Content.
    let folder =
        if layout == Layout::Media2025 { "your_instagram_activity/media" } else { "your_instagram_activity/content" };
    let mut feed: Vec<&IgPost> = acc.posts.iter().filter(|p| p.ts < t && p.kind != Ig::Reel).collect();
    feed.sort_by_key(|x| std::cmp::Reverse(x.ts));
    files.push((format!("{folder}/posts_1.json"), meta_json(&ja(feed.iter().map(|p| ig_post_json(p)).collect()))));
    let mut reels: Vec<&IgPost> = acc.posts.iter().filter(|p| p.ts < t && p.kind == Ig::Reel).collect();
    reels.sort_by_key(|x| std::cmp::Reverse(x.ts));
    let reel_items = reels.iter().map(|p| ig_post_json(p)).collect();
    files.push((format!("{folder}/reels.json"), meta_json(&jo(vec![("ig_reels_media", ja(reel_items))]))));
    if layout == Layout::Media2025 && !acc.stories.is_empty() {
        let mut st: Vec<&(i64, String)> = acc.stories.iter().filter(|s| s.0 < t).collect();
        st.sort_by_key(|x| std::cmp::Reverse(x.0));
        let items = st.iter().map(|(ts, uri)| media_item(uri, *ts, "", uri.ends_with(".mp4"))).collect();
        files.push((format!("{folder}/stories.json"), meta_json(&jo(vec![("ig_stories", ja(items))]))));
    }

    // Unused by Resonance: likes given, ads seen.
    let likes: Vec<J> = acc
        .likes_given
        .iter()
        .filter(|l| l.2 < t)
        .map(|(who, url, ts)| {
            jo(vec![
                ("title", js(who)),
                (
                    "string_list_data",
                    ja(vec![jo(vec![("href", js(url)), ("value", js("👍")), ("timestamp", ji(*ts))])]),
                ),
            ])
        })
        .collect();
    let likes_json = if layout == Layout::Media2025 { ja(likes) } else { jo(vec![("likes_media_likes", ja(likes))]) };
    files.push(("your_instagram_activity/likes/liked_posts.json".into(), meta_json(&likes_json)));
    let ads: Vec<J> =
        ["Maison Céleste", "Papeterie Moderne", "Atelier Typo", "Café Grain d'Or", "Studio Lumière", "Vélos Rhône"]
            .iter()
            .enumerate()
            .map(|(i, who)| {
                jo(vec![(
                    "string_map_data",
                    jo(vec![
                        ("Author", string_value(who, 0)),
                        ("Time", jo(vec![("timestamp", ji(t - 86400 * (3 + 5 * i as i64)))])),
                    ]),
                )])
            })
            .collect();
    files.push((
        "ads_information/ads_and_topics/ads_viewed.json".into(),
        meta_json(&jo(vec![("impressions_history_ads_seen", ja(ads))])),
    ));

    // Profile.
    let profile = jo(vec![(
        "profile_user",
        ja(vec![jo(vec![
            ("title", js("")),
            (
                "media_map_data",
                jo(vec![(
                    "Profile Photo",
                    jo(vec![
                        ("uri", js(format!("media/profile/202403/{}_n.jpg", acc.handle.len() * 1_000_003))),
                        ("creation_timestamp", ji(at(date(2024, 3, 2), 9, 14, 0))),
                        ("title", js("")),
                    ]),
                )]),
            ),
            (
                "string_map_data",
                jo(vec![
                    ("Email", string_value(acc.email, 0)),
                    ("Phone Confirmed", string_value("False", 0)),
                    ("Username", string_value(acc.handle, 0)),
                    ("Name", string_value(acc.name, 0)),
                    ("Bio", string_value(acc.bio, 0)),
                    ("Gender", string_value(acc.gender, 0)),
                    ("Date of birth", string_value("1991-04-17", 0)),
                    ("Private Account", string_value("False", 0)),
                    ("Website", string_value(acc.website, 0)),
                ]),
            ),
        ])]),
    )]);
    files.push(("personal_information/personal_information/personal_information.json".into(), meta_json(&profile)));

    // Past insights: the last ~90 days.
    let ins = "logged_information/past_instagram_insights";
    let mut in_window: Vec<&IgPost> = acc.posts.iter().filter(|p| p.ts >= window_start && p.ts < t).collect();
    in_window.sort_by_key(|x| std::cmp::Reverse(x.ts));
    let feed_items = in_window.iter().filter(|p| p.kind != Ig::Reel).map(|p| insights_post(p, &p.report(t))).collect();
    let reel_items = in_window.iter().filter(|p| p.kind == Ig::Reel).map(|p| insights_reel(p, &p.report(t))).collect();
    files.push((format!("{ins}/posts.json"), meta_json(&jo(vec![("organic_insights_posts", ja(feed_items))]))));
    files.push((format!("{ins}/reels.json"), meta_json(&jo(vec![("organic_insights_reels", ja(reel_items))]))));
    let gained = acc.followers.iter().filter(|f| f.ts >= window_start && f.ts < t).count() as u64;
    let lost = acc.followers.iter().filter(|f| f.gone.is_some_and(|g| g >= window_start && g < t)).count() as u64;
    let first_day = day_of(window_start);
    let last_day = plus(day, -1);
    let range = if day.year() >= 2026 {
        format!("{} - {}", first_day.format("%b %-d, %Y"), last_day.format("%b %-d, %Y"))
    } else {
        format!("{} - {}", first_day.format("%b %-d"), last_day.format("%b %-d"))
    };
    let era = usize::from(day.year() >= 2026);
    let total = followers.len() as u64;
    let audience = jo(vec![(
        "organic_insights_audience",
        ja(vec![jo(vec![
            ("media_map_data", jo(vec![])),
            (
                "string_map_data",
                jo(vec![
                    ("Date Range", jo(vec![("value", js(&range))])),
                    ("Followers", sep(total)),
                    ("Follows", sep(gained)),
                    ("Unfollows", sep(lost)),
                    ("Overall followers", jo(vec![("value", js(format!("{:+}", gained as i64 - lost as i64)))])),
                    ("Follower Percentage by City", jo(vec![("value", js(acc.cities[era]))])),
                    ("Follower Percentage by Country", jo(vec![("value", js(acc.countries[era]))])),
                    (
                        "Follower Percentage by Age for All Genders",
                        jo(vec![(
                            "value",
                            js(
                                "13-17: 0.4%, 18-24: 14.8%, 25-34: 45.1%, 35-44: 26.3%, 45-54: 9.2%, 55-64: 3.1%, 65+: 1.1%",
                            ),
                        )]),
                    ),
                    ("Total Follower Percentage for Men", jo(vec![("value", js("27.4%"))])),
                    ("Total Follower Percentage for Women", jo(vec![("value", js("72.6%"))])),
                ]),
            ),
        ])]),
    )]);
    files.push((format!("{ins}/audience_insights.json"), meta_json(&audience)));

    let n_posts = acc.posts.iter().filter(|p| p.ts < t).count();
    summary.push(format!(
        "instagram {} export {}: {} followers, {} following, {} posts+reels, {} insight posts (window gained {gained}, lost {lost})",
        acc.handle,
        day,
        total,
        following.len(),
        n_posts,
        in_window.len()
    ));
    files
}

fn ig_zip_name(r: &mut Rg, handle: &str, d: NaiveDate) -> String {
    format!("instagram-{handle}-{d}-{}.zip", from_alphabet(r, ALNUM, 8))
}

/// Meta Business Suite per-post "Content" export (UTF-8 with BOM, Meta's quoting).
fn meta_content_csv(acc: &IgAccount, account_id: &str, from: NaiveDate, to: NaiveDate, t: i64) -> Vec<u8> {
    fn field(s: &str, force: bool) -> String {
        if force || s.contains([' ', ',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    }
    let header = [
        "Post ID",
        "Account ID",
        "Account username",
        "Account name",
        "Description",
        "Duration (sec)",
        "Publish time",
        "Permalink",
        "Post type",
        "Data comment",
        "Date",
        "Views",
        "Reach",
        "Likes",
        "Shares",
        "Follows",
        "Comments",
        "Saves",
    ];
    let mut out = String::from("\u{feff}");
    out.push_str(&header.iter().map(|h| field(h, false)).collect::<Vec<_>>().join(","));
    out.push('\n');
    let mut posts: Vec<&IgPost> = acc.posts.iter().filter(|p| day_of(p.ts) >= from && day_of(p.ts) <= to).collect();
    posts.sort_by_key(|x| std::cmp::Reverse(x.ts));
    for p in posts {
        let rep = p.report(t);
        let publish = DateTime::from_timestamp(p.ts, 0).expect("ts").format("%m/%d/%Y %H:%M").to_string();
        let (link, kind) = match p.kind {
            Ig::Reel => (format!("https://www.instagram.com/reel/{}/", p.shortcode), "IG reel"),
            Ig::Carousel => (format!("https://www.instagram.com/p/{}/", p.shortcode), "IG carousel"),
            Ig::Image => (format!("https://www.instagram.com/p/{}/", p.shortcode), "IG image"),
        };
        let row = [
            field(&p.id, false),
            field(account_id, false),
            field(acc.handle, false),
            field(acc.name, false),
            field(&p.caption, false),
            p.duration.to_string(),
            field(&publish, false),
            field(&link, false),
            field(kind, false),
            String::new(),
            field("Lifetime", true),
            rep.m[V].to_string(),
            rep.m[REACH].to_string(),
            rep.m[LIKES].to_string(),
            rep.m[SHARES].to_string(),
            rep.follows.to_string(),
            rep.m[COMMENTS].to_string(),
            rep.m[SAVES].to_string(),
        ];
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out.into_bytes()
}

/// Meta Business Suite daily "Instagram follows" export: UTF-16LE with BOM, `sep=,`, sparse days.
fn meta_follows_csv(acc: &IgAccount, from: NaiveDate, to: NaiveDate) -> Vec<u8> {
    let mut per_day: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    for f in &acc.followers {
        *per_day.entry(day_of(f.ts)).or_default() += 1;
    }
    let mut text = String::from("sep=,\n\"Instagram follows\"\n\"Date\",\"Primary\"\n");
    for d in span(from, to) {
        let n = per_day.get(&d).copied().unwrap_or(0);
        if n > 0 {
            let _ = writeln!(text, "\"{d}T00:00:00\",\"{n}\"");
        }
    }
    let mut out = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        out.extend_from_slice(&u.to_le_bytes());
    }
    out
}

// ------------------------------------------------------------------------------------------------
// X: model and simulation
// ------------------------------------------------------------------------------------------------

const TWITTER_EPOCH_MS: i64 = 1_288_834_974_657;

fn snowflake(r: &mut Rg, t: i64) -> u64 {
    let ms = t * 1000 + r.random_range(0..1000);
    (((ms - TWITTER_EPOCH_MS) as u64) << 22) | r.random_range(0..(1u64 << 22))
}

#[derive(Clone)]
struct Contact {
    handle: String,
    name: String,
    id: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TKind {
    Original,
    Reply,
    SelfReply,
    Retweet,
}

/// Metric indexes in `Tweet::m`.
const IMP: usize = 0;
const TL: usize = 1; // likes
const TREP: usize = 2; // replies
const TRT: usize = 3; // reposts
const TBM: usize = 4; // bookmarks
const TSH: usize = 5; // shares
const TFOL: usize = 6; // new follows
const TVIS: usize = 7; // profile visits
const TEXP: usize = 8; // detail expands
const TURL: usize = 9; // url clicks
const TTAG: usize = 10; // hashtag clicks
const TPERMA: usize = 11; // permalink clicks
const TMEDIA: usize = 12; // media views
const NM: usize = 13;

struct Tweet {
    id: u64,
    t: i64,
    kind: TKind,
    /// Text as written (the archive escapes `&`, `<`, `>`).
    text: String,
    /// Contact replied to or retweeted.
    other: Option<usize>,
    reply_to_status: Option<u64>,
    urls: Vec<(String, String, String)>,
    media: Option<(u64, String, String)>,
    lang: &'static str,
    source: &'static str,
    m: [u64; NM],
}

impl Tweet {
    fn engagements(&self) -> u64 {
        [TL, TREP, TRT, TBM, TSH, TVIS, TEXP, TURL, TTAG, TPERMA].iter().map(|&i| self.m[i]).sum()
    }
}

struct XAccount {
    handle: &'static str,
    name: &'static str,
    user_id: String,
    created_at: i64,
    email: &'static str,
    bio: &'static str,
    location: &'static str,
    tweets: Vec<Tweet>,
    contacts: Vec<Contact>,
    /// Follower ids, newest first.
    followers: Vec<String>,
    following: Vec<String>,
    likes: Vec<(String, String)>,
    days: Vec<XDay>,
}

#[derive(Clone, Copy, Default)]
struct XDay {
    date: Option<NaiveDate>,
    imp: u64,
    likes: u64,
    eng: u64,
    bookmarks: u64,
    shares: u64,
    new: u64,
    unf: u64,
    replies: u64,
    reposts: u64,
    visits: u64,
    create: u64,
    video: u64,
    media: u64,
}

struct XTexts {
    originals: &'static [&'static str],
    replies: &'static [&'static str],
    threads: &'static [&'static [&'static str]],
    retweets: &'static [&'static str],
    url_targets: &'static [&'static str],
    /// Endings that vary repeated phrasings.
    suffixes: &'static [&'static str],
}

const X_PRO_ORIGINALS: &[&str] = &[
    "Nouveau projet en ligne : l'identité visuelle de {c} 🎨 {url}",
    "Petit rappel : un logo n'est pas une identité. C'est un point de départ.",
    "Kerning & interlignage : les deux réglages que tout le monde oublie.",
    "Quelle typo pour une marque de café de spécialité ? Je vote pour une grotesque un peu chaleureuse ☕",
    "Freelance tip: always send the brand guidelines as a PDF *and* as a Figma file. Future you will thank you.",
    "Case study is up → {url} #branding #design",
    "Moodboard du jour pour {c} #identitevisuelle {media}",
    "Les clients qui disent « on veut un truc simple » sont les plus difficiles à satisfaire. Et les plus intéressants.",
    "Brief du jour : « moderne mais intemporel ». Classique 😅",
    "Réglage de la grille du logo de {c}, version 14. On y est presque. {media}",
    "Typography is 90% of branding. The other 10% is choosing the right paper.",
    "Lyon designers & illustrators: who's going to the meetup on Thursday? #lyon #design",
    "Devis envoyé, café renversé, fichier sauvegardé. Vendredi classique.",
    "Hot take: most rebrands fail because nobody wrote down what the brand actually stands for.",
    "Palette validée pour {c} : terracotta, crème, vert sauge 🌿 {media}",
    "Question aux freelances : vous facturez les allers-retours au-delà de 3 ? #freelance",
    "New in the shop: a set of 12 hand-drawn textures for your brand projects {url}",
    "Le plus beau compliment d'un client : « on dirait que ça a toujours été notre logo ».",
    "Les impressions de {c} sont arrivées et le papier est encore plus beau qu'en vrai. {media}",
    "Un logo, ça se teste en noir & blanc, en 16 px et sur un tote bag. Dans cet ordre.",
    "Sketchbook Sunday ✏️ {media}",
    "Nouvel article sur le blog : combien coûte vraiment une identité visuelle ? {url}",
    "Trois heures sur un « a » minuscule. Aucun regret.",
    "Rappel amical : « on verra pour le contrat plus tard » n'est pas une méthode de travail.",
    "Cette semaine à l'atelier : deux logos, une charte, un packaging et beaucoup trop de café ☕",
    "If your logo only works on a white background, it doesn't work yet.",
    "Première impression test pour {c}. Le vert sort trop froid, on recommence 🖨️",
    "Le meilleur outil de design reste un crayon et une feuille de papier. Désolée Figma.",
    "Branding is a promise. Design is how you keep it visible.",
    "Nouvelle charte livrée pour {c} : 36 pages, 4 typos refusées, 1 équipe ravie.",
    "Moodboard terminé, je peux enfin dessiner ✏️ {media}",
    "Retour du salon du graphisme : plein d'idées, zéro énergie. Bilan demain.",
    "Les pictogrammes de {c} sont en ligne. Petit système de 24 icônes, tous sur la même grille. {url}",
    "Unpopular opinion: a brand doesn't need a mascot. It needs a voice.",
    "Je cherche un·e illustrateur·ice à Lyon pour un projet packaging au printemps. Vos recos ? #lyon",
    "Le client a dit « c'est exactement ce qu'on imaginait sans savoir l'expliquer ». Meilleur retour de l'année.",
    "Petite série d'étiquettes pour {c}, imprimées en sérigraphie 🍷 {media}",
    "Tarifs 2026 mis à jour. Oui, il faut augmenter ses prix quand on progresse. #freelance",
    "Spent the morning kerning a wordmark. Best morning of the week.",
    "Les mockups, c'est bien. Le vrai papier, c'est mieux.",
];
const X_PRO_REPLIES: &[&str] = &[
    "Merci beaucoup ! 🙏",
    "Totalement d'accord, la grille fait tout.",
    "Oh j'adore cette palette",
    "Thanks! It was such a fun project.",
    "Haha, tellement vrai 😅",
    "Je te conseille de regarder du côté des grotesques un peu humanistes",
    "Félicitations pour le lancement !",
    "Yes! Send me the link",
    "C'est noté pour jeudi 👍",
    "Superbe travail sur le packaging",
    "On en parle en DM ?",
    "Même combat ici…",
    "Merci pour le partage !",
    "Bravo, c'est superbe",
    "Ahah, on a tous vécu ça",
    "Je note la référence, merci",
    "Excellente question. Ça dépend (évidemment) du périmètre.",
    "Love this!",
    "Hâte de voir la suite",
    "Tu m'as convaincue",
    "C'est exactement ça 👏",
    "Great thread, saved it",
];
const X_PRO_THREADS: &[&[&str]] = &[
    &[
        "Comment je construis une palette de couleurs pour une marque, étape par étape 🧵",
        "1. Je pars du positionnement, pas des couleurs que j'aime.",
        "2. Trois couleurs max au départ : une principale, une secondaire, une d'accent.",
        "3. Je teste en situation : packaging, site, réseaux. Une palette qui ne survit pas au noir & blanc n'est pas prête.",
        "4. Et je documente tout dans la charte : HEX, RVB, CMJN et Pantone.",
    ],
    &[
        "Les 5 questions que je pose à chaque nouveau client 🧵",
        "1. Qui sont vos clients, vraiment ?",
        "2. Qu'est-ce qu'on doit ressentir en poussant votre porte ?",
        "3. Quelles marques admirez-vous (hors de votre secteur) ?",
        "4. Qu'est-ce que vous ne voulez surtout pas ?",
    ],
    &[
        "What I learned from 100 logo projects, a thread 🧵",
        "1. The first idea is rarely the best one, but it's often the one the client picks.",
        "2. Present 2 directions, not 5.",
        "3. Always show the logo in context before showing it alone.",
    ],
    &[
        "Les fichiers sources, c'est combien ? Petit thread sur la propriété intellectuelle en design 👇",
        "1. Par défaut, vous cédez des droits d'usage, pas les fichiers de travail.",
        "2. La cession des sources se négocie, et se facture.",
        "3. Écrivez-le noir sur blanc dans le devis. Tout le monde y gagne.",
    ],
];
const X_PRO_RETWEETS: &[&str] = &[
    "Appel à candidatures : la résidence graphique d'automne est ouverte ! Dossiers jusqu'au 30.",
    "Our new type family is out today. 9 weights, 400+ glyphs, and a very good italic.",
    "Les inscriptions pour les rencontres du design à Lyon sont ouvertes 🎉",
    "Thread sur la tarification en freelance, à lire absolument si vous débutez",
    "We're hiring a junior brand designer in Lyon (hybrid). DM us!",
    "Petite sélection des projets de diplôme de cette année 🎓 Quel niveau !",
    "Reminder: your portfolio should show your process, not just the final mockups.",
];
const X_PRO_URLS: &[&str] = &[
    "https://www.behance.net/gallery/18{n}/Identite-visuelle",
    "https://dribbble.com/shots/2{n}-Brand-identity",
    "https://medium.com/@camille_designs/combien-coute-une-identite-visuelle-{n}",
];
const X_PERSO_ORIGINALS: &[&str] = &[
    "ce lundi matin est beaucoup trop long",
    "quelqu'un a un bon resto vers la Croix-Rousse ?",
    "le métro en retard, quelle surprise",
    "premier café en terrasse de l'année ☀️",
    "j'ai encore acheté une plante. c'est un problème.",
    "playlist du dimanche : beaucoup trop de chansons tristes",
    "la neige sur Fourvière ce matin 😍",
    "vendredi soir, pizza & série, le luxe",
    "qui vient au marché samedi ?",
    "mon chat a décidé que mon clavier était son lit",
    "j'ai réussi mon premier bol en céramique. il est moche. je l'adore.",
    "il pleut, donc évidemment j'ai oublié mon parapluie",
    "les quais de Saône au coucher du soleil, rien à dire {media}",
    "j'ai besoin de vacances. ou d'un croissant. les deux.",
    "j'ai dit que je rangeais l'appart ce week-end. j'ai menti.",
    "le boulanger m'a fait un sourire ce matin, la journée est réussie",
    "vélo sous la pluie, mauvaise idée, 0/10",
    "qui a un bon plan pour une rando pas trop loin de Lyon ?",
    "soirée jeux demain, je prépare ma revanche",
    "le marché le dimanche matin, meilleur moment de la semaine",
    "mes plantes survivent, je suis fière de moi",
    "nouveau record : trois cafés avant 10h",
    "j'ai vu un écureuil au parc, c'était le moment fort de ma journée 🐿️",
    "la fête des Lumières approche et je suis déjà fatiguée",
    "je cherche un bon livre pour les vacances, des idées ?",
    "il fait enfin beau, tout le monde dehors ☀️",
    "mon four a rendu l'âme en plein gratin. RIP",
    "concert ce soir, trop hâte",
    "j'ai enfin fini ma série, je ne sais plus quoi faire de ma vie",
    "petit-déj en terrasse, la vie est belle",
];
const X_PERSO_REPLIES: &[&str] = &[
    "mdr trop vrai",
    "on se voit samedi ?",
    "je suis tellement d'accord 😂",
    "noooon",
    "envoie la recette stp",
    "grave !",
    "ahah c'est tout toi",
    "bon anniv !! 🎉",
    "j'arrive dans 10 min",
    "on en parle ce soir ?",
    "je valide à 100%",
    "photo ou ça n'a pas existé",
    "j'ai ri",
    "trop hâte !!",
    "ça marche !",
    "trop bien !!",
    "mdrrr",
    "je suis là",
    "attends je regarde",
    "vivement",
    "oui oui oui",
    "non mais sérieux 😂",
    "on se capte demain",
    "je t'envoie ça",
    "t'es la meilleure",
    "je viens !",
];
const X_PERSO_RETWEETS: &[&str] = &[
    "concert gratuit ce soir sur les quais, venez !!",
    "le meilleur croissant de Lyon est dans le 7e, je ne discuterai pas",
    "vide-grenier dimanche à la Croix-Rousse, on sera là avec les copains",
    "ma plante a fait une nouvelle feuille, je suis une maman fière",
];
const X_PERSO_URLS: &[&str] = &["https://www.instagram.com/p/C{n}/"];

const X_PRO_CONTACTS: &[(&str, &str)] = &[
    ("margaux_typo", "Margaux · type design"),
    ("studio_prisme", "Studio Prisme"),
    ("jb_motion", "JB — motion"),
    ("lena_draws", "Lena draws"),
    ("atelier_ocre", "Atelier Ocre"),
    ("typo_lyon", "Typo Lyon"),
    ("nils_branding", "Nils | branding"),
    ("chloe_illu", "Chloé illustre"),
    ("pixel_et_papier", "Pixel & Papier"),
    ("agence_cerise", "Agence Cerise"),
    ("romain_ux", "Romain (UX)"),
    ("sofia_letters", "Sofia Letters"),
    ("lyondesignmeet", "Design Meetup Lyon"),
    ("paper_nerd_eu", "Paper Nerd"),
    ("greta_makes", "Greta makes things"),
    ("theo_grid", "Théo · grilles"),
];
const X_PERSO_CONTACTS: &[(&str, &str)] = &[
    ("lea_mrn", "léa"),
    ("hugo_ptt", "Hugo"),
    ("inesdbn", "inès 🌻"),
    ("jules_grd", "Jules"),
    ("manon_lyon", "manon"),
    ("theo_rss", "théo"),
    ("clara_fntn", "Clara F."),
    ("maxbrn", "max"),
    ("pauline_ch", "Pauline"),
    ("antoine_lmb", "Antoine L"),
    ("zoe_mrt", "zoé"),
    ("nathan_dbs", "Nathan"),
];

struct XPlan {
    start: NaiveDate,
    end: NaiveDate,
    /// Tweets per week: originals, replies, retweets; chance of a thread in a week.
    per_week: [f64; 3],
    thread_p: f64,
    /// Days without any tweet.
    quiet: Option<(NaiveDate, NaiveDate)>,
    /// Expected follower count over time (drives reach).
    audience: Vec<(NaiveDate, f64)>,
    /// Replies per original post over time.
    replies: Vec<(NaiveDate, f64)>,
    reach: [f64; 3],
    like_rate: f64,
    follow_rate: f64,
}

fn x_user_id(r: &mut Rg, used: &mut BTreeSet<String>) -> String {
    loop {
        let id = if chance(r, 0.22) {
            let n = r.random_range(7..=10);
            digits(r, n)
        } else {
            let year = *pick(r, &[2012, 2014, 2016, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
            let t = at(date(year, 1, 1), 0, 0, 0) + r.random_range(0..360 * 86400);
            if year < 2016 {
                let n = r.random_range(9..=10);
                digits(r, n)
            } else {
                snowflake(r, t).to_string()
            }
        };
        if used.insert(id.clone()) {
            return id;
        }
    }
}

fn fill_x(
    r: &mut Rg,
    template: &str,
    urls: &[&str],
    handle: &str,
    t: i64,
) -> (String, Vec<(String, String, String)>, bool) {
    let mut text = template.to_string();
    while let Some(i) = text.find("{c}") {
        let c = *pick(r, CLIENTS);
        text.replace_range(i..i + 3, c);
    }
    let mut links = Vec::new();
    if text.contains("{url}") {
        let tco = format!("https://t.co/{}", from_alphabet(r, ALNUM, 10));
        let n = digits(r, 7);
        let expanded = pick(r, urls).replace("{n}", &n).replace("{h}", handle);
        let display: String =
            expanded.trim_start_matches("https://").trim_start_matches("www.").chars().take(26).collect();
        let display = if expanded.trim_start_matches("https://").trim_start_matches("www.").chars().count() > 26 {
            format!("{display}…")
        } else {
            display
        };
        text = text.replace("{url}", &tco);
        links.push((tco, expanded, display));
    }
    let media = text.contains("{media}");
    if media {
        let tco = format!("https://t.co/{}", from_alphabet(r, ALNUM, 10));
        text = text.replace("{media}", &tco);
        links.push((tco, String::new(), String::new()));
    }
    let _ = t;
    (text, links, media)
}

fn x_simulate(r: &mut Rg, plan: &XPlan, texts: &XTexts, handle: &str, contacts: &[Contact]) -> Vec<Tweet> {
    let mut tweets: Vec<Tweet> = Vec::new();
    let hours: [f64; 24] = [
        0.3, 0.1, 0.0, 0.0, 0.0, 0.0, 0.1, 0.5, 1.0, 1.4, 1.3, 1.0, 1.2, 1.1, 1.0, 0.9, 1.0, 1.2, 1.4, 1.3, 1.3, 1.1,
        0.8, 0.5,
    ];
    let sources_old = [
        "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
        "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
    ];
    let mut monday = plus(plan.start, -(plan.start.weekday().num_days_from_monday() as i64));
    while monday <= plan.end {
        let mut slots: Vec<(TKind, usize)> = Vec::new();
        for _ in 0..poisson(r, plan.per_week[0]) {
            slots.push((TKind::Original, 0));
        }
        for _ in 0..poisson(r, plan.per_week[1]) {
            slots.push((TKind::Reply, 0));
        }
        for _ in 0..poisson(r, plan.per_week[2]) {
            slots.push((TKind::Retweet, 0));
        }
        if chance(r, plan.thread_p) {
            let which = r.random_range(0..texts.threads.len());
            slots.push((TKind::SelfReply, which + 1));
        }
        for (kind, thread) in slots {
            let d = plus(monday, r.random_range(0..7));
            if d < plan.start || d > plan.end || plan.quiet.is_some_and(|(a, b)| d >= a && d <= b) {
                continue;
            }
            let t = local(d, time_of_day(r, &hours));
            let source = *pick(r, &sources_old);
            if thread > 0 {
                let parts = texts.threads[thread - 1];
                let mut prev: Option<u64> = None;
                let mut tt = t;
                for part in parts {
                    let (text, urls, _) = fill_x(r, part, texts.url_targets, handle, tt);
                    let id = snowflake(r, tt);
                    let lang = if text.contains("thread") || text.contains("The ") || text.contains("Present") {
                        "en"
                    } else {
                        "fr"
                    };
                    tweets.push(Tweet {
                        id,
                        t: tt,
                        kind: if prev.is_some() { TKind::SelfReply } else { TKind::Original },
                        text,
                        other: None,
                        reply_to_status: prev,
                        urls,
                        media: None,
                        lang,
                        source,
                        m: [0; NM],
                    });
                    prev = Some(id);
                    tt += r.random_range(40..400);
                }
                continue;
            }
            let id = snowflake(r, t);
            match kind {
                TKind::Original => {
                    let tpl = pick(r, texts.originals);
                    let (mut text, mut urls, media) = fill_x(r, tpl, texts.url_targets, handle, t);
                    if !tpl.contains('{') && chance(r, 0.3) {
                        text.push_str(pick::<&str>(r, texts.suffixes));
                    }
                    let media = if media {
                        let (tco, _, _) = urls.pop().expect("media link");
                        Some((snowflake(r, t - 30), tco, from_alphabet(r, B64URL, 15)))
                    } else {
                        None
                    };
                    let english = ["the ", "The ", "your ", "who's", "Freelance tip", "Hot take", "New in"]
                        .iter()
                        .any(|w| text.contains(w));
                    tweets.push(Tweet {
                        id,
                        t,
                        kind,
                        text,
                        other: None,
                        reply_to_status: None,
                        urls,
                        media,
                        lang: if english { "en" } else { "fr" },
                        source,
                        m: [0; NM],
                    });
                }
                TKind::Reply => {
                    let who = r.random_range(0..contacts.len());
                    let body = pick(r, texts.replies);
                    let mut text = format!("@{} {body}", contacts[who].handle);
                    if chance(r, 0.3) {
                        text.push_str(pick::<&str>(r, texts.suffixes));
                    }
                    let back = r.random_range(600..30000);
                    let status = snowflake(r, t - back);
                    let english = ["Thanks", "Yes!", "Send"].iter().any(|w| body.contains(w));
                    tweets.push(Tweet {
                        id,
                        t,
                        kind,
                        text,
                        other: Some(who),
                        reply_to_status: Some(status),
                        urls: Vec::new(),
                        media: None,
                        lang: if english { "en" } else { "fr" },
                        source,
                        m: [0; NM],
                    });
                }
                TKind::Retweet => {
                    let who = r.random_range(0..contacts.len());
                    let body = pick(r, texts.retweets);
                    let mut text = format!("RT @{}: {body}", contacts[who].handle);
                    if text.chars().count() > 140 {
                        text = text.chars().take(139).collect::<String>() + "…";
                    }
                    let english = ["Our ", "We're", "Reminder"].iter().any(|w| body.contains(w));
                    tweets.push(Tweet {
                        id,
                        t,
                        kind,
                        text,
                        other: Some(who),
                        reply_to_status: None,
                        urls: Vec::new(),
                        media: None,
                        lang: if english { "en" } else { "fr" },
                        source,
                        m: [0; NM],
                    });
                }
                TKind::SelfReply => {}
            }
        }
        monday = plus(monday, 7);
    }
    tweets.sort_by_key(|t| (t.t, t.id));

    // Lifetime numbers (as of the export) from the audience at the time.
    for tw in tweets.iter_mut() {
        if tw.kind == TKind::Retweet {
            continue;
        }
        let d = day_of(tw.t);
        let f = knots(d, &plan.audience);
        let base = match tw.kind {
            TKind::Original if tw.text.contains('🧵') || tw.text.contains("thread") => plan.reach[0] * 1.3,
            TKind::Original => plan.reach[0],
            TKind::SelfReply => plan.reach[2],
            _ => plan.reach[1],
        };
        let mut imp = f * base * lognorm(r, 0.55) * if tw.media.is_some() { 1.3 } else { 1.0 };
        if chance(r, 0.02) {
            imp *= un(r, 4.0, 8.0);
        }
        let imp = imp.round().max(3.0);
        let mut m = [0u64; NM];
        m[IMP] = imp as u64;
        m[TL] = poisson(r, imp * plan.like_rate);
        let rep_mean = knots(d, &plan.replies) * if tw.kind == TKind::Original { 1.0 } else { 0.4 };
        m[TREP] = poisson(r, rep_mean * (imp / (f * plan.reach[0]).max(1.0)).powf(0.3));
        m[TRT] = poisson(r, m[TL] as f64 * 0.14);
        m[TBM] = poisson(r, m[TL] as f64 * 0.18);
        m[TSH] = poisson(r, m[TL] as f64 * 0.04);
        m[TFOL] = poisson(r, imp * plan.follow_rate);
        m[TVIS] = poisson(r, imp * 0.007);
        m[TEXP] = poisson(r, imp * 0.018);
        m[TURL] = if tw.urls.is_empty() { 0 } else { poisson(r, imp * 0.009) };
        m[TTAG] = if tw.text.contains('#') { poisson(r, imp * 0.0015) } else { 0 };
        m[TPERMA] = poisson(r, imp * 0.002);
        m[TMEDIA] = if tw.media.is_some() { poisson(r, imp * 0.12) } else { 0 };
        tw.m = m;
    }
    tweets
}

/// Shares of a post's numbers on the day it goes out and the next three.
const X_SPREAD: [f64; 4] = [0.62, 0.22, 0.10, 0.06];

struct XDaily {
    f0: u64,
    ambient: Vec<(NaiveDate, f64)>,
    churn: f64,
    background: f64,
    /// Bought followers: day, how many, how many of them leave again.
    purchase: Option<(NaiveDate, u64, u64)>,
}

/// Daily account numbers for `from..=to` and the follower list at the end. Tweets' lifetime
/// numbers are cut to what happened by `to`.
fn x_daily(r: &mut Rg, tweets: &mut [Tweet], from: NaiveDate, to: NaiveDate, cfg: &XDaily) -> (Vec<XDay>, Vec<String>) {
    let mut acc: BTreeMap<NaiveDate, [u64; NM]> = BTreeMap::new();
    let mut created: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    for tw in tweets.iter_mut() {
        if tw.kind == TKind::Retweet {
            continue;
        }
        let d0 = day_of(tw.t);
        *created.entry(d0).or_default() += 1;
        for i in 0..NM {
            if i == TFOL {
                let n = tw.m[TFOL];
                let mut kept = 0;
                for _ in 0..n {
                    let k = weighted(r, &X_SPREAD);
                    let d = plus(d0, k as i64);
                    if d <= to {
                        acc.entry(d).or_insert([0; NM])[TFOL] += 1;
                        kept += 1;
                    }
                }
                tw.m[TFOL] = kept;
                continue;
            }
            let v = tw.m[i];
            let mut parts = [0u64; 4];
            for k in 1..4 {
                parts[k] = (v as f64 * X_SPREAD[k]).floor() as u64;
            }
            parts[0] = v - parts[1..].iter().sum::<u64>();
            let mut kept = 0;
            for (k, part) in parts.iter().enumerate() {
                let d = plus(d0, k as i64);
                if d <= to {
                    acc.entry(d).or_insert([0; NM])[i] += part;
                    kept += part;
                }
            }
            tw.m[i] = kept;
        }
    }

    // Followers: ids in follow order; unfollows pick at random among the organic ones.
    let mut used = BTreeSet::new();
    let mut organic: Vec<(u64, String)> = (0..cfg.f0).map(|i| (i, x_user_id(r, &mut used))).collect();
    let mut bought: Vec<(u64, String)> = Vec::new();
    let mut seq = cfg.f0;
    let mut purge: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    if let Some((day, _, leaving)) = cfg.purchase {
        for _ in 0..leaving {
            let d = plus(day, 2 + (expo(r) * 18.0) as i64);
            *purge.entry(d.min(to)).or_default() += 1;
        }
    }
    let mut days = Vec::new();
    let mut f = cfg.f0 as f64;
    for d in span(from, to) {
        let a = acc.get(&d).copied().unwrap_or([0; NM]);
        let bg = poisson(r, f * cfg.background);
        let mut new = a[TFOL] + poisson(r, knots(d, &cfg.ambient));
        let organic_new = new;
        let mut bots_today = 0;
        if let Some((day, n, _)) = cfg.purchase
            && day == d
        {
            new += n;
            bots_today = n;
        }
        let churned = poisson(r, f * cfg.churn).min(organic.len() as u64);
        let purged = purge.get(&d).copied().unwrap_or(0);
        for _ in 0..organic_new {
            seq += 1;
            organic.push((seq, x_user_id(r, &mut used)));
        }
        for _ in 0..bots_today {
            seq += 1;
            let t = at(date(2025, 3, 1), 0, 0, 0) + r.random_range(0..80 * 86400);
            let mut id = snowflake(r, t).to_string();
            while !used.insert(id.clone()) {
                id = snowflake(r, t).to_string();
            }
            bought.push((seq, id));
        }
        for _ in 0..churned {
            let i = r.random_range(0..organic.len());
            organic.swap_remove(i);
        }
        let purged = purged.min(bought.len() as u64);
        for _ in 0..purged {
            let i = r.random_range(0..bought.len());
            bought.swap_remove(i);
        }
        let unf = churned + purged;
        f += new as f64 - unf as f64;
        days.push(XDay {
            date: Some(d),
            imp: a[IMP] + bg,
            likes: a[TL] + poisson(r, bg as f64 * 0.004),
            eng: a[TL]
                + a[TREP]
                + a[TRT]
                + a[TBM]
                + a[TSH]
                + a[TVIS]
                + a[TEXP]
                + a[TURL]
                + a[TTAG]
                + a[TPERMA]
                + poisson(r, bg as f64 * 0.012),
            bookmarks: a[TBM],
            shares: a[TSH],
            new,
            unf,
            replies: a[TREP],
            reposts: a[TRT],
            visits: a[TVIS] + poisson(r, bg as f64 * 0.006),
            create: created.get(&d).copied().unwrap_or(0),
            video: 0,
            media: a[TMEDIA],
        });
    }
    let mut all: Vec<(u64, String)> = organic.into_iter().chain(bought).collect();
    all.sort_by_key(|x| std::cmp::Reverse(x.0));
    (days, all.into_iter().map(|(_, id)| id).collect())
}

fn x_pro(r: &mut Rg) -> XAccount {
    let mut used = BTreeSet::new();
    let contacts: Vec<Contact> = X_PRO_CONTACTS
        .iter()
        .map(|(h, n)| Contact { handle: h.to_string(), name: n.to_string(), id: x_user_id(r, &mut used) })
        .collect();
    let plan = XPlan {
        start: date(2023, 1, 2),
        end: date(2026, 10, 31),
        per_week: [3.4, 2.0, 1.2],
        thread_p: 0.22,
        quiet: Some((date(2025, 6, 1), date(2025, 6, 5))),
        audience: vec![
            (date(2023, 1, 1), 2350.0),
            (date(2024, 11, 1), 3200.0),
            (date(2025, 6, 2), 3650.0),
            (date(2025, 6, 4), 4250.0),
            (date(2026, 10, 31), 5100.0),
        ],
        replies: vec![
            (date(2023, 1, 1), 5.5),
            (date(2024, 11, 1), 3.4),
            (date(2025, 11, 1), 2.0),
            (date(2026, 10, 31), 1.1),
        ],
        reach: [0.24, 0.05, 0.11],
        like_rate: 0.012,
        follow_rate: 0.0006,
    };
    let texts = XTexts {
        originals: X_PRO_ORIGINALS,
        replies: X_PRO_REPLIES,
        threads: X_PRO_THREADS,
        retweets: X_PRO_RETWEETS,
        url_targets: X_PRO_URLS,
        suffixes: &[" ✏️", " ☕", " 🙃", " (encore)", " #branding", " #design", " #freelance", " 😅", " 🎨"],
    };
    let mut tweets = x_simulate(r, &plan, &texts, "camille_designs", &contacts);
    let cfg = XDaily {
        f0: 3200,
        ambient: vec![(date(2024, 11, 1), 2.55), (date(2025, 11, 1), 2.95), (date(2026, 10, 31), 3.25)],
        churn: 0.00033,
        background: 0.012,
        purchase: Some((date(2025, 6, 3), 600, 90)),
    };
    let (days, followers) = x_daily(r, &mut tweets, date(2024, 11, 1), date(2026, 10, 31), &cfg);
    let mut following: Vec<String> = contacts.iter().map(|c| c.id.clone()).collect();
    for _ in 0..340 {
        following.push(x_user_id(r, &mut used));
    }
    let likes = x_likes(r, &contacts, texts.retweets, 160);
    XAccount {
        handle: "camille_designs",
        name: "Camille Laurent — design",
        user_id: snowflake(r, at(date(2019, 10, 22), 14, 3, 51)).to_string(),
        created_at: at(date(2019, 10, 22), 14, 3, 51),
        email: "bonjour@atelier-camille.example",
        bio: "Brand designer indépendante à Lyon. Identités visuelles, packaging, typo. Elle/she.",
        location: "Lyon, France",
        tweets,
        contacts,
        followers,
        following,
        likes,
        days,
    }
}

fn x_personal(r: &mut Rg) -> XAccount {
    let mut used = BTreeSet::new();
    let contacts: Vec<Contact> = X_PERSO_CONTACTS
        .iter()
        .map(|(h, n)| Contact { handle: h.to_string(), name: n.to_string(), id: x_user_id(r, &mut used) })
        .collect();
    let plan = XPlan {
        start: date(2023, 1, 2),
        end: date(2026, 10, 31),
        per_week: [1.5, 3.2, 0.7],
        thread_p: 0.0,
        quiet: None,
        audience: vec![(date(2023, 1, 1), 360.0), (date(2024, 11, 1), 385.0), (date(2026, 10, 31), 420.0)],
        replies: vec![(date(2023, 1, 1), 1.7), (date(2026, 10, 31), 1.4)],
        reach: [0.32, 0.11, 0.1],
        like_rate: 0.028,
        follow_rate: 0.0004,
    };
    let texts = XTexts {
        originals: X_PERSO_ORIGINALS,
        replies: X_PERSO_REPLIES,
        threads: &[],
        retweets: X_PERSO_RETWEETS,
        url_targets: X_PERSO_URLS,
        suffixes: &[" 😅", " 🙃", " !!", " ☀️", " 😂", " ❤️", " (encore)", " lol"],
    };
    let mut tweets = x_simulate(r, &plan, &texts, "camlrnt", &contacts);
    let cfg = XDaily {
        f0: 385,
        ambient: vec![(date(2024, 11, 1), 0.11), (date(2026, 10, 31), 0.12)],
        churn: 0.00018,
        background: 0.02,
        purchase: None,
    };
    let (days, followers) = x_daily(r, &mut tweets, date(2024, 11, 1), date(2026, 10, 31), &cfg);
    let mut following: Vec<String> = contacts.iter().map(|c| c.id.clone()).collect();
    for _ in 0..260 {
        following.push(x_user_id(r, &mut used));
    }
    let likes = x_likes(r, &contacts, texts.retweets, 220);
    XAccount {
        handle: "camlrnt",
        name: "cam",
        user_id: digits(r, 10),
        created_at: at(date(2014, 10, 18), 19, 42, 7),
        email: "camille.l@mail.example",
        bio: "lyon · café · vélo · céramique ratée",
        location: "Lyon",
        tweets,
        contacts,
        followers,
        following,
        likes,
        days,
    }
}

fn x_likes(r: &mut Rg, contacts: &[Contact], pool: &[&str], n: usize) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for _ in 0..n {
        let t = at(date(2024, 1, 1), 0, 0, 0) + r.random_range(0..1000 * 86400);
        let id = snowflake(r, t).to_string();
        let who = &pick(r, contacts).handle;
        let _ = who;
        out.push((id, pick(r, pool).to_string()));
    }
    out.sort_by(|a, b| b.0.cmp(&a.0));
    out
}

// ------------------------------------------------------------------------------------------------
// X: files
// ------------------------------------------------------------------------------------------------

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn char_pos(hay: &str, needle: &str) -> Option<(usize, usize)> {
    let b = hay.find(needle)?;
    let s = hay[..b].chars().count();
    Some((s, s + needle.chars().count()))
}

fn indices(s: usize, e: usize) -> J {
    ja(vec![js(s.to_string()), js(e.to_string())])
}

fn tweet_json(acc: &XAccount, tw: &Tweet) -> J {
    let text = &tw.text;
    let mut hashtags = Vec::new();
    for word in text.split(|c: char| c.is_whitespace()) {
        if let Some(tag) = word.strip_prefix('#') {
            let tag: String = tag.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if let Some((s, e)) = char_pos(text, &format!("#{tag}")) {
                hashtags.push(jo(vec![("text", js(tag)), ("indices", indices(s, e))]));
            }
        }
    }
    let mut mentions = Vec::new();
    if let Some(i) = tw.other {
        let c = &acc.contacts[i];
        if let Some((s, e)) = char_pos(text, &format!("@{}", c.handle)) {
            mentions.push(jo(vec![
                ("name", js(&c.name)),
                ("screen_name", js(&c.handle)),
                ("indices", indices(s, e)),
                ("id_str", js(&c.id)),
                ("id", js(&c.id)),
            ]));
        }
    }
    let urls: Vec<J> = tw
        .urls
        .iter()
        .filter_map(|(tco, expanded, display)| {
            let (s, e) = char_pos(text, tco)?;
            Some(jo(vec![
                ("url", js(tco)),
                ("expanded_url", js(expanded)),
                ("display_url", js(display)),
                ("indices", indices(s, e)),
            ]))
        })
        .collect();
    let mut entities =
        vec![("hashtags", ja(hashtags)), ("symbols", ja(vec![])), ("user_mentions", ja(mentions)), ("urls", ja(urls))];
    let mut extended = None;
    if let Some((mid, tco, key)) = &tw.media {
        let (s, e) = char_pos(text, tco).unwrap_or((0, 0));
        let host = if day_of(tw.t).year() >= 2024 { "x.com" } else { "twitter.com" };
        let pic = if day_of(tw.t).year() >= 2024 { "pic.x.com" } else { "pic.twitter.com" };
        let size = |w: i64, h: i64, resize: &str| {
            jo(vec![("w", js(w.to_string())), ("h", js(h.to_string())), ("resize", js(resize))])
        };
        let item = jo(vec![
            ("expanded_url", js(format!("https://{host}/{}/status/{}/photo/1", acc.handle, tw.id))),
            ("indices", indices(s, e)),
            ("url", js(tco)),
            ("media_url", js(format!("http://pbs.twimg.com/media/{key}.jpg"))),
            ("id_str", js(mid.to_string())),
            ("id", js(mid.to_string())),
            ("media_url_https", js(format!("https://pbs.twimg.com/media/{key}.jpg"))),
            (
                "sizes",
                jo(vec![
                    ("thumb", size(150, 150, "crop")),
                    ("medium", size(1200, 1200, "fit")),
                    ("small", size(680, 680, "fit")),
                    ("large", size(2048, 2048, "fit")),
                ]),
            ),
            ("type", js("photo")),
            ("display_url", js(format!("{pic}/{}", &tco[13..]))),
        ]);
        entities.push(("media", ja(vec![item.clone()])));
        extended = Some(jo(vec![("media", ja(vec![item]))]));
    }
    let len = text.chars().count();
    let start = match tw.kind {
        TKind::Reply => tw.other.map(|i| acc.contacts[i].handle.chars().count() + 2).unwrap_or(0),
        _ => 0,
    };
    let end = match &tw.media {
        Some((_, tco, _)) => char_pos(text, tco).map(|(s, _)| s.saturating_sub(1)).unwrap_or(len),
        None => len,
    };
    let id = tw.id.to_string();
    let created = DateTime::from_timestamp(tw.t, 0).expect("ts").format("%a %b %d %H:%M:%S +0000 %Y").to_string();
    let editable = tw.kind != TKind::Retweet;
    let mut kv = vec![
        (
            "edit_info",
            jo(vec![(
                "initial",
                jo(vec![
                    ("editTweetIds", ja(vec![js(&id)])),
                    ("editableUntil", js(iso_ms(tw.t + 3600))),
                    ("editsRemaining", js("5")),
                    ("isEditEligible", J::Bool(editable && tw.kind != TKind::Reply)),
                ]),
            )]),
        ),
        ("retweeted", J::Bool(false)),
        ("source", js(tw.source)),
        ("entities", jo(entities)),
        ("display_text_range", ja(vec![js(start.to_string()), js(end.to_string())])),
        ("favorite_count", js(if tw.kind == TKind::Retweet { "0".to_string() } else { tw.m[TL].to_string() })),
    ];
    let (reply_status, reply_user, reply_name) = match tw.kind {
        TKind::Reply => {
            let c = &acc.contacts[tw.other.expect("reply target")];
            (tw.reply_to_status, Some(c.id.clone()), Some(c.handle.clone()))
        }
        TKind::SelfReply => (tw.reply_to_status, Some(acc.user_id.clone()), Some(acc.handle.to_string())),
        _ => (None, None, None),
    };
    if let Some(s) = reply_status {
        kv.push(("in_reply_to_status_id_str", js(s.to_string())));
    }
    kv.push(("id_str", js(&id)));
    if let Some(u) = &reply_user {
        kv.push(("in_reply_to_user_id", js(u)));
    }
    kv.push(("truncated", J::Bool(false)));
    kv.push(("retweet_count", js(if tw.kind == TKind::Retweet { "0".to_string() } else { tw.m[TRT].to_string() })));
    kv.push(("id", js(&id)));
    if let Some(s) = reply_status {
        kv.push(("in_reply_to_status_id", js(s.to_string())));
    }
    if tw.media.is_some() || !tw.urls.is_empty() {
        kv.push(("possibly_sensitive", J::Bool(false)));
    }
    kv.push(("created_at", js(created)));
    kv.push(("favorited", J::Bool(false)));
    kv.push(("full_text", js(html_escape(text))));
    kv.push(("lang", js(tw.lang)));
    if let Some(n) = &reply_name {
        kv.push(("in_reply_to_screen_name", js(n)));
    }
    if let Some(u) = &reply_user {
        kv.push(("in_reply_to_user_id_str", js(u)));
    }
    if let Some(x) = extended {
        kv.push(("extended_entities", x));
    }
    jo(vec![("tweet", jo(kv))])
}

fn x_archive(acc: &XAccount, split: bool, generated: i64) -> Files {
    let mut data: Files = Vec::new();
    let mut tweets: Vec<&Tweet> = acc.tweets.iter().collect();
    tweets.sort_by_key(|x| std::cmp::Reverse(x.id));
    let items: Vec<J> = tweets.iter().map(|t| tweet_json(acc, t)).collect();
    let mut tweet_files = Vec::new();
    if split {
        let half = items.len().div_ceil(2);
        let (a, b) = items.split_at(half);
        tweet_files.push(("data/tweets.js".to_string(), "YTD.tweets.part0", a.len()));
        tweet_files.push(("data/tweets-part1.js".to_string(), "YTD.tweets.part1", b.len()));
        data.push(("data/tweets.js".into(), ytd("tweets", 0, a.to_vec())));
        data.push(("data/tweets-part1.js".into(), ytd("tweets", 1, b.to_vec())));
    } else {
        tweet_files.push(("data/tweets.js".to_string(), "YTD.tweets.part0", items.len()));
        data.push(("data/tweets.js".into(), ytd("tweets", 0, items)));
    }
    let rel = |kind: &str, id: &str| {
        jo(vec![(
            kind,
            jo(vec![("accountId", js(id)), ("userLink", js(format!("https://twitter.com/intent/user?user_id={id}")))]),
        )])
    };
    data.push((
        "data/follower.js".into(),
        ytd("follower", 0, acc.followers.iter().map(|id| rel("follower", id)).collect()),
    ));
    data.push((
        "data/following.js".into(),
        ytd("following", 0, acc.following.iter().map(|id| rel("following", id)).collect()),
    ));
    let account = jo(vec![(
        "account",
        jo(vec![
            ("email", js(acc.email)),
            ("createdVia", js("web")),
            ("username", js(acc.handle)),
            ("accountId", js(&acc.user_id)),
            ("createdAt", js(iso_ms(acc.created_at))),
            ("accountDisplayName", js(acc.name)),
        ]),
    )]);
    data.push(("data/account.js".into(), ytd("account", 0, vec![account])));
    let profile = jo(vec![(
        "profile",
        jo(vec![
            (
                "description",
                jo(vec![
                    ("bio", js(acc.bio)),
                    ("website", js("https://t.co/Qm4vLp2XzA")),
                    ("location", js(acc.location)),
                ]),
            ),
            (
                "avatarMediaUrl",
                js(format!("https://pbs.twimg.com/profile_images/{}/Kp3dXw9a_400x400.jpg", acc.user_id)),
            ),
            ("headerMediaUrl", js(format!("https://pbs.twimg.com/profile_banners/{}/1698412233", acc.user_id))),
        ]),
    )]);
    data.push(("data/profile.js".into(), ytd("profile", 0, vec![profile])));
    let likes = acc
        .likes
        .iter()
        .map(|(id, text)| {
            jo(vec![(
                "like",
                jo(vec![
                    ("tweetId", js(id)),
                    ("fullText", js(html_escape(text))),
                    ("expandedUrl", js(format!("https://twitter.com/i/web/status/{id}"))),
                ]),
            )])
        })
        .collect();
    data.push(("data/like.js".into(), ytd("like", 0, likes)));
    data.push(("data/block.js".into(), b"window.YTD.block.part0 = [ ]".to_vec()));
    data.push(("data/mute.js".into(), b"window.YTD.mute.part0 = [ ]".to_vec()));
    data.push((
        "data/README.txt".into(),
        b"This archive contains the data associated with your account.\nOpen \"Your archive.html\" in a browser to browse it.\nThe files in the data folder are JavaScript files that can be read as JSON once the first assignment is removed.\n".to_vec(),
    ));

    let size: usize = data.iter().map(|(_, b)| b.len()).sum();
    let file = |name: &str, global: &str, count: usize| {
        jo(vec![("fileName", js(name)), ("globalName", js(global)), ("count", js(count.to_string()))])
    };
    let count_of = |name: &str| -> usize {
        match name {
            "follower" => acc.followers.len(),
            "following" => acc.following.len(),
            "like" => acc.likes.len(),
            "account" | "profile" => 1,
            _ => 0,
        }
    };
    let mut types =
        vec![("account".to_string(), jo(vec![("files", ja(vec![file("data/account.js", "YTD.account.part0", 1)]))]))];
    for name in ["block", "follower", "following", "like", "mute"] {
        types.push((
            name.to_string(),
            jo(vec![(
                "files",
                ja(vec![file(&format!("data/{name}.js"), &format!("YTD.{name}.part0"), count_of(name))]),
            )]),
        ));
    }
    types.push((
        "profile".to_string(),
        jo(vec![
            ("mediaDirectory", js("data/profile_media")),
            ("files", ja(vec![file("data/profile.js", "YTD.profile.part0", 1)])),
        ]),
    ));
    types.push((
        "tweets".to_string(),
        jo(vec![
            ("mediaDirectory", js("data/tweets_media")),
            ("files", ja(tweet_files.iter().map(|(n, g, c)| file(n, g, *c)).collect())),
        ]),
    ));
    let manifest = jo(vec![
        (
            "userInfo",
            jo(vec![("accountId", js(&acc.user_id)), ("userName", js(acc.handle)), ("displayName", js(acc.name))]),
        ),
        (
            "archiveInfo",
            jo(vec![
                ("sizeBytes", js(size.to_string())),
                ("generationDate", js(iso_ms(generated))),
                ("isPartialArchive", J::Bool(false)),
                ("maxPartSizeBytes", js("53687091200")),
            ]),
        ),
        (
            "readmeInfo",
            jo(vec![("fileName", js("data/README.txt")), ("directory", js("data/")), ("name", js("README.txt"))]),
        ),
        ("dataTypes", J::Obj(types)),
    ]);
    data.push((
        "data/manifest.js".into(),
        format!("window.__THAR_CONFIG = {}", to_json(&manifest, Style::X)).into_bytes(),
    ));
    data.sort_by(|a, b| a.0.cmp(&b.0));
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Your archive</title>\n</head>\n<body>\n<h1>Your archive</h1>\n<p>@{} — generated {}.</p>\n<p>Your data is in the <code>data</code> folder.</p>\n</body>\n</html>\n",
        acc.handle,
        iso_ms(generated)
    );
    let mut files: Files = vec![("Your archive.html".into(), html.into_bytes())];
    files.extend(data);
    files
}

const OVERVIEW_HEADER: [&str; 14] = [
    "Date",
    "Impressions",
    "Likes",
    "Engagements",
    "Bookmarks",
    "Shares",
    "New follows",
    "Unfollows",
    "Replies",
    "Reposts",
    "Profile visits",
    "Create Post",
    "Video views",
    "Media views",
];

fn overview_csv(days: &[XDay]) -> Res<Vec<u8>> {
    let mut rows = Vec::new();
    for d in days.iter().rev() {
        let n = |v: u64| if v > 999 { thousands(v) } else { v.to_string() };
        rows.push(vec![
            x_date(d.date.expect("day")),
            n(d.imp),
            n(d.likes),
            n(d.eng),
            n(d.bookmarks),
            n(d.shares),
            n(d.new),
            n(d.unf),
            n(d.replies),
            n(d.reposts),
            n(d.visits),
            n(d.create),
            n(d.video),
            n(d.media),
        ]);
    }
    csv_bytes(&OVERVIEW_HEADER, &rows)
}

fn content_csv(acc: &XAccount, from: NaiveDate, to: NaiveDate) -> Res<Vec<u8>> {
    let header = [
        "Post id",
        "Date",
        "Post text",
        "Post Link",
        "Impressions",
        "Likes",
        "Engagements",
        "Bookmarks",
        "Shares",
        "New follows",
        "Replies",
        "Reposts",
        "Profile visits",
        "Detail Expands",
        "URL Clicks",
        "Hashtag Clicks",
        "Permalink Clicks",
    ];
    let mut tweets: Vec<&Tweet> =
        acc.tweets.iter().filter(|t| t.kind != TKind::Retweet && day_of(t.t) >= from && day_of(t.t) <= to).collect();
    tweets.sort_by_key(|x| std::cmp::Reverse(x.id));
    let rows: Vec<Vec<String>> = tweets
        .iter()
        .map(|t| {
            vec![
                t.id.to_string(),
                x_date(day_of(t.t)),
                t.text.clone(),
                format!("https://x.com/{}/status/{}", acc.handle, t.id),
                t.m[IMP].to_string(),
                t.m[TL].to_string(),
                t.engagements().to_string(),
                t.m[TBM].to_string(),
                t.m[TSH].to_string(),
                t.m[TFOL].to_string(),
                t.m[TREP].to_string(),
                t.m[TRT].to_string(),
                t.m[TVIS].to_string(),
                t.m[TEXP].to_string(),
                t.m[TURL].to_string(),
                t.m[TTAG].to_string(),
                t.m[TPERMA].to_string(),
            ]
        })
        .collect();
    csv_bytes(&header, &rows)
}

// ------------------------------------------------------------------------------------------------
// LinkedIn
// ------------------------------------------------------------------------------------------------

struct LiPost {
    activity: u64,
    t: i64,
    text: String,
    shared_url: String,
    media_url: String,
    /// Impressions and engagements per day after publication (index 0 = the day itself).
    imp: Vec<u64>,
    eng: Vec<u64>,
    url: String,
}

impl LiPost {
    fn totals(&self, until: NaiveDate) -> (u64, u64) {
        let d0 = day_of(self.t);
        let keep =
            |v: &Vec<u64>| v.iter().enumerate().filter(|(k, _)| plus(d0, *k as i64) <= until).map(|(_, x)| x).sum();
        (keep(&self.imp), keep(&self.eng))
    }
}

struct Li {
    posts: Vec<LiPost>,
    /// Per day: new followers, hidden losses, follower total at the end of the day, impressions,
    /// engagements.
    days: BTreeMap<NaiveDate, (u64, u64, u64, u64, u64)>,
    connections: Vec<(String, String, String, String, String, String, NaiveDate)>,
}

const LI_SPREAD: [f64; 6] = [0.45, 0.25, 0.13, 0.08, 0.05, 0.04];

const LI_POSTS: &[&str] = &[
    "Il y a {n} ans, je quittais mon CDI pour me lancer en freelance.\n\nCe que j'ai appris depuis :\n→ Dire non à certains projets, c'est dire oui aux bons.\n→ Un devis clair évite 90 % des malentendus.\n→ La solitude du freelance, ça se soigne (merci les copains de l'atelier partagé).",
    "On me demande souvent combien coûte un logo.\n\nLe tarif dépend de trois choses : le périmètre, le nombre de supports, et la cession de droits.\n\nUn \"petit logo\" pour une marque qui vise l'international n'est pas un petit projet.",
    "Nouveau projet : l'identité visuelle de {c} 🎨\n\nLe brief : \"une marque chaleureuse, mais pas rétro\".\n\nLe résultat : un monogramme dessiné à la main, une palette terre cuite et une typographie à empattements doux, déclinés du packaging à l'enseigne.",
    "Un client m'a dit cette semaine : \"on veut juste un logo, rien de plus\".\n\nTrois semaines plus tard, on parlait de ton de voix, de packaging et de signalétique.\n\nUne identité visuelle, ce n'est pas un logo. C'est un système.",
    "3 choses que j'aurais aimé savoir avant de devenir designer freelance :\n\n1. Votre portfolio attire les projets qui lui ressemblent.\n2. Le temps passé en allers-retours se facture.\n3. Les meilleurs clients viennent du bouche-à-oreille.",
    "Retour sur la soirée Design & Territoires à Lyon hier soir.\n\nTrès belle table ronde sur la place des marques locales face aux grandes enseignes. Mon idée à retenir : une identité forte n'a pas besoin d'un gros budget, elle a besoin d'un point de vue.",
    "Ce que j'ai appris en refaisant l'identité de {c} :\n\n→ Garder ce qui fait l'attachement des clients (ici, la couleur historique).\n→ Simplifier tout le reste.\n→ Tester en situation réelle avant de valider.",
    "Petite victoire du jour 🙌\n\nL'enseigne de {c} est posée, et les premiers clients la prennent déjà en photo. C'est pour ces moments-là que j'aime ce métier.",
    "Le brief le plus court que j'aie reçu : \"faites-nous rêver\".\n\nPremier réflexe : écouter. Deuxième réflexe : reformuler. Troisième : proposer.\n\nDans cet ordre, sinon on dessine pour soi.",
    "Pourquoi je ne présente jamais plus de deux pistes créatives.\n\nAu-delà, le choix devient une question de goût, plus de stratégie. Deux pistes bien argumentées valent mieux que cinq esquisses.",
    "La charte graphique de {c} fait 40 pages.\n\nPas pour faire joli : pour que l'équipe puisse créer une affiche, un post ou une étiquette sans moi, et sans trahir la marque.",
    "J'ai refusé un projet cette semaine.\n\nLe client voulait \"la même chose que son concurrent, en mieux\". Je préfère aider une marque à trouver sa propre voix.",
    "5 ans de freelance, 3 leçons :\n\n1. Votre réseau est votre meilleur commercial.\n2. Un bon contrat vaut dix relances.\n3. Prenez des vacances. Vraiment.",
    "On parle beaucoup de logos, peu de typographie.\n\nPourtant, c'est souvent elle qui fait qu'on reconnaît une marque de loin : sur une affiche, une étiquette, une enseigne.",
    "Le packaging de {c} est en rayon 📦\n\nUn an de travail : recherche, prototypes, tests d'impression, et une équipe incroyable côté client.",
    "Pourquoi je commence chaque projet par un atelier de positionnement (et pas par des esquisses) :\n\n→ On se met d'accord sur les mots avant les formes.\n→ On gagne des semaines d'allers-retours.",
    "Ce matin, intervention à l'école de design sur le métier de designer indépendante.\n\nLeur question la plus fréquente : \"comment on trouve ses premiers clients ?\" Réponse honnête : par les gens qui vous connaissent déjà.",
    "Petit bilan de l'année : 14 identités, 6 packagings, 2 signalétiques.\n\nEt surtout, des clients qui reviennent. C'est le meilleur indicateur que je connaisse.",
    "Le brief idéal tient sur une page :\n\n→ qui vous êtes\n→ à qui vous parlez\n→ ce que vous voulez qu'on retienne\n→ le budget et le calendrier",
    "Nouvelle identité pour {c} : une marque locale, un nom qui claque, et un logo qui tient sur un tampon en caoutchouc. Mon genre de défi préféré.",
];
const LI_CLOSINGS: &[&str] = &[
    "Et vous, qu'en pensez-vous ?",
    "Vous êtes plutôt team serif ou sans-serif ?",
    "Le projet complet est à découvrir dans mon portfolio (lien en commentaire).",
    "Si vous avez un projet de marque, ma boîte de réception est ouverte ✉️",
    "Curieuse d'avoir vos retours en commentaire 👇",
];
const LI_TAGS: &[&str] =
    &["#branding #design #freelance", "#identitévisuelle #graphisme #lyon", "#designgraphique #entrepreneuriat"];
const COMPANIES: &[&str] = &[
    "Studio Nébuleuse",
    "Agence Cerise",
    "Maison Verrier",
    "Groupe Hexa",
    "Atelier Pivoine",
    "Collectif Prisme",
    "Brasserie des Canuts",
    "Librairie Passage",
    "Indépendant",
    "Freelance",
    "Lumen Conseil",
    "Datavis & Co",
    "Caisse d'Entraide Rhône",
    "Éditions du Pont",
    "Vélos Saône",
    "Office de Tourisme des Pentes",
    "Hexagone Digital",
    "École de Design de Lyon",
    "Maison Olive",
    "Torréfaction Nomade",
    "Cabinet Roche & Associés",
];
const POSITIONS: &[&str] = &[
    "Directrice artistique",
    "UX Designer",
    "Chargée de communication",
    "Fondateur",
    "Product Designer",
    "Responsable marketing",
    "Photographe indépendant",
    "Développeur front-end",
    "Graphiste freelance",
    "Chef de projet digital",
    "Illustratrice",
    "Brand Manager",
    "Motion designer",
    "Fondatrice, directrice artistique",
    "Enseignant en design graphique",
    "Imprimeur",
    "Consultante en stratégie de marque",
    "Community manager",
    "Designer graphique",
    "CEO",
];

fn li_text(r: &mut Rg, t: i64) -> String {
    let years = day_of(t).year() - 2021;
    let body = pick(r, LI_POSTS).replace("{n}", &years.max(1).to_string());
    let body = fill(&body, r);
    let close = pick(r, LI_CLOSINGS);
    let tags = pick(r, LI_TAGS);
    format!("{body}\n\n{close}\n\n{tags}")
}

fn li_sim(r: &mut Rg) -> Li {
    let start = date(2023, 1, 2);
    let end = date(2026, 10, 31);
    let mut posts = Vec::new();
    let mut monday = start;
    while monday <= end {
        let vacation = monday.month() == 8 && (4..=17).contains(&monday.day());
        let n = if vacation {
            0
        } else if chance(r, 0.1) {
            1
        } else {
            2
        };
        for i in choose_k(r, n, &[0.6, 1.4, 0.9, 1.4, 0.6, 0.0, 0.0]) {
            let d = plus(monday, i as i64);
            if d > end {
                continue;
            }
            let t = local(d, 7 * 3600 + 45 * 60 + r.random_range(0..7200));
            let activity = (((t * 1000 + r.random_range(0..1000)) as u64) << 22) | r.random_range(0..(1u64 << 22));
            let text = li_text(r, t);
            let shared_url = if chance(r, 0.18) {
                format!("https://www.behance.net/gallery/{}/{}", digits(r, 9), slugify(pick::<&str>(r, CLIENTS)))
            } else {
                String::new()
            };
            let media_url = if shared_url.is_empty() && chance(r, 0.45) {
                format!(
                    "https://media.licdn.com/dms/image/v2/D4E22AQ{}/feedshare-shrink_2048_1536/feedshare-shrink_2048_1536/0/{}",
                    from_alphabet(r, ALNUM, 12),
                    t * 1000 + r.random_range(0..1000)
                )
            } else {
                String::new()
            };
            let words: Vec<String> = text
                .lines()
                .next()
                .unwrap_or("")
                .split(|c: char| !c.is_alphanumeric())
                .map(fold)
                .filter(|w| w.len() >= 3)
                .take(5)
                .collect();
            let url = format!(
                "https://www.linkedin.com/posts/camille-laurent-design_{}-activity-{activity}-{}",
                words.join("-"),
                from_alphabet(r, ALNUM, 4)
            );
            posts.push(LiPost { activity, t, text, shared_url, media_url, imp: Vec::new(), eng: Vec::new(), url });
        }
        monday = plus(monday, 7);
    }
    posts.sort_by_key(|p| p.t);

    // Followers day by day; posts bring reach and some follows.
    let ambient = [(start, 1.0), (date(2024, 10, 31), 1.4), (date(2025, 10, 31), 2.7), (end, 4.2)];
    let mut follows: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    let mut imp_d: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    let mut eng_d: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    let mut f = 950.0;
    let mut days = BTreeMap::new();
    let mut next_post = 0;
    for d in span(start, end) {
        while next_post < posts.len() && day_of(posts[next_post].t) == d {
            let p = &mut posts[next_post];
            let mut imp = f * un(r, 0.6, 1.4) * lognorm(r, 0.35);
            if chance(r, 0.03) {
                imp *= un(r, 3.5, 6.0);
            }
            let eng = imp * un(r, 0.028, 0.05);
            for (k, share) in LI_SPREAD.iter().enumerate() {
                let di = plus(d, k as i64);
                let i = (imp * share).round() as u64;
                let e = (eng * share).round() as u64;
                p.imp.push(i);
                p.eng.push(e);
                *imp_d.entry(di).or_default() += i;
                *eng_d.entry(di).or_default() += e;
            }
            for _ in 0..poisson(r, imp * 0.0013) {
                let k = weighted(r, &LI_SPREAD);
                *follows.entry(plus(d, k as i64)).or_default() += 1;
            }
            next_post += 1;
        }
        let bg = poisson(r, f * 0.03);
        let gained = follows.get(&d).copied().unwrap_or(0) + poisson(r, knots(d, &ambient));
        let lost = poisson(r, f * 0.00008);
        f += gained as f64 - lost as f64;
        let imp = imp_d.get(&d).copied().unwrap_or(0) + bg;
        let eng = eng_d.get(&d).copied().unwrap_or(0) + poisson(r, bg as f64 * 0.02);
        days.insert(d, (gained, lost, f as u64, imp, eng));
    }

    // Connections since 2016.
    let per_year: [(i32, usize); 11] = [
        (2016, 45),
        (2017, 90),
        (2018, 110),
        (2019, 120),
        (2020, 105),
        (2021, 130),
        (2022, 140),
        (2023, 150),
        (2024, 150),
        (2025, 140),
        (2026, 120),
    ];
    let mut names = Names::default();
    let mut connections = Vec::new();
    for (year, n) in per_year {
        for _ in 0..n {
            let (first_day, last_day) = match year {
                2016 => (date(2016, 9, 5), date(2016, 12, 31)),
                2026 => (date(2026, 1, 1), date(2026, 10, 31)),
                y => (date(y, 1, 1), date(y, 12, 31)),
            };
            let d = plus(first_day, r.random_range(0..=(last_day - first_day).num_days()));
            let (first, last) = person(r);
            let base = format!("{}-{}", slugify(&first), slugify(&last));
            let slug = if chance(r, 0.7) { format!("{base}-{}", from_alphabet(r, HEX, 8)) } else { base };
            let slug = names.claim(r, slug);
            let email =
                if chance(r, 0.03) { format!("{}.{}@example.com", fold(&first), fold(&last)) } else { String::new() };
            let company = pick(r, COMPANIES).to_string();
            let position = pick(r, POSITIONS).to_string();
            connections.push((first, last, format!("https://www.linkedin.com/in/{slug}"), email, company, position, d));
        }
    }
    connections.sort_by(|a, b| b.6.cmp(&a.6).then_with(|| a.2.cmp(&b.2)));
    Li { posts, days, connections }
}

fn li_archive(li: &Li, r: &mut Rg) -> Res<Files> {
    let mut files: Files = Vec::new();
    // Profile.
    let profile = csv_bytes(
        &[
            "First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary", "Industry", "Zip Code",
            "Geo Location", "Twitter Handles", "Websites", "Instant Messengers",
        ],
        &[vec![
            "Camille".into(),
            "Laurent".into(),
            String::new(),
            String::new(),
            String::new(),
            "Brand designer · Identités visuelles pour marques indépendantes".into(),
            "Designer graphique indépendante à Lyon depuis 2021.\nJ'accompagne les marques indépendantes, de la stratégie à la charte : logo, typographie, packaging, signalétique.".into(),
            "Design Services".into(),
            "69001".into(),
            "Lyon, Auvergne-Rhône-Alpes, France".into(),
            "[camille_designs]".into(),
            "[PORTFOLIO:https://www.behance.net/ateliercamille]".into(),
            String::new(),
        ]],
    )?;
    files.push(("Profile.csv".into(), profile));

    // Connections, with the Notes preamble; two deleted members.
    let mut c = String::from(
        "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"\n\n",
    );
    let rows: Vec<Vec<String>> = li
        .connections
        .iter()
        .map(|(f, l, u, e, co, p, d)| {
            vec![f.clone(), l.clone(), u.clone(), e.clone(), co.clone(), p.clone(), d.format("%d %b %Y").to_string()]
        })
        .collect();
    let mut body = String::from_utf8(csv_bytes(
        &["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"],
        &rows,
    )?)?;
    let mut lines: Vec<String> = Vec::new();
    {
        // Insert the deleted members' rows (only commas) at two places; rows here have no newline
        // inside fields, so splitting on lines is safe.
        let all: Vec<&str> = body.lines().collect();
        for (i, l) in all.iter().enumerate() {
            lines.push(l.to_string());
            if i == 214 || i == 803 {
                lines.push(",,,,,,".into());
            }
        }
    }
    body = lines.join("\n") + "\n";
    c.push_str(&body);
    files.push(("Connections.csv".into(), c.into_bytes()));

    // Shares (newest first), commentary with quotes and line breaks.
    let mut posts: Vec<&LiPost> = li.posts.iter().collect();
    posts.sort_by_key(|x| std::cmp::Reverse(x.t));
    let rows: Vec<Vec<String>> = posts
        .iter()
        .map(|p| {
            vec![
                DateTime::from_timestamp(p.t, 0).expect("ts").format("%Y-%m-%d %H:%M:%S").to_string(),
                format!("https://www.linkedin.com/feed/update/urn:li:activity:{}/", p.activity),
                p.text.clone(),
                p.shared_url.clone(),
                p.media_url.clone(),
                "MEMBER_NETWORK".into(),
            ]
        })
        .collect();
    files.push((
        "Shares_252701747.csv".into(),
        csv_bytes(&["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"], &rows)?,
    ));

    // Files Resonance does not use.
    let skills = [
        "Identité visuelle",
        "Branding",
        "Adobe Illustrator",
        "Figma",
        "Typographie",
        "Direction artistique",
        "Packaging",
        "Adobe InDesign",
        "Design graphique",
        "Stratégie de marque",
        "Signalétique",
    ];
    files.push((
        "Skills.csv".into(),
        csv_bytes(&["Name"], &skills.iter().map(|s| vec![s.to_string()]).collect::<Vec<_>>())?,
    ));
    files.push((
        "Positions.csv".into(),
        csv_bytes(
            &["Company Name", "Title", "Description", "Location", "Started On", "Finished On"],
            &[
                vec![
                    "Atelier Camille Laurent".into(),
                    "Brand designer indépendante".into(),
                    "Identités visuelles, packaging et signalétique pour marques indépendantes.".into(),
                    "Lyon, Auvergne-Rhône-Alpes, France".into(),
                    "Mar 2021".into(),
                    String::new(),
                ],
                vec![
                    "Agence Cerise".into(),
                    "Designer graphique".into(),
                    "Identités et campagnes pour des clients culture et retail.".into(),
                    "Lyon, Auvergne-Rhône-Alpes, France".into(),
                    "Sep 2017".into(),
                    "Feb 2021".into(),
                ],
                vec![
                    "Studio Nébuleuse".into(),
                    "Designer junior".into(),
                    String::new(),
                    "Villeurbanne, Auvergne-Rhône-Alpes, France".into(),
                    "Sep 2016".into(),
                    "Aug 2017".into(),
                ],
            ],
        )?,
    ));
    let types = ["LIKE", "LIKE", "LIKE", "PRAISE", "EMPATHY", "INTEREST", "APPRECIATION"];
    let mut reactions = Vec::new();
    for _ in 0..260 {
        let t = at(date(2023, 1, 1), 0, 0, 0) + r.random_range(0..1400 * 86400);
        let act = ((t * 1000) as u64) << 22 | r.random_range(0..(1u64 << 22));
        reactions.push((
            t,
            pick(r, &types).to_string(),
            format!("https://www.linkedin.com/feed/update/urn:li:activity:{act}/"),
        ));
    }
    reactions.sort_by_key(|x| std::cmp::Reverse(x.0));
    let rows: Vec<Vec<String>> = reactions
        .iter()
        .map(|(t, ty, l)| {
            vec![
                DateTime::from_timestamp(*t, 0).expect("ts").format("%Y-%m-%d %H:%M:%S").to_string(),
                ty.clone(),
                l.clone(),
            ]
        })
        .collect();
    files.push(("Reactions_252701747.csv".into(), csv_bytes(&["Date", "Type", "Link"], &rows)?));
    let rows: Vec<Vec<String>> = posts
        .iter()
        .filter(|p| !p.media_url.is_empty())
        .take(60)
        .map(|p| {
            let dt = DateTime::from_timestamp(p.t, 0).expect("ts");
            vec![
                format!("You uploaded a feed image on {} at {} (GMT)", dt.format("%B %-d, %Y"), dt.format("%-I:%M %p")),
                String::new(),
                p.media_url.clone(),
            ]
        })
        .collect();
    files.push(("Rich_Media.csv".into(), csv_bytes(&["Date/Time", "Media Description", "Media Link"], &rows)?));
    let learning = "Content Title,Content Description,Content Type,Content Last Watched Date (if viewed),Content Completed At (if completed),Content Saved,Notes taken on videos (if taken),\n\
Les fondamentaux de la typographie,\"Choisir, associer et composer des caractères.\",Course,2024-02-11 20:13 UTC,2024-02-18 21:02 UTC,false,,\n\
Négocier en tant que freelance,Fixer ses prix et défendre sa valeur.,Course,2023-09-03 19:41 UTC,2023-09-04 20:30 UTC,false,,\n\
Figma : les composants avancés,,Video,2025-05-20 12:05 UTC,,true,,\n";
    files.push(("Learning.csv".into(), learning.as_bytes().to_vec()));
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

fn li_xlsx(li: &Li, from: NaiveDate, to: NaiveDate, exported: NaiveDate, modern: bool) -> Res<(Vec<u8>, u64)> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(exported.year() as u16, exported.month() as u8, exported.day() as u8)?
        .and_hms(9, 0, 0)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let window = span(from, to);
    let day = |d: &NaiveDate| li.days.get(d).copied().unwrap_or((0, 0, 0, 0, 0));

    let total_imp: u64 = window.iter().map(|d| day(d).3).sum();
    {
        let ws = wb.add_worksheet();
        ws.set_name("DISCOVERY")?;
        ws.write_string(0, 0, "Overall Performance")?;
        ws.write_string(0, 1, format!("{} - {}", us_date(from), us_date(to)))?;
        ws.write_string(1, 0, "Impressions")?;
        ws.write_string(1, 1, total_imp.to_string())?;
        ws.write_string(2, 0, "Members reached")?;
        ws.write_string(2, 1, ((total_imp as f64) * 0.41).round().to_string())?;
    }
    {
        let ws = wb.add_worksheet();
        ws.set_name("ENGAGEMENT")?;
        for (c, h) in ["Date", "Impressions", "Engagements"].iter().enumerate() {
            ws.write_string(0, c as u16, *h)?;
        }
        for (i, d) in window.iter().enumerate() {
            let row = i as u32 + 1;
            ws.write_string(row, 0, us_date(*d))?;
            ws.write_string(row, 1, day(d).3.to_string())?;
            ws.write_string(row, 2, day(d).4.to_string())?;
        }
    }
    {
        let ws = wb.add_worksheet();
        ws.set_name("TOP POSTS")?;
        ws.write_string(0, 0, "Maximum of 50 posts available to include in this list")?;
        for (c, h) in ["Post URL", "Post publish date", "Engagements"].iter().enumerate() {
            ws.write_string(2, c as u16, *h)?;
        }
        for (c, h) in ["Post URL", "Post publish date", "Impressions"].iter().enumerate() {
            ws.write_string(2, c as u16 + 4, *h)?;
        }
        let mut posts: Vec<(&LiPost, u64, u64)> = li
            .posts
            .iter()
            .filter(|p| day_of(p.t) >= from && day_of(p.t) <= to)
            .map(|p| {
                let (i, e) = p.totals(to);
                (p, i, e)
            })
            .collect();
        posts.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.activity.cmp(&b.0.activity)));
        for (i, (p, _, e)) in posts.iter().take(50).enumerate() {
            let row = i as u32 + 3;
            ws.write_string(row, 0, &p.url)?;
            ws.write_string(row, 1, us_date(day_of(p.t)))?;
            ws.write_string(row, 2, e.to_string())?;
        }
        posts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.activity.cmp(&b.0.activity)));
        for (i, (p, imp, _)) in posts.iter().take(50).enumerate() {
            let row = i as u32 + 3;
            ws.write_string(row, 4, &p.url)?;
            ws.write_string(row, 5, us_date(day_of(p.t)))?;
            ws.write_string(row, 6, imp.to_string())?;
        }
    }
    let total = day(&to).2;
    {
        let ws = wb.add_worksheet();
        ws.set_name("FOLLOWERS")?;
        ws.write_string(0, 0, format!("Total followers on {}:", us_date(to)))?;
        ws.write_string(0, 1, total.to_string())?;
        ws.write_string(2, 0, "Date")?;
        ws.write_string(2, 1, "New followers")?;
        for (i, d) in window.iter().enumerate() {
            let row = i as u32 + 3;
            ws.write_string(row, 0, us_date(*d))?;
            ws.write_string(row, 1, day(d).0.to_string())?;
        }
    }
    {
        let ws = wb.add_worksheet();
        ws.set_name("DEMOGRAPHICS")?;
        let rows: [(&str, &str, &str, f64); 20] = [
            ("Job titles", "Job title", "Graphic Designer", 0.071),
            ("Job titles", "Job title", "Founder", 0.058),
            ("Job titles", "Job title", "Art Director", 0.034),
            ("Job titles", "Job title", "Marketing Manager", 0.029),
            ("Job titles", "Job title", "Product Designer", 0.021),
            ("Locations", "Location", "Lyon Area, France", 0.274),
            ("Locations", "Location", "Greater Paris Metropolitan Region", 0.188),
            ("Locations", "Location", "Grenoble Area, France", 0.041),
            ("Locations", "Location", "Greater Marseille Metropolitan Area", 0.027),
            ("Locations", "Location", "Geneva Metropolitan Area", 0.009),
            ("Industries", "Industry", "Design Services", 0.196),
            ("Industries", "Industry", "Advertising Services", 0.117),
            ("Industries", "Industry", "Retail", 0.052),
            ("Industries", "Industry", "Food and Beverage Services", 0.044),
            ("Seniority", "Seniority", "Senior", 0.283),
            ("Seniority", "Seniority", "Entry", 0.214),
            ("Company size", "Company size", "2-10 employees", 0.238),
            ("Company size", "Company size", "11-50 employees", 0.167),
            ("Companies", "Company", "Agence Cerise", 0.006),
            ("Companies", "Company", "École de Design de Lyon", 0.004),
        ];
        ws.write_string(0, 0, "Top Demographics")?;
        ws.write_string(0, 1, "Value")?;
        ws.write_string(0, 2, "Percentage")?;
        for (i, (old, new, value, share)) in rows.iter().enumerate() {
            let row = i as u32 + 1;
            let share = if exported.year() >= 2026 { share * 0.97 } else { *share };
            if modern {
                ws.write_string(row, 0, *new)?;
                ws.write_string(row, 1, *value)?;
                let pct = share * 100.0;
                ws.write_string(row, 2, if pct < 1.0 { "< 1%".to_string() } else { format!("{}%", pct.round()) })?;
            } else {
                ws.write_string(row, 0, *old)?;
                ws.write_string(row, 1, *value)?;
                ws.write_string(row, 2, format!("{share:.3}"))?;
            }
        }
    }
    Ok((wb.save_to_buffer()?, total))
}

// ------------------------------------------------------------------------------------------------
// Main
// ------------------------------------------------------------------------------------------------

fn manifest_json(entries: &[Entry]) -> Vec<u8> {
    let files = entries
        .iter()
        .map(|e| {
            let mut kv = vec![("file", js(&e.file)), ("role", js(e.role))];
            if let Some((platform, handle)) = e.account {
                kv.push(("platform", js(platform)));
                kv.push(("handle", js(handle)));
            }
            jo(kv)
        })
        .collect();
    let m = jo(vec![("persona", js("Camille Laurent")), ("exported_on", js("2026-11-01")), ("files", ja(files))]);
    (to_json(&m, Style::Plain) + "\n").into_bytes()
}

fn main() -> Res<()> {
    let out = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "assets/demo".into()));
    std::fs::create_dir_all(&out)?;
    for sub in SUBDIRS {
        let p = out.join(sub);
        if p.exists() {
            std::fs::remove_dir_all(&p)?;
        }
    }
    let mut master = Rg::seed_from_u64(SEED);
    let mut r_igp = Rg::from_rng(&mut master);
    let mut r_igl = Rg::from_rng(&mut master);
    let mut r_xp = Rg::from_rng(&mut master);
    let mut r_xl = Rg::from_rng(&mut master);
    let mut r_li = Rg::from_rng(&mut master);
    let mut r_names = Rg::from_rng(&mut master);

    let mut manifest: Vec<Entry> = Vec::new();
    let mut summary: Vec<String> = Vec::new();
    let export_day = date(2026, 11, 1);
    let add = |manifest: &mut Vec<Entry>,
               rel: String,
               bytes: &[u8],
               role: &'static str,
               account: Option<(&'static str, &'static str)>|
     -> Res<()> {
        put(&out, &rel, bytes)?;
        manifest.push(Entry { file: rel, role, account });
        Ok(())
    };

    // Instagram, professional.
    let pro = ig_pro(&mut r_igp);
    let dir = SUBDIRS[0];
    let t_a = at(date(2025, 11, 1), 7, 0, 0);
    let t_b = at(export_day, 7, 0, 0);
    let files = ig_export(&pro, t_a, Layout::Grouped2024, &mut summary);
    let name = ig_zip_name(&mut r_names, pro.handle, date(2025, 11, 1));
    add(&mut manifest, format!("{dir}/{name}"), &make_zip(&files, date(2025, 11, 1), 9, 0)?, "pro", None)?;
    let files = ig_export(&pro, t_b, Layout::Media2025, &mut summary);
    let name = ig_zip_name(&mut r_names, pro.handle, export_day);
    add(&mut manifest, format!("{dir}/{name}"), &make_zip(&files, export_day, 9, 0)?, "pro", None)?;
    let csv = meta_content_csv(&pro, "17841400000000001", date(2024, 11, 1), date(2026, 10, 31), t_b);
    add(&mut manifest, format!("{dir}/Nov-01-2024_Oct-31-2026_17841400000000001.csv"), &csv, "pro", None)?;
    let follows = meta_follows_csv(&pro, date(2026, 1, 1), date(2026, 10, 31));
    add(&mut manifest, format!("{dir}/Follows.csv"), &follows, "pro", Some(("instagram", "atelier.camille")))?;
    let bots_kept = pro
        .followers
        .iter()
        .filter(|f| day_of(f.ts) == date(2026, 3, 14) && f.ts < at(date(2026, 3, 14), 7, 0, 0) && f.present(t_b))
        .count();
    summary.push(format!(
        "instagram atelier.camille: purchase 2026-03-14 kept {bots_kept} of 1800 at export; follows on 2025-09-20: {}, 2025-09-21: {}",
        pro.followers.iter().filter(|f| day_of(f.ts) == date(2025, 9, 20)).count(),
        pro.followers.iter().filter(|f| day_of(f.ts) == date(2025, 9, 21)).count()
    ));

    // Instagram, personal.
    let perso = ig_personal(&mut r_igl);
    let files = ig_export(&perso, t_b, Layout::Grouped2024, &mut summary);
    let name = ig_zip_name(&mut r_names, perso.handle, export_day);
    add(&mut manifest, format!("{}/{name}", SUBDIRS[1]), &make_zip(&files, export_day, 9, 0)?, "personal", None)?;

    // X, professional.
    let generated = at(export_day, 8, 12, 0);
    let xp = x_pro(&mut r_xp);
    let dir = SUBDIRS[2];
    let files = x_archive(&xp, true, generated);
    let name = format!("twitter-2026-11-01-{}.zip", from_alphabet(&mut r_names, HEX, 40));
    add(&mut manifest, format!("{dir}/{name}"), &make_zip(&files, export_day, 9, 12)?, "pro", None)?;
    let first: Vec<XDay> = xp.days.iter().filter(|d| d.date.expect("day") <= date(2025, 10, 31)).copied().collect();
    let mut first = first;
    // The first export was made on 2025-11-01: its last three days were still moving.
    let n = first.len();
    for (k, d) in first[n - 3..].iter_mut().enumerate() {
        let f = [0.93, 0.95, 0.97][k];
        d.imp = (d.imp as f64 * f).round() as u64;
        d.likes = (d.likes as f64 * f).round() as u64;
        d.eng = (d.eng as f64 * f).round() as u64;
        d.visits = (d.visits as f64 * f).round() as u64;
        d.media = (d.media as f64 * f).round() as u64;
        if k == 1 {
            d.new = d.new.saturating_sub(1);
        }
        if k == 2 {
            d.new += 1;
        }
    }
    add(
        &mut manifest,
        format!("{dir}/account_overview_analytics_2024-11-01_2025-10-31.csv"),
        &overview_csv(&first)?,
        "pro",
        Some(("x", "camille_designs")),
    )?;
    let second: Vec<XDay> = xp.days.iter().filter(|d| d.date.expect("day") >= date(2025, 10, 29)).copied().collect();
    add(
        &mut manifest,
        format!("{dir}/account_overview_analytics_2025-11-01_2026-10-31.csv"),
        &overview_csv(&second)?,
        "pro",
        Some(("x", "camille_designs")),
    )?;
    add(
        &mut manifest,
        format!("{dir}/account_analytics_content_2024-11-01_2026-10-31.csv"),
        &content_csv(&xp, date(2024, 11, 1), date(2026, 10, 31))?,
        "pro",
        None,
    )?;
    let net: i64 = xp.days.iter().map(|d| d.new as i64 - d.unf as i64).sum();
    summary.push(format!(
        "x camille_designs: follower.js {} (3200 + net {net} = {}), {} tweets, 2025-06-03 new follows {}",
        xp.followers.len(),
        3200 + net,
        xp.tweets.len(),
        xp.days.iter().find(|d| d.date == Some(date(2025, 6, 3))).map(|d| d.new).unwrap_or(0)
    ));

    // X, personal.
    let xl = x_personal(&mut r_xl);
    let dir = SUBDIRS[3];
    let files = x_archive(&xl, false, generated + 1260);
    let name = format!("twitter-2026-11-01-{}.zip", from_alphabet(&mut r_names, HEX, 40));
    add(&mut manifest, format!("{dir}/{name}"), &make_zip(&files, export_day, 9, 33)?, "personal", None)?;
    add(
        &mut manifest,
        format!("{dir}/account_overview_analytics.csv"),
        &overview_csv(&xl.days)?,
        "personal",
        Some(("x", "camlrnt")),
    )?;
    let net: i64 = xl.days.iter().map(|d| d.new as i64 - d.unf as i64).sum();
    summary.push(format!(
        "x camlrnt: follower.js {} (385 + net {net} = {}), {} tweets",
        xl.followers.len(),
        385 + net,
        xl.tweets.len()
    ));

    // LinkedIn.
    let li = li_sim(&mut r_li);
    let dir = SUBDIRS[4];
    let files = li_archive(&li, &mut r_li)?;
    add(
        &mut manifest,
        format!("{dir}/Complete_LinkedInDataExport_11-01-2026.zip"),
        &make_zip(&files, export_day, 10, 4)?,
        "pro",
        None,
    )?;
    let (x1, total1) = li_xlsx(&li, date(2024, 11, 1), date(2025, 10, 31), date(2025, 11, 1), false)?;
    add(&mut manifest, format!("{dir}/Content_2024-11-01_2025-10-31_Camille Laurent.xlsx"), &x1, "pro", None)?;
    let (x2, total2) = li_xlsx(&li, date(2025, 11, 1), date(2026, 10, 31), export_day, true)?;
    add(&mut manifest, format!("{dir}/Content_2025-11-01_2026-10-31_Camille Laurent.xlsx"), &x2, "pro", None)?;
    let at_start = li.days.get(&date(2024, 11, 1)).map(|d| d.2).unwrap_or(0);
    summary.push(format!(
        "linkedin: followers {at_start} on 2024-11-01, {total1} on 2025-10-31, {total2} on 2026-10-31; {} connections, {} posts",
        li.connections.len(),
        li.posts.len()
    ));

    put(&out, "manifest.json", &manifest_json(&manifest))?;
    for line in summary {
        eprintln!("{line}");
    }
    Ok(())
}
