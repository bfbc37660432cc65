//! 导入: lists sent down (xlsx / xls / ods / csv) — dry run, commit, history, undo, mappings.

use gridledger::api::{
    IdArg, ImportLogEntry, ImportLogQuery, ImportMapping, ImportMappingQuery, ImportOutcome,
    ImportPreview, ImportRequest, IpcError, JobProgress, PreviewRowsPage, PreviewRowsQuery,
    StagedFile,
};
use gridledger::imports::{self, CommitOptions};
use gridledger::store::Actor;
use gridledger::Error;
use tauri::ipc::Channel;
use tauri::State;

use crate::ipc::{to_ipc_error, Input};
use crate::AppState;

/// The header naming a staged file: its name, percent-encoded (headers are ASCII).
pub const FILE_NAME_HEADER: &str = "x-file-name";

/// Stage a chosen file once for the wizard's previews, commit and error report: its bytes
/// come as the raw request body (no JSON number per byte), its name in
/// [`FILE_NAME_HEADER`]. A webview that cannot send a raw body sends a JSON array of
/// bytes instead; both are accepted.
#[tauri::command]
pub async fn stage_import_file(request: tauri::ipc::Request<'_>) -> Result<StagedFile, IpcError> {
    let invalid =
        |message: &str, zh: &str| to_ipc_error(Error::invalid("import.file", message, zh));
    let name = request
        .headers()
        .get(FILE_NAME_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(percent_decode)
        .filter(|n| !n.trim().is_empty())
        .ok_or_else(|| invalid("no file name header", "缺少文件名"))?;
    let bytes = match request.body() {
        tauri::ipc::InvokeBody::Raw(bytes) => bytes.clone(),
        tauri::ipc::InvokeBody::Json(value) => serde_json::from_value::<Vec<u8>>(value.clone())
            .map_err(|_| invalid("the body is not the file's bytes", "文件内容格式不正确"))?,
    };
    gridledger::imports::stage(&name, bytes).map_err(to_ipc_error)
}

/// `encodeURIComponent` undone; a malformed escape is kept as written.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (
            b[i],
            b.get(i + 1).copied().and_then(hex),
            b.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[tauri::command]
pub async fn preview_import(
    state: State<'_, AppState>,
    input: Input<ImportRequest>,
) -> Result<ImportPreview, IpcError> {
    let Input(req) = input;
    state
        .run(move |l| {
            imports::preview(l.conn(), &req).map(|p| imports::page_preview(p, imports::FIRST_PAGE))
        })
        .await
}

/// One page of a preview's rows (only errors, …); the preview sends only its first page.
#[tauri::command]
pub async fn import_preview_rows(
    state: State<'_, AppState>,
    input: Input<PreviewRowsQuery>,
) -> Result<PreviewRowsPage, IpcError> {
    let Input(q) = input;
    state.run(move |_| imports::preview_rows(&q)).await
}

/// Commit an import, reporting `{done, total: 100}` on `on_progress` as it goes.
#[tauri::command]
pub async fn commit_import(
    state: State<'_, AppState>,
    input: Input<ImportRequest>,
    on_progress: Channel<JobProgress>,
) -> Result<ImportOutcome, IpcError> {
    let Input(req) = input;
    state
        .run(move |l| {
            // A closed window drops the channel; the import goes on regardless.
            let mut done = imports::commit_with_progress(
                l,
                &Actor::desktop(),
                &req,
                &CommitOptions::default(),
                &mut |p| {
                    let _ = on_progress.send(p);
                },
            )?;
            done.preview = imports::page_preview(done.preview, imports::FIRST_PAGE);
            Ok(done)
        })
        .await
}

/// The rejected rows as an xlsx, to save and send back: its bytes as the raw response
/// (an `ArrayBuffer` in the webview, not a JSON number per byte).
#[tauri::command]
pub async fn import_error_report(
    state: State<'_, AppState>,
    input: Input<ImportRequest>,
) -> Result<tauri::ipc::Response, IpcError> {
    let Input(req) = input;
    state
        .run(move |l| {
            let preview = imports::preview(l.conn(), &req)?;
            imports::error_report(&req, &preview)
        })
        .await
        .map(tauri::ipc::Response::new)
}

#[tauri::command]
pub async fn list_imports(
    state: State<'_, AppState>,
    input: Input<ImportLogQuery>,
) -> Result<Vec<ImportLogEntry>, IpcError> {
    let Input(q) = input;
    let limit = if q.limit == 0 { 50 } else { q.limit };
    state
        .run(move |l| imports::list_imports(l.conn(), limit))
        .await
}

#[tauri::command]
pub async fn undo_import(state: State<'_, AppState>, input: Input<IdArg>) -> Result<(), IpcError> {
    let Input(IdArg { id }) = input;
    state
        .run(move |l| l.write(&Actor::desktop(), |tx| imports::undo_import(tx, &id)))
        .await
}

#[tauri::command]
pub async fn save_import_mapping(
    state: State<'_, AppState>,
    input: Input<ImportMapping>,
) -> Result<(), IpcError> {
    let Input(m) = input;
    state
        .run(move |l| l.write(&Actor::desktop(), |tx| imports::save_mapping(tx, &m)))
        .await
}

#[tauri::command]
pub async fn get_import_mapping(
    state: State<'_, AppState>,
    input: Input<ImportMappingQuery>,
) -> Result<Option<ImportMapping>, IpcError> {
    let Input(q) = input;
    state
        .run(move |l| imports::get_mapping(l.conn(), &q.source, q.kind))
        .await
}

#[tauri::command]
pub async fn list_import_mappings(
    state: State<'_, AppState>,
) -> Result<Vec<ImportMapping>, IpcError> {
    state.run(move |l| imports::list_mappings(l.conn())).await
}
