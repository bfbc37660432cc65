//! Domain types and rules owned by the core: ID numbers, phones, temperatures, dates.
//!
//! Validators here never touch the database; they take text from the boundary (a form,
//! an import, the CLI) and return typed values or a `DomainError` whose message is fit to
//! show a grid worker in Chinese.

pub mod date;
pub mod document;
pub mod error;
pub mod id_number;
pub mod masking;
pub mod phone;
pub mod temperature;
pub mod text;

pub use error::DomainError;
