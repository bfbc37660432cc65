//! Gate checks at checkpoints (卡口 / 门岗).
//!
//! A gate check is one entry checked at a checkpoint: a person of the register (found by
//! the search module: ID number, phone tail, name or pinyin) or a visitor typed in by
//! name, phone, ID number and reason. A reading at or above `settings::fever_threshold`
//! refuses entry, records the referral (the community clinic by default) and raises a
//! fever event through the same code path as health checks (`isolation::raise_fever`).
//! A fever event needs a person, so a visitor with a fever is registered as one (or
//! linked to the person already registered with that ID number).
//!
//! Days here are **calendar days** of `checked_at` (midnight to midnight), not
//! statistical days: a gate's day view and its hour histogram read one calendar day, and
//! the 首页 card counts today's calendar day the same way.

use chrono::{Days, Local, NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::api::{
    Checkpoint, CheckpointDay, GateCheck, GateCheckOutcome, GateCounts, GateDay, GateDayQuery,
    GateSummary, NewCheckpoint, NewGateCheck, ResidenceStatus, Visitor, VoidGateCheck,
};
use crate::arrivals::{date_field, optional_note, require};
use crate::domain::date::format_iso;
use crate::domain::id_number::parse_id_number;
use crate::domain::masking::{mask_id, mask_phone, MaskPreset};
use crate::domain::phone::parse_any_phone;
use crate::domain::temperature::Temperature;
use crate::error::{Error, Result};
use crate::isolation::{raise_fever, FeverOrigin};
use crate::register::{self, NewPerson};
use crate::settings::{self, Settings};
use crate::store::rows;

/// Where a refused entry is sent unless the worker says otherwise.
pub const DEFAULT_REFERRAL: &str = "社区卫生服务中心发热门诊";

const TIME_FORMAT: &str = "%Y-%m-%d %H:%M:%S";

/// Add a checkpoint; names are unique among live checkpoints.
pub fn add_checkpoint(tx: &Transaction, c: &NewCheckpoint) -> Result<String> {
    let name = c.name.trim();
    if name.is_empty() {
        return Err(Error::invalid(
            "checkpoint.name",
            "the checkpoint name is empty",
            "请填写卡口名称",
        ));
    }
    let taken: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM checkpoint WHERE name = ?1 AND deleted_at IS NULL)",
        params![name],
        |r| r.get(0),
    )?;
    if taken {
        return Err(Error::invalid(
            "checkpoint.name",
            format!("a checkpoint named {name} already exists"),
            format!("已有名为「{name}」的卡口"),
        ));
    }
    rows::insert(
        tx,
        "checkpoint",
        &[
            ("name", &name),
            ("place", &optional_note(c.place.as_deref())),
            ("note", &optional_note(c.note.as_deref())),
        ],
    )
}

/// Live checkpoints, by name.
pub fn list_checkpoints(conn: &Connection) -> Result<Vec<Checkpoint>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, place, note FROM checkpoint WHERE deleted_at IS NULL ORDER BY name, id",
    )?;
    let list = stmt
        .query_map([], |r| {
            Ok(Checkpoint {
                id: r.get(0)?,
                name: r.get(1)?,
                place: r.get(2)?,
                note: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(list)
}

/// The live checkpoint with this name.
pub fn checkpoint_by_name(conn: &Connection, name: &str) -> Result<Checkpoint> {
    list_checkpoints(conn)?
        .into_iter()
        .find(|c| c.name == name.trim())
        .ok_or_else(|| {
            Error::invalid(
                "checkpoint",
                format!("no checkpoint named {name}"),
                format!("没有名为「{name}」的卡口"),
            )
        })
}

/// The moment of a check: as typed, or now; never in the future.
fn checked_at(raw: Option<&str>, now: NaiveDateTime) -> Result<NaiveDateTime> {
    let Some(raw) = raw.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(now);
    };
    let at = NaiveDateTime::parse_from_str(raw, TIME_FORMAT)
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%d %H:%M"))
        .map_err(|_| {
            Error::invalid(
                "gate.checked_at",
                format!("bad time {raw:?}: use YYYY-MM-DD HH:MM"),
                "检查时间格式应为 2020-01-28 08:30",
            )
        })?;
    if at > now {
        return Err(Error::invalid(
            "gate.checked_at",
            "a gate check cannot be recorded in the future",
            "检查时间不能晚于现在",
        ));
    }
    Ok(at)
}

/// A visitor as typed, validated: name required; phone and ID number checked if given.
struct CleanVisitor {
    name: String,
    phone: Option<String>,
    id_number: Option<String>,
    reason: Option<String>,
}

fn clean_visitor(v: &Visitor) -> Result<CleanVisitor> {
    let name = v.name.trim();
    if name.is_empty() {
        return Err(Error::invalid(
            "visitor.name",
            "the visitor's name is empty",
            "请填写来访人员姓名",
        ));
    }
    let phone = match optional_note(v.phone.as_deref()) {
        Some(raw) => Some(
            parse_any_phone(&raw)
                .map_err(|e| {
                    Error::invalid(
                        "visitor.phone",
                        e.to_string(),
                        format!("联系电话：{}", e.message_zh()),
                    )
                })?
                .as_str()
                .to_owned(),
        ),
        None => None,
    };
    let id_number = match optional_note(v.id_number.as_deref()) {
        Some(raw) => Some(
            parse_id_number(&raw)
                .map_err(|e| {
                    Error::invalid(
                        "visitor.id_number",
                        e.to_string(),
                        format!("身份证号：{}", e.message_zh()),
                    )
                })?
                .number
                .as_str()
                .to_owned(),
        ),
        None => None,
    };
    Ok(CleanVisitor {
        name: name.to_owned(),
        phone,
        id_number,
        reason: optional_note(v.reason.as_deref()),
    })
}

/// Record one gate check. Exactly one of `person_id` and `visitor`. A fever (at or above
/// the threshold) refuses entry, records the referral and raises a fever event.
pub fn add_gate_check(
    tx: &Transaction,
    g: &NewGateCheck,
    now: NaiveDateTime,
) -> Result<GateCheckOutcome> {
    require(
        tx,
        "checkpoint",
        "gate.checkpoint_id",
        "卡口",
        &g.checkpoint_id,
    )?;
    let temperature = Temperature::parse(g.temperature.trim()).map_err(|e| {
        Error::invalid(
            "gate.temperature",
            e.to_string(),
            format!("体温：{}", e.message_zh()),
        )
    })?;
    let at = checked_at(g.checked_at.as_deref(), now)?;
    let at_text = at.format(TIME_FORMAT).to_string();
    let person_id = optional_note(g.person_id.as_deref());
    let visitor = match (&person_id, &g.visitor) {
        (Some(_), Some(_)) => {
            return Err(Error::invalid(
                "gate.person_id",
                "give a person or a visitor, not both",
                "请选择登记人员或填写来访人员，不能同时填写",
            ))
        }
        (None, None) => {
            return Err(Error::invalid(
                "gate.person_id",
                "no person and no visitor",
                "请选择登记人员，或按来访人员登记",
            ))
        }
        (Some(p), None) => {
            require(tx, "person", "gate.person_id", "人员", p)?;
            None
        }
        (None, Some(v)) => Some(clean_visitor(v)?),
    };
    let checked_by = optional_note(g.checked_by.as_deref());
    if let Some(w) = &checked_by {
        require(tx, "worker", "gate.checked_by", "检查人", w)?;
    }
    // A visitor whose ID number is registered is that person.
    let mut person_id = person_id;
    if let Some(id) = visitor.as_ref().and_then(|v| v.id_number.as_deref()) {
        person_id = tx
            .query_row(
                "SELECT id FROM person WHERE upper(id_number) = ?1 AND deleted_at IS NULL",
                params![id],
                |r| r.get(0),
            )
            .optional()?;
    }
    let threshold = settings::fever_threshold(&Settings::load(tx)?);
    let fever = temperature.is_fever(threshold);
    if fever && person_id.is_none() {
        if let Some(v) = &visitor {
            let notes = match &v.reason {
                Some(r) => format!("卡口来访人员，发热未准入（来访事由：{r}）"),
                None => "卡口来访人员，发热未准入".to_owned(),
            };
            person_id = Some(register::add_person(
                tx,
                &NewPerson {
                    name: &v.name,
                    id_number: v.id_number.as_deref(),
                    phone: v.phone.as_deref(),
                    household_id: None,
                    relation: None,
                    residence_status: Some(ResidenceStatus::Floating),
                    current_location: None,
                    notes: Some(&notes),
                },
            )?);
        }
    }
    let referral = if fever {
        Some(optional_note(g.referral.as_deref()).unwrap_or_else(|| DEFAULT_REFERRAL.to_owned()))
    } else {
        None
    };
    let id = rows::insert(
        tx,
        "gate_check",
        &[
            ("checkpoint_id", &g.checkpoint_id),
            ("person_id", &person_id),
            ("visitor_name", &visitor.as_ref().map(|v| v.name.clone())),
            (
                "visitor_phone",
                &visitor.as_ref().and_then(|v| v.phone.clone()),
            ),
            (
                "visitor_id_number",
                &visitor.as_ref().and_then(|v| v.id_number.clone()),
            ),
            ("reason", &visitor.as_ref().and_then(|v| v.reason.clone())),
            ("temperature", &temperature.tenths()),
            ("checked_at", &at_text),
            ("admitted", &!fever),
            ("referral", &referral),
            ("checked_by", &checked_by),
            ("note", &optional_note(g.note.as_deref())),
        ],
    )?;
    let fever_event_id = match (&person_id, fever) {
        (Some(person), true) => Some(raise_fever(
            tx,
            person,
            FeverOrigin::GateCheck { gate_check_id: &id },
            temperature,
            &at_text,
        )?),
        _ => None,
    };
    Ok(GateCheckOutcome {
        id,
        admitted: !fever,
        fever_event_id,
        person_id,
    })
}

const CHECK_SELECT: &str = "SELECT g.id, g.checkpoint_id, c.name, g.person_id, \
     coalesce(p.name, g.visitor_name), g.visitor_name IS NOT NULL, \
     coalesce(p.id_number, g.visitor_id_number), coalesce(p.phone, g.visitor_phone), \
     (SELECT address FROM household_search s WHERE s.household_id = p.household_id), \
     g.reason, g.temperature, g.admitted, g.referral, \
     (SELECT f.id FROM fever_event f WHERE f.gate_check_id = g.id AND f.deleted_at IS NULL), \
     g.checked_at, g.note \
     FROM gate_check g JOIN checkpoint c ON c.id = g.checkpoint_id \
     LEFT JOIN person p ON p.id = g.person_id";

fn check_from_row(r: &rusqlite::Row) -> rusqlite::Result<GateCheck> {
    let id_number: Option<String> = r.get(6)?;
    let phone: Option<String> = r.get(7)?;
    let tenths: i16 = r.get(10)?;
    let fever_event_id: Option<String> = r.get(13)?;
    let admitted: bool = r.get(11)?;
    Ok(GateCheck {
        id: r.get(0)?,
        checkpoint_id: r.get(1)?,
        checkpoint_name: r.get(2)?,
        person_id: r.get(3)?,
        name: r.get(4)?,
        visitor: r.get(5)?,
        id_number: id_number.map(|s| mask_id(&s, MaskPreset::Upward)),
        phone: phone.map(|s| mask_phone(&s, MaskPreset::Public)),
        address: r.get(8)?,
        reason: r.get(9)?,
        temperature: Temperature::from_tenths(tenths)
            .map(|t| t.to_string())
            .unwrap_or_else(|_| tenths.to_string()),
        fever: fever_event_id.is_some() || !admitted,
        admitted,
        referral: r.get(12)?,
        fever_event_id,
        checked_at: r.get(14)?,
        note: r.get(15)?,
    })
}

/// The bounds of a calendar day as `checked_at` text: [start, end).
fn day_bounds(date: NaiveDate) -> (String, String) {
    let next = date.checked_add_days(Days::new(1)).unwrap_or(date);
    (
        format!("{} 00:00:00", format_iso(date)),
        format!("{} 00:00:00", format_iso(next)),
    )
}

/// Counts of the gate checks of one calendar day, per checkpoint id.
fn counts_on(conn: &Connection, date: NaiveDate) -> Result<Vec<(String, GateCounts)>> {
    let (start, end) = day_bounds(date);
    let mut stmt = conn.prepare(
        "SELECT g.checkpoint_id, count(*), count(g.visitor_name), \
                sum(EXISTS (SELECT 1 FROM fever_event f WHERE f.gate_check_id = g.id \
                            AND f.deleted_at IS NULL)), \
                sum(g.admitted = 0) \
         FROM gate_check g \
         WHERE g.checked_at >= ?1 AND g.checked_at < ?2 AND g.deleted_at IS NULL \
         GROUP BY g.checkpoint_id",
    )?;
    let rows = stmt
        .query_map(params![start, end], |r| {
            Ok((
                r.get(0)?,
                GateCounts {
                    checked: r.get(1)?,
                    visitors: r.get(2)?,
                    fever: r.get(3)?,
                    refused: r.get(4)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn add_counts(total: &mut GateCounts, c: &GateCounts) {
    total.checked += c.checked;
    total.visitors += c.visitors;
    total.fever += c.fever;
    total.refused += c.refused;
}

/// The day view of one calendar day (default `today`): counts per checkpoint and in
/// total, entries per hour and the entries, for one checkpoint or all.
pub fn gate_day(conn: &Connection, q: &GateDayQuery, today: NaiveDate) -> Result<GateDay> {
    let date = match q.date.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(raw) => date_field("gate.date", "日期", raw)?,
        None => today,
    };
    let only = optional_note(q.checkpoint_id.as_deref());
    let counts = counts_on(conn, date)?;
    let mut checkpoints = Vec::new();
    let mut total = GateCounts::default();
    for cp in list_checkpoints(conn)? {
        let c = counts
            .iter()
            .find(|(id, _)| *id == cp.id)
            .map(|(_, c)| c.clone())
            .unwrap_or_default();
        if only.as_deref().is_none_or(|o| o == cp.id) {
            add_counts(&mut total, &c);
        }
        checkpoints.push(CheckpointDay {
            checkpoint: cp,
            counts: c,
        });
    }
    let (start, end) = day_bounds(date);
    let mut per_hour = vec![0u32; 24];
    let mut stmt = conn.prepare(
        "SELECT CAST(substr(checked_at, 12, 2) AS INTEGER), count(*) FROM gate_check \
         WHERE checked_at >= ?1 AND checked_at < ?2 AND deleted_at IS NULL \
           AND (?3 IS NULL OR checkpoint_id = ?3) \
         GROUP BY 1",
    )?;
    for row in stmt.query_map(params![start, end, only], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, u32>(1)?))
    })? {
        let (hour, n) = row?;
        if let Some(slot) = usize::try_from(hour).ok().and_then(|h| per_hour.get_mut(h)) {
            *slot = n;
        }
    }
    let mut stmt = conn.prepare(&format!(
        "{CHECK_SELECT} WHERE g.checked_at >= ?1 AND g.checked_at < ?2 AND g.deleted_at IS NULL \
         AND (?3 IS NULL OR g.checkpoint_id = ?3) ORDER BY g.checked_at DESC, g.id DESC"
    ))?;
    let checks = stmt
        .query_map(params![start, end, only], check_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(GateDay {
        date: format_iso(date),
        checkpoints,
        total,
        per_hour,
        checks,
    })
}

/// Void a gate check typed wrongly, with the reason: it leaves the day view, the counts,
/// the gate sheet and the statistics, and the reason goes into its note (the audit log
/// keeps the entry as it was). A fever event it raised goes with it while still open; once
/// handled (the person was referred) the check stands and is refused here, since the
/// referral happened. A visitor registered because of the fever stays in the register.
pub fn void_gate_check(tx: &Transaction, v: &VoidGateCheck) -> Result<()> {
    let reason = v.reason.trim();
    if reason.is_empty() {
        return Err(Error::invalid(
            "gate.void_reason",
            "the reason is empty",
            "请填写作废原因（如体温录错、人员选错）",
        ));
    }
    if reason.chars().count() > 200 {
        return Err(Error::invalid(
            "gate.void_reason",
            "the reason is over 200 characters",
            "作废原因不能超过 200 字",
        ));
    }
    let note: Option<Option<String>> = tx
        .query_row(
            "SELECT note FROM gate_check WHERE id = ?1 AND deleted_at IS NULL",
            params![v.id],
            |r| r.get(0),
        )
        .optional()?;
    let Some(note) = note else {
        return Err(Error::NotFound {
            entity: "gate_check",
            id: v.id.clone(),
        });
    };
    let fever: Option<(String, bool)> = tx
        .query_row(
            "SELECT id, handled_on IS NOT NULL FROM fever_event \
             WHERE gate_check_id = ?1 AND deleted_at IS NULL",
            params![v.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match fever {
        Some((_, true)) => {
            return Err(Error::invalid(
                "gate.id",
                "its fever event is already handled",
                "该次测温的发热已处理（已转诊），不能作废",
            ))
        }
        Some((event, false)) => rows::soft_delete(tx, "fever_event", &event)?,
        None => {}
    }
    let note = match note.filter(|n| !n.trim().is_empty()) {
        Some(n) => format!("{n}；作废：{reason}"),
        None => format!("作废：{reason}"),
    };
    rows::update(tx, "gate_check", &v.id, &[("note", &note)])?;
    rows::soft_delete(tx, "gate_check", &v.id)
}

/// One gate check.
pub fn get_gate_check(conn: &Connection, id: &str) -> Result<GateCheck> {
    conn.query_row(
        &format!("{CHECK_SELECT} WHERE g.id = ?1"),
        params![id],
        check_from_row,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        entity: "gate_check",
        id: id.to_owned(),
    })
}

/// A person's gate checks, newest first (for the person drawer).
pub fn person_gate_checks(
    conn: &Connection,
    person_id: &str,
    limit: u32,
) -> Result<Vec<GateCheck>> {
    let mut stmt = conn.prepare(&format!(
        "{CHECK_SELECT} WHERE g.person_id = ?1 AND g.deleted_at IS NULL \
         ORDER BY g.checked_at DESC, g.id DESC LIMIT ?2"
    ))?;
    let list = stmt
        .query_map(params![person_id, limit], check_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(list)
}

/// The 首页 card: the checkpoints and today's (calendar day) counts over all of them.
pub fn gate_summary(conn: &Connection, today: NaiveDate) -> Result<GateSummary> {
    let mut counts = GateCounts::default();
    for (_, c) in counts_on(conn, today)? {
        add_counts(&mut counts, &c);
    }
    let checkpoints: u32 = conn.query_row(
        "SELECT count(*) FROM checkpoint WHERE deleted_at IS NULL",
        [],
        |r| r.get(0),
    )?;
    Ok(GateSummary {
        date: format_iso(today),
        checkpoints,
        counts,
    })
}

/// Now, local time: what an entry's time defaults to.
pub fn now() -> NaiveDateTime {
    Local::now().naive_local()
}
