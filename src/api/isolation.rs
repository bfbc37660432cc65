//! Isolation (居家隔离 / 集中隔离 / 居家健康监测), health checks, fever events, the worklist.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Symptom;

/// 居家隔离 / 集中隔离 / 居家健康监测.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum IsolationKind {
    Home,
    Central,
    Monitoring,
}

stored_codes!(IsolationKind {
    Home => "home", "居家隔离";
    Central => "central", "集中隔离";
    Monitoring => "monitoring", "居家健康监测";
});

/// What an isolation's day 1 counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StartRule {
    /// The arrival date (到达之日).
    Arrival,
    /// The last contact with the index person (最后接触之日).
    LastContact,
    /// The day they left the risk area (离开风险地区之日).
    Departure,
    /// A date typed by hand.
    Manual,
}

stored_codes!(StartRule {
    Arrival => "arrival";
    LastContact => "last_contact";
    Departure => "departure";
    Manual => "manual";
});

/// The policy for one kind of isolation. Applies to isolations started after it is set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KindPolicy {
    pub kind: IsolationKind,
    /// Length in days (14 in the source document; later rules used 7 or 7+7).
    pub days: u32,
    /// What day 1 counts from for an isolation started from an arrival (`arrival` or
    /// `departure`); one started from a contact always counts from the last contact.
    pub start_rule: StartRule,
    /// Health checks per day (2: 上午 / 下午).
    pub checks_per_day: u32,
    /// Follow-up calls after release, in days after the release (e.g. 1, 2, 3, 7, 14).
    pub follow_up_days: Vec<u32>,
}

/// The isolation policy: one entry per kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IsolationPolicy {
    pub kinds: Vec<KindPolicy>,
}

/// 未开始 / 隔离中 / 已解除 / 已转送 / 失访 — derived from the dates and how it ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum IsolationStatus {
    NotStarted,
    Active,
    Released,
    /// Sent to hospital or to central isolation, or left the area.
    Transferred,
    Lost,
}

impl IsolationStatus {
    pub fn label_zh(self) -> &'static str {
        match self {
            IsolationStatus::NotStarted => "未开始",
            IsolationStatus::Active => "隔离中",
            IsolationStatus::Released => "已解除",
            IsolationStatus::Transferred => "已转送",
            IsolationStatus::Lost => "失访",
        }
    }
}

/// How an isolation ended: 解除, 转送就医, 转集中隔离, 离开本地, 失访.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EndReason {
    Released,
    Hospital,
    Central,
    Left,
    Lost,
}

stored_codes!(EndReason {
    Released => "released", "解除隔离";
    Hospital => "hospital", "转送就医";
    Central => "central", "转集中隔离";
    Left => "left", "离开本地";
    Lost => "lost", "失访";
});

/// Arguments of `propose_isolation`: the dates the policy gives for a person, from an
/// arrival or a contact when there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IsolationSource {
    pub person_id: String,
    pub kind: IsolationKind,
    #[ts(optional)]
    #[serde(default)]
    pub arrival_id: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub contact_id: Option<String>,
}

/// What the policy proposes; the form shows it and the worker may change the dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IsolationProposal {
    pub kind: IsolationKind,
    pub start_rule: StartRule,
    pub start_date: String,
    pub days: u32,
    pub planned_end: String,
    pub checks_per_day: u32,
    pub follow_up_days: Vec<u32>,
}

/// A new isolation. Without `start_date` / `days` the policy's are used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewIsolation {
    pub person_id: String,
    pub kind: IsolationKind,
    #[ts(optional)]
    #[serde(default)]
    pub arrival_id: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub contact_id: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub start_date: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub days: Option<u32>,
    #[ts(optional)]
    #[serde(default)]
    pub place: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub responsible_worker_id: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub note: Option<String>,
}

/// An isolation as the screens show it, on the statistical date it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Isolation {
    pub id: String,
    pub person_id: String,
    pub person_name: String,
    pub id_number_masked: Option<String>,
    pub phone_masked: Option<String>,
    pub address: Option<String>,
    pub kind: IsolationKind,
    pub start_rule: StartRule,
    pub arrival_id: Option<String>,
    pub contact_id: Option<String>,
    pub start_date: String,
    pub days: u32,
    pub planned_end: String,
    pub checks_per_day: u32,
    pub follow_up_days: Vec<u32>,
    pub status: IsolationStatus,
    /// Day N of `days` on the date read (0 before it starts; `days` after the end).
    pub day: u32,
    pub ended_on: Option<String>,
    pub end_reason: Option<EndReason>,
    pub plan_reason: Option<String>,
    pub place: Option<String>,
    pub note: Option<String>,
    /// Checks recorded so far.
    pub checks_done: u32,
    /// Checks missing on days before the date read (gaps), and on the date read in slots
    /// already past are not counted: the day is not over.
    pub checks_missing: u32,
    /// Fever events of this isolation not yet handled.
    pub open_fevers: u32,
}

/// Arguments of `replan_isolation`: a new length, only with a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Replan {
    pub id: String,
    pub days: u32,
    pub reason: String,
}

/// Arguments of `end_isolation`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EndIsolation {
    pub id: String,
    pub on: String,
    pub reason: EndReason,
    #[ts(optional)]
    #[serde(default)]
    pub by: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub note: Option<String>,
}

/// Arguments of `release_isolations`: release many at once, on one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BulkRelease {
    pub ids: Vec<String>,
    pub on: String,
    #[ts(optional)]
    #[serde(default)]
    pub by: Option<String>,
}

/// One isolation that bulk release left alone, and why (Chinese, for the screen).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReleaseRefusal {
    pub id: String,
    pub person_name: String,
    pub reason_zh: String,
}

/// What bulk release did: those released, and those refused with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BulkReleaseOutcome {
    pub released: Vec<String>,
    pub refused: Vec<ReleaseRefusal>,
}

/// Arguments of `list_isolations`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct IsolationFilter {
    #[ts(optional)]
    pub status: Option<IsolationStatus>,
    #[ts(optional)]
    pub kind: Option<IsolationKind>,
    /// Only isolations with checks due on this date (active on it).
    #[ts(optional)]
    pub due: Option<String>,
    /// Only isolations whose last day is this date.
    #[ts(optional)]
    pub ending: Option<String>,
    #[ts(optional)]
    pub person_id: Option<String>,
    /// The date statuses and day numbers are computed on (default: the statistical date).
    #[ts(optional)]
    pub on: Option<String>,
    pub offset: u32,
    pub limit: u32,
}

/// A page of isolations and the total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IsolationPage {
    pub rows: Vec<Isolation>,
    pub total: u32,
}

/// 上门 / 电话 / 自报.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CheckMethod {
    Visit,
    Phone,
    SelfReport,
}

stored_codes!(CheckMethod {
    Visit => "visit";
    Phone => "phone";
    SelfReport => "self";
});

/// One health check as typed. The temperature as typed ("36.8").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewCheck {
    pub isolation_id: String,
    pub date: String,
    pub slot: u32,
    #[ts(optional)]
    #[serde(default)]
    pub temperature: Option<String>,
    #[serde(default)]
    pub symptoms: Vec<Symptom>,
    pub method: CheckMethod,
    #[ts(optional)]
    #[serde(default)]
    pub checked_by: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub note: Option<String>,
}

/// Arguments of `add_checks`: a round of checks recorded together (a building's column of
/// temperatures), in one transaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CheckRound {
    pub checks: Vec<NewCheck>,
}

/// What recording checks did: the check ids and the fever events raised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckRoundOutcome {
    pub checks: Vec<String>,
    pub fevers: Vec<String>,
}

/// A health check as read back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HealthCheck {
    pub id: String,
    pub isolation_id: String,
    pub date: String,
    pub slot: u32,
    pub temperature: Option<String>,
    pub fever: bool,
    pub symptoms: Vec<Symptom>,
    pub method: CheckMethod,
    pub checked_by_name: Option<String>,
    pub checked_at: String,
    pub note: Option<String>,
}

/// One day of a person's monitoring grid: a cell per slot, empty when missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MonitoringDay {
    pub date: String,
    pub day: u32,
    pub slots: Vec<Option<HealthCheck>>,
}

/// A person's monitoring grid: days × slots of one isolation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MonitoringGrid {
    pub isolation: Isolation,
    pub days: Vec<MonitoringDay>,
}

/// 正常 / 居家观察 / 疑似 / 确诊 / 其他: the clinic's answer to a fever referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FeverResult {
    Normal,
    Observe,
    Suspected,
    Confirmed,
    Other,
}

stored_codes!(FeverResult {
    Normal => "normal";
    Observe => "observe";
    Suspected => "suspected";
    Confirmed => "confirmed";
    Other => "other";
});

/// A fever event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FeverEvent {
    pub id: String,
    pub person_id: String,
    pub person_name: String,
    pub address: Option<String>,
    pub isolation_id: Option<String>,
    pub health_check_id: Option<String>,
    /// The gate check (卡口) that found the fever, when it was found at a gate.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gate_check_id: Option<String>,
    pub temperature: String,
    pub detected_at: String,
    pub handled_on: Option<String>,
    pub referral: Option<String>,
    pub result: Option<FeverResult>,
    pub note: Option<String>,
}

/// Arguments of `handle_fever`: referred where, with what result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HandleFever {
    pub id: String,
    pub on: String,
    pub referral: String,
    pub result: FeverResult,
    #[ts(optional)]
    #[serde(default)]
    pub by: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub note: Option<String>,
}

/// A follow-up call due after a release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FollowUpDue {
    pub isolation_id: String,
    pub person_id: String,
    pub person_name: String,
    pub phone_masked: Option<String>,
    pub released_on: String,
    /// Days after the release.
    pub day: u32,
    pub due_on: String,
}

/// Arguments of `record_follow_up`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewFollowUp {
    pub isolation_id: String,
    pub day: u32,
    pub done_on: String,
    pub well: bool,
    #[ts(optional)]
    #[serde(default)]
    pub worker_id: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub note: Option<String>,
}

/// Checks due today for one isolation: the slots still empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DueCheck {
    pub isolation: Isolation,
    pub missing_slots: Vec<u32>,
}

/// A grid worker's morning: everything due on the statistical date, without searching.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Worklist {
    pub date: String,
    /// Checks due today, per isolation with the empty slots.
    pub due: Vec<DueCheck>,
    /// Counts of due checks per slot (index 0 = slot 1).
    pub due_per_slot: Vec<u32>,
    /// Isolations with checks missing on earlier days.
    pub overdue: Vec<Isolation>,
    pub ending_today: Vec<Isolation>,
    pub ending_tomorrow: Vec<Isolation>,
    /// Past their last day and not yet released.
    pub release_due: Vec<Isolation>,
    pub fevers: Vec<FeverEvent>,
    pub follow_ups: Vec<FollowUpDue>,
}

/// Arguments of `building_round`: the people of a building in isolation on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RoundQuery {
    pub building_id: String,
    pub date: String,
    pub slot: u32,
}

/// One line of a building's round: an isolation and the check already recorded, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoundRow {
    pub isolation: Isolation,
    pub check: Option<HealthCheck>,
}
