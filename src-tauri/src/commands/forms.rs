//! 报表导出: form definitions with their validation state, preview, export (to
//! `<data dir>/exports/`), the export log.

use gridledger::api::{
    ExportLogEntry, ExportRequest, ExportResult, FormPreview, FormSummary, IpcError,
};
use gridledger::forms;
use gridledger::store::Actor;
use serde::Deserialize;
use tauri::State;

use crate::ipc::Input;
use crate::AppState;

/// How many rows a preview shows.
const PREVIEW_ROWS: u32 = 20;

#[tauri::command]
pub async fn list_forms(state: State<'_, AppState>) -> Result<Vec<FormSummary>, IpcError> {
    state
        .run(move |l| Ok(forms::list_forms(Some(&forms::data_dir_of(l)))))
        .await
}

#[tauri::command]
pub async fn preview_form(
    state: State<'_, AppState>,
    input: Input<ExportRequest>,
) -> Result<FormPreview, IpcError> {
    let Input(req) = input;
    state
        .run(move |l| forms::preview_form(l, &req, PREVIEW_ROWS))
        .await
}

#[tauri::command]
pub async fn export_form(
    state: State<'_, AppState>,
    input: Input<ExportRequest>,
) -> Result<ExportResult, IpcError> {
    let Input(req) = input;
    state
        .run(move |l| forms::export_to_data_dir(l, &Actor::desktop(), &req))
        .await
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LogQuery {
    #[serde(default)]
    pub limit: Option<u32>,
}

#[tauri::command]
pub async fn export_log(
    state: State<'_, AppState>,
    input: Input<LogQuery>,
) -> Result<Vec<ExportLogEntry>, IpcError> {
    let Input(q) = input;
    state
        .run(move |l| forms::export_log(l.conn(), q.limit.unwrap_or(50).min(500)))
        .await
}
