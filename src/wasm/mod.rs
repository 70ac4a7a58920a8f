//! The wasm-bindgen facade the extension's background loads: converts JS values to the
//! engine's types and back. No judgement lives here.

mod update;
