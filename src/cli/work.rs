//! CLI commands of the work module.
