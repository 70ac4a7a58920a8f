//! A seller's catalogue export read through the wasm facade, as the extension's background
//! reads a file imported in options (`cargo test --target wasm32-unknown-unknown
//! --no-default-features --test wasm_catalogue`, in Node): the listings come out as plain
//! objects in the Listing contract with their rows, bad rows are named with their row and
//! reason, the result is what the native readers (and so `clearmark audit`) give, and a
//! file of no known format is refused with a string.
#![cfg(target_arch = "wasm32")]

use clearmark::catalogue;
use clearmark::wasm::read_catalogue;
use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// A Shopify products CSV: a BOM, a product with a variant row, an HTML body, and a row
/// without a handle (row 4).
const SHOPIFY: &str = "\u{feff}Handle,Title,Body (HTML),Vendor,Tags,Type\n\
    oak-tray,Oak tray,<p>Holds <b>rings</b></p>,Acme,\"wood, tray\",Trays\n\
    oak-tray,,,,,\n\
    ,Lamp,<p>Linen shade</p>,Acme,,Lamps\n\
    mug,Mug 🍵,<p>Big</p>,Acme,,Mugs\n";

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("property readable")
}

fn array(v: JsValue) -> Vec<JsValue> {
    v.dyn_into::<Array>().expect("array").iter().collect()
}

fn string(v: &JsValue, key: &str) -> Option<String> {
    get(v, key).as_string()
}

#[wasm_bindgen_test]
fn a_shopify_csv_gives_its_listings_with_rows_and_names_the_skipped_row() {
    let read = read_catalogue(SHOPIFY.as_bytes()).expect("a Shopify CSV is read");
    assert_eq!(string(&read, "format").as_deref(), Some("shopify"));
    assert_eq!(
        string(&read, "formatName").as_deref(),
        Some("Shopify products CSV")
    );
    let native = catalogue::read(SHOPIFY.as_bytes()).expect("read natively");
    let listings = array(get(&read, "listings"));
    assert_eq!(listings.len(), native.rows.len());
    for (js, row) in listings.iter().zip(&native.rows) {
        assert_eq!(get(js, "row").as_f64(), Some(row.row as f64));
        let l = get(js, "listing");
        assert_eq!(string(&l, "id"), Some(row.listing.id.clone()));
        assert_eq!(string(&l, "title"), row.listing.title.clone());
        assert_eq!(string(&l, "description"), row.listing.description.clone());
        assert_eq!(string(&l, "brand"), row.listing.brand.clone());
        assert_eq!(string(&l, "keywords"), row.listing.keywords.clone());
    }
    assert_eq!(
        string(&get(&listings[0], "listing"), "id").as_deref(),
        Some("oak-tray")
    );
    assert_eq!(
        string(&get(&listings[1], "listing"), "title").as_deref(),
        Some("Mug 🍵")
    );
    let skipped = array(get(&read, "skipped"));
    assert_eq!(skipped.len(), 1);
    assert_eq!(get(&skipped[0], "row").as_f64(), Some(4.0));
    assert!(string(&skipped[0], "reason")
        .unwrap_or_default()
        .contains("no id"));
}

#[wasm_bindgen_test]
fn absent_fields_are_null_and_bullets_a_list() {
    let read = read_catalogue(b"{\"id\": \"a\", \"title\": \"Tray\", \"bullets\": [\"Oak\"]}\n")
        .expect("JSON lines are read");
    assert_eq!(string(&read, "format").as_deref(), Some("jsonl"));
    let l = get(&array(get(&read, "listings"))[0], "listing");
    assert!(get(&l, "description").is_null());
    assert_eq!(array(get(&l, "bullets")).len(), 1);
}

#[wasm_bindgen_test]
fn a_file_of_no_known_format_is_refused_with_a_string() {
    let err = read_catalogue(b"name,price\nmug,3\n").expect_err("unknown header");
    let text = err.as_string().expect("a string");
    assert!(text.starts_with("The catalogue cannot be read: not a catalogue export"));
    let err = read_catalogue(b"  \n").expect_err("empty");
    assert!(err.as_string().unwrap_or_default().contains("empty"));
}
