//! Output of the command line: human tables or stable JSON, errors on stderr, progress bars.

pub mod analysis;
pub mod backup;
pub mod chart;
pub mod commands;
pub mod sync;

use resonance::{Error, Lang};
use serde::Serialize;

pub struct Out {
    pub json: bool,
    pub lang: Lang,
    /// Draw progress bars (stderr is a terminal and the output is not JSON).
    pub progress: bool,
}

impl Out {
    /// Prints `value` as pretty JSON on stdout.
    pub fn json<T: Serialize>(&self, value: &T) {
        match serde_json::to_string_pretty(value) {
            Ok(s) => println!("{s}"),
            Err(e) => eprintln!("{e}"),
        }
    }

    pub fn error(&self, e: &Error) {
        if self.json {
            let payload = e.payload(self.lang);
            eprintln!("{}", serde_json::to_string(&payload).unwrap_or_else(|_| payload.message.clone()));
        } else {
            let prefix = self.lang.pick("error: ", "erreur : ");
            eprintln!("{prefix}{}", e.localized(self.lang));
        }
    }

    pub fn t<'a>(&self, en: &'a str, fr: &'a str) -> &'a str {
        self.lang.pick(en, fr)
    }
}

/// Left-aligned text table with a header, columns sized to their content.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(c.chars().count());
            }
        }
    }
    let line = |cells: Vec<String>| -> String {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c}{}", " ".repeat(widths[i].saturating_sub(c.chars().count()))))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let mut out = line(header.iter().map(|h| h.to_string()).collect());
    for r in rows {
        out.push('\n');
        out.push_str(&line(r.clone()));
    }
    out
}

/// A progress bar on stderr for imports, throttled by the core.
pub struct Bar(pub indicatif::ProgressBar);

impl resonance::import::progress::Progress for Bar {
    fn update(&self, u: &resonance::import::progress::ProgressUpdate) {
        self.0.set_length(u.total_bytes.max(1));
        self.0.set_position(u.done_bytes);
        let name = u.file.rsplit(" › ").next().unwrap_or(&u.file).to_string();
        self.0.set_message(name);
    }
}
