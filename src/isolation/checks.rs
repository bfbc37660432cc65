//! Health checks (健康监测): per isolation, per day, per slot; the fever events a reading
//! at or above the threshold raises; follow-up calls after release; a building's round.

use chrono::{Days, Local, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::api::{
    CheckMethod, CheckRound, CheckRoundOutcome, FeverEvent, FeverResult, HandleFever, HealthCheck,
    MonitoringDay, MonitoringGrid, NewCheck, NewFollowUp, RoundQuery, RoundRow, Symptom,
};
use crate::arrivals::{date_field, optional_note, require};
use crate::domain::date::format_iso;
use crate::domain::temperature::Temperature;
use crate::error::{Error, Result};
use crate::settings::{self, Settings};
use crate::store::rows;

use super::{get_isolation, read_where};

/// Checks missing from an isolation on the days before `on` (the day itself is not over),
/// within its period and before it ended.
pub fn missing_checks(conn: &Connection, isolation_id: &str, on: NaiveDate) -> Result<u32> {
    Ok(get_isolation(conn, isolation_id, on)?.checks_missing)
}

/// Record a round of checks in one transaction. Re-recording a slot corrects it. A
/// reading at or above the fever threshold raises a fever event (once per check).
pub fn add_checks(
    tx: &Transaction,
    round: &CheckRound,
    today: NaiveDate,
) -> Result<CheckRoundOutcome> {
    if round.checks.is_empty() {
        return Err(Error::invalid(
            "checks",
            "no checks to record",
            "没有要保存的监测记录",
        ));
    }
    let settings = Settings::load(tx)?;
    let threshold = settings::fever_threshold(&settings);
    let now = Local::now().format("%Y-%m-%d %H:%M:%S").to_string();
    let mut outcome = CheckRoundOutcome {
        checks: Vec::new(),
        fevers: Vec::new(),
    };
    for c in &round.checks {
        let (id, fever) = add_check(tx, c, today, threshold, &now)?;
        outcome.checks.push(id);
        outcome.fevers.extend(fever);
    }
    Ok(outcome)
}

fn add_check(
    tx: &Transaction,
    c: &NewCheck,
    today: NaiveDate,
    threshold: crate::domain::temperature::FeverThreshold,
    now: &str,
) -> Result<(String, Option<String>)> {
    let date = date_field("check.date", "监测日期", &c.date)?;
    if date > today {
        return Err(Error::invalid(
            "check.date",
            "a check cannot be recorded for a future day",
            "不能录入今天以后的监测记录",
        ));
    }
    let row: Option<(String, String, String, String, Option<String>, u32)> = tx
        .query_row(
            "SELECT i.person_id, p.name, i.start_date, i.planned_end, i.ended_on, i.checks_per_day \
             FROM isolation i JOIN person p ON p.id = i.person_id \
             WHERE i.id = ?1 AND i.deleted_at IS NULL",
            params![c.isolation_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
        )
        .optional()?;
    let Some((person, name, start, end, ended, per_day)) = row else {
        return Err(Error::invalid(
            "check.isolation_id",
            format!("isolation {} does not exist", c.isolation_id),
            "所选隔离记录不存在或已删除",
        ));
    };
    let d = format_iso(date);
    if d < start || d > end || ended.as_deref().is_some_and(|e| d.as_str() >= e) {
        return Err(Error::invalid(
            "check.date",
            format!("{d} is outside the isolation period {start} to {end}"),
            format!("{name}的观察期为 {start} 至 {end}，{d} 不在其内"),
        ));
    }
    if c.slot < 1 || c.slot > per_day {
        return Err(Error::invalid(
            "check.slot",
            format!("slot {} of {per_day}", c.slot),
            format!("每日监测 {per_day} 次，没有第 {} 次", c.slot),
        ));
    }
    let temperature = match c
        .temperature
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        Some(raw) => Some(Temperature::parse(raw).map_err(|e| {
            Error::invalid(
                "check.temperature",
                e.to_string(),
                format!("{name}：{}", e.message_zh()),
            )
        })?),
        None => None,
    };
    let checked_by = optional_note(c.checked_by.as_deref());
    if let Some(w) = &checked_by {
        require(tx, "worker", "check.checked_by", "监测人", w)?;
    }
    let mut symptoms = c.symptoms.clone();
    symptoms.sort();
    symptoms.dedup();
    let symptoms = serde_json::to_string(&symptoms)?;
    let tenths = temperature.map(Temperature::tenths);
    let note = optional_note(c.note.as_deref());
    let existing: Option<String> = tx
        .query_row(
            "SELECT id FROM health_check WHERE isolation_id = ?1 AND check_date = ?2 \
             AND slot = ?3 AND deleted_at IS NULL",
            params![c.isolation_id, d, c.slot],
            |r| r.get(0),
        )
        .optional()?;
    let fields: [(&'static str, &dyn rusqlite::ToSql); 7] = [
        ("temperature", &tenths),
        ("symptoms", &symptoms),
        ("method", &c.method.code()),
        ("checked_by", &checked_by),
        ("checked_at", &now),
        ("note", &note),
        ("isolation_id", &c.isolation_id),
    ];
    let id = match existing {
        Some(id) => {
            rows::update(tx, "health_check", &id, &fields)?;
            id
        }
        None => {
            let mut all: Vec<(&'static str, &dyn rusqlite::ToSql)> = fields.to_vec();
            all.push(("check_date", &d));
            all.push(("slot", &c.slot));
            rows::insert(tx, "health_check", &all)?
        }
    };
    let fever = match temperature {
        Some(t) if t.is_fever(threshold) => {
            let raised: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM fever_event WHERE health_check_id = ?1 \
                 AND deleted_at IS NULL)",
                params![id],
                |r| r.get(0),
            )?;
            if raised {
                None
            } else {
                Some(raise_fever(
                    tx,
                    &person,
                    FeverOrigin::HealthCheck {
                        isolation_id: &c.isolation_id,
                        health_check_id: &id,
                    },
                    t,
                    now,
                )?)
            }
        }
        _ => None,
    };
    Ok((id, fever))
}

/// Where a fever reading was taken: a health check of an isolation, or a gate check.
#[derive(Debug, Clone, Copy)]
pub(crate) enum FeverOrigin<'a> {
    HealthCheck {
        isolation_id: &'a str,
        health_check_id: &'a str,
    },
    GateCheck {
        gate_check_id: &'a str,
    },
}

/// Raise a fever event for `person_id`: the one code path health checks and gate checks
/// share. The caller has decided the reading is a fever.
pub(crate) fn raise_fever(
    tx: &Transaction,
    person_id: &str,
    origin: FeverOrigin,
    temperature: Temperature,
    detected_at: &str,
) -> Result<String> {
    let (isolation_id, health_check_id, gate_check_id) = match origin {
        FeverOrigin::HealthCheck {
            isolation_id,
            health_check_id,
        } => (Some(isolation_id), Some(health_check_id), None),
        FeverOrigin::GateCheck { gate_check_id } => (None, None, Some(gate_check_id)),
    };
    rows::insert(
        tx,
        "fever_event",
        &[
            ("person_id", &person_id),
            ("isolation_id", &isolation_id),
            ("health_check_id", &health_check_id),
            ("gate_check_id", &gate_check_id),
            ("temperature", &temperature.tenths()),
            ("detected_at", &detected_at),
        ],
    )
}

fn check_from_row(
    r: &rusqlite::Row,
    threshold: crate::domain::temperature::FeverThreshold,
) -> rusqlite::Result<HealthCheck> {
    let tenths: Option<i16> = r.get(4)?;
    let t = tenths.and_then(|t| Temperature::from_tenths(t).ok());
    let symptoms: String = r.get(5)?;
    let method: String = r.get(6)?;
    Ok(HealthCheck {
        id: r.get(0)?,
        isolation_id: r.get(1)?,
        date: r.get(2)?,
        slot: r.get(3)?,
        temperature: t.map(|t| t.to_string()),
        fever: t.is_some_and(|t| t.is_fever(threshold)),
        symptoms: serde_json::from_str::<Vec<Symptom>>(&symptoms).unwrap_or_default(),
        method: CheckMethod::from_code(&method).unwrap_or(CheckMethod::Visit),
        checked_by_name: r.get(7)?,
        checked_at: r.get(8)?,
        note: r.get(9)?,
    })
}

const CHECK_SELECT: &str = "SELECT c.id, c.isolation_id, c.check_date, c.slot, c.temperature, \
     c.symptoms, c.method, (SELECT name FROM worker w WHERE w.id = c.checked_by), \
     c.checked_at, c.note FROM health_check c";

/// A person's monitoring grid for one isolation: every day of the period (up to `on`, or
/// the whole period once ended) × its slots.
pub fn monitoring_grid(
    conn: &Connection,
    isolation_id: &str,
    on: NaiveDate,
) -> Result<MonitoringGrid> {
    let isolation = get_isolation(conn, isolation_id, on)?;
    let threshold = settings::fever_threshold(&Settings::load(conn)?);
    let mut stmt = conn.prepare(&format!(
        "{CHECK_SELECT} WHERE c.isolation_id = ?1 AND c.deleted_at IS NULL \
         ORDER BY c.check_date, c.slot"
    ))?;
    let checks = stmt
        .query_map(params![isolation_id], |r| check_from_row(r, threshold))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let start = date_field("isolation.start_date", "开始日期", &isolation.start_date)?;
    let mut days = Vec::new();
    for n in 0..isolation.days {
        let Some(date) = start.checked_add_days(Days::new(u64::from(n))) else {
            break;
        };
        let d = format_iso(date);
        let slots = (1..=isolation.checks_per_day)
            .map(|slot| {
                checks
                    .iter()
                    .find(|c| c.date == d && c.slot == slot)
                    .cloned()
            })
            .collect();
        days.push(MonitoringDay {
            date: d,
            day: n + 1,
            slots,
        });
    }
    Ok(MonitoringGrid { isolation, days })
}

/// Mark a fever event handled: where the person was referred and the result.
pub fn handle_fever(tx: &Transaction, h: &HandleFever) -> Result<()> {
    let on = date_field("fever.handled_on", "处理日期", &h.on)?;
    let referral = h.referral.trim();
    if referral.is_empty() {
        return Err(Error::invalid(
            "fever.referral",
            "the referral is empty",
            "请填写转诊去向（如社区卫生服务中心发热门诊）",
        ));
    }
    let by = optional_note(h.by.as_deref());
    if let Some(w) = &by {
        require(tx, "worker", "fever.handled_by", "处理人", w)?;
    }
    let open: Option<bool> = tx
        .query_row(
            "SELECT handled_on IS NULL FROM fever_event WHERE id = ?1 AND deleted_at IS NULL",
            params![h.id],
            |r| r.get(0),
        )
        .optional()?;
    match open {
        None => Err(Error::NotFound {
            entity: "fever_event",
            id: h.id.clone(),
        }),
        Some(false) => Err(Error::invalid(
            "fever.id",
            "the fever event is already handled",
            "该发热记录已处理",
        )),
        Some(true) => rows::update(
            tx,
            "fever_event",
            &h.id,
            &[
                ("handled_on", &format_iso(on)),
                ("referral", &referral),
                ("result", &h.result.code()),
                ("handled_by", &by),
                ("note", &optional_note(h.note.as_deref())),
            ],
        ),
    }
}

/// One fever event.
pub fn fever_event(conn: &Connection, id: &str) -> Result<FeverEvent> {
    fever_events_where(conn, "f.id = ?1", id, 1)?
        .into_iter()
        .next()
        .ok_or_else(|| Error::NotFound {
            entity: "fever_event",
            id: id.to_owned(),
        })
}

/// Fever events, unhandled ones (`open_only`) or all, newest first.
pub fn fever_events(conn: &Connection, open_only: bool, limit: u32) -> Result<Vec<FeverEvent>> {
    let clause = if open_only {
        "f.handled_on IS NULL AND ?1 IS NOT NULL"
    } else {
        "?1 IS NOT NULL"
    };
    fever_events_where(conn, clause, "", limit)
}

fn fever_events_where(
    conn: &Connection,
    clause: &str,
    arg: &str,
    limit: u32,
) -> Result<Vec<FeverEvent>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT f.id, f.person_id, p.name, \
                (SELECT address FROM household_search s WHERE s.household_id = p.household_id), \
                f.isolation_id, f.health_check_id, f.temperature, f.detected_at, f.handled_on, \
                f.referral, f.result, f.note, f.gate_check_id \
         FROM fever_event f JOIN person p ON p.id = f.person_id \
         WHERE f.deleted_at IS NULL AND ({clause}) \
         ORDER BY f.detected_at DESC, f.id DESC LIMIT ?2"
    ))?;
    let events = stmt
        .query_map(params![arg, limit], |r| {
            let tenths: i16 = r.get(6)?;
            let result: Option<String> = r.get(10)?;
            Ok(FeverEvent {
                id: r.get(0)?,
                person_id: r.get(1)?,
                person_name: r.get(2)?,
                address: r.get(3)?,
                isolation_id: r.get(4)?,
                health_check_id: r.get(5)?,
                temperature: Temperature::from_tenths(tenths)
                    .map(|t| t.to_string())
                    .unwrap_or_else(|_| tenths.to_string()),
                detected_at: r.get(7)?,
                handled_on: r.get(8)?,
                referral: r.get(9)?,
                result: result.as_deref().and_then(FeverResult::from_code),
                note: r.get(11)?,
                gate_check_id: r.get(12)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(events)
}

/// Record a follow-up call after release on one of the isolation's follow-up days.
pub fn record_follow_up(tx: &Transaction, f: &NewFollowUp) -> Result<()> {
    let done = date_field("follow_up.done_on", "随访日期", &f.done_on)?;
    let row: Option<(Option<String>, String)> = tx
        .query_row(
            "SELECT end_reason, follow_up_days FROM isolation WHERE id = ?1 AND deleted_at IS NULL",
            params![f.isolation_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((reason, days)) = row else {
        return Err(Error::NotFound {
            entity: "isolation",
            id: f.isolation_id.clone(),
        });
    };
    let days: Vec<u32> = serde_json::from_str(&days)?;
    if reason.as_deref() != Some("released") || !days.contains(&f.day) {
        return Err(Error::invalid(
            "follow_up.day",
            "no such follow-up for this isolation",
            "该隔离没有这一天的解除后随访",
        ));
    }
    let worker = optional_note(f.worker_id.as_deref());
    if let Some(w) = &worker {
        require(tx, "worker", "follow_up.worker_id", "随访人", w)?;
    }
    rows::insert(
        tx,
        "isolation_follow_up",
        &[
            ("isolation_id", &f.isolation_id),
            ("day", &f.day),
            ("done_on", &format_iso(done)),
            ("worker_id", &worker),
            ("well", &f.well),
            ("note", &optional_note(f.note.as_deref())),
        ],
    )?;
    Ok(())
}

/// The people of a building in isolation on a date, with the check already recorded in
/// the slot, in address order: the table of a round of temperatures.
pub fn building_round(conn: &Connection, q: &RoundQuery) -> Result<Vec<RoundRow>> {
    let date = date_field("round.date", "日期", &q.date)?;
    let d = format_iso(date);
    let isolations = read_where(
        conn,
        // ?1 is the date itself (read_where binds it).
        "i.start_date <= ?1 AND i.planned_end >= ?1 AND (i.ended_on IS NULL OR i.ended_on > ?1) \
         AND p.household_id IN (SELECT h.id FROM household h JOIN unit u ON u.id = h.unit_id \
                                WHERE u.building_id = ?2 AND h.deleted_at IS NULL)",
        &[&q.building_id],
        date,
    )?;
    let threshold = settings::fever_threshold(&Settings::load(conn)?);
    let mut stmt = conn.prepare(&format!(
        "{CHECK_SELECT} WHERE c.isolation_id = ?1 AND c.check_date = ?2 AND c.slot = ?3 \
         AND c.deleted_at IS NULL"
    ))?;
    let mut rows = Vec::new();
    for isolation in isolations {
        let check = stmt
            .query_row(params![isolation.id, d, q.slot], |r| {
                check_from_row(r, threshold)
            })
            .optional()?;
        rows.push(RoundRow { isolation, check });
    }
    rows.sort_by(|a, b| {
        (a.isolation.address.as_deref(), &a.isolation.person_name)
            .cmp(&(b.isolation.address.as_deref(), &b.isolation.person_name))
    });
    Ok(rows)
}
