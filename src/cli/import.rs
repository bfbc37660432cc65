//! `gridledger import KIND FILE …` (a dry run or an import of a list sent down) and
//! `gridledger imports list|undo|mappings`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use clap::{Args, Subcommand};
use gridledger::api::{ImportKind, ImportMapping, ImportPreview, ImportRequest, RowStatus};
use gridledger::imports::{self, CommitOptions};
use gridledger::store::Actor;
use gridledger::{Error, Ledger, Result};

#[derive(Args)]
pub struct ImportArgs {
    /// people (户籍台账), arrivals (返乡/外来名单), call_targets (境外名单) or contacts (密接名单).
    kind: String,
    /// The file: .xlsx, .xls, .ods or .csv (UTF-8 or GBK/GB18030).
    file: PathBuf,
    /// The sheet by name or 1-based position (default: the first).
    #[arg(long, value_name = "S")]
    sheet: Option<String>,
    /// A mapping: a JSON file {"field": "column header or letter"}, or the source name of
    /// a saved mapping.
    #[arg(long, value_name = "M")]
    mapping: Option<String>,
    /// Save the mapping used under this source name (the sender) for next time.
    #[arg(long, value_name = "SOURCE")]
    save_mapping: Option<String>,
    /// The year of dates written without one (1月21日); default: the statistical date's.
    #[arg(long)]
    year: Option<i32>,
    /// Create the household an address names when it is not registered (新建户), with its
    /// unit, and its building when the address names the estate.
    #[arg(long)]
    create_households: bool,
    /// Show what would happen per row; write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Write the rejected rows with their reasons to this xlsx.
    #[arg(long, value_name = "XLSX")]
    errors: Option<PathBuf>,
    /// Print the preview as JSON (as the desktop app receives it).
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
pub enum ImportsCommand {
    /// The import history, newest first.
    List {
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    /// Undo an import as a whole (refused once something was changed on top of it).
    Undo { id: String },
    /// The saved mappings.
    Mappings,
}

fn kind_of(raw: &str) -> Result<ImportKind> {
    ImportKind::from_code(raw).ok_or_else(|| {
        Error::invalid(
            "import.kind",
            format!("unknown kind {raw:?} (people, arrivals, call_targets, contacts)"),
            "导入类型应为 people、arrivals、call_targets 或 contacts",
        )
    })
}

fn mapping_of(ledger: &Ledger, kind: ImportKind, m: &str) -> Result<BTreeMap<String, String>> {
    let path = std::path::Path::new(m);
    if path.is_file() {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        return Ok(serde_json::from_str(&text)?);
    }
    match imports::get_mapping(ledger.conn(), m, kind)? {
        Some(saved) => Ok(saved.columns),
        None => Err(Error::invalid(
            "import.mapping",
            format!("{m:?} is neither a file nor a saved mapping"),
            format!("“{m}”既不是映射文件，也不是已保存的映射"),
        )),
    }
}

pub fn import_command(ledger: &mut Ledger, args: ImportArgs) -> Result<()> {
    let kind = kind_of(&args.kind)?;
    let bytes = std::fs::read(&args.file).map_err(|e| Error::io(&args.file, e))?;
    let file_name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mapping = args
        .mapping
        .as_deref()
        .map(|m| mapping_of(ledger, kind, m))
        .transpose()?;
    let req = ImportRequest {
        kind,
        file_name,
        bytes,
        file_id: None,
        sheet: args.sheet,
        mapping,
        default_year: args.year,
        create_households: args.create_households.then_some(true),
    };
    let actor = Actor::cli();
    let (preview, import_id) = if args.dry_run {
        (imports::preview(ledger.conn(), &req)?, None)
    } else {
        let outcome = imports::commit(ledger, &actor, &req, &CommitOptions::default())?;
        (outcome.preview, Some(outcome.import_id))
    };
    if let Some(source) = &args.save_mapping {
        let columns = preview
            .columns
            .iter()
            .filter_map(|c| c.field.clone().map(|f| (f, c.header.clone())))
            .collect();
        ledger.write(&actor, |tx| {
            imports::save_mapping(
                tx,
                &ImportMapping {
                    source: source.clone(),
                    kind,
                    columns,
                },
            )
        })?;
    }
    if let Some(path) = &args.errors {
        let xlsx = imports::error_report(&req, &preview)?;
        std::fs::write(path, xlsx).map_err(|e| Error::io(path, e))?;
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&preview)?);
    } else {
        print_preview(&preview, import_id.as_deref());
    }
    Ok(())
}

fn print_preview(p: &ImportPreview, import_id: Option<&str>) {
    println!(
        "sheet: {} (header rows {})",
        p.sheet,
        p.header_rows
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    );
    for c in &p.columns {
        println!(
            "  {} {} → {}",
            c.letter,
            c.header,
            c.field.as_deref().unwrap_or("-")
        );
    }
    for r in &p.rows {
        let status = match r.status {
            RowStatus::Accepted if r.new_person => "new person",
            RowStatus::Accepted => "accepted",
            RowStatus::Unchanged => "unchanged",
            RowStatus::Duplicate => "duplicate",
            RowStatus::Error => "error",
        };
        let arrival = if r.new_arrival { " + arrival" } else { "" };
        println!(
            "row {:>5}  {status}{arrival}  {}  {} {}",
            r.row,
            r.name,
            r.cell.as_deref().unwrap_or(""),
            r.message_zh.as_deref().unwrap_or("")
        );
    }
    let c = &p.counts;
    println!(
        "rows: {}  accepted: {}  new people: {}  matched people: {}  new arrivals: {}  unchanged: {}  duplicates: {}  errors: {}",
        c.rows, c.accepted, c.new_people, c.matched_people, c.new_arrivals, c.unchanged, c.duplicates, c.errors
    );
    match import_id {
        Some(id) => println!("imported: {id}"),
        None => println!("dry run: nothing written"),
    }
}

pub fn imports_command(ledger: &mut Ledger, command: ImportsCommand) -> Result<()> {
    match command {
        ImportsCommand::List { limit, json } => {
            let list = imports::list_imports(ledger.conn(), limit)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&list)?);
            } else {
                for e in list {
                    println!(
                        "{}  {}  {}  {}  {}  accepted {}  errors {}{}",
                        e.id,
                        e.imported_at,
                        e.imported_by,
                        e.kind.code(),
                        e.file_name,
                        e.counts.accepted,
                        e.counts.errors,
                        if e.undone_at.is_some() {
                            "  (undone)"
                        } else {
                            ""
                        }
                    );
                }
            }
        }
        ImportsCommand::Undo { id } => {
            ledger.write(&Actor::cli(), |tx| imports::undo_import(tx, &id))?;
            println!("undone: {id}");
        }
        ImportsCommand::Mappings => {
            for m in imports::list_mappings(ledger.conn())? {
                println!(
                    "{}  {}  {}",
                    m.source,
                    m.kind.code(),
                    serde_json::to_string(&m.columns)?
                );
            }
        }
    }
    Ok(())
}
