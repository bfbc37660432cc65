//! Commands of the gate module.
