//! Risk: the kind and severity of a finding, and the reason that says which evidence
//! decided them.
//!
//! Inputs are facts gathered by the other passes — the live records behind the span,
//! the listing's Nice classes, how common the mark's words are, where the span stands in
//! its field, whether it is a disguise — and the output is one of three severities:
//!
//! | mark | in the listing's classes | classes unknown | other classes only |
//! |---|---|---|---|
//! | coined word, registered or famous | high | high | medium (high if famous; low for a registered phrase of known words, and for a famous one, or a famous word the word lists hold, that nothing names as a brand and no other brand stands beside) |
//! | coined word, only on a brand list | high | medium where the text names it as a brand (compatibility wording, a strong brand position), else low | low |
//! | name or abbreviation, brand position (strong) | high | medium if registered | low |
//! | name or abbreviation, brand position (weak) or no evidence | medium (low where the seller writes it in lower case elsewhere; with no evidence at all, low unless another brand is named in the field or the name is rarer than a known word) | low | low |
//! | known word, used as a name, famous or in a coined spelling | high | medium if registered, curated or "for"-compatibility | medium if famous and compatibility |
//! | exact phrase of known words (below everyday), used as a name | medium | low | low |
//! | single known word, used as a name, no other evidence | low | low | low |
//! | known word otherwise | low | low | low |
//!
//! For names, abbreviations and known words the classes are those of registrations:
//! brand lists hold too many ordinary words to say which goods such a word is a brand for.
//! A name of several known words that only brand lists hold ("Coral Travel"), famous
//! there or not ("Red Lobster"), is no coined word: it is judged as an exact phrase of
//! known words, so without a registration's classes it stays low.
//!
//! A **known word** is one the word lists know (Zipf ≥ `ordinary::COMMON_ZIPF`, or in
//! the listing vocabulary) and do not write as a name; a **name** is a word they write
//! mostly capitalised and less often than an everyday word ("Disney", "Raphael"); an
//! **abbreviation** is a word of at most `ordinary::ABBREVIATION_LETTERS` letters they do
//! not know ("HP"). No known word is an abbreviation ("the", "for", "set").
//!
//! A known word is its ordinary sense — a colour, a quantity, the product itself, a
//! descriptive word — however many records register it for the listing's goods. It is
//! **used as a name** only on strong evidence of the text: after compatibility wording
//! with a brand between ("for Samsung Galaxy", "fits Holmes, Sunbeam"; a bare "for"
//! names a purpose as often: "for kids"), after comparison wording ("looks like
//! Marshall", "lighter than Yeti"), right after another brand ("Suzuki New Swift"),
//! before a model code ("canon 50d"), capitalised in running text, marked ™ or ® by
//! the seller ("Igloo®": named as a mark, like a word the product is said to fit, on
//! any goods). Opening a
//! title or segment, following a model number, or standing alone are positional cues,
//! too weak to lift it. Even used as a name:
//!
//! - an **everyday word** (Zipf ≥ `ordinary::EVERYDAY_ZIPF`: "back", "thing", "great")
//!   needs a famous mark or a coined spelling ("LeapFrog");
//! - **sense from context**: a word of the listing vocabulary (colours, materials,
//!   units, quantities, product nouns, plants, animals) keeps its ordinary sense unless
//!   the seller names it as what the product fits, or it is a famous brand whose goods
//!   are the listing's (its Nice classes, inferred from the category and product
//!   nouns): "Jaguar" on a floral decoration or a plush toy is the animal; and a famous
//!   brand that is a known word is read in its ordinary sense where the listing's goods
//!   are none of the brand's, unless named after compatibility wording;
//! - brand lists hold ordinary words ("Free", "Gas"): a famous entry alone makes a
//!   known word a brand only within its goods or after compatibility wording, and an
//!   everyday word ("Power", "Family") never: only the curated list's classes do. The goods
//!   of a famous known word are those its famous records name (the curated list's
//!   classes): registrations of the same word by others, which a real register holds
//!   for most ordinary words in most classes, do not widen them.
//!
//! A product noun right after another brand names that brand's goods, not a second
//! brand: "for Keurig Brewers" are coffee makers, "Hot Wheels Cars" toy cars.
//!
//! Compatibility wording, in detail: after a bare "for", goods the word is a brand for
//! by a registration or the curated list ("for Puma Sneakers"; not "for Camper Vans"),
//! a short model in capitals ("for Jaguar XF") or "fans" ("for Coach fans") make it
//! name what the product fits, and so does a famous brand of the listing's own goods
//! that is no everyday word ("Battery Door for BlackBerry" on a phone part), unless the word is everyday ("for Smart Speaker") and
//! not famous for the listing's goods ("Strap for Coach Bags" is the brand); a
//! word of the listing vocabulary further down a list the wording opened, after a
//! comma or a model number ("for Xbox, black", "for iPad 2 black"), keeps its
//! ordinary sense. An item of a list between two brands ("Converse,
//! Vans and Adidas") is used as a name; capitals of a shouted lead-in ("SMOOTH
//! SURFACE -") are not.
//!
//! **Compounds.** The first word of a colour name ("Columbia Blue", "Hunter Green") or
//! of a place name ("Amazon Rainforest", "Columbia River", "the Amazon river"), or a
//! name after a preposition of place ("along the Amazon"), is part of that name — and a
//! name the listing shows to be a place in one field is the place in all — low
//! — a coined name before a place noun too — unless its owner sues sellers ("Barbie
//! Pink" names the brand as much as the shade). A name after its geographic title
//! ("Lake Tahoe", "Loch Lomond") is the place whoever owns the name.
//!
//! **Pictures.** A mark that names what the product shows ("… print", "… design",
//! "… theme") is the picture's subject: low for an ordinary word ("penguin print"), but
//! medium on its goods or unknown goods when its owner sues sellers ("Spider-Man
//! design", "Bluey theme"), which is what Schedule A cases are about.
//!
//! **The litigation layer.** A mark on the curated list of enforced marks says which
//! goods it is a brand for: its classes count like a registration's (for names, short
//! names and known words alike); with nothing either way, a curated short name that is
//! no word at all ("JBL", "UGG") is medium in its classes, while a curated known word
//! ("Puma", "Champion") stays low. A mark whose owner has sued marketplace sellers (a
//! Schedule A / TRO plaintiff, or a case on record) is high wherever it is used as a
//! brand. For a known word ("Stitch", "Frozen") that still needs the text to use it as a
//! name — position alone only makes it worth a look, and only on goods its marks cover
//! and where the seller does not write it in lower case in running text elsewhere in the
//! listing ("a frozen treat" in a bullet says what "Frozen Drink Cup" means):
//!
//! | owner sues sellers | in the listing's classes | classes unknown | other classes only |
//! |---|---|---|---|
//! | name or short name, brand position (strong) | high | high | high |
//! | name or short name, brand position (weak) | high | medium | low |
//! | known word, used as a name (not listing vocabulary in its ordinary sense) | high | high | low (high after "for"/"fits") |
//! | name or short name, nothing either way | medium | low | low |
//! | known word (not listing vocabulary), brand position (weak) or nothing either way | medium | low | low |
//! | ordinary use | low | low | low |
//!
//! Coined marks of the curated list are famous, so high anywhere; the reason says the
//! owner sues.
//!
//! Lookalikes of coined marks follow the coined row, with one exception: a
//! **misspelling** (letters changed, added, dropped or swapped, with no digit, symbol,
//! other script or spacing to show intent) of a mark that no registration stands behind
//! and whose curated record names only other goods is low — the curated classes say
//! where the brand is known, and elsewhere a word one letter from it is another word or
//! name as often as a disguise ("Pippi" on a toy is no Poppi soda) — unless the seller
//! names it as the brand the product imitates or is compared with ("Jakery Style",
//! "looks like Jakery"), which says it is a brand on any goods. So is a misspelling of a
//! name only brand lists hold, on any goods: no registration or curated record says
//! which goods it is a brand for ("Hetzer", a tank, is no Hetzner). A registration's
//! misspelling follows the coined row (its classes are the register's, and the listing's
//! are inferred) when the mark is famous or has at least [`LONG_REGISTRATION_LETTERS`] letters;
//! on other goods, a word one letter from a shorter registration is as likely another
//! word or name (a real register holds millions of short coined marks: "Droid" is one
//! letter from some DROND), so it is low there too. A misspelt single word of a curated
//! mark is low, too, in a field that names a coined curated mark of another owner and
//! none of its own owner's ("Yu-Gi-Oh Marik", "Monster Hunter … Lagia"): a character,
//! model or line of the brand named is as likely, and the register never lists them
//! all — unless the seller names the word as imitated. A pending application is at most
//! medium; a word the owner disclaimed, a design-only record and a dead record protect
//! nothing. This module owns that table; it must not search text or the index.

use super::ordinary::{self, Compound, Usage};
use crate::listing::{EnforcementRef, FindingKind, RecordRef, Severity};
use crate::register::{Drawing, Record, Register, Status};
use std::borrow::Cow;
use std::sync::Arc;

/// How the live records relate to the listing's goods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Classes {
    /// A record covers one of the listing's classes.
    Overlap,
    /// The listing's classes are unknown, or the records name none.
    Unknown,
    /// Every record is for other goods.
    Unrelated,
}

/// One record's claim on the words of its key: what judging needs to know of a record
/// that protects them (live, not design-only, not disclaiming them). Read from the
/// snapshot's columns without decoding the record; `record` says which record it is,
/// for citing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    /// The caller's number for the record, handed back when it is cited.
    pub record: u32,
    /// Its register.
    pub register: Register,
    /// Registered or pending.
    pub status: Status,
    /// Registered in stylised form only.
    pub stylised: bool,
    /// On the famous-brand evidence.
    pub famous: bool,
    /// Carries enforcement evidence (the curated list): its classes say which goods the
    /// words are a brand for.
    pub enforced: bool,
    /// Its owner has sued marketplace sellers.
    pub sues_sellers: bool,
    /// Its Nice classes as a [`class_mask`]; `None` when it names none.
    pub classes: Option<u64>,
    /// The key is another spelling of the record's mark (a pseudo-mark, a curated
    /// alias such as "Kiss Band"), not the mark itself.
    pub alias: bool,
}

impl Claim {
    /// The claim of a decoded record on `key`, numbered `record`; `None` when it
    /// protects nothing.
    pub fn of(record: u32, r: &Record, key: &str) -> Option<Claim> {
        Claim::protecting(r.status, r.drawing, || disclaims(r, key)).then(|| Claim {
            record,
            register: r.register,
            status: r.status,
            stylised: r.drawing == Drawing::StylisedWords,
            famous: r.famous,
            enforced: r.enforcement.is_some(),
            sues_sellers: r.enforcement.as_ref().is_some_and(|e| e.sues_sellers()),
            classes: (!r.classes.is_empty()).then(|| class_mask(&r.classes)),
            alias: crate::text::mark_key(&r.mark) != key,
        })
    }

    /// Whether a record of this status and drawing protects the words of its key;
    /// `disclaimed` (asked last, it may need the whole record) says whether the owner
    /// disclaimed them.
    pub fn protecting(status: Status, drawing: Drawing, disclaimed: impl FnOnce() -> bool) -> bool {
        status.is_live() && drawing != Drawing::DesignOnly && !disclaimed()
    }
}

/// What the records of one key protect, worked out once for the key and kept with it:
/// a common word can stand behind hundreds of records, and every check that meets the
/// word asks the same questions of them.
///
/// Of the claims it keeps only those a verdict can cite: the first [`CITED_RECORDS`]
/// in citing order, and the first [`CITED_RECORDS`] naming each class. That is enough
/// for any listing's classes: a claim among the first cited in the listing's classes is
/// among the first naming one of them, and when fewer than [`CITED_RECORDS`] are in
/// the listing's classes, the others cited are among the first of all. So "the", with
/// 1,352 records in a 5M-mark register, keeps at most 460.
#[derive(Debug, Clone, Default)]
pub struct Protection {
    /// The claims a verdict can cite, in the order they are cited when the listing's
    /// classes do not decide: registrations before brand-list entries, registered
    /// before pending, then in the order given.
    claims: Vec<Claim>,
    /// How many claims there are.
    count: usize,
    /// What holds of the claims, all of them.
    kinds: Kinds,
    /// The classes named by any claim (`None`: none names one).
    classes: Option<u64>,
    /// The same for the claims that say which goods the words are a brand for:
    /// registrations and curated records (not other brand-list entries).
    goods_classes: Option<u64>,
    /// The classes of the famous claims (the curated list names them; brand lists do
    /// not): the goods a famous brand is famous for, which registrations of the same
    /// words by others do not widen.
    famous_classes: Option<u64>,
}

/// What holds of a key's claims, for [`assess`].
#[derive(Debug, Clone, Copy, Default)]
struct Kinds {
    /// Some claim is a registration (US, EU, a watch list), not a brand-list entry.
    registered_any: bool,
    /// Some registration is registered, not pending.
    registered: bool,
    /// Some claim is pending.
    pending: bool,
    /// Some claim is on the famous-brand evidence.
    famous: bool,
    /// Some claim is from the seller's watch list.
    watch: bool,
    /// Every claim is from the seller's watch list.
    watch_only: bool,
    /// Every claim is registered in stylised form only.
    stylised_only: bool,
    /// Some claim's owner has sued marketplace sellers.
    sues_sellers: bool,
    /// Some claim carries enforcement evidence (the curated list).
    enforced: bool,
    /// Some famous claim is on the mark's own name, not on another spelling of it.
    famous_by_name: bool,
}

impl Kinds {
    fn of(claims: &[Claim]) -> Kinds {
        let any = |f: &dyn Fn(&Claim) -> bool| claims.iter().any(f);
        let all = |f: &dyn Fn(&Claim) -> bool| claims.iter().all(f);
        Kinds {
            registered_any: any(&|c| c.register != Register::Famous),
            registered: any(&|c| c.status == Status::Registered && c.register != Register::Famous),
            pending: any(&|c| c.status == Status::Pending),
            famous: any(&|c| c.famous),
            watch: any(&|c| c.register == Register::Watch),
            watch_only: all(&|c| c.register == Register::Watch),
            stylised_only: all(&|c| c.stylised),
            sues_sellers: any(&|c| c.sues_sellers),
            enforced: any(&|c| c.enforced),
            famous_by_name: any(&|c| c.famous && !c.alias),
        }
    }
}

impl Protection {
    /// What these claims (of one key's records) protect together. The caller's record
    /// numbers must rise in the order the claims are given.
    pub fn of(mut claims: Vec<Claim>) -> Protection {
        claims.sort_by_key(|c| {
            (
                c.register == Register::Famous,
                c.status != Status::Registered,
            )
        });
        let union = |filter: &dyn Fn(&Claim) -> bool| {
            claims
                .iter()
                .filter(|c| filter(c))
                .filter_map(|c| c.classes)
                .reduce(|a, b| a | b)
        };
        let (classes, goods_classes, famous_classes) = (
            union(&|_| true),
            union(&|c| c.register != Register::Famous || c.enforced),
            union(&|c| c.famous),
        );
        let (count, kinds) = (claims.len(), Kinds::of(&claims));
        // Claims met so far naming each class.
        let mut naming = [0usize; 64];
        let mut position = 0;
        claims.retain(|c| {
            let mut citable = position < CITED_RECORDS;
            position += 1;
            let mut mask = c.classes.unwrap_or(0);
            while mask != 0 {
                let class = mask.trailing_zeros() as usize;
                citable |= naming[class] < CITED_RECORDS;
                naming[class] += 1;
                mask &= mask - 1;
            }
            citable
        });
        Protection {
            claims,
            count,
            kinds,
            classes,
            goods_classes,
            famous_classes,
        }
    }

    /// The protection of decoded records of `key` (numbered by position).
    pub fn of_records(records: &[Record], key: &str) -> Protection {
        Protection::of(
            (0..records.len() as u32)
                .zip(records)
                .filter_map(|(i, r)| Claim::of(i, r, key))
                .collect(),
        )
    }

    /// Some claim carries the curated list's enforcement evidence: the mark is one
    /// that marketplaces and its owner enforce against sellers.
    pub fn enforced(&self) -> bool {
        self.kinds.enforced
    }

    /// Whether the claims that say which goods the words are a brand for (registrations
    /// and curated records) name one of the `listing` classes (a [`class_mask`]).
    pub fn covers(&self, listing: u64) -> bool {
        relate(self.goods_classes, listing) == Classes::Overlap
    }

    /// Some claim is a registration (a register or a watch list), not only a brand-list
    /// entry.
    pub fn registered_any(&self) -> bool {
        self.kinds.registered_any
    }

    /// The claims a verdict can cite, in the order they are cited when the listing's
    /// classes do not decide.
    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }
}

/// Nice classes as a bit mask: bit `c` for class `c` (classes run from 1 to 45).
pub fn class_mask(classes: &[u8]) -> u64 {
    classes
        .iter()
        .filter(|&&c| c < 64)
        .fold(0, |mask, &c| mask | 1 << c)
}

/// The facts about one candidate.
#[derive(Debug, Clone)]
pub struct Facts<'a> {
    /// The mark key the span matched (or imitates).
    pub key: &'a str,
    /// What the records of that key protect.
    pub protection: &'a Protection,
    /// The listing's Nice classes as a [`class_mask`] (0: unknown).
    pub listing_classes: u64,
    /// The most common of the mark's words, when every word of it is common (or the
    /// mark is a short abbreviation): `(word, zipf)`. `None`: the mark is coined.
    pub common: Option<(&'a str, f32)>,
    /// Where the span stands.
    pub usage: &'a Usage,
    /// The span disguises the mark (typo, spacing, homoglyphs, leetspeak): how.
    pub disguise: Option<String>,
    /// The disguise is a misspelling alone (letters changed, added, dropped or
    /// swapped; no digit, symbol, other script or spacing): a word a seller may write
    /// for another word or name as well as for the mark.
    pub misspelt: bool,
    /// The span is one misspelt word in a field that names, as written, a coined
    /// curated mark of another owner and none of this mark's owner.
    pub beside_another_owners_brand: bool,
    /// The word list writes the (one-word) mark mostly capitalised, as a name ("Disney",
    /// "Raphael"): not an ordinary word, judged like an abbreviation.
    pub name: bool,
    /// Every word of the mark is listing vocabulary (a colour, material, unit, quantity,
    /// product noun, plant or animal), whose ordinary sense is what listings mean.
    pub vocabulary: bool,
    /// The span is written in a coined spelling of its words (capitals inside a word:
    /// "LeapFrog", "iPad"), as brands are and ordinary words are not.
    pub coined_spelling: bool,
    /// The span is the first word of a colour or place name ("Columbia Blue", "Amazon
    /// River"): see [`ordinary::compound`].
    pub compound: Option<Compound>,
    /// The seller writes the span's words in lower case in running text elsewhere in
    /// the listing ([`ordinary::SellerWords`]): to this seller they are words.
    pub written_as_words: bool,
    /// The span names a brand the product imitates or is compared with ("… Style",
    /// "looks like …"): see [`ordinary::imitated`].
    pub imitated: bool,
    /// The word evidence holds the (one-word) mark, however rarely, as a word or a name
    /// ("roma", "aires"): not a word invented as a brand.
    pub listed_word: bool,
    /// The mark is a phrase of known words, none of them a name ("Minor Injuries"):
    /// coined only as a phrase, when the phrase is rare.
    pub known_words: bool,
    /// Another brand, or the seller's own, stands in the same field: brands are named
    /// together ("Ninja Turtles … Raphael", "for Flamengo Fans Rio").
    pub brand_in_field: bool,
    /// The seller writes ™ or ® right after the span ("Igloo®"): names it as a mark.
    pub trademark_sign: bool,
}

/// The verdict on one candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// The finding's kind.
    pub kind: FindingKind,
    /// Its severity.
    pub severity: Severity,
    /// The mark as registered (of the most relevant record).
    pub mark: String,
    /// The evidence that decided, in words.
    pub reason: String,
    /// The records cited, most relevant first.
    pub records: Vec<RecordRef>,
    /// The owner's enforcement evidence, from the first cited record that carries it.
    pub enforcement: Option<EnforcementRef>,
}

/// Judges one candidate; `None` when no live record protects the words. `cite` gives
/// the record a [`Claim`] names.
pub fn judge(f: &Facts<'_>, cite: &dyn Fn(u32) -> Option<Arc<Record>>) -> Option<Verdict> {
    assess(f).map(|a| a.verdict(f, cite))
}

/// Kind and severity of a candidate with the evidence that decided them, before the
/// records are cited: what a caller needs to decide whether to report it at all.
#[derive(Debug, Clone)]
pub struct Assessment {
    /// The finding's kind.
    pub kind: FindingKind,
    /// Its severity.
    pub severity: Severity,
    /// The evidence that decided, in words.
    why: Vec<Cow<'static, str>>,
}

/// Assesses one candidate like [`judge`] without citing its records (a common word can
/// have hundreds); `None` when no live record protects the words.
pub fn assess(f: &Facts<'_>) -> Option<Assessment> {
    let p = f.protection;
    if p.count == 0 {
        return None;
    }
    // Registrations (US, EU, a watch list) protect words; brand lists only say a name
    // is a brand, strongly when it is famous.
    let Kinds {
        registered_any,
        registered,
        pending,
        famous,
        watch,
        watch_only,
        stylised_only,
        sues_sellers,
        enforced,
        famous_by_name,
    } = p.kinds;
    if !f.key.chars().any(char::is_alphabetic) && !registered_any {
        // A number on a brand list ("76") is not a brand in a listing's text.
        return None;
    }
    let classes = relate(p.classes, f.listing_classes);

    let mut why: Vec<Cow<'static, str>> = Vec::new();
    let mut severity = match f.common {
        // "the Amazon River", "Patagonia Region": a place, whatever else the name is,
        // unless its owner sues sellers (then judged as usual); after its title ("Lake
        // Tahoe") a place whoever the owner is.
        None if f.compound == Some(Compound::TitledPlace) && f.disguise.is_none() => {
            why.push("a place named after its title (\"Lake …\")".into());
            Severity::Low
        }
        None if f.compound == Some(Compound::Place) && f.disguise.is_none() && !sues_sellers => {
            why.push("the first word of a place name (\"… River\", \"… Rainforest\")".into());
            Severity::Low
        }
        None => {
            why.push("a coined word, distinctive in any line of goods".into());
            match classes {
                // A famous phrase of known words, or a famous word the word lists hold
                // as a word or name, on goods none of the brand's, that nothing names as
                // a brand and no other brand stands beside ("Ice Cube Tray", "Mitre Saw
                // Stand", "Tudor Princess Costume"), is the words; "for Red Bull and
                // Monster Energy Drinks", "Red Bull and Ferrari F1" name brands.
                Classes::Unrelated
                    if famous_by_name
                        && (f.known_words || f.listed_word)
                        && !sues_sellers
                        && !f.brand_in_field
                        && f.disguise.is_none()
                        && !matches!(
                            f.usage,
                            Usage::Compatibility { .. } | Usage::Brand { strong: true, .. }
                        ) =>
                {
                    why.push(
                        "a word or phrase of the language as well as a famous brand, on goods \
                         none of the brand's, which nothing in the text names as a brand"
                            .into(),
                    );
                    Severity::Low
                }
                _ if famous => Severity::High,
                Classes::Overlap => Severity::High,
                Classes::Unknown if registered_any => Severity::High,
                // Brand lists hold places, people, companies and rare words ("Roma",
                // "Kansai", "Humboldt", "4D" on puzzles, "Animate") and name no goods:
                // without the text naming it as a brand, the entry is that word or name
                // (the reason says whether the seller writes it in lower case, as a word,
                // or the word lists know it).
                Classes::Unknown if !names_a_brand(f.usage) => {
                    why.push(if matches!(f.usage, Usage::Ordinary { .. }) {
                        "on a brand list, but written in lower case, as a word".into()
                    } else if f.listed_word {
                        "on a brand list, but a word or name the word lists know, and nothing \
                         names it as a brand"
                            .into()
                    } else {
                        "on a brand list alone, which names no goods, and nothing names it as a \
                         brand"
                            .into()
                    });
                    Severity::Low
                }
                Classes::Unknown => {
                    why.push("on a brand list".into());
                    Severity::Medium
                }
                // A registered phrase of known words ("MINOR INJURIES", "VINYL WITH") is
                // coined only as a phrase: on other goods it is the words, as the
                // exact-phrase row says.
                Classes::Unrelated if f.known_words && !enforced => {
                    why.push("a phrase of known words, registered only for other goods".into());
                    Severity::Low
                }
                Classes::Unrelated if registered_any => Severity::Medium,
                Classes::Unrelated => Severity::Low,
            }
        }
        Some((word, _)) if f.compound == Some(Compound::TitledPlace) => {
            why.push(format!("\"{word}\" names a place after its title (\"Lake …\")").into());
            Severity::Low
        }
        Some((word, _)) if f.compound.is_some() && !sues_sellers => {
            // Colour and place names borrow places, animals and people ("Columbia Blue",
            // "Mustang Brown", "Hunter Green", "Columbia River"). A mark whose owner
            // sues sellers is judged as usual: "Barbie Pink" names the brand as much as
            // the shade.
            why.push(
                format!(
                    "\"{word}\" is the first word of a {} name",
                    match f.compound {
                        Some(Compound::Place) => "place (\"… River\")",
                        _ => "colour (\"… Blue\", \"… Green\")",
                    }
                )
                .into(),
            );
            Severity::Low
        }
        Some((word, zipf)) if f.name || is_abbreviation(word, zipf) => {
            why.push(
                if f.name {
                    format!("\"{word}\" is mostly written as a name (Zipf {zipf:.1})")
                } else {
                    format!("\"{word}\" is short enough to be an abbreviation")
                }
                .into(),
            );
            // Only registrations and curated records say which goods a name or an
            // abbreviation is a brand for: brand lists hold too many of them.
            let classes = relate(p.goods_classes, f.listing_classes);
            match f.usage {
                Usage::Depicted { why: w } if sues_sellers && classes != Classes::Unrelated => {
                    why.push(format!("{w}: a picture of it is what its owner sues over").into());
                    Severity::Medium
                }
                Usage::Ordinary { why: w } | Usage::Depicted { why: w } => {
                    why.push(format!("used as an ordinary word: {w}").into());
                    Severity::Low
                }
                Usage::Compatibility { why: w, .. }
                | Usage::Brand {
                    strong: true,
                    why: w,
                } => {
                    why.push(format!("in brand position: {w}").into());
                    // Named as what the product fits or is for ("for BTS fans", "for
                    // Jetboil and MSR stoves"), or marked ™ or ® by the seller ("for
                    // WD-40® Cans"), a famous name is worth a look on any goods.
                    let named_as_fitting =
                        matches!(f.usage, Usage::Compatibility { purpose: false, .. })
                            || f.trademark_sign;
                    match classes {
                        _ if sues_sellers => Severity::High,
                        Classes::Overlap => Severity::High,
                        Classes::Unknown if registered_any => Severity::Medium,
                        _ if famous && named_as_fitting => Severity::Medium,
                        _ => Severity::Low,
                    }
                }
                // A name the seller writes in lower case in running text elsewhere
                // ("Tape Echo Sound" beside "cuts room echo") is a word to this seller:
                // with no more than position to go on, it is the word.
                Usage::Brand { strong: false, .. } | Usage::Neutral if f.written_as_words => {
                    why.push(
                        "the seller writes it in lower case elsewhere in the listing, as a word"
                            .into(),
                    );
                    Severity::Low
                }
                Usage::Brand {
                    strong: false,
                    why: w,
                } => {
                    why.push(format!("possibly in brand position: {w}").into());
                    match classes {
                        Classes::Overlap if sues_sellers => Severity::High,
                        Classes::Overlap => Severity::Medium,
                        Classes::Unknown if sues_sellers => Severity::Medium,
                        _ => Severity::Low,
                    }
                }
                // With nothing either way, a registration in the listing's class makes a
                // name worth a look only where the field names brands, or where the name
                // is rare: a real register holds most names in most classes ("Echo
                // Cancellation", "Shea butter").
                Usage::Neutral => match classes {
                    Classes::Overlap
                        if (registered_any
                            && (zipf < ordinary::COMMON_ZIPF || f.brand_in_field))
                            || sues_sellers
                            || (enforced && zipf < ordinary::COMMON_ZIPF) =>
                    {
                        Severity::Medium
                    }
                    _ => Severity::Low,
                },
            }
        }
        Some((word, zipf)) => {
            why.push(format!("\"{word}\" is also a common word (Zipf {zipf:.1})").into());
            known_word(f, &mut why)
        }
    };
    // A seller's watch list is not a register: say so rather than "registered".
    why.push(
        match classes {
            Classes::Overlap if watch_only => "on your watch list for the goods of this listing",
            Classes::Overlap if enforced && !registered_any => {
                "its owner's marks cover the goods of this listing"
            }
            Classes::Overlap => "registered for the goods of this listing",
            Classes::Unknown if f.listing_classes == 0 => "the listing's goods class is unknown",
            Classes::Unknown if watch_only => "on your watch list for any goods",
            Classes::Unknown => "registered without a goods class",
            Classes::Unrelated if famous => "a famous brand, protected beyond its goods",
            Classes::Unrelated if watch_only => "on your watch list only for other goods",
            Classes::Unrelated => "registered only for other goods",
        }
        .into(),
    );
    if watch_only && !why.iter().any(|w| w.contains("watch list")) {
        why.push("on your watch list".into());
    } else if !watch_only && watch {
        why.push("also on your watch list".into());
    }
    if famous && !why.iter().any(|w| w.contains("famous")) {
        why.push("a famous brand".into());
    }
    if sues_sellers {
        why.push(SUES_SELLERS.into());
    }
    if stylised_only && f.common.is_some() && severity > Severity::Low {
        severity = Severity::Medium;
        why.push("registered only in stylised form".into());
    }
    let kind = if f.disguise.is_some() {
        FindingKind::Lookalike
    } else if famous && (classes != Classes::Overlap || !registered) {
        FindingKind::FamousBrand
    } else if registered {
        FindingKind::RegisteredMark
    } else if pending {
        FindingKind::PendingMark
    } else {
        FindingKind::FamousBrand
    };
    // A registration that is not famous is protected for its goods; one letter from a
    // short one, other goods' words are as likely another word or name ("Droid",
    // "Claas" beside a register's DROND, CLAIS) as a disguise.
    let short_registration = !famous && f.key.chars().count() < LONG_REGISTRATION_LETTERS;
    if f.misspelt
        && !f.imitated
        && (!registered_any || short_registration)
        && relate(p.goods_classes, f.listing_classes) == Classes::Unrelated
    {
        severity = Severity::Low;
        why.push("a misspelling reads as the mark only on its goods".into());
    }
    // A name only brand lists hold says nothing of the goods it is a brand for, so a
    // word one letter from it is as likely another word or name ("Hetzer", a tank, is
    // no Hetzner).
    if f.misspelt && !f.imitated && !registered_any && !enforced {
        severity = Severity::Low;
        why.push("a misspelling of a name only brand lists hold, whose goods nobody says".into());
    }
    // A character, model or product line of the brand the field names is as often
    // missing from the register as it is one letter from another owner's mark
    // ("Yu-Gi-Oh Marik" beside Mavrik, "Monster Hunter … Lagia" beside Lugia).
    if f.beside_another_owners_brand && !f.imitated {
        severity = Severity::Low;
        why.push(
            "one word beside another owner's brand, as likely a name of its line as a \
             misspelling of this mark"
                .into(),
        );
    }
    if kind == FindingKind::PendingMark && severity == Severity::High {
        severity = Severity::Medium;
        why.push("only applied for, not yet registered".into());
    }
    Some(Assessment {
        kind,
        severity,
        why,
    })
}

/// The fewest letters of a registered mark whose misspelling on other goods still reads
/// as the mark ("Minichrmps" of MINICHAMPS); below it, a word one letter from the mark
/// on goods the registration does not cover is as likely another word or name.
pub const LONG_REGISTRATION_LETTERS: usize = 8;

/// What the reason says of a mark whose owner has sued marketplace sellers.
pub const SUES_SELLERS: &str = "its owner files Schedule A lawsuits against marketplace sellers";

/// The most records a finding cites. A common word can stand behind hundreds of
/// registrations ("star", "eagle"); a seller reads the most relevant few, and the reason
/// says how many there are.
pub const CITED_RECORDS: usize = 10;

impl Assessment {
    /// The verdict: the mark as registered, the reason and the records cited, most
    /// relevant first (at most [`CITED_RECORDS`]). `f` are the facts the assessment
    /// came from; `cite` gives the record a [`Claim`] names (`None`: it cannot be read,
    /// and is not cited).
    pub fn verdict(mut self, f: &Facts<'_>, cite: &dyn Fn(u32) -> Option<Arc<Record>>) -> Verdict {
        // Most relevant first: in the listing's classes, then in the order the
        // protection keeps (registered rather than on a brand list, registered rather
        // than pending, record order). Scanning stops at the cited few.
        let p = f.protection;
        if p.count > CITED_RECORDS {
            self.why.push(
                format!(
                    "{} live records, the {CITED_RECORDS} most relevant cited",
                    p.count
                )
                .into(),
            );
        }
        let in_classes = |wanted: bool| {
            p.claims
                .iter()
                .filter(move |c| (c.classes.unwrap_or(0) & f.listing_classes != 0) == wanted)
        };
        let cited: Vec<Arc<Record>> = in_classes(true)
            .chain(in_classes(false))
            .filter_map(|c| cite(c.record))
            .take(CITED_RECORDS)
            .collect();
        let mark = cited
            .first()
            .map_or_else(|| f.key.to_uppercase(), |r| r.mark.clone());
        let mut reason = match &f.disguise {
            Some(d) => format!("Looks like {mark} ({d}): "),
            None => format!("{mark}: "),
        };
        reason.push_str(&self.why.join("; "));
        reason.push('.');
        Verdict {
            kind: self.kind,
            severity: self.severity,
            mark,
            reason,
            records: cited.iter().map(|r| record_ref(r)).collect(),
            enforcement: cited.iter().find_map(|r| enforcement_ref(r)),
        }
    }
}

/// How records naming the classes `covered` (`None`: none names any) relate to the
/// listing's classes.
fn relate(covered: Option<u64>, listing: u64) -> Classes {
    match covered {
        _ if listing == 0 => Classes::Unknown,
        None => Classes::Unknown,
        Some(mask) if mask & listing != 0 => Classes::Overlap,
        Some(_) => Classes::Unrelated,
    }
}

/// Whether a mark held to be common is an abbreviation: a single word of at most
/// [`ordinary::ABBREVIATION_LETTERS`] letters that the word lists do not know as a word
/// ("HP", "JBL"). A known word ("the", "for", "set") is never one.
fn is_abbreviation(word: &str, zipf: f32) -> bool {
    !word.contains(' ')
        && word.chars().count() <= ordinary::ABBREVIATION_LETTERS
        && zipf < ordinary::KNOWN_ZIPF
}

/// The severity of a known word or phrase (the last two rows of the table), pushing the
/// evidence that decided it. Its ordinary sense is the default, however many records
/// register it for the listing's goods: only the word used as a name (not merely
/// opening a segment) together with brand evidence of its own — a famous mark, or a
/// coined spelling as written — makes it a finding. A famous mark's ordinary sense wins
/// when the listing's goods are none of the brand's, unless the seller names it as what
/// the product fits.
fn known_word(f: &Facts<'_>, why: &mut Vec<Cow<'static, str>>) -> Severity {
    let p = f.protection;
    let (famous, registered_any) = (p.kinds.famous, p.kinds.registered_any);
    let everyday = f.common.is_some_and(|(_, z)| z >= ordinary::EVERYDAY_ZIPF);
    // "for Puma Sneakers" names whose goods the product fits; "for Smart Speaker" is
    // an everyday adjective of the goods, a purpose like "for kids" — unless the word
    // is a famous brand of these very goods ("Strap for Coach Bags" on a bag strap).
    let famous_for_these_goods =
        famous && relate(p.famous_classes, f.listing_classes) == Classes::Overlap;
    // A bare "for" before a famous brand of the listing's own goods names what the
    // product fits ("Battery Door for BlackBerry" on a phone part): a purpose is no
    // brand of the goods sold. Nor is a purpose written in a coined spelling ("for
    // LeapFrog", "for S'well").
    // Unless the seller writes the word in lower case in running text elsewhere ("for
    // Apple Shape" beside "for an apple figure"): to this seller the "for" names a
    // purpose, whatever the brand's goods.
    let names_own_brand = !everyday && famous_for_these_goods && !f.written_as_words;
    // Goods after the word say whose goods the product fits only when they are goods a
    // registration or the curated list names the word a brand for: "for Puma Sneakers";
    // but "for Camper Vans" is a kind of van, whoever registered CAMPER for shoes.
    let its_goods = |goods: u64| {
        relate(p.goods_classes, goods) == Classes::Overlap
            || relate(p.famous_classes, goods) == Classes::Overlap
    };
    let fits_goods;
    let usage = match *f.usage {
        Usage::Compatibility {
            why, goods, listed, ..
        } if (goods != 0
            && its_goods(goods)
            && (!everyday || famous_for_these_goods)
            && !f.written_as_words)
            || names_own_brand
            || f.coined_spelling =>
        {
            fits_goods = Usage::Compatibility {
                why,
                purpose: false,
                goods,
                listed,
            };
            &fits_goods
        }
        _ => f.usage,
    };
    let (name, compat) = match usage {
        // "Spider-Man design", "Bluey theme": a picture of a suing owner's character is
        // what Schedule A cases are about; "penguin print" is a penguin.
        Usage::Depicted { why: w }
            if p.kinds.sues_sellers
                && !f.vocabulary
                && relate(p.goods_classes, f.listing_classes) != Classes::Unrelated =>
        {
            why.push(format!("{w}: a picture of it is what its owner sues over").into());
            return Severity::Medium;
        }
        Usage::Ordinary { why: w } | Usage::Depicted { why: w } => {
            why.push(format!("used as an ordinary word: {w}").into());
            return Severity::Low;
        }
        Usage::Brand {
            strong: false,
            why: w,
        }
        | Usage::Compatibility {
            why: w,
            purpose: true,
            ..
        } => {
            // A mark whose owner sues sellers, in a segment's brand slot of goods its
            // marks cover ("Stitch Plush Toy"), is worth a look — unless the seller
            // writes it as a word elsewhere ("a frozen treat"); anywhere else position
            // alone does not make an ordinary word a brand.
            if suing_owners_goods(f) {
                why.push(format!("possibly in brand position: {w}").into());
                return Severity::Medium;
            }
            why.push(
                format!("its position alone ({w}) does not make an ordinary word a brand").into(),
            );
            written_as_words(f, why);
            return Severity::Low;
        }
        Usage::Neutral => {
            why.push("nothing in the text uses it as a name".into());
            written_as_words(f, why);
            // Nor as a word: a suing owner's mark on goods its marks cover is worth a
            // look ("Stitch plush"), unless the seller writes it as a word elsewhere.
            return if suing_owners_goods(f) {
                Severity::Medium
            } else {
                Severity::Low
            };
        }
        Usage::Compatibility {
            why: w,
            listed: true,
            ..
        } if f.vocabulary => {
            why.push(
                format!(
                    "it continues a list ({w}), where a colour or size follows as often as a \
                 brand: listing vocabulary, read in its ordinary sense"
                )
                .into(),
            );
            return Severity::Low;
        }
        Usage::Compatibility { why: w, .. } => (w, true),
        Usage::Brand {
            strong: true,
            why: w,
        } => (w, false),
    };
    why.push(format!("used as a name: {name}").into());
    // Marked ™ or ® by the seller, the word is named as somebody's mark, as much as
    // when the product is said to fit it.
    let compat = compat || f.trademark_sign;
    // A famous known word is a brand on the goods it is famous for: registrations of
    // the same ordinary word by others (a real register holds thousands) say nothing
    // about that brand.
    let fame_goods = relate(p.famous_classes, f.listing_classes);
    if f.vocabulary && !compat && !(famous && fame_goods == Classes::Overlap) {
        why.push(
            "but it is listing vocabulary (a colour, material, unit, product, plant or animal), \
             read in its ordinary sense"
                .into(),
        );
        return Severity::Low;
    }
    // Brand lists hold everyday words ("Power", "Family", "Smart"): an entry that names
    // no goods is no evidence that such a word is a brand, even after compatibility
    // wording ("with Jackery and EcoFlow Power Stations"); the curated list's classes are.
    let fame = famous && !(everyday && p.famous_classes.is_none());
    let evidence = fame || f.coined_spelling;
    if f.coined_spelling {
        why.push("written in a coined spelling".into());
    }
    if famous && !f.coined_spelling && !compat && fame_goods == Classes::Unrelated {
        why.push(
            "the listing's goods are none of the famous brand's: read in its ordinary sense".into(),
        );
        return Severity::Low;
    }
    // "Tester for Diesel Engines": the goods it is named with, like the listing's, are
    // none of the famous brand's, so the word says what kind of goods they are.
    let named_goods = match usage {
        Usage::Compatibility { goods, .. } => *goods,
        _ => 0,
    };
    if famous
        && !f.coined_spelling
        && fame_goods == Classes::Unrelated
        && relate(p.famous_classes, named_goods) == Classes::Unrelated
    {
        why.push(
            "the goods named after it, like the listing's, are none of the famous brand's: \
             read in its ordinary sense"
                .into(),
        );
        return Severity::Low;
    }
    // An exact multi-word mark is evidence of its own: nobody writes "Hot Wheels" for
    // hot wheels. A single registered word used as a name is not: listings capitalise
    // ordinary words ("Gift for Fans", "PRINT"), and a register holds them all.
    let phrase = f.key.contains(' ');
    if p.kinds.sues_sellers {
        // Used as a name, a mark whose owner sues marketplace sellers is high on its
        // goods, on unknown goods and wherever the seller names it as what the product
        // fits (the reason says why); on other goods its ordinary sense won above.
        return Severity::High;
    }
    if everyday && !evidence {
        why.push(
            "an everyday word, which only a famous mark or a coined spelling makes a brand".into(),
        );
        return Severity::Low;
    }
    if !evidence && !phrase {
        why.push(
            "an ordinary word registered as a mark: only a famous mark, an exact phrase or \
             a coined spelling makes it a brand"
                .into(),
        );
        return Severity::Low;
    }
    let by_fame = famous && !f.coined_spelling;
    let registered_goods = relate(p.goods_classes, f.listing_classes);
    match if by_fame {
        fame_goods
    } else {
        registered_goods
    } {
        Classes::Overlap if evidence => Severity::High,
        Classes::Overlap => Severity::Medium,
        // Brand lists hold ordinary words ("Free", "Gas") and name no goods: only the
        // seller's own compatibility wording makes one a brand; a coined spelling, with
        // a registration.
        // The curated list names the brand's goods: used as a name on goods nobody
        // can tell, it is worth a look.
        Classes::Unknown
            if evidence && (compat || (registered_any && !by_fame) || p.enforced()) =>
        {
            Severity::Medium
        }
        Classes::Unrelated if famous && compat => Severity::Medium,
        // An exact phrase registered for these goods is evidence of its own.
        _ if phrase && registered_goods == Classes::Overlap => Severity::Medium,
        _ => Severity::Low,
    }
}

/// Whether a known word, with no more than position to say it is a name, is worth a
/// look as a suing owner's mark: its owner sues sellers, its marks cover the listing's
/// goods, it is no listing vocabulary, and the seller does not write it in lower case
/// in running text elsewhere in the listing ("a frozen treat" says what "Frozen Drink
/// Cup" means to this seller).
fn suing_owners_goods(f: &Facts<'_>) -> bool {
    let p = f.protection;
    p.kinds.sues_sellers
        && !f.vocabulary
        && !f.written_as_words
        && relate(p.goods_classes, f.listing_classes) == Classes::Overlap
}

/// Says so when the seller writes the words in lower case elsewhere, where that is
/// what kept a suing owner's mark low.
fn written_as_words(f: &Facts<'_>, why: &mut Vec<Cow<'static, str>>) {
    if f.written_as_words && f.protection.kinds.sues_sellers {
        why.push("the seller writes it in lower case elsewhere in the listing, as a word".into());
    }
}

/// Whether the text itself names the words as a brand: as what the product fits (not a
/// bare "for"), or in strong brand position.
fn names_a_brand(usage: &Usage) -> bool {
    matches!(
        usage,
        Usage::Compatibility { purpose: false, .. } | Usage::Brand { strong: true, .. }
    )
}

/// Whether the owner disclaimed the matched words (no exclusive right to them alone).
fn disclaims(r: &Record, key: &str) -> bool {
    r.disclaimers
        .iter()
        .any(|d| crate::text::mark_key(d) == key)
}

/// A record's enforcement evidence in the shape findings carry it.
pub fn enforcement_ref(r: &Record) -> Option<EnforcementRef> {
    let e = r.enforcement.as_ref()?;
    Some(EnforcementRef {
        schedule_a: e.schedule_a,
        vero: e.vero,
        cases: e.cases.clone(),
        owner: r.owner.clone(),
        franchise: e.franchise.clone(),
    })
}

/// A record in the shape findings cite it.
pub fn record_ref(r: &Record) -> RecordRef {
    RecordRef {
        register: r.register.code().to_owned(),
        number: r.number.clone(),
        registration: r.registration.clone(),
        owner: r.owner.clone(),
        classes: r.classes.clone(),
        status: r.status.as_str().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cites a test's records by position.
    fn cite(records: &[Record]) -> impl Fn(u32) -> Option<Arc<Record>> + '_ {
        |i| records.get(i as usize).cloned().map(Arc::new)
    }

    fn rec(mark: &str, classes: &[u8]) -> Record {
        let mut r = Record::new(Register::US, mark, "Owner Inc.");
        r.classes = classes.to_vec();
        r
    }

    /// The facts of a candidate with nothing but its key, records, listing and use
    /// known: every other fact is absent.
    fn facts<'a>(
        key: &'a str,
        protection: &'a Protection,
        listing_classes: u64,
        common: Option<(&'a str, f32)>,
        usage: &'a Usage,
    ) -> Facts<'a> {
        Facts {
            key,
            protection,
            listing_classes,
            common,
            usage,
            disguise: None,
            misspelt: false,
            beside_another_owners_brand: false,
            name: false,
            vocabulary: false,
            coined_spelling: false,
            compound: None,
            written_as_words: false,
            imitated: false,
            listed_word: false,
            known_words: false,
            brand_in_field: false,
            trademark_sign: false,
        }
    }

    /// The verdict on `key` with these records, in a listing of these classes.
    fn verdict(
        records: &[Record],
        key: &str,
        listing: &[u8],
        common: Option<(&str, f32)>,
        usage: &Usage,
    ) -> Option<Verdict> {
        judge(
            &facts(
                key,
                &Protection::of_records(records, key),
                class_mask(listing),
                common,
                usage,
            ),
            &cite(records),
        )
    }

    fn sev(
        records: &[Record],
        listing: &[u8],
        common: Option<(&str, f32)>,
        usage: Usage,
    ) -> Option<Severity> {
        verdict(records, "x", listing, common, &usage).map(|v| v.severity)
    }

    /// The severity of a disguise of the coined mark `key` (records `records`) in a
    /// listing of classes `listing`; `misspelt`: letters only, no digit or symbol.
    fn disguised(records: &[Record], listing: &[u8], misspelt: bool) -> Option<Severity> {
        disguised_as(records, listing, misspelt, false)
    }

    /// [`disguised`], `imitated`: named as the brand the product imitates.
    fn disguised_as(
        records: &[Record],
        listing: &[u8],
        misspelt: bool,
        imitated: bool,
    ) -> Option<Severity> {
        disguised_key(records, "casper", listing, misspelt, imitated)
    }

    /// [`disguised_as`] for a mark key of its own.
    fn disguised_key(
        records: &[Record],
        key: &str,
        listing: &[u8],
        misspelt: bool,
        imitated: bool,
    ) -> Option<Severity> {
        judge(
            &Facts {
                disguise: Some("one letter changed".to_owned()),
                misspelt,
                imitated,
                ..facts(
                    key,
                    &Protection::of_records(records, key),
                    class_mask(listing),
                    None,
                    &Usage::Neutral,
                )
            },
            &cite(records),
        )
        .map(|v| v.severity)
    }

    #[test]
    fn a_word_the_lists_know_on_a_brand_list_alone_is_the_word_unless_named_as_a_brand() {
        // "Seeds Cherry Beefsteak Roma": a brand list's "Roma" is the tomato here.
        let listed = [Record::new(Register::Famous, "Roma", "Roma Co.")];
        let sev = |listed_word: bool, usage: Usage| {
            judge(
                &Facts {
                    listed_word,
                    ..facts(
                        "roma",
                        &Protection::of_records(&listed, "roma"),
                        class_mask(&[31]),
                        None,
                        &usage,
                    )
                },
                &cite(&listed),
            )
            .map(|v| v.severity)
        };
        assert_eq!(sev(false, Usage::Neutral), Some(Severity::Low));
        assert_eq!(sev(false, NAME), Some(Severity::Medium));
        assert_eq!(sev(true, Usage::Neutral), Some(Severity::Low));
        assert_eq!(sev(true, WEAK), Some(Severity::Low));
        assert_eq!(sev(true, FOR), Some(Severity::Low));
        // Named as a brand by the text, it is worth a look as before.
        assert_eq!(sev(true, NAME), Some(Severity::Medium));
        assert_eq!(sev(true, FITS), Some(Severity::Medium));
        // A registration says which word it is, whatever the word lists hold.
        let registered = [rec("ROMA", &[])];
        let v = judge(
            &Facts {
                listed_word: true,
                ..facts(
                    "roma",
                    &Protection::of_records(&registered, "roma"),
                    class_mask(&[31]),
                    None,
                    &Usage::Neutral,
                )
            },
            &cite(&registered),
        );
        assert_eq!(v.map(|v| v.severity), Some(Severity::High));
    }

    #[test]
    fn a_registered_phrase_of_known_words_is_the_words_on_other_goods() {
        let r = [rec("MINOR INJURIES", &[9])];
        let sev = |listing: &[u8], known_words: bool| {
            judge(
                &Facts {
                    known_words,
                    ..facts(
                        "minor injuries",
                        &Protection::of_records(&r, "minor injuries"),
                        class_mask(listing),
                        None,
                        &Usage::Neutral,
                    )
                },
                &cite(&r),
            )
            .map(|v| v.severity)
        };
        // On a first-aid book (16), the words; a coined word there is worth a look.
        assert_eq!(sev(&[16], true), Some(Severity::Low));
        assert_eq!(sev(&[16], false), Some(Severity::Medium));
        // On its own goods, or goods nobody can tell, the phrase is the mark.
        assert_eq!(sev(&[9], true), Some(Severity::High));
        assert_eq!(sev(&[], true), Some(Severity::High));
    }

    #[test]
    fn a_famous_phrase_of_known_words_alone_on_other_goods_is_the_words() {
        // "Ice Cube Tray": the rapper's name on a kitchen tray (21).
        let sev = |r: &Record, listing: &[u8], usage: Usage, known_words: bool, beside: bool| {
            let records = [r.clone()];
            let protection = Protection::of_records(&records, "ice cube");
            let verdict = judge(
                &Facts {
                    known_words,
                    brand_in_field: beside,
                    ..facts("ice cube", &protection, class_mask(listing), None, &usage)
                },
                &cite(&records),
            );
            verdict.map(|v| v.severity)
        };
        let rapper = famous("Ice Cube", &[9, 41]);
        assert_eq!(
            sev(&rapper, &[21], Usage::Neutral, true, false),
            Some(Severity::Low)
        );
        assert_eq!(sev(&rapper, &[21], WEAK, true, false), Some(Severity::Low));
        // A coined phrase, another brand beside it ("Red Bull and Ferrari F1"), the
        // text naming it ("for Red Bull and Monster Energy Drinks"), its own goods or
        // an owner who sues sellers: the famous mark, protected beyond its goods.
        assert_eq!(
            sev(&rapper, &[21], Usage::Neutral, false, false),
            Some(Severity::High)
        );
        assert_eq!(
            sev(&rapper, &[21], Usage::Neutral, true, true),
            Some(Severity::High)
        );
        for usage in [FOR, FITS, NAME] {
            assert_eq!(
                sev(&rapper, &[21], usage.clone(), true, false),
                Some(Severity::High),
                "{usage:?}"
            );
        }
        assert_eq!(
            sev(&rapper, &[9], Usage::Neutral, true, false),
            Some(Severity::High)
        );
        assert_eq!(
            sev(
                &curated("Ice Cube", &[9, 41], true),
                &[21],
                Usage::Neutral,
                true,
                false
            ),
            Some(Severity::High)
        );
        // One word the word lists hold ("Mitre" on a saw stand), alone: the word; a word
        // they do not hold is coined, and stays the brand.
        let records = [famous("Mitre", &[25, 28])];
        let word = |listed_word: bool| {
            let protection = Protection::of_records(&records, "mitre");
            let verdict = judge(
                &Facts {
                    listed_word,
                    ..facts(
                        "mitre",
                        &protection,
                        class_mask(&[7]),
                        None,
                        &Usage::Neutral,
                    )
                },
                &cite(&records),
            );
            verdict.map(|v| v.severity)
        };
        assert_eq!(word(true), Some(Severity::Low));
        assert_eq!(word(false), Some(Severity::High));
        // Found by another spelling the curated row gives ("Kiss Band" of KISS, on band
        // figures): the spelling names the brand.
        let records = [famous("KISS", &[9, 25, 41])];
        let protection = Protection::of_records(&records, "kiss band");
        let by_alias = judge(
            &Facts {
                known_words: true,
                ..facts(
                    "kiss band",
                    &protection,
                    class_mask(&[28]),
                    None,
                    &Usage::Neutral,
                )
            },
            &cite(&records),
        );
        assert_eq!(by_alias.map(|v| v.severity), Some(Severity::High));
    }

    #[test]
    fn a_misspelling_named_as_the_brand_imitated_reads_as_the_mark_on_any_goods() {
        let mut famous = rec("JACKERY", &[9]);
        famous.register = Register::Famous;
        famous.famous = true;
        famous.enforcement = Some(crate::register::Enforcement::default());
        let records = [famous];
        // "Jakery Style" on a camping generator (28): the seller says it is a brand.
        assert_eq!(
            disguised_as(&records, &[28], true, true),
            Some(Severity::High)
        );
        // Without the imitation wording, a misspelling on other goods is another word.
        assert_eq!(
            disguised_as(&records, &[28], true, false),
            Some(Severity::Low)
        );
        // On its own goods nothing changes.
        assert_eq!(
            disguised_as(&records, &[9], true, true),
            Some(Severity::High)
        );
    }

    #[test]
    fn a_misspelling_reads_as_the_mark_only_on_its_goods() {
        let mut famous = rec("CASPER", &[20, 24]);
        famous.register = Register::Famous;
        famous.famous = true;
        famous.enforcement = Some(crate::register::Enforcement::default());
        let records = [famous];
        // On a figure (28) "Caster" is a word, not the mattress brand.
        assert_eq!(disguised(&records, &[28], true), Some(Severity::Low));
        // On its goods, or where the goods are unknown, it is the mark.
        assert_eq!(disguised(&records, &[20], true), Some(Severity::High));
        assert_eq!(disguised(&records, &[], true), Some(Severity::High));
        // A digit or a symbol shows intent: a famous mark is protected beyond its goods.
        assert_eq!(disguised(&records, &[28], false), Some(Severity::High));
        // A famous name on a brand list alone says nothing of its goods: one letter from
        // it is another word or name on any goods ("Hetzer" beside Hetzner), unless the
        // seller names it as imitated or disguises it with a digit or a symbol.
        let mut listed = rec("CASPER", &[]);
        listed.register = Register::Famous;
        listed.famous = true;
        let listed = [listed];
        assert_eq!(disguised(&listed, &[28], true), Some(Severity::Low));
        assert_eq!(disguised(&listed, &[], true), Some(Severity::Low));
        assert_eq!(
            disguised_as(&listed, &[28], true, true),
            Some(Severity::High)
        );
        assert_eq!(disguised(&listed, &[28], false), Some(Severity::High));
        // A registration's misspelling follows the coined row — medium on other goods —
        // when the mark is long; one letter from a short one, a word on other goods is
        // as likely another word ("Droid" beside DROND).
        let registered = |mark: &str, misspelt: bool| {
            let key = mark.to_lowercase();
            disguised_key(&[rec(mark, &[20])], &key, &[28], misspelt, false)
        };
        assert_eq!(registered("CASPER", true), Some(Severity::Low));
        assert_eq!(
            registered("DROMIDA", true),
            Some(Severity::Low),
            "7 letters"
        );
        assert_eq!(
            registered("BATARANG", true),
            Some(Severity::Medium),
            "8 letters"
        );
        assert_eq!(registered("MINICHAMPS", true), Some(Severity::Medium));
        // A digit or a symbol shows intent, and the mark's own goods are its own.
        assert_eq!(registered("CASPER", false), Some(Severity::Medium));
        assert_eq!(
            disguised_key(&[rec("CASPER", &[20])], "casper", &[20], true, false),
            Some(Severity::High)
        );
        // Named as the brand imitated, it is the mark on any goods.
        assert_eq!(
            disguised_key(&[rec("CASPER", &[20])], "casper", &[28], true, true),
            Some(Severity::Medium)
        );
    }

    #[test]
    fn many_records_are_cited_most_relevant_first_and_counted() {
        let mut records: Vec<Record> = (0..30).map(|_| rec("STAR", &[9])).collect();
        records.push(rec("STAR", &[28]));
        let v = verdict(&records, "star", &[28], None, &Usage::Neutral).unwrap();
        assert_eq!(v.records.len(), CITED_RECORDS);
        assert_eq!(
            v.records[0].classes,
            [28],
            "the record in the listing's class first"
        );
        assert!(v.reason.contains("31 live records"), "{}", v.reason);
    }

    /// The count of live records is said only where more than the cited few stand
    /// behind the words.
    #[test]
    fn the_records_are_counted_in_the_reason_only_beyond_the_cited_few() {
        for (n, counted) in [(CITED_RECORDS, false), (CITED_RECORDS + 1, true)] {
            let records: Vec<Record> = (0..n).map(|_| rec("ZORBLAX", &[28])).collect();
            let v = verdict(&records, "zorblax", &[28], None, &Usage::Neutral).unwrap();
            assert_eq!(
                v.reason.contains("live records"),
                counted,
                "{n}: {}",
                v.reason
            );
        }
    }

    /// A watch list is named in the reason once: "on your watch list" where only the
    /// seller's list holds the mark, "also on your watch list" beside a registration,
    /// nothing about it otherwise; "a famous brand" once where fame decided.
    #[test]
    fn the_watch_list_and_fame_are_said_once_where_they_count() {
        let count = |reason: &str, what: &str| reason.matches(what).count();
        let mut watched = rec("ZORBLAX", &[28]);
        watched.register = Register::Watch;
        let registered = rec("ZORBLAX", &[28]);
        let mut famous = rec("ZORBLAX", &[]);
        famous.register = Register::Famous;
        famous.famous = true;
        let reason = |records: &[Record]| {
            verdict(records, "zorblax", &[28], None, &Usage::Neutral)
                .unwrap()
                .reason
        };
        let only = reason(std::slice::from_ref(&watched));
        assert_eq!(count(&only, "on your watch list"), 1, "{only}");
        assert_eq!(count(&only, "also on your watch list"), 0, "{only}");
        let both = reason(&[registered.clone(), watched]);
        assert_eq!(count(&both, "also on your watch list"), 1, "{both}");
        assert_eq!(count(&both, "on your watch list"), 1, "{both}");
        let neither = reason(std::slice::from_ref(&registered));
        assert_eq!(count(&neither, "watch list"), 0, "{neither}");
        let fame = reason(&[famous]);
        assert_eq!(count(&fame, "famous"), 1, "{fame}");
        assert_eq!(count(&neither, "famous"), 0, "{neither}");
    }

    #[test]
    fn keeping_only_citable_claims_cites_what_all_of_them_would() {
        // 600 records over scattered classes, registers and statuses.
        let records: Vec<Record> = (0..600u32)
            .map(|i| {
                let classes: Vec<u8> = match i % 7 {
                    0 => vec![],
                    1 => vec![(i % 45 + 1) as u8, ((i * 7) % 45 + 1) as u8],
                    _ => vec![((i * 13) % 45 + 1) as u8],
                };
                let mut r = rec("STAR", &classes);
                r.register = [Register::US, Register::EU, Register::Famous][(i % 3) as usize];
                r.status = [Status::Registered, Status::Pending][(i % 5 / 4) as usize];
                r.registration = Some(i.to_string());
                r
            })
            .collect();
        let protection = Protection::of_records(&records, "star");
        assert!(
            protection.claims().len() < 460,
            "kept {}",
            protection.claims().len()
        );
        // What citing every claim gives: in the listing's classes first, then the rest,
        // each in citing order.
        let order = |r: &Record| {
            (
                r.register == Register::Famous,
                r.status != Status::Registered,
            )
        };
        let mut all: Vec<usize> = (0..records.len()).collect();
        all.sort_by_key(|&i| order(&records[i]));
        for listing in [
            &[][..],
            &[9],
            &[28, 3],
            &[45],
            &[1, 2, 3, 4, 5, 6],
            &[44, 17],
        ] {
            let mask = class_mask(listing);
            let overlaps = |i: &usize| class_mask(&records[*i].classes) & mask != 0;
            let expected: Vec<String> = all
                .iter()
                .filter(|i| overlaps(i))
                .chain(all.iter().filter(|i| !overlaps(i)))
                .take(CITED_RECORDS)
                .map(|&i| i.to_string())
                .collect();
            let v = verdict(&records, "star", listing, None, &Usage::Neutral).unwrap();
            let cited: Vec<String> = v
                .records
                .iter()
                .filter_map(|r| r.registration.clone())
                .collect();
            assert_eq!(cited, expected, "listing classes {listing:?}");
            assert!(v.reason.contains("600 live records"), "{}", v.reason);
        }
    }

    #[test]
    fn a_coined_word_only_on_a_brand_list_in_lower_case_is_the_word() {
        // "Easily animate the antics of this puppet": a rare word, a shop's name.
        let mut r = rec("ANIMATE", &[]);
        r.register = Register::Famous;
        let lower = Usage::Ordinary {
            why: "it is written in lower case, as an ordinary word",
        };
        assert_eq!(
            sev(&[r.clone()], &[28], None, lower.clone()),
            Some(Severity::Low)
        );
        let v = verdict(std::slice::from_ref(&r), "x", &[28], None, &lower).unwrap();
        assert!(v.reason.contains("written in lower case"), "{}", v.reason);
        assert_eq!(
            sev(&[r.clone()], &[28], None, Usage::Neutral),
            Some(Severity::Low)
        );
        assert_eq!(sev(&[r], &[28], None, NAME), Some(Severity::Medium));
        // A registration says the word is a brand however it is written.
        let registered = rec("ANIMATE", &[]);
        assert_eq!(sev(&[registered], &[28], None, lower), Some(Severity::High));
    }

    /// A name only one brand list holds, with no goods (a shop's or a company's: "Kansai",
    /// "Humboldt", "4D" on puzzles), is worth a look only where the text names it as a
    /// brand: after compatibility wording that names what the product fits, or in a
    /// strong brand position. Its fame or a registration would say more.
    #[test]
    fn a_coined_word_on_a_brand_list_alone_is_worth_a_look_only_where_named_as_a_brand() {
        let mut r = rec("KANSAI", &[]);
        r.register = Register::Famous;
        for (usage, expected) in [
            (Usage::Neutral, Severity::Low),
            (WEAK, Severity::Low),
            (FOR, Severity::Low),
            (FITS, Severity::Medium),
            (NAME, Severity::Medium),
        ] {
            assert_eq!(
                sev(&[r.clone()], &[28], None, usage.clone()),
                Some(expected),
                "{usage:?}"
            );
        }
        let mut famous = r.clone();
        famous.famous = true;
        assert_eq!(
            sev(&[famous], &[28], None, Usage::Neutral),
            Some(Severity::High),
            "a famous name"
        );
        assert_eq!(
            sev(&[rec("KANSAI", &[])], &[28], None, Usage::Neutral),
            Some(Severity::High),
            "a registration without classes"
        );
    }

    #[test]
    fn coined_marks_are_high_in_class_and_medium_outside() {
        let r = [rec("HUBSAN", &[9])];
        assert_eq!(
            sev(&r, &[9, 28], None, Usage::Neutral),
            Some(Severity::High)
        );
        assert_eq!(sev(&r, &[25], None, Usage::Neutral), Some(Severity::Medium));
    }

    /// What a known word's verdict depends on besides its records and usage.
    #[derive(Default, Clone, Copy)]
    struct Known {
        zipf: f32,
        name: bool,
        vocabulary: bool,
        coined_spelling: bool,
        compound: Option<Compound>,
        written_as_words: bool,
        brand_in_field: bool,
        trademark_sign: bool,
    }

    /// The severity of the known word "x" (Zipf `k.zipf`) with these records.
    fn known(records: &[Record], listing: &[u8], usage: Usage, k: Known) -> Option<Severity> {
        known_key(records, "x", listing, usage, k)
    }

    /// [`known`] for a mark key of its own (a phrase has a space).
    fn known_key(
        records: &[Record],
        key: &str,
        listing: &[u8],
        usage: Usage,
        k: Known,
    ) -> Option<Severity> {
        known_verdict(records, key, listing, usage, k).map(|v| v.severity)
    }

    /// The whole verdict [`known_key`] reads the severity of.
    fn known_verdict(
        records: &[Record],
        key: &str,
        listing: &[u8],
        usage: Usage,
        k: Known,
    ) -> Option<Verdict> {
        judge(
            &Facts {
                name: k.name,
                vocabulary: k.vocabulary,
                coined_spelling: k.coined_spelling,
                compound: k.compound,
                written_as_words: k.written_as_words,
                brand_in_field: k.brand_in_field,
                trademark_sign: k.trademark_sign,
                ..facts(
                    key,
                    &Protection::of_records(records, key),
                    class_mask(listing),
                    Some(("word", k.zipf)),
                    &usage,
                )
            },
            &cite(records),
        )
    }

    fn word(zipf: f32) -> Known {
        Known {
            zipf,
            ..Known::default()
        }
    }

    fn famous(mark: &str, classes: &[u8]) -> Record {
        let mut r = Record::new(Register::Famous, mark, "Brand Co.");
        r.famous = true;
        r.classes = classes.to_vec();
        r
    }

    const NAME: Usage = Usage::Brand {
        strong: true,
        why: "it follows another brand name",
    };
    const SEGMENT: Usage = Usage::Brand {
        strong: false,
        why: "it opens the title",
    };
    const FITS: Usage = Usage::Compatibility {
        why: "it follows compatibility wording",
        purpose: false,
        goods: 0,
        listed: false,
    };
    const FOR: Usage = Usage::Compatibility {
        why: "it follows compatibility wording",
        purpose: true,
        goods: 0,
        listed: false,
    };
    /// "for … Sneakers": goods of class 25 follow.
    const FOR_GOODS: Usage = Usage::Compatibility {
        why: "it follows compatibility wording",
        purpose: true,
        goods: 1 << 25,
        listed: false,
    };
    /// A bare "for" with goods of `class` after the word (like [`FOR_GOODS`], for other
    /// goods).
    fn for_goods(class: u8) -> Usage {
        Usage::Compatibility {
            why: "it follows compatibility wording",
            purpose: true,
            goods: 1 << class,
            listed: false,
        }
    }
    const LISTED: Usage = Usage::Compatibility {
        why: "it follows compatibility wording",
        purpose: false,
        goods: 0,
        listed: true,
    };

    #[test]
    fn a_known_word_in_ordinary_use_is_low_however_many_records_hold_it_in_class() {
        let records: Vec<Record> = (0..40).map(|_| rec("PACK", &[28])).collect();
        for usage in [
            Usage::Ordinary { why: "lower case" },
            Usage::Neutral,
            SEGMENT,
            FOR,
        ] {
            assert_eq!(
                known(&records, &[28], usage.clone(), word(4.0)),
                Some(Severity::Low),
                "{usage:?}"
            );
        }
    }

    #[test]
    fn a_registered_known_word_used_as_a_name_needs_fame_a_phrase_or_a_coined_spelling() {
        // A single registered word, even used as a name, is low: listings capitalise
        // ordinary words, and a real register holds them all.
        let r = [rec("GALAXY", &[9])];
        let below = ordinary::EVERYDAY_ZIPF - 0.01;
        assert_eq!(known(&r, &[9], NAME, word(below)), Some(Severity::Low));
        assert_eq!(known(&r, &[9], FITS, word(below)), Some(Severity::Low));
        // An exact phrase of known words is evidence of its own, in class, below everyday.
        let phrase = [rec("BLUE GALAXY", &[9])];
        assert_eq!(
            known_key(&phrase, "blue galaxy", &[9], NAME, word(below)),
            Some(Severity::Medium)
        );
        assert_eq!(
            known_key(&phrase, "blue galaxy", &[25], NAME, word(below)),
            Some(Severity::Low)
        );
        assert_eq!(
            known(&r, &[9], NAME, word(ordinary::EVERYDAY_ZIPF)),
            Some(Severity::Low)
        );
        assert_eq!(known(&r, &[25], NAME, word(below)), Some(Severity::Low));
        assert_eq!(known(&r, &[], NAME, word(below)), Some(Severity::Low));
    }

    #[test]
    fn a_famous_mark_or_a_coined_spelling_makes_a_known_word_used_as_a_name_high_in_class() {
        let everyday = word(ordinary::EVERYDAY_ZIPF + 1.0);
        let r = [rec("APPLE", &[9]), famous("APPLE", &[9])];
        assert_eq!(known(&r, &[9], NAME, everyday), Some(Severity::High));
        let r = [rec("LEAPFROG", &[28])];
        let coined = Known {
            coined_spelling: true,
            ..everyday
        };
        assert_eq!(known(&r, &[28], NAME, coined), Some(Severity::High));
        assert_eq!(known(&r, &[28], SEGMENT, coined), Some(Severity::Low));
    }

    #[test]
    fn a_bare_for_with_goods_after_the_word_names_whose_goods_unless_the_word_is_everyday() {
        // "Laces for Puma Sneakers": a famous known word, on the goods it is famous for.
        let r = [famous("PUMA", &[25])];
        let below = ordinary::EVERYDAY_ZIPF - 0.01;
        assert_eq!(known(&r, &[28], FOR, word(below)), Some(Severity::Low));
        assert_eq!(
            known(&r, &[25], FOR_GOODS, word(below)),
            Some(Severity::High)
        );
        // A brand list names no goods: the goods after the word cannot be its goods,
        // and a bare "for" says no more than a purpose.
        let r = [famous("PUMA", &[])];
        assert_eq!(
            known(&r, &[25], FOR_GOODS, word(below)),
            Some(Severity::Low)
        );
        // "Blackout Curtains for Camper Vans": vans (12) are none of the goods CAMPER is
        // registered for (25), so the word names a kind of van.
        let r = [famous("CAMPER", &[]), rec("CAMPER", &[25])];
        let vans = for_goods(12);
        assert_eq!(known(&r, &[12], vans, word(below)), Some(Severity::Low));
        // Registered for the goods named after it, it names whose goods they are.
        assert_eq!(
            known(&r, &[12], FOR_GOODS, word(below)),
            Some(Severity::Medium)
        );
        // "Shelf for Smart Speaker": an everyday word is an adjective of the goods...
        let r = [famous("SMART", &[])];
        assert_eq!(
            known(&r, &[9], FOR_GOODS, word(ordinary::EVERYDAY_ZIPF)),
            Some(Severity::Low)
        );
        // ... unless it is famous for these very goods ("Strap for Coach Bags").
        let r = [famous("COACH", &[18])];
        let bags = for_goods(18);
        assert_eq!(
            known(&r, &[18], bags.clone(), word(ordinary::EVERYDAY_ZIPF)),
            Some(Severity::High)
        );
        assert_eq!(
            known(&r, &[12], bags, word(ordinary::EVERYDAY_ZIPF)),
            Some(Severity::Low)
        );
    }

    #[test]
    fn a_bare_for_before_a_famous_brand_of_the_listings_goods_names_what_it_fits() {
        // "Battery Door for BlackBerry": famous for phones (9), on a phone part (9).
        let r = [famous("BLACKBERRY", &[9])];
        let below = ordinary::EVERYDAY_ZIPF - 0.01;
        assert_eq!(known(&r, &[9], FOR, word(below)), Some(Severity::High));
        // Other goods: a purpose or the fruit ("Jam Jar for Blackberry").
        assert_eq!(known(&r, &[21], FOR, word(below)), Some(Severity::Low));
        // Goods unknown: nothing says the brand is meant.
        assert_eq!(known(&r, &[], FOR, word(below)), Some(Severity::Low));
        // An everyday word after a bare "for" is a purpose even on the brand's goods.
        let r = [famous("SMART", &[9])];
        assert_eq!(
            known(&r, &[9], FOR, word(ordinary::EVERYDAY_ZIPF)),
            Some(Severity::Low)
        );
        // A brand list names no goods: no overlap, so a purpose.
        let r = [famous("BLACKBERRY", &[])];
        assert_eq!(known(&r, &[9], FOR, word(below)), Some(Severity::Low));
    }

    #[test]
    fn an_everyday_word_on_brand_lists_only_is_no_brand_even_after_compatibility_wording() {
        // "Compatible with Jackery and EcoFlow Power Stations": a shop called Power.
        let r = [famous("POWER", &[])];
        let everyday = word(ordinary::EVERYDAY_ZIPF);
        assert_eq!(known(&r, &[9], FITS, everyday), Some(Severity::Low));
        assert_eq!(known(&r, &[], FITS, everyday), Some(Severity::Low));
        // Below everyday, a brand list's entry named as fitting is still worth a look.
        let below = word(ordinary::EVERYDAY_ZIPF - 0.01);
        assert_eq!(known(&r, &[], FITS, below), Some(Severity::Medium));
        // The curated list's classes are evidence for an everyday word too.
        let r = [famous("POWER", &[9])];
        assert_eq!(known(&r, &[9], FITS, everyday), Some(Severity::High));
    }

    #[test]
    fn a_famous_word_named_with_goods_none_of_its_own_is_the_word() {
        // "Tester for Diesel Engines": engines (7) are none of Diesel's goods, nor is
        // the listing's tool (9 here stands for the tester).
        let r = [famous("DIESEL", &[25])];
        let engines = for_goods(7);
        let below = ordinary::EVERYDAY_ZIPF - 0.01;
        assert_eq!(
            known(&r, &[7], engines.clone(), word(below)),
            Some(Severity::Low)
        );
        // Named with its own goods ("for Diesel Jeans") on other goods, it is the brand.
        assert_eq!(
            known(&r, &[7], FOR_GOODS, word(below)),
            Some(Severity::Medium)
        );
        // On a listing of its own goods, the goods named after it do not matter.
        assert_eq!(known(&r, &[25], engines, word(below)), Some(Severity::High));
    }

    #[test]
    fn brand_lists_alone_lift_a_known_word_only_after_compatibility_wording() {
        let r = [famous("FREE", &[])];
        assert_eq!(known(&r, &[28], NAME, word(3.0)), Some(Severity::Low));
        assert_eq!(known(&r, &[28], FITS, word(3.0)), Some(Severity::Medium));
    }

    #[test]
    fn listing_vocabulary_keeps_its_ordinary_sense_unless_named_as_fitting_or_in_the_famous_goods()
    {
        let animal = Known {
            vocabulary: true,
            ..word(3.4)
        };
        // A flower or animal name that is also a car maker, on a floral decoration.
        let r = [rec("JAGUAR", &[12]), famous("JAGUAR", &[12])];
        assert_eq!(known(&r, &[26], NAME, animal), Some(Severity::Low));
        assert_eq!(known(&r, &[26], FITS, animal), Some(Severity::Medium));
        // Further down a list the wording reached across a comma, it is a word again.
        assert_eq!(known(&r, &[26], LISTED, animal), Some(Severity::Low));
        assert_eq!(known(&r, &[12], LISTED, animal), Some(Severity::Low));
        // A word that is no listing vocabulary is still named as what the product fits.
        assert_eq!(known(&r, &[26], LISTED, word(3.4)), Some(Severity::Medium));
        // On car parts, the car maker.
        assert_eq!(known(&r, &[12], NAME, animal), Some(Severity::High));
        // Not famous: the colour stays a colour even in class.
        let r = [rec("BLACK", &[28])];
        assert_eq!(known(&r, &[28], NAME, animal), Some(Severity::Low));
    }

    #[test]
    fn a_famous_known_word_on_other_goods_is_read_in_its_ordinary_sense() {
        // The fuel brand on toys: a registration of the same word by somebody else for
        // toys does not make the famous brand one there (a real register holds most
        // ordinary words in most classes).
        let r = [rec("SHELL", &[4, 28]), famous("SHELL", &[4])];
        assert_eq!(known(&r, &[28], NAME, word(4.0)), Some(Severity::Low));
        assert_eq!(known(&r, &[4], NAME, word(4.0)), Some(Severity::High));
        // A brand-list entry with no goods and a registration in class: not by fame.
        let r = [rec("SHELL", &[28]), famous("SHELL", &[])];
        assert_eq!(known(&r, &[28], NAME, word(4.0)), Some(Severity::Low));
        assert_eq!(known(&r, &[28], FITS, word(4.0)), Some(Severity::Medium));
        let r = [famous("SHELL", &[4])];
        assert_eq!(known(&r, &[28], NAME, word(4.0)), Some(Severity::Low));
        assert_eq!(known(&r, &[28], FITS, word(4.0)), Some(Severity::Medium));
    }

    #[test]
    fn no_known_word_is_an_abbreviation() {
        let r = [rec("SET", &[28])];
        // Below the known-word line a short word is an abbreviation: registered in
        // class, it needs no more than that.
        let unknown = word(ordinary::KNOWN_ZIPF - 0.01);
        assert_eq!(
            verdict(&r, "x", &[28], Some(("set", unknown.zipf)), &Usage::Neutral)
                .map(|v| v.severity),
            Some(Severity::Medium)
        );
        let v = verdict(
            &r,
            "x",
            &[28],
            Some(("set", ordinary::KNOWN_ZIPF)),
            &Usage::Neutral,
        )
        .unwrap();
        assert_eq!(v.severity, Severity::Low);
        assert!(!v.reason.contains("abbreviation"), "{}", v.reason);
        assert_eq!(
            verdict(&r, "x", &[28], Some(("sets", 1.0)), &Usage::Neutral).map(|v| v.severity),
            Some(Severity::Low),
            "four letters: a rare word, not an abbreviation"
        );
    }

    #[test]
    fn names_are_judged_like_abbreviations() {
        let r = [rec("DISNEY", &[28])];
        let name = Known {
            name: true,
            ..word(3.4)
        };
        // With nothing either way, among other brands of the field (see
        // `a_registered_name_with_nothing_either_way_is_worth_a_look_only_where_brands_are_named`).
        let among_brands = Known {
            brand_in_field: true,
            ..name
        };
        assert_eq!(
            known(&r, &[28], Usage::Neutral, among_brands),
            Some(Severity::Medium)
        );
        assert_eq!(known(&r, &[28], SEGMENT, name), Some(Severity::Medium));
        assert_eq!(known(&r, &[28], NAME, name), Some(Severity::High));
        assert_eq!(known(&r, &[25], NAME, name), Some(Severity::Low));
        assert_eq!(
            known(&r, &[28], Usage::Ordinary { why: "lower case" }, name),
            Some(Severity::Low)
        );
    }

    #[test]
    fn the_first_word_of_a_colour_name_is_low_unless_its_owner_sues_sellers() {
        // "Columbia Blue" on a jacket: a famous name in its own goods, yet a shade.
        let r = [curated("Columbia", &[25], false)];
        let shade = Known {
            name: true,
            compound: Some(Compound::Colour),
            ..word(3.7)
        };
        for usage in [STRONG, WEAK, Usage::Neutral] {
            assert_eq!(known(&r, &[25], usage, shade), Some(Severity::Low));
        }
        // A known word too ("Hunter Green").
        let known_word = Known {
            compound: Some(Compound::Colour),
            ..word(4.0)
        };
        assert_eq!(known(&r, &[25], STRONG, known_word), Some(Severity::Low));
        // Without the colour after it, the same name in the same slot is a finding.
        let name = Known {
            compound: None,
            ..shade
        };
        assert_eq!(known(&r, &[25], STRONG, name), Some(Severity::High));
        // "Barbie Pink": an owner who sues sellers is judged as usual.
        let suing = [curated("Barbie", &[28], true)];
        assert_eq!(known(&suing, &[28], STRONG, shade), Some(Severity::High));
    }

    #[test]
    fn a_famous_word_the_seller_marks_with_a_trademark_sign_is_the_brand_on_other_goods() {
        // "Replacement Spigot for Igloo® … Coolers": famous for drinkware (21), the
        // listing's spigot read as other goods (11).
        let r = [famous("IGLOO", &[21])];
        let marked = Known {
            trademark_sign: true,
            ..word(2.5)
        };
        assert_eq!(known(&r, &[11], STRONG, word(2.5)), Some(Severity::Low));
        assert_eq!(known(&r, &[11], STRONG, marked), Some(Severity::Medium));
        // On its own goods it was the brand already.
        assert_eq!(known(&r, &[21], STRONG, marked), Some(Severity::High));
    }

    #[test]
    fn a_name_after_its_geographic_title_is_the_place_whoever_owns_it() {
        // "Lake Tahoe Trail Map": Tahoe's owner sues sellers, but the lake is meant.
        let suing = [curated("Tahoe", &[12, 16], true)];
        let sev = |common: Option<(&str, f32)>, compound: Option<Compound>| {
            judge(
                &Facts {
                    name: common.is_some(),
                    compound,
                    ..facts(
                        "tahoe",
                        &Protection::of_records(&suing, "tahoe"),
                        class_mask(&[16]),
                        common,
                        &STRONG,
                    )
                },
                &cite(&suing),
            )
            .map(|v| v.severity)
        };
        let titled = Some(Compound::TitledPlace);
        // Judged as coined, or as a name: the title makes it the place.
        assert_eq!(sev(None, titled), Some(Severity::Low));
        assert_eq!(sev(Some(("tahoe", 3.0)), titled), Some(Severity::Low));
        // A place noun after it is no such proof against a suing owner.
        let place = Some(Compound::Place);
        assert_eq!(sev(None, place), Some(Severity::High));
        assert_eq!(sev(None, None), Some(Severity::High));
    }

    #[test]
    fn a_famous_name_named_as_fitting_is_medium_on_any_goods() {
        // "Plush for BTS fans": the band's classes are not plush toys'.
        let r = [curated("BTS", &[9, 16, 25, 41], false)];
        let abbreviation = Some(("bts", 0.0));
        assert_eq!(sev(&r, &[28], abbreviation, FITS), Some(Severity::Medium));
        assert_eq!(sev(&r, &[28], abbreviation, FOR), Some(Severity::Low));
        assert_eq!(sev(&r, &[28], abbreviation, STRONG), Some(Severity::Low));
        assert_eq!(sev(&r, &[25], abbreviation, STRONG), Some(Severity::High));
        // Marked ™ or ® by the seller ("for WD-40® Cans"), as much as named as fitting.
        let marked = |usage: &Usage| {
            judge(
                &Facts {
                    trademark_sign: true,
                    ..facts(
                        "bts",
                        &Protection::of_records(&r, "bts"),
                        class_mask(&[28]),
                        abbreviation,
                        usage,
                    )
                },
                &cite(&r),
            )
            .map(|v| v.severity)
        };
        assert_eq!(marked(&STRONG), Some(Severity::Medium));
    }

    #[test]
    fn dead_design_only_and_disclaimed_records_protect_nothing() {
        let mut dead = rec("LEGO", &[28]);
        dead.status = Status::Dead;
        assert_eq!(sev(&[dead], &[28], None, Usage::Neutral), None);
        let mut design = rec("LEGO", &[28]);
        design.drawing = Drawing::DesignOnly;
        assert_eq!(sev(&[design], &[28], None, Usage::Neutral), None);
        let mut disclaimed = rec("X TOYS", &[28]);
        disclaimed.disclaimers = vec!["X".into()];
        assert_eq!(sev(&[disclaimed], &[28], None, Usage::Neutral), None);
    }

    /// A record of the curated list of enforced marks; `sues`: its owner is a Schedule
    /// A plaintiff.
    fn curated(mark: &str, classes: &[u8], sues: bool) -> Record {
        let mut r = Record::new(Register::Famous, mark, "Owner Co.");
        r.famous = true;
        r.classes = classes.to_vec();
        r.enforcement = Some(crate::register::Enforcement {
            schedule_a: sues,
            vero: true,
            franchise: Some("House".into()),
            ..Default::default()
        });
        r
    }

    const STRONG: Usage = Usage::Brand {
        strong: true,
        why: "w",
    };
    const WEAK: Usage = Usage::Brand {
        strong: false,
        why: "w",
    };

    #[test]
    fn a_known_word_whose_owner_sues_sellers_used_as_a_name_is_high_unless_other_goods_say_otherwise(
    ) {
        let r = [curated("Stitch", &[28], true)];
        let common = Some(("stitch", 3.5));
        for listing in [&[28][..], &[]] {
            let v = verdict(&r, "stitch", listing, common, &STRONG).unwrap();
            assert_eq!(v.severity, Severity::High, "listing classes {listing:?}");
            assert!(v.reason.contains(SUES_SELLERS), "{}", v.reason);
        }
        // On goods none of its marks cover, the ordinary sense wins ("RAM" in a memory
        // listing, "Stitch" on embroidery) unless the seller names it as what the
        // product fits.
        assert_eq!(sev(&r, &[25], common, STRONG), Some(Severity::Low));
        assert_eq!(sev(&r, &[25], common, FITS), Some(Severity::High));
        // A word of the listing vocabulary in a brand slot keeps its ordinary sense.
        let mustang = [curated("Mustang", &[12, 28], true)];
        let animal = Known {
            zipf: 3.5,
            vocabulary: true,
            ..Known::default()
        };
        assert_eq!(known(&mustang, &[28], WEAK, animal), Some(Severity::Low));
        assert_eq!(
            known(&mustang, &[28], Usage::Neutral, animal),
            Some(Severity::Low)
        );
    }

    #[test]
    fn a_bare_for_before_a_coined_spelling_names_what_the_product_fits() {
        // "Straw Lid for S'well 17 oz Bottles": "for" names a purpose as often as a brand,
        // but nobody writes a purpose in a brand's spelling.
        let r = [curated("S'well", &[21], false)];
        let coined = Known {
            zipf: 4.8,
            coined_spelling: true,
            ..Known::default()
        };
        assert_eq!(known(&r, &[21], FOR, word(4.8)), Some(Severity::Low));
        assert_eq!(known(&r, &[21], FOR, coined), Some(Severity::High));
        // A registered word in a coined spelling after "for" ("for LeapFrog"), in class.
        let leap = [rec("LEAPFROG", &[28])];
        let coined = Known {
            zipf: 3.0,
            coined_spelling: true,
            ..Known::default()
        };
        assert_eq!(known(&leap, &[28], FOR, word(3.0)), Some(Severity::Low));
        assert_eq!(known(&leap, &[28], FOR, coined), Some(Severity::High));
    }

    #[test]
    fn a_registered_name_with_nothing_either_way_is_worth_a_look_only_where_brands_are_named() {
        // "Echo Cancellation" on a speakerphone: a real register holds most names in
        // most classes, so ECHO registered for the goods says little alone.
        let r = [rec("ECHO", &[9])];
        let name = |zipf: f32, brand_in_field: bool| Known {
            zipf,
            name: true,
            brand_in_field,
            ..Known::default()
        };
        let at = ordinary::COMMON_ZIPF;
        assert_eq!(
            known(&r, &[9], Usage::Neutral, name(at, false)),
            Some(Severity::Low)
        );
        // "Ninja Turtles Battle Shell Raphael": named among brands, it may be one.
        assert_eq!(
            known(&r, &[9], Usage::Neutral, name(at, true)),
            Some(Severity::Medium)
        );
        // A name rarer than a known word is worth a look anyway.
        assert_eq!(
            known(&r, &[9], Usage::Neutral, name(at - 0.01, false)),
            Some(Severity::Medium)
        );
        // Other goods: nothing.
        assert_eq!(
            known(&r, &[25], Usage::Neutral, name(at, true)),
            Some(Severity::Low)
        );
    }

    #[test]
    fn a_name_the_seller_writes_as_a_word_elsewhere_is_the_word() {
        // "Tape Echo Sound" in the title, "cuts room echo" in a bullet.
        let r = [rec("ECHO", &[9])];
        let name = Known {
            zipf: 3.8,
            name: true,
            brand_in_field: true,
            ..Known::default()
        };
        let written = Known {
            written_as_words: true,
            ..name
        };
        for usage in [WEAK, Usage::Neutral] {
            assert_eq!(
                known(&r, &[9], usage.clone(), name),
                Some(Severity::Medium),
                "{usage:?}"
            );
            assert_eq!(
                known(&r, &[9], usage.clone(), written),
                Some(Severity::Low),
                "{usage:?}"
            );
        }
        // Named as a brand by the text itself, it is the brand.
        assert_eq!(known(&r, &[9], NAME, written), Some(Severity::High));
        assert_eq!(known(&r, &[9], FITS, written), Some(Severity::High));
    }

    #[test]
    fn a_bare_for_before_a_word_the_seller_writes_in_lower_case_elsewhere_names_a_purpose() {
        // "Jeans for Apple Shape Body" beside "for an apple figure"; "Boots for Diesel
        // Mechanics" beside "shrugs off diesel": the famous brand's own goods (25 here)
        // or its goods named after it do not make the bare "for" name the brand.
        let r = [famous("Apple", &[25])];
        let written = Known {
            written_as_words: true,
            ..word(4.4)
        };
        for usage in [FOR, for_goods(25)] {
            assert_eq!(
                known(&r, &[25], usage.clone(), word(4.4)),
                Some(Severity::High),
                "{usage:?}"
            );
            assert_eq!(
                known(&r, &[25], usage.clone(), written),
                Some(Severity::Low),
                "{usage:?}"
            );
        }
        // "Fits", "compatible with": the wording names the brand, whatever else the
        // seller writes.
        assert_eq!(known(&r, &[25], FITS, written), Some(Severity::High));
    }

    #[test]
    fn a_suing_owners_known_word_the_seller_writes_as_a_word_elsewhere_is_the_word() {
        // "Frozen Drink Cup" in the title, "a frozen treat" in a bullet: with only
        // position to go on, the seller's own lower case says it is the word.
        let r = [curated("Frozen", &[21], true)];
        let written = Known {
            zipf: 4.2,
            written_as_words: true,
            ..Known::default()
        };
        for usage in [WEAK, Usage::Neutral] {
            assert_eq!(
                known(&r, &[21], usage.clone(), word(4.2)),
                Some(Severity::Medium),
                "{usage:?}"
            );
            assert_eq!(
                known(&r, &[21], usage.clone(), written),
                Some(Severity::Low),
                "{usage:?}"
            );
        }
        // Used as a name by the text itself, it is the brand however else the seller
        // writes the word.
        assert_eq!(known(&r, &[21], NAME, written), Some(Severity::High));
        assert_eq!(known(&r, &[21], FITS, written), Some(Severity::High));
    }

    #[test]
    fn the_reason_says_when_the_sellers_lower_case_kept_a_suing_owners_mark_low() {
        const SAID: &str = "the seller writes it in lower case elsewhere in the listing";
        let written = Known {
            zipf: 4.2,
            written_as_words: true,
            ..Known::default()
        };
        let reason = |records: &[Record], k: Known| {
            known_verdict(records, "x", &[21], WEAK, k)
                .map(|v| v.reason)
                .unwrap_or_default()
        };
        let suing = [curated("Frozen", &[21], true)];
        assert!(reason(&suing, written).contains(SAID));
        assert!(!reason(&suing, word(4.2)).contains(SAID));
        // Where the owner does not sue, that is not what kept it low.
        let registered = [rec("FROZEN", &[21])];
        assert!(!reason(&registered, written).contains(SAID));
    }

    #[test]
    fn a_known_word_whose_owner_sues_sellers_is_medium_in_weak_brand_position_only_in_its_classes()
    {
        // Position alone never lifts a known word, except to "worth a look" for a mark
        // whose owner sues sellers, on goods its marks cover.
        let r = [curated("Stitch", &[28], true)];
        let common = Some(("stitch", 3.5));
        assert_eq!(sev(&r, &[28], common, WEAK), Some(Severity::Medium));
        assert_eq!(sev(&r, &[], common, WEAK), Some(Severity::Low));
        assert_eq!(sev(&r, &[25], common, WEAK), Some(Severity::Low));
        // Nothing either way: the same as weak brand position.
        assert_eq!(
            sev(&r, &[28], common, Usage::Neutral),
            Some(Severity::Medium)
        );
        assert_eq!(sev(&r, &[], common, Usage::Neutral), Some(Severity::Low));
        assert_eq!(sev(&r, &[25], common, Usage::Neutral), Some(Severity::Low));
        // A mark whose owner is not known to sue stays low in the same slot.
        let quiet = [curated("Stitch", &[28], false)];
        assert_eq!(sev(&quiet, &[28], common, WEAK), Some(Severity::Low));
    }

    #[test]
    fn a_picture_of_a_suing_owners_mark_is_medium_on_its_goods_or_unknown_goods() {
        let depicted = Usage::Depicted { why: "w" };
        // "Spider-Man design" on a shirt: a known phrase whose owner sues sellers.
        let r = [curated("Spider-Man", &[25], true)];
        let common = Some(("spider man", 1.2));
        assert_eq!(
            sev(&r, &[25], common, depicted.clone()),
            Some(Severity::Medium)
        );
        assert_eq!(
            sev(&r, &[], common, depicted.clone()),
            Some(Severity::Medium)
        );
        assert_eq!(sev(&r, &[9], common, depicted.clone()), Some(Severity::Low));
        // An owner not known to sue: the picture is the word's sense ("penguin print").
        let quiet = [curated("Penguin", &[25], false)];
        assert_eq!(
            sev(&quiet, &[25], Some(("penguin", 3.5)), depicted.clone()),
            Some(Severity::Low)
        );
        // A listing-vocabulary word shows the thing ("Stitch pattern" on embroidery).
        let stitch = [curated("Stitch", &[25], true)];
        let craft = Known {
            vocabulary: true,
            ..word(3.5)
        };
        assert_eq!(
            known(&stitch, &[25], depicted.clone(), craft),
            Some(Severity::Low)
        );
        // A name whose owner sues: the same ("Bluey theme").
        let bluey = [curated("Bluey", &[28], true)];
        let name = Known {
            name: true,
            ..word(2.5)
        };
        assert_eq!(
            known(&bluey, &[28], depicted.clone(), name),
            Some(Severity::Medium)
        );
        assert_eq!(known(&bluey, &[9], depicted, name), Some(Severity::Low));
    }

    #[test]
    fn a_mark_whose_owner_sues_sellers_stays_low_in_its_ordinary_sense() {
        let r = [curated("Stitch", &[28], true)];
        let ordinary = Usage::Ordinary { why: "w" };
        assert_eq!(
            sev(&r, &[28], Some(("stitch", 3.5)), ordinary),
            Some(Severity::Low)
        );
    }

    #[test]
    fn a_curated_known_word_used_as_a_name_on_goods_nobody_can_tell_is_worth_a_look() {
        // "Cellbazaar Blackberry 8520 White LCD": no category, no product noun.
        let below = word(ordinary::EVERYDAY_ZIPF - 0.01);
        let r = [curated("BLACKBERRY", &[9], false)];
        assert_eq!(known(&r, &[], NAME, below), Some(Severity::Medium));
        assert_eq!(known(&r, &[9], NAME, below), Some(Severity::High));
        // Position alone still is no use as a name.
        assert_eq!(known(&r, &[], SEGMENT, below), Some(Severity::Low));
        // A brand list's entry names no goods: on unknown goods it stays low.
        let r = [famous("BLACKBERRY", &[])];
        assert_eq!(known(&r, &[], NAME, below), Some(Severity::Low));
    }

    #[test]
    fn curated_classes_say_which_goods_a_short_name_is_a_brand_for() {
        // A curated short name whose owner is not known to sue: like a registration.
        let r = [curated("JBL", &[9], false)];
        let short = Some(("jbl", 0.0));
        assert_eq!(sev(&r, &[9], short, WEAK), Some(Severity::Medium));
        assert_eq!(sev(&r, &[9], short, STRONG), Some(Severity::High));
        assert_eq!(sev(&r, &[25], short, WEAK), Some(Severity::Low));
        // With nothing either way: a short name that is no word is medium in its
        // classes; a curated everyday word is not.
        assert_eq!(sev(&r, &[9], short, Usage::Neutral), Some(Severity::Medium));
        assert_eq!(sev(&r, &[25], short, Usage::Neutral), Some(Severity::Low));
        let puma = [curated("Puma", &[25, 28], false)];
        let word = Some(("puma", ordinary::COMMON_ZIPF));
        assert_eq!(sev(&puma, &[28], word, Usage::Neutral), Some(Severity::Low));
        // A known word: position alone does not make it a brand, curated or not.
        assert_eq!(sev(&puma, &[28], word, WEAK), Some(Severity::Low));
        assert_eq!(sev(&puma, &[28], word, STRONG), Some(Severity::High));
        let v = verdict(&r, "jbl", &[9], short, &WEAK).unwrap();
        assert!(!v.reason.contains(SUES_SELLERS), "{}", v.reason);
        assert!(
            v.reason
                .contains("its owner's marks cover the goods of this listing")
                && !v.reason.contains("registered"),
            "a curated record is not a registration: {}",
            v.reason
        );
    }

    #[test]
    fn a_short_name_only_on_a_brand_list_needs_more_than_brand_position() {
        let mut usb = Record::new(Register::Famous, "USB", "simple-icons");
        usb.famous = true;
        let short = Some(("usb", 0.0));
        assert_eq!(sev(&[usb.clone()], &[9], short, WEAK), Some(Severity::Low));
        assert_eq!(
            sev(&[usb], &[9], short, Usage::Neutral),
            Some(Severity::Low)
        );
    }

    #[test]
    fn a_verdict_carries_the_enforcement_evidence_of_its_records() {
        let mut r = curated("Disney", &[9, 28], true);
        r.owner = "The Walt Disney Company".into();
        r.enforcement.as_mut().unwrap().cases = vec!["1:24-cv-00001".into()];
        let v = verdict(&[r], "disney", &[28], None, &Usage::Neutral).unwrap();
        assert_eq!(v.severity, Severity::High);
        assert!(v.reason.contains(SUES_SELLERS), "{}", v.reason);
        let e = v.enforcement.unwrap();
        assert!(e.schedule_a && e.vero);
        assert_eq!(e.owner, "The Walt Disney Company");
        assert_eq!(e.cases, ["1:24-cv-00001"]);
        assert_eq!(e.franchise.as_deref(), Some("House"));
        let plain = verdict(
            &[rec("HUBSAN", &[9])],
            "hubsan",
            &[9],
            None,
            &Usage::Neutral,
        );
        assert_eq!(plain.unwrap().enforcement, None);
    }

    #[test]
    fn famous_brands_are_high_anywhere_when_coined() {
        let mut f = Record::new(Register::Famous, "LEGO", "The LEGO Group");
        f.famous = true;
        let v = verdict(&[f], "lego", &[25], None, &Usage::Neutral).unwrap();
        assert_eq!(
            (v.kind, v.severity),
            (FindingKind::FamousBrand, Severity::High)
        );
    }
}
