//! CLI commands of the calls module.
