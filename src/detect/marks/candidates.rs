//! Candidate spans of the marks pass, before judgement: marks found exactly or spaced
//! out, in leetspeak, misspelt, or as a phrase with a word misspelt.

use super::key_records::KeyRecords;
use super::lookalike::{self, Trick};
use super::{franchise, ordinary, walk};
use super::{size_in_inches, splits_words, Candidate};
use crate::detect::Engine;
use crate::register::snapshot::WORD_IS_GIVEN_NAME;
use crate::text::{Joiner, Normalized, Shape, Token};
use std::ops::Range;

/// The shortest part of a compound word ("key" in "keychain") that makes it two known
/// words rather than a two-letter typo of a mark.
const COMPOUND_PART_LETTERS: usize = 3;

/// How common a word glued to a mark must be to be read as the seller's filler
/// ("style" 4.5, "toy" 4.2): a rarer one makes a compound name of its own
/// ("AmazonBasics", "Mustangberger", "Rockmantra").
const GLUED_WORD_ZIPF: f32 = 4.0;

/// The most exact words on either side of a leetspeak word that the mark it is one
/// word of may have ("3stee Lauder", "Ray-B@n").
const LEET_PHRASE_NEIGHBOURS: usize = 2;

/// The fewest letters of each word of a mark read through its words written together
/// ([`Engine::despaced`]): shorter words glue to anything ("a", "in", "xo"); three
/// letters are a word of the mark ("FooFighters").
const DESPACED_WORD_LETTERS: usize = 3;

/// The fewest single letters that, joined, spell a mark ("N.I.K.E"): three single
/// letters are an abbreviation ("U S A").
const SPELT_OUT_LETTERS: usize = 4;

/// The shortest ordinary word read as glued to a mark ("style" in "Barbiestyle"): two
/// letters are as often a mark's own ending.
const GLUED_WORD_LETTERS: usize = 3;

impl Engine {
    /// Register keys spelled by the words, leftmost-longest; spaced spellings of a
    /// one-word mark and words with folded homoglyphs or removed invisible characters
    /// are disguises.
    pub(super) fn exact_candidates(
        &self,
        norm: &Normalized,
        words: &[&str],
        blocked: &[bool],
        listing_classes: u64,
    ) -> Vec<Candidate> {
        let tokens = norm.tokens();
        // Words joined without their space read as one mark only when the seller
        // split a word ("dai-mler", "Ad idas": a piece is no word of its own), the
        // joined spelling is itself a familiar word ("Play Station"), or hyphens split a
        // distinctive mark into words ("Star-bucks", "Pika-chu"); "in a" is not INA.
        // Hyphenated words make no phrase: none common at all, or, where one capitalised
        // word is cut in two ("Long-champ", "Radio-head"), none as common as a known word
        // ("Ride-On" is one).
        let accept_joined = |r: Range<usize>| {
            let span = &words[r.clone()];
            let joined: String = span.concat();
            let hyphenated = tokens[r.start..r.end - 1]
                .iter()
                .all(|t| t.joiner == Joiner::Hyphen);
            let cut_word = r.len() == 2
                && tokens[r.start].shape == Shape::Title
                && tokens[r.start + 1].shape == Shape::Lower;
            let no_phrase = || {
                self.common_word(&span.join(" "))
                    .is_none_or(|(_, z)| cut_word && z < ordinary::COMMON_ZIPF)
            };
            // Letters spelt out one by one ("N.I.K.E", "L E G O") are a disguise of a
            // mark of any length from four: nobody writes a word so.
            let single_letters = span
                .iter()
                .all(|w| w.chars().count() == 1 && w.chars().all(char::is_alphabetic));
            let spelt_out = span.len() >= SPELT_OUT_LETTERS && single_letters;
            let letters = joined.chars().filter(|c| c.is_alphabetic()).count();
            // Wording right after the words (`after`) or right before them (`before`).
            let worded = |after: &dyn Fn(&str) -> bool, before: &dyn Fn(&str) -> bool| {
                (tokens[r.end - 1].joiner == Joiner::Space
                    && tokens.get(r.end).is_some_and(|t| after(&t.text)))
                    || r.start.checked_sub(1).is_some_and(|i| {
                        tokens[i].joiner == Joiner::Space && before(&tokens[i].text)
                    })
            };
            // Split words written as a name, long enough to be read at all ("in a
            // style" is no INA), that spell a mark whose records `hold`.
            let named_mark = |hold: &dyn Fn(&KeyRecords) -> bool| {
                tokens[r.start].shape != Shape::Lower
                    && letters >= lookalike::MIN_WORD_LETTERS
                    && self
                        .mark_value(&joined)
                        .is_some_and(|v| hold(&self.records(v, &joined)))
            };
            // Named as the brand the product imitates or is compared with ("Keep Cup
            // Style", "like Code Names"), split words written as a name are the mark the
            // seller means if the goods are the brand's: on a cushion, "Super Soft
            // Style" is how soft it is, not Supersoft golf balls.
            let named = worded(&ordinary::imitation_word, &ordinary::comparison_word);
            let imitated = named && named_mark(&|k| k.protection.covers(listing_classes));
            // Three letters named as the brand imitated ("U.G.G Style") are a famous
            // mark spelt out, not an abbreviation.
            let famous_spelt_out = named
                && single_letters
                && span.len() == SPELT_OUT_LETTERS - 1
                && self
                    .mark_value(&joined)
                    .is_some_and(|v| self.records(v, &joined).live_famous);
            // Named as what the product fits or as having fans ("for Eco Flow Power
            // Stations", "De Walt Compatible", "Cold Play Fans"), words split from a
            // famous mark are the mark: the wording says a brand stands there.
            let fitted = worded(
                &|w| w == "compatible" || franchise::FANS.contains(&w),
                &ordinary::compatibility_word,
            );
            let famous_fitted = fitted && named_mark(&|k| k.live_famous);
            // A hyphen cutting a word of a famous phrase mark ("Star-dew Valley", "Crash
            // Bandi-coot") splits it to hide it: the phrase with that word whole.
            let cut_in_phrase = || {
                let mut key = String::from(span[0]);
                // Each word after the first, with the joiner before it.
                for (w, t) in span[1..].iter().zip(&tokens[r.start..]) {
                    if t.joiner != Joiner::Hyphen {
                        key.push(' ');
                    }
                    key.push_str(w);
                }
                key.contains(' ')
                    && tokens[r.start].shape != Shape::Lower
                    && self
                        .mark_value(&key)
                        .is_some_and(|v| self.records(v, &key).live_famous)
            };
            (spelt_out && self.typo_target(&joined))
                || ((imitated || famous_fitted) && self.typo_target(&joined))
                || cut_in_phrase()
                || famous_spelt_out
                || letters >= 5
                    && (span.iter().any(|w| {
                        // A number is a word of its own ("Round 1" is not "Round1").
                        !w.chars().all(|c| c.is_ascii_digit())
                            && self.zipf(w).is_none_or(|z| z < ordinary::KNOWN_ZIPF)
                    }) || self
                        .zipf(&joined)
                        .is_some_and(|z| z >= ordinary::COMMON_ZIPF)
                        // "on-the-go" is a phrase, not a disguise of OnTheGo.
                        || (hyphenated && self.typo_target(&joined) && no_phrase()))
        };
        // A mark's words are not split by a list's punctuation: "fast, furious" is two
        // words of a description, not Fast & Furious; nor do they run into a size.
        let split_after: Vec<bool> = tokens
            .windows(2)
            .zip(&words[1..])
            .map(|(pair, next)| {
                splits_words(&norm.text()[pair[0].norm.end..pair[1].norm.start], next)
                    || size_in_inches(norm.text(), &pair[1])
            })
            .collect();
        let index = self.snapshot.marks().as_fst();
        let mut all = walk::find_all(index, words, blocked, &split_after, &accept_joined, &|w| {
            self.kept_words.prefix(w, || walk::prefix(index, w))
        });
        if !self.watch.is_empty() {
            let fst = self.watch.marks().as_fst();
            all.extend(walk::find_all(
                fst,
                words,
                blocked,
                &split_after,
                &accept_joined,
                &|w| walk::prefix(fst, w),
            ));
        }
        // Where two matches overlap, the one a registration or a famous brand stands
        // behind wins over a name that is only on a brand list.
        walk::resolve(all, |m| u8::from(self.records(m.value, &m.key).backed))
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
                    end: None,
                }
            })
            .collect()
    }

    /// Leetspeak: runs where digits or symbols stand in for letters, looked up under
    /// each reading the normaliser proposes, then searched for typos (a digit inside a
    /// misspelt word: "Sams0ng"). A reading that only replaces digits ending a word
    /// ("Nik3") counts only when the letters before them are no word ("Model3"), are a
    /// word less than everyday read as a mark whose owner sues sellers ("Snug5"), or are
    /// named as the brand imitated ("Speed0 Style", "Fend1 Look"), and a reading of at
    /// most [`ordinary::ABBREVIATION_LETTERS`] letters never does ("S4S" is a model code,
    /// not SAS). An ordinary word found exactly among the pieces a symbol cuts a word
    /// into ("be" of "Be@ts") does not keep the run from being read.
    pub(super) fn leet_candidates(
        &self,
        norm: &Normalized,
        taken: &mut [bool],
        out: &mut Vec<Candidate>,
    ) {
        let tokens = norm.tokens();
        for run in norm.leet_runs() {
            let r = run.tokens.clone();
            // A symbol splitting a word makes pieces of it ("Be@ts": "be", "ts"); an
            // ordinary word found exactly among them is no word of the text.
            let piece = |i: usize| {
                out.iter().any(|c| {
                    c.disguise.is_none()
                        && c.words.contains(&i)
                        && r.start <= c.words.start
                        && c.words.end <= r.end
                        && !self.distinctive(&c.key)
                })
            };
            if r.is_empty()
                || taken
                    .get(r.clone())
                    .is_none_or(|t| t.iter().enumerate().any(|(k, b)| *b && !piece(r.start + k)))
            {
                continue;
            }
            // Named as the brand imitated ("Speed0 Style", "Fend1 Look"), a digit
            // ending a word is a letter: nobody imitates a word with a number.
            let imitated = tokens[r.end - 1].joiner == Joiner::Space
                && tokens
                    .get(r.end)
                    .is_some_and(|t| ordinary::imitation_word(&t.text));
            // A word with a number after it ("Model3") is read only as a mark whose owner
            // sues sellers, exactly, and only when the word is not an everyday one. The
            // word is one the frequency list holds itself: "Peps1" is no plural of "pep"
            // with a number, but Pepsi with a digit for its i.
            let word_and_number = run.tail_only
                && !imitated
                && self
                    .zipf(run.stem.as_str())
                    .is_some_and(|z| z >= ordinary::KNOWN_ZIPF);
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
                    // A digit or symbol for a letter shows intent: a famous mark that is
                    // also a word or a name is meant ("C0ach").
                    let meant = self.distinctive(k) || self.records(v, k).live_famous;
                    (meant && (!word_and_number || sues())).then(|| (k.clone(), v))
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
                })
                .map(|(key, value)| (r.clone(), key, value))
                .or_else(|| {
                    if word_and_number {
                        return None;
                    }
                    run.candidates
                        .iter()
                        .find_map(|k| self.leet_phrase(norm.tokens(), taken, out, r.clone(), k))
                });
            if let Some((span, key, value)) = hit {
                // Exact marks inside a phrase read through the run give way to it.
                out.retain(|c| c.words.end <= span.start || span.end <= c.words.start);
                taken[span.clone()].iter_mut().for_each(|t| *t = true);
                // A substitute ending the run after its last word is the word's last
                // letter ("Mento$"): a span ending with the run ends where it does (a
                // run's words end inside it).
                let end = (span.end == r.end).then_some(run.end);
                out.push(Candidate {
                    words: span,
                    value,
                    key,
                    disguise: Some("digits or symbols standing in for letters".to_owned()),
                    misspelt: false,
                    joined: false,
                    coined_spelling: false,
                    end,
                });
            }
        }
    }

    /// A reading of the leet run over `run` that is one word of a mark of several, the
    /// mark's other words written exactly beside it, joined by a space or a hyphen, and
    /// free or an exact mark of their own inside the span ("Lauder" of "3stee Lauder",
    /// "Ray" of "Ray-B@n"): the mark of the most words, at most
    /// [`LEET_PHRASE_NEIGHBOURS`] on either side, worth reading through a disguised word
    /// ([`Engine::phrase_target`]), with the words it spans.
    fn leet_phrase(
        &self,
        tokens: &[Token],
        taken: &[bool],
        found: &[Candidate],
        run: Range<usize>,
        reading: &str,
    ) -> Option<(Range<usize>, String, u64)> {
        let joined = |i: usize| matches!(tokens[i].joiner, Joiner::Space | Joiner::Hyphen);
        let mut best: Option<(Range<usize>, String, u64)> = None;
        for before in 0..=LEET_PHRASE_NEIGHBOURS {
            for after in 0..=LEET_PHRASE_NEIGHBOURS {
                let Some(start) = run.start.checked_sub(before) else {
                    continue;
                };
                let end = run.end + after;
                let span = start..end;
                // The joiners between the run and its neighbours, and between them.
                let mut joints = (start..run.start).chain(run.end - 1..end - 1);
                if before + after == 0
                    || end > tokens.len()
                    || best.as_ref().is_some_and(|(b, _, _)| b.len() >= span.len())
                    || (start..run.start).chain(run.end..end).any(|i| {
                        taken[i]
                            && !found.iter().any(|c| {
                                c.disguise.is_none()
                                    && c.words.contains(&i)
                                    && start <= c.words.start
                                    && c.words.end <= end
                            })
                    })
                    || !joints.all(joined)
                {
                    continue;
                }
                let words = tokens[start..run.start]
                    .iter()
                    .map(|t| t.text.as_str())
                    .chain([reading])
                    .chain(tokens[run.end..end].iter().map(|t| t.text.as_str()));
                let key = words.collect::<Vec<_>>().join(" ");
                if let Some(value) = self.mark_value(&key).filter(|_| self.phrase_target(&key)) {
                    best = Some((span, key, value));
                }
            }
        }
        best
    }

    /// A digit ending a word that is no word without it stands for whatever letter ends
    /// the mark ("Labub0" for Labubu, not only the letter it looks like): the
    /// distinctive mark that is `stem` and one letter. Fewer letters than
    /// [`ordinary::ABBREVIATION_LETTERS`] say too little; the first such mark in
    /// alphabetical order is the reading.
    pub(super) fn digit_ending_any_letter(&self, stem: &str) -> Option<(String, u64)> {
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
    pub(super) fn typo_candidates(
        &self,
        tokens: &[Token],
        taken: &mut [bool],
        out: &mut Vec<Candidate>,
    ) {
        let word = |i: usize| tokens[i].text.as_str();
        let searchable = |free: bool, i: usize| {
            free && word(i).len() <= lookalike::MAX_WORD_BYTES
                && word(i).chars().all(char::is_alphabetic)
        };
        for i in 0..tokens.len() {
            // A word that only a name on a brand list spells ("Hub" of "Hub-asn") gives
            // way to a hyphenated disguise of a mark worth the search; an everyday word
            // ("Man" of "Pak-Man") to one of a famous mark only ("Li-ion" is no
            // disguise of a registration LUION).
            let weak = |i: usize, to_famous: bool| {
                out.iter().any(|c| {
                    c.words == (i..i + 1)
                        && c.disguise.is_none()
                        && (!self.records(c.value, &c.key).backed
                            || to_famous
                                && self
                                    .zipf(&c.key)
                                    .is_some_and(|z| z >= ordinary::EVERYDAY_ZIPF))
                })
            };
            // Two words that make an everyday phrase hyphenated ("Ride-On", "Pull-Up")
            // are a compound, not a mark split to hide it.
            // (A hyphen joins the token to a next one: the last token's joiner is End.)
            let pair = |to_famous: bool| {
                tokens[i].joiner == Joiner::Hyphen
                    && searchable(!taken[i] || weak(i, to_famous), i)
                    && searchable(!taken[i + 1] || weak(i + 1, to_famous), i + 1)
                    && self
                        .common_word(&format!("{} {}", word(i), word(i + 1)))
                        .is_none()
            };
            let joined = if pair(true) {
                let only_famous = !pair(false);
                let text = format!("{}{}", word(i), word(i + 1));
                self.cached_typo_of(&text)
                    .filter(|n| !only_famous || self.records(n.value, &n.key).live_famous)
                    .map(|n| (i..i + 2, n, text))
            } else {
                None
            };
            // Named as the brand imitated ("Twinnings Style"): a rare word is read too.
            let imitated = tokens[i].joiner == Joiner::Space
                && tokens
                    .get(i + 1)
                    .is_some_and(|t| ordinary::imitation_word(&t.text));
            let single = || {
                (searchable(!taken[i], i)
                    && (word(i).chars().count() >= lookalike::MIN_WORD_LETTERS
                        || lookalike::is_skeleton(word(i))))
                .then(|| {
                    let near = self
                        .cached_typo_of(word(i))
                        .or_else(|| imitated.then(|| self.typo_of_imitated(word(i))).flatten())?;
                    Some((i..i + 1, near, word(i).to_owned()))
                })
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
            } else if n.trick == Trick::Despaced {
                Some(format!("{} written without its space", n.key))
            } else if n.trick == Trick::Respelt {
                Some("a sound of it spelt otherwise".to_owned())
            } else if split {
                Some(format!("{} split by a hyphen and misspelt", n.key))
            } else if n.distance == 1 {
                Some("one letter changed, added, dropped or swapped".to_owned())
            } else {
                Some("two letters changed".to_owned())
            };
            // Spelt otherwise, without a splitting hyphen or a trick to show intent.
            let misspelt =
                disguise.is_some() && !split && matches!(n.trick, Trick::Edits | Trick::Respelt);
            taken[span.clone()].iter_mut().for_each(|t| *t = true);
            out.push(Candidate {
                words: span,
                value: n.value,
                key: n.key,
                disguise,
                misspelt,
                joined: false,
                coined_spelling: false,
                end: None,
            });
        }
    }

    /// Token `i` is a capitalised word right after a capitalised first name that is no
    /// ordinary word nor listing vocabulary, as a person's full name is written ("Freddy
    /// Kruger"; not "Battle Shell Rapharl", "Berry Laniege").
    pub(super) fn after_a_first_name(&self, tokens: &[Token], i: usize) -> bool {
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
            && !self.listing_vocabulary(&first.text)
    }

    /// The mark `key` is written with a space after its first `letters` letters: the
    /// key has it there ("tic tac"), or the key without it is another form of a mark
    /// that has it ("tictac" beside "tic tac").
    pub(super) fn spaced_at(&self, key: &str, letters: usize) -> bool {
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
    pub(super) fn phrase_candidates(
        &self,
        norm: &Normalized,
        taken: &mut [bool],
        out: &mut Vec<Candidate>,
    ) {
        let tokens = norm.tokens();
        let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        // Words a phrase may take over: free, or in an exact (undisguised) candidate.
        let open = |taken: &[bool], out: &[Candidate], i: usize| {
            !taken[i]
                || out
                    .iter()
                    .any(|c| c.words.contains(&i) && c.disguise.is_none())
        };
        // A known word is read as a misspelt word of a mark only where the phrase stands
        // right before a word saying the product imitates it ("Mountain Hardware Style")
        // or that it has fans ("Montreal Canadians Fans": a phrase of words has none, a
        // team or band has): `named_as_imitated[end]` for a phrase ending before `end`.
        let named_as_imitated: Vec<bool> = (0..=words.len())
            .map(|end| {
                end > 0
                    && tokens[end - 1].joiner == Joiner::Space
                    && words.get(end).is_some_and(|next| {
                        ordinary::imitation_word(next) || franchise::FANS.contains(next)
                    })
            })
            .collect();
        for k in 0..words.len() {
            let w = words[k];
            // A known word is searched only where such a word follows within a phrase's
            // reach (the search, and even the index lookup below, cost more than this).
            let known = self.held_and_not_rare(w);
            let reach = k + 1..=(k + walk::MAX_WORDS).min(words.len());
            let imitated_here = named_as_imitated[reach].contains(&true);
            if known && !imitated_here {
                continue;
            }
            // A word of fewer than three letters is a number or a code, and a mark is
            // itself: neither is a disguise (words are letters and digits only) — unless
            // the mark is an ordinary word and the phrase is named as imitated ("Poly
            // Pocket Style": Poly is a brand list's name, the seller means Polly Pocket).
            let suspect = w.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && (self.mark_value(w).is_none() || (imitated_here && !self.distinctive(w)));
            if !suspect || !open(taken, out, k) {
                continue;
            }
            let mut best: Option<(Range<usize>, lookalike::Near)> = None;
            for s in k.saturating_sub(walk::MAX_WORDS - 1)..=k {
                // The words of one segment, from `s` on, all open.
                let mut end = s;
                while end < words.len()
                    && end - s < walk::MAX_WORDS
                    && open(taken, out, end)
                    && (end == s
                        || !splits_words(
                            &norm.text()[tokens[end - 1].norm.end..tokens[end].norm.start],
                            words[end],
                        ))
                {
                    end += 1;
                }
                if end <= k {
                    continue;
                }
                let found = lookalike::near_phrase(
                    self.snapshot.marks(),
                    self.snapshot.phrase_heads(),
                    &words[s..end],
                    k - s,
                )
                .or_else(|| self.respelt_phrase(&words[s..end], k - s));
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
                let Some(p) = found.filter(|p| {
                    self.phrase_target(&p.near.key)
                        && !model(p)
                        && (!known || named_as_imitated[s + p.words])
                }) else {
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
                end: None,
            });
        }
    }

    /// The longest mark of several words that `words` spell exactly but for the word at
    /// `disguised`, respelt as it sounds: its first letter as one that sounds like it
    /// ("Juicy Kouture"; see [`lookalike::sound_alike_first_letter`]), which
    /// [`lookalike::near_phrase`] keeps, or a street spelling of a short word ("Game
    /// Boi"; see [`lookalike::street_spelling`]), too short for it. The key covers
    /// `words[..=disguised]`; one walk down the index, which most words leave at their
    /// first byte.
    fn respelt_phrase(&self, words: &[&str], disguised: usize) -> Option<lookalike::NearPhrase> {
        let respelt = lookalike::street_spelling(words[disguised])
            .map(str::to_owned)
            .or_else(|| lookalike::sound_alike_first_letter(words[disguised]))?;
        let fst = self.snapshot.marks().as_fst();
        let (mut node, mut out) = (fst.root(), fst::raw::Output::zero());
        let mut found = None;
        for (i, w) in words.iter().enumerate() {
            let w = if i == disguised { respelt.as_str() } else { w };
            let space = if i == 0 { &b""[..] } else { b" " };
            let Some((n, o)) = walk::feed(fst, node, out, space)
                .and_then(|(n, o)| walk::feed(fst, n, o, w.as_bytes()))
            else {
                break;
            };
            (node, out) = (n, o);
            if i >= disguised && i >= 1 && node.is_final() {
                found = Some((i + 1, out.cat(node.final_output()).value()));
            }
        }
        let (end, value) = found?;
        let mut key: Vec<&str> = words[..end].to_vec();
        key[disguised] = &respelt;
        Some(lookalike::NearPhrase {
            near: lookalike::Near {
                key: key.join(" "),
                value,
                distance: 1,
                trick: Trick::Edits,
            },
            words: end,
        })
    }

    /// A mark of several words worth reading through a disguised word: a registration
    /// or a famous brand stands behind it, and it is no common phrase unless curated.
    pub(super) fn phrase_target(&self, key: &str) -> bool {
        let Some(records) = self.mark_value(key).map(|v| self.records(v, key)) else {
            return false;
        };
        records.live_backed && (records.protection.enforced() || self.common_word(key).is_none())
    }

    /// [`Engine::typo_of`], through the verdicts kept from earlier checks.
    pub(super) fn cached_typo_of(&self, word: &str) -> Option<lookalike::Near> {
        self.kept_words.typo(word, || self.typo_of(word))
    }

    /// The closest mark `word` is a typo of, if any. A word that is itself a word, a
    /// name or a brand is nobody's typo: never a word of the snapshot's word evidence,
    /// however rare ([`Engine::listed_word`]: "caster" is no typo of Casper), nor a key
    /// of the index ("Tamiya" is not a typo of "Tamika").
    pub(super) fn typo_of(&self, word: &str) -> Option<lookalike::Near> {
        if self.listed_word(word) || self.plural_with_a_z(word) {
            return None;
        }
        self.typo_of_unlisted(word)
    }

    /// An ordinary word's plural written with a z for its s, as sellers write plurals
    /// ("Beatz", "Kidz", "Toyz"): that word respelt, nobody's typo. Not a name's ("Adidaz"
    /// is Adidas in disguise).
    fn plural_with_a_z(&self, word: &str) -> bool {
        word.strip_suffix('z')
            .is_some_and(|stem| self.ordinary_word(&format!("{stem}s")))
    }

    /// [`Engine::typo_of`] for a word the seller names as a brand the product imitates
    /// ("Twinnings Style", "Merell Dupe"): a rare word or name there is read as the mark
    /// it is one edit from, and a word of [`lookalike::MIN_WORD_LETTERS`] letters as a
    /// famous mark of one letter fewer it adds a letter to ("Hokka Style"); a word the
    /// frequency list knows itself stays that word.
    pub(super) fn typo_of_imitated(&self, word: &str) -> Option<lookalike::Near> {
        if self.zipf(word).is_some_and(|z| z >= ordinary::KNOWN_ZIPF)
            || self.listing_vocabulary(word)
        {
            return None;
        }
        self.typo_of_unlisted(word)
            .or_else(|| self.typo_of_a_named_word(word))
            .or_else(|| {
                if word.chars().count() != lookalike::MIN_WORD_LETTERS {
                    return None;
                }
                word.char_indices().find_map(|(at, c)| {
                    let key = format!("{}{}", &word[..at], &word[at + c.len_utf8()..]);
                    let value = self.mark_value(&key)?;
                    let famous = self.typo_target(&key) && self.records(value, &key).live_famous;
                    famous.then_some(lookalike::Near {
                        distance: 1,
                        key,
                        value,
                        trick: Trick::Edits,
                    })
                })
            })
    }

    /// Named as imitated, a word one edit from a famous curated mark whose name is also
    /// a word, less than everyday ("SKIMZ Dupe", "Clarkz Style"), means the mark: the
    /// seller says a brand stands there. Not a plural or singular of it.
    fn typo_of_a_named_word(&self, word: &str) -> Option<lookalike::Near> {
        let inflection = |a: &str, b: &str| a.strip_suffix('s') == Some(b);
        lookalike::near(self.snapshot.marks(), word)
            .into_iter()
            .filter(|n| {
                n.distance == 1
                    && !n.key.contains(' ')
                    && !inflection(word, &n.key)
                    && !inflection(&n.key, word)
            })
            .find(|n| {
                let records = self.records(n.value, &n.key);
                records.live_famous
                    && records.live_enforced
                    && self
                        .zipf(&n.key)
                        .is_none_or(|z| z < ordinary::EVERYDAY_ZIPF)
            })
    }

    fn typo_of_unlisted(&self, word: &str) -> Option<lookalike::Near> {
        if self.mark_value(word).is_some() {
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
        if let Some(k) = self.despaced(word) {
            return near(k, Trick::Despaced);
        }
        // The first letter for one that sounds like it ("Cristoff"), the mark exactly
        // otherwise, at least as long as a typo search asks.
        if let Some(k) = lookalike::sound_alike_first_letter(word)
            .filter(|k| k.chars().count() >= lookalike::MIN_WORD_LETTERS && coined(k))
        {
            return near(k, Trick::Edits);
        }
        // An ending written as it sounds ("Tupperwear", "Sonicair"), the mark exactly
        // otherwise.
        if let Some(k) = lookalike::sound_alike_endings(word)
            .into_iter()
            .find(|k| coined(k))
        {
            return near(k, Trick::Respelt);
        }
        // A sound spelt otherwise inside the word ("Moskino", "Maglight"), the mark
        // exactly otherwise.
        if let Some(k) = lookalike::sound_alike_spellings(word)
            .into_iter()
            .find(|k| coined(k))
        {
            return near(k, Trick::Respelt);
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
        // A last vowel changed reads as a mark known by sight only.
        let read = |n: &lookalike::Near| {
            !lookalike::through_its_last_vowel(word, &n.key)
                || self.records(n.value, &n.key).live_famous
        };
        near.into_iter()
            .find(|n| !inflection(&n.key) && self.typo_target(&n.key) && read(n))
            // Two letters from a mark is weak evidence against a word made of two
            // known words ("keychain", "fairytale"): that is a compound, not a disguise.
            .filter(|n| n.distance < 2 || !self.compound(word))
    }

    /// The mark `word` glues to an ordinary word ("barbiestyle", "newpokemon"): a coined
    /// mark of at least [`lookalike::MIN_WORD_LETTERS`] letters worth a typo search,
    /// whose owner sues marketplace sellers (the marks counterfeiters hide: a brand's
    /// own compounds, "AmazonBasics", are not disguises) — or any famous one, of one
    /// letter fewer too, before a word that says the product imitates it ("wacomstyle",
    /// "nerfstyle": the seller names the brand copied) — and a word of listing
    /// vocabulary or a common
    /// word ([`GLUED_WORD_ZIPF`]) of at least [`GLUED_WORD_LETTERS`] letters before or
    /// after it.
    pub(super) fn glued(&self, word: &str) -> Option<String> {
        let letters = |w: &str| w.chars().count();
        // Glued to a word of imitation, four letters are enough: the seller names the
        // brand copied ("Nerfstyle").
        let mark = |w: &str, imitated: bool| {
            letters(w) >= lookalike::MIN_WORD_LETTERS - usize::from(imitated)
                && self.mark_value(w).is_some_and(|v| {
                    self.typo_target(w) && {
                        let records = self.records(v, w);
                        records.live_sues_sellers || (imitated && records.live_famous)
                    }
                })
                // The plural of a word is a word first: "Hawksworth" is a name, not
                // the Hawks glued to "worth".
                && !w.strip_suffix('s').is_some_and(|stem| {
                    self.zipf(stem).is_some_and(|z| z >= ordinary::KNOWN_ZIPF)
                })
        };
        let other = |w: &str| {
            letters(w) >= GLUED_WORD_LETTERS
                && (self.listing_vocabulary(w)
                    || self.zipf(w).is_some_and(|z| z >= GLUED_WORD_ZIPF))
        };
        word.char_indices().skip(1).find_map(|(at, _)| {
            let (head, tail) = word.split_at(at);
            if mark(head, ordinary::imitation_word(tail)) && other(tail) {
                Some(head.to_owned())
            } else if other(head) && mark(tail, false) {
                Some(tail.to_owned())
            } else {
                None
            }
        })
    }

    /// The mark of two words that `word` writes without its space ("intermiami" →
    /// "inter miami"): a mark worth reading through a disguised word
    /// ([`Engine::phrase_target`]), each of its words at least [`DESPACED_WORD_LETTERS`]
    /// letters long ("a" and "in" glue to anything).
    pub(super) fn despaced(&self, word: &str) -> Option<String> {
        word.char_indices()
            .skip(DESPACED_WORD_LETTERS)
            .map(|(at, _)| word.split_at(at))
            .filter(|(_, tail)| tail.chars().count() >= DESPACED_WORD_LETTERS)
            .map(|(head, tail)| format!("{head} {tail}"))
            .find(|key| self.phrase_target(key))
    }

    /// Whether `word` is two known words written together, each of at least
    /// [`COMPOUND_PART_LETTERS`] letters ("key" + "chain").
    pub(super) fn compound(&self, word: &str) -> bool {
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
    pub(super) fn typo_target(&self, key: &str) -> bool {
        // "Pringles" is no plural of a word: its stem is a name.
        let name_plural = |w: &str| {
            w.strip_suffix('s')
                .is_some_and(|stem| self.written_as_a_name(stem))
                && self.zipf(w).is_none()
        };
        self.distinctive(key)
            && key.split(' ').all(|w| {
                !self.known_word(w)
                    || ((self.written_as_a_name(w) || name_plural(w)) && self.vouched_name(key))
            })
    }
}

#[cfg(test)]
mod tests {
    use crate::detect::Engine;
    use crate::listing::{FindingKind, Listing};
    use crate::register::snapshot::{Snapshot, SnapshotBuilder};
    use crate::register::{Record, Register};

    /// A famous coined mark, Rideon, and the words "ride" and "on" at these Zipf values.
    fn engine(ride: f32, on: f32) -> Engine {
        let mut b = SnapshotBuilder::new(20260101);
        let mut r = Record::new(Register::Famous, "Rideon", "Rideon");
        r.famous = true;
        b.add(r);
        for (w, z) in [("ride", ride), ("on", on), ("toy", 4.2), ("car", 5.0)] {
            b.add_word_frequency(w, z);
        }
        Engine::new(Snapshot::from_bytes(b.finish(None)).unwrap())
    }

    fn flags(e: &Engine, title: &str) -> Vec<(String, String, FindingKind)> {
        let listing = Listing {
            id: "t".into(),
            title: Some(title.into()),
            category: Some("Toys & Games".into()),
            ..Default::default()
        };
        e.check(&listing)
            .findings
            .into_iter()
            .map(|f| (f.text, f.mark, f.kind))
            .collect()
    }

    #[test]
    fn a_word_cut_by_a_hyphen_is_a_phrase_from_the_frequency_of_a_known_word_up() {
        // "ride on": 5.0 + 6.0 - 9 = 2.0, exactly as common as a known word
        // (ordinary::COMMON_ZIPF): the halves are a phrase, not Rideon cut in two.
        assert_eq!(flags(&engine(5.0, 6.0), "Ride-on toy car"), vec![]);
        // 4.99 + 6.0 - 9 = 1.99: rarer than any known word, so a word cut in two.
        assert_eq!(
            flags(&engine(4.99, 6.0), "Ride-on toy car"),
            vec![(
                "Ride-on".to_owned(),
                "Rideon".to_owned(),
                FindingKind::Lookalike
            )]
        );
    }
}
