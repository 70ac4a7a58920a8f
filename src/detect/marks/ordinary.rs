//! Ordinary words by evidence: whether a mark that is also a common English word is used
//! as the brand or as the word ("Apple iPhone case" vs "apple slicer", "dove grey").
//!
//! Two kinds of evidence, both measured, neither a list of marks: how common the mark's
//! words are (the snapshot's word frequencies, Zipf scale), and where the words stand in
//! the field — in brand position (after "for" / "compatible with" / "fits", right after
//! another brand, before a model code, capitalised in running text, first of a title
//! segment) or in ordinary use (lower case where the seller capitalises names). This
//! module reports what it saw in words a seller understands; it must not read records or
//! decide severities (that is [`risk`](super::risk)).

use foldhash::HashSet;
use std::borrow::Cow;
use std::ops::Range;

/// A word is "common" from this Zipf value up (one use per ten million words:
/// "sequin"); below it, or absent from the list, a word reads as coined.
pub const COMMON_ZIPF: f32 = 2.0;

/// A one-word mark of at most this many letters ("HP", "AAA") reads as an abbreviation
/// and needs the same evidence of brand use as a common word.
pub const ABBREVIATION_LETTERS: usize = 3;

/// A famous brand written as a name ("Nike" 3.0, "Disney" 3.4, "Barbie" 3.6) below this
/// Zipf value owes its frequency to the brand; a capitalised word used more often than
/// this is mostly a person, place or people ("Swiss" 3.8, "Hudson" 4.0, "London" 4.7),
/// whose frequency says nothing about a brand. It does not hold against a name whose
/// owner has sued marketplace sellers (the curated list's evidence): "Stanley" (4.3) and
/// "Stitch" (3.9) are written that often because the brands are famous.
pub const NAME_ZIPF: f32 = 3.7;

/// A phrase is "common" when its words, taken as independent, would be at least this
/// frequent: "happy birthday" is, "hot wheels" and "liverpool fc" are not.
pub const COMMON_PHRASE_ZIPF: f32 = 1.0;

/// Everyday words ("orange", "target", "windows") from this Zipf value up: a mark made
/// of them is not distinctive enough to be looked for in disguise.
pub const EVERYDAY_ZIPF: f32 = 4.5;

/// A word the frequency list knows at least this well is a real word, never read as a
/// typo of a mark.
pub const KNOWN_ZIPF: f32 = 2.0;

/// How a word of the field is capitalised (from the text normaliser's token shape).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// `apple`
    Lower,
    /// `Apple`, `iPhone`, `APPLE`: written as a name.
    Capitalised,
    /// Letters and digits mixed (`X4`, `50d`, `A369i`).
    Code,
    /// Digits only.
    Number,
    /// No case (CJK, symbols).
    Uncased,
}

/// What separates a word from the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// White space or a hyphen: the words belong together.
    Tight,
    /// Punctuation that ends a segment (`,` `/` ` - ` `(` `|` `.`), or the field's end.
    Break,
}

/// One word of a field as this module needs it.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    /// The normalised word.
    pub text: &'a str,
    /// How it was written.
    pub case: Case,
    /// It starts a sentence.
    pub sentence_start: bool,
    /// What follows it.
    pub gap: Gap,
    /// Part of another candidate mark (not the seller's own).
    pub in_mark: bool,
    /// Part of the seller's own brand.
    pub in_own: bool,
    /// A possessive `'s` followed it ("Men's").
    pub possessive: bool,
    /// Written in capitals, two letters or more ("XF", "SMOOTH").
    pub all_caps: bool,
    /// Written in capitals beside another word in capitals, as lead-ins shout ("SMOOTH
    /// SURFACE - …"): its capitals say nothing about a name.
    pub shouted: bool,
    /// Written in capitals, short enough to be an abbreviation, and a word of the
    /// listing vocabulary ("EVA", "PVC", "USB"): a material or a standard, not a model
    /// code.
    pub listed_abbreviation: bool,
    /// A trademark sign follows it at once ("Igloo®", "Pac-Man™", ℠ and © too): the
    /// seller marks it as somebody's mark.
    pub trademark_sign: bool,
    /// A number with a unit of the listing vocabulary ("250ml", "65W", "12V"): a
    /// quantity, not a model code.
    pub measurement: bool,
}

/// How a field is capitalised as a whole, which says what capitals in it mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Running text: most words lower case, so a capital marks a name.
    Prose,
    /// Title case or all capitals: capitals say nothing, lower case is deliberate.
    Title,
    /// All lower case: case says nothing.
    Lower,
}

impl Style {
    /// The style of a field from its words.
    pub fn of(words: &[Word<'_>]) -> Style {
        if !words.iter().any(|w| w.case == Case::Capitalised) {
            return Style::Lower;
        }
        let (mut lower, mut upper) = (0usize, 0usize);
        for w in words
            .iter()
            .filter(|w| !w.sentence_start && w.text.len() > 3)
        {
            match w.case {
                Case::Lower => lower += 1,
                Case::Capitalised => upper += 1,
                _ => {}
            }
        }
        if lower >= 2 * upper {
            Style::Prose
        } else {
            Style::Title
        }
    }
}

/// Where a candidate stands in its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Usage {
    /// Named as what the product fits, after compatibility wording ("for", "fits",
    /// "compatible with"): a brand by the seller's own words, whatever the goods.
    Compatibility {
        /// What was seen.
        why: &'static str,
        /// A bare "for" right before the words: it names a purpose ("for kids") as
        /// often as what the product fits, so it says little about a known word.
        purpose: bool,
        /// After a bare "for", goods follow the words ("for Puma Sneakers", "for Smart
        /// Speaker"): they name whose goods the product fits, unless the word is an
        /// everyday adjective of the goods (for [`risk`](super::risk) to say). The Nice
        /// classes of those goods as a bit mask ([`risk::class_mask`](super::risk::class_mask)),
        /// 0 when none follow.
        goods: u64,
        /// The wording stands before an earlier item of a list, across a comma or a
        /// slash ("for Xbox, black"): a list goes on with brands as often as with the
        /// product's colour or size, so it names a word of the listing vocabulary only
        /// when the wording stands right before it.
        listed: bool,
    },
    /// Brand position; `strong` when the context says so unambiguously (compatibility
    /// wording, another brand, a model code, capitals in running text).
    Brand {
        /// Unambiguous.
        strong: bool,
        /// What was seen, for the finding's reason.
        why: &'static str,
    },
    /// It names what the product shows ("penguin print", "Bluey theme"): the picture,
    /// an ordinary word's sense — or a character the owner licenses.
    Depicted {
        /// What was seen.
        why: &'static str,
    },
    /// Ordinary use of the word.
    Ordinary {
        /// What was seen.
        why: &'static str,
    },
    /// Nothing either way.
    Neutral,
}

/// Words that introduce a compatibility statement: the brand after them names what the
/// product fits, not what it is.
const COMPAT: &[&str] = &[
    "for",
    "fits",
    "fit",
    "compatible",
    "replaces",
    "replacement",
];

/// Nouns that say a product shows something: the common word before them names the
/// picture ("penguin print", "monster themed"), not a maker.
const DEPICTION: &[&str] = &[
    "print",
    "printed",
    "prints",
    "pattern",
    "patterned",
    "design",
    "designs",
    "cartoon",
    "motif",
    "shaped",
    "shape",
    "themed",
    "theme",
    "graphic",
    "graphics",
    "picture",
    "pictures",
    "image",
    "silhouette",
    "illustration",
    "embroidery",
    "applique",
];

/// Basic colour terms: a word right before one names a shade ("Columbia Blue", "Hunter
/// Green", "Mustang Brown"), as colour names in listings are made.
const COLOURS: &[&str] = &[
    "black",
    "white",
    "grey",
    "gray",
    "red",
    "green",
    "blue",
    "yellow",
    "orange",
    "pink",
    "purple",
    "brown",
    "beige",
    "navy",
    "gold",
    "silver",
    "cream",
    "ivory",
    "tan",
    "teal",
    "turquoise",
    "khaki",
    "maroon",
    "burgundy",
];

/// Geographic feature nouns: a word right before one names a place ("Amazon River",
/// "Columbia River Gorge", "Everest Base" is not one; "Rocky Mountains").
const PLACES: &[&str] = &[
    "river",
    "rainforest",
    "basin",
    "mountains",
    "mountain",
    "valley",
    "lake",
    "desert",
    "ocean",
    "sea",
    "bay",
    "gorge",
    "canyon",
    "island",
    "islands",
    "peninsula",
    "delta",
    "falls",
    "glacier",
    "coast",
    "jungle",
    "forest",
    "region",
    "plateau",
    "strait",
    // What a place is the ground of: a map, a trek ("Patagonia Trek Map").
    "map",
    "maps",
    "trek",
    "treks",
    "trekking",
];

/// A name the span begins, with the word after it: it is part of that name, not a
/// brand on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compound {
    /// The first word of a colour name: a basic colour term follows ("Columbia Blue",
    /// "Hunter Green", "Mustang Brown").
    Colour,
    /// The first word of a place name: a geographic feature follows ("Amazon River",
    /// "Amazon Rainforest", "Columbia River").
    Place,
    /// A name after the geographic title it is named with ("Lake Tahoe", "Loch
    /// Lomond"): the place itself, whoever holds the name as a mark.
    TitledPlace,
}

/// Geographic titles written before a name ("Lake Tahoe", "Isle of Skye" is not one):
/// not "mount" nor "cape", which listings use for goods ("Phone Mount", "Hero Cape").
const PLACE_TITLES: &[&str] = &["lake", "loch", "lac", "isle", "gulf", "mont"];

/// The name the one-word span begins with the next word, written the same way
/// ("Columbia Blue", "hunter green"; not "Columbia blue-striped", where the colour is
/// the shirt's own, nor across a comma); a place also where a geographic noun follows
/// in lower case ("the Amazon river") or a preposition of place and "the" come before
/// ("along the Amazon", "across the Sahara").
pub fn compound(words: &[Word<'_>], span: Range<usize>) -> Option<Compound> {
    let (first, last) = (&words[span.start], &words[span.end - 1]);
    if span.len() != 1 {
        return None;
    }
    let after_place_preposition = span.start >= 2
        && words[span.start - 1].text == "the"
        && words[span.start - 1].gap == Gap::Tight
        && words[span.start - 2].gap == Gap::Tight
        && PLACE_PREPOSITIONS.contains(&words[span.start - 2].text);
    // "a map of Patagonia", "map of the Amazon": what a map is of is a place.
    let mapped = {
        let the = span.start >= 1 && words[span.start - 1].text == "the";
        let of = span.start - usize::from(the);
        of >= 2
            && words[of - 1].text == "of"
            && matches!(words[of - 2].text, "map" | "maps")
            && words[of - 2..span.start]
                .iter()
                .all(|w| w.gap == Gap::Tight)
    };
    if (after_place_preposition || mapped) && first.case == Case::Capitalised {
        return Some(Compound::Place);
    }
    let titled = span.start >= 1
        && words[span.start - 1].gap == Gap::Tight
        && words[span.start - 1].case == first.case
        && PLACE_TITLES
            .iter()
            .any(|t| t.eq_ignore_ascii_case(words[span.start - 1].text));
    if titled {
        return Some(Compound::TitledPlace);
    }
    let next = words
        .get(span.end)
        .filter(|_| last.gap == Gap::Tight)
        .filter(|n| !n.in_mark && !n.in_own)?;
    let is = |list: &[&str]| list.iter().any(|c| c.eq_ignore_ascii_case(next.text));
    let same_case = next.case == first.case;
    if same_case && is(COLOURS) {
        Some(Compound::Colour)
    } else if is(PLACES)
        && (same_case || (first.case == Case::Capitalised && next.case == Case::Lower))
        && !colour_after(words, span.end)
    {
        Some(Compound::Place)
    } else {
        None
    }
}

/// What the whole listing shows of how the seller writes words, for the candidates of
/// each field: one field's capitals can say nothing (a title in title case) where
/// another field's say a lot.
///
/// - A word the seller writes in lower case in running text (a field of
///   [`Style::Prose`], where capitals mark names) is a word to this seller: "a frozen
///   treat" in a bullet says what "Frozen Drink Cup" in the title means.
/// - A name the listing shows to be a place ([`compound`]: "map of Patagonia", "the
///   Amazon River") is that place wherever the listing names it.
#[derive(Debug, Clone, Default)]
pub struct SellerWords<'a> {
    /// Each run of lower-case words of running text, written " a b c ", one run a line.
    lower: String,
    /// Every word of those runs: a span with a word outside them is in none, found
    /// without reading the runs. Borrowed from the fields' words, which are lower case
    /// already once normalised; a word with capitals (as hand-made words may have) is
    /// held lowered.
    lower_words: HashSet<Cow<'a, str>>,
    /// The names the listing shows to be places.
    places: Vec<String>,
}

impl<'a> SellerWords<'a> {
    /// Adds what one field shows (its words as [`Word`]s, no candidate marked yet).
    pub fn add_field(&mut self, words: &[Word<'a>]) {
        if Style::of(words) == Style::Prose {
            // Grown once per field, not word by word.
            self.lower_words.reserve(words.len());
            self.lower
                .reserve(words.iter().map(|w| w.text.len() + 2).sum());
            let mut in_run = false;
            for w in words {
                if w.case == Case::Lower {
                    if !in_run {
                        self.lower.push(' ');
                        in_run = true;
                    }
                    let from = self.lower.len();
                    push_lower_case(&mut self.lower, w.text);
                    let word = &self.lower[from..];
                    if word == w.text {
                        self.lower_words.insert(Cow::Borrowed(w.text));
                    } else if !self.lower_words.contains(word) {
                        self.lower_words.insert(Cow::Owned(word.to_owned()));
                    }
                    self.lower.push(' ');
                }
                // The field's last word ends a segment (`Gap::Break`), so every run
                // ends here.
                if in_run && (w.case != Case::Lower || w.gap == Gap::Break) {
                    self.lower.push('\n');
                    in_run = false;
                }
            }
        }
        for i in 0..words.len() {
            if words[i].case == Case::Capitalised
                && matches!(
                    compound(words, i..i + 1),
                    Some(Compound::Place | Compound::TitledPlace)
                )
                && !self
                    .places
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(words[i].text))
            {
                self.places.push(words[i].text.to_lowercase());
            }
        }
    }

    /// Whether the seller writes `span` of `words` in lower case in running text
    /// somewhere in the listing: as words, not as a name.
    pub fn written_as_words(&self, words: &[Word<'_>], span: Range<usize>) -> bool {
        let one_word = span.len() == 1;
        // Written as the runs are, " a b ", one buffer for the whole span.
        let mut wanted = String::with_capacity(64);
        wanted.push(' ');
        for w in &words[span] {
            let from = wanted.len();
            push_lower_case(&mut wanted, w.text);
            if !self.lower_words.contains(&wanted[from..]) {
                return false;
            }
            wanted.push(' ');
        }
        // A word of the runs is in one of them; a phrase must be read there (a line
        // break ends a run, so no phrase is read across two).
        one_word || self.lower.contains(&wanted)
    }

    /// Whether the listing shows the one-word `span` of `words` to be a place.
    pub fn place(&self, words: &[Word<'_>], span: Range<usize>) -> bool {
        span.len() == 1
            && self
                .places
                .iter()
                .any(|p| p.eq_ignore_ascii_case(words[span.start].text))
    }
}

/// Appends `word` in lower case, as `str::to_lowercase` writes it, without a string of
/// its own for ASCII words (nearly all of them).
fn push_lower_case(out: &mut String, word: &str) {
    if word.is_ascii() {
        let from = out.len();
        out.push_str(word);
        out[from..].make_ascii_lowercase();
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// Whether a basic colour term follows the word at `at` in the same segment: a place
/// noun before one is part of a colour name ("Forest Green", "Ocean Blue"), and the word
/// before it no place ("Nike Forest Green Jacket").
fn colour_after(words: &[Word<'_>], at: usize) -> bool {
    words[at].gap == Gap::Tight
        && words
            .get(at + 1)
            .is_some_and(|w| COLOURS.iter().any(|c| c.eq_ignore_ascii_case(w.text)))
}

/// Prepositions of place: before "the" and a capitalised name they say the name is a
/// place ("along the Amazon", "over the Andes").
const PLACE_PREPOSITIONS: &[&str] = &[
    "along", "across", "over", "through", "around", "beyond", "down", "up", "near",
];

/// Words that say a product imitates the brand before them ("Vans style", "Stanley
/// inspired", "Bronco-style body", "DIESEL Look").
const IMITATION: &[&str] = &["style", "styled", "inspired", "look", "dupe", "lookalike"];

/// Words that compare the product with a brand after them ("looks like Marshall",
/// "lighter than Yeti", "vs Stanley"); "to" only after "similar", "compared" or
/// "alternative".
const COMPARISON: &[&str] = &["like", "than", "vs", "versus"];

/// The fewest digits of a number read as the model of the brand before it.
pub const MODEL_NUMBER_DIGITS: usize = 3;

/// A number of [`MODEL_NUMBER_DIGITS`] or more after a word is its model as often as a
/// quantity ("BlackBerry 8520", "Pelican 1510"); shorter ones are sizes and counts
/// ("Pack 2").
fn model_number(w: &Word<'_>) -> bool {
    w.case == Case::Number && w.text.len() >= MODEL_NUMBER_DIGITS
}

/// Link words a chain of brands may contain ("Holmes, Sunbeam and Bionaire").
const LINKS: &[&str] = &["and", "or", "new"];

/// The usage of the candidate covering `span` of `words` in a field of `style`.
pub fn usage(words: &[Word<'_>], span: Range<usize>, style: Style) -> Usage {
    let first = &words[span.start];
    let last = &words[span.end - 1];
    let next = words.get(span.end).filter(|_| last.gap == Gap::Tight);
    let prev = span
        .start
        .checked_sub(1)
        .map(|i| &words[i])
        .filter(|p| p.gap == Gap::Tight);

    // "Igloo®", "Pac-Man™": the seller's own sign says it is a mark.
    if last.trademark_sign {
        return Usage::Brand {
            strong: true,
            why: "the seller marks it with a trademark sign (™, ®)",
        };
    }
    // A product noun right after another brand names that brand's goods ("for Keurig
    // Brewers", "Hot Wheels Cars"), not a second brand.
    if span.len() == 1
        && prev.is_some_and(|p| p.in_mark || p.in_own)
        && super::classes::is_product_noun(first.text)
    {
        return Usage::Ordinary {
            why: "it names the goods of the brand before it (\"for Keurig Brewers\")",
        };
    }
    // Written in lower case where the seller capitalises names, after "for" too ("For
    // chili fans", "for football fans"): the word, not what the product fits.
    let lower_case_word =
        style != Style::Lower && words[span.clone()].iter().all(|w| w.case == Case::Lower);
    if let Some(listed) = compat_before(words, span.start)
        .filter(|_| !lower_case_word && !replaced_part(words, span.clone()))
    {
        // A bare "for" names a purpose ("for kids") unless what follows says it names a
        // brand, or "dupe" or "alternative" comes before it ("dupe for The Ordinary").
        let bare_for = span.start > 0
            && words[span.start - 1].text == "for"
            && !(span.start > 1 && matches!(words[span.start - 2].text, "dupe" | "alternative"));
        // The word after, or the one after a capitalised word between ("for Champion
        // Sportswear Fans", "for Coach Crossbody Bags"), when it is one `is` accepts.
        let ahead = |is: &dyn Fn(&Word<'_>) -> bool| {
            next.and_then(|n| {
                if is(n) {
                    Some(n)
                } else {
                    (n.case == Case::Capitalised && n.gap == Gap::Tight)
                        .then(|| words.get(span.end + 1).filter(|w| is(w)))
                        .flatten()
                }
            })
        };
        let goods = ahead(&|n| super::classes::is_product_noun(n.text))
            .filter(|_| bare_for)
            .map_or(0, |n| super::classes::noun_classes(n.text));
        return Usage::Compatibility {
            why: "it follows compatibility wording (\"for\", \"fits\", \"compatible with\")",
            // A model code, another brand or a short word in capitals ("for Jaguar XF",
            // "for Apple TV") names what the product fits; "for Coach fans", whose fans
            // the buyer is.
            // A word singled out in capitals in a title-case field ("for WHOOP 4.0")
            // is written as a name, as it would be anywhere else in the field.
            purpose: bare_for
                && !(style == Style::Title
                    && first.all_caps
                    && !first.shouted
                    && first.text.len() > 3)
                && !next.is_some_and(|n| {
                    n.case == Case::Code
                        || model_number(n)
                        || n.in_mark
                        || (n.all_caps && n.text.len() <= 3)
                })
                && ahead(&|n| matches!(n.text, "fan" | "fans")).is_none(),
            goods,
            listed,
        };
    }
    if next.is_some_and(|n| IMITATION.contains(&n.text)) {
        return Usage::Brand {
            strong: true,
            why: "it names the brand a product imitates (\"… style\", \"… inspired\")",
        };
    }
    if compared_with(words, span.start) {
        return Usage::Brand {
            strong: true,
            why: "it names the brand the product is compared with (\"like …\", \"than …\")",
        };
    }
    if between_brands(words, span.clone()) {
        return Usage::Brand {
            strong: true,
            why: "it stands in a list between other brands (\"Converse, Vans and Adidas\")",
        };
    }
    if brand_before(words, span.start) {
        return Usage::Brand {
            strong: true,
            why: "it follows another brand name",
        };
    }
    if next.is_some_and(|n| {
        (n.case == Case::Code && !n.measurement)
            || model_number(n)
            || (n.case == Case::Capitalised
                && n.text.len() <= 3
                && style != Style::Title
                && !n.in_mark
                && !n.listed_abbreviation)
    }) {
        return Usage::Brand {
            strong: true,
            why: "a model code follows it",
        };
    }
    if style == Style::Prose
        && !first.sentence_start
        && first.case == Case::Capitalised
        && !first.shouted
    {
        return Usage::Brand {
            strong: true,
            why: "it is capitalised as a name in running text",
        };
    }
    // One word in capitals in a title-case field, its neighbours not: singled out as
    // a name ("Ripped Knee DIESEL Washed Blue"); short ones are abbreviations ("LED").
    if style == Style::Title
        && span.len() == 1
        && first.all_caps
        && !first.shouted
        && first.text.len() > 3
    {
        return Usage::Brand {
            strong: true,
            why: "it alone is written in capitals, as a name",
        };
    }
    if style != Style::Lower && words[span.clone()].iter().all(|w| w.case == Case::Lower) {
        return Usage::Ordinary {
            why: "it is written in lower case, as an ordinary word",
        };
    }
    if prev.is_some_and(|p| p.possessive && !p.in_mark && !p.in_own) {
        return Usage::Ordinary {
            why: "it follows a possessive (\"Men's\"), inside the product's description",
        };
    }
    if next.is_some_and(|n| DEPICTION.contains(&n.text)) {
        return Usage::Depicted {
            why: "it names what the product shows (\"… print\", \"… cartoon\")",
        };
    }
    let segment_start =
        span.start == 0 || words[span.start - 1].gap == Gap::Break || words[span.start - 1].in_own;
    if segment_start && style != Style::Prose {
        return Usage::Brand {
            strong: false,
            why: "it opens the title or a segment of it, where brands stand",
        };
    }
    if prev.is_some_and(|p| matches!(p.case, Case::Code | Case::Number)) {
        return Usage::Brand {
            strong: false,
            why: "it follows a model number",
        };
    }
    Usage::Neutral
}

/// Whether `word` introduces what the product fits ("for", "fits", "compatible").
pub fn compatibility_word(word: &str) -> bool {
    COMPAT.contains(&word)
}

/// Whether `word` says the product imitates the brand before it ("style", "inspired").
pub fn imitation_word(word: &str) -> bool {
    IMITATION.contains(&word)
}

/// Whether `word` compares the product with the brand after it ("like", "than", "vs").
pub fn comparison_word(word: &str) -> bool {
    COMPARISON.contains(&word)
}

/// Whether the words of `span` name a brand the product imitates or is compared with
/// ("Jakery Style", "Stanley inspired", "looks like Marshall"): the seller's own words
/// say they are a brand, however they are spelt.
pub fn imitated(words: &[Word<'_>], span: Range<usize>) -> bool {
    let last = &words[span.end - 1];
    let next = words.get(span.end).filter(|_| last.gap == Gap::Tight);
    next.is_some_and(|n| IMITATION.contains(&n.text)) || compared_with(words, span.start)
}

/// Whether another brand name stands right before `start`, possibly across link words
/// ("Suzuki New Swift"). The seller's own brand does not count: what follows it is
/// mostly the product's description ("Acme Binoculars", "Acme Flip Cover").
fn brand_before(words: &[Word<'_>], start: usize) -> bool {
    let mut i = start;
    while i > 0 && start - i < 3 {
        let w = &words[i - 1];
        if w.gap != Gap::Tight {
            return false;
        }
        if w.in_mark {
            return true;
        }
        if !LINKS.contains(&w.text) {
            return false;
        }
        i -= 1;
    }
    false
}

/// Whether the span is an item of a list whose items before and after it are brands:
/// a brand before a comma or slash, and after it a comma, slash or link word ("and",
/// "or") and a brand.
fn between_brands(words: &[Word<'_>], span: Range<usize>) -> bool {
    let before = span
        .start
        .checked_sub(1)
        .is_some_and(|i| words[i].in_mark && words[i].gap == Gap::Break);
    let last = &words[span.end - 1];
    let after = match words.get(span.end) {
        Some(n) if last.gap == Gap::Break => n.in_mark,
        Some(n) if LINKS.contains(&n.text) && n.text != "new" => {
            n.gap == Gap::Tight && words.get(span.end + 1).is_some_and(|w| w.in_mark)
        }
        _ => false,
    };
    before && after
}

/// Whether comparison wording ([`COMPARISON`], or "similar to", "compared to",
/// "alternative to") stands right before `start`.
fn compared_with(words: &[Word<'_>], start: usize) -> bool {
    let before = |back: usize| {
        start
            .checked_sub(back)
            .map(|i| &words[i])
            .filter(|w| w.gap == Gap::Tight)
    };
    match before(1) {
        Some(w) if COMPARISON.contains(&w.text) => true,
        Some(w) if w.text == "to" => {
            before(2).is_some_and(|w| matches!(w.text, "similar" | "compared" | "alternative"))
        }
        _ => false,
    }
}

/// Whether the span names the part a replacement is, not what it fits: right after
/// "replacement", with "for" and a brand further on in the same segment ("Replacement
/// Shell Housing Kit for Nintendo": the product fits the Nintendo, the shell is the part).
fn replaced_part(words: &[Word<'_>], span: Range<usize>) -> bool {
    span.start > 0
        && words[span.start - 1].text == "replacement"
        && words[span.start - 1].gap == Gap::Tight
        && words[span.start..]
            .iter()
            .take_while(|w| w.gap == Gap::Tight)
            .zip(&words[span.start + 1..])
            .any(|(w, next)| w.text == "for" && next.in_mark)
}

/// Whether the span is two or more ordinary abbreviations of the listing vocabulary
/// right before a noun of electrical goods they describe ("AC DC Adapter", "AC/DC
/// Converter"), as "USB Cable" is: the abbreviations, not the band; "AC/DC Highway
/// Tee" names the band, and so does "for AC/DC Fans".
pub fn abbreviations_of_goods(words: &[Word<'_>], span: Range<usize>) -> bool {
    const ELECTRICAL: u64 = 1 << 7 | 1 << 9 | 1 << 11;
    span.len() >= 2
        && compat_before(words, span.start).is_none()
        && words[span.clone()].iter().all(|w| w.listed_abbreviation)
        && words[span.end - 1].gap == Gap::Tight
        && words
            .get(span.end)
            .is_some_and(|n| super::classes::noun_classes(n.text) & ELECTRICAL != 0)
}

/// Whether a compatibility word stands before `start`, possibly across other brand
/// names and link words ("for Samsung Galaxy", "Fits Holmes, Sunbeam and Bionaire");
/// `Some(listed)`, where `listed` says the chain crossed a list's punctuation or a model
/// number: the word stands further down the list, where the product's own colour or
/// size follows as often as a brand ("for iPad 2 black").
fn compat_before(words: &[Word<'_>], start: usize) -> Option<bool> {
    let mut i = start;
    let mut listed = false;
    while i > 0 {
        let w = &words[i - 1];
        // "with" only in "compatible with", "works with", "for use with".
        let with = w.text == "with"
            && i >= 2
            && matches!(
                words[i - 2].text,
                "compatible" | "works" | "work" | "use" | "used"
            );
        if COMPAT.contains(&w.text) || with {
            return (w.gap == Gap::Tight || i == start).then_some(listed);
        }
        let chain = w.in_mark || w.in_own || LINKS.contains(&w.text) || w.case == Case::Number;
        if !chain || start - i >= 6 {
            return None;
        }
        listed |= w.gap == Gap::Break || w.case == Case::Number;
        i -= 1;
    }
    None
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Words from a simple text: capitals, digits, `,` `-` `/` as breaks; `*` before a
    /// word marks it as part of another mark, `!` as own brand, `~` as an abbreviation
    /// of the listing vocabulary, `#` as a measurement.
    pub(in crate::detect::marks) fn words(text: &str) -> Vec<Word<'_>> {
        let raw: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
        let mut out: Vec<Word<'_>> = Vec::new();
        for r in raw {
            if matches!(r, "," | "-" | "/") {
                if let Some(w) = out.last_mut() {
                    w.gap = Gap::Break;
                }
                continue;
            }
            let (in_mark, in_own, t) = match r.as_bytes()[0] {
                b'*' => (true, false, &r[1..]),
                b'!' => (false, true, &r[1..]),
                _ => (false, false, r),
            };
            let (listed_abbreviation, t) = match t.strip_prefix('~') {
                Some(rest) => (true, rest),
                None => (false, t),
            };
            let (measurement, t) = match t.strip_prefix('#') {
                Some(rest) => (true, rest),
                None => (false, t),
            };
            let case = if t.chars().all(|c| c.is_ascii_digit()) {
                Case::Number
            } else if t.chars().any(|c| c.is_ascii_digit()) {
                Case::Code
            } else if t.chars().next().is_some_and(char::is_uppercase) {
                Case::Capitalised
            } else {
                Case::Lower
            };
            out.push(Word {
                text: t,
                case,
                sentence_start: out.is_empty(),
                gap: Gap::Tight,
                in_mark,
                in_own,
                possessive: false,
                all_caps: false,
                shouted: false,
                listed_abbreviation,
                trademark_sign: false,
                measurement,
            });
        }
        if let Some(w) = out.last_mut() {
            w.gap = Gap::Break;
        }
        let upper: Vec<bool> = out
            .iter()
            .map(|w| w.text.len() > 1 && w.text.chars().all(|c| c.is_ascii_uppercase()))
            .collect();
        for (i, w) in out.iter_mut().enumerate() {
            w.all_caps = upper[i];
            w.shouted =
                upper[i] && (i > 0 && upper[i - 1] || upper.get(i + 1).copied().unwrap_or(false));
        }
        out
    }

    fn at(text: &str, word: usize) -> Usage {
        let w = words(text);
        usage(&w, word..word + 1, Style::of(&w))
    }

    #[test]
    fn a_word_before_a_basic_colour_term_names_a_shade() {
        let colour = Some(Compound::Colour);
        let w = words("Puffer Jacket Columbia Blue");
        assert_eq!(compound(&w, 2..3), colour);
        let w = words("Rain Boots Hunter Green Matte");
        assert_eq!(compound(&w, 2..3), colour);
        // Across a break, in another case, or before no colour: no shade.
        assert_eq!(compound(&words("Jacket Columbia , Blue"), 1..2), None);
        assert_eq!(compound(&words("Columbia blue jacket"), 0..1), None);
        assert_eq!(compound(&words("Columbia Jacket Blue"), 0..1), None);
        // The last word of the field has nothing after it.
        assert_eq!(compound(&words("Jacket Columbia"), 1..2), None);
        // Places.
        let place = Some(Compound::Place);
        assert_eq!(
            compound(&words("Journal Amazon Rainforest Expedition"), 1..2),
            place
        );
        assert_eq!(
            compound(&words("along the Columbia River gorge"), 2..3),
            place
        );
        assert_eq!(compound(&words("Amazon Gift Card"), 0..1), None);
        assert_eq!(compound(&words("over the Amazon river"), 2..3), place);
        assert_eq!(compound(&words("sketch along the Amazon"), 3..4), place);
        // Not a lower-case name, not "the" alone, not any preposition.
        assert_eq!(compound(&words("along the amazon"), 2..3), None);
        assert_eq!(compound(&words("for the Amazon Echo"), 2..3), None);
        assert_eq!(compound(&words("along Amazon"), 1..2), None);
        assert_eq!(compound(&words("amazon River"), 0..1), None);
        // Maps and treks are of places.
        assert_eq!(compound(&words("Patagonia Trek Map Print"), 0..1), place);
        assert_eq!(compound(&words("Trail Map Patagonia Hiking"), 2..3), None);
        assert_eq!(compound(&words("pocket map of Patagonia"), 3..4), place);
        assert_eq!(compound(&words("a map of the Amazon"), 4..5), place);
        assert_eq!(compound(&words("a map of , Amazon"), 3..4), None);
        assert_eq!(compound(&words("a cover of Amazon"), 3..4), None);
    }

    #[test]
    fn a_capitalised_name_after_a_preposition_of_place_and_the_is_a_place() {
        // No geographic noun after it: the preposition two words before says so.
        assert_eq!(
            compound(&words("across the Sahara"), 2..3),
            Some(Compound::Place)
        );
    }

    #[test]
    fn a_name_after_a_geographic_title_is_that_place() {
        let titled = Some(Compound::TitledPlace);
        assert_eq!(compound(&words("Lake Tahoe Trail Map"), 1..2), titled);
        assert_eq!(compound(&words("Tour du Mont Blanc"), 3..4), titled);
        // Goods that share a word with a title are no title: "Phone Mount Samsung".
        assert_eq!(compound(&words("Phone Mount Samsung Holder"), 2..3), None);
        // Written otherwise than the title, it is no part of it; nor across a break.
        assert_eq!(compound(&words("Lake tahoe"), 1..2), None);
        assert_eq!(compound(&words("Lake , Tahoe"), 1..2), None);
    }

    #[test]
    fn a_name_a_map_is_of_is_a_place_whatever_ends_the_segment_before_the_map() {
        // The comma ends the segment before "map"; the map and its name stay together.
        let place = Some(Compound::Place);
        let w = words("Poster Print Wall Art , map of Patagonia");
        assert_eq!(compound(&w, 6..7), place);
        let w = words("Poster Print Wall Art , map of the Amazon");
        assert_eq!(compound(&w, 7..8), place);
    }

    #[test]
    fn brand_positions() {
        assert!(matches!(
            at("!Samsung Pouch for !Samsung Galaxy Note 510", 4),
            Usage::Compatibility { purpose: false, .. }
        ));
        assert!(matches!(
            at("Fancy Dress for Kids", 3),
            Usage::Compatibility { purpose: true, .. }
        ));
        assert!(matches!(
            at("Replacement Laces for Puma sneakers", 3),
            Usage::Compatibility {
                purpose: true,
                goods,
                ..
            } if goods != 0
        ));
        assert!(matches!(
            at("Key Fob Cover for Jaguar XF XE", 4),
            Usage::Compatibility { purpose: false, .. }
        ));
        assert!(matches!(
            at("Gift for Coach fans", 2),
            Usage::Compatibility { purpose: false, .. }
        ));
        assert!(matches!(
            at("Gift for Champion Sportswear fans", 2),
            Usage::Compatibility { purpose: false, .. }
        ));
        assert!(matches!(
            at("Strap for Coach Crossbody bags", 2),
            Usage::Compatibility { goods, .. } if goods != 0
        ));
        assert!(matches!(
            at("Serum dupe for The Ordinary", 3),
            Usage::Compatibility { purpose: false, .. }
        ));
        // One word between at most, and capitalised.
        assert!(matches!(
            at("Gift for Coach and all fans", 2),
            Usage::Compatibility { purpose: true, .. }
        ));
        assert!(matches!(
            at("Canvas Sneakers , Vans style Classic", 2),
            Usage::Brand { strong: true, .. }
        ));
        assert!(matches!(
            at("Key Fob Cover for Jaguar Owners", 4),
            Usage::Compatibility { purpose: true, .. }
        ));
        assert!(matches!(
            at("Gift for Dog Lovers", 2),
            Usage::Compatibility {
                purpose: true,
                goods: 0,
                ..
            }
        ));
        // Across a list's comma the wording still reaches a brand, but says it is listed.
        assert!(matches!(
            at("fits *Holmes , Sunbeam", 2),
            Usage::Compatibility { listed: true, .. }
        ));
        assert!(matches!(
            at("fits *Holmes and Sunbeam", 3),
            Usage::Compatibility { listed: false, .. }
        ));
        // After a model number the list goes on with the product's own words.
        assert!(matches!(
            at("case for *iPad 2 black", 4),
            Usage::Compatibility { listed: true, .. }
        ));
        assert!(matches!(
            at("case for *iPad black", 3),
            Usage::Compatibility { listed: false, .. }
        ));
        assert!(matches!(
            at("Phone case for Galaxy S21", 3),
            Usage::Compatibility { purpose: false, .. }
        ));
        assert!(matches!(
            at("blue crane introduction to the canon 50d volume", 5),
            Usage::Brand { strong: true, .. }
        ));
        assert!(matches!(
            at("Rapunzel *Disney Tangled Brain Teaser", 2),
            Usage::Brand { strong: true, .. }
        ));
        assert!(matches!(
            at(
                "a soft fabric book featuring Caterpillar and a friend to read",
                5
            ),
            Usage::Brand { strong: true, .. }
        ));
        // Capitals in a shouted lead-in say nothing; a lone capitalised word does.
        assert!(matches!(
            at("SMOOTH SURFACE - a soft cloth top for the desk", 1),
            Usage::Brand { strong: false, .. } | Usage::Neutral
        ));
        assert!(matches!(
            at("a soft pad that fits the Surface keyboard", 6),
            Usage::Brand { strong: true, .. }
        ));
        assert!(matches!(
            at("a soft pad that fits the JBL speaker", 6),
            Usage::Brand { strong: true, .. }
        ));
        assert!(matches!(
            at("Cars Rip Stick Racers - Sheriff", 4),
            Usage::Brand { strong: false, .. }
        ));
    }

    #[test]
    fn a_word_after_another_brand_across_link_words_is_a_name_but_not_after_the_own_brand() {
        assert_eq!(
            at("Car Mat *Suzuki new Swift", 4),
            Usage::Brand {
                strong: true,
                why: "it follows another brand name"
            }
        );
        for text in ["Car Mat Suzuki new Swift", "!Acme Binoculars"] {
            let w = words(text);
            let last = w.len() - 1;
            assert!(
                !matches!(
                    usage(&w, last..last + 1, Style::of(&w)),
                    Usage::Brand { strong: true, .. }
                ),
                "{text}"
            );
        }
    }

    #[test]
    fn a_product_noun_after_another_brand_names_that_brands_goods() {
        // The engine's words are normalised (lower case); the helper keeps the case it
        // reads from the capitals.
        let lowered = |text: &str| {
            let mut w = words(text);
            let last = w.len() - 1;
            w[last].text = match w[last].text {
                "Brewers" => "brewers",
                "Cars" => "cars",
                "Galaxy" => "galaxy",
                other => other,
            };
            usage(&w, last..last + 1, Style::of(&w))
        };
        for text in [
            "Coffee Pods for *Keurig Brewers",
            "Track Set for *Hot *Wheels Cars",
            "!Acme Brewers",
        ] {
            assert!(
                matches!(lowered(text), Usage::Ordinary { .. }),
                "{text}: {:?}",
                lowered(text)
            );
        }
        // Not a product noun: still what the product fits.
        assert!(matches!(
            lowered("Case for *Samsung Galaxy"),
            Usage::Compatibility { .. }
        ));
        // A product noun with no brand before it: the compatibility wording decides.
        assert!(matches!(
            lowered("Coffee Pods for Brewers"),
            Usage::Compatibility { .. }
        ));
    }

    #[test]
    fn ordinary_use() {
        assert!(matches!(
            at(
                "Includes four rubber chickens , a target disc and score pad",
                6
            ),
            Usage::Ordinary { .. }
        ));
        assert!(matches!(
            at("Laverda Jota 180 , orange , 1978 , Model Car", 3),
            Usage::Ordinary { .. }
        ));
        assert_eq!(
            at("Manhattan Toy Orange Hand Puppet With Red Nose", 2),
            Usage::Neutral
        );
        assert!(matches!(
            at("Kids Penguin cartoon Pencil Box", 1),
            Usage::Depicted { .. }
        ));
    }

    #[test]
    fn a_brand_the_product_is_compared_with_is_a_name() {
        let compared = Usage::Brand {
            strong: true,
            why: "it names the brand the product is compared with (\"like …\", \"than …\")",
        };
        assert_eq!(
            at("Speaker Vintage Amp looks like Marshall Speakers", 5),
            compared
        );
        assert_eq!(at("lighter than Yeti tumblers", 2), compared);
        assert_eq!(at("Tumbler vs Stanley", 2), compared);
        assert_eq!(at("a lid similar to Stanley lids", 4), compared);
        // "to" alone names a destination or a purpose; a break cuts the comparison.
        assert_ne!(at("a gift to Stanley fans", 3), compared);
        assert_ne!(at("feels like , Marshall", 2), compared);
    }

    #[test]
    fn a_quantity_with_its_unit_is_no_model_code() {
        let model = Usage::Brand {
            strong: true,
            why: "a model code follows it",
        };
        assert_eq!(at("body butter Mango Shea #250ml vegan", 3), Usage::Neutral);
        // Without the vocabulary's unit, digits and letters read as a model.
        assert_eq!(at("body butter Mango Shea 250ml vegan", 3), model);
        assert_eq!(at("a case for the Canon 50D camera", 4), model);
    }

    #[test]
    fn a_material_in_capitals_is_no_model_code() {
        let model = Usage::Brand {
            strong: true,
            why: "a model code follows it",
        };
        assert_eq!(at("a cover for the Jaguar XF in black", 4), model);
        assert_ne!(at("slides made of Foam ~EVA with drain holes", 3), model);
        // Without the vocabulary's word for it, three capitals read as a model.
        assert_eq!(at("slides made of Foam EVA with drain holes", 3), model);
    }

    #[test]
    fn a_number_of_three_digits_after_a_word_is_its_model() {
        let model = Usage::Brand {
            strong: true,
            why: "a model code follows it",
        };
        assert_eq!(at("White LCD Blackberry 8520 Screen", 2), model);
        // After a bare "for", the model says it names what the product fits.
        assert!(matches!(
            at("White LCD for Blackberry 8520 Screen", 3),
            Usage::Compatibility { purpose: false, .. }
        ));
        assert!(matches!(
            at("White LCD for Blackberry 85 Screen", 3),
            Usage::Compatibility { purpose: true, .. }
        ));
        assert_eq!(at("Foam Insert Pelican 1510 Case", 2), model);
        // Two digits are a size or a count.
        assert_ne!(at("Foam Insert Pelican 15 Case", 2), model);
        assert_ne!(at("Beads Pack 10 Colours", 1), model);
    }

    #[test]
    fn one_word_in_capitals_in_a_title_is_singled_out_as_a_name() {
        let capitals = Usage::Brand {
            strong: true,
            why: "it alone is written in capitals, as a name",
        };
        assert_eq!(at("Rock Poster KISS Face Paint Band", 2), capitals);
        // Beside other capitals it is shouting; short, an abbreviation; in running
        // text, capitals are judged as running text's.
        assert_ne!(at("Rock Poster KISS FACE Paint Band", 2), capitals);
        assert_ne!(at("Rock Poster LED Face Paint Band", 2), capitals);
        assert_ne!(at("a rock poster with the KISS of a band", 5), capitals);
    }

    #[test]
    fn an_item_between_brands_of_a_list_is_a_brand() {
        assert!(matches!(
            at("works on *Converse , Vans and *Adidas", 3),
            Usage::Brand { strong: true, .. }
        ));
        assert!(matches!(
            at("works on *Converse , Vans , *Adidas", 3),
            Usage::Brand { strong: true, .. }
        ));
        // A brand on one side only is no list of brands.
        assert!(!matches!(
            at("works on *Converse , Vans and boots", 3),
            Usage::Brand { strong: true, .. }
        ));
        assert!(!matches!(
            at("fits boots , Vans and *Adidas", 3),
            Usage::Brand { strong: true, .. }
        ));
    }

    #[test]
    fn a_word_after_a_possessive_is_description() {
        let mut w = words("Embroidered Men Polo Neck T-Shirt");
        w[1].possessive = true;
        assert!(matches!(
            usage(&w, 2..3, Style::of(&w)),
            Usage::Ordinary { .. }
        ));
    }

    #[test]
    fn a_word_the_seller_writes_in_lower_case_in_running_text_is_a_word_to_that_seller() {
        let title = words("Slushie Cup Frozen Drink Squeeze Cup");
        let mut seen = SellerWords::default();
        // Running text, where capitals mark names: its lower case is deliberate.
        let bullet = words("Chill the cup , pour juice and squeeze for a frozen treat");
        assert_eq!(Style::of(&bullet), Style::Prose);
        seen.add_field(&bullet);
        assert!(seen.written_as_words(&title, 2..3));
        // Not a word it does not write; not a phrase across a break.
        assert!(!seen.written_as_words(&title, 3..4));
        assert!(!seen.written_as_words(&words("Cup Pour"), 0..2));
        assert!(seen.written_as_words(&words("Frozen Treat"), 0..2));
        // The runs hold each word in lower case, whatever capitals it has inside.
        seen.add_field(&words("Sold on eBay and shipped for a frozen treat"));
        assert!(seen.written_as_words(&words("Ebay Deals"), 0..1));
        assert!(seen.written_as_words(&words("Cup Ebay"), 1..2));

        // Lower case in a title-case field, or in a field all in lower case, says
        // nothing: capitals there are no evidence either way.
        let mut seen = SellerWords::default();
        seen.add_field(&words("Cup Frozen Drink with frozen Fruit"));
        seen.add_field(&words("slushie cup frozen drink squeeze cup"));
        assert!(!seen.written_as_words(&title, 2..3));
        // Nor does the word capitalised in running text.
        seen.add_field(&words(
            "Chill the cup , pour juice and squeeze for a Frozen treat",
        ));
        assert!(!seen.written_as_words(&title, 2..3));
    }

    #[test]
    fn a_name_the_listing_shows_to_be_a_place_is_that_place_in_every_field() {
        let title = words("Trail Map Patagonia Hiking Guide");
        assert_eq!(compound(&title, 2..3), None);
        let mut seen = SellerWords::default();
        seen.add_field(&title);
        assert!(!seen.place(&title, 2..3));
        seen.add_field(&words("a pocket map of Patagonia with campsites"));
        assert!(seen.place(&title, 2..3));
        // One word only, and only the name shown to be a place.
        assert!(!seen.place(&title, 2..4));
        assert!(!seen.place(&title, 3..4));
        // A forest is a geographic feature; "Amazon Forest Parrot" names the place.
        let mut seen = SellerWords::default();
        seen.add_field(&words("an engaging Amazon Forest Parrot puppet"));
        assert!(seen.place(&words("Folkmanis Amazon Parrot Hand Puppet"), 1..2));
        // A lower-case name is not shown to be a place.
        let mut seen = SellerWords::default();
        seen.add_field(&words("the amazon Forest Parrot"));
        assert!(!seen.place(&words("Amazon Parrot"), 0..1));
    }

    #[test]
    fn a_place_noun_before_a_colour_term_is_part_of_a_colour_name() {
        // "Forest Green", "Ocean Blue" are shades: the word before them is no place.
        assert_eq!(compound(&words("Jacket Nike Forest Green"), 1..2), None);
        assert_eq!(compound(&words("Cap Nike Ocean Blue Mesh"), 1..2), None);
        // Across a break the colour is another item of the list.
        assert_eq!(
            compound(&words("Amazon Forest , Green"), 0..1),
            Some(Compound::Place)
        );
        assert_eq!(
            compound(&words("Amazon Forest Parrot"), 0..1),
            Some(Compound::Place)
        );
    }

    #[test]
    fn a_word_named_as_the_brand_imitated_or_compared_with_is_imitated() {
        let w = words("Power Station Jakery style Camping");
        assert!(imitated(&w, 2..3));
        assert!(imitated(&words("Lamp Stanley inspired"), 1..2));
        assert!(imitated(&words("Sounds like Marshall amps"), 2..3));
        assert!(imitated(&words("Cup similar to Yeti"), 3..4));
        // Not across a break, not a word before other goods, not the word after "style".
        assert!(!imitated(&words("Jakery , style"), 0..1));
        assert!(!imitated(&w, 0..1));
        assert!(!imitated(&w, 4..5));
    }

    #[test]
    fn a_word_in_lower_case_after_for_is_the_word_where_names_are_capitalised() {
        assert!(matches!(
            at("Hot Sauce Gift Set for chili fans", 5),
            Usage::Ordinary { .. }
        ));
        assert!(matches!(
            at("Hot Sauce Gift Set for Chili fans", 5),
            Usage::Compatibility { .. }
        ));
        // Where nothing is capitalised, case says nothing: "for" still names it.
        assert!(matches!(
            at("hot sauce gift set for chili fans", 5),
            Usage::Compatibility { .. }
        ));
    }

    #[test]
    fn ordinary_abbreviations_before_electrical_goods_describe_them() {
        let of_goods = |text: &str| abbreviations_of_goods(&words(text), 0..2);
        assert!(of_goods("~AC ~DC adapter 12V"));
        assert!(of_goods("~AC ~DC converter"));
        assert!(of_goods("~AC ~DC fan 12V"), "a cooling fan, class 11");
        assert!(of_goods("~AC ~DC motor"), "a motor, class 7");
        // Before other goods, or no goods, across a break, or one abbreviation: the
        // words may name a band ("AC/DC Highway Tee").
        assert!(!of_goods("~AC ~DC Highway tee"));
        assert!(!of_goods("~AC ~DC tee"));
        assert!(!of_goods("~AC ~DC"));
        assert!(!of_goods("~AC ~DC , adapter"));
        assert!(
            !of_goods("~AC DC adapter"),
            "DC is no listed abbreviation here"
        );
        assert!(!abbreviations_of_goods(&words("~AC adapter"), 0..1));
        // After compatibility wording they are named: "for AC/DC Fans".
        assert!(!abbreviations_of_goods(
            &words("tee for ~AC ~DC fans"),
            2..4
        ));
    }

    #[test]
    fn the_part_a_replacement_is_is_no_brand_where_for_names_the_brand_further_on() {
        assert!(matches!(
            at("replacement Shell Housing Kit for *Nintendo Game", 1),
            Usage::Neutral
        ));
        // Without "for" and a brand after it in the same segment, "replacement" names
        // what the part fits ("Replacement Dyson Filter"). (Word texts are lower case,
        // as the engine's are.)
        for text in [
            "replacement Shell Housing Kit",
            "replacement Shell Housing for Game Boy",
            "replacement Shell Housing , for *Nintendo",
            "new Shell Housing for *Nintendo",
            // Across a break from "replacement", the part is what it fits.
            "replacement , Shell Housing for *Nintendo",
        ] {
            let usage = at(text, 1);
            assert_eq!(
                matches!(usage, Usage::Compatibility { .. }),
                text.starts_with("replacement"),
                "{text}: {usage:?}"
            );
        }
        // Only "replacement" names a part: after a bare "for", the word is what the
        // product fits, whatever follows.
        assert!(matches!(
            at("case for Shell Housing for *Nintendo", 2),
            Usage::Compatibility { .. }
        ));
    }

    #[test]
    fn a_word_singled_out_in_capitals_after_a_bare_for_names_what_the_product_fits() {
        let purpose = |text: &str, word: usize| match at(text, word) {
            Usage::Compatibility { purpose, .. } => purpose,
            other => panic!("{text}: {other:?}"),
        };
        assert!(!purpose("Knit Band for WHOOP Strap Soft", 3));
        // Capitals of a shouted run, or of a short word, or in a field not in title
        // case, say nothing of a name.
        assert!(purpose("Knit Band for WHOOP STRAP Soft", 3));
        assert!(
            purpose("Knit Band for UGG Strap Soft", 3),
            "three letters: an abbreviation"
        );
        assert!(purpose("Knit Band for Whoop Strap Soft", 3));
        assert!(purpose(
            "knit band for WHOOP strap which is soft and stretchy",
            3
        ));
    }

    #[test]
    fn a_word_the_seller_marks_with_a_trademark_sign_is_a_name() {
        let mut w = words("Replacement Spigot for Igloo Beverage Coolers");
        w[3].trademark_sign = true;
        assert_eq!(
            usage(&w, 3..4, Style::of(&w)),
            Usage::Brand {
                strong: true,
                why: "the seller marks it with a trademark sign (™, ®)"
            }
        );
        w[3].trademark_sign = false;
        assert!(matches!(
            usage(&w, 3..4, Style::of(&w)),
            Usage::Compatibility { .. }
        ));
    }
}
