//! Isolation (居家隔离 / 集中隔离 / 居家健康监测) and its health monitoring.
//!
//! An isolation keeps the policy it started with (`policy`): its length, checks per day and
//! follow-up days are copied into its row, so a policy change applies to new isolations
//! only, and re-planning one is an explicit update with a reason. The period covers `days`
//! calendar days from day 1 (`start_date`) to `planned_end` inclusive; release is due the
//! day after. Status, day N, checks done and missing are derived when read, on a date
//! (normally the statistical date), never stored.
//!
//! `checks` records health checks and the fever events they raise; `worklist` is the grid
//! worker's morning.

pub mod checks;
pub mod policy;
pub mod worklist;

use chrono::{Days, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, ToSql, Transaction};

use crate::api::{
    BulkRelease, BulkReleaseOutcome, EndIsolation, EndReason, Isolation, IsolationFilter,
    IsolationKind, IsolationPage, IsolationProposal, IsolationSource, IsolationStatus,
    NewIsolation, ReleaseRefusal, Replan, StartRule,
};
use crate::arrivals::{date_field, optional_date, optional_note, require};
use crate::domain::date::format_iso;
use crate::domain::masking::{mask_id, mask_phone, MaskPreset};
use crate::error::{Error, Result};
use crate::store::rows;

pub use checks::{add_checks, building_round, handle_fever, monitoring_grid, record_follow_up};
pub(crate) use checks::{raise_fever, FeverOrigin};
pub use policy::{isolation_policy, set_isolation_policy};
pub use worklist::worklist;

/// The longest isolation a plan may have.
pub const MAX_DAYS: u32 = 90;
/// The most isolations one page may hold.
pub const MAX_PAGE: u32 = 500;

/// The last day of a period of `days` days starting on `start`.
pub fn planned_end(start: NaiveDate, days: u32) -> NaiveDate {
    start
        .checked_add_days(Days::new(u64::from(days.max(1)) - 1))
        .unwrap_or(start)
}

fn check_days(days: u32) -> Result<()> {
    if (1..=MAX_DAYS).contains(&days) {
        Ok(())
    } else {
        Err(Error::invalid(
            "isolation.days",
            format!("an isolation lasts 1 to {MAX_DAYS} days, not {days}"),
            format!("隔离天数须在 1 到 {MAX_DAYS} 天之间"),
        ))
    }
}

/// What the policy proposes for a person: the start from the arrival (its date, or the
/// departure when the policy says so) or the contact (its last contact date), else today.
pub fn propose_isolation(
    conn: &Connection,
    s: &IsolationSource,
    today: NaiveDate,
) -> Result<IsolationProposal> {
    let kp = policy::kind_policy(conn, s.kind)?;
    let (rule, start) = source_start(conn, s, kp.start_rule, today)?;
    Ok(IsolationProposal {
        kind: s.kind,
        start_rule: rule,
        start_date: format_iso(start),
        days: kp.days,
        planned_end: format_iso(planned_end(start, kp.days)),
        checks_per_day: kp.checks_per_day,
        follow_up_days: kp.follow_up_days,
    })
}

fn source_start(
    conn: &Connection,
    s: &IsolationSource,
    rule: StartRule,
    today: NaiveDate,
) -> Result<(StartRule, NaiveDate)> {
    if let Some(contact) = optional_note(s.contact_id.as_deref()) {
        let found: Option<(String, String)> = conn
            .query_row(
                "SELECT person_id, last_contact_on FROM contact WHERE id = ?1 AND deleted_at IS NULL",
                params![contact],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((_, last)) = found.filter(|(p, _)| p == s.person_id.trim()) else {
            return Err(Error::invalid(
                "isolation.contact_id",
                "the contact is not this person's",
                "所选密接记录不存在或不属于该人员",
            ));
        };
        return Ok((
            StartRule::LastContact,
            date_field("isolation.contact_id", "最后接触日期", &last)?,
        ));
    }
    if let Some(arrival) = optional_note(s.arrival_id.as_deref()) {
        let found: Option<(String, String, Option<String>)> = conn
            .query_row(
                "SELECT person_id, arrived_on, departed_on FROM arrival \
                 WHERE id = ?1 AND deleted_at IS NULL",
                params![arrival],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((_, arrived, departed)) = found.filter(|(p, _, _)| p == s.person_id.trim()) else {
            return Err(Error::invalid(
                "isolation.arrival_id",
                "the arrival is not this person's",
                "所选返乡记录不存在或不属于该人员",
            ));
        };
        let (rule, text) = match (rule, departed) {
            (StartRule::Departure, Some(d)) => (StartRule::Departure, d),
            _ => (StartRule::Arrival, arrived),
        };
        return Ok((rule, date_field("isolation.arrival_id", "日期", &text)?));
    }
    Ok((StartRule::Manual, today))
}

/// Start an isolation. Dates not given come from the policy; the period may not overlap
/// another live isolation of the same kind for the same person.
pub fn start_isolation(tx: &Transaction, n: &NewIsolation, today: NaiveDate) -> Result<String> {
    let person = n.person_id.trim().to_owned();
    require(tx, "person", "isolation.person_id", "人员", &person)?;
    let kp = policy::kind_policy(tx, n.kind)?;
    let source = IsolationSource {
        person_id: person.clone(),
        kind: n.kind,
        arrival_id: n.arrival_id.clone(),
        contact_id: n.contact_id.clone(),
    };
    let (mut rule, proposed) = source_start(tx, &source, kp.start_rule, today)?;
    let start = match optional_date("isolation.start_date", "开始日期", n.start_date.as_deref())?
    {
        Some(d) if d != proposed => {
            rule = StartRule::Manual;
            d
        }
        Some(d) => d,
        None => proposed,
    };
    let days = n.days.unwrap_or(kp.days);
    check_days(days)?;
    let end = planned_end(start, days);
    refuse_overlap(tx, &person, n.kind, start, end, None)?;
    if let Some(w) = optional_note(n.responsible_worker_id.as_deref()) {
        require(
            tx,
            "worker",
            "isolation.responsible_worker_id",
            "包保责任人",
            &w,
        )?;
    }
    rows::insert(
        tx,
        "isolation",
        &[
            ("person_id", &person),
            ("kind", &n.kind.code()),
            ("start_rule", &rule.code()),
            ("arrival_id", &optional_note(n.arrival_id.as_deref())),
            ("contact_id", &optional_note(n.contact_id.as_deref())),
            ("start_date", &format_iso(start)),
            ("days", &days),
            ("planned_end", &format_iso(end)),
            ("checks_per_day", &kp.checks_per_day),
            (
                "follow_up_days",
                &serde_json::to_string(&kp.follow_up_days)?,
            ),
            ("place", &optional_note(n.place.as_deref())),
            (
                "responsible_worker_id",
                &optional_note(n.responsible_worker_id.as_deref()),
            ),
            ("note", &optional_note(n.note.as_deref())),
        ],
    )
}

fn refuse_overlap(
    tx: &Transaction,
    person: &str,
    kind: IsolationKind,
    start: NaiveDate,
    end: NaiveDate,
    except: Option<&str>,
) -> Result<()> {
    let clash: Option<(String, String)> = tx
        .query_row(
            "SELECT start_date, coalesce(ended_on, planned_end) FROM isolation \
             WHERE person_id = ?1 AND kind = ?2 AND deleted_at IS NULL AND id IS NOT ?3 \
               AND start_date <= ?5 AND coalesce(ended_on, planned_end) >= ?4 LIMIT 1",
            params![
                person,
                kind.code(),
                except,
                format_iso(start),
                format_iso(end)
            ],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match clash {
        Some((from, to)) => Err(Error::invalid(
            "isolation.start_date",
            format!("an isolation of the same kind already covers {from} to {to}"),
            format!("该人员已有{}（{from} 至 {to}），时间重叠", kind.label_zh()),
        )),
        None => Ok(()),
    }
}

/// Extend or shorten an isolation: a new length, only with a reason (the audit log keeps
/// the old plan and the reason).
pub fn replan_isolation(tx: &Transaction, r: &Replan) -> Result<()> {
    let reason = r.reason.trim();
    if reason.is_empty() {
        return Err(Error::invalid(
            "isolation.reason",
            "extending or shortening an isolation needs a reason",
            "延长或缩短隔离期必须填写原因",
        ));
    }
    check_days(r.days)?;
    let row = read_plan(tx, &r.id)?;
    if row.ended_on.is_some() {
        return Err(Error::invalid(
            "isolation.id",
            "the isolation has ended",
            "该隔离已结束，不能再调整",
        ));
    }
    let end = planned_end(row.start, r.days);
    refuse_overlap(tx, &row.person_id, row.kind, row.start, end, Some(&r.id))?;
    rows::update(
        tx,
        "isolation",
        &r.id,
        &[
            ("days", &r.days),
            ("planned_end", &format_iso(end)),
            ("plan_reason", &reason),
        ],
    )
}

struct Plan {
    person_id: String,
    person_name: String,
    kind: IsolationKind,
    start: NaiveDate,
    planned_end: NaiveDate,
    ended_on: Option<String>,
}

fn read_plan(conn: &Connection, id: &str) -> Result<Plan> {
    let row: Option<(String, String, String, String, String, Option<String>)> = conn
        .query_row(
            "SELECT i.person_id, p.name, i.kind, i.start_date, i.planned_end, i.ended_on \
             FROM isolation i JOIN person p ON p.id = i.person_id \
             WHERE i.id = ?1 AND i.deleted_at IS NULL",
            params![id],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .optional()?;
    let Some((person_id, person_name, kind, start, end, ended_on)) = row else {
        return Err(Error::NotFound {
            entity: "isolation",
            id: id.to_owned(),
        });
    };
    Ok(Plan {
        person_id,
        person_name,
        kind: IsolationKind::from_code(&kind).unwrap_or(IsolationKind::Home),
        start: date_field("isolation.start_date", "开始日期", &start)?,
        planned_end: date_field("isolation.planned_end", "结束日期", &end)?,
        ended_on,
    })
}

/// Why an isolation may not be released on `on`, in Chinese; `None` when it may.
/// `strict` (bulk release) also refuses gaps in the checks.
fn release_refusal(
    conn: &Connection,
    id: &str,
    on: NaiveDate,
    strict: bool,
) -> Result<Option<String>> {
    let plan = read_plan(conn, id)?;
    if plan.ended_on.is_some() {
        return Ok(Some("已结束".to_owned()));
    }
    if on <= plan.planned_end {
        return Ok(Some(format!(
            "隔离期至 {} 才满，解除日期应在其后（提前解除请先缩短隔离期并说明原因）",
            format_iso(plan.planned_end)
        )));
    }
    let fevers: u32 = conn.query_row(
        "SELECT count(*) FROM fever_event WHERE isolation_id = ?1 AND handled_on IS NULL \
         AND deleted_at IS NULL",
        params![id],
        |r| r.get(0),
    )?;
    if fevers > 0 {
        return Ok(Some(format!("有 {fevers} 条未处理的发热记录")));
    }
    if strict {
        let missing = checks::missing_checks(conn, id, on)?;
        if missing > 0 {
            return Ok(Some(format!("监测记录缺 {missing} 次，请补录或逐个解除")));
        }
    }
    Ok(None)
}

/// End an isolation: released (only once the period is complete and no fever is
/// unhandled), transferred to hospital or central isolation, left the area, or lost.
pub fn end_isolation(tx: &Transaction, e: &EndIsolation) -> Result<()> {
    let on = date_field("isolation.ended_on", "结束日期", &e.on)?;
    let plan = read_plan(tx, &e.id)?;
    if on < plan.start {
        return Err(Error::invalid(
            "isolation.ended_on",
            "the end is before the start",
            "结束日期不能早于开始日期",
        ));
    }
    if e.reason == EndReason::Released {
        if let Some(why) = release_refusal(tx, &e.id, on, false)? {
            return Err(Error::invalid(
                "isolation.ended_on",
                format!("{} cannot be released on {on}", plan.person_name),
                format!("{}不能解除：{why}", plan.person_name),
            ));
        }
    } else if plan.ended_on.is_some() {
        return Err(Error::invalid(
            "isolation.id",
            "the isolation has ended",
            "该隔离已结束",
        ));
    }
    let by = optional_note(e.by.as_deref());
    if let Some(w) = &by {
        require(tx, "worker", "isolation.ended_by", "经办人", w)?;
    }
    let note = optional_note(e.note.as_deref());
    let on_text = format_iso(on);
    let reason = e.reason.code();
    let mut fields: Vec<(&'static str, &dyn ToSql)> = vec![
        ("ended_on", &on_text),
        ("end_reason", &reason),
        ("ended_by", &by),
    ];
    if note.is_some() {
        fields.push(("note", &note));
    }
    rows::update(tx, "isolation", &e.id, &fields)
}

/// Release many isolations on one date: those whose period is complete, with every check
/// recorded and no unhandled fever, are released; the others are listed with the reason.
pub fn release_isolations(tx: &Transaction, b: &BulkRelease) -> Result<BulkReleaseOutcome> {
    let on = date_field("isolation.ended_on", "解除日期", &b.on)?;
    let mut outcome = BulkReleaseOutcome {
        released: Vec::new(),
        refused: Vec::new(),
    };
    for id in &b.ids {
        let plan = read_plan(tx, id)?;
        match release_refusal(tx, id, on, true)? {
            Some(reason_zh) => outcome.refused.push(ReleaseRefusal {
                id: id.clone(),
                person_name: plan.person_name,
                reason_zh,
            }),
            None => {
                end_isolation(
                    tx,
                    &EndIsolation {
                        id: id.clone(),
                        on: format_iso(on),
                        reason: EndReason::Released,
                        by: b.by.clone(),
                        note: None,
                    },
                )?;
                outcome.released.push(id.clone());
            }
        }
    }
    Ok(outcome)
}

/// The SQL that reads isolations with what is derived on a date, `?1`. Gaps: the checks
/// expected on the days before `?1` within the period (and before it ended), less those
/// recorded before `?1` (the derived `isolation_check_count` less the few on or after it).
/// Later anonymous parameters in a WHERE clause are numbered from 2.
const ISOLATION_SELECT: &str = "SELECT i.id, i.person_id, p.name, p.id_number, p.phone, \
       (SELECT address FROM household_search s WHERE s.household_id = p.household_id), \
       i.kind, i.start_rule, i.arrival_id, i.contact_id, i.start_date, i.days, i.planned_end, \
       i.checks_per_day, i.follow_up_days, i.ended_on, i.end_reason, i.plan_reason, i.place, \
       i.note, coalesce(n.checks, 0), coalesce(fv.open, 0), \
       max(0, CAST(julianday(min(date(?1, '-1 day'), i.planned_end, \
                                 coalesce(date(i.ended_on, '-1 day'), '9999-12-31'))) \
                   - julianday(i.start_date) + 1 AS INTEGER)) * i.checks_per_day \
         - coalesce(n.checks, 0) + coalesce(later.checks, 0) \
     FROM isolation i JOIN person p ON p.id = i.person_id \
     LEFT JOIN isolation_check_count n ON n.isolation_id = i.id \
     LEFT JOIN (SELECT isolation_id, count(*) AS open FROM fever_event \
                WHERE handled_on IS NULL AND deleted_at IS NULL GROUP BY isolation_id) fv \
       ON fv.isolation_id = i.id \
     LEFT JOIN (SELECT isolation_id, count(*) AS checks FROM health_check \
                WHERE check_date >= ?1 AND deleted_at IS NULL GROUP BY isolation_id) later \
       ON later.isolation_id = i.id";

fn isolation_from_row(r: &rusqlite::Row, on: NaiveDate) -> rusqlite::Result<(Isolation, u32)> {
    let kind: String = r.get(6)?;
    let rule: String = r.get(7)?;
    let start: String = r.get(10)?;
    let days: u32 = r.get(11)?;
    let follow: String = r.get(14)?;
    let ended_on: Option<String> = r.get(15)?;
    let end_reason: Option<String> = r.get(16)?;
    let end_reason = end_reason.as_deref().and_then(EndReason::from_code);
    let start_date = NaiveDate::parse_from_str(&start, "%Y-%m-%d").unwrap_or(on);
    let status = match end_reason {
        Some(EndReason::Released) => IsolationStatus::Released,
        Some(EndReason::Lost) => IsolationStatus::Lost,
        Some(_) => IsolationStatus::Transferred,
        None if on < start_date => IsolationStatus::NotStarted,
        None => IsolationStatus::Active,
    };
    let day = if on < start_date {
        0
    } else {
        u32::try_from((on - start_date).num_days() + 1)
            .unwrap_or(u32::MAX)
            .min(days)
    };
    let id_number: Option<String> = r.get(3)?;
    let phone: Option<String> = r.get(4)?;
    let done: u32 = r.get(20)?;
    Ok((
        Isolation {
            id: r.get(0)?,
            person_id: r.get(1)?,
            person_name: r.get(2)?,
            id_number_masked: id_number.map(|n| mask_id(&n, MaskPreset::Upward)),
            phone_masked: phone.map(|n| mask_phone(&n, MaskPreset::Public)),
            address: r.get(5)?,
            kind: IsolationKind::from_code(&kind).unwrap_or(IsolationKind::Home),
            start_rule: StartRule::from_code(&rule).unwrap_or(StartRule::Manual),
            arrival_id: r.get(8)?,
            contact_id: r.get(9)?,
            start_date: start,
            days,
            planned_end: r.get(12)?,
            checks_per_day: r.get(13)?,
            follow_up_days: serde_json::from_str(&follow).unwrap_or_default(),
            status,
            day,
            ended_on,
            end_reason,
            plan_reason: r.get(17)?,
            place: r.get(18)?,
            note: r.get(19)?,
            checks_done: done,
            checks_missing: u32::try_from(r.get::<_, i64>(22)?.max(0)).unwrap_or(0),
            open_fevers: r.get(21)?,
        },
        done,
    ))
}

fn read_where(
    conn: &Connection,
    clause: &str,
    values: &[&dyn ToSql],
    on: NaiveDate,
) -> Result<Vec<Isolation>> {
    let sql = format!("{ISOLATION_SELECT} WHERE i.deleted_at IS NULL AND ({clause})");
    let mut stmt = conn.prepare(&sql)?;
    let on_text = format_iso(on);
    let mut all: Vec<&dyn ToSql> = vec![&on_text];
    all.extend_from_slice(values);
    let rows = stmt
        .query_map(rusqlite::params_from_iter(all.iter()), |r| {
            isolation_from_row(r, on).map(|(i, _)| i)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// One isolation as of `on`.
pub fn get_isolation(conn: &Connection, id: &str, on: NaiveDate) -> Result<Isolation> {
    read_where(conn, "i.id = ?", &[&id], on)?
        .into_iter()
        .next()
        .ok_or_else(|| Error::NotFound {
            entity: "isolation",
            id: id.to_owned(),
        })
}

/// Isolations matching `filter`, as of `on` (or the filter's own date): open ones first,
/// by last day.
pub fn list_isolations(
    conn: &Connection,
    filter: &IsolationFilter,
    today: NaiveDate,
) -> Result<IsolationPage> {
    let on = optional_date("filter.on", "日期", filter.on.as_deref())?.unwrap_or(today);
    let on_text = format_iso(on);
    let mut clauses: Vec<String> = Vec::new();
    let mut values: Vec<Box<dyn ToSql>> = Vec::new();
    if let Some(status) = filter.status {
        clauses.push(
            match status {
                IsolationStatus::NotStarted => "i.ended_on IS NULL AND i.start_date > ?",
                IsolationStatus::Active => "i.ended_on IS NULL AND i.start_date <= ?",
                IsolationStatus::Released => "i.end_reason = 'released' AND ? IS NOT NULL",
                IsolationStatus::Transferred => {
                    "i.end_reason IN ('hospital', 'central', 'left') AND ? IS NOT NULL"
                }
                IsolationStatus::Lost => "i.end_reason = 'lost' AND ? IS NOT NULL",
            }
            .to_owned(),
        );
        values.push(Box::new(on_text.clone()));
    }
    if let Some(kind) = filter.kind {
        clauses.push("i.kind = ?".into());
        values.push(Box::new(kind.code()));
    }
    if let Some(due) = optional_date("filter.due", "日期", filter.due.as_deref())? {
        clauses.push(
            "i.start_date <= ? AND i.planned_end >= ? AND (i.ended_on IS NULL OR i.ended_on > ?)"
                .into(),
        );
        let d = format_iso(due);
        values.push(Box::new(d.clone()));
        values.push(Box::new(d.clone()));
        values.push(Box::new(d));
    }
    if let Some(ending) = optional_date("filter.ending", "日期", filter.ending.as_deref())? {
        clauses.push("i.planned_end = ? AND i.ended_on IS NULL".into());
        values.push(Box::new(format_iso(ending)));
    }
    if let Some(person) = optional_note(filter.person_id.as_deref()) {
        clauses.push("i.person_id = ?".into());
        values.push(Box::new(person));
    }
    let clause = if clauses.is_empty() {
        "1".to_owned()
    } else {
        clauses.join(" AND ")
    };
    let total: u32 = conn.query_row(
        &format!("SELECT count(*) FROM isolation i WHERE i.deleted_at IS NULL AND ({clause})"),
        rusqlite::params_from_iter(values.iter()),
        |r| r.get(0),
    )?;
    let limit = if filter.limit == 0 {
        50
    } else {
        filter.limit.min(MAX_PAGE)
    };
    // ?1 of ISOLATION_SELECT is the date.
    values.insert(0, Box::new(on_text.clone()));
    values.push(Box::new(limit));
    values.push(Box::new(filter.offset));
    let sql = format!(
        "{ISOLATION_SELECT} WHERE i.deleted_at IS NULL AND ({clause}) \
         ORDER BY i.ended_on IS NOT NULL, i.planned_end, p.name, i.id LIMIT ? OFFSET ?"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(values.iter()), |r| {
            isolation_from_row(r, on).map(|(i, _)| i)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(IsolationPage { rows, total })
}
