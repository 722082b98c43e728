//! Reading CSV exports row by row: optional preamble lines before the header, BOM, UTF-16, columns
//! found by header name (case-insensitive), and the policy for broken rows.
//!
//! **Broken rows.** A row that cannot be read (wrong number of fields, a date or number that is not
//! one) is skipped and reported with its line number as a warning of the import. If more than
//! [`MAX_BAD_SHARE`] of the rows (and more than [`MAX_BAD_ROWS_ANYWAY`]) are broken, the file is
//! taken as damaged and the whole import fails, changing nothing.

use crate::error::{Error, ImportError, ImportErrorKind, Result};
use crate::i18n::Lang;
use crate::import::text::decode_text;
use std::io::{BufRead, BufReader, Cursor, Read};

pub const MAX_BAD_SHARE: f64 = 0.05;
pub const MAX_BAD_ROWS_ANYWAY: u64 = 10;

/// One data row and the line it started on.
pub struct Row<'a> {
    pub line: u64,
    record: &'a csv::StringRecord,
}

impl Row<'_> {
    pub fn get(&self, col: Option<usize>) -> Option<&str> {
        col.and_then(|c| self.record.get(c)).map(str::trim).filter(|s| !s.is_empty())
    }
}

/// A CSV file being read.
pub struct Table<'a> {
    reader: csv::Reader<Box<dyn Read + 'a>>,
    headers: Vec<String>,
    line_offset: u64,
    display: String,
    /// Rows read and rows skipped, for the bad-row policy.
    total: u64,
    bad: Vec<(u64, String)>,
}

fn normalise(h: &str) -> String {
    h.trim().trim_matches('"').trim_start_matches('\u{feff}').trim().to_lowercase()
}

impl<'a> Table<'a> {
    /// Opens a CSV whose header is the first line for which `is_header` is true (lines before it,
    /// like LinkedIn's "Notes:" preamble, are skipped). UTF-16 files are decoded whole first.
    pub fn open(r: Box<dyn Read + 'a>, display: &str, is_header: impl Fn(&str) -> bool) -> Result<Table<'a>> {
        Self::open_with(r, display, is_header, Some(b','))
    }

    /// Like [`Table::open`], with the field separator given, or (`None`) taken from the header line:
    /// `;` when it has more semicolons than commas (spreadsheets saved in French), else `,`.
    pub fn open_with(
        mut r: Box<dyn Read + 'a>,
        display: &str,
        is_header: impl Fn(&str) -> bool,
        delimiter: Option<u8>,
    ) -> Result<Table<'a>> {
        let mut head = [0u8; 3];
        let n = read_some(&mut r, &mut head).map_err(|e| crate::import::source::io_to_import(display, e))?;
        let prefix = head[..n].to_vec();
        let stream: Box<dyn Read + 'a> = if prefix.starts_with(b"\xFF\xFE") || prefix.starts_with(b"\xFE\xFF") {
            // UTF-16 exports (Meta's daily metrics) are small: decode them whole.
            let mut all = prefix;
            r.take(256 << 20).read_to_end(&mut all).map_err(|e| crate::import::source::io_to_import(display, e))?;
            Box::new(Cursor::new(decode_text(&all).into_bytes()))
        } else {
            let start = if prefix.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
            Box::new(Cursor::new(prefix[start..].to_vec()).chain(r))
        };
        let mut buf = BufReader::new(stream);
        let mut skipped = 0u64;
        let mut line = String::new();
        loop {
            line.clear();
            let got = (&mut buf)
                .take(64 * 1024)
                .read_line(&mut line)
                .map_err(|e| crate::import::source::io_to_import(display, e))?;
            if got == 0 {
                return Err(
                    ImportError::new(display, ImportErrorKind::Malformed { detail: "no header line".into() }).into()
                );
            }
            let trimmed = line.trim_end_matches(['\r', '\n']);
            if is_header(&normalise_line(trimmed)) {
                break;
            }
            skipped += 1;
            if skipped > 50 {
                return Err(
                    ImportError::new(display, ImportErrorKind::Malformed { detail: "no header line".into() }).into()
                );
            }
        }
        let header_line = line.clone();
        let delimiter = delimiter.unwrap_or_else(|| {
            if header_line.matches(';').count() > header_line.matches(',').count() { b';' } else { b',' }
        });
        let rest: Box<dyn Read + 'a> = Box::new(Cursor::new(header_line.into_bytes()).chain(buf));
        let mut reader =
            csv::ReaderBuilder::new().flexible(true).has_headers(true).delimiter(delimiter).from_reader(rest);
        let headers = reader
            .headers()
            .map_err(|e| ImportError::new(display, ImportErrorKind::Malformed { detail: e.to_string() }))?
            .iter()
            .map(normalise)
            .collect();
        Ok(Table { reader, headers, line_offset: skipped, display: display.to_string(), total: 0, bad: Vec::new() })
    }

    /// The index of the first column named one of `names` (compared lowercase).
    pub fn col(&self, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|n| {
            let n = n.to_lowercase();
            self.headers.iter().position(|h| *h == n)
        })
    }

    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// Calls `f` on each data row. `f` returns `Ok(false)` (or an error message) for a row it could
    /// not read; such rows are skipped and reported.
    pub fn rows(&mut self, mut f: impl FnMut(&Row<'_>) -> Result<std::result::Result<(), String>>) -> Result<()> {
        let mut record = csv::StringRecord::new();
        let width = self.headers.len();
        loop {
            let pos_line = self.reader.position().line() + self.line_offset;
            match self.reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {
                    if record.iter().all(|f| f.trim().is_empty()) {
                        continue;
                    }
                    self.total += 1;
                    let line = record.position().map(|p| p.line()).unwrap_or(pos_line) + self.line_offset;
                    if record.len() != width
                        && !(record.len() == width + 1 && record.get(width).is_some_and(str::is_empty))
                    {
                        self.bad.push((line, format!("{} fields instead of {width}", record.len())));
                        continue;
                    }
                    let row = Row { line, record: &record };
                    if let Err(why) = f(&row)? {
                        self.bad.push((line, why));
                    }
                }
                Err(e) => {
                    self.total += 1;
                    let line = e.position().map(|p| p.line()).unwrap_or(pos_line) + self.line_offset;
                    if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                        if let csv::ErrorKind::Io(io) = e.into_kind() {
                            return Err(crate::import::source::io_to_import(&self.display, io));
                        }
                        unreachable!();
                    }
                    self.bad.push((line, e.to_string()));
                }
            }
        }
        Ok(())
    }

    /// Applies the bad-row policy: an error when the file looks damaged, otherwise one warning per
    /// skipped row (in `lang`).
    pub fn finish(self, lang: Lang) -> Result<Vec<String>> {
        let bad = self.bad.len() as u64;
        if bad == 0 {
            return Ok(Vec::new());
        }
        if bad > MAX_BAD_ROWS_ANYWAY && bad as f64 > self.total as f64 * MAX_BAD_SHARE || bad == self.total {
            return Err(Error::from(ImportError::new(
                &self.display,
                ImportErrorKind::TooManyBadRows { bad, total: self.total, first_line: self.bad[0].0 },
            )));
        }
        Ok(self
            .bad
            .iter()
            .map(|(line, why)| match lang {
                Lang::En => format!("{}, line {line}: row skipped ({why})", self.display),
                Lang::Fr => format!("{}, ligne {line} : ligne ignorée ({why})", self.display),
            })
            .collect())
    }
}

fn normalise_line(l: &str) -> String {
    l.replace('"', "").trim().trim_start_matches('\u{feff}').to_lowercase()
}

fn read_some(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match r.read(&mut buf[got..])? {
            0 => break,
            n => got += n,
        }
    }
    Ok(got)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str, header: &str) -> Table<'static> {
        let h = header.to_string();
        Table::open(Box::new(Cursor::new(text.as_bytes().to_vec())), "t.csv", move |l| l.starts_with(&h)).unwrap()
    }

    #[test]
    fn preamble_is_skipped_and_lines_are_counted_from_the_file_start() {
        let mut t = table(
            "Notes:\n\"blah\"\n\nFirst Name,Last Name\nAda,Lovelace\nbroken,row,extra\nAlan,Turing\n",
            "first name,last name",
        );
        let first = t.col(&["First Name"]);
        let mut names = Vec::new();
        t.rows(|r| {
            names.push(r.get(first).unwrap().to_string());
            Ok(Ok(()))
        })
        .unwrap();
        assert_eq!(names, vec!["Ada", "Alan"]);
        let warnings = t.finish(Lang::En).unwrap();
        assert_eq!(warnings, vec!["t.csv, line 6: row skipped (3 fields instead of 2)"]);
    }

    #[test]
    fn a_mostly_broken_file_is_refused() {
        let mut body = String::from("a,b\n");
        for i in 0..20 {
            body.push_str(&format!("{i},x,y\n"));
        }
        body.push_str("1,2\n");
        let mut t = table(&body, "a,b");
        t.rows(|_| Ok(Ok(()))).unwrap();
        let e = t.finish(Lang::En).unwrap_err();
        assert_eq!(e.code(), "import.bad_rows");
    }

    #[test]
    fn utf16_with_bom_is_read() {
        let mut b = vec![0xFF, 0xFE];
        for u in "sep=,\n\"Instagram follows\"\n\"Date\",\"Primary\"\n\"2025-08-01T00:00:00\",\"20\"\n".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        let mut t = Table::open(Box::new(Cursor::new(b)), "Follows.csv", |l| l.starts_with("date,")).unwrap();
        let (d, v) = (t.col(&["date"]), t.col(&["primary"]));
        let mut rows = Vec::new();
        t.rows(|r| {
            rows.push((r.get(d).unwrap().to_string(), r.get(v).unwrap().to_string()));
            Ok(Ok(()))
        })
        .unwrap();
        assert_eq!(rows, vec![("2025-08-01T00:00:00".to_string(), "20".to_string())]);
    }
}
