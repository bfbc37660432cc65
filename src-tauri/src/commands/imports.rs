//! Commands of the imports module.
