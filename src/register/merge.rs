//! Merging two records of the same person (重复人员合并): lists pushed down from above and
//! door-to-door visits register the same person twice, once perhaps without an ID number.
//! The kept record takes what only the other one knew, every record that pointed at the
//! removed one points at the kept one, and the removed one is soft-deleted, with the
//! merge itself recorded in `person_merge`.
//!
//! References are discovered from the schema (`PRAGMA foreign_key_list` over every table),
//! so a module added later (arrivals, contacts, isolations) is covered without touching
//! this file.

use rusqlite::{params, Transaction};

use super::person::record;

use crate::domain::text::normalize_text;
use crate::error::{Error, Result};
use crate::store::{now_text, rows};

/// Tables whose references to `person` are history and are never re-pointed.
const NOT_REPOINTED: &[&str] = &["person_merge"];

fn is_empty(v: &Option<String>) -> bool {
    v.as_deref().is_none_or(|s| s.trim().is_empty())
}

/// Every (table, column) whose column references `person(id)`, but `NOT_REPOINTED`.
fn person_references(tx: &Transaction) -> Result<Vec<(String, String, bool)>> {
    let tables: Vec<String> = {
        let mut stmt = tx.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             ORDER BY name",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut out = Vec::new();
    for table in tables
        .iter()
        .filter(|t| !NOT_REPOINTED.contains(&t.as_str()))
    {
        let mut stmt =
            tx.prepare("SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?1)")?;
        let refs = stmt.query_map([table], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?;
        let mut columns = Vec::new();
        for row in refs {
            let (target, from, to) = row?;
            // `REFERENCES person` without a column means its primary key, `id`.
            if target.eq_ignore_ascii_case("person") && to.as_deref().is_none_or(|t| t == "id") {
                columns.push(from);
            }
        }
        if columns.is_empty() {
            continue;
        }
        let has_conventions: bool = tx.query_row(
            "SELECT count(*) = 2 FROM pragma_table_info(?1) \
             WHERE name IN ('updated_at', 'updated_by')",
            [table],
            |r| r.get(0),
        )?;
        for column in columns {
            out.push((table.clone(), column, has_conventions));
        }
    }
    Ok(out)
}

fn quoted(ident: &str) -> String {
    format!("\"{}\"", ident.replace('"', "\"\""))
}

/// Merge `remove_id` into `keep_id`, two records of the same person; returns the id of the
/// `person_merge` record.
///
/// Empty fields of the kept record are filled from the removed one (an ID number with its
/// derived birth date, sex and native region); every row of every table that references
/// the removed person is re-pointed to the kept one; the removed person is soft-deleted.
/// Refused: a person merged with itself, a deleted person, two different ID numbers,
/// an empty reason.
pub fn merge_people(
    tx: &Transaction,
    keep_id: &str,
    remove_id: &str,
    reason: &str,
) -> Result<String> {
    let reason = normalize_text(reason);
    if reason.is_empty() {
        return Err(Error::invalid(
            "person_merge.reason",
            "a merge needs a reason",
            "请填写合并原因",
        ));
    }
    if keep_id == remove_id {
        return Err(Error::invalid(
            "person_merge.removed_id",
            "a person cannot be merged with itself",
            "不能将人员与其自身合并",
        ));
    }
    let keep = record(tx, keep_id)?;
    let remove = record(tx, remove_id)?;
    for (who, r) in [(keep_id, &keep), (remove_id, &remove)] {
        if r.deleted {
            return Err(Error::invalid(
                "person_merge.removed_id",
                format!("person {who} is deleted"),
                format!("人员“{}”已删除（或已被合并），不能合并", r.name),
            ));
        }
    }
    if let (Some(a), Some(b)) = (&keep.id_number, &remove.id_number) {
        if !a.trim().is_empty()
            && !b.trim().is_empty()
            && (a != b || keep.id_type != remove.id_type)
        {
            return Err(Error::invalid(
                "person_merge.removed_id",
                "the two records have different ID numbers",
                format!(
                    "两条记录的证件号码不同（{}、{}），不是同一人，不能合并",
                    keep.name, remove.name
                ),
            ));
        }
    }

    // Re-point every reference first, while both rows are there.
    let now = now_text();
    for (table, column, has_conventions) in person_references(tx)? {
        let (t, c) = (quoted(&table), quoted(&column));
        if has_conventions {
            tx.execute(
                &format!(
                    "UPDATE {t} SET {c} = ?1, updated_at = ?3, updated_by = gl_actor() \
                     WHERE {c} = ?2"
                ),
                params![keep_id, remove_id, now],
            )?;
        } else {
            tx.execute(
                &format!("UPDATE {t} SET {c} = ?1 WHERE {c} = ?2"),
                params![keep_id, remove_id],
            )?;
        }
    }

    // Soft-delete the removed record before its ID number moves: the document is unique
    // among live records.
    rows::soft_delete(tx, "person", remove_id)?;

    let take_id = is_empty(&keep.id_number) && !is_empty(&remove.id_number);
    let pick = |k: &Option<String>, r: &Option<String>| {
        if is_empty(k) {
            r.clone()
        } else {
            k.clone()
        }
    };
    let (id_type, id_number, birth_date, sex, native_region) = if take_id {
        (
            remove.id_type.clone(),
            remove.id_number.clone(),
            remove.birth_date.clone(),
            remove.sex.clone(),
            remove.native_region.clone(),
        )
    } else {
        (
            keep.id_type.clone(),
            keep.id_number.clone(),
            keep.birth_date.clone(),
            keep.sex.clone(),
            keep.native_region.clone(),
        )
    };
    rows::update(
        tx,
        "person",
        keep_id,
        &[
            ("id_type", &id_type),
            ("id_number", &id_number),
            ("birth_date", &birth_date),
            ("sex", &sex),
            ("native_region", &native_region),
            ("phone", &pick(&keep.phone, &remove.phone)),
            (
                "household_id",
                &pick(&keep.household_id, &remove.household_id),
            ),
            ("relation", &pick(&keep.relation, &remove.relation)),
            (
                "current_location",
                &pick(&keep.current_location, &remove.current_location),
            ),
            ("notes", &pick(&keep.notes, &remove.notes)),
        ],
    )?;
    rows::insert(
        tx,
        "person_merge",
        &[
            ("kept_id", &keep_id),
            ("removed_id", &remove_id),
            ("reason", &reason),
        ],
    )
}
