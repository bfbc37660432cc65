//! CLI commands of the imports module.
