//! A count of the work done on this thread: bytes the scanner passed, grammar
//! rules tried, bytes looked at around a mention. Tests prove linear time
//! with it, since wall-clock time on a busy machine proves nothing.

use std::cell::Cell;

thread_local! {
    static WORK: Cell<u64> = const { Cell::new(0) };
}

/// Counts `n` units of work.
#[inline]
pub(crate) fn add(n: usize) {
    WORK.with(|w| w.set(w.get().wrapping_add(n as u64)));
}

/// The work done on this thread so far, for tests of linear time.
///
/// # Example
///
/// ```
/// let before = figures::work_done();
/// let _ = figures::extract("It cost $5.").count();
/// assert!(figures::work_done() > before);
/// ```
#[doc(hidden)]
pub fn work_done() -> u64 {
    WORK.with(Cell::get)
}
