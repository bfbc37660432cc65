//! IPC types of the publicity module.
