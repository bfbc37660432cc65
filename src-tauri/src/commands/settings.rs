use gridledger::api::{AppInfo, IpcError, SetLedgerName};
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
