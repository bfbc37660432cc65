//! CLI commands of the supplies module.
