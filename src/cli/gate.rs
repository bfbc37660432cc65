//! CLI commands of the gate module.
