//! IPC types of the imports module.
