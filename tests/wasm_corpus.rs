//! The copied-copy corpus through the wasm facade, as the extension's background uses
//! it (`cargo test --target wasm32-unknown-unknown --no-default-features --test
//! wasm_corpus`, in Node): add listings one at a time, check a listing that copies one,
//! store the corpus as bytes and load it into another engine, remove a listing, and
//! refuse a damaged corpus with a string.
#![cfg(target_arch = "wasm32")]

use clearmark::register::snapshot::SnapshotBuilder;
use clearmark::wasm::Engine;
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const BULLET: &str = "Ultra soft plush bear with hand embroidered eyes and a satin bow, \
    safe for newborns and washable at thirty degrees without losing its shape";

fn engine() -> Engine {
    Engine::new(SnapshotBuilder::new(20261123).finish(None)).expect("empty snapshot loads")
}

fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("fixture JSON")
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("property readable")
}

fn copied(engine: &Engine) -> Vec<JsValue> {
    let listing = js(&format!(
        r#"{{"id": "mine", "title": "Soft bear", "bullets": ["😀 {BULLET}"]}}"#
    ));
    let report = engine.check(listing).expect("checks");
    get(&report, "findings")
        .dyn_into::<Array>()
        .expect("array")
        .iter()
        .filter(|f| get(f, "kind").as_string().as_deref() == Some("copied_copy"))
        .collect()
}

#[wasm_bindgen_test]
fn listings_added_one_by_one_are_found_stored_and_removed() {
    let mut a = engine();
    assert!(copied(&a).is_empty(), "no corpus, no copy pass");
    let evicted = a
        .add_corpus_listing(js(&format!(
            r#"{{"id": "ref:bear", "url": "https://market.example/bear", "bullets": ["{BULLET}"]}}"#
        )))
        .expect("adds");
    assert_eq!(Array::from(&evicted).length(), 0);
    a.add_corpus_listing(js(r#"{"id": "ref:other", "title": "Wooden train set"}"#))
        .expect("adds");
    assert_eq!(a.corpus_size(), 2);

    let found = copied(&a);
    assert_eq!(found.len(), 1);
    assert_eq!(
        get(&found[0], "start").as_f64(),
        Some(3.0),
        "UTF-16: emoji and space"
    );
    assert_eq!(
        get(&found[0], "severity").as_string().as_deref(),
        Some("high")
    );
    let source = get(&found[0], "source");
    assert_eq!(get(&source, "id").as_string().as_deref(), Some("ref:bear"));

    let mut b = engine();
    b.set_corpus(a.corpus_bytes()).expect("stored corpus loads");
    assert_eq!(b.corpus_size(), 2);
    assert_eq!(copied(&b).len(), 1);

    assert!(b.remove_corpus_listing("ref:bear"));
    assert!(!b.remove_corpus_listing("ref:bear"));
    assert!(copied(&b).is_empty());
}

#[wasm_bindgen_test]
fn damaged_corpus_and_bad_listings_are_refused_with_a_string() {
    let mut a = engine();
    a.add_corpus_listing(js(&format!(
        r#"{{"id": "ref:bear", "bullets": ["{BULLET}"]}}"#
    )))
    .expect("adds");
    let mut bytes = a.corpus_bytes();
    let at = bytes.len() / 2;
    bytes[at] ^= 1;
    let err = a.set_corpus(bytes).expect_err("damaged");
    assert!(err.as_string().unwrap_or_default().contains("damaged"));
    assert_eq!(a.corpus_size(), 1, "the corpus in use stays");
    let err = a
        .add_corpus_listing(js(r#"{"title": "no id"}"#))
        .expect_err("no id");
    assert!(err.as_string().unwrap_or_default().contains("no id"));
}
