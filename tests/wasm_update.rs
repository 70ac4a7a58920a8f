//! The updater's wasm functions as extension/updater.js calls them (`cargo test --target
//! wasm32-unknown-unknown --test wasm_update`, in Node): manifests and keys as strings,
//! bytes pushed into a `SnapshotBuffer` as `Uint8Array` chunks, versions as JS numbers,
//! plain objects back, refusals thrown as sentences for the seller.
#![cfg(target_arch = "wasm32")]

mod damage;

use clearmark::register::feed::{public_key_hex, FeedManifest, Offer};
use clearmark::register::snapshot::SnapshotBuilder;
use clearmark::register::{Record, Register};
use clearmark::wasm::update::check_update_offer;
use clearmark::wasm::SnapshotBuffer;
use ed25519_dalek::SigningKey;
use js_sys::Reflect;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const EXTENSION: &str = "0.1.0";
/// When the test manifests expire, and `Date.now()` an hour before (20,793 days from
/// 1970-01-01 to 2026-12-06, per Python's datetime).
const EXPIRES: &str = "2026-12-06T14:00:00Z";
const EXPIRES_MS: f64 = (20_793.0 * 86_400.0 + 14.0 * 3600.0) * 1000.0;
const NOW: f64 = EXPIRES_MS - 3_600_000.0;

fn key(seed: u8) -> SigningKey {
    SigningKey::from_bytes(&[seed; 32])
}

fn snapshot(version: u64, sign: Option<&SigningKey>) -> Vec<u8> {
    let mut b = SnapshotBuilder::new(20261123);
    b.snapshot_version(version);
    let mut r = Record::new(Register::US, "Zorblax", "Zorblax Toys Inc.");
    r.number = "97000001".into();
    r.classes = vec![28];
    b.add(r);
    b.finish(sign)
}

fn manifest(bytes: &[u8], version: u64, signer: &SigningKey) -> String {
    let offer = Offer {
        format_version: clearmark::register::snapshot::FORMAT_VERSION,
        snapshot_version: version,
        date: "2026-11-23".into(),
        file: format!("clearmark-{version}.snap"),
        min_extension_version: "0.1.0".into(),
        expires: EXPIRES.into(),
    };
    FeedManifest::sign(offer, bytes, signer).unwrap().to_json()
}

fn keys() -> String {
    format!("# trusted\n{}\n", public_key_hex(&key(1).verifying_key()))
}

fn get(v: &JsValue, name: &str) -> JsValue {
    Reflect::get(v, &name.into()).unwrap()
}

fn thrown(r: Result<JsValue, JsValue>) -> String {
    r.expect_err("refused")
        .as_string()
        .expect("a string is thrown")
}

/// `bytes` in a `SnapshotBuffer` of their length, pushed in two chunks.
fn buffer(bytes: &[u8]) -> SnapshotBuffer {
    let mut b = SnapshotBuffer::new(bytes.len()).unwrap();
    let (a, z) = bytes.split_at(bytes.len() / 3);
    b.push(&js_sys::Uint8Array::from(a)).unwrap();
    b.push(&js_sys::Uint8Array::from(z)).unwrap();
    b
}

#[wasm_bindgen_test]
fn a_good_update_verifies_in_place_describes_itself_and_becomes_the_engine() {
    let bytes = snapshot(7, None);
    let m = manifest(&bytes, 7, &key(1));
    let offer = check_update_offer(&m, &keys(), EXTENSION, NOW, Some(6.0)).unwrap();
    assert_eq!(get(&offer, "file").as_string().unwrap(), "clearmark-7.snap");
    assert_eq!(get(&offer, "size").as_f64().unwrap(), bytes.len() as f64);
    let mut b = buffer(&bytes);
    let ok = b
        .verify_update(&m, &keys(), EXTENSION, NOW, Some(6.0))
        .unwrap();
    assert_eq!(get(&ok, "snapshotVersion").as_f64(), Some(7.0));
    assert_eq!(get(&ok, "date").as_string().unwrap(), "2026-11-23");
    assert_eq!(get(&ok, "sha256").as_string().unwrap().len(), 64);
    assert_eq!(b.copy().unwrap().to_vec(), bytes);
    let engine = b.into_engine().expect("the verified snapshot loads");
    let info = engine.snapshot_info().unwrap();
    assert_eq!(get(&info, "snapshot_version").as_f64(), Some(7.0));
    let header = buffer(&bytes).header().unwrap();
    assert_eq!(get(&header, "snapshotVersion").as_f64(), Some(7.0));
}

#[wasm_bindgen_test]
fn refusals_are_thrown_as_sentences_and_the_buffer_never_becomes_an_engine() {
    let bytes = snapshot(7, None);
    let m = manifest(&bytes, 7, &key(1));
    let mut flipped = bytes.clone();
    flipped[bytes.len() / 2] ^= 1;
    let mut b = buffer(&flipped);
    assert!(thrown(b.verify_update(&m, &keys(), EXTENSION, NOW, None)).contains("SHA-256 mismatch"));
    assert!(b.into_engine().is_err());
    let forged = manifest(&bytes, 7, &key(2));
    assert!(
        thrown(buffer(&bytes).verify_update(&forged, &keys(), EXTENSION, NOW, None))
            .contains("not signed by a trusted")
    );
    let mut short = SnapshotBuffer::new(bytes.len()).unwrap();
    short
        .push(&js_sys::Uint8Array::from(&bytes[..100]))
        .unwrap();
    assert!(
        thrown(short.verify_update(&m, &keys(), EXTENSION, NOW, None)).contains("was cut off"),
        "a short download is refused in the feed check's words"
    );
    assert!(short.into_engine().is_err());
    assert!(
        thrown(check_update_offer(&m, &keys(), EXTENSION, NOW, Some(7.0))).contains("not newer")
    );
    assert!(thrown(check_update_offer(
        "{not json",
        &keys(),
        EXTENSION,
        NOW,
        None
    ))
    .contains("latest.json is not valid"));
    assert!(
        thrown(buffer(&bytes).verify_update(&m, "zz", EXTENSION, NOW, None)).contains("not valid")
    );
    assert!(thrown(buffer(b"garbage").header()).contains("snapshot"));
}

#[wasm_bindgen_test]
fn a_file_without_manifest_needs_its_own_trusted_signature() {
    let signed = snapshot(8, Some(&key(1)));
    let mut b = buffer(&signed);
    let ok = b.verify_snapshot_file(&keys(), Some(7.0)).unwrap();
    assert_eq!(get(&ok, "snapshotVersion").as_f64(), Some(8.0));
    assert!(b.into_engine().is_ok());
    let mut unsigned = buffer(&snapshot(8, None));
    assert!(thrown(unsigned.verify_snapshot_file(&keys(), None)).contains("not signed"));
    assert!(unsigned.into_engine().is_err());
    assert!(thrown(buffer(&signed).verify_snapshot_file(&keys(), Some(8.0))).contains("not newer"));
}

#[wasm_bindgen_test]
fn versions_that_are_not_whole_numbers_count_as_none() {
    let bytes = snapshot(7, None);
    let m = manifest(&bytes, 7, &key(1));
    for odd in [f64::NAN, -1.0, 6.5] {
        assert!(check_update_offer(&m, &keys(), EXTENSION, NOW, Some(odd)).is_ok());
    }
}

#[wasm_bindgen_test]
fn a_manifest_past_its_expiry_reads_as_stale_and_a_clock_that_is_no_time_fails_closed() {
    let bytes = snapshot(7, None);
    let m = manifest(&bytes, 7, &key(1));
    assert!(check_update_offer(&m, &keys(), EXTENSION, EXPIRES_MS - 1000.0, Some(6.0)).is_ok());
    for now in [EXPIRES_MS, EXPIRES_MS + 86_400_000.0, f64::NAN, -1.0] {
        let text = thrown(check_update_offer(&m, &keys(), EXTENSION, now, Some(6.0)));
        assert!(text.starts_with("updates are stale"), "{now}: {text}");
        assert!(text.contains(EXPIRES), "{text}");
    }
    // The same version offered by an expired manifest is stale, not "up to date".
    assert!(
        thrown(check_update_offer(&m, &keys(), EXTENSION, EXPIRES_MS, None))
            .starts_with("updates are stale")
    );
    assert!(
        thrown(buffer(&bytes).verify_update(&m, &keys(), EXTENSION, EXPIRES_MS, None))
            .starts_with("updates are stale")
    );
    let offer = check_update_offer(&m, &keys(), EXTENSION, NOW, None).unwrap();
    assert_eq!(get(&offer, "expires").as_string().unwrap(), EXPIRES);
}

#[wasm_bindgen_test]
fn a_stored_snapshot_is_hashed_and_walked_again_before_it_is_used() {
    let bytes = snapshot(7, None);
    let mut good = buffer(&bytes);
    let ok = good.verify_stored().unwrap();
    assert_eq!(get(&ok, "snapshotVersion").as_f64(), Some(7.0));
    assert!(good.into_engine().is_ok());

    let mut flipped = bytes.clone();
    flipped[bytes.len() / 2] ^= 1;
    let mut b = buffer(&flipped);
    assert!(thrown(b.verify_stored()).contains("checksum mismatch"));
    assert!(
        b.into_engine().is_err(),
        "a refused stored snapshot never answers"
    );

    // Damage with the checksum recomputed: loading alone would take it, the walk refuses.
    let mut b = buffer(&damage::damaged_past_loading(&bytes));
    assert!(thrown(b.verify_stored()).contains("marks section is corrupt"));
    assert!(b.into_engine().is_err());
}
