//! The wasm facade as JavaScript sees it (`cargo test --target wasm32-unknown-unknown
//! --test wasm_facade`, run in Node by wasm-bindgen-test-runner): a snapshot's bytes in,
//! plain JS objects out in the JSON contract's shape, UTF-16 offsets, strings for errors.
#![cfg(target_arch = "wasm32")]

use clearmark::register::snapshot::SnapshotBuilder;
use clearmark::register::{Record, Register};
use clearmark::wasm::buffer::snapshot_file_length;
use clearmark::wasm::{Engine, SnapshotBuffer};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// A small snapshot: one famous brand, one registered US mark, and word frequencies so the
/// ordinary words of the test titles read as ordinary.
fn snapshot_bytes() -> Vec<u8> {
    let mut b = SnapshotBuilder::new(20261123);
    b.begin_source("famous", "test brands", 20261123);
    let mut lego = Record::new(Register::Famous, "LEGO", "The LEGO Group");
    lego.famous = true;
    b.add(lego);
    b.begin_source("uspto-xml", "test marks", 20261123);
    let mut zorblax = Record::new(Register::US, "Zorblax", "Zorblax Toys Inc.");
    zorblax.number = "97000001".into();
    zorblax.classes = vec![28];
    b.add(zorblax);
    for (w, z) in [
        ("toy", 4.8),
        ("train", 5.0),
        ("set", 5.6),
        ("with", 7.0),
        ("bricks", 3.9),
    ] {
        b.add_word_frequency(w, z);
    }
    b.finish(None)
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("property readable")
}

/// A JS listing object `{id, title}` built the way the background receives it.
fn listing(id: &str, title: &str) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"id".into(), &id.into()).unwrap();
    Reflect::set(&o, &"title".into(), &title.into()).unwrap();
    Reflect::set(&o, &"unknownField".into(), &JsValue::from(1)).unwrap();
    o.into()
}

#[wasm_bindgen_test]
fn check_returns_the_report_as_plain_objects_with_utf16_offsets() {
    let engine = Engine::new(snapshot_bytes()).expect("a good snapshot loads");
    // "🚂" is two UTF-16 code units: LEGO starts at 10, not 9 (chars) or 12 (bytes).
    let title = "🚂 Toy set LEGO bricks";
    let report = engine
        .check(listing("sku-1", title))
        .expect("a listing is checked");
    assert_eq!(get(&report, "id").as_string().as_deref(), Some("sku-1"));
    let findings: Array = get(&report, "findings")
        .dyn_into()
        .expect("findings is an array");
    let lego = findings
        .iter()
        .find(|f| get(f, "text").as_string().as_deref() == Some("LEGO"))
        .expect("LEGO is found");
    let start = get(&lego, "start").as_f64().unwrap() as u32;
    let end = get(&lego, "end").as_f64().unwrap() as u32;
    let js_title = js_sys::JsString::from(title);
    assert_eq!(
        js_title.slice(start, end),
        "LEGO",
        "offsets slice the JS string"
    );
    assert_eq!(get(&lego, "field").as_string().as_deref(), Some("title"));
    assert!(
        get(&lego, "index").is_null(),
        "absent index is null, not undefined"
    );
    assert_eq!(
        get(&lego, "kind").as_string().as_deref(),
        Some("famous_brand")
    );
    assert!(Array::is_array(&get(&lego, "records")));
    assert!(!get(&lego, "reason")
        .as_string()
        .unwrap_or_default()
        .is_empty());
}

#[wasm_bindgen_test]
fn own_brands_are_not_flagged() {
    let mut engine = Engine::new(snapshot_bytes()).unwrap();
    let report = engine.check(listing("a", "Zorblax toy train")).unwrap();
    let before: Array = get(&report, "findings").dyn_into().unwrap();
    assert!(before.length() > 0, "Zorblax is a registered toy mark");
    engine.set_own_brands(vec!["Zorblax".into()]);
    let report = engine.check(listing("a", "Zorblax toy train")).unwrap();
    let after: Array = get(&report, "findings").dyn_into().unwrap();
    assert_eq!(after.length(), 0, "the seller's own brand is never flagged");
}

#[wasm_bindgen_test]
fn snapshot_info_is_the_header() {
    let engine = Engine::new(snapshot_bytes()).unwrap();
    let info = engine.snapshot_info().unwrap();
    assert_eq!(get(&info, "build_date").as_f64(), Some(20261123.0));
    assert_eq!(get(&info, "records").as_f64(), Some(2.0));
    let sources: Array = get(&info, "sources").dyn_into().unwrap();
    assert_eq!(sources.length(), 2);
}

#[wasm_bindgen_test]
fn register_counts_are_keyed_by_register_code() {
    let engine = Engine::new(snapshot_bytes()).unwrap();
    let counts = engine.register_counts().unwrap();
    for (code, n) in [("US", 1.0), ("EU", 0.0), ("FAMOUS", 1.0), ("WATCH", 0.0)] {
        assert_eq!(get(&counts, code).as_f64(), Some(n), "{code}");
    }
}

#[wasm_bindgen_test]
fn bad_snapshots_and_bad_listings_throw_readable_strings() {
    let bytes = snapshot_bytes();
    for bad in [
        Vec::new(),
        bytes[..bytes.len() / 2].to_vec(),
        b"not a snapshot".to_vec(),
    ] {
        let err = Engine::new(bad).err().expect("refused");
        let msg = err.as_string().expect("the error is a string");
        assert!(
            msg.starts_with("The register snapshot cannot be used: "),
            "{msg}"
        );
    }
    let engine = Engine::new(bytes).unwrap();
    for bad in [
        JsValue::from(5),
        JsValue::NULL,
        JsValue::from_str("a title"),
    ] {
        let err = engine.check(bad).expect_err("refused");
        let msg = err.as_string().expect("the error is a string");
        assert!(msg.starts_with("Not a listing: "), "{msg}");
    }
}

#[wasm_bindgen_test]
fn a_watch_list_csv_flags_its_marks_and_reports_bad_lines() {
    let mut engine = Engine::new(snapshot_bytes()).unwrap();
    let titles = |e: &Engine, t: &str| -> Vec<String> {
        let report = e.check(listing("w", t)).unwrap();
        let findings: Array = get(&report, "findings").dyn_into().unwrap();
        findings
            .iter()
            .filter_map(|f| get(&f, "text").as_string())
            .collect()
    };
    assert!(titles(&engine, "Quibbix toy train").is_empty());
    let answer = engine
        .set_watch_list("name,owner,classes\nQuibbix,Quib Ltd,28\nGlimmer,,99\n")
        .expect("a list with one good row is taken");
    assert_eq!(get(&answer, "count").as_f64(), Some(1.0));
    assert_eq!(get(&answer, "skipped").as_f64(), Some(1.0));
    let errors: Array = get(&answer, "errors").dyn_into().unwrap();
    let first = errors.get(0);
    assert_eq!(get(&first, "line").as_f64(), Some(3.0));
    assert!(get(&first, "error").as_string().unwrap().contains("99"));
    assert_eq!(
        get(&first, "kind").as_string().as_deref(),
        Some("bad_class")
    );
    assert_eq!(get(&first, "mark").as_string().as_deref(), Some("Glimmer"));
    assert_eq!(get(&first, "value").as_string().as_deref(), Some("99"));
    assert_eq!(titles(&engine, "Quibbix toy train"), ["Quibbix"]);
    assert_eq!(engine.watch_list_size(), 1);

    // A file with nothing usable throws a sentence and keeps the list in use.
    let err = engine.set_watch_list("brand;classes\n").unwrap_err();
    assert!(err.as_string().unwrap().contains("header"), "{err:?}");
    let err = engine.set_watch_list("name\n,\n").unwrap_err();
    assert!(err.as_string().unwrap().contains("no row"), "{err:?}");
    assert_eq!(titles(&engine, "Quibbix toy train"), ["Quibbix"]);

    engine.clear_watch_list();
    assert!(titles(&engine, "Quibbix toy train").is_empty());
    assert_eq!(engine.watch_list_size(), 0);
}

/// `bytes` pushed into a new `SnapshotBuffer` of `len` bytes in chunks of `chunk` bytes,
/// as the background pushes a response body's chunks.
fn buffer(bytes: &[u8], len: usize, chunk: usize) -> Result<SnapshotBuffer, String> {
    let mut b = SnapshotBuffer::new(len).map_err(|e| e.as_string().unwrap())?;
    for c in bytes.chunks(chunk) {
        b.push(&Uint8Array::from(c))
            .map_err(|e| e.as_string().expect("the error is a string"))?;
    }
    Ok(b)
}

#[wasm_bindgen_test]
fn a_snapshot_pushed_in_chunks_becomes_the_same_engine() {
    let bytes = snapshot_bytes();
    let mut b = buffer(&bytes, bytes.len(), 7).expect("chunks fit");
    assert_eq!((b.received(), b.len()), (bytes.len(), bytes.len()));
    let header = b.header().expect("a good snapshot");
    assert_eq!(get(&header, "size").as_f64(), Some(bytes.len() as f64));
    assert_eq!(
        b.copy().unwrap().to_vec(),
        bytes,
        "the stored copy is the file"
    );
    let engine = b.into_engine().expect("a good snapshot loads");
    let direct = Engine::new(bytes).unwrap();
    let title = "Toy train set with LEGO bricks and Zorblax";
    let via_buffer = engine.check(listing("a", title)).unwrap();
    let via_bytes = direct.check(listing("a", title)).unwrap();
    assert_eq!(
        js_sys::JSON::stringify(&via_buffer).unwrap(),
        js_sys::JSON::stringify(&via_bytes).unwrap()
    );
    let findings: Array = get(&via_buffer, "findings").dyn_into().unwrap();
    assert_eq!(findings.length(), 2, "LEGO and Zorblax");
}

#[wasm_bindgen_test]
fn a_short_long_or_bad_snapshot_never_becomes_an_engine() {
    let bytes = snapshot_bytes();
    let n = bytes.len();
    let short = buffer(&bytes[..n - 1], n, 64).unwrap();
    let msg = short.into_engine().err().unwrap().as_string().unwrap();
    assert!(
        msg.contains(&format!("ended after {} of the {n} bytes", n - 1)),
        "{msg}"
    );

    let long = buffer(&bytes, n - 1, 64).err().expect("refused");
    assert!(long.contains("longer than"), "{long}");

    let mut flipped = bytes.clone();
    flipped[20] ^= 0xff;
    let mut bad = buffer(&flipped, n, 64).unwrap();
    let msg = bad.header().err().unwrap().as_string().unwrap();
    assert!(
        msg.starts_with("The register snapshot cannot be used: "),
        "{msg}"
    );
    let msg = bad.into_engine().err().unwrap().as_string().unwrap();
    assert!(msg.contains("already refused or used"), "{msg}");

    let msg = SnapshotBuffer::new(usize::MAX)
        .err()
        .unwrap()
        .as_string()
        .unwrap();
    assert!(msg.contains("not enough memory"), "{msg}");
}

#[wasm_bindgen_test]
fn the_file_length_is_read_from_the_first_bytes() {
    let bytes = snapshot_bytes();
    assert_eq!(snapshot_file_length(&bytes[..10]).unwrap(), None);
    assert_eq!(
        snapshot_file_length(&bytes[..bytes.len().min(4096)]).unwrap(),
        Some(bytes.len() as f64)
    );
    let msg = snapshot_file_length(b"<html>")
        .unwrap_err()
        .as_string()
        .unwrap();
    assert!(
        msg.starts_with("The register snapshot cannot be used: "),
        "{msg}"
    );
}
