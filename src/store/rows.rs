//! Row writes with the conventions filled in: a UUIDv7 `id`, `created_at`, `updated_at`,
//! `updated_by` (the actor of the write transaction) and soft deletes via `deleted_at`.
//! Table and column names are always `&'static str` from our own code, never input.

use rusqlite::{params_from_iter, ToSql, Transaction};

use super::audit::now_text;
use crate::error::{Error, Result};

/// A new sync-ready row id.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Insert a row into `table` with `fields`; returns the new id.
pub fn insert(
    tx: &Transaction,
    table: &'static str,
    fields: &[(&'static str, &dyn ToSql)],
) -> Result<String> {
    let id = new_id();
    insert_with_id(tx, table, &id, fields)?;
    Ok(id)
}

/// Insert a row whose id the caller chose (settings use their key as id).
pub fn insert_with_id(
    tx: &Transaction,
    table: &'static str,
    id: &str,
    fields: &[(&'static str, &dyn ToSql)],
) -> Result<()> {
    let now = now_text();
    let mut columns = vec!["id", "created_at", "updated_at", "updated_by"];
    columns.extend(fields.iter().map(|(name, _)| *name));
    let placeholders: Vec<String> = (0..columns.len())
        .map(|i| {
            if i == 3 {
                "gl_actor()".to_owned()
            } else {
                format!("?{}", i + 1)
            }
        })
        .collect();
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        columns.join(", "),
        placeholders.join(", ")
    );
    let mut values: Vec<&dyn ToSql> = vec![&id, &now, &now, &rusqlite::types::Null];
    values.extend(fields.iter().map(|(_, v)| *v));
    tx.execute(&sql, params_from_iter(values))?;
    Ok(())
}

/// Update fields of a live row; `NotFound` when there is none.
pub fn update(
    tx: &Transaction,
    table: &'static str,
    id: &str,
    fields: &[(&'static str, &dyn ToSql)],
) -> Result<()> {
    let now = now_text();
    let sets: Vec<String> = fields
        .iter()
        .enumerate()
        .map(|(i, (name, _))| format!("{name} = ?{}", i + 3))
        .collect();
    let sql = format!(
        "UPDATE {table} SET updated_at = ?2, updated_by = gl_actor(){}{} \
         WHERE id = ?1 AND deleted_at IS NULL",
        if sets.is_empty() { "" } else { ", " },
        sets.join(", ")
    );
    let mut values: Vec<&dyn ToSql> = vec![&id, &now];
    values.extend(fields.iter().map(|(_, v)| *v));
    let changed = tx.execute(&sql, params_from_iter(values))?;
    if changed == 0 {
        return Err(Error::NotFound {
            entity: table,
            id: id.to_owned(),
        });
    }
    Ok(())
}

/// Soft-delete a live row: it stays for sync and audit, and disappears from every list.
pub fn soft_delete(tx: &Transaction, table: &'static str, id: &str) -> Result<()> {
    let now = now_text();
    update(tx, table, id, &[("deleted_at", &now)])
}
