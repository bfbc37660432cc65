//! 居家隔离 · 健康监测: isolations, health checks, fever events, the worklist.

use gridledger::api::{
    BulkRelease, BulkReleaseOutcome, CheckRound, CheckRoundOutcome, EndIsolation, FeverEvent,
    HandleFever, IdArg, IpcError, Isolation, IsolationFilter, IsolationPage, IsolationPolicy,
    IsolationProposal, IsolationSource, MonitoringGrid, NewFollowUp, NewIsolation, Replan,
    RoundQuery, RoundRow, Worklist,
};
use gridledger::isolation;
use gridledger::settings::Settings;
use gridledger::store::{Actor, Ledger};
use gridledger::Result;
use tauri::State;

use crate::ipc::Input;
use crate::AppState;

/// The statistical date: after the cut-off, today's work is tomorrow's.
fn statistical_date(ledger: &Ledger) -> Result<chrono::NaiveDate> {
    Ok(Settings::load(ledger.conn())?.statistical_date(chrono::Local::now().naive_local()))
}

/// The calendar date, for what cannot be in the future.
fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

#[tauri::command]
pub async fn isolation_policy(state: State<'_, AppState>) -> Result<IsolationPolicy, IpcError> {
    state
        .run(move |l| isolation::isolation_policy(l.conn()))
        .await
}

#[tauri::command]
pub async fn set_isolation_policy(
    state: State<'_, AppState>,
    input: Input<IsolationPolicy>,
) -> Result<IsolationPolicy, IpcError> {
    let Input(policy) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                isolation::set_isolation_policy(tx, &policy)
            })
        })
        .await
}

#[tauri::command]
pub async fn propose_isolation(
    state: State<'_, AppState>,
    input: Input<IsolationSource>,
) -> Result<IsolationProposal, IpcError> {
    let Input(source) = input;
    state
        .run(move |l| isolation::propose_isolation(l.conn(), &source, today()))
        .await
}

#[tauri::command]
pub async fn start_isolation(
    state: State<'_, AppState>,
    input: Input<NewIsolation>,
) -> Result<Isolation, IpcError> {
    let Input(new) = input;
    state
        .run(move |l| {
            let id = l.write(&Actor::desktop(), |tx| {
                isolation::start_isolation(tx, &new, today())
            })?;
            isolation::get_isolation(l.conn(), &id, statistical_date(l)?)
        })
        .await
}

#[tauri::command]
pub async fn list_isolations(
    state: State<'_, AppState>,
    input: Input<IsolationFilter>,
) -> Result<IsolationPage, IpcError> {
    let Input(filter) = input;
    state
        .run(move |l| isolation::list_isolations(l.conn(), &filter, statistical_date(l)?))
        .await
}

#[tauri::command]
pub async fn replan_isolation(
    state: State<'_, AppState>,
    input: Input<Replan>,
) -> Result<Isolation, IpcError> {
    let Input(replan) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                isolation::replan_isolation(tx, &replan)
            })?;
            isolation::get_isolation(l.conn(), &replan.id, statistical_date(l)?)
        })
        .await
}

#[tauri::command]
pub async fn end_isolation(
    state: State<'_, AppState>,
    input: Input<EndIsolation>,
) -> Result<Isolation, IpcError> {
    let Input(end) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| isolation::end_isolation(tx, &end))?;
            isolation::get_isolation(l.conn(), &end.id, statistical_date(l)?)
        })
        .await
}

#[tauri::command]
pub async fn release_isolations(
    state: State<'_, AppState>,
    input: Input<BulkRelease>,
) -> Result<BulkReleaseOutcome, IpcError> {
    let Input(release) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                isolation::release_isolations(tx, &release)
            })
        })
        .await
}

#[tauri::command]
pub async fn add_checks(
    state: State<'_, AppState>,
    input: Input<CheckRound>,
) -> Result<CheckRoundOutcome, IpcError> {
    let Input(round) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                isolation::add_checks(tx, &round, today())
            })
        })
        .await
}

#[tauri::command]
pub async fn monitoring_grid(
    state: State<'_, AppState>,
    input: Input<IdArg>,
) -> Result<MonitoringGrid, IpcError> {
    let Input(IdArg { id }) = input;
    state
        .run(move |l| isolation::monitoring_grid(l.conn(), &id, statistical_date(l)?))
        .await
}

#[tauri::command]
pub async fn handle_fever(
    state: State<'_, AppState>,
    input: Input<HandleFever>,
) -> Result<FeverEvent, IpcError> {
    let Input(handle) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| isolation::handle_fever(tx, &handle))?;
            isolation::checks::fever_event(l.conn(), &handle.id)
        })
        .await
}

#[tauri::command]
pub async fn worklist(state: State<'_, AppState>) -> Result<Worklist, IpcError> {
    state
        .run(move |l| isolation::worklist(l.conn(), statistical_date(l)?))
        .await
}

#[tauri::command]
pub async fn record_follow_up(
    state: State<'_, AppState>,
    input: Input<NewFollowUp>,
) -> Result<(), IpcError> {
    let Input(follow_up) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                isolation::record_follow_up(tx, &follow_up)
            })
        })
        .await
}

#[tauri::command]
pub async fn building_round(
    state: State<'_, AppState>,
    input: Input<RoundQuery>,
) -> Result<Vec<RoundRow>, IpcError> {
    let Input(query) = input;
    state
        .run(move |l| isolation::building_round(l.conn(), &query))
        .await
}
