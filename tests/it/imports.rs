//! Integration tests of the imports module.
