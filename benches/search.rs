//! Person-search benchmark: a 200,000-person, 80,000-household ledger, then the first page
//! (limit 20) of every kind of search over many different queries, a building's household
//! list, and bulk inserts of 10,000 households. The budget is 10 ms median / 30 ms p95 per
//! first page; `docs/benchmarks.md` records the numbers. Deterministic: the same ledger
//! and queries every run. Run with `cargo bench --bench search`.
#![allow(clippy::unwrap_used)]

use std::collections::HashSet;
use std::time::{Duration, Instant};

use gridledger::api::BulkBuilding;
use gridledger::domain::id_number::check_char;
use gridledger::register::{self, NewHousehold, NewPerson};
use gridledger::search::{self, keys, search_people};
use gridledger::store::Actor;
use gridledger::{Ledger, OpenOptions, Result};

const ESTATE_BASES: &[&str] = &[
    "幸福家园",
    "龙湖小区",
    "春晖苑",
    "电力新村",
    "洞山小区",
    "矿工新村",
    "朝阳花园",
    "金色港湾",
    "学府小区",
    "翰林苑",
    "阳光城",
    "锦绣华庭",
    "和平里",
    "东方明珠",
    "书香门第",
    "滨湖世纪城",
    "碧桂园",
    "绿地新都会",
    "万达广场",
    "御景湾",
];
const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
    "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹",
    "单", "曾", "解", "查", "仇", "朴",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀", "霞", "平", "刚", "桂", "英", "华", "建", "国", "文", "玉", "兰", "红", "志", "海",
    "晨", "宇", "欣", "怡", "浩", "子", "涵", "睿", "长", "乐", "行", "重", "和",
];
const REGIONS: &[&str] = &[
    "340403", "340402", "340404", "340421", "340103", "420106", "320106",
];

const BUILDINGS_PER_ESTATE: u32 = 10;
const UNITS_PER_BUILDING: u32 = 4;
const FLOORS: u32 = 25;
const PAGE: u32 = 20;
const QUERIES_PER_KIND: usize = 300;

/// One person as generated, to draw queries from.
struct Sample {
    name: String,
    id_number: String,
    phone: Option<String>,
    estate: String,
    building: u32,
    unit: u32,
    room: String,
}

fn main() -> Result<()> {
    let dir = tempfile::tempdir().map_err(|e| gridledger::Error::io("tempdir", e))?;
    let path = dir.path().join("bench.db");
    let mut ledger = Ledger::open(&path, &OpenOptions::default())?;
    let mut rng = Rng(0x005E_A2C4_2026);

    let started = Instant::now();
    let (samples, buildings, units) =
        ledger.write(&Actor::new("bench"), |tx| build(tx, &mut rng))?;
    let build_time = started.elapsed();
    let people: i64 = ledger
        .conn()
        .query_row("SELECT count(*) FROM person", [], |r| r.get(0))?;
    let households: i64 = ledger
        .conn()
        .query_row("SELECT count(*) FROM household", [], |r| r.get(0))?;
    ledger.checkpoint()?;
    ledger.conn().execute_batch("ANALYZE")?;
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let page_size: i64 = ledger
        .conn()
        .query_row("PRAGMA page_size", [], |r| r.get(0))?;
    let index_pages: i64 = ledger
        .conn()
        .query_row(
            "SELECT count(*) FROM dbstat WHERE name LIKE 'person\\_search%' ESCAPE '\\' \
             OR name LIKE 'household\\_search%' ESCAPE '\\'",
            [],
            |r| r.get(0),
        )
        .unwrap_or(0);
    println!(
        "ledger: {people} people, {households} households, built in {:.1} s, {:.0} MB \
         (search index {:.0} MB)",
        build_time.as_secs_f64(),
        size as f64 / 1e6,
        (index_pages * page_size) as f64 / 1e6
    );

    let pick = |rng: &mut Rng| &samples[rng.below(samples.len() as u32) as usize];
    let mut kinds: Vec<(&str, Vec<String>)> = Vec::new();
    let mut q = |label, f: &dyn Fn(&Sample, &mut Rng) -> Option<String>, rng: &mut Rng| {
        let mut list = Vec::new();
        while list.len() < QUERIES_PER_KIND {
            if let Some(query) = f(pick(rng), rng) {
                list.push(query);
            }
        }
        kinds.push((label, list));
    };
    q("name (full)", &|s, _| Some(s.name.clone()), &mut rng);
    q(
        "name (surname only, prefix)",
        &|s, _| s.name.chars().next().map(String::from),
        &mut rng,
    );
    q(
        "name substring (last character)",
        &|s, _| s.name.chars().last().map(String::from),
        &mut rng,
    );
    q(
        "name substring (given name, 2 chars)",
        &|s, _| {
            let chars: Vec<char> = s.name.chars().collect();
            (chars.len() == 3).then(|| chars[1..].iter().collect())
        },
        &mut rng,
    );
    q(
        "pinyin initials",
        &|s, _| keys::initials(&s.name).first().cloned(),
        &mut rng,
    );
    q(
        "pinyin initials, first letter only",
        &|s, _| keys::initials(&s.name).first().map(|k| k[..1].to_owned()),
        &mut rng,
    );
    q(
        "full pinyin prefix (e.g. zhangs)",
        &|s, _| {
            let surname: String = s.name.chars().take(1).collect();
            let given: String = s.name.chars().skip(1).take(1).collect();
            let sur = keys::full(&surname).first().cloned()?;
            let g = keys::initials(&given).first().cloned()?;
            Some(format!("{sur}{g}"))
        },
        &mut rng,
    );
    q(
        "ID number (full 18)",
        &|s, _| Some(s.id_number.clone()),
        &mut rng,
    );
    q(
        "ID number (last 4, x lower case)",
        &|s, _| Some(s.id_number[14..].to_lowercase()),
        &mut rng,
    );
    q(
        "phone (last 4)",
        &|s, _| s.phone.as_ref().map(|p| p[7..].to_owned()),
        &mut rng,
    );
    q(
        "address (estate+building+unit+room)",
        &|s, _| {
            Some(format!(
                "{}{}栋{}单元{}",
                s.estate, s.building, s.unit, s.room
            ))
        },
        &mut rng,
    );
    q(
        "address (building+unit+room)",
        &|s, _| Some(format!("{}栋{}单元{}", s.building, s.unit, s.room)),
        &mut rng,
    );
    q(
        "address (unit+room)",
        &|s, _| Some(format!("{}单元{}", s.unit, s.room)),
        &mut rng,
    );
    q(
        "address (estate+building)",
        &|s, _| Some(format!("{}{}栋", s.estate, s.building)),
        &mut rng,
    );

    println!();
    println!("| search kind (first page, limit {PAGE}) | queries | median ms | p95 ms | max ms | avg hits |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (label, queries) in &kinds {
        // Warm the page cache and the statement cache once, as a worker's session would.
        for query in queries.iter().take(20) {
            search_people(ledger.conn(), query, PAGE, 0)?;
        }
        let mut times = Vec::with_capacity(queries.len());
        let mut hits = 0usize;
        for query in queries {
            let t = Instant::now();
            let page = search_people(ledger.conn(), query, PAGE, 0)?;
            times.push(t.elapsed());
            hits += page.len();
            assert!(!page.is_empty(), "{label}: {query:?} found nobody");
        }
        let (median, p95, max) = stats(&mut times);
        println!(
            "| {label} | {} | {median:.2} | {p95:.2} | {max:.2} | {:.1} |",
            queries.len(),
            hits as f64 / queries.len() as f64
        );
    }

    // A building's households, as the register lists them.
    let mut times = Vec::new();
    let mut rows = 0usize;
    for _ in 0..200 {
        let building = &buildings[rng.below(buildings.len() as u32) as usize];
        let t = Instant::now();
        let list = register::households_of_building(ledger.conn(), building)?;
        times.push(t.elapsed());
        rows += list.len();
    }
    let (median, p95, max) = stats(&mut times);
    println!(
        "| list a building's households (register::households_of_building) | 200 | {median:.2} | {p95:.2} | {max:.2} | {:.1} |",
        rows as f64 / 200.0
    );

    // Bulk insert: 10,000 households in one write, with their search index.
    println!();
    println!("| bulk insert | runs | median ms | max ms |");
    println!("| --- | ---: | ---: | ---: |");
    // The register's bulk path: one building of 20 units × 25 floors × 20 rooms.
    let mut times = Vec::new();
    for run in 0..3u32 {
        let spec = BulkBuilding {
            estate_id: units[0].1.clone(),
            building_name: format!("批量{run}栋"),
            units: 1..=20,
            floors: 1..=25,
            rooms_per_floor: 20,
            room_format: None,
            responsible_worker_id: None,
        };
        let t = Instant::now();
        let made = ledger.write(&Actor::new("bench"), |tx| {
            register::bulk_create_building(tx, &spec)
        })?;
        times.push(t.elapsed());
        assert_eq!(made.households, 10_000);
    }
    let (median, _, max) = stats(&mut times);
    println!(
        "| 10,000 households, `register::bulk_create_building` (one building, 20 units × 25 floors × 20 rooms) | 3 | {median:.0} | {max:.0} |"
    );
    // Ten thousand single inserts spread over the ledger's units, deferred as bulk
    // writers (imports) do, and then one by one with the key trigger per row.
    let deferred = bulk(&mut ledger, &units, 0, true)?;
    println!(
        "| 10,000 households, `add_household` spread over 4,000 units, inside `search::defer_household_keys` | 3 | {:.0} | {:.0} |",
        deferred.0, deferred.2
    );
    let per_row = bulk(&mut ledger, &units, 3, false)?;
    println!(
        "| 10,000 households, `add_household` spread over 4,000 units, key trigger per row (comparison) | 3 | {:.0} | {:.0} |",
        per_row.0, per_row.2
    );
    Ok(())
}

/// Three runs of 10,000 households in one write each: (median, p95, max) ms.
fn bulk(
    ledger: &mut Ledger,
    units: &Units,
    first_run: u32,
    defer: bool,
) -> Result<(f64, f64, f64)> {
    let mut times = Vec::new();
    for run in first_run..first_run + 3 {
        let t = Instant::now();
        ledger.write(&Actor::new("bench"), |tx| {
            let insert = || -> Result<()> {
                for n in 0..10_000u32 {
                    let unit = &units[((run * 10_000 + n) as usize * 7) % units.len()];
                    register::add_household(
                        tx,
                        &NewHousehold {
                            grid_id: &unit.0,
                            estate_id: Some(&unit.1),
                            unit_id: Some(&unit.2),
                            room: &format!("B{run}-{n}"),
                            responsible_worker_id: None,
                        },
                    )?;
                }
                Ok(())
            };
            if defer {
                search::defer_household_keys(tx, insert)
            } else {
                insert()
            }
        })?;
        times.push(t.elapsed());
    }
    Ok(stats(&mut times))
}

/// Median, p95 and max in milliseconds.
fn stats(times: &mut [Duration]) -> (f64, f64, f64) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |q: f64| ms(times[((times.len() - 1) as f64 * q).round() as usize]);
    (at(0.5), at(0.95), at(1.0))
}

type Units = Vec<(String, String, String)>;

fn build(tx: &rusqlite::Transaction, rng: &mut Rng) -> Result<(Vec<Sample>, Vec<String>, Units)> {
    let street = register::add_street(tx, "龙泉街道", "340403")?;
    let mut grids = Vec::new();
    for c in 0..2 {
        let community = register::add_community(tx, &street, &format!("第{}社区", c + 1))?;
        for g in 0..4 {
            grids.push(register::add_grid(
                tx,
                &community,
                &format!("第{}网格", g + 1),
                None,
            )?);
        }
    }
    let mut seen = HashSet::new();
    let mut samples = Vec::new();
    let mut buildings = Vec::new();
    let mut units = Vec::new();
    let mut household_no = 0u32;
    for (e, estate_name) in ESTATE_BASES
        .iter()
        .flat_map(|b| [b.to_string(), format!("{b}二期")])
        .enumerate()
    {
        let grid = &grids[e % grids.len()];
        let estate = register::add_estate(tx, grid, &estate_name)?;
        for b in 1..=BUILDINGS_PER_ESTATE {
            let building = register::add_building(tx, &estate, &format!("{b}栋"), i64::from(b))?;
            buildings.push(building.clone());
            for u in 1..=UNITS_PER_BUILDING {
                let unit = register::add_unit(tx, &building, &format!("{u}单元"), i64::from(u))?;
                units.push((grid.clone(), estate.clone(), unit.clone()));
                for floor in 1..=FLOORS {
                    for door in 1..=2 {
                        let room = format!("{floor}{door:02}");
                        let household = register::add_household(
                            tx,
                            &NewHousehold {
                                grid_id: grid,
                                estate_id: Some(&estate),
                                unit_id: Some(&unit),
                                room: &room,
                                responsible_worker_id: None,
                            },
                        )?;
                        // 1–4 people, 2.5 on average: 200,000 in 80,000 households.
                        for _ in 0..(1 + household_no % 4) {
                            let sample = person(rng, &mut seen, &estate_name, b, u, &room);
                            register::add_person(
                                tx,
                                &NewPerson {
                                    name: &sample.name,
                                    id_number: Some(&sample.id_number),
                                    phone: sample.phone.as_deref(),
                                    household_id: Some(&household),
                                    ..NewPerson::default()
                                },
                            )?;
                            if rng.below(20) == 0 {
                                samples.push(sample);
                            }
                        }
                        household_no += 1;
                    }
                }
            }
        }
    }
    Ok((samples, buildings, units))
}

fn person(
    rng: &mut Rng,
    seen: &mut HashSet<String>,
    estate: &str,
    building: u32,
    unit: u32,
    room: &str,
) -> Sample {
    let mut name = SURNAMES[rng.below(SURNAMES.len() as u32) as usize].to_owned();
    for _ in 0..(1 + rng.below(2)) {
        name.push_str(GIVEN[rng.below(GIVEN.len() as u32) as usize]);
    }
    let id_number = loop {
        let region = REGIONS[rng.below(REGIONS.len() as u32) as usize];
        let first17 = format!(
            "{region}{:04}{:02}{:02}{:03}",
            1935 + rng.below(85),
            1 + rng.below(12),
            1 + rng.below(28),
            rng.below(1000)
        );
        let candidate = format!("{first17}{}", check_char(&first17));
        if seen.insert(candidate.clone()) {
            break candidate;
        }
    };
    let phone = (rng.below(100) < 85)
        .then(|| format!("1{}{:09}", 3 + rng.below(7), rng.below(1_000_000_000)));
    Sample {
        name,
        id_number,
        phone,
        estate: estate.to_owned(),
        building,
        unit,
        room: room.to_owned(),
    }
}

/// splitmix64: deterministic data without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u32) -> u32 {
        (self.next() % u64::from(n.max(1))) as u32
    }
}
