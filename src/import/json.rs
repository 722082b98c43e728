//! Streaming JSON: visit the elements of a (possibly huge) array one at a time, without holding the
//! document in memory. The array may be the root or the value of one of a few keys of a root object
//! (`{"relationships_following": [...]}`).

use crate::error::{Error, ImportError, ImportErrorKind, Result};
use serde::de::{self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::cell::RefCell;
use std::fmt;
use std::io::Read;
use std::marker::PhantomData;

// Nesting depth: serde_json refuses documents nested deeper than 128 levels with an error (no
// stack overflow), which reaches the user as "the content is damaged".

const ABORT: &str = "__resonance_abort__";

struct Ctx<'f, T> {
    f: RefCell<&'f mut dyn FnMut(T) -> Result<()>>,
    failure: RefCell<Option<Error>>,
    keys: &'f [&'f str],
    found: std::cell::Cell<bool>,
}

struct Root<'c, 'f, T>(&'c Ctx<'f, T>);
struct Elements<'c, 'f, T>(&'c Ctx<'f, T>);

impl<'de, T: DeserializeOwned> DeserializeSeed<'de> for Root<'_, '_, T> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, T: DeserializeOwned> Visitor<'de> for Root<'_, '_, T> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON array or an object holding one")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> std::result::Result<(), A::Error> {
        self.0.found.set(true);
        Elements(self.0).visit_seq(seq)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            let key = crate::import::text::fix_mojibake(&key);
            if self.0.keys.iter().any(|k| *k == key) {
                self.0.found.set(true);
                map.next_value_seed(Elements(self.0))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

impl<'de, T: DeserializeOwned> DeserializeSeed<'de> for Elements<'_, '_, T> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T: DeserializeOwned> Visitor<'de> for Elements<'_, '_, T> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON array")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        while let Some(item) = seq.next_element::<T>()? {
            if let Err(e) = (self.0.f.borrow_mut())(item) {
                *self.0.failure.borrow_mut() = Some(e);
                return Err(de::Error::custom(ABORT));
            }
        }
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> std::result::Result<(), A::Error> {
        // A single record written as an object instead of a one-element array (Meta does this).
        let item = T::deserialize(de::value::MapAccessDeserializer::new(map))?;
        if let Err(e) = (self.0.f.borrow_mut())(item) {
            *self.0.failure.borrow_mut() = Some(e);
            return Err(de::Error::custom(ABORT));
        }
        Ok(())
    }
}

/// Calls `f` for every element of the root array, or of the array under one of `keys` when the
/// root is an object. Returns whether such an array was found.
pub fn for_each<T: DeserializeOwned, R: Read>(
    reader: R,
    display: &str,
    keys: &[&str],
    mut f: impl FnMut(T) -> Result<()>,
) -> Result<bool> {
    let ctx = Ctx { f: RefCell::new(&mut f), failure: RefCell::new(None), keys, found: std::cell::Cell::new(false) };
    let mut de = serde_json::Deserializer::from_reader(std::io::BufReader::with_capacity(1 << 16, reader));
    let outcome = Root::<T>(&ctx).deserialize(&mut de);
    if let Some(e) = ctx.failure.borrow_mut().take() {
        return Err(e);
    }
    outcome.map_err(|e| json_error(display, e))?;
    Ok(ctx.found.get())
}

/// Like [`for_each`], with the parsing on a second thread: elements reach `f` (on the calling
/// thread, where the database transaction is) in batches through a bounded channel, so that
/// parsing and writing overlap. Memory stays bounded (a few batches in flight).
pub fn for_each_parallel<T: DeserializeOwned + Send, R: Read + Send>(
    reader: R,
    display: &str,
    keys: &[&str],
    mut f: impl FnMut(T) -> Result<()>,
) -> Result<bool> {
    const BATCH: usize = 512;
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<T>>(4);
        let producer = scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            let found = for_each(reader, display, keys, |item| {
                batch.push(item);
                if batch.len() == BATCH {
                    // The consumer stopped (an error): stop parsing too.
                    tx.send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH))).map_err(|_| Error::Cancelled)?;
                }
                Ok(())
            })?;
            if !batch.is_empty() {
                let _ = tx.send(batch);
            }
            Ok::<bool, Error>(found)
        });
        let mut failure = None;
        'outer: for batch in rx {
            for item in batch {
                if let Err(e) = f(item) {
                    failure = Some(e);
                    break 'outer;
                }
            }
        }
        let produced = producer.join().unwrap_or(Err(Error::Cancelled));
        match failure {
            Some(e) => Err(e),
            None => produced,
        }
    })
}

/// Parses a whole (small) JSON document.
pub fn parse<T: DeserializeOwned>(bytes: &[u8], display: &str) -> Result<T> {
    serde_json::from_slice(bytes).map_err(|e| json_error(display, e))
}

/// Turns a serde_json error into the import error a person understands.
pub fn json_error(display: &str, e: serde_json::Error) -> Error {
    if e.is_io() {
        let io: std::io::Error = e.into();
        return crate::import::source::io_to_import(display, io);
    }
    let line = e.line() as u64;
    let kind = if e.is_eof() {
        ImportErrorKind::Truncated { detail: format!("JSON ends at line {line}") }
    } else {
        ImportErrorKind::Malformed { detail: format!("invalid JSON ({e})") }
    };
    let mut err = ImportError::new(display, kind);
    if line > 0 {
        err = err.at_line(line);
    }
    err.into()
}

/// A value that is either a JSON string or a number (X writes counts as strings).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lenient(pub Option<String>);

impl<'de> serde::Deserialize<'de> for Lenient {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V(PhantomData<Lenient>);
        impl<'de> Visitor<'de> for V {
            type Value = Lenient;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Lenient, E> {
                Ok(Lenient(Some(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> std::result::Result<Lenient, E> {
                Ok(Lenient(Some(v)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<Lenient, E> {
                Ok(Lenient(Some(v.to_string())))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<Lenient, E> {
                Ok(Lenient(Some(v.to_string())))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<Lenient, E> {
                Ok(Lenient(Some(v.to_string())))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> std::result::Result<Lenient, E> {
                Ok(Lenient(Some(v.to_string())))
            }
            fn visit_unit<E: de::Error>(self) -> std::result::Result<Lenient, E> {
                Ok(Lenient(None))
            }
            fn visit_none<E: de::Error>(self) -> std::result::Result<Lenient, E> {
                Ok(Lenient(None))
            }
        }
        d.deserialize_any(V(PhantomData))
    }
}

/// A count written as a string or a number, parsed without keeping the text (X writes
/// `"favorite_count" : "8"` hundreds of thousands of times).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LenientCount(pub Option<i64>);

impl<'de> serde::Deserialize<'de> for LenientCount {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = LenientCount;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a count")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<LenientCount, E> {
                Ok(LenientCount(v.parse::<i64>().ok().or_else(|| crate::import::text::parse_count(v))))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<LenientCount, E> {
                Ok(LenientCount(Some(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<LenientCount, E> {
                Ok(LenientCount(i64::try_from(v).ok()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<LenientCount, E> {
                Ok(LenientCount(v.is_finite().then_some(v.round() as i64)))
            }
            fn visit_unit<E: de::Error>(self) -> std::result::Result<LenientCount, E> {
                Ok(LenientCount(None))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> std::result::Result<LenientCount, E> {
                Ok(LenientCount(None))
            }
        }
        d.deserialize_any(V)
    }
}

impl Lenient {
    pub fn as_str(&self) -> Option<&str> {
        self.0.as_deref()
    }

    /// The value as an integer count (`"12"`, `12`, `"12.0"`, `"1,234"`); None when not a number.
    pub fn count(&self) -> Option<i64> {
        self.0.as_deref().and_then(crate::import::text::parse_count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visits_root_arrays_keyed_arrays_and_single_objects() {
        let mut seen = Vec::new();
        let found = for_each::<i64, _>(&b"[1,2,3]"[..], "t", &[], |v| {
            seen.push(v);
            Ok(())
        })
        .unwrap();
        assert!(found);
        assert_eq!(seen, vec![1, 2, 3]);

        let mut seen = Vec::new();
        for_each::<i64, _>(&br#"{"other": [9], "wanted": [4, 5]}"#[..], "t", &["wanted"], |v| {
            seen.push(v);
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, vec![4, 5]);

        let found = for_each::<i64, _>(&br#"{"nothing": 1}"#[..], "t", &["wanted"], |_| Ok(())).unwrap();
        assert!(!found);
    }

    #[test]
    fn truncated_and_malformed_documents_are_told_apart() {
        let e = for_each::<i64, _>(&b"[1,2,"[..], "f.json", &[], |_| Ok(())).unwrap_err();
        assert_eq!(e.code(), "import.truncated");
        let e = for_each::<i64, _>(&b"[1,2,}"[..], "f.json", &[], |_| Ok(())).unwrap_err();
        assert_eq!(e.code(), "import.malformed");
    }

    #[test]
    fn a_callback_error_stops_the_walk_and_is_returned() {
        let mut n = 0;
        let e = for_each::<i64, _>(&b"[1,2,3]"[..], "t", &[], |_| {
            n += 1;
            if n == 2 { Err(Error::Cancelled) } else { Ok(()) }
        })
        .unwrap_err();
        assert!(matches!(e, Error::Cancelled));
        assert_eq!(n, 2);
    }

    #[test]
    fn lenient_counts_accept_strings_and_numbers() {
        let v: Vec<Lenient> = serde_json::from_str(r#"["12", 7, "1,234", "1938.0", null, "--"]"#).unwrap();
        let counts: Vec<Option<i64>> = v.iter().map(|l| l.count()).collect();
        assert_eq!(counts, vec![Some(12), Some(7), Some(1234), Some(1938), None, None]);
    }
}
