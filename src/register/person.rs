//! People in the register: editing a person, reading one with what is derived from the
//! record, listing people by where they live (with a total for paging), and finding the
//! record an ID number already belongs to, so a form offers it instead of a duplicate.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::{
    household_address, normalise_phone, parse_id, refuse_duplicate, required_name, Derived,
    ADDRESS_ORDER,
};
use crate::api::{PersonDetail, PersonFilter, PersonPage, PersonPatch, PersonRow, ResidenceStatus};
use crate::domain::id_number;
use crate::domain::masking::{mask_id, mask_phone, MaskPreset};
use crate::error::{Error, Result};
use crate::store::rows;

/// The page size when a filter asks for none, and the most rows one page may have.
const DEFAULT_PAGE: u32 = 50;
const MAX_PAGE: u32 = 1000;

/// A person's stored fields, as both editing and merging read them.
pub(super) struct PersonRecord {
    pub(super) name: String,
    /// Soft-deleted: editing treats it as absent, merging refuses it by name.
    pub(super) deleted: bool,
    pub(super) id_type: String,
    pub(super) id_number: Option<String>,
    pub(super) birth_date: Option<String>,
    pub(super) sex: Option<String>,
    pub(super) native_region: Option<String>,
    pub(super) phone: Option<String>,
    pub(super) household_id: Option<String>,
    pub(super) relation: Option<String>,
    pub(super) residence_status: String,
    pub(super) current_location: Option<String>,
    pub(super) notes: Option<String>,
}

/// The stored person `id`, live or soft-deleted; `NotFound` when there is no such row.
pub(super) fn record(tx: &Transaction, id: &str) -> Result<PersonRecord> {
    tx.query_row(
        "SELECT name, deleted_at IS NOT NULL, id_type, id_number, birth_date, sex, \
           native_region, phone, household_id, relation, residence_status, \
           current_location, notes \
         FROM person WHERE id = ?1",
        params![id],
        |r| {
            Ok(PersonRecord {
                name: r.get(0)?,
                deleted: r.get(1)?,
                id_type: r.get(2)?,
                id_number: r.get(3)?,
                birth_date: r.get(4)?,
                sex: r.get(5)?,
                native_region: r.get(6)?,
                phone: r.get(7)?,
                household_id: r.get(8)?,
                relation: r.get(9)?,
                residence_status: r.get(10)?,
                current_location: r.get(11)?,
                notes: r.get(12)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| not_found(id))
}

/// The live person `id`.
fn current(tx: &Transaction, id: &str) -> Result<PersonRecord> {
    let p = record(tx, id)?;
    if p.deleted {
        return Err(not_found(id));
    }
    Ok(p)
}

fn not_found(id: &str) -> Error {
    Error::NotFound {
        entity: "person",
        id: id.to_owned(),
    }
}

/// `None` keeps `old`; blank clears it; otherwise the new text, trimmed (free text such as
/// notes keeps its Chinese punctuation, as `add_person` stores it).
fn patched_text(new: Option<&String>, old: Option<String>) -> Option<String> {
    match new {
        None => old,
        Some(raw) => Some(raw.trim().to_owned()).filter(|s| !s.is_empty()),
    }
}

/// Change a person. Only the fields the patch sets change; the audit log records each
/// changed field as `[old, new]`. A new ID number is checked, re-derives birth date, sex
/// and native region, and is refused when another live person has it.
pub fn update_person(tx: &Transaction, id: &str, patch: &PersonPatch) -> Result<()> {
    let mut p = current(tx, id)?;
    if let Some(name) = &patch.name {
        p.name = required_name("person.name", name)?;
    }
    if let Some(raw) = &patch.id_number {
        if raw.trim().is_empty() {
            p.id_number = None;
            p.birth_date = None;
            p.sex = None;
            p.native_region = None;
        } else {
            let parsed = parse_id(raw)?;
            let number = parsed.number.to_string();
            refuse_duplicate(tx, &number, Some(id))?;
            let derived = Derived::from(&parsed);
            p.id_type = "resident_id".to_owned();
            p.id_number = Some(number);
            p.birth_date = Some(derived.birth_date);
            p.sex = Some(derived.sex.to_owned());
            p.native_region = Some(derived.native_region);
        }
    }
    if let Some(raw) = &patch.phone {
        p.phone = if raw.trim().is_empty() {
            None
        } else {
            Some(normalise_phone(raw)?)
        };
    }
    if let Some(raw) = &patch.household_id {
        let household = Some(raw.trim().to_owned()).filter(|s| !s.is_empty());
        if let Some(h) = &household {
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM household WHERE id = ?1 AND deleted_at IS NULL)",
                params![h],
                |r| r.get(0),
            )?;
            if !exists {
                return Err(Error::invalid(
                    "person.household_id",
                    format!("household {h} does not exist"),
                    "所选户不存在或已删除",
                ));
            }
        }
        p.household_id = household;
    }
    p.relation = patched_text(patch.relation.as_ref(), p.relation);
    if let Some(status) = patch.residence_status {
        p.residence_status = status.code().to_owned();
    }
    p.current_location = patched_text(patch.current_location.as_ref(), p.current_location);
    p.notes = patched_text(patch.notes.as_ref(), p.notes);
    rows::update(
        tx,
        "person",
        id,
        &[
            ("name", &p.name),
            ("id_type", &p.id_type),
            ("id_number", &p.id_number),
            ("birth_date", &p.birth_date),
            ("sex", &p.sex),
            ("native_region", &p.native_region),
            ("phone", &p.phone),
            ("household_id", &p.household_id),
            ("relation", &p.relation),
            ("residence_status", &p.residence_status),
            ("current_location", &p.current_location),
            ("notes", &p.notes),
        ],
    )
}

fn status_of(code: &str) -> rusqlite::Result<ResidenceStatus> {
    ResidenceStatus::from_code(code).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown residence status {code:?}").into(),
        )
    })
}

/// One live person with everything derived: age in whole years on `on`, the household's
/// address.
pub fn get_person(conn: &Connection, id: &str, on: NaiveDate) -> Result<PersonDetail> {
    let mut detail = conn
        .query_row(
            "SELECT id, name, id_type, id_number, birth_date, sex, native_region, phone, \
               household_id, relation, residence_status, current_location, notes, \
               created_at, updated_at, updated_by \
             FROM person WHERE id = ?1 AND deleted_at IS NULL",
            params![id],
            |r| {
                let status: String = r.get(10)?;
                Ok(PersonDetail {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    id_type: r.get(2)?,
                    id_number: r.get(3)?,
                    birth_date: r.get(4)?,
                    sex: r.get(5)?,
                    age: None,
                    native_region: r.get(6)?,
                    phone: r.get(7)?,
                    household_id: r.get(8)?,
                    household_address: None,
                    relation: r.get(9)?,
                    residence_status: status_of(&status)?,
                    current_location: r.get(11)?,
                    notes: r.get(12)?,
                    created_at: r.get(13)?,
                    updated_at: r.get(14)?,
                    updated_by: r.get(15)?,
                })
            },
        )
        .optional()?
        .ok_or_else(|| not_found(id))?;
    detail.age = detail
        .birth_date
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .map(|birth| id_number::age_on(birth, on));
    if let Some(household) = &detail.household_id {
        detail.household_address = match household_address(conn, household) {
            Ok(address) => Some(address),
            Err(Error::NotFound { .. }) => None,
            Err(e) => return Err(e),
        };
    }
    Ok(detail)
}

/// The person columns and household joins of a person list; `?1`…`?6` are the filter's
/// grid, estate, building, unit, household and residence status (NULL: any).
const PERSON_FROM: &str = "person p \
     LEFT JOIN household h ON h.id = p.household_id AND h.deleted_at IS NULL \
     LEFT JOIN grid g ON g.id = h.grid_id \
     LEFT JOIN estate e ON e.id = h.estate_id \
     LEFT JOIN unit u ON u.id = h.unit_id \
     LEFT JOIN building b ON b.id = u.building_id";
const PERSON_WHERE: &str = "p.deleted_at IS NULL \
     AND (?1 IS NULL OR h.grid_id = ?1) \
     AND (?2 IS NULL OR h.estate_id = ?2) \
     AND (?3 IS NULL OR u.building_id = ?3) \
     AND (?4 IS NULL OR h.unit_id = ?4) \
     AND (?5 IS NULL OR p.household_id = ?5) \
     AND (?6 IS NULL OR p.residence_status = ?6)";
const PERSON_COLUMNS: &str = "p.id, p.name, p.id_number, p.sex, p.birth_date, p.phone, \
     p.household_id, \
     CASE WHEN h.id IS NULL THEN NULL \
          ELSE coalesce(e.name, g.name) || coalesce(b.name, '') || coalesce(u.name, '') || h.room \
     END, \
     p.relation, p.residence_status";

fn person_row(r: &rusqlite::Row) -> rusqlite::Result<PersonRow> {
    let id_number: Option<String> = r.get(2)?;
    let phone: Option<String> = r.get(5)?;
    let status: String = r.get(9)?;
    Ok(PersonRow {
        id: r.get(0)?,
        name: r.get(1)?,
        id_number_masked: id_number.map(|n| mask_id(&n, MaskPreset::Upward)),
        sex: r.get(3)?,
        birth_date: r.get(4)?,
        phone_masked: phone.map(|n| mask_phone(&n, MaskPreset::Public)),
        household_id: r.get(6)?,
        address: r.get(7)?,
        relation: r.get(8)?,
        residence_status: status_of(&status)?,
    })
}

/// People matching `filter`, in address order, the head of household (户主) first in each
/// household, then spouse (配偶), then the others by name; people in no household come
/// last. `total` counts every match, not only this page.
pub fn list_people(conn: &Connection, filter: &PersonFilter) -> Result<PersonPage> {
    let limit = match filter.limit {
        0 => DEFAULT_PAGE,
        n => n.min(MAX_PAGE),
    };
    let status = filter.residence_status.map(ResidenceStatus::code);
    let total: u32 = conn.query_row(
        &format!("SELECT count(*) FROM {PERSON_FROM} WHERE {PERSON_WHERE}"),
        params![
            filter.grid_id,
            filter.estate_id,
            filter.building_id,
            filter.unit_id,
            filter.household_id,
            status
        ],
        |r| r.get(0),
    )?;
    let sql = format!(
        "SELECT {PERSON_COLUMNS} FROM {PERSON_FROM} WHERE {PERSON_WHERE} \
         ORDER BY h.id IS NULL, {ADDRESS_ORDER}, \
           CASE p.relation WHEN '户主' THEN 0 WHEN '配偶' THEN 1 ELSE 2 END, \
           p.name, p.id \
         LIMIT ?7 OFFSET ?8"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(
        params![
            filter.grid_id,
            filter.estate_id,
            filter.building_id,
            filter.unit_id,
            filter.household_id,
            status,
            limit,
            filter.offset
        ],
        person_row,
    )?;
    Ok(PersonPage {
        total,
        rows: rows.collect::<rusqlite::Result<_>>()?,
    })
}

/// The live person an ID number (as typed: 15 or 18 digits, full-width, lowercase x)
/// already belongs to, if any. An ID number that is not valid is an error, as in a form.
pub fn find_by_id_number(conn: &Connection, raw: &str) -> Result<Option<PersonRow>> {
    let number = parse_id(raw)?.number.to_string();
    Ok(conn
        .query_row(
            &format!(
                "SELECT {PERSON_COLUMNS} FROM {PERSON_FROM} \
                 WHERE p.deleted_at IS NULL AND p.id_type = 'resident_id' AND p.id_number = ?1"
            ),
            params![number],
            person_row,
        )
        .optional()?)
}
