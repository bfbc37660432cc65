//! Commands of the supplies module.
