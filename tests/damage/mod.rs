//! Damaging snapshot files on purpose, as an attacker who can also recompute the SHA-256
//! would: what the tests of hostile files share. Every function is used by every test
//! file that includes this module.

use clearmark::register::snapshot::Snapshot;
use std::ops::Range;

/// Bytes of the snapshot trailer (SHA-256, signed flag, signature, end marker).
pub const TRAILER: usize = 32 + 1 + 64 + 7;

/// The marks index, the first section in file order.
pub const MARKS: usize = 0;

/// The byte range of the `n`th section (file order: marks, postings, records, owners,
/// classes, words, phrase heads) of an undamaged snapshot.
pub fn section_range(bytes: &[u8], n: usize) -> Range<usize> {
    let sizes = Snapshot::from_bytes(bytes.to_vec())
        .unwrap()
        .section_sizes();
    let body_end = bytes.len() - TRAILER;
    let first = body_end - sizes.iter().map(|s| s.1).sum::<usize>();
    let start = first + sizes[..n].iter().map(|s| s.1).sum::<usize>();
    start..start + sizes[n].1
}

/// `bytes` with its SHA-256 recomputed (the signature, if any, no longer matches it).
pub fn reseal(mut bytes: Vec<u8>) -> Vec<u8> {
    use sha2::Digest;
    let body_end = bytes.len() - TRAILER;
    let digest = sha2::Sha256::digest(&bytes[..body_end]);
    bytes[body_end..body_end + 32].copy_from_slice(&digest);
    bytes
}

/// The first single-bit flip in the marks index of `bytes` (resealed) that loading
/// accepts but the structure walk refuses: a file only [`Snapshot::check_structure`]
/// stands between and `fst`.
pub fn damaged_past_loading(bytes: &[u8]) -> Vec<u8> {
    let marks = section_range(bytes, MARKS);
    for at in marks {
        for bit in 0..8 {
            let mut damaged = bytes.to_vec();
            damaged[at] ^= 1 << bit;
            let damaged = reseal(damaged);
            if let Ok(snapshot) = Snapshot::from_bytes(damaged.clone()) {
                if snapshot.check_structure().is_err() {
                    return damaged;
                }
            }
        }
    }
    panic!("no flip in the marks index passes loading and fails the walk");
}
