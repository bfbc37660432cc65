//! Integration tests of the forms module.
