//! IPC types of the calls module.
