//! IPC types of the gate module (卡口 / 门岗): checkpoints, gate checks, the day view.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A checkpoint (卡口): a gate of an estate, a road block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Checkpoint {
    pub id: String,
    pub name: String,
    pub place: Option<String>,
    pub note: Option<String>,
}

/// Arguments of `add_checkpoint`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewCheckpoint {
    pub name: String,
    #[ts(optional)]
    #[serde(default)]
    pub place: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub note: Option<String>,
}

/// A visitor not in the register, as typed at the gate.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Visitor {
    pub name: String,
    #[ts(optional)]
    #[serde(default)]
    pub phone: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub id_number: Option<String>,
    /// Why they come (探亲, 送货, 就医, …).
    #[ts(optional)]
    #[serde(default)]
    pub reason: Option<String>,
}

/// Arguments of `add_gate_check`: one entry, a person of the register (`person_id`) or a
/// visitor, with the temperature as typed ("36.5"). `checked_at` defaults to now.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewGateCheck {
    pub checkpoint_id: String,
    #[ts(optional)]
    #[serde(default)]
    pub person_id: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub visitor: Option<Visitor>,
    pub temperature: String,
    /// Local time "YYYY-MM-DD HH:MM" or "YYYY-MM-DD HH:MM:SS"; none is now.
    #[ts(optional)]
    #[serde(default)]
    pub checked_at: Option<String>,
    /// Where a refused entry is sent (default: 社区卫生服务中心发热门诊).
    #[ts(optional)]
    #[serde(default)]
    pub referral: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub checked_by: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub note: Option<String>,
}

/// What saving a gate check did: admitted or refused, and the fever event raised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GateCheckOutcome {
    pub id: String,
    pub admitted: bool,
    pub fever_event_id: Option<String>,
    /// The person the check is recorded against (a visitor with a fever is registered).
    pub person_id: Option<String>,
}

/// One gate check as listed. ID numbers and phones are masked for the screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GateCheck {
    pub id: String,
    pub checkpoint_id: String,
    pub checkpoint_name: String,
    pub person_id: Option<String>,
    /// The person's name, or the visitor's.
    pub name: String,
    pub visitor: bool,
    pub id_number: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub reason: Option<String>,
    pub temperature: String,
    pub fever: bool,
    pub admitted: bool,
    pub referral: Option<String>,
    pub fever_event_id: Option<String>,
    /// "YYYY-MM-DD HH:MM:SS".
    pub checked_at: String,
    pub note: Option<String>,
}

/// Arguments of `gate_day`: one calendar day, at one checkpoint or all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GateDayQuery {
    /// YYYY-MM-DD; none is today.
    #[ts(optional)]
    #[serde(default)]
    pub date: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub checkpoint_id: Option<String>,
}

/// Counts of one checkpoint (or all) on one day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GateCounts {
    pub checked: u32,
    pub visitors: u32,
    pub fever: u32,
    pub refused: u32,
}

/// A checkpoint's counts on the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckpointDay {
    pub checkpoint: Checkpoint,
    pub counts: GateCounts,
}

/// The day view: counts per checkpoint, the total, entries per hour 0–23 and the
/// entries themselves (newest first), for the chosen checkpoint or all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GateDay {
    pub date: String,
    pub checkpoints: Vec<CheckpointDay>,
    pub total: GateCounts,
    /// 24 numbers: entries checked in hour 0 … 23.
    pub per_hour: Vec<u32>,
    pub checks: Vec<GateCheck>,
}

/// The 首页 card: today's gate checks over all checkpoints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GateSummary {
    pub date: String,
    pub checkpoints: u32,
    pub counts: GateCounts,
}

/// Arguments of `void_gate_check`: an entry typed wrongly (a misread thermometer, the wrong
/// person) is voided with the reason, not edited: the audit log keeps what was typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VoidGateCheck {
    pub id: String,
    pub reason: String,
}
