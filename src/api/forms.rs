//! IPC types of the forms module.
