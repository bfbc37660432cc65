//! The register tree (street → community → grid → estate → building → unit → household):
//! the listings a tree view expands node by node, household addresses, and the bulk
//! creation of a whole building, because typing 144 flats one by one is how a night is
//! lost.
//!
//! Addresses are computed, never stored: "幸福家园12栋2单元301" is the estate, building and
//! unit names and the room, so renaming a building renames every address in it.

use std::collections::HashSet;

use rusqlite::{params, params_from_iter, Connection, OptionalExtension, ToSql, Transaction};

use super::required_name;
use crate::api::{BulkBuilding, BulkBuildingSummary, HouseholdRow, RegisterNode};
use crate::error::{Error, Result};
use crate::store::{now_text, rows};

/// The household with everything its address is made of: `h` household, `g` grid,
/// `e` estate, `u` unit, `b` building.
pub(crate) const HOUSEHOLD_FROM: &str = "household h \
     JOIN grid g ON g.id = h.grid_id \
     LEFT JOIN estate e ON e.id = h.estate_id \
     LEFT JOIN unit u ON u.id = h.unit_id \
     LEFT JOIN building b ON b.id = u.building_id";

/// The address without the room: "幸福家园12栋2单元", "老街平房区", or the grid's name for a
/// household directly under a grid.
const ADDRESS_PREFIX: &str =
    "(coalesce(e.name, g.name) || coalesce(b.name, '') || coalesce(u.name, ''))";

/// Address order: grids and estates in the order they were set up, then buildings and
/// units by sort key and name, then rooms numerically (2号 before 10号, 301 before 1801).
pub(crate) const ADDRESS_ORDER: &str = "g.created_at, g.id, e.created_at, e.id, \
     b.sort_key, b.name, b.id, u.sort_key, u.name, u.id, \
     CAST(h.room AS INTEGER), h.room, h.id";

/// Households matching `condition` (over [`HOUSEHOLD_FROM`]) in address order.
pub(crate) fn household_rows(
    conn: &Connection,
    condition: &str,
    values: &[&dyn ToSql],
) -> Result<Vec<HouseholdRow>> {
    let sql = format!(
        "SELECT h.id, {ADDRESS_PREFIX} || h.room, h.room, \
           (SELECT p.name FROM person p WHERE p.household_id = h.id AND p.deleted_at IS NULL \
              AND p.relation = '户主' ORDER BY p.created_at, p.id LIMIT 1), \
           (SELECT count(*) FROM person p WHERE p.household_id = h.id AND p.deleted_at IS NULL), \
           w.name \
         FROM {HOUSEHOLD_FROM} LEFT JOIN worker w ON w.id = h.responsible_worker_id \
         WHERE h.deleted_at IS NULL AND ({condition}) ORDER BY {ADDRESS_ORDER}"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(values.iter()), |r| {
        Ok(HouseholdRow {
            id: r.get(0)?,
            address: r.get(1)?,
            room: r.get(2)?,
            head_name: r.get(3)?,
            people: r.get(4)?,
            responsible_worker: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Households of a unit, by room.
pub fn households_of_unit(conn: &Connection, unit_id: &str) -> Result<Vec<HouseholdRow>> {
    household_rows(conn, "h.unit_id = ?1", &[&unit_id])
}

/// Households of a building, by unit and then room.
pub fn households_of_building(conn: &Connection, building_id: &str) -> Result<Vec<HouseholdRow>> {
    household_rows(conn, "u.building_id = ?1", &[&building_id])
}

/// Households directly under an estate (bungalows, villages): those in no unit.
pub fn households_directly_under_estate(
    conn: &Connection,
    estate_id: &str,
) -> Result<Vec<HouseholdRow>> {
    household_rows(
        conn,
        "h.estate_id = ?1 AND h.unit_id IS NULL",
        &[&estate_id],
    )
}

/// Households directly under a grid: in no estate and no unit.
pub fn households_directly_under_grid(
    conn: &Connection,
    grid_id: &str,
) -> Result<Vec<HouseholdRow>> {
    household_rows(
        conn,
        "h.grid_id = ?1 AND h.estate_id IS NULL AND h.unit_id IS NULL",
        &[&grid_id],
    )
}

/// The address of a household: "幸福家园12栋2单元301".
pub fn household_address(conn: &Connection, household_id: &str) -> Result<String> {
    conn.query_row(
        &format!(
            "SELECT {ADDRESS_PREFIX} || h.room FROM {HOUSEHOLD_FROM} \
             WHERE h.id = ?1 AND h.deleted_at IS NULL"
        ),
        params![household_id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        entity: "household",
        id: household_id.to_owned(),
    })
}

fn nodes(conn: &Connection, sql: &str, parent: Option<&str>) -> Result<Vec<RegisterNode>> {
    let mut stmt = conn.prepare(sql)?;
    let map = |r: &rusqlite::Row| {
        Ok(RegisterNode {
            id: r.get(0)?,
            name: r.get(1)?,
            children: r.get(2)?,
        })
    };
    let rows = match parent {
        Some(parent) => stmt.query_map(params![parent], map)?,
        None => stmt.query_map([], map)?,
    };
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The streets of the ledger (the roots of the tree), in the order they were set up.
pub fn streets(conn: &Connection) -> Result<Vec<RegisterNode>> {
    nodes(
        conn,
        "SELECT s.id, s.name, (SELECT count(*) FROM community c \
           WHERE c.street_id = s.id AND c.deleted_at IS NULL) \
         FROM street s WHERE s.deleted_at IS NULL ORDER BY s.created_at, s.id",
        None,
    )
}

/// The communities of a street, in the order they were set up.
pub fn communities_of_street(conn: &Connection, street_id: &str) -> Result<Vec<RegisterNode>> {
    nodes(
        conn,
        "SELECT c.id, c.name, (SELECT count(*) FROM grid g \
           WHERE g.community_id = c.id AND g.deleted_at IS NULL) \
         FROM community c WHERE c.street_id = ?1 AND c.deleted_at IS NULL \
         ORDER BY c.created_at, c.id",
        Some(street_id),
    )
}

/// The grids of a community, in the order they were set up (第一网格 before 第二网格).
/// Children are the estates plus the households directly under the grid.
pub fn grids_of_community(conn: &Connection, community_id: &str) -> Result<Vec<RegisterNode>> {
    nodes(
        conn,
        "SELECT g.id, g.name, \
           (SELECT count(*) FROM estate e WHERE e.grid_id = g.id AND e.deleted_at IS NULL) \
           + (SELECT count(*) FROM household h WHERE h.grid_id = g.id AND h.estate_id IS NULL \
                AND h.unit_id IS NULL AND h.deleted_at IS NULL) \
         FROM grid g WHERE g.community_id = ?1 AND g.deleted_at IS NULL \
         ORDER BY g.created_at, g.id",
        Some(community_id),
    )
}

/// The estates of a grid, in the order they were set up. Children are the buildings plus
/// the households directly under the estate.
pub fn estates_of_grid(conn: &Connection, grid_id: &str) -> Result<Vec<RegisterNode>> {
    nodes(
        conn,
        "SELECT e.id, e.name, \
           (SELECT count(*) FROM building b WHERE b.estate_id = e.id AND b.deleted_at IS NULL) \
           + (SELECT count(*) FROM household h WHERE h.estate_id = e.id AND h.unit_id IS NULL \
                AND h.deleted_at IS NULL) \
         FROM estate e WHERE e.grid_id = ?1 AND e.deleted_at IS NULL \
         ORDER BY e.created_at, e.id",
        Some(grid_id),
    )
}

/// The buildings of an estate, by sort key and then name.
pub fn buildings_of_estate(conn: &Connection, estate_id: &str) -> Result<Vec<RegisterNode>> {
    nodes(
        conn,
        "SELECT b.id, b.name, (SELECT count(*) FROM unit u \
           WHERE u.building_id = b.id AND u.deleted_at IS NULL) \
         FROM building b WHERE b.estate_id = ?1 AND b.deleted_at IS NULL \
         ORDER BY b.sort_key, b.name, b.id",
        Some(estate_id),
    )
}

/// The units of a building, by sort key and then name.
pub fn units_of_building(conn: &Connection, building_id: &str) -> Result<Vec<RegisterNode>> {
    nodes(
        conn,
        "SELECT u.id, u.name, (SELECT count(*) FROM household h \
           WHERE h.unit_id = u.id AND h.deleted_at IS NULL) \
         FROM unit u WHERE u.building_id = ?1 AND u.deleted_at IS NULL \
         ORDER BY u.sort_key, u.name, u.id",
        Some(building_id),
    )
}

/// Floors a building may have at most.
const MAX_FLOORS: i32 = 100;
/// Rooms a floor may have at most.
const MAX_ROOMS_PER_FLOOR: i32 = 20;
/// Units a building may have at most.
const MAX_UNITS: i32 = 99;

const DEFAULT_ROOM_FORMAT: &str = "{floor}{room:02}";

/// One piece of a room format.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Unit(usize),
    Floor(usize),
    Room(usize),
}

fn format_error(format: &str) -> Error {
    Error::invalid(
        "building.room_format",
        format!("room format {format:?} is not valid"),
        format!(
            "房号格式“{format}”无效：只能使用 {{unit}}、{{floor}}、{{room}}（可写成 {{room:02}} 补零），且须包含 {{room}}"
        ),
    )
}

/// Parse "{floor}{room:02}" into parts; `{room}` is required.
fn parse_room_format(format: &str) -> Result<Vec<Part>> {
    let mut parts = Vec::new();
    let mut text = String::new();
    let mut rest = format;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or_else(|| format_error(format))?;
        let spec = &after[..close];
        let (name, width) = match spec.split_once(':') {
            Some((name, width)) => {
                let w: usize = width
                    .trim_start_matches('0')
                    .parse()
                    .ok()
                    .filter(|w| *w <= 6 && width.starts_with('0'))
                    .ok_or_else(|| format_error(format))?;
                (name, w)
            }
            None => (spec, 0),
        };
        if !text.is_empty() {
            parts.push(Part::Text(std::mem::take(&mut text)));
        }
        parts.push(match name {
            "unit" => Part::Unit(width),
            "floor" => Part::Floor(width),
            "room" => Part::Room(width),
            _ => return Err(format_error(format)),
        });
        rest = &after[close + 1..];
    }
    if rest.contains('}') {
        return Err(format_error(format));
    }
    text.push_str(rest);
    if !text.is_empty() {
        parts.push(Part::Text(text));
    }
    if !parts.iter().any(|p| matches!(p, Part::Room(_))) {
        return Err(format_error(format));
    }
    Ok(parts)
}

fn render_room(parts: &[Part], unit: i32, floor: i32, room: i32) -> String {
    let mut out = String::new();
    for part in parts {
        match part {
            Part::Text(t) => out.push_str(t),
            Part::Unit(w) => out.push_str(&format!("{unit:0w$}")),
            Part::Floor(w) => out.push_str(&format!("{floor:0w$}")),
            Part::Room(w) => out.push_str(&format!("{room:0w$}")),
        }
    }
    out
}

fn check_range(
    field: &'static str,
    what_zh: &str,
    range: &std::ops::RangeInclusive<i32>,
    max: i32,
) -> Result<()> {
    let (first, last) = (*range.start(), *range.end());
    if first < 1 || last < first {
        return Err(Error::invalid(
            field,
            format!("{field} {first}..={last} must be positive and ascending"),
            format!("{what_zh}范围 {first}–{last} 无效：须从 1 或更大的数开始，且起始不大于结束"),
        ));
    }
    if last > max {
        return Err(Error::invalid(
            field,
            format!("{field} goes up to {last}, more than {max}"),
            format!("{what_zh}不能超过 {max}"),
        ));
    }
    Ok(())
}

/// The building's sort key: the number its name starts with ("12栋" → 12), else after the
/// estate's last building.
fn building_sort_key(tx: &Transaction, estate_id: &str, name: &str) -> Result<i64> {
    let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
    if let Ok(n) = digits.parse::<i64>() {
        return Ok(n);
    }
    let max: Option<i64> = tx.query_row(
        "SELECT max(sort_key) FROM building WHERE estate_id = ?1 AND deleted_at IS NULL",
        params![estate_id],
        |r| r.get(0),
    )?;
    Ok(max.unwrap_or(0) + 1)
}

/// Create a building, its units ("1单元" …) and all its households in one call, inside
/// the caller's transaction. Everything is checked before anything is written, and the
/// writes run under a savepoint, so a failure leaves nothing half-written even when the
/// caller goes on with its transaction.
pub fn bulk_create_building(tx: &Transaction, b: &BulkBuilding) -> Result<BulkBuildingSummary> {
    let name = required_name("building.name", &b.building_name)?;
    let estate: Option<(String, String)> = tx
        .query_row(
            "SELECT grid_id, name FROM estate WHERE id = ?1 AND deleted_at IS NULL",
            params![b.estate_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((grid_id, estate_name)) = estate else {
        return Err(Error::invalid(
            "building.estate_id",
            format!("estate {} does not exist", b.estate_id),
            "所选小区不存在或已删除",
        ));
    };
    let taken: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM building WHERE estate_id = ?1 AND name = ?2 \
         AND deleted_at IS NULL)",
        params![b.estate_id, name],
        |r| r.get(0),
    )?;
    if taken {
        return Err(Error::invalid(
            "building.name",
            format!("estate {estate_name} already has a building {name}"),
            format!("{estate_name}已有{name}，不能重复生成"),
        ));
    }
    check_range("building.units", "单元号", &b.units, MAX_UNITS)?;
    check_range("building.floors", "楼层", &b.floors, MAX_FLOORS)?;
    if b.rooms_per_floor < 1 || b.rooms_per_floor > MAX_ROOMS_PER_FLOOR {
        return Err(Error::invalid(
            "building.rooms_per_floor",
            format!(
                "rooms per floor must be 1 to {MAX_ROOMS_PER_FLOOR}, not {}",
                b.rooms_per_floor
            ),
            format!("每层户数须在 1 到 {MAX_ROOMS_PER_FLOOR} 之间"),
        ));
    }
    if let Some(worker) = &b.responsible_worker_id {
        let exists: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM worker WHERE id = ?1 AND deleted_at IS NULL)",
            params![worker],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(Error::invalid(
                "building.responsible_worker_id",
                format!("worker {worker} does not exist"),
                "所选包保责任人不存在或已删除",
            ));
        }
    }
    let format = b
        .room_format
        .as_deref()
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .unwrap_or(DEFAULT_ROOM_FORMAT);
    let parts = parse_room_format(format)?;
    // Rooms must differ within a unit ({unit} in the format does not help there).
    let mut seen = HashSet::new();
    let first_unit = *b.units.start();
    for floor in b.floors.clone() {
        for room in 1..=b.rooms_per_floor {
            let text = render_room(&parts, first_unit, floor, room);
            if !seen.insert(text.clone()) {
                return Err(Error::invalid(
                    "building.room_format",
                    format!("room format {format:?} gives room {text} twice"),
                    format!("房号格式“{format}”会生成重复的房号（{text}），请同时包含楼层和房间号"),
                ));
            }
        }
    }
    let sort_key = building_sort_key(tx, &b.estate_id, &name)?;

    tx.execute_batch("SAVEPOINT bulk_create_building")?;
    let written = crate::search::defer_household_keys(tx, || {
        write_building(tx, b, &name, sort_key, &grid_id, &parts)
    });
    match written {
        Ok(summary) => {
            tx.execute_batch("RELEASE bulk_create_building")?;
            Ok(summary)
        }
        Err(e) => {
            tx.execute_batch("ROLLBACK TO bulk_create_building; RELEASE bulk_create_building")?;
            Err(e)
        }
    }
}

fn write_building(
    tx: &Transaction,
    b: &BulkBuilding,
    name: &str,
    sort_key: i64,
    grid_id: &str,
    parts: &[Part],
) -> Result<BulkBuildingSummary> {
    let building_id = rows::insert(
        tx,
        "building",
        &[
            ("estate_id", &b.estate_id),
            ("name", &name),
            ("sort_key", &sort_key),
        ],
    )?;
    let now = now_text();
    // Prepared once: the row conventions filled as rows::insert does, updated_by from
    // gl_actor(), so the audit triggers fire for every row.
    let mut unit_stmt = tx.prepare(
        "INSERT INTO unit (id, created_at, updated_at, updated_by, building_id, name, sort_key) \
         VALUES (?1, ?2, ?2, gl_actor(), ?3, ?4, ?5)",
    )?;
    let mut household_stmt = tx.prepare(
        "INSERT INTO household (id, created_at, updated_at, updated_by, grid_id, estate_id, \
           unit_id, room, responsible_worker_id) \
         VALUES (?1, ?2, ?2, gl_actor(), ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut units = 0u32;
    let mut households = 0u32;
    for unit in b.units.clone() {
        let unit_id = rows::new_id();
        unit_stmt.execute(params![
            unit_id,
            now,
            building_id,
            format!("{unit}单元"),
            i64::from(unit)
        ])?;
        units += 1;
        for floor in b.floors.clone() {
            for room in 1..=b.rooms_per_floor {
                household_stmt.execute(params![
                    rows::new_id(),
                    now,
                    grid_id,
                    b.estate_id,
                    unit_id,
                    render_room(parts, unit, floor, room),
                    b.responsible_worker_id,
                ])?;
                households += 1;
            }
        }
    }
    Ok(BulkBuildingSummary {
        building_id,
        units,
        households,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn room_formats() {
        let parts = parse_room_format(DEFAULT_ROOM_FORMAT).unwrap();
        assert_eq!(render_room(&parts, 1, 18, 2), "1802");
        assert_eq!(render_room(&parts, 1, 3, 1), "301");
        let parts = parse_room_format("{unit}-{floor:02}{room:02}室").unwrap();
        assert_eq!(render_room(&parts, 2, 3, 1), "2-0301室");
        assert!(parse_room_format("{floor}").is_err());
        assert!(parse_room_format("{flor}{room}").is_err());
        assert!(parse_room_format("{room").is_err());
        assert!(parse_room_format("{room:2}").is_err());
    }
}
