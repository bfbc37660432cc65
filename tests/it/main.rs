//! Integration tests of the core: one binary, a fresh temporary ledger per test, the real
//! SQLCipher file, no mocks.
// Tests may unwrap: a panic is a failed test.
#![allow(clippy::unwrap_used)]

mod arrivals;
mod bindings;
mod calls;
mod cli;
mod demo;
mod forms;
mod gate;
mod imports;
mod isolation;
mod publicity;
mod regions;
mod register;
mod search;
mod stats;
mod store;
mod supplies;
mod sweep;
mod work;

use gridledger::{Ledger, OpenOptions};
use tempfile::TempDir;

/// A fresh ledger in its own temporary directory (kept alive by the returned `TempDir`).
pub fn fresh_ledger() -> (TempDir, Ledger) {
    let dir = tempfile::tempdir().expect("temp dir");
    let ledger = Ledger::open(dir.path().join("ledger.db"), &OpenOptions::default())
        .expect("a new ledger opens");
    (dir, ledger)
}

pub fn count(ledger: &Ledger, sql: &str) -> i64 {
    ledger
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .expect("count query")
}
