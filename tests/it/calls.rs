//! Integration tests of the calls module.
