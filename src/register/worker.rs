//! Grid workers (网格员): the people a household's responsible worker (包保责任人), a grid's
//! worker and a sweep visit's worker are chosen from.

use rusqlite::{Connection, Transaction};

use super::{normalise_phone, required_name};
use crate::api::Worker;
use crate::error::Result;
use crate::store::rows;

/// Register a grid worker; the phone, when given, must be a valid phone number.
pub fn add_worker(tx: &Transaction, name: &str, phone: Option<&str>) -> Result<String> {
    let name = required_name("worker.name", name)?;
    let phone = phone
        .filter(|p| !p.trim().is_empty())
        .map(normalise_phone)
        .transpose()?;
    rows::insert(tx, "worker", &[("name", &name), ("phone", &phone)])
}

/// Every live worker, in the order they were registered.
pub fn list_workers(conn: &Connection) -> Result<Vec<Worker>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, phone FROM worker WHERE deleted_at IS NULL ORDER BY created_at, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Worker {
            id: r.get(0)?,
            name: r.get(1)?,
            phone: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
