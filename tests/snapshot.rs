//! Properties of register snapshots: every live mark built in is found by lookup and comes
//! back as it went in; dead marks only when asked for; damaged files are refused, never
//! a panic.

use clearmark::register::snapshot::{Snapshot, SnapshotBuilder, SnapshotError};
use clearmark::register::{Drawing, Enforcement, Record, Register, Status};
use damage::{reseal, section_range, MARKS};
use proptest::prelude::*;

#[allow(dead_code)] // each test file uses a part of the shared damage helpers
mod damage;

/// The words index, the sixth section in file order.
const WORDS: usize = 5;
/// The phrase heads index, the seventh and last section.
const PHRASE_HEADS: usize = 6;

fn register() -> impl Strategy<Value = Register> {
    prop_oneof![
        Just(Register::US),
        Just(Register::EU),
        Just(Register::Famous),
        Just(Register::Watch)
    ]
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::Registered),
        Just(Status::Pending),
        Just(Status::Dead)
    ]
}

fn drawing() -> impl Strategy<Value = Drawing> {
    prop_oneof![
        Just(Drawing::Word),
        Just(Drawing::StylisedWords),
        Just(Drawing::DesignOnly),
        Just(Drawing::Other)
    ]
}

/// Mark text as registers write it: words in any case, punctuation, digits, accents,
/// the odd symbol or non-Latin script.
fn mark() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Za-z][a-z]{0,8}( [A-Z][a-z]{0,6}){0,2}",
        2 => "[A-Z0-9]{1,6}[-'&. ]{1,2}[A-Za-z]{1,6}",
        1 => "[a-zA-ZéüßØ]{1,8}®?",
        1 => "[\u{4e00}-\u{4e20}]{1,3}",
        1 => "\\PC{1,12}",
    ]
}

fn date() -> impl Strategy<Value = u32> {
    prop_oneof![Just(0u32), 18000101u32..22000000, any::<u32>()]
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{8}",
        "0[0-9]{8}",
        "[A-Z]{0,2}[0-9]{1,7}",
        Just(String::new())
    ]
}

fn record() -> impl Strategy<Value = Record> {
    (
        (
            register(),
            mark(),
            "[A-Za-z ,.]{0,20}",
            number(),
            proptest::option::of("[0-9]{7}|0[0-9]{8}|R-[0-9]{3}"),
        ),
        (
            proptest::collection::vec(1u8..=45, 0..5),
            status(),
            date(),
            date(),
            drawing(),
            any::<bool>(),
        ),
        (
            proptest::collection::vec("[A-Z]{2,8}", 0..2),
            proptest::collection::vec(mark(), 0..2),
            proptest::collection::vec(mark(), 0..2),
        ),
        enforcement(),
    )
        .prop_map(|(a, b, c, enforcement)| {
            let (register, mark, owner, number, registration) = a;
            let (mut classes, status, filed, registered, drawing, famous) = b;
            let (disclaimers, pseudo_marks, translations) = c;
            classes.sort_unstable();
            classes.dedup();
            Record {
                register,
                number,
                registration,
                mark,
                owner,
                classes,
                status,
                filed,
                registered,
                drawing,
                disclaimers,
                pseudo_marks,
                translations,
                famous,
                enforcement,
            }
        })
}

/// Enforcement evidence: none, flags only, or with a franchise, case numbers and member
/// names.
fn enforcement() -> impl Strategy<Value = Option<Enforcement>> {
    proptest::option::of(
        (
            any::<bool>(),
            any::<bool>(),
            proptest::collection::vec("[0-9]:[0-9]{2}-cv-[0-9]{5}", 0..3),
            proptest::option::of(mark()),
            proptest::collection::vec(mark(), 0..3),
        )
            .prop_map(
                |(schedule_a, vero, cases, franchise, member_names)| Enforcement {
                    schedule_a,
                    vero,
                    cases,
                    // An empty franchise is no franchise.
                    franchise: franchise.filter(|f| !f.is_empty()),
                    member_names,
                },
            ),
    )
}

/// Records with unique numbers (the builder keeps only the last delivery of a filing).
fn records() -> impl Strategy<Value = Vec<Record>> {
    proptest::collection::vec(record(), 1..80).prop_map(|mut rs| {
        for (i, r) in rs.iter_mut().enumerate() {
            if !r.number.is_empty() {
                r.number = format!("{}{i}", r.number);
            }
        }
        rs
    })
}

fn build(records: &[Record], include_dead: bool) -> Snapshot {
    let mut b = SnapshotBuilder::new(20261123);
    b.include_dead(include_dead);
    for r in records {
        b.add(r.clone());
    }
    Snapshot::from_bytes(b.finish(None)).expect("a fresh snapshot loads")
}

fn finish(records: &[Record]) -> Vec<u8> {
    let mut b = SnapshotBuilder::new(20261123);
    for r in records {
        b.add(r.clone());
    }
    b.finish(None)
}

/// Each register's number width is the digit count most of its zero-padded numbers have
/// (so they are stored as integers): more than one digit (a lone "0" pads nothing) and
/// at most 19 (what a u64 holds). Every number reads back as written, whatever its width.
#[test]
fn a_registers_number_width_is_that_of_most_of_its_zero_padded_numbers() {
    let numbered = |register: Register, numbers: &[&str]| -> Vec<Record> {
        numbers
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let mut r = Record::new(register, format!("Zorblax{i}"), "Owner");
                r.number = (*n).into();
                r
            })
            .collect()
    };
    let nineteen = |last: char| format!("0{}{last}", "1".repeat(17));
    let twenty = |last: char| format!("0{}{last}", "1".repeat(18));
    let mut records = numbered(
        Register::US,
        &["0001234", "0005678", "0009012", "0012", "98765"],
    );
    records.extend(numbered(
        Register::EU,
        &[&nineteen('1'), &nineteen('2'), &nineteen('3'), "00042"],
    ));
    records.extend(numbered(Register::Famous, &["0", "0", "0", "7"]));
    records.extend(numbered(
        Register::Watch,
        &[&twenty('1'), &twenty('2'), &twenty('3')],
    ));
    let s = build(&records, true);
    assert_eq!(s.header().number_widths, [7, 19, 0, 0]);
    for r in &records {
        let back: Vec<String> = s
            .lookup(&r.mark)
            .into_iter()
            .filter(|b| b.register == r.register)
            .map(|b| b.number)
            .collect();
        assert_eq!(back, vec![r.number.clone()], "{}", r.mark);
    }
}

/// A word with no letter or digit ("™") or a frequency that is no number (NaN, an
/// infinity) adds nothing to the word evidence, from a frequency list or the listing
/// vocabulary alike.
#[test]
fn a_word_without_a_key_or_a_frequency_is_not_held() {
    let mut b = SnapshotBuilder::new(20261123);
    b.add_word_frequency("™", 3.0);
    b.add_word_frequency("zorblax", f32::NAN);
    b.add_word_frequency("quuxle", f32::INFINITY);
    b.add_listing_word("®", 3.0);
    b.add_listing_word("glorpish", f32::NAN);
    b.add_listing_word("blorvex", f32::NEG_INFINITY);
    b.add_word_frequency("kept", 3.0);
    assert_eq!(b.word_zipf("zorblax"), None);
    let s = Snapshot::from_bytes(b.finish(None)).expect("a fresh snapshot loads");
    let held: Vec<String> = {
        use fst::Streamer;
        let mut out = Vec::new();
        let mut stream = s.words().stream();
        while let Some((k, _)) = stream.next() {
            out.push(String::from_utf8_lossy(k).into_owned());
        }
        out
    };
    assert_eq!(held, ["kept"]);
}

/// A mark's spelling is coded per word, 2 bits each in 64: up to 32 words are coded
/// against the key, a longer mark is stored whole; either way it reads back as written.
#[test]
fn marks_of_32_words_and_of_more_read_back_as_written() {
    let words = |n: usize| -> String {
        (0..n)
            .map(|i| match i % 3 {
                0 => format!("Zorb{i}"),
                1 => format!("LAX{i}"),
                _ => format!("quux{i}"),
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let records: Vec<Record> = [32, 33]
        .into_iter()
        .map(|n| Record::new(Register::US, words(n), "Owner"))
        .collect();
    let s = build(&records, true);
    for r in &records {
        let back: Vec<String> = s.lookup(&r.mark).into_iter().map(|b| b.mark).collect();
        assert_eq!(back, vec![r.mark.clone()]);
    }
}

/// `bytes` with the given XOR flips applied inside `range`.
fn flip(
    bytes: &[u8],
    flips: &[(prop::sample::Index, u8)],
    range: std::ops::Range<usize>,
) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for (at, x) in flips {
        out[range.start + at.index(range.len())] ^= x;
    }
    out
}

#[test]
fn a_root_address_past_the_index_is_refused_even_with_a_recomputed_checksum() {
    let bytes = finish(&[Record::new(Register::US, "LEGO", "LEGO Juris A/S")]);
    let marks = section_range(&bytes, MARKS);
    let mut damaged = bytes.clone();
    // The fst footer: key count, root address, CRC32.
    let root = marks.end - 12;
    damaged[root..root + 8].copy_from_slice(&0xFFFFu64.to_le_bytes());
    assert_eq!(
        Snapshot::from_bytes(reseal(damaged)).err(),
        Some(SnapshotError::Corrupt { section: "marks" })
    );
}

fn has_key(r: &Record) -> bool {
    !clearmark::text::mark_key(&r.mark).is_empty()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_live_mark_is_found_as_it_went_in(records in records()) {
        let snap = build(&records, false);
        snap.verify(None).unwrap();
        for r in records.iter().filter(|r| has_key(r)) {
            let found = snap.lookup(&r.mark);
            if r.status.is_live() {
                prop_assert!(found.contains(r), "{:?}\nnot in {:?}", r, found);
            } else {
                prop_assert!(!found.contains(r), "dead {:?} was kept", r);
            }
        }
        let live = records.iter().filter(|r| has_key(r) && r.status.is_live()).count();
        prop_assert_eq!(snap.record_count() as usize, live);
    }

    #[test]
    fn dead_marks_are_found_when_included(records in records()) {
        let snap = build(&records, true);
        for r in records.iter().filter(|r| has_key(r)) {
            prop_assert!(snap.lookup(&r.mark).contains(r), "{:?}", r);
        }
        // Pseudo-marks and translations lead to their record too.
        for r in records.iter().filter(|r| has_key(r)) {
            for alias in r.pseudo_marks.iter().chain(&r.translations) {
                if !clearmark::text::mark_key(alias).is_empty() {
                    prop_assert!(snap.lookup(alias).contains(r), "{:?} via {:?}", r, alias);
                }
            }
        }
    }

    #[test]
    fn damaged_bytes_are_refused_or_caught_by_verify(
        records in records(),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..4),
    ) {
        let bytes = finish(&records);
        let damaged = flip(&bytes, &flips, 0..bytes.len());
        prop_assume!(damaged != bytes);
        if let Ok(snap) = Snapshot::from_bytes(damaged) {
            let verdict = snap.verify(None);
            prop_assert!(
                matches!(verdict, Err(SnapshotError::Checksum | SnapshotError::Corrupt { .. })),
                "{:?}", verdict
            );
        }
    }

    #[test]
    fn damaged_records_never_panic(
        records in records(),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..4),
    ) {
        // The fst walk trusts bytes that passed verify() once; the record table, owners,
        // class sets and posting lists are read defensively even when they did not.
        let bytes = finish(&records);
        let snap = Snapshot::from_bytes(bytes.clone()).unwrap();
        let sizes = snap.section_sizes();
        let start: usize = bytes.len() - 104 - sizes.iter().skip(1).map(|s| s.1).sum::<usize>();
        let end = start + sizes[1..5].iter().map(|s| s.1).sum::<usize>();
        prop_assume!(end > start);
        let damaged = flip(&bytes, &flips, start..end);
        if let Ok(snap) = Snapshot::from_bytes(damaged) {
            for id in 0..snap.record_count() + 2 {
                let _ = snap.try_record(id);
            }
            for r in &records {
                let _ = snap.lookup(&r.mark);
            }
        }
    }

    #[test]
    fn damaged_indexes_with_a_recomputed_checksum_are_refused_or_read_safely(
        records in records(),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..4),
        index in prop::sample::select(vec![MARKS, WORDS, PHRASE_HEADS]),
    ) {
        // Someone who damages a file can recompute its SHA-256: the checksum then
        // passes, and only the structure checks stand between the bytes and `fst`.
        let mut b = SnapshotBuilder::new(20261123);
        for r in &records {
            b.add(r.clone());
        }
        b.add_word_frequency("apple", 5.2);
        b.add_word_frequency("lego", 2.1);
        let bytes = b.finish(None);
        let range = section_range(&bytes, index);
        prop_assume!(!range.is_empty());
        let damaged = reseal(flip(&bytes, &flips, range));
        let Ok(snap) = Snapshot::from_bytes(damaged) else { return Ok(()) };
        if snap.verify(None).is_ok() {
            let mut keys = snap.marks().stream();
            while let Some((key, _)) = fst::Streamer::next(&mut keys) {
                let key = String::from_utf8_lossy(key).into_owned();
                let _ = snap.lookup(&key);
            }
            for r in &records {
                let _ = snap.lookup(&r.mark);
                let _ = snap.word_zipf(&r.mark);
            }
            let _ = snap.word_zipf("apple");
            let _ = snap.phrase_heads().stream().into_bytes();
        }
    }

    #[test]
    fn any_prefix_is_refused(records in records(), cut in any::<prop::sample::Index>()) {
        let bytes = finish(&records);
        let len = cut.index(bytes.len());
        prop_assert_eq!(Snapshot::from_bytes(bytes[..len].to_vec()).err(), Some(SnapshotError::Truncated { len }));
    }
}
