//! Benchmark of the grid worker's worklist (issue 5): a community with 5,000 active
//! isolations and 140,000 health checks. Budget: under 30 ms. Run with
//! `cargo bench --bench isolation`; `docs/benchmarks.md` records the numbers.
#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate};
use gridledger::api::{
    CheckMethod, CheckRound, EndIsolation, EndReason, IsolationKind, NewCheck, NewIsolation,
};
use gridledger::register::{self, NewPerson};
use gridledger::store::Actor;
use gridledger::{isolation, Ledger, OpenOptions, Result};

const ISOLATIONS: u32 = 5_000;
const RUNS: usize = 50;

fn main() -> Result<()> {
    let dir = tempfile::tempdir().map_err(|e| gridledger::Error::io("tempdir", e))?;
    let mut ledger = Ledger::open(dir.path().join("bench.db"), &OpenOptions::default())?;
    let today = NaiveDate::from_ymd_opt(2020, 2, 20).unwrap();
    let built = Instant::now();
    let mut checks_written = 0usize;
    ledger.write(&Actor::new("bench"), |tx| {
        for n in 0..ISOLATIONS {
            let person = register::add_person(
                tx,
                &NewPerson {
                    name: &format!("隔离{n}"),
                    ..NewPerson::default()
                },
            )?;
            // Started 0–13 days ago: every one of them active today.
            let started = today - Days::new(u64::from(n % 14));
            let id = isolation::start_isolation(
                tx,
                &NewIsolation {
                    person_id: person,
                    kind: IsolationKind::Home,
                    arrival_id: None,
                    contact_id: None,
                    start_date: Some(started.to_string()),
                    days: None,
                    place: None,
                    responsible_worker_id: None,
                    note: None,
                },
                today,
            )?;
            // Two checks a day up to yesterday, and this morning's for half of them; one
            // in 25 misses a day; one in 100 had a fever.
            let mut checks = Vec::new();
            let elapsed = (today - started).num_days() as u32;
            for d in 0..=elapsed {
                if n % 25 == 0 && d == 1 {
                    continue;
                }
                for slot in 1..=2u32 {
                    if d == elapsed && (slot == 2 || n % 2 == 0) {
                        continue;
                    }
                    let fever = n % 100 == 0 && d == 0 && slot == 1;
                    checks.push(NewCheck {
                        isolation_id: id.clone(),
                        date: (started + Days::new(u64::from(d))).to_string(),
                        slot,
                        temperature: Some(if fever { "38.0" } else { "36.5" }.into()),
                        symptoms: vec![],
                        method: CheckMethod::Visit,
                        checked_by: None,
                        note: None,
                    });
                }
            }
            checks_written += checks.len();
            if !checks.is_empty() {
                isolation::add_checks(tx, &CheckRound { checks }, today)?;
            }
        }
        // History: released isolations of the weeks before, 28 checks each, so that the
        // ledger holds 140,000 checks in all.
        let mut n = 0u32;
        while checks_written < 140_000 {
            let person = register::add_person(
                tx,
                &NewPerson {
                    name: &format!("已解除{n}"),
                    ..NewPerson::default()
                },
            )?;
            let started = today - Days::new(30 + u64::from(n % 10));
            let id = isolation::start_isolation(
                tx,
                &NewIsolation {
                    person_id: person,
                    kind: IsolationKind::Home,
                    arrival_id: None,
                    contact_id: None,
                    start_date: Some(started.to_string()),
                    days: None,
                    place: None,
                    responsible_worker_id: None,
                    note: None,
                },
                today,
            )?;
            let checks: Vec<NewCheck> = (0..14u64)
                .flat_map(|d| (1..=2u32).map(move |slot| (d, slot)))
                .map(|(d, slot)| NewCheck {
                    isolation_id: id.clone(),
                    date: (started + Days::new(d)).to_string(),
                    slot,
                    temperature: Some("36.4".into()),
                    symptoms: vec![],
                    method: CheckMethod::Phone,
                    checked_by: None,
                    note: None,
                })
                .collect();
            checks_written += checks.len();
            isolation::add_checks(tx, &CheckRound { checks }, today)?;
            isolation::end_isolation(
                tx,
                &EndIsolation {
                    id,
                    on: (started + Days::new(14)).to_string(),
                    reason: EndReason::Released,
                    by: None,
                    note: None,
                },
            )?;
            n += 1;
        }
        Ok(())
    })?;
    ledger.checkpoint()?;
    ledger.conn().execute_batch("ANALYZE")?;
    println!(
        "built {ISOLATIONS} isolations and {checks_written} checks in {:.1} s",
        built.elapsed().as_secs_f64()
    );
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..RUNS {
        let t = Instant::now();
        let w = isolation::worklist(ledger.conn(), today)?;
        times.push(t.elapsed());
        last = Some(w);
    }
    let w = last.unwrap();
    let (median, p95, max) = stats(&mut times);
    println!();
    println!(
        "| worklist | runs | median ms | p95 ms | max ms | due | overdue | ending today | fevers |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    println!(
        "| {ISOLATIONS} active isolations, {checks_written} checks | {RUNS} | {median:.1} | {p95:.1} | {max:.1} | {} | {} | {} | {} |",
        w.due.len(),
        w.overdue.len(),
        w.ending_today.len(),
        w.fevers.len()
    );
    Ok(())
}

fn stats(times: &mut [Duration]) -> (f64, f64, f64) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |q: f64| ms(times[((times.len() - 1) as f64 * q).round() as usize]);
    (at(0.5), at(0.95), at(1.0))
}
