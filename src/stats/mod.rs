//! Daily statistics (每日统计 · 疫情防控日报): the day's numbers by grid and in total, the
//! 30-day trend, and (in `narrative`) the 情况汇报 draft written from them.
//!
//! One core function, [`stats_range`], counts every number for a run of statistical dates
//! in one pass over the ledger (grouped in SQL by grid and date); [`daily_stats`] and
//! [`daily_trend`] are views of it. Which date a record counts on:
//!
//! - a record with a business date counts on that date, whenever it was typed:
//!   arrivals on `arrived_on`; contacts on `last_contact_on`; isolations start on
//!   `start_date` and end (解除 when released) on `ended_on`; supply issues on `issued_on`;
//!   publicity on `done_on`;
//! - a record with only a local moment counts on the statistical date of that moment
//!   (`settings::statistical_date`: at or after the cut-off it is the next day's): calls on
//!   `called_at`, gate checks on `checked_at`;
//! - `created_at` (UTC, bookkeeping) is never used.
//!
//! 新增 is the day's count, 累计 everything up to and including the day, 现有 what is open at
//! the end of the day (an isolation ended on D is no longer 现有 on D), 解除 the day's
//! releases. A record belongs to the grid of its household (an arrival's stay, else the
//! person's); records without one (a visitor at the gate) go to the 未分网格 row; publicity
//! is community-wide and is counted in the total only.

pub mod narrative;

use std::collections::HashMap;

use chrono::{Days, Local, NaiveDate, NaiveTime};
use rusqlite::{params, Connection};

use crate::api::{
    CallOutcome, CallState, DailyStats, Flow, GridStats, OutcomeFlow, Place, PublicityFlow,
    PublicityKind, StateCount, StatsNumbers, Stock, TrendPoint,
};
use crate::arrivals::place;
use crate::calls::state::{derive_state, CallFact};
use crate::domain::date::format_iso;
use crate::settings::Settings;
use crate::{Error, Result};

/// The longest run [`stats_range`] computes at once (a year and a bit).
pub const MAX_RANGE_DAYS: i64 = 400;

/// Today's statistical date (local time and the ledger's cut-off).
pub fn statistical_today(conn: &Connection) -> Result<NaiveDate> {
    Ok(Settings::load(conn)?.statistical_date(Local::now().naive_local()))
}

/// The date asked for (any common form), or today's statistical date when none is given.
pub fn resolve_date(conn: &Connection, date: Option<&str>) -> Result<NaiveDate> {
    match date.map(str::trim).filter(|d| !d.is_empty()) {
        None => statistical_today(conn),
        Some(d) => crate::domain::date::parse_date(d, None).map_err(|e| {
            Error::invalid(
                "stats.date",
                format!("{d}: {e}"),
                format!("日期“{d}”无法识别"),
            )
        }),
    }
}

/// The numbers of one statistical date.
pub fn daily_stats(conn: &Connection, date: NaiveDate) -> Result<DailyStats> {
    stats_range(conn, date, date)?
        .pop()
        .ok_or_else(|| Error::invalid("stats.date", "no day computed", "未能统计该日"))
}

/// The totals of the 30 days ending on `to` (oldest first), for the trend chart.
pub fn daily_trend(conn: &Connection, to: NaiveDate) -> Result<Vec<TrendPoint>> {
    let from = to.checked_sub_days(Days::new(29)).unwrap_or(to);
    Ok(stats_range(conn, from, to)?
        .into_iter()
        .map(|d| TrendPoint {
            date: d.date,
            arrivals_new: d.total.arrivals.new,
            arrivals_total: d.total.arrivals.total,
            isolations_current: d.total.isolations.current,
            isolations_new: d.total.isolations.new,
            calls_new: d.total.calls.new,
            gate_checks_new: d.total.gate_checks.new,
            gate_fevers_new: d.total.gate_fevers.new,
        })
        .collect())
}

// Counter keys: one series per number counted per grid and day.
const ARR_SAME: usize = 0;
const ARR_OTHER: usize = 1;
const ARR_OUTSIDE: usize = 2;
const ARR_UNKNOWN: usize = 3;
const ARR_RISK: usize = 4;
const CONTACTS: usize = 5;
const ISO_START: usize = 6;
const ISO_END: usize = 7;
const ISO_RELEASED: usize = 8;
const CONTACT_ISO_START: usize = 9;
const CONTACT_ISO_END: usize = 10;
const GATE: usize = 11;
const GATE_FEVER: usize = 12;
const GATE_REFUSED: usize = 13;
const SUPPLY_ISSUES: usize = 14;
const SUPPLY_QTY: usize = 15;
const CALLS: usize = 16; // then one per outcome
const PUB: usize = CALLS + 1 + CallOutcome::ALL.len(); // then count per kind, then reach
const KEYS: usize = PUB + 2 * PublicityKind::ALL.len();

/// A text column without copying it (ids are only looked up).
fn text<'r>(r: &'r rusqlite::Row, i: usize) -> Result<Option<&'r str>> {
    Ok(r.get_ref(i)?
        .as_str_or_null()
        .map_err(rusqlite::Error::from)?)
}

/// The grid (as a [`Counter`] index) of every household and person, read once: joining
/// each counted row to its household in SQL costs more than all the counting.
struct Homes {
    household: HashMap<String, usize>,
    person: HashMap<String, usize>,
    /// The index of 未分网格.
    none: usize,
}

impl Homes {
    fn load(conn: &Connection, grid_index: &HashMap<String, usize>) -> Result<Homes> {
        let none = grid_index.len();
        let mut household = HashMap::new();
        let mut stmt = conn.prepare("SELECT id, grid_id FROM household")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            // Only households with a grid: a record whose household has none falls back to
            // its person's (as `coalesce` did).
            let grid: Option<String> = r.get(1)?;
            if let Some(g) = grid.and_then(|g| grid_index.get(&g).copied()) {
                household.insert(r.get(0)?, g);
            }
        }
        let mut person = HashMap::new();
        let mut stmt = conn.prepare("SELECT id, household_id FROM person")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if let Some(&g) = text(r, 1)?.and_then(|h| household.get(h)) {
                person.insert(r.get(0)?, g);
            }
        }
        Ok(Homes {
            household,
            person,
            none,
        })
    }

    /// The grid of a record: its own household when it has one, else its person's.
    fn of(&self, household: Option<&str>, person: Option<&str>) -> usize {
        household
            .and_then(|h| self.household.get(h))
            .or_else(|| person.and_then(|p| self.person.get(p)))
            .copied()
            .unwrap_or(self.none)
    }

    fn of_person(&self, person: Option<&str>) -> usize {
        self.of(None, person)
    }
}

/// Counts per grid, key and day slot (slot 0: before `from`; slot i: `from` + i − 1).
struct Counter {
    from: NaiveDate,
    slots: usize,
    grid_index: HashMap<String, usize>,
    /// [grid][key * slots + slot]; the last grid is 未分网格.
    counts: Vec<Vec<u32>>,
}

impl Counter {
    fn slot(&self, date: &str) -> Option<usize> {
        let d = NaiveDate::parse_from_str(date.get(..10)?, "%Y-%m-%d").ok()?;
        let offset = (d - self.from).num_days();
        if offset < 0 {
            Some(0)
        } else if (offset as usize) < self.slots - 1 {
            Some(offset as usize + 1)
        } else {
            None
        }
    }

    /// Add `n` to grid `g` (an index of [`Homes`]) on the statistical date `date`.
    fn add(&mut self, g: usize, key: usize, date: &str, n: u32) {
        if n == 0 {
            return;
        }
        if let Some(slot) = self.slot(date) {
            self.counts[g][key * self.slots + slot] += n;
        }
    }

    /// Add to what precedes `from` (slot 0).
    fn add_before(&mut self, g: usize, key: usize, n: u32) {
        self.counts[g][key * self.slots] += n;
    }

    /// (new, running total) of one grid's key on day `i` (0-based from `from`).
    fn flow(&self, g: usize, key: usize, i: usize) -> Flow {
        let series = &self.counts[g][key * self.slots..(key + 1) * self.slots];
        Flow {
            new: series[i + 1],
            total: series[..=i + 1].iter().sum(),
        }
    }
}

/// The cut-off as SQL compares it ("HH:MM:SS"), `None` when the day is the calendar day.
fn cutoff_param(cutoff: NaiveTime) -> Option<String> {
    (cutoff != NaiveTime::MIN).then(|| cutoff.format("%H:%M:%S").to_string())
}

/// The first local moment ("YYYY-MM-DD HH:MM:SS" compares as text) whose statistical date
/// is `day`: the cut-off of the day before, or midnight (the bare date sorts before any
/// moment of that day).
fn moment_bound(day: NaiveDate, cutoff: Option<&str>) -> String {
    match (cutoff, day.pred_opt()) {
        (Some(c), Some(before)) => format!("{} {c}", format_iso(before)),
        _ => format_iso(day),
    }
}

/// SQL for the statistical date of a local "YYYY-MM-DD HH:MM:SS" column, given the cut-off
/// as parameter `?1` (see [`cutoff_param`]); the same rule as `settings::statistical_date`.
fn stat_date_sql(column: &str) -> String {
    format!(
        "CASE WHEN ?1 IS NOT NULL AND substr({column}, 12) >= ?1 \
              THEN date(substr({column}, 1, 10), '+1 day') ELSE substr({column}, 1, 10) END"
    )
}

/// The grid of a person's household.
const PERSON_GRID: &str =
    "(SELECT h.grid_id FROM person p JOIN household h ON h.id = p.household_id \
                             WHERE p.id = {person})";

fn person_grid(person: &str) -> String {
    PERSON_GRID.replace("{person}", person)
}

/// Every number for each statistical date from `from` to `to` (inclusive), oldest first.
pub fn stats_range(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<DailyStats>> {
    let days = (to - from).num_days() + 1;
    if !(1..=MAX_RANGE_DAYS).contains(&days) {
        return Err(Error::invalid(
            "stats.range",
            format!("{from} to {to}: between 1 and {MAX_RANGE_DAYS} days"),
            format!("统计日期范围应为1到{MAX_RANGE_DAYS}天"),
        ));
    }
    let settings = Settings::load(conn)?;
    let cutoff = cutoff_param(settings.statistical_cutoff);
    let to_text = format_iso(to);

    let grids: Vec<(String, String)> = conn
        .prepare(
            "SELECT g.id, g.name FROM grid g JOIN community c ON c.id = g.community_id \
             WHERE g.deleted_at IS NULL ORDER BY c.created_at, c.id, g.created_at, g.id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let slots = days as usize + 1;
    let mut c = Counter {
        from,
        slots,
        grid_index: grids
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (id.clone(), i))
            .collect(),
        counts: vec![vec![0; KEYS * slots]; grids.len() + 1],
    };

    let homes = Homes::load(conn, &c.grid_index)?;

    // Arrivals, by the province digits of the origin (all the class needs).
    {
        let mut stmt = conn.prepare(
            "SELECT a.household_id, a.person_id, a.arrived_on, substr(a.origin_region, 1, 2), \
                    a.origin_country IS NOT NULL, \
                    EXISTS (SELECT 1 FROM arrival_risk r WHERE r.arrival_id = a.id) \
             FROM arrival a WHERE a.deleted_at IS NULL AND a.arrived_on <= ?1",
        )?;
        let mut rows = stmt.query(params![to_text])?;
        while let Some(r) = rows.next()? {
            let g = homes.of(text(r, 0)?, text(r, 1)?);
            let date: String = r.get(2)?;
            let province: Option<String> = r.get(3)?;
            let abroad: bool = r.get(4)?;
            let risk: bool = r.get(5)?;
            let origin = if abroad {
                Some(Place::Country("XX".into()))
            } else {
                province.map(|p| Place::Region(format!("{p}0000")))
            };
            let key = match place::origin_class(origin.as_ref(), settings.home_region.as_deref()) {
                crate::api::OriginClass::SameProvince => ARR_SAME,
                crate::api::OriginClass::OtherProvince => ARR_OTHER,
                crate::api::OriginClass::Outside => ARR_OUTSIDE,
                crate::api::OriginClass::Unknown => ARR_UNKNOWN,
            };
            c.add(g, key, &date, 1);
            if risk {
                c.add(g, ARR_RISK, &date, 1);
            }
        }
    }

    // Contacts.
    {
        let mut stmt = conn.prepare(
            "SELECT x.person_id, x.last_contact_on FROM contact x \
             WHERE x.deleted_at IS NULL AND x.last_contact_on <= ?1",
        )?;
        let mut rows = stmt.query(params![to_text])?;
        while let Some(r) = rows.next()? {
            let g = homes.of_person(text(r, 0)?);
            c.add(g, CONTACTS, &r.get::<_, String>(1)?, 1);
        }
    }

    // Isolations: starts, ends (any reason: no longer 现有) and releases.
    {
        let mut stmt = conn.prepare(
            "SELECT i.person_id, i.start_date, i.ended_on, i.end_reason = 'released', \
                    i.contact_id IS NOT NULL FROM isolation i \
             WHERE i.deleted_at IS NULL AND i.start_date <= ?1",
        )?;
        let mut rows = stmt.query(params![to_text])?;
        while let Some(r) = rows.next()? {
            let g = homes.of_person(text(r, 0)?);
            let start: String = r.get(1)?;
            let ended: Option<String> = r.get(2)?;
            let released: Option<bool> = r.get(3)?;
            let contact: bool = r.get(4)?;
            c.add(g, ISO_START, &start, 1);
            if contact {
                c.add(g, CONTACT_ISO_START, &start, 1);
            }
            if let Some(end) = ended {
                c.add(g, ISO_END, &end, 1);
                if released == Some(true) {
                    c.add(g, ISO_RELEASED, &end, 1);
                }
                if contact {
                    c.add(g, CONTACT_ISO_END, &end, 1);
                }
            }
        }
    }

    // Calls by outcome, on the statistical date of `called_at`.
    {
        let mut stmt = conn.prepare(&format!(
            "SELECT t.person_id, {} AS d, k.outcome FROM call k \
             JOIN call_target t ON t.id = k.target_id \
             WHERE k.deleted_at IS NULL AND t.deleted_at IS NULL \
               AND substr(k.called_at, 1, 10) <= ?2",
            stat_date_sql("k.called_at")
        ))?;
        let mut rows = stmt.query(params![cutoff, to_text])?;
        while let Some(r) = rows.next()? {
            let g = homes.of_person(text(r, 0)?);
            let date: String = r.get(1)?;
            c.add(g, CALLS, &date, 1);
            if let Some(i) = CallOutcome::from_code(&r.get::<_, String>(2)?)
                .and_then(|o| CallOutcome::ALL.iter().position(|&x| x == o))
            {
                c.add(g, CALLS + 1 + i, &date, 1);
            }
        }
    }

    // Gate checks, on the statistical date of `checked_at`. The ~300 a day make this the
    // largest table: what precedes `from` only feeds 累计, so it is counted per person in one
    // ordered pass over `gate_check_stats` (no sort, no table access); only the run itself
    // is read row by row.
    {
        let threshold = settings.fever_threshold_tenths;
        let (start, end) = (
            moment_bound(from, cutoff.as_deref()),
            moment_bound(to + Days::new(1), cutoff.as_deref()),
        );
        let mut stmt = conn.prepare(
            "SELECT person_id, count(*), sum(temperature >= ?2), sum(admitted = 0) \
             FROM gate_check INDEXED BY gate_check_stats \
             WHERE deleted_at IS NULL AND checked_at < ?1 GROUP BY person_id",
        )?;
        let mut rows = stmt.query(params![start, threshold])?;
        while let Some(r) = rows.next()? {
            let g = homes.of_person(text(r, 0)?);
            c.add_before(g, GATE, r.get(1)?);
            c.add_before(g, GATE_FEVER, r.get(2)?);
            c.add_before(g, GATE_REFUSED, r.get(3)?);
        }
        let mut stmt = conn.prepare(&format!(
            "SELECT person_id, {} AS d, temperature >= ?4, admitted = 0 FROM gate_check g \
             WHERE deleted_at IS NULL AND checked_at >= ?2 AND checked_at < ?3",
            stat_date_sql("g.checked_at")
        ))?;
        let mut rows = stmt.query(params![cutoff, start, end, threshold])?;
        while let Some(r) = rows.next()? {
            let g = homes.of_person(text(r, 0)?);
            let date: String = r.get(1)?;
            c.add(g, GATE, &date, 1);
            c.add(g, GATE_FEVER, &date, r.get(2)?);
            c.add(g, GATE_REFUSED, &date, r.get(3)?);
        }
    }

    // Supply issues.
    {
        let mut stmt = conn.prepare(
            "SELECT s.household_id, s.person_id, s.issued_on, s.quantity FROM supply_issue s \
             WHERE s.deleted_at IS NULL AND s.issued_on <= ?1",
        )?;
        let mut rows = stmt.query(params![to_text])?;
        while let Some(r) = rows.next()? {
            let g = homes.of(text(r, 0)?, text(r, 1)?);
            let date: String = r.get(2)?;
            c.add(g, SUPPLY_ISSUES, &date, 1);
            c.add(g, SUPPLY_QTY, &date, r.get(3)?);
        }
    }

    // Publicity (community-wide: the 未分网格 slot, reported in the total only).
    {
        let mut stmt = conn.prepare(
            "SELECT p.done_on, p.kind, sum(p.count), coalesce(sum(p.count * p.reach), 0) \
             FROM publicity p WHERE p.deleted_at IS NULL AND p.done_on <= ?1 GROUP BY 1, 2",
        )?;
        let mut rows = stmt.query(params![to_text])?;
        let kinds = PublicityKind::ALL.len();
        while let Some(r) = rows.next()? {
            let date: String = r.get(0)?;
            if let Some(i) = PublicityKind::from_code(&r.get::<_, String>(1)?)
                .and_then(|k| PublicityKind::ALL.iter().position(|&x| x == k))
            {
                c.add(homes.none, PUB + i, &date, r.get(2)?);
                c.add(homes.none, PUB + kinds + i, &date, r.get(3)?);
            }
        }
    }

    let targets = load_targets(conn, cutoff.as_deref(), &to_text)?;
    let policy = crate::calls::policy::call_policy(conn)?;

    let mut out = Vec::with_capacity(days as usize);
    for i in 0..days as usize {
        let date = from + Days::new(i as u64);
        let on = format_iso(date);
        let numbers = |g: usize| numbers_of(&c, g, i, &targets, g, &on, &policy);
        let mut rows: Vec<GridStats> = grids
            .iter()
            .enumerate()
            .map(|(g, (id, name))| GridStats {
                grid_id: Some(id.clone()),
                grid_name: name.clone(),
                numbers: numbers(g),
            })
            .collect();
        let unassigned = numbers(grids.len());
        let mut total = sum_numbers(rows.iter().map(|r| &r.numbers).chain([&unassigned]));
        // Targets and publicity are counted once for the whole ledger.
        total.targets_by_state = target_states(&targets, None, &on, &policy);
        total.targets = targets
            .iter()
            .filter(|t| t.added_on.as_str() <= on.as_str())
            .count() as u32;
        if !is_empty(&unassigned) {
            let mut unassigned = unassigned;
            unassigned.publicity = zero_publicity();
            rows.push(GridStats {
                grid_id: None,
                grid_name: "未分网格".into(),
                numbers: unassigned,
            });
        }
        let nil_report = nothing_new(&total);
        out.push(DailyStats {
            date: on,
            cutoff: settings.statistical_cutoff.format("%H:%M").to_string(),
            nil_report,
            grids: rows,
            total,
        });
    }
    Ok(out)
}

/// A call target as its state needs it.
struct Target {
    grid: Option<String>,
    /// The day it counts from: its first call, else the day it was registered (local).
    added_on: String,
    /// (statistical date, outcome, planned return), oldest first.
    calls: Vec<(String, CallOutcome, Option<NaiveDate>)>,
    /// The arrival that brought the person back, by `arrived_on`.
    arrived_on: Option<String>,
}

fn load_targets(conn: &Connection, cutoff: Option<&str>, to: &str) -> Result<Vec<Target>> {
    let mut targets: Vec<Target> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut stmt = conn.prepare(&format!(
        "SELECT t.id, {}, \
                coalesce(t.away_since, substr(t.created_at, 1, 10)), \
                (SELECT min(a.arrived_on) FROM arrival a \
                  WHERE a.call_target_id = t.id AND a.deleted_at IS NULL) \
         FROM call_target t WHERE t.deleted_at IS NULL ORDER BY t.id",
        person_grid("t.person_id")
    ))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        index.insert(r.get(0)?, targets.len());
        targets.push(Target {
            grid: r.get(1)?,
            added_on: r.get(2)?,
            calls: Vec::new(),
            arrived_on: r.get(3)?,
        });
    }
    let mut stmt = conn.prepare(&format!(
        "SELECT k.target_id, {} AS d, k.outcome, k.planned_return_on FROM call k \
         WHERE k.deleted_at IS NULL AND substr(k.called_at, 1, 10) <= ?2 \
         ORDER BY k.target_id, k.called_at, k.id",
        stat_date_sql("k.called_at")
    ))?;
    let mut rows = stmt.query(params![cutoff, to])?;
    while let Some(r) = rows.next()? {
        let Some(&i) = index.get(&r.get::<_, String>(0)?) else {
            continue;
        };
        let Some(outcome) = CallOutcome::from_code(&r.get::<_, String>(2)?) else {
            continue;
        };
        let planned: Option<String> = r.get(3)?;
        let planned = planned.and_then(|p| NaiveDate::parse_from_str(&p, "%Y-%m-%d").ok());
        let t = &mut targets[i];
        let date: String = r.get(1)?;
        if t.calls.is_empty() && date < t.added_on {
            t.added_on = date.clone();
        }
        t.calls.push((date, outcome, planned));
    }
    Ok(targets)
}

/// Targets (of one grid, or all with `None`) by their state at the end of `on`; a target
/// counts from the day it was added (`away_since`, or its first call when earlier).
fn target_states(
    targets: &[Target],
    grid: Option<Option<&str>>,
    on: &str,
    policy: &crate::api::CallPolicy,
) -> Vec<StateCount> {
    let mut counts = vec![0u32; CallState::ALL.len()];
    for t in targets {
        if grid.is_some_and(|g| t.grid.as_deref() != g) || t.added_on.as_str() > on {
            continue;
        }
        let facts: Vec<CallFact> = t
            .calls
            .iter()
            .filter(|(d, _, _)| d.as_str() <= on)
            .filter_map(|(d, outcome, planned)| {
                Some(CallFact {
                    on: NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?,
                    outcome: *outcome,
                    planned_return_on: *planned,
                })
            })
            .collect();
        let arrived = t.arrived_on.as_deref().is_some_and(|a| a <= on);
        let state = derive_state(&facts, arrived, policy);
        if let Some(i) = CallState::ALL.iter().position(|&s| s == state) {
            counts[i] += 1;
        }
    }
    CallState::ALL
        .iter()
        .zip(counts)
        .map(|(&state, count)| StateCount { state, count })
        .collect()
}

fn zero_publicity() -> Vec<PublicityFlow> {
    PublicityKind::ALL
        .iter()
        .map(|&kind| PublicityFlow {
            kind,
            new: 0,
            total: 0,
            reach_total: 0,
        })
        .collect()
}

fn numbers_of(
    c: &Counter,
    g: usize,
    i: usize,
    targets: &[Target],
    grid_slot: usize,
    on: &str,
    policy: &crate::api::CallPolicy,
) -> StatsNumbers {
    let f = |key| c.flow(g, key, i);
    let arrivals = [ARR_SAME, ARR_OTHER, ARR_OUTSIDE, ARR_UNKNOWN]
        .iter()
        .map(|&k| f(k))
        .fold(Flow::default(), add_flow);
    let starts = f(ISO_START);
    let ends = f(ISO_END);
    let released = f(ISO_RELEASED);
    let contact_current = f(CONTACT_ISO_START).total - f(CONTACT_ISO_END).total;
    let grid_id: Option<&str> = c
        .grid_index
        .iter()
        .find(|(_, &v)| v == grid_slot)
        .map(|(k, _)| k.as_str());
    let kinds = PublicityKind::ALL.len();
    let states = target_states(targets, Some(grid_id), on, policy);
    StatsNumbers {
        arrivals,
        arrivals_same_province: f(ARR_SAME),
        arrivals_other_province: f(ARR_OTHER),
        arrivals_outside: f(ARR_OUTSIDE),
        arrivals_unknown: f(ARR_UNKNOWN),
        arrivals_risk_area: f(ARR_RISK),
        contacts: f(CONTACTS),
        contacts_isolated: contact_current,
        isolations: Stock {
            new: starts.new,
            total: starts.total,
            current: starts.total - ends.total,
            released: released.new,
            released_total: released.total,
        },
        calls: f(CALLS),
        calls_by_outcome: CallOutcome::ALL
            .iter()
            .enumerate()
            .map(|(k, &outcome)| {
                let fl = f(CALLS + 1 + k);
                OutcomeFlow {
                    outcome,
                    new: fl.new,
                    total: fl.total,
                }
            })
            .collect(),
        targets: states.iter().map(|s| s.count).sum(),
        targets_by_state: states,
        gate_checks: f(GATE),
        gate_fevers: f(GATE_FEVER),
        gate_refused: f(GATE_REFUSED),
        supply_issues: f(SUPPLY_ISSUES),
        supply_quantity: f(SUPPLY_QTY),
        publicity: PublicityKind::ALL
            .iter()
            .enumerate()
            .map(|(k, &kind)| {
                let fl = f(PUB + k);
                PublicityFlow {
                    kind,
                    new: fl.new,
                    total: fl.total,
                    reach_total: f(PUB + kinds + k).total,
                }
            })
            .collect(),
    }
}

fn add_flow(a: Flow, b: Flow) -> Flow {
    Flow {
        new: a.new + b.new,
        total: a.total + b.total,
    }
}

fn sum_numbers<'a>(all: impl Iterator<Item = &'a StatsNumbers>) -> StatsNumbers {
    let mut t: Option<StatsNumbers> = None;
    for n in all {
        let Some(s) = t.as_mut() else {
            t = Some(n.clone());
            continue;
        };
        for (a, b) in [
            (&mut s.arrivals, n.arrivals),
            (&mut s.arrivals_same_province, n.arrivals_same_province),
            (&mut s.arrivals_other_province, n.arrivals_other_province),
            (&mut s.arrivals_outside, n.arrivals_outside),
            (&mut s.arrivals_unknown, n.arrivals_unknown),
            (&mut s.arrivals_risk_area, n.arrivals_risk_area),
            (&mut s.contacts, n.contacts),
            (&mut s.calls, n.calls),
            (&mut s.gate_checks, n.gate_checks),
            (&mut s.gate_fevers, n.gate_fevers),
            (&mut s.gate_refused, n.gate_refused),
            (&mut s.supply_issues, n.supply_issues),
            (&mut s.supply_quantity, n.supply_quantity),
        ] {
            *a = add_flow(*a, b);
        }
        s.contacts_isolated += n.contacts_isolated;
        s.isolations.new += n.isolations.new;
        s.isolations.total += n.isolations.total;
        s.isolations.current += n.isolations.current;
        s.isolations.released += n.isolations.released;
        s.isolations.released_total += n.isolations.released_total;
        for (a, b) in s.calls_by_outcome.iter_mut().zip(&n.calls_by_outcome) {
            a.new += b.new;
            a.total += b.total;
        }
        s.targets += n.targets;
        for (a, b) in s.targets_by_state.iter_mut().zip(&n.targets_by_state) {
            a.count += b.count;
        }
        for (a, b) in s.publicity.iter_mut().zip(&n.publicity) {
            a.new += b.new;
            a.total += b.total;
            a.reach_total += b.reach_total;
        }
    }
    t.unwrap_or_else(|| StatsNumbers {
        arrivals: Flow::default(),
        arrivals_same_province: Flow::default(),
        arrivals_other_province: Flow::default(),
        arrivals_outside: Flow::default(),
        arrivals_unknown: Flow::default(),
        arrivals_risk_area: Flow::default(),
        contacts: Flow::default(),
        contacts_isolated: 0,
        isolations: Stock::default(),
        calls: Flow::default(),
        calls_by_outcome: Vec::new(),
        targets: 0,
        targets_by_state: Vec::new(),
        gate_checks: Flow::default(),
        gate_fevers: Flow::default(),
        gate_refused: Flow::default(),
        supply_issues: Flow::default(),
        supply_quantity: Flow::default(),
        publicity: zero_publicity(),
    })
}

/// Nothing new on the day: every 新增 and 解除 is zero (零报告).
fn nothing_new(n: &StatsNumbers) -> bool {
    no_new_records(n) && n.publicity.iter().all(|p| p.new == 0)
}

/// Nothing new on the day among the records kept per grid (publicity is counted for the
/// whole ledger only): a grid's 零报告 on the daily report.
pub(crate) fn no_new_records(n: &StatsNumbers) -> bool {
    n.arrivals.new == 0
        && n.contacts.new == 0
        && n.isolations.new == 0
        && n.isolations.released == 0
        && n.calls.new == 0
        && n.gate_checks.new == 0
        && n.supply_issues.new == 0
}

/// Nothing at all, up to the day (the 未分网格 row is left out then).
fn is_empty(n: &StatsNumbers) -> bool {
    n.arrivals.total == 0
        && n.contacts.total == 0
        && n.isolations.total == 0
        && n.calls.total == 0
        && n.targets == 0
        && n.gate_checks.total == 0
        && n.supply_issues.total == 0
}

/// The 情况汇报 as a Word document (.docx).
pub mod docx;
