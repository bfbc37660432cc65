//! IPC types of the calls module: phone verification of people away and abroad
//! (电话核实 · 境外人员跟踪).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Place, ResidenceStatus};

macro_rules! coded {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $code:literal / $zh:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The code stored in the ledger.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }

            pub fn label_zh(self) -> &'static str {
                match self {
                    $($name::$variant => $zh),+
                }
            }
        }
    };
}

coded! {
    /// Why someone is away: 旅游 / 留学 / 务工 / 探亲 / 其他.
    CallReason {
        Tourism = "tourism" / "旅游",
        Study = "study" / "留学",
        Work = "work" / "务工",
        Family = "family" / "探亲",
        Other = "other" / "其他",
    }
}

coded! {
    /// How the call was made: 电话 / 微信 / 上门 / 亲属转告.
    CallChannel {
        Phone = "phone" / "电话",
        Wechat = "wechat" / "微信",
        Visit = "visit" / "上门",
        Relative = "relative" / "亲属转告",
    }
}

coded! {
    /// The outcome of one call, from a fixed list. The first three reached the person;
    /// the others did not, and schedule a retry.
    CallOutcome {
        NotReturning = "not_returning" / "已接通-暂不返回",
        PlansReturn = "plans_return" / "已接通-计划返回",
        Returned = "returned" / "已接通-已返回",
        NoAnswer = "no_answer" / "无人接听",
        PoweredOff = "powered_off" / "关机",
        VacantNumber = "vacant_number" / "空号",
        Suspended = "suspended" / "停机",
        Rejected = "rejected" / "拒接",
        WrongNumber = "wrong_number" / "号码错误",
    }
}

impl CallOutcome {
    /// Whether the call reached the person (已接通).
    pub fn reached(self) -> bool {
        matches!(
            self,
            CallOutcome::NotReturning | CallOutcome::PlansReturn | CallOutcome::Returned
        )
    }
}

coded! {
    /// A target's state, derived from its calls (and a linked arrival), never typed.
    CallState {
        Pending = "pending" / "待核实",
        NotReturning = "not_returning" / "已联系-暂不返回",
        PlansReturn = "plans_return" / "计划返回",
        Returned = "returned" / "已返回",
        Retry = "retry" / "待重拨",
        Lost = "lost" / "失联",
    }
}

coded! {
    /// Why a target is on the call list of a day.
    CallDueKind {
        First = "first" / "首次核实",
        Retry = "retry" / "到期重拨",
        Reverify = "reverify" / "定期复核",
        ExpectedReturn = "expected_return" / "预计返回",
        RegisterArrival = "register_arrival" / "待登记返乡",
    }
}

/// The call policy (a setting): when to retry an unreachable target and how often, when to
/// re-verify those not coming back, and the window around a planned return.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CallPolicy {
    /// Retry an unreachable target this many days after the failed call (1 = next day).
    pub retry_after_days: u32,
    /// After this many unreachable calls in a row the target is 失联 (for escalation).
    pub max_tries: u32,
    /// Re-verify someone abroad who is not coming back every this many days.
    pub reverify_abroad_days: u32,
    /// Re-verify someone away in another city every this many days (0: never).
    pub reverify_away_days: u32,
    /// A planned return is on the list from this many days before the planned date.
    pub return_window_days: u32,
}

/// A new call target: someone away or abroad. Dates are YYYY-MM-DD.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct NewCallTarget {
    pub person_id: String,
    /// Where they are: a region or a country (as an arrival's origin).
    #[ts(optional)]
    pub place: Option<Place>,
    /// The city (or address) as text.
    #[ts(optional)]
    pub city: Option<String>,
    #[ts(optional)]
    pub reason: Option<CallReason>,
    #[ts(optional)]
    pub away_since: Option<String>,
    /// A mainland number; when blank the register's number is called.
    #[ts(optional)]
    pub phone: Option<String>,
    /// A number abroad: +<country code> and digits.
    #[ts(optional)]
    pub foreign_phone: Option<String>,
    #[ts(optional)]
    pub relative_name: Option<String>,
    #[ts(optional)]
    pub relative_phone: Option<String>,
    /// Defaults to the household's responsible worker.
    #[ts(optional)]
    pub responsible_worker_id: Option<String>,
    #[ts(optional)]
    pub note: Option<String>,
}

/// Many targets at once from a filtered list of people (the same reason and place).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct BulkCallTargets {
    pub person_ids: Vec<String>,
    #[ts(optional)]
    pub place: Option<Place>,
    #[ts(optional)]
    pub reason: Option<CallReason>,
    #[ts(optional)]
    pub responsible_worker_id: Option<String>,
}

/// What a bulk add did: the targets added, and the people skipped because they already
/// have an open target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BulkCallTargetsOutcome {
    pub added: Vec<String>,
    pub skipped: Vec<String>,
}

/// One call as logged. `calledAt` is a date or a date and time (default: now).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewCall {
    pub target_id: String,
    #[serde(default)]
    #[ts(optional)]
    pub called_at: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub worker_id: Option<String>,
    /// Default 电话.
    #[serde(default)]
    #[ts(optional)]
    pub channel: Option<CallChannel>,
    pub outcome: CallOutcome,
    /// With 已接通-计划返回: the planned date.
    #[serde(default)]
    #[ts(optional)]
    pub planned_return_on: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub return_route: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub return_transport_no: Option<String>,
    /// Work and life where they are.
    #[serde(default)]
    #[ts(optional)]
    pub life_status: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub health: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub note: Option<String>,
}

/// A call target as the lists show it, with its derived state and due date. Phones masked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallTarget {
    pub id: String,
    pub person_id: String,
    pub person_name: String,
    pub residence_status: ResidenceStatus,
    pub address: Option<String>,
    pub place: Option<Place>,
    /// "韩国 首尔", "湖北省武汉市 汉口".
    pub place_name: String,
    pub city: Option<String>,
    /// Outside the mainland (境外).
    pub abroad: bool,
    pub reason: CallReason,
    pub away_since: Option<String>,
    pub phone_masked: Option<String>,
    pub foreign_phone_masked: Option<String>,
    pub relative_name: Option<String>,
    pub relative_phone_masked: Option<String>,
    pub responsible_worker_id: Option<String>,
    pub responsible_worker_name: Option<String>,
    pub note: Option<String>,
    pub state: CallState,
    pub calls: u32,
    pub last_called_on: Option<String>,
    pub last_outcome: Option<CallOutcome>,
    /// Unreachable calls since the last time the person was reached.
    pub failed_tries: u32,
    pub planned_return_on: Option<String>,
    /// The next day the target is due, with why; none when closed or lost.
    pub due_on: Option<String>,
    pub due_kind: Option<CallDueKind>,
    /// The arrival that brought them home.
    pub arrival_id: Option<String>,
    pub arrived_on: Option<String>,
    pub created_on: String,
}

/// One call, as the history shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallRecord {
    pub id: String,
    pub target_id: String,
    pub called_at: String,
    pub worker_id: Option<String>,
    pub worker_name: Option<String>,
    pub channel: CallChannel,
    pub outcome: CallOutcome,
    pub planned_return_on: Option<String>,
    pub return_route: Option<String>,
    pub return_transport_no: Option<String>,
    pub life_status: Option<String>,
    pub health: Option<String>,
    pub note: Option<String>,
}

/// A target with its whole history, oldest call first, and its numbers in full (the view
/// is audited).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallTargetDetail {
    pub target: CallTarget,
    pub phone: Option<String>,
    pub foreign_phone: Option<String>,
    pub relative_phone: Option<String>,
    pub calls: Vec<CallRecord>,
}

/// Which targets to list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct CallTargetFilter {
    #[ts(optional)]
    pub state: Option<CallState>,
    /// Only those due on or before this date.
    #[ts(optional)]
    pub due: Option<String>,
    #[ts(optional)]
    pub person_id: Option<String>,
    /// The targets as they stood at the end of this day: later calls and arrivals left
    /// out (default: as they stand now).
    #[ts(optional)]
    pub on: Option<String>,
}

/// The day's call list: targets due (first calls, retries, re-verifications, expected
/// returns, returns to register) and those lost, for escalation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallList {
    pub date: String,
    pub due: Vec<CallTarget>,
    pub lost: Vec<CallTarget>,
}

/// People away or abroad in the register who have no open target yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallCandidate {
    pub person_id: String,
    pub name: String,
    pub residence_status: ResidenceStatus,
    pub current_location: Option<String>,
    pub phone_masked: Option<String>,
    pub address: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallOutcomeCount {
    pub outcome: CallOutcome,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallStateCount {
    pub state: CallState,
    pub count: u32,
}

/// The 首页's card: live targets, by the outcome of their latest call and by state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallCounts {
    pub targets: u32,
    pub abroad: u32,
    pub called: u32,
    pub by_outcome: Vec<CallOutcomeCount>,
    pub by_state: Vec<CallStateCount>,
    pub due_today: u32,
}

/// Arguments of `call_list`: the date (default: the statistical date).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct CallListQuery {
    #[ts(optional)]
    pub on: Option<String>,
}
