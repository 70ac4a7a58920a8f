//! The marks pass: registered marks, famous brands, watch-list marks and lookalikes of
//! them in one field of a listing, then the short forms and franchise members the whole
//! listing reveals.
//!
//! [`Engine::check`](super::Engine::check) runs it per listing, one module per step:
//!
//! 1. [`classes`] — which Nice classes the listing is about (category, product nouns);
//! 2. [`own_brand`] — where the seller's own brand stands, so it is never flagged;
//! 3. [`walk`] — candidate spans: the longest register keys at word boundaries (FST walk
//!    from each word start, joining spaced spellings), and `candidates` — exact, spaced,
//!    leetspeak, typo and phrase candidates from it;
//! 4. [`lookalike`] — typos, leetspeak and homoglyph disguises of distinctive marks;
//! 5. `word_evidence` — what the snapshot's word index says of a word or key (common,
//!    rare, a name, a measurement) and the records behind a key ([`key_records`]);
//! 6. [`ordinary`] — evidence whether a common word is used as a brand or as the word;
//! 7. [`risk`] — the one judge of mark findings: kind, severity and the reason that names
//!    the deciding evidence;
//! 8. [`suggest`] — a safer wording or "remove";
//! 9. [`short_form`] — the last word of a multi-word mark the listing names in full,
//!    standing alone ("Zelda" after "Legend of Zelda");
//! 10. [`franchise`] — ordinary-word members of a franchise the listing names ("George"
//!     in a Peppa Pig listing);
//! 11. `house` — one owner's marks side by side ("Tesla Model Y Model 3") joined into one
//!     finding.
//!
//! This module must not know about copied copy, wasm, the DOM or the CLI.

pub mod classes;
pub mod franchise;
mod house;
pub mod key_records;
pub mod lookalike;
pub mod ordinary;
pub mod own_brand;
pub mod risk;
pub mod short_form;
pub mod suggest;
pub mod walk;

mod candidates;
mod kept_words;
pub(super) use kept_words::KeptWords;
mod word_evidence;

use super::Engine;
use crate::listing::{Field, Finding, Listing, Severity};
use crate::register::Record;
use crate::text::{self, Joiner, Normalized, Shape, Token, Utf16Cursor};
use ordinary::{Case, Gap, Style, Usage, Word};
use own_brand::OwnBrands;
use std::cell::OnceCell;
use std::ops::Range;
use std::sync::Arc;

/// What every field of one listing is checked with.
struct ListingContext<'a> {
    /// The seller's own brands (engine-wide and the listing's `brand`).
    own: OwnBrands,
    /// The listing's Nice classes, as a [`risk::class_mask`].
    classes: u64,
    /// How the seller writes words across the listing's fields.
    seller_words: ordinary::SellerWords<'a>,
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
    /// [`risk::Facts::beside_another_owners_brand`], known after the first judgement.
    beside_another_owners_brand: bool,
}

/// Gives the record a claim names, for citing (see [`KeyRecords::cite`]).
type Cite<'a> = dyn Fn(u32) -> Option<Arc<Record>> + 'a;

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
    /// Where the span ends, in UTF-16 units, when past its last word: a substitute
    /// ending a leet run outside any token ("Mento$").
    end: Option<usize>,
}

impl Candidate {
    /// The span in UTF-16 units of the field.
    fn span16(&self, tokens: &[Token]) -> (usize, usize) {
        let end = self.end.unwrap_or(tokens[self.words.end - 1].end);
        (tokens[self.words.start].start, end)
    }
}

impl Engine {
    /// The marks pass over one listing (already clipped to the caps): every mark finding
    /// in every field, at most
    /// [`MAX_FINDINGS_PER_FIELD`](crate::listing::MAX_FINDINGS_PER_FIELD) a field, then
    /// the short forms and franchise members, ordered by field, bullet index and start.
    pub(super) fn marks_pass(&self, listing: &Listing) -> Vec<Finding> {
        let own_names: Vec<&str> = self
            .own_brands
            .iter()
            .map(String::as_str)
            .chain(listing.brand.as_deref())
            .collect();
        let own = OwnBrands::new(own_names.iter().copied());
        let mut texts: Vec<&str> = listing.title.as_deref().into_iter().collect();
        texts.extend(listing.bullets.iter().map(String::as_str));
        let listing_classes = classes::infer(listing.category.as_deref(), &texts, &own_names);

        // Each field normalised once, for what the whole listing shows of the seller's
        // words, its check and the short forms after.
        let fields = listing.fields();
        let normalized: Vec<Normalized> = fields
            .iter()
            .map(|&(_, _, original)| text::normalize(original))
            .collect();
        let views: Vec<Vec<Word<'_>>> = fields
            .iter()
            .zip(&normalized)
            .map(|(&(_, _, original), norm)| {
                word_views(original, norm.tokens(), &|w| self.listing_vocabulary(w))
            })
            .collect();
        let mut seller_words = ordinary::SellerWords::default();
        for field_views in &views {
            seller_words.add_field(field_views);
        }
        let ctx = ListingContext {
            own,
            classes: risk::class_mask(&listing_classes),
            seller_words,
        };
        let mut findings = Vec::new();
        let mut set_aside = Vec::new();
        for ((&(field, index, original), norm), field_views) in
            fields.iter().zip(&normalized).zip(&views)
        {
            let before = findings.len();
            self.check_field(
                (field, index),
                (original, norm, field_views),
                &ctx,
                &mut findings,
                &mut set_aside,
            );
            findings.truncate(before + crate::listing::MAX_FINDINGS_PER_FIELD);
        }
        let mut short = self.short_forms(listing, &normalized, &views, &findings, &ctx.own);
        let members = self.franchise_members(&findings, &short, &set_aside);
        short.extend(members);
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
        house::join_runs_of_one_house(findings, &fields)
    }

    fn check_field(
        &self,
        (field, index): (Field, Option<usize>),
        (original, norm, field_views): (&str, &Normalized, &[Word<'_>]),
        ctx: &ListingContext<'_>,
        out: &mut Vec<Finding>,
        set_aside: &mut Vec<franchise::SetAside>,
    ) {
        let own = &ctx.own;
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
        let mut candidates = self.exact_candidates(norm, &words, &blocked, ctx.classes);
        if occurrences.iter().any(|o| o.partial) {
            let longer = self.give_way_to_longer_marks(
                norm,
                &words,
                own,
                &occurrences,
                &mut blocked,
                ctx.classes,
            );
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
            let (start, end) = c.span16(tokens);
            let written = spelling.slice(start, end);
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
        let mut views = marking_own(field_views, &blocked);
        let style = Style::of(&views);
        let mut evidence: Vec<KeyEvidence> = candidates
            .iter()
            .map(|c| match &c.disguise {
                // A disguise is itself the evidence: nobody hides an ordinary word.
                Some(_) if !c.joined || self.distinctive(&c.key) => None,
                // A name is coined by its capitals: written in lower case where the
                // seller capitalises names ("the bucking bronco"), it is a word.
                _ if self.famous_name(&c.key)
                    && !self.listing_vocabulary(&c.key)
                    && !(style != Style::Lower
                        && views[c.words.clone()].iter().all(|w| w.case == Case::Lower)) =>
                {
                    None
                }
                // "AC DC Adapter": the abbreviations, as common as their commonest.
                _ if ordinary::abbreviations_of_goods(&views, c.words.clone()) => {
                    let zipf = c
                        .key
                        .split(' ')
                        .filter_map(|w| self.zipf(w))
                        .fold(0.0, f32::max);
                    Some((c.key.clone(), zipf))
                }
                _ => self
                    .common_word(&c.key)
                    .or_else(|| self.common_without_the(&c.key, &words[c.words.clone()]))
                    .or_else(|| self.listed_phrase_of_words(&c.key)),
            })
            .map(|common| KeyEvidence {
                common,
                name_vocabulary: OnceCell::new(),
                beside_another_owners_brand: false,
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
                self.judge(c, e, &views, style, ctx, |_, a, _| Some(a.severity))
                    .map(|(s, _)| s)
            })
            .collect();
        for (c, sev) in candidates.iter().zip(&first) {
            let brand = sev.is_some_and(|s| s > Severity::Low);
            views[c.words.clone()]
                .iter_mut()
                .for_each(|w| w.in_mark = brand);
        }
        self.note_other_owners_brands(&candidates, &first, &mut evidence);
        let mut cursor = Utf16Cursor::new(original);
        for (c, e) in candidates.iter().zip(&evidence) {
            // Records are cited only for findings that are reported.
            let reported = |f: &risk::Facts<'_>, a: risk::Assessment, cite: &Cite<'_>| {
                (a.severity > Severity::Low || self.options.show_low).then(|| a.verdict(f, cite))
            };
            let judged = self.judge(c, e, &views, style, ctx, reported);
            let (start, end) = c.span16(tokens);
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

    /// Sets [`risk::Facts::beside_another_owners_brand`] of each candidate that is one
    /// misspelt word, from the brands the first judgement (`first`) found in the field:
    /// the owners of the coined curated marks it names as they are written (a common
    /// word such as "Tile" says less about what the product is).
    fn note_other_owners_brands(
        &self,
        candidates: &[Candidate],
        first: &[Option<Severity>],
        evidence: &mut [KeyEvidence],
    ) {
        let named_owners: Vec<String> = candidates
            .iter()
            .zip(first)
            .zip(evidence.iter())
            .filter(|((c, sev), e)| {
                c.disguise.is_none() && e.common.is_none() && sev.is_some_and(|s| s > Severity::Low)
            })
            .flat_map(|((c, _), _)| self.curated_owners(c))
            .collect();
        if named_owners.is_empty() {
            return;
        }
        for (c, e) in candidates.iter().zip(evidence) {
            e.beside_another_owners_brand = c.misspelt && c.words.len() == 1 && {
                let owners = self.curated_owners(c);
                !owners.is_empty() && owners.iter().all(|o| !named_owners.contains(o))
            };
        }
    }

    /// The owners of the curated records behind a candidate's key (the curated list
    /// names real owners; a brand list names only itself).
    fn curated_owners(&self, c: &Candidate) -> Vec<String> {
        let kept = self.records(c.value, &c.key);
        kept.protection
            .claims()
            .iter()
            .filter(|claim| claim.enforced)
            .filter_map(|claim| kept.cite(claim.record, &c.key, &self.snapshot))
            .map(|r| r.owner.clone())
            .collect()
    }

    /// Whether a candidate judged low may be a member of a franchise the listing names
    /// ([`franchise`]): written as a name (capitalised, not disguised), not the first
    /// word of a colour name ("Chilli Red", "Rocky Blue" describe the goods), and held
    /// by a curated record.
    fn may_be_franchise_member(&self, c: &Candidate, views: &[Word<'_>]) -> bool {
        c.disguise.is_none()
            && views[c.words.clone()]
                .first()
                .is_some_and(|w| w.case == Case::Capitalised && !w.shouted)
            && ordinary::compound(views, c.words.clone()) != Some(ordinary::Compound::Colour)
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
        listing_classes: u64,
    ) -> Vec<Candidate> {
        let mut firm = vec![false; words.len()];
        for o in occurrences.iter().filter(|o| !o.partial) {
            firm[o.words.clone()].iter_mut().for_each(|b| *b = true);
        }
        let longer: Vec<Candidate> = self
            .exact_candidates(norm, words, &firm, listing_classes)
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
        ctx: &ListingContext<'_>,
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
            let vocabulary = c.key.split(' ').all(|w| self.listing_vocabulary(w));
            (
                // A capitalised word used as often as an everyday one is mostly a title
                // or a sentence's first word ("Sheriff", "No"), not a name; a word of
                // the listing vocabulary ("Mustang", "Jaguar") is a word first, whose
                // sense the listing decides.
                !c.key.contains(' ')
                    && self.word_is_name(&c.key)
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
            listing_classes: ctx.classes,
            common: common.as_ref().map(|(w, z)| (w.as_str(), *z)),
            usage: &usage,
            disguise: c.disguise.clone(),
            misspelt: c.misspelt,
            name,
            vocabulary,
            coined_spelling: c.coined_spelling,
            compound: ordinary::compound(views, c.words.clone()).or_else(|| {
                ctx.seller_words
                    .place(views, c.words.clone())
                    .then_some(ordinary::Compound::Place)
            }),
            written_as_words: ctx.seller_words.written_as_words(views, c.words.clone()),
            imitated: ordinary::imitated(views, c.words.clone()),
            listed_word: !c.key.contains(' ') && self.listed_word(&c.key),
            known_words: c.key.contains(' ')
                && c.key
                    .split(' ')
                    .all(|w| self.known_word(w) && !self.written_as_a_name(w)),
            brand_in_field: views
                .iter()
                .enumerate()
                .any(|(i, w)| !c.words.contains(&i) && (w.in_mark || w.in_own)),
            trademark_sign: views[c.words.end - 1].trademark_sign,
            beside_another_owners_brand: evidence.beside_another_owners_brand,
        };
        let assessment = risk::assess(&facts)?;
        let cite = |n: u32| kept.cite(n, &c.key, &self.snapshot);
        decide(&facts, assessment, &cite).map(|t| (t, usage))
    }
}

/// Whether finding `f` stands in the field at `place` and shares a unit of `span` (UTF-16).
fn overlaps(f: &Finding, place: (Field, Option<usize>), span: Range<usize>) -> bool {
    (f.field, f.index) == place && f.start < span.end && span.start < f.end
}

/// The frequency of a phrase of `count` words whose Zipf values add up to `sum`, read as
/// if its words were independent: each further word divides by a billion (9 on the Zipf
/// scale). Shared by every judgement of a phrase of known words.
fn phrase_zipf(sum: f32, count: usize) -> f32 {
    sum - 9.0 * count.saturating_sub(1) as f32
}

/// Whether `written` has a capital right after a small letter ("LeapFrog", "iPad"), or
/// is elided like a name ([`elided_like_a_name`]: "S'well"): spellings brands are coined
/// in and ordinary words are not ("DVDs" is no such thing).
fn coined_spelling(written: &str) -> bool {
    let mut lower = false;
    for c in written.chars() {
        if lower && c.is_uppercase() {
            return true;
        }
        lower = c.is_lowercase();
    }
    elided_like_a_name(written)
}

/// Whether `written` has a capital standing alone before an apostrophe and a word of
/// three letters or more ("S'well", "L'Oréal", "O'Neill"): how names elide, where
/// English contracts its words after more letters ("Don't", "It's") or after "I" and
/// "Y" ("I'll", "Y'all").
fn elided_like_a_name(written: &str) -> bool {
    let chars: Vec<char> = written.chars().collect();
    (1..chars.len()).any(|i| {
        matches!(chars[i], '\'' | '\u{2019}')
            && chars[i - 1].is_uppercase()
            && !matches!(chars[i - 1], 'I' | 'Y')
            && (i < 2 || !chars[i - 2].is_alphanumeric())
            && chars[i + 1..]
                .iter()
                .take_while(|c| c.is_alphabetic())
                .count()
                >= 3
    })
}

/// Whether the text between two words holds punctuation that ends a list item or an
/// aside (`,` `;` `|` brackets), which never stands inside a mark's words.
fn ends_segment(between: &str) -> bool {
    between.contains([',', ';', '|', '(', ')', '[', ']', '，', '；', '、'])
}

/// Whether the text `between` two words puts them in different segments
/// ([`ends_segment`]), `next` being the second word as the index spells it: a comma
/// before a legal form stands inside a company's name ("Monsters, Inc.", "Hasbro, Inc").
fn splits_words(between: &str, next: &str) -> bool {
    ends_segment(between) && !(between.trim() == "," && own_brand::is_legal_form(next))
}

/// Whether `number`, a token of `text` (a field, normalised), is a size in inches: all
/// digits, with an inch sign right after it ("12”", "15\"", "55″") that closes no
/// quotation opened before it. A mark's words never run into a size: "Jordan 12” Baby
/// Doll" is a doll named Jordan, 12 inches tall, not the Air Jordan 12.
fn size_in_inches(text: &str, number: &Token) -> bool {
    if !number.text.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let (before, after) = text.split_at(number.norm.end);
    let before = &before[..number.norm.start];
    // Quotation marks, leaving out the inch signs of sizes before this one.
    let quotes = |mark: char| {
        let mut previous = ' ';
        before
            .chars()
            .filter(|&c| {
                let quote = c == mark && !previous.is_ascii_digit();
                previous = c;
                quote
            })
            .count()
    };
    match after.chars().next() {
        // "″" normalised (NFKC) is two primes.
        Some('′') => after['′'.len_utf8()..].starts_with('′'),
        Some('"') => quotes('"') % 2 == 0,
        Some('”') => quotes('“') <= quotes('”'),
        _ => false,
    }
}

/// Whether the text between two words opens a new segment of running text the way a
/// full stop does: a colon, a spaced dash or a bar ("SOFT STEP - One-piece sole",
/// "Tires: One-piece rims"), after which a capital is the segment's first letter, not
/// a name's.
fn opens_segment(between: &str) -> bool {
    let spaced = between.chars().any(char::is_whitespace);
    between.contains([':', '|'])
        || (spaced
            && between.trim().chars().all(|c| matches!(c, '-' | '–' | '—'))
            && !between.trim().is_empty())
}

/// `views` with the words of the seller's own brand (`own`) marked as such.
fn marking_own<'t>(views: &[Word<'t>], own: &[bool]) -> Vec<Word<'t>> {
    let mut views = views.to_vec();
    for (view, &in_own) in views.iter_mut().zip(own) {
        view.in_own = in_own;
    }
    views
}

/// The words of a field (`original`, normalised into `tokens`) as the ordinary-use
/// evidence reads them, none yet marked as the seller's own brand ([`marking_own`]).
fn word_views<'t>(
    original: &str,
    tokens: &'t [Token],
    vocabulary: &dyn Fn(&str) -> bool,
) -> Vec<Word<'t>> {
    let upper = |i: usize| tokens.get(i).is_some_and(|t| t.shape == Shape::Upper);
    let mut cursor = Utf16Cursor::new(original);
    let opens: Vec<bool> = (0..tokens.len())
        .map(|i| i > 0 && opens_segment(cursor.slice(tokens[i - 1].end, tokens[i].start)))
        .collect();
    tokens
        .iter()
        .enumerate()
        .map(|(i, t)| Word {
            text: &t.text,
            case: match t.shape {
                Shape::Lower => Case::Lower,
                Shape::Title | Shape::Upper | Shape::Camel => Case::Capitalised,
                Shape::MixedDigit => Case::Code,
                Shape::Uncased if t.text.chars().all(|c| c.is_ascii_digit()) => Case::Number,
                Shape::Uncased => Case::Uncased,
            },
            // Only a capital there is the segment's: a word in lower case after a colon
            // is lower case like any other ("System: customized Android system").
            sentence_start: t.sentence_start || (opens[i] && t.shape != Shape::Lower),
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
            in_own: false,
            possessive: t.possessive,
            all_caps: upper(i),
            shouted: upper(i) && (i.checked_sub(1).is_some_and(upper) || upper(i + 1)),
            listed_abbreviation: upper(i)
                && t.text.len() <= ordinary::ABBREVIATION_LETTERS
                && vocabulary(&t.text),
            trademark_sign: t.trademark_sign,
            measurement: word_evidence::unit_after_number(&t.text).is_some_and(vocabulary),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Which words of `original` the views take to start a sentence or segment.
    fn starts(original: &str) -> Vec<String> {
        let norm = text::normalize(original);
        let tokens = norm.tokens();
        word_views(original, tokens, &|_| false)
            .iter()
            .filter(|w| w.sentence_start)
            .map(|w| w.text.to_owned())
            .collect()
    }

    /// Whether the token `number` of `original` is a size in inches.
    fn sized(original: &str, number: &str) -> bool {
        let norm = text::normalize(original);
        let token = norm
            .tokens()
            .iter()
            .find(|t| t.text == number)
            .expect("the number is a token");
        size_in_inches(norm.text(), token)
    }

    #[test]
    fn a_number_with_an_inch_sign_is_a_size() {
        assert!(sized("Jordan 12\u{201d} Baby Doll", "12"));
        assert!(sized("Puppet boy 15\"/38cm", "15"));
        assert!(sized("TV 55\u{2033} screen", "55"));
        assert!(sized("TV 55\u{2032}\u{2032} screen", "55"));
        // Sizes before it open no quotation.
        assert!(sized("Doll 18\" with a case 12\" tall", "12"));
        // No inch sign, a single prime (feet, or a quote), a word before the sign.
        assert!(!sized("Model 12 doll", "12"));
        assert!(!sized("Pole 12\u{2032} tall", "12"));
        assert!(!sized("Model X\" doll", "x"));
    }

    #[test]
    fn an_inch_sign_that_closes_a_quotation_is_the_quotation() {
        assert!(!sized("Case for \"Model 12\" fans", "12"));
        assert!(!sized("Case for \u{201c}Model 12\u{201d} fans", "12"));
        // A quotation closed before it is no longer open.
        assert!(sized("\u{201c}Jordan\u{201d} doll 12\u{201d} tall", "12"));
        assert!(sized("\"Jordan\" doll 12\" tall", "12"));
    }

    #[test]
    fn a_capital_alone_before_an_apostrophe_and_a_word_is_a_name_elided() {
        for name in ["S'well", "L'Oréal", "O\u{2019}Neill", "Bottle S'well 17"] {
            assert!(coined_spelling(name), "{name}");
        }
        // English contractions and possessives, a small letter, and a capital after
        // another letter (no initial standing alone) are no such thing.
        for word in [
            "Don't", "It's", "I'll", "Y'all", "Men's", "o'clock", "S'up", "DON'T", "DJ'ing",
        ] {
            assert!(!coined_spelling(word), "{word}");
        }
    }

    #[test]
    fn a_capital_after_a_colon_a_spaced_dash_or_a_bar_opens_a_segment_like_a_full_stop() {
        assert_eq!(starts("SOFT STEP - One-piece sole"), ["soft", "one"]);
        assert_eq!(starts("Tires: One-piece rims"), ["tires", "one"]);
        assert_eq!(starts("Bright | Shows ink levels"), ["bright", "shows"]);
        assert_eq!(starts("Soft — Fits most units"), ["soft", "fits"]);
        assert_eq!(starts("Done. Fits most units"), ["done", "fits"]);
        // A hyphen inside a word, a comma, a slash or a dash without spaces open
        // nothing: what follows may be a name.
        assert_eq!(starts("Ride-On Car"), ["ride"]);
        assert_eq!(starts("fits Holmes, Sunbeam units"), ["fits"]);
        assert_eq!(starts("Frame/Fork steel"), ["frame"]);
        assert_eq!(starts("Soft-Pioneer units"), ["soft"]);
        // A word in lower case there starts nothing: its lower case counts as usual.
        assert_eq!(starts("System: customized Android system"), ["system"]);
    }
}
