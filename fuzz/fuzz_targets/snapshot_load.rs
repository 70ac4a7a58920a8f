//! Any bytes given to the snapshot loader are refused with an error or loaded; never a
//! panic. Loaded files are verified; the rare input that passes verification is read
//! through every record and key.
#![no_main]

use clearmark::register::snapshot::Snapshot;
use fst::Streamer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(snapshot) = Snapshot::from_bytes(data.to_vec()) else {
        return;
    };
    let _ = snapshot.header();
    for id in 0..snapshot.record_count().min(10_000) {
        let _ = snapshot.try_record(id);
    }
    if snapshot.verify(None).is_err() {
        return;
    }
    let mut keys = snapshot.marks().stream();
    while let Some((key, value)) = keys.next() {
        let _ = std::str::from_utf8(key);
        for id in snapshot.record_ids(value) {
            let _ = snapshot.record(id);
        }
    }
});
