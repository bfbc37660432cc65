//! CLI commands of the publicity module.
