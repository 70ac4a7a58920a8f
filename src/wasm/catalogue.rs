//! A seller's catalogue export as JavaScript sees it: `readCatalogue(bytes)` reads the
//! file with [`crate::catalogue`] — the same readers `clearmark audit` uses — and returns
//! plain objects: `{format, formatName, listings: [{row, listing}], skipped: [{row,
//! reason}]}`. Converts only; which formats exist and how each is read is the
//! catalogue module's business.

use super::convert::{refuse_as, to_js};
use crate::catalogue::{self, Catalogue, Format};
use crate::Listing;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A catalogue read, in the shape the extension's options page and background use.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CatalogueJs {
    /// `amazon`, `shopify`, `ebay`, `etsy` or `jsonl`.
    format: Format,
    /// The format as a seller names it ("Shopify products CSV").
    format_name: String,
    /// The listings, in file order.
    listings: Vec<RowJs>,
    /// The rows not read, in file order.
    skipped: Vec<SkippedJs>,
}

#[derive(Serialize)]
struct RowJs {
    row: usize,
    listing: Listing,
}

#[derive(Serialize)]
struct SkippedJs {
    row: usize,
    reason: String,
}

impl From<Catalogue> for CatalogueJs {
    fn from(c: Catalogue) -> Self {
        CatalogueJs {
            format: c.format,
            format_name: c.format.to_string(),
            listings: c
                .rows
                .into_iter()
                .map(|r| RowJs {
                    row: r.row,
                    listing: r.listing,
                })
                .collect(),
            skipped: c
                .skipped
                .into_iter()
                .map(|s| SkippedJs {
                    row: s.row,
                    reason: s.reason.to_string(),
                })
                .collect(),
        }
    }
}

/// Reads a catalogue export (Amazon flat file, Shopify, eBay or Etsy CSV, listing JSON
/// lines; a `Uint8Array`), recognised by its header. Returns `{format, formatName,
/// listings: [{row, listing}], skipped: [{row, reason}]}` with 1-based rows; throws a
/// string when the file is not a catalogue Clearmark reads.
#[wasm_bindgen(js_name = readCatalogue)]
pub fn read_catalogue(bytes: &[u8]) -> Result<JsValue, JsValue> {
    let catalogue =
        catalogue::read(bytes).map_err(|e| refuse_as("The catalogue cannot be read", e))?;
    to_js(&CatalogueJs::from(catalogue))
}
