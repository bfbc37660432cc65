//! Close contacts (密切接触者 / 四同人员): a person exposed to an index person — an arrival,
//! a case, or another contact — with the kind of exposure (同住 / 同餐 / 同工作 / 同行)
//! and the last contact date, from which isolation is counted.
//!
//! Contacts form a graph: a contact can be the index of further contacts. The chain is
//! read both ways with recursive queries bounded by depth, so a cycle typed by mistake
//! (A exposed to B, B to A) cannot loop.

use rusqlite::{params, Connection, ToSql, Transaction};

use crate::api::{
    ContactChain, ContactFilter, ContactLink, ContactPage, Exposure, HouseholdContacts,
    HouseholdContactsSummary, NewContact,
};
use crate::arrivals::{date_field, optional_date, optional_note, require};
use crate::domain::date::format_iso;
use crate::error::{Error, Result};
use crate::store::rows;

/// How many links a chain follows each way.
pub const MAX_DEPTH: u32 = 6;
/// The most contacts one page may hold.
pub const MAX_PAGE: u32 = 500;

fn exists_pair(tx: &Transaction, person: &str, index: &str) -> Result<bool> {
    Ok(tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM contact WHERE person_id = ?1 AND index_person_id = ?2 \
         AND deleted_at IS NULL)",
        params![person, index],
        |r| r.get(0),
    )?)
}

fn name_of(tx: &Connection, person: &str) -> Result<String> {
    Ok(tx.query_row(
        "SELECT name FROM person WHERE id = ?1",
        params![person],
        |r| r.get(0),
    )?)
}

/// Record that `person_id` was exposed to `index_person_id`. A second record of the same
/// pair is refused (update the first instead).
pub fn add_contact(tx: &Transaction, c: &NewContact) -> Result<String> {
    let person = c.person_id.trim();
    let index = c.index_person_id.trim();
    require(tx, "person", "contact.person_id", "人员", person)?;
    require(tx, "person", "contact.index_person_id", "关联人员", index)?;
    if person == index {
        return Err(Error::invalid(
            "contact.person_id",
            "a person cannot be their own contact",
            "密切接触者不能与关联人员是同一人",
        ));
    }
    let last = date_field(
        "contact.last_contact_on",
        "最后接触日期",
        &c.last_contact_on,
    )?;
    if exists_pair(tx, person, index)? {
        return Err(Error::invalid(
            "contact.person_id",
            "this contact is already recorded",
            format!(
                "{}已登记为{}的密切接触者",
                name_of(tx, person)?,
                name_of(tx, index)?
            ),
        ));
    }
    rows::insert(
        tx,
        "contact",
        &[
            ("person_id", &person),
            ("index_person_id", &index),
            ("exposure", &c.exposure.code()),
            ("last_contact_on", &format_iso(last)),
            ("note", &optional_note(c.note.as_deref())),
        ],
    )
}

/// Change a contact's exposure, last contact date or note.
pub fn update_contact(tx: &Transaction, id: &str, c: &NewContact) -> Result<()> {
    let last = date_field(
        "contact.last_contact_on",
        "最后接触日期",
        &c.last_contact_on,
    )?;
    rows::update(
        tx,
        "contact",
        id,
        &[
            ("exposure", &c.exposure.code()),
            ("last_contact_on", &format_iso(last)),
            ("note", &optional_note(c.note.as_deref())),
        ],
    )
}

/// Remove a contact recorded by mistake.
pub fn delete_contact(tx: &Transaction, id: &str) -> Result<()> {
    rows::soft_delete(tx, "contact", id)
}

/// Make every other live member of a household a contact of the index person, in one
/// write: the source document's family of five. Members already recorded as contacts of
/// the index person are left as they are and counted.
pub fn add_household_contacts(
    tx: &Transaction,
    h: &HouseholdContacts,
) -> Result<HouseholdContactsSummary> {
    let index = h.index_person_id.trim();
    require(tx, "person", "contact.index_person_id", "关联人员", index)?;
    let household: Option<String> = match optional_note(h.household_id.as_deref()) {
        Some(id) => {
            require(tx, "household", "contact.household_id", "住户", &id)?;
            Some(id)
        }
        None => tx.query_row(
            "SELECT household_id FROM person WHERE id = ?1",
            params![index],
            |r| r.get(0),
        )?,
    };
    let Some(household) = household else {
        return Err(Error::invalid(
            "contact.household_id",
            "the index person has no household; choose one",
            "关联人员未登记住户，请选择要登记的住户",
        ));
    };
    let members: Vec<String> = {
        let mut stmt = tx.prepare(
            "SELECT id FROM person WHERE household_id = ?1 AND deleted_at IS NULL AND id <> ?2 \
             ORDER BY name, id",
        )?;
        let ids = stmt
            .query_map(params![household, index], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        ids
    };
    if members.is_empty() {
        return Err(Error::invalid(
            "contact.household_id",
            "the household has no other members",
            "该住户没有其他登记人员",
        ));
    }
    let mut added = Vec::new();
    let mut already = 0;
    for member in members {
        if exists_pair(tx, &member, index)? {
            already += 1;
            continue;
        }
        added.push(add_contact(
            tx,
            &NewContact {
                person_id: member,
                index_person_id: index.to_owned(),
                exposure: h.exposure,
                last_contact_on: h.last_contact_on.clone(),
                note: h.note.clone(),
            },
        )?);
    }
    Ok(HouseholdContactsSummary { added, already })
}

const LINK_COLUMNS: &str = "c.id, c.person_id, p.name, c.index_person_id, i.name, c.exposure, \
     c.last_contact_on, c.note";

fn link(r: &rusqlite::Row, depth: u32) -> rusqlite::Result<ContactLink> {
    let exposure: String = r.get(5)?;
    Ok(ContactLink {
        id: r.get(0)?,
        person_id: r.get(1)?,
        person_name: r.get(2)?,
        index_person_id: r.get(3)?,
        index_person_name: r.get(4)?,
        exposure: Exposure::from_code(&exposure).unwrap_or(Exposure::Other),
        last_contact_on: r.get(6)?,
        note: r.get(7)?,
        depth,
    })
}

/// A person's contact chain both ways, up to `MAX_DEPTH` links. Each link appears once,
/// at the depth it is first reached.
pub fn contact_chain(conn: &Connection, person_id: &str) -> Result<ContactChain> {
    if !crate::arrivals::live(conn, "person", person_id)? {
        return Err(Error::NotFound {
            entity: "person",
            id: person_id.to_owned(),
        });
    }
    // `upstream` walks from a person to their index; `downstream` the other way.
    let walk = |from: &str, to: &str| -> Result<Vec<ContactLink>> {
        let sql = format!(
            "WITH RECURSIVE chain (contact_id, next, depth) AS ( \
                 SELECT id, {to}, 1 FROM contact WHERE {from} = ?1 AND deleted_at IS NULL \
                 UNION \
                 SELECT c.id, c.{to}, chain.depth + 1 FROM chain \
                 JOIN contact c ON c.{from} = chain.next AND c.deleted_at IS NULL \
                 WHERE chain.depth < ?2) \
             SELECT {LINK_COLUMNS}, min(chain.depth) AS depth FROM chain \
             JOIN contact c ON c.id = chain.contact_id \
             JOIN person p ON p.id = c.person_id JOIN person i ON i.id = c.index_person_id \
             GROUP BY c.id ORDER BY depth, c.last_contact_on DESC, p.name"
        );
        let mut stmt = conn.prepare(&sql)?;
        let links = stmt
            .query_map(params![person_id, MAX_DEPTH], |r| {
                let depth: u32 = r.get(8)?;
                link(r, depth)
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(links)
    };
    Ok(ContactChain {
        person_id: person_id.to_owned(),
        upstream: walk("person_id", "index_person_id")?,
        downstream: walk("index_person_id", "person_id")?,
    })
}

/// Direct contacts matching `filter`, latest last contact first.
pub fn list_contacts(conn: &Connection, filter: &ContactFilter) -> Result<ContactPage> {
    let mut clauses = vec!["c.deleted_at IS NULL".to_owned()];
    let mut values: Vec<Box<dyn ToSql>> = Vec::new();
    if let Some(index) = optional_note(filter.index_person_id.as_deref()) {
        clauses.push("c.index_person_id = ?".into());
        values.push(Box::new(index));
    }
    if let Some(exposure) = filter.exposure {
        clauses.push("c.exposure = ?".into());
        values.push(Box::new(exposure.code()));
    }
    if let Some(since) = optional_date("filter.since", "开始日期", filter.since.as_deref())? {
        clauses.push("c.last_contact_on >= ?".into());
        values.push(Box::new(format_iso(since)));
    }
    let from = format!(
        "FROM contact c JOIN person p ON p.id = c.person_id \
         JOIN person i ON i.id = c.index_person_id WHERE {}",
        clauses.join(" AND ")
    );
    let total: u32 = conn.query_row(
        &format!("SELECT count(*) {from}"),
        rusqlite::params_from_iter(values.iter()),
        |r| r.get(0),
    )?;
    let limit = if filter.limit == 0 {
        20
    } else {
        filter.limit.min(MAX_PAGE)
    };
    values.push(Box::new(limit));
    values.push(Box::new(filter.offset));
    let mut stmt = conn.prepare(&format!(
        "SELECT {LINK_COLUMNS} {from} \
         ORDER BY c.last_contact_on DESC, i.name, p.name, c.id LIMIT ? OFFSET ?"
    ))?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(values.iter()), |r| link(r, 1))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(ContactPage { rows, total })
}
