//! A snapshot built again from its own records and words: what the publisher's build
//! costs once the sources are read, for `clearmark dev bench baseline`. The sources'
//! names and counts in the header are not kept, so the file can differ from the one
//! read; the bench says whether it does.

use clearmark::register::snapshot::{
    word_value_zipf, Snapshot, SnapshotBuilder, WORD_IS_GIVEN_NAME, WORD_IS_LISTING_VOCABULARY,
    WORD_IS_NAME,
};
use fst::Streamer;

/// The bytes of a snapshot built from every record and word of `snapshot`, with its
/// build date and version.
pub fn rebuild(snapshot: &Snapshot) -> Result<Vec<u8>, String> {
    let header = snapshot.header();
    let mut b = SnapshotBuilder::new(header.build_date);
    b.snapshot_version(header.snapshot_version)
        .include_dead(header.includes_dead);
    for id in 0..snapshot.record_count() {
        b.add(snapshot.try_record(id).map_err(|e| e.to_string())?);
    }
    let mut words = snapshot.words().stream();
    while let Some((word, value)) = words.next() {
        let word = std::str::from_utf8(word).map_err(|e| e.to_string())?;
        let zipf = word_value_zipf(value);
        // A first name no frequency list knows has no frequency (Zipf 0) to add.
        let only_a_given_name = value & WORD_IS_GIVEN_NAME != 0 && zipf == 0.0;
        if value & WORD_IS_LISTING_VOCABULARY != 0 {
            b.add_listing_word(word, zipf);
        } else if !only_a_given_name {
            b.add_word_frequency(word, zipf);
        }
        if value & WORD_IS_NAME != 0 {
            b.mark_name(word);
        }
        if value & WORD_IS_GIVEN_NAME != 0 {
            b.add_given_name(word);
        }
    }
    Ok(b.finish(None))
}
