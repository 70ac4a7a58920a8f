//! `clearmark dev bench check`: how fast the engine checks a full listing (200-character
//! title, five 250-character bullets, 2,000-character description), as the median of many
//! runs and as ratios against baselines run in the same process on the same text:
//! normalising the fields alone (the floor every check pays) and a bare FST lookup of
//! every word. Also timed apart: listings the engine has not seen (each checked once
//! after as many others), and the first check of a listing by a fresh engine (no records
//! decoded yet).
//!
//! Timings are printed, never asserted: speed is watched here, not in tests.

use crate::check::load_engine;
use crate::exit::{Failure, Outcome};
use clap::Args;
use clearmark::detect::Engine;
use clearmark::register::snapshot::{word_value_zipf, Snapshot};
use clearmark::text;
use clearmark::Listing;
use fst::{IntoStreamer, Streamer};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Arguments of `clearmark dev bench check`.
#[derive(Args)]
pub struct BenchCheckArgs {
    /// The register snapshot (e.g. `clearmark dev synth --marks 5000000`).
    #[arg(long)]
    snapshot: Option<PathBuf>,
    /// How many timed runs of each measurement.
    #[arg(long, default_value_t = 2000)]
    runs: usize,
    /// The seed of the generated listing text.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// One word in N is a rare word of the frequency list (Zipf below 2: the words the
    /// typo search looks at, as product terms and coined names are); 0 for none.
    #[arg(long, default_value_t = 0)]
    rare: usize,
    /// Also write the generated listings here (JSON lines: the listing, then the unseen
    /// ones), e.g. for scripts/bench-check-wasm.mjs to time the same text in wasm.
    #[arg(long)]
    listing_out: Option<PathBuf>,
}

/// Ordinary listing words the text is made of when the snapshot's frequency list has
/// too few common words of its own.
const WORDS: &[&str] = &[
    "premium",
    "stainless",
    "steel",
    "water",
    "bottle",
    "for",
    "kids",
    "and",
    "adults",
    "leak",
    "proof",
    "lid",
    "with",
    "handle",
    "durable",
    "lightweight",
    "design",
    "easy",
    "to",
    "clean",
    "dishwasher",
    "safe",
    "perfect",
    "gift",
    "the",
    "outdoor",
    "sports",
    "camping",
    "hiking",
    "travel",
    "colour",
    "black",
    "blue",
    "red",
    "set",
    "of",
    "pieces",
    "compatible",
    "includes",
    "size",
    "inch",
    "cm",
    "high",
    "quality",
    "material",
    "soft",
    "grip",
    "non",
    "slip",
    "base",
    "keeps",
    "drinks",
    "cold",
    "hours",
    "hot",
    "warranty",
];

/// A small deterministic generator (xorshift), so every run measures the same text.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The words a listing is made of.
pub(super) struct Vocabulary {
    /// Ordinary words.
    words: Vec<String>,
    /// Marks of the register.
    marks: Vec<String>,
    /// Rare words, and one word in how many is one (0: none).
    rare: Vec<String>,
    rare_every: usize,
}

/// Text of about `chars` characters: ordinary words, capitalised now and then, with a
/// mark from the register every twenty words or so (and rare words if asked for).
fn text_of(rng: &mut Rng, chars: usize, v: &Vocabulary) -> String {
    let (words, marks) = (&v.words, &v.marks);
    let mut out = String::new();
    while out.len() < chars {
        if !out.is_empty() {
            out.push(if rng.below(12) == 0 { ',' } else { ' ' });
            out.push(' ');
        }
        if !marks.is_empty() && rng.below(20) == 0 {
            out.push_str(&marks[rng.below(marks.len())]);
        } else {
            let w = if v.rare_every > 0 && !v.rare.is_empty() && rng.below(v.rare_every) == 0 {
                v.rare[rng.below(v.rare.len())].as_str()
            } else {
                words[rng.below(words.len())].as_str()
            };
            if rng.below(4) == 0 {
                let mut c = w.chars();
                out.extend(c.next().map(|f| f.to_ascii_uppercase()));
                out.push_str(c.as_str());
            } else {
                out.push_str(w);
            }
        }
    }
    // Cut after the last whole word that fits: a word cut short ("anniversar") is no
    // ordinary word but an unknown one, which `--rare` measures on purpose.
    if out.len() > chars {
        let boundary = (0..=chars).rev().find(|&i| out.is_char_boundary(i));
        let cut = out[..boundary.unwrap_or(0)].rfind([' ', ',']).unwrap_or(0);
        out.truncate(cut);
        out.truncate(out.trim_end_matches([' ', ',']).len());
    }
    out
}

/// How many unseen listings "new listing" times (after checking as many others).
pub(super) const OTHER_LISTINGS: usize = 200;

/// A full listing: a 200-character title, five 250-character bullets and a
/// 2,000-character description.
pub(super) fn listing_of(rng: &mut Rng, v: &Vocabulary, id: &str) -> Listing {
    Listing {
        id: id.into(),
        category: Some("Sports & Outdoors > Water Bottles".into()),
        brand: Some("Acme".into()),
        title: Some(text_of(rng, 200, v)),
        bullets: (0..5).map(|_| text_of(rng, 250, v)).collect(),
        description: Some(text_of(rng, 2000, v)),
        ..Default::default()
    }
}

/// The median of `runs`.
pub(super) fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs.get(runs.len() / 2).copied().unwrap_or_default()
}

/// The median time of `runs` calls of `f`.
pub(super) fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

/// The words the bench listings are made of: marks spread over the snapshot's index, the
/// common words of its frequency list (else [`WORDS`]), and its rare words, one word in
/// `rare_every` (0: none).
pub(super) fn vocabulary(snapshot: &Snapshot, rng: &mut Rng, rare_every: usize) -> Vocabulary {
    // Marks spread over the index: the first key at or after a few random prefixes.
    let mut marks = Vec::new();
    for _ in 0..50 {
        let prefix: String = (0..2)
            .map(|_| (b'a' + rng.below(26) as u8) as char)
            .collect();
        let mut s = snapshot.marks().range().ge(prefix.as_bytes()).into_stream();
        if let Some((k, _)) = s.next() {
            marks.push(String::from_utf8_lossy(k).into_owned());
        }
    }
    // Ordinary words: the common words of the snapshot's own frequency list (what a
    // real listing is mostly made of), else the list above.
    // Rare words: in the list, but below the Zipf at which a word counts as known.
    let mut words: Vec<String> = Vec::new();
    let mut rare: Vec<String> = Vec::new();
    let mut stream = snapshot.words().stream();
    while let Some((w, z)) = stream.next() {
        if !(w.len() >= 2 && w.iter().all(u8::is_ascii_lowercase)) {
            continue;
        }
        let z = word_value_zipf(z);
        if z >= 4.0 {
            words.push(String::from_utf8_lossy(w).into_owned());
        } else if z < 2.0 && w.len() >= 4 {
            rare.push(String::from_utf8_lossy(w).into_owned());
        }
    }
    if words.len() < 200 {
        words = WORDS.iter().map(|w| (*w).to_owned()).collect();
    }

    Vocabulary {
        words,
        marks,
        rare,
        rare_every,
    }
}

/// Runs `clearmark dev bench check`.
pub fn run(args: BenchCheckArgs) -> Outcome {
    let engine = match load_engine(args.snapshot.as_deref(), None) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("clearmark dev bench check: {e}");
            return Err(Failure::Reported);
        }
    };
    let snapshot = engine.snapshot();
    let mut rng = Rng(args.seed.max(1));
    let vocabulary = vocabulary(snapshot, &mut rng, args.rare);
    let listing = listing_of(&mut rng, &vocabulary, "bench");
    // Listings the engine has not seen, for "new listing": the first half warms an
    // engine up, the second half is timed.
    let others: Vec<Listing> = (0..2 * OTHER_LISTINGS)
        .map(|i| listing_of(&mut rng, &vocabulary, &format!("other-{i}")))
        .collect();
    if let Some(path) = &args.listing_out {
        let lines: String = std::iter::once(&listing)
            .chain(&others)
            .map(|l| serde_json::to_string(l).unwrap_or_default() + "\n")
            .collect();
        if let Err(e) = std::fs::write(path, lines) {
            eprintln!(
                "clearmark dev bench check: cannot write {}: {e}",
                path.display()
            );
            return Err(Failure::Reported);
        }
    }
    let fields: Vec<&str> = listing.fields().into_iter().map(|(_, _, t)| t).collect();
    let findings = engine.check(&listing).findings.len();

    // A listing checked for the first time by a fresh engine (nothing decoded yet), then
    // the same listing checked again and again, as the extension does while the seller
    // types.
    let cold = time(args.runs.div_ceil(20), || {
        let fresh = Engine::new(snapshot.clone());
        black_box(fresh.check(black_box(&listing)));
    });
    let check = time(args.runs, || {
        black_box(engine.check(black_box(&listing)));
    });
    // Listings the engine has not seen, each checked once by an engine that has checked
    // as many others of the same vocabulary before (what kept records and typo verdicts
    // are worth across a seller's listings, not only across keystrokes).
    let (warm_up, timed) = others.split_at(OTHER_LISTINGS);
    let seasoned = Engine::new(snapshot.clone());
    warm_up.iter().for_each(|l| drop(seasoned.check(l)));
    let mut timed = timed.iter();
    let other = time(OTHER_LISTINGS, || {
        black_box(seasoned.check(black_box(timed.next().unwrap_or(&listing))));
    });
    let normalize = time(args.runs, || {
        for f in &fields {
            black_box(text::normalize(black_box(f)));
        }
    });
    let lookups = time(args.runs, || {
        for f in &fields {
            for t in text::normalize(f).tokens() {
                black_box(snapshot.marks().get(&t.text));
            }
        }
    });
    let chars: usize = fields.iter().map(|f| f.chars().count()).sum();
    println!(
        "snapshot           {} keys, {} words with frequencies ({} common ones used)",
        snapshot.marks().len(),
        snapshot.words().len(),
        vocabulary.words.len()
    );
    if args.rare > 0 {
        println!(
            "rare words         one word in {} from {} rare ones (Zipf < 2)",
            args.rare,
            vocabulary.rare.len()
        );
    }
    println!(
        "listing            {} fields, {chars} characters, {findings} findings (high/medium)",
        fields.len()
    );
    println!(
        "check              {:>9.1} µs median of {} runs",
        check.as_secs_f64() * 1e6,
        args.runs
    );
    println!(
        "new listing        {:>9.1} µs median of {OTHER_LISTINGS} listings, each checked once after {OTHER_LISTINGS} others",
        other.as_secs_f64() * 1e6,
    );
    println!(
        "first check        {:>9.1} µs median of {} runs, each by a fresh engine",
        cold.as_secs_f64() * 1e6,
        args.runs.div_ceil(20)
    );
    println!(
        "normalize only     {:>9.1} µs   check / normalize = {:.2}",
        normalize.as_secs_f64() * 1e6,
        check.as_secs_f64() / normalize.as_secs_f64().max(1e-12)
    );
    println!(
        "word lookups       {:>9.1} µs   check / lookups   = {:.2}",
        lookups.as_secs_f64() * 1e6,
        check.as_secs_f64() / lookups.as_secs_f64().max(1e-12)
    );
    Ok(())
}
