//! Lookalikes: words that are not a mark but are meant to read as one — a typo, a
//! doubled, dropped or swapped letter ("Ferari", "Hubasn", "TOOOBS"), found by an
//! edit-distance search of the mark index.
//!
//! The search is a Damerau–Levenshtein automaton (fst's `Automaton` trait) walked over
//! the FST's nodes, so only the index paths within reach are visited: distance 1 for
//! marks of at least 5 letters, 2 for marks of at least 10 ([`allowed_edits`]), with
//! the first letter kept (or swapped with the second) and the last letter kept (or
//! swapped with the one before): a lookalike has to read as the mark at a glance, and
//! readers anchor a word on its outer letters ("Gisney" and "Darty" read as other
//! words, "Disny", "Idsney" and "Nikee" as the mark; a changed ending is how names
//! differ: "Sonia" and "Sonic", "Mikey" and "Mikel"). The head anchor also keeps the
//! search to one or two branches of the index's root, which is what makes it
//! affordable on millions of marks. Two changed letters make another word of all but
//! the longest marks ("Eurostar" and "Europcar"), hence 10 letters for two. Homoglyph,
//! leetspeak and spacing disguises are caught earlier, by the exact walk over normalised
//! words (see [`walk`](super::walk) and the text normaliser); this module only
//! measures how far a word is from the index. It must not decide whether the mark is distinctive or how
//! severe the finding is.

use super::walk::feed;
use crate::register::snapshot::{HEAD_MIN_LETTERS, HEAD_SEPARATOR};
use fst::raw::{Fst, Node, Output};
use fst::Automaton;

/// Words longer than this (in bytes) are not searched for: no mark is that long, and the
/// automaton's cost grows with the word.
pub const MAX_WORD_BYTES: usize = 48;

/// Words shorter than this are not searched for: a word of four letters has as many
/// neighbours as a mark of four ("Leia" and "Leica", "Koon" and "Koton").
pub const MIN_WORD_LETTERS: usize = 5;

/// A mark key near a word of the listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Near {
    /// The key of the mark index.
    pub key: String,
    /// Its index value.
    pub value: u64,
    /// The edit distance (insertions, deletions, substitutions, swaps of neighbours).
    pub distance: u8,
    /// How the word spells the key.
    pub trick: Trick,
}

/// How a word spells a mark it is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trick {
    /// Letters changed, added, dropped or swapped ([`near`], [`near_phrase`]).
    Edits,
    /// An l written for an i or the other way round, which look alike in many fonts
    /// ("lPhone", "LuIulemon"): [`lookalike_letters`].
    LookalikeLetter,
    /// The mark's consonants with its vowels dropped ("Pkmn"): [`skeleton`].
    Skeleton,
    /// The mark glued to an ordinary word ("Barbiestyle"): the engine splits the word.
    Glued,
    /// A doubled letter of the mark moved to another letter ("Buggati", "Ferarri"):
    /// [`moved_doubles`].
    MovedDouble,
    /// A mark of two words written as one, without its space ("InterMiami",
    /// "Pawpatrol"): the engine splits the word.
    Despaced,
    /// A sound of the mark spelt otherwise ("Moskino", "Tupperwear"):
    /// [`sound_alike_spellings`], [`sound_alike_endings`].
    Respelt,
}

/// The shortest word read as a mark without its vowels: three consonants stand for
/// too many marks ("pcs", "dvd").
pub const SKELETON_LETTERS: usize = 4;

/// The fewest vowels a mark must lose to be read from its consonants: one dropped
/// letter is an edit ([`near`]).
pub const SKELETON_DROPPED: usize = 2;

/// Whether `c` is a vowel of the Latin alphabet (`y` is not: "Dsny" keeps it).
fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether `word` can be a mark without its vowels: at least [`SKELETON_LETTERS`]
/// ASCII letters and no vowel.
pub fn is_skeleton(word: &str) -> bool {
    word.len() >= SKELETON_LETTERS && word.bytes().all(|b| b.is_ascii_lowercase() && !is_vowel(b))
}

/// One-word mark keys that are `word` with vowels put back ("pkmn" → "pokemon",
/// "pokémon"): the key starts with the word's first letter and ends with its last,
/// keeps its consonants in order and adds only vowels (accented ones too), at least
/// [`SKELETON_DROPPED`] of them ("strv" is no Staravia). Empty unless [`is_skeleton`].
pub fn skeleton<D: AsRef<[u8]>>(map: &fst::Map<D>, word: &str) -> Vec<Near> {
    fn go<D: AsRef<[u8]>>(
        fst: &Fst<D>,
        node: Node<'_>,
        out: Output,
        word: &[u8],
        at: usize,
        key: &mut Vec<u8>,
        found: &mut Vec<Near>,
    ) {
        if at == word.len()
            && node.is_final()
            && key.len() >= word.len() + SKELETON_DROPPED
            && key.last() == word.last()
        {
            if let Ok(k) = String::from_utf8(key.clone()) {
                let distance = distance(std::str::from_utf8(word).unwrap_or(""), &k);
                found.push(Near {
                    key: k,
                    value: out.cat(node.final_output()).value(),
                    distance,
                    trick: Trick::Skeleton,
                });
            }
        }
        for t in node.transitions() {
            // A vowel (or a byte of an accented letter) may be put back anywhere after
            // the first letter; the word's letters come in order.
            let next = if word.get(at) == Some(&t.inp) {
                at + 1
            } else if !key.is_empty() && (is_vowel(t.inp) || t.inp >= 0x80) {
                at
            } else {
                continue;
            };
            key.push(t.inp);
            go(
                fst,
                fst.node(t.addr),
                out.cat(t.out),
                word,
                next,
                key,
                found,
            );
            key.pop();
        }
    }
    if !is_skeleton(word) {
        return Vec::new();
    }
    let fst = map.as_fst();
    let mut found = Vec::new();
    go(
        fst,
        fst.root(),
        Output::zero(),
        word.as_bytes(),
        0,
        &mut Vec::new(),
        &mut found,
    );
    found
}

/// The readings of `word` with one `l` read as `i` or one `i` as `l` ("lphone" →
/// "iphone", "luiulemon" → "lululemon"): letters that look alike in many fonts, written
/// one for the other to slip past an exact search.
pub fn lookalike_letters(word: &str) -> Vec<String> {
    word.char_indices()
        .filter_map(|(at, c)| {
            let other = match c {
                'l' => 'i',
                'i' => 'l',
                _ => return None,
            };
            let mut reading = word.to_owned();
            reading.replace_range(at..at + 1, other.encode_utf8(&mut [0; 4]));
            Some(reading)
        })
        .collect()
}

/// The reading of `word` with its first letter written as a letter that sounds like it
/// there ("Cristoff" → "kristoff", "Kanon" → "canon", "Zara" ↔ "sara"): [`near`] keeps
/// the first letter, so this one slip is read on its own. Not v and w: a first v or w
/// makes another word in too many languages ("Vario" is no Wario).
pub fn sound_alike_first_letter(word: &str) -> Option<String> {
    let mut letters = word.chars();
    let other = match letters.next()? {
        'k' => 'c',
        'c' => 'k',
        'z' => 's',
        's' => 'z',
        _ => return None,
    };
    Some(std::iter::once(other).chain(letters).collect())
}

/// Street spellings of short words that sellers write inside a mark's name ("Game Boi",
/// "Fall Out Boi", "Spice Gurls"), each with the word it stands for.
const STREET_SPELLINGS: &[(&str, &str)] = &[
    ("boi", "boy"),
    ("boiz", "boys"),
    ("boyz", "boys"),
    ("gurl", "girl"),
    ("gurls", "girls"),
    ("girlz", "girls"),
    ("luv", "love"),
    ("nite", "night"),
];

/// The word a street spelling stands for ("boi" → "boy"; see `STREET_SPELLINGS`).
pub fn street_spelling(word: &str) -> Option<&'static str> {
    STREET_SPELLINGS
        .iter()
        .find(|(street, _)| *street == word)
        .map(|(_, plain)| *plain)
}

/// Spellings of one sound at the end of an English word, the "air" of "care", "hair",
/// "wear" and "Claire": a seller who writes a mark by ear writes any of them for
/// another ("Tupperwear", "Sonicair").
const RHYMES_ON_AIR: &[&str] = &["aire", "are", "air", "ear"];

/// The fewest letters before a respelt ending ([`sound_alike_endings`]): a shorter stem
/// is a word of its own ("hair", "wear", "flair"), not a mark written by ear.
pub const RESPELT_STEM_LETTERS: usize = 4;

/// The readings of `word` with its ending respelt as another spelling of the same sound
/// (`RHYMES_ON_AIR`: "tupperwear" → "tupperware", "sonicair" → "sonicare"): two edits
/// apart, one slip of the ear. The stem before the ending has at least
/// [`RESPELT_STEM_LETTERS`] letters.
pub fn sound_alike_endings(word: &str) -> Vec<String> {
    let Some(ending) = RHYMES_ON_AIR.iter().find(|e| word.ends_with(*e)) else {
        return Vec::new();
    };
    let stem = &word[..word.len() - ending.len()];
    if stem.chars().count() < RESPELT_STEM_LETTERS {
        return Vec::new();
    }
    RHYMES_ON_AIR
        .iter()
        .filter(|e| *e != ending)
        .map(|e| format!("{stem}{e}"))
        .collect()
}

/// Spellings of one sound inside a word, each read for the others ("Moskino" for
/// Moschino, "Maglight" for Maglite, "Delfi" for Delphi): two or three edits apart,
/// but one slip of the ear.
const RESPELLINGS: &[(&str, &str)] = &[
    ("sk", "sch"),
    ("sch", "sk"),
    ("ph", "f"),
    ("f", "ph"),
    ("ight", "ite"),
    ("ite", "ight"),
    ("x", "ks"),
    ("ks", "x"),
];

/// The readings of `word` with one of its sounds respelt as `RESPELLINGS` spells it
/// otherwise, one place at a time; only words of at least [`MIN_WORD_LETTERS`] letters.
pub fn sound_alike_spellings(word: &str) -> Vec<String> {
    if word.chars().count() < MIN_WORD_LETTERS {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (from, to) in RESPELLINGS {
        for (at, _) in word.match_indices(from) {
            out.push(format!("{}{to}{}", &word[..at], &word[at + from.len()..]));
        }
    }
    out
}

/// The readings of `word` with its doubled letter moved: one letter of a double dropped
/// and another letter doubled ("buggati" → "bugatti", "ferarri" → "ferrari"). Two edits
/// apart, but one slip of the hand, and a classic disguise. Only words with one double
/// are read (a second double is a word's own), and the reading keeps the word's first
/// and last letters.
pub fn moved_doubles(word: &str) -> Vec<String> {
    let letters: Vec<char> = word.chars().collect();
    let doubles: Vec<usize> = (1..letters.len())
        .filter(|&i| letters[i] == letters[i - 1])
        .collect();
    let [at] = doubles[..] else {
        return Vec::new();
    };
    let mut single = letters.clone();
    single.remove(at);
    let mut out = Vec::new();
    for i in 1..single.len().saturating_sub(1) {
        // Doubling the copy left would give the word back.
        if i == at - 1 || !single[i].is_alphabetic() {
            continue;
        }
        let mut reading = single.clone();
        reading.insert(i, single[i]);
        out.push(reading.into_iter().collect());
    }
    out
}

/// The most edits allowed between a word and a mark, the shorter of them of `letters`
/// letters: 1 from 5 letters, 2 from 10, none below 5 (short marks have too many
/// neighbours, and a short word too many marks near it).
pub fn allowed_edits(letters: usize) -> u8 {
    match letters {
        0..=4 => 0,
        5..=9 => 1,
        _ => 2,
    }
}

/// A mark of at least this many letters is read through one edit at its ending too
/// ("Logitec", "Kitchenaide", "Tobleron"): what is left of it is long enough to read
/// as the mark at a glance, where a shorter one reads as another name ("Sonia",
/// "Nautic"), and two edits there make another word ("Caledonian", not Calzedonia).
pub const LONG_MARK_LETTERS: usize = 8;

/// Whether `word` keeps the last letter of `key`, swaps the last two ("Disnye"), ends
/// on a letter that sounds the same there ("Guccy", "Adidaz"), or on another vowel
/// where the mark is long enough ("Lenova").
fn keeps_the_end(word: &str, key: &str) -> bool {
    let (mut w, mut k) = (word.chars().rev(), key.chars().rev());
    let (w0, w1, k0, k1) = (w.next(), w.next(), k.next(), k.next());
    let letters = key.chars().count();
    w0 == k0
        || (w0 == k1 && w1 == k0)
        || w0
            .zip(k0)
            .is_some_and(|p| sounds_alike_at_the_end(p) || vowel_for_vowel_at_the_end(p, letters))
}

/// Whether `word` is `key` with one consonant replaced by a consonant that neither sounds
/// nor looks like it: another name ("Melman" and Meltan, "Orbis" and Orvis, "Humber"
/// and Hummer), not a disguise. Disguises replace a letter by its sound ("Guccy",
/// "Mercedez", "Balanse") or its shape ("Juventvs"), or add, drop or swap letters, and
/// misspellings change vowels.
pub fn changes_the_name(word: &str, key: &str) -> bool {
    let (w, k): (Vec<char>, Vec<char>) = (word.chars().collect(), key.chars().collect());
    if w.len() != k.len() {
        return false;
    }
    let mut changed = (0..w.len()).filter(|&i| w[i] != k[i]);
    match (changed.next(), changed.next()) {
        // A digit or sign for a letter shows intent ("Sams0ng"), and vowels are where
        // misspellings happen ("Agnus", "Gangar", "Rapharl"): a disguise or a typo.
        (Some(i), None) => {
            consonant(w[i])
                && consonant(k[i])
                && !sounds_or_looks_alike(w[i], k[i], k.get(i + 1).copied())
        }
        _ => false,
    }
}

/// A Latin consonant (`y` counts as a vowel here: "Guccy").
fn consonant(c: char) -> bool {
    c.is_ascii_alphabetic() && !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Letters written one for the other in disguises, `next` the mark's letter after: by
/// sound (c/k/q; c/s where the c is soft, before e, i or y; s/z; i/y; v/w, one letter
/// in many sellers' languages) or by shape (u/v; m/n, one hump apart: "Doraemom").
fn sounds_or_looks_alike(a: char, b: char, next: Option<char>) -> bool {
    let pair = |x: char, y: char| (a, b) == (x, y) || (a, b) == (y, x);
    let soft = next.is_some_and(|n| matches!(n, 'e' | 'i' | 'y'));
    pair('c', 'k')
        || pair('k', 'q')
        || (pair('c', 's') && soft)
        || pair('s', 'z')
        || pair('i', 'y')
        || pair('u', 'v')
        || pair('v', 'w')
        || pair('m', 'n')
}

/// Last letters that sound alike, written one for the other to dodge a search.
fn sounds_alike_at_the_end((a, b): (char, char)) -> bool {
    matches!((a, b), ('y', 'i') | ('i', 'y') | ('z', 's') | ('s', 'z'))
}

/// A famous mark of at least this many letters is still read through its last vowel
/// changed for another ("Lenova", "Nutello"): misspellings change vowels, and five
/// letters left read as the mark. A shorter one reads as another name ("Kairu" is not
/// Kairi); so does any mark no one knows by sight: "Plushie" is no misspelling of a
/// registered PLUSHIA (the engine asks fame of [`through_its_last_vowel`] readings).
pub const VOWEL_ENDING_MARK_LETTERS: usize = 6;

/// Whether [`near`] reads `word` as `key` only through the last vowel changed for another
/// (a key of [`VOWEL_ENDING_MARK_LETTERS`] to [`LONG_MARK_LETTERS`] letters, whose ending
/// is otherwise kept).
pub fn through_its_last_vowel(word: &str, key: &str) -> bool {
    let (mut w, mut k) = (word.chars().rev(), key.chars().rev());
    let (w0, w1, k0, k1) = (w.next(), w.next(), k.next(), k.next());
    let letters = key.chars().count();
    letters < LONG_MARK_LETTERS
        && w0 != k0
        && !(w0 == k1 && w1 == k0)
        && w0
            .zip(k0)
            .is_some_and(|p| vowel_for_vowel_at_the_end(p, letters))
}

/// Whether `a` and `b`, the last letters of a word and of a mark of `mark_letters`
/// letters, are two vowels the mark is long enough to be read through.
fn vowel_for_vowel_at_the_end((a, b): (char, char), mark_letters: usize) -> bool {
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    mark_letters >= VOWEL_ENDING_MARK_LETTERS && vowel(a) && vowel(b)
}

/// Whether two words differ only by accents and other combining marks ("citroen",
/// "citroën"): the same word, not a disguise.
pub fn same_but_accents(a: &str, b: &str) -> bool {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    a.nfd()
        .filter(|c| !is_combining_mark(*c))
        .eq(b.nfd().filter(|c| !is_combining_mark(*c)))
}

/// Mark keys (single words, no spaces) within the allowed distance of `word` (of at
/// least [`MIN_WORD_LETTERS`] letters) that start
/// with its first letter (or with its first two letters swapped) and end with its last
/// (or its last two swapped), closest first. `word` is a normalised token; identical
/// keys are not returned.
pub fn near<D: AsRef<[u8]>>(map: &fst::Map<D>, word: &str) -> Vec<Near> {
    let letters = word.chars().count();
    if word.len() > MAX_WORD_BYTES || letters < MIN_WORD_LETTERS {
        return Vec::new();
    }
    // The edits allowed follow the shorter of the word and the mark: two only where
    // both have ten letters or more ("FLUTTERBY" is no typo of Fluttershy).
    let radius = allowed_edits(letters);
    if radius == 0 {
        return Vec::new();
    }
    let aut = Damerau::new(word.as_bytes(), radius);
    let fst = map.as_fst();
    let mut found = Vec::new();
    walk(
        fst,
        fst.root(),
        Output::zero(),
        &aut.start(),
        &aut,
        &mut Vec::with_capacity(MAX_WORD_BYTES + MAX_EDITS),
        &mut found,
    );
    let mut out = Vec::new();
    for (key, value) in found {
        if key == word.as_bytes() {
            continue;
        }
        let Ok(key) = String::from_utf8(key) else {
            continue;
        };
        let distance = distance(word, &key);
        if distance >= 1
            && distance <= allowed_edits(letters.min(key.chars().count()))
            && (keeps_the_end(word, &key)
                || (distance == 1 && key.chars().count() >= LONG_MARK_LETTERS))
        {
            out.push(Near {
                key,
                value,
                distance,
                trick: Trick::Edits,
            });
        }
    }
    // Among marks as near, one whose letters the word keeps, only moved ("Madza" of
    // Mazda, not of Maaza), first.
    out.sort_by_key(|n| (n.distance, !same_letters(word, &n.key)));
    out
}

/// Whether two words are made of the same letters, in any order.
fn same_letters(a: &str, b: &str) -> bool {
    let sorted = |w: &str| {
        let mut letters: Vec<char> = w.chars().collect();
        letters.sort_unstable();
        letters
    };
    sorted(a) == sorted(b)
}

/// The shortest word of a mark of several words that [`near_phrase`] reads through one
/// edit: the other words of the mark vouch for it, but a word of three letters has a
/// neighbour in most others.
pub const PHRASE_WORD_LETTERS: usize = 4;
// The phrase heads hold every first word the search may read through.
const _: () = assert!(PHRASE_WORD_LETTERS >= HEAD_MIN_LETTERS);

/// A mark key of several words near the words of a listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NearPhrase {
    /// The key and its distance from the words (one edit, in the disguised word).
    pub near: Near,
    /// How many of the words, from the first, the key spells.
    pub words: usize,
}

/// The longest mark key of several words that `words` spell with every word exact but
/// the one at `disguised`, which is one edit (a letter or digit changed, added, dropped
/// or two neighbours swapped) from the key's word of at least [`PHRASE_WORD_LETTERS`]
/// letters, keeping its first letter (or swapping the first two): "hot whee1s" reads
/// "hot wheels", "calvin kelin" "calvin klein". The key covers `words[..=disguised]`
/// and as many following words as it can; `None` when no key does, or when it would
/// be a single word (that is [`near`]'s).
///
/// `heads` is the index's phrase heads ([`crate::register::snapshot::phrase_heads`]): a
/// disguised first word is searched among the first words of the keys whose second word
/// is the listing's next word, not among every key.
pub fn near_phrase<D: AsRef<[u8]>, H: AsRef<[u8]>>(
    map: &fst::Map<D>,
    heads: &fst::Set<H>,
    words: &[&str],
    disguised: usize,
) -> Option<NearPhrase> {
    let word = *words.get(disguised)?;
    if word.len() > MAX_WORD_BYTES || word.chars().count() < PHRASE_WORD_LETTERS {
        return None;
    }
    let fst = map.as_fst();
    let mut key = Vec::new();
    for w in &words[..disguised] {
        key.extend_from_slice(w.as_bytes());
        key.push(b' ');
    }
    let (node, out) = feed(fst, fst.root(), Output::zero(), &key)?;
    let aut = Damerau::new(word.as_bytes(), 1);
    let ends = if disguised == 0 {
        first_word_ends(fst, heads, words.get(1)?, &aut)
    } else {
        let mut ends = Vec::new();
        walk_to_ends(
            fst,
            node,
            out,
            &aut.start(),
            &aut,
            &mut Vec::new(),
            &mut ends,
        );
        ends
    };
    let mut best: Option<NearPhrase> = None;
    for (spelt, node, out) in ends {
        let Ok(as_key) = std::str::from_utf8(&spelt) else {
            continue;
        };
        if as_key == word
            || as_key.chars().count() < PHRASE_WORD_LETTERS
            || distance(word, as_key) != 1
        {
            continue;
        }
        // The words after the disguised one, as many as the key goes on with.
        let (mut node, mut out, mut tail) = (node, out, Vec::new());
        let mut found = node
            .is_final()
            .then(|| (disguised + 1, out.cat(node.final_output()).value(), 0));
        'words: for (i, w) in words.iter().enumerate().skip(disguised + 1) {
            for &b in b" ".iter().chain(w.as_bytes()) {
                let Some(at) = node.find_input(b) else {
                    break 'words;
                };
                let t = node.transition(at);
                out = out.cat(t.out);
                node = fst.node(t.addr);
                tail.push(b);
            }
            if node.is_final() {
                found = Some((i + 1, out.cat(node.final_output()).value(), tail.len()));
            }
        }
        let Some((end, value, tail_len)) = found else {
            continue;
        };
        if end < 2 || best.as_ref().is_some_and(|b| b.words >= end) {
            continue;
        }
        let mut full = key.clone();
        full.extend_from_slice(&spelt);
        full.extend_from_slice(&tail[..tail_len]);
        if let Ok(full) = String::from_utf8(full) {
            best = Some(NearPhrase {
                near: Near {
                    key: full,
                    value,
                    distance: 1,
                    trick: Trick::Edits,
                },
                words: end,
            });
        }
    }
    best
}

/// What [`walk_to_ends`] finds from the root, for keys of several words whose second
/// word is `second`: their first words that the automaton matches, read from the phrase
/// heads, each with the node and output it leads to in the index.
fn first_word_ends<'f, D: AsRef<[u8]>, H: AsRef<[u8]>>(
    fst: &'f Fst<D>,
    heads: &fst::Set<H>,
    second: &str,
    aut: &Damerau,
) -> Vec<(Vec<u8>, Node<'f>, Output)> {
    let heads = heads.as_fst();
    let mut before = second.as_bytes().to_vec();
    before.push(HEAD_SEPARATOR);
    let Some((node, _)) = feed(heads, heads.root(), Output::zero(), &before) else {
        return Vec::new();
    };
    let mut firsts = Vec::new();
    walk(
        heads,
        node,
        Output::zero(),
        &aut.start(),
        aut,
        &mut Vec::new(),
        &mut firsts,
    );
    firsts
        .into_iter()
        .filter_map(|(first, _)| {
            let (node, out) = feed(fst, fst.root(), Output::zero(), &first)?;
            Some((first, node, out))
        })
        .collect()
}

/// Like [`walk`], but collects every node where the automaton matches a whole word of
/// the key — a final node, or one the key goes on from with a space — with the word's
/// bytes and the output so far.
fn walk_to_ends<'f, D: AsRef<[u8]>>(
    fst: &'f Fst<D>,
    node: Node<'f>,
    out: Output,
    state: &Option<Rows>,
    aut: &Damerau,
    key: &mut Vec<u8>,
    found: &mut Vec<(Vec<u8>, Node<'f>, Output)>,
) {
    for t in node.transitions() {
        let next = aut.accept(state, t.inp);
        if !aut.can_match(&next) {
            continue;
        }
        let child = fst.node(t.addr);
        let out = out.cat(t.out);
        key.push(t.inp);
        if aut.is_match(&next) && (child.is_final() || child.find_input(b' ').is_some()) {
            found.push((key.clone(), child, out));
        }
        walk_to_ends(fst, child, out, &next, aut, key, found);
        key.pop();
    }
}

/// Depth-first walk of the index below `node` (reached by `key` with output `out`),
/// collecting the keys the automaton matches, in key order. A child node is only opened
/// when the automaton accepts its byte: most transitions at the edge of the reachable
/// region are refused, and opening a node costs more than the refusal (fst's own stream
/// opens every child first).
fn walk<D: AsRef<[u8]>>(
    fst: &Fst<D>,
    node: Node<'_>,
    out: Output,
    state: &Option<Rows>,
    aut: &Damerau,
    key: &mut Vec<u8>,
    found: &mut Vec<(Vec<u8>, u64)>,
) {
    for t in node.transitions() {
        let next = aut.accept(state, t.inp);
        if !aut.can_match(&next) {
            continue;
        }
        let child = fst.node(t.addr);
        let out = out.cat(t.out);
        key.push(t.inp);
        if child.is_final() && aut.is_match(&next) {
            found.push((key.clone(), out.cat(child.final_output()).value()));
        }
        walk(fst, child, out, &next, aut, key, found);
        key.pop();
    }
}

/// The optimal-string-alignment distance between two words (Damerau–Levenshtein where
/// a swapped pair counts as one edit), in characters.
pub fn distance(a: &str, b: &str) -> u8 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    u8::try_from(osa_distance(&a, &b)).unwrap_or(u8::MAX)
}

/// The optimal-string-alignment distance between two sequences, by the full table.
fn osa_distance<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (i, row) in d.chunks_mut(w).enumerate() {
        row[0] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

/// A Damerau–Levenshtein (optimal string alignment) automaton over bytes, small enough
/// to build per word. It simulates the Levenshtein NFA bit-parallel (Wu–Manber /
/// Baeza-Yates–Navarro, with Hyyrö's transposition term): bit `j` of `rows[d]` says the
/// key bytes read so far are within `d` edits of the first `j` bytes of the query. A
/// transition is a handful of shifts and masks per allowed edit instead of a pass over
/// the query, and a state is a few words that copy cheaply as the FST walk branches.
struct Damerau {
    /// Query length in bytes.
    len: usize,
    /// Edits allowed (at most [`MAX_EDITS`]).
    max: usize,
    /// Bits `0..=len`: the prefix lengths a row can hold.
    mask: u64,
    /// For each byte value, bit `j` set when query byte `j - 1` is that byte.
    peq: [u64; 256],
    /// The query's first two bytes: a key must start with them, or with them swapped.
    head: [Option<u8>; 2],
}

/// The most edits the automaton tracks (marks of 8 letters or more allow two).
const MAX_EDITS: usize = 2;

/// The automaton's state after the key bytes read so far.
#[derive(Clone)]
struct Rows {
    /// Per edit count `d`: the query prefix lengths within `d` edits.
    rows: [u64; MAX_EDITS + 1],
    /// The rows one key byte earlier (for swaps of neighbours).
    prev: [u64; MAX_EDITS + 1],
    /// The last key byte read, once there is a previous row.
    last: Option<u8>,
    /// Key bytes read, up to 2 (the first two are held to the query's first two).
    depth: u8,
}

impl Damerau {
    fn new(query: &[u8], max: u8) -> Damerau {
        let mut peq = [0u64; 256];
        for (j, &b) in query.iter().enumerate() {
            peq[usize::from(b)] |= 1 << (j + 1);
        }
        Damerau {
            len: query.len(),
            max: usize::from(max).min(MAX_EDITS),
            mask: (1u64 << (query.len() + 1)) - 1,
            peq,
            head: [query.first().copied(), query.get(1).copied()],
        }
    }
}

impl Automaton for Damerau {
    type State = Option<Rows>;

    fn start(&self) -> Self::State {
        // With no key byte read, the first `d` query bytes are `d` deletions away.
        let mut rows = [0u64; MAX_EDITS + 1];
        for (d, row) in rows.iter_mut().enumerate() {
            *row = ((1u64 << (d + 1)) - 1) & self.mask;
        }
        Some(Rows {
            rows,
            prev: [0; MAX_EDITS + 1],
            last: None,
            depth: 0,
        })
    }

    fn is_match(&self, state: &Self::State) -> bool {
        state
            .as_ref()
            .is_some_and(|s| s.rows[self.max] & (1 << self.len) != 0)
    }

    fn can_match(&self, state: &Self::State) -> bool {
        state.is_some()
    }

    fn accept(&self, state: &Self::State, byte: u8) -> Self::State {
        // Keys of several words are never typos of one word: leave them at the space.
        if byte == b' ' {
            return None;
        }
        let s = state.as_ref()?;
        let [first, second] = self.head;
        match s.depth {
            // The key starts with the query's first byte, or its second (a swap)...
            0 if Some(byte) != first && Some(byte) != second => return None,
            // ...and then the swap has to be completed by the first.
            1 if s.last != first && Some(byte) != first => return None,
            _ => {}
        }
        let eq = self.peq[usize::from(byte)];
        // Query prefixes whose last two bytes are this byte and the one before, swapped.
        let swap = s.last.map_or(0, |l| (eq << 1) & self.peq[usize::from(l)]);
        let mut rows = [0u64; MAX_EDITS + 1];
        rows[0] = (s.rows[0] << 1) & eq;
        for d in 1..=self.max {
            rows[d] = (((s.rows[d] << 1) & eq)      // the bytes match
                | s.rows[d - 1]                     // the key has a byte more
                | (s.rows[d - 1] << 1)              // one byte changed
                | (rows[d - 1] << 1)                // the key lacks a query byte
                | ((s.prev[d - 1] << 2) & swap))    // two neighbours swapped
                & self.mask;
        }
        if rows[self.max] == 0 {
            return None;
        }
        Some(Rows {
            rows,
            prev: s.rows,
            last: Some(byte),
            depth: s.depth.saturating_add(1).min(2),
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_letter_replaced_by_one_unlike_it_changes_the_name() {
        // Neither sound nor shape: another name.
        assert!(changes_the_name("melman", "meltan"));
        assert!(changes_the_name("humber", "hummer"));
        // A vowel changed is a misspelling as often ("Agnus" for Agnes).
        assert!(!changes_the_name("agnus", "agnes"));
        assert!(!changes_the_name("rapharl", "raphael"));
        assert!(changes_the_name("orbis", "orvis"));
        // A hard c for an s is another sound ("Actros", Astros); a soft one is not.
        assert!(changes_the_name("actros", "astros"));
        assert!(!changes_the_name("balanse", "balance"));
        // Sound-alike and shape-alike letters, and anything but one replaced letter.
        assert!(!changes_the_name("guccy", "gucci"));
        assert!(!changes_the_name("mercedez", "mercedes"));
        assert!(!changes_the_name("juventvs", "juventus"));
        assert!(!changes_the_name("doraemom", "doraemon"));
        assert!(!changes_the_name("chiikava", "chiikawa"));
        // Neighbours of those pairs are other letters: m/b, v/f.
        assert!(changes_the_name("doraemob", "doraemon"));
        assert!(changes_the_name("chiikafa", "chiikawa"));
        assert!(!changes_the_name("kanon", "canon"));
        assert!(!changes_the_name("addidas", "adidas"));
        assert!(!changes_the_name("carteir", "cartier"));
        assert!(!changes_the_name("lugia", "lugia"));
        assert!(
            !changes_the_name("sams0ng", "samsung"),
            "a digit shows intent"
        );
    }

    #[test]
    fn an_ending_is_read_through_another_spelling_of_its_sound() {
        assert!(sound_alike_endings("tupperwear").contains(&"tupperware".to_owned()));
        assert!(sound_alike_endings("sonicair").contains(&"sonicare".to_owned()));
        assert!(sound_alike_endings("sonicare").contains(&"sonicair".to_owned()));
        assert_eq!(
            sound_alike_endings("glenclaire"),
            ["glenclare", "glenclair", "glenclear"]
        );
        // The longest ending is the one respelt: "aire" before "air".
        assert!(!sound_alike_endings("glenclaire").contains(&"glenclairare".to_owned()));
        // A stem of RESPELT_STEM_LETTERS is read; a shorter one is a word's own
        // ("repair", "flair", "spare"), and other endings are not read.
        assert_eq!(RESPELT_STEM_LETTERS, 4);
        assert_eq!(
            sound_alike_endings("pumpair"),
            ["pumpaire", "pumpare", "pumpear"]
        );
        assert!(sound_alike_endings("repair").is_empty());
        assert!(sound_alike_endings("flair").is_empty());
        assert!(sound_alike_endings("spare").is_empty());
        assert!(sound_alike_endings("sonicaur").is_empty());
        assert!(sound_alike_endings("").is_empty());
    }

    #[test]
    fn a_first_letter_is_read_as_the_letter_it_sounds_like() {
        assert_eq!(
            sound_alike_first_letter("cristoff").as_deref(),
            Some("kristoff")
        );
        assert_eq!(sound_alike_first_letter("kanon").as_deref(), Some("canon"));
        assert_eq!(sound_alike_first_letter("cia").as_deref(), Some("kia"));
        assert_eq!(sound_alike_first_letter("zony").as_deref(), Some("sony"));
        assert_eq!(sound_alike_first_letter("sara").as_deref(), Some("zara"));
        // Other letters, and letters that only look alike, are other names.
        assert_eq!(sound_alike_first_letter("vario"), None);
        assert_eq!(sound_alike_first_letter("wespa"), None);
        assert_eq!(sound_alike_first_letter("bespa"), None);
        assert_eq!(sound_alike_first_letter("fespa"), None);
        assert_eq!(sound_alike_first_letter(""), None);
    }

    #[test]
    fn a_doubled_letter_moves_to_each_inner_letter_once() {
        let r = moved_doubles("buggati");
        assert!(r.contains(&"bugatti".to_owned()), "{r:?}");
        assert!(r.contains(&"buugati".to_owned()), "{r:?}");
        assert!(!r.contains(&"buggati".to_owned()), "not the word itself");
        assert!(
            !r.iter().any(|x| x.starts_with("bbu") || x.ends_with("ii")),
            "{r:?}"
        );
        assert!(moved_doubles("ferarri").contains(&"ferrari".to_owned()));
        assert_eq!(moved_doubles("ferarri").len(), 3, "e, the first r, a");
        // No double, or two doubles: nothing to read.
        assert!(moved_doubles("bugatti").contains(&"buggati".to_owned()));
        assert!(moved_doubles("bugati").is_empty());
        assert!(moved_doubles("coffee").is_empty());
    }

    use super::*;

    fn index(keys: &[&str]) -> fst::Map<Vec<u8>> {
        let mut keys: Vec<&str> = keys.to_vec();
        keys.sort();
        fst::Map::from_iter(keys.into_iter().enumerate().map(|(i, k)| (k, i as u64))).unwrap()
    }

    fn keys_of(found: Vec<Near>) -> Vec<String> {
        found.into_iter().map(|n| n.key).collect()
    }

    fn keys(m: &fst::Map<Vec<u8>>, w: &str) -> Vec<String> {
        near(m, w).into_iter().map(|n| n.key).collect()
    }

    #[test]
    fn street_spellings_stand_for_their_words_and_nothing_else() {
        for (street, plain) in [
            ("boi", "boy"),
            ("boiz", "boys"),
            ("boyz", "boys"),
            ("gurl", "girl"),
            ("gurls", "girls"),
            ("girlz", "girls"),
            ("luv", "love"),
            ("nite", "night"),
        ] {
            assert_eq!(street_spelling(street), Some(plain), "{street}");
        }
        for word in ["boy", "bois", "girl", "nit", "love"] {
            assert_eq!(street_spelling(word), None, "{word}");
        }
    }

    #[test]
    fn among_marks_as_near_the_one_whose_letters_the_word_keeps_comes_first() {
        let m = index(&["maaza", "mazda"]);
        assert_eq!(keys(&m, "madza"), ["mazda", "maaza"]);
        // Otherwise the index's order.
        assert_eq!(keys(&m, "mazza"), ["maaza", "mazda"]);
    }

    #[test]
    fn typos_of_long_marks_are_near() {
        let m = index(&[
            "ferrari",
            "hubsan",
            "toobs",
            "batarang",
            "minichamps",
            "lego",
            "bionaire",
        ]);
        assert_eq!(keys(&m, "ferari"), ["ferrari"]);
        assert_eq!(keys(&m, "hubasn"), ["hubsan"]);
        assert_eq!(keys(&m, "tooobs"), ["toobs"]);
        assert_eq!(keys(&m, "baatrang"), ["batarang"]);
        assert_eq!(keys(&m, "minichrmps"), ["minichamps"]);
        assert_eq!(keys(&m, "bionarie"), ["bionaire"]);
    }

    #[test]
    fn the_first_letter_is_kept_or_swapped() {
        let m = index(&["disney", "ferrari"]);
        assert_eq!(keys(&m, "idsney"), ["disney"]);
        assert_eq!(keys(&m, "dsiney"), ["disney"]);
        assert!(keys(&m, "gisney").is_empty());
        assert!(keys(&m, "isney").is_empty());
        assert!(keys(&m, "xferrari").is_empty());
    }

    #[test]
    fn short_marks_and_far_words_are_not() {
        let m = index(&["lego", "toobs", "ferrari"]);
        assert!(keys(&m, "legs").is_empty());
        assert!(keys(&m, "tubes").is_empty());
        assert!(keys(&m, "ferrari").is_empty());
    }

    #[test]
    fn the_automaton_finds_exactly_the_keys_within_reach() {
        // Words over a small alphabet (with a two-byte letter), so that many keys lie
        // within one or two edits of each other.
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let letters = ["a", "b", "r", "s", "é"];
        let word = |next: &mut dyn FnMut(usize) -> usize| -> String {
            (0..3 + next(8))
                .map(|_| letters[next(letters.len())])
                .collect()
        };
        let mut all: Vec<String> = (0..400).map(|_| word(&mut next)).collect();
        all.sort();
        all.dedup();
        let refs: Vec<&str> = all.iter().map(String::as_str).collect();
        let m = index(&refs);
        // The edit limit per mark length, written out (independent of `allowed_edits`).
        let limit = |letters: usize| [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2][letters.min(10)];
        for _ in 0..300 {
            let w = word(&mut next);
            let mut expected: Vec<&str> = refs
                .iter()
                .copied()
                .filter(|k| {
                    let (kc, wc): (Vec<char>, Vec<char>) =
                        (k.chars().collect(), w.chars().collect());
                    let head = kc[0] == wc[0] || (kc[0] == wc[1] && kc[1] == wc[0]);
                    let (kl, wl) = (kc.len() - 1, wc.len() - 1);
                    let tail = kc[kl] == wc[wl] || (kc[kl] == wc[wl - 1] && kc[kl - 1] == wc[wl]);
                    let d = osa_distance(&wc, &kc);
                    // The automaton walks bytes, within the word's own limit: a
                    // two-byte letter changed costs two.
                    let bytes = osa_distance(w.as_bytes(), k.as_bytes());
                    *k != w
                        && wc.len() >= 5
                        && head
                        && tail
                        && d >= 1
                        && d <= limit(kc.len().min(wc.len()))
                        && bytes <= limit(wc.len())
                })
                .collect();
            expected.sort();
            let mut got = keys(&m, &w);
            got.sort();
            assert_eq!(got, expected, "near {w}");
        }
    }

    #[test]
    fn edit_limits_per_length_are_pinned_at_each_boundary() {
        for (letters, edits) in [(0, 0), (4, 0), (5, 1), (9, 1), (10, 2), (11, 2), (40, 2)] {
            assert_eq!(allowed_edits(letters), edits, "{letters} letters");
        }
    }

    #[test]
    fn a_reading_through_the_last_vowel_is_told_apart_from_the_others() {
        assert!(through_its_last_vowel("lenova", "lenovo"));
        assert!(through_its_last_vowel("nautice", "nautica"), "7 letters");
        assert!(!through_its_last_vowel("kairu", "kairi"), "5 letters");
        assert!(
            !through_its_last_vowel("biscotta", "biscotti"),
            "8 letters: any ending"
        );
        assert!(
            !through_its_last_vowel("lenovo", "lenovo"),
            "the same ending"
        );
        assert!(
            !through_its_last_vowel("bilboa", "bilbao"),
            "two vowels swapped"
        );
        assert!(!through_its_last_vowel("lenovs", "lenovo"), "a consonant");
        assert!(
            !through_its_last_vowel("disnye", "disney"),
            "the last two swapped"
        );
    }

    #[test]
    fn the_last_letter_is_kept_or_swapped() {
        let m = index(&["darty", "sonic", "leica", "disney", "nautica"]);
        assert!(keys(&m, "darth").is_empty(), "Darth is no typo of Darty");
        assert!(keys(&m, "sonia").is_empty());
        assert!(keys(&m, "nautic").is_empty(), "a dropped last letter");
        assert_eq!(keys(&m, "disnye"), ["disney"], "the last two swapped");
        assert_eq!(keys(&m, "disneey"), ["disney"]);
        // From 8 letters, the ending may change too.
        let m = index(&["nautica", "logitech", "kitchenaid"]);
        assert!(keys(&m, "nauticy").is_empty(), "7 letters keep the end");
        assert_eq!(
            keys(&m, "nautice"),
            ["nautica"],
            "but for a vowel from 6 letters"
        );
        assert_eq!(keys(&m, "logitec"), ["logitech"]);
        assert_eq!(keys(&m, "kitchenaide"), ["kitchenaid"]);
        // By one edit only.
        let m = index(&["calzedonia"]);
        assert!(
            keys(&m, "caledonian").is_empty(),
            "two edits, one at the end"
        );
        assert_eq!(
            keys(&m, "leia"),
            Vec::<String>::new(),
            "4 letters: too short"
        );
    }

    #[test]
    fn two_edits_only_from_ten_letters() {
        let m = index(&["europcar", "minichamps", "playstation"]);
        assert!(keys(&m, "eurostar").is_empty(), "8 letters allow one edit");
        assert_eq!(
            keys(&m, "mimichrmps"),
            ["minichamps"],
            "10 letters allow two"
        );
        assert_eq!(keys(&m, "plaistaton"), ["playstation"]);
        assert!(keys(&m, "mimichrmpz").is_empty());
    }

    #[test]
    fn a_sound_is_read_in_each_of_its_spellings_one_place_at_a_time() {
        assert_eq!(sound_alike_spellings("moskino"), ["moschino"]);
        assert_eq!(sound_alike_spellings("maglight"), ["maglite"]);
        assert_eq!(sound_alike_spellings("delfie"), ["delphie"]);
        // Each place on its own, in the order of the table.
        assert_eq!(sound_alike_spellings("lexxus"), ["leksxus", "lexksus"]);
        assert_eq!(sound_alike_spellings("sphinks"), ["sfinks", "sphinx"]);
        // Four letters are too few to read ("fish" is no "phish").
        assert!(sound_alike_spellings("fish").is_empty());
        assert_eq!(sound_alike_spellings("fishy"), ["phishy"]);
        assert!(sound_alike_spellings("plush").is_empty());
    }

    fn phrase(m: &fst::Map<Vec<u8>>, text: &str, disguised: usize) -> Option<(String, usize)> {
        let words: Vec<&str> = text.split(' ').collect();
        let keys = m.stream().into_str_keys().unwrap_or_default();
        let heads = crate::register::snapshot::phrase_heads(&keys);
        near_phrase(m, &heads, &words, disguised).map(|p| (p.near.key, p.words))
    }

    #[test]
    fn one_word_of_a_phrase_mark_may_be_disguised() {
        let m = index(&[
            "hot wheels",
            "calvin klein",
            "mario kart",
            "star wars",
            "hello kitty",
        ]);
        for (text, disguised, mark) in [
            // A digit for a letter, at the end of the word too: the other words vouch.
            ("hot whee1s track", 1, "hot wheels"),
            ("mario kar7 wheel", 1, "mario kart"),
            ("star warz mug", 1, "star wars"),
            // The first word, followed by the rest exactly.
            ("hell0 kitty bag", 0, "hello kitty"),
            // A swap is one edit.
            ("calvin kelin briefs", 1, "calvin klein"),
        ] {
            assert_eq!(
                phrase(&m, text, disguised),
                Some((mark.into(), 2)),
                "{text}"
            );
        }
    }

    #[test]
    fn a_disguised_first_word_is_found_from_the_exact_second_word() {
        let m = index(&[
            "hello kitty",
            "hello kitty island adventure",
            "calvin klein",
            "calvin klein jeans",
            "cadillac",
        ]);
        // An edit of each kind in the first word, and the longest key the words go on
        // with.
        assert_eq!(
            phrase(&m, "helo kitty mug", 0),
            Some(("hello kitty".into(), 2))
        );
        assert_eq!(
            phrase(&m, "hellos kitty", 0),
            Some(("hello kitty".into(), 2))
        );
        assert_eq!(
            phrase(&m, "clavin klein jeans", 0),
            Some(("calvin klein jeans".into(), 3))
        );
        assert_eq!(
            phrase(&m, "hell0 kitty island adventure", 0),
            Some(("hello kitty island adventure".into(), 4))
        );
        // The second word must be exact, the first one edit away, and a word alone is
        // no phrase.
        assert_eq!(phrase(&m, "hell0 kittie", 0), None);
        assert_eq!(phrase(&m, "hallo kitti", 0), None);
        assert_eq!(phrase(&m, "cslvim klein", 0), None, "two edits");
        assert_eq!(phrase(&m, "calvim", 0), None);
    }

    #[test]
    fn a_phrase_needs_its_other_words_exact_and_one_edit() {
        let m = index(&["hot wheels", "star wars", "star", "wars"]);
        // Two edits in the word, or two words changed, are another phrase.
        assert_eq!(phrase(&m, "hot whe1l5", 1), None);
        assert_eq!(phrase(&m, "hat whee1s", 1), None);
        // A single word is not a phrase.
        assert_eq!(phrase(&m, "warz", 0), None);
        // The word itself is no disguise.
        assert_eq!(phrase(&m, "star wars", 1), None);
    }

    #[test]
    fn a_phrase_word_needs_four_letters() {
        let m = index(&["red sox", "air max", "mario kart"]);
        assert_eq!(phrase(&m, "red s0x", 1), None, "three letters");
        assert_eq!(phrase(&m, "air m4x", 1), None, "three letters");
        assert_eq!(
            phrase(&m, "mario kar7", 1),
            Some(("mario kart".into(), 2)),
            "four"
        );
    }

    #[test]
    fn a_mark_is_read_from_its_consonants() {
        let m = index(&["pokemon", "pokémon", "disney", "marvel", "pokey", "dvd"]);
        let mut got = keys_of(skeleton(&m, "pkmn"));
        got.sort();
        assert_eq!(got, ["pokemon", "pokémon"]);
        // "y" is no vowel: it stays.
        assert_eq!(keys_of(skeleton(&m, "dsny")), ["disney"]);
        assert_eq!(keys_of(skeleton(&m, "mrvl")), ["marvel"]);
    }

    #[test]
    fn a_skeleton_needs_four_consonants_and_two_dropped_vowels() {
        let m = index(&["dvd", "davido", "marvel", "mrvel"]);
        // Three letters: too short to stand for a mark.
        assert!(skeleton(&m, "dvd").is_empty());
        assert!(!is_skeleton("dvd"));
        assert!(is_skeleton("dvds"));
        // A word with a vowel is no skeleton; one vowel dropped is an edit.
        assert!(skeleton(&m, "mrvel").is_empty());
        assert_eq!(
            keys_of(skeleton(&m, "mrvl")),
            ["marvel"],
            "not mrvel: one vowel"
        );
        // The first and the last letters are kept.
        assert!(skeleton(&index(&["amrvl"]), "mrvl").is_empty());
        assert!(skeleton(&index(&["staravia"]), "strv").is_empty());
    }

    #[test]
    fn l_and_i_are_read_one_for_the_other_once() {
        assert_eq!(lookalike_letters("lphone"), ["iphone"]);
        assert_eq!(
            lookalike_letters("luiulemon"),
            ["iuiulemon", "lululemon", "luiuiemon"]
        );
        assert!(lookalike_letters("adidas").contains(&"adldas".to_owned()));
        assert!(lookalike_letters("nke").is_empty());
    }

    #[test]
    fn accents_alone_make_no_other_word() {
        assert!(same_but_accents("citroen", "citroën"));
        assert!(same_but_accents("pokemon", "pokémon"));
        assert!(!same_but_accents("citroen", "citroan"));
    }

    #[test]
    fn distance_counts_swaps_once() {
        assert_eq!(distance("hubsan", "hubasn"), 1);
        assert_eq!(distance("disney", "dsiney"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn a_word_is_near_a_mark_within_the_edits_the_shorter_ones_length_allows() {
        // Written out per length of the shorter of word and mark (none under 5 letters,
        // 1 edit from 5, 2 from 10), with coined marks and inner edits only, so that no
        // other rule decides.
        for (mark, word, near) in [
            ("zorb", "zorrb", false),            // 4-letter mark: no edit allowed
            ("zorbe", "zarbe", true),            // 5 letters, 1 edit
            ("zorbe", "zarpe", false),           // 5 letters, 2 edits
            ("zorbelaxe", "zarbelaxe", true),    // 9 letters, 1 edit
            ("zorbelaxe", "zarbilaxe", false),   // 9 letters, 2 edits
            ("zorbelaxie", "zarbilaxie", true),  // 10 letters, 2 edits
            ("zorbelaxie", "zarbilexie", false), // 10 letters, 3 edits
            // A letter dropped and one changed: two edits, but the word has 9 letters
            // ("FLUTTERBY" is no typo of Fluttershy); with 10, two are allowed.
            ("zorbelaxie", "zarblaxie", false),
            ("zorbelaxies", "zarblaxies", true),
            // Two letters dropped: the search reaches marks one letter longer than the
            // word, not two.
            ("zorbelaxie", "zrbelaxe", false),
        ] {
            let expected: Vec<&str> = if near { vec![mark] } else { vec![] };
            assert_eq!(keys(&index(&[mark]), word), expected, "{word} near {mark}");
        }
    }

    #[test]
    fn words_up_to_48_bytes_are_searched_and_longer_ones_are_not() {
        let long = "zorbelaxie".repeat(5);
        for (len, searched) in [(47, true), (48, true), (49, false)] {
            let mark = &long[..len];
            let mut word: Vec<char> = mark.chars().collect();
            word[20] = 'u'; // an inner letter changed: one edit
            let word: String = word.into_iter().collect();
            let expected: Vec<&str> = if searched { vec![mark] } else { vec![] };
            assert_eq!(keys(&index(&[mark]), &word), expected, "{len} bytes");
        }
    }
}
