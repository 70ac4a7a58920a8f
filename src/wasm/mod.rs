//! The wasm-bindgen facade the extension's background (and the www/ playground) loads:
//! `new Engine(snapshotBytes)`, `engine.check(listing)`, `engine.snapshotInfo()`,
//! `engine.registerCounts()`,
//! `engine.setOwnBrands([...])`, `engine.setWatchList(csv)`; `readCatalogue(bytes)`
//! ([`catalogue`]), a seller's catalogue export read as listings; and `SnapshotBuffer`
//! ([`buffer`]), which reads a snapshot into wasm memory as it arrives and makes the
//! engine of it without a second copy.
//!
//! It converts only: JS objects in, the crate's types through the engine, plain JS objects
//! out (the same JSON shapes `clearmark check` prints, `null` for absent values). Errors
//! cross the boundary as strings a seller can read. No judgement lives here — detection
//! is in [`crate::detect`], the snapshot format in [`crate::register`].

pub mod buffer;
mod catalogue;
mod convert;
mod corpus;
pub mod update;
mod watch;

use crate::detect;
use crate::register::snapshot::Snapshot;
use crate::Listing;
pub use buffer::SnapshotBuffer;
pub use catalogue::read_catalogue;
use convert::{from_js, refuse, refuse_as, to_js};
use wasm_bindgen::prelude::*;

/// The checker as JavaScript sees it: one per loaded snapshot.
#[wasm_bindgen]
pub struct Engine {
    inner: detect::Engine,
}

#[wasm_bindgen]
impl Engine {
    /// Loads the engine from the bytes of a register snapshot (a `Uint8Array`). Throws a
    /// string saying what is wrong with a truncated, corrupt or wrong-version snapshot.
    #[wasm_bindgen(constructor)]
    pub fn new(snapshot: Vec<u8>) -> Result<Engine, JsValue> {
        let snapshot = Snapshot::from_bytes(snapshot)
            .map_err(|e| refuse_as("The register snapshot cannot be used", e))?;
        Ok(Engine {
            inner: detect::Engine::new(snapshot),
        })
    }

    /// Checks one listing (`{id, title, bullets, ...}`, the Listing of docs/contracts.md) and returns
    /// its report `{id, findings}`. Throws a string when the value is not a listing or
    /// is over the caps of [`crate::listing::MAX_FIELD_UNITS`] and [`crate::listing::MAX_BULLETS`].
    pub fn check(&self, listing: JsValue) -> Result<JsValue, JsValue> {
        let listing: Listing = from_js(listing, "listing")?;
        listing.check_limits().map_err(refuse)?;
        to_js(&self.inner.check(&listing))
    }

    /// What the loaded snapshot says about itself: its header (format version, build
    /// date, sources with their dates and counts).
    #[wasm_bindgen(js_name = snapshotInfo)]
    pub fn snapshot_info(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.snapshot().header())
    }

    /// How many records of each register the loaded snapshot holds, `{US, EU, FAMOUS,
    /// WATCH}` (counted from the record table, not the sources read): the registers the
    /// extension's pages offer, and the counts they show. Throws a string for a damaged
    /// record table.
    #[wasm_bindgen(js_name = registerCounts)]
    pub fn register_counts(&self) -> Result<JsValue, JsValue> {
        let counts = self.inner.snapshot().records_by_register().map_err(|e| {
            JsValue::from_str(&format!("The register snapshot cannot be read: {e}"))
        })?;
        to_js(&counts)
    }

    /// Sets the seller's own brands (a list of strings): they and their registered
    /// variants are never flagged.
    #[wasm_bindgen(js_name = setOwnBrands)]
    pub fn set_own_brands(&mut self, brands: Vec<String>) {
        self.inner.set_own_brands(brands);
    }
}
