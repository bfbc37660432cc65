//! Benchmark of importing a 100,000-row arrivals xlsx (issue 9): reading it with
//! calamine alone against the whole import (read, clean, match, dry run, then commit in
//! one transaction), side by side. Target: the import within 2× calamine's read and
//! under 5 s. Run with `cargo bench --bench import`; `docs/benchmarks.md` records the
//! numbers.
#![allow(clippy::unwrap_used)]

use std::io::Cursor;
use std::time::{Duration, Instant};

use calamine::{Reader, Xlsx};
use gridledger::api::{ImportKind, ImportRequest};
use gridledger::domain::id_number::check_char;
use gridledger::imports::{self, read, CommitOptions};
use gridledger::store::Actor;
use gridledger::{Ledger, OpenOptions, Result};
use rust_xlsxwriter::{Format, Workbook};

/// 100,000 rows; `IMPORT_BENCH_ROWS=N` for a quicker look.
fn rows() -> u32 {
    std::env::var("IMPORT_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
}
const READ_RUNS: usize = 5;

const ORIGINS: &[&str] = &[
    "湖北省武汉市",
    "武汉",
    "孝感",
    "湖北省黄冈市",
    "安徽省合肥市",
    "上海市",
    "韩国",
    "温州",
    "外地某工地",
];

/// The list: a title, a two-row header (返回情况 over 返回时间 / 从何地返回), then
/// `rows` rows with valid ID numbers as text, phones as numbers, dates as date cells
/// and as text. `day` shifts the arrival dates so that a second file adds new arrivals
/// for the same people.
fn list(day: u32, rows: u32) -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let plain = Format::new();
    ws.merge_range(0, 0, 0, 6, "返乡人员核查名单", &plain)
        .unwrap();
    for (c, h) in ["序号", "姓名", "身份证号", "联系电话", "车次"]
        .iter()
        .enumerate()
    {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    ws.merge_range(1, 5, 1, 6, "返回情况", &plain).unwrap();
    ws.write_string(2, 5, "返回时间").unwrap();
    ws.write_string(2, 6, "从何地返回").unwrap();
    for n in 0..rows {
        let r = n + 3;
        // Birth dates spread over 1950–1999; sequence numbers keep IDs unique.
        let first17 = format!(
            "42010{}{:04}{:02}{:02}{:03}",
            n % 10,
            1950 + n % 50,
            1 + n % 12,
            1 + n % 28,
            n / 500 % 1000
        );
        let id = format!("{first17}{}", check_char(&first17));
        ws.write_number(r, 0, f64::from(n + 1)).unwrap();
        ws.write_string(r, 1, format!("返乡{n}")).unwrap();
        ws.write_string(r, 2, &id).unwrap();
        ws.write_number(r, 3, 13_800_000_000.0 + f64::from(n))
            .unwrap();
        ws.write_string(r, 4, format!("G{}", 1000 + n % 500))
            .unwrap();
        let d = 1 + (n + day) % 28;
        if n % 2 == 0 {
            ws.write_number_with_format(r, 5, 43_831.0 + f64::from(d - 1), &date)
                .unwrap();
        } else {
            ws.write_string(r, 5, format!("1月{d}日")).unwrap();
        }
        ws.write_string(r, 6, ORIGINS[(n % ORIGINS.len() as u32) as usize])
            .unwrap();
    }
    book.save_to_buffer().unwrap()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn calamine_alone(bytes: &[u8], rows: u32) -> Duration {
    let t = Instant::now();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    assert!(range.height() as u32 > rows);
    t.elapsed()
}

fn main() -> Result<()> {
    let rows = rows();
    let built = Instant::now();
    let first = list(0, rows);
    let second = list(1, rows);
    println!(
        "generated 2 lists of {rows} rows ({} KB each) in {:.1} s",
        first.len() / 1024,
        built.elapsed().as_secs_f64()
    );

    let calamine = median(
        (0..READ_RUNS)
            .map(|_| calamine_alone(&first, rows))
            .collect(),
    );
    let ours = median(
        (0..READ_RUNS)
            .map(|_| {
                let t = Instant::now();
                read::read("list.xlsx", &first, None).unwrap();
                t.elapsed()
            })
            .collect(),
    );

    println!(
        "calamine alone {:.0} ms, imports::read::read {:.0} ms (medians of {READ_RUNS})",
        ms(calamine),
        ms(ours)
    );

    let dir = tempfile::tempdir().map_err(|e| gridledger::Error::io("tempdir", e))?;
    let mut ledger = Ledger::open(dir.path().join("bench.db"), &OpenOptions::default())?;
    let actor = Actor::new("bench");
    let request = |bytes: &[u8]| ImportRequest {
        kind: ImportKind::Arrivals,
        file_name: "list.xlsx".into(),
        bytes: bytes.to_vec(),
        sheet: None,
        mapping: None,
        default_year: Some(2020),
        create_households: None,
        file_id: None,
    };

    let mut table = Vec::new();
    for (label, bytes) in [
        ("new people + new arrivals (empty ledger)", &first),
        (
            "matched people + new arrivals (the same people again)",
            &second,
        ),
    ] {
        let req = request(bytes);
        let t = Instant::now();
        let preview = imports::preview(ledger.conn(), &req)?;
        let dry = t.elapsed();
        println!("{label}: dry run {:.0} ms", ms(dry));
        let t = Instant::now();
        let done = imports::commit(&mut ledger, &actor, &req, &CommitOptions::default())?;
        let commit = t.elapsed();
        println!("{label}: commit {:.0} ms", ms(commit));
        assert_eq!(
            done.preview.counts.new_arrivals, rows,
            "{:?}",
            preview.counts
        );
        table.push((label, dry, commit, preview.counts));
    }

    println!();
    println!("| step | ms | × calamine |");
    println!("| --- | ---: | ---: |");
    println!(
        "| calamine alone: open + worksheet_range (median of {READ_RUNS}) | {:.0} | 1.00 |",
        ms(calamine)
    );
    println!(
        "| imports::read::read (calamine + cells; median of {READ_RUNS}) | {:.0} | {:.2} |",
        ms(ours),
        ours.as_secs_f64() / calamine.as_secs_f64()
    );
    for (label, dry, commit, counts) in table {
        println!(
            "| {label}: dry run (`imports::preview`) | {:.0} | {:.2} |",
            ms(dry),
            dry.as_secs_f64() / calamine.as_secs_f64()
        );
        println!(
            "| {label}: commit (`imports::commit`, plans again + writes) | {:.0} | {:.2} |",
            ms(commit),
            commit.as_secs_f64() / calamine.as_secs_f64()
        );
        println!(
            "|   counts: new people {}, matched {}, new arrivals {}, errors {} | | |",
            counts.new_people, counts.matched_people, counts.new_arrivals, counts.errors
        );
    }
    Ok(())
}
