//! The engine with a seller's watch list: watched marks are found like registered ones,
//! in disguise too, and the seller's own brands still win. Beside the engine because the
//! watch list is searched inside its passes.

use super::{Engine, Options};
use crate::listing::{FindingKind, Listing, Severity};
use crate::register::snapshot::{Snapshot, SnapshotBuilder};
use crate::register::watch_csv;
use crate::register::watch_list::WatchList;
use crate::register::{Record, Register};

fn engine() -> Engine {
    let mut b = SnapshotBuilder::new(20260101);
    let mut hubsan = Record::new(Register::US, "HUBSAN", "Hubsan Inc.");
    hubsan.classes = vec![9, 28];
    b.add(hubsan);
    for (w, z) in [("glow", 4.2), ("in", 7.3), ("the", 7.5), ("dark", 5.0)] {
        b.add_word_frequency(w, z);
    }
    for w in ["spare", "blades", "for", "kettle", "toy", "shirt", "stars"] {
        b.add_word_frequency(w, 4.0);
    }
    Engine::new(Snapshot::from_bytes(b.finish(None)).unwrap())
}

fn watching(csv: &str) -> Engine {
    let mut e = engine();
    let list = watch_csv::parse(csv.as_bytes()).unwrap();
    assert!(list.errors.is_empty(), "{:?}", list.errors);
    e.set_watch_list(WatchList::new(list.records));
    e
}

fn title(t: &str) -> Listing {
    Listing {
        id: "t".into(),
        title: Some(t.into()),
        ..Default::default()
    }
}

fn flags(e: &Engine, l: &Listing) -> Vec<(String, FindingKind, Severity)> {
    e.check(l)
        .findings
        .into_iter()
        .map(|f| (f.text, f.kind, f.severity))
        .collect()
}

#[test]
fn the_engine_holds_the_watch_list_it_was_given() {
    assert!(engine().watch_list().is_empty());
    let e = watching("name,owner\nZorblax,Zorb Inc.\nQuixbrand,Q Ltd\n");
    assert_eq!(e.watch_list().len(), 2);
}

#[test]
fn a_watched_mark_is_flagged_as_a_registered_mark_citing_the_watch_list() {
    let e = watching("name,owner\nZorblax,Zorb Inc.\n");
    let report = e.check(&title("Zorblax toy kettle"));
    let f = &report.findings[0];
    assert_eq!((f.start, f.end, f.text.as_str()), (0, 7, "Zorblax"));
    assert_eq!(
        (f.kind, f.severity),
        (FindingKind::RegisteredMark, Severity::High)
    );
    assert_eq!(f.mark, "Zorblax");
    assert_eq!(f.records[0].register, "WATCH");
    assert_eq!(f.records[0].owner, "Zorb Inc.");
    assert!(f.reason.contains("on your watch list"), "{}", f.reason);
    assert!(!f.reason.contains("registered"), "{}", f.reason);
    // Without the list the word is nothing.
    assert!(engine()
        .check(&title("Zorblax toy kettle"))
        .findings
        .is_empty());
}

#[test]
fn disguises_of_a_watched_mark_are_lookalikes() {
    let e = watching("name\nZorblax\n");
    for text in ["Zorblx toy", "Z0rblax toy", "Zorb lax toy", "Ζorblax toy"] {
        let got = flags(&e, &title(text));
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].1, FindingKind::Lookalike, "{text}");
    }
}

#[test]
fn aliases_and_phrases_are_found() {
    let e = watching("name,aliases\nAcme Rocket,Rocketeer Pro\n");
    let got = flags(&e, &title("spare blades for Acme Rocket and Rocketeer Pro"));
    let texts: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(texts, ["Acme Rocket", "Rocketeer Pro"]);
}

#[test]
fn the_sellers_own_brand_wins_over_the_watch_list() {
    let mut e = watching("name\nZorblax\n");
    e.set_own_brands(vec!["Zorblax".into()]);
    assert!(flags(&e, &title("Zorblax toy kettle")).is_empty());
    let e = watching("name\nZorblax\n");
    let mut l = title("Zorblax toy kettle");
    l.brand = Some("ZORBLAX".into());
    assert!(flags(&e, &l).is_empty());
}

#[test]
fn classes_scope_a_watched_mark_like_a_registration() {
    let e = watching("name,classes\nZorblax,9\n");
    let mut l = title("Zorblax shirt");
    l.category = Some("Clothing, Shoes & Jewelry".into());
    let got = flags(&e, &l);
    assert_eq!(got[0].2, Severity::Medium, "{got:?}");
}

#[test]
fn an_everyday_word_on_the_list_needs_brand_evidence() {
    let mut e = watching("name\nGlow\n");
    assert!(flags(&e, &title("glow in the dark stars")).is_empty());
    e.set_options(Options {
        show_low: true,
        ..Options::default()
    });
    assert_eq!(
        flags(&e, &title("glow in the dark stars"))[0].2,
        Severity::Low
    );
}

#[test]
fn a_mark_in_both_cites_both_and_register_filters_spare_the_watch_list() {
    let mut e = watching("name,owner\nHubsan,Complaint 2026-05\n");
    let report = e.check(&title("spare blades for Hubsan"));
    let registers: Vec<&str> = report.findings[0]
        .records
        .iter()
        .map(|r| r.register.as_str())
        .collect();
    assert_eq!(registers.len(), 2);
    assert!(registers.contains(&"US") && registers.contains(&"WATCH"));
    assert!(report.findings[0]
        .reason
        .contains("also on your watch list"));
    e.set_options(Options {
        registers: vec![Register::EU],
        ..Options::default()
    });
    let report = e.check(&title("spare blades for Hubsan"));
    assert_eq!(report.findings[0].records[0].register, "WATCH");
}

#[test]
fn replacing_the_list_forgets_the_old_marks() {
    let mut e = watching("name\nZorblax\n");
    e.set_watch_list(WatchList::default());
    assert!(flags(&e, &title("Zorblax toy")).is_empty());
    assert!(e.watch_list().is_empty());
}

#[test]
fn a_new_watch_list_is_searched_by_the_same_engine_after_earlier_checks() {
    // The engine keeps typo verdicts and what it read of records between checks; a new list
    // must not be hidden behind what the old one (or none) answered.
    let mut e = engine();
    assert!(e.check(&title("Zorblx toy")).findings.is_empty());
    let first = watch_csv::parse("name,owner\nZorblax,Zorb Inc.\n".as_bytes()).unwrap();
    e.set_watch_list(WatchList::new(first.records));
    let got = flags(&e, &title("Zorblx toy"));
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, FindingKind::Lookalike);
    // A replacement list at the same positions cites its own records.
    let second = watch_csv::parse("name,owner\nZorblax,Other Owner\n".as_bytes()).unwrap();
    e.set_watch_list(WatchList::new(second.records));
    let report = e.check(&title("Zorblax toy"));
    assert_eq!(report.findings[0].records[0].owner, "Other Owner");
}

/// A watch list set after checks is searched at once: nothing the engine kept of
/// earlier checks (records, typo verdicts, keys looked up) hides its marks, and a list
/// taken away takes its marks with it.
#[test]
fn a_watch_list_set_between_checks_is_searched_from_the_next_check() {
    let mut e = engine();
    let listing = title("Zorblax toy kettle");
    assert_eq!(flags(&e, &listing), vec![]);
    let list = watch_csv::parse("name,owner\nZorblax,Zorb Inc.\n".as_bytes()).unwrap();
    e.set_watch_list(WatchList::new(list.records));
    assert_eq!(
        flags(&e, &listing),
        vec![(
            "Zorblax".into(),
            FindingKind::RegisteredMark,
            Severity::High
        )]
    );
    e.set_watch_list(WatchList::default());
    assert_eq!(flags(&e, &listing), vec![]);
}
