//! Commands, one file per domain. Each is a thin delegation to the core.

pub mod app;
pub mod arrivals;
pub mod calls;
pub mod forms;
pub mod gate;
pub mod imports;
pub mod isolation;
pub mod publicity;
pub mod register;
pub mod settings;
pub mod stats;
pub mod supplies;
pub mod sweep;
pub mod work;
