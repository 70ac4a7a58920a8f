//! The engine with a reference corpus: `check` adds the copied-copy pass's findings to
//! the marks pass's, in field order, and its informational (low) ones only on request.
//! Beside the engine because the corpus is the engine's to hold, add to and drop.

use super::{Engine, Options};
use crate::corpus::{CorpusIndex, CorpusListing};
use crate::listing::{Field, FindingKind, Listing, Severity};
use crate::register::snapshot::{Snapshot, SnapshotBuilder};
use crate::register::{Record, Register};

/// A maker's bullet of 36 words: copied whole, 15 consecutive words and more.
const SOURCE: &str = "Complete toy pots and pans set: the making dinner for eight cookware set \
    is the perfect addition to your cooking playset. The colorful assortment of pots, pans, \
    tools and utensils will inspire your child to cook up hours of fun!";

fn engine() -> Engine {
    let mut b = SnapshotBuilder::new(20260101);
    let mut hubsan = Record::new(Register::US, "HUBSAN", "Hubsan Inc.");
    hubsan.classes = vec![9, 28];
    b.add(hubsan);
    Engine::new(Snapshot::from_bytes(b.finish(None)).unwrap())
}

/// The maker's listing, titled with its brand, Play Circle.
fn makers_listing() -> CorpusListing {
    CorpusListing {
        id: "ref:1".into(),
        title: Some("Play Circle Cookware Set for Kids".into()),
        bullets: vec![SOURCE.into()],
        ..Default::default()
    }
}

fn corpus() -> CorpusIndex {
    let mut c = CorpusIndex::new(100);
    c.add(makers_listing());
    c
}

/// A listing titled `title` with the maker's bullet after a Hubsan bullet.
fn copying(title: &str) -> Listing {
    Listing {
        id: "mine".into(),
        title: Some(title.into()),
        bullets: vec!["Hubsan drone spares".into(), SOURCE.into()],
        ..Default::default()
    }
}

/// (field, bullet, kind, severity) of each finding of `e` on `l`, in report order.
fn found(e: &Engine, l: &Listing) -> Vec<(Field, Option<usize>, FindingKind, Severity)> {
    e.check(l)
        .findings
        .into_iter()
        .map(|f| (f.field, f.index, f.kind, f.severity))
        .collect()
}

const HUBSAN: (Field, Option<usize>, FindingKind, Severity) = (
    Field::Bullets,
    Some(0),
    FindingKind::RegisteredMark,
    Severity::High,
);

#[test]
fn without_a_corpus_no_copy_is_looked_for() {
    let mut e = engine();
    assert!(e.corpus_mut().is_none());
    assert_eq!(found(&e, &copying("Zeta cookware")), [HUBSAN]);
    e.set_corpus(Some(corpus()));
    e.set_corpus(None);
    assert_eq!(found(&e, &copying("Zeta cookware")), [HUBSAN]);
}

#[test]
fn a_copy_of_another_brands_text_follows_the_marks_in_field_order() {
    let mut e = engine();
    e.set_corpus(Some(corpus()));
    assert_eq!(
        found(&e, &copying("Zeta cookware")),
        [
            HUBSAN,
            (
                Field::Bullets,
                Some(1),
                FindingKind::CopiedCopy,
                Severity::High
            )
        ]
    );
}

#[test]
fn the_makers_own_text_is_low_and_shown_only_on_request() {
    let mut e = engine();
    e.set_corpus(Some(corpus()));
    // The same brand's listing (the titles' first word): the maker's text, informational.
    let own = copying("Play kitchen for kids");
    assert_eq!(found(&e, &own), [HUBSAN]);
    e.set_options(Options {
        show_low: true,
        ..Options::default()
    });
    assert_eq!(
        found(&e, &own),
        [
            HUBSAN,
            (
                Field::Bullets,
                Some(1),
                FindingKind::CopiedCopy,
                Severity::Low
            )
        ]
    );
}

#[test]
fn listings_added_to_the_engines_corpus_are_searched_from_the_next_check() {
    let mut e = engine();
    e.set_corpus(Some(CorpusIndex::new(100)));
    assert_eq!(found(&e, &copying("Zeta cookware")), [HUBSAN]);
    e.corpus_mut()
        .expect("the engine holds a corpus")
        .add(makers_listing());
    assert_eq!(found(&e, &copying("Zeta cookware")).len(), 2);
}
