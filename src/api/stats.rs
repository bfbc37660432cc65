//! IPC types of the daily statistics (每日统计) and the situation report (情况汇报).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{CallOutcome, CallState, PublicityKind};

/// 新增 / 累计: on the day, and up to and including the day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Flow {
    /// 新增: counted on the statistical date.
    pub new: u32,
    /// 累计: counted on or before the statistical date.
    pub total: u32,
}

/// 新增 / 累计 / 现有 / 解除 of something that starts and ends (an isolation).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Stock {
    /// 新增: started on the day.
    pub new: u32,
    /// 累计: started on or before the day.
    pub total: u32,
    /// 现有: started on or before the day and not ended by the end of it.
    pub current: u32,
    /// 解除: released on the day.
    pub released: u32,
    /// 累计解除: released on or before the day.
    pub released_total: u32,
}

/// Calls of one outcome: made on the day, and made up to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeFlow {
    pub outcome: CallOutcome,
    pub new: u32,
    pub total: u32,
}

/// Call targets in one state at the end of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StateCount {
    pub state: CallState,
    pub count: u32,
}

/// Publicity of one kind: items on the day and up to it, and people reached up to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PublicityFlow {
    pub kind: PublicityKind,
    pub new: u32,
    pub total: u32,
    /// Σ count × reach up to the day (members of the WeChat groups).
    pub reach_total: u32,
}

/// The day's numbers for one grid or for the whole ledger. Which date each counts on is
/// said in `stats` (module docs): business dates where the record has one, otherwise the
/// statistical date of its local timestamp (the cut-off applies).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatsNumbers {
    /// 外来人员 (arrivals), by `arrived_on`.
    pub arrivals: Flow,
    /// 省内.
    pub arrivals_same_province: Flow,
    /// 省外.
    pub arrivals_other_province: Flow,
    /// 境外.
    pub arrivals_outside: Flow,
    /// Origin given only as text.
    pub arrivals_unknown: Flow,
    /// From a risk area (in force on the departure date).
    pub arrivals_risk_area: Flow,
    /// 密切接触者, by `last_contact_on`.
    pub contacts: Flow,
    /// Contacts whose isolation is open at the end of the day (现有).
    pub contacts_isolated: u32,
    /// Isolations (all kinds), by `start_date` and `ended_on`.
    pub isolations: Stock,
    /// Calls made, by the statistical date of `called_at`.
    pub calls: Flow,
    pub calls_by_outcome: Vec<OutcomeFlow>,
    /// Call targets added up to the day, by state at the end of the day.
    pub targets: u32,
    pub targets_by_state: Vec<StateCount>,
    /// Gate checks (人次), by the statistical date of `checked_at`.
    pub gate_checks: Flow,
    /// Of them at or above the fever threshold.
    pub gate_fevers: Flow,
    /// Of them refused entry.
    pub gate_refused: Flow,
    /// Supply issues (户次), by `issued_on`.
    pub supply_issues: Flow,
    /// Their quantity (件).
    pub supply_quantity: Flow,
    /// Publicity by kind, by `done_on` (community-wide: only in the total).
    pub publicity: Vec<PublicityFlow>,
}

/// One grid's numbers. `grid_id` is `None` for records that belong to no grid (a visitor
/// at the gate, a person without a household).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GridStats {
    pub grid_id: Option<String>,
    /// "第一网格", or "未分网格".
    pub grid_name: String,
    pub numbers: StatsNumbers,
}

/// The daily statistics (疫情防控日报) of one statistical date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DailyStats {
    /// YYYY-MM-DD.
    pub date: String,
    /// The cut-off in force, "HH:MM".
    pub cutoff: String,
    /// 零报告: nothing new on the day (every 新增 and 解除 is zero). Still a valid report.
    pub nil_report: bool,
    /// Every live grid in set-up order, then "未分网格" when it has anything.
    pub grids: Vec<GridStats>,
    pub total: StatsNumbers,
}

/// One day of the trend (the totals).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrendPoint {
    pub date: String,
    pub arrivals_new: u32,
    pub arrivals_total: u32,
    pub isolations_current: u32,
    pub isolations_new: u32,
    pub calls_new: u32,
    pub gate_checks_new: u32,
    pub gate_fevers_new: u32,
}

/// Arguments of `daily_stats`, `daily_trend` and `situation_report`: the statistical date
/// (default: today's).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatsDateArg {
    #[ts(optional)]
    #[serde(default)]
    pub date: Option<String>,
}

/// The 情况汇报 draft and the WeChat summary of one date, generated from the numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SituationReport {
    pub date: String,
    /// The narrative (section 一 of the source document's style), paragraphs split by "\n".
    pub narrative: String,
    /// A short text for posting in a WeChat group.
    pub wechat: String,
}
