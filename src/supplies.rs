//! Supplies (物资发放): items with their units, stock received, issues to a household or a
//! person, follow-up visits after an issue, and who should receive them.
//!
//! The balance of an item is derived — received less issued, live rows of both, through
//! the `supply_stock` view — and never goes below zero: an issue larger than the balance,
//! or the removal of a receipt already handed out, is refused here with a Chinese message
//! naming the balance, and by triggers (migration 0010) for any other write path.
//!
//! Eligibility is a setting (`SupplyEligibility`): households with someone in isolation on
//! the date, and elderly people living alone (the household's only person present — not
//! away or abroad — is at least the age, from the birth date). Issuing to a household that
//! is not eligible is allowed (the worker judges); `eligible_households` shows who is
//! eligible and whether they were served.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, ToSql, Transaction};

use crate::api::{
    EligibilityReason, EligibleHousehold, EligibleQuery, NewSupplyFollowUp, NewSupplyIssue,
    NewSupplyItem, NewSupplyReceipt, SupplyCounts, SupplyEligibility, SupplyFollowUp, SupplyIssue,
    SupplyIssueFilter, SupplyIssuePage, SupplyItem, SupplyReceipt,
};
use crate::arrivals::{date_field, optional_date, optional_note, require};
use crate::domain::date::format_iso;
use crate::error::{Error, Result};
use crate::settings;
use crate::store::rows;

const ELIGIBILITY: &str = "supply_eligibility";
/// The most issues one page may hold.
pub const MAX_PAGE: u32 = 500;
/// The largest quantity one record may carry.
pub const MAX_QUANTITY: u32 = 1_000_000;

fn check_item(item: &NewSupplyItem) -> Result<(String, String)> {
    let name = item.name.trim();
    if name.is_empty() || name.chars().count() > 40 {
        return Err(Error::invalid(
            "supply_item.name",
            "an item needs a name of at most 40 characters",
            "物资名称不能为空，且不超过 40 个字",
        ));
    }
    let unit = item.unit.trim();
    if unit.is_empty() || unit.chars().count() > 10 {
        return Err(Error::invalid(
            "supply_item.unit",
            "an item needs a unit of at most 10 characters",
            "计量单位不能为空（如 个、瓶、支），且不超过 10 个字",
        ));
    }
    Ok((name.to_owned(), unit.to_owned()))
}

fn refuse_duplicate_name(tx: &Connection, name: &str, except: Option<&str>) -> Result<()> {
    let clash: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM supply_item WHERE name = ?1 AND deleted_at IS NULL \
         AND id IS NOT ?2)",
        params![name, except],
        |r| r.get(0),
    )?;
    if clash {
        return Err(Error::invalid(
            "supply_item.name",
            format!("an item named {name} exists"),
            format!("已有名为“{name}”的物资"),
        ));
    }
    Ok(())
}

/// Add an item.
pub fn add_item(tx: &Transaction, item: &NewSupplyItem) -> Result<String> {
    let (name, unit) = check_item(item)?;
    refuse_duplicate_name(tx, &name, None)?;
    rows::insert(
        tx,
        "supply_item",
        &[
            ("name", &name),
            ("unit", &unit),
            ("low_stock", &item.low_stock),
            ("note", &optional_note(item.note.as_deref())),
        ],
    )
}

/// Change an item's name, unit, warning level or note.
pub fn update_item(tx: &Transaction, id: &str, item: &NewSupplyItem) -> Result<()> {
    let (name, unit) = check_item(item)?;
    refuse_duplicate_name(tx, &name, Some(id))?;
    rows::update(
        tx,
        "supply_item",
        id,
        &[
            ("name", &name),
            ("unit", &unit),
            ("low_stock", &item.low_stock),
            ("note", &optional_note(item.note.as_deref())),
        ],
    )
}

const ITEM_SELECT: &str = "SELECT i.id, i.name, i.unit, i.low_stock, i.note, s.received, s.issued \
     FROM supply_item i JOIN supply_stock s ON s.item_id = i.id WHERE i.deleted_at IS NULL";

fn item_from_row(r: &rusqlite::Row) -> rusqlite::Result<SupplyItem> {
    let low_stock: Option<u32> = r.get(3)?;
    let received: i64 = r.get(5)?;
    let issued: i64 = r.get(6)?;
    let balance = received - issued;
    Ok(SupplyItem {
        id: r.get(0)?,
        name: r.get(1)?,
        unit: r.get(2)?,
        low_stock,
        note: r.get(4)?,
        received,
        issued,
        balance,
        low: low_stock.is_some_and(|l| balance <= i64::from(l)),
    })
}

/// Every item with its stock, by name.
pub fn list_items(conn: &Connection) -> Result<Vec<SupplyItem>> {
    let mut stmt = conn.prepare(&format!("{ITEM_SELECT} ORDER BY i.name, i.id"))?;
    let rows = stmt
        .query_map([], item_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// One item with its stock.
pub fn get_item(conn: &Connection, id: &str) -> Result<SupplyItem> {
    conn.query_row(
        &format!("{ITEM_SELECT} AND i.id = ?1"),
        params![id],
        item_from_row,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        entity: "supply_item",
        id: id.to_owned(),
    })
}

/// Remove an item; only one that was never received nor issued.
pub fn delete_item(tx: &Transaction, id: &str) -> Result<()> {
    let item = get_item(tx, id)?;
    if item.received > 0 || item.issued > 0 {
        return Err(Error::invalid(
            "supply_item.id",
            "an item with receipts or issues cannot be removed",
            format!("“{}”已有入库或发放记录，不能删除", item.name),
        ));
    }
    rows::soft_delete(tx, "supply_item", id)
}

fn check_quantity(field: &'static str, q: u32) -> Result<()> {
    if q == 0 || q > MAX_QUANTITY {
        return Err(Error::invalid(
            field,
            format!("a quantity is 1 to {MAX_QUANTITY}"),
            format!("数量须在 1 到 {MAX_QUANTITY} 之间"),
        ));
    }
    Ok(())
}

fn not_future(field: &'static str, what_zh: &str, d: NaiveDate, today: NaiveDate) -> Result<()> {
    if d > today {
        return Err(Error::invalid(
            field,
            format!("{d} is in the future"),
            format!("{what_zh}不能晚于今天"),
        ));
    }
    Ok(())
}

/// Record stock received.
pub fn add_receipt(tx: &Transaction, r: &NewSupplyReceipt, today: NaiveDate) -> Result<String> {
    require(
        tx,
        "supply_item",
        "supply_receipt.item_id",
        "物资",
        &r.item_id,
    )?;
    check_quantity("supply_receipt.quantity", r.quantity)?;
    let on = date_field("supply_receipt.received_on", "入库日期", &r.received_on)?;
    not_future("supply_receipt.received_on", "入库日期", on, today)?;
    rows::insert(
        tx,
        "supply_receipt",
        &[
            ("item_id", &r.item_id),
            ("quantity", &r.quantity),
            ("received_on", &format_iso(on)),
            ("source", &optional_note(r.source.as_deref())),
            ("note", &optional_note(r.note.as_deref())),
        ],
    )
}

/// Remove a receipt typed by mistake; refused when its stock was already handed out.
pub fn delete_receipt(tx: &Transaction, id: &str) -> Result<()> {
    let found: Option<(String, u32)> = tx
        .query_row(
            "SELECT item_id, quantity FROM supply_receipt WHERE id = ?1 AND deleted_at IS NULL",
            params![id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((item_id, quantity)) = found else {
        return Err(Error::NotFound {
            entity: "supply_receipt",
            id: id.to_owned(),
        });
    };
    let item = get_item(tx, &item_id)?;
    if item.balance < i64::from(quantity) {
        return Err(Error::invalid(
            "supply_receipt.id",
            format!(
                "removing {quantity} would leave {} at {}",
                item.name,
                item.balance - i64::from(quantity)
            ),
            format!(
                "“{}”现有库存 {}{}，删除这笔 {}{} 的入库后库存将为负数，不能删除",
                item.name, item.balance, item.unit, quantity, item.unit
            ),
        ));
    }
    rows::soft_delete(tx, "supply_receipt", id)
}

/// Receipts of an item, latest first.
pub fn list_receipts(conn: &Connection, item_id: &str) -> Result<Vec<SupplyReceipt>> {
    let mut stmt = conn.prepare(
        "SELECT r.id, r.item_id, i.name, i.unit, r.quantity, r.received_on, r.source, r.note \
         FROM supply_receipt r JOIN supply_item i ON i.id = r.item_id \
         WHERE r.item_id = ?1 AND r.deleted_at IS NULL \
         ORDER BY r.received_on DESC, r.id DESC",
    )?;
    let rows = stmt
        .query_map(params![item_id], |r| {
            Ok(SupplyReceipt {
                id: r.get(0)?,
                item_id: r.get(1)?,
                item_name: r.get(2)?,
                unit: r.get(3)?,
                quantity: r.get(4)?,
                received_on: r.get(5)?,
                source: r.get(6)?,
                note: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Issue supplies to a household or a person. Refused when the balance is smaller than
/// the quantity, naming the balance.
pub fn add_issue(tx: &Transaction, n: &NewSupplyIssue, today: NaiveDate) -> Result<String> {
    require(
        tx,
        "supply_item",
        "supply_issue.item_id",
        "物资",
        &n.item_id,
    )?;
    check_quantity("supply_issue.quantity", n.quantity)?;
    let on = date_field("supply_issue.issued_on", "发放日期", &n.issued_on)?;
    not_future("supply_issue.issued_on", "发放日期", on, today)?;
    let person = optional_note(n.person_id.as_deref());
    let mut household = optional_note(n.household_id.as_deref());
    if let Some(p) = &person {
        require(tx, "person", "supply_issue.person_id", "人员", p)?;
        let of_person: Option<String> = tx.query_row(
            "SELECT household_id FROM person WHERE id = ?1",
            params![p],
            |r| r.get(0),
        )?;
        match (&household, of_person) {
            (None, found) => household = found,
            (Some(h), Some(found)) if *h != found => {
                return Err(Error::invalid(
                    "supply_issue.person_id",
                    "the person lives in another household",
                    "所选人员不属于所选住户",
                ))
            }
            _ => {}
        }
    }
    match &household {
        Some(h) => require(tx, "household", "supply_issue.household_id", "住户", h)?,
        None if person.is_none() => {
            return Err(Error::invalid(
                "supply_issue.household_id",
                "an issue goes to a household or a person",
                "请选择领取的住户或人员",
            ))
        }
        None => {}
    }
    let worker = optional_note(n.worker_id.as_deref());
    if let Some(w) = &worker {
        require(tx, "worker", "supply_issue.worker_id", "发放人", w)?;
    }
    let item = get_item(tx, &n.item_id)?;
    if item.balance < i64::from(n.quantity) {
        return Err(Error::invalid(
            "supply_issue.quantity",
            format!(
                "only {} {} of {} in stock, cannot issue {}",
                item.balance, item.unit, item.name, n.quantity
            ),
            format!(
                "“{}”库存仅剩 {}{}，不足以发放 {}{}",
                item.name, item.balance, item.unit, n.quantity, item.unit
            ),
        ));
    }
    rows::insert(
        tx,
        "supply_issue",
        &[
            ("item_id", &n.item_id),
            ("household_id", &household),
            ("person_id", &person),
            ("quantity", &n.quantity),
            ("issued_on", &format_iso(on)),
            ("worker_id", &worker),
            ("note", &optional_note(n.note.as_deref())),
        ],
    )
}

/// Remove an issue typed by mistake (its quantity returns to the balance).
pub fn delete_issue(tx: &Transaction, id: &str) -> Result<()> {
    rows::soft_delete(tx, "supply_issue", id)
}

const ISSUE_SELECT: &str = "SELECT s.id, s.item_id, i.name, i.unit, s.household_id, \
       (SELECT address FROM household_search hs WHERE hs.household_id = s.household_id), \
       s.person_id, p.name, s.quantity, s.issued_on, s.worker_id, w.name, s.note, \
       (SELECT count(*) FROM supply_follow_up f WHERE f.issue_id = s.id AND f.deleted_at IS NULL) \
     FROM supply_issue s JOIN supply_item i ON i.id = s.item_id \
     LEFT JOIN person p ON p.id = s.person_id \
     LEFT JOIN worker w ON w.id = s.worker_id";

fn issue_from_row(r: &rusqlite::Row) -> rusqlite::Result<SupplyIssue> {
    Ok(SupplyIssue {
        id: r.get(0)?,
        item_id: r.get(1)?,
        item_name: r.get(2)?,
        unit: r.get(3)?,
        household_id: r.get(4)?,
        address: r.get(5)?,
        person_id: r.get(6)?,
        person_name: r.get(7)?,
        quantity: r.get(8)?,
        issued_on: r.get(9)?,
        worker_id: r.get(10)?,
        worker_name: r.get(11)?,
        note: r.get(12)?,
        follow_ups: r.get(13)?,
    })
}

/// One issue.
pub fn get_issue(conn: &Connection, id: &str) -> Result<SupplyIssue> {
    conn.query_row(
        &format!("{ISSUE_SELECT} WHERE s.id = ?1 AND s.deleted_at IS NULL"),
        params![id],
        issue_from_row,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        entity: "supply_issue",
        id: id.to_owned(),
    })
}

/// Issues matching `filter`, latest first. A household's history includes what its
/// members received in person.
pub fn list_issues(conn: &Connection, filter: &SupplyIssueFilter) -> Result<SupplyIssuePage> {
    let mut clauses: Vec<&str> = vec!["s.deleted_at IS NULL"];
    let mut values: Vec<Box<dyn ToSql>> = Vec::new();
    if let Some(item) = optional_note(filter.item_id.as_deref()) {
        clauses.push("s.item_id = ?");
        values.push(Box::new(item));
    }
    if let Some(h) = optional_note(filter.household_id.as_deref()) {
        clauses.push("s.household_id = ?");
        values.push(Box::new(h));
    }
    if let Some(p) = optional_note(filter.person_id.as_deref()) {
        clauses.push("s.person_id = ?");
        values.push(Box::new(p));
    }
    if let Some(from) = optional_date("filter.from", "起始日期", filter.from.as_deref())? {
        clauses.push("s.issued_on >= ?");
        values.push(Box::new(format_iso(from)));
    }
    if let Some(to) = optional_date("filter.to", "截止日期", filter.to.as_deref())? {
        clauses.push("s.issued_on <= ?");
        values.push(Box::new(format_iso(to)));
    }
    let clause = clauses.join(" AND ");
    let total: u32 = conn.query_row(
        &format!("SELECT count(*) FROM supply_issue s WHERE {clause}"),
        rusqlite::params_from_iter(values.iter()),
        |r| r.get(0),
    )?;
    let limit = if filter.limit == 0 {
        50
    } else {
        filter.limit.min(MAX_PAGE)
    };
    values.push(Box::new(limit));
    values.push(Box::new(filter.offset));
    let mut stmt = conn.prepare(&format!(
        "{ISSUE_SELECT} WHERE {clause} ORDER BY s.issued_on DESC, s.id DESC LIMIT ? OFFSET ?"
    ))?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(values.iter()), issue_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(SupplyIssuePage { rows, total })
}

/// Record a follow-up visit after an issue.
pub fn add_follow_up(tx: &Transaction, f: &NewSupplyFollowUp, today: NaiveDate) -> Result<String> {
    let issued_on: Option<String> = tx
        .query_row(
            "SELECT issued_on FROM supply_issue WHERE id = ?1 AND deleted_at IS NULL",
            params![f.issue_id],
            |r| r.get(0),
        )
        .optional()?;
    let Some(issued_on) = issued_on else {
        return Err(Error::invalid(
            "supply_follow_up.issue_id",
            "the issue does not exist",
            "所选发放记录不存在或已删除",
        ));
    };
    let on = date_field("supply_follow_up.visited_on", "回访日期", &f.visited_on)?;
    not_future("supply_follow_up.visited_on", "回访日期", on, today)?;
    if format_iso(on) < issued_on {
        return Err(Error::invalid(
            "supply_follow_up.visited_on",
            "the follow-up is before the issue",
            format!("回访日期不能早于发放日期 {issued_on}"),
        ));
    }
    let worker = optional_note(f.worker_id.as_deref());
    if let Some(w) = &worker {
        require(tx, "worker", "supply_follow_up.worker_id", "回访人", w)?;
    }
    rows::insert(
        tx,
        "supply_follow_up",
        &[
            ("issue_id", &f.issue_id),
            ("visited_on", &format_iso(on)),
            ("worker_id", &worker),
            ("note", &optional_note(f.note.as_deref())),
        ],
    )
}

/// The follow-up visits of an issue, in order.
pub fn list_follow_ups(conn: &Connection, issue_id: &str) -> Result<Vec<SupplyFollowUp>> {
    let mut stmt = conn.prepare(
        "SELECT f.id, f.issue_id, f.visited_on, f.worker_id, w.name, f.note \
         FROM supply_follow_up f LEFT JOIN worker w ON w.id = f.worker_id \
         WHERE f.issue_id = ?1 AND f.deleted_at IS NULL ORDER BY f.visited_on, f.id",
    )?;
    let rows = stmt
        .query_map(params![issue_id], |r| {
            Ok(SupplyFollowUp {
                id: r.get(0)?,
                issue_id: r.get(1)?,
                visited_on: r.get(2)?,
                worker_id: r.get(3)?,
                worker_name: r.get(4)?,
                note: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The eligibility settings in force.
pub fn eligibility(conn: &Connection) -> Result<SupplyEligibility> {
    Ok(settings::get_json(conn, ELIGIBILITY)?.unwrap_or_default())
}

/// Change the eligibility settings.
pub fn set_eligibility(tx: &Transaction, e: &SupplyEligibility) -> Result<SupplyEligibility> {
    if let Some(age) = e.elderly_alone_age {
        if !(50..=120).contains(&age) {
            return Err(Error::invalid(
                "supply_eligibility.elderly_alone_age",
                "the age is 50 to 120",
                "独居老人的年龄须在 50 到 120 岁之间",
            ));
        }
    }
    settings::put_json(tx, ELIGIBILITY, e)?;
    Ok(e.clone())
}

/// The households eligible on `on` under the settings, with the reasons and the people
/// they name, and the last issue to each (of `item_id` when given). By address.
pub fn eligible_households(
    conn: &Connection,
    q: &EligibleQuery,
    today: NaiveDate,
) -> Result<Vec<EligibleHousehold>> {
    let on = optional_date("eligible.on", "日期", q.on.as_deref())?.unwrap_or(today);
    let on = format_iso(on);
    let rules = eligibility(conn)?;
    // household -> (reasons, people)
    let mut found: BTreeMap<String, (Vec<EligibilityReason>, Vec<String>)> = BTreeMap::new();
    if rules.households_with_isolation {
        let mut stmt = conn.prepare(
            "SELECT DISTINCT p.household_id, p.name FROM isolation i \
             JOIN person p ON p.id = i.person_id \
             WHERE i.deleted_at IS NULL AND p.deleted_at IS NULL AND p.household_id IS NOT NULL \
               AND i.start_date <= ?1 AND (i.ended_on IS NULL OR i.ended_on > ?1) \
             ORDER BY p.name",
        )?;
        for row in stmt.query_map(params![on], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })? {
            let (h, name) = row?;
            let entry = found.entry(h).or_default();
            if !entry.0.contains(&EligibilityReason::Isolation) {
                entry.0.push(EligibilityReason::Isolation);
            }
            entry.1.push(name);
        }
    }
    if let Some(age) = rules.elderly_alone_age {
        // The only person present (not away or abroad) in the household, aged `age` or
        // more on the date.
        let mut stmt = conn.prepare(
            "SELECT p.household_id, min(p.name) FROM person p \
             JOIN household h ON h.id = p.household_id AND h.deleted_at IS NULL \
             WHERE p.deleted_at IS NULL AND p.residence_status NOT IN ('away', 'abroad') \
             GROUP BY p.household_id \
             HAVING count(*) = 1 AND min(p.birth_date) IS NOT NULL \
                AND (CAST(strftime('%Y', ?1) AS INTEGER) - CAST(strftime('%Y', min(p.birth_date)) AS INTEGER) \
                     - (strftime('%m-%d', ?1) < strftime('%m-%d', min(p.birth_date)))) >= ?2",
        )?;
        for row in stmt.query_map(params![on, age], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })? {
            let (h, name) = row?;
            let entry = found.entry(h).or_default();
            entry.0.push(EligibilityReason::ElderlyAlone);
            if !entry.1.contains(&name) {
                entry.1.push(name);
            }
        }
    }
    let item = optional_note(q.item_id.as_deref());
    let mut address_stmt =
        conn.prepare("SELECT address FROM household_search WHERE household_id = ?1")?;
    let mut last_stmt = conn.prepare(
        "SELECT max(issued_on) FROM supply_issue WHERE household_id = ?1 AND deleted_at IS NULL \
         AND (?2 IS NULL OR item_id = ?2) AND issued_on <= ?3",
    )?;
    let mut out = Vec::with_capacity(found.len());
    for (household_id, (reasons, people)) in found {
        let last_issued_on: Option<String> =
            last_stmt.query_row(params![household_id, item, on], |r| r.get(0))?;
        if q.unserved_only && last_issued_on.is_some() {
            continue;
        }
        let address: Option<String> = address_stmt
            .query_row(params![household_id], |r| r.get(0))
            .optional()?
            .flatten();
        out.push(EligibleHousehold {
            household_id,
            address,
            reasons,
            people,
            last_issued_on,
        });
    }
    out.sort_by(|a, b| {
        a.address
            .cmp(&b.address)
            .then(a.household_id.cmp(&b.household_id))
    });
    Ok(out)
}

/// The supplies card of the 首页, on `on` (the statistical date).
pub fn supply_counts(conn: &Connection, on: NaiveDate) -> Result<SupplyCounts> {
    let items = list_items(conn)?;
    let day = format_iso(on);
    let (issues_today, households_served): (u32, u32) = conn.query_row(
        "SELECT (SELECT count(*) FROM supply_issue WHERE deleted_at IS NULL AND issued_on = ?1), \
                (SELECT count(DISTINCT household_id) FROM supply_issue \
                  WHERE deleted_at IS NULL AND household_id IS NOT NULL AND issued_on <= ?1)",
        params![day],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let eligible = eligible_households(
        conn,
        &EligibleQuery {
            on: Some(day.clone()),
            ..EligibleQuery::default()
        },
        on,
    )?;
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(SupplyCounts {
        date: day,
        items: count(items.len()),
        low_stock_items: count(items.iter().filter(|i| i.low).count()),
        issues_today,
        households_served,
        eligible: count(eligible.len()),
        eligible_unserved: count(
            eligible
                .iter()
                .filter(|e| e.last_issued_on.is_none())
                .count(),
        ),
    })
}
