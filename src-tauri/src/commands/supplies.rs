//! 物资发放: items, stock received, issues, follow-up visits, eligibility, 首页 counts.

use gridledger::api::{
    EligibleHousehold, EligibleQuery, IdArg, IpcError, NewSupplyFollowUp, NewSupplyIssue,
    NewSupplyItem, NewSupplyReceipt, SupplyCounts, SupplyEligibility, SupplyFollowUp, SupplyIssue,
    SupplyIssueFilter, SupplyIssuePage, SupplyItem, SupplyItemUpdate, SupplyReceipt,
};
use gridledger::settings::Settings;
use gridledger::store::{Actor, Ledger};
use gridledger::{supplies, Result};
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
pub async fn list_supply_items(state: State<'_, AppState>) -> Result<Vec<SupplyItem>, IpcError> {
    state.run(move |l| supplies::list_items(l.conn())).await
}

#[tauri::command]
pub async fn add_supply_item(
    state: State<'_, AppState>,
    input: Input<NewSupplyItem>,
) -> Result<SupplyItem, IpcError> {
    let Input(item) = input;
    state
        .run(move |l| {
            let id = l.write(&Actor::desktop(), |tx| supplies::add_item(tx, &item))?;
            supplies::get_item(l.conn(), &id)
        })
        .await
}

#[tauri::command]
pub async fn update_supply_item(
    state: State<'_, AppState>,
    input: Input<SupplyItemUpdate>,
) -> Result<SupplyItem, IpcError> {
    let Input(u) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                supplies::update_item(tx, &u.id, &u.item)
            })?;
            supplies::get_item(l.conn(), &u.id)
        })
        .await
}

#[tauri::command]
pub async fn delete_supply_item(
    state: State<'_, AppState>,
    input: Input<IdArg>,
) -> Result<(), IpcError> {
    let Input(IdArg { id }) = input;
    state
        .run(move |l| l.write(&Actor::desktop(), |tx| supplies::delete_item(tx, &id)))
        .await
}

#[tauri::command]
pub async fn list_supply_receipts(
    state: State<'_, AppState>,
    input: Input<IdArg>,
) -> Result<Vec<SupplyReceipt>, IpcError> {
    let Input(IdArg { id }) = input;
    state
        .run(move |l| supplies::list_receipts(l.conn(), &id))
        .await
}

#[tauri::command]
pub async fn add_supply_receipt(
    state: State<'_, AppState>,
    input: Input<NewSupplyReceipt>,
) -> Result<SupplyItem, IpcError> {
    let Input(r) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                supplies::add_receipt(tx, &r, today())
            })?;
            supplies::get_item(l.conn(), &r.item_id)
        })
        .await
}

#[tauri::command]
pub async fn delete_supply_receipt(
    state: State<'_, AppState>,
    input: Input<IdArg>,
) -> Result<(), IpcError> {
    let Input(IdArg { id }) = input;
    state
        .run(move |l| l.write(&Actor::desktop(), |tx| supplies::delete_receipt(tx, &id)))
        .await
}

#[tauri::command]
pub async fn list_supply_issues(
    state: State<'_, AppState>,
    input: Input<SupplyIssueFilter>,
) -> Result<SupplyIssuePage, IpcError> {
    let Input(filter) = input;
    state
        .run(move |l| supplies::list_issues(l.conn(), &filter))
        .await
}

#[tauri::command]
pub async fn add_supply_issue(
    state: State<'_, AppState>,
    input: Input<NewSupplyIssue>,
) -> Result<SupplyIssue, IpcError> {
    let Input(n) = input;
    state
        .run(move |l| {
            let id = l.write(&Actor::desktop(), |tx| supplies::add_issue(tx, &n, today()))?;
            supplies::get_issue(l.conn(), &id)
        })
        .await
}

#[tauri::command]
pub async fn delete_supply_issue(
    state: State<'_, AppState>,
    input: Input<IdArg>,
) -> Result<(), IpcError> {
    let Input(IdArg { id }) = input;
    state
        .run(move |l| l.write(&Actor::desktop(), |tx| supplies::delete_issue(tx, &id)))
        .await
}

#[tauri::command]
pub async fn list_supply_follow_ups(
    state: State<'_, AppState>,
    input: Input<IdArg>,
) -> Result<Vec<SupplyFollowUp>, IpcError> {
    let Input(IdArg { id }) = input;
    state
        .run(move |l| supplies::list_follow_ups(l.conn(), &id))
        .await
}

#[tauri::command]
pub async fn add_supply_follow_up(
    state: State<'_, AppState>,
    input: Input<NewSupplyFollowUp>,
) -> Result<Vec<SupplyFollowUp>, IpcError> {
    let Input(f) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                supplies::add_follow_up(tx, &f, today())
            })?;
            supplies::list_follow_ups(l.conn(), &f.issue_id)
        })
        .await
}

#[tauri::command]
pub async fn supply_eligibility(state: State<'_, AppState>) -> Result<SupplyEligibility, IpcError> {
    state.run(move |l| supplies::eligibility(l.conn())).await
}

#[tauri::command]
pub async fn set_supply_eligibility(
    state: State<'_, AppState>,
    input: Input<SupplyEligibility>,
) -> Result<SupplyEligibility, IpcError> {
    let Input(e) = input;
    state
        .run(move |l| l.write(&Actor::desktop(), |tx| supplies::set_eligibility(tx, &e)))
        .await
}

#[tauri::command]
pub async fn eligible_households(
    state: State<'_, AppState>,
    input: Input<EligibleQuery>,
) -> Result<Vec<EligibleHousehold>, IpcError> {
    let Input(q) = input;
    state
        .run(move |l| supplies::eligible_households(l.conn(), &q, statistical_date(l)?))
        .await
}

#[tauri::command]
pub async fn supply_counts(state: State<'_, AppState>) -> Result<SupplyCounts, IpcError> {
    state
        .run(move |l| supplies::supply_counts(l.conn(), statistical_date(l)?))
        .await
}
