//! Commands, one file per domain. Each is a thin delegation to the core.

pub mod app;
pub mod arrivals;
pub mod isolation;
pub mod register;
pub mod settings;
pub mod sweep;
