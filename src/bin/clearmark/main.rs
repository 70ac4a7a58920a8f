//! The `clearmark` command line: the product's commands (build, inspect and publish
//! snapshots, check listings, audit catalogues, build corpora) and, under `clearmark dev`,
//! the measurements. Every command returns one [`exit::Outcome`], made an exit status
//! in one place.

mod audit;
mod check;
mod corpus;
mod dev;
mod engine_args;
mod exit;
mod fetch;
mod keys;
mod publish;
mod snapshot;

use clap::{Parser, Subcommand};

use exit::Failure;
use std::process::ExitCode;

/// Counted, for the memory rows of `clearmark dev bench` (see `dev/heap.rs`).
#[global_allocator]
static ALLOCATOR: dev::heap::Counting = dev::heap::Counting;

/// Flags trademarks, famous brands, lookalikes and copied copy in marketplace listings.
#[derive(Parser)]
#[command(name = "clearmark", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build, inspect, verify, look up and publish register snapshots.
    #[command(subcommand)]
    Snapshot(snapshot::SnapshotCommand),
    /// Make a signing key for snapshots (and its public key).
    Keygen(keys::KeygenArgs),
    /// Download the USPTO trademark bulk files from the office or a mirror.
    Fetch(fetch::FetchArgs),
    /// Check listings (JSON lines) and print their findings, one line per listing.
    Check(check::CheckArgs),
    /// Audit whole catalogues exported from Amazon, Shopify, eBay or Etsy: findings
    /// lines and an HTML report.
    Audit(audit::AuditArgs),
    /// Build and inspect reference corpora for copied copy.
    #[command(subcommand)]
    Corpus(corpus::CorpusCommand),
    /// Measurements: evaluate on labelled sets, benchmark, synthesise registers.
    #[command(subcommand)]
    Dev(dev::DevCommand),
}

fn main() -> ExitCode {
    exit::exit_quietly_when_the_reader_leaves();
    let outcome = match Cli::parse().command {
        Command::Snapshot(cmd) => snapshot::run(cmd).map_err(Failure::Message),
        Command::Keygen(args) => keys::keygen(args).map_err(Failure::Message),
        Command::Fetch(args) => fetch::run(args).map_err(Failure::Message),
        Command::Check(args) => check::run(args),
        Command::Audit(args) => audit::run(args),
        Command::Corpus(cmd) => corpus::run(cmd),
        Command::Dev(cmd) => dev::run(cmd),
    };
    exit::status(outcome)
}
