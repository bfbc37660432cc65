//! Arrivals (返乡 / 外来人员): who came into the area, from where, when and how, and how
//! they were at screening. With risk areas (`risk`) and close contacts
//! (`crate::contacts`) this is the "精准摸排" of the source document.
//!
//! An origin is a code (`place`), so that "everyone from under 湖北省" is an index range.
//! The origin class (省内 / 省外 / 境外) and "from a risk area" are derived when read:
//! both depend on things that change after the arrival was written (the home-region
//! setting, risk areas declared later), and a stored copy would go stale.

pub mod place;
pub mod risk;

use chrono::{Local, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, ToSql, Transaction};

use crate::api::{
    Arrival, ArrivalFilter, ArrivalPage, IsolationStatus, NewArrival, NewSweep, OriginClass, Place,
    RegisterArrival, RescreenArrivals, RescreenSummary, Symptom, Transport,
};
use crate::domain::date::format_iso;
use crate::domain::masking::{mask_id, MaskPreset};
use crate::domain::temperature::Temperature;
use crate::domain::text::normalize_text;
use crate::error::{Error, Result};
use crate::settings::{self, Settings};
use crate::store::rows;

pub use risk::{add_risk_area, delete_risk_area, list_risk_areas, update_risk_area};

/// The most arrivals one page may hold.
pub const MAX_PAGE: u32 = 500;

// The boundary helpers began here; other modules reach them through `arrivals::` too.
pub use crate::input::date_field;
pub(crate) use crate::input::{live, optional_date, optional_note, require};

/// An arrival checked and normalised, ready to be written.
struct Checked {
    person_id: String,
    region: Option<String>,
    country: Option<String>,
    origin_text: Option<String>,
    departed_on: Option<String>,
    arrived_on: String,
    transport: Option<&'static str>,
    transport_no: Option<String>,
    purpose: Option<String>,
    household_id: Option<String>,
    symptoms: String,
    temperature: Option<i16>,
    screened_on: String,
    screened_by: Option<String>,
    sweep_id: Option<String>,
    note: Option<String>,
}

fn check(tx: &Transaction, a: &NewArrival, today: NaiveDate) -> Result<Checked> {
    let person_id = a.person_id.trim().to_owned();
    require(tx, "person", "arrival.person_id", "人员", &person_id)?;
    let origin = a
        .origin
        .as_ref()
        .map(|p| place::validate("arrival.origin", p))
        .transpose()?;
    let origin_text = optional_note(a.origin_text.as_deref()).map(|t| normalize_text(&t));
    if origin.is_none() && origin_text.is_none() {
        return Err(Error::invalid(
            "arrival.origin",
            "the origin is missing",
            "请选择来源地（省/市/县或国家），或填写来源地说明",
        ));
    }
    let arrived = date_field("arrival.arrived_on", "到达日期", &a.arrived_on)?;
    if arrived > today {
        return Err(Error::invalid(
            "arrival.arrived_on",
            format!("the arrival date {arrived} is after today"),
            "到达日期不能晚于今天",
        ));
    }
    let departed = optional_date("arrival.departed_on", "离开日期", a.departed_on.as_deref())?;
    if departed.is_some_and(|d| d > arrived) {
        return Err(Error::invalid(
            "arrival.departed_on",
            "the departure date is after the arrival date",
            "离开来源地的日期不能晚于到达日期",
        ));
    }
    let screened_on = optional_date("arrival.screened_on", "摸排日期", a.screened_on.as_deref())?
        .unwrap_or(today);
    let temperature = match a
        .temperature
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(raw) => Some(
            Temperature::parse(raw)
                .map_err(|e| Error::invalid("arrival.temperature", e.to_string(), e.message_zh()))?
                .tenths(),
        ),
        None => None,
    };
    let household_id = match optional_note(a.household_id.as_deref()) {
        Some(h) => {
            require(tx, "household", "arrival.household_id", "住户", &h)?;
            Some(h)
        }
        None => tx
            .query_row(
                "SELECT household_id FROM person WHERE id = ?1",
                params![person_id],
                |r| r.get(0),
            )
            .optional()?
            .flatten(),
    };
    let screened_by = optional_note(a.screened_by.as_deref());
    if let Some(w) = &screened_by {
        require(tx, "worker", "arrival.screened_by", "摸排人", w)?;
    }
    let sweep_id = optional_note(a.sweep_id.as_deref());
    if let Some(s) = &sweep_id {
        require(tx, "sweep", "arrival.sweep_id", "摸排轮次", s)?;
    }
    let mut symptoms = a.symptoms.clone();
    symptoms.sort();
    symptoms.dedup();
    let (region, country) = match origin {
        Some(Place::Region(code)) => (Some(code), None),
        Some(Place::Country(code)) => (None, Some(code)),
        None => (None, None),
    };
    Ok(Checked {
        person_id,
        region,
        country,
        origin_text,
        departed_on: departed.map(format_iso),
        arrived_on: format_iso(arrived),
        transport: a.transport.map(Transport::code),
        transport_no: optional_note(a.transport_no.as_deref())
            .map(|t| normalize_text(&t).to_uppercase()),
        purpose: optional_note(a.purpose.as_deref()),
        household_id,
        symptoms: serde_json::to_string(&symptoms)?,
        temperature,
        screened_on: format_iso(screened_on),
        screened_by,
        sweep_id,
        note: optional_note(a.note.as_deref()),
    })
}

fn fields(c: &Checked) -> [(&'static str, &dyn ToSql); 16] {
    [
        ("person_id", &c.person_id),
        ("origin_region", &c.region),
        ("origin_country", &c.country),
        ("origin_text", &c.origin_text),
        ("departed_on", &c.departed_on),
        ("arrived_on", &c.arrived_on),
        ("transport", &c.transport),
        ("transport_no", &c.transport_no),
        ("purpose", &c.purpose),
        ("household_id", &c.household_id),
        ("symptoms", &c.symptoms),
        ("temperature", &c.temperature),
        ("screened_on", &c.screened_on),
        ("screened_by", &c.screened_by),
        ("sweep_id", &c.sweep_id),
        ("note", &c.note),
    ]
}

/// Register an arrival. `today` bounds the dates (nothing arrives tomorrow) and is the
/// default screening date.
pub fn add_arrival(tx: &Transaction, a: &NewArrival, today: NaiveDate) -> Result<String> {
    let checked = check(tx, a, today)?;
    let id = rows::insert(tx, "arrival", &fields(&checked))?;
    // Someone called while away comes home: the arrival closes their call target.
    crate::calls::link_arrival(tx, &id)?;
    Ok(id)
}

/// Register a person met at the door and their arrival in one write: a refused arrival
/// leaves no person behind, so the worker can correct the form and save again.
pub fn register_arrival(tx: &Transaction, r: &RegisterArrival, today: NaiveDate) -> Result<String> {
    tx.execute_batch("SAVEPOINT register_arrival")?;
    let written = (|| {
        let person = crate::register::add_person(tx, &r.person.as_new_person())?;
        add_arrival(
            tx,
            &NewArrival {
                person_id: person,
                ..r.arrival.clone()
            },
            today,
        )
    })();
    match written {
        Ok(id) => {
            tx.execute_batch("RELEASE register_arrival")?;
            Ok(id)
        }
        Err(e) => {
            tx.execute_batch("ROLLBACK TO register_arrival; RELEASE register_arrival")?;
            Err(e)
        }
    }
}

/// Replace an arrival's fields (the audit log keeps the old ones). A corrected person or
/// date may change which call target the arrival closes.
pub fn update_arrival(tx: &Transaction, id: &str, a: &NewArrival, today: NaiveDate) -> Result<()> {
    let checked = check(tx, a, today)?;
    rows::update(tx, "arrival", id, &fields(&checked))?;
    crate::calls::relink_arrival(tx, id)?;
    Ok(())
}

/// Remove an arrival registered by mistake.
pub fn delete_arrival(tx: &Transaction, id: &str) -> Result<()> {
    crate::calls::unlink_arrival(tx, id)?;
    rows::soft_delete(tx, "arrival", id)
}

/// An isolation's status from its start and how it ended (as `crate::isolation` derives
/// it), for the arrivals list.
fn isolation_status(start: &str, end_reason: Option<&str>, on: NaiveDate) -> IsolationStatus {
    match end_reason {
        Some("released") => IsolationStatus::Released,
        Some("lost") => IsolationStatus::Lost,
        Some(_) => IsolationStatus::Transferred,
        None if format_iso(on).as_str() < start => IsolationStatus::NotStarted,
        None => IsolationStatus::Active,
    }
}

/// Today as the core sees it: the local calendar date.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// One live arrival, with what is derived from it.
pub fn get_arrival(conn: &Connection, id: &str) -> Result<Arrival> {
    let page = list_arrivals_where(
        conn,
        "",
        ("a.id = ?", "a.id = ?"),
        None,
        vec![Box::new(id.to_owned())],
        0,
        1,
    )?;
    page.rows.into_iter().next().ok_or_else(|| Error::NotFound {
        entity: "arrival",
        id: id.to_owned(),
    })
}

/// Arrivals matching `filter`, newest arrival first.
pub fn list_arrivals(conn: &Connection, filter: &ArrivalFilter) -> Result<ArrivalPage> {
    let f = Filter::build(conn, filter)?;
    let limit = if filter.limit == 0 {
        20
    } else {
        filter.limit.min(MAX_PAGE)
    };
    list_arrivals_where(
        conn,
        f.join,
        (&f.count_clause, &f.page_clause),
        f.total,
        f.values,
        filter.offset,
        limit,
    )
}

/// An arrival filter as SQL: the join it needs, the clause for counting and the one for
/// paging (they differ only in how the risk-area condition is written), their values, and
/// the total when it can be had without the clause.
struct Filter {
    join: &'static str,
    count_clause: String,
    page_clause: String,
    values: Vec<Box<dyn ToSql>>,
    total: Option<u32>,
}

impl Filter {
    fn build(conn: &Connection, filter: &ArrivalFilter) -> Result<Filter> {
        let home = Settings::load(conn)?.home_region;
        let mut clauses: Vec<String> = Vec::new();
        let mut values: Vec<Box<dyn ToSql>> = Vec::new();
        if let Some(class) = filter.origin_class {
            let outside =
            "(a.origin_country IS NOT NULL OR substr(a.origin_region, 1, 2) IN ('71', '81', '82'))";
            match (class, home.as_deref()) {
                (OriginClass::Outside, _) => clauses.push(outside.to_owned()),
                (OriginClass::SameProvince, Some(home)) => {
                    clauses.push("substr(a.origin_region, 1, 2) = ?".to_owned());
                    values.push(Box::new(home.get(..2).unwrap_or("").to_owned()));
                }
                (OriginClass::OtherProvince, Some(home)) => {
                    clauses.push(format!(
                    "a.origin_region IS NOT NULL AND substr(a.origin_region, 1, 2) <> ? AND NOT {outside}"
                ));
                    values.push(Box::new(home.get(..2).unwrap_or("").to_owned()));
                }
                (OriginClass::Unknown, Some(_)) => {
                    clauses.push("a.origin_region IS NULL AND a.origin_country IS NULL".to_owned())
                }
                // Without a home region no mainland origin can be placed in or out of it.
                (OriginClass::SameProvince | OriginClass::OtherProvince, None) => {
                    clauses.push("0".to_owned())
                }
                (OriginClass::Unknown, None) => clauses.push(format!("NOT {outside}")),
            }
        }
        // `arrival_risk` (kept by triggers, migration 0005) says which live arrival came
        // from which live risk area. Counting is driven from it (`IN`: 25,000 index entries,
        // not 100,000 arrivals probed); the page walks arrivals newest first and probes it
        // (`EXISTS`: stops after a page of dense matches). The marker is replaced by one or
        // the other; both take the same parameters.
        let mut risk: Option<(&str, &str)> = None;
        if let Some(area) = optional_note(filter.risk_area_id.as_deref()) {
            risk = Some((
            "a.id IN (SELECT arrival_id FROM arrival_risk WHERE risk_area_id = ?)",
            "EXISTS (SELECT 1 FROM arrival_risk x WHERE x.arrival_id = a.id AND x.risk_area_id = ?)",
        ));
            clauses.push(RISK_MARKER.to_owned());
            values.push(Box::new(area));
        } else if filter.from_risk_area {
            risk = Some((
                "a.id IN (SELECT DISTINCT arrival_id FROM arrival_risk)",
                "EXISTS (SELECT 1 FROM arrival_risk x WHERE x.arrival_id = a.id)",
            ));
            clauses.push(RISK_MARKER.to_owned());
        }
        if let Some(within) = &filter.within {
            match place::validate("filter.within", within)? {
                Place::Region(code) => {
                    let prefix = place::region_prefix(&code).to_owned();
                    clauses.push("a.origin_region >= ? AND a.origin_region < ?".to_owned());
                    values.push(Box::new(prefix.clone()));
                    values.push(Box::new(format!("{prefix}:")));
                }
                Place::Country(code) => {
                    clauses.push("a.origin_country = ?".to_owned());
                    values.push(Box::new(code));
                }
            }
        }
        if let Some(since) = optional_date("filter.since", "开始日期", filter.since.as_deref())?
        {
            clauses.push("a.arrived_on >= ?".to_owned());
            values.push(Box::new(format_iso(since)));
        }
        if let Some(until) = optional_date("filter.until", "截止日期", filter.until.as_deref())?
        {
            clauses.push("a.arrived_on <= ?".to_owned());
            values.push(Box::new(format_iso(until)));
        }
        if let Some(grid) = optional_note(filter.grid_id.as_deref()) {
            clauses.push("h.grid_id = ?".to_owned());
            values.push(Box::new(grid));
        }
        if let Some(person) = optional_note(filter.person_id.as_deref()) {
            clauses.push("a.person_id = ?".to_owned());
            values.push(Box::new(person));
        }
        let clause = if clauses.is_empty() {
            "1".to_owned()
        } else {
            clauses.join(" AND ")
        };
        // The household is joined only to filter by grid: counting 25,000 matches must not
        // look up 25,000 households.
        let grid_join = if filter.grid_id.is_some() {
            "JOIN household h ON h.id = a.household_id"
        } else {
            ""
        };
        // Counting only by risk area is counting `arrival_risk` (which holds live arrivals
        // only): an index-only count instead of 25,000 arrival lookups.
        let only_risk = clauses.len() == 1 && risk.is_some() && filter.grid_id.is_none();
        let (count_clause, page_clause) = match risk {
            Some((count, page)) => (
                clause.replace(RISK_MARKER, count),
                clause.replace(RISK_MARKER, page),
            ),
            None => (clause.clone(), clause),
        };
        let total = if only_risk {
            Some(match optional_note(filter.risk_area_id.as_deref()) {
                Some(area) => conn.query_row(
                    "SELECT count(*) FROM arrival_risk WHERE risk_area_id = ?1",
                    params![area],
                    |r| r.get(0),
                )?,
                None => conn.query_row(
                    "SELECT count(DISTINCT arrival_id) FROM arrival_risk",
                    [],
                    |r| r.get(0),
                )?,
            })
        } else {
            None
        };
        Ok(Filter {
            join: grid_join,
            count_clause,
            page_clause,
            values,
            total,
        })
    }
}

/// Start a re-screening sweep (摸排轮次) over the homes of every arrival matching the
/// filter (all pages): the night-time "everyone from X since D", visited again.
pub fn rescreen_arrivals(tx: &Transaction, r: &RescreenArrivals) -> Result<RescreenSummary> {
    let f = Filter::build(tx, &r.filter)?;
    let (households, people, homeless): (Vec<String>, u32, u32) = {
        let mut stmt = tx.prepare(&format!(
            "SELECT a.household_id, a.person_id FROM arrival a {} \
             WHERE a.deleted_at IS NULL AND ({})",
            f.join, f.count_clause
        ))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(f.values.iter()), |row| {
                Ok((row.get::<_, Option<String>>(0)?, row.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let people: std::collections::HashSet<&String> = rows.iter().map(|(_, p)| p).collect();
        let homeless: std::collections::HashSet<&String> = rows
            .iter()
            .filter(|(h, _)| h.is_none())
            .map(|(_, p)| p)
            .collect();
        let households: Vec<String> = rows.iter().filter_map(|(h, _)| h.clone()).collect();
        (households, people.len() as u32, homeless.len() as u32)
    };
    let sweep_id = crate::sweep::create_sweep_over(
        tx,
        &NewSweep {
            name: r.name.clone(),
            start_date: r.start_date.clone(),
            note: r.note.clone(),
            ..NewSweep::default()
        },
        &households,
    )?;
    let count: u32 = tx.query_row(
        "SELECT count(*) FROM sweep_member WHERE sweep_id = ?1",
        params![sweep_id],
        |row| row.get(0),
    )?;
    Ok(RescreenSummary {
        sweep_id,
        households: count,
        people,
        without_household: homeless,
    })
}

/// Stands for the risk-area condition until the query is chosen (see `list_arrivals`).
const RISK_MARKER: &str = "<risk>";

fn list_arrivals_where(
    conn: &Connection,
    join: &str,
    (count_clause, page_clause): (&str, &str),
    total: Option<u32>,
    mut values: Vec<Box<dyn ToSql>>,
    offset: u32,
    limit: u32,
) -> Result<ArrivalPage> {
    // Ids first, from the indexes alone (count and page), then the page's rows with their
    // joins: sorting 25,000 full rows to show 50 would cost ten times the budget.
    let ids = |clause: &str| {
        format!(
            "SELECT a.id, a.arrived_on FROM arrival a {join} \
             WHERE a.deleted_at IS NULL AND ({clause})"
        )
    };
    let total: u32 = match total {
        Some(total) => total,
        None => conn.query_row(
            &format!("SELECT count(*) FROM ({})", ids(count_clause)),
            rusqlite::params_from_iter(values.iter()),
            |r| r.get(0),
        )?,
    };
    values.push(Box::new(limit));
    values.push(Box::new(offset));
    let page: Vec<String> = {
        let mut stmt = conn.prepare(&format!(
            "{} ORDER BY a.arrived_on DESC, a.id DESC LIMIT ? OFFSET ?",
            ids(page_clause)
        ))?;
        let ids = stmt
            .query_map(rusqlite::params_from_iter(values.iter()), |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        ids
    };
    let settings = Settings::load(conn)?;
    let threshold = settings::fever_threshold(&settings);
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.person_id, p.name, p.id_number, a.origin_region, a.origin_country, \
                a.origin_text, a.departed_on, a.arrived_on, a.transport, a.transport_no, \
                a.purpose, a.household_id, \
                (SELECT address FROM household_search s WHERE s.household_id = a.household_id), \
                (SELECT grid_id FROM household h WHERE h.id = a.household_id), \
                a.symptoms, a.temperature, a.screened_on, a.screened_by, \
                (SELECT name FROM worker w WHERE w.id = a.screened_by), a.sweep_id, a.note, \
                (SELECT json_group_array(name) FROM \
                   (SELECT r.name FROM arrival_risk x JOIN risk_area r ON r.id = x.risk_area_id \
                    WHERE x.arrival_id = a.id ORDER BY r.from_date, r.name)), \
                (SELECT json_array(i.start_date, i.end_reason) FROM isolation i \
                  WHERE i.person_id = a.person_id AND i.deleted_at IS NULL \
                  ORDER BY i.start_date DESC LIMIT 1) \
         FROM arrival a JOIN person p ON p.id = a.person_id WHERE a.id = ?1",
    )?;
    let mut out = Vec::with_capacity(page.len());
    for id in &page {
        let (mut a, symptoms, temperature, risk_areas, isolation) =
            stmt.query_row(params![id], |r| {
                let region: Option<String> = r.get(4)?;
                let country: Option<String> = r.get(5)?;
                let id_number: Option<String> = r.get(3)?;
                let transport: Option<String> = r.get(9)?;
                let symptoms: String = r.get(15)?;
                let temperature: Option<i16> = r.get(16)?;
                let risk_areas: String = r.get(22)?;
                let isolation: Option<String> = r.get(23)?;
                Ok((
                    Arrival {
                        id: r.get(0)?,
                        person_id: r.get(1)?,
                        person_name: r.get(2)?,
                        id_number_masked: id_number.map(|n| mask_id(&n, MaskPreset::Upward)),
                        origin: region
                            .map(Place::Region)
                            .or_else(|| country.map(Place::Country)),
                        origin_name: String::new(),
                        origin_text: r.get(6)?,
                        origin_class: OriginClass::Unknown,
                        departed_on: r.get(7)?,
                        arrived_on: r.get(8)?,
                        transport: transport.as_deref().and_then(Transport::from_code),
                        transport_no: r.get(10)?,
                        purpose: r.get(11)?,
                        household_id: r.get(12)?,
                        address: r.get(13)?,
                        grid_id: r.get(14)?,
                        symptoms: Vec::new(),
                        temperature: None,
                        fever: false,
                        screened_on: r.get(17)?,
                        screened_by: r.get(18)?,
                        screened_by_name: r.get(19)?,
                        sweep_id: r.get(20)?,
                        note: r.get(21)?,
                        risk_areas: Vec::new(),
                        isolation_status: None,
                    },
                    symptoms,
                    temperature,
                    risk_areas,
                    isolation,
                ))
            })?;
        a.symptoms = serde_json::from_str::<Vec<Symptom>>(&symptoms)?;
        a.risk_areas = serde_json::from_str::<Vec<String>>(&risk_areas)?;
        if let Some(isolation) = isolation {
            let (start, reason): (String, Option<String>) = serde_json::from_str(&isolation)?;
            a.isolation_status = Some(isolation_status(&start, reason.as_deref(), today()));
        }
        if let Some(tenths) = temperature {
            let t = Temperature::from_tenths(tenths).map_err(|e| {
                Error::invalid("arrival.temperature", e.to_string(), e.message_zh())
            })?;
            a.temperature = Some(t.to_string());
            a.fever = t.is_fever(threshold);
        }
        a.origin_class = place::origin_class(a.origin.as_ref(), settings.home_region.as_deref());
        a.origin_name = match &a.origin {
            Some(p) => place::name(p),
            None => a.origin_text.clone().unwrap_or_default(),
        };
        out.push(a);
    }
    Ok(ArrivalPage { rows: out, total })
}
