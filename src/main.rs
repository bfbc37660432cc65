//! `gridledger`: the command-line face of the core. Every use case the desktop app offers
//! is scriptable here too, with no window. Documented in docs/cli.md.

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use gridledger::api::{PersonFilter, ResidenceStatus};
use gridledger::domain::masking::{mask_id, mask_phone, MaskPreset};
use gridledger::store::location::{default_data_dir, ledger_path};
use gridledger::store::Actor;
use gridledger::store::{record_event, AuditEvent};
use gridledger::{demo, register, search, summary, Error, Ledger, OpenOptions};

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
    /// The residents register: list, show and search people.
    #[command(subcommand)]
    Persons(PersonsCommand),
    /// Arrivals (返乡/外来人员): list (the night-time risk-area query) and add.
    #[command(subcommand)]
    Arrivals(cli::arrivals::ArrivalsCommand),
    /// Risk areas (风险地区): list and add.
    #[command(subcommand, name = "risk-areas")]
    RiskAreas(cli::arrivals::RiskAreasCommand),
    /// Close contacts (密切接触者): a person's chain both ways.
    #[command(subcommand)]
    Contacts(cli::arrivals::ContactsCommand),
    /// Isolations (居家隔离): list and start.
    #[command(subcommand)]
    Isolations(cli::isolation::IsolationsCommand),
    /// Health checks (健康监测): add.
    #[command(subcommand)]
    Checks(cli::isolation::ChecksCommand),
    /// Gate checks (卡口): checkpoints, the day view, one entry.
    #[command(subcommand)]
    Gate(cli::gate::GateCommand),
    /// Publicity (宣传): the log and its totals.
    #[command(subcommand)]
    Publicity(cli::publicity::PublicityCommand),
    /// Import a list sent down (xlsx / xls / ods / csv): `people` or `arrivals`; a dry run
    /// with --dry-run.
    Import(cli::import::ImportArgs),
    /// The import history: list, undo an import, saved mappings.
    #[command(subcommand)]
    Imports(cli::import::ImportsCommand),
    /// Phone verification of people away and abroad (电话核实): list, add, log, counts.
    #[command(subcommand)]
    Calls(cli::calls::CallsCommand),
    /// Today's worklist: checks due, gaps, isolations ending, fevers, follow-ups.
    Worklist {
        /// The date (default: the statistical date).
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Supplies (物资发放): issues, stock, eligible households.
    #[command(subcommand)]
    Supplies(cli::supplies::SuppliesCommand),
    /// Enterprises resuming work (复工复产): list.
    #[command(subcommand)]
    Enterprises(cli::work::EnterprisesCommand),
    /// Work certificates (外出务工证明): list, print, call-backs due.
    #[command(subcommand)]
    Certificates(cli::work::CertificatesCommand),
    /// Export an official form to xlsx (报表导出): `export FORM --out FILE [--date D |
    /// --from D --to D] [--grid G] [--mask none|upward|public]`; `--list` the definitions.
    Export(cli::export::ExportArgs),
    /// Reports (报表): the daily statistics and the situation report (情况汇报).
    #[command(subcommand)]
    Report(cli::report::ReportCommand),
}

#[derive(Subcommand)]
enum PersonsCommand {
    /// List people, by address (户主 first), one page at a time. ID numbers and phones
    /// are masked.
    List {
        #[arg(long, value_name = "ID")]
        grid: Option<String>,
        #[arg(long, value_name = "ID")]
        building: Option<String>,
        #[arg(long, value_name = "ID")]
        household: Option<String>,
        /// hukou, resident, floating, away or abroad.
        #[arg(long, value_name = "STATUS")]
        status: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
    },
    /// Show one person. `--reveal` prints the full ID number and phone and records the
    /// view in the audit log.
    Show {
        id: String,
        #[arg(long)]
        reveal: bool,
    },
    /// Search by name, pinyin initials (zs), ID number or phone (full or last 4+), or
    /// address (12栋2单元301).
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
    },
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
        Command::Persons(command) => {
            persons(&mut ledger, command)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Arrivals(command) => {
            cli::arrivals::arrivals_command(&mut ledger, command)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::RiskAreas(command) => {
            cli::arrivals::risk_areas_command(&mut ledger, command)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Contacts(command) => {
            cli::arrivals::contacts_command(&mut ledger, command)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Isolations(command) => {
            cli::isolation::isolations_command(&mut ledger, command)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Checks(command) => {
            cli::isolation::checks_command(&mut ledger, command)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Gate(command) => {
            cli::gate::gate_command(&mut ledger, command)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Publicity(command) => {
            cli::publicity::publicity_command(&mut ledger, command)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Calls(command) => {
            cli::calls::calls_command(&mut ledger, command)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Report(command) => {
            cli::report::report_command(&mut ledger, command)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export(args) => Ok(if cli::export::export_command(&mut ledger, args)? {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }),
        Command::Worklist { on, json } => {
            cli::isolation::worklist_command(&ledger, on, json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Import(args) => {
            cli::import::import_command(&mut ledger, args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Imports(command) => {
            cli::import::imports_command(&mut ledger, command)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Supplies(command) => {
            cli::supplies::supplies_command(&ledger, command)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Enterprises(command) => {
            cli::work::enterprises_command(&ledger, command)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Certificates(command) => {
            cli::work::certificates_command(&mut ledger, command)?;
            Ok(ExitCode::SUCCESS)
        }
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

fn persons(ledger: &mut Ledger, command: PersonsCommand) -> gridledger::Result<()> {
    match command {
        PersonsCommand::List {
            grid,
            building,
            household,
            status,
            limit,
            offset,
        } => {
            let residence_status = match status.as_deref() {
                None => None,
                Some(code) => Some(ResidenceStatus::from_code(code).ok_or_else(|| {
                    Error::invalid(
                        "status",
                        format!("unknown residence status {code:?}: use hukou, resident, floating, away or abroad"),
                        "居住状态应为 户籍/常住/流动/外出/境外 之一",
                    )
                })?),
            };
            let filter = PersonFilter {
                grid_id: grid,
                building_id: building,
                household_id: household,
                residence_status,
                offset,
                limit,
                ..PersonFilter::default()
            };
            let page = register::list_people(ledger.conn(), &filter)?;
            for row in &page.rows {
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    row.id,
                    row.name,
                    row.id_number_masked.as_deref().unwrap_or("-"),
                    row.phone_masked.as_deref().unwrap_or("-"),
                    row.address.as_deref().unwrap_or("-"),
                    row.relation.as_deref().unwrap_or("-"),
                    row.residence_status.code(),
                );
            }
            println!(
                "{} of {} (from {})",
                page.rows.len(),
                page.total,
                offset + u32::from(!page.rows.is_empty())
            );
        }
        PersonsCommand::Show { id, reveal } => {
            let today = chrono::Local::now().date_naive();
            let p = register::get_person(ledger.conn(), &id, today)?;
            let (id_number, phone) = if reveal {
                // Seeing a full ID number or phone is itself a recorded event.
                ledger.write(&Actor::cli(), |tx| {
                    record_event(
                        tx,
                        AuditEvent::ViewSensitive,
                        "person",
                        &p.id,
                        &serde_json::json!({ "fields": ["id_number", "phone"], "via": "cli" }),
                    )
                })?;
                (p.id_number.clone(), p.phone.clone())
            } else {
                (
                    p.id_number
                        .as_deref()
                        .map(|s| mask_id(s, MaskPreset::Upward)),
                    p.phone
                        .as_deref()
                        .map(|s| mask_phone(s, MaskPreset::Public)),
                )
            };
            let field = |label: &str, value: Option<&str>| {
                println!("{label:<17} {}", value.unwrap_or("-"));
            };
            field("id:", Some(&p.id));
            field("name:", Some(&p.name));
            field("id number:", id_number.as_deref());
            field("birth date:", p.birth_date.as_deref());
            field("sex:", p.sex.as_deref());
            field("age:", p.age.map(|a| a.to_string()).as_deref());
            field("native region:", p.native_region.as_deref());
            field("phone:", phone.as_deref());
            field("address:", p.household_address.as_deref());
            field("relation:", p.relation.as_deref());
            field("residence status:", Some(p.residence_status.code()));
            field("current location:", p.current_location.as_deref());
            field("notes:", p.notes.as_deref());
            field(
                "updated:",
                Some(&format!("{} by {}", p.updated_at, p.updated_by)),
            );
        }
        PersonsCommand::Search {
            query,
            limit,
            offset,
        } => {
            let hits = search::search_people(ledger.conn(), &query, limit, offset)?;
            for hit in &hits {
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{:?}",
                    hit.person_id,
                    hit.name,
                    hit.id_number
                        .as_deref()
                        .map(|s| mask_id(s, MaskPreset::Upward))
                        .unwrap_or_else(|| "-".into()),
                    hit.phone
                        .as_deref()
                        .map(|s| mask_phone(s, MaskPreset::Public))
                        .unwrap_or_else(|| "-".into()),
                    hit.address.as_deref().unwrap_or("-"),
                    hit.matched,
                );
            }
            println!("{} found", hits.len());
        }
    }
    Ok(())
}
