//! `clearmark dev eval copy --set FILE --corpus FILE`: scores the copied-copy pass on a set
//! whose listings carry `gold` spans. A gold span counts as found when high/medium
//! `copied_copy` findings in its field cover at least half of it; a listing without gold
//! is a false alarm when it has any high/medium `copied_copy` finding.

use crate::exit::{Failure, Outcome};
use clap::Args as ClapArgs;
use clearmark::detect::copy;
use clearmark::{Field, FindingKind, Listing, Severity};
use serde::Deserialize;
use std::fmt::Write as _;
use std::path::PathBuf;

/// Arguments of `dev eval copy`.
#[derive(ClapArgs)]
pub struct Args {
    /// The labelled set (JSON lines: the listing shape plus `gold`).
    #[arg(long)]
    set: PathBuf,
    /// The reference corpus: a file from `clearmark corpus build`, or JSON lines / CSV.
    #[arg(long)]
    corpus: PathBuf,
    /// Print each miss and false alarm.
    #[arg(long)]
    verbose: bool,
}

#[derive(Deserialize)]
struct Gold {
    field: Field,
    index: Option<usize>,
    start: usize,
    end: usize,
    #[serde(default)]
    source: String,
    kind: String,
}

#[derive(Deserialize)]
struct Labelled {
    #[serde(flatten)]
    listing: Listing,
    #[serde(default)]
    gold: Vec<Gold>,
}

#[derive(Default)]
struct Tally {
    found: usize,
    total: usize,
}

impl Tally {
    fn show(&self) -> String {
        let pct = 100.0 * self.found as f64 / self.total.max(1) as f64;
        format!("{pct:5.1} % ({}/{})", self.found, self.total)
    }
}

/// Runs `dev eval copy`.
pub fn run(args: Args) -> Outcome {
    let corpus = match crate::corpus::load(&args.corpus) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return Err(Failure::Reported);
        }
    };
    let text = match std::fs::read_to_string(&args.set) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", args.set.display());
            return Err(Failure::Reported);
        }
    };
    let mut verbatim = Tally::default();
    let mut edited = Tally::default();
    let mut by_field: std::collections::BTreeMap<String, Tally> = Default::default();
    let mut clean = Tally::default();
    let mut stray = 0usize;
    let mut wrong_source = 0usize;
    let mut bad_lines = 0usize;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let l: Labelled = match serde_json::from_str(line) {
            Ok(l) => l,
            Err(e) => {
                eprintln!(
                    "{}:{}: not a labelled listing: {e}",
                    args.set.display(),
                    n + 1
                );
                bad_lines += 1;
                continue;
            }
        };
        let findings: Vec<_> = copy::find(&corpus, &l.listing)
            .into_iter()
            .filter(|f| f.kind == FindingKind::CopiedCopy && f.severity >= Severity::Medium)
            .collect();
        if l.gold.is_empty() {
            clean.total += 1;
            if findings.is_empty() {
                clean.found += 1;
            } else if args.verbose {
                for f in &findings {
                    eprintln!(
                        "FALSE ALARM {} {:?}[{:?}] {:?}: {:?} ({})",
                        l.listing.id, f.field, f.index, f.severity, f.text, f.reason
                    );
                }
            }
            continue;
        }
        for g in &l.gold {
            let mut covered: Vec<(usize, usize)> = findings
                .iter()
                .filter(|f| f.field == g.field && f.index == g.index)
                .map(|f| (f.start.max(g.start), f.end.min(g.end)))
                .filter(|(s, e)| s < e)
                .collect();
            covered.sort_unstable();
            let mut sum = 0;
            let mut reach = g.start;
            for (s, e) in covered {
                let s = s.max(reach);
                if e > s {
                    sum += e - s;
                    reach = e;
                }
            }
            let hit = 2 * sum >= g.end - g.start;
            if hit
                && !findings.iter().any(|f| {
                    f.field == g.field
                        && f.index == g.index
                        && f.source.as_ref().is_some_and(|s| s.id == g.source)
                })
            {
                wrong_source += 1;
            }
            let tally = if g.kind == "verbatim" {
                &mut verbatim
            } else {
                &mut edited
            };
            tally.total += 1;
            tally.found += usize::from(hit);
            let key = format!("{} {:?}", g.kind, g.field).to_lowercase();
            let t = by_field.entry(key).or_default();
            t.total += 1;
            t.found += usize::from(hit);
            if !hit && args.verbose {
                eprintln!(
                    "MISS {} {:?}[{:?}] {} from {}",
                    l.listing.id, g.field, g.index, g.kind, g.source
                );
            }
        }
        for f in &findings {
            let in_gold = l.gold.iter().any(|g| {
                g.field == f.field && g.index == f.index && g.start < f.end && f.start < g.end
            });
            if !in_gold {
                stray += 1;
                if args.verbose {
                    eprintln!(
                        "STRAY {} {:?}[{:?}] {:?}: {:?}",
                        l.listing.id, f.field, f.index, f.severity, f.text
                    );
                }
            }
        }
    }
    let fa = Tally {
        found: clean.total - clean.found,
        total: clean.total,
    };
    // One write at the end: a closed pipe (`| head`) is not worth a panic.
    let mut out = String::new();
    let _ = writeln!(out, "corpus listings:           {}", corpus.len());
    let _ = writeln!(out, "verbatim recall:           {}", verbatim.show());
    let _ = writeln!(out, "edited recall:             {}", edited.show());
    let _ = writeln!(out, "clean-listing false alarms: {}", fa.show());
    for (k, t) in &by_field {
        let _ = writeln!(out, "  {k:<22} {}", t.show());
    }
    let _ = writeln!(
        out,
        "findings outside gold spans in copied listings: {stray}"
    );
    let _ = writeln!(
        out,
        "found spans credited to another source:         {wrong_source}"
    );
    let _ = std::io::Write::write_all(&mut std::io::stdout(), out.as_bytes());
    if bad_lines > 0 {
        eprintln!("{bad_lines} line(s) could not be read");
        return Err(Failure::Reported);
    }
    Ok(())
}
