//! Property tests of the engine on whatever a seller types — marks in disguise, emoji,
//! CJK, combining marks, invisible and control characters, very long fields: every
//! finding's UTF-16 offsets slice the original field to the finding's text, findings
//! come in field order without overlaps, and nothing panics.

use clearmark::detect::{Engine, Options};
use clearmark::register::snapshot::{Snapshot, SnapshotBuilder};
use clearmark::register::{Record, Register};
use clearmark::text::slice_utf16;
use clearmark::{Field, Listing, Report};
use proptest::prelude::*;
use std::sync::OnceLock;

/// One engine for every case: marks that the fragments below spell, some common words.
fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let mut b = SnapshotBuilder::new(20260101);
        for (mark, classes) in [
            ("HUBSAN", &[9u8, 28][..]),
            ("LEGO", &[28]),
            ("DISNEY", &[28]),
            ("PLAYSTATION", &[9]),
            ("NIKE", &[25]),
            ("APPLE", &[9]),
            ("MELISSA & DOUG", &[28]),
            ("漢字", &[16]),
            ("CAFÉ", &[30]),
        ] {
            let mut r = Record::new(Register::US, mark, "Owner");
            r.classes = classes.to_vec();
            b.add(r);
        }
        for (w, z) in [
            ("apple", 4.8),
            ("play", 5.5),
            ("station", 4.9),
            ("for", 7.0),
        ] {
            b.add_word_frequency(w, z);
        }
        let mut e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture loads"));
        e.set_options(Options {
            show_low: true,
            ..Options::default()
        });
        e
    })
}

/// Pieces of text: marks plainly and in disguise, ordinary words, and characters that
/// stress the UTF-16 mapping.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "Hubsan", "HUBSAN", "Hubasn", "LEGO", "L3GO", "Lego-compatible", "Disney's",
            "Dis\u{AD}ney", "Dis\u{200B}ney", "Play Station", "PlayStation", "N1ke", "Nike™",
            "\u{410}pple", "apple", "Melissa & Doug", "Melissa and Doug", "漢字", "Cafe\u{301}",
            "ＬＥＧＯ", "for", "Hub-san",
        ])
        .prop_map(str::to_owned),
        2 => prop::sample::select(vec![" ", " ", ", ", " - ", ". ", "\n", "/", "(", ")"]).prop_map(str::to_owned),
        1 => prop::sample::select(vec!["😀", "👨\u{200D}👩", "🏻", "家具", "한국", "\u{301}", "\u{0}", "\u{7}", "\u{202E}", "½", "ﬁ", "İ"])
            .prop_map(str::to_owned),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn field_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

fn listing() -> impl Strategy<Value = Listing> {
    (
        field_text(),
        prop::collection::vec(field_text(), 0..4),
        field_text(),
        field_text(),
        prop::option::of(prop::sample::select(vec![
            "Hubsan",
            "Melissa & Doug",
            "LEGO Group",
            "😀",
        ])),
    )
        .prop_map(|(title, bullets, description, keywords, brand)| Listing {
            id: "p".into(),
            title: Some(title),
            bullets,
            description: Some(description),
            keywords: Some(keywords),
            brand: brand.map(str::to_owned),
            ..Default::default()
        })
}

/// A field and bullet index.
type FieldAt = (Field, Option<usize>);

/// The field a finding points into.
fn field_of(l: &Listing, field: Field, index: Option<usize>) -> Option<&str> {
    match (field, index) {
        (Field::Title, None) => l.title.as_deref(),
        (Field::Bullets, Some(i)) => l.bullets.get(i).map(String::as_str),
        (Field::Description, None) => l.description.as_deref(),
        (Field::Keywords, None) => l.keywords.as_deref(),
        _ => None,
    }
}

fn assert_offsets_slice_the_original(l: &Listing, r: &Report) {
    let order = |f: &clearmark::Finding| (f.field, f.index, f.start);
    for pair in r.findings.windows(2) {
        assert!(
            order(&pair[0]) < order(&pair[1]),
            "findings out of order: {pair:?}"
        );
        if (pair[0].field, pair[0].index) == (pair[1].field, pair[1].index) {
            assert!(pair[0].end <= pair[1].start, "findings overlap: {pair:?}");
        }
    }
    // The UTF-16 copy of the last long field seen, with the field it is of.
    let mut units: Option<(FieldAt, Vec<u16>)> = None;
    for f in &r.findings {
        let original = field_of(l, f.field, f.index).expect("finding in an existing field");
        assert!(f.start < f.end, "empty span {f:?}");
        if original.len() < 1000 {
            assert_eq!(
                slice_utf16(original, f.start..f.end),
                Some(f.text.as_str()),
                "in {original:?}"
            );
            continue;
        }
        // Long fields: slice one UTF-16 copy instead of rescanning the string each time.
        if units.as_ref().is_none_or(|(k, _)| *k != (f.field, f.index)) {
            units = Some(((f.field, f.index), original.encode_utf16().collect()));
        }
        let (_, u) = units.as_ref().expect("just set");
        assert_eq!(
            String::from_utf16(&u[f.start..f.end]).ok().as_deref(),
            Some(f.text.as_str())
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_finding_slices_the_original_to_its_text(l in listing()) {
        let r = engine().check(&l);
        assert_offsets_slice_the_original(&l, &r);
    }
}

#[test]
fn disguised_and_plain_marks_are_found_with_exact_offsets() {
    let l = Listing {
        id: "x".into(),
        title: Some(
            "😀 漢字 Hubsan ＬＥＧＯ Disney's N1ke \u{410}pple Dis\u{AD}ney 👨\u{200D}👩".into(),
        ),
        ..Default::default()
    };
    let r = engine().check(&l);
    assert_offsets_slice_the_original(&l, &r);
    let texts: Vec<&str> = r.findings.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "漢字",
            "Hubsan",
            "ＬＥＧＯ",
            "Disney",
            "N1ke",
            "\u{410}pple",
            "Dis\u{AD}ney"
        ]
    );
}

#[test]
fn huge_fields_and_control_characters_do_not_panic() {
    let long: String = "Hubsan \u{0}\u{7}\u{1B}[31m 😀 ".repeat(100_000 / 12);
    assert!(long.chars().count() >= 100_000 / 2);
    let l = Listing {
        id: "big".into(),
        title: Some(long.clone()),
        bullets: vec![long.clone(); 2],
        description: Some("x".repeat(100_000)),
        keywords: Some("\u{FEFF}".repeat(100_000)),
        ..Default::default()
    };
    let r = engine().check(&l);
    assert_offsets_slice_the_original(&l, &r);
    // Bounded work: each field is checked up to 20,000 UTF-16 units and names at most
    // 200 findings; the title and both bullets hold far more "Hubsan"s than that.
    assert_eq!(
        r.findings.iter().filter(|f| f.text == "Hubsan").count(),
        3 * 200
    );
    assert!(r.findings.iter().all(|f| f.end <= 20_000));
}
