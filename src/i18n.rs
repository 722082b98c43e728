//! The two languages Resonance speaks, and how numbers and dates are written in each.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    /// The language of the environment: `RESONANCE_LANG`, then `LC_ALL`, `LC_MESSAGES`, `LANG`.
    /// French when the first one set starts with "fr", English otherwise.
    pub fn from_env() -> Lang {
        for var in ["RESONANCE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var)
                && !v.is_empty()
            {
                return Lang::from_locale(&v);
            }
        }
        Lang::En
    }

    /// `fr`, `fr_FR.UTF-8`, `fr-CA` → French; anything else → English.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("fr") { Lang::Fr } else { Lang::En }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// Picks the text for this language.
    pub fn pick<'a>(self, en: &'a str, fr: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }

    /// An integer with the language's thousands separator: `12,345` / `12 345` (narrow no-break space).
    pub fn int(self, n: i64) -> String {
        let digits = n.unsigned_abs().to_string();
        let sep = match self {
            Lang::En => ",",
            Lang::Fr => "\u{202f}",
        };
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(sep);
            }
            out.push(c);
        }
        if n < 0 { format!("-{out}") } else { out }
    }

    /// A compact count for axes and cards: `950`, `12.3k` / `12,3 k`, `1.2M` / `1,2 M`.
    pub fn compact(self, v: f64) -> String {
        let (scaled, suffix) = if v.abs() >= 1_000_000.0 {
            (v / 1_000_000.0, "M")
        } else if v.abs() >= 1_000.0 {
            (v / 1_000.0, "k")
        } else {
            return self.int(v.round() as i64);
        };
        let text = if scaled.abs() >= 100.0 || (scaled - scaled.round()).abs() < 0.05 {
            format!("{:.0}", scaled)
        } else {
            format!("{:.1}", scaled)
        };
        match self {
            Lang::En => format!("{text}{suffix}"),
            Lang::Fr => format!("{}\u{202f}{suffix}", text.replace('.', ",")),
        }
    }

    /// A decimal with `digits` decimals: `3.5` / `3,5`.
    pub fn decimal(self, v: f64, digits: usize) -> String {
        let s = format!("{v:.digits$}");
        match self {
            Lang::En => s,
            Lang::Fr => s.replace('.', ","),
        }
    }

    /// A percentage from a fraction: `12.5%` / `12,5 %`.
    pub fn percent(self, fraction: f64, digits: usize) -> String {
        let s = self.decimal(fraction * 100.0, digits);
        match self {
            Lang::En => format!("{s}%"),
            Lang::Fr => format!("{s}\u{202f}%"),
        }
    }

    pub fn month_short(self, month: u32) -> &'static str {
        const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        const FR: [&str; 12] =
            ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
        let i = (month.clamp(1, 12) - 1) as usize;
        match self {
            Lang::En => EN[i],
            Lang::Fr => FR[i],
        }
    }

    /// A day as people write it: `Mar 5, 2026` / `5 mars 2026`.
    pub fn date(self, d: NaiveDate) -> String {
        match self {
            Lang::En => format!("{} {}, {}", self.month_short(d.month()), d.day(), d.year()),
            Lang::Fr => format!("{} {} {}", d.day(), self.month_short(d.month()), d.year()),
        }
    }

    /// A month on an axis: `Mar 2026` / `mars 2026`.
    pub fn month_year(self, d: NaiveDate) -> String {
        format!("{} {}", self.month_short(d.month()), d.year())
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "en" => Ok(Lang::En),
            "fr" => Ok(Lang::Fr),
            other => Err(format!("unknown language {other:?} (expected en or fr)")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_locale() {
        assert_eq!(Lang::En.int(1234567), "1,234,567");
        assert_eq!(Lang::Fr.int(1234567), "1\u{202f}234\u{202f}567");
        assert_eq!(Lang::En.int(-950), "-950");
        assert_eq!(Lang::En.compact(12_345.0), "12.3k");
        assert_eq!(Lang::Fr.compact(12_345.0), "12,3\u{202f}k");
        assert_eq!(Lang::En.compact(2_000_000.0), "2M");
        assert_eq!(Lang::Fr.percent(0.125, 1), "12,5\u{202f}%");
    }

    #[test]
    fn dates_follow_the_locale() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        assert_eq!(Lang::En.date(d), "Mar 5, 2026");
        assert_eq!(Lang::Fr.date(d), "5 mars 2026");
    }

    #[test]
    fn locale_strings_map_to_languages() {
        assert_eq!(Lang::from_locale("fr_FR.UTF-8"), Lang::Fr);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
    }
}
