//! IPC types of the work module.
