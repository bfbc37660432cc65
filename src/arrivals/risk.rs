//! Risk areas (风险地区): a region or country flagged from a date, and until a date when
//! lifted, with the notice that declared it.
//!
//! An arrival is "from a risk area" when its origin lies in (or under) an area that was in
//! force on the day it left (the arrival date when the departure is not known) — however
//! long after the arrival the area was declared. That is what makes the night-time
//! re-screening possible: declare the area, and the ledger already knows who came.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, ToSql, Transaction};

use super::place;
use super::{date_field, optional_date, optional_note};
use crate::api::{NewRiskArea, Place, RiskArea, RiskLevel};
use crate::domain::date::format_iso;
use crate::error::{Error, Result};
use crate::store::rows;

struct Checked {
    region: Option<String>,
    country: Option<String>,
    name: String,
    level: &'static str,
    from: String,
    until: Option<String>,
    notice: Option<String>,
    note: Option<String>,
}

fn check(a: &NewRiskArea) -> Result<Checked> {
    let place = place::validate("risk_area.place", &a.place)?;
    let from = date_field("risk_area.from_date", "起始日期", &a.from_date)?;
    let until = optional_date("risk_area.until_date", "截止日期", a.until_date.as_deref())?;
    if until.is_some_and(|u| u < from) {
        return Err(Error::invalid(
            "risk_area.until_date",
            "the end date is before the start date",
            "截止日期不能早于起始日期",
        ));
    }
    let name = place::name(&place);
    let (region, country) = match place {
        Place::Region(c) => (Some(c), None),
        Place::Country(c) => (None, Some(c)),
    };
    Ok(Checked {
        region,
        country,
        name,
        level: a.level.code(),
        from: format_iso(from),
        until: until.map(format_iso),
        notice: optional_note(a.notice.as_deref()),
        note: optional_note(a.note.as_deref()),
    })
}

fn fields(c: &Checked) -> [(&'static str, &dyn ToSql); 8] {
    [
        ("region_code", &c.region),
        ("country_code", &c.country),
        ("name", &c.name),
        ("level", &c.level),
        ("from_date", &c.from),
        ("until_date", &c.until),
        ("notice", &c.notice),
        ("note", &c.note),
    ]
}

/// Refuse a second live area for the same place whose dates overlap this one's: the
/// list must say once what is in force on a day.
fn refuse_overlap(tx: &Transaction, c: &Checked, except: Option<&str>) -> Result<()> {
    let clash: Option<(String, String)> = tx
        .query_row(
            "SELECT name, from_date FROM risk_area WHERE deleted_at IS NULL \
             AND region_code IS ?1 AND country_code IS ?2 AND id IS NOT ?3 \
             AND from_date <= coalesce(?5, '9999-12-31') \
             AND coalesce(until_date, '9999-12-31') >= ?4 LIMIT 1",
            params![c.region, c.country, except, c.from, c.until],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match clash {
        Some((name, from)) => Err(Error::invalid(
            "risk_area.place",
            format!("{name} is already a risk area from {from} over these dates"),
            format!("{name}已列为风险地区（自 {from} 起），日期与本条重叠；请修改原记录"),
        )),
        None => Ok(()),
    }
}

/// Declare a risk area.
pub fn add_risk_area(tx: &Transaction, a: &NewRiskArea) -> Result<String> {
    let c = check(a)?;
    refuse_overlap(tx, &c, None)?;
    rows::insert(tx, "risk_area", &fields(&c))
}

/// Change a risk area (typically: set its `until` date when it is lifted).
pub fn update_risk_area(tx: &Transaction, id: &str, a: &NewRiskArea) -> Result<()> {
    let c = check(a)?;
    refuse_overlap(tx, &c, Some(id))?;
    rows::update(tx, "risk_area", id, &fields(&c))
}

/// Remove a risk area entered by mistake (a lifted one keeps its row with `until`).
pub fn delete_risk_area(tx: &Transaction, id: &str) -> Result<()> {
    rows::soft_delete(tx, "risk_area", id)
}

/// Every live risk area, in force ones first (by start date), with how many arrivals
/// came from each. `on` decides what is in force.
pub fn list_risk_areas(conn: &Connection, on: NaiveDate) -> Result<Vec<RiskArea>> {
    let on = format_iso(on);
    let mut stmt = conn.prepare(
        "SELECT r.id, r.region_code, r.country_code, r.name, r.level, r.from_date, \
                r.until_date, r.notice, r.note, \
                r.from_date <= ?1 AND (r.until_date IS NULL OR r.until_date >= ?1) AS active, \
                (SELECT count(*) FROM arrival_risk x WHERE x.risk_area_id = r.id) \
         FROM risk_area r WHERE r.deleted_at IS NULL \
         ORDER BY active DESC, r.from_date DESC, r.name",
    )?;
    let areas = stmt
        .query_map(params![on], |r| {
            let region: Option<String> = r.get(1)?;
            let country: Option<String> = r.get(2)?;
            let level: String = r.get(4)?;
            Ok(RiskArea {
                id: r.get(0)?,
                place: region
                    .map(Place::Region)
                    .unwrap_or_else(|| Place::Country(country.unwrap_or_default())),
                name: r.get(3)?,
                level: RiskLevel::from_code(&level).unwrap_or_default(),
                from_date: r.get(5)?,
                until_date: r.get(6)?,
                notice: r.get(7)?,
                note: r.get(8)?,
                active: r.get(9)?,
                arrivals: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(areas)
}
