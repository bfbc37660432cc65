//! 每日统计 and 情况汇报: the day's numbers, the 30-day trend and the narrative draft.

use gridledger::api::{DailyStats, IpcError, SituationReport, StatsDateArg, TrendPoint};
use gridledger::stats;
use tauri::State;

use crate::ipc::Input;
use crate::AppState;

#[tauri::command]
pub async fn daily_stats(
    state: State<'_, AppState>,
    input: Input<StatsDateArg>,
) -> Result<DailyStats, IpcError> {
    let Input(arg) = input;
    state
        .run(move |l| {
            let on = stats::resolve_date(l.conn(), arg.date.as_deref())?;
            stats::daily_stats(l.conn(), on)
        })
        .await
}

#[tauri::command]
pub async fn daily_trend(
    state: State<'_, AppState>,
    input: Input<StatsDateArg>,
) -> Result<Vec<TrendPoint>, IpcError> {
    let Input(arg) = input;
    state
        .run(move |l| {
            let on = stats::resolve_date(l.conn(), arg.date.as_deref())?;
            stats::daily_trend(l.conn(), on)
        })
        .await
}

#[tauri::command]
pub async fn situation_report(
    state: State<'_, AppState>,
    input: Input<StatsDateArg>,
) -> Result<SituationReport, IpcError> {
    let Input(arg) = input;
    state
        .run(move |l| {
            let on = stats::resolve_date(l.conn(), arg.date.as_deref())?;
            stats::narrative::situation_report(l.conn(), on)
        })
        .await
}
