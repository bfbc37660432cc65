//! 入户摸排: screening sweeps, their progress per building, and the status of each
//! household, recorded one by one or for many households at once.

use chrono::Local;
use gridledger::api::{
    IdArg, IpcError, NewSweep, RecordSweepVisit, RecordSweepVisits, Sweep, SweepHousehold,
    SweepHouseholdsQuery, SweepProgress, SweepVisit,
};
use gridledger::store::Actor;
use gridledger::{sweep, Error};
use tauri::State;

use crate::ipc::Input;
use crate::AppState;

#[tauri::command]
pub async fn list_sweeps(state: State<'_, AppState>) -> Result<Vec<Sweep>, IpcError> {
    state.run(|l| sweep::list_sweeps(l.conn())).await
}

#[tauri::command]
pub async fn create_sweep(
    state: State<'_, AppState>,
    input: Input<NewSweep>,
) -> Result<Sweep, IpcError> {
    let Input(new) = input;
    state
        .run(move |l| {
            let id = l.write(&Actor::desktop(), |tx| sweep::create_sweep(tx, &new))?;
            sweep::get_sweep(l.conn(), &id)
        })
        .await
}

#[tauri::command]
pub async fn sweep_progress(
    state: State<'_, AppState>,
    input: Input<IdArg>,
) -> Result<SweepProgress, IpcError> {
    let Input(IdArg { id }) = input;
    state
        .run(move |l| sweep::sweep_progress(l.conn(), &id))
        .await
}

#[tauri::command]
pub async fn sweep_households(
    state: State<'_, AppState>,
    input: Input<SweepHouseholdsQuery>,
) -> Result<Vec<SweepHousehold>, IpcError> {
    let Input(q) = input;
    state
        .run(move |l| sweep::sweep_households(l.conn(), &q))
        .await
}

/// The status of one household, recorded as of now.
#[tauri::command]
pub async fn record_sweep_visit(
    state: State<'_, AppState>,
    input: Input<RecordSweepVisit>,
) -> Result<SweepVisit, IpcError> {
    let Input(v) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                sweep::record_visit(
                    tx,
                    &v.sweep_id,
                    &v.household_id,
                    v.status,
                    Local::now().naive_local(),
                    v.worker_id.as_deref(),
                    v.note.as_deref(),
                )
            })?;
            sweep::visit_of(l.conn(), &v.sweep_id, &v.household_id)?.ok_or(Error::NotFound {
                entity: "sweep_visit",
                id: v.household_id,
            })
        })
        .await
}

/// One status for many households, as of now, in one transaction; answers how many.
#[tauri::command]
pub async fn record_sweep_visits(
    state: State<'_, AppState>,
    input: Input<RecordSweepVisits>,
) -> Result<u32, IpcError> {
    let Input(v) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                sweep::record_visits(
                    tx,
                    &v.sweep_id,
                    &v.household_ids,
                    v.status,
                    Local::now().naive_local(),
                    v.worker_id.as_deref(),
                    v.note.as_deref(),
                )
            })
        })
        .await
}
