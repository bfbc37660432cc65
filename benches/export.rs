//! Benchmark of the export engine (issue 8): 100,000 arrivals exported to the
//! 返乡（外来）人员摸排登记表, side by side with the floor — bare rust_xlsxwriter (constant
//! memory) writing the same cells, values already in memory. Budget: at most 1.3× the
//! floor and under 1.5 s. Run with `cargo bench --bench export`; `docs/benchmarks.md`
//! records the numbers.
#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use gridledger::api::{BulkBuilding, ExportRequest, NewArrival, NewRiskArea, Place, RiskLevel};
use gridledger::domain::id_number::check_char;
use gridledger::forms::definition::{self, CellFormat};
use gridledger::forms::source::{self, Query, Value};
use gridledger::register::{self, NewPerson};
use gridledger::store::Actor;
use gridledger::{arrivals, forms, Ledger, OpenOptions, Result};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook};

const ARRIVALS: u32 = 100_000;
const RUNS: usize = 5;

const REGIONS: &[&str] = &[
    "420102", "420103", "420104", "420105", "420106", "420111", "420115", "420500", "420600",
    "421000", "429004", "340102", "340403", "340404", "340100", "320106", "310101", "110101",
    "440305", "510107", "330106", "370102", "410105", "430104", "500103",
];
const COUNTRIES: &[&str] = &["KR", "JP", "IT", "US", "GB", "DE", "FR", "IR", "TH", "SG"];
const TRANSPORT: &[&str] = &["car", "train", "plane", "coach", "other"];

fn build(ledger: &mut Ledger) -> Result<()> {
    let today = NaiveDate::from_ymd_opt(2020, 3, 10).unwrap();
    let start = NaiveDate::from_ymd_opt(2019, 12, 1).unwrap();
    let born = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap();
    let mut seed = 0x2020_0121_u64;
    let mut next = move |n: u32| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) % u64::from(n)) as u32
    };
    ledger.write(&Actor::new("bench"), |tx| {
        let street = register::add_street(tx, "龙泉街道", "340403")?;
        let community = register::add_community(tx, &street, "幸福社区")?;
        let worker = register::add_worker(tx, "王网格", None)?;
        let grid = register::add_grid(tx, &community, "第一网格", Some(&worker))?;
        let estate = register::add_estate(tx, &grid, "幸福家园")?;
        let mut households = Vec::new();
        for b in 1..=10 {
            let made = register::bulk_create_building(
                tx,
                &BulkBuilding {
                    estate_id: estate.clone(),
                    building_name: format!("{b}栋"),
                    units: 1..=4,
                    floors: 1..=25,
                    rooms_per_floor: 4,
                    room_format: None,
                    responsible_worker_id: Some(worker.clone()),
                },
            )?;
            households.extend(
                register::households_of_building(tx, &made.building_id)?
                    .into_iter()
                    .map(|h| h.id),
            );
        }
        for n in 0..ARRIVALS {
            // A valid, unique ID number: birth date from n / 1000, sequence n % 1000.
            let birth = born + chrono::Days::new(u64::from(n / 1000) * 97);
            let first17 = format!("340403{}{:03}", birth.format("%Y%m%d"), n % 1000);
            let id = format!("{first17}{}", check_char(&first17));
            let phone = format!("138{:08}", n);
            let household = &households[n as usize % households.len()];
            let person = register::add_person(
                tx,
                &NewPerson {
                    name: &format!("返乡{n}"),
                    id_number: Some(&id),
                    phone: Some(&phone),
                    household_id: Some(household),
                    ..NewPerson::default()
                },
            )?;
            let origin = if next(10) == 0 {
                Place::Country(COUNTRIES[next(COUNTRIES.len() as u32) as usize].into())
            } else {
                Place::Region(REGIONS[next(REGIONS.len() as u32) as usize].into())
            };
            let arrived = start + chrono::Days::new(u64::from(next(100)));
            let departed = arrived - chrono::Days::new(u64::from(next(3)));
            let transport = TRANSPORT[next(TRANSPORT.len() as u32) as usize];
            arrivals::add_arrival(
                tx,
                &serde_json::from_value::<NewArrival>(serde_json::json!({
                    "personId": person,
                    "origin": origin,
                    "departedOn": departed.to_string(),
                    "arrivedOn": arrived.to_string(),
                    "transport": transport,
                    "transportNo": format!("G{}", next(9000) + 1000),
                    "householdId": household,
                    "screenedOn": arrived.to_string(),
                    "temperature": format!("36.{}", next(10)),
                }))?,
                today,
            )?;
        }
        arrivals::add_risk_area(
            tx,
            &NewRiskArea {
                place: Place::Region("420100".into()),
                level: RiskLevel::High,
                from_date: "2020-01-01".into(),
                until_date: None,
                notice: None,
                note: None,
            },
        )?;
        Ok(())
    })
}

/// A cell as the floor writes it.
enum Cell {
    Blank,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

fn main() -> Result<()> {
    let dir = tempfile::tempdir().map_err(|e| gridledger::Error::io("tempdir", e))?;
    // EXPORT_BENCH_DB=path keeps the ledger for `sqlite3 … EXPLAIN QUERY PLAN` afterwards;
    // with EXPORT_BENCH_REUSE=1 a ledger kept there by an earlier run is measured again.
    let path = std::env::var_os("EXPORT_BENCH_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("bench.db"));
    let reuse = std::env::var("EXPORT_BENCH_REUSE").is_ok_and(|v| v == "1") && path.exists();
    if !reuse {
        let _ = std::fs::remove_file(&path);
    }
    let mut ledger = Ledger::open(&path, &OpenOptions::default())?;
    if reuse {
        println!("ledger kept at {} measured again", path.display());
    } else {
        let built = Instant::now();
        build(&mut ledger)?;
        println!(
            "ledger with {ARRIVALS} arrivals built in {:.1} s",
            built.elapsed().as_secs_f64()
        );
    }

    // The floor's input: the engine's own values, mapped and masked, in memory.
    let form = definition::parse(forms::SHIPPED[0].1).expect("the shipped form is valid");
    let mut cells: Vec<Vec<Cell>> = Vec::with_capacity(ARRIVALS as usize);
    source::for_each_row(
        ledger.conn(),
        form.def.source,
        &Query {
            masking: Some(form.def.masking),
            ..Query::default()
        },
        None,
        &mut |row| {
            cells.push(
                form.columns
                    .iter()
                    .map(|c| match (&row[c.field], c.format) {
                        (Value::Empty, _) => Cell::Blank,
                        (Value::Date(d), CellFormat::Date) => Cell::Date(*d),
                        (Value::Integer(n), CellFormat::Integer) => Cell::Number(*n as f64),
                        (Value::Temperature(t), CellFormat::Temperature) => {
                            Cell::Number(f64::from(*t) / 10.0)
                        }
                        (v, _) => Cell::Text(forms::cell_text(c, v)),
                    })
                    .collect(),
            );
            Ok(())
        },
    )?;
    assert_eq!(cells.len(), ARRIVALS as usize);

    let mut floor = Vec::new();
    let mut engine = Vec::new();
    let mut read = Vec::new();
    for run in 0..RUNS {
        // The ledger read alone (what the engine adds to the floor, overlapped with writing).
        let t = Instant::now();
        let n = source::for_each_row(
            ledger.conn(),
            form.def.source,
            &Query {
                masking: Some(form.def.masking),
                ..Query::default()
            },
            None,
            &mut |row| {
                std::hint::black_box(row);
                Ok(())
            },
        )?;
        read.push(t.elapsed());
        assert_eq!(n, u64::from(ARRIVALS));

        let out = dir.path().join(format!("floor-{run}.xlsx"));
        let t = Instant::now();
        write_floor(&form, &cells, &out);
        floor.push(t.elapsed());

        let out = dir.path().join(format!("engine-{run}.xlsx"));
        let t = Instant::now();
        let done = forms::export_form(
            &mut ledger,
            &Actor::new("bench"),
            &ExportRequest {
                form: "arrivals-screening".into(),
                ..ExportRequest::default()
            },
            &out,
        )?;
        engine.push(t.elapsed());
        assert_eq!(done.rows, ARRIVALS);
    }
    let floor = median(floor);
    let engine = median(engine);
    let read = median(read);
    println!(
        "reading the rows from the ledger alone:             median {:.0} ms",
        read.as_secs_f64() * 1000.0
    );
    println!(
        "bare rust_xlsxwriter (floor), {ARRIVALS} rows × {} columns: median {:.0} ms",
        form.columns.len(),
        floor.as_secs_f64() * 1000.0
    );
    println!(
        "engine export of 返乡（外来）人员摸排登记表:            median {:.0} ms",
        engine.as_secs_f64() * 1000.0
    );
    println!(
        "ratio engine / floor: {:.2} (budget 1.30; and under 1500 ms)",
        engine.as_secs_f64() / floor.as_secs_f64()
    );
    Ok(())
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// The same cells with bare rust_xlsxwriter: title, header, data, in constant memory.
fn write_floor(form: &definition::Form, cells: &[Vec<Cell>], path: &std::path::Path) {
    let body = Format::new()
        .set_font_name("宋体")
        .set_font_size(10)
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter);
    let text = body.clone().set_num_format("@");
    let date = body.clone().set_num_format("yyyy-mm-dd");
    let number = body.clone().set_num_format("0.0");
    let mut workbook = Workbook::new();
    let ws = workbook.add_worksheet_with_constant_memory().unwrap();
    let last = (form.columns.len() - 1) as u16;
    ws.merge_range(0, 0, 0, last, "标题", &body).unwrap();
    for (col, c) in form.columns.iter().enumerate() {
        ws.set_column_width(col as u16, c.width).unwrap();
        ws.write_string_with_format(1, col as u16, &c.header, &body)
            .unwrap();
    }
    for (r, row) in cells.iter().enumerate() {
        let r = r as u32 + 2;
        for (col, cell) in row.iter().enumerate() {
            let col = col as u16;
            match cell {
                Cell::Blank => ws.write_blank(r, col, &body).map(|_| ()),
                Cell::Text(s) => ws.write_string_with_format(r, col, s, &text).map(|_| ()),
                Cell::Number(n) => ws.write_number_with_format(r, col, *n, &number).map(|_| ()),
                Cell::Date(d) => ws.write_date_with_format(r, col, d, &date).map(|_| ()),
            }
            .unwrap();
        }
    }
    workbook.save(path).unwrap();
}
