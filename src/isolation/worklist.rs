//! Today's worklist (今日工作): what a grid worker must do on the statistical date, without
//! searching — checks due per slot, gaps on earlier days, isolations ending today and
//! tomorrow or past their end, unhandled fevers, follow-up calls due.

use chrono::{Days, NaiveDate};
use rusqlite::{params, Connection};

use crate::api::{DueCheck, FollowUpDue, Worklist};
use crate::domain::date::format_iso;
use crate::domain::masking::{mask_phone, MaskPreset};
use crate::error::Result;

use super::checks::fever_events;
use super::read_where;

/// The worklist for `on` (the statistical date).
pub fn worklist(conn: &Connection, on: NaiveDate) -> Result<Worklist> {
    let d = format_iso(on);
    let tomorrow = format_iso(on.checked_add_days(Days::new(1)).unwrap_or(on));
    // Every open isolation that has started, read once; the lists are cut from it.
    let open = read_where(conn, "i.ended_on IS NULL AND i.start_date <= ?1", &[], on)?;
    // Today's recorded slots, per isolation.
    let mut done: std::collections::HashMap<String, Vec<u32>> = std::collections::HashMap::new();
    {
        let mut stmt = conn.prepare(
            "SELECT isolation_id, slot FROM health_check WHERE check_date = ?1 AND deleted_at IS NULL",
        )?;
        let rows = stmt.query_map(params![d], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?))
        })?;
        for row in rows {
            let (id, slot) = row?;
            done.entry(id).or_default().push(slot);
        }
    }
    let mut due = Vec::new();
    let mut due_per_slot: Vec<u32> = Vec::new();
    let mut overdue = Vec::new();
    let mut ending_today = Vec::new();
    let mut ending_tomorrow = Vec::new();
    let mut release_due = Vec::new();
    for i in open {
        if i.planned_end.as_str() < d.as_str() {
            release_due.push(i);
            continue;
        }
        if i.checks_missing > 0 {
            overdue.push(i.clone());
        }
        if i.planned_end == d {
            ending_today.push(i.clone());
        } else if i.planned_end == tomorrow {
            ending_tomorrow.push(i.clone());
        }
        let recorded = done.get(&i.id);
        let missing_slots: Vec<u32> = (1..=i.checks_per_day)
            .filter(|s| !recorded.is_some_and(|r| r.contains(s)))
            .collect();
        for &s in &missing_slots {
            let idx = (s - 1) as usize;
            if due_per_slot.len() <= idx {
                due_per_slot.resize(idx + 1, 0);
            }
            due_per_slot[idx] += 1;
        }
        if !missing_slots.is_empty() {
            due.push(DueCheck {
                isolation: i,
                missing_slots,
            });
        }
    }
    overdue.sort_by(|a, b| {
        b.checks_missing
            .cmp(&a.checks_missing)
            .then(a.person_name.cmp(&b.person_name))
    });
    Ok(Worklist {
        date: d.clone(),
        due,
        due_per_slot,
        overdue,
        ending_today,
        ending_tomorrow,
        release_due,
        fevers: fever_events(conn, true, 500)?,
        follow_ups: follow_ups_due(conn, &d)?,
    })
}

/// Follow-up calls due on or before `d` and not yet made.
fn follow_ups_due(conn: &Connection, d: &str) -> Result<Vec<FollowUpDue>> {
    let mut stmt = conn.prepare(
        "SELECT i.id, i.person_id, p.name, p.phone, i.ended_on, CAST(j.value AS INTEGER), \
                date(i.ended_on, '+' || j.value || ' days') AS due_on \
         FROM isolation i JOIN person p ON p.id = i.person_id, json_each(i.follow_up_days) j \
         WHERE i.deleted_at IS NULL AND i.end_reason = 'released' \
           AND date(i.ended_on, '+' || j.value || ' days') <= ?1 \
           AND NOT EXISTS (SELECT 1 FROM isolation_follow_up f WHERE f.isolation_id = i.id \
                           AND f.day = CAST(j.value AS INTEGER) AND f.deleted_at IS NULL) \
         ORDER BY due_on, p.name",
    )?;
    let rows = stmt
        .query_map(params![d], |r| {
            let phone: Option<String> = r.get(3)?;
            Ok(FollowUpDue {
                isolation_id: r.get(0)?,
                person_id: r.get(1)?,
                person_name: r.get(2)?,
                phone_masked: phone.map(|p| mask_phone(&p, MaskPreset::Public)),
                released_on: r.get(4)?,
                day: r.get(5)?,
                due_on: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
