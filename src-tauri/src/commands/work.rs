//! Commands of the work module.
