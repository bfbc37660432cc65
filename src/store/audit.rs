//! The audit log, written by the database itself.
//!
//! Every table with an `id` column gets three triggers, regenerated after each migration
//! from the table's current columns. They append one `audit_log` row per inserted,
//! updated or deleted row, in the same transaction as the write: inserts record all
//! fields, updates only the changed ones as `[old, new]`, deletes the old row. The actor
//! comes from `gl_actor()`, a function bound to the `Ledger` that is non-NULL only inside
//! `Ledger::write`; outside it the triggers abort the write. So there is no write path
//! that skips the audit log — not the CLI, not a future import, not a hand-written
//! `UPDATE`.
//!
//! Events that are not row writes (viewing a full ID number, an export) are recorded with
//! [`record_event`].

use std::sync::{Arc, Mutex};

use rusqlite::functions::FunctionFlags;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;

use crate::error::Result;

/// Tables that are not audited row by row: the log itself.
const UNAUDITED: &[&str] = &["audit_log"];

pub(super) fn register_functions(
    conn: &Connection,
    actor: Arc<Mutex<Option<String>>>,
) -> Result<()> {
    conn.create_scalar_function("gl_actor", 0, FunctionFlags::SQLITE_UTF8, move |_| {
        Ok(actor.lock().unwrap_or_else(|p| p.into_inner()).clone())
    })?;
    conn.create_scalar_function("gl_now", 0, FunctionFlags::SQLITE_UTF8, |_| Ok(now_text()))?;
    conn.create_scalar_function("gl_uuid7", 0, FunctionFlags::SQLITE_UTF8, |_| {
        Ok(uuid::Uuid::now_v7().to_string())
    })?;
    Ok(())
}

/// The timestamp format of every `*_at` column: UTC, RFC 3339, milliseconds.
pub fn now_text() -> String {
    chrono::Utc::now()
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}

/// Drop and recreate the audit triggers of every audited table.
pub(super) fn install_triggers(tx: &Transaction) -> Result<()> {
    let tables: Vec<String> = {
        let mut stmt = tx.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             ORDER BY name",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for table in tables.iter().filter(|t| !UNAUDITED.contains(&t.as_str())) {
        let columns: Vec<String> = {
            let mut stmt = tx.prepare("SELECT name FROM pragma_table_info(?1)")?;
            let rows = stmt.query_map([table], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        if !columns.iter().any(|c| c == "id") {
            continue;
        }
        tx.execute_batch(&trigger_sql(table, &columns))?;
    }
    Ok(())
}

fn trigger_sql(table: &str, columns: &[String]) -> String {
    let q = |s: &str| s.replace('\'', "''");
    let ident = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let all_new = columns
        .iter()
        .map(|c| format!("'{}', NEW.{}", q(c), ident(c)))
        .collect::<Vec<_>>()
        .join(", ");
    let all_old = columns
        .iter()
        .map(|c| format!("'{}', OLD.{}", q(c), ident(c)))
        .collect::<Vec<_>>()
        .join(", ");
    // json_patch drops keys whose value is null, which leaves only the changed columns.
    let changed = columns
        .iter()
        .map(|c| {
            let c_id = ident(c);
            format!(
                "'{}', CASE WHEN OLD.{c_id} IS NOT NEW.{c_id} THEN json_array(OLD.{c_id}, NEW.{c_id}) END",
                q(c)
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    // A soft delete (deleted_at set) is logged as a delete, its undoing as a restore.
    let update_action = if columns.iter().any(|c| c == "deleted_at") {
        "CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'delete' \
              WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restore' \
              ELSE 'update' END"
    } else {
        "'update'"
    };
    let t = ident(table);
    let name = q(table);
    let guard = "SELECT RAISE(ABORT, 'write outside Ledger::write: no audit actor') \
                 WHERE gl_actor() IS NULL;";
    format!(
        "DROP TRIGGER IF EXISTS \"audit_{name}_insert\";
         DROP TRIGGER IF EXISTS \"audit_{name}_update\";
         DROP TRIGGER IF EXISTS \"audit_{name}_delete\";
         CREATE TRIGGER \"audit_{name}_insert\" AFTER INSERT ON {t} BEGIN
           {guard}
           INSERT INTO audit_log (id, at, actor, entity, entity_id, action, changes)
           VALUES (gl_uuid7(), gl_now(), gl_actor(), '{name}', NEW.id, 'insert', json_object({all_new}));
         END;
         CREATE TRIGGER \"audit_{name}_update\" AFTER UPDATE ON {t} BEGIN
           {guard}
           INSERT INTO audit_log (id, at, actor, entity, entity_id, action, changes)
           VALUES (gl_uuid7(), gl_now(), gl_actor(), '{name}', NEW.id, {update_action},
                   json_patch('{{}}', json_object({changed})));
         END;
         CREATE TRIGGER \"audit_{name}_delete\" AFTER DELETE ON {t} BEGIN
           {guard}
           INSERT INTO audit_log (id, at, actor, entity, entity_id, action, changes)
           VALUES (gl_uuid7(), gl_now(), gl_actor(), '{name}', OLD.id, 'delete', json_object({all_old}));
         END;"
    )
}

/// An event that is not a row write, for the audit log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditEvent {
    /// A full (unmasked) ID number or phone was shown.
    ViewSensitive,
    /// A form or list was exported.
    Export,
}

impl AuditEvent {
    fn code(self) -> &'static str {
        match self {
            AuditEvent::ViewSensitive => "view_sensitive",
            AuditEvent::Export => "export",
        }
    }
}

/// Append an event to the audit log inside a write transaction (so the actor is known;
/// outside one, `actor NOT NULL` refuses the row).
pub fn record_event(
    tx: &Transaction,
    event: AuditEvent,
    entity: &str,
    entity_id: &str,
    details: &serde_json::Value,
) -> Result<()> {
    tx.execute(
        "INSERT INTO audit_log (id, at, actor, entity, entity_id, action, changes) \
         VALUES (gl_uuid7(), gl_now(), gl_actor(), ?1, ?2, ?3, ?4)",
        params![entity, entity_id, event.code(), details.to_string()],
    )?;
    Ok(())
}

/// One row of the audit log, as read back.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub at: String,
    pub actor: String,
    pub entity: String,
    pub entity_id: String,
    pub action: String,
    pub changes: serde_json::Value,
}

impl AuditEntry {
    /// The audit trail of one entity, oldest first.
    pub fn for_entity(conn: &Connection, entity: &str, entity_id: &str) -> Result<Vec<AuditEntry>> {
        let mut stmt = conn.prepare(
            "SELECT at, actor, entity, entity_id, action, changes FROM audit_log \
             WHERE entity = ?1 AND entity_id = ?2 ORDER BY rowid",
        )?;
        let rows = stmt.query_map(params![entity, entity_id], |r| {
            let changes: Option<String> = r.get(5)?;
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                changes,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (at, actor, entity, entity_id, action, changes) = row?;
            let changes = match changes {
                Some(text) => serde_json::from_str(&text)?,
                None => serde_json::Value::Null,
            };
            out.push(AuditEntry {
                at,
                actor,
                entity,
                entity_id,
                action,
                changes,
            });
        }
        Ok(out)
    }
}

/// Run `write` with the named triggers standing aside: each is dropped inside the caller's
/// transaction and created again, from its own stored SQL, when `write` returns. Bulk
/// writers (imports) use it for per-row insert triggers whose work they then do set-wise
/// ([`audit_inserted`], `search::fill_person_keys`). Being DDL in the same transaction, a
/// failure anywhere rolls the triggers back with the rows; nothing outside the transaction
/// ever sees them missing. A trigger that does not exist is left alone.
pub fn without_triggers<T>(
    tx: &Transaction,
    names: &[&str],
    write: impl FnOnce() -> Result<T>,
) -> Result<T> {
    let mut saved: Vec<String> = Vec::new();
    for name in names {
        let sql: Option<String> = tx
            .query_row(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                params![name],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(sql) = sql {
            tx.execute_batch(&format!("DROP TRIGGER \"{}\"", name.replace('"', "\"\"")))?;
            saved.push(sql);
        }
    }
    let result = write();
    for sql in &saved {
        tx.execute_batch(sql)?;
    }
    result
}

/// Write the audit rows of inserts made while `table`'s insert trigger stood aside
/// ([`without_triggers`]): for every row whose id `ids_sql` selects (`?1` = `arg`, `?2` =
/// the table's name), the row the trigger would have written, in id order. Returns how
/// many. Refused outside `Ledger::write`, like the trigger.
pub fn audit_inserted(tx: &Transaction, table: &str, ids_sql: &str, arg: &str) -> Result<usize> {
    let actor: Option<String> = tx.query_row("SELECT gl_actor()", [], |r| r.get(0))?;
    if actor.is_none() {
        return Err(crate::error::Error::invalid(
            "audit.actor",
            "write outside Ledger::write: no audit actor",
            "写入未经台账事务（缺少操作人）",
        ));
    }
    let columns: Vec<String> = tx
        .prepare("SELECT name FROM pragma_table_info(?1)")?
        .query_map([table], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let q = |s: &str| s.replace('\'', "''");
    let ident = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let all = columns
        .iter()
        .map(|c| format!("'{}', t.{}", q(c), ident(c)))
        .collect::<Vec<_>>()
        .join(", ");
    let n = tx.execute(
        &format!(
            "INSERT INTO audit_log (id, at, actor, entity, entity_id, action, changes) \
             SELECT gl_uuid7(), gl_now(), gl_actor(), '{name}', t.id, 'insert', json_object({all}) \
             FROM {t} t WHERE t.id IN ({ids_sql}) ORDER BY t.id",
            name = q(table),
            t = ident(table),
        ),
        params![arg, table],
    )?;
    Ok(n)
}
