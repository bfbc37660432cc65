//! CLI commands of the export module.
