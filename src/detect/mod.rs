//! Detection: from listing text and a register snapshot to findings.
//!
//! [`Engine::check`] reads like the pipeline it runs, one module per step:
//!
//! 1. [`classes`] — which Nice classes the listing is about (category, product nouns);
//! 2. [`own_brand`] — where the seller's own brand stands, so it is never flagged;
//! 3. [`marks`] — candidate spans: the longest register keys at word boundaries (FST walk
//!    from each word start, joining spaced spellings);
//! 4. [`lookalike`] — typos, leetspeak and homoglyph disguises of distinctive marks;
//! 5. [`ordinary`] — evidence whether a common word is used as a brand or as the word;
//! 6. [`risk`] — kind, severity and the reason that names the deciding evidence;
//! 7. [`suggest`] — a safer wording or "remove";
//! 8. [`short_form`] — the last word of a multi-word mark the listing names in full,
//!    standing alone ("Zelda" after "Legend of Zelda");
//! 9. [`franchise`] — ordinary-word members of a franchise the listing names ("George"
//!    in a Peppa Pig listing).
//!
//! Copied copy (runs taken from other sellers' listings) is a separate pass over the
//! same fields, [`copy`], that plugs in with [`Engine::set_corpus`].
//!
//! The seller's watch list ([`Engine::set_watch_list`]) is searched beside the snapshot
//! by the same passes: its marks are found exactly, spaced, in homoglyphs, leetspeak and
//! typos like registered ones, and its records are judged like registrations
//! ([`risk`]: `registered_mark`, high for a coined mark within its classes or without
//! any, medium outside them; an everyday word needs brand-position evidence). A key in
//! both has the records of both. The seller's own brands still win.
//! This module must not know about wasm, the DOM or the CLI.
//!
//! ```
//! use clearmark::detect::Engine;
//! use clearmark::register::snapshot::{Snapshot, SnapshotBuilder};
//! use clearmark::register::{Record, Register};
//! use clearmark::{Listing, Severity};
//!
//! let mut b = SnapshotBuilder::new(20260101);
//! let mut r = Record::new(Register::US, "HUBSAN", "Hubsan Inc.");
//! r.classes = vec![28];
//! b.add(r);
//! let engine = Engine::new(Snapshot::from_bytes(b.finish(None)).unwrap());
//! let listing = Listing {
//!     id: "sku-1".into(),
//!     title: Some("Spare blades for Hubsan X4 quadcopter".into()),
//!     ..Default::default()
//! };
//! let report = engine.check(&listing);
//! assert_eq!(report.findings[0].text, "Hubsan");
//! assert_eq!(report.findings[0].severity, Severity::High);
//! ```

pub mod classes;
pub mod copy;
pub mod franchise;
pub mod key_records;
pub mod lookalike;
pub mod marks;
pub mod ordinary;
pub mod own_brand;
pub mod risk;
pub mod short_form;
pub mod suggest;
#[cfg(test)]
mod watch_tests;

use crate::corpus::CorpusIndex;
use crate::listing::{Field, Finding, Listing, Report, Severity};
use crate::register::snapshot::{word_value_zipf, Snapshot, WORD_IS_GIVEN_NAME, WORD_IS_NAME};
use crate::register::watch_list::WatchList;
use crate::register::{Record, Register};
use crate::text::{self, Joiner, Normalized, Shape, Token};
use key_records::{Keeper, KeyRecords, Registers};
use lookalike::Trick;
use ordinary::{Case, Gap, Style, Usage, Word};
use own_brand::OwnBrands;
use std::cell::OnceCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex};

/// The shortest part of a compound word ("key" in "keychain") that makes it two known
/// words rather than a two-letter typo of a mark.
const COMPOUND_PART_LETTERS: usize = 3;

/// How common a word glued to a mark must be to be read as the seller's filler
/// ("style" 4.5, "toy" 4.2): a rarer one makes a compound name of its own
/// ("AmazonBasics", "Mustangberger", "Rockmantra").
const GLUED_WORD_ZIPF: f32 = 4.0;

/// Below this frequency a word the word evidence holds (or only a list of first names
/// does) may still be one word of a multi-word mark misspelt, where the mark's other
/// words stand exactly around it ("Stanly Quencher", "Hydro Flaks"): so rare a word is
/// less likely there than the mark.
const RARE_WORD_ZIPF: f32 = 2.5;

/// The fewest single letters that, joined, spell a mark ("N.I.K.E"): three single
/// letters are an abbreviation ("U S A").
const SPELT_OUT_LETTERS: usize = 4;

/// The shortest ordinary word read as glued to a mark ("style" in "Barbiestyle"): two
/// letters are as often a mark's own ending.
const GLUED_WORD_LETTERS: usize = 3;

/// The most words whose typo verdict the engine keeps between checks.
const KEPT_TYPOS: usize = 10_000;

/// The most letters of a unit glued to a number ("mah", "pcs").
const MEASUREMENT_UNIT_LETTERS: usize = 3;

/// The typo search's verdict on each word searched so far (known words included, whose
/// verdict is that they are no typo): a product's words recur in title, bullets and
/// description and from one keystroke's check to the next, and the search is the
/// costliest step per word. Emptied when it would hold more than [`KEPT_TYPOS`] words
/// and when the options change.
type Typos = Mutex<HashMap<String, Option<lookalike::Near>>>;

/// The word evidence's value (frequency and flags) of each word looked up so far, `None`
/// for a word it does not hold ([`Engine::word_value`]): asked of nearly every word of
/// every field by several passes, and fixed for a snapshot; a lookup here is several
/// times cheaper than one in the words index. Emptied past [`KEPT_TYPOS`] words.
type WordValues = Mutex<HashMap<String, Option<u64>>>;

/// Where each word looked up so far leads in the snapshot's mark index
/// ([`marks::Prefix`], `None` for a word no key starts with): every word of every field
/// starts a walk of the index, and the first word's walk is most of a walk's cost; a
/// lookup here is several times cheaper. Emptied past [`KEPT_TYPOS`] words.
type MarkPrefixes = Mutex<HashMap<String, Option<marks::Prefix>>>;

/// What every field of one listing is checked with.
struct ListingContext {
    /// The seller's own brands (engine-wide and the listing's `brand`).
    own: OwnBrands,
    /// The listing's Nice classes, as a [`risk::class_mask`].
    classes: u64,
}

/// What the word index says of one candidate's key, read once for both judgements of
/// it (see [`Engine::judge`]).
struct KeyEvidence {
    /// The key as a common word or phrase, with its Zipf value (see
    /// [`Engine::common_word`]); `None` when it is not one, or is judged as coined.
    common: Option<(String, f32)>,
    /// [`risk::Facts::name`] and [`risk::Facts::vocabulary`], read the first time the
    /// candidate gets that far.
    name_vocabulary: OnceCell<(bool, bool)>,
}

/// Gives the record a claim names, for citing (see [`KeyRecords::cite`]).
type Cite<'a> = dyn Fn(u32) -> Option<Arc<Record>> + 'a;

/// What the engine reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Registers whose records count (`US`, `EU`); famous-brand lists and watch lists
    /// always count. Empty: every register.
    pub registers: Vec<Register>,
    /// Report low-severity (informational) findings too.
    pub show_low: bool,
}

/// The detector: a register snapshot, the seller's own brands and options. Build it once
/// and call [`Engine::check`] for every listing; it holds no per-listing state.
pub struct Engine {
    snapshot: Snapshot,
    own_brands: Vec<String>,
    options: Options,
    /// Other sellers' listings for the copied-copy pass (see [`copy`]).
    corpus: Option<CorpusIndex>,
    /// The seller's watch list, searched beside the snapshot.
    watch: WatchList,
    /// What earlier checks read of the records behind keys.
    kept: Keeper,
    /// Words searched for typos by earlier checks.
    typos: Typos,
    /// Words looked up in the word evidence by earlier checks, with what it holds.
    word_values: WordValues,
    /// Words looked up in the mark index by earlier checks, with where they lead.
    mark_prefixes: MarkPrefixes,
}

/// One span the passes found, before judgement.
struct Candidate {
    words: Range<usize>,
    value: u64,
    key: String,
    /// How the span disguises the mark, if it does.
    disguise: Option<String>,
    /// The disguise is a misspelling alone (see [`risk::Facts::misspelt`]).
    misspelt: bool,
    /// The words were joined without the key's spaces (`Play Station`).
    joined: bool,
    /// Written with a capital inside a word (`LeapFrog`, `iPad`): see
    /// [`risk::Facts::coined_spelling`].
    coined_spelling: bool,
}

impl Engine {
    /// An engine over `snapshot`, with no own brands and default [`Options`].
    pub fn new(snapshot: Snapshot) -> Engine {
        Engine {
            snapshot,
            own_brands: Vec::new(),
            options: Options::default(),
            corpus: None,
            watch: WatchList::default(),
            kept: Keeper::default(),
            typos: Typos::default(),
            word_values: WordValues::default(),
            mark_prefixes: MarkPrefixes::default(),
        }
    }

    /// Replaces the seller's watch list: marks to flag as if registered, in addition to
    /// the snapshot's (see the module docs). An empty list turns it off.
    pub fn set_watch_list(&mut self, watch: WatchList) {
        self.watch = watch;
        // Kept records and typo verdicts came from the old list too (its values are
        // positions in it, reused by the new one).
        self.kept = Keeper::default();
        self.typos = Typos::default();
    }

    /// The watch list in use.
    pub fn watch_list(&self) -> &WatchList {
        &self.watch
    }

    /// The seller's own brands, never flagged in any listing (in addition to each
    /// listing's `brand`).
    pub fn set_own_brands(&mut self, names: Vec<String>) {
        self.own_brands = names;
    }

    /// Sets what the engine reports.
    pub fn set_options(&mut self, options: Options) {
        self.options = options;
        // Kept records were filtered by the old options, and typo verdicts depend on them.
        self.kept = Keeper::default();
        self.typos = Typos::default();
    }

    /// Gives the engine a reference corpus: from then on [`check`](Engine::check)
    /// adds the copied-copy findings of [`copy::find`] (low ones only with
    /// [`Options::show_low`](Options::show_low)). `None` turns the pass off.
    pub fn set_corpus(&mut self, corpus: Option<CorpusIndex>) {
        self.corpus = corpus;
    }

    /// The reference corpus, to add or remove listings in place.
    pub fn corpus_mut(&mut self) -> Option<&mut CorpusIndex> {
        self.corpus.as_mut()
    }

    /// The snapshot the engine checks against.
    pub fn snapshot(&self) -> &Snapshot {
        &self.snapshot
    }

    /// Checks one listing: every finding in every field, ordered by field, bullet index
    /// and start. Never panics on any input text; checks only what
    /// [`Listing::clipped`] keeps, and reports at most
    /// [`MAX_FINDINGS_PER_FIELD`](crate::listing::MAX_FINDINGS_PER_FIELD) findings a field.
    pub fn check(&self, listing: &Listing) -> Report {
        // Bounded work for any input: past the documented caps nothing is checked.
        let listing = &*listing.clipped();
        let own = OwnBrands::new(
            self.own_brands
                .iter()
                .map(String::as_str)
                .chain(listing.brand.as_deref()),
        );
        let mut texts: Vec<&str> = listing.title.as_deref().into_iter().collect();
        texts.extend(listing.bullets.iter().map(String::as_str));
        let listing_classes = classes::infer(listing.category.as_deref(), &texts);

        let ctx = ListingContext {
            own,
            classes: risk::class_mask(&listing_classes),
        };
        let mut findings = Vec::new();
        let mut set_aside = Vec::new();
        // Each field normalised once, for its check and the short forms after.
        let mut normalized = Vec::new();
        for (field, index, original) in listing.fields() {
            let before = findings.len();
            let norm = text::normalize(original);
            self.check_field(
                (field, index),
                original,
                &norm,
                &ctx,
                &mut findings,
                &mut set_aside,
            );
            findings.truncate(before + crate::listing::MAX_FINDINGS_PER_FIELD);
            normalized.push(norm);
        }
        let mut short = self.short_forms(listing, &normalized, &findings, &ctx.own);
        short.extend(self.franchise_members(&findings, &set_aside));
        if !short.is_empty() {
            findings.retain(|f| {
                f.severity > Severity::Low
                    || !short
                        .iter()
                        .any(|s| overlaps(s, (f.field, f.index), f.start..f.end))
            });
            findings.extend(short);
            findings.sort_by_key(|f| (f.field, f.index, f.start));
        }
        if let Some(corpus) = &self.corpus {
            let copied = copy::find_with_own_brands(corpus, listing, &self.own_brands);
            findings.extend(
                copied
                    .into_iter()
                    .filter(|f| self.options.show_low || f.severity > Severity::Low),
            );
            findings.sort_by_key(|f| (f.field, f.index, f.start));
        }
        Report {
            id: listing.id.clone(),
            findings,
        }
    }

    fn check_field(
        &self,
        (field, index): (Field, Option<usize>),
        original: &str,
        norm: &Normalized,
        ctx: &ListingContext,
        out: &mut Vec<Finding>,
        set_aside: &mut Vec<franchise::SetAside>,
    ) {
        let (own, listing_classes) = (&ctx.own, ctx.classes);
        let tokens = norm.tokens();
        if tokens.is_empty() {
            return;
        }
        let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();

        // The seller's own brand is never a candidate.
        let occurrences = own.occurrences(&words);
        let mut blocked = vec![false; words.len()];
        for o in &occurrences {
            blocked[o.words.clone()].iter_mut().for_each(|b| *b = true);
        }

        // Exact marks, then disguises of marks in the words left over.
        let mut candidates = self.exact_candidates(norm, &words, &blocked);
        if occurrences.iter().any(|o| o.partial) {
            let longer =
                self.give_way_to_longer_marks(norm, &words, own, &occurrences, &mut blocked);
            candidates.retain(|c| {
                longer
                    .iter()
                    .all(|l| c.words.end <= l.words.start || l.words.end <= c.words.start)
            });
            candidates.extend(longer);
            candidates.sort_by_key(|c| c.words.start);
        }
        let mut taken = blocked.clone();
        for c in &candidates {
            taken[c.words.clone()].iter_mut().for_each(|t| *t = true);
        }
        self.leet_candidates(norm, &mut taken, &mut candidates);
        self.typo_candidates(tokens, &mut taken, &mut candidates);
        self.phrase_candidates(norm, &mut taken, &mut candidates);
        candidates.sort_by_key(|c| c.words.start);
        // The seller's own brand spelt otherwise ("Disneystore" by Disney) is their own.
        candidates.retain(|c| {
            !own.names(&words[c.words.clone()])
                && (c.disguise.is_none() || !own.names(&[c.key.as_str()]))
        });
        // Candidates are in text order: one cursor walks the field once.
        let mut spelling = Utf16Cursor::new(original);
        let mut measurements = vec![false; candidates.len()];
        for (c, measurement) in candidates.iter_mut().zip(&mut measurements) {
            let written = spelling.slice(tokens[c.words.start].start, tokens[c.words.end - 1].end);
            c.coined_spelling = coined_spelling(written);
            *measurement = self.is_measurement(written);
        }
        // "3m" of cable is three metres, not 3M: a number with a unit written in lower
        // case is a measurement, never a mark.
        let mut is_measurement = measurements.into_iter();
        candidates.retain(|_| !is_measurement.next().unwrap_or(false));

        // Evidence about each span's use, then the verdict. Neighbouring brands are
        // evidence too, so judge twice: first with only coined neighbours counting as
        // brands, then with every neighbour the first pass flagged.
        let mut views = word_views(tokens, &blocked, &|w| {
            self.snapshot.word_is_listing_vocabulary(w)
        });
        let style = Style::of(&views);
        let evidence: Vec<KeyEvidence> = candidates
            .iter()
            .map(|c| match &c.disguise {
                // A disguise is itself the evidence: nobody hides an ordinary word.
                Some(_) if !c.joined || self.distinctive(&c.key) => None,
                // A name is coined by its capitals: written in lower case where the
                // seller capitalises names ("the bucking bronco"), it is a word.
                _ if self.famous_name(&c.key)
                    && !self.snapshot.word_is_listing_vocabulary(&c.key)
                    && !(style != Style::Lower
                        && views[c.words.clone()].iter().all(|w| w.case == Case::Lower)) =>
                {
                    None
                }
                _ => self
                    .common_word(&c.key)
                    .or_else(|| self.common_without_the(&c.key, &words[c.words.clone()]))
                    .or_else(|| self.listed_phrase_of_words(&c.key)),
            })
            .map(|common| KeyEvidence {
                common,
                name_vocabulary: OnceCell::new(),
            })
            .collect();
        for (c, e) in candidates.iter().zip(&evidence) {
            if e.common.is_none() {
                views[c.words.clone()]
                    .iter_mut()
                    .for_each(|w| w.in_mark = true);
            }
        }
        let first: Vec<Option<Severity>> = candidates
            .iter()
            .zip(&evidence)
            .map(|(c, e)| {
                self.judge(c, e, &views, style, listing_classes, |_, a, _| {
                    Some(a.severity)
                })
                .map(|(s, _)| s)
            })
            .collect();
        for (c, sev) in candidates.iter().zip(&first) {
            let brand = sev.is_some_and(|s| s > Severity::Low);
            views[c.words.clone()]
                .iter_mut()
                .for_each(|w| w.in_mark = brand);
        }
        let mut cursor = Utf16Cursor::new(original);
        for (c, e) in candidates.iter().zip(&evidence) {
            // Records are cited only for findings that are reported.
            let reported = |f: &risk::Facts<'_>, a: risk::Assessment, cite: &Cite<'_>| {
                (a.severity > Severity::Low || self.options.show_low).then(|| a.verdict(f, cite))
            };
            let judged = self.judge(c, e, &views, style, listing_classes, reported);
            let (start, end) = (tokens[c.words.start].start, tokens[c.words.end - 1].end);
            if judged
                .as_ref()
                .is_none_or(|(v, _)| v.severity == Severity::Low)
                && self.may_be_franchise_member(c, &views)
            {
                set_aside.push(franchise::SetAside {
                    field,
                    index,
                    start,
                    end,
                    text: text::slice_utf16(original, start..end)
                        .unwrap_or_default()
                        .to_owned(),
                    key: c.key.clone(),
                    value: c.value,
                    fans: franchise::for_its_fans(&views, c.words.clone()),
                });
            }
            let Some((v, usage)) = judged else {
                continue;
            };
            out.push(Finding {
                field,
                index,
                start,
                end,
                text: cursor.slice(start, end).to_owned(),
                kind: v.kind,
                severity: v.severity,
                mark: v.mark,
                reason: v.reason,
                records: v.records,
                suggestion: suggest::suggest(&c.key, &usage),
                source: None,
                enforcement: v.enforcement,
            });
        }
    }

    /// Whether a candidate judged low may be a member of a franchise the listing names
    /// ([`franchise`]): written as a name (capitalised, not disguised) and held by a
    /// curated record.
    fn may_be_franchise_member(&self, c: &Candidate, views: &[Word<'_>]) -> bool {
        c.disguise.is_none()
            && views[c.words.clone()]
                .first()
                .is_some_and(|w| w.case == Case::Capitalised && !w.shouted)
            && {
                let kept = self.records(c.value, &c.key);
                kept.protection.enforced() || !kept.members.is_empty()
            }
    }

    /// The words of a matched phrase that name the brand: a phrase that is a mark
    /// followed by product nouns ("UGG Boots", "Barbie Doll", kept on the curated list
    /// as evidence that the mark is meant) is judged as the phrase, but underlines only
    /// the mark ("Boots" is the product, and a brand of its own elsewhere).
    fn brand_words(&self, words: &[&str], span: Range<usize>) -> Range<usize> {
        let mut end = span.end;
        while end - span.start > 1 && classes::is_product_noun(words[end - 1]) {
            end -= 1;
        }
        if end == span.end {
            return span;
        }
        let shorter = span.start..end;
        let key = words[shorter.clone()].join(" ");
        // An everyday word before them is no mark of its own ("The Flash" is not "The").
        if self.mark_value(&key).is_some()
            && self.zipf(&key).is_none_or(|z| z < ordinary::EVERYDAY_ZIPF)
        {
            shorter
        } else {
            span
        }
    }

    /// Marks that contain a partial mention of the seller's own brand and go beyond it
    /// ("Star Wars" where the brand is "Star Toys"): somebody else's, so they are
    /// candidates (in place of those that overlap them) and their words are no longer
    /// blocked.
    fn give_way_to_longer_marks(
        &self,
        norm: &Normalized,
        words: &[&str],
        own: &OwnBrands,
        occurrences: &[own_brand::Occurrence],
        blocked: &mut [bool],
    ) -> Vec<Candidate> {
        let mut firm = vec![false; words.len()];
        for o in occurrences.iter().filter(|o| !o.partial) {
            firm[o.words.clone()].iter_mut().for_each(|b| *b = true);
        }
        let longer: Vec<Candidate> = self
            .exact_candidates(norm, words, &firm)
            .into_iter()
            .filter(|c| {
                occurrences.iter().any(|o| {
                    o.partial
                        && c.words.start <= o.words.start
                        && o.words.end <= c.words.end
                        && c.words.len() > o.words.len()
                }) && !own.names(&words[c.words.clone()])
            })
            .collect();
        for c in &longer {
            blocked[c.words.clone()].iter_mut().for_each(|b| *b = false);
        }
        longer
    }

    /// The assessment of one candidate given the words around it, passed to `decide`
    /// with the facts it came from (to make a verdict of it or not).
    #[allow(clippy::too_many_arguments)]
    fn judge<T>(
        &self,
        c: &Candidate,
        evidence: &KeyEvidence,
        views: &[Word<'_>],
        style: Style,
        listing_classes: u64,
        decide: impl FnOnce(&risk::Facts<'_>, risk::Assessment, &Cite<'_>) -> Option<T>,
    ) -> Option<(T, Usage)> {
        let usage = ordinary::usage(views, c.words.clone(), style);
        let common = &evidence.common;
        if common.is_some() && matches!(usage, Usage::Ordinary { .. }) && !self.options.show_low {
            // A common word used as the word is at most low (see `risk::judge`), and low
            // findings are not reported: its records (hundreds for "star" or "blue") need
            // not be read.
            return None;
        }
        let kept = self.records(c.value, &c.key);
        let &(name, vocabulary) = evidence.name_vocabulary.get_or_init(|| {
            let vocabulary = c
                .key
                .split(' ')
                .all(|w| self.snapshot.word_is_listing_vocabulary(w));
            (
                // A capitalised word used as often as an everyday one is mostly a title
                // or a sentence's first word ("Sheriff", "No"), not a name; a word of
                // the listing vocabulary ("Mustang", "Jaguar") is a word first, whose
                // sense the listing decides.
                !c.key.contains(' ')
                    && self.snapshot.word_is_name(&c.key)
                    && !vocabulary
                    && self
                        .zipf(&c.key)
                        .is_some_and(|z| z < ordinary::EVERYDAY_ZIPF),
                vocabulary,
            )
        });
        let facts = risk::Facts {
            key: &c.key,
            protection: &kept.protection,
            listing_classes,
            common: common.as_ref().map(|(w, z)| (w.as_str(), *z)),
            usage: &usage,
            disguise: c.disguise.clone(),
            misspelt: c.misspelt,
            name,
            vocabulary,
            coined_spelling: c.coined_spelling,
            compound: ordinary::compound(views, c.words.clone()),
        };
        let assessment = risk::assess(&facts)?;
        let cite = |n: u32| kept.cite(n, &c.key, &self.snapshot);
        decide(&facts, assessment, &cite).map(|t| (t, usage))
    }

    /// Register keys spelled by the words, leftmost-longest; spaced spellings of a
    /// one-word mark and words with folded homoglyphs or removed invisible characters
    /// are disguises.
    fn exact_candidates(
        &self,
        norm: &Normalized,
        words: &[&str],
        blocked: &[bool],
    ) -> Vec<Candidate> {
        let tokens = norm.tokens();
        // Words joined without their space read as one mark only when the seller
        // split a word ("dai-mler", "Ad idas": a piece is no word of its own), the
        // joined spelling is itself a familiar word ("Play Station"), or hyphens split a
        // distinctive mark into words ("Star-bucks", "Pika-chu"); "in a" is not INA.
        let accept_joined = |r: Range<usize>| {
            let span = &words[r.clone()];
            let joined: String = span.concat();
            let hyphenated = tokens[r.start..r.end - 1]
                .iter()
                .all(|t| t.joiner == Joiner::Hyphen);
            // Letters spelt out one by one ("N.I.K.E", "L E G O") are a disguise of a
            // mark of any length from four: nobody writes a word so.
            let spelt_out = span.len() >= SPELT_OUT_LETTERS
                && span
                    .iter()
                    .all(|w| w.chars().count() == 1 && w.chars().all(char::is_alphabetic));
            (spelt_out && self.typo_target(&joined))
                || joined.chars().filter(|c| c.is_alphabetic()).count() >= 5
                    && (span.iter().any(|w| {
                        // A number is a word of its own ("Round 1" is not "Round1").
                        !w.chars().all(|c| c.is_ascii_digit())
                            && self.zipf(w).is_none_or(|z| z < ordinary::KNOWN_ZIPF)
                    }) || self
                        .zipf(&joined)
                        .is_some_and(|z| z >= ordinary::COMMON_ZIPF)
                        // "on-the-go" is a phrase, not a disguise of OnTheGo.
                        || (hyphenated
                            && self.typo_target(&joined)
                            && self.common_word(&span.join(" ")).is_none()))
        };
        // A mark's words are not split by a list's punctuation: "fast, furious" is two
        // words of a description, not Fast & Furious.
        let split_after: Vec<bool> = tokens
            .windows(2)
            .map(|pair| ends_segment(&norm.text()[pair[0].norm.end..pair[1].norm.start]))
            .collect();
        let index = self.snapshot.marks().as_fst();
        let mut all = marks::find_all(index, words, blocked, &split_after, &accept_joined, &|w| {
            kept_per_word(&self.mark_prefixes, w, || marks::prefix(index, w))
        });
        if !self.watch.is_empty() {
            let fst = self.watch.marks().as_fst();
            all.extend(marks::find_all(
                fst,
                words,
                blocked,
                &split_after,
                &accept_joined,
                &|w| marks::prefix(fst, w),
            ));
        }
        // Where two matches overlap, the one a registration or a famous brand stands
        // behind wins over a name that is only on a brand list.
        marks::resolve(all, |m| u8::from(self.records(m.value, &m.key).backed))
            .into_iter()
            .map(|mut m| {
                m.words = self.brand_words(words, m.words);
                let span = &tokens[m.words.clone()];
                let disguise = if span.iter().any(|t| t.homoglyphs_folded) {
                    Some("letters of another script standing in for Latin ones".to_owned())
                } else if span.iter().any(|t| t.invisible) {
                    Some("invisible characters inside the word".to_owned())
                } else if m.joined && !self.ordinary_word(&m.key) {
                    // An ordinary word written in two ("Bumble Bee") is the word.
                    Some(format!("{} split by spaces or hyphens", m.key))
                } else {
                    None
                };
                Candidate {
                    words: m.words,
                    value: m.value,
                    key: m.key,
                    disguise,
                    misspelt: false,
                    joined: m.joined,
                    coined_spelling: false,
                }
            })
            .collect()
    }

    /// Leetspeak: runs where digits or symbols stand in for letters, looked up under
    /// each reading the normaliser proposes, then searched for typos (a digit inside a
    /// misspelt word: "Sams0ng"). A reading that only replaces digits ending a word
    /// ("Nik3") counts only when the letters before them are no word ("Model3") or are a
    /// word less than everyday read as a mark whose owner sues sellers ("Fend1": "fend"
    /// is a word, Fendi the brand counterfeiters hide), and a reading of at most
    /// [`ordinary::ABBREVIATION_LETTERS`] letters never does ("S4S" is a model code, not
    /// SAS).
    fn leet_candidates(&self, norm: &Normalized, taken: &mut [bool], out: &mut Vec<Candidate>) {
        for run in norm.leet_runs() {
            let r = run.tokens.clone();
            if r.is_empty() || taken.get(r.clone()).is_none_or(|t| t.iter().any(|b| *b)) {
                continue;
            }
            // A word with a number after it ("Model3") is read only as a mark whose owner
            // sues sellers, exactly, and only when the word is not an everyday one.
            let word_and_number = run.tail_only && self.known_word(run.stem.as_str());
            if word_and_number
                && self
                    .zipf(run.stem.as_str())
                    .is_some_and(|z| z >= ordinary::EVERYDAY_ZIPF)
            {
                continue;
            }
            // A short reading is a model code ("S4S", "B2B"), not a disguised
            // abbreviation: a letter or two say too little to stand for a mark.
            let readable = |k: &&String| {
                k.chars().filter(|c| c.is_alphabetic()).count() > ordinary::ABBREVIATION_LETTERS
            };
            let hit = run
                .candidates
                .iter()
                .filter(readable)
                .find_map(|k| {
                    let v = self.mark_value(k)?;
                    let sues = || self.records(v, k).live_sues_sellers;
                    (self.distinctive(k) && (!word_and_number || sues())).then(|| (k.clone(), v))
                })
                .or_else(|| {
                    (run.tail_only && !word_and_number)
                        .then(|| self.digit_ending_any_letter(&run.stem))
                        .flatten()
                })
                .or_else(|| {
                    if word_and_number {
                        return None;
                    }
                    run.candidates
                        .iter()
                        .filter(readable)
                        .filter(|k| !k.contains(' '))
                        .find_map(|k| self.cached_typo_of(k))
                        .map(|n| (n.key, n.value))
                });
            if let Some((key, value)) = hit {
                taken[r.clone()].iter_mut().for_each(|t| *t = true);
                out.push(Candidate {
                    words: r,
                    value,
                    key,
                    disguise: Some("digits or symbols standing in for letters".to_owned()),
                    misspelt: false,
                    joined: false,
                    coined_spelling: false,
                });
            }
        }
    }

    /// A digit ending a word that is no word without it stands for whatever letter ends
    /// the mark ("Labub0" for Labubu, not only the letter it looks like): the
    /// distinctive mark that is `stem` and one letter. Fewer letters than
    /// [`ordinary::ABBREVIATION_LETTERS`] say too little; the first such mark in
    /// alphabetical order is the reading.
    fn digit_ending_any_letter(&self, stem: &str) -> Option<(String, u64)> {
        if stem.chars().count() < ordinary::ABBREVIATION_LETTERS {
            return None;
        }
        ('a'..='z').find_map(|c| {
            let key = format!("{stem}{c}");
            let v = self.mark_value(&key)?;
            self.distinctive(&key).then_some((key, v))
        })
    }

    /// Typos: single words, and two words joined by a hyphen ("Hub-asn", "Len-ovvo"),
    /// that are no known word and lie within the allowed edit distance of a mark worth
    /// looking for in disguise ([`Engine::typo_target`]). A word that differs from a
    /// mark only by accents ("Citroen") is the mark itself, not a disguise of it.
    fn typo_candidates(&self, tokens: &[Token], taken: &mut [bool], out: &mut Vec<Candidate>) {
        let word = |i: usize| tokens[i].text.as_str();
        let searchable = |free: bool, i: usize| {
            free && word(i).len() <= lookalike::MAX_WORD_BYTES
                && word(i).chars().all(char::is_alphabetic)
        };
        for i in 0..tokens.len() {
            // A word that only a name on a brand list spells ("Hub" of "Hub-asn") gives
            // way to a hyphenated disguise of a mark worth the search.
            let weak = |i: usize| {
                out.iter().any(|c| {
                    c.words == (i..i + 1)
                        && c.disguise.is_none()
                        && !self.records(c.value, &c.key).backed
                })
            };
            // Two words that make an everyday phrase hyphenated ("Ride-On", "Pull-Up")
            // are a compound, not a mark split to hide it.
            let pair = i + 1 < tokens.len()
                && tokens[i].joiner == Joiner::Hyphen
                && searchable(!taken[i] || weak(i), i)
                && searchable(!taken[i + 1] || weak(i + 1), i + 1)
                && self
                    .common_word(&format!("{} {}", word(i), word(i + 1)))
                    .is_none();
            let joined = pair
                .then(|| format!("{}{}", word(i), word(i + 1)))
                .and_then(|text| Some((i..i + 2, self.cached_typo_of(&text)?, text)));
            let single = || {
                (searchable(!taken[i], i)
                    && (word(i).chars().count() >= lookalike::MIN_WORD_LETTERS
                        || lookalike::is_skeleton(word(i))))
                .then(|| Some((i..i + 1, self.cached_typo_of(word(i))?, word(i).to_owned())))
                .flatten()
            };
            let Some((span, n, text)) = joined.or_else(single) else {
                continue;
            };
            // A capitalised word after a capitalised first name is a surname ("Freddy
            // Kruger"): a person's name, nobody's typo.
            if span.len() == 1 && self.after_a_first_name(tokens, span.start) {
                continue;
            }
            // Written as a word, one letter replaced by one unlike it is another name
            // ("Melman", not Meltan); a digit shows intent, and the leet pass reads those.
            if n.trick == Trick::Edits && lookalike::changes_the_name(&text, &n.key) {
                continue;
            }
            out.retain(|c| c.words.end <= span.start || span.end <= c.words.start);
            // A hyphen where the mark is written with a space ("Tic-Toc" of Tic Tac,
            // TicTac) is how the words are written, not a split to show intent.
            let split = span.len() == 2 && !self.spaced_at(&n.key, word(i).chars().count());
            let disguise = if lookalike::same_but_accents(&text, &n.key) {
                None
            } else if n.trick == Trick::LookalikeLetter {
                Some("an l and an i written one for the other".to_owned())
            } else if n.trick == Trick::Skeleton {
                Some("written without its vowels".to_owned())
            } else if n.trick == Trick::Glued {
                Some(format!("{} glued to another word", n.key))
            } else if n.trick == Trick::MovedDouble {
                Some("a doubled letter moved".to_owned())
            } else if split {
                Some(format!("{} split by a hyphen and misspelt", n.key))
            } else if n.distance == 1 {
                Some("one letter changed, added, dropped or swapped".to_owned())
            } else {
                Some("two letters changed".to_owned())
            };
            // Spelt otherwise, without a splitting hyphen or a trick to show intent.
            let misspelt = disguise.is_some() && !split && n.trick == Trick::Edits;
            taken[span.clone()].iter_mut().for_each(|t| *t = true);
            out.push(Candidate {
                words: span,
                value: n.value,
                key: n.key,
                disguise,
                misspelt,
                joined: false,
                coined_spelling: false,
            });
        }
    }

    /// Token `i` is a capitalised word right after a capitalised first name that is no
    /// ordinary word nor listing vocabulary, as a person's full name is written ("Freddy
    /// Kruger"; not "Battle Shell Rapharl", "Berry Laniege").
    fn after_a_first_name(&self, tokens: &[Token], i: usize) -> bool {
        let Some(first) = i.checked_sub(1).map(|p| &tokens[p]) else {
            return false;
        };
        first.joiner == Joiner::Space
            && first.shape == Shape::Title
            && tokens[i].shape == Shape::Title
            && self
                .word_value(&first.text)
                .is_some_and(|v| v & WORD_IS_GIVEN_NAME != 0)
            && !self.ordinary_word(&first.text)
            && !self.snapshot.word_is_listing_vocabulary(&first.text)
    }

    /// The mark `key` is written with a space after its first `letters` letters: the
    /// key has it there ("tic tac"), or the key without it is another form of a mark
    /// that has it ("tictac" beside "tic tac").
    fn spaced_at(&self, key: &str, letters: usize) -> bool {
        let Some((at, _)) = key.char_indices().nth(letters) else {
            return false;
        };
        let (head, tail) = key.split_at(at);
        tail.starts_with(' ') || self.mark_value(&format!("{head} {tail}")).is_some()
    }

    /// Marks of several words with one word disguised ("Hot Whee1s", "Calvin Kelin",
    /// "Star Warz"): a word that is no word of the word evidence and no mark, one edit
    /// from its word of the mark ([`lookalike::near_phrase`]), with the mark's other
    /// words spelt exactly around it in the same segment. The mark must be a
    /// registration or a famous brand, and a phrase common in ordinary text ("new
    /// balance") only when it is on the curated list of enforced marks. It replaces the
    /// shorter exact marks inside it ("Calvin", "Tommy"); a disguise found already is
    /// kept.
    fn phrase_candidates(&self, norm: &Normalized, taken: &mut [bool], out: &mut Vec<Candidate>) {
        let tokens = norm.tokens();
        let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        // Words a phrase may take over: free, or in an exact (undisguised) candidate.
        let open = |taken: &[bool], out: &[Candidate], i: usize| {
            !taken[i]
                || out
                    .iter()
                    .any(|c| c.words.contains(&i) && c.disguise.is_none())
        };
        for k in 0..words.len() {
            let w = words[k];
            let suspect = w.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && w.chars().all(char::is_alphanumeric)
                && (!self.listed_word(w) || self.rare_word(w))
                && self.mark_value(w).is_none();
            if !suspect || !open(taken, out, k) {
                continue;
            }
            let mut best: Option<(Range<usize>, lookalike::Near)> = None;
            for s in k.saturating_sub(marks::MAX_WORDS - 1)..=k {
                // The words of one segment, from `s` on, all open.
                let mut end = s;
                while end < words.len()
                    && end - s < marks::MAX_WORDS
                    && open(taken, out, end)
                    && (end == s
                        || !ends_segment(
                            &norm.text()[tokens[end - 1].norm.end..tokens[end].norm.start],
                        ))
                {
                    end += 1;
                }
                if end <= k {
                    continue;
                }
                let found = lookalike::near_phrase(self.snapshot.marks(), &words[s..end], k - s);
                // A digit shows intent where it stands for a letter ("Star W4rs"); where
                // the mark's word has digits too, the word is another model ("DBR1" beside
                // "Aston Martin" is no DB11).
                let model = |p: &lookalike::NearPhrase| {
                    w.chars().any(|c| c.is_ascii_digit())
                        && p.near
                            .key
                            .split(' ')
                            .nth(k - s)
                            .is_some_and(|m| m.chars().any(|c| c.is_ascii_digit()))
                };
                let Some(p) = found.filter(|p| self.phrase_target(&p.near.key) && !model(p)) else {
                    continue;
                };
                let span = s..s + p.words;
                if best.as_ref().is_none_or(|(b, _)| span.len() > b.len()) {
                    best = Some((span, p.near));
                }
            }
            let Some((span, near)) = best else {
                continue;
            };
            // Exact marks inside the span give way; one reaching beyond it, or spelling
            // all of its words ("JoJo's Bizarre Adventure", the possessive of an alias
            // one letter away), keeps it.
            if out.iter().any(|c| {
                c.words.start < span.end
                    && span.start < c.words.end
                    && (c.words.start < span.start
                        || span.end < c.words.end
                        || (c.words == span && c.disguise.is_none()))
            }) {
                continue;
            }
            out.retain(|c| c.words.end <= span.start || span.end <= c.words.start);
            let intent = !w.chars().all(char::is_alphabetic);
            taken[span.clone()].iter_mut().for_each(|t| *t = true);
            out.push(Candidate {
                words: span,
                value: near.value,
                disguise: Some(format!(
                    "one word of {} {}",
                    near.key,
                    if intent {
                        "written with a digit for a letter"
                    } else {
                        "misspelt"
                    }
                )),
                key: near.key,
                misspelt: !intent,
                joined: false,
                coined_spelling: false,
            });
        }
    }

    /// A mark of several words worth reading through a disguised word: a registration
    /// or a famous brand stands behind it, and it is no common phrase unless curated.
    fn phrase_target(&self, key: &str) -> bool {
        let Some(records) = self.mark_value(key).map(|v| self.records(v, key)) else {
            return false;
        };
        records.live_backed && (records.protection.enforced() || self.common_word(key).is_none())
    }

    /// [`Engine::typo_of`], through the verdicts kept from earlier checks.
    fn cached_typo_of(&self, word: &str) -> Option<lookalike::Near> {
        kept_per_word(&self.typos, word, || self.typo_of(word))
    }

    /// The closest mark `word` is a typo of, if any. A word that is itself a word, a
    /// name or a brand is nobody's typo: never a word of the snapshot's word evidence,
    /// however rare ([`Engine::listed_word`]: "caster" is no typo of Casper), nor a key
    /// of the index ("Tamiya" is not a typo of "Tamika").
    fn typo_of(&self, word: &str) -> Option<lookalike::Near> {
        if self.listed_word(word) || self.mark_value(word).is_some() {
            return None;
        }
        let coined = |k: &str| self.mark_value(k).is_some() && self.typo_target(k);
        let near = |key: String, trick| {
            let value = self.mark_value(&key)?;
            let distance = lookalike::distance(word, &key);
            Some(lookalike::Near {
                key,
                value,
                distance,
                trick,
            })
        };
        // An l for an i, or the other way round: the mark exactly otherwise.
        if let Some(k) = lookalike::lookalike_letters(word)
            .into_iter()
            .find(|k| coined(k))
        {
            return near(k, Trick::LookalikeLetter);
        }
        // The consonants of a mark whose owner sues sellers (the marks sellers abbreviate
        // to slip past a search: "Pkmn"); three consonants or fewer stand for too many.
        if let Some(n) = lookalike::skeleton(self.snapshot.marks(), word)
            .into_iter()
            .find(|n| coined(&n.key) && self.records(n.value, &n.key).live_sues_sellers)
        {
            return Some(n);
        }
        if let Some(k) = self.glued(word) {
            return near(k, Trick::Glued);
        }
        if let Some(k) = lookalike::moved_doubles(word)
            .into_iter()
            .find(|k| coined(k))
        {
            return near(k, Trick::MovedDouble);
        }
        // A plural or singular of a mark is the word itself, not a disguise of it.
        // A mark ending in "s" takes "es" for its plural: "Terviss" is Tervis misspelt.
        let plural = |w: &str, of: &str| w.strip_suffix('s') == Some(of) && !of.ends_with('s');
        let inflection = |k: &str| plural(word, k) || plural(k, word);
        let mut near = lookalike::near(self.snapshot.marks(), word);
        if !self.watch.is_empty() {
            near.extend(lookalike::near(self.watch.marks(), word));
            near.sort_by_key(|n| n.distance);
        }
        near.into_iter()
            .find(|n| !inflection(&n.key) && self.typo_target(&n.key))
            // Two letters from a mark is weak evidence against a word made of two
            // known words ("keychain", "fairytale"): that is a compound, not a disguise.
            .filter(|n| n.distance < 2 || !self.compound(word))
    }

    /// The mark `word` glues to an ordinary word ("barbiestyle", "newpokemon"): a coined
    /// mark of at least [`lookalike::MIN_WORD_LETTERS`] letters worth a typo search,
    /// whose owner sues marketplace sellers (the marks counterfeiters hide: a brand's
    /// own compounds, "AmazonBasics", are not disguises), and a word of listing vocabulary or a common
    /// word ([`GLUED_WORD_ZIPF`]) of at least [`GLUED_WORD_LETTERS`] letters before or
    /// after it.
    fn glued(&self, word: &str) -> Option<String> {
        let letters = |w: &str| w.chars().count();
        let mark = |w: &str| {
            letters(w) >= lookalike::MIN_WORD_LETTERS
                && self.mark_value(w).is_some()
                && self.typo_target(w)
                && self
                    .mark_value(w)
                    .is_some_and(|v| self.records(v, w).live_sues_sellers)
                // The plural of a word is a word first: "Hawksworth" is a name, not
                // the Hawks glued to "worth".
                && !w.strip_suffix('s').is_some_and(|stem| {
                    self.zipf(stem).is_some_and(|z| z >= ordinary::KNOWN_ZIPF)
                })
        };
        let other = |w: &str| {
            letters(w) >= GLUED_WORD_LETTERS
                && (self.snapshot.word_is_listing_vocabulary(w)
                    || self.zipf(w).is_some_and(|z| z >= GLUED_WORD_ZIPF))
        };
        word.char_indices().skip(1).find_map(|(at, _)| {
            let (head, tail) = word.split_at(at);
            if mark(head) && other(tail) {
                Some(head.to_owned())
            } else if other(head) && mark(tail) {
                Some(tail.to_owned())
            } else {
                None
            }
        })
    }

    /// Whether `word` is two known words written together, each of at least
    /// [`COMPOUND_PART_LETTERS`] letters ("key" + "chain").
    fn compound(&self, word: &str) -> bool {
        let known = |w: &str| self.zipf(w).is_some_and(|z| z >= ordinary::KNOWN_ZIPF);
        word.char_indices()
            .skip(COMPOUND_PART_LETTERS)
            .any(|(at, _)| {
                let (head, tail) = word.split_at(at);
                tail.chars().count() >= COMPOUND_PART_LETTERS && known(head) && known(tail)
            })
    }

    /// A mark worth a typo search: distinctive ([`Engine::distinctive`]) and coined:
    /// each of its words unknown to the lexicon or known only as a name, and not so
    /// often that it is mostly a person or place ([`ordinary::NAME_ZIPF`]: "Disney",
    /// "Raphael"). "champion", "penny", "motto" are words, so "Champron" or "Peony" is
    /// no typo of them. A mark that is a name is searched only when it is on the
    /// curated list of enforced marks (the marks counterfeiters disguise: "Disney",
    /// "Cartier") or registered: a name on brand lists alone is mostly a person's or a
    /// place's, and the words one letter from it are other names ("Ryker" and Ryder,
    /// "Meiro" and Metro).
    fn typo_target(&self, key: &str) -> bool {
        self.distinctive(key)
            && key.split(' ').all(|w| {
                !self.known_word(w) || (self.written_as_a_name(w) && self.vouched_name(key))
            })
    }

    /// The words as written, when they match a name by leaving out its "the" ("big cat"
    /// for Big the Cat), if they are a common phrase: the seller wrote the phrase, not the
    /// name.
    fn common_without_the(&self, key: &str, written: &[&str]) -> Option<(String, f32)> {
        if !key.contains(" the ") || written.contains(&"the") {
            return None;
        }
        self.common_word(&written.join(" "))
    }

    /// A name of several words that only brand lists hold, every word of it a known word
    /// or name ("Coral Travel", a travel agency, in "Coral Travel Mug"): a phrase the
    /// words make in ordinary use as often as a brand, judged like an exact phrase of
    /// known words rather than as coined; its phrase frequency as the evidence. A
    /// registration, the curated list or the evidence of fame vouches for such a phrase
    /// as a brand.
    fn listed_phrase_of_words(&self, key: &str) -> Option<(String, f32)> {
        let famous = || {
            self.mark_value(key)
                .is_some_and(|v| self.records(v, key).live_famous)
        };
        if !key.contains(' ') || self.vouched_name(key) || famous() {
            return None;
        }
        let mut sum = 0.0;
        let mut count = 0;
        for w in key.split(' ') {
            sum += self.zipf(w).filter(|z| *z >= ordinary::COMMON_ZIPF)?;
            count += 1;
        }
        Some((key.to_owned(), phrase_zipf(sum, count)))
    }

    /// A live record of `key` is a registration or carries the curated list's
    /// enforcement evidence: more than a name on a brand list.
    fn vouched_name(&self, key: &str) -> bool {
        self.mark_value(key).is_some_and(|v| {
            let p = &self.records(v, key).protection;
            p.enforced() || p.registered_any()
        })
    }

    /// The lexicon writes the word mostly capitalised, as a name, less often than
    /// [`ordinary::NAME_ZIPF`]: its frequency is owed to the name, not to ordinary use.
    fn written_as_a_name(&self, word: &str) -> bool {
        self.word_value(word)
            .is_some_and(|v| v & WORD_IS_NAME != 0 && word_value_zipf(v) < ordinary::NAME_ZIPF)
    }

    /// A mark is distinctive (worth looking for in disguise) when none of its words is
    /// an everyday word (Zipf below [`ordinary::EVERYDAY_ZIPF`]: "disney" and "ferrari"
    /// are, "orange" and "target" are not), a one-word mark is no ordinary known word
    /// (unless famous or a name), and a live registration or a famous brand stands
    /// behind it (not only a name on a brand list).
    fn distinctive(&self, key: &str) -> bool {
        let Some(records) = self.mark_value(key).map(|v| self.records(v, key)) else {
            return false;
        };
        // A one-word mark that is itself an ordinary word ("joined", "pajama") is
        // registered as that word: a word near it is a word or a typo of the word, not
        // a disguise of a brand, unless the mark is famous or the word a name.
        let ordinary_word = !key.contains(' ')
            && self.zipf(key).is_some_and(|z| z >= ordinary::KNOWN_ZIPF)
            && !self.snapshot.word_is_name(key)
            && !records.live_famous;
        !ordinary_word
            && key
                .split(' ')
                .all(|w| self.zipf(w).is_none_or(|z| z < ordinary::EVERYDAY_ZIPF))
            && records.live_backed
    }

    /// When the mark is a common word or phrase: the word (or phrase) and its Zipf
    /// value. A one-word mark is common when the word is; a phrase when all its words
    /// are known and the phrase would be common if its words were independent (Zipf of
    /// the words summed, less 9 per extra word). Digits-only words are neutral.
    fn common_word(&self, key: &str) -> Option<(String, f32)> {
        let words = || {
            key.split(' ')
                .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        };
        let mut all = words();
        let w = all.next()?;
        if all.next().is_none() {
            // Short letters, or a letter and digits ("T4", "A1": sizes, classes and
            // models as often as brands; not "3M"), read as abbreviations.
            let abbreviation = w.chars().next().is_some_and(char::is_alphabetic)
                && w.chars().all(char::is_alphanumeric)
                && w.chars().count() <= ordinary::ABBREVIATION_LETTERS;
            return if abbreviation {
                Some((w.to_owned(), self.zipf(w).unwrap_or(0.0)))
            } else {
                self.zipf(w)
                    .filter(|z| *z >= ordinary::COMMON_ZIPF)
                    .map(|z| (w.to_owned(), z))
            };
        }
        let (mut sum, mut count) = (0.0, 0usize);
        for w in words() {
            sum += self.zipf(w)?;
            count += 1;
        }
        let phrase = phrase_zipf(sum, count);
        (phrase >= ordinary::COMMON_PHRASE_ZIPF)
            .then(|| (words().collect::<Vec<_>>().join(" "), phrase))
    }

    /// A word the word evidence holds at all (a frequency list, however rarely it is
    /// used, or the listing vocabulary), itself or as the plural of one: a real word or
    /// name, which is nobody's typo. Rarity says how common a word is, not whether it
    /// is one ("caster" is Zipf 1.9).
    fn listed_word(&self, word: &str) -> bool {
        let listed = |w: &str| self.word_value(w).is_some();
        listed(word) || word.strip_suffix('s').is_some_and(listed)
    }

    /// A word the word evidence holds only as a rare word or a first name, itself and as
    /// a plural ([`RARE_WORD_ZIPF`]), and that is no listing vocabulary.
    fn rare_word(&self, word: &str) -> bool {
        let rare = |w: &str| self.zipf(w).is_none_or(|z| z < RARE_WORD_ZIPF);
        rare(word)
            && word.strip_suffix('s').is_none_or(rare)
            && !self.snapshot.word_is_listing_vocabulary(word)
    }

    /// A number with a unit of the listing vocabulary glued on, the unit written in lower
    /// case and short ("3m", "5kg", "2pk"; not "3M", nor a word after digits).
    fn is_measurement(&self, written: &str) -> bool {
        let unit = written.trim_start_matches(|c: char| c.is_ascii_digit());
        unit.len() < written.len()
            && (1..=MEASUREMENT_UNIT_LETTERS).contains(&unit.len())
            && unit.bytes().all(|b| b.is_ascii_lowercase())
            && self.snapshot.word_is_listing_vocabulary(unit)
    }

    /// A word the word evidence knows as a word, not mostly as a name ("bumblebee";
    /// not "playstation").
    fn ordinary_word(&self, key: &str) -> bool {
        self.word_value(key)
            .is_some_and(|v| v & WORD_IS_NAME == 0 && word_value_zipf(v) >= ordinary::KNOWN_ZIPF)
    }

    /// A word the frequency list knows, itself or as the plural of a known word
    /// ("morphs"): never read as a typo of a mark.
    fn known_word(&self, word: &str) -> bool {
        let known = |w: &str| self.zipf(w).is_some_and(|z| z >= ordinary::KNOWN_ZIPF);
        known(word) || word.strip_suffix('s').is_some_and(known)
    }

    fn zipf(&self, word: &str) -> Option<f32> {
        self.word_value(word).map(word_value_zipf)
    }

    /// What the word evidence holds of `word` (see [`WordValues`]).
    fn word_value(&self, word: &str) -> Option<u64> {
        kept_per_word(&self.word_values, word, || self.snapshot.words().get(word))
    }

    /// A one-word brand of the curated list of enforced marks that the frequency list
    /// mostly writes capitalised, as a name ("Nike", "Disney", "Barbie"), and not so
    /// often that it is mostly a person, place or people ([`ordinary::NAME_ZIPF`]): its
    /// frequency comes from the brand's fame, not from ordinary use, so it is judged as
    /// coined. A name whose owner has sued marketplace sellers is judged as coined however
    /// often it is written: the more famous the brand, the more often its name is written
    /// ("Stanley", "Stitch"). Fame is the curated list's evidence, not a brand list's: a
    /// name only on a brand list ("Saturn", "Everest") is judged as
    /// a name, by its position and goods. Other curated names that are often written
    /// ("Echo") are judged as common words, by their curated classes; ordinary words
    /// that are famous brands too ("apple", "dove", "target") are written lower-case and
    /// stay common; abbreviations ("HP") keep needing evidence of brand use.
    fn famous_name(&self, key: &str) -> bool {
        if key.contains(' ') || key.chars().count() <= ordinary::ABBREVIATION_LETTERS {
            return false;
        }
        let Some(name_zipf) = self
            .word_value(key)
            .filter(|v| v & WORD_IS_NAME != 0)
            .map(word_value_zipf)
        else {
            return false;
        };
        self.mark_value(key).is_some_and(|v| {
            let records = self.records(v, key);
            records.live_famous
                && records.live_enforced
                && (name_zipf < ordinary::NAME_ZIPF || records.live_sues_sellers)
        })
    }

    /// The index value of a mark key: the snapshot's, else the watch list's.
    fn mark_value(&self, key: &str) -> Option<u64> {
        self.snapshot
            .marks()
            .get(key)
            .or_else(|| self.watch.marks().get(key))
    }

    /// The records behind the index value of `key` that the options let count, read
    /// once and kept for the rest of the check and for later ones (see [`key_records`]).
    fn records(&self, value: u64, key: &str) -> Arc<KeyRecords> {
        let from = Registers {
            snapshot: &self.snapshot,
            watch: &self.watch,
            only: &self.options.registers,
        };
        self.kept.get(value, key, &from)
    }
}

/// Whether finding `f` stands in the field at `place` and shares a unit of `span` (UTF-16).
fn overlaps(f: &Finding, place: (Field, Option<usize>), span: Range<usize>) -> bool {
    (f.field, f.index) == place && f.start < span.end && span.start < f.end
}

/// The verdict `kept` holds for `word`, else `decide`'s, kept for the next checks; the
/// map is emptied when it would hold more than [`KEPT_TYPOS`] words.
fn kept_per_word<V: Clone>(
    kept: &Mutex<HashMap<String, V>>,
    word: &str,
    decide: impl FnOnce() -> V,
) -> V {
    if let Some(seen) = kept.lock().ok().and_then(|k| k.get(word).cloned()) {
        return seen;
    }
    let verdict = decide();
    if let Ok(mut k) = kept.lock() {
        if k.len() >= KEPT_TYPOS {
            k.clear();
        }
        k.insert(word.to_owned(), verdict.clone());
    }
    verdict
}

/// Slices of a string by UTF-16 offsets, for spans that come in increasing order: each
/// slice costs the distance from the previous one, not from the start of the string
/// (nothing at all in ASCII text, where UTF-16 offsets are byte offsets).
struct Utf16Cursor<'s> {
    text: &'s str,
    ascii: bool,
    byte: usize,
    unit: usize,
}

impl<'s> Utf16Cursor<'s> {
    fn new(text: &'s str) -> Self {
        Utf16Cursor {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            unit: 0,
        }
    }

    /// The byte offset of UTF-16 offset `unit`, or the end of the string when `unit`
    /// lies beyond it or inside a character. Costs the distance from the previous
    /// offset, backwards (overlapping spans) as forwards.
    fn seek(&mut self, unit: usize) -> usize {
        if self.ascii {
            return unit.min(self.text.len());
        }
        for c in self.text[..self.byte].chars().rev() {
            if self.unit <= unit {
                break;
            }
            self.unit -= c.len_utf16();
            self.byte -= c.len_utf8();
        }
        for c in self.text[self.byte..].chars() {
            if self.unit >= unit {
                break;
            }
            self.unit += c.len_utf16();
            self.byte += c.len_utf8();
        }
        self.byte
    }

    fn slice(&mut self, start: usize, end: usize) -> &'s str {
        let a = self.seek(start);
        let b = self.seek(end);
        self.text.get(a..b).unwrap_or_default()
    }
}

/// The frequency of a phrase of `count` words whose Zipf values add up to `sum`, read as
/// if its words were independent: each further word divides by a billion (9 on the Zipf
/// scale). Shared by every judgement of a phrase of known words.
fn phrase_zipf(sum: f32, count: usize) -> f32 {
    sum - 9.0 * count.saturating_sub(1) as f32
}

/// Whether `written` has a capital right after a small letter ("LeapFrog", "iPad"): a
/// spelling brands are coined in and ordinary words are not ("DVDs" is no such thing).
fn coined_spelling(written: &str) -> bool {
    let mut lower = false;
    for c in written.chars() {
        if lower && c.is_uppercase() {
            return true;
        }
        lower = c.is_lowercase();
    }
    false
}

/// Whether the text between two words holds punctuation that ends a list item or an
/// aside (`,` `;` `|` brackets), which never stands inside a mark's words.
fn ends_segment(between: &str) -> bool {
    between.contains([',', ';', '|', '(', ')', '[', ']', '，', '；', '、'])
}

/// The words of a field as the ordinary-use evidence reads them.
fn word_views<'t>(
    tokens: &'t [Token],
    own: &[bool],
    vocabulary: &dyn Fn(&str) -> bool,
) -> Vec<Word<'t>> {
    let upper = |i: usize| tokens.get(i).is_some_and(|t| t.shape == Shape::Upper);
    tokens
        .iter()
        .zip(own)
        .enumerate()
        .map(|(i, (t, &in_own))| Word {
            text: &t.text,
            case: match t.shape {
                Shape::Lower => Case::Lower,
                Shape::Title | Shape::Upper | Shape::Camel => Case::Capitalised,
                Shape::MixedDigit => Case::Code,
                Shape::Uncased if t.text.chars().all(|c| c.is_ascii_digit()) => Case::Number,
                Shape::Uncased => Case::Uncased,
            },
            sentence_start: t.sentence_start,
            gap: match t.joiner {
                Joiner::Space | Joiner::Hyphen | Joiner::Apostrophe => Gap::Tight,
                Joiner::Symbol(c)
                    if !matches!(c, ',' | '/' | '|' | '(' | ')' | '.' | ':' | ';') =>
                {
                    Gap::Tight
                }
                _ => Gap::Break,
            },
            in_mark: false,
            in_own,
            possessive: t.possessive,
            all_caps: upper(i),
            shouted: upper(i) && (i.checked_sub(1).is_some_and(upper) || upper(i + 1)),
            listed_abbreviation: upper(i)
                && t.text.len() <= ordinary::ABBREVIATION_LETTERS
                && vocabulary(&t.text),
        })
        .collect()
}

#[cfg(test)]
mod cursor_tests {
    use super::Utf16Cursor;

    #[test]
    fn a_cursor_slices_ascii_and_other_text_alike_forwards_backwards_and_past_the_end() {
        for text in ["Nike shoes", "Nïke shoes", "N😀ke shoes"] {
            let mut cursor = Utf16Cursor::new(text);
            let len = crate::text::utf16_len(text);
            for (start, end) in [(5, len), (0, 4), (len, len + 3), (3, 99)] {
                let expected = crate::text::slice_utf16(text, start.min(len)..end.min(len));
                assert_eq!(
                    Some(cursor.slice(start, end)),
                    expected,
                    "{text} {start}..{end}"
                );
            }
        }
    }
}
