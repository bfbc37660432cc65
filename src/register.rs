//! The residents register (以房管人): street → community → grid → estate → building → unit
//! → household → person. Every other module points into it.
//!
//! Writes take `&Transaction` so a use case (an import, the demo) composes many of them
//! into one transaction. Input is validated here, at the boundary of the core.

use rusqlite::{params, OptionalExtension, Transaction};

use crate::api::ResidenceStatus;
use crate::domain::id_number;
use crate::domain::phone;
use crate::error::{Error, Result};
use crate::store::rows;

pub fn add_worker(tx: &Transaction, name: &str, phone: Option<&str>) -> Result<String> {
    let name = required_name("worker.name", name)?;
    let phone = phone.map(normalise_phone).transpose()?;
    rows::insert(tx, "worker", &[("name", &name), ("phone", &phone)])
}

pub fn add_street(tx: &Transaction, name: &str, region_code: &str) -> Result<String> {
    let name = required_name("street.name", name)?;
    rows::insert(
        tx,
        "street",
        &[("name", &name), ("region_code", &region_code)],
    )
}

pub fn add_community(tx: &Transaction, street_id: &str, name: &str) -> Result<String> {
    let name = required_name("community.name", name)?;
    rows::insert(
        tx,
        "community",
        &[("street_id", &street_id), ("name", &name)],
    )
}

pub fn add_grid(
    tx: &Transaction,
    community_id: &str,
    name: &str,
    worker_id: Option<&str>,
) -> Result<String> {
    let name = required_name("grid.name", name)?;
    rows::insert(
        tx,
        "grid",
        &[
            ("community_id", &community_id),
            ("name", &name),
            ("worker_id", &worker_id),
        ],
    )
}

pub fn add_estate(tx: &Transaction, grid_id: &str, name: &str) -> Result<String> {
    let name = required_name("estate.name", name)?;
    rows::insert(tx, "estate", &[("grid_id", &grid_id), ("name", &name)])
}

pub fn add_building(
    tx: &Transaction,
    estate_id: &str,
    name: &str,
    sort_key: i64,
) -> Result<String> {
    let name = required_name("building.name", name)?;
    rows::insert(
        tx,
        "building",
        &[
            ("estate_id", &estate_id),
            ("name", &name),
            ("sort_key", &sort_key),
        ],
    )
}

pub fn add_unit(tx: &Transaction, building_id: &str, name: &str, sort_key: i64) -> Result<String> {
    let name = required_name("unit.name", name)?;
    rows::insert(
        tx,
        "unit",
        &[
            ("building_id", &building_id),
            ("name", &name),
            ("sort_key", &sort_key),
        ],
    )
}

/// Where a household is: in a unit of a building, or directly under an estate or a grid.
#[derive(Debug, Clone)]
pub struct NewHousehold<'a> {
    pub grid_id: &'a str,
    pub estate_id: Option<&'a str>,
    pub unit_id: Option<&'a str>,
    pub room: &'a str,
    pub responsible_worker_id: Option<&'a str>,
}

pub fn add_household(tx: &Transaction, h: &NewHousehold) -> Result<String> {
    let room = required_name("household.room", h.room)?;
    rows::insert(
        tx,
        "household",
        &[
            ("grid_id", &h.grid_id),
            ("estate_id", &h.estate_id),
            ("unit_id", &h.unit_id),
            ("room", &room),
            ("responsible_worker_id", &h.responsible_worker_id),
        ],
    )
}

/// A person as typed at the boundary. Birth date, sex and native region are derived from
/// the ID number, never typed.
#[derive(Debug, Clone, Default)]
pub struct NewPerson<'a> {
    pub name: &'a str,
    /// A resident ID number (18 digits, or 15 to be upgraded).
    pub id_number: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub household_id: Option<&'a str>,
    pub relation: Option<&'a str>,
    pub residence_status: Option<ResidenceStatus>,
    pub current_location: Option<&'a str>,
    pub notes: Option<&'a str>,
}

/// Register a person. The same ID number cannot be entered twice: the error names the
/// person already registered.
pub fn add_person(tx: &Transaction, p: &NewPerson) -> Result<String> {
    let name = required_name("person.name", p.name)?;
    let parsed = p
        .id_number
        .filter(|s| !s.trim().is_empty())
        .map(|raw| {
            id_number::parse_id_number(raw)
                .map_err(|e| Error::invalid("person.id_number", e.to_string(), e.message_zh()))
        })
        .transpose()?;
    let phone = p
        .phone
        .filter(|s| !s.trim().is_empty())
        .map(normalise_phone)
        .transpose()?;

    let number = parsed.as_ref().map(|id| id.number.to_string());
    if let Some(number) = &number {
        let existing: Option<(String, String)> = tx
            .query_row(
                "SELECT id, name FROM person WHERE id_type = 'resident_id' AND id_number = ?1 \
                 AND deleted_at IS NULL",
                params![number],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((_, existing_name)) = existing {
            return Err(Error::invalid(
                "person.id_number",
                format!("ID number {number} is already registered (as {existing_name})"),
                format!("该身份证号已登记（{existing_name}），请打开已有人员，不要重复录入"),
            ));
        }
    }
    let birth_date = parsed
        .as_ref()
        .map(|id| id.birth_date.format("%Y-%m-%d").to_string());
    let sex = parsed.as_ref().map(|id| match id.sex {
        crate::domain::id_number::Sex::Male => "male",
        crate::domain::id_number::Sex::Female => "female",
    });
    let region = parsed.as_ref().map(|id| id.region_code.clone());
    let status = p
        .residence_status
        .unwrap_or(ResidenceStatus::Resident)
        .code();
    rows::insert(
        tx,
        "person",
        &[
            ("name", &name),
            ("id_type", &"resident_id"),
            ("id_number", &number),
            ("birth_date", &birth_date),
            ("sex", &sex),
            ("native_region", &region),
            ("phone", &phone),
            ("household_id", &p.household_id),
            ("relation", &p.relation),
            ("residence_status", &status),
            ("current_location", &p.current_location),
            ("notes", &p.notes),
        ],
    )
}

fn required_name(field: &'static str, raw: &str) -> Result<String> {
    let name = crate::domain::text::normalize_text(raw);
    if name.is_empty() {
        return Err(Error::invalid(
            field,
            format!("{field} is empty"),
            "名称不能为空",
        ));
    }
    Ok(name)
}

fn normalise_phone(raw: &str) -> Result<String> {
    phone::parse_phone(raw)
        .map(|p| p.as_str().to_owned())
        .map_err(|e| Error::invalid("phone", e.to_string(), e.message_zh()))
}
