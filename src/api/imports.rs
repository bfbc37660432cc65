//! IPC types of the imports module (导入: lists sent down as xlsx / xls / ods / csv).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a list holds and where its rows go. A new kind is a field list
/// (`imports::fields`) and a row writer (`imports::commit`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    /// 户籍台账: people into the register.
    People,
    /// 返乡/外来名单: arrivals (the person matched or registered with them).
    Arrivals,
    /// 境外名单: call targets for 电话核实 (the person matched or registered with them).
    CallTargets,
    /// 密接名单: contacts (四同人员) of an index person, both matched or registered.
    Contacts,
}

impl ImportKind {
    pub fn code(self) -> &'static str {
        match self {
            ImportKind::People => "people",
            ImportKind::Arrivals => "arrivals",
            ImportKind::CallTargets => "call_targets",
            ImportKind::Contacts => "contacts",
        }
    }

    pub fn from_code(code: &str) -> Option<ImportKind> {
        match code {
            "people" => Some(ImportKind::People),
            "arrivals" => Some(ImportKind::Arrivals),
            "call_targets" => Some(ImportKind::CallTargets),
            "contacts" => Some(ImportKind::Contacts),
            _ => None,
        }
    }
}

/// A file to import and how to read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImportRequest {
    pub kind: ImportKind,
    /// The file name as chosen (its extension picks the reader: xlsx, xls, ods, csv).
    pub file_name: String,
    /// The file's bytes, when it was not staged.
    #[ts(as = "Option<Vec<u8>>", optional)]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bytes: Vec<u8>,
    /// The file staged once for several requests (`imports::stage`; the desktop's
    /// `stage_import_file`), instead of its bytes.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_id: Option<String>,
    /// The sheet by name, or by its 1-based position ("2"); the first sheet by default.
    #[ts(optional)]
    pub sheet: Option<String>,
    /// Field → column header, overriding the automatic mapping for those fields.
    #[ts(optional)]
    pub mapping: Option<BTreeMap<String, String>>,
    /// The year for dates written without one ("1月21日"); the statistical date's year
    /// by default.
    #[ts(optional)]
    pub default_year: Option<i32>,
    /// Create the household an address names ("12栋2单元301") when it is not registered
    /// (新建户): in its unit; in a new unit of its building; or, when the address names
    /// the estate ("春晖苑8栋2单元502"), in a new building and unit. Undone with the import.
    #[ts(optional)]
    #[serde(default)]
    pub create_households: Option<bool>,
}

/// One column of the chosen sheet and the field it was mapped to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportColumn {
    /// "C".
    pub letter: String,
    /// The header, flattened over merged header rows ("返回情况/返回时间").
    pub header: String,
    #[ts(optional)]
    pub field: Option<String>,
}

/// A field a kind takes, for the mapping step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportField {
    pub key: String,
    pub label_zh: String,
    pub required: bool,
}

/// What happens to one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RowStatus {
    /// Written on commit.
    Accepted,
    /// Nothing to write: the person (people) or the arrival (arrivals) is already there.
    Unchanged,
    /// The same person appears earlier in the file; skipped.
    Duplicate,
    /// Refused, with the reason; listed in the error report.
    Error,
}

/// One row of the preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRow {
    /// The row number as the spreadsheet shows it (1-based).
    pub row: u32,
    pub status: RowStatus,
    pub name: String,
    /// A new person would be registered.
    pub new_person: bool,
    /// The person already registered that the row was matched to.
    #[ts(optional)]
    pub matched_person_id: Option<String>,
    /// A new arrival would be registered (arrivals).
    pub new_arrival: bool,
    /// The household the address was matched to.
    #[ts(optional)]
    pub household_id: Option<String>,
    /// The address names a household that the import creates (新建户).
    #[serde(default)]
    pub new_household: bool,
    /// Why the row is refused, skipped, or a note (an address not found), in Chinese.
    #[ts(optional)]
    pub message_zh: Option<String>,
    /// The cell at fault ("D7").
    #[ts(optional)]
    pub cell: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportCounts {
    pub rows: u32,
    pub accepted: u32,
    pub new_people: u32,
    pub matched_people: u32,
    pub new_arrivals: u32,
    /// Households created from addresses (新建户).
    #[serde(default)]
    pub new_households: u32,
    pub unchanged: u32,
    pub duplicates: u32,
    pub errors: u32,
}

/// The dry run: how the file was read and what each row would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    pub kind: ImportKind,
    pub sheets: Vec<String>,
    pub sheet: String,
    /// The header rows found (1-based); rows above them are titles.
    pub header_rows: Vec<u32>,
    pub columns: Vec<ImportColumn>,
    pub fields: Vec<ImportField>,
    /// Every row's plan — or, over IPC, only the first page of them: the rest are fetched
    /// by page with `import_preview_rows` and this `preview_id`.
    pub rows: Vec<PreviewRow>,
    pub counts: ImportCounts,
    /// Set when `rows` was cut to a page (`imports::page_preview`).
    #[ts(optional)]
    pub preview_id: Option<String>,
}

/// A committed import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportOutcome {
    pub import_id: String,
    pub preview: ImportPreview,
}

/// One entry of the import history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportLogEntry {
    pub id: String,
    pub kind: ImportKind,
    pub file_name: String,
    #[ts(optional)]
    pub sheet: Option<String>,
    pub imported_by: String,
    /// When, as stored (UTC, RFC 3339).
    pub imported_at: String,
    pub counts: ImportCounts,
    #[ts(optional)]
    pub undone_at: Option<String>,
}

/// A mapping saved for a source (the sender) and kind: field → column header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImportMapping {
    pub source: String,
    pub kind: ImportKind,
    pub columns: BTreeMap<String, String>,
}

/// Arguments of `list_imports`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImportLogQuery {
    /// At most this many, newest first (50 when 0).
    #[serde(default)]
    pub limit: u32,
}

/// Arguments of `get_import_mapping`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImportMappingQuery {
    pub source: String,
    pub kind: ImportKind,
}

/// Arguments of `import_preview_rows`: one page of a paged preview's rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PreviewRowsQuery {
    pub preview_id: String,
    /// Only rows with this status (e.g. only errors); every row when absent.
    #[ts(optional)]
    #[serde(default)]
    pub status: Option<RowStatus>,
    #[serde(default)]
    pub offset: u32,
    /// At most this many (50 when 0, 500 at most).
    #[serde(default)]
    pub limit: u32,
}

/// One page of a preview's rows, and how many rows the filter matches in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRowsPage {
    pub rows: Vec<PreviewRow>,
    pub total: u32,
}

/// A file kept for the requests that name it (`ImportRequest::file_id`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StagedFile {
    pub file_id: String,
    pub file_name: String,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub size: u64,
}
