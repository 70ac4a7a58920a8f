//! `clearmark dev …`: the measurement commands, apart from the product's. They evaluate
//! the engine on labelled sets, time it against baselines run in the same process, and
//! write synthetic registers to measure at scale. Nothing a seller runs lives here.

pub mod background;
pub mod bench_audit;
pub mod bench_baseline;
pub mod bench_check;
pub mod bench_copy;
pub mod bench_snapshot;
pub mod eval_brands;
pub mod eval_copy;
pub mod heap;
pub mod rebuild;
pub mod size;
pub mod synth;

use crate::exit::{Failure, Outcome};
use clap::Subcommand;

/// Measurements of the engine, its snapshots and its corpora.
#[derive(Subcommand)]
pub enum DevCommand {
    /// Measure the engine on a labelled set.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Time the engine against baselines run in the same process.
    #[command(subcommand)]
    Bench(BenchCommand),
    /// Write a realistic synthetic snapshot (deterministic by seed) for measurements.
    Synth(synth::SynthArgs),
    /// Write a register background (ordinary words, phrases, coined words) in the USPTO
    /// case-file CSV layout, deterministic by seed, to measure precision at scale.
    Background(background::BackgroundArgs),
    /// Measure bytes per mark on real register samples and brand lists.
    Size(size::SizeArgs),
}

/// What `clearmark dev eval` measures.
#[derive(Subcommand)]
pub enum EvalCommand {
    /// Brand/trademark detection: recall, precision, own-brand flags, trap flags.
    Brands(eval_brands::EvalBrandsArgs),
    /// Copied copy: recall on verbatim and edited copies, false alarms on clean listings.
    Copy(eval_copy::Args),
}

/// What `clearmark dev bench` times.
#[derive(Subcommand)]
pub enum BenchCommand {
    /// A full listing through `check`, against normalising and bare lookups.
    Check(bench_check::BenchCheckArgs),
    /// Clearmark against an aho-corasick + strsim matcher over the same marks and listings.
    Baseline(bench_baseline::BenchBaselineArgs),
    /// Listings per second of `audit` on catalogue files, against `check` on the same
    /// listings.
    Audit(bench_audit::BenchAuditArgs),
    /// Snapshot loading and lookups, against baselines.
    Snapshot(bench_snapshot::BenchArgs),
    /// `copy::find` on a synthetic corpus (build with --release).
    Copy(bench_copy::BenchArgs),
}

/// Runs one `dev` command.
pub fn run(cmd: DevCommand) -> Outcome {
    match cmd {
        DevCommand::Eval(EvalCommand::Brands(args)) => eval_brands::run(args),
        DevCommand::Eval(EvalCommand::Copy(args)) => eval_copy::run(args),
        DevCommand::Bench(BenchCommand::Check(args)) => bench_check::run(args),
        DevCommand::Bench(BenchCommand::Audit(args)) => bench_audit::run(args),
        DevCommand::Bench(BenchCommand::Baseline(args)) => bench_baseline::run(args),
        DevCommand::Bench(BenchCommand::Snapshot(args)) => {
            bench_snapshot::run(args).map_err(Failure::Message)
        }
        DevCommand::Bench(BenchCommand::Copy(args)) => bench_copy::run(args),
        DevCommand::Synth(args) => synth::run(args).map_err(Failure::Message),
        DevCommand::Background(args) => background::run(args).map_err(Failure::Message),
        DevCommand::Size(args) => size::run(args).map_err(Failure::Message),
    }
}
