//! Integration tests of the supplies module.
