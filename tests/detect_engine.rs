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
        rec("RIO", &[25]),
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
        ("rio", 3.8),
        ("jersey", 3.9),
    ] {
        b.add_word_frequency(w, z);
    }
    b.mark_name("rio");
    Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"))
}

fn title(t: &str) -> Listing {
    Listing {
        id: "t".into(),
        title: Some(t.into()),
        ..Default::default()
    }
}

/// A listing titled `t` in `category`.
fn titled_in(t: &str, category: &str) -> Listing {
    Listing {
        category: Some(category.into()),
        ..title(t)
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
fn a_registered_name_with_nothing_either_way_needs_a_brand_beside_it() {
    let e = engine();
    // A register holds most names in most classes: RIO for clothing says nothing of
    // "Rio" in a jersey's title with no brand named.
    let l = titled_in(
        "Striped Football Jersey Rio Adult Number 10",
        "Clothing > Jerseys",
    );
    assert_eq!(flagged(&e.check(&l)), vec![]);
    // Beside another brand of the field, it may be one of them: worth a look.
    let l = titled_in(
        "Nike Striped Football Jersey Rio Adult Number 10",
        "Clothing > Jerseys",
    );
    assert_eq!(
        flagged(&e.check(&l)),
        vec![
            ("Nike", FindingKind::FamousBrand, Severity::High),
            ("Rio", FindingKind::RegisteredMark, Severity::Medium)
        ]
    );
}

#[test]
fn a_famous_word_marked_with_a_trademark_sign_is_named_as_a_mark() {
    let e = engine();
    // APPLE is famous here with no goods named; "Apple" after a possessive-free
    // description is the fruit unless the seller marks it.
    let utensils = "Home & Kitchen > Kitchen Utensils";
    let marked = e.check(&titled_in("Slicer Blade for Apple® Corers", utensils));
    let plain = e.check(&titled_in("Slicer Blade for Apple Corers", utensils));
    assert!(
        marked.findings.iter().any(|f| f.text == "Apple"
            && f.severity >= Severity::Medium
            && f.reason
                .contains("the seller marks it with a trademark sign")),
        "{:?}",
        marked.findings
    );
    assert!(
        plain.findings.iter().all(|f| f.severity == Severity::Low),
        "{:?}",
        plain.findings
    );
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

/// A name the word list writes capitalised, below the name threshold, is coined when
/// the curated list vouches for it ("Nike"): its frequency comes from the brand. A name
/// only on a brand list ("Saturn", a planet too) is judged as a name, which needs
/// brand position and goods; a famous ordinary word ("dove") keeps the ordinary-word
/// judgement.
#[test]
fn curated_names_are_brands_but_famous_ordinary_words_stay_words() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Nike", &[25], false));
    b.add(famous("SATURN"));
    b.add(famous("DOVE"));
    for (w, z) in [
        ("nike", 3.0),
        ("saturn", 3.2),
        ("dove", 3.4),
        ("grey", 4.0),
        ("shoes", 4.2),
        ("planet", 4.0),
        ("poster", 3.5),
    ] {
        b.add_word_frequency(w, z);
    }
    b.mark_name("nike");
    b.mark_name("saturn");
    let snapshot = Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads");
    assert!(snapshot.word_is_name("Nike") && !snapshot.word_is_name("dove"));
    assert_eq!(
        snapshot.word_zipf("nike"),
        Some(3.0),
        "the flag leaves the Zipf"
    );
    let e = Engine::new(snapshot);
    let high = |t: &str| -> Vec<String> {
        e.check(&title(t))
            .findings
            .iter()
            .filter(|f| f.severity > Severity::Low)
            .map(|f| f.text.clone())
            .collect()
    };
    assert_eq!(high("Nike shoes in dove grey"), ["Nike"]);
    assert_eq!(high("Saturn planet poster"), Vec::<String>::new());
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

/// A curated character row of `franchise` (not suing on its own), with `member` as its
/// member name: counted only beside the franchise.
fn member_row(mark: &str, franchise: &str, member: &str, classes: &[u8]) -> Record {
    let mut r = curated(mark, classes, false);
    let e = r.enforcement.as_mut().expect("curated");
    e.franchise = Some(franchise.into());
    e.member_names = vec![member.into()];
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
    b.add(curated("SAMSUNG", &[9], false));
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

/// The comma a company name puts before its legal form stands inside the name
/// ("Monsters, Inc."), but only there: before any other word it still ends a segment,
/// and a legal form after other punctuation is not joined.
#[test]
fn a_comma_before_a_legal_form_is_inside_the_name() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Monsters, Inc.", &[20, 28], true));
    b.add(curated("Monsters Co", &[20, 28], true));
    b.add(curated("Monsters Toys", &[20, 28], true));
    for (w, z) in [("monsters", 4.0), ("inc", 3.5), ("co", 4.0), ("toys", 4.5)] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let spans = |t: &str| -> Vec<String> {
        e.check(&title(t))
            .findings
            .into_iter()
            .map(|f| f.text)
            .collect()
    };
    assert_eq!(
        spans("Pillow from Monsters, Inc. for kids"),
        ["Monsters, Inc"]
    );
    assert_eq!(spans("Pillow from Monsters, Co for kids"), ["Monsters, Co"]);
    // "toys" is a company word, not a legal form: the comma ends the segment.
    assert_eq!(
        spans("Scary monsters, toys and dolls"),
        Vec::<String>::new()
    );
    // Only a comma: a semicolon or a bar still ends the segment.
    assert_eq!(spans("Scary monsters; inc. tax"), Vec::<String>::new());
    assert_eq!(spans("Scary monsters, and inc. tax"), Vec::<String>::new());
}

/// A mark's words never run into a size in inches ("Jordan 12” Baby Doll" is a doll
/// named Jordan): the mark before the size still counts, and a name quoted with its
/// number is the name.
#[test]
fn a_mark_never_runs_into_a_size_in_inches() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Zorblax", &[28], true));
    b.add(curated("Zorblax 12", &[28], true));
    for (w, z) in [("baby", 5.0), ("doll", 4.0), ("tall", 4.5), ("fans", 4.3)] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let marks = |t: &str| -> Vec<String> {
        e.check(&title(t))
            .findings
            .into_iter()
            .map(|f| f.mark)
            .collect()
    };
    assert_eq!(marks("Zorblax 12\u{201d} Baby Doll"), ["Zorblax"]);
    assert_eq!(marks("Zorblax 12\" tall doll"), ["Zorblax"]);
    assert_eq!(marks("Zorblax 12 Baby Doll"), ["Zorblax 12"]);
    assert_eq!(marks("Doll for \"Zorblax 12\" fans"), ["Zorblax 12"]);
}

/// A segment end cuts a mark's words, and the longest mark before it still counts:
/// "Xbox Series X|S" is Xbox Series X, not nothing.
#[test]
fn the_longest_mark_before_a_segment_end_counts() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Xbox", &[9, 28], false));
    b.add(curated("Xbox Series X", &[9, 28], false));
    b.add(curated("Xbox Series X S", &[9, 28], false));
    b.add_word_frequency("series", 4.5);
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let r = e.check(&title("Charging dock for Xbox Series X|S One"));
    assert_eq!(
        flagged(&r),
        vec![("Xbox Series X", FindingKind::FamousBrand, Severity::High)]
    );
}

/// Compatibility wording reaches along a list of brands, but a colour further down the
/// list is the product's colour: "for Xbox, black".
#[test]
fn a_colour_further_down_a_compatibility_list_is_the_colour() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Xbox", &[9], false));
    b.add(famous("BLACK"));
    b.add(famous("SUNBEAM"));
    b.add_word_frequency("black", 5.2);
    b.add_word_frequency("sunbeam", 2.5);
    b.add_listing_word("black", 5.2);
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(
        flagged(&e.check(&title("Stand for Xbox, black"))),
        vec![("Xbox", FindingKind::FamousBrand, Severity::High)]
    );
    // Right after the wording, the seller names it as what the product fits...
    assert_eq!(
        flagged(&e.check(&title("Stand compatible with Sunbeam"))),
        vec![("Sunbeam", FindingKind::FamousBrand, Severity::Medium)]
    );
    // ... but a brand list's entry, naming no goods, never makes an everyday word a
    // brand.
    assert_eq!(
        flagged(&e.check(&title("Stand compatible with Black"))),
        vec![]
    );
    // A word that is no listing vocabulary, down the same list, is still named.
    assert_eq!(
        flagged(&e.check(&title("Stand for Xbox, Sunbeam"))),
        vec![
            ("Xbox", FindingKind::FamousBrand, Severity::High),
            ("Sunbeam", FindingKind::FamousBrand, Severity::Medium)
        ]
    );
}

/// "Columbia Blue" on a jacket is a shade; "Barbie Pink" on a doll names the brand.
#[test]
fn the_first_word_of_a_colour_name_is_the_shade_unless_its_owner_sues_sellers() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Columbia", &[25], false));
    b.add(curated("Barbie", &[28], true));
    for (w, z) in [
        ("columbia", 3.7),
        ("barbie", 3.6),
        ("blue", 5.0),
        ("pink", 4.6),
        ("jacket", 4.0),
        ("doll", 4.0),
    ] {
        b.add_word_frequency(w, z);
    }
    b.mark_name("columbia");
    b.mark_name("barbie");
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let mut jacket = title("Puffer Jacket, Columbia Blue");
    jacket.category = Some("Clothing > Jackets".into());
    assert_eq!(flagged(&e.check(&jacket)), vec![]);
    // Opening the title (weak brand position) in its goods: worth a look.
    let mut jacket = title("Columbia Puffer Jacket");
    jacket.category = Some("Clothing > Jackets".into());
    assert_eq!(
        flagged(&e.check(&jacket)),
        vec![("Columbia", FindingKind::FamousBrand, Severity::Medium)]
    );
    let mut doll = title("Barbie Pink Doll Dress");
    doll.category = Some("Toys > Dolls".into());
    assert_eq!(
        flagged(&e.check(&doll)),
        vec![("Barbie", FindingKind::FamousBrand, Severity::High)]
    );
}

/// The last word of a multi-word mark the listing names in full stands for it alone
/// ("Chiefs fans"), when written as a name; not a product word, not an everyday word,
/// not where no full mention is.
#[test]
fn a_short_form_of_a_mark_named_in_full_is_a_finding() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Kansas City Chiefs", &[25, 28], true));
    b.add(curated("Nintendo Switch", &[9, 28], true));
    b.add(curated("Magna-Tiles", &[28], false));
    for (w, z) in [
        ("kansas", 3.9),
        ("city", 5.3),
        ("chiefs", 3.7),
        ("switch", 4.6),
        ("tiles", 3.4),
        ("magna", 2.0),
        ("fans", 4.3),
        ("great", 6.0),
        ("gift", 4.5),
        ("for", 7.0),
    ] {
        b.add_word_frequency(w, z);
    }
    b.mark_name("chiefs");
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let listing = |t: &str, bullet: &str| Listing {
        id: "t".into(),
        title: Some(t.into()),
        bullets: vec![bullet.into()],
        ..Default::default()
    };
    let r = e.check(&listing(
        "Kansas City Chiefs Poster",
        "A great gift for Chiefs fans.",
    ));
    assert_eq!(
        flagged(&r),
        vec![
            (
                "Kansas City Chiefs",
                FindingKind::FamousBrand,
                Severity::High
            ),
            ("Chiefs", FindingKind::FamousBrand, Severity::Medium)
        ]
    );
    assert_eq!(r.findings[1].mark, "Kansas City Chiefs");
    assert!(
        r.findings[1]
            .reason
            .contains("short for Kansas City Chiefs"),
        "{}",
        r.findings[1].reason
    );
    // Without the full mention, "Chiefs" alone is nobody's.
    assert_eq!(
        flagged(&e.check(&listing("Poster", "A great gift for Chiefs fans."))),
        vec![]
    );
    // In lower case it is the word.
    let r = e.check(&listing(
        "Kansas City Chiefs Poster",
        "a gift for chiefs fans",
    ));
    assert_eq!(r.findings.len(), 1, "{r:?}");
    // An everyday last word ("Switch") and a known product word in title case ("Tiles")
    // do not stand for the mark.
    let r = e.check(&listing("Nintendo Switch Case", "Fits the Switch."));
    assert_eq!(r.findings.len(), 1, "{r:?}");
    let r = e.check(&listing("Magna-Tiles Storage Bin", "Holds 100 Tiles"));
    assert_eq!(r.findings.len(), 1, "{r:?}");

    // An ordinary word the word list often capitalises ("Dragon", Zipf 4.3) is a name
    // only where running text capitalises it, not in a shouted lead-in.
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Blue-Eyes White Dragon", &[16, 28], true));
    for (w, z) in [
        ("blue", 5.0),
        ("eyes", 5.3),
        ("white", 5.3),
        ("dragon", 4.3),
    ] {
        b.add_word_frequency(w, z);
    }
    b.mark_name("dragon");
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let r = e.check(&listing(
        "Card Sleeves, Blue-Eyes White Dragon Print",
        "DRAGON ART - Back print in silver.",
    ));
    assert_eq!(r.findings.len(), 1, "{r:?}");
    let r = e.check(&listing(
        "Card Sleeves, Blue-Eyes White Dragon Print",
        "Back print with the Dragon in silver.",
    ));
    assert_eq!(r.findings.len(), 2, "{r:?}");

    // A mark that is its franchise's name and a word claims the word only with the name.
    let mut b = SnapshotBuilder::new(20260101);
    let mut cinderella = curated("Disney Cinderella", &[25, 28], true);
    cinderella.enforcement.as_mut().expect("curated").franchise = Some("Disney Princess".into());
    b.add(cinderella);
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let r = e.check(&listing(
        "Disney Cinderella Dress",
        "A dress for every Cinderella fan.",
    ));
    assert_eq!(r.findings.len(), 1, "{r:?}");
}

/// A curated spelling that adds product nouns to a mark ("UGG Boots") is evidence the
/// mark is meant, but only the mark is underlined; a phrase whose shorter part is no
/// mark keeps its words.
#[test]
fn a_mark_with_product_nouns_underlines_only_the_mark() {
    let mut b = SnapshotBuilder::new(20260101);
    let mut ugg = curated("UGG", &[25], true);
    ugg.pseudo_marks = vec!["UGG Boots".into()];
    b.add(ugg);
    b.add(curated("Hunter Boots", &[25], false));
    b.add_word_frequency("hunter", 4.6);
    b.add_word_frequency("boots", 4.2);
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let r = e.check(&title("Suede Brush for UGG Boots"));
    assert_eq!(
        flagged(&r),
        vec![("UGG", FindingKind::FamousBrand, Severity::High)]
    );
    assert_eq!(r.findings[0].mark, "UGG");
    // "Hunter" alone is no mark: the whole name is underlined.
    let r = e.check(&title("Liners for Hunter Boots"));
    assert_eq!(r.findings[0].text, "Hunter Boots", "{r:?}");
}

/// A letter and a digit ("T4" a size, "A1" a class) read as an abbreviation, which needs
/// evidence of brand use; a code that opens with digits ("3M") stays coined.
#[test]
fn a_short_letter_digit_code_reads_as_an_abbreviation() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(famous("T4"));
    b.add(famous("3M"));
    b.add_word_frequency("toddler", 3.5);
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(flagged(&e.check(&title("Toddler T4 Lady Costume"))), vec![]);
    assert_eq!(
        flagged(&e.check(&title("Toddler 3M Tape"))),
        vec![("3M", FindingKind::FamousBrand, Severity::High)]
    );
}

/// The underline of a mark with a product noun after it stops at the mark only when the
/// words before are a mark that is no everyday word: "The Flash" stays whole.
#[test]
fn an_everyday_word_before_a_product_noun_is_no_mark_of_its_own() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("The Flash", &[28], true));
    b.add(famous("THE"));
    b.add_word_frequency("the", 7.5);
    b.add_word_frequency("flash", 4.0);
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let r = e.check(&title("Pop Vinyl Figure The Flash"));
    assert_eq!(r.findings.len(), 1, "{r:?}");
    assert_eq!(r.findings[0].text, "The Flash");
}

/// "Amazon Rainforest", "Columbia River", "over the Amazon river", "along the Amazon":
/// the first word of a place name, or a name after a preposition of place, is the
/// place, coined or not, unless its owner sues sellers.
#[test]
fn the_first_word_of_a_place_name_is_the_place() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Amazon", &[9, 35], false));
    b.add(curated("Columbia", &[25], false));
    b.add_word_frequency("columbia", 3.7);
    b.mark_name("columbia");
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(
        flagged(&e.check(&title("Journal for an Amazon Rainforest Expedition"))),
        vec![]
    );
    assert_eq!(
        flagged(&e.check(&title("Map of the Columbia River Gorge"))),
        vec![]
    );
    // A geographic noun in lower case after it, or a preposition of place before.
    for t in [
        "Macaws over the Amazon river at sunset",
        "Sketch birds along the Amazon",
    ] {
        assert_eq!(flagged(&e.check(&title(t))), vec![], "{t}");
    }
    assert_eq!(
        flagged(&e.check(&title("Amazon Gift Card Holder"))),
        vec![("Amazon", FindingKind::FamousBrand, Severity::High)]
    );
    assert_eq!(
        flagged(&e.check(&title("Stand for the Amazon Echo"))),
        vec![("Amazon", FindingKind::FamousBrand, Severity::High)]
    );
}

/// An ordinary-word member of a franchise ("George" of Peppa Pig) is a finding where
/// the listing names the franchise, written as a name; alone it is the word.
#[test]
fn a_member_of_a_franchise_the_listing_names_is_a_finding() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Peppa Pig", &[28], true));
    // Its own row says nothing of suits: only the franchise the listing names lifts it.
    let mut george = curated("George", &[28], false);
    george.enforcement.as_mut().expect("curated").franchise = Some("Peppa Pig".into());
    b.add(george);
    for (w, z) in [
        ("george", 5.2),
        ("peppa", 2.5),
        ("pig", 4.2),
        ("plush", 3.0),
        ("set", 5.0),
        ("with", 7.0),
    ] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let r = e.check(&title("Peppa Pig Plush Set with George"));
    assert_eq!(
        flagged(&r),
        vec![
            ("Peppa Pig", FindingKind::FamousBrand, Severity::High),
            ("George", FindingKind::FamousBrand, Severity::Medium)
        ]
    );
    assert!(
        r.findings[1].reason.contains("a mark of Peppa Pig"),
        "{}",
        r.findings[1].reason
    );
    assert_eq!(flagged(&e.check(&title("Plush Set with George"))), vec![]);
    let r = e.check(&title("Peppa Pig plush set with george"));
    assert_eq!(r.findings.len(), 1, "{r:?}");
}

/// With low findings shown, a member's own low finding gives way to the member finding
/// (it does not take the span); and only a high finding names a franchise: a name
/// judged medium lifts no member.
#[test]
fn a_member_is_found_with_low_findings_shown_and_only_beside_a_high_franchise() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Peppa Pig", &[28], true));
    // George's own row makes "George" a key: judged low, and shown as such.
    let mut george = curated("George", &[28], false);
    george.enforcement.as_mut().expect("curated").franchise = Some("Peppa Pig".into());
    b.add(george);
    b.add(famous("Sharks"));
    b.add(member_row("Finn Shark", "Sharks", "Finn", &[25]));
    for (w, z) in [
        ("george", 5.2),
        ("peppa", 2.5),
        ("pig", 4.2),
        ("plush", 3.0),
        ("set", 5.0),
        ("with", 7.0),
        ("sharks", 4.1),
        ("finn", 3.9),
        ("hoodie", 3.2),
    ] {
        b.add_word_frequency(w, z);
    }
    let mut e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    e.set_options(clearmark::detect::Options {
        show_low: true,
        ..Default::default()
    });
    assert_eq!(
        flagged(&e.check(&title("Peppa Pig Plush Set with George"))),
        vec![
            ("Peppa Pig", FindingKind::FamousBrand, Severity::High),
            ("George", FindingKind::FamousBrand, Severity::Medium)
        ]
    );
    // A brand list's "Sharks" marked with ® is medium: worth a look, no franchise named.
    assert_eq!(
        flagged(&e.check(&title("Sharks® Hoodie with Finn"))),
        vec![("Sharks", FindingKind::FamousBrand, Severity::Medium)]
    );
}

/// Only a mark named in full as a registered or famous mark, medium or above, lends its
/// last word a short form: a low finding (shown on request) or a lookalike of the
/// whole mark lends none.
#[test]
fn a_short_form_needs_the_full_mark_found_medium_or_above_as_itself() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Kansas City Chiefs", &[25, 28], true));
    b.add(rec("BLUE HARBOUR", &[21]));
    for (w, z) in [
        ("kansas", 3.9),
        ("city", 5.3),
        ("chiefs", 3.7),
        ("blue", 5.0),
        ("harbour", 3.8),
        ("poster", 3.5),
        ("fans", 4.3),
        ("gift", 4.5),
        ("for", 7.0),
        ("from", 7.0),
    ] {
        b.add_word_frequency(w, z);
    }
    b.mark_name("chiefs");
    b.mark_name("harbour");
    let mut e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    e.set_options(clearmark::detect::Options {
        show_low: true,
        ..Default::default()
    });
    let listing = |t: &str, bullet: &str| Listing {
        id: "t".into(),
        title: Some(t.into()),
        bullets: vec![bullet.into()],
        category: Some("Toys & Games".into()),
        ..Default::default()
    };
    assert_eq!(
        flagged(&e.check(&listing("Blue Harbour Poster", "A gift from Harbour fans."))),
        vec![("Blue Harbour", FindingKind::RegisteredMark, Severity::Low)]
    );
    assert_eq!(
        flagged(&e.check(&listing(
            "Kansas City Chiefz Poster",
            "A gift for Chiefs fans."
        ))),
        vec![("Kansas City Chiefz", FindingKind::Lookalike, Severity::High)]
    );
    // Named in full as itself, the mark lends its last word a short form.
    assert_eq!(
        flagged(&e.check(&listing(
            "Kansas City Chiefs Poster",
            "A gift for Chiefs fans."
        ))),
        vec![
            (
                "Kansas City Chiefs",
                FindingKind::FamousBrand,
                Severity::High
            ),
            ("Chiefs", FindingKind::FamousBrand, Severity::Medium)
        ]
    );
}

/// The last word of a mark that is a product noun ("Pets" of Pillow Pets, "Boots" of a
/// brand's boots) never stands for the mark alone, however the seller capitalises it:
/// it is the goods.
#[test]
fn a_product_noun_is_no_short_form_of_the_mark_it_ends() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Zorblax Boots", &[25], true));
    for (w, z) in [
        ("boots", 4.3),
        ("kids", 4.8),
        ("for", 7.0),
        ("these", 6.0),
        ("are", 7.0),
        ("warm", 4.6),
        ("winter", 4.7),
    ] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let r = e.check(&Listing {
        id: "t".into(),
        title: Some("Zorblax Boots for Kids".into()),
        bullets: vec!["These are warm Boots for winter.".into()],
        ..Default::default()
    });
    assert_eq!(
        flagged(&r),
        vec![("Zorblax Boots", FindingKind::FamousBrand, Severity::High)]
    );
}

/// A short form takes a place among its field's findings like any other: none past the
/// cap of a field, counted in that field only; and it replaces a low finding of the
/// word itself (reported on request).
#[test]
fn a_short_form_counts_against_its_own_fields_cap_and_replaces_a_low_finding() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Kansas City Chiefs", &[25, 28], true));
    b.add(rec("CHIEFS", &[41]));
    for (w, z) in [
        ("kansas", 3.9),
        ("city", 5.3),
        ("chiefs", 3.5),
        ("poster", 3.5),
        ("gift", 4.5),
        ("idea", 5.0),
        ("fans", 4.3),
        ("for", 7.0),
    ] {
        b.add_word_frequency(w, z);
    }
    b.mark_name("chiefs");
    let mut e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let with_description = |mentions: usize| Listing {
        id: "t".into(),
        title: Some("Kansas City Chiefs Poster".into()),
        description: Some(format!(
            "{}A great gift for Chiefs fans. Go Chiefs!",
            "Kansas City Chiefs gift idea. ".repeat(mentions)
        )),
        ..Default::default()
    };
    fn in_description(r: &Report) -> Vec<&str> {
        r.findings
            .iter()
            .filter(|f| f.field == Field::Description)
            .map(|f| f.text.as_str())
            .collect()
    }
    let cap = clearmark::listing::MAX_FINDINGS_PER_FIELD;
    // One place left in the description (the title's finding is the title's): the first
    // short form takes it, the second finds none.
    let r = e.check(&with_description(cap - 1));
    let found = in_description(&r);
    assert_eq!((found.len(), found.last()), (cap, Some(&"Chiefs")));
    // None left: no short form.
    let r = e.check(&with_description(cap));
    let found = in_description(&r);
    assert_eq!(
        (found.len(), found.last()),
        (cap, Some(&"Kansas City Chiefs"))
    );
    // "CHIEFS" registered for other goods alone is low where it stands; shown on request,
    // it gives way to the short form.
    e.set_options(Options {
        show_low: true,
        ..Default::default()
    });
    let r = e.check(&with_description(1));
    assert_eq!(
        r.findings
            .iter()
            .filter(|f| f.text == "Chiefs")
            .map(|f| (f.kind, f.severity))
            .collect::<Vec<_>>(),
        [
            (FindingKind::FamousBrand, Severity::Medium),
            (FindingKind::FamousBrand, Severity::Medium)
        ]
    );
}

/// The last word of a mark stands for it alone only if it has four letters or more and
/// is no everyday word, even where running text capitalises it as a name ("Zed" of
/// Zorblax Zed, "Switch" of Nintendo Switch); several short forms in one field stop at
/// the field's cap like any findings.
#[test]
fn a_short_form_is_a_word_of_four_letters_or_more_that_is_no_everyday_word() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Zorblax Zed", &[28], true));
    b.add(curated("Zorblax Quix", &[28], true));
    b.add(curated("Nintendo Switch", &[9, 28], true));
    b.add(curated("Zorblax Tide", &[28], true));
    for (w, z) in [
        ("switch", 4.6),
        // Exactly everyday (ordinary::EVERYDAY_ZIPF).
        ("tide", 4.5),
        ("figure", 4.0),
        ("gift", 4.5),
        ("for", 7.0),
        ("fans", 4.3),
        ("play", 5.5),
        ("your", 6.5),
        ("games", 4.8),
        ("on", 7.0),
        ("the", 7.5),
        ("anywhere", 4.6),
        ("you", 7.0),
        ("like", 6.5),
        ("with", 7.0),
    ] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let listing = |t: &str, bullet: &str| Listing {
        id: "t".into(),
        title: Some(t.into()),
        bullets: vec![bullet.into()],
        ..Default::default()
    };
    let short = |r: &Report| {
        r.findings
            .iter()
            .filter(|f| f.reason.starts_with("short for"))
            .map(|f| f.text.clone())
            .collect::<Vec<_>>()
    };
    // Four letters, unknown to the word lists: a short form.
    assert_eq!(
        short(&e.check(&listing("Zorblax Quix Figure", "A gift for Quix fans."))),
        ["Quix"]
    );
    // Unknown to the word lists, it is a name however the field is capitalised.
    assert_eq!(
        short(&e.check(&listing("Zorblax Quix Figure", "Great Gift For Quix Fans"))),
        ["Quix"]
    );
    // Three letters: a word of its own.
    assert!(short(&e.check(&listing("Zorblax Zed Figure", "A gift for Zed fans."))).is_empty());
    // An everyday word, capitalised in running text: still the word.
    assert!(short(&e.check(&listing(
        "Nintendo Switch Case",
        "Play your games on the Switch anywhere you like."
    )))
    .is_empty());
    assert!(short(&e.check(&listing(
        "Zorblax Tide Figure",
        "Play your games on the Tide anywhere you like."
    )))
    .is_empty());
}

/// A word the word lists write mostly capitalised is a name only while it is rarer than
/// a name that common (`ordinary::NAME_ZIPF` 3.7, exclusive): in a title-cased field, where
/// every word is capitalised, "Chiefs" at Zipf 3.6 stands for the team, at 3.7 it is
/// the word.
#[test]
fn a_capitalised_word_is_a_name_only_below_the_name_frequency() {
    let short_forms = |chiefs: f32| {
        let mut b = SnapshotBuilder::new(20260101);
        b.add(curated("Kansas City Chiefs", &[25, 28], true));
        for (w, z) in [
            ("kansas", 3.9),
            ("city", 5.3),
            ("chiefs", chiefs),
            ("great", 6.0),
            ("gift", 4.5),
            ("for", 7.0),
            ("fans", 4.3),
        ] {
            b.add_word_frequency(w, z);
        }
        b.mark_name("chiefs");
        let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
        let r = e.check(&Listing {
            id: "t".into(),
            title: Some("Kansas City Chiefs Poster".into()),
            bullets: vec!["Great Gift For Chiefs Fans".into()],
            ..Default::default()
        });
        r.findings
            .iter()
            .filter(|f| f.field == Field::Bullets)
            .count()
    };
    assert_eq!(short_forms(3.6), 1);
    assert_eq!(short_forms(3.7), 0);
}

/// A curated name of three letters or fewer is judged as an abbreviation, not as a
/// famous name (`ordinary::ABBREVIATION_LETTERS`): opening a title it is worth a look,
/// medium, not high.
#[test]
fn a_curated_name_of_three_letters_is_no_famous_name() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Zed", &[28], false));
    for (w, z) in [("zed", 3.0), ("plush", 3.0)] {
        b.add_word_frequency(w, z);
    }
    b.mark_name("zed");
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(
        flagged(&e.check(&title("Zed Plush"))),
        vec![("Zed", FindingKind::FamousBrand, Severity::Medium)]
    );
}

/// A mark whose word is as common as an everyday word (`ordinary::EVERYDAY_ZIPF`, 4.5,
/// inclusive) is not distinctive, even where the word lists write it as a name: a digit
/// or a spelled-out form of it ("Gl0rian", "G-l-o-r-i-a-n") is no disguise of a brand.
#[test]
fn a_mark_as_common_as_an_everyday_word_is_no_target_of_disguises() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(rec("GLORIAN", &[28]));
    for (w, z) in [("glorian", 4.5), ("doll", 4.0)] {
        b.add_word_frequency(w, z);
    }
    b.mark_name("glorian");
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    for t in ["Gl0rian doll", "G-l-o-r-i-a-n doll", "doll Gl0r1an"] {
        assert_eq!(flagged(&e.check(&title(t))), vec![], "{t}");
    }
}

/// A member name that begins a colour name ("Chilli Red", "Rocky Blue") describes the
/// goods, even beside its franchise; the same name beside another word is the character.
#[test]
fn a_member_name_that_begins_a_colour_name_is_the_colour() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Bluey", &[25], true));
    b.add(member_row("Chilli Heeler", "Bluey", "Chilli", &[25]));
    for (w, z) in [
        ("chilli", 3.4),
        ("red", 5.2),
        ("kids", 4.8),
        ("shirt", 4.2),
        ("colour", 4.3),
        ("print", 4.4),
    ] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(
        flagged(&e.check(&title("Bluey Kids Shirt, Chilli Red Colour"))),
        vec![("Bluey", FindingKind::FamousBrand, Severity::High)]
    );
    assert_eq!(
        flagged(&e.check(&title("Bluey Kids Shirt, Chilli Print"))),
        vec![
            ("Bluey", FindingKind::FamousBrand, Severity::High),
            ("Chilli", FindingKind::FamousBrand, Severity::Medium)
        ]
    );
}

/// A member name ("Rubble", kept on the curated row as a word that counts only beside its
/// franchise) is no finding alone, not even medium through a namesake's fame; where the
/// listing names the franchise it is a medium finding citing the character's row.
#[test]
fn a_member_name_counts_only_beside_its_franchise() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("PAW Patrol", &[28], true));
    b.add(member_row(
        "Rubble PAW Patrol",
        "PAW Patrol",
        "Rubble",
        &[28],
    ));
    for (w, z) in [
        ("rubble", 3.3),
        ("paw", 3.6),
        ("patrol", 3.9),
        ("figure", 3.5),
        ("bag", 4.5),
        ("garden", 4.6),
        ("with", 7.0),
        ("fans", 4.3),
        ("gift", 4.5),
        ("for", 7.0),
    ] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let r = e.check(&title("PAW Patrol Figure with Rubble"));
    assert_eq!(
        flagged(&r),
        vec![
            ("PAW Patrol", FindingKind::FamousBrand, Severity::High),
            ("Rubble", FindingKind::FamousBrand, Severity::Medium)
        ]
    );
    assert_eq!(r.findings[1].mark, "Rubble PAW Patrol");
    assert!(
        r.findings[1].reason.contains("a mark of PAW Patrol"),
        "{}",
        r.findings[1].reason
    );
    assert_eq!(flagged(&e.check(&title("Garden Rubble Bag"))), vec![]);
    assert_eq!(flagged(&e.check(&title("Rubble Bag"))), vec![]);
    // A word has no fans: named with its fans, the member stands for its franchise.
    let r = e.check(&title("Gift Bag for Rubble Fans"));
    assert_eq!(
        flagged(&r),
        vec![("Rubble", FindingKind::FamousBrand, Severity::Medium)]
    );
    assert!(
        r.findings[0].reason.contains("whose fans it names"),
        "{}",
        r.findings[0].reason
    );
    assert_eq!(
        flagged(&e.check(&title("Gift for Rubble, fans and bags"))),
        vec![]
    );
    // Without "for", the word may describe the fans.
    assert_eq!(flagged(&e.check(&title("Gift Bag Rubble Fans"))), vec![]);
}

/// A name of several known words that only a brand list holds ("Coral Travel", a travel
/// agency) is a phrase the words make every day ("Coral Travel Mug"), not a coined name,
/// even where the text names it as a brand; a coined word in the name keeps it a
/// brand-list name, worth a look where the text names it as a brand; a registration or
/// the curated list vouches for the phrase, a brand list's fame does not.
#[test]
fn a_brand_list_phrase_of_known_words_is_no_coined_name() {
    let listed = |mark: &str| Record::new(Register::Famous, mark, "name-suggestion-index");
    let mut b = SnapshotBuilder::new(20260101);
    b.add(listed("Coral Travel"));
    b.add(listed("Zorvex Travel"));
    b.add(rec("BLUE HARBOUR", &[21]));
    for (w, z) in [
        ("coral", 3.4),
        ("travel", 4.6),
        ("mug", 3.6),
        ("insulated", 3.0),
        ("blue", 5.0),
        ("harbour", 3.8),
    ] {
        b.add_word_frequency(w, z);
    }
    b.mark_name("coral");
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(
        flagged(&e.check(&title("Insulated Coral Travel Mug"))),
        vec![]
    );
    assert_eq!(
        flagged(&e.check(&title("Lid compatible with Coral Travel Mugs"))),
        vec![]
    );
    assert_eq!(
        flagged(&e.check(&title("Insulated Zorvex Travel Mug"))),
        vec![]
    );
    assert_eq!(
        flagged(&e.check(&title("Lid compatible with Zorvex Travel Mugs"))),
        vec![("Zorvex Travel", FindingKind::FamousBrand, Severity::Medium)]
    );
    assert_eq!(
        flagged(&e.check(&title("Insulated Blue Harbour Travel Mug"))),
        vec![("Blue Harbour", FindingKind::RegisteredMark, Severity::High)]
    );
    // A brand list's fame does not vouch for it ("Red Lobster", "Four Seasons"); the
    // curated list does.
    let with = |record: Record| {
        let mut b = SnapshotBuilder::new(20260101);
        b.add(record);
        for (w, z) in [("coral", 3.4), ("travel", 4.6), ("mug", 3.6)] {
            b.add_word_frequency(w, z);
        }
        Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"))
    };
    let mut famous_listed = listed("Coral Travel");
    famous_listed.famous = true;
    assert_eq!(
        flagged(&with(famous_listed).check(&title("Coral Travel Mug"))),
        vec![]
    );
    assert_eq!(
        flagged(&with(curated("Coral Travel", &[21], false)).check(&title("Coral Travel Mug"))),
        vec![("Coral Travel", FindingKind::FamousBrand, Severity::High)]
    );
}

/// A brand-list phrase of known words is as frequent as its words written together
/// (each further word divides by a billion: Zipf 3.4 + 4.6 − 9 = −1.0), and the reason
/// of its low finding says so.
#[test]
fn a_brand_list_phrase_is_as_frequent_as_its_words_together() {
    let listed = |mark: &str| Record::new(Register::Famous, mark, "name-suggestion-index");
    let mut b = SnapshotBuilder::new(20260101);
    b.add(listed("Coral Travel"));
    for (w, z) in [
        ("coral", 3.4),
        ("travel", 4.6),
        ("mug", 3.6),
        ("insulated", 3.0),
    ] {
        b.add_word_frequency(w, z);
    }
    let mut e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    e.set_options(Options {
        show_low: true,
        ..Default::default()
    });
    let r = e.check(&title("Insulated Coral Travel Mug"));
    assert_eq!(r.findings.len(), 1, "{r:?}");
    assert!(
        r.findings[0]
            .reason
            .contains("\"coral travel\" is also a common word (Zipf -1.0)"),
        "{}",
        r.findings[0].reason
    );
}

/// A name with "the" inside is found where the seller leaves the "the" out ("Sonic
/// Hedgehog"), unless the words left are an everyday phrase ("big cat" is no Big the Cat).
#[test]
fn a_name_is_found_without_its_the_unless_the_words_left_are_a_common_phrase() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Sonic the Hedgehog", &[28], true));
    b.add(curated("Big the Cat", &[28], false));
    for (w, z) in [
        ("sonic", 3.3),
        ("hedgehog", 3.0),
        ("the", 7.7),
        ("big", 6.0),
        ("cat", 5.0),
        ("plush", 3.0),
        ("keychain", 2.5),
    ] {
        b.add_word_frequency(w, z);
    }
    b.mark_name("sonic");
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let r = e.check(&title("Cartoon Sonic Hedgehog Keychain"));
    assert_eq!(
        flagged(&r),
        vec![("Sonic Hedgehog", FindingKind::FamousBrand, Severity::High)]
    );
    assert_eq!(r.findings[0].mark, "Sonic the Hedgehog");
    assert_eq!(flagged(&e.check(&title("Big Cat Plush Keychain"))), vec![]);
    assert_eq!(
        flagged(&e.check(&title("Big the Cat Plush Keychain"))),
        vec![("Big the Cat", FindingKind::FamousBrand, Severity::High)]
    );
}

/// A number with a unit in lower case is a measurement ("3m" of cable), never the mark it
/// spells; written as the brand writes it ("3M") it is the mark.
#[test]
fn a_number_with_a_lower_case_unit_is_a_measurement() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("3M", &[16, 17], false));
    b.add_listing_word("m", 2.0);
    for (w, z) in [("cable", 3.5), ("long", 5.5), ("tape", 3.8), ("usb", 3.0)] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(flagged(&e.check(&title("USB Cable 3m Long"))), vec![]);
    assert_eq!(
        flagged(&e.check(&title("3M Tape"))),
        vec![("3M", FindingKind::FamousBrand, Severity::High)]
    );
}

/// Every kind of character the normaliser treats as invisible (the first and last of each
/// range it strips), written out here rather than taken from the normaliser.
const INVISIBLES: &[char] = &[
    '\u{AD}',
    '\u{34F}',
    '\u{61C}',
    '\u{180E}',
    '\u{200B}',
    '\u{200C}',
    '\u{200D}',
    '\u{200E}',
    '\u{200F}',
    '\u{202A}',
    '\u{202E}',
    '\u{2060}',
    '\u{2064}',
    '\u{2066}',
    '\u{206F}',
    '\u{FE00}',
    '\u{FE0F}',
    '\u{FEFF}',
    '\u{E0000}',
    '\u{E007F}',
    '\u{E0100}',
    '\u{E01EF}',
];

#[test]
fn an_invisible_character_inside_a_mark_hides_nothing() {
    // A four-letter mark: too short for a word split in two to be read as one, so only
    // the invisible character's removal can find it.
    let e = engine();
    for &c in INVISIBLES {
        // "Spare bricks for " is 17 UTF-16 units; the mark is 4 letters and the
        // invisible character (one or two units) inside it.
        let t = format!("Spare bricks for LE{c}GO sets");
        let r = e.check(&title(&t));
        let f = r
            .findings
            .iter()
            .find(|f| f.mark == "LEGO")
            .unwrap_or_else(|| panic!("U+{:04X}: {r:?}", c as u32));
        assert_eq!(
            (f.start, f.end),
            (17, 21 + c.len_utf16()),
            "U+{:04X}",
            c as u32
        );
        assert_eq!(f.text, format!("LE{c}GO"), "U+{:04X}", c as u32);
        assert_eq!(f.severity, Severity::High, "U+{:04X}: {f:?}", c as u32);
    }
}

#[test]
fn an_invisible_character_after_emoji_keeps_utf16_offsets() {
    // 😀 is two UTF-16 units, 家 one: the mark starts at 4.
    let t = "😀家 LE\u{200B}GO bricks";
    let r = engine().check(&title(t));
    let f = r
        .findings
        .iter()
        .find(|f| f.mark == "LEGO")
        .unwrap_or_else(|| panic!("{r:?}"));
    assert_eq!((f.start, f.end), (4, 9));
    assert_eq!(f.text, "LE\u{200B}GO");
    let units: Vec<u16> = t.encode_utf16().collect();
    assert_eq!(String::from_utf16(&units[f.start..f.end]).unwrap(), f.text);
}

/// The severities above low a listing titled `t` in `category` gets, by flagged text.
fn above_low(e: &Engine, t: &str, category: &str) -> Vec<(String, Severity)> {
    e.check(&titled_in(t, category))
        .findings
        .into_iter()
        .filter(|f| f.severity > Severity::Low)
        .map(|f| (f.text, f.severity))
        .collect()
}

/// Brand lists hold places, people and rare words, and name no goods: an entry, known
/// to the word lists (even too rarely to be a common word, below COMMON_ZIPF) or not,
/// which nothing in the text names as a brand, is that word or name; named as a brand
/// ("compatible with …") it is worth a look.
#[test]
fn a_brand_lists_word_that_the_word_lists_know_is_that_word() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(Record::new(Register::Famous, "Roma", "Roma"));
    b.add(Record::new(Register::Famous, "Kiabi", "Kiabi"));
    for (w, z) in [
        ("roma", 1.5),
        ("heirloom", 3.0),
        ("tomato", 4.0),
        ("seeds", 4.0),
    ] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(above_low(&e, "Heirloom Tomato Seeds Kiabi", "Garden"), []);
    assert_eq!(above_low(&e, "Heirloom Tomato Seeds Roma", "Garden"), []);
    assert_eq!(
        above_low(&e, "Seed Tray compatible with Kiabi Planters", "Garden"),
        [("Kiabi".to_owned(), Severity::Medium)]
    );
    assert_eq!(
        above_low(&e, "Seed Tray compatible with Roma Planters", "Garden"),
        [("Roma".to_owned(), Severity::Medium)]
    );
}

/// A registered phrase of known words is coined only as a phrase: on other goods it is
/// the words. A word of it mostly written as a name makes it a name, judged as a mark
/// registered for other goods; so is a word registered alone that the word lists know
/// only in the singular (the rule is the phrase's).
#[test]
fn a_registered_phrase_of_known_words_is_the_words_on_other_goods() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(rec("MINOR INJURIES", &[44]));
    b.add(rec("PARIS NIGHTS", &[41]));
    b.add(rec("GADGETS", &[41]));
    for (w, z) in [
        ("minor", 4.5),
        ("injuries", 4.0),
        ("paris", 3.5),
        ("nights", 4.2),
        ("plush", 3.0),
        ("gadget", 3.0),
    ] {
        b.add_word_frequency(w, z);
    }
    b.mark_name("paris");
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(above_low(&e, "Minor Injuries Plush", "Toys & Games"), []);
    assert_eq!(
        above_low(&e, "Paris Nights Plush", "Toys & Games"),
        [("Paris Nights".to_owned(), Severity::Medium)]
    );
    assert_eq!(
        above_low(&e, "Gadgets Plush", "Toys & Games"),
        [("Gadgets".to_owned(), Severity::Medium)]
    );
}

#[test]
fn a_short_word_after_a_name_is_its_model_unless_a_material_or_standard_in_capitals() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(rec("RIO", &[25]));
    for (w, z) in [("rio", 3.8), ("shirts", 3.5), ("are", 7.0), ("soft", 4.4)] {
        b.add_word_frequency(w, z);
    }
    b.mark_name("rio");
    b.add_listing_word("kit", 4.0);
    b.add_listing_word("pvc", 2.0);
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let severity = |bullet: &str| {
        let l = Listing {
            id: "t".into(),
            bullets: vec![bullet.into()],
            category: Some("Clothing > Shirts".into()),
            ..Default::default()
        };
        e.check(&l)
            .findings
            .iter()
            .find(|f| f.text == "Rio")
            .map(|f| f.severity)
    };
    // A short capitalised word after the name reads as its model, whatever it is...
    assert_eq!(severity("Rio Kit shirts are soft."), Some(Severity::High));
    // ... but a material or standard in capitals is none, and with nothing else to go
    // on the registered name stays low.
    assert_eq!(severity("Rio PVC shirts are soft."), None);
}

/// Ordinary abbreviations before the electrical goods they describe ("AC DC Adapter",
/// like "USB Cable") are the abbreviations, not the band whose name they spell; before
/// other words, or named after "for", they are the band.
#[test]
fn ordinary_abbreviations_before_electrical_goods_are_no_band() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("AC/DC", &[9, 25, 41], false));
    for w in ["ac", "dc"] {
        b.add_listing_word(w, 3.0);
    }
    for (w, z) in [("adapter", 3.0), ("tee", 3.0), ("fans", 4.0), ("for", 7.0)] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let high = |t: &str| -> Vec<String> {
        e.check(&titled_in(t, "Electronics > Power Supplies"))
            .findings
            .iter()
            .filter(|f| f.severity > Severity::Low)
            .map(|f| f.text.clone())
            .collect()
    };
    assert_eq!(high("AC DC Adapter 12V 2A"), Vec::<String>::new());
    assert_eq!(high("AC/DC Adapter 12V 2A"), Vec::<String>::new());
    assert_eq!(high("AC/DC Highway Tee"), ["AC/DC"]);
    assert_eq!(high("Rock Tee for AC/DC Fans"), ["AC/DC"]);
}

/// A name of a mark that is a common phrase ("Man City", an alias on the curated row of
/// Manchester City) is the mark where the listing names the mark in full; alone it is
/// the words.
#[test]
fn another_name_of_a_mark_the_listing_names_is_that_mark() {
    let mut b = SnapshotBuilder::new(20260101);
    let mut city = curated("Manchester City", &[25], false);
    city.pseudo_marks = vec!["Man City".into()];
    b.add(city);
    for (w, z) in [
        ("man", 5.8),
        ("city", 5.2),
        ("manchester", 3.9),
        ("tee", 3.0),
        ("fans", 4.3),
        ("for", 7.0),
        ("night", 5.5),
    ] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let r = e.check(&title("Tee for Manchester City Fans Man City"));
    assert_eq!(
        flagged(&r),
        vec![
            ("Manchester City", FindingKind::FamousBrand, Severity::High),
            ("Man City", FindingKind::FamousBrand, Severity::Medium)
        ]
    );
    assert!(
        r.findings[1]
            .reason
            .contains("another name of Manchester City, which this listing names"),
        "{}",
        r.findings[1].reason
    );
    assert_eq!(flagged(&e.check(&title("Man City Night Tee"))), vec![]);
}

/// A word that is both the short form of a mark named in full and another name of it
/// ("Golf" of "VW Golf", whose curated row gives "Golf" too) is one finding, not two.
#[test]
fn a_short_form_that_is_also_another_name_of_the_mark_is_one_finding() {
    let mut b = SnapshotBuilder::new(20260101);
    let mut golf = curated("VW Golf", &[12], true);
    golf.pseudo_marks = vec!["Volkswagen Golf".into(), "Golf".into()];
    b.add(golf);
    for (w, z) in [
        ("golf", 4.2),
        ("volkswagen", 3.5),
        ("seat", 4.6),
        ("covers", 4.0),
        ("for", 7.0),
        ("the", 7.7),
        ("sport", 4.6),
        ("seats", 4.0),
        ("cut", 4.8),
    ] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let listing = Listing {
        bullets: vec!["Cut for the Golf sport seats".into()],
        ..title("Seat Covers for Volkswagen Golf")
    };
    let golf_in_bullet: Vec<_> = e
        .check(&listing)
        .findings
        .into_iter()
        .filter(|f| f.index == Some(0))
        .map(|f| (f.text, f.severity))
        .collect();
    assert_eq!(golf_in_bullet, vec![("Golf".to_owned(), Severity::Medium)]);
}

/// A number with a unit of the listing vocabulary after a registered name ("Mango Shea
/// 250ml") is a quantity, which says nothing of a brand; a model code after it does.
#[test]
fn a_quantity_after_a_registered_name_is_no_model_code() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(rec("SHEA", &[3]));
    b.add_listing_word("ml", 3.0);
    for (w, z) in [
        ("shea", 3.2),
        ("body", 5.0),
        ("butter", 4.0),
        ("mango", 3.3),
    ] {
        b.add_word_frequency(w, z);
    }
    b.mark_name("shea");
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let cosmetics = "Beauty & Personal Care > Skin Care > Body Butter";
    assert_eq!(
        flagged(&e.check(&titled_in("Body Butter Mango Shea 250ml", cosmetics))),
        vec![]
    );
    // Letters after the number that are no unit of the vocabulary make a model code.
    for code in ["X250", "250xq"] {
        assert_eq!(
            flagged(&e.check(&titled_in(
                &format!("Body Butter Mango Shea {code}"),
                cosmetics
            ))),
            vec![("Shea", FindingKind::RegisteredMark, Severity::High)],
            "{code}"
        );
    }
}

/// A famous phrase of ordinary words alone on goods none of the brand's is the words
/// ("Ice Cube Tray"); the same brand found by a spelling its curated row gives ("Kiss
/// Band" of KISS) is named, whatever the goods.
#[test]
fn a_famous_phrase_of_words_on_other_goods_is_the_words_unless_spelt_as_the_brand() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Ice Cube", &[9, 41], false));
    let mut kiss = curated("KISS", &[9, 25, 41], false);
    kiss.pseudo_marks = vec!["Kiss Band".into()];
    b.add(kiss);
    for (w, z) in [
        ("ice", 4.6),
        ("cube", 3.4),
        ("tray", 3.3),
        ("kiss", 4.9),
        ("band", 4.6),
        ("figure", 3.8),
        ("set", 5.0),
    ] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let kitchen = "Home & Kitchen > Kitchen & Dining > Ice Trays";
    let toys = "Toys & Games > Action Figures";
    assert_eq!(
        flagged(&e.check(&titled_in("Silicone Ice Cube Tray", kitchen))),
        vec![]
    );
    assert_eq!(
        flagged(&e.check(&titled_in("Kiss Band Figure Set", toys))),
        vec![("Kiss Band", FindingKind::FamousBrand, Severity::High)]
    );
}

/// The seller's own brand names no goods: "I Ball" sells hard disks, so the listing is
/// not about balls (toys), where the truck maker Ram's marks are.
#[test]
fn the_sellers_brand_is_no_product_noun() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Ram", &[12, 28], true));
    b.add_listing_word("ram", 3.8);
    for (w, z) in [
        ("ball", 4.5),
        ("dual", 3.5),
        ("core", 3.9),
        ("hard", 5.0),
        ("disk", 3.5),
    ] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let mut listing = title("I Ball Dual Core 2 RAM 160 Hard Disk");
    let high = |l: &Listing| -> Vec<String> {
        e.check(l)
            .findings
            .iter()
            .filter(|f| f.severity > Severity::Low)
            .map(|f| f.text.clone())
            .collect()
    };
    assert_eq!(
        high(&listing),
        ["RAM"],
        "read as a toy listing, Ram's goods"
    );
    listing.brand = Some("I Ball".into());
    assert_eq!(high(&listing), Vec::<String>::new());
}
