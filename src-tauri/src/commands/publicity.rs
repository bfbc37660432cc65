//! 宣传: the publicity log and its totals.

use gridledger::api::{IdArg, IpcError, NewPublicity, Publicity, PublicityRange, PublicityTotals};
use gridledger::publicity;
use gridledger::store::Actor;
use tauri::State;

use crate::ipc::Input;
use crate::AppState;

#[tauri::command]
pub async fn add_publicity(
    state: State<'_, AppState>,
    input: Input<NewPublicity>,
) -> Result<String, IpcError> {
    let Input(new) = input;
    state
        .run(move |l| l.write(&Actor::desktop(), |tx| publicity::add_publicity(tx, &new)))
        .await
}

#[tauri::command]
pub async fn delete_publicity(
    state: State<'_, AppState>,
    input: Input<IdArg>,
) -> Result<(), IpcError> {
    let Input(arg) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                publicity::delete_publicity(tx, &arg.id)
            })
        })
        .await
}

#[tauri::command]
pub async fn list_publicity(
    state: State<'_, AppState>,
    input: Input<PublicityRange>,
) -> Result<Vec<Publicity>, IpcError> {
    let Input(range) = input;
    state
        .run(move |l| publicity::list_publicity(l.conn(), &range))
        .await
}

#[tauri::command]
pub async fn publicity_totals(
    state: State<'_, AppState>,
    input: Input<PublicityRange>,
) -> Result<PublicityTotals, IpcError> {
    let Input(range) = input;
    state
        .run(move |l| publicity::publicity_totals(l.conn(), &range))
        .await
}
