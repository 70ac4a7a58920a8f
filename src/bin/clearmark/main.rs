//! The `clearmark` command line: build and inspect snapshots, check listings, evaluate.

mod audit;
mod bench_audit;
mod bench_check;
mod check;
mod copy_bench;
mod corpus;
mod engine_args;
mod eval_brands;
mod eval_copy;
mod fetch;
mod publish;
mod snapshot;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Flags trademarks, famous brands, lookalikes and copied copy in marketplace listings.
#[derive(Parser)]
#[command(name = "clearmark", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build, inspect, verify and measure register snapshots.
    #[command(subcommand)]
    Snapshot(snapshot::SnapshotCommand),
    /// Make a signing key for snapshots (and its public key).
    Keygen(snapshot::KeygenArgs),
    /// Download the USPTO trademark bulk files from the office or a mirror.
    Fetch(fetch::FetchArgs),
    /// Check listings (JSON lines) and print their findings, one line per listing.
    Check(check::CheckArgs),
    /// Audit whole catalogues exported from Amazon, Shopify, eBay or Etsy: findings
    /// lines and an HTML report.
    Audit(audit::AuditArgs),
    /// Measure the engine on a labelled set.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Build, inspect and benchmark reference corpora for copied copy.
    #[command(subcommand)]
    Corpus(corpus::CorpusCommand),
    /// Time the engine against baselines run in the same process.
    #[command(subcommand)]
    Bench(BenchCommand),
}

/// What `clearmark bench` times.
#[derive(Subcommand)]
enum BenchCommand {
    /// A full listing through `check`, against normalising and bare lookups.
    Check(bench_check::BenchCheckArgs),
    /// Listings per second of `audit` on catalogue files, against `check` on the same
    /// listings.
    Audit(bench_audit::BenchAuditArgs),
}

/// What `clearmark eval` measures.
#[derive(Subcommand)]
enum EvalCommand {
    /// Brand/trademark detection: recall, precision, own-brand flags, trap flags.
    Brands(eval_brands::EvalBrandsArgs),
    /// Copied copy: recall on verbatim and edited copies, false alarms on clean listings.
    Copy(eval_copy::Args),
}

/// Exit status when the reader of the output has gone, as a shell reports a process
/// ended by SIGPIPE (128 + 13).
const READER_GONE: i32 = 141;

/// A reader that stops early (`clearmark check … | head`) closes the pipe, which ends the
/// output, not in a crash report: `println!` panics on a closed standard output, and
/// this hook turns that one panic into a quiet exit ([`READER_GONE`]). Every other
/// panic is reported as before.
fn exit_quietly_when_the_reader_leaves() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(READER_GONE);
        }
        report(info);
    }));
}

fn main() -> ExitCode {
    exit_quietly_when_the_reader_leaves();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Snapshot(cmd) => snapshot::run(cmd),
        Command::Keygen(args) => snapshot::keygen(args),
        Command::Fetch(args) => fetch::run(args),
        Command::Check(args) => return check::run(args),
        Command::Audit(args) => return audit::run(args),
        Command::Eval(EvalCommand::Brands(args)) => return eval_brands::run(args),
        Command::Corpus(cmd) => return corpus::run(cmd),
        Command::Eval(EvalCommand::Copy(args)) => return eval_copy::run(args),
        Command::Bench(BenchCommand::Check(args)) => return bench_check::run(args),
        Command::Bench(BenchCommand::Audit(args)) => return bench_audit::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("clearmark: {message}");
            ExitCode::FAILURE
        }
    }
}
