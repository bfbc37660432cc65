//! IPC types of the gate module.
