//! `gridledger arrivals …`, `risk-areas …` and `contacts …`: the night-time query
//! ("everyone who arrived from X since D") and its inputs, scriptable.

use clap::{Args, Subcommand};
use gridledger::api::{
    Arrival, ArrivalFilter, NewArrival, NewRiskArea, OriginClass, Place, RiskLevel, Transport,
};
use gridledger::store::Actor;
use gridledger::{arrivals, contacts, Error, Ledger, Result};

#[derive(Subcommand)]
pub enum ArrivalsCommand {
    /// List arrivals, newest first: id, name, ID number (masked), origin, class,
    /// departed, arrived, address, risk areas.
    List(ListArgs),
    /// Register an arrival of a person already in the register.
    Add(AddArgs),
}

#[derive(Args)]
pub struct ListArgs {
    /// Only arrivals whose origin lay in a risk area on the day they left.
    #[arg(long)]
    from_risk_area: bool,
    /// Only arrivals from this risk area (its id, as `risk-areas list` prints it).
    #[arg(long, value_name = "ID")]
    risk_area: Option<String>,
    /// Only origins in or under this region code (420000, 420100) or country code (KR).
    #[arg(long, value_name = "CODE")]
    within: Option<String>,
    /// Arrived on or after this date.
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Arrived on or before this date.
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    /// same-province, other-province, outside or unknown.
    #[arg(long, value_name = "CLASS")]
    class: Option<String>,
    #[arg(long, default_value_t = 100)]
    limit: u32,
    #[arg(long, default_value_t = 0)]
    offset: u32,
    /// Print JSON (the records as the desktop app receives them) instead of columns.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct AddArgs {
    /// The person's id.
    #[arg(long, value_name = "ID")]
    person: String,
    /// Where they came from: a region code (420100) or a country code (KR).
    #[arg(long, value_name = "CODE")]
    from: Option<String>,
    /// The origin as free text (city, address).
    #[arg(long, value_name = "TEXT")]
    from_text: Option<String>,
    #[arg(long, value_name = "DATE")]
    departed: Option<String>,
    #[arg(long, value_name = "DATE")]
    arrived: String,
    /// car, train, plane, coach or other.
    #[arg(long)]
    transport: Option<String>,
    /// Train or flight number, or plate.
    #[arg(long, value_name = "NO")]
    number: Option<String>,
    /// The temperature at screening, e.g. 36.5.
    #[arg(long)]
    temperature: Option<String>,
    #[arg(long)]
    note: Option<String>,
}

#[derive(Subcommand)]
pub enum RiskAreasCommand {
    /// List risk areas (in force first) with how many arrivals came from each.
    List {
        /// Decide what is in force on this date (default: today).
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Declare a risk area.
    Add {
        /// A region code (420100) or country code (KR).
        place: String,
        #[arg(long, value_name = "DATE")]
        from: String,
        #[arg(long, value_name = "DATE")]
        until: Option<String>,
        /// high or medium.
        #[arg(long, default_value = "high")]
        level: String,
        /// The notice that declared it.
        #[arg(long)]
        notice: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum ContactsCommand {
    /// A person's contact chain both ways: whom they were exposed to, and who to them.
    Chain { person: String },
}

/// A code as a place: six digits are a region, two letters a country.
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

fn class(code: &str) -> Result<OriginClass> {
    Ok(match code {
        "same-province" => OriginClass::SameProvince,
        "other-province" => OriginClass::OtherProvince,
        "outside" => OriginClass::Outside,
        "unknown" => OriginClass::Unknown,
        other => {
            return Err(Error::invalid(
                "class",
                format!(
                "unknown class {other:?}: use same-province, other-province, outside or unknown"
            ),
                "来源类别应为 省内/省外/境外/不详 之一",
            ))
        }
    })
}

fn print_arrival(a: &Arrival) {
    println!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        a.id,
        a.person_name,
        a.id_number_masked.as_deref().unwrap_or("-"),
        a.origin_name,
        a.origin_class.label_zh(),
        a.departed_on.as_deref().unwrap_or("-"),
        a.arrived_on,
        a.address.as_deref().unwrap_or("-"),
        if a.risk_areas.is_empty() {
            "-".to_owned()
        } else {
            a.risk_areas.join("、")
        },
    );
}

pub fn arrivals_command(ledger: &mut Ledger, command: ArrivalsCommand) -> Result<()> {
    match command {
        ArrivalsCommand::List(args) => {
            let filter = ArrivalFilter {
                origin_class: args.class.as_deref().map(class).transpose()?,
                from_risk_area: args.from_risk_area,
                risk_area_id: args.risk_area,
                within: args.within.as_deref().map(place).transpose()?,
                since: args.since,
                until: args.until,
                offset: args.offset,
                limit: args.limit,
                ..ArrivalFilter::default()
            };
            let page = arrivals::list_arrivals(ledger.conn(), &filter)?;
            if args.json {
                println!("{}", serde_json::to_string_pretty(&page)?);
            } else {
                for a in &page.rows {
                    print_arrival(a);
                }
                println!("{} of {}", page.rows.len(), page.total);
            }
        }
        ArrivalsCommand::Add(args) => {
            let transport = match args.transport.as_deref() {
                None => None,
                Some(code) => Some(Transport::from_code(code).ok_or_else(|| {
                    Error::invalid(
                        "transport",
                        format!(
                            "unknown transport {code:?}: use car, train, plane, coach or other"
                        ),
                        "交通方式应为 自驾/火车/飞机/客车/其他 之一",
                    )
                })?),
            };
            let new = NewArrival {
                person_id: args.person,
                origin: args.from.as_deref().map(place).transpose()?,
                origin_text: args.from_text,
                departed_on: args.departed,
                arrived_on: args.arrived,
                transport,
                transport_no: args.number,
                temperature: args.temperature,
                note: args.note,
                ..NewArrival::default()
            };
            let today = arrivals::today();
            let id = ledger.write(&Actor::cli(), |tx| arrivals::add_arrival(tx, &new, today))?;
            print_arrival(&arrivals::get_arrival(ledger.conn(), &id)?);
        }
    }
    Ok(())
}

pub fn risk_areas_command(ledger: &mut Ledger, command: RiskAreasCommand) -> Result<()> {
    match command {
        RiskAreasCommand::List { on, json } => {
            let on = match on {
                Some(raw) => arrivals::date_field("on", "日期", &raw)?,
                None => arrivals::today(),
            };
            let areas = arrivals::list_risk_areas(ledger.conn(), on)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&areas)?);
            } else {
                for a in &areas {
                    println!(
                        "{}\t{}\t{}\t{}\t{}\t{}\t{} arrivals",
                        a.id,
                        a.name,
                        a.level.label_zh(),
                        a.from_date,
                        a.until_date.as_deref().unwrap_or("-"),
                        if a.active { "active" } else { "inactive" },
                        a.arrivals
                    );
                }
                println!("{} risk areas", areas.len());
            }
        }
        RiskAreasCommand::Add {
            place: code,
            from,
            until,
            level,
            notice,
        } => {
            let level = RiskLevel::from_code(&level).ok_or_else(|| {
                Error::invalid(
                    "level",
                    format!("unknown level {level:?}: use high or medium"),
                    "风险等级应为 高风险/中风险",
                )
            })?;
            let area = NewRiskArea {
                place: place(&code)?,
                level,
                from_date: from,
                until_date: until,
                notice,
                note: None,
            };
            let id = ledger.write(&Actor::cli(), |tx| arrivals::add_risk_area(tx, &area))?;
            println!("{id}");
        }
    }
    Ok(())
}

pub fn contacts_command(ledger: &mut Ledger, command: ContactsCommand) -> Result<()> {
    match command {
        ContactsCommand::Chain { person } => {
            let chain = contacts::contact_chain(ledger.conn(), &person)?;
            for l in &chain.upstream {
                println!(
                    "up\t{}\t{} ← {}\t{}\t{}",
                    l.depth,
                    l.person_name,
                    l.index_person_name,
                    l.exposure.label_zh(),
                    l.last_contact_on
                );
            }
            for l in &chain.downstream {
                println!(
                    "down\t{}\t{} ← {}\t{}\t{}",
                    l.depth,
                    l.person_name,
                    l.index_person_name,
                    l.exposure.label_zh(),
                    l.last_contact_on
                );
            }
            println!(
                "{} upstream, {} downstream",
                chain.upstream.len(),
                chain.downstream.len()
            );
        }
    }
    Ok(())
}
