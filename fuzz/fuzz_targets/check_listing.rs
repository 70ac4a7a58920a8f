//! Any text in any listing field is checked without a panic, and every finding's UTF-16
//! offsets slice its field to the finding's text. The input bytes become a listing: as
//! JSON when they parse as one (the CLI's path), else split into fields at NUL bytes
//! (title, bullets…, lossily decoded, so control characters and U+FFFD get through).
//! `cargo +nightly fuzz run check_listing`.
#![no_main]

use clearmark::detect::{Engine, Options};
use clearmark::register::snapshot::{Snapshot, SnapshotBuilder};
use clearmark::register::{Record, Register};
use clearmark::text::slice_utf16;
use clearmark::{Field, Listing};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let mut b = SnapshotBuilder::new(20260101);
        for mark in ["HUBSAN", "LEGO", "DISNEY", "PLAYSTATION", "MELISSA & DOUG", "漢字", "NIKE"] {
            let mut r = Record::new(Register::US, mark, "Owner");
            r.classes = vec![9, 28];
            b.add(r);
        }
        b.add_word_frequency("play", 5.5);
        let mut e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture loads"));
        e.set_options(Options { show_low: true, ..Options::default() });
        e
    })
}

fuzz_target!(|data: &[u8]| {
    let listing: Listing = match serde_json::from_slice(data) {
        Ok(l) => l,
        Err(_) => {
            let text = String::from_utf8_lossy(data);
            let mut parts = text.split('\0').map(str::to_owned);
            Listing {
                id: "fuzz".into(),
                title: parts.next(),
                brand: parts.next(),
                bullets: parts.collect(),
                ..Default::default()
            }
        }
    };
    let report = engine().check(&listing);
    for f in &report.findings {
        let field = match (f.field, f.index) {
            (Field::Title, None) => listing.title.as_deref(),
            (Field::Bullets, Some(i)) => listing.bullets.get(i).map(String::as_str),
            (Field::Description, None) => listing.description.as_deref(),
            (Field::Keywords, None) => listing.keywords.as_deref(),
            _ => None,
        };
        let field = field.expect("a finding points into an existing field");
        assert_eq!(slice_utf16(field, f.start..f.end), Some(f.text.as_str()));
    }
});
