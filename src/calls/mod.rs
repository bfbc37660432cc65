//! Phone verification of people away and abroad (电话核实 · 境外人员跟踪). Issue 6.
//!
//! A call target (`call_target`) is a person away in another city or abroad: where (a
//! region or country code, as an arrival's origin, plus the city), why, since when, how to
//! reach them and a relative here. Each attempt is a call (`call`) with a fixed outcome.
//! The target's state and the next day it is due are derived from its calls in order
//! (`state`, a pure function) and the call policy (`policy`, a setting), when read. When
//! the person comes home, the arrival registered for them is linked to the open target
//! (`link_arrival`, called by `arrivals::add_arrival`), which closes it as 已返回.

pub mod policy;
pub mod state;

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::{params, Connection, OptionalExtension, ToSql, Transaction};

use crate::api::{
    BulkCallTargets, BulkCallTargetsOutcome, CallCandidate, CallChannel, CallCounts, CallDueKind,
    CallList, CallOutcome, CallOutcomeCount, CallReason, CallRecord, CallState, CallStateCount,
    CallTarget, CallTargetDetail, CallTargetFilter, NewCall, NewCallTarget, Place, ResidenceStatus,
};
use crate::arrivals::place;
use crate::arrivals::{date_field, optional_date, optional_note, require};
use crate::domain::date::format_iso;
use crate::domain::masking::{mask_phone, MaskPreset};
use crate::domain::phone::{parse_foreign_phone, parse_phone};
use crate::domain::text::normalize_text;
use crate::error::{Error, Result};
use crate::store::{record_event, rows, AuditEvent};

pub use policy::{call_policy, set_call_policy};
pub use state::{derive, derive_state, CallFact, Derived};

fn mainland_phone(field: &'static str, raw: Option<&str>) -> Result<Option<String>> {
    optional_note(raw)
        .map(|raw| {
            parse_phone(&raw)
                .map(|p| p.as_str().to_owned())
                .map_err(|e| Error::invalid(field, e.to_string(), e.message_zh()))
        })
        .transpose()
}

/// A number abroad, loosely: "+<country code> digits" (a +86 number is a mainland one).
fn foreign_phone(field: &'static str, raw: Option<&str>) -> Result<Option<String>> {
    optional_note(raw)
        .map(|raw| {
            parse_foreign_phone(&raw)
                .map(|p| p.as_str().to_owned())
                .map_err(|e| Error::invalid(field, e.to_string(), e.message_zh()))
        })
        .transpose()
}

/// The live target of `person` that no arrival has closed yet, if any.
fn open_target(conn: &Connection, person: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT t.id FROM call_target t WHERE t.person_id = ?1 AND t.deleted_at IS NULL \
               AND NOT EXISTS (SELECT 1 FROM arrival a WHERE a.call_target_id = t.id \
                               AND a.deleted_at IS NULL) \
             ORDER BY t.created_at DESC, t.id DESC LIMIT 1",
            params![person],
            |r| r.get(0),
        )
        .optional()?)
}

/// Add a call target. A person has at most one open target (until an arrival closes it).
pub fn add_call_target(tx: &Transaction, t: &NewCallTarget, today: NaiveDate) -> Result<String> {
    let person_id = t.person_id.trim().to_owned();
    require(tx, "person", "target.person_id", "人员", &person_id)?;
    if let Some(existing) = open_target(tx, &person_id)? {
        return Err(Error::invalid(
            "target.person_id",
            format!("the person already has an open call target {existing}"),
            "该人员已在核实名单中（尚未返回），请在原记录上登记通话",
        ));
    }
    let place = t
        .place
        .as_ref()
        .map(|p| place::validate("target.place", p))
        .transpose()?;
    let (region, country) = match place {
        Some(Place::Region(code)) => (Some(code), None),
        Some(Place::Country(code)) => (None, Some(code)),
        None => (None, None),
    };
    let city = optional_note(t.city.as_deref()).map(|c| normalize_text(&c));
    let (household, location): (Option<String>, Option<String>) = tx.query_row(
        "SELECT household_id, current_location FROM person WHERE id = ?1",
        params![person_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    // Where they are, when not given, is what the register says.
    let city = city.or_else(|| {
        if region.is_none() && country.is_none() {
            location
        } else {
            None
        }
    });
    let away_since = optional_date("target.away_since", "外出日期", t.away_since.as_deref())?;
    if away_since.is_some_and(|d| d > today) {
        return Err(Error::invalid(
            "target.away_since",
            "the date they left is after today",
            "外出日期不能晚于今天",
        ));
    }
    let phone = mainland_phone("target.phone", t.phone.as_deref())?;
    let foreign = foreign_phone("target.foreign_phone", t.foreign_phone.as_deref())?;
    let relative_name = optional_note(t.relative_name.as_deref());
    let relative_phone = match optional_note(t.relative_phone.as_deref()) {
        Some(raw) if raw.starts_with('+') || raw.starts_with("00") => {
            foreign_phone("target.relative_phone", Some(&raw))?
        }
        raw => mainland_phone("target.relative_phone", raw.as_deref())?,
    };
    let worker = match optional_note(t.responsible_worker_id.as_deref()) {
        Some(w) => {
            require(
                tx,
                "worker",
                "target.responsible_worker_id",
                "包保责任人",
                &w,
            )?;
            Some(w)
        }
        None => match household {
            Some(h) => tx
                .query_row(
                    "SELECT responsible_worker_id FROM household WHERE id = ?1",
                    params![h],
                    |r| r.get(0),
                )
                .optional()?
                .flatten(),
            None => None,
        },
    };
    let reason = t.reason.unwrap_or(CallReason::Other).code();
    let away_since = away_since.map(format_iso);
    let note = optional_note(t.note.as_deref());
    rows::insert(
        tx,
        "call_target",
        &[
            ("person_id", &person_id),
            ("place_region", &region),
            ("place_country", &country),
            ("city", &city),
            ("reason", &reason),
            ("away_since", &away_since),
            ("phone", &phone),
            ("foreign_phone", &foreign),
            ("relative_name", &relative_name),
            ("relative_phone", &relative_phone),
            ("responsible_worker_id", &worker),
            ("note", &note),
        ],
    )
}

/// Add targets for many people at once (a filtered list); people who already have an open
/// target are skipped, not refused.
pub fn add_call_targets(
    tx: &Transaction,
    b: &BulkCallTargets,
    today: NaiveDate,
) -> Result<BulkCallTargetsOutcome> {
    if b.person_ids.is_empty() {
        return Err(Error::invalid(
            "targets.person_ids",
            "no person chosen",
            "请至少选择一名人员",
        ));
    }
    let mut added = Vec::new();
    let mut skipped = Vec::new();
    for person in &b.person_ids {
        if open_target(tx, person.trim())?.is_some() {
            skipped.push(person.clone());
            continue;
        }
        added.push(add_call_target(
            tx,
            &NewCallTarget {
                person_id: person.clone(),
                place: b.place.clone(),
                reason: b.reason,
                responsible_worker_id: b.responsible_worker_id.clone(),
                ..NewCallTarget::default()
            },
            today,
        )?);
    }
    Ok(BulkCallTargetsOutcome { added, skipped })
}

/// Remove a target added by mistake (its calls go with it).
pub fn delete_call_target(tx: &Transaction, id: &str) -> Result<()> {
    tx.execute(
        "UPDATE call SET deleted_at = ?2, updated_at = ?2, updated_by = gl_actor() \
         WHERE target_id = ?1 AND deleted_at IS NULL",
        params![id, crate::store::now_text()],
    )?;
    rows::soft_delete(tx, "call_target", id)
}

/// When the call was made: a date and time, or a date (then now's time when it is today,
/// else the start of that day); none is now.
fn called_at(raw: Option<&str>, now: NaiveDateTime) -> Result<NaiveDateTime> {
    let Some(raw) = optional_note(raw) else {
        return Ok(now);
    };
    let raw = normalize_text(&raw);
    for format in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(at) = NaiveDateTime::parse_from_str(&raw, format) {
            return Ok(at);
        }
    }
    let date = date_field("call.called_at", "通话日期", &raw)?;
    Ok(if date == now.date() {
        now
    } else {
        date.and_time(NaiveTime::MIN)
    })
}

/// Log a call. Returns its id; the target's state follows from it.
pub fn add_call(tx: &Transaction, c: &NewCall, now: NaiveDateTime) -> Result<String> {
    let target = c.target_id.trim().to_owned();
    require(tx, "call_target", "call.target_id", "核实对象", &target)?;
    let at = called_at(c.called_at.as_deref(), now)?;
    if at.date() > now.date() {
        return Err(Error::invalid(
            "call.called_at",
            "the call is dated after today",
            "通话日期不能晚于今天",
        ));
    }
    let planned = optional_date(
        "call.planned_return_on",
        "预计返回日期",
        c.planned_return_on.as_deref(),
    )?;
    if planned.is_some() && c.outcome != CallOutcome::PlansReturn {
        return Err(Error::invalid(
            "call.planned_return_on",
            "a planned return date goes only with the outcome plans_return",
            "只有“已接通-计划返回”才填写预计返回日期",
        ));
    }
    if planned.is_some_and(|p| p < at.date()) {
        return Err(Error::invalid(
            "call.planned_return_on",
            "the planned return is before the call",
            "预计返回日期不能早于通话日期",
        ));
    }
    let worker = match optional_note(c.worker_id.as_deref()) {
        Some(w) => {
            require(tx, "worker", "call.worker_id", "核实人", &w)?;
            Some(w)
        }
        None => tx.query_row(
            "SELECT responsible_worker_id FROM call_target WHERE id = ?1",
            params![target],
            |r| r.get::<_, Option<String>>(0),
        )?,
    };
    let plan_only = |raw: Option<&str>| {
        optional_note(raw)
            .filter(|_| c.outcome == CallOutcome::PlansReturn)
            .map(|t| normalize_text(&t))
    };
    let route = plan_only(c.return_route.as_deref());
    let transport_no = plan_only(c.return_transport_no.as_deref()).map(|t| t.to_uppercase());
    let at = at.format("%Y-%m-%d %H:%M:%S").to_string();
    let channel = c.channel.unwrap_or(CallChannel::Phone).code();
    let outcome = c.outcome.code();
    let planned = planned.map(format_iso);
    let life = optional_note(c.life_status.as_deref());
    let health = optional_note(c.health.as_deref());
    let note = optional_note(c.note.as_deref());
    rows::insert(
        tx,
        "call",
        &[
            ("target_id", &target),
            ("called_at", &at),
            ("worker_id", &worker),
            ("channel", &channel),
            ("outcome", &outcome),
            ("planned_return_on", &planned),
            ("return_route", &route),
            ("return_transport_no", &transport_no),
            ("life_status", &life),
            ("health", &health),
            ("note", &note),
        ],
    )
}

/// Remove a call logged by mistake; the state is derived again from the others.
pub fn delete_call(tx: &Transaction, id: &str) -> Result<()> {
    rows::soft_delete(tx, "call", id)
}

/// Link a new arrival to its person's open target, closing it as 已返回 (called by
/// `arrivals::add_arrival`). Only a target the person left for before the arrival date.
pub fn link_arrival(tx: &Transaction, arrival_id: &str) -> Result<Option<String>> {
    relink_arrival(tx, arrival_id)
}

/// The target an arrival closes, chosen again after its person or date was corrected
/// (`arrivals::update_arrival`): the link follows the corrected arrival, and a target no
/// longer matched is open again. Writes (and audits) only a change.
pub fn relink_arrival(tx: &Transaction, arrival_id: &str) -> Result<Option<String>> {
    let (current, wanted): (Option<String>, Option<String>) = tx.query_row(
        "SELECT a.call_target_id, \
                (SELECT t.id FROM call_target t WHERE t.person_id = a.person_id \
                   AND t.deleted_at IS NULL AND coalesce(t.away_since, '') <= a.arrived_on \
                   AND NOT EXISTS (SELECT 1 FROM arrival x WHERE x.call_target_id = t.id \
                                   AND x.deleted_at IS NULL AND x.id <> a.id) \
                 ORDER BY t.created_at DESC, t.id DESC LIMIT 1) \
         FROM arrival a WHERE a.id = ?1",
        params![arrival_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if current != wanted {
        rows::update(tx, "arrival", arrival_id, &[("call_target_id", &wanted)])?;
        if let Some(t) = &current {
            follow_link(tx, t, false)?;
        }
        if let Some(t) = &wanted {
            follow_link(tx, t, true)?;
        }
    }
    Ok(wanted)
}

/// An arrival registered by mistake is removed: the target it closed is open again.
pub fn unlink_arrival(tx: &Transaction, arrival_id: &str) -> Result<()> {
    let target: Option<String> = tx.query_row(
        "SELECT call_target_id FROM arrival WHERE id = ?1",
        params![arrival_id],
        |r| r.get(0),
    )?;
    match target {
        Some(t) => follow_link(tx, &t, false),
        None => Ok(()),
    }
}

/// The register follows the loop: a person whose target an arrival closes is home again,
/// with the residence status they had before they were marked away (from the audit log;
/// 户籍 when they were registered as away); a target open again puts them back to 外出 or
/// 境外, by where the target is. Writes only a change.
fn follow_link(tx: &Transaction, target_id: &str, closed: bool) -> Result<()> {
    let Some((person, status, abroad)): Option<(String, String, bool)> = tx
        .query_row(
            "SELECT p.id, p.residence_status, t.place_country IS NOT NULL \
             FROM call_target t JOIN person p ON p.id = t.person_id \
             WHERE t.id = ?1 AND t.deleted_at IS NULL",
            params![target_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?
    else {
        return Ok(());
    };
    let is_away = matches!(status.as_str(), "away" | "abroad");
    let next = if closed {
        if !is_away {
            return Ok(());
        }
        let before: Option<String> = tx
            .query_row(
                "SELECT json_extract(changes, '$.residence_status[0]') FROM audit_log \
                 WHERE entity = 'person' AND entity_id = ?1 AND action = 'update' \
                   AND json_extract(changes, '$.residence_status[1]') IN ('away', 'abroad') \
                 ORDER BY at DESC, id DESC LIMIT 1",
                params![person],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        before
            .filter(|b| !matches!(b.as_str(), "away" | "abroad"))
            .unwrap_or_else(|| "hukou".to_owned())
    } else {
        let away = if abroad { "abroad" } else { "away" };
        if status == away {
            return Ok(());
        }
        away.to_owned()
    };
    rows::update(tx, "person", &person, &[("residence_status", &next)])
}

/// Live calls of live targets, oldest first, grouped by target.
fn facts(conn: &Connection, target: Option<&str>) -> Result<HashMap<String, Vec<CallFact>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.target_id, substr(c.called_at, 1, 10), c.outcome, c.planned_return_on \
         FROM call c WHERE c.deleted_at IS NULL AND (?1 IS NULL OR c.target_id = ?1) \
         ORDER BY c.target_id, c.called_at, c.id",
    )?;
    let mut out: HashMap<String, Vec<CallFact>> = HashMap::new();
    let rows = stmt.query_map(params![target], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    for row in rows {
        let (id, on, outcome, planned) = row?;
        let outcome = CallOutcome::from_code(&outcome).ok_or_else(|| {
            Error::invalid(
                "call.outcome",
                format!("unknown outcome {outcome}"),
                "通话结果无效",
            )
        })?;
        out.entry(id).or_default().push(CallFact {
            on: date_field("call.called_at", "通话日期", &on)?,
            outcome,
            planned_return_on: planned
                .as_deref()
                .map(|p| date_field("call.planned_return_on", "预计返回日期", p))
                .transpose()?,
        });
    }
    Ok(out)
}

const TARGET_SELECT: &str = "SELECT t.id, t.person_id, p.name, p.residence_status, \
        (SELECT address FROM household_search s WHERE s.household_id = p.household_id), \
        t.place_region, t.place_country, t.city, t.reason, t.away_since, \
        coalesce(t.phone, p.phone), t.foreign_phone, t.relative_name, t.relative_phone, \
        t.responsible_worker_id, (SELECT name FROM worker w WHERE w.id = t.responsible_worker_id), \
        t.note, date(t.created_at, 'localtime'), \
        (SELECT json_array(a.id, a.arrived_on) FROM arrival a \
          WHERE a.call_target_id = t.id AND a.deleted_at IS NULL ORDER BY a.arrived_on LIMIT 1) \
     FROM call_target t JOIN person p ON p.id = t.person_id WHERE t.deleted_at IS NULL";

/// A target's stored columns and its full numbers (masked copies go into `CallTarget`).
struct Read {
    target: CallTarget,
    phone: Option<String>,
    foreign_phone: Option<String>,
    relative_phone: Option<String>,
}

fn read_targets(conn: &Connection, clause: &str, values: &[&dyn ToSql]) -> Result<Vec<Read>> {
    let mut stmt = conn.prepare(&format!("{TARGET_SELECT} {clause} ORDER BY p.name, t.id"))?;
    let rows = stmt.query_map(values, |r| {
        let region: Option<String> = r.get(5)?;
        let country: Option<String> = r.get(6)?;
        let status: String = r.get(3)?;
        let reason: String = r.get(8)?;
        let phone: Option<String> = r.get(10)?;
        let foreign: Option<String> = r.get(11)?;
        let relative: Option<String> = r.get(13)?;
        let arrival: Option<String> = r.get(18)?;
        let mask = |p: &Option<String>| p.as_deref().map(|p| mask_phone(p, MaskPreset::Public));
        Ok((
            Read {
                target: CallTarget {
                    id: r.get(0)?,
                    person_id: r.get(1)?,
                    person_name: r.get(2)?,
                    residence_status: ResidenceStatus::from_code(&status)
                        .unwrap_or(ResidenceStatus::Resident),
                    address: r.get(4)?,
                    place: region
                        .map(Place::Region)
                        .or_else(|| country.map(Place::Country)),
                    place_name: String::new(),
                    city: r.get(7)?,
                    abroad: false,
                    reason: CallReason::from_code(&reason).unwrap_or(CallReason::Other),
                    away_since: r.get(9)?,
                    phone_masked: mask(&phone),
                    foreign_phone_masked: mask(&foreign),
                    relative_name: r.get(12)?,
                    relative_phone_masked: mask(&relative),
                    responsible_worker_id: r.get(14)?,
                    responsible_worker_name: r.get(15)?,
                    note: r.get(16)?,
                    state: CallState::Pending,
                    calls: 0,
                    last_called_on: None,
                    last_outcome: None,
                    failed_tries: 0,
                    planned_return_on: None,
                    due_on: None,
                    due_kind: None,
                    arrival_id: None,
                    arrived_on: None,
                    created_on: r.get(17)?,
                },
                phone,
                foreign_phone: foreign,
                relative_phone: relative,
            },
            arrival,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (mut read, arrival) = row?;
        if let Some(arrival) = arrival {
            let (id, on): (String, String) = serde_json::from_str(&arrival)?;
            read.target.arrival_id = Some(id);
            read.target.arrived_on = Some(on);
        }
        out.push(read);
    }
    Ok(out)
}

/// Fill in what is derived: place name, abroad, state, tries, due date.
fn complete(t: &mut CallTarget, calls: &[CallFact], policy: &crate::api::CallPolicy) -> Result<()> {
    t.abroad = match &t.place {
        Some(p) => place::is_outside_mainland(p),
        None => t.residence_status == ResidenceStatus::Abroad,
    };
    t.place_name = [t.place.as_ref().map(place::name), t.city.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let added = date_field("target.created_at", "登记日期", &t.created_on)?;
    let d = derive(calls, t.arrival_id.is_some(), t.abroad, Some(added), policy);
    t.state = d.state;
    t.failed_tries = d.failed_tries;
    t.planned_return_on = d.planned_return_on.map(format_iso);
    t.due_on = d.due_on.map(format_iso);
    t.due_kind = d.due_kind;
    t.calls = calls.len() as u32;
    t.last_called_on = calls.last().map(|c| format_iso(c.on));
    t.last_outcome = calls.last().map(|c| c.outcome);
    Ok(())
}

fn targets(
    conn: &Connection,
    clause: &str,
    values: &[&dyn ToSql],
    one: Option<&str>,
) -> Result<Vec<Read>> {
    targets_as_of(conn, clause, values, one, None)
}

/// The targets as they stood at the end of `as_of` (all of them, as they stand now, when
/// `None`): calls made after that day are left out of the derivation, an arrival after it
/// has not closed the target yet, and a target is listed only if it was registered by then
/// or already had a call — so a sheet exported for a past day says what was known that day.
fn targets_as_of(
    conn: &Connection,
    clause: &str,
    values: &[&dyn ToSql],
    one: Option<&str>,
    as_of: Option<NaiveDate>,
) -> Result<Vec<Read>> {
    let policy = call_policy(conn)?;
    let mut calls = facts(conn, one)?;
    let mut read = read_targets(conn, clause, values)?;
    if let Some(day) = as_of {
        let end = format_iso(day);
        for facts in calls.values_mut() {
            facts.retain(|c| c.on <= day);
        }
        read.retain(|r| {
            r.target.created_on.as_str() <= end.as_str()
                || calls.get(&r.target.id).is_some_and(|c| !c.is_empty())
        });
        for r in &mut read {
            if r.target
                .arrived_on
                .as_deref()
                .is_some_and(|on| on > end.as_str())
            {
                r.target.arrival_id = None;
                r.target.arrived_on = None;
            }
        }
    }
    for r in &mut read {
        let facts = calls.get(&r.target.id).map(Vec::as_slice).unwrap_or(&[]);
        complete(&mut r.target, facts, &policy)?;
    }
    Ok(read)
}

/// One live target with what is derived from it.
pub fn get_call_target(conn: &Connection, id: &str) -> Result<CallTarget> {
    targets(conn, "AND t.id = ?1", &[&id], Some(id))?
        .into_iter()
        .next()
        .map(|r| r.target)
        .ok_or_else(|| Error::NotFound {
            entity: "call_target",
            id: id.to_owned(),
        })
}

/// Targets matching `filter`, by name; `due` keeps those due on or before that date; `on`
/// gives them as they stood at the end of that day (see [`targets_as_of`]).
pub fn list_call_targets(conn: &Connection, filter: &CallTargetFilter) -> Result<Vec<CallTarget>> {
    let due = optional_date("filter.due", "到期日期", filter.due.as_deref())?.map(format_iso);
    let as_of = optional_date("filter.on", "日期", filter.on.as_deref())?;
    let person = optional_note(filter.person_id.as_deref());
    let read = match &person {
        Some(p) => targets_as_of(conn, "AND t.person_id = ?1", &[p], None, as_of)?,
        None => targets_as_of(conn, "", &[], None, as_of)?,
    };
    Ok(read
        .into_iter()
        .map(|r| r.target)
        .filter(|t| filter.state.is_none_or(|s| t.state == s))
        .filter(|t| match &due {
            Some(d) => t.due_on.as_deref().is_some_and(|on| on <= d.as_str()),
            None => true,
        })
        .collect())
}

fn due_order(kind: Option<CallDueKind>) -> usize {
    kind.map_or(usize::MAX, |k| {
        CallDueKind::ALL
            .iter()
            .position(|x| *x == k)
            .unwrap_or(usize::MAX)
    })
}

/// The call list of `on` (the statistical date): every target due on or before it (first
/// calls, retries, re-verifications, expected returns, returns to register), by kind, then
/// the oldest due first; and the targets lost, for escalation.
pub fn call_list(conn: &Connection, on: NaiveDate) -> Result<CallList> {
    let d = format_iso(on);
    let all = list_call_targets(conn, &CallTargetFilter::default())?;
    let (lost, rest): (Vec<_>, Vec<_>) = all.into_iter().partition(|t| t.state == CallState::Lost);
    let mut due: Vec<CallTarget> = rest
        .into_iter()
        .filter(|t| t.due_on.as_deref().is_some_and(|on| on <= d.as_str()))
        .collect();
    due.sort_by(|a, b| {
        due_order(a.due_kind)
            .cmp(&due_order(b.due_kind))
            .then(a.due_on.cmp(&b.due_on))
            .then(a.person_name.cmp(&b.person_name))
    });
    Ok(CallList { date: d, due, lost })
}

/// A target with its whole history and its numbers in full: the view is audited.
pub fn call_target_detail(tx: &Transaction, id: &str) -> Result<CallTargetDetail> {
    let read = targets(tx, "AND t.id = ?1", &[&id], Some(id))?
        .into_iter()
        .next()
        .ok_or_else(|| Error::NotFound {
            entity: "call_target",
            id: id.to_owned(),
        })?;
    record_event(
        tx,
        AuditEvent::ViewSensitive,
        "call_target",
        id,
        &serde_json::json!({ "fields": ["phone", "foreign_phone", "relative_phone"] }),
    )?;
    let mut stmt = tx.prepare(
        "SELECT c.id, c.target_id, c.called_at, c.worker_id, \
                (SELECT name FROM worker w WHERE w.id = c.worker_id), c.channel, c.outcome, \
                c.planned_return_on, c.return_route, c.return_transport_no, c.life_status, \
                c.health, c.note \
         FROM call c WHERE c.target_id = ?1 AND c.deleted_at IS NULL ORDER BY c.called_at, c.id",
    )?;
    let calls = stmt
        .query_map(params![id], |r| {
            let channel: String = r.get(5)?;
            let outcome: String = r.get(6)?;
            Ok(CallRecord {
                id: r.get(0)?,
                target_id: r.get(1)?,
                called_at: r.get(2)?,
                worker_id: r.get(3)?,
                worker_name: r.get(4)?,
                channel: CallChannel::from_code(&channel).unwrap_or(CallChannel::Phone),
                outcome: CallOutcome::from_code(&outcome).unwrap_or(CallOutcome::NoAnswer),
                planned_return_on: r.get(7)?,
                return_route: r.get(8)?,
                return_transport_no: r.get(9)?,
                life_status: r.get(10)?,
                health: r.get(11)?,
                note: r.get(12)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(CallTargetDetail {
        target: read.target,
        phone: read.phone,
        foreign_phone: read.foreign_phone,
        relative_phone: read.relative_phone,
        calls,
    })
}

/// People the register has as away or abroad who have no open target yet, by name.
pub fn call_candidates(conn: &Connection) -> Result<Vec<CallCandidate>> {
    let mut stmt = conn.prepare(
        "SELECT p.id, p.name, p.residence_status, p.current_location, p.phone, \
                (SELECT address FROM household_search s WHERE s.household_id = p.household_id) \
         FROM person p WHERE p.deleted_at IS NULL AND p.residence_status IN ('away', 'abroad') \
           AND NOT EXISTS (SELECT 1 FROM call_target t WHERE t.person_id = p.id \
                 AND t.deleted_at IS NULL \
                 AND NOT EXISTS (SELECT 1 FROM arrival a WHERE a.call_target_id = t.id \
                                 AND a.deleted_at IS NULL)) \
         ORDER BY p.name, p.id LIMIT 1000",
    )?;
    let rows = stmt
        .query_map([], |r| {
            let status: String = r.get(2)?;
            let phone: Option<String> = r.get(4)?;
            Ok(CallCandidate {
                person_id: r.get(0)?,
                name: r.get(1)?,
                residence_status: ResidenceStatus::from_code(&status)
                    .unwrap_or(ResidenceStatus::Away),
                current_location: r.get(3)?,
                phone_masked: phone.map(|p| mask_phone(&p, MaskPreset::Public)),
                address: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The 首页's card on `on`: live targets, by their latest call's outcome and by state,
/// and how many are due.
pub fn call_counts(conn: &Connection, on: NaiveDate) -> Result<CallCounts> {
    let all = list_call_targets(conn, &CallTargetFilter::default())?;
    let d = format_iso(on);
    let count = |f: &dyn Fn(&CallTarget) -> bool| all.iter().filter(|t| f(t)).count() as u32;
    Ok(CallCounts {
        targets: all.len() as u32,
        abroad: count(&|t| t.abroad),
        called: count(&|t| t.calls > 0),
        by_outcome: CallOutcome::ALL
            .iter()
            .map(|&o| CallOutcomeCount {
                outcome: o,
                count: count(&|t| t.last_outcome == Some(o)),
            })
            .collect(),
        by_state: CallState::ALL
            .iter()
            .map(|&s| CallStateCount {
                state: s,
                count: count(&|t| t.state == s),
            })
            .collect(),
        due_today: count(&|t| {
            t.state != CallState::Lost && t.due_on.as_deref().is_some_and(|on| on <= d.as_str())
        }),
    })
}
