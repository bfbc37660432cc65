//! GridLedger (网格防控台账): the core.
//!
//! Everything that matters lives here and runs without a window: the domain rules
//! (`domain`), the encrypted SQLite ledger with its audit log (`store`), the demo community
//! (`demo`) and the types that cross the desktop IPC boundary (`api`). The `gridledger`
//! CLI (`src/main.rs`) and the Tauri shell (`src-tauri/`) are thin callers of this crate.

pub mod api;
pub mod arrivals;
pub mod calls;
pub mod certificates;
pub mod contacts;
pub mod demo;
pub mod domain;
pub mod enterprises;
pub mod error;
pub mod forms;
pub mod gate;
pub mod imports;
pub mod input;
pub mod isolation;
pub mod publicity;
pub mod regions;
pub mod register;
pub mod search;
pub mod settings;
pub mod stats;
pub mod store;
pub mod summary;
pub mod supplies;
pub mod sweep;

pub use error::{Error, Result};
pub use store::{Ledger, OpenOptions};
