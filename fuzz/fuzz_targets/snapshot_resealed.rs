//! The `snapshot_load` body on inputs whose SHA-256 is recomputed first, as an attacker
//! who damages a file would: without this, almost every mutation fails the checksum
//! and the fuzzer never reaches the index walk and the record decoding behind it.
#![no_main]

#[path = "../../tests/damage/load.rs"]
mod load;

use libfuzzer_sys::fuzz_target;
use sha2::{Digest, Sha256};

/// Bytes of the snapshot trailer (SHA-256, signed flag, signature, end marker).
const TRAILER: usize = 32 + 1 + 64 + 7;

fuzz_target!(|data: &[u8]| {
    let mut bytes = data.to_vec();
    if let Some(body_end) = bytes.len().checked_sub(TRAILER) {
        let digest = Sha256::digest(&bytes[..body_end]);
        bytes[body_end..body_end + 32].copy_from_slice(&digest);
    }
    load::exercise(&bytes);
});
