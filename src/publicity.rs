//! Publicity log (宣传): materials and actions by kind (横幅, 电子屏, 宣传栏, 一封信, 微信群,
//! 入户张贴, 网站信息), with a count, an optional reach per item, a place and a date. For
//! 入户张贴 the units posted are chosen from the register (`publicity_unit`), and the
//! buildings and units covered are counted from those links, never typed.
//!
//! [`publicity_totals`] sums a date range per kind; the daily report uses it.

use rusqlite::{params, Connection, Transaction};

use crate::api::{
    NewPublicity, Publicity, PublicityKind, PublicityKindTotal, PublicityRange, PublicityTotals,
};
use crate::arrivals::{date_field, optional_date, optional_note};
use crate::domain::date::format_iso;
use crate::error::{Error, Result};
use crate::store::rows;

/// Record one publicity entry with the units it posted (入户张贴). Returns its id.
pub fn add_publicity(tx: &Transaction, p: &NewPublicity) -> Result<String> {
    let date = date_field("publicity.date", "日期", &p.date)?;
    let mut units = p.unit_ids.clone();
    units.sort();
    units.dedup();
    if !units.is_empty() && p.kind != PublicityKind::Posting {
        return Err(Error::invalid(
            "publicity.unit_ids",
            "only 入户张贴 (posting) covers units",
            "只有入户张贴需要选择楼栋单元",
        ));
    }
    for u in &units {
        let live: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM unit WHERE id = ?1 AND deleted_at IS NULL)",
            params![u],
            |r| r.get(0),
        )?;
        if !live {
            return Err(Error::invalid(
                "publicity.unit_ids",
                format!("unit {u} does not exist"),
                "所选单元不存在或已删除",
            ));
        }
    }
    let count = match p.count {
        Some(n) => n,
        None if p.kind == PublicityKind::Posting => u32::try_from(units.len()).unwrap_or(0),
        None => 0,
    };
    if count == 0 {
        return Err(Error::invalid(
            "publicity.count",
            "the count must be at least 1",
            "数量至少为 1",
        ));
    }
    if p.reach == Some(0) {
        return Err(Error::invalid(
            "publicity.reach",
            "the reach must be at least 1",
            "覆盖人数至少为 1",
        ));
    }
    let id = rows::insert(
        tx,
        "publicity",
        &[
            ("kind", &p.kind.code()),
            ("count", &count),
            ("reach", &p.reach),
            ("place", &optional_note(p.place.as_deref())),
            ("done_on", &format_iso(date)),
            ("note", &optional_note(p.note.as_deref())),
        ],
    )?;
    for u in &units {
        rows::insert(
            tx,
            "publicity_unit",
            &[("publicity_id", &id), ("unit_id", u)],
        )?;
    }
    Ok(id)
}

/// Soft-delete an entry and its unit links.
pub fn delete_publicity(tx: &Transaction, id: &str) -> Result<()> {
    let links: Vec<String> = {
        let mut stmt = tx.prepare(
            "SELECT id FROM publicity_unit WHERE publicity_id = ?1 AND deleted_at IS NULL",
        )?;
        let list = stmt
            .query_map(params![id], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        list
    };
    for l in &links {
        rows::soft_delete(tx, "publicity_unit", l)?;
    }
    rows::soft_delete(tx, "publicity", id)
}

/// The range as SQL bounds: `None` is open.
fn bounds(r: &PublicityRange) -> Result<(Option<String>, Option<String>)> {
    let from = optional_date("publicity.from", "开始日期", r.from.as_deref())?.map(format_iso);
    let to = optional_date("publicity.to", "结束日期", r.to.as_deref())?.map(format_iso);
    if let (Some(f), Some(t)) = (&from, &to) {
        if f > t {
            return Err(Error::invalid(
                "publicity.to",
                format!("{t} is before {f}"),
                "结束日期早于开始日期",
            ));
        }
    }
    Ok((from, to))
}

const IN_RANGE: &str = "p.deleted_at IS NULL AND (?1 IS NULL OR p.done_on >= ?1) \
                        AND (?2 IS NULL OR p.done_on <= ?2)";

/// Entries in the range, newest first, with the buildings and units each covered.
pub fn list_publicity(conn: &Connection, r: &PublicityRange) -> Result<Vec<Publicity>> {
    let (from, to) = bounds(r)?;
    let mut stmt = conn.prepare(&format!(
        "SELECT p.id, p.kind, p.count, p.reach, p.place, p.done_on, p.note, \
                (SELECT count(DISTINCT u.building_id) FROM publicity_unit l \
                   JOIN unit u ON u.id = l.unit_id \
                  WHERE l.publicity_id = p.id AND l.deleted_at IS NULL), \
                (SELECT count(*) FROM publicity_unit l \
                  WHERE l.publicity_id = p.id AND l.deleted_at IS NULL) \
         FROM publicity p WHERE {IN_RANGE} ORDER BY p.done_on DESC, p.id DESC"
    ))?;
    let list = stmt
        .query_map(params![from, to], |r| {
            let kind: String = r.get(1)?;
            Ok(Publicity {
                id: r.get(0)?,
                kind: PublicityKind::from_code(&kind).unwrap_or(PublicityKind::Banner),
                count: r.get(2)?,
                reach: r.get(3)?,
                place: r.get(4)?,
                date: r.get(5)?,
                note: r.get(6)?,
                buildings: r.get(7)?,
                units: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(list)
}

/// Totals per kind over the range (every kind, zero included, in a fixed order) and the
/// distinct buildings and units posted.
pub fn publicity_totals(conn: &Connection, r: &PublicityRange) -> Result<PublicityTotals> {
    let (from, to) = bounds(r)?;
    let mut kinds: Vec<PublicityKindTotal> = PublicityKind::ALL
        .into_iter()
        .map(|kind| PublicityKindTotal {
            kind,
            entries: 0,
            count: 0,
            reach: 0,
        })
        .collect();
    let mut stmt = conn.prepare(&format!(
        "SELECT p.kind, count(*), sum(p.count), coalesce(sum(p.count * p.reach), 0) \
         FROM publicity p WHERE {IN_RANGE} GROUP BY p.kind"
    ))?;
    for row in stmt.query_map(params![from, to], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, u32>(1)?,
            r.get::<_, u32>(2)?,
            r.get::<_, u32>(3)?,
        ))
    })? {
        let (code, entries, count, reach) = row?;
        if let Some(k) = kinds
            .iter_mut()
            .find(|k| Some(k.kind) == PublicityKind::from_code(&code))
        {
            k.entries = entries;
            k.count = count;
            k.reach = reach;
        }
    }
    let (buildings, units): (u32, u32) = conn.query_row(
        &format!(
            "SELECT count(DISTINCT u.building_id), count(DISTINCT u.id) \
             FROM publicity p JOIN publicity_unit l ON l.publicity_id = p.id \
             JOIN unit u ON u.id = l.unit_id \
             WHERE {IN_RANGE} AND l.deleted_at IS NULL AND u.deleted_at IS NULL"
        ),
        params![from, to],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(PublicityTotals {
        from,
        to,
        kinds,
        buildings,
        units,
    })
}
