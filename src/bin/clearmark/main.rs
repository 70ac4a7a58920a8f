//! The `clearmark` command line: build and inspect snapshots, check listings, evaluate.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

mod fetch;

/// Flags trademarks, famous brands, lookalikes and copied copy in marketplace listings.
#[derive(Parser)]
#[command(name = "clearmark", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Download the USPTO trademark bulk files from the office or a mirror.
    Fetch(fetch::FetchArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Fetch(args) => fetch::run(args),
    }
}
