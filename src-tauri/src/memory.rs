//! What the app does once it goes idle (no command finished for `IDLE`): computes ahead the views
//! the user is likely to open next (`resonance::views::warm`: kept until the data changes, so
//! after a start or an import those views open from memory), then gives memory back: the idle
//! database connections' page caches (`Store::release_memory`), then the heap's free pages
//! (`malloc_trim`: glibc keeps what is freed, so the idle app stayed at the size of its largest
//! load). The heap uses one arena for every thread (`one_arena`). Measured in
//! docs/performance.md ("The app under Xvfb"): the idle app process at scale went from 214 MB to
//! 97 MB with the three. Elsewhere than Linux with glibc the system allocator needs nothing.

use resonance::{Lang, Store};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Commands finished so far: a trim runs only if no other command finished meanwhile.
static FINISHED: AtomicU64 = AtomicU64::new(0);

/// How long the app must stay without a finished command before the heap is trimmed (trimming
/// after every command slowed the start, when a dozen commands run back to back).
const IDLE: Duration = Duration::from_millis(1500);

/// Called when a command finishes: schedules the idle work for when the app has been idle for
/// `IDLE`.
pub fn when_idle(store: Store, lang: Lang) {
    let mine = FINISHED.fetch_add(1, Ordering::SeqCst) + 1;
    std::thread::spawn(move || {
        std::thread::sleep(IDLE);
        if FINISHED.load(Ordering::SeqCst) == mine {
            if let Err(e) = resonance::views::warm(&store, lang) {
                // Nothing is lost: the views compute what they need when opened.
                tracing::warn!("computing the views ahead failed: {e}");
            }
            if let Err(e) = store.release_memory() {
                tracing::warn!("releasing the database's page cache failed: {e}");
            }
            trim();
        }
    });
}

/// Makes glibc's allocator use one arena for every thread, called first thing in `main` (before any
/// thread exists). With the default (up to eight per core), each of the dozen commands the overview
/// starts at once allocated in an arena of its own, and the results kept between views
/// (`resonance::views`) held pages of each of them: 154 MB for the idle app process at scale
/// against 130 MB with one arena, and no slower start (docs/performance.md, "Third round").
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn one_arena() {
    // SAFETY: mallopt takes two integers and only changes the allocator's settings; it is called
    // before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn one_arena() {}

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
