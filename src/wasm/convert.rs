//! The one conversion across the JavaScript boundary: the crate's values out as plain JS
//! objects in their JSON shape, JS values in through serde, and every error as the
//! sentence a seller reads, thrown as a string.

use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt::Display;
use wasm_bindgen::JsValue;

/// A value as a plain JS object in its JSON shape (`null`, not `undefined`, for absent
/// values; objects, not `Map`s), the same shapes `clearmark check` prints.
pub(super) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| refuse_as("Clearmark could not convert its answer", e))
}

/// A JS value read as `T`; refused as "Not a listing: …" style with `what` ("listing").
pub(super) fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value).map_err(|e| refuse_as(&format!("Not a {what}"), e))
}

/// A refusal: the error's own sentence, thrown as a string.
pub(super) fn refuse(e: impl Display) -> JsValue {
    JsValue::from_str(&e.to_string())
}

/// A refusal that says what could not be done first ("The watch list cannot be used:
/// …"), thrown as a string.
pub(super) fn refuse_as(context: &str, e: impl Display) -> JsValue {
    JsValue::from_str(&format!("{context}: {e}"))
}
