//! Subcommands of the `gridledger` binary beyond the register's (which live in main.rs).
//! Binary-only: the library does not declare this module.

pub mod arrivals;
pub mod calls;
pub mod export;
pub mod gate;
pub mod import;
pub mod isolation;
pub mod publicity;
pub mod report;
pub mod supplies;
pub mod work;
