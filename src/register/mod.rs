//! The residents register (以房管人): street → community → grid → estate → building → unit
//! → household → person. Every other module points into it.
//!
//! Writes take `&Transaction` so a use case (an import, the demo) composes many of them
//! into one transaction. Input is validated here, at the boundary of the core.
//!
//! The module is split by what a worker does: `hierarchy` (the tree, bulk creation of a
//! building, addresses), `person` (editing, reading and listing people) and `merge`
//! (joining two records of the same person), `worker` (grid workers). The simple "add one
//! row" writers live here.

mod hierarchy;
mod merge;
mod person;
mod screen;
mod worker;

pub use hierarchy::{
    buildings_of_estate, bulk_create_building, communities_of_street, estates_of_grid,
    grids_of_community, household_address, households_directly_under_estate,
    households_directly_under_grid, households_of_building, households_of_unit, streets,
    units_of_building,
};
pub(crate) use hierarchy::{household_rows, ADDRESS_ORDER, HOUSEHOLD_FROM};
pub use merge::merge_people;
pub use person::{find_by_id_number, get_person, list_people, update_person};
pub use screen::{
    children, hits_for_screen, households_of, inspect_id_number, person_for_screen, reveal_person,
};
pub use worker::{add_worker, list_workers};

use rusqlite::{params, OptionalExtension, Transaction};

use crate::api::ResidenceStatus;
use crate::domain::id_number;
use crate::domain::phone;
use crate::error::{Error, Result};
use crate::store::rows;

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

/// Register a household. When a unit is given, the estate and grid are derived from it and
/// a different estate or grid given alongside is refused; an estate given without a unit
/// must lie in the grid given.
pub fn add_household(tx: &Transaction, h: &NewHousehold) -> Result<String> {
    let room = required_name("household.room", h.room)?;
    let (grid_id, estate_id) = match h.unit_id {
        Some(unit_id) => {
            let found: Option<(String, String)> = tx
                .query_row(
                    "SELECT e.grid_id, e.id FROM unit u \
                     JOIN building b ON b.id = u.building_id \
                     JOIN estate e ON e.id = b.estate_id \
                     WHERE u.id = ?1 AND u.deleted_at IS NULL AND b.deleted_at IS NULL",
                    params![unit_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let Some((grid_id, estate_id)) = found else {
                return Err(Error::invalid(
                    "household.unit_id",
                    format!("unit {unit_id} does not exist"),
                    "所选单元不存在或已删除",
                ));
            };
            if h.estate_id.is_some_and(|e| e != estate_id) {
                return Err(Error::invalid(
                    "household.estate_id",
                    "the unit does not belong to the estate given",
                    "所选单元不属于该小区",
                ));
            }
            if h.grid_id != grid_id {
                return Err(Error::invalid(
                    "household.grid_id",
                    "the unit does not belong to the grid given",
                    "所选单元不属于该网格",
                ));
            }
            (grid_id, Some(estate_id))
        }
        None => {
            if let Some(estate_id) = h.estate_id {
                let grid: Option<String> = tx
                    .query_row(
                        "SELECT grid_id FROM estate WHERE id = ?1 AND deleted_at IS NULL",
                        params![estate_id],
                        |r| r.get(0),
                    )
                    .optional()?;
                match grid {
                    None => {
                        return Err(Error::invalid(
                            "household.estate_id",
                            format!("estate {estate_id} does not exist"),
                            "所选小区不存在或已删除",
                        ))
                    }
                    Some(g) if g != h.grid_id => {
                        return Err(Error::invalid(
                            "household.estate_id",
                            "the estate does not belong to the grid given",
                            "所选小区不属于该网格",
                        ))
                    }
                    Some(_) => {}
                }
            }
            (h.grid_id.to_owned(), h.estate_id.map(str::to_owned))
        }
    };
    rows::insert(
        tx,
        "household",
        &[
            ("grid_id", &grid_id),
            ("estate_id", &estate_id),
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
        refuse_duplicate(tx, number, None)?;
    }
    let derived = parsed.as_ref().map(Derived::from);
    let birth_date = derived.as_ref().map(|d| d.birth_date.clone());
    let sex = derived.as_ref().map(|d| d.sex);
    let region = derived.as_ref().map(|d| d.native_region.clone());
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

/// What an ID number says about its holder, as stored.
pub(crate) struct Derived {
    pub birth_date: String,
    pub sex: &'static str,
    pub native_region: String,
}

impl From<&id_number::ParsedIdNumber> for Derived {
    fn from(id: &id_number::ParsedIdNumber) -> Self {
        Derived {
            birth_date: id.birth_date.format("%Y-%m-%d").to_string(),
            sex: match id.sex {
                id_number::Sex::Male => "male",
                id_number::Sex::Female => "female",
            },
            native_region: id.region_code.clone(),
        }
    }
}

/// Parse an ID number typed at the boundary (`person.id_number` errors).
pub(crate) fn parse_id(raw: &str) -> Result<id_number::ParsedIdNumber> {
    id_number::parse_id_number(raw)
        .map_err(|e| Error::invalid("person.id_number", e.to_string(), e.message_zh()))
}

/// Refuse an ID number that a live person other than `except` already has; the error
/// names that person.
pub(crate) fn refuse_duplicate(tx: &Transaction, number: &str, except: Option<&str>) -> Result<()> {
    let existing: Option<(String, String)> = tx
        .query_row(
            "SELECT id, name FROM person WHERE id_type = 'resident_id' AND id_number = ?1 \
             AND deleted_at IS NULL AND (?2 IS NULL OR id <> ?2)",
            params![number, except],
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
    Ok(())
}

pub(crate) fn required_name(field: &'static str, raw: &str) -> Result<String> {
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

pub(crate) fn normalise_phone(raw: &str) -> Result<String> {
    phone::parse_phone(raw)
        .map(|p| p.as_str().to_owned())
        .map_err(|e| Error::invalid("phone", e.to_string(), e.message_zh()))
}

impl crate::api::PersonInput {
    /// The form's input as the register's `NewPerson`.
    pub fn as_new_person(&self) -> NewPerson<'_> {
        NewPerson {
            name: &self.name,
            id_number: self.id_number.as_deref(),
            phone: self.phone.as_deref(),
            household_id: self.household_id.as_deref(),
            relation: self.relation.as_deref(),
            residence_status: self.residence_status,
            current_location: self.current_location.as_deref(),
            notes: self.notes.as_deref(),
        }
    }
}
