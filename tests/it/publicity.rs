//! Integration tests of the publicity module.
