//! Commands of the forms module.
