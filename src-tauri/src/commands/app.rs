use gridledger::api::{AppInfo, DashboardCounts, IpcError};
use gridledger::summary;
use tauri::State;

use crate::AppState;

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, IpcError> {
    state.run(|ledger| summary::app_info(ledger)).await
}

#[tauri::command]
pub async fn dashboard_counts(state: State<'_, AppState>) -> Result<DashboardCounts, IpcError> {
    state
        .run(|ledger| summary::dashboard_counts(ledger.conn()))
        .await
}
