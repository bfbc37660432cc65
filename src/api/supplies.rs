//! IPC types of the supplies module.
