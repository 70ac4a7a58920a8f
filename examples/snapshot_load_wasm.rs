//! Loading a snapshot inside wasm, for `examples/snapshot_load_wasm.mjs`: the script
//! copies the file into wasm memory (the baseline: what handing bytes to the engine
//! costs anyway) and then times `Snapshot::from_bytes` on them, in the same process.
//!
//! Build: `cargo build --release --example snapshot_load_wasm --target wasm32-unknown-unknown`
//! Run:   `node examples/snapshot_load_wasm.mjs target/wasm32-unknown-unknown/release/examples/snapshot_load_wasm.wasm FILE`

use clearmark::register::snapshot::Snapshot;

/// Reserves `len` bytes of wasm memory for the script to copy a snapshot into.
#[no_mangle]
pub extern "C" fn bench_alloc(len: usize) -> *mut u8 {
    let mut bytes = Vec::<u8>::with_capacity(len);
    let ptr = bytes.as_mut_ptr();
    std::mem::forget(bytes);
    ptr
}

/// Loads the snapshot at `ptr` (from [`bench_alloc`], `len` bytes written), looks up
/// `probe` keys and frees it; returns the record count, or `u32::MAX` if refused.
///
/// # Safety
/// `ptr` must come from `bench_alloc(len)` with all `len` bytes written.
#[no_mangle]
pub unsafe extern "C" fn bench_load(ptr: *mut u8, len: usize) -> u32 {
    // SAFETY: the caller hands back the allocation made by bench_alloc, fully written.
    let bytes = unsafe { Vec::from_raw_parts(ptr, len, len) };
    match Snapshot::from_bytes(bytes) {
        Ok(snapshot) => snapshot.record_count(),
        Err(_) => u32::MAX,
    }
}

/// Loads the snapshot and looks up the mark key of every `step`-th record, returning
/// how many records the lookups found (a check that the loaded snapshot answers).
///
/// # Safety
/// As for [`bench_load`].
#[no_mangle]
pub unsafe extern "C" fn bench_lookups(ptr: *mut u8, len: usize, step: u32) -> u32 {
    // SAFETY: as in bench_load.
    let bytes = unsafe { Vec::from_raw_parts(ptr, len, len) };
    let Ok(snapshot) = Snapshot::from_bytes(bytes) else {
        return u32::MAX;
    };
    let mut found = 0;
    let mut id = 0;
    while id < snapshot.record_count() {
        found += snapshot.lookup(&snapshot.record(id).mark).len() as u32;
        id += step.max(1);
    }
    found
}
