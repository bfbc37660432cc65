//! Work resumption (复工复产): enterprises, visits with the 五到位 checklist (防控机制,
//! 员工排查, 设施物资, 环境消杀, 安全生产 — each 是 / 否 / 不适用 with a note), staff
//! returned / on site / from risk areas, and the difficulties they raise, followed up until
//! closed.
//!
//! A visit is complete when all five items are answered and every 否 carries a note;
//! completeness is derived when read, never stored. A visit saved as a draft may be
//! incomplete (and is counted so); one saved as final must be complete.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::api::{
    CheckAnswer, CheckItem, ChecklistAnswer, Difficulty, DifficultyFilter, DifficultyFollowUp,
    Enterprise, EnterpriseKind, EnterpriseVisit, NewDifficulty, NewDifficultyFollowUp,
    NewEnterprise, NewVisit, VisitFilter, WorkCounts,
};
use crate::arrivals::{date_field, optional_note, require};
use crate::domain::date::format_iso;
use crate::error::{Error, Result};
use crate::register::normalise_phone;
use crate::store::rows;

fn not_future(field: &'static str, what_zh: &str, d: NaiveDate, today: NaiveDate) -> Result<()> {
    if d > today {
        return Err(Error::invalid(
            field,
            format!("{d} is in the future"),
            format!("{what_zh}不能晚于今天"),
        ));
    }
    Ok(())
}

struct CheckedEnterprise {
    name: String,
    phone: Option<String>,
    grid: Option<String>,
}

fn check_enterprise(
    tx: &Connection,
    e: &NewEnterprise,
    except: Option<&str>,
) -> Result<CheckedEnterprise> {
    let name = e.name.trim();
    if name.is_empty() || name.chars().count() > 60 {
        return Err(Error::invalid(
            "enterprise.name",
            "an enterprise needs a name of at most 60 characters",
            "企业名称不能为空，且不超过 60 个字",
        ));
    }
    let clash: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM enterprise WHERE name = ?1 AND deleted_at IS NULL \
         AND id IS NOT ?2)",
        params![name, except],
        |r| r.get(0),
    )?;
    if clash {
        return Err(Error::invalid(
            "enterprise.name",
            format!("an enterprise named {name} exists"),
            format!("已有名为“{name}”的企业"),
        ));
    }
    let phone = optional_note(e.contact_phone.as_deref())
        .map(|p| normalise_phone(&p))
        .transpose()
        .map_err(|e| match e {
            Error::Invalid {
                message,
                message_zh,
                ..
            } => Error::invalid("enterprise.contact_phone", message, message_zh),
            other => other,
        })?;
    let grid = optional_note(e.grid_id.as_deref());
    if let Some(g) = &grid {
        require(tx, "grid", "enterprise.grid_id", "网格", g)?;
    }
    Ok(CheckedEnterprise {
        name: name.to_owned(),
        phone,
        grid,
    })
}

/// Add an enterprise.
pub fn add_enterprise(tx: &Transaction, e: &NewEnterprise) -> Result<String> {
    let c = check_enterprise(tx, e, None)?;
    rows::insert(
        tx,
        "enterprise",
        &[
            ("name", &c.name),
            ("kind", &e.kind.code()),
            ("address", &optional_note(e.address.as_deref())),
            ("contact_name", &optional_note(e.contact_name.as_deref())),
            ("contact_phone", &c.phone),
            ("workforce", &e.workforce),
            ("grid_id", &c.grid),
            ("note", &optional_note(e.note.as_deref())),
        ],
    )
}

/// Change an enterprise.
pub fn update_enterprise(tx: &Transaction, id: &str, e: &NewEnterprise) -> Result<()> {
    let c = check_enterprise(tx, e, Some(id))?;
    rows::update(
        tx,
        "enterprise",
        id,
        &[
            ("name", &c.name),
            ("kind", &e.kind.code()),
            ("address", &optional_note(e.address.as_deref())),
            ("contact_name", &optional_note(e.contact_name.as_deref())),
            ("contact_phone", &c.phone),
            ("workforce", &e.workforce),
            ("grid_id", &c.grid),
            ("note", &optional_note(e.note.as_deref())),
        ],
    )
}

/// The SQL condition that a visit (alias `v`) is complete.
const COMPLETE: &str = "(v.mechanism IS NOT NULL AND v.screening IS NOT NULL \
    AND v.supplies IS NOT NULL AND v.disinfection IS NOT NULL AND v.safety IS NOT NULL \
    AND (v.mechanism <> 'no' OR coalesce(v.mechanism_note, '') <> '') \
    AND (v.screening <> 'no' OR coalesce(v.screening_note, '') <> '') \
    AND (v.supplies <> 'no' OR coalesce(v.supplies_note, '') <> '') \
    AND (v.disinfection <> 'no' OR coalesce(v.disinfection_note, '') <> '') \
    AND (v.safety <> 'no' OR coalesce(v.safety_note, '') <> ''))";

/// Every enterprise with its visits and open difficulties, by name.
pub fn list_enterprises(conn: &Connection) -> Result<Vec<Enterprise>> {
    let sql = format!(
        "SELECT e.id, e.name, e.kind, e.address, e.contact_name, e.contact_phone, e.workforce, \
                e.grid_id, g.name, e.note, \
                (SELECT count(*) FROM enterprise_visit v WHERE v.enterprise_id = e.id AND v.deleted_at IS NULL), \
                (SELECT max(visited_on) FROM enterprise_visit v WHERE v.enterprise_id = e.id AND v.deleted_at IS NULL), \
                (SELECT {COMPLETE} FROM enterprise_visit v WHERE v.enterprise_id = e.id \
                   AND v.deleted_at IS NULL ORDER BY v.visited_on DESC, v.id DESC LIMIT 1), \
                (SELECT count(*) FROM enterprise_difficulty d WHERE d.enterprise_id = e.id \
                   AND d.deleted_at IS NULL AND d.closed_on IS NULL) \
           FROM enterprise e LEFT JOIN grid g ON g.id = e.grid_id \
          WHERE e.deleted_at IS NULL ORDER BY e.name, e.id"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt
        .query_map([], |r| {
            let kind: String = r.get(2)?;
            Ok(Enterprise {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: EnterpriseKind::from_code(&kind).unwrap_or(EnterpriseKind::Other),
                address: r.get(3)?,
                contact_name: r.get(4)?,
                contact_phone: r.get(5)?,
                workforce: r.get(6)?,
                grid_id: r.get(7)?,
                grid_name: r.get(8)?,
                note: r.get(9)?,
                visits: r.get(10)?,
                last_visited_on: r.get(11)?,
                last_visit_complete: r.get(12)?,
                open_difficulties: r.get(13)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The five answers of a visit, every item present, in order, notes trimmed.
fn normalise_checklist(list: &[ChecklistAnswer]) -> Result<Vec<ChecklistAnswer>> {
    let mut out = Vec::with_capacity(5);
    for item in CheckItem::ALL {
        let given: Vec<&ChecklistAnswer> = list.iter().filter(|a| a.item == item).collect();
        if given.len() > 1 {
            return Err(Error::invalid(
                "visit.checklist",
                format!("{item:?} answered twice"),
                format!("“{}到位”重复填写", item.label_zh()),
            ));
        }
        out.push(ChecklistAnswer {
            item,
            answer: given.first().and_then(|a| a.answer),
            note: given.first().and_then(|a| optional_note(a.note.as_deref())),
        });
    }
    Ok(out)
}

/// The items unanswered, or answered 否 without a note.
pub fn missing_items(list: &[ChecklistAnswer]) -> Vec<CheckItem> {
    list.iter()
        .filter(|a| match a.answer {
            None => true,
            Some(CheckAnswer::No) => a.note.as_deref().is_none_or(|n| n.trim().is_empty()),
            Some(_) => false,
        })
        .map(|a| a.item)
        .collect()
}

fn check_visit(
    tx: &Connection,
    v: &NewVisit,
    today: NaiveDate,
) -> Result<(String, Vec<ChecklistAnswer>)> {
    require(
        tx,
        "enterprise",
        "visit.enterprise_id",
        "企业",
        &v.enterprise_id,
    )?;
    let on = date_field("visit.visited_on", "走访日期", &v.visited_on)?;
    not_future("visit.visited_on", "走访日期", on, today)?;
    if let Some(w) = optional_note(v.worker_id.as_deref()) {
        require(tx, "worker", "visit.worker_id", "走访人", &w)?;
    }
    let list = normalise_checklist(&v.checklist)?;
    if !v.draft {
        let missing = missing_items(&list);
        if !missing.is_empty() {
            let names: Vec<String> = missing
                .iter()
                .map(|i| format!("{}到位", i.label_zh()))
                .collect();
            return Err(Error::invalid(
                "visit.checklist",
                format!("the checklist is incomplete: {missing:?}"),
                format!(
                    "“五到位”未填完整：{}（每项须选 是/否/不适用，选“否”须写明情况）；可先存为草稿",
                    names.join("、")
                ),
            ));
        }
    }
    if let (Some(on_site), Some(returned)) = (v.staff_on_site, v.staff_returned) {
        if on_site > returned {
            return Err(Error::invalid(
                "visit.staff_on_site",
                "more staff on site than returned",
                "在岗人数不能多于返岗人数",
            ));
        }
    }
    if let (Some(risk), Some(returned)) = (v.staff_from_risk_areas, v.staff_returned) {
        if risk > returned {
            return Err(Error::invalid(
                "visit.staff_from_risk_areas",
                "more staff from risk areas than returned",
                "来自风险地区的人数不能多于返岗人数",
            ));
        }
    }
    Ok((format_iso(on), list))
}

fn visit_fields<'a>(
    v: &'a NewVisit,
    on: &'a String,
    answers: &'a [(Option<&'static str>, Option<String>)],
    worker: &'a Option<String>,
    note: &'a Option<String>,
) -> Vec<(&'static str, &'a dyn rusqlite::ToSql)> {
    let mut fields: Vec<(&'static str, &dyn rusqlite::ToSql)> = vec![
        ("enterprise_id", &v.enterprise_id),
        ("visited_on", on),
        ("worker_id", worker),
        ("staff_returned", &v.staff_returned),
        ("staff_on_site", &v.staff_on_site),
        ("staff_from_risk_areas", &v.staff_from_risk_areas),
        ("note", note),
    ];
    const NOTES: [&str; 5] = [
        "mechanism_note",
        "screening_note",
        "supplies_note",
        "disinfection_note",
        "safety_note",
    ];
    for (i, item) in CheckItem::ALL.iter().enumerate() {
        fields.push((item.code(), &answers[i].0));
        fields.push((NOTES[i], &answers[i].1));
    }
    fields
}

/// Record a visit (a draft may leave items unanswered).
pub fn add_visit(tx: &Transaction, v: &NewVisit, today: NaiveDate) -> Result<String> {
    let (on, list) = check_visit(tx, v, today)?;
    let answers: Vec<(Option<&'static str>, Option<String>)> = list
        .iter()
        .map(|a| (a.answer.map(CheckAnswer::code), a.note.clone()))
        .collect();
    let worker = optional_note(v.worker_id.as_deref());
    let note = optional_note(v.note.as_deref());
    rows::insert(
        tx,
        "enterprise_visit",
        &visit_fields(v, &on, &answers, &worker, &note),
    )
}

/// Change a visit (complete a draft, correct an answer).
pub fn update_visit(tx: &Transaction, id: &str, v: &NewVisit, today: NaiveDate) -> Result<()> {
    let (on, list) = check_visit(tx, v, today)?;
    let answers: Vec<(Option<&'static str>, Option<String>)> = list
        .iter()
        .map(|a| (a.answer.map(CheckAnswer::code), a.note.clone()))
        .collect();
    let worker = optional_note(v.worker_id.as_deref());
    let note = optional_note(v.note.as_deref());
    rows::update(
        tx,
        "enterprise_visit",
        id,
        &visit_fields(v, &on, &answers, &worker, &note),
    )
}

/// Remove a visit typed by mistake.
pub fn delete_visit(tx: &Transaction, id: &str) -> Result<()> {
    rows::soft_delete(tx, "enterprise_visit", id)
}

const VISIT_SELECT: &str =
    "SELECT v.id, v.enterprise_id, e.name, v.visited_on, v.worker_id, w.name, \
       v.mechanism, v.mechanism_note, v.screening, v.screening_note, v.supplies, v.supplies_note, \
       v.disinfection, v.disinfection_note, v.safety, v.safety_note, \
       v.staff_returned, v.staff_on_site, v.staff_from_risk_areas, v.note \
     FROM enterprise_visit v JOIN enterprise e ON e.id = v.enterprise_id \
     LEFT JOIN worker w ON w.id = v.worker_id";

fn visit_from_row(r: &rusqlite::Row) -> rusqlite::Result<EnterpriseVisit> {
    let mut checklist = Vec::with_capacity(5);
    for (i, item) in CheckItem::ALL.into_iter().enumerate() {
        let answer: Option<String> = r.get(6 + 2 * i)?;
        checklist.push(ChecklistAnswer {
            item,
            answer: answer.as_deref().and_then(CheckAnswer::from_code),
            note: r.get(7 + 2 * i)?,
        });
    }
    let missing = missing_items(&checklist);
    Ok(EnterpriseVisit {
        id: r.get(0)?,
        enterprise_id: r.get(1)?,
        enterprise_name: r.get(2)?,
        visited_on: r.get(3)?,
        worker_id: r.get(4)?,
        worker_name: r.get(5)?,
        checklist,
        staff_returned: r.get(16)?,
        staff_on_site: r.get(17)?,
        staff_from_risk_areas: r.get(18)?,
        note: r.get(19)?,
        complete: missing.is_empty(),
        missing,
    })
}

/// Visits, latest first.
pub fn list_visits(conn: &Connection, f: &VisitFilter) -> Result<Vec<EnterpriseVisit>> {
    let enterprise = optional_note(f.enterprise_id.as_deref());
    let sql = format!(
        "{VISIT_SELECT} WHERE v.deleted_at IS NULL AND (?1 IS NULL OR v.enterprise_id = ?1) \
         AND (?2 = 0 OR NOT {COMPLETE}) ORDER BY v.visited_on DESC, v.id DESC"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt
        .query_map(params![enterprise, f.incomplete], visit_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// One visit.
pub fn get_visit(conn: &Connection, id: &str) -> Result<EnterpriseVisit> {
    conn.query_row(
        &format!("{VISIT_SELECT} WHERE v.id = ?1 AND v.deleted_at IS NULL"),
        params![id],
        visit_from_row,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        entity: "enterprise_visit",
        id: id.to_owned(),
    })
}

/// Record a difficulty an enterprise raised.
pub fn add_difficulty(tx: &Transaction, d: &NewDifficulty, today: NaiveDate) -> Result<String> {
    require(
        tx,
        "enterprise",
        "difficulty.enterprise_id",
        "企业",
        &d.enterprise_id,
    )?;
    let visit = optional_note(d.visit_id.as_deref());
    if let Some(v) = &visit {
        let of: Option<String> = tx
            .query_row(
                "SELECT enterprise_id FROM enterprise_visit WHERE id = ?1 AND deleted_at IS NULL",
                params![v],
                |r| r.get(0),
            )
            .optional()?;
        if of.as_deref() != Some(d.enterprise_id.as_str()) {
            return Err(Error::invalid(
                "difficulty.visit_id",
                "the visit is not this enterprise's",
                "所选走访记录不存在或不属于该企业",
            ));
        }
    }
    let on = date_field("difficulty.raised_on", "提出日期", &d.raised_on)?;
    not_future("difficulty.raised_on", "提出日期", on, today)?;
    let description = d.description.trim();
    if description.is_empty() {
        return Err(Error::invalid(
            "difficulty.description",
            "a difficulty needs a description",
            "请填写企业反映的困难或问题",
        ));
    }
    rows::insert(
        tx,
        "enterprise_difficulty",
        &[
            ("enterprise_id", &d.enterprise_id),
            ("visit_id", &visit),
            ("raised_on", &format_iso(on)),
            ("description", &description),
        ],
    )
}

/// Follow a difficulty up; `close` closes it with this entry. A closed difficulty takes
/// no more follow-ups.
pub fn add_difficulty_follow_up(
    tx: &Transaction,
    f: &NewDifficultyFollowUp,
    today: NaiveDate,
) -> Result<String> {
    let found: Option<(String, Option<String>)> = tx
        .query_row(
            "SELECT raised_on, closed_on FROM enterprise_difficulty WHERE id = ?1 AND deleted_at IS NULL",
            params![f.difficulty_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((raised_on, closed_on)) = found else {
        return Err(Error::invalid(
            "difficulty_follow_up.difficulty_id",
            "the difficulty does not exist",
            "所选问题不存在或已删除",
        ));
    };
    if let Some(closed) = closed_on {
        return Err(Error::invalid(
            "difficulty_follow_up.difficulty_id",
            "the difficulty is closed",
            format!("该问题已于 {closed} 办结"),
        ));
    }
    let on = date_field("difficulty_follow_up.done_on", "跟进日期", &f.done_on)?;
    not_future("difficulty_follow_up.done_on", "跟进日期", on, today)?;
    let on = format_iso(on);
    if on < raised_on {
        return Err(Error::invalid(
            "difficulty_follow_up.done_on",
            "the follow-up is before the difficulty was raised",
            format!("跟进日期不能早于问题提出日期 {raised_on}"),
        ));
    }
    let note = f.note.trim();
    if note.is_empty() {
        return Err(Error::invalid(
            "difficulty_follow_up.note",
            "a follow-up says what was done",
            "请填写跟进情况",
        ));
    }
    let worker = optional_note(f.worker_id.as_deref());
    if let Some(w) = &worker {
        require(tx, "worker", "difficulty_follow_up.worker_id", "跟进人", w)?;
    }
    let id = rows::insert(
        tx,
        "difficulty_follow_up",
        &[
            ("difficulty_id", &f.difficulty_id),
            ("done_on", &on),
            ("worker_id", &worker),
            ("note", &note),
        ],
    )?;
    if f.close {
        rows::update(
            tx,
            "enterprise_difficulty",
            &f.difficulty_id,
            &[("closed_on", &on), ("close_note", &note)],
        )?;
    }
    Ok(id)
}

/// Difficulties, open ones first, with their follow-ups.
pub fn list_difficulties(conn: &Connection, f: &DifficultyFilter) -> Result<Vec<Difficulty>> {
    let enterprise = optional_note(f.enterprise_id.as_deref());
    let mut stmt = conn.prepare(
        "SELECT d.id, d.enterprise_id, e.name, d.visit_id, d.raised_on, d.description, \
                d.closed_on, d.close_note \
           FROM enterprise_difficulty d JOIN enterprise e ON e.id = d.enterprise_id \
          WHERE d.deleted_at IS NULL AND (?1 IS NULL OR d.enterprise_id = ?1) \
            AND (?2 = 0 OR d.closed_on IS NULL) \
          ORDER BY d.closed_on IS NOT NULL, d.raised_on DESC, d.id DESC",
    )?;
    let mut rows = stmt
        .query_map(params![enterprise, f.open], |r| {
            Ok(Difficulty {
                id: r.get(0)?,
                enterprise_id: r.get(1)?,
                enterprise_name: r.get(2)?,
                visit_id: r.get(3)?,
                raised_on: r.get(4)?,
                description: r.get(5)?,
                closed_on: r.get(6)?,
                close_note: r.get(7)?,
                follow_ups: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut fstmt = conn.prepare(
        "SELECT f.id, f.done_on, f.worker_id, w.name, f.note FROM difficulty_follow_up f \
         LEFT JOIN worker w ON w.id = f.worker_id \
         WHERE f.difficulty_id = ?1 AND f.deleted_at IS NULL ORDER BY f.done_on, f.id",
    )?;
    for d in &mut rows {
        d.follow_ups = fstmt
            .query_map(params![d.id], |r| {
                Ok(DifficultyFollowUp {
                    id: r.get(0)?,
                    done_on: r.get(1)?,
                    worker_id: r.get(2)?,
                    worker_name: r.get(3)?,
                    note: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
    }
    Ok(rows)
}

/// The work card of the 首页 on `on`: enterprises and visits, incomplete visits, open
/// difficulties, certificates issued (not voided) and call-backs due.
pub fn work_counts(conn: &Connection, on: NaiveDate) -> Result<WorkCounts> {
    let sql = format!(
        "SELECT (SELECT count(*) FROM enterprise WHERE deleted_at IS NULL), \
                (SELECT count(DISTINCT v.enterprise_id) FROM enterprise_visit v \
                   JOIN enterprise e ON e.id = v.enterprise_id AND e.deleted_at IS NULL \
                  WHERE v.deleted_at IS NULL), \
                (SELECT count(*) FROM enterprise_visit v WHERE v.deleted_at IS NULL AND NOT {COMPLETE}), \
                (SELECT count(*) FROM enterprise_difficulty WHERE deleted_at IS NULL AND closed_on IS NULL), \
                (SELECT count(*) FROM work_certificate WHERE voided_on IS NULL AND issued_on <= ?1)"
    );
    let day = format_iso(on);
    let (enterprises, visited, incomplete, open, issued): (u32, u32, u32, u32, u32) = conn
        .query_row(&sql, params![day], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?;
    let due = crate::certificates::call_backs_due(conn, on)?;
    Ok(WorkCounts {
        date: day,
        enterprises,
        enterprises_visited: visited,
        incomplete_visits: incomplete,
        open_difficulties: open,
        certificates_issued: issued,
        call_backs_due: u32::try_from(due.len()).unwrap_or(u32::MAX),
    })
}
