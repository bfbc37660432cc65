//! Types that cross the desktop IPC boundary.
//!
//! Every type the UI sees is defined here, derives `TS`, and is generated into
//! `ui/src/api/bindings/` (see `tests/it/bindings.rs`, which fails when the committed
//! files are stale and rewrites them with `UPDATE_BINDINGS=1`). camelCase on the wire.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The error shape every IPC command returns: a stable `code` the UI branches on and
/// turns into Chinese text, and an English `message` for logs. The UI never parses
/// `message`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IpcError {
    pub code: ErrorCode,
    /// English, for logs and the CLI.
    pub message: String,
    /// A Chinese explanation of a validation failure from the core (e.g. which check of an
    /// ID number failed), shown under the code's own Chinese text. Never parsed.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail_zh: Option<String>,
}

/// The few error kinds the UI distinguishes. Add one only when the UI branches on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ErrorCode {
    /// Input failed validation at the boundary (a form field, malformed IPC arguments).
    InvalidInput,
    /// The thing asked for does not exist (or was deleted).
    NotFound,
    /// The ledger file was made by a newer GridLedger and is refused.
    LedgerTooNew,
    /// The ledger could not be opened: wrong key, not a ledger, damaged file.
    LedgerUnreadable,
    /// Anything else; the message says what, for the log.
    Internal,
}

/// Arguments of `set_ledger_name`: the ledger's display name (社区名称).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetLedgerName {
    pub name: String,
}

/// How far a long job (loading the demo, later imports and exports) has got: `done` of
/// `total` steps. Sent through a Tauri channel while the job runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JobProgress {
    pub done: u32,
    pub total: u32,
}

/// What the app shows in its header and About box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    /// The application's version (Cargo package version).
    pub version: String,
    /// The ledger's display name, e.g. "幸福社区".
    pub ledger_name: String,
    /// Absolute path of the ledger file.
    pub ledger_path: String,
    /// The schema version of the open ledger.
    pub schema_version: u32,
    /// Whether the ledger file is encrypted at rest.
    pub encrypted: bool,
    /// Today's statistical date (YYYY-MM-DD): after the cut-off, data counts for tomorrow.
    pub statistical_date: String,
    /// The statistical day's cut-off time, "HH:MM".
    pub statistical_cutoff: String,
    /// Modules the core provides; the UI hides menu entries for the others.
    pub modules: Vec<Module>,
}

/// The product's modules, in menu order. Only those in `AppInfo::modules` are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Module {
    Home,
    Residents,
    Arrivals,
    Contacts,
    Isolation,
    Calls,
    Gate,
    Supplies,
    WorkResumption,
    Publicity,
    Reports,
    Settings,
}

/// Live counts for the 首页, computed from records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DashboardCounts {
    pub statistical_date: String,
    pub communities: u32,
    pub grids: u32,
    pub estates: u32,
    pub buildings: u32,
    pub units: u32,
    pub households: u32,
    pub people: u32,
    /// People by residence status, every status present (zero included), in a fixed order.
    pub by_residence: Vec<ResidenceCount>,
    /// People per grid, in the order the grids were set up (第一网格 before 第二网格).
    pub by_grid: Vec<GridCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ResidenceCount {
    pub status: ResidenceStatus,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GridCount {
    pub grid_id: String,
    pub grid_name: String,
    pub community_name: String,
    pub households: u32,
    pub people: u32,
}

/// 户籍 / 常住 / 流动 / 外出 / 境外. Stored in the ledger as these snake_case codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ResidenceStatus {
    Hukou,
    Resident,
    Floating,
    Away,
    Abroad,
}

impl ResidenceStatus {
    pub const ALL: [ResidenceStatus; 5] = [
        ResidenceStatus::Hukou,
        ResidenceStatus::Resident,
        ResidenceStatus::Floating,
        ResidenceStatus::Away,
        ResidenceStatus::Abroad,
    ];

    /// The code stored in the ledger.
    pub fn code(self) -> &'static str {
        match self {
            ResidenceStatus::Hukou => "hukou",
            ResidenceStatus::Resident => "resident",
            ResidenceStatus::Floating => "floating",
            ResidenceStatus::Away => "away",
            ResidenceStatus::Abroad => "abroad",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}
