use gridledger::api::{AppInfo, IpcError, SetHomeRegion, SetLedgerName};
use gridledger::store::Actor;
use gridledger::{settings, summary};
use tauri::State;

use crate::ipc::Input;
use crate::AppState;

#[tauri::command]
pub async fn set_ledger_name(
    state: State<'_, AppState>,
    input: Input<SetLedgerName>,
) -> Result<AppInfo, IpcError> {
    let Input(SetLedgerName { name }) = input;
    state
        .run(move |ledger| {
            ledger.write(&Actor::desktop(), |tx| settings::set_ledger_name(tx, &name))?;
            summary::app_info(ledger)
        })
        .await
}

/// Set the ledger's home region (arrivals are 省内 / 省外 against it).
#[tauri::command]
pub async fn set_home_region(
    state: State<'_, AppState>,
    input: Input<SetHomeRegion>,
) -> Result<AppInfo, IpcError> {
    let Input(SetHomeRegion { code }) = input;
    state
        .run(move |ledger| {
            ledger.write(&Actor::desktop(), |tx| settings::set_home_region(tx, &code))?;
            summary::app_info(ledger)
        })
        .await
}
