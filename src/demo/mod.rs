//! The demo community: a realistic, deterministic ledger to show and test every feature
//! on. The same seed gives the same people every time; loading twice adds nothing.
//!
//! 龙泉街道 (in 淮南市田家庵区, code 340403) has two communities and six grids; each grid has
//! estates of multi-storey buildings (units, six floors, two rooms a floor) and one has a
//! bungalow area whose households sit directly under the estate. Households hold families
//! with valid ID numbers, most registered here, some floating, a few away or abroad.
//! On top of the register, `scenario` records the source document's January 2020: the
//! arrivals, the 武汉 risk area and the family of five contacts.

mod calls;
mod publicity;
mod scenario;

use std::collections::HashSet;

use rusqlite::Transaction;

use crate::api::{JobProgress, ResidenceStatus};
use crate::domain::id_number::check_char;
use crate::error::{Error, Result};
use crate::register::{self, NewHousehold, NewPerson};
use crate::settings::{self, Settings};
use crate::store::{Actor, Ledger};

pub const DEMO_STREET: &str = "龙泉街道";
const DEMO_REGION: &str = "340403";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Loaded,
    AlreadyPresent,
}

/// Load the demo community into `ledger` in one transaction, unless it is there already.
pub fn load(ledger: &mut Ledger, actor: &Actor) -> Result<Outcome> {
    load_with_progress(ledger, actor, &mut |_| {})
}

/// As [`load`], reporting after each estate how far it got (the desktop app shows this as
/// a progress bar). Nothing is visible to other readers until the whole load commits.
pub fn load_with_progress(
    ledger: &mut Ledger,
    actor: &Actor,
    progress: &mut dyn FnMut(JobProgress),
) -> Result<Outcome> {
    let present: bool = ledger.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM street WHERE name = ?1 AND deleted_at IS NULL)",
        [DEMO_STREET],
        |r| r.get(0),
    )?;
    if present {
        return Ok(Outcome::AlreadyPresent);
    }
    // Fictitious people must never mix with a real community's records.
    let has_records: bool = ledger.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM street WHERE deleted_at IS NULL) \
             OR EXISTS (SELECT 1 FROM person WHERE deleted_at IS NULL)",
        [],
        |r| r.get(0),
    )?;
    if has_records {
        return Err(Error::invalid(
            "demo",
            "the ledger already has records; the demo community goes only into an empty ledger",
            "台账中已有数据，演示数据只能载入空台账",
        ));
    }
    let unnamed = Settings::load(ledger.conn())?.ledger_name == "未命名社区";
    ledger.write(actor, |tx| {
        if unnamed {
            settings::set_ledger_name(tx, "幸福社区")?;
        }
        build(
            tx,
            &mut Rng(0x5EED_2020_0121),
            &mut HashSet::new(),
            progress,
        )
    })?;
    Ok(Outcome::Loaded)
}

/// Grids: (community, grid name, worker, worker phone, estates as (name, buildings)).
/// A building count of 0 marks a bungalow area.
type GridPlan = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, u32)],
);

const PLAN: &[GridPlan] = &[
    (
        "幸福社区",
        "第一网格",
        "王芳",
        "13905540101",
        &[("幸福家园", 8), ("龙湖小区", 6)],
    ),
    (
        "幸福社区",
        "第二网格",
        "李明",
        "13905540102",
        &[("春晖苑", 7), ("电力新村", 5)],
    ),
    (
        "幸福社区",
        "第三网格",
        "张静",
        "13905540103",
        &[("洞山小区", 9), ("老街平房区", 0)],
    ),
    (
        "幸福社区",
        "第四网格",
        "刘洋",
        "13905540104",
        &[("矿工新村", 10)],
    ),
    (
        "朝阳社区",
        "第一网格",
        "陈杰",
        "13905540105",
        &[("朝阳花园", 8), ("金色港湾", 6)],
    ),
    (
        "朝阳社区",
        "第二网格",
        "赵敏",
        "13905540106",
        &[("学府小区", 7), ("翰林苑", 5)],
    ),
];

fn build(
    tx: &Transaction,
    rng: &mut Rng,
    seen: &mut HashSet<String>,
    progress: &mut dyn FnMut(JobProgress),
) -> Result<Outcome> {
    let total: u32 = PLAN
        .iter()
        .map(|(_, _, _, _, estates)| estates.len() as u32)
        .sum::<u32>()
        + 1;
    let mut done = 0;
    progress(JobProgress { done, total });
    let street = register::add_street(tx, DEMO_STREET, DEMO_REGION)?;
    let mut community_ids: Vec<(&str, String)> = Vec::new();
    for (community, grid_name, worker, phone, estates) in PLAN {
        let community_id = match community_ids.iter().find(|(n, _)| n == community) {
            Some((_, id)) => id.clone(),
            None => {
                let id = register::add_community(tx, &street, community)?;
                community_ids.push((community, id.clone()));
                id
            }
        };
        let worker_id = register::add_worker(tx, worker, Some(phone))?;
        let grid = register::add_grid(tx, &community_id, grid_name, Some(&worker_id))?;
        for (estate_name, buildings) in estates.iter() {
            let estate = register::add_estate(tx, &grid, estate_name)?;
            // Every home of the estate as (unit, room): bungalows sit directly under the
            // estate; flats are six floors of two rooms in each unit.
            let mut homes: Vec<(Option<String>, String)> = Vec::new();
            if *buildings == 0 {
                homes.extend((1..=40).map(|n| (None, format!("{n}号"))));
            }
            for b in 1..=*buildings {
                let building =
                    register::add_building(tx, &estate, &format!("{b}栋"), i64::from(b))?;
                for u in 1..=(2 + rng.below(3)) {
                    let unit =
                        register::add_unit(tx, &building, &format!("{u}单元"), i64::from(u))?;
                    for floor in 1..=6 {
                        for door in 1..=2 {
                            homes.push((Some(unit.clone()), format!("{floor}0{door}")));
                        }
                    }
                }
            }
            for (unit, room) in &homes {
                let household = register::add_household(
                    tx,
                    &NewHousehold {
                        grid_id: &grid,
                        estate_id: Some(&estate),
                        unit_id: unit.as_deref(),
                        room,
                        responsible_worker_id: Some(&worker_id),
                    },
                )?;
                add_family(tx, rng, seen, &household)?;
            }
            done += 1;
            progress(JobProgress { done, total });
        }
    }
    scenario::load(tx, rng, seen)?;
    calls::load(tx)?;
    publicity::load(tx)?;
    progress(JobProgress { done: total, total });
    Ok(Outcome::Loaded)
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
    "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀", "霞", "平", "刚", "桂", "英", "华", "建", "国", "文", "玉", "兰", "红", "志", "海",
    "晨", "宇", "欣", "怡", "浩", "子", "涵", "睿",
];
/// Native regions: mostly 淮南, some elsewhere in 安徽, some other provinces (湖北武汉 among them).
const REGIONS: &[&str] = &[
    "340403", "340403", "340403", "340402", "340404", "340405", "340406", "340421", "340103",
    "340202", "340321", "341203", "420106", "420102", "320106", "410105", "370102", "330106",
];
const PLACES_AWAY: &[&str] = &[
    "江苏省南京市",
    "上海市",
    "浙江省杭州市",
    "广东省深圳市",
    "湖北省武汉市",
];
const PLACES_ABROAD: &[&str] = &["韩国首尔", "日本东京", "意大利米兰", "美国纽约", "英国伦敦"];

fn add_family(
    tx: &Transaction,
    rng: &mut Rng,
    seen: &mut HashSet<String>,
    household: &str,
) -> Result<()> {
    // About one household in eight stands empty.
    if rng.below(8) == 0 {
        return Ok(());
    }
    let surname = SURNAMES[rng.below(SURNAMES.len() as u32) as usize];
    let floating = rng.below(10) == 0;
    let size = 1 + rng.below(4);
    for member in 0..size {
        let (relation, year, male) = match member {
            0 => ("户主", 1950 + rng.below(40), rng.below(2) == 0),
            1 => ("配偶", 1950 + rng.below(40), rng.below(2) == 0),
            2 => ("子女", 1990 + rng.below(28), rng.below(2) == 0),
            _ => ("父母", 1935 + rng.below(20), rng.below(2) == 0),
        };
        let family_name = if member == 1 {
            SURNAMES[rng.below(SURNAMES.len() as u32) as usize]
        } else {
            surname
        };
        let mut name = family_name.to_owned();
        for _ in 0..(1 + rng.below(2)) {
            name.push_str(GIVEN[rng.below(GIVEN.len() as u32) as usize]);
        }
        let region = if floating {
            REGIONS[12 + rng.below(6) as usize]
        } else {
            REGIONS[rng.below(12) as usize]
        };
        let id_number = loop {
            let candidate = id_number_for(rng, region, year, male);
            if seen.insert(candidate.clone()) {
                break candidate;
            }
        };
        let adult = year < 2004;
        let phone = adult.then(|| format!("1{}{:09}", 3 + rng.below(7), rng.below(1_000_000_000)));
        let (status, location) = match rng.below(60) {
            _ if floating => (ResidenceStatus::Floating, None),
            0 if adult => (
                ResidenceStatus::Abroad,
                Some(PLACES_ABROAD[rng.below(PLACES_ABROAD.len() as u32) as usize]),
            ),
            1..=2 if adult => (
                ResidenceStatus::Away,
                Some(PLACES_AWAY[rng.below(PLACES_AWAY.len() as u32) as usize]),
            ),
            3..=10 => (ResidenceStatus::Resident, None),
            _ => (ResidenceStatus::Hukou, None),
        };
        register::add_person(
            tx,
            &NewPerson {
                name: &name,
                id_number: Some(&id_number),
                phone: phone.as_deref(),
                household_id: Some(household),
                relation: Some(relation),
                residence_status: Some(status),
                current_location: location,
                notes: None,
            },
        )?;
    }
    Ok(())
}

/// A valid 18-digit ID number: region + birth date + sequence (odd for men) + check char.
/// The caller redraws the rare number that was already handed out.
fn id_number_for(rng: &mut Rng, region: &str, year: u32, male: bool) -> String {
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let mut seq = rng.below(500) * 2;
    if male {
        seq += 1;
    }
    let first17 = format!("{region}{year:04}{month:02}{day:02}{seq:03}");
    let check = check_char(&first17);
    format!("{first17}{check}")
}

/// splitmix64: tiny, deterministic, good enough for demo data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u32) -> u32 {
        (self.next() % u64::from(n.max(1))) as u32
    }
}
