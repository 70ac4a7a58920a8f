//! Heap bytes in use and their peak, for the benchmarks' memory rows: the system
//! allocator, counted. It is the CLI's global allocator (see `main.rs`), so what a
//! benchmark reports is every byte the code under test asked for, not an estimate.
//! The counts are the calling thread's (the benchmarks run on one thread, and other
//! threads, such as other tests', do not move them); a thread-local addition per
//! allocation is their whole cost.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

thread_local! {
    /// Bytes this thread has allocated less those it has freed (negative when it frees
    /// what another allocated).
    static IN_USE: Cell<isize> = const { Cell::new(0) };
    /// The most `IN_USE` has been since the last [`measure`] began.
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

/// The system allocator, with the bytes it has handed out counted.
pub struct Counting;

impl Counting {
    fn grew(by: usize) {
        // `try_with`: a thread being torn down still allocates.
        let _ = IN_USE.try_with(|n| {
            let now = n.get().saturating_add_unsigned(by);
            n.set(now);
            let _ = PEAK.try_with(|p| p.set(p.get().max(now)));
        });
    }

    fn shrank(by: usize) {
        let _ = IN_USE.try_with(|n| n.set(n.get().saturating_sub_unsigned(by)));
    }
}

// SAFETY: every call is passed to `System` unchanged; the counters only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract for `alloc` is `System::alloc`'s.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            Counting::grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            Counting::grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from this allocator, that is from `System`, with `layout`.
        unsafe { System.dealloc(ptr, layout) };
        Counting::shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `dealloc`; on failure the old block stays, counted as it was.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            Counting::shrank(layout.size());
            Counting::grew(new_size);
        }
        p
    }
}

/// What `work`, run on this thread, leaves held on the heap and the most it held above
/// the start meanwhile, in bytes, with its result.
pub fn measure<T>(work: impl FnOnce() -> T) -> (T, Usage) {
    let before = IN_USE.with(Cell::get);
    PEAK.with(|p| p.set(before));
    let out = work();
    let above = |n: isize| usize::try_from(n.saturating_sub(before)).unwrap_or(0);
    let usage = Usage {
        held: above(IN_USE.with(Cell::get)),
        peak: above(PEAK.with(Cell::get)),
    };
    (out, usage)
}

/// The heap a piece of work used, in bytes above what was in use before it.
#[derive(Debug, Clone, Copy)]
pub struct Usage {
    /// Still held when it returned (with what it returned).
    pub held: usize,
    /// The most held at once while it ran.
    pub peak: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vector_kept_is_held_and_a_vector_dropped_is_only_peak() {
        let (kept, usage) = measure(|| {
            let scratch = vec![1u8; 1 << 20];
            drop(std::hint::black_box(scratch));
            vec![2u8; 1 << 16]
        });
        assert_eq!(usage.held, 1 << 16, "{usage:?}");
        assert_eq!(usage.peak, 1 << 20, "{usage:?}");
        drop(kept);
    }
}
