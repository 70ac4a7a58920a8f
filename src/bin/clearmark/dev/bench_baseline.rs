//! `clearmark dev bench baseline`: Clearmark side by side with the matcher a competent
//! engineer would build first, over the same marks and the same listings, in the same
//! process, with the ratio Clearmark / baseline for every row.
//!
//! The baseline holds every mark key of the snapshot in an `aho-corasick` automaton
//! (leftmost-longest) run over each field's normalised words (the same normaliser as the
//! engine, so both see the same text), keeps matches that start and end on word
//! boundaries, and looks for typos the way a spelling corrector does (SymSpell): every
//! mark key of five letters or more is indexed under itself and each of its one-letter
//! deletions, so each word of five letters or more that no exact match covers and that
//! the snapshot's word list does not hold as a common word (Zipf ≥ 3) finds every mark one
//! edit away by looking up itself and its own deletions, verified with `strsim`'s
//! Levenshtein distance. It judges nothing: every match is a finding. The difference in findings is printed, not
//! hidden: Clearmark's judgement drops marks read as ordinary words, and its lookalike
//! search reads disguises the baseline does not (leetspeak, spacing, homoglyphs).
//!
//! Timings are printed, never asserted.

use super::bench_check::{listing_of, time, vocabulary, Rng, OTHER_LISTINGS};
use super::heap;
use super::rebuild::rebuild;
use crate::check::load_engine;
use crate::exit::{Failure, Outcome};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use clap::Args;
use clearmark::detect::Engine;
use clearmark::register::snapshot::{word_value_zipf, Snapshot};
use clearmark::{text, Listing};
use fst::Streamer;
use std::hash::{Hash, Hasher};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Arguments of `clearmark dev bench baseline`.
#[derive(Args)]
pub struct BenchBaselineArgs {
    /// The register snapshot (default: the bundled one; e.g. a `clearmark dev synth
    /// --marks 5000000` file for register scale).
    #[arg(long)]
    snapshot: Option<PathBuf>,
    /// Timed runs of the repeated check.
    #[arg(long, default_value_t = 200)]
    runs: usize,
    /// The seed of the generated listings.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// In the "rare words" rows, one word in N is a rare word of the frequency list.
    #[arg(long, default_value_t = 25)]
    rare: usize,
}

/// The shortest word the baseline searches for typos.
const TYPO_LETTERS: usize = 5;
/// A word at least this common (Zipf) is a word, not a typo.
const COMMON_ZIPF: f32 = 3.0;

/// One match of the baseline: the field, its UTF-16 span and the mark key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Match {
    field: usize,
    start: usize,
    end: usize,
    key: String,
}

/// The baseline matcher: see the module documentation.
struct Baseline {
    automaton: AhoCorasick,
    keys: Vec<String>,
    /// (hash of a mark key or of one of its one-letter deletions, mark id), sorted: the
    /// typo index.
    deletions: Vec<(u64, u32)>,
    /// The common words (Zipf ≥ [`COMMON_ZIPF`]) that are never typos.
    common: std::collections::HashSet<String>,
}

impl Baseline {
    /// Builds the matcher from every key of `snapshot`'s mark index and its common words.
    fn build(snapshot: &Snapshot) -> Result<Baseline, String> {
        let mut keys = Vec::with_capacity(snapshot.marks().len());
        let mut stream = snapshot.marks().stream();
        while let Some((k, _)) = stream.next() {
            keys.push(String::from_utf8_lossy(k).into_owned());
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&keys)
            .map_err(|e| format!("cannot build the automaton: {e}"))?;
        let mut deletions = Vec::new();
        for (id, k) in keys.iter().enumerate() {
            if k.chars().count() >= TYPO_LETTERS && k.chars().all(char::is_alphabetic) {
                let id = u32::try_from(id).map_err(|_| "too many marks".to_string())?;
                deletions.extend(variants(k).map(|v| (v, id)));
            }
        }
        deletions.sort_unstable();
        deletions.dedup();
        let mut common = std::collections::HashSet::new();
        let mut words = snapshot.words().stream();
        while let Some((w, v)) = words.next() {
            if word_value_zipf(v) >= COMMON_ZIPF {
                common.insert(String::from_utf8_lossy(w).into_owned());
            }
        }
        Ok(Baseline {
            automaton,
            keys,
            deletions,
            common,
        })
    }

    /// Every match in `listing`'s fields.
    fn find(&self, listing: &Listing) -> Vec<Match> {
        let mut out = Vec::new();
        for (field, (_, _, original)) in listing.fields().into_iter().enumerate() {
            let norm = text::normalize(original);
            let tokens = norm.tokens();
            // The words joined by single spaces, and where each starts in that text.
            let mut joined = String::new();
            let mut starts = Vec::with_capacity(tokens.len());
            for t in tokens {
                if !joined.is_empty() {
                    joined.push(' ');
                }
                starts.push(joined.len());
                joined.push_str(&t.text);
            }
            let token_at = |byte: usize| starts.binary_search(&byte).ok();
            let token_ending = |byte: usize| {
                starts
                    .iter()
                    .zip(tokens)
                    .position(|(&s, t)| s + t.text.len() == byte)
            };
            let mut covered = vec![false; tokens.len()];
            for m in self.automaton.find_iter(&joined) {
                let (Some(first), Some(last)) = (token_at(m.start()), token_ending(m.end())) else {
                    continue;
                };
                covered[first..=last].iter_mut().for_each(|c| *c = true);
                out.push(Match {
                    field,
                    start: tokens[first].start,
                    end: tokens[last].end,
                    key: self.keys[m.pattern().as_usize()].clone(),
                });
            }
            for (i, t) in tokens.iter().enumerate() {
                if covered[i] {
                    continue;
                }
                if let Some(key) = self.typo_of(&t.text) {
                    out.push(Match {
                        field,
                        start: t.start,
                        end: t.end,
                        key,
                    });
                }
            }
        }
        out.sort();
        out
    }

    /// The closest mark to `word` within the typo distance, if `word` is searched.
    fn typo_of(&self, word: &str) -> Option<String> {
        let letters = word.chars().count();
        if letters < TYPO_LETTERS
            || !word.chars().all(char::is_alphabetic)
            || self.common.contains(word)
        {
            return None;
        }
        variants(word)
            .flat_map(|v| {
                let from = self.deletions.partition_point(|e| e.0 < v);
                self.deletions[from..].iter().take_while(move |e| e.0 == v)
            })
            .map(|&(_, id)| &self.keys[id as usize])
            .filter(|k| k.as_str() != word)
            .map(|k| (strsim::levenshtein(word, k), k))
            .filter(|&(d, _)| d == 1)
            .min()
            .map(|(_, k)| k.clone())
    }
}

/// Hashes of `word` and of each of its one-letter deletions: two words one edit apart
/// share one of them (SymSpell).
fn variants(word: &str) -> impl Iterator<Item = u64> + '_ {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let hash = |parts: [&str; 2]| {
        let mut h = std::hash::DefaultHasher::new();
        parts.hash(&mut h);
        h.finish()
    };
    std::iter::once(hash([word, ""])).chain((0..chars.len()).map(move |i| {
        let (at, c) = chars[i];
        hash([&word[..at], &word[at + c.len_utf8()..]])
    }))
}

/// The listing to check again and again, and unseen ones (the first half warms up).
struct Workload {
    listing: Listing,
    others: Vec<Listing>,
}

fn workload(snapshot: &Snapshot, seed: u64, rare: usize) -> Workload {
    let mut rng = Rng(seed.max(1));
    let v = vocabulary(snapshot, &mut rng, rare);
    let listing = listing_of(&mut rng, &v, "bench");
    let others = (0..2 * OTHER_LISTINGS)
        .map(|i| listing_of(&mut rng, &v, &format!("other-{i}")))
        .collect();
    Workload { listing, others }
}

/// One row of the table: Clearmark's figure, the baseline's and their ratio.
fn row(what: &str, clearmark: Duration, baseline: Duration) {
    let (c, b) = (clearmark.as_secs_f64() * 1e6, baseline.as_secs_f64() * 1e6);
    println!(
        "| {what:<38} | {c:>12.1} µs | {b:>12.1} µs | {:>6.2} |",
        c / b.max(1e-9)
    );
}

/// One row of heap bytes (from the counting allocator, [`heap`]): Clearmark's, the
/// baseline's and their ratio.
/// A baseline that keeps nothing has no ratio: "—".
fn memory_row(what: &str, clearmark: usize, baseline: usize) {
    let kib = |b: usize| b as f64 / 1024.0;
    let ratio = match baseline {
        0 => "—".to_owned(),
        b => format!("{:.2}", clearmark as f64 / b as f64),
    };
    println!(
        "| {what:<38} | {:>11.1} KiB | {:>11.1} KiB | {ratio:>6} |",
        kib(clearmark),
        kib(baseline),
    );
}

/// Median time of checking each unseen listing once (after the warm-up half).
fn unseen(others: &[Listing], mut check: impl FnMut(&Listing)) -> Duration {
    let (warm_up, timed) = others.split_at(OTHER_LISTINGS);
    warm_up.iter().for_each(&mut check);
    let mut timed = timed.iter();
    time(OTHER_LISTINGS, || {
        if let Some(l) = timed.next() {
            check(l);
        }
    })
}

/// Runs `clearmark dev bench baseline`.
pub fn run(args: BenchBaselineArgs) -> Outcome {
    let started = Instant::now();
    let (engine, engine_heap) = heap::measure(|| load_engine(args.snapshot.as_deref(), None));
    let engine = engine.map_err(|e| Failure::Message(e.to_string()))?;
    let load = started.elapsed();
    let snapshot = engine.snapshot().clone();
    let started = Instant::now();
    let (baseline, baseline_heap) = heap::measure(|| Baseline::build(&snapshot));
    let baseline = baseline.map_err(Failure::Message)?;
    let build = started.elapsed();
    let marks = snapshot.marks().len().max(1);

    println!(
        "{} mark keys; Clearmark = the engine on its snapshot, baseline = aho-corasick + strsim over the same keys",
        snapshot.marks().len()
    );
    println!(
        "| row                                    |    Clearmark    |    baseline     | C / B  |"
    );
    println!(
        "|----------------------------------------|-----------------|-----------------|--------|"
    );
    row("ready to check (load / build)", load, build);
    let (file, memory) = (snapshot.as_bytes().len(), baseline_heap.held);
    println!(
        "| {:<38} | {:>12.1} B  | {:>12.1} B  | {:>6.2} |",
        "bytes per mark (file / heap)",
        file as f64 / marks as f64,
        memory as f64 / marks as f64,
        file as f64 / memory.max(1) as f64
    );
    memory_row(
        "peak heap getting ready",
        engine_heap.peak,
        baseline_heap.peak,
    );
    memory_row("heap held once ready", engine_heap.held, baseline_heap.held);
    // The publisher's side: Clearmark writes its file from the records, the baseline
    // builds its automaton (the same build as above).
    let started = Instant::now();
    let (rebuilt, rebuild_heap) = heap::measure(|| rebuild(&snapshot));
    let rebuilt = rebuilt.map_err(Failure::Message)?;
    row("build from the records", started.elapsed(), build);
    memory_row("peak heap building", rebuild_heap.peak, baseline_heap.peak);
    for (label, rare) in [("", 0), (", rare words", args.rare)] {
        let w = workload(&snapshot, args.seed, rare);
        let repeated_c = time(args.runs, || drop(black_box(engine.check(&w.listing))));
        let repeated_b = time(args.runs, || drop(black_box(baseline.find(&w.listing))));
        row(
            &format!("same listing again{label}"),
            repeated_c,
            repeated_b,
        );
        let seasoned = Engine::new(snapshot.clone());
        let (unseen_c, seasoned_heap) =
            heap::measure(|| unseen(&w.others, |l| drop(black_box(seasoned.check(l)))));
        let (unseen_b, unseen_b_heap) =
            heap::measure(|| unseen(&w.others, |l| drop(black_box(baseline.find(l)))));
        row(&format!("unseen listing{label}"), unseen_c, unseen_b);
        memory_row(
            &format!("heap kept after the unseen{label}"),
            seasoned_heap.held,
            unseen_b_heap.held,
        );
        let mut listings = w.others[OTHER_LISTINGS..].iter().cycle();
        let first_c = time(args.runs.div_ceil(10), || {
            let fresh = Engine::new(snapshot.clone());
            drop(black_box(
                fresh.check(listings.next().unwrap_or(&w.listing)),
            ));
        });
        let first_b = time(args.runs.div_ceil(10), || {
            drop(black_box(
                baseline.find(listings.next().unwrap_or(&w.listing)),
            ));
        });
        row(
            &format!("first check, fresh engine{label}"),
            first_c,
            first_b,
        );
        let per_s = |d: Duration| 1.0 / d.as_secs_f64().max(1e-12);
        println!(
            "| {:<38} | {:>9.0} /s    | {:>9.0} /s    | {:>6.2} |",
            format!("unseen listings per second{label}"),
            per_s(unseen_c),
            per_s(unseen_b),
            per_s(unseen_c) / per_s(unseen_b)
        );
        let (mut found_c, mut found_b, mut both) = (0, 0, 0);
        for l in &w.others[OTHER_LISTINGS..] {
            let fields = l.fields();
            let c: Vec<(usize, usize, usize)> = engine
                .check(l)
                .findings
                .iter()
                .filter_map(|f| {
                    let field = fields
                        .iter()
                        .position(|&(name, index, _)| (name, index) == (f.field, f.index))?;
                    Some((field, f.start, f.end))
                })
                .collect();
            let b: Vec<(usize, usize, usize)> = baseline
                .find(l)
                .into_iter()
                .map(|m| (m.field, m.start, m.end))
                .collect();
            found_c += c.len();
            found_b += b.len();
            both += c.iter().filter(|s| b.contains(s)).count();
        }
        println!(
            "findings on the {OTHER_LISTINGS} unseen listings{label}: Clearmark {found_c}, baseline {found_b}, the same span in both {both}"
        );
    }
    println!(
        "built from its records and words: {} bytes against the file's {}, {}",
        rebuilt.len(),
        snapshot.as_bytes().len(),
        if rebuilt == snapshot.as_bytes() {
            "byte for byte the same"
        } else {
            "not the same bytes (the header's list of sources is not rebuilt)"
        }
    );
    Ok(())
}
