//! The import log (who, when, which file, what it did), the rows each import created,
//! undo of an import as a whole, and mappings saved per source.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::api::{
    ImportCounts, ImportKind, ImportLogEntry, ImportMapping, ImportPreview, ImportRequest,
};
use crate::error::{Error, Result};
use crate::store::{now_text, rows, Actor};

/// The tables an import writes rows into, in the order undo removes them (dependents
/// first). A new kind that writes another table adds it here.
pub const IMPORT_ENTITIES: &[&str] = &[
    "arrival",
    "call_target",
    "contact",
    "person",
    "household",
    "unit",
    "building",
];

pub(super) fn insert_log(
    tx: &Transaction,
    actor: &Actor,
    req: &ImportRequest,
    preview: &ImportPreview,
) -> Result<String> {
    let counts = serde_json::to_string(&preview.counts)?;
    rows::insert(
        tx,
        "import_log",
        &[
            ("kind", &req.kind.code()),
            ("file_name", &req.file_name),
            ("sheet", &preview.sheet),
            ("imported_by", &actor.as_str()),
            ("counts", &counts),
        ],
    )
}

pub(super) fn record_row(
    tx: &Transaction,
    import_id: &str,
    entity: &'static str,
    id: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT OR FAIL INTO import_row (import_id, entity, entity_id) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![import_id, entity, id])?;
    Ok(())
}

fn entry(r: &rusqlite::Row) -> rusqlite::Result<(ImportLogEntry, String)> {
    let kind: String = r.get(1)?;
    let counts: String = r.get(6)?;
    Ok((
        ImportLogEntry {
            id: r.get(0)?,
            kind: ImportKind::from_code(&kind).unwrap_or(ImportKind::People),
            file_name: r.get(2)?,
            sheet: r.get(3)?,
            imported_by: r.get(4)?,
            imported_at: r.get(5)?,
            counts: ImportCounts::default(),
            undone_at: r.get(7)?,
        },
        counts,
    ))
}

const LOG_COLUMNS: &str =
    "id, kind, file_name, sheet, imported_by, created_at, counts, undone_at FROM import_log";

/// The import history, newest first.
pub fn list_imports(conn: &Connection, limit: u32) -> Result<Vec<ImportLogEntry>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {LOG_COLUMNS} WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT ?1"
    ))?;
    let rows = stmt.query_map(params![limit.max(1)], entry)?;
    let mut out = Vec::new();
    for row in rows {
        let (mut e, counts) = row?;
        e.counts = serde_json::from_str(&counts)?;
        out.push(e);
    }
    Ok(out)
}

/// Undo an import as a whole: every row it created is soft-deleted in this one write.
/// Refused, with the reason, once the import was undone, or when anything was changed on
/// top of it: one of its rows was edited or deleted since, or a row written later (an
/// isolation, a contact, another arrival) refers to a person it registered.
pub fn undo_import(tx: &Transaction, import_id: &str) -> Result<()> {
    let found: Option<Option<String>> = tx
        .query_row(
            "SELECT undone_at FROM import_log WHERE id = ?1 AND deleted_at IS NULL",
            params![import_id],
            |r| r.get(0),
        )
        .optional()?;
    match found {
        None => {
            return Err(Error::NotFound {
                entity: "import_log",
                id: import_id.to_owned(),
            })
        }
        Some(Some(_)) => {
            return Err(Error::invalid(
                "import.undo",
                "the import was already undone",
                "该次导入已经撤销过",
            ))
        }
        Some(None) => {}
    }
    for entity in IMPORT_ENTITIES {
        let changed: Option<String> = tx
            .query_row(
                &format!(
                    "SELECT t.id FROM {entity} t JOIN import_row r ON r.entity_id = t.id \
                     WHERE r.import_id = ?1 AND r.entity = ?2 \
                     AND (t.deleted_at IS NOT NULL OR t.updated_at <> t.created_at) LIMIT 1"
                ),
                params![import_id, entity],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = changed {
            return Err(Error::invalid(
                "import.undo",
                format!("{entity} {id} was changed after the import"),
                format!(
                    "导入的{}在导入后已被修改或删除，不能整体撤销",
                    if *entity == "person" {
                        "人员"
                    } else {
                        "记录"
                    }
                ),
            ));
        }
    }
    refuse_later_references(tx, import_id)?;
    let now = now_text();
    for entity in IMPORT_ENTITIES {
        tx.execute(
            &format!(
                "UPDATE {entity} SET deleted_at = ?2, updated_at = ?2, updated_by = gl_actor() \
                 WHERE id IN (SELECT entity_id FROM import_row WHERE import_id = ?1 AND entity = ?3) \
                 AND deleted_at IS NULL"
            ),
            params![import_id, now, entity],
        )?;
    }
    rows::update(tx, "import_log", import_id, &[("undone_at", &now)])
}

/// Refuse when a live row not written by the import refers to a row it created. The
/// references are found from the schema (`PRAGMA foreign_key_list`), like a merge's.
fn refuse_later_references(tx: &Transaction, import_id: &str) -> Result<()> {
    let tables: Vec<String> = tx
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND name NOT IN ('import_row', 'audit_log')",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for table in tables {
        let columns: Vec<String> = tx
            .prepare("SELECT name FROM pragma_table_info(?1)")?
            .query_map([&table], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if !columns.iter().any(|c| c == "id") {
            continue;
        }
        let live = if columns.iter().any(|c| c == "deleted_at") {
            " AND t.deleted_at IS NULL"
        } else {
            ""
        };
        let refs: Vec<(String, String)> = tx
            .prepare("SELECT \"table\", \"from\" FROM pragma_foreign_key_list(?1)")?
            .query_map([&table], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (target, from) in refs {
            let Some(entity) = IMPORT_ENTITIES
                .iter()
                .find(|e| target.eq_ignore_ascii_case(e))
            else {
                continue;
            };
            let found: Option<String> = tx
                .query_row(
                    &format!(
                        "SELECT t.id FROM \"{table}\" t WHERE t.\"{from}\" IN \
                         (SELECT entity_id FROM import_row WHERE import_id = ?1 AND entity = ?2){live} \
                         AND t.id NOT IN (SELECT entity_id FROM import_row WHERE import_id = ?1) LIMIT 1"
                    ),
                    params![import_id, entity],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(id) = found {
                return Err(Error::invalid(
                    "import.undo",
                    format!("{table} {id} refers to a row of the import"),
                    "导入后已有其他记录（如隔离、密接、返乡记录）关联到导入的人员，不能整体撤销",
                ));
            }
        }
    }
    Ok(())
}

/// Save (or replace) the mapping for a source and kind.
pub fn save_mapping(tx: &Transaction, m: &ImportMapping) -> Result<()> {
    let source = crate::domain::text::normalize_text(&m.source);
    if source.is_empty() {
        return Err(Error::invalid(
            "mapping.source",
            "the source is empty",
            "请填写来源（如发文单位），以便下次使用同一映射",
        ));
    }
    let json = serde_json::to_string(&m.columns)?;
    let existing: Option<String> = tx
        .query_row(
            "SELECT id FROM import_mapping WHERE source = ?1 AND kind = ?2 AND deleted_at IS NULL",
            params![source, m.kind.code()],
            |r| r.get(0),
        )
        .optional()?;
    match existing {
        Some(id) => rows::update(tx, "import_mapping", &id, &[("mapping", &json)]),
        None => rows::insert(
            tx,
            "import_mapping",
            &[
                ("source", &source),
                ("kind", &m.kind.code()),
                ("mapping", &json),
            ],
        )
        .map(|_| ()),
    }
}

/// The mapping saved for a source and kind.
pub fn get_mapping(
    conn: &Connection,
    source: &str,
    kind: ImportKind,
) -> Result<Option<ImportMapping>> {
    let source = crate::domain::text::normalize_text(source);
    let json: Option<String> = conn
        .query_row(
            "SELECT mapping FROM import_mapping WHERE source = ?1 AND kind = ?2 \
             AND deleted_at IS NULL",
            params![source, kind.code()],
            |r| r.get(0),
        )
        .optional()?;
    json.map(|j| {
        Ok(ImportMapping {
            source,
            kind,
            columns: serde_json::from_str(&j)?,
        })
    })
    .transpose()
}

/// Every saved mapping, by source.
pub fn list_mappings(conn: &Connection) -> Result<Vec<ImportMapping>> {
    let mut stmt = conn.prepare(
        "SELECT source, kind, mapping FROM import_mapping WHERE deleted_at IS NULL \
         ORDER BY source, kind",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (source, kind, json) = row?;
        let Some(kind) = ImportKind::from_code(&kind) else {
            continue;
        };
        out.push(ImportMapping {
            source,
            kind,
            columns: serde_json::from_str(&json)?,
        });
    }
    Ok(out)
}
