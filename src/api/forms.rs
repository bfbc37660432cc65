//! IPC types of the forms module (报表导出).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::masking::MaskPreset;

/// Where a form definition comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FormOrigin {
    /// Shipped with GridLedger (`assets/forms/`).
    Shipped,
    /// A user copy in `<data dir>/forms/` (wins over a shipped one with the same id).
    User,
}

/// One problem in a form definition, with its line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FormProblem {
    #[ts(type = "number | null")]
    pub line: Option<usize>,
    pub key: Option<String>,
    pub message: String,
    pub message_zh: String,
}

/// A definition as listed: usable when `problems` is empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FormSummary {
    /// The form id (`arrivals-screening`); for an unreadable copy, its file stem.
    pub id: String,
    pub name: String,
    /// The row source (`arrivals`, `isolations`, `contacts`), empty when invalid.
    pub source: String,
    pub origin: FormOrigin,
    /// The user copy's path.
    pub path: Option<String>,
    pub valid: bool,
    /// Whether this entry is the one exports use for its id.
    pub in_use: bool,
    pub problems: Vec<FormProblem>,
    pub masking: MaskPreset,
}

/// What to export: the form, the date or a range, grids, masking.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExportRequest {
    pub form: String,
    /// The report date (YYYY-MM-DD): rows as of this day.
    #[serde(default)]
    #[ts(optional)]
    pub date: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub from: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub to: Option<String>,
    /// Grid ids or names; empty = all.
    #[serde(default)]
    pub grids: Vec<String>,
    /// Default: the definition's preset.
    #[serde(default)]
    #[ts(optional)]
    pub masking: Option<MaskPreset>,
    /// Gate checks only: one checkpoint (id or name); none = every checkpoint.
    #[serde(default)]
    #[ts(optional)]
    pub checkpoint: Option<String>,
}

/// An export done (file written and logged).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportResult {
    pub path: String,
    pub form_id: String,
    pub rows: u32,
    pub masking: MaskPreset,
}

/// The first rows of a form as they will be exported (masked, mapped, as text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FormPreview {
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// One export log entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportLogEntry {
    pub id: String,
    /// When (UTC, ISO 8601).
    pub at: String,
    /// Who.
    pub actor: String,
    pub form_id: String,
    pub form_name: String,
    /// The filters as JSON text.
    pub filters: String,
    pub rows: u32,
    pub masking: MaskPreset,
    pub file_name: String,
}

/// The 情况汇报 to write as a Word document: the date and the text as edited.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SituationReportExport {
    /// YYYY-MM-DD; none is today's statistical date.
    #[serde(default)]
    #[ts(optional)]
    pub date: Option<String>,
    /// The paragraphs, one per line.
    pub text: String,
}

/// A file written by an export, whose folder to show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExportPath {
    pub path: String,
}
