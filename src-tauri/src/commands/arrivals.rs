//! 返乡摸排 · 风险地区 · 密切接触者: arrivals, risk areas and close contacts.

use gridledger::api::{
    Arrival, ArrivalFilter, ArrivalPage, ArrivalUpdate, ContactChain, ContactFilter, ContactPage,
    HouseholdContacts, HouseholdContactsSummary, IdArg, IpcError, NewArrival, NewContact,
    NewRiskArea, RegisterArrival, RescreenArrivals, RescreenSummary, RiskArea, RiskAreaUpdate,
};
use gridledger::arrivals::{self, today};
use gridledger::contacts;
use gridledger::store::Actor;
use tauri::State;

use crate::ipc::Input;
use crate::AppState;

#[tauri::command]
pub async fn list_arrivals(
    state: State<'_, AppState>,
    input: Input<ArrivalFilter>,
) -> Result<ArrivalPage, IpcError> {
    let Input(filter) = input;
    state
        .run(move |l| arrivals::list_arrivals(l.conn(), &filter))
        .await
}

/// Register an arrival; returns it as read back (origin class, risk areas derived).
#[tauri::command]
pub async fn add_arrival(
    state: State<'_, AppState>,
    input: Input<NewArrival>,
) -> Result<Arrival, IpcError> {
    let Input(new) = input;
    state
        .run(move |l| {
            let id = l.write(&Actor::desktop(), |tx| {
                arrivals::add_arrival(tx, &new, today())
            })?;
            arrivals::get_arrival(l.conn(), &id)
        })
        .await
}

#[tauri::command]
pub async fn update_arrival(
    state: State<'_, AppState>,
    input: Input<ArrivalUpdate>,
) -> Result<Arrival, IpcError> {
    let Input(ArrivalUpdate { id, arrival }) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                arrivals::update_arrival(tx, &id, &arrival, today())
            })?;
            arrivals::get_arrival(l.conn(), &id)
        })
        .await
}

#[tauri::command]
pub async fn delete_arrival(
    state: State<'_, AppState>,
    input: Input<IdArg>,
) -> Result<(), IpcError> {
    let Input(IdArg { id }) = input;
    state
        .run(move |l| l.write(&Actor::desktop(), |tx| arrivals::delete_arrival(tx, &id)))
        .await
}

#[tauri::command]
pub async fn list_risk_areas(state: State<'_, AppState>) -> Result<Vec<RiskArea>, IpcError> {
    state
        .run(move |l| arrivals::list_risk_areas(l.conn(), today()))
        .await
}

#[tauri::command]
pub async fn add_risk_area(
    state: State<'_, AppState>,
    input: Input<NewRiskArea>,
) -> Result<String, IpcError> {
    let Input(area) = input;
    state
        .run(move |l| l.write(&Actor::desktop(), |tx| arrivals::add_risk_area(tx, &area)))
        .await
}

#[tauri::command]
pub async fn update_risk_area(
    state: State<'_, AppState>,
    input: Input<RiskAreaUpdate>,
) -> Result<(), IpcError> {
    let Input(RiskAreaUpdate { id, area }) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                arrivals::update_risk_area(tx, &id, &area)
            })
        })
        .await
}

#[tauri::command]
pub async fn delete_risk_area(
    state: State<'_, AppState>,
    input: Input<IdArg>,
) -> Result<(), IpcError> {
    let Input(IdArg { id }) = input;
    state
        .run(move |l| l.write(&Actor::desktop(), |tx| arrivals::delete_risk_area(tx, &id)))
        .await
}

#[tauri::command]
pub async fn add_contact(
    state: State<'_, AppState>,
    input: Input<NewContact>,
) -> Result<String, IpcError> {
    let Input(contact) = input;
    state
        .run(move |l| l.write(&Actor::desktop(), |tx| contacts::add_contact(tx, &contact)))
        .await
}

#[tauri::command]
pub async fn add_household_contacts(
    state: State<'_, AppState>,
    input: Input<HouseholdContacts>,
) -> Result<HouseholdContactsSummary, IpcError> {
    let Input(action) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                contacts::add_household_contacts(tx, &action)
            })
        })
        .await
}

#[tauri::command]
pub async fn delete_contact(
    state: State<'_, AppState>,
    input: Input<IdArg>,
) -> Result<(), IpcError> {
    let Input(IdArg { id }) = input;
    state
        .run(move |l| l.write(&Actor::desktop(), |tx| contacts::delete_contact(tx, &id)))
        .await
}

#[tauri::command]
pub async fn list_contacts(
    state: State<'_, AppState>,
    input: Input<ContactFilter>,
) -> Result<ContactPage, IpcError> {
    let Input(filter) = input;
    state
        .run(move |l| contacts::list_contacts(l.conn(), &filter))
        .await
}

#[tauri::command]
pub async fn contact_chain(
    state: State<'_, AppState>,
    input: Input<IdArg>,
) -> Result<ContactChain, IpcError> {
    let Input(IdArg { id }) = input;
    state
        .run(move |l| contacts::contact_chain(l.conn(), &id))
        .await
}

/// One click: a re-screening sweep over the homes of every arrival the filter matches.
#[tauri::command]
pub async fn rescreen_arrivals(
    state: State<'_, AppState>,
    input: Input<RescreenArrivals>,
) -> Result<RescreenSummary, IpcError> {
    let Input(request) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                arrivals::rescreen_arrivals(tx, &request)
            })
        })
        .await
}

/// A person met at the door and their arrival, in one write (both or neither).
#[tauri::command]
pub async fn register_arrival(
    state: State<'_, AppState>,
    input: Input<RegisterArrival>,
) -> Result<Arrival, IpcError> {
    let Input(request) = input;
    state
        .run(move |l| {
            let id = l.write(&Actor::desktop(), |tx| {
                arrivals::register_arrival(tx, &request, today())
            })?;
            arrivals::get_arrival(l.conn(), &id)
        })
        .await
}
