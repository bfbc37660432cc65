//! Benchmark of the daily statistics (issue 8): a year of a 20,000-person community.
//! Budget: under 100 ms for one day's numbers. Run with `cargo bench --bench stats`;
//! `docs/benchmarks.md` records the numbers.
#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate};
use gridledger::store::Actor;
use gridledger::{stats, Ledger, OpenOptions, Result};
use rusqlite::params;

const PEOPLE: u32 = 20_000;
const GRIDS: u32 = 8;
const RUNS: usize = 20;
const T: &str = "2020-01-01T00:00:00.000Z";

fn main() -> Result<()> {
    let dir = tempfile::tempdir().map_err(|e| gridledger::Error::io("tempdir", e))?;
    // STATS_BENCH_DB=path keeps the ledger for `sqlite3 … EXPLAIN QUERY PLAN` afterwards.
    let path = std::env::var_os("STATS_BENCH_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("bench.db"));
    let _ = std::fs::remove_file(&path);
    let mut ledger = Ledger::open(&path, &OpenOptions::default())?;
    let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let day = |n: u32| (start + Days::new(u64::from(n % 366))).to_string();
    let built = Instant::now();
    let mut counts = [0usize; 6];
    ledger.write(&Actor::new("bench"), |tx| {
        let ins = |sql: &str, p: &[&dyn rusqlite::ToSql]| tx.execute(sql, p).map(|_| ());
        ins(&format!("INSERT INTO street VALUES ('s', '街道', '340403', '{T}', '{T}', 'b', NULL)"), &[])?;
        ins(&format!("INSERT INTO community VALUES ('c', 's', '社区', '{T}', '{T}', 'b', NULL)"), &[])?;
        for g in 0..GRIDS {
            ins(
                "INSERT INTO grid (id, community_id, name, created_at, updated_at, updated_by) \
                 VALUES (?1, 'c', ?2, ?3, ?3, 'b')",
                &[&format!("g{g}"), &format!("第{g}网格"), &T],
            )?;
        }
        ins(&format!("INSERT INTO risk_area (id, region_code, name, from_date, created_at, updated_at, updated_by) VALUES ('r', '420100', '湖北省武汉市', '2020-01-01', '{T}', '{T}', 'b')"), &[])?;
        ins(&format!("INSERT INTO checkpoint (id, name, created_at, updated_at, updated_by) VALUES ('cp', '东门', '{T}', '{T}', 'b')"), &[])?;
        ins(&format!("INSERT INTO supply_item (id, name, unit, created_at, updated_at, updated_by) VALUES ('m', '口罩', '个', '{T}', '{T}', 'b')"), &[])?;
        ins(&format!("INSERT INTO supply_receipt (id, item_id, quantity, received_on, created_at, updated_at, updated_by) VALUES ('sr', 'm', 10000000, '2020-01-01', '{T}', '{T}', 'b')"), &[])?;
        for h in 0..=PEOPLE / 3 {
            ins(
                "INSERT INTO household (id, grid_id, room, created_at, updated_at, updated_by) \
                 VALUES (?1, ?2, ?3, ?4, ?4, 'b')",
                &[&format!("h{h}"), &format!("g{}", h % GRIDS), &h.to_string(), &T],
            )?;
        }
        for p in 0..PEOPLE {
            ins(
                "INSERT INTO person (id, name, household_id, created_at, updated_at, updated_by) \
                 VALUES (?1, ?2, ?3, ?4, ?4, 'b')",
                &[&format!("p{p}"), &format!("人{p}"), &format!("h{}", p / 3), &T],
            )?;
        }
        // One arrival per 3 people over the year (省内, 省外, 武汉, 境外), each isolated;
        // one contact per 4 arrivals, isolated too.
        for a in 0..PEOPLE / 3 {
            let (region, country): (Option<&str>, Option<&str>) = match a % 4 {
                0 => (Some("340100"), None),
                1 => (Some("310101"), None),
                2 => (Some("420102"), None),
                _ => (None, Some("KR")),
            };
            let on = day(a * 5 / 100 % 340);
            tx.execute(
                "INSERT INTO arrival (id, person_id, origin_region, origin_country, arrived_on, \
                 created_at, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, 'b')",
                params![format!("a{a}"), format!("p{}", a * 3), region, country, on, T],
            )?;
            let end = day(a * 5 / 100 % 340 + 14);
            tx.execute(
                "INSERT INTO isolation (id, person_id, kind, start_rule, arrival_id, start_date, \
                 days, planned_end, checks_per_day, ended_on, end_reason, created_at, updated_at, \
                 updated_by) VALUES (?1, ?2, 'home', 'arrival', ?3, ?4, 14, ?5, 2, ?5, \
                 'released', ?6, ?6, 'b')",
                params![format!("i{a}"), format!("p{}", a * 3), format!("a{a}"), on, end, T],
            )?;
            counts[0] += 2;
            if a % 4 == 0 {
                tx.execute(
                    "INSERT INTO contact (id, person_id, index_person_id, exposure, \
                     last_contact_on, created_at, updated_at, updated_by) \
                     VALUES (?1, ?2, ?3, 'household', ?4, ?5, ?5, 'b')",
                    params![format!("x{a}"), format!("p{}", a * 3 + 1), format!("p{}", a * 3), on, T],
                )?;
                counts[1] += 1;
            }
        }
        // 500 call targets, 4 calls each.
        for t in 0..500u32 {
            tx.execute(
                "INSERT INTO call_target (id, person_id, place_country, away_since, created_at, \
                 updated_at, updated_by) VALUES (?1, ?2, 'KR', '2020-01-01', ?3, ?3, 'b')",
                params![format!("t{t}"), format!("p{}", t * 3 + 2), T],
            )?;
            for k in 0..4u32 {
                tx.execute(
                    "INSERT INTO call (id, target_id, called_at, outcome, created_at, updated_at, \
                     updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?5, 'b')",
                    params![
                        format!("k{t}-{k}"),
                        format!("t{t}"),
                        format!("{} 1{}:00:00", day(t / 2 + k * 60), k + 2),
                        if k % 2 == 0 { "no_answer" } else { "not_returning" },
                        T
                    ],
                )?;
                counts[2] += 1;
            }
        }
        // 300 gate checks a day, one in 200 with a fever.
        for n in 0..366 * 300u32 {
            let fever = n % 200 == 0;
            tx.execute(
                "INSERT INTO gate_check (id, checkpoint_id, person_id, temperature, checked_at, \
                 admitted, referral, created_at, updated_at, updated_by) \
                 VALUES (?1, 'cp', ?2, ?3, ?4, ?5, ?6, ?7, ?7, 'b')",
                params![
                    format!("gc{n}"),
                    format!("p{}", n % PEOPLE),
                    if fever { 381 } else { 365 },
                    format!("{} {:02}:{:02}:00", day(n / 300), 6 + n % 14, n % 60),
                    !fever,
                    fever.then_some("社区卫生服务中心"),
                    T
                ],
            )?;
            counts[3] += 1;
        }
        // Every household gets masks three times; a publicity entry a day.
        for n in 0..PEOPLE {
            tx.execute(
                "INSERT INTO supply_issue (id, item_id, household_id, quantity, issued_on, \
                 created_at, updated_at, updated_by) VALUES (?1, 'm', ?2, 10, ?3, ?4, ?4, 'b')",
                params![format!("si{n}"), format!("h{}", n % (PEOPLE / 3)), day(n / 55), T],
            )?;
            counts[4] += 1;
        }
        for n in 0..366u32 {
            tx.execute(
                "INSERT INTO publicity (id, kind, count, done_on, created_at, updated_at, \
                 updated_by) VALUES (?1, 'banner', 2, ?2, ?3, ?3, 'b')",
                params![format!("pb{n}"), day(n), T],
            )?;
            counts[5] += 1;
        }
        Ok(())
    })?;
    println!(
        "ledger: {PEOPLE} people in {GRIDS} grids; {} arrivals+isolations, {} contacts, {} calls, \
         {} gate checks, {} supply issues, {} publicity entries; built in {:.1?}",
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        counts[4],
        counts[5],
        built.elapsed()
    );
    let on = NaiveDate::from_ymd_opt(2020, 12, 31).unwrap();
    let d = stats::daily_stats(ledger.conn(), on)?;
    assert_eq!(d.total.arrivals.total, PEOPLE / 3);
    let time = |f: &dyn Fn() -> Result<()>| -> Result<Duration> {
        let mut runs = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let t = Instant::now();
            f()?;
            runs.push(t.elapsed());
        }
        runs.sort();
        Ok(runs[RUNS / 2])
    };
    let daily = time(&|| stats::daily_stats(ledger.conn(), on).map(|_| ()))?;
    let trend = time(&|| stats::daily_trend(ledger.conn(), on).map(|_| ()))?;
    println!("daily_stats (2020-12-31): median {daily:.2?} of {RUNS} runs (budget 100 ms)");
    println!("daily_trend (30 days):    median {trend:.2?} of {RUNS} runs");
    Ok(())
}
