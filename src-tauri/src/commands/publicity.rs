//! Commands of the publicity module.
