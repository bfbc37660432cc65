//! Screening sweeps (摸排轮次): rounds of door-to-door or phone visits over households.
//!
//! A night of re-screening is organised as a sweep over a community, a grid or the whole
//! ledger. Each household gets at most one current status per sweep (已摸排, 无人应答, 空置,
//! 拒绝); recording it again updates that status, and the audit log keeps the earlier
//! ones. Progress is counted per building from the records, so the figures that go up at
//! 08:00 are never typed.

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use std::collections::{HashMap, HashSet};

use crate::api::{
    BuildingProgress, HouseholdRow, NewSweep, Sweep, SweepHousehold, SweepHouseholdsQuery,
    SweepProgress, SweepStatus, SweepVisit,
};
use crate::domain::date::format_iso;
use crate::domain::text::normalize_text;
use crate::error::{Error, Result};
use crate::input::{date_field, live as exists, optional_note, optional_text};
use crate::register::{household_rows, HOUSEHOLD_FROM};
use crate::store::rows;

/// How a visit time is stored: local time, to the second.
const VISIT_TIME_FORMAT: &str = "%Y-%m-%d %H:%M:%S";

/// Start a sweep. Its scope is a community, a grid, or neither (every household).
pub fn create_sweep(tx: &Transaction, s: &NewSweep) -> Result<String> {
    let name = normalize_text(&s.name);
    if name.is_empty() {
        return Err(Error::invalid(
            "sweep.name",
            "sweep.name is empty",
            "请填写摸排轮次名称",
        ));
    }
    let start = date_field("sweep.start_date", "开始日期", &s.start_date)?;
    let end = match s.end_date.as_deref().filter(|d| !d.trim().is_empty()) {
        Some(raw) => Some(date_field("sweep.end_date", "结束日期", raw)?),
        None => None,
    };
    if end.is_some_and(|end| end < start) {
        return Err(Error::invalid(
            "sweep.end_date",
            "the end date is before the start date",
            "结束日期不能早于开始日期",
        ));
    }
    let community = optional_text(s.community_id.as_deref());
    let grid = optional_text(s.grid_id.as_deref());
    if community.is_some() && grid.is_some() {
        return Err(Error::invalid(
            "sweep.scope",
            "a sweep covers a community or a grid, not both",
            "摸排范围只能选择一个社区或一个网格",
        ));
    }
    if let Some(c) = &community {
        if !exists(tx, "community", c)? {
            return Err(Error::invalid(
                "sweep.community_id",
                format!("community {c} does not exist"),
                "所选社区不存在或已删除",
            ));
        }
    }
    if let Some(g) = &grid {
        if !exists(tx, "grid", g)? {
            return Err(Error::invalid(
                "sweep.grid_id",
                format!("grid {g} does not exist"),
                "所选网格不存在或已删除",
            ));
        }
    }
    rows::insert(
        tx,
        "sweep",
        &[
            ("name", &name),
            ("start_date", &format_iso(start)),
            ("end_date", &end.map(format_iso)),
            ("community_id", &community),
            ("grid_id", &grid),
            ("note", &optional_note(s.note.as_deref())),
        ],
    )
}

fn sweep_from_row(r: &rusqlite::Row) -> rusqlite::Result<Sweep> {
    Ok(Sweep {
        id: r.get(0)?,
        name: r.get(1)?,
        start_date: r.get(2)?,
        end_date: r.get(3)?,
        community_id: r.get(4)?,
        grid_id: r.get(5)?,
        note: r.get(6)?,
    })
}

const SWEEP_COLUMNS: &str = "id, name, start_date, end_date, community_id, grid_id, note";

/// Start a sweep over chosen households only (a re-screening), e.g. the homes of everyone
/// who arrived from a risk area. The households must exist; duplicates count once.
pub fn create_sweep_over(tx: &Transaction, s: &NewSweep, households: &[String]) -> Result<String> {
    let unique: Vec<&String> = {
        let mut seen = HashSet::new();
        households
            .iter()
            .filter(|h| seen.insert(h.as_str()))
            .collect()
    };
    if unique.is_empty() {
        return Err(Error::invalid(
            "sweep.households",
            "a re-screening sweep needs at least one household",
            "所选人员都没有登记住户，无法生成入户摸排轮次",
        ));
    }
    let id = create_sweep(tx, s)?;
    for h in unique {
        if !exists(tx, "household", h)? {
            return Err(Error::invalid(
                "sweep.households",
                format!("household {h} does not exist"),
                "所选住户不存在或已删除",
            ));
        }
        rows::insert(
            tx,
            "sweep_member",
            &[("sweep_id", &id), ("household_id", h)],
        )?;
    }
    Ok(id)
}

/// One live sweep.
pub fn get_sweep(conn: &Connection, id: &str) -> Result<Sweep> {
    conn.query_row(
        &format!("SELECT {SWEEP_COLUMNS} FROM sweep WHERE id = ?1 AND deleted_at IS NULL"),
        params![id],
        sweep_from_row,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        entity: "sweep",
        id: id.to_owned(),
    })
}

/// Every live sweep, the latest start first.
pub fn list_sweeps(conn: &Connection) -> Result<Vec<Sweep>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {SWEEP_COLUMNS} FROM sweep WHERE deleted_at IS NULL \
         ORDER BY start_date DESC, created_at DESC, id DESC"
    ))?;
    let rows = stmt.query_map([], sweep_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The condition (over `HOUSEHOLD_FROM`) for the live households in the scope of the
/// sweep whose id is bound as `?1`.
const IN_SCOPE: &str = "h.deleted_at IS NULL AND EXISTS (SELECT 1 FROM sweep s \
     WHERE s.id = ?1 AND (s.grid_id IS NULL OR s.grid_id = h.grid_id) \
       AND (s.community_id IS NULL OR s.community_id = g.community_id) \
       AND (NOT EXISTS (SELECT 1 FROM sweep_member m WHERE m.sweep_id = s.id \
                        AND m.deleted_at IS NULL) \
            OR EXISTS (SELECT 1 FROM sweep_member m WHERE m.sweep_id = s.id \
                       AND m.household_id = h.id AND m.deleted_at IS NULL)))";

/// Record (or re-record) the status of a household in a sweep; returns the id of its
/// visit record. Re-recording updates that record, so the audit log keeps every status
/// it had. Refused: a household outside the sweep's scope, a visit time before the
/// sweep's start or after its end.
pub fn record_visit(
    tx: &Transaction,
    sweep_id: &str,
    household_id: &str,
    status: SweepStatus,
    visited_at: NaiveDateTime,
    worker_id: Option<&str>,
    note: Option<&str>,
) -> Result<String> {
    let sweep = get_sweep(tx, sweep_id)?;
    let in_scope: bool = tx.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM {HOUSEHOLD_FROM} WHERE h.id = ?2 AND {IN_SCOPE})"),
        params![sweep_id, household_id],
        |r| r.get(0),
    )?;
    if !in_scope {
        let known = exists(tx, "household", household_id)?;
        return Err(Error::invalid(
            "sweep_visit.household_id",
            format!("household {household_id} is not in the scope of sweep {sweep_id}"),
            if known {
                "该户不在本轮摸排范围内"
            } else {
                "所选户不存在或已删除"
            },
        ));
    }
    let day = format_iso(visited_at.date());
    if day < sweep.start_date || sweep.end_date.as_ref().is_some_and(|end| &day > end) {
        return Err(Error::invalid(
            "sweep_visit.visited_at",
            format!("visit on {day} is outside the sweep's dates"),
            format!(
                "摸排时间（{day}）不在本轮摸排的起止日期内（{} 至 {}）",
                sweep.start_date,
                sweep.end_date.as_deref().unwrap_or("今")
            ),
        ));
    }
    let worker = optional_text(worker_id);
    if let Some(w) = &worker {
        if !exists(tx, "worker", w)? {
            return Err(Error::invalid(
                "sweep_visit.worker_id",
                format!("worker {w} does not exist"),
                "所选网格员不存在或已删除",
            ));
        }
    }
    let at = visited_at.format(VISIT_TIME_FORMAT).to_string();
    let note = optional_note(note);
    let existing: Option<String> = tx
        .query_row(
            "SELECT id FROM sweep_visit WHERE sweep_id = ?1 AND household_id = ?2 \
             AND deleted_at IS NULL",
            params![sweep_id, household_id],
            |r| r.get(0),
        )
        .optional()?;
    let fields: [(&'static str, &dyn rusqlite::ToSql); 4] = [
        ("status", &status.code()),
        ("visited_at", &at),
        ("worker_id", &worker),
        ("note", &note),
    ];
    match existing {
        Some(id) => {
            rows::update(tx, "sweep_visit", &id, &fields)?;
            Ok(id)
        }
        None => {
            let mut all: Vec<(&'static str, &dyn rusqlite::ToSql)> =
                vec![("sweep_id", &sweep_id), ("household_id", &household_id)];
            all.extend(fields);
            rows::insert(tx, "sweep_visit", &all)
        }
    }
}

/// Record one status for many households of a sweep (each as [`record_visit`] does);
/// returns how many were recorded. Meant for one transaction: a household refused refuses
/// them all. A household listed twice is recorded once; an empty list is refused.
pub fn record_visits(
    tx: &Transaction,
    sweep_id: &str,
    household_ids: &[String],
    status: SweepStatus,
    visited_at: NaiveDateTime,
    worker_id: Option<&str>,
    note: Option<&str>,
) -> Result<u32> {
    if household_ids.is_empty() {
        return Err(Error::invalid(
            "sweep_visit.household_id",
            "no household to record",
            "请先选择要登记的住户",
        ));
    }
    let mut seen = HashSet::new();
    let mut recorded = 0;
    for household in household_ids {
        if seen.insert(household.as_str()) {
            record_visit(tx, sweep_id, household, status, visited_at, worker_id, note)?;
            recorded += 1;
        }
    }
    Ok(recorded)
}

/// The status stored in column `idx` of a row.
fn status_at(r: &rusqlite::Row, idx: usize) -> rusqlite::Result<SweepStatus> {
    let code: String = r.get(idx)?;
    SweepStatus::from_code(&code).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            format!("unknown sweep status {code:?}").into(),
        )
    })
}

/// The current status of a household in a sweep, if one was recorded.
pub fn visit_of(
    conn: &Connection,
    sweep_id: &str,
    household_id: &str,
) -> Result<Option<SweepVisit>> {
    conn.query_row(
        "SELECT id, status, visited_at, worker_id, note FROM sweep_visit \
         WHERE sweep_id = ?1 AND household_id = ?2 AND deleted_at IS NULL",
        params![sweep_id, household_id],
        |r| {
            let status = status_at(r, 1)?;
            Ok(SweepVisit {
                id: r.get(0)?,
                sweep_id: sweep_id.to_owned(),
                household_id: household_id.to_owned(),
                status,
                visited_at: r.get(2)?,
                worker_id: r.get(3)?,
                note: r.get(4)?,
            })
        },
    )
    .optional()
    .map_err(Error::from)
}

/// How far a sweep has got: per building (households outside buildings are counted per
/// estate, or per grid), in address order, and in total.
pub fn sweep_progress(conn: &Connection, sweep_id: &str) -> Result<SweepProgress> {
    get_sweep(conn, sweep_id)?;
    let sql = format!(
        "SELECT b.id, e.id, g.id, coalesce(e.name, g.name) || coalesce(b.name, ''), count(*), \
           count(*) FILTER (WHERE v.status = 'visited'), \
           count(*) FILTER (WHERE v.status = 'no_answer'), \
           count(*) FILTER (WHERE v.status = 'vacant'), \
           count(*) FILTER (WHERE v.status = 'refused'), \
           count(*) FILTER (WHERE v.id IS NULL) \
         FROM {HOUSEHOLD_FROM} \
         LEFT JOIN sweep_visit v ON v.household_id = h.id AND v.sweep_id = ?1 \
           AND v.deleted_at IS NULL \
         WHERE {IN_SCOPE} \
         GROUP BY g.id, e.id, b.id \
         ORDER BY min(g.created_at), g.id, min(e.created_at), e.id, \
           min(b.sort_key), min(b.name), b.id"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params![sweep_id], |r| {
        Ok(BuildingProgress {
            building_id: r.get(0)?,
            estate_id: r.get(1)?,
            grid_id: r.get(2)?,
            building: r.get(3)?,
            households: r.get(4)?,
            visited: r.get(5)?,
            no_answer: r.get(6)?,
            vacant: r.get(7)?,
            refused: r.get(8)?,
            pending: r.get(9)?,
        })
    })?;
    let buildings: Vec<BuildingProgress> = rows.collect::<rusqlite::Result<_>>()?;
    let mut total = BuildingProgress {
        building_id: None,
        building: "合计".to_owned(),
        households: 0,
        visited: 0,
        no_answer: 0,
        vacant: 0,
        refused: 0,
        pending: 0,
        estate_id: None,
        grid_id: None,
    };
    for b in &buildings {
        total.households += b.households;
        total.visited += b.visited;
        total.no_answer += b.no_answer;
        total.vacant += b.vacant;
        total.refused += b.refused;
        total.pending += b.pending;
    }
    Ok(SweepProgress { buildings, total })
}

/// Households in the sweep's scope (optionally of one building) with no status recorded
/// yet, in address order. (无人应答 counts as recorded: it is the next visit's list to
/// make, not this one's.)
pub fn pending_households(
    conn: &Connection,
    sweep_id: &str,
    building_id: Option<&str>,
) -> Result<Vec<HouseholdRow>> {
    get_sweep(conn, sweep_id)?;
    household_rows(
        conn,
        &format!(
            "{IN_SCOPE} AND (?2 IS NULL OR u.building_id = ?2) \
             AND NOT EXISTS (SELECT 1 FROM sweep_visit v WHERE v.sweep_id = ?1 \
               AND v.household_id = h.id AND v.deleted_at IS NULL)"
        ),
        &[&sweep_id, &building_id],
    )
}

/// The condition (over `HOUSEHOLD_FROM`, with the sweep as `?1`) for the households of
/// one row of [`sweep_progress`]: a building's (`?2`), or those outside buildings of an
/// estate (`?3`) or directly under a grid (`?4`, with `?3` null); with neither `?2` nor
/// `?4`, every household of the sweep.
const IN_ROW: &str = "(?2 IS NULL AND ?4 IS NULL) \
     OR (?2 IS NOT NULL AND u.building_id = ?2) \
     OR (?2 IS NULL AND h.unit_id IS NULL AND h.grid_id = ?4 AND h.estate_id IS ?3)";

/// The households of one row of a sweep's progress with their status in the sweep, in
/// address order, for recording statuses building by building.
pub fn sweep_households(
    conn: &Connection,
    q: &SweepHouseholdsQuery,
) -> Result<Vec<SweepHousehold>> {
    get_sweep(conn, &q.sweep_id)?;
    let values: [&dyn rusqlite::ToSql; 4] = [&q.sweep_id, &q.building_id, &q.estate_id, &q.grid_id];
    let households = household_rows(conn, &format!("{IN_SCOPE} AND ({IN_ROW})"), &values)?;

    let mut stmt = conn.prepare(&format!(
        "SELECT h.id, v.status, v.visited_at, w.name, v.note FROM {HOUSEHOLD_FROM} \
         JOIN sweep_visit v ON v.household_id = h.id AND v.sweep_id = ?1 \
           AND v.deleted_at IS NULL \
         LEFT JOIN worker w ON w.id = v.worker_id \
         WHERE {IN_SCOPE} AND ({IN_ROW})"
    ))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(values.iter()), |r| {
        Ok((
            r.get::<_, String>(0)?,
            (
                status_at(r, 1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ),
        ))
    })?;
    let mut visits: HashMap<String, _> = rows.collect::<rusqlite::Result<_>>()?;

    Ok(households
        .into_iter()
        .map(|h| {
            let visit = visits.remove(&h.id);
            let (status, visited_at, visited_by, note) = match visit {
                Some((s, at, by, note)) => (Some(s), Some(at), by, note),
                None => (None, None, None, None),
            };
            SweepHousehold {
                id: h.id,
                address: h.address,
                room: h.room,
                head_name: h.head_name,
                people: h.people,
                responsible_worker: h.responsible_worker,
                status,
                visited_at,
                visited_by,
                note,
            }
        })
        .collect())
}
