//! `gridledger calls …`: phone verification of people away and abroad (电话核实), scriptable:
//! the day's call list, adding a target, logging a call, the counts.

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use gridledger::api::{
    CallChannel, CallOutcome, CallReason, CallState, CallTarget, CallTargetFilter, NewCall,
    NewCallTarget, Place,
};
use gridledger::settings::Settings;
use gridledger::store::Actor;
use gridledger::{arrivals, calls, Error, Ledger, Result};

#[derive(Subcommand)]
pub enum CallsCommand {
    /// List call targets: id, name, where, state, calls, last outcome, due date and why.
    /// With --due, the call list of that date (due on or before it; lost ones apart).
    List(ListArgs),
    /// Add a call target (someone away or abroad); prints its id.
    Add(AddArgs),
    /// Log a call to a target; prints the call id and the target's new state.
    Log(LogArgs),
    /// Counts by the latest call's outcome and by state.
    Counts {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct ListArgs {
    /// The call list of this date (default: all targets).
    #[arg(long, value_name = "DATE")]
    due: Option<String>,
    /// Only targets in this state: pending, not_returning, plans_return, returned, retry, lost.
    #[arg(long)]
    state: Option<String>,
    #[arg(long, value_name = "ID")]
    person: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct AddArgs {
    #[arg(long, value_name = "ID")]
    person: String,
    /// Where they are: a region code (420100) or a country code (KR).
    #[arg(long, value_name = "CODE")]
    place: Option<String>,
    #[arg(long)]
    city: Option<String>,
    /// tourism, study, work, family or other.
    #[arg(long, default_value = "other")]
    reason: String,
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// A mainland number (default: the register's).
    #[arg(long)]
    phone: Option<String>,
    /// A number abroad: +<country code> digits.
    #[arg(long)]
    foreign_phone: Option<String>,
    #[arg(long)]
    relative: Option<String>,
    #[arg(long)]
    relative_phone: Option<String>,
    #[arg(long, value_name = "ID")]
    worker: Option<String>,
}

#[derive(Args)]
pub struct LogArgs {
    #[arg(long, value_name = "ID")]
    target: String,
    /// not_returning, plans_return, returned, no_answer, powered_off, vacant_number,
    /// suspended, rejected or wrong_number.
    #[arg(long)]
    outcome: String,
    /// When (a date, or a date and time; default now).
    #[arg(long, value_name = "DATE")]
    at: Option<String>,
    /// phone, wechat, visit or relative.
    #[arg(long, default_value = "phone")]
    channel: String,
    /// With plans_return: the planned date.
    #[arg(long, value_name = "DATE")]
    planned_return: Option<String>,
    #[arg(long)]
    route: Option<String>,
    #[arg(long)]
    transport_no: Option<String>,
    #[arg(long, value_name = "ID")]
    worker: Option<String>,
    #[arg(long)]
    note: Option<String>,
}

fn statistical_date(ledger: &Ledger) -> Result<NaiveDate> {
    Ok(Settings::load(ledger.conn())?.statistical_date(chrono::Local::now().naive_local()))
}

fn place(code: &str) -> Result<Place> {
    let code = code.trim();
    if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(Place::Region(code.to_owned()))
    } else if code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(Place::Country(code.to_ascii_uppercase()))
    } else {
        Err(Error::invalid(
            "place",
            format!("{code:?} is neither a 6-digit region code nor a 2-letter country code"),
            "地点应为 6 位地区代码或 2 位国家代码",
        ))
    }
}

fn code<T: Copy>(
    field: &'static str,
    raw: &str,
    from: fn(&str) -> Option<T>,
    all: &[&str],
) -> Result<T> {
    from(raw).ok_or_else(|| {
        Error::invalid(
            field,
            format!("unknown {field} {raw:?}: use one of {}", all.join(", ")),
            format!("{field} 无效"),
        )
    })
}

fn codes<T: Copy>(all: &[T], code: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|&v| code(v)).collect()
}

fn print_target(t: &CallTarget) {
    println!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        t.id,
        t.person_name,
        t.place_name,
        t.state.label_zh(),
        t.calls,
        t.last_outcome.map_or("-", |o| o.label_zh()),
        t.due_on.as_deref().unwrap_or("-"),
        t.due_kind.map_or("-", |k| k.label_zh()),
    );
}

pub fn calls_command(ledger: &mut Ledger, command: CallsCommand) -> Result<()> {
    match command {
        CallsCommand::List(args) => {
            let state = args
                .state
                .as_deref()
                .map(|s| {
                    code(
                        "state",
                        s,
                        CallState::from_code,
                        &codes(CallState::ALL, CallState::code),
                    )
                })
                .transpose()?;
            if let Some(due) = args.due {
                let on = arrivals::date_field("due", "日期", &due)?;
                let list = calls::call_list(ledger.conn(), on)?;
                if args.json {
                    println!("{}", serde_json::to_string_pretty(&list)?);
                    return Ok(());
                }
                let keep = |t: &&CallTarget| {
                    state.is_none_or(|s| t.state == s)
                        && args.person.as_deref().is_none_or(|p| t.person_id == p)
                };
                for t in list.due.iter().filter(keep) {
                    print_target(t);
                }
                for t in list.lost.iter().filter(keep) {
                    print_target(t);
                }
                println!("{} due, {} lost on {}", list.due.len(), list.lost.len(), list.date);
            } else {
                let rows = calls::list_call_targets(
                    ledger.conn(),
                    &CallTargetFilter {
                        state,
                        person_id: args.person,
                        ..CallTargetFilter::default()
                    },
                )?;
                if args.json {
                    println!("{}", serde_json::to_string_pretty(&rows)?);
                    return Ok(());
                }
                for t in &rows {
                    print_target(t);
                }
                println!("{} targets", rows.len());
            }
        }
        CallsCommand::Add(args) => {
            let reason = code(
                "reason",
                &args.reason,
                CallReason::from_code,
                &codes(CallReason::ALL, CallReason::code),
            )?;
            let new = NewCallTarget {
                person_id: args.person,
                place: args.place.as_deref().map(place).transpose()?,
                city: args.city,
                reason: Some(reason),
                away_since: args.since,
                phone: args.phone,
                foreign_phone: args.foreign_phone,
                relative_name: args.relative,
                relative_phone: args.relative_phone,
                responsible_worker_id: args.worker,
                note: None,
            };
            let today = arrivals::today();
            let id = ledger.write(&Actor::cli(), |tx| {
                calls::add_call_target(tx, &new, today)
            })?;
            print_target(&calls::get_call_target(ledger.conn(), &id)?);
        }
        CallsCommand::Log(args) => {
            let outcome = code(
                "outcome",
                &args.outcome,
                CallOutcome::from_code,
                &codes(CallOutcome::ALL, CallOutcome::code),
            )?;
            let channel = code(
                "channel",
                &args.channel,
                CallChannel::from_code,
                &codes(CallChannel::ALL, CallChannel::code),
            )?;
            let target = args.target.clone();
            let new = NewCall {
                target_id: args.target,
                called_at: args.at,
                worker_id: args.worker,
                channel: Some(channel),
                outcome,
                planned_return_on: args.planned_return,
                return_route: args.route,
                return_transport_no: args.transport_no,
                life_status: None,
                health: None,
                note: args.note,
            };
            let now = chrono::Local::now().naive_local();
            let id = ledger.write(&Actor::cli(), |tx| calls::add_call(tx, &new, now))?;
            println!("call\t{id}");
            print_target(&calls::get_call_target(ledger.conn(), &target)?);
        }
        CallsCommand::Counts { json } => {
            let counts = calls::call_counts(ledger.conn(), statistical_date(ledger)?)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&counts)?);
                return Ok(());
            }
            println!("targets:   {} ({} abroad)", counts.targets, counts.abroad);
            println!("called:    {}", counts.called);
            println!("due today: {}", counts.due_today);
            for c in counts.by_outcome.iter().filter(|c| c.count > 0) {
                println!("{}\t{}", c.outcome.label_zh(), c.count);
            }
            for c in counts.by_state.iter().filter(|c| c.count > 0) {
                println!("{}\t{}", c.state.label_zh(), c.count);
            }
        }
    }
    Ok(())
}
