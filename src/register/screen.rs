//! What the register's screens receive: people with ID numbers and phones masked, the
//! full values only when a worker asks (and that view is audited), what a typed ID number
//! says by itself, and the tree's levels. The desktop shell calls these and nothing
//! else, so masking is decided here, never in the UI.

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};

use super::{
    buildings_of_estate, communities_of_street, estates_of_grid, find_by_id_number, get_person,
    grids_of_community, households_directly_under_estate, households_directly_under_grid,
    households_of_building, households_of_unit, parse_id, streets, units_of_building,
};
use crate::api::{
    HouseholdRow, IdNumberInfo, PersonDetail, PersonHit, RegisterLevel, RegisterNode,
    RevealedPerson,
};
use crate::domain::masking::{mask_id, mask_phone, MaskPreset};
use crate::error::{Error, Result};
use crate::store::{record_event, AuditEvent};

/// ID numbers on screen show the first 6 and last 4 characters; phones 138****1234.
fn mask_id_for_screen(s: &str) -> String {
    mask_id(s, MaskPreset::Upward)
}

fn mask_phone_for_screen(s: &str) -> String {
    mask_phone(s, MaskPreset::Public)
}

/// A person for the drawer, masked.
pub fn person_for_screen(conn: &Connection, id: &str, on: NaiveDate) -> Result<PersonDetail> {
    let mut p = get_person(conn, id, on)?;
    p.id_number = p.id_number.as_deref().map(mask_id_for_screen);
    p.phone = p.phone.as_deref().map(mask_phone_for_screen);
    Ok(p)
}

/// Search hits for a pick list, masked.
pub fn hits_for_screen(hits: Vec<PersonHit>) -> Vec<PersonHit> {
    hits.into_iter()
        .map(|mut h| {
            h.id_number = h.id_number.as_deref().map(mask_id_for_screen);
            h.phone = h.phone.as_deref().map(mask_phone_for_screen);
            h
        })
        .collect()
}

/// The full ID number and phone of a person, recorded in the audit log as a view.
pub fn reveal_person(tx: &Transaction, id: &str, on: NaiveDate) -> Result<RevealedPerson> {
    let p = get_person(tx, id, on)?;
    record_event(
        tx,
        AuditEvent::ViewSensitive,
        "person",
        &p.id,
        &serde_json::json!({ "fields": ["id_number", "phone"] }),
    )?;
    Ok(RevealedPerson {
        id_number: p.id_number,
        phone: p.phone,
    })
}

/// What a typed ID number says by itself (derived fields, warnings), and whom it already
/// belongs to. An invalid number is an `Error::Invalid` with the reason in Chinese.
pub fn inspect_id_number(conn: &Connection, raw: &str, on: NaiveDate) -> Result<IdNumberInfo> {
    let parsed = parse_id(raw)?;
    let existing = find_by_id_number(conn, raw)?;
    Ok(IdNumberInfo {
        id_number: parsed.number.to_string(),
        birth_date: parsed.birth_date.format("%Y-%m-%d").to_string(),
        sex: match parsed.sex {
            crate::domain::id_number::Sex::Male => "male".into(),
            crate::domain::id_number::Sex::Female => "female".into(),
        },
        age: parsed.age_on(on),
        native_region: parsed.region_code.clone(),
        warnings_zh: parsed.warnings.iter().map(|w| w.message_zh()).collect(),
        existing,
    })
}

/// The nodes of `level` under `parent_id` (streets need none).
pub fn children(
    conn: &Connection,
    level: RegisterLevel,
    parent_id: Option<&str>,
) -> Result<Vec<RegisterNode>> {
    let parent = || {
        parent_id.ok_or_else(|| {
            Error::invalid(
                "parent_id",
                format!("listing {level:?} nodes needs the parent's id"),
                "缺少上级节点",
            )
        })
    };
    match level {
        RegisterLevel::Street => streets(conn),
        RegisterLevel::Community => communities_of_street(conn, parent()?),
        RegisterLevel::Grid => grids_of_community(conn, parent()?),
        RegisterLevel::Estate => estates_of_grid(conn, parent()?),
        RegisterLevel::Building => buildings_of_estate(conn, parent()?),
        RegisterLevel::Unit => units_of_building(conn, parent()?),
    }
}

/// The households of one node of the tree: a building's or unit's flats, or the
/// households directly under an estate or grid.
pub fn households_of(
    conn: &Connection,
    level: RegisterLevel,
    id: &str,
) -> Result<Vec<HouseholdRow>> {
    match level {
        RegisterLevel::Building => households_of_building(conn, id),
        RegisterLevel::Unit => households_of_unit(conn, id),
        RegisterLevel::Estate => households_directly_under_estate(conn, id),
        RegisterLevel::Grid => households_directly_under_grid(conn, id),
        RegisterLevel::Street | RegisterLevel::Community => Err(Error::invalid(
            "level",
            format!("{level:?} nodes hold no households directly"),
            "请选择网格、小区、楼栋或单元",
        )),
    }
}
