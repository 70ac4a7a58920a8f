//! `clearmark dev eval brands`: scores the engine on a labelled brand set (JSON lines with
//! `gold` and `generic_traps` spans, as in the dev set's README) exactly as that README
//! says: only high and medium findings count; a finding hits a labelled span when it is
//! in the same field (and bullet) and their UTF-16 ranges overlap.
//!
//! The set's labels never reach the engine: each record is turned into a plain
//! [`Listing`] (id, brand, category, title, bullets, description) first.

use crate::check::load_engine;
use crate::exit::{Failure, Outcome};
use clap::Args;
use clearmark::detect::Options;
use clearmark::{Field, Finding, FindingKind, Listing, Severity};
use serde::Deserialize;
use std::io::BufRead;
use std::path::PathBuf;

/// Arguments of `clearmark dev eval brands`.
#[derive(Args)]
pub struct EvalBrandsArgs {
    /// The labelled set (JSON lines).
    #[arg(long)]
    set: PathBuf,
    /// The register snapshot (default: $CLEARMARK_SNAPSHOT, else dist/snapshot/default.snap).
    #[arg(long)]
    snapshot: Option<PathBuf>,
    /// Also list every miss, trap hit, own-brand flag and unlabelled finding with the
    /// evidence that decided it: the finding's kind, severity and reason (its usage,
    /// word frequency and how its records' classes meet the listing's); for a miss, the
    /// low finding the engine made of the span, or that it made none.
    #[arg(long)]
    details: bool,
}

/// One labelled listing of the set.
#[derive(Deserialize)]
struct Labelled {
    id: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    bullets: Vec<String>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    brand: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    gold: Vec<Span>,
    #[serde(default)]
    generic_traps: Vec<Span>,
}

/// One labelled span.
#[derive(Deserialize)]
struct Span {
    field: Field,
    index: Option<usize>,
    text: String,
    start: usize,
    end: usize,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    disguise: Option<String>,
}

impl Labelled {
    /// The listing as a seller would submit it: no labels.
    fn listing(&self) -> Listing {
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        Listing {
            id: self.id.clone(),
            marketplace: None,
            category: opt(&self.category),
            brand: opt(&self.brand),
            title: opt(&self.title),
            bullets: self.bullets.clone(),
            description: opt(&self.description),
            keywords: None,
        }
    }
}

fn hits(f: &Finding, s: &Span) -> bool {
    f.field == s.field && f.index == s.index && f.start < s.end && s.start < f.end
}

/// The counts behind the figures.
#[derive(Default)]
struct Score {
    listings: usize,
    third_party: usize,
    third_party_hit: usize,
    disguised: usize,
    disguised_hit: usize,
    own: usize,
    own_hit: usize,
    traps: usize,
    traps_hit: usize,
    unlabelled: usize,
}

fn ratio(n: usize, d: usize) -> String {
    if d == 0 {
        "n/a".to_owned()
    } else {
        format!("{:.1}%", 100.0 * n as f64 / d as f64)
    }
}

/// Runs `clearmark dev eval brands`.
pub fn run(args: EvalBrandsArgs) -> Outcome {
    let mut engine = match load_engine(args.snapshot.as_deref(), None) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("clearmark dev eval brands: {e}");
            return Err(Failure::Reported);
        }
    };
    if args.details {
        // Low findings are not counted; they explain the misses.
        engine.set_options(Options {
            show_low: true,
            ..Options::default()
        });
    }
    let file = match std::fs::File::open(&args.set) {
        Ok(f) => f,
        Err(e) => {
            eprintln!(
                "clearmark dev eval brands: cannot open {}: {e}",
                args.set.display()
            );
            return Err(Failure::Reported);
        }
    };
    let mut score = Score::default();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!(
                    "clearmark dev eval brands: {}: line {}: {e}",
                    args.set.display(),
                    n + 1
                );
                return Err(Failure::Reported);
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let labelled: Labelled = match serde_json::from_str(&line) {
            Ok(l) => l,
            Err(e) => {
                eprintln!(
                    "clearmark dev eval brands: {}: line {}: not a labelled listing: {e}",
                    args.set.display(),
                    n + 1
                );
                return Err(Failure::Reported);
            }
        };
        score.listings += 1;
        let report = engine.check(&labelled.listing());
        let counted: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Medium && f.kind != FindingKind::CopiedCopy)
            .collect();
        let show = |what: &str, text: &str, f: Option<&Finding>| {
            if args.details {
                match f {
                    Some(f) => println!(
                        "{what:<12} {:<28} {:?} {:?} {:?}: {}",
                        labelled.id, text, f.kind, f.severity, f.reason
                    ),
                    None => println!(
                        "{what:<12} {:<28} {text:?}: no candidate (not in the snapshot, or not searched)",
                        labelled.id
                    ),
                }
            }
        };
        for g in &labelled.gold {
            let hit = counted.iter().find(|f| hits(f, g));
            if g.kind == "third_party" {
                score.third_party += 1;
                if g.disguise.is_some() {
                    score.disguised += 1;
                }
                match hit {
                    Some(_) => {
                        score.third_party_hit += 1;
                        if g.disguise.is_some() {
                            score.disguised_hit += 1;
                        }
                    }
                    None => show(
                        if g.disguise.is_some() {
                            "MISS-DISG"
                        } else {
                            "MISS"
                        },
                        &g.text,
                        report.findings.iter().find(|f| hits(f, g)),
                    ),
                }
            } else {
                score.own += 1;
                if let Some(f) = hit {
                    score.own_hit += 1;
                    show("OWN-FLAG", &g.text, Some(f));
                }
            }
        }
        for t in &labelled.generic_traps {
            score.traps += 1;
            if let Some(f) = counted.iter().find(|f| hits(f, t)) {
                score.traps_hit += 1;
                show("TRAP", &t.text, Some(f));
            }
        }
        for f in &counted {
            if !labelled
                .gold
                .iter()
                .chain(&labelled.generic_traps)
                .any(|s| hits(f, s))
            {
                score.unlabelled += 1;
                show("UNLABELLED", &f.text, Some(f));
            }
        }
    }
    let s = &score;
    let fp = s.traps_hit + s.unlabelled;
    println!("set                 {}", args.set.display());
    println!("listings            {}", s.listings);
    println!(
        "third-party recall  {} ({}/{})",
        ratio(s.third_party_hit, s.third_party),
        s.third_party_hit,
        s.third_party
    );
    println!(
        "precision           {} ({}/{}; {} trap hits, {} unlabelled findings)",
        ratio(s.third_party_hit, s.third_party_hit + fp),
        s.third_party_hit,
        s.third_party_hit + fp,
        s.traps_hit,
        s.unlabelled
    );
    println!("own-brand flags     {} (of {} own spans)", s.own_hit, s.own);
    println!(
        "trap flag rate      {} ({}/{})",
        ratio(s.traps_hit, s.traps),
        s.traps_hit,
        s.traps
    );
    if s.disguised > 0 {
        println!(
            "disguised recall    {} ({}/{})",
            ratio(s.disguised_hit, s.disguised),
            s.disguised_hit,
            s.disguised
        );
    }
    Ok(())
}
