//! The copied-copy corpus as JavaScript sees it: load a corpus file, add and remove
//! other sellers' listings one at a time (the extension's IndexedDB store drives this),
//! and serialise the corpus back to bytes for storage. Converts only; the corpus itself
//! is [`crate::corpus`].

use super::convert::{from_js, refuse, refuse_as, to_js};
use super::Engine;
use crate::corpus::{CorpusIndex, CorpusListing, DEFAULT_CAPACITY};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Engine {
    /// Loads a corpus file (the bytes `clearmark corpus build` or `corpusBytes()` wrote)
    /// and turns the copied-copy pass on. Throws a string when the file is damaged; the
    /// corpus in use, if any, stays.
    #[wasm_bindgen(js_name = setCorpus)]
    pub fn set_corpus(&mut self, bytes: Vec<u8>) -> Result<(), JsValue> {
        let corpus = CorpusIndex::from_bytes(&bytes)
            .map_err(|e| refuse_as("The listing corpus cannot be used", e))?;
        self.inner.set_corpus(Some(corpus));
        Ok(())
    }

    /// Turns the copied-copy pass off and forgets the corpus.
    #[wasm_bindgen(js_name = clearCorpus)]
    pub fn clear_corpus(&mut self) {
        self.inner.set_corpus(None);
    }

    /// Adds (or replaces, by `id`) one listing of another seller: `{id, url?, brand?,
    /// date?, title?, bullets?, description?}`. Starts an empty corpus if there is none.
    /// Returns the ids evicted as oldest to stay within the corpus's capacity.
    #[wasm_bindgen(js_name = addCorpusListing)]
    pub fn add_corpus_listing(&mut self, listing: JsValue) -> Result<JsValue, JsValue> {
        let listing: CorpusListing = from_js(listing, "listing")?;
        if listing.id.is_empty() {
            return Err(refuse("Not a listing: it has no id"));
        }
        if self.inner.corpus_mut().is_none() {
            self.inner
                .set_corpus(Some(CorpusIndex::new(DEFAULT_CAPACITY)));
        }
        let evicted = match self.inner.corpus_mut() {
            Some(corpus) => corpus.add(listing),
            None => Vec::new(),
        };
        to_js(&evicted)
    }

    /// Removes the corpus listing with this id; `false` when there is none.
    #[wasm_bindgen(js_name = removeCorpusListing)]
    pub fn remove_corpus_listing(&mut self, id: &str) -> bool {
        self.inner.corpus_mut().is_some_and(|c| c.remove(id))
    }

    /// How many listings the corpus holds (0 without one).
    #[wasm_bindgen(js_name = corpusSize)]
    pub fn corpus_size(&mut self) -> usize {
        self.inner.corpus_mut().map_or(0, |c| c.len())
    }

    /// The corpus as bytes for storage (`setCorpus` reads them back); empty without one.
    #[wasm_bindgen(js_name = corpusBytes)]
    pub fn corpus_bytes(&mut self) -> Vec<u8> {
        self.inner
            .corpus_mut()
            .map_or_else(Vec::new, |c| c.to_bytes())
    }
}
