//! `gridledger export FORM --out FILE …`: official forms to xlsx (报表导出), and the list
//! of form definitions with their validation state.

use std::path::PathBuf;

use clap::Args;
use gridledger::api::{ExportRequest, FormOrigin};
use gridledger::domain::masking::MaskPreset;
use gridledger::store::Actor;
use gridledger::{forms, Error, Ledger, Result};

#[derive(Args)]
pub struct ExportArgs {
    /// The form id (see `--list`), e.g. arrivals-screening.
    #[arg(required_unless_present_any = ["list", "log", "copy_definitions"])]
    form: Option<String>,
    /// The xlsx file to write (default: <data dir>/exports/<form>-<date>.xlsx).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// The report date: rows as of this day.
    #[arg(long, value_name = "DATE", conflicts_with_all = ["from", "to"])]
    date: Option<String>,
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// A grid (id or name); repeat for several.
    #[arg(long, value_name = "GRID")]
    grid: Vec<String>,
    /// The gate sheet's checkpoint (id or name; default: every checkpoint).
    #[arg(long, value_name = "CHECKPOINT")]
    checkpoint: Option<String>,
    /// none, upward or public (default: the form's own).
    #[arg(long, value_name = "PRESET")]
    mask: Option<String>,
    /// List the form definitions (shipped and user copies) with their validation state.
    #[arg(long)]
    list: bool,
    /// Print the export log, newest first.
    #[arg(long)]
    log: bool,
    /// Copy the shipped definitions into <data dir>/forms/ for editing.
    #[arg(long)]
    copy_definitions: bool,
}

fn mask(raw: &str) -> Result<MaskPreset> {
    match raw {
        "none" => Ok(MaskPreset::None),
        "upward" => Ok(MaskPreset::Upward),
        "public" => Ok(MaskPreset::Public),
        other => Err(Error::invalid(
            "mask",
            format!("unknown masking preset {other:?} (none, upward, public)"),
            format!("未知的脱敏方式“{other}”（none、upward、public）"),
        )),
    }
}

pub fn export_command(ledger: &mut Ledger, args: ExportArgs) -> Result<bool> {
    let data_dir = forms::data_dir_of(ledger);
    if args.copy_definitions {
        for path in forms::copy_shipped(&data_dir)? {
            println!("copied {}", path.display());
        }
        return Ok(true);
    }
    if args.list {
        let mut all_ok = true;
        for f in forms::list_forms(Some(&data_dir)) {
            let origin = match f.origin {
                FormOrigin::Shipped => "shipped".to_owned(),
                FormOrigin::User => f.path.clone().unwrap_or_default(),
            };
            let state = if f.valid {
                if f.in_use {
                    "ok"
                } else {
                    "ok (overridden)"
                }
            } else {
                all_ok = false;
                "INVALID"
            };
            println!("{}\t{}\t{}\t{state}\t{origin}", f.id, f.name, f.source);
            for p in &f.problems {
                println!("    {}", p.message);
                println!("    {}", p.message_zh);
            }
        }
        return Ok(all_ok);
    }
    if args.log {
        for e in forms::export_log(ledger.conn(), 100)? {
            println!(
                "{}\t{}\t{}\t{} rows\t{:?}\t{}\t{}",
                e.at, e.actor, e.form_id, e.rows, e.masking, e.filters, e.file_name
            );
        }
        return Ok(true);
    }
    let req = ExportRequest {
        form: args.form.unwrap_or_default(),
        date: args.date,
        from: args.from,
        to: args.to,
        grids: args.grid,
        masking: args.mask.as_deref().map(mask).transpose()?,
        checkpoint: args.checkpoint,
    };
    let done = match args.out {
        Some(out) => forms::export_form(ledger, &Actor::cli(), &req, &out)?,
        None => forms::export_to_data_dir(ledger, &Actor::cli(), &req)?,
    };
    println!(
        "exported {} rows of {} to {} (masking: {:?})",
        done.rows, done.form_id, done.path, done.masking
    );
    Ok(true)
}
