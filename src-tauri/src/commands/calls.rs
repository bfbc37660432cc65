//! Commands of the calls module: 电话核实 · 境外人员跟踪.

use gridledger::api::{
    BulkCallTargets, BulkCallTargetsOutcome, CallCandidate, CallCounts, CallList, CallListQuery,
    CallPolicy, CallTarget, CallTargetDetail, CallTargetFilter, IdArg, IpcError, NewCall,
    NewCallTarget,
};
use gridledger::settings::Settings;
use gridledger::store::{Actor, Ledger};
use gridledger::{arrivals, calls, Result};
use tauri::State;

use crate::ipc::Input;
use crate::AppState;

/// The statistical date: after the cut-off, today's work is tomorrow's.
fn statistical_date(ledger: &Ledger) -> Result<chrono::NaiveDate> {
    Ok(Settings::load(ledger.conn())?.statistical_date(chrono::Local::now().naive_local()))
}

#[tauri::command]
pub async fn call_policy(state: State<'_, AppState>) -> Result<CallPolicy, IpcError> {
    state.run(move |l| calls::call_policy(l.conn())).await
}

#[tauri::command]
pub async fn set_call_policy(
    state: State<'_, AppState>,
    input: Input<CallPolicy>,
) -> Result<CallPolicy, IpcError> {
    let Input(policy) = input;
    state
        .run(move |l| l.write(&Actor::desktop(), |tx| calls::set_call_policy(tx, &policy)))
        .await
}

#[tauri::command]
pub async fn call_list(
    state: State<'_, AppState>,
    input: Input<CallListQuery>,
) -> Result<CallList, IpcError> {
    let Input(query) = input;
    state
        .run(move |l| {
            let on = match query.on.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                Some(raw) => arrivals::date_field("on", "日期", raw)?,
                None => statistical_date(l)?,
            };
            calls::call_list(l.conn(), on)
        })
        .await
}

#[tauri::command]
pub async fn list_call_targets(
    state: State<'_, AppState>,
    input: Input<CallTargetFilter>,
) -> Result<Vec<CallTarget>, IpcError> {
    let Input(filter) = input;
    state
        .run(move |l| calls::list_call_targets(l.conn(), &filter))
        .await
}

#[tauri::command]
pub async fn call_target_detail(
    state: State<'_, AppState>,
    input: Input<IdArg>,
) -> Result<CallTargetDetail, IpcError> {
    let Input(IdArg { id }) = input;
    state
        .run(move |l| l.write(&Actor::desktop(), |tx| calls::call_target_detail(tx, &id)))
        .await
}

#[tauri::command]
pub async fn add_call_target(
    state: State<'_, AppState>,
    input: Input<NewCallTarget>,
) -> Result<CallTarget, IpcError> {
    let Input(new) = input;
    state
        .run(move |l| {
            let id = l.write(&Actor::desktop(), |tx| {
                calls::add_call_target(tx, &new, arrivals::today())
            })?;
            calls::get_call_target(l.conn(), &id)
        })
        .await
}

#[tauri::command]
pub async fn add_call_targets(
    state: State<'_, AppState>,
    input: Input<BulkCallTargets>,
) -> Result<BulkCallTargetsOutcome, IpcError> {
    let Input(bulk) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                calls::add_call_targets(tx, &bulk, arrivals::today())
            })
        })
        .await
}

#[tauri::command]
pub async fn delete_call_target(
    state: State<'_, AppState>,
    input: Input<IdArg>,
) -> Result<(), IpcError> {
    let Input(IdArg { id }) = input;
    state
        .run(move |l| l.write(&Actor::desktop(), |tx| calls::delete_call_target(tx, &id)))
        .await
}

#[tauri::command]
pub async fn add_call(
    state: State<'_, AppState>,
    input: Input<NewCall>,
) -> Result<CallTarget, IpcError> {
    let Input(new) = input;
    state
        .run(move |l| {
            let now = chrono::Local::now().naive_local();
            l.write(&Actor::desktop(), |tx| calls::add_call(tx, &new, now))?;
            calls::get_call_target(l.conn(), new.target_id.trim())
        })
        .await
}

#[tauri::command]
pub async fn delete_call(state: State<'_, AppState>, input: Input<IdArg>) -> Result<(), IpcError> {
    let Input(IdArg { id }) = input;
    state
        .run(move |l| l.write(&Actor::desktop(), |tx| calls::delete_call(tx, &id)))
        .await
}

#[tauri::command]
pub async fn call_candidates(state: State<'_, AppState>) -> Result<Vec<CallCandidate>, IpcError> {
    state.run(move |l| calls::call_candidates(l.conn())).await
}

#[tauri::command]
pub async fn call_counts(state: State<'_, AppState>) -> Result<CallCounts, IpcError> {
    state
        .run(move |l| calls::call_counts(l.conn(), statistical_date(l)?))
        .await
}
