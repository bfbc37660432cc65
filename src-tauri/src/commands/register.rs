use chrono::Local;
use gridledger::api::{
    BulkBuilding, BulkBuildingSummary, ChildrenQuery, HouseholdRow, HouseholdsQuery, IdArg,
    IdNumberArg, IdNumberInfo, IpcError, MergePeople, NewWorker, PersonDetail, PersonFilter,
    PersonHit, PersonInput, PersonPage, RegisterNode, RevealedPerson, SearchQuery, Worker,
};
use gridledger::store::Actor;
use gridledger::{register, search};
use tauri::State;

use crate::ipc::Input;
use crate::AppState;

fn today() -> chrono::NaiveDate {
    Local::now().date_naive()
}

#[tauri::command]
pub async fn register_children(
    state: State<'_, AppState>,
    input: Input<ChildrenQuery>,
) -> Result<Vec<RegisterNode>, IpcError> {
    let Input(q) = input;
    state
        .run(move |l| register::children(l.conn(), q.level, q.parent_id.as_deref()))
        .await
}

#[tauri::command]
pub async fn register_households(
    state: State<'_, AppState>,
    input: Input<HouseholdsQuery>,
) -> Result<Vec<HouseholdRow>, IpcError> {
    let Input(q) = input;
    state
        .run(move |l| register::households_of(l.conn(), q.level, &q.id))
        .await
}

#[tauri::command]
pub async fn list_people(
    state: State<'_, AppState>,
    input: Input<PersonFilter>,
) -> Result<PersonPage, IpcError> {
    let Input(filter) = input;
    state
        .run(move |l| register::list_people(l.conn(), &filter))
        .await
}

#[tauri::command]
pub async fn get_person(
    state: State<'_, AppState>,
    input: Input<IdArg>,
) -> Result<PersonDetail, IpcError> {
    let Input(IdArg { id }) = input;
    state
        .run(move |l| register::person_for_screen(l.conn(), &id, today()))
        .await
}

#[tauri::command]
pub async fn reveal_person(
    state: State<'_, AppState>,
    input: Input<IdArg>,
) -> Result<RevealedPerson, IpcError> {
    let Input(IdArg { id }) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                register::reveal_person(tx, &id, today())
            })
        })
        .await
}

#[tauri::command]
pub async fn inspect_id_number(
    state: State<'_, AppState>,
    input: Input<IdNumberArg>,
) -> Result<IdNumberInfo, IpcError> {
    let Input(IdNumberArg { id_number }) = input;
    state
        .run(move |l| register::inspect_id_number(l.conn(), &id_number, today()))
        .await
}

#[tauri::command]
pub async fn add_person(
    state: State<'_, AppState>,
    input: Input<PersonInput>,
) -> Result<PersonDetail, IpcError> {
    let Input(person) = input;
    state
        .run(move |l| {
            let id = l.write(&Actor::desktop(), |tx| {
                register::add_person(tx, &person.as_new_person())
            })?;
            register::person_for_screen(l.conn(), &id, today())
        })
        .await
}

#[tauri::command]
pub async fn search_people(
    state: State<'_, AppState>,
    input: Input<SearchQuery>,
) -> Result<Vec<PersonHit>, IpcError> {
    let Input(q) = input;
    state
        .run(move |l| {
            let limit = if q.limit == 0 { 20 } else { q.limit.min(200) };
            let hits = search::search_people(l.conn(), &q.query, limit, q.offset)?;
            Ok(register::hits_for_screen(hits))
        })
        .await
}

#[tauri::command]
pub async fn bulk_create_building(
    state: State<'_, AppState>,
    input: Input<BulkBuilding>,
) -> Result<BulkBuildingSummary, IpcError> {
    let Input(building) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                register::bulk_create_building(tx, &building)
            })
        })
        .await
}

/// Merge `removeId` into `keepId` (two records of the same person); answers the kept
/// person as the drawer shows it.
#[tauri::command]
pub async fn merge_people(
    state: State<'_, AppState>,
    input: Input<MergePeople>,
) -> Result<PersonDetail, IpcError> {
    let Input(m) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                register::merge_people(tx, &m.keep_id, &m.remove_id, &m.reason)
            })?;
            register::person_for_screen(l.conn(), &m.keep_id, today())
        })
        .await
}

#[tauri::command]
pub async fn list_workers(state: State<'_, AppState>) -> Result<Vec<Worker>, IpcError> {
    state.run(|l| register::list_workers(l.conn())).await
}

/// Register a grid worker; answers the new worker.
#[tauri::command]
pub async fn add_worker(
    state: State<'_, AppState>,
    input: Input<NewWorker>,
) -> Result<Worker, IpcError> {
    let Input(w) = input;
    state
        .run(move |l| {
            let id = l.write(&Actor::desktop(), |tx| {
                register::add_worker(tx, &w.name, w.phone.as_deref())
            })?;
            register::list_workers(l.conn())?
                .into_iter()
                .find(|w| w.id == id)
                .ok_or(gridledger::Error::NotFound {
                    entity: "worker",
                    id,
                })
        })
        .await
}
