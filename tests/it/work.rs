//! Integration tests of the work module.
