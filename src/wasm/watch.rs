//! The seller's watch list as JavaScript sees it: replace it from a CSV file's text (the
//! background stores the text and sets it again on every start), clear it, count it.
//! Converts only; the format is [`crate::register::watch_csv`], the index
//! [`crate::register::watch_list`], how watched marks are judged [`crate::detect`].

use super::convert::{refuse_as, to_js};
use super::Engine;
use crate::register::watch_csv;
use crate::register::watch_list::WatchList;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// What an import did, as the options page shows it.
#[derive(Serialize)]
struct Imported {
    /// Marks now on the watch list.
    count: usize,
    /// Rows skipped.
    skipped: usize,
    /// Each skipped row: its line and why.
    errors: Vec<RowError>,
}

/// One skipped row: its line, the English sentence, and the parts a page needs to say
/// it in the seller's language (`kind`: `no_name`, `no_letters`, `bad_class`,
/// `malformed`; `mark` and `value`: the row's mark and the bad class, or "").
#[derive(Serialize)]
struct RowError {
    line: u64,
    error: String,
    kind: &'static str,
    mark: String,
    value: String,
}

#[wasm_bindgen]
impl Engine {
    /// Replaces the watch list with the marks of a watch-list CSV (its text) and returns
    /// `{count, skipped, errors: [{line, error}]}`. Throws a string, and keeps the list in
    /// use, when the file has no header naming a mark column or not one usable row.
    #[wasm_bindgen(js_name = setWatchList)]
    pub fn set_watch_list(&mut self, csv: &str) -> Result<JsValue, JsValue> {
        let list = watch_csv::parse(csv.as_bytes())
            .and_then(watch_csv::WatchCsv::require_marks)
            .map_err(|e| refuse_as("The watch list cannot be used", format!("{e}.")))?;
        let imported = Imported {
            count: list.records.len(),
            skipped: list.errors.len(),
            errors: list
                .errors
                .iter()
                .map(|e| RowError {
                    line: e.line,
                    error: e.error.to_string(),
                    kind: e.error.code(),
                    mark: e.error.mark().to_owned(),
                    value: match &e.error {
                        watch_csv::RowError::BadClass { class, .. } => class.clone(),
                        _ => String::new(),
                    },
                })
                .collect(),
        };
        self.inner.set_watch_list(WatchList::new(list.records));
        to_js(&imported)
    }

    /// Forgets the watch list.
    #[wasm_bindgen(js_name = clearWatchList)]
    pub fn clear_watch_list(&mut self) {
        self.inner.set_watch_list(WatchList::default());
    }

    /// How many marks the watch list holds (0 without one).
    #[wasm_bindgen(js_name = watchListSize)]
    pub fn watch_list_size(&self) -> usize {
        self.inner.watch_list().len()
    }
}
