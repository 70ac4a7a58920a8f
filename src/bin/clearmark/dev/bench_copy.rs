//! `clearmark dev bench copy`: the copied-copy pass at scale, on a synthetic corpus
//! generated deterministically (Zipf-distributed vocabulary, function words, shared
//! boilerplate bullets, optional descriptions). Prints build time, index size per
//! listing, time per checked listing against a baseline measured in the same process
//! (normalising and hashing the same listings' fields, the least any check must do), and
//! recall/false alarms on planted verbatim and edited copies. A benchmark, not a test:
//! run it with `--release`.

use crate::exit::Outcome;
use clap::Args;
use clearmark::corpus::{CorpusIndex, CorpusListing, FieldWords};
use clearmark::detect::copy;
use clearmark::{Listing, Severity};
use std::hint::black_box;
use std::time::Instant;

/// Arguments of `dev bench copy`.
#[derive(Args)]
pub struct BenchArgs {
    /// Corpus listings to generate.
    #[arg(long, default_value_t = 100_000)]
    listings: usize,
    /// Listings to check (a third with a verbatim copied bullet, a third edited, a third
    /// clean).
    #[arg(long, default_value_t = 3_000)]
    checks: usize,
    /// Print each miss and false alarm.
    #[arg(long)]
    verbose: bool,
    /// Seed of the generator.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
}

/// SplitMix64: a small deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

struct Generator {
    rng: Rng,
    vocabulary: Vec<String>,
    /// Cumulative Zipf weights over `vocabulary`.
    cumulative: Vec<f64>,
    boilerplate: Vec<String>,
    /// Brand names; titles start with one, as marketplace titles do.
    brands: Vec<String>,
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ter", "ven", "bri", "sto", "pla", "zu", "ne", "ro", "dan", "fi", "gel",
    "hu", "jor", "pex", "qui", "sal", "tro", "ul", "vo", "wen", "xi", "yar", "bel", "cor",
];
const FUNCTION: &[&str] = &[
    "the", "and", "for", "with", "of", "to", "a", "your", "is", "in", "this", "it", "on", "you",
];

impl Generator {
    /// A generator whose boilerplate pool is sized so each boilerplate bullet lands in
    /// about 300 of `listings` corpus listings, as makers' standard sentences do.
    fn new(seed: u64, listings: usize) -> Generator {
        let mut rng = Rng(seed);
        let mut vocabulary = Vec::new();
        let mut seen = std::collections::HashSet::new();
        while vocabulary.len() < 20_000 {
            let n = 2 + rng.below(3);
            let w: String = (0..n)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect();
            if seen.insert(w.clone()) {
                vocabulary.push(w);
            }
        }
        let mut cumulative = Vec::with_capacity(vocabulary.len());
        let mut sum = 0.0;
        for r in 0..vocabulary.len() {
            sum += 1.0 / (r as f64 + 2.0);
            cumulative.push(sum);
        }
        let mut g = Generator {
            rng,
            vocabulary,
            cumulative,
            boilerplate: Vec::new(),
            brands: Vec::new(),
        };
        g.brands = (0..(listings / 20).max(50))
            .map(|i| {
                let n = 2 + g.rng.below(2);
                let mut b: String = (0..n)
                    .map(|_| SYLLABLES[g.rng.below(SYLLABLES.len())])
                    .collect();
                b[..1].make_ascii_uppercase();
                format!("{b}{i}x")
            })
            .collect();
        g.boilerplate = (0..(listings / 400).max(3))
            .map(|_| g.sentence(12, 30))
            .collect();
        g
    }

    fn word(&mut self) -> String {
        if self.rng.chance(0.35) {
            return FUNCTION[self.rng.below(FUNCTION.len())].to_string();
        }
        let total = self.cumulative[self.cumulative.len() - 1];
        let x = (self.rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let i = self
            .cumulative
            .partition_point(|&c| c < x)
            .min(self.vocabulary.len() - 1);
        self.vocabulary[i].clone()
    }

    fn sentence(&mut self, min: usize, max: usize) -> String {
        let n = min + self.rng.below(max - min + 1);
        let mut out = String::new();
        for i in 0..n {
            let mut w = self.word();
            if i == 0 || self.rng.chance(0.05) {
                w[..1].make_ascii_uppercase();
            }
            if i > 0 {
                out.push_str(if self.rng.chance(0.08) { ", " } else { " " });
            }
            out.push_str(&w);
        }
        out.push('.');
        out
    }

    fn listing(&mut self, id: String) -> CorpusListing {
        let brand = self.brands[self.rng.below(self.brands.len())].clone();
        let bullets = (0..5)
            .map(|_| {
                if self.rng.chance(0.15) {
                    let i = self.rng.below(self.boilerplate.len());
                    self.boilerplate[i].clone()
                } else {
                    self.sentence(12, 40)
                }
            })
            .collect();
        let description = self.rng.chance(0.3).then(|| {
            (0..4)
                .map(|_| self.sentence(10, 30))
                .collect::<Vec<_>>()
                .join(" ")
        });
        CorpusListing {
            url: Some(format!("https://market.example/{id}")),
            id,
            title: Some(format!("{brand} {}", self.sentence(8, 20))),
            bullets,
            description,
            ..Default::default()
        }
    }

    /// A light edit: ~10 % of words dropped, ~10 % replaced, case changed, and the two
    /// halves swapped at a comma half of the time.
    fn edit(&mut self, text: &str) -> String {
        let mut words: Vec<String> = Vec::new();
        for w in text.split(' ') {
            if self.rng.chance(0.1) {
                continue;
            }
            if self.rng.chance(0.1) {
                words.push(self.word());
            } else if self.rng.chance(0.1) {
                words.push(w.to_uppercase());
            } else {
                words.push(w.to_string());
            }
        }
        if self.rng.chance(0.5) && words.len() > 6 {
            let mid = words.len() / 2;
            words.rotate_left(mid);
        }
        words.join(" ")
    }
}

/// Runs the benchmark.
pub fn run(args: BenchArgs) -> Outcome {
    let mut g = Generator::new(args.seed, args.listings);
    let started = Instant::now();
    let listings: Vec<CorpusListing> = (0..args.listings)
        .map(|i| g.listing(format!("c{i}")))
        .collect();
    let generated = started.elapsed();
    let started = Instant::now();
    let mut corpus = CorpusIndex::new(args.listings.max(1));
    for l in listings {
        corpus.add(l);
    }
    corpus.compact();
    let built = started.elapsed();
    let sizes = corpus.sizes();

    // Listings to check: own text, with a planted copy in two thirds of them.
    let mut checks: Vec<(Listing, Option<(bool, usize)>)> = Vec::new();
    for i in 0..args.checks {
        let own = g.listing(format!("q{i}"));
        let mut l = Listing {
            id: own.id.clone(),
            title: own.title.clone(),
            bullets: own.bullets.clone(),
            description: own.description.clone(),
            ..Default::default()
        };
        let planted = match i % 3 {
            0 | 1 => {
                // A source of another brand: same-brand text is the maker's, not a copy.
                let brand_of = |l: &CorpusListing| {
                    l.title
                        .as_deref()
                        .and_then(|t| t.split(' ').next())
                        .map(str::to_string)
                };
                let src = loop {
                    let src = corpus
                        .listing(g.rng.below(corpus.len()) as u32)
                        .expect("slots are dense after a fresh build");
                    if brand_of(src) != brand_of(&own) {
                        break src;
                    }
                };
                let own: Vec<&String> = src
                    .bullets
                    .iter()
                    .filter(|b| !g.boilerplate.contains(b))
                    .collect();
                let b = own[g.rng.below(own.len())].clone();
                let verbatim = i % 3 == 0;
                let text = if verbatim { b } else { g.edit(&b) };
                let at = g.rng.below(l.bullets.len());
                l.bullets[at] = text;
                Some((verbatim, at))
            }
            _ => None,
        };
        checks.push((l, planted));
    }

    // Baseline: read the same listings (normalise + hash every field).
    let started = Instant::now();
    for (l, _) in &checks {
        for (_, _, t) in l.fields() {
            black_box(FieldWords::new(t));
        }
    }
    let baseline = started.elapsed();
    let started = Instant::now();
    let results: Vec<_> = checks.iter().map(|(l, _)| copy::find(&corpus, l)).collect();
    let checked = started.elapsed();

    let (mut v_found, mut v_total, mut e_found, mut e_total, mut fa, mut clean) =
        (0, 0, 0, 0, 0, 0);
    for ((l, planted), findings) in checks.iter().zip(&results) {
        let serious = |f: &&clearmark::Finding| f.severity >= Severity::Medium;
        match planted {
            Some((verbatim, at)) => {
                let hit = findings
                    .iter()
                    .filter(serious)
                    .any(|f| f.index == Some(*at));
                if !hit && args.verbose {
                    eprintln!(
                        "MISS {} bullet {at}: {:?}\n  findings: {findings:?}",
                        l.id, l.bullets[*at]
                    );
                }
                if *verbatim {
                    v_total += 1;
                    v_found += usize::from(hit);
                } else {
                    e_total += 1;
                    e_found += usize::from(hit);
                }
            }
            None => {
                clean += 1;
                fa += usize::from(findings.iter().any(|f| serious(&f)));
                for f in findings.iter().filter(serious) {
                    if args.verbose {
                        eprintln!(
                            "FALSE ALARM {}: {:?} {} [{}]",
                            l.id,
                            f.text,
                            f.reason,
                            f.source.as_ref().map_or("", |s| s.text.as_str())
                        );
                    }
                }
            }
        }
    }
    let per = |d: std::time::Duration| d.as_secs_f64() * 1000.0 / args.checks.max(1) as f64;
    let n = sizes.listings.max(1) as f64;
    println!(
        "corpus: {} synthetic listings (generated in {:.1} s, indexed in {:.1} s)",
        sizes.listings,
        generated.as_secs_f64(),
        built.as_secs_f64()
    );
    println!("index: {:.0} bytes per listing ({} keys, {:.1} per listing); whole file {:.0} bytes per listing with text",
        sizes.index_bytes as f64 / n, sizes.keys, sizes.keys as f64 / n, sizes.total_bytes as f64 / n);
    println!(
        "baseline (normalise + hash the fields): {:.3} ms per listing",
        per(baseline)
    );
    println!(
        "copy::find:                             {:.3} ms per listing ({:.1}x baseline)",
        per(checked),
        checked.as_secs_f64() / baseline.as_secs_f64().max(1e-9)
    );
    println!("planted verbatim bullets found: {v_found}/{v_total}; edited: {e_found}/{e_total}; clean listings with a finding: {fa}/{clean}");
    Ok(())
}
