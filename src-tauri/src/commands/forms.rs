//! 报表导出: form definitions with their validation state, preview, export (to
//! `<data dir>/exports/`), the export log; the 情况汇报 as .docx; 打开文件夹 on an export.

use gridledger::api::{
    ExportLogEntry, ExportPath, ExportRequest, ExportResult, FormPreview, FormSummary, IpcError,
    SituationReportExport,
};
use gridledger::store::Actor;
use gridledger::{forms, stats};
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

/// Writes the 情况汇报 as edited to `<data dir>/exports/情况汇报-YYYY-MM-DD.docx` (replaced
/// when it exists) and logs the export.
#[tauri::command]
pub async fn export_situation_report_docx(
    state: State<'_, AppState>,
    input: Input<SituationReportExport>,
) -> Result<ExportResult, IpcError> {
    let Input(arg) = input;
    state
        .run(move |l| {
            let on = stats::resolve_date(l.conn(), arg.date.as_deref())?;
            stats::docx::export_situation_report(l, &Actor::desktop(), on, Some(&arg.text), None)
        })
        .await
}

/// Shows the folder of an exported file in the system's file manager (打开文件夹). Only
/// files under `<data dir>/exports/` are accepted.
#[tauri::command]
pub async fn open_export_folder(
    state: State<'_, AppState>,
    input: Input<ExportPath>,
) -> Result<(), IpcError> {
    let Input(arg) = input;
    state
        .run(move |l| {
            let dir = forms::export_folder(l, &arg.path)?;
            open_folder(&dir).map_err(|e| {
                gridledger::Error::invalid(
                    "export.path",
                    format!("cannot open {}: {e}", dir.display()),
                    format!("无法打开文件夹：{e}"),
                )
            })
        })
        .await
}

/// The platform's file manager on `dir`; the child is waited for on its own thread.
fn open_folder(dir: &std::path::Path) -> std::io::Result<()> {
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let mut child = std::process::Command::new(program).arg(dir).spawn()?;
    std::thread::spawn(move || {
        let _ = child.wait();
    });
    Ok(())
}
