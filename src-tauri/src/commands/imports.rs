//! 导入: lists sent down (xlsx / xls / ods / csv) — dry run, commit, history, undo, mappings.

use gridledger::api::{
    IdArg, ImportLogEntry, ImportLogQuery, ImportMapping, ImportMappingQuery, ImportOutcome,
    ImportPreview, ImportRequest, IpcError, PreviewRowsPage, PreviewRowsQuery,
};
use gridledger::imports::{self, CommitOptions};
use gridledger::store::Actor;
use tauri::State;

use crate::ipc::Input;
use crate::AppState;

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

#[tauri::command]
pub async fn commit_import(
    state: State<'_, AppState>,
    input: Input<ImportRequest>,
) -> Result<ImportOutcome, IpcError> {
    let Input(req) = input;
    state
        .run(move |l| {
            let mut done = imports::commit(l, &Actor::desktop(), &req, &CommitOptions::default())?;
            done.preview = imports::page_preview(done.preview, imports::FIRST_PAGE);
            Ok(done)
        })
        .await
}

/// The rejected rows as an xlsx (its bytes), to save and send back.
#[tauri::command]
pub async fn import_error_report(
    state: State<'_, AppState>,
    input: Input<ImportRequest>,
) -> Result<Vec<u8>, IpcError> {
    let Input(req) = input;
    state
        .run(move |l| {
            let preview = imports::preview(l.conn(), &req)?;
            imports::error_report(&req, &preview)
        })
        .await
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
