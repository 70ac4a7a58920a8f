//! Deterministic fingerprints of listing text for the copied-copy pass: word hashes,
//! word k-gram hashes, winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003) and
//! MinHash signatures with LSH bands.
//!
//! Every hash here is FNV-1a over bytes plus fixed integer mixing — never `RandomState`
//! or anything that varies by process, platform or pointer width — so a corpus index
//! built by the native CLI answers identically inside the wasm engine (a wasm test pins
//! the values). This module owns those functions and their parameters; it must not
//! know about listings, fields or the index layout.

/// Words per k-gram fingerprint.
pub const K: usize = 5;
/// Winnowing window, in k-grams. Any run of `K + W - 1` = 8 shared words is guaranteed
/// to share at least one selected fingerprint: exactly the "medium" threshold.
pub const W: usize = 4;
/// MinHash functions per field.
pub const MINHASHES: usize = 24;
/// Rows per LSH band: a band matches with probability J³ for Jaccard similarity J.
pub const BAND_ROWS: usize = 3;
/// LSH bands per field (`MINHASHES / BAND_ROWS`): a field pair with J = 0.7 shares at
/// least one band with probability 1 − (1 − 0.343)⁸ ≈ 0.97, with J = 0.05 about 0.1 %.
pub const BANDS: usize = MINHASHES / BAND_ROWS;

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a, 64 bits, over `bytes`.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h = FNV_OFFSET;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// A finaliser that spreads every input bit over the output (SplitMix64's).
pub fn mix64(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The hash of one normalised word.
pub fn word_hash(word: &str) -> u64 {
    mix64(fnv1a(word.as_bytes()))
}

/// The 32-bit fingerprint of `K` consecutive word hashes.
pub fn kgram_hash(words: &[u64]) -> u32 {
    let mut h = FNV_OFFSET;
    for &w in words {
        h = mix64(h ^ w).wrapping_add(FNV_PRIME);
    }
    (h >> 32) as u32
}

/// Every k-gram fingerprint of a field's words, in order (`words.len() - K + 1` of
/// them; none for a field shorter than `K` words).
pub fn kgrams(words: &[u64]) -> Vec<u32> {
    if words.len() < K {
        return Vec::new();
    }
    words.windows(K).map(kgram_hash).collect()
}

/// Winnowing: the minimum of every window of `W` consecutive k-gram fingerprints
/// (rightmost on ties), each selected position once. A field with fewer than `W`
/// k-grams keeps its smallest one, so short titles are still indexed.
pub fn winnow(hashes: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    if hashes.is_empty() {
        return out;
    }
    let w = W.min(hashes.len());
    let mut last: Option<usize> = None;
    for start in 0..=hashes.len() - w {
        let window = &hashes[start..start + w];
        let mut best = 0;
        for (i, &h) in window.iter().enumerate() {
            if h <= window[best] {
                best = i;
            }
        }
        let at = start + best;
        if last != Some(at) {
            out.push(hashes[at]);
            last = Some(at);
        }
    }
    out
}

/// The MinHash signature of a set of word hashes: for each of `MINHASHES` seeded
/// permutations, the smallest permuted value. `None` for an empty set.
pub fn minhash(set: &[u64]) -> Option<[u32; MINHASHES]> {
    if set.is_empty() {
        return None;
    }
    let mut sig = [u32::MAX; MINHASHES];
    for &w in set {
        for (i, slot) in sig.iter_mut().enumerate() {
            let v = (mix64(w ^ (0x9e37_79b9_7f4a_7c15u64.wrapping_mul(i as u64 + 1))) >> 32) as u32;
            if v < *slot {
                *slot = v;
            }
        }
    }
    Some(sig)
}

/// The LSH band keys of a signature: band `b` hashes its `BAND_ROWS` values with the
/// band number, so equal rows in different bands never collide.
pub fn bands(sig: &[u32; MINHASHES]) -> [u32; BANDS] {
    let mut out = [0u32; BANDS];
    for (b, slot) in out.iter_mut().enumerate() {
        let mut h = mix64(0x6c62_272e_07bb_0142 ^ b as u64);
        for &v in &sig[b * BAND_ROWS..(b + 1) * BAND_ROWS] {
            h = mix64(h ^ u64::from(v));
        }
        *slot = (h >> 32) as u32;
    }
    out
}

/// The one-byte (b-bit, b = 8) sketch of a signature, kept per field to estimate
/// similarity without re-reading the text (Li and König, 2010).
pub fn sketch(sig: &[u32; MINHASHES]) -> [u8; MINHASHES] {
    let mut out = [0u8; MINHASHES];
    for (o, &v) in out.iter_mut().zip(sig) {
        *o = v as u8;
    }
    out
}

/// The Jaccard similarity estimated from two one-byte sketches: equal bytes happen with
/// probability J + (1 − J)/256.
pub fn sketch_similarity(a: &[u8; MINHASHES], b: &[u8; MINHASHES]) -> f32 {
    let equal = a.iter().zip(b).filter(|(x, y)| x == y).count() as f32 / MINHASHES as f32;
    ((equal - 1.0 / 256.0) / (1.0 - 1.0 / 256.0)).clamp(0.0, 1.0)
}

/// A deterministic hasher for the index's own maps (FNV-1a; never `RandomState`, so
/// behaviour is identical natively and in wasm).
#[derive(Default)]
pub struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        mix64(self.0)
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv1a(bytes) ^ self.0.rotate_left(17);
    }
}

/// `HashMap` with [`FnvHasher`].
pub type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<FnvHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_matches_the_published_test_vectors() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn winnowing_guarantees_a_shared_fingerprint_for_runs_of_k_plus_w_minus_1_words() {
        let words: Vec<u64> = (0..200u64).map(|i| word_hash(&format!("w{i}"))).collect();
        let a = winnow(&kgrams(&words));
        for start in 0..words.len() - (K + W - 1) {
            let run = &words[start..start + K + W - 1];
            let mut other: Vec<u64> = (0..20u64).map(|i| word_hash(&format!("x{i}"))).collect();
            other.extend_from_slice(run);
            other.extend((0..20u64).map(|i| word_hash(&format!("y{i}"))));
            let b = winnow(&kgrams(&other));
            assert!(a.iter().any(|h| b.contains(h)), "run at {start} not shared");
        }
    }

    #[test]
    fn short_fields_keep_one_fingerprint() {
        let words: Vec<u64> = ["a", "b", "c", "d", "e", "f"]
            .iter()
            .map(|w| word_hash(w))
            .collect();
        assert_eq!(winnow(&kgrams(&words)).len(), 1);
        assert!(winnow(&kgrams(&words[..4])).is_empty());
    }

    #[test]
    fn minhash_estimates_jaccard() {
        let a: Vec<u64> = (0..100u64).map(mix64).collect();
        let b: Vec<u64> = (20..120u64).map(mix64).collect(); // J = 80/120
        let (sa, sb) = (minhash(&a).unwrap(), minhash(&b).unwrap());
        let est = sketch_similarity(&sketch(&sa), &sketch(&sb));
        assert!((est - 0.667).abs() < 0.2, "{est}");
        let c: Vec<u64> = (1000..1100u64).map(mix64).collect();
        let sc = minhash(&c).unwrap();
        assert!(sketch_similarity(&sketch(&sa), &sketch(&sc)) < 0.15);
        assert_eq!(bands(&sa), bands(&minhash(&a).unwrap()));
        assert!(minhash(&[]).is_none());
    }
}
