//! `gridledger`: the command-line face of the core. Every use case the desktop app offers
//! is scriptable here too, with no window. Documented in docs/cli.md.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use gridledger::store::location::{default_data_dir, ledger_path};
use gridledger::store::Actor;
use gridledger::{demo, summary, Ledger, OpenOptions};

#[derive(Parser)]
#[command(
    name = "gridledger",
    version,
    about = "GridLedger (网格防控台账): the community epidemic-prevention ledger"
)]
struct Cli {
    /// Directory holding the ledger (default: the OS data directory, e.g. ~/.local/share/gridledger).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create the ledger (or migrate an existing one) and print where it is.
    Init,
    /// Check the ledger's integrity and print its schema version and counts.
    Check,
    /// Fill the ledger with the deterministic demo community (safe to run twice).
    Demo,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> gridledger::Result<ExitCode> {
    let data_dir = cli.data_dir.unwrap_or_else(|| default_data_dir(false));
    let options = OpenOptions {
        // The key comes from the environment, never from the command line (shell history).
        key: std::env::var("GRIDLEDGER_KEY")
            .ok()
            .filter(|k| !k.is_empty()),
        ..OpenOptions::default()
    };
    let mut ledger = Ledger::open(ledger_path(&data_dir), &options)?;
    if let Some(copy) = ledger.pre_migration_backup() {
        println!(
            "migrated; the previous ledger was copied to {}",
            copy.display()
        );
    }
    match cli.command {
        Command::Init => {
            println!(
                "ledger {} (schema version {})",
                ledger.path().display(),
                ledger.schema_version()?
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Check => check(&ledger),
        Command::Demo => {
            let outcome = demo::load(&mut ledger, &Actor::cli())?;
            match outcome {
                demo::Outcome::Loaded => println!("demo community loaded"),
                demo::Outcome::AlreadyPresent => {
                    println!("demo community already present; nothing added")
                }
            }
            print_counts(&ledger)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn check(ledger: &Ledger) -> gridledger::Result<ExitCode> {
    let problems = ledger.integrity_problems()?;
    println!("ledger:         {}", ledger.path().display());
    println!("schema version: {}", ledger.schema_version()?);
    println!(
        "encrypted:      {}",
        if ledger.is_encrypted() { "yes" } else { "no" }
    );
    print_counts(ledger)?;
    let audit: i64 = ledger
        .conn()
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?;
    println!("audit entries:  {audit}");
    if problems.is_empty() {
        println!("integrity:      ok");
        Ok(ExitCode::SUCCESS)
    } else {
        println!("integrity:      {} problem(s)", problems.len());
        for p in problems {
            println!("  - {p}");
        }
        Ok(ExitCode::FAILURE)
    }
}

fn print_counts(ledger: &Ledger) -> gridledger::Result<()> {
    let c = summary::dashboard_counts(ledger.conn())?;
    println!("communities:    {}", c.communities);
    println!("grids:          {}", c.grids);
    println!("estates:        {}", c.estates);
    println!("buildings:      {}", c.buildings);
    println!("units:          {}", c.units);
    println!("households:     {}", c.households);
    println!("people:         {}", c.people);
    for r in &c.by_residence {
        println!("  {:<13} {}", format!("{}:", r.status.code()), r.count);
    }
    Ok(())
}
