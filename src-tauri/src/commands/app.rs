use gridledger::api::{AppInfo, DashboardCounts, IpcError, JobProgress};
use gridledger::store::Actor;
use gridledger::{demo, summary};
use tauri::ipc::Channel;
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

/// Fill an empty ledger with the demo community, reporting progress on `on_progress`.
#[tauri::command]
pub async fn load_demo(
    state: State<'_, AppState>,
    on_progress: Channel<JobProgress>,
) -> Result<DashboardCounts, IpcError> {
    state
        .run(move |ledger| {
            // A closed window drops the channel; the load goes on regardless.
            demo::load_with_progress(ledger, &Actor::desktop(), &mut |p| {
                let _ = on_progress.send(p);
            })?;
            summary::dashboard_counts(ledger.conn())
        })
        .await
}
