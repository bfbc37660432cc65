//! Commands of the calls module.
