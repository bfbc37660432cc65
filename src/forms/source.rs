//! Row sources: the core queries a form's columns are bound to.
//!
//! A source names its fields (with their kinds) and streams rows in the form's order, one
//! at a time, so a 100,000-row export never holds its rows in memory. Masking of ID
//! numbers and phones happens here, in the core, before any writer sees a value.
//!
//! Adding a form over new data is adding a variant here with its field list and query
//! (the ones over other modules' data are in `sources.rs`), and a JSON definition: the
//! engine does not change.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, ToSql};
use serde::{Deserialize, Serialize};

use super::definition::CellFormat;
use crate::api::{OriginClass, Place, Symptom};
use crate::arrivals::place;
use crate::domain::masking::{mask_id, mask_phone, MaskPreset};
use crate::error::{Error, Result};
use crate::settings::Settings;

/// The row sources the core provides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Source {
    /// One row per live arrival, oldest arrival first.
    Arrivals,
    /// One row per isolation, with its health checks as a day × slot grid.
    Isolations,
    /// One row per live close contact, with the index person and the isolation.
    Contacts,
    /// One row per live call target (境外/外出人员), with its latest call and the state
    /// derived by `calls`.
    CallTargets,
    /// One row per grid with the day's numbers of `stats::daily_stats` (every live grid,
    /// zeros included: 零报告).
    DailyReport,
    /// One row per enterprise visit (复工复产), with the 五到位 answers.
    EnterpriseVisits,
    /// One row per gate check (卡口 / 门岗), oldest first.
    GateChecks,
}

/// What a field holds, which decides its natural cell format and its masking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// The row number (序号), filled by the engine.
    Serial,
    Text,
    /// A stored code (male, train, household, …): mapped by the definition's `map`.
    Code,
    /// An ID or other document number: masked, written as text.
    IdNumber,
    /// A phone: masked, written as text.
    Phone,
    Date,
    Integer,
    /// Tenths of °C.
    Temperature,
    Bool,
    /// Temperatures per day and slot (tenths of °C), for a day grid.
    Checks,
}

impl FieldKind {
    pub fn natural_format(self) -> CellFormat {
        match self {
            FieldKind::Text | FieldKind::Code => CellFormat::Text,
            FieldKind::IdNumber | FieldKind::Phone => CellFormat::TextNumber,
            FieldKind::Date => CellFormat::Date,
            FieldKind::Serial | FieldKind::Integer => CellFormat::Integer,
            FieldKind::Temperature | FieldKind::Checks => CellFormat::Temperature,
            FieldKind::Bool => CellFormat::YesNo,
        }
    }

    /// Whether a column of this field may be written in `format`.
    pub fn accepts(self, format: CellFormat) -> bool {
        format == self.natural_format()
            || match self {
                // Anything but the grid and the ID number may be written as plain text
                // (an ID number must stay a "@" text cell).
                FieldKind::IdNumber | FieldKind::Checks => false,
                FieldKind::Text | FieldKind::Code => format == CellFormat::TextNumber,
                _ => format == CellFormat::Text,
            }
    }
}

/// A field of a source.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub kind: FieldKind,
}

const fn f(name: &'static str, kind: FieldKind) -> Field {
    Field { name, kind }
}

use FieldKind as K;

const ARRIVAL_FIELDS: &[Field] = &[
    f("serial", K::Serial),
    f("name", K::Text),
    f("sex", K::Code),
    f("age", K::Integer),
    f("idNumber", K::IdNumber),
    f("phone", K::Phone),
    f("address", K::Text),
    f("grid", K::Text),
    f("origin", K::Text),
    f("originClass", K::Code),
    f("fromRiskArea", K::Bool),
    f("departedOn", K::Date),
    f("arrivedOn", K::Date),
    f("transport", K::Code),
    f("transportNo", K::Text),
    f("purpose", K::Text),
    f("hasSymptoms", K::Bool),
    f("symptoms", K::Text),
    f("temperature", K::Temperature),
    f("measure", K::Code),
    f("isolationStart", K::Date),
    f("isolationEnd", K::Date),
    f("isolationPeriod", K::Text),
    f("responsibleWorker", K::Text),
    f("screenedOn", K::Date),
    f("screenedBy", K::Text),
    f("note", K::Text),
];

const ISOLATION_FIELDS: &[Field] = &[
    f("serial", K::Serial),
    f("name", K::Text),
    f("sex", K::Code),
    f("idNumber", K::IdNumber),
    f("phone", K::Phone),
    f("address", K::Text),
    f("grid", K::Text),
    f("kind", K::Code),
    f("startDate", K::Date),
    f("plannedEnd", K::Date),
    f("period", K::Text),
    f("endedOn", K::Date),
    f("endReason", K::Code),
    f("checks", K::Checks),
    f("symptoms", K::Text),
    f("monitor", K::Text),
    f("note", K::Text),
];

const CONTACT_FIELDS: &[Field] = &[
    f("serial", K::Serial),
    f("name", K::Text),
    f("sex", K::Code),
    f("idNumber", K::IdNumber),
    f("phone", K::Phone),
    f("address", K::Text),
    f("grid", K::Text),
    f("indexPerson", K::Text),
    f("exposure", K::Code),
    f("lastContactOn", K::Date),
    f("isolationStart", K::Date),
    f("isolationEnd", K::Date),
    f("status", K::Code),
    f("note", K::Text),
];

const CALL_TARGET_FIELDS: &[Field] = &[
    f("serial", K::Serial),
    f("name", K::Text),
    f("sex", K::Code),
    f("idNumber", K::IdNumber),
    f("address", K::Text),
    f("grid", K::Text),
    f("abroad", K::Bool),
    f("place", K::Text),
    f("reason", K::Code),
    f("awaySince", K::Date),
    f("phone", K::Phone),
    f("foreignPhone", K::Phone),
    f("relativeName", K::Text),
    f("relativePhone", K::Phone),
    f("calls", K::Integer),
    f("lastCalledOn", K::Date),
    f("lastOutcome", K::Code),
    f("state", K::Code),
    f("plansReturn", K::Bool),
    f("plannedReturnOn", K::Date),
    f("arrivedOn", K::Date),
    f("responsibleWorker", K::Text),
    f("note", K::Text),
];

const DAILY_REPORT_FIELDS: &[Field] = &[
    f("serial", K::Serial),
    f("community", K::Text),
    f("grid", K::Text),
    f("arrivalsNew", K::Integer),
    f("arrivalsTotal", K::Integer),
    f("arrivalsOtherProvinceNew", K::Integer),
    f("arrivalsOtherProvinceTotal", K::Integer),
    f("arrivalsOutsideNew", K::Integer),
    f("arrivalsOutsideTotal", K::Integer),
    f("arrivalsRiskAreaNew", K::Integer),
    f("arrivalsRiskAreaTotal", K::Integer),
    f("contactsNew", K::Integer),
    f("contactsTotal", K::Integer),
    f("contactsIsolated", K::Integer),
    f("isolationsNew", K::Integer),
    f("isolationsTotal", K::Integer),
    f("isolationsCurrent", K::Integer),
    f("isolationsReleased", K::Integer),
    f("isolationsReleasedTotal", K::Integer),
    f("callsNew", K::Integer),
    f("callsTotal", K::Integer),
    f("targets", K::Integer),
    f("gateChecksNew", K::Integer),
    f("gateChecksTotal", K::Integer),
    f("gateFeversNew", K::Integer),
    f("gateFeversTotal", K::Integer),
    f("gateRefusedNew", K::Integer),
    f("supplyIssuesNew", K::Integer),
    f("supplyIssuesTotal", K::Integer),
    f("supplyQuantityNew", K::Integer),
    f("supplyQuantityTotal", K::Integer),
    f("nilReport", K::Text),
];

const ENTERPRISE_VISIT_FIELDS: &[Field] = &[
    f("serial", K::Serial),
    f("enterprise", K::Text),
    f("kind", K::Code),
    f("address", K::Text),
    f("contactName", K::Text),
    f("contactPhone", K::Phone),
    f("workforce", K::Integer),
    f("grid", K::Text),
    f("visitedOn", K::Date),
    f("worker", K::Text),
    f("mechanism", K::Code),
    f("mechanismNote", K::Text),
    f("screening", K::Code),
    f("screeningNote", K::Text),
    f("supplies", K::Code),
    f("suppliesNote", K::Text),
    f("disinfection", K::Code),
    f("disinfectionNote", K::Text),
    f("safety", K::Code),
    f("safetyNote", K::Text),
    f("staffReturned", K::Integer),
    f("staffOnSite", K::Integer),
    f("staffFromRiskAreas", K::Integer),
    f("complete", K::Bool),
    f("difficulties", K::Text),
    f("note", K::Text),
];

const GATE_CHECK_FIELDS: &[Field] = &[
    f("serial", K::Serial),
    f("checkedOn", K::Date),
    f("time", K::Text),
    f("checkpoint", K::Text),
    f("name", K::Text),
    f("kind", K::Code),
    f("sex", K::Code),
    f("idNumber", K::IdNumber),
    f("phone", K::Phone),
    f("address", K::Text),
    f("reason", K::Text),
    f("temperature", K::Temperature),
    f("fever", K::Bool),
    f("result", K::Code),
    f("referral", K::Text),
    f("checkedBy", K::Text),
    f("note", K::Text),
];

impl Source {
    pub fn fields(self) -> &'static [Field] {
        match self {
            Source::Arrivals => ARRIVAL_FIELDS,
            Source::Isolations => ISOLATION_FIELDS,
            Source::Contacts => CONTACT_FIELDS,
            Source::CallTargets => CALL_TARGET_FIELDS,
            Source::DailyReport => DAILY_REPORT_FIELDS,
            Source::EnterpriseVisits => ENTERPRISE_VISIT_FIELDS,
            Source::GateChecks => GATE_CHECK_FIELDS,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Source::Arrivals => "arrivals",
            Source::Isolations => "isolations",
            Source::Contacts => "contacts",
            Source::CallTargets => "callTargets",
            Source::DailyReport => "dailyReport",
            Source::EnterpriseVisits => "enterpriseVisits",
            Source::GateChecks => "gateChecks",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Source::Arrivals => "返乡（外来）人员",
            Source::Isolations => "隔离人员",
            Source::Contacts => "密切接触者",
            Source::CallTargets => "电话核实对象",
            Source::DailyReport => "每日统计",
            Source::EnterpriseVisits => "复工复产企业走访",
            Source::GateChecks => "卡口体温检测",
        }
    }
}

/// A field's value in one row.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Date(NaiveDate),
    Integer(i64),
    /// Tenths of °C.
    Temperature(i16),
    Bool(bool),
    /// Per day × slot, tenths of °C.
    Checks(Vec<Option<i16>>),
}

impl Value {
    pub(super) fn text(v: Option<String>) -> Value {
        match v {
            Some(s) if !s.is_empty() => Value::Text(s),
            _ => Value::Empty,
        }
    }
    pub(super) fn date(v: Option<String>) -> Value {
        v.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
            .map_or(Value::Empty, Value::Date)
    }
    pub(super) fn temperature(v: Option<i16>) -> Value {
        v.map_or(Value::Empty, Value::Temperature)
    }
}

/// What rows a source yields: the report date or a range, and grids. Resolved from the
/// export's parameters.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// The report date: rows as of this day (default: no bound).
    pub date: Option<NaiveDate>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Grid ids (resolved); empty = every grid.
    pub grid_ids: Vec<String>,
    pub from_risk_area: bool,
    pub masking: Option<MaskPreset>,
    /// Gate checks: one checkpoint's (resolved id); none = every checkpoint.
    pub checkpoint_id: Option<String>,
}

impl Query {
    pub(super) fn mask(&self) -> MaskPreset {
        self.masking.unwrap_or(MaskPreset::Upward)
    }
    /// Lower and upper bounds on the source's date column.
    pub(super) fn bounds(&self) -> (Option<String>, Option<String>) {
        match (self.from, self.to, self.date) {
            (None, None, Some(d)) => (None, Some(d.to_string())),
            (from, to, _) => (from.map(|d| d.to_string()), to.map(|d| d.to_string())),
        }
    }
    /// The days the rows fall on: the one report date, or the range (each end open when
    /// not given). Unlike [`Query::bounds`], a report date alone is that day only.
    pub(super) fn day_bounds(&self) -> (Option<String>, Option<String>) {
        match (self.from, self.to, self.date) {
            (None, None, Some(d)) => (Some(d.to_string()), Some(d.to_string())),
            _ => self.bounds(),
        }
    }
    /// Whether a row of `grid_id` is kept by the grid filter (none chosen keeps all).
    pub(super) fn keeps_grid(&self, grid_id: Option<&String>) -> bool {
        self.grid_ids.is_empty() || grid_id.is_some_and(|g| self.grid_ids.contains(g))
    }
    /// The date ages and statuses are computed on.
    pub(super) fn as_of(&self) -> NaiveDate {
        self.date.or(self.to).unwrap_or_else(crate::arrivals::today)
    }
}

/// Grid ids for the given ids or names; a name or id that matches no grid is an error.
pub fn resolve_grids(conn: &Connection, grids: &[String]) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id, name FROM grid WHERE deleted_at IS NULL AND (id = ?1 OR name = ?1)",
    )?;
    for g in grids {
        let found = stmt
            .query_map([g], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if found.is_empty() {
            return Err(Error::invalid(
                "grid",
                format!("no grid {g:?}"),
                format!("没有网格“{g}”"),
            ));
        }
        out.extend(found);
    }
    Ok(out)
}

pub(super) fn grid_clause(
    column: &str,
    grid_ids: &[String],
    values: &mut Vec<Box<dyn ToSql>>,
) -> String {
    if grid_ids.is_empty() {
        return "1".to_owned();
    }
    for g in grid_ids {
        values.push(Box::new(g.clone()));
    }
    format!("{column} IN ({})", vec!["?"; grid_ids.len()].join(", "))
}

fn age_on(birth: Option<&str>, on: NaiveDate) -> Value {
    let Some(birth) = birth.and_then(|b| NaiveDate::parse_from_str(b, "%Y-%m-%d").ok()) else {
        return Value::Empty;
    };
    let mut age = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    Value::Integer(i64::from(age.max(0)))
}

fn symptoms_text(json: &str) -> Result<(bool, Value)> {
    if json == "[]" {
        return Ok((false, Value::Empty));
    }
    let list: Vec<Symptom> = serde_json::from_str(json)?;
    let text: Vec<&str> = list.iter().map(|s| s.label_zh()).collect();
    Ok((!list.is_empty(), Value::text(Some(text.join("、")))))
}

pub(super) fn masked(v: Option<String>, mask: MaskPreset, phone: bool) -> Value {
    match v {
        Some(s) if !s.is_empty() => Value::Text(if phone {
            mask_phone(&s, mask)
        } else {
            mask_id(&s, mask)
        }),
        _ => Value::Empty,
    }
}

/// Streams the rows of `source` matching `query` into `row` (one value per field of
/// [`Source::fields`]); stops after `limit` rows. Returns the row count.
pub fn for_each_row(
    conn: &Connection,
    source: Source,
    query: &Query,
    limit: Option<u64>,
    row: &mut dyn FnMut(Vec<Value>) -> Result<()>,
) -> Result<u64> {
    match source {
        Source::Arrivals => arrivals(conn, query, limit, row),
        Source::Isolations => isolations(conn, query, limit, row),
        Source::Contacts => contacts(conn, query, limit, row),
        Source::CallTargets => super::sources::call_targets(conn, query, limit, row),
        Source::DailyReport => super::sources::daily_report(conn, query, limit, row),
        Source::EnterpriseVisits => super::sources::enterprise_visits(conn, query, limit, row),
        Source::GateChecks => super::sources::gate_checks(conn, query, limit, row),
    }
}

/// The latest live isolation of the person, as a join.
const LATEST_ISOLATION: &str = "LEFT JOIN isolation i ON i.id = (SELECT id FROM isolation \
     WHERE person_id = p.id AND deleted_at IS NULL ORDER BY start_date DESC, id DESC LIMIT 1)";

/// The household (the arrival's, else the person's) with its address, grid and workers.
const HOUSEHOLD_JOINS: &str = "LEFT JOIN household_search hs ON hs.household_id = h.id \
     LEFT JOIN grid g ON g.id = h.grid_id \
     LEFT JOIN worker rw ON rw.id = h.responsible_worker_id \
     LEFT JOIN worker gw ON gw.id = g.worker_id";

pub(super) fn limit_clause(limit: Option<u64>) -> String {
    limit.map_or(String::new(), |n| format!(" LIMIT {n}"))
}

fn arrivals(
    conn: &Connection,
    query: &Query,
    limit: Option<u64>,
    out: &mut dyn FnMut(Vec<Value>) -> Result<()>,
) -> Result<u64> {
    let settings = Settings::load(conn)?;
    let home = settings.home_region.clone();
    let mask = query.mask();
    let as_of = query.as_of();
    let mut values: Vec<Box<dyn ToSql>> = Vec::new();
    let mut clauses = vec!["a.deleted_at IS NULL".to_owned()];
    let (low, high) = query.bounds();
    if let Some(low) = low {
        clauses.push("a.arrived_on >= ?".into());
        values.push(Box::new(low));
    }
    if let Some(high) = high {
        clauses.push("a.arrived_on <= ?".into());
        values.push(Box::new(high));
    }
    if query.from_risk_area {
        clauses.push("EXISTS (SELECT 1 FROM arrival_risk x WHERE x.arrival_id = a.id)".into());
    }
    clauses.push(grid_clause("h.grid_id", &query.grid_ids, &mut values));
    let sql = format!(
        "SELECT p.name, p.sex, p.birth_date, p.id_number, p.phone, hs.address, g.name, \
                a.origin_region, a.origin_country, a.origin_text, \
                EXISTS (SELECT 1 FROM arrival_risk x WHERE x.arrival_id = a.id), \
                a.departed_on, a.arrived_on, a.transport, a.transport_no, a.purpose, \
                a.symptoms, a.temperature, i.kind, i.start_date, \
                coalesce(i.ended_on, i.planned_end), coalesce(rw.name, iw.name, gw.name), \
                a.screened_on, sw.name, a.note \
         FROM arrival a JOIN person p ON p.id = a.person_id \
         LEFT JOIN household h ON h.id = coalesce(a.household_id, p.household_id) \
         {HOUSEHOLD_JOINS} {LATEST_ISOLATION} \
         LEFT JOIN worker iw ON iw.id = i.responsible_worker_id \
         LEFT JOIN worker sw ON sw.id = a.screened_by \
         WHERE {} ORDER BY a.arrived_on, a.id{}",
        clauses.join(" AND "),
        limit_clause(limit)
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(values.iter()))?;
    let mut origin_names: HashMap<(Option<String>, Option<String>), (Value, Value)> =
        HashMap::new();
    let mut n = 0u64;
    while let Some(r) = rows.next()? {
        n += 1;
        let mut buf: Vec<Value> = Vec::with_capacity(ARRIVAL_FIELDS.len());
        let birth: Option<String> = r.get(2)?;
        let region: Option<String> = r.get(7)?;
        let country: Option<String> = r.get(8)?;
        let (origin, class) = origin_names
            .entry((region, country))
            .or_insert_with_key(|(region, country)| {
                let place = region
                    .clone()
                    .map(Place::Region)
                    .or_else(|| country.clone().map(Place::Country));
                let class = place::origin_class(place.as_ref(), home.as_deref());
                let code = match class {
                    OriginClass::SameProvince => "sameProvince",
                    OriginClass::OtherProvince => "otherProvince",
                    OriginClass::Outside => "outside",
                    OriginClass::Unknown => "unknown",
                };
                (
                    place.map_or(Value::Empty, |p| Value::Text(place::name(&p))),
                    Value::Text(code.to_owned()),
                )
            })
            .clone();
        let origin = match origin {
            Value::Empty => Value::text(r.get(9)?),
            o => o,
        };
        let symptoms: String = r.get(16)?;
        let (has_symptoms, symptoms) = symptoms_text(&symptoms)?;
        let iso_start: Option<String> = r.get(19)?;
        let iso_end: Option<String> = r.get(20)?;
        let period = match (&iso_start, &iso_end) {
            (Some(s), Some(e)) => Value::Text(format!("{s}至{e}")),
            _ => Value::Empty,
        };
        buf.push(Value::Integer(n as i64));
        buf.push(Value::text(r.get(0)?));
        buf.push(Value::text(r.get(1)?));
        buf.push(age_on(birth.as_deref(), as_of));
        buf.push(masked(r.get(3)?, mask, false));
        buf.push(masked(r.get(4)?, mask, true));
        buf.push(Value::text(r.get(5)?));
        buf.push(Value::text(r.get(6)?));
        buf.push(origin);
        buf.push(class);
        buf.push(Value::Bool(r.get(10)?));
        buf.push(Value::date(r.get(11)?));
        buf.push(Value::date(r.get(12)?));
        buf.push(Value::text(r.get(13)?));
        buf.push(Value::text(r.get(14)?));
        buf.push(Value::text(r.get(15)?));
        buf.push(Value::Bool(has_symptoms));
        buf.push(symptoms);
        buf.push(Value::temperature(r.get(17)?));
        buf.push(Value::text(r.get(18)?));
        buf.push(Value::date(iso_start));
        buf.push(Value::date(iso_end));
        buf.push(period);
        buf.push(Value::text(r.get(21)?));
        buf.push(Value::date(r.get(22)?));
        buf.push(Value::text(r.get(23)?));
        buf.push(Value::text(r.get(24)?));
        out(buf)?;
    }
    Ok(n)
}

fn isolations(
    conn: &Connection,
    query: &Query,
    limit: Option<u64>,
    out: &mut dyn FnMut(Vec<Value>) -> Result<()>,
) -> Result<u64> {
    let mask = query.mask();
    let mut values: Vec<Box<dyn ToSql>> = Vec::new();
    let mut clauses = vec!["i.deleted_at IS NULL".to_owned()];
    // Isolations in force on the report date, or overlapping the range.
    let (low, high) = query.day_bounds();
    if let Some(low) = low {
        clauses.push("coalesce(i.ended_on, i.planned_end) >= ?".into());
        values.push(Box::new(low));
    }
    if let Some(high) = high {
        clauses.push("i.start_date <= ?".into());
        values.push(Box::new(high));
    }
    clauses.push(grid_clause("h.grid_id", &query.grid_ids, &mut values));
    let sql = format!(
        "SELECT i.id, p.name, p.sex, p.id_number, p.phone, coalesce(i.place, hs.address), \
                g.name, i.kind, i.start_date, i.planned_end, i.ended_on, i.end_reason, \
                i.checks_per_day, coalesce(iw.name, rw.name, gw.name), i.note \
         FROM isolation i JOIN person p ON p.id = i.person_id \
         LEFT JOIN household h ON h.id = p.household_id {HOUSEHOLD_JOINS} \
         LEFT JOIN worker iw ON iw.id = i.responsible_worker_id \
         WHERE {} ORDER BY i.start_date, p.name, i.id{}",
        clauses.join(" AND "),
        limit_clause(limit)
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut checks = conn.prepare_cached(
        "SELECT c.check_date, c.slot, c.temperature, c.symptoms, w.name \
         FROM health_check c LEFT JOIN worker w ON w.id = c.checked_by \
         WHERE c.isolation_id = ?1 AND c.deleted_at IS NULL ORDER BY c.check_date, c.slot",
    )?;
    let mut rows = stmt.query(rusqlite::params_from_iter(values.iter()))?;
    let mut n = 0u64;
    while let Some(r) = rows.next()? {
        n += 1;
        let mut buf: Vec<Value> = Vec::with_capacity(ISOLATION_FIELDS.len());
        let id: String = r.get(0)?;
        let start: String = r.get(8)?;
        let planned_end: String = r.get(9)?;
        let per_day: u32 = r.get(12)?;
        let start_date = NaiveDate::parse_from_str(&start, "%Y-%m-%d").map_err(|e| {
            Error::invalid(
                "isolation.start_date",
                e.to_string(),
                "隔离开始日期格式不对",
            )
        })?;
        let mut grid: Vec<Option<i16>> = Vec::new();
        let mut symptoms: Vec<&'static str> = Vec::new();
        let mut monitors: Vec<String> = Vec::new();
        let mut found = checks.query([&id])?;
        while let Some(c) = found.next()? {
            let date: String = c.get(0)?;
            let slot: u32 = c.get(1)?;
            let Ok(date) = NaiveDate::parse_from_str(&date, "%Y-%m-%d") else {
                continue;
            };
            let day = (date - start_date).num_days();
            if day < 0 || slot == 0 {
                continue;
            }
            let index = day as usize * per_day as usize + (slot as usize - 1);
            if grid.len() <= index {
                grid.resize(index + 1, None);
            }
            grid[index] = c.get(2)?;
            let s: String = c.get(3)?;
            if s != "[]" {
                for sym in serde_json::from_str::<Vec<Symptom>>(&s)? {
                    if !symptoms.contains(&sym.label_zh()) {
                        symptoms.push(sym.label_zh());
                    }
                }
            }
            if let Some(w) = c.get::<_, Option<String>>(4)? {
                if !monitors.contains(&w) {
                    monitors.push(w);
                }
            }
        }
        let monitor = if monitors.is_empty() {
            Value::text(r.get(13)?)
        } else {
            Value::Text(monitors.join("、"))
        };
        buf.push(Value::Integer(n as i64));
        buf.push(Value::text(r.get(1)?));
        buf.push(Value::text(r.get(2)?));
        buf.push(masked(r.get(3)?, mask, false));
        buf.push(masked(r.get(4)?, mask, true));
        buf.push(Value::text(r.get(5)?));
        buf.push(Value::text(r.get(6)?));
        buf.push(Value::text(r.get(7)?));
        buf.push(Value::Date(start_date));
        buf.push(Value::date(Some(planned_end.clone())));
        buf.push(Value::Text(format!("{start}至{planned_end}")));
        buf.push(Value::date(r.get(10)?));
        buf.push(Value::text(r.get(11)?));
        buf.push(Value::Checks(grid));
        buf.push(if symptoms.is_empty() {
            Value::Text("无".to_owned())
        } else {
            Value::Text(symptoms.join("、"))
        });
        buf.push(monitor);
        buf.push(Value::text(r.get(14)?));
        out(buf)?;
    }
    Ok(n)
}

fn contacts(
    conn: &Connection,
    query: &Query,
    limit: Option<u64>,
    out: &mut dyn FnMut(Vec<Value>) -> Result<()>,
) -> Result<u64> {
    let mask = query.mask();
    let as_of = query.as_of().to_string();
    let mut values: Vec<Box<dyn ToSql>> = vec![Box::new(as_of)];
    let mut clauses = vec!["c.deleted_at IS NULL".to_owned()];
    let (low, high) = query.bounds();
    if let Some(low) = low {
        clauses.push("c.last_contact_on >= ?".into());
        values.push(Box::new(low));
    }
    if let Some(high) = high {
        clauses.push("c.last_contact_on <= ?".into());
        values.push(Box::new(high));
    }
    clauses.push(grid_clause("h.grid_id", &query.grid_ids, &mut values));
    // The contact's isolation: the one started from this contact, else the person's latest.
    let sql = format!(
        "SELECT p.name, p.sex, p.id_number, p.phone, hs.address, g.name, ip.name, c.exposure, \
                c.last_contact_on, i.start_date, i.planned_end, \
                CASE WHEN i.id IS NULL THEN 'none' \
                     WHEN i.ended_on IS NOT NULL THEN i.end_reason \
                     WHEN i.start_date > ?1 THEN 'planned' \
                     ELSE 'isolating' END, \
                c.note \
         FROM contact c JOIN person p ON p.id = c.person_id \
         JOIN person ip ON ip.id = c.index_person_id \
         LEFT JOIN household h ON h.id = p.household_id {HOUSEHOLD_JOINS} \
         LEFT JOIN isolation i ON i.id = coalesce( \
             (SELECT id FROM isolation WHERE contact_id = c.id AND deleted_at IS NULL \
              ORDER BY start_date DESC LIMIT 1), \
             (SELECT id FROM isolation WHERE person_id = p.id AND deleted_at IS NULL \
              ORDER BY start_date DESC LIMIT 1)) \
         WHERE {} ORDER BY c.last_contact_on, ip.name, p.name, c.id{}",
        clauses.join(" AND "),
        limit_clause(limit)
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(values.iter()))?;
    let mut n = 0u64;
    while let Some(r) = rows.next()? {
        n += 1;
        let mut buf: Vec<Value> = Vec::with_capacity(CONTACT_FIELDS.len());
        buf.push(Value::Integer(n as i64));
        buf.push(Value::text(r.get(0)?));
        buf.push(Value::text(r.get(1)?));
        buf.push(masked(r.get(2)?, mask, false));
        buf.push(masked(r.get(3)?, mask, true));
        buf.push(Value::text(r.get(4)?));
        buf.push(Value::text(r.get(5)?));
        buf.push(Value::text(r.get(6)?));
        buf.push(Value::text(r.get(7)?));
        buf.push(Value::date(r.get(8)?));
        buf.push(Value::date(r.get(9)?));
        buf.push(Value::date(r.get(10)?));
        buf.push(Value::text(r.get(11)?));
        buf.push(Value::text(r.get(12)?));
        out(buf)?;
    }
    Ok(n)
}
