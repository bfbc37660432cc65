//! The row sources over other modules' data: call targets (`calls`), the daily report
//! (`stats`), enterprise visits (`enterprises`) and gate checks (`gate`).
//!
//! What a module derives is taken from it, never derived again here: a call target's state,
//! latest call and planned return come from `calls::list_call_targets`; the daily report's
//! numbers from `stats::daily_stats`; a visit's answers and completeness from
//! `enterprises::list_visits`. Only the columns those functions do not return (full ID
//! numbers and phones, to be masked by the export's preset; grids; addresses) are read
//! here.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, ToSql};

use super::source::{grid_clause, limit_clause, masked, Query, Value};
use crate::api::{
    CallState, CallTargetFilter, CheckAnswer, CheckItem, DifficultyFilter, Flow, VisitFilter,
};
use crate::error::Result;

fn take(limit: Option<u64>) -> usize {
    limit.map_or(usize::MAX, |n| usize::try_from(n).unwrap_or(usize::MAX))
}

/// Whether `d` (YYYY-MM-DD) is within the query's bounds.
fn date_in(query: &Query, d: &str) -> bool {
    let (low, high) = query.bounds();
    low.as_deref().is_none_or(|l| d >= l) && high.as_deref().is_none_or(|h| d <= h)
}

/// 境外（外出）人员电话核实登记表: every live call target (their state as `calls` derives
/// it), by name; the grid filter applies to the person's household.
pub(super) fn call_targets(
    conn: &Connection,
    query: &Query,
    limit: Option<u64>,
    out: &mut dyn FnMut(Vec<Value>) -> Result<()>,
) -> Result<u64> {
    let mask = query.mask();
    let on = query.as_of().to_string();
    let targets = crate::calls::list_call_targets(
        conn,
        &CallTargetFilter {
            on: Some(on),
            ..CallTargetFilter::default()
        },
    )?;
    let mut extra = conn.prepare_cached(
        "SELECT p.sex, p.id_number, coalesce(t.phone, p.phone), t.foreign_phone, \
                t.relative_phone, h.grid_id, g.name \
         FROM call_target t JOIN person p ON p.id = t.person_id \
         LEFT JOIN household h ON h.id = p.household_id \
         LEFT JOIN grid g ON g.id = h.grid_id WHERE t.id = ?1",
    )?;
    let mut n = 0u64;
    for t in targets {
        if n as usize >= take(limit) {
            break;
        }
        #[allow(clippy::type_complexity)]
        let row: Option<(
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
        )> = extra
            .query_row(params![t.id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })
            .optional()?;
        let Some((sex, id_number, phone, foreign, relative, grid_id, grid)) = row else {
            continue;
        };
        if !query.keeps_grid(grid_id.as_ref()) {
            continue;
        }
        n += 1;
        out(vec![
            Value::Integer(n as i64),
            Value::Text(t.person_name),
            Value::text(sex),
            masked(id_number, mask, false),
            Value::text(t.address),
            Value::text(grid),
            Value::Bool(t.abroad),
            Value::text(Some(t.place_name)),
            Value::Text(t.reason.code().to_owned()),
            Value::date(t.away_since),
            masked(phone, mask, true),
            masked(foreign, mask, true),
            Value::text(t.relative_name),
            masked(relative, mask, true),
            Value::Integer(i64::from(t.calls)),
            Value::date(t.last_called_on),
            t.last_outcome
                .map_or(Value::Empty, |o| Value::Text(o.code().to_owned())),
            Value::Text(t.state.code().to_owned()),
            Value::Bool(t.state == CallState::PlansReturn || t.planned_return_on.is_some()),
            Value::date(t.planned_return_on),
            Value::date(t.arrived_on),
            Value::text(t.responsible_worker_name),
            Value::text(t.note),
        ])?;
    }
    Ok(n)
}

/// 疫情防控工作日报表: one row per grid of `stats::daily_stats` on the report date (the
/// range's end, else today's statistical date): every live grid, zeros included, then
/// 未分网格 when it has anything; a grid filter keeps the chosen grids.
pub(super) fn daily_report(
    conn: &Connection,
    query: &Query,
    limit: Option<u64>,
    out: &mut dyn FnMut(Vec<Value>) -> Result<()>,
) -> Result<u64> {
    let date = match query.date.or(query.to) {
        Some(d) => d,
        None => crate::stats::statistical_today(conn)?,
    };
    let stats = crate::stats::daily_stats(conn, date)?;
    // Grid names repeat across communities: the row names its community too.
    let mut community = conn.prepare_cached(
        "SELECT c.name FROM grid g JOIN community c ON c.id = g.community_id WHERE g.id = ?1",
    )?;
    let mut n = 0u64;
    for g in stats.grids {
        if n as usize >= take(limit) {
            break;
        }
        if !query.keeps_grid(g.grid_id.as_ref()) {
            continue;
        }
        n += 1;
        let x = &g.numbers;
        let int = |v: u32| Value::Integer(i64::from(v));
        let flow = |f: Flow| [int(f.new), int(f.total)];
        let community: Option<String> = match &g.grid_id {
            Some(id) => community.query_row(params![id], |r| r.get(0)).optional()?,
            None => None,
        };
        let mut row = vec![
            Value::Integer(n as i64),
            Value::text(community),
            Value::Text(g.grid_name.clone()),
        ];
        row.extend(flow(x.arrivals));
        row.extend(flow(x.arrivals_other_province));
        row.extend(flow(x.arrivals_outside));
        row.extend(flow(x.arrivals_risk_area));
        row.extend(flow(x.contacts));
        row.push(int(x.contacts_isolated));
        row.extend([
            int(x.isolations.new),
            int(x.isolations.total),
            int(x.isolations.current),
            int(x.isolations.released),
            int(x.isolations.released_total),
        ]);
        row.extend(flow(x.calls));
        row.push(int(x.targets));
        row.extend(flow(x.gate_checks));
        row.extend(flow(x.gate_fevers));
        row.push(int(x.gate_refused.new));
        row.extend(flow(x.supply_issues));
        row.extend(flow(x.supply_quantity));
        row.push(if crate::stats::no_new_records(x) {
            Value::Text("零报告".to_owned())
        } else {
            Value::Empty
        });
        out(row)?;
    }
    Ok(n)
}

/// 复工复产企业检查表: the visits in the range (or up to the report date), oldest first,
/// with the answers `enterprises` reads and the difficulties raised at the visit (linked
/// to it, or raised by the enterprise on the visit's day).
pub(super) fn enterprise_visits(
    conn: &Connection,
    query: &Query,
    limit: Option<u64>,
    out: &mut dyn FnMut(Vec<Value>) -> Result<()>,
) -> Result<u64> {
    let mask = query.mask();
    let mut visits = crate::enterprises::list_visits(conn, &VisitFilter::default())?;
    visits.reverse();
    let enterprises: HashMap<String, crate::api::Enterprise> =
        crate::enterprises::list_enterprises(conn)?
            .into_iter()
            .map(|e| (e.id.clone(), e))
            .collect();
    let difficulties = crate::enterprises::list_difficulties(conn, &DifficultyFilter::default())?;
    let mut phones = conn.prepare_cached("SELECT contact_phone FROM enterprise WHERE id = ?1")?;
    let mut n = 0u64;
    for v in visits {
        if n as usize >= take(limit) {
            break;
        }
        if !date_in(query, &v.visited_on) {
            continue;
        }
        let Some(e) = enterprises.get(&v.enterprise_id) else {
            continue;
        };
        if !query.keeps_grid(e.grid_id.as_ref()) {
            continue;
        }
        let phone: Option<String> = phones
            .query_row(params![e.id], |r| r.get(0))
            .optional()?
            .flatten();
        let raised: Vec<String> = difficulties
            .iter()
            .filter(|d| {
                d.enterprise_id == e.id
                    && match &d.visit_id {
                        Some(id) => *id == v.id,
                        None => d.raised_on == v.visited_on,
                    }
            })
            .map(|d| match &d.closed_on {
                Some(closed) => format!("{}（{closed}已办结）", d.description),
                None => d.description.clone(),
            })
            .collect();
        n += 1;
        let mut row = vec![
            Value::Integer(n as i64),
            Value::Text(e.name.clone()),
            Value::Text(e.kind.code().to_owned()),
            Value::text(e.address.clone()),
            Value::text(e.contact_name.clone()),
            masked(phone, mask, true),
            e.workforce
                .map_or(Value::Empty, |w| Value::Integer(i64::from(w))),
            Value::text(e.grid_name.clone()),
            Value::date(Some(v.visited_on.clone())),
            Value::text(v.worker_name.clone()),
        ];
        for item in CheckItem::ALL {
            let a = v.checklist.iter().find(|a| a.item == item);
            row.push(
                a.and_then(|a| a.answer)
                    .map_or(Value::Empty, |x: CheckAnswer| {
                        Value::Text(x.code().to_owned())
                    }),
            );
            row.push(Value::text(a.and_then(|a| a.note.clone())));
        }
        let count = |c: Option<u32>| c.map_or(Value::Empty, |c| Value::Integer(i64::from(c)));
        row.push(count(v.staff_returned));
        row.push(count(v.staff_on_site));
        row.push(count(v.staff_from_risk_areas));
        row.push(Value::Bool(v.complete));
        row.push(Value::text(Some(raised.join("；"))));
        row.push(Value::text(v.note.clone()));
        out(row)?;
    }
    Ok(n)
}

/// 卡口（门岗）体温检测登记表: gate checks of the report date's calendar day (or the
/// range's days), at one checkpoint or all, oldest first.
pub(super) fn gate_checks(
    conn: &Connection,
    query: &Query,
    limit: Option<u64>,
    out: &mut dyn FnMut(Vec<Value>) -> Result<()>,
) -> Result<u64> {
    let mask = query.mask();
    let mut values: Vec<Box<dyn ToSql>> = Vec::new();
    let mut clauses = vec!["g.deleted_at IS NULL".to_owned()];
    // Calendar days of `checked_at` (the gate's day), as the gate module counts them.
    let (low, high) = query.day_bounds();
    if let Some(low) = low {
        clauses.push("substr(g.checked_at, 1, 10) >= ?".into());
        values.push(Box::new(low));
    }
    if let Some(high) = high {
        clauses.push("substr(g.checked_at, 1, 10) <= ?".into());
        values.push(Box::new(high));
    }
    if let Some(cp) = &query.checkpoint_id {
        clauses.push("g.checkpoint_id = ?".into());
        values.push(Box::new(cp.clone()));
    }
    clauses.push(grid_clause("h.grid_id", &query.grid_ids, &mut values));
    let sql = format!(
        "SELECT substr(g.checked_at, 1, 10), substr(g.checked_at, 12, 5), c.name, \
                coalesce(p.name, g.visitor_name), g.visitor_name IS NOT NULL, p.sex, \
                coalesce(p.id_number, g.visitor_id_number), coalesce(p.phone, g.visitor_phone), \
                hs.address, g.reason, g.temperature, \
                EXISTS (SELECT 1 FROM fever_event f WHERE f.gate_check_id = g.id \
                        AND f.deleted_at IS NULL) OR g.admitted = 0, \
                g.admitted, g.referral, w.name, g.note \
         FROM gate_check g JOIN checkpoint c ON c.id = g.checkpoint_id \
         LEFT JOIN person p ON p.id = g.person_id \
         LEFT JOIN household h ON h.id = p.household_id \
         LEFT JOIN household_search hs ON hs.household_id = h.id \
         LEFT JOIN worker w ON w.id = g.checked_by \
         WHERE {} ORDER BY g.checked_at, g.id{}",
        clauses.join(" AND "),
        limit_clause(limit)
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(values.iter()))?;
    let mut n = 0u64;
    while let Some(r) = rows.next()? {
        n += 1;
        let visitor: bool = r.get(4)?;
        let admitted: bool = r.get(12)?;
        out(vec![
            Value::Integer(n as i64),
            Value::date(r.get(0)?),
            Value::text(r.get(1)?),
            Value::text(r.get(2)?),
            Value::text(r.get(3)?),
            Value::Text(if visitor { "visitor" } else { "resident" }.to_owned()),
            Value::text(r.get(5)?),
            masked(r.get(6)?, mask, false),
            masked(r.get(7)?, mask, true),
            Value::text(r.get(8)?),
            Value::text(r.get(9)?),
            Value::temperature(r.get(10)?),
            Value::Bool(r.get(11)?),
            Value::Text(if admitted { "admitted" } else { "refused" }.to_owned()),
            Value::text(r.get(13)?),
            Value::text(r.get(14)?),
            Value::text(r.get(15)?),
        ])?;
    }
    Ok(n)
}
