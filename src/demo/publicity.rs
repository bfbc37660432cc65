//! The source document's publicity and a gate on top of the demo register: 2 WeChat
//! groups of 500, 20 banners, 2 screens, 5 boards, 1500 letters, 20 items published, and
//! notices posted in the units of the 71 buildings (up to 271 units, in address order),
//! all in late January 2020; two checkpoints with a morning of gate checks.
//!
//! Only records are written; the totals are counted from them (`publicity_totals`).

use rusqlite::{params, Transaction};

use crate::api::{NewCheckpoint, NewGateCheck, NewPublicity, PublicityKind, Visitor};
use crate::error::Result;
use crate::{gate, publicity};

/// Units posted in the source document.
const UNITS_POSTED: usize = 271;

pub(super) fn load(tx: &Transaction) -> Result<()> {
    let entry = |kind, count, reach, place: &str, date: &str, note: Option<&str>| NewPublicity {
        kind,
        count: Some(count),
        reach,
        place: Some(place.to_owned()),
        date: date.to_owned(),
        note: note.map(str::to_owned),
        unit_ids: Vec::new(),
    };
    for p in [
        entry(
            PublicityKind::Wechat,
            2,
            Some(500),
            "幸福社区居民微信群（一群、二群）",
            "2020-01-23",
            Some("每日推送防控通告和就医指引"),
        ),
        entry(
            PublicityKind::Banner,
            20,
            None,
            "各小区出入口及主干道",
            "2020-01-24",
            None,
        ),
        entry(
            PublicityKind::Screen,
            2,
            None,
            "社区服务中心、幸福家园大门",
            "2020-01-24",
            None,
        ),
        entry(
            PublicityKind::Board,
            5,
            None,
            "各小区宣传栏",
            "2020-01-25",
            None,
        ),
        entry(
            PublicityKind::Letter,
            1500,
            None,
            "逐户发放",
            "2020-01-26",
            Some("《致全体居民的一封信》"),
        ),
        entry(
            PublicityKind::Website,
            20,
            None,
            "社区网站、公众号",
            "2020-01-31",
            Some("发布防控信息"),
        ),
    ] {
        publicity::add_publicity(tx, &p)?;
    }

    // 入户张贴: the units of the register in address order, one entry per estate.
    let mut stmt = tx.prepare(
        "SELECT e.name, u.id FROM unit u JOIN building b ON b.id = u.building_id \
         JOIN estate e ON e.id = b.estate_id \
         WHERE u.deleted_at IS NULL AND b.deleted_at IS NULL \
         ORDER BY e.created_at, e.id, b.sort_key, b.id, u.sort_key, u.id LIMIT ?1",
    )?;
    let units = stmt
        .query_map(params![UNITS_POSTED as i64], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut estates: Vec<(String, Vec<String>)> = Vec::new();
    for (estate, unit) in units {
        match estates.last_mut() {
            Some((e, list)) if *e == estate => list.push(unit),
            _ => estates.push((estate, vec![unit])),
        }
    }
    let days = ["2020-01-27", "2020-01-28", "2020-01-29"];
    for (i, (estate, unit_ids)) in estates.into_iter().enumerate() {
        publicity::add_publicity(
            tx,
            &NewPublicity {
                kind: PublicityKind::Posting,
                count: None,
                reach: None,
                place: Some(estate),
                date: days[i % days.len()].to_owned(),
                note: Some("张贴防控通告".to_owned()),
                unit_ids,
            },
        )?;
    }

    // Two checkpoints and a morning of checks at the first, all admitted.
    let east = gate::add_checkpoint(
        tx,
        &NewCheckpoint {
            name: "幸福家园东门".into(),
            place: Some("幸福家园东大门".into()),
            note: None,
        },
    )?;
    gate::add_checkpoint(
        tx,
        &NewCheckpoint {
            name: "龙湖小区南门".into(),
            place: Some("龙湖小区南大门".into()),
            note: None,
        },
    )?;
    let people: Vec<String> = {
        let mut stmt = tx.prepare(
            "SELECT p.id FROM person p JOIN household_search s ON s.household_id = p.household_id \
             WHERE p.deleted_at IS NULL AND s.address LIKE '幸福家园%' \
             ORDER BY s.address, p.id LIMIT 8",
        )?;
        let list = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        list
    };
    let now = gate::now();
    let temps = [
        "36.4", "36.6", "36.5", "36.8", "36.3", "36.7", "36.5", "36.9",
    ];
    for (i, person) in people.iter().enumerate() {
        gate::add_gate_check(
            tx,
            &NewGateCheck {
                checkpoint_id: east.clone(),
                person_id: Some(person.clone()),
                temperature: temps[i % temps.len()].into(),
                checked_at: Some(format!("2020-01-28 0{}:{:02}", 7 + i / 4, 5 + 11 * i % 50)),
                ..NewGateCheck::default()
            },
            now,
        )?;
    }
    gate::add_gate_check(
        tx,
        &NewGateCheck {
            checkpoint_id: east,
            visitor: Some(Visitor {
                name: "周建国".into(),
                phone: None,
                id_number: None,
                reason: Some("送快递，未进小区".into()),
            }),
            temperature: "36.5".into(),
            checked_at: Some("2020-01-28 09:40".into()),
            ..NewGateCheck::default()
        },
        now,
    )?;
    Ok(())
}
