//! Where ledgers live on disk.

use std::path::{Path, PathBuf};

/// The ledger file's name inside a data directory.
pub const LEDGER_FILE: &str = "ledger.db";

/// The per-OS data directory: `~/.local/share/gridledger` on Linux,
/// `%APPDATA%\gridledger` on Windows, `~/Library/Application Support/gridledger` on macOS.
/// A development build of the desktop app uses `gridledger-dev` so that trying things
/// never touches a real ledger.
pub fn default_data_dir(dev: bool) -> PathBuf {
    let base = dirs::data_dir().unwrap_or_else(|| PathBuf::from("."));
    base.join(if dev { "gridledger-dev" } else { "gridledger" })
}

/// The ledger file in `data_dir`.
pub fn ledger_path(data_dir: &Path) -> PathBuf {
    data_dir.join(LEDGER_FILE)
}
