//! What every use case does at its boundary: dates typed in any common form, optional
//! free text, and references that must point at a live (not soft-deleted) row. Errors
//! name the field and explain in Chinese.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use crate::domain::date::parse_date;
use crate::domain::text::normalize_text;
use crate::error::{Error, Result};

/// A date typed at the boundary.
pub fn date_field(field: &'static str, what_zh: &str, raw: &str) -> Result<NaiveDate> {
    parse_date(raw, None).map_err(|e| {
        Error::invalid(
            field,
            e.to_string(),
            format!("{what_zh}：{}", e.message_zh()),
        )
    })
}

/// An optional date typed at the boundary; blank is none.
pub fn optional_date(
    field: &'static str,
    what_zh: &str,
    raw: Option<&str>,
) -> Result<Option<NaiveDate>> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        Some(raw) => Ok(Some(date_field(field, what_zh, raw)?)),
        None => Ok(None),
    }
}

/// Free text kept as typed, trimmed; blank is none.
pub fn optional_note(raw: Option<&str>) -> Option<String> {
    raw.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

pub fn live(tx: &Connection, table: &'static str, id: &str) -> Result<bool> {
    Ok(tx.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1 AND deleted_at IS NULL)"),
        params![id],
        |r| r.get(0),
    )?)
}

/// Refuse a reference to a row that is not there, naming the field.
pub fn require(
    tx: &Connection,
    table: &'static str,
    field: &'static str,
    what_zh: &str,
    id: &str,
) -> Result<()> {
    if live(tx, table, id)? {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!("{table} {id} does not exist"),
            format!("所选{what_zh}不存在或已删除"),
        ))
    }
}

/// An optional code or number, normalised (full-width → half-width, spaces); blank is none.
pub fn optional_text(raw: Option<&str>) -> Option<String> {
    raw.map(normalize_text).filter(|s| !s.is_empty())
}
