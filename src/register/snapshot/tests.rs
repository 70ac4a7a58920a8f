//! What goes into a snapshot comes out; what is damaged is refused with the right error.

use super::*;
use crate::register::{Drawing, Enforcement, Register, Status};
use crate::text::mark_key;
use ed25519_dalek::SigningKey;

fn us(mark: &str, number: &str, owner: &str, classes: &[u8]) -> Record {
    let mut r = Record::new(Register::US, mark, owner);
    r.number = number.into();
    r.classes = classes.to_vec();
    r.filed = 20190314;
    r.registered = 20200107;
    r.registration = Some("6001234".into());
    r
}

fn sample() -> Vec<Record> {
    let mut lego = us("LEGO", "73000001", "LEGO Juris A/S", &[9, 28]);
    lego.disclaimers = vec!["BRICKS".into()];
    let mut eu = Record::new(Register::EU, "Lego", "LEGO Juris A/S");
    eu.number = "000001123".into();
    eu.classes = vec![28];
    eu.filed = 19960401;
    let mut ben = us("Uncle Ben's", "74123456", "Mars, Incorporated", &[30]);
    ben.drawing = Drawing::StylisedWords;
    let mut forever = us("4EVER", "90000002", "Forever Co", &[14]);
    forever.pseudo_marks = vec!["FOREVER".into()];
    forever.translations = vec!["for ever".into()];
    forever.status = Status::Pending;
    forever.registration = None;
    forever.registered = 0;
    let mut dead = us("Zorbix", "70000003", "Gone Ltd", &[25]);
    dead.status = Status::Dead;
    let mut famous = Record::new(Register::Famous, "Hot Wheels", "Mattel");
    famous.famous = true;
    // Enforcement evidence with a heap entry (franchise, cases) and without one.
    famous.enforcement = Some(Enforcement {
        schedule_a: true,
        vero: false,
        cases: vec!["1:24-cv-01234".into(), "1:25-cv-00042".into()],
        franchise: Some("Mattel".into()),
        member_names: vec!["Wheels".into()],
    });
    let mut barbie = Record::new(Register::Famous, "Barbie", "Mattel");
    barbie.famous = true;
    barbie.classes = vec![28];
    barbie.enforcement = Some(Enforcement {
        vero: true,
        ..Enforcement::default()
    });
    let mut odd = us("forever", "DD647392", "", &[]);
    odd.filed = 20231345; // not a date: kept as given
    vec![lego, eu, ben, forever, dead, famous, barbie, odd]
}

fn build(records: &[Record], include_dead: bool, key: Option<&SigningKey>) -> Vec<u8> {
    let mut b = SnapshotBuilder::new(20261123);
    b.include_dead(include_dead);
    b.begin_source("test", "sample", 20261120);
    for r in records {
        b.add(r.clone());
    }
    b.begin_source("word-freq", "test words", 0);
    b.add_word_frequency("Apple", 5.23);
    b.add_word_frequency("slicer", 2.5);
    b.finish(key)
}

fn key() -> SigningKey {
    SigningKey::from_bytes(&[7u8; 32])
}

#[test]
fn every_live_record_comes_back_by_its_mark() {
    let snap = Snapshot::from_bytes(build(&sample(), false, None)).unwrap();
    snap.verify(None).unwrap();
    for r in sample().into_iter().filter(|r| r.status.is_live()) {
        let found = snap.lookup(&r.mark);
        assert!(found.contains(&r), "{:?} not in {:?}", r, found);
    }
    assert!(
        snap.lookup("zorbix").is_empty(),
        "dead marks are left out by default"
    );
    assert_eq!(snap.lookup("lego").len(), 2);
    assert_eq!(snap.header().records, 7);
    assert_eq!(snap.header().sources[0].records, 8);
    assert_eq!(snap.header().sources[1].records, 2);
}

#[test]
fn dead_records_are_kept_when_asked() {
    let snap = Snapshot::from_bytes(build(&sample(), true, None)).unwrap();
    let found = snap.lookup("ZORBIX");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].status, Status::Dead);
    assert!(snap.header().includes_dead);
}

#[test]
fn pseudo_marks_and_translations_lead_to_their_record() {
    let snap = Snapshot::from_bytes(build(&sample(), false, None)).unwrap();
    let postings = snap.lookup_postings("Forever");
    let kinds: Vec<(String, KeyKind)> = postings
        .iter()
        .map(|p| (snap.record(p.id).mark, p.kind))
        .collect();
    assert!(
        kinds.contains(&("4EVER".to_string(), KeyKind::PseudoMark)),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&("forever".to_string(), KeyKind::Mark)),
        "{kinds:?}"
    );
    let tr = snap.lookup_postings("for-ever");
    assert_eq!(tr.len(), 1);
    assert_eq!(tr[0].kind, KeyKind::Translation);
}

#[test]
fn member_names_lead_to_their_record_as_member_postings_only() {
    let snap = Snapshot::from_bytes(build(&sample(), false, None)).unwrap();
    let postings = snap.lookup_postings("wheels");
    assert_eq!(postings.len(), 1);
    assert_eq!(postings[0].kind, KeyKind::MemberName);
    let record = snap.record(postings[0].id);
    assert_eq!(record.mark, "Hot Wheels");
    assert_eq!(record.enforcement.unwrap().member_names, ["Wheels"]);
    let own = snap.lookup_postings("Hot Wheels");
    assert_eq!(
        own.iter().map(|p| p.kind).collect::<Vec<_>>(),
        [KeyKind::Mark]
    );
}

#[test]
fn the_index_and_record_ids_agree() {
    let snap = Snapshot::from_bytes(build(&sample(), false, None)).unwrap();
    let mut stream = snap.marks().stream();
    let mut seen = 0;
    while let Some((key, value)) = fst::Streamer::next(&mut stream) {
        for id in snap.record_ids(value) {
            let r = snap.try_record(id).unwrap();
            let keys: Vec<String> = std::iter::once(&r.mark)
                .chain(&r.pseudo_marks)
                .chain(&r.translations)
                .chain(r.enforcement.iter().flat_map(|e| &e.member_names))
                .map(|m| mark_key(m))
                .collect();
            assert!(
                keys.iter().any(|k| k.as_bytes() == key),
                "{:?} {:?}",
                String::from_utf8_lossy(key),
                r
            );
            seen += 1;
        }
    }
    assert!(seen >= 6);
    assert_eq!(
        snap.try_record(99),
        Err(SnapshotError::NoSuchRecord { id: 99, records: 7 })
    );
}

#[test]
fn word_frequencies_are_looked_up_by_key() {
    let snap = Snapshot::from_bytes(build(&sample(), false, None)).unwrap();
    assert_eq!(snap.word_zipf("APPLE"), Some(5.23));
    assert_eq!(snap.word_zipf("slicer"), Some(2.5));
    assert_eq!(snap.word_zipf("zorbix"), None);
}

#[test]
fn first_names_are_words_that_keep_their_frequency() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add_word_frequency("Laura", 4.46);
    b.add_given_name("Laura");
    b.add_given_name("Pippa");
    b.add_word_frequency("star", 3.0);
    let snap = Snapshot::from_bytes(b.finish(None)).unwrap();
    assert!(snap.word_is_given_name("pippa") && snap.word_is_given_name("LAURA"));
    // A word the lists hold is no first name for that.
    assert!(!snap.word_is_given_name("star"));
    // A name no frequency list knows is a word of no frequency; a known one keeps its.
    assert_eq!(snap.word_zipf("pippa"), Some(0.0));
    assert_eq!(snap.word_zipf("laura"), Some(4.46));
    assert!(!snap.word_is_given_name("poppi"));
    assert!(
        !snap.word_is_name("pippa"),
        "a first name is not a capitalised word"
    );
}

#[test]
fn signed_snapshots_verify_only_with_their_key() {
    let bytes = build(&sample(), false, Some(&key()));
    let snap = Snapshot::from_bytes(bytes).unwrap();
    assert!(snap.is_signed());
    snap.verify(Some(&key().verifying_key())).unwrap();
    let other = SigningKey::from_bytes(&[8u8; 32]).verifying_key();
    assert_eq!(snap.verify(Some(&other)), Err(SnapshotError::Signature));

    let unsigned = Snapshot::from_bytes(build(&sample(), false, None)).unwrap();
    assert_eq!(
        unsigned.verify(Some(&key().verifying_key())),
        Err(SnapshotError::Unsigned)
    );
}

#[test]
fn a_snapshot_gives_back_the_bytes_it_was_loaded_from() {
    let bytes = build(&sample(), false, None);
    let snap = Snapshot::from_bytes(bytes.clone()).unwrap();
    let clone = snap.clone();
    assert_eq!(
        clone.into_bytes(),
        bytes,
        "copied while another shares them"
    );
    assert_eq!(snap.into_bytes(), bytes, "given back whole");
}

#[test]
fn builds_are_reproducible() {
    assert_eq!(
        build(&sample(), false, Some(&key())),
        build(&sample(), false, Some(&key()))
    );
}

#[test]
fn the_later_delivery_of_a_filing_wins() {
    let mut old = us("LEGO", "73000001", "Old Owner", &[28]);
    old.status = Status::Pending;
    let new = us("LEGO", "73000001", "LEGO Juris A/S", &[28]);
    let snap = Snapshot::from_bytes(build(&[old, new.clone()], false, None)).unwrap();
    assert_eq!(snap.lookup("lego"), vec![new]);
}

#[test]
fn damaged_files_are_refused_with_the_right_error() {
    let good = build(&sample(), false, Some(&key()));

    for len in [0, 3, 8, 20, good.len() / 2, good.len() - 1] {
        let err = Snapshot::from_bytes(good[..len].to_vec()).unwrap_err();
        assert_eq!(err, SnapshotError::Truncated { len }, "cut at {len}");
    }

    let mut magic = good.clone();
    magic[0] = b'X';
    assert_eq!(
        Snapshot::from_bytes(magic).unwrap_err(),
        SnapshotError::BadMagic
    );
    assert_eq!(
        Snapshot::from_bytes(b"PK\x03\x04 a zip file".to_vec()).unwrap_err(),
        SnapshotError::BadMagic
    );

    // Version 1 files (before the enforcement evidence) and files of a later version.
    for found in [1u32, FORMAT_VERSION + 1] {
        let mut version = good.clone();
        version[8..12].copy_from_slice(&found.to_le_bytes());
        assert_eq!(
            Snapshot::from_bytes(version).unwrap_err(),
            SnapshotError::Version {
                found,
                supported: FORMAT_VERSION
            }
        );
    }

    // One flipped byte in the records: the structure still loads, verification refuses it.
    let records_at = {
        let s = Snapshot::from_bytes(good.clone()).unwrap();
        let l = format::parse_layout(s.as_bytes()).unwrap();
        l.section(Section::Records).start + 8
    };
    let mut flipped = good.clone();
    flipped[records_at] ^= 0x40;
    let snap = Snapshot::from_bytes(flipped).unwrap();
    assert_eq!(snap.verify(None), Err(SnapshotError::Checksum));
    for id in 0..snap.record_count() {
        let _ = snap.record(id); // damaged rows never panic
    }

    // A tampered file with a recomputed checksum still fails the signature.
    let mut tampered = good.clone();
    tampered[records_at] ^= 0x40;
    let body_len = tampered.len() - format::TRAILER_LEN;
    let digest = sign::sha256(&tampered[..body_len]);
    tampered[body_len..body_len + 32].copy_from_slice(&digest);
    let snap = Snapshot::from_bytes(tampered).unwrap();
    snap.verify(None).unwrap();
    assert_eq!(
        snap.verify(Some(&key().verifying_key())),
        Err(SnapshotError::Signature)
    );

    let mut header = good.clone();
    header[17] = b'!';
    assert_eq!(
        Snapshot::from_bytes(header).unwrap_err(),
        SnapshotError::Corrupt { section: "header" }
    );

    // Marker, version, header, an empty section table and the trailer: long enough to be
    // whole, with a table that names no section.
    let header_end = 16 + u32::from_le_bytes(good[12..16].try_into().unwrap()) as usize;
    let mut no_sections = good[..header_end].to_vec();
    no_sections.extend_from_slice(&0u32.to_le_bytes());
    no_sections.extend_from_slice(&good[good.len() - format::TRAILER_LEN..]);
    assert_eq!(
        Snapshot::from_bytes(no_sections).unwrap_err(),
        SnapshotError::Corrupt {
            section: "section table"
        }
    );

    // A section that starts one byte later than the one before it ends, inside the file.
    let mut moved = good.clone();
    let first_offset = header_end + 4 + 4;
    let off = u64::from_le_bytes(moved[first_offset..first_offset + 8].try_into().unwrap());
    moved[first_offset..first_offset + 8].copy_from_slice(&(off + 1).to_le_bytes());
    assert_eq!(
        Snapshot::from_bytes(moved).unwrap_err(),
        SnapshotError::Corrupt {
            section: "section table"
        }
    );
}

#[test]
fn error_messages_speak_to_the_seller() {
    assert_eq!(
        SnapshotError::Checksum.to_string(),
        "the snapshot file is damaged (checksum mismatch); the previous snapshot is still in use"
    );
}

#[test]
fn standings_agree_with_the_decoded_records() {
    // Enough records under one key to span several blocks, with heap entries between.
    let mut records = sample();
    for i in 0..150u32 {
        let mut r = us("Star", &format!("7{i:07}"), "Owner", &[(i % 45 + 1) as u8]);
        r.status = [Status::Registered, Status::Pending, Status::Dead][i as usize % 3];
        r.drawing = [Drawing::Word, Drawing::StylisedWords][i as usize % 2];
        if i % 7 == 0 {
            r.disclaimers = vec!["STAR".into()];
        }
        if i % 5 == 0 {
            r.mark = "S-T-A-R".into();
        }
        records.push(r);
    }
    let snap = Snapshot::from_bytes(build(&records, true, None)).unwrap();
    let mut keys = snap.marks().stream();
    let mut seen = 0;
    while let Some((key, value)) = fst::Streamer::next(&mut keys) {
        let key = String::from_utf8(key.to_vec()).unwrap();
        let standings = snap.standings(value);
        assert_eq!(standings.len(), snap.postings(value).count(), "{key}");
        for (posting, st) in standings {
            let r = snap.posting_record(posting, &key);
            assert_eq!(
                (st.register, st.status, st.drawing, st.famous),
                (r.register, r.status, r.drawing, r.famous),
                "{key} #{}",
                posting.id
            );
            assert_eq!(snap.class_set(st.class_set), Some(r.classes.clone()));
            assert_eq!(st.disclaims, !r.disclaimers.is_empty(), "{key}");
            let enforcement = r.enforcement.as_ref();
            assert_eq!(st.enforced, enforcement.is_some(), "{key}");
            assert_eq!(
                st.sues_sellers,
                enforcement.is_some_and(Enforcement::sues_sellers),
                "{key}"
            );
            seen += 1;
        }
    }
    assert!(seen > 150, "{seen}");
}

#[test]
fn the_file_length_is_known_from_its_first_bytes() {
    let bytes = build(&sample(), false, None);
    let table_end = (0..=bytes.len())
        .find(|&n| format::file_len(&bytes[..n]).unwrap().is_some())
        .expect("the whole file tells its length");
    assert!(table_end < 1024, "the header and section table are enough");
    for n in table_end..=bytes.len() {
        assert_eq!(format::file_len(&bytes[..n]), Ok(Some(bytes.len())));
    }
    assert_eq!(format::file_len(b"CLMK"), Ok(None), "too short to tell");
    assert_eq!(format::file_len(b"GIF89a"), Err(SnapshotError::BadMagic));
    let mut future = bytes.clone();
    future[8] = 9;
    assert!(matches!(
        format::file_len(&future),
        Err(SnapshotError::Version { found: 9, .. })
    ));
}

#[test]
fn a_curated_record_wins_over_a_brand_list_entry_of_the_same_brand_in_any_order() {
    let mut listed = Record::new(Register::Famous, "Barbie", "simple-icons; worldwide");
    listed.number = "167208".into();
    listed.famous = true;
    let mut curated = Record::new(Register::Famous, "Barbie", "Mattel, Inc.");
    curated.number = "167208".into();
    curated.famous = true;
    curated.enforcement = Some(Enforcement {
        schedule_a: true,
        ..Enforcement::default()
    });
    for order in [
        vec![listed.clone(), curated.clone()],
        vec![curated.clone(), listed.clone()],
    ] {
        let snap = Snapshot::from_bytes(build(&order, false, None)).unwrap();
        assert_eq!(snap.lookup("barbie"), vec![curated.clone()]);
    }
}

#[test]
fn records_are_counted_by_register_without_decoding_them() {
    // A distinct word of letters for each number.
    let word = |i: usize| -> String {
        format!(
            "{}{}",
            char::from(b'a' + (i / 26) as u8),
            char::from(b'a' + (i % 26) as u8)
        )
    };
    // Three blocks of 64 rows and a part block, registers interleaved so every block mixes
    // them, and one register (FAMOUS) only in the last rows: 100 US, 60 EU, 40 watch, 7 famous.
    let mut records = Vec::new();
    for i in 0..200 {
        let (register, number) = match i % 5 {
            0 | 1 => (Register::EU, format!("{:09}", 1000 + i)),
            2 => (Register::Watch, String::new()),
            _ => (Register::US, format!("{}", 80_000_000 + i)),
        };
        let mut r = Record::new(register, format!("Zorb {}", word(i)), "Owner");
        r.number = number;
        r.classes = vec![28];
        records.push(r);
    }
    for i in 0..7 {
        let mut r = Record::new(
            Register::Famous,
            format!("Famo {}", word(i)),
            "Famous Owner",
        );
        r.famous = true;
        records.push(r);
    }
    let snap = Snapshot::from_bytes(build(&records, false, None)).unwrap();
    assert_eq!(snap.record_count(), 207);
    let counts = snap.records_by_register().unwrap();
    assert_eq!(
        counts,
        RegisterCounts {
            us: 80,
            eu: 80,
            famous: 7,
            watch: 40
        }
    );
    // The same as decoding every record.
    let mut decoded = RegisterCounts::default();
    for id in 0..snap.record_count() {
        match snap.try_record(id).unwrap().register {
            Register::US => decoded.us += 1,
            Register::EU => decoded.eu += 1,
            Register::Famous => decoded.famous += 1,
            Register::Watch => decoded.watch += 1,
        }
    }
    assert_eq!(counts, decoded);
    // Dead records count when they are kept, and not when they are left out.
    let kept = Snapshot::from_bytes(build(&sample(), true, None)).unwrap();
    let left = Snapshot::from_bytes(build(&sample(), false, None)).unwrap();
    assert_eq!(
        kept.records_by_register().unwrap().us,
        left.records_by_register().unwrap().us + 1
    );
    assert_eq!(
        serde_json::to_value(left.records_by_register().unwrap()).unwrap(),
        serde_json::json!({"US": 4, "EU": 1, "FAMOUS": 2, "WATCH": 0})
    );
    // An empty snapshot holds nothing of any register.
    let empty = Snapshot::from_bytes(build(&[], false, None)).unwrap();
    assert_eq!(
        empty.records_by_register().unwrap(),
        RegisterCounts::default()
    );
}

#[test]
fn the_listing_vocabulary_holds_its_words_and_their_plurals_from_four_letters() {
    let mut b = SnapshotBuilder::new(20260101);
    for w in ["shark", "box", "ox"] {
        b.add_listing_word(w, 3.0);
    }
    let snap = Snapshot::from_bytes(b.finish(None)).unwrap();
    let vocabulary = |w: &str| listing_vocabulary_in(w, |k| snap.words().get(k));
    for w in ["shark", "sharks", "box", "boxes", "ox"] {
        assert!(vocabulary(w), "{w}");
    }
    // "oxs" has three letters: a plural is read from four.
    for w in ["oxs", "whale", "sharkz"] {
        assert!(!vocabulary(w), "{w}");
    }
}

#[test]
fn a_word_keeps_its_highest_frequency_and_its_name_mark() {
    let mut b = SnapshotBuilder::new(20260101);
    for z in [3.0, 4.0, 2.0] {
        b.add_word_frequency("star", z);
    }
    b.add_word_frequency("red", 5.0);
    b.mark_name("red");
    b.add_word_frequency("teal", 2.0);
    // A lexicon's word has at least the lexicon's frequency, and keeps a higher one.
    b.add_listing_word("red", 3.0);
    b.add_listing_word("teal", 3.0);
    assert_eq!(b.word_zipf("star"), Some(4.0));
    assert_eq!(b.word_zipf("teal"), Some(3.0));
    let snap = Snapshot::from_bytes(b.finish(None)).unwrap();
    assert_eq!(snap.word_zipf("star"), Some(4.0));
    assert_eq!(snap.word_zipf("red"), Some(5.0));
    assert_eq!(snap.word_zipf("teal"), Some(3.0));
    assert!(snap.word_is_name("red") && listing_vocabulary_in("red", |k| snap.words().get(k)));
}

#[test]
fn the_build_summary_and_the_sources_count_what_was_dropped_and_skipped() {
    let mut b = SnapshotBuilder::new(20260101);
    b.begin_source("uspto-csv", "fixture", 20260101);
    for number in ["70000001", "70000002"] {
        let mut dead = us("Gone", number, "Owner", &[9]);
        dead.status = Status::Dead;
        b.add(dead);
    }
    b.add(us("", "70000003", "Owner", &[9]));
    skip_malformed_rows(&mut b, 1..=3);
    assert_eq!(b.summary().dead_dropped, 2);
    assert_eq!(b.summary().no_mark_text, 1);
    assert_eq!(
        b.summary()
            .skipped
            .get(&crate::register::SkipReason::Malformed),
        Some(&3)
    );
    assert_eq!(b.summary().skipped_examples.len(), 3);
    let snap = Snapshot::from_bytes(b.finish(None)).unwrap();
    let source = &snap.header().sources[0];
    assert_eq!((source.records, source.skipped), (3, 3));
}

#[test]
fn a_mark_with_capitals_inside_a_word_comes_back_as_written() {
    let records = [
        us("iPhone Case", "70000001", "Owner", &[9]),
        us("McLaren GT", "70000002", "Owner", &[12]),
    ];
    let snap = Snapshot::from_bytes(build(&records, false, None)).unwrap();
    assert_eq!(snap.lookup("iphone case")[0].mark, "iPhone Case");
    assert_eq!(snap.lookup("mclaren gt")[0].mark, "McLaren GT");
}

#[test]
fn the_calendar_of_dates_kept_as_days_knows_its_leap_years() {
    use super::records::date_to_days;
    for valid in [20240229, 20000229, 18000101, 21991231] {
        assert!(date_to_days(valid).is_some(), "{valid}");
    }
    for invalid in [
        20230229, 21000229, 19000229, 20240230, 20240431, 17991231, 22000101,
    ] {
        assert_eq!(date_to_days(invalid), None, "{invalid}");
    }
    assert_eq!(
        date_to_days(20240301).unwrap() - date_to_days(20240228).unwrap(),
        2
    );
}

#[test]
fn a_header_whose_counts_disagree_with_the_sections_is_corrupt() {
    let good = build(&sample(), false, None);
    let header_end = 16 + u32::from_le_bytes(good[12..16].try_into().unwrap()) as usize;
    for field in ["\"records\":", "\"keys\":", "\"owners\":"] {
        let mut bytes = good.clone();
        let header = &bytes[16..header_end];
        // The field after the sources list: its last digit, changed.
        let at = 16
            + header
                .windows(field.len())
                .rposition(|w| w == field.as_bytes())
                .expect("the field is in the header")
            + field.len();
        let digits = bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let last = at + digits - 1;
        bytes[last] = if bytes[last] == b'9' {
            b'8'
        } else {
            bytes[last] + 1
        };
        assert_eq!(
            Snapshot::from_bytes(bytes).unwrap_err(),
            SnapshotError::Corrupt { section: "header" },
            "{field}"
        );
    }
}

#[test]
fn a_frequency_given_again_keeps_the_words_name_mark_and_given_names_are_counted() {
    let mut b = SnapshotBuilder::new(20260101);
    b.begin_source("names", "fixture", 20260101);
    b.add_word_frequency("red", 5.0);
    b.mark_name("red");
    b.add_word_frequency("red", 5.0);
    b.add_given_name("Pippa");
    b.add_given_name("Laura");
    let snap = Snapshot::from_bytes(b.finish(None)).unwrap();
    assert!(snap.word_is_name("red"));
    assert_eq!(snap.header().sources[0].records, 4);
}

#[test]
fn a_record_block_ending_past_its_section_is_refused() {
    let mut bytes = build(&sample(), false, None);
    let records = {
        let s = Snapshot::from_bytes(bytes.clone()).unwrap();
        format::parse_layout(s.as_bytes())
            .unwrap()
            .section(Section::Records)
    };
    // One block: the record count (one byte), then offsets 0 and the blocks' length.
    let second = records.start + 1 + 4;
    let blocks_len = u32::from_le_bytes(bytes[second..second + 4].try_into().unwrap());
    bytes[second..second + 4].copy_from_slice(&(blocks_len + 8).to_le_bytes());
    let snap = Snapshot::from_bytes(bytes).unwrap();
    assert_eq!(
        snap.try_record(0),
        Err(SnapshotError::Corrupt { section: "records" })
    );
}

#[test]
fn the_build_summary_keeps_twenty_examples_of_skipped_rows() {
    let mut b = SnapshotBuilder::new(20260101);
    skip_malformed_rows(&mut b, 1..=25);
    let examples = &b.summary().skipped_examples;
    assert_eq!(examples.len(), 20);
    assert_eq!(examples[19].location, "line 20");
}

#[test]
fn a_registration_dated_before_its_filing_and_a_long_word_with_capitals_come_back() {
    let mut early = us("Early", "70000001", "Owner", &[9]);
    (early.filed, early.registered) = (20200107, 20190314);
    let long_word = format!("x{}Y{}", "a".repeat(40), "b".repeat(30));
    let long = us(&format!("iPhone {long_word}"), "70000002", "Owner", &[9]);
    let snap = Snapshot::from_bytes(build(&[early, long], false, None)).unwrap();
    let r = &snap.lookup("early")[0];
    assert_eq!((r.filed, r.registered), (20200107, 20190314));
    assert_eq!(
        snap.lookup(&format!("iphone {}", long_word.to_lowercase()))[0].mark,
        format!("iPhone {long_word}")
    );
}

/// Reports the rows `rows` of a fixture file as malformed, as a reader does.
fn skip_malformed_rows(b: &mut SnapshotBuilder, rows: std::ops::RangeInclusive<u32>) {
    for row in rows {
        crate::register::RecordSink::skipped(
            b,
            crate::register::Skipped {
                file: "case_file.csv".into(),
                location: format!("line {row}"),
                reason: crate::register::SkipReason::Malformed,
                detail: "bad row".into(),
            },
        );
    }
}

#[test]
fn a_curated_mark_is_found_without_its_accents_and_a_listed_one_is_not() {
    let mut b = SnapshotBuilder::new(20260101);
    let mut chloe = Record::new(Register::Famous, "Chloé", "Chloé SAS");
    chloe.famous = true;
    chloe.pseudo_marks = vec!["Maison Chloé".into()];
    chloe.enforcement = Some(Enforcement {
        member_names: vec!["Amélie".into()],
        ..Enforcement::default()
    });
    b.add(chloe);
    b.add(Record::new(Register::Famous, "smöoy", "smöoy"));
    let mut plain = Record::new(Register::Famous, "Zorvex", "Zorvex Ltd");
    plain.pseudo_marks = vec!["Zörvex".into()];
    plain.enforcement = Some(Enforcement::default());
    b.add(plain);
    let snap = Snapshot::from_bytes(b.finish(None)).unwrap();
    let found = |text: &str| -> Vec<(String, KeyKind)> {
        snap.lookup_postings(text)
            .iter()
            .map(|p| (snap.record(p.id).mark, p.kind))
            .collect()
    };
    let chloe = |kind| vec![("Chloé".to_string(), kind)];
    assert_eq!(found("Chloé"), chloe(KeyKind::Mark));
    assert_eq!(found("Chloe"), chloe(KeyKind::PseudoMark));
    assert_eq!(found("Maison Chloe"), chloe(KeyKind::PseudoMark));
    assert_eq!(found("Amelie"), chloe(KeyKind::MemberName));
    assert_eq!(found("smöoy"), [("smöoy".to_string(), KeyKind::Mark)]);
    assert_eq!(found("smooy"), []);
    // A pseudo-mark whose accents come off into the mark itself leads there once.
    assert_eq!(found("Zorvex"), [("Zorvex".to_string(), KeyKind::Mark)]);
    assert_eq!(
        found("Zörvex"),
        [("Zorvex".to_string(), KeyKind::PseudoMark)]
    );
}

#[test]
fn an_alias_that_is_the_mark_itself_or_nothing_adds_no_key() {
    let mut b = SnapshotBuilder::new(20260101);
    let mut r = Record::new(Register::Famous, "Zorvex", "Zorvex Ltd");
    r.pseudo_marks = vec!["ZORVEX".into(), "™".into(), "Zorvex Pro".into()];
    b.add(r);
    let snap = Snapshot::from_bytes(b.finish(None)).unwrap();
    let mut keys = Vec::new();
    let mut stream = snap.marks().stream();
    while let Some((k, _)) = fst::Streamer::next(&mut stream) {
        keys.push(String::from_utf8_lossy(k).into_owned());
    }
    assert_eq!(keys, ["zorvex", "zorvex pro"]);
    let kinds: Vec<KeyKind> = snap
        .lookup_postings("Zorvex")
        .iter()
        .map(|p| p.kind)
        .collect();
    assert_eq!(kinds, [KeyKind::Mark], "the mark's key leads to it once");
}

#[test]
fn listing_words_are_counted_in_their_source() {
    let mut b = SnapshotBuilder::new(20260101);
    b.begin_source("listing vocabulary", "fixture", 20260101);
    b.add_listing_word("teal", 2.0);
    b.add_listing_word("crossbody", 2.0);
    let snap = Snapshot::from_bytes(b.finish(None)).unwrap();
    assert_eq!(snap.header().sources[0].records, 2);
}

/// The checksum a snapshot reports is the SHA-256 of its body: every byte before the
/// trailer's 32-byte digest, signed flag, 64 signature bytes and end marker.
#[test]
fn the_checksum_is_the_sha256_of_the_body() {
    use sha2::{Digest, Sha256};
    let mut b = SnapshotBuilder::new(20260101);
    b.add(Record::new(Register::US, "ZORBLAX", "Zorb Inc."));
    let bytes = b.finish(None);
    let trailer = 32 + 1 + 64 + format::END_MAGIC.len();
    let body = &bytes[..bytes.len() - trailer];
    let expected: [u8; 32] = Sha256::digest(body).into();
    let snap = Snapshot::from_bytes(bytes.clone()).unwrap();
    assert_eq!(snap.checksum(), expected);
}

/// A filing delivered twice (same register, key and number) is kept once, the later
/// delivery, and the build summary counts the one dropped.
#[test]
fn a_filing_delivered_twice_is_kept_once_and_counted() {
    let mut b = SnapshotBuilder::new(20260101);
    for owner in ["First Owner", "Second Owner"] {
        let mut r = Record::new(Register::US, "ZORBLAX", owner);
        r.number = "90000001".into();
        b.add(r);
    }
    let mut other = Record::new(Register::US, "QUIBBIX", "Quib Inc.");
    other.number = "90000002".into();
    b.add(other);
    let (bytes, summary) = b.finish_with_summary(None);
    assert_eq!((summary.records, summary.duplicates_dropped), (2, 1));
    let snap = Snapshot::from_bytes(bytes).unwrap();
    let kept = snap.lookup("zorblax");
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].owner, "Second Owner");
}
