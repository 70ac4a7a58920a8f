//! Fingerprints must be identical natively and in wasm: a corpus file built by the CLI
//! is loaded by the engine in the browser. These constants were computed natively; the
//! same test runs under `cargo test --target wasm32-unknown-unknown` (wasm-bindgen's
//! runner) and natively, so a platform-dependent hash fails one of the two.

use clearmark::corpus::fingerprint;
use clearmark::corpus::{CorpusIndex, CorpusListing, FieldWords};
use clearmark::detect::copy;
use clearmark::Listing;
use sha2::{Digest, Sha256};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

const TEXT: &str = "Complete toy pots and pans set: the making dinner for eight cookware set, \
    Аpple™ 家具 😀 — perfect for kids’ pretend play!";

fn corpus() -> CorpusIndex {
    let mut c = CorpusIndex::new(10);
    c.add(CorpusListing {
        id: "ref:1".into(),
        title: Some("Play Circle Cookware Set".into()),
        bullets: vec![TEXT.into(), "Sized perfectly for small hands".into()],
        ..Default::default()
    });
    c
}

#[test]
fn word_and_kgram_hashes_are_pinned() {
    assert_eq!(fingerprint::fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    assert_eq!(fingerprint::word_hash("apple"), WORD_APPLE);
    let words = FieldWords::new(TEXT);
    let grams = fingerprint::kgrams(&words.hashes);
    assert_eq!(fingerprint::winnow(&grams), WINNOWED);
    let sig = words.signature().expect("content words");
    assert_eq!(sig[..4], SIGNATURE_HEAD);
    assert_eq!(fingerprint::bands(&sig)[..3], BANDS_HEAD);
}

#[test]
fn corpus_files_are_byte_identical() {
    let bytes = corpus().to_bytes();
    let digest: [u8; 32] = Sha256::digest(&bytes).into();
    assert_eq!(hex(&digest), CORPUS_SHA256);
    let back = CorpusIndex::from_bytes(&bytes).expect("reads back");
    assert_eq!(back.len(), 1);
}

#[test]
fn copy_findings_are_identical() {
    let listing = Listing {
        id: "mine".into(),
        bullets: vec![format!("😀 {TEXT}")],
        ..Default::default()
    };
    let f = copy::find(&corpus(), &listing);
    assert_eq!(f.len(), 1);
    assert_eq!((f[0].start, f[0].end), FINDING_SPAN);
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

// Re-pinned when ideographs became one word each (so "家具" is two words): the
// k-grams over it and the corpus file changed, natively and in wasm alike.
const WORD_APPLE: u64 = 0xba8e_799d_ceb3_bcb1;
const WINNOWED: &[u32] = &[
    2186593107, 447801504, 196446932, 1192811295, 209635270, 198282938,
];
const SIGNATURE_HEAD: [u32; 4] = [52025449, 257389838, 149947370, 795240233];
const BANDS_HEAD: [u32; 3] = [51287978, 3490672084, 1927168103];
const CORPUS_SHA256: &str = "9fc1615fb0cc2419e2f6fbf1db9e5bdef0e478c578c4476769da06be7a627acf";
/// After "😀 " (three UTF-16 units), up to the last copied word.
const FINDING_SPAN: (usize, usize) = (3, 122);
