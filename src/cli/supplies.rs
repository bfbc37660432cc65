//! `gridledger supplies list|stock|eligible`: supply issues, the stock of every item and
//! the households eligible for supplies.

use clap::Subcommand;
use gridledger::api::{EligibleQuery, SupplyIssueFilter};
use gridledger::settings::Settings;
use gridledger::{supplies, Ledger, Result};

#[derive(Subcommand)]
pub enum SuppliesCommand {
    /// List issues, latest first: date, item, quantity, address, person, worker.
    List {
        /// Only this item's.
        #[arg(long, value_name = "ID")]
        item: Option<String>,
        /// Only this household's (including what its members received).
        #[arg(long, value_name = "ID")]
        household: Option<String>,
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        #[arg(long, default_value_t = 100)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
        #[arg(long)]
        json: bool,
    },
    /// The stock of every item: name, unit, received, issued, balance, "low" at or below
    /// its warning level.
    Stock {
        #[arg(long)]
        json: bool,
    },
    /// Households eligible for supplies on a date, with the reasons and the last issue.
    Eligible {
        /// The date (default: the statistical date).
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
        /// Only those not yet served.
        #[arg(long)]
        unserved: bool,
        #[arg(long)]
        json: bool,
    },
}

pub fn supplies_command(ledger: &Ledger, command: SuppliesCommand) -> Result<()> {
    match command {
        SuppliesCommand::List {
            item,
            household,
            from,
            to,
            limit,
            offset,
            json,
        } => {
            let page = supplies::list_issues(
                ledger.conn(),
                &SupplyIssueFilter {
                    item_id: item,
                    household_id: household,
                    person_id: None,
                    from,
                    to,
                    limit,
                    offset,
                },
            )?;
            if json {
                println!("{}", serde_json::to_string_pretty(&page)?);
                return Ok(());
            }
            for i in &page.rows {
                println!(
                    "{}\t{}\t{}{}\t{}\t{}\t{}",
                    i.issued_on,
                    i.item_name,
                    i.quantity,
                    i.unit,
                    i.address.as_deref().unwrap_or("-"),
                    i.person_name.as_deref().unwrap_or("-"),
                    i.worker_name.as_deref().unwrap_or("-"),
                );
            }
            println!("{} of {}", page.rows.len(), page.total);
        }
        SuppliesCommand::Stock { json } => {
            let items = supplies::list_items(ledger.conn())?;
            if json {
                println!("{}", serde_json::to_string_pretty(&items)?);
                return Ok(());
            }
            for i in &items {
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    i.name,
                    i.unit,
                    i.received,
                    i.issued,
                    i.balance,
                    if i.low { "low" } else { "ok" }
                );
            }
        }
        SuppliesCommand::Eligible { on, unserved, json } => {
            let today =
                Settings::load(ledger.conn())?.statistical_date(chrono::Local::now().naive_local());
            let list = supplies::eligible_households(
                ledger.conn(),
                &EligibleQuery {
                    on,
                    item_id: None,
                    unserved_only: unserved,
                },
                today,
            )?;
            if json {
                println!("{}", serde_json::to_string_pretty(&list)?);
                return Ok(());
            }
            for e in &list {
                let reasons: Vec<&str> = e.reasons.iter().map(|r| r.label_zh()).collect();
                println!(
                    "{}\t{}\t{}\t{}",
                    e.address.as_deref().unwrap_or("-"),
                    reasons.join("、"),
                    e.people.join("、"),
                    e.last_issued_on.as_deref().unwrap_or("-")
                );
            }
            println!("{} households", list.len());
        }
    }
    Ok(())
}
