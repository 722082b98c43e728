//! Returns the heap's free pages to the system once the app goes idle. An analysis of a long
//! history allocates tens of megabytes for a moment; glibc's allocator keeps what is freed in its
//! arenas (one per worker thread), so the idle app stayed at the size of its largest load
//! (docs/performance.md, "idle memory": 214 MB for the app process at scale, 141 MB with this).
//! Elsewhere the system allocator needs nothing.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Commands finished so far: a trim runs only if no other command finished meanwhile.
static FINISHED: AtomicU64 = AtomicU64::new(0);

/// How long the app must stay without a finished command before the heap is trimmed (trimming
/// after every command slowed the start, when a dozen commands run back to back).
const IDLE: Duration = Duration::from_millis(1500);

/// Called when a command finishes: schedules a trim for when the app has been idle for `IDLE`.
pub fn release_when_idle() {
    let mine = FINISHED.fetch_add(1, Ordering::SeqCst) + 1;
    std::thread::spawn(move || {
        std::thread::sleep(IDLE);
        if FINISHED.load(Ordering::SeqCst) == mine {
            trim();
        }
    });
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn trim() {
    // SAFETY: malloc_trim takes no pointer and touches only memory the allocator itself holds
    // free; it is safe to call from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn trim() {}
