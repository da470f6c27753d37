//! `deboil`: clean scraped web pages into article text with provenance headers.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

#[derive(Debug, Parser)]
#[command(name = "deboil", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Clean pages into OUTDIR: one text file per document and a manifest.
    Clean(deboil::CleanArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Clean(args) => match deboil::run_clean(&args) {
            Ok(summary) => {
                let _ = writeln!(std::io::stderr().lock(), "{summary}");
                if summary.has_errors() {
                    ExitCode::from(1)
                } else {
                    ExitCode::SUCCESS
                }
            }
            Err(error) => {
                let _ = writeln!(std::io::stderr().lock(), "deboil: {error:#}");
                ExitCode::from(1)
            }
        },
    }
}
