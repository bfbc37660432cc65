//! `gridledger publicity …`: the publicity log (宣传) and its totals.

use clap::{Args, Subcommand};
use gridledger::api::{NewPublicity, Publicity, PublicityKind, PublicityRange};
use gridledger::store::Actor;
use gridledger::{publicity, Error, Ledger, Result};

#[derive(Subcommand)]
pub enum PublicityCommand {
    /// The log, newest first: date, kind, count, reach per item, place, buildings and
    /// units posted.
    List(RangeArgs),
    /// Totals per kind over the range, and the buildings and units posted.
    Totals(RangeArgs),
    /// Record one entry.
    Add {
        /// banner, screen, board, letter, wechat, posting, website (or 横幅 … 网站信息).
        #[arg(long)]
        kind: String,
        #[arg(long)]
        count: Option<u32>,
        /// People reached per item (members per group).
        #[arg(long)]
        reach: Option<u32>,
        #[arg(long)]
        place: Option<String>,
        #[arg(long, value_name = "DATE")]
        date: String,
        /// A unit posted (入户张贴); repeat for more.
        #[arg(long = "unit", value_name = "ID")]
        units: Vec<String>,
    },
}

#[derive(Args)]
pub struct RangeArgs {
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    #[arg(long)]
    json: bool,
}

fn print_entry(p: &Publicity) {
    println!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        p.id,
        p.date,
        p.kind.label_zh(),
        p.count,
        p.reach.map(|r| r.to_string()).unwrap_or_default(),
        p.place.as_deref().unwrap_or(""),
        p.buildings,
        p.units
    );
}

pub fn publicity_command(ledger: &mut Ledger, command: PublicityCommand) -> Result<()> {
    match command {
        PublicityCommand::List(r) => {
            let list = publicity::list_publicity(
                ledger.conn(),
                &PublicityRange {
                    from: r.from,
                    to: r.to,
                },
            )?;
            if r.json {
                println!("{}", serde_json::to_string_pretty(&list)?);
            } else {
                for p in &list {
                    print_entry(p);
                }
            }
        }
        PublicityCommand::Totals(r) => {
            let t = publicity::publicity_totals(
                ledger.conn(),
                &PublicityRange {
                    from: r.from,
                    to: r.to,
                },
            )?;
            if r.json {
                println!("{}", serde_json::to_string_pretty(&t)?);
            } else {
                for k in &t.kinds {
                    println!(
                        "{}\t{}\tentries {}\treach {}",
                        k.kind.code(),
                        k.count,
                        k.entries,
                        k.reach
                    );
                }
                println!("buildings\t{}", t.buildings);
                println!("units\t{}", t.units);
            }
        }
        PublicityCommand::Add {
            kind,
            count,
            reach,
            place,
            date,
            units,
        } => {
            let kind = PublicityKind::ALL
                .into_iter()
                .find(|k| k.code() == kind || k.label_zh() == kind)
                .ok_or_else(|| {
                    Error::invalid(
                        "kind",
                        format!(
                            "unknown kind {kind:?}: use banner, screen, board, letter, wechat, \
                             posting or website"
                        ),
                        "宣传方式应为 横幅/电子屏/宣传栏/一封信/微信群/入户张贴/网站信息 之一",
                    )
                })?;
            let new = NewPublicity {
                kind,
                count,
                reach,
                place,
                date,
                note: None,
                unit_ids: units,
            };
            let id = ledger.write(&Actor::cli(), |tx| publicity::add_publicity(tx, &new))?;
            println!("{id}");
        }
    }
    Ok(())
}
