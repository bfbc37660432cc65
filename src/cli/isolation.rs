//! `gridledger isolations …`, `checks add` and `worklist`: isolation and health
//! monitoring, scriptable.

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use gridledger::api::{
    CheckMethod, CheckRound, Isolation, IsolationFilter, IsolationKind, NewCheck, NewIsolation,
};
use gridledger::settings::Settings;
use gridledger::store::Actor;
use gridledger::{arrivals, isolation, Error, Ledger, Result};

#[derive(Subcommand)]
pub enum IsolationsCommand {
    /// List isolations: id, name, kind, start, planned end, day N/M, status, checks done,
    /// missing, open fevers.
    List(ListArgs),
    /// Start an isolation for a person (dates from the policy unless given).
    Start(StartArgs),
}

#[derive(Args)]
pub struct ListArgs {
    /// Only those with checks due on this date.
    #[arg(long, value_name = "DATE")]
    due: Option<String>,
    /// Only those whose last day is this date.
    #[arg(long, value_name = "DATE")]
    ending: Option<String>,
    /// Only this person's.
    #[arg(long, value_name = "ID")]
    person: Option<String>,
    /// Compute day N and gaps on this date (default: the statistical date).
    #[arg(long, value_name = "DATE")]
    on: Option<String>,
    #[arg(long, default_value_t = 100)]
    limit: u32,
    #[arg(long, default_value_t = 0)]
    offset: u32,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct StartArgs {
    #[arg(long, value_name = "ID")]
    person: String,
    /// home (居家隔离), central (集中隔离) or monitoring (居家健康监测).
    #[arg(long, default_value = "home")]
    kind: String,
    /// Count from this arrival (its date, or its departure as the policy says).
    #[arg(long, value_name = "ID")]
    arrival: Option<String>,
    /// Count from this contact's last contact date.
    #[arg(long, value_name = "ID")]
    contact: Option<String>,
    /// Day 1 (default: as the policy proposes).
    #[arg(long, value_name = "DATE")]
    start: Option<String>,
    /// Length in days (default: the policy's).
    #[arg(long)]
    days: Option<u32>,
}

#[derive(Subcommand)]
pub enum ChecksCommand {
    /// Record one health check (re-recording a slot corrects it). Prints the check id and
    /// the fever event raised, if any.
    Add {
        #[arg(long, value_name = "ID")]
        isolation: String,
        #[arg(long, value_name = "DATE")]
        date: String,
        /// 1 = 上午, 2 = 下午 (with two checks a day).
        #[arg(long)]
        slot: u32,
        #[arg(long)]
        temperature: Option<String>,
        /// visit, phone or self.
        #[arg(long, default_value = "visit")]
        method: String,
    },
}

fn statistical_date(ledger: &Ledger) -> Result<NaiveDate> {
    Ok(Settings::load(ledger.conn())?.statistical_date(chrono::Local::now().naive_local()))
}

fn print_isolation(i: &Isolation) {
    println!(
        "{}\t{}\t{}\t{}\t{}\t{}/{}\t{}\t{}\t{}\t{}",
        i.id,
        i.person_name,
        i.kind.label_zh(),
        i.start_date,
        i.planned_end,
        i.day,
        i.days,
        i.status.label_zh(),
        i.checks_done,
        i.checks_missing,
        i.open_fevers
    );
}

pub fn isolations_command(ledger: &mut Ledger, command: IsolationsCommand) -> Result<()> {
    match command {
        IsolationsCommand::List(args) => {
            let filter = IsolationFilter {
                due: args.due,
                ending: args.ending,
                person_id: args.person,
                on: args.on,
                limit: args.limit,
                offset: args.offset,
                ..IsolationFilter::default()
            };
            let page =
                isolation::list_isolations(ledger.conn(), &filter, statistical_date(ledger)?)?;
            if args.json {
                println!("{}", serde_json::to_string_pretty(&page)?);
            } else {
                for i in &page.rows {
                    print_isolation(i);
                }
                println!("{} of {}", page.rows.len(), page.total);
            }
        }
        IsolationsCommand::Start(args) => {
            let kind = IsolationKind::from_code(&args.kind).ok_or_else(|| {
                Error::invalid(
                    "kind",
                    format!(
                        "unknown kind {:?}: use home, central or monitoring",
                        args.kind
                    ),
                    "隔离方式应为 居家隔离/集中隔离/居家健康监测 之一",
                )
            })?;
            let new = NewIsolation {
                person_id: args.person,
                kind,
                arrival_id: args.arrival,
                contact_id: args.contact,
                start_date: args.start,
                days: args.days,
                place: None,
                responsible_worker_id: None,
                note: None,
            };
            let today = arrivals::today();
            let id = ledger.write(&Actor::cli(), |tx| {
                isolation::start_isolation(tx, &new, today)
            })?;
            print_isolation(&isolation::get_isolation(
                ledger.conn(),
                &id,
                statistical_date(ledger)?,
            )?);
        }
    }
    Ok(())
}

pub fn checks_command(ledger: &mut Ledger, command: ChecksCommand) -> Result<()> {
    match command {
        ChecksCommand::Add {
            isolation: id,
            date,
            slot,
            temperature,
            method,
        } => {
            let method = CheckMethod::from_code(&method).ok_or_else(|| {
                Error::invalid(
                    "method",
                    format!("unknown method {method:?}: use visit, phone or self"),
                    "监测方式应为 上门/电话/自报 之一",
                )
            })?;
            let round = CheckRound {
                checks: vec![NewCheck {
                    isolation_id: id,
                    date,
                    slot,
                    temperature,
                    symptoms: Vec::new(),
                    method,
                    checked_by: None,
                    note: None,
                }],
            };
            let today = arrivals::today();
            let out = ledger.write(&Actor::cli(), |tx| isolation::add_checks(tx, &round, today))?;
            for c in &out.checks {
                println!("check\t{c}");
            }
            for f in &out.fevers {
                println!("fever\t{f}");
            }
        }
    }
    Ok(())
}

/// `gridledger worklist`: the day's work, as counts and names.
pub fn worklist_command(ledger: &Ledger, on: Option<String>, json: bool) -> Result<()> {
    let on = match on {
        Some(raw) => arrivals::date_field("on", "日期", &raw)?,
        None => statistical_date(ledger)?,
    };
    let w = isolation::worklist(ledger.conn(), on)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&w)?);
        return Ok(());
    }
    println!("date:             {}", w.date);
    let slots: Vec<String> = w.due_per_slot.iter().map(u32::to_string).collect();
    println!(
        "checks due:       {} ({} per slot)",
        w.due.len(),
        slots.join("/")
    );
    let names = |list: &[Isolation]| {
        list.iter()
            .map(|i| i.person_name.as_str())
            .collect::<Vec<_>>()
            .join("、")
    };
    println!(
        "overdue:          {} {}",
        w.overdue.len(),
        names(&w.overdue)
    );
    println!(
        "ending today:     {} {}",
        w.ending_today.len(),
        names(&w.ending_today)
    );
    println!(
        "ending tomorrow:  {} {}",
        w.ending_tomorrow.len(),
        names(&w.ending_tomorrow)
    );
    println!(
        "release due:      {} {}",
        w.release_due.len(),
        names(&w.release_due)
    );
    println!(
        "open fevers:      {} {}",
        w.fevers.len(),
        w.fevers
            .iter()
            .map(|f| format!("{} {}℃", f.person_name, f.temperature))
            .collect::<Vec<_>>()
            .join("、")
    );
    println!("follow-ups due:   {}", w.follow_ups.len());
    Ok(())
}
