//! Progress reporting and cancellation for long imports, throttled so that a million followers do
//! not become a million events.

use serde::Serialize;
use std::io::{self, Read};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};
use ts_rs::TS;

/// What an import is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Stage {
    Detecting,
    Reading,
    Finishing,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ProgressUpdate {
    pub stage: Stage,
    /// The entry being read.
    pub file: String,
    pub done_bytes: u64,
    pub total_bytes: u64,
}

/// Receives progress; called at most every [`THROTTLE`].
pub trait Progress: Send + Sync {
    fn update(&self, update: &ProgressUpdate);
}

/// Progress nobody watches.
pub struct Silent;

impl Progress for Silent {
    fn update(&self, _: &ProgressUpdate) {}
}

pub const THROTTLE: Duration = Duration::from_millis(100);

/// Counts bytes read across an import, reports them throttled, and stops reads once cancelled.
pub struct Tracker<'a> {
    sink: &'a dyn Progress,
    cancel: &'a AtomicBool,
    total: u64,
    done: AtomicU64,
    last: Mutex<(Instant, String, Stage)>,
}

impl<'a> Tracker<'a> {
    pub fn new(sink: &'a dyn Progress, cancel: &'a AtomicBool, total: u64) -> Self {
        Tracker {
            sink,
            cancel,
            total,
            done: AtomicU64::new(0),
            last: Mutex::new((Instant::now() - THROTTLE, String::new(), Stage::Detecting)),
        }
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    pub fn check(&self) -> crate::error::Result<()> {
        if self.is_cancelled() { Err(crate::error::Error::Cancelled) } else { Ok(()) }
    }

    /// Announces a new stage or file (always reported).
    pub fn stage(&self, stage: Stage, file: &str) {
        if let Ok(mut last) = self.last.lock() {
            *last = (Instant::now(), file.to_string(), stage);
        }
        self.emit(stage, file);
    }

    fn emit(&self, stage: Stage, file: &str) {
        self.sink.update(&ProgressUpdate {
            stage,
            file: file.to_string(),
            done_bytes: self.done.load(Ordering::Relaxed).min(self.total),
            total_bytes: self.total,
        });
    }

    fn advance(&self, n: u64) {
        self.done.fetch_add(n, Ordering::Relaxed);
        let Ok(mut last) = self.last.try_lock() else {
            return;
        };
        if last.0.elapsed() >= THROTTLE {
            last.0 = Instant::now();
            let (file, stage) = (last.1.clone(), last.2);
            drop(last);
            self.emit(stage, &file);
        }
    }

    /// Wraps an entry's reader so that its bytes count and a cancel stops it.
    pub fn wrap<'r, R: Read + Send + 'r>(&'r self, inner: R) -> impl Read + Send + 'r {
        Counting { inner, tracker: self }
    }
}

/// The marker error a cancelled read raises.
#[derive(Debug)]
pub struct CancelledRead;

impl std::fmt::Display for CancelledRead {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("cancelled")
    }
}

impl std::error::Error for CancelledRead {}

struct Counting<'t, R> {
    inner: R,
    tracker: &'t Tracker<'t>,
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.tracker.is_cancelled() {
            return Err(io::Error::other(CancelledRead));
        }
        let n = self.inner.read(buf)?;
        self.tracker.advance(n as u64);
        Ok(n)
    }
}
