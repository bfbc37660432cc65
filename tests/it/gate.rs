//! Integration tests of the gate module.
