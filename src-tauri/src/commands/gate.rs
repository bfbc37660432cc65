//! 卡口 · 门岗: checkpoints, gate checks, the day view and the 首页 card.

use gridledger::api::{
    Checkpoint, GateCheck, GateCheckOutcome, GateDay, GateDayQuery, GateSummary, IdArg, IpcError,
    NewCheckpoint, NewGateCheck, VoidGateCheck,
};
use gridledger::gate;
use gridledger::store::Actor;
use tauri::State;

use crate::ipc::Input;
use crate::AppState;

/// Gate days are calendar days.
fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

#[tauri::command]
pub async fn list_checkpoints(state: State<'_, AppState>) -> Result<Vec<Checkpoint>, IpcError> {
    state.run(move |l| gate::list_checkpoints(l.conn())).await
}

#[tauri::command]
pub async fn add_checkpoint(
    state: State<'_, AppState>,
    input: Input<NewCheckpoint>,
) -> Result<Vec<Checkpoint>, IpcError> {
    let Input(new) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| gate::add_checkpoint(tx, &new))?;
            gate::list_checkpoints(l.conn())
        })
        .await
}

#[tauri::command]
pub async fn add_gate_check(
    state: State<'_, AppState>,
    input: Input<NewGateCheck>,
) -> Result<GateCheckOutcome, IpcError> {
    let Input(new) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                gate::add_gate_check(tx, &new, gate::now())
            })
        })
        .await
}

/// Void an entry typed wrongly, with the reason (and its open fever event).
#[tauri::command]
pub async fn void_gate_check(
    state: State<'_, AppState>,
    input: Input<VoidGateCheck>,
) -> Result<(), IpcError> {
    let Input(v) = input;
    state
        .run(move |l| l.write(&Actor::desktop(), |tx| gate::void_gate_check(tx, &v)))
        .await
}

#[tauri::command]
pub async fn gate_day(
    state: State<'_, AppState>,
    input: Input<GateDayQuery>,
) -> Result<GateDay, IpcError> {
    let Input(q) = input;
    state
        .run(move |l| gate::gate_day(l.conn(), &q, today()))
        .await
}

#[tauri::command]
pub async fn person_gate_checks(
    state: State<'_, AppState>,
    input: Input<IdArg>,
) -> Result<Vec<GateCheck>, IpcError> {
    let Input(arg) = input;
    state
        .run(move |l| gate::person_gate_checks(l.conn(), &arg.id, 50))
        .await
}

#[tauri::command]
pub async fn gate_summary(state: State<'_, AppState>) -> Result<GateSummary, IpcError> {
    state
        .run(move |l| gate::gate_summary(l.conn(), today()))
        .await
}
