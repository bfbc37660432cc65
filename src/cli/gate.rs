//! `gridledger gate …`: checkpoints, the day view of gate checks, and adding one entry.

use clap::{Args, Subcommand};
use gridledger::api::{
    GateCheck, GateCounts, GateDayQuery, NewCheckpoint, NewGateCheck, Visitor, VoidGateCheck,
};
use gridledger::store::Actor;
use gridledger::{arrivals, gate, search, Error, Ledger, Result};

#[derive(Subcommand)]
pub enum GateCommand {
    /// The checkpoints (卡口).
    Checkpoints,
    /// Add a checkpoint.
    AddCheckpoint {
        name: String,
        #[arg(long)]
        place: Option<String>,
    },
    /// One calendar day of gate checks: counts per checkpoint (checked, visitors, fever,
    /// refused), entries per hour, then the entries (newest first).
    List(ListArgs),
    /// Check one entry: a person found by --who (ID number, phone tail ≥ 4, name or
    /// pinyin; it must find exactly one) or a visitor (--visitor-name …). A fever refuses
    /// entry and raises a fever event.
    Add(AddArgs),
    /// Void an entry typed wrongly (its id, from `gate list`), with the reason; an open
    /// fever event it raised goes with it.
    Void {
        id: String,
        #[arg(long)]
        reason: String,
    },
}

#[derive(Args)]
pub struct ListArgs {
    /// The day (default: today).
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
    /// Only this checkpoint (by name).
    #[arg(long, value_name = "NAME")]
    checkpoint: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct AddArgs {
    /// The checkpoint's name.
    #[arg(long, value_name = "NAME")]
    checkpoint: String,
    /// Who: an ID number, a phone (tail), a name or pinyin.
    #[arg(long, value_name = "QUERY", conflicts_with = "visitor_name")]
    who: Option<String>,
    #[arg(long, value_name = "NAME")]
    visitor_name: Option<String>,
    #[arg(long, value_name = "PHONE")]
    visitor_phone: Option<String>,
    #[arg(long, value_name = "ID")]
    visitor_id: Option<String>,
    #[arg(long)]
    reason: Option<String>,
    /// °C, e.g. 36.5.
    #[arg(long)]
    temperature: String,
    /// "YYYY-MM-DD HH:MM" (default: now).
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
}

fn print_counts(label: &str, c: &GateCounts) {
    println!(
        "{label}\tchecked {}\tvisitors {}\tfever {}\trefused {}",
        c.checked, c.visitors, c.fever, c.refused
    );
}

fn print_check(c: &GateCheck) {
    println!(
        "{}\t{}\t{}\t{}\t{}\t{}℃\t{}\t{}",
        c.id,
        c.checked_at,
        c.checkpoint_name,
        c.name,
        if c.visitor { "访客" } else { "登记人员" },
        c.temperature,
        if c.admitted { "放行" } else { "未准入" },
        c.referral.as_deref().unwrap_or("")
    );
}

pub fn gate_command(ledger: &mut Ledger, command: GateCommand) -> Result<()> {
    match command {
        GateCommand::Checkpoints => {
            for c in gate::list_checkpoints(ledger.conn())? {
                println!("{}\t{}\t{}", c.id, c.name, c.place.unwrap_or_default());
            }
        }
        GateCommand::AddCheckpoint { name, place } => {
            let id = ledger.write(&Actor::cli(), |tx| {
                gate::add_checkpoint(
                    tx,
                    &NewCheckpoint {
                        name,
                        place,
                        note: None,
                    },
                )
            })?;
            println!("{id}");
        }
        GateCommand::List(args) => {
            let checkpoint_id = match &args.checkpoint {
                Some(name) => Some(gate::checkpoint_by_name(ledger.conn(), name)?.id),
                None => None,
            };
            let day = gate::gate_day(
                ledger.conn(),
                &GateDayQuery {
                    date: args.date,
                    checkpoint_id: checkpoint_id.clone(),
                },
                arrivals::today(),
            )?;
            if args.json {
                println!("{}", serde_json::to_string_pretty(&day)?);
                return Ok(());
            }
            println!("date: {}", day.date);
            for c in &day.checkpoints {
                if checkpoint_id
                    .as_deref()
                    .is_none_or(|id| id == c.checkpoint.id)
                {
                    print_counts(&c.checkpoint.name, &c.counts);
                }
            }
            print_counts("total", &day.total);
            let hours: Vec<String> = day
                .per_hour
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .map(|(h, n)| format!("{h:02}时 {n}"))
                .collect();
            println!("per hour: {}", hours.join(", "));
            for c in &day.checks {
                print_check(c);
            }
        }
        GateCommand::Add(args) => {
            let checkpoint = gate::checkpoint_by_name(ledger.conn(), &args.checkpoint)?;
            let person_id = match &args.who {
                Some(q) => {
                    let hits = search::search_people(ledger.conn(), q, 5, 0)?;
                    match hits.as_slice() {
                        [one] => Some(one.person_id.clone()),
                        [] => {
                            return Err(Error::invalid(
                                "who",
                                format!(
                                    "nobody matches {q:?}; record a visitor with --visitor-name"
                                ),
                                "查无此人，请按来访人员登记",
                            ))
                        }
                        many => {
                            let names: Vec<&str> = many.iter().map(|h| h.name.as_str()).collect();
                            return Err(Error::invalid(
                                "who",
                                format!("{q:?} matches several people: {}", names.join(", ")),
                                "匹配到多人，请输入更完整的证件号或电话",
                            ));
                        }
                    }
                }
                None => None,
            };
            let visitor = args.visitor_name.map(|name| Visitor {
                name,
                phone: args.visitor_phone,
                id_number: args.visitor_id,
                reason: args.reason,
            });
            let new = NewGateCheck {
                checkpoint_id: checkpoint.id,
                person_id,
                visitor,
                temperature: args.temperature,
                checked_at: args.at,
                ..NewGateCheck::default()
            };
            let out = ledger.write(&Actor::cli(), |tx| {
                gate::add_gate_check(tx, &new, gate::now())
            })?;
            print_check(&gate::get_gate_check(ledger.conn(), &out.id)?);
            if let Some(f) = &out.fever_event_id {
                println!("fever\t{f}");
            }
        }
        GateCommand::Void { id, reason } => {
            ledger.write(&Actor::cli(), |tx| {
                gate::void_gate_check(
                    tx,
                    &VoidGateCheck {
                        id: id.clone(),
                        reason,
                    },
                )
            })?;
            println!("voided\t{id}");
        }
    }
    Ok(())
}
