//! The detection engine as a seller meets it: a small register built in the test from
//! hand-written records, listings in, findings out.

use clearmark::detect::{Engine, Options};
use clearmark::register::snapshot::{Snapshot, SnapshotBuilder};
use clearmark::register::{Record, Register, Status};
use clearmark::{Field, FindingKind, Listing, Report, Severity};

fn rec(mark: &str, classes: &[u8]) -> Record {
    let mut r = Record::new(Register::US, mark, format!("{mark} Holdings Inc."));
    r.number = "97000001".into();
    r.classes = classes.to_vec();
    r
}

fn famous(mark: &str) -> Record {
    let mut r = Record::new(Register::Famous, mark, mark);
    r.famous = true;
    r
}

/// A register with coined marks, marks that are ordinary words, a dead mark, and word
/// frequencies for the ordinary words.
fn engine() -> Engine {
    let mut b = SnapshotBuilder::new(20260101);
    for r in [
        rec("HUBSAN", &[9, 28]),
        rec("HOT WHEELS", &[28]),
        rec("MELISSA & DOUG", &[28]),
        rec("DISNEY", &[28]),
        rec("TANGLED", &[28]),
        rec("ORANGE", &[38]),
        rec("GALAXY", &[9]),
        rec("POLO", &[25]),
        rec("VELCRO", &[26]),
        rec("PLAYSTATION", &[9]),
        rec("FERRARI", &[12, 28]),
        famous("LEGO"),
        famous("NIKE"),
        famous("APPLE"),
    ] {
        b.add(r);
    }
    let mut dead = rec("ZORBLAX", &[28]);
    dead.status = Status::Dead;
    b.add(dead);
    for (w, z) in [
        ("orange", 4.4),
        ("galaxy", 3.8),
        ("polo", 3.5),
        ("tangled", 3.4),
        ("apple", 4.4),
        ("hot", 5.0),
        ("wheels", 4.0),
        ("for", 7.0),
        ("with", 7.0),
        ("the", 7.5),
        ("slicer", 3.0),
        ("shirt", 4.2),
        ("red", 5.0),
        ("case", 5.0),
        ("toy", 4.2),
        ("car", 5.0),
    ] {
        b.add_word_frequency(w, z);
    }
    Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"))
}

fn title(t: &str) -> Listing {
    Listing {
        id: "t".into(),
        title: Some(t.into()),
        ..Default::default()
    }
}

fn flagged(r: &Report) -> Vec<(&str, FindingKind, Severity)> {
    r.findings
        .iter()
        .map(|f| (f.text.as_str(), f.kind, f.severity))
        .collect()
}

#[test]
fn coined_and_famous_marks_are_high() {
    let e = engine();
    let r = e.check(&title("Spare blades for Hubsan X4, fits LEGO sets"));
    assert_eq!(
        flagged(&r),
        vec![
            ("Hubsan", FindingKind::RegisteredMark, Severity::High),
            ("LEGO", FindingKind::FamousBrand, Severity::High)
        ]
    );
    let f = &r.findings[0];
    assert_eq!(
        (f.field, f.index, f.start, f.end),
        (Field::Title, None, 17, 23)
    );
    assert_eq!(f.records[0].register, "US");
    assert!(f.reason.contains("coined"), "{}", f.reason);
}

#[test]
fn longest_phrase_with_its_punctuation() {
    let e = engine();
    let r = e.check(&title("Hot-Wheels car with Melissa and Doug's puppet"));
    let texts: Vec<&str> = r.findings.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(texts, ["Hot-Wheels", "Melissa and Doug"]);
}

#[test]
fn own_brand_and_its_variants_are_never_flagged() {
    let e = engine();
    let mut l = title("Melissa & Doug wooden puzzle by MELISSA AND DOUG, Disney Tangled");
    l.brand = Some("Melissa and Doug".into());
    l.category = Some("Toys & Games > Puzzles".into());
    let r = e.check(&l);
    let texts: Vec<&str> = r.findings.iter().map(|f| f.text.as_str()).collect();
    // "Tangled" is registered here but is a single ordinary word with no fame behind
    // it: named after Disney, it is still no finding (risk.rs's table).
    assert_eq!(texts, ["Disney"]);

    let mut e = engine();
    e.set_own_brands(vec!["Hubsan Inc.".into()]);
    assert!(e.check(&title("Hubsan X4 blades")).findings.is_empty());
}

#[test]
fn ordinary_words_need_evidence() {
    let e = engine();
    let mut l = title("Orange polo shirt, red apple slicer");
    l.category = Some("Clothing > Shirts".into());
    // Orange is registered for telecoms only; polo shirt is the garment; apple slicer
    // is the fruit: nothing high or medium.
    assert!(e.check(&l).findings.is_empty(), "{:?}", e.check(&l));

    // A single known word named as what the product fits, registered for these goods
    // but with no fame, phrase or coined spelling behind it: shown only as low.
    let mut l = title("Phone case for Galaxy S21");
    l.category = Some("Electronics > Phone cases".into());
    let r = e.check(&l);
    assert_eq!(flagged(&r), vec![]);
}

#[test]
fn low_findings_are_shown_on_request() {
    let mut e = engine();
    e.set_options(Options {
        show_low: true,
        ..Options::default()
    });
    let mut l = title("Orange silk scarf");
    l.category = Some("Clothing".into());
    assert_eq!(
        flagged(&e.check(&l)),
        vec![("Orange", FindingKind::RegisteredMark, Severity::Low)]
    );
}

#[test]
fn dead_marks_are_not_flagged() {
    assert!(engine()
        .check(&title("Zorblax racing car"))
        .findings
        .is_empty());
}

#[test]
fn lookalikes_name_the_mark_they_imitate() {
    let e = engine();
    let cases = [
        ("Ferari toy car", "Ferari", "FERRARI"),
        ("Hubasn X4 blades", "Hubasn", "HUBSAN"),
        ("N1ke running shoes", "N1ke", "NIKE"),
        ("\u{410}pple case", "\u{410}pple", "APPLE"),
        ("Play Station 5 controller", "Play Station", "PLAYSTATION"),
    ];
    for (t, text, mark) in cases {
        let r = e.check(&title(t));
        let f = r
            .findings
            .iter()
            .find(|f| f.kind == FindingKind::Lookalike)
            .unwrap_or_else(|| panic!("{t}: {r:?}"));
        assert_eq!((f.text.as_str(), f.mark.as_str()), (text, mark), "{t}");
        assert!(f.reason.contains(mark), "{}", f.reason);
    }
}

#[test]
fn genericised_marks_get_the_generic_term() {
    let e = engine();
    let r = e.check(&title("Velcro strips"));
    assert_eq!(
        r.findings[0].suggestion,
        "use the generic term \"hook-and-loop fastener\""
    );
}

#[test]
fn every_field_is_checked_in_order() {
    let e = engine();
    let l = Listing {
        id: "x".into(),
        title: Some("Hubsan".into()),
        bullets: vec!["no marks".into(), "fits Hubsan".into()],
        description: Some("Hubsan drone".into()),
        keywords: Some("hubsan".into()),
        ..Default::default()
    };
    let r = e.check(&l);
    let at: Vec<(Field, Option<usize>, usize)> = r
        .findings
        .iter()
        .map(|f| (f.field, f.index, f.start))
        .collect();
    assert_eq!(
        at,
        vec![
            (Field::Title, None, 0),
            (Field::Bullets, Some(1), 5),
            (Field::Description, None, 0),
            (Field::Keywords, None, 0)
        ]
    );
}

/// A famous brand that the frequency list knows mostly as a capitalised name ("Nike"
/// in film subtitles) is flagged as a brand; one it knows as an ordinary lower-case word
/// ("dove") keeps the ordinary-word judgement.
#[test]
fn famous_names_are_brands_but_famous_ordinary_words_stay_words() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(famous("NIKE"));
    b.add(famous("DOVE"));
    for (w, z) in [("nike", 3.0), ("dove", 3.4), ("grey", 4.0), ("shoes", 4.2)] {
        b.add_word_frequency(w, z);
    }
    b.mark_name("nike");
    let snapshot = Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads");
    assert!(snapshot.word_is_name("Nike") && !snapshot.word_is_name("dove"));
    assert_eq!(
        snapshot.word_zipf("nike"),
        Some(3.0),
        "the flag leaves the Zipf"
    );
    let e = Engine::new(snapshot);
    let r = e.check(&title("Nike shoes in dove grey"));
    let high: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.severity > Severity::Low)
        .map(|f| f.text.as_str())
        .collect();
    assert_eq!(high, ["Nike"]);
}

/// A curated record (the enforced-marks data): famous, with its classes, and the owner's
/// evidence.
fn curated(mark: &str, classes: &[u8], sues: bool) -> Record {
    let mut r = Record::new(Register::Famous, mark, format!("{mark} Owner Co."));
    r.famous = true;
    r.classes = classes.to_vec();
    r.enforcement = Some(clearmark::register::Enforcement {
        schedule_a: sues,
        ..Default::default()
    });
    r
}

/// The name threshold (a capitalised word used more often than a brand's fame explains
/// is a person or place) does not hold against an owner who sues sellers; other curated
/// names written that often are judged as common words, by their curated classes.
#[test]
fn a_frequent_name_is_the_brand_when_its_owner_sues_sellers() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Stanley", &[21], true));
    b.add(curated("Echo", &[9], false));
    for (w, z) in [
        ("stanley", 4.3),
        ("echo", 3.8),
        ("poster", 3.5),
        ("sandals", 3.0),
        ("women", 5.0),
    ] {
        b.add_word_frequency(w, z);
        if w == "stanley" || w == "echo" {
            b.mark_name(w);
        }
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let r = e.check(&title("Stanley poster"));
    assert_eq!(
        flagged(&r),
        vec![("Stanley", FindingKind::FamousBrand, Severity::High)]
    );
    let mut sandals = title("Fila Echo women sandals");
    sandals.category = Some("Shoes".into());
    assert_eq!(flagged(&e.check(&sandals)), vec![]);
}

/// Two letters from a mark is no disguise when the word is two known words written
/// together; one letter still is.
#[test]
fn a_compound_of_two_known_words_is_not_a_two_letter_typo() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Keychron", &[9], false));
    b.add(famous("SAMSUNG"));
    for (w, z) in [("key", 5.0), ("chain", 4.0), ("sum", 3.5), ("sung", 3.0)] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(flagged(&e.check(&title("Leather keychain ring"))), vec![]);
    let r = e.check(&title("Sumsung charger"));
    assert_eq!(r.findings[0].kind, FindingKind::Lookalike, "{r:?}");
    assert_eq!(r.findings[0].mark, "SAMSUNG");
}

/// A list's punctuation ends a mark's words: "fast, furious" is no "Fast & Furious".
#[test]
fn a_mark_never_spans_a_comma() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Fast & Furious", &[28], true));
    for (w, z) in [("fast", 5.0), ("furious", 3.9), ("and", 7.0)] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(
        flagged(&e.check(&title("Air powered racer: fast, furious fun"))),
        vec![]
    );
    let r = e.check(&title("Toy car for Fast & Furious fans"));
    assert_eq!(r.findings[0].text, "Fast & Furious", "{r:?}");
}
