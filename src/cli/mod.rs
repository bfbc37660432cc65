//! Subcommands of the `gridledger` binary beyond the register's (which live in main.rs).
//! Binary-only: the library does not declare this module.

pub mod arrivals;
pub mod isolation;
