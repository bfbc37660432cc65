//! `gridledger enterprises list` and `gridledger certificates list|print|due`: work
//! resumption and work certificates.

use std::path::PathBuf;

use clap::Subcommand;
use gridledger::api::CertificateFilter;
use gridledger::settings::Settings;
use gridledger::store::Actor;
use gridledger::{certificates, enterprises, Ledger, Result};

#[derive(Subcommand)]
pub enum EnterprisesCommand {
    /// List enterprises: name, kind, workforce, visits, last visit (complete or not), open
    /// difficulties.
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum CertificatesCommand {
    /// List certificates, latest number first: number, name, masked ID number,
    /// destination, employer, issued on, call-backs, status.
    List {
        /// Only this year's.
        #[arg(long)]
        year: Option<u32>,
        /// Include voided ones.
        #[arg(long)]
        all: bool,
        #[arg(long, default_value_t = 100)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
        #[arg(long)]
        json: bool,
    },
    /// Write the printable A4 certificate (xlsx) of NUMBER (2020-0001) to FILE. The print
    /// carries the full ID number and is recorded in the audit log.
    Print {
        number: String,
        /// Default: `<data dir>/exports/外出务工证明-<number>.xlsx`.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// The call-back list: certificates whose holder was not yet reached after the
    /// settings' days.
    Due {
        /// The date (default: the statistical date).
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
}

pub fn enterprises_command(ledger: &Ledger, command: EnterprisesCommand) -> Result<()> {
    match command {
        EnterprisesCommand::List { json } => {
            let list = enterprises::list_enterprises(ledger.conn())?;
            if json {
                println!("{}", serde_json::to_string_pretty(&list)?);
                return Ok(());
            }
            for e in &list {
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    e.name,
                    e.kind.label_zh(),
                    e.workforce
                        .map(|w| w.to_string())
                        .unwrap_or_else(|| "-".into()),
                    e.visits,
                    e.last_visited_on.as_deref().unwrap_or("-"),
                    match e.last_visit_complete {
                        Some(true) => "complete",
                        Some(false) => "incomplete",
                        None => "-",
                    },
                    e.open_difficulties
                );
            }
            println!("{} enterprises", list.len());
        }
    }
    Ok(())
}

pub fn certificates_command(ledger: &mut Ledger, command: CertificatesCommand) -> Result<()> {
    match command {
        CertificatesCommand::List {
            year,
            all,
            limit,
            offset,
            json,
        } => {
            let page = certificates::list_certificates(
                ledger.conn(),
                &CertificateFilter {
                    person_id: None,
                    year,
                    include_voided: all,
                    limit,
                    offset,
                },
            )?;
            if json {
                println!("{}", serde_json::to_string_pretty(&page)?);
                return Ok(());
            }
            for c in &page.rows {
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    c.number,
                    c.person_name,
                    c.id_number_masked.as_deref().unwrap_or("-"),
                    c.destination,
                    c.employer.as_deref().unwrap_or("-"),
                    c.issued_on,
                    c.call_backs.len(),
                    if c.voided_on.is_some() {
                        "void"
                    } else {
                        "valid"
                    }
                );
            }
            println!("{} of {}", page.rows.len(), page.total);
        }
        CertificatesCommand::Print { number, out } => {
            let cert = certificates::find_by_number(ledger.conn(), &number)?;
            let out = out.unwrap_or_else(|| certificates::default_print_path(ledger, &cert.number));
            ledger.write(&Actor::cli(), |tx| {
                certificates::save_certificate_xlsx(tx, &cert.id, &out)
            })?;
            println!("{}\t{}", cert.number, out.display());
        }
        CertificatesCommand::Due { on } => {
            let on = match on {
                Some(raw) => gridledger::arrivals::date_field("on", "日期", &raw)?,
                None => Settings::load(ledger.conn())?
                    .statistical_date(chrono::Local::now().naive_local()),
            };
            let due = certificates::call_backs_due(ledger.conn(), on)?;
            for c in &due {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    c.number,
                    c.person_name,
                    c.phone_masked.as_deref().unwrap_or("-"),
                    c.destination,
                    c.issued_on
                );
            }
            println!("{} due", due.len());
        }
    }
    Ok(())
}
