//! The `clearmark` command line: build and inspect snapshots, check listings, evaluate.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

mod check;
mod eval_brands;

/// Flags trademarks, famous brands, lookalikes and copied copy in marketplace listings.
#[derive(Parser)]
#[command(name = "clearmark", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check listings (JSON lines) and print their findings, one line per listing.
    Check(check::CheckArgs),
    /// Measure the engine on a labelled set.
    #[command(subcommand)]
    Eval(EvalCommand),
}

/// What `clearmark eval` measures.
#[derive(Subcommand)]
enum EvalCommand {
    /// Brand/trademark detection: recall, precision, own-brand flags, trap flags.
    Brands(eval_brands::EvalBrandsArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Eval(EvalCommand::Brands(args)) => eval_brands::run(args),
    }
}
