//! Types that cross the desktop IPC boundary.
//!
//! Every type the UI sees is defined here, derives `TS`, and is generated into
//! `ui/src/api/bindings/` (see `tests/it/bindings.rs`, which fails when the committed
//! files are stale and rewrites them with `UPDATE_BINDINGS=1`). camelCase on the wire.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// `ALL`, `code` (what the ledger stores), `from_code` and, given labels, `label_zh` of a
/// fieldless enum, from one table, so that the lists cannot disagree.
macro_rules! stored_codes {
    ($ty:ident { $($variant:ident => $code:literal $(, $label:literal)?;)+ }) => {
        impl $ty {
            pub const ALL: [$ty; [$(stringify!($variant)),+].len()] = [$($ty::$variant),+];

            /// The code stored in the ledger.
            pub fn code(self) -> &'static str {
                match self {
                    $($ty::$variant => $code,)+
                }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                match code {
                    $($code => Some($ty::$variant),)+
                    _ => None,
                }
            }

            stored_codes!(@labels $ty { $($variant $(, $label)?;)+ });
        }
    };
    (@labels $ty:ident { $($variant:ident, $label:literal;)+ }) => {
        pub fn label_zh(self) -> &'static str {
            match self {
                $($ty::$variant => $label,)+
            }
        }
    };
    (@labels $ty:ident { $($variant:ident;)+ }) => {};
}

// Later modules keep their types in files of their own under `src/api/`.
mod arrivals;
mod calls;
mod forms;
mod gate;
mod imports;
mod isolation;
mod publicity;
mod stats;
mod supplies;
mod work;
pub use arrivals::*;
pub use calls::*;
pub use forms::*;
pub use gate::*;
pub use imports::*;
pub use isolation::*;
pub use publicity::*;
pub use stats::*;
pub use supplies::*;
pub use work::*;

/// The error shape every IPC command returns: a stable `code` the UI branches on and
/// turns into Chinese text, and an English `message` for logs. The UI never parses
/// `message`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IpcError {
    pub code: ErrorCode,
    /// English, for logs and the CLI.
    pub message: String,
    /// A Chinese explanation of a validation failure from the core (e.g. which check of an
    /// ID number failed), shown under the code's own Chinese text. Never parsed.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail_zh: Option<String>,
}

/// The few error kinds the UI distinguishes. Add one only when the UI branches on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ErrorCode {
    /// Input failed validation at the boundary (a form field, malformed IPC arguments).
    InvalidInput,
    /// The thing asked for does not exist (or was deleted).
    NotFound,
    /// The ledger file was made by a newer GridLedger and is refused.
    LedgerTooNew,
    /// The ledger could not be opened: wrong key, not a ledger, damaged file.
    LedgerUnreadable,
    /// Anything else; the message says what, for the log.
    Internal,
}

/// Arguments of `set_ledger_name`: the ledger's display name (社区名称).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetLedgerName {
    pub name: String,
}

/// How far a long job (loading the demo, later imports and exports) has got: `done` of
/// `total` steps. Sent through a Tauri channel while the job runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JobProgress {
    pub done: u32,
    pub total: u32,
}

/// What the app shows in its header and About box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    /// The application's version (Cargo package version).
    pub version: String,
    /// The ledger's display name, e.g. "幸福社区".
    pub ledger_name: String,
    /// Absolute path of the ledger file.
    pub ledger_path: String,
    /// The schema version of the open ledger.
    pub schema_version: u32,
    /// Whether the ledger file is encrypted at rest.
    pub encrypted: bool,
    /// Today's statistical date (YYYY-MM-DD): after the cut-off, data counts for tomorrow.
    pub statistical_date: String,
    /// The statistical day's cut-off time, "HH:MM".
    pub statistical_cutoff: String,
    /// Modules the core provides; the UI hides menu entries for the others.
    pub modules: Vec<Module>,
    /// The ledger's home region (GB/T 2260), which arrivals are 省内 / 省外 against.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_region: Option<String>,
    /// Its full name, "安徽省淮南市田家庵区".
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_region_name: Option<String>,
}

/// The product's modules, in menu order. Only those in `AppInfo::modules` are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Module {
    Home,
    Residents,
    /// 入户摸排: screening sweeps over households.
    Sweeps,
    Arrivals,
    Contacts,
    Isolation,
    Calls,
    Gate,
    Supplies,
    WorkResumption,
    Publicity,
    Reports,
    Settings,
}

/// Live counts for the 首页, computed from records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DashboardCounts {
    pub statistical_date: String,
    pub communities: u32,
    pub grids: u32,
    pub estates: u32,
    pub buildings: u32,
    pub units: u32,
    pub households: u32,
    pub people: u32,
    /// People by residence status, every status present (zero included), in a fixed order.
    pub by_residence: Vec<ResidenceCount>,
    /// People per grid, in the order the grids were set up (第一网格 before 第二网格).
    pub by_grid: Vec<GridCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ResidenceCount {
    pub status: ResidenceStatus,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GridCount {
    pub grid_id: String,
    pub grid_name: String,
    pub community_name: String,
    pub households: u32,
    pub people: u32,
}

/// 户籍 / 常住 / 流动 / 外出 / 境外. Stored in the ledger as these snake_case codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ResidenceStatus {
    Hukou,
    Resident,
    Floating,
    Away,
    Abroad,
}

stored_codes!(ResidenceStatus {
    Hukou => "hukou";
    Resident => "resident";
    Floating => "floating";
    Away => "away";
    Abroad => "abroad";
});

// ---------------------------------------------------------------------------------------
// The residents register (人员台账): the tree, households, people, merges.

/// One node of the register tree (a community, grid, estate, building or unit) with the
/// number of its live children, so the tree knows whether to offer to expand it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RegisterNode {
    pub id: String,
    pub name: String,
    /// Live children one level down (for an estate: its buildings plus the households
    /// directly under it; for a unit: its households).
    pub children: u32,
}

/// A household as listed under a unit, a building or an estate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HouseholdRow {
    pub id: String,
    /// The full address, e.g. "幸福家园12栋2单元301" or "老街平房区3号".
    pub address: String,
    pub room: String,
    /// The name of the head of household (户主), when one is registered.
    pub head_name: Option<String>,
    /// Live people registered in the household.
    pub people: u32,
    /// The name of the responsible worker (包保责任人).
    pub responsible_worker: Option<String>,
}

/// Create a building with its units and every household in one go (楼栋批量生成).
/// Rooms are named by `room_format` (default `"{floor}{room:02}"`: 101, 102, … 1802);
/// `{unit}`, `{floor}` and `{room}` are the placeholders, `:02` pads with zeros.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BulkBuilding {
    pub estate_id: String,
    /// e.g. "12栋".
    pub building_name: String,
    /// First and last unit number: `1..=4` gives 1单元 … 4单元.
    pub units: std::ops::RangeInclusive<i32>,
    /// First and last floor.
    pub floors: std::ops::RangeInclusive<i32>,
    pub rooms_per_floor: i32,
    pub room_format: Option<String>,
    pub responsible_worker_id: Option<String>,
}

/// What a bulk creation made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BulkBuildingSummary {
    pub building_id: String,
    pub units: u32,
    pub households: u32,
}

/// A change to a person: `None` leaves a field as it is; for optional fields `Some("")`
/// clears it. Changing the ID number re-derives birth date, sex and native region.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonPatch {
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_number: Option<String>,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household_id: Option<String>,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<String>,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residence_status: Option<ResidenceStatus>,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_location: Option<String>,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// Everything about one person, with what is derived from the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonDetail {
    pub id: String,
    pub name: String,
    /// The document type, "resident_id" for a resident ID card.
    pub id_type: String,
    pub id_number: Option<String>,
    /// YYYY-MM-DD, derived from the ID number.
    pub birth_date: Option<String>,
    /// "male" / "female", derived from the ID number.
    pub sex: Option<String>,
    /// Age in whole years (周岁) on the date asked for.
    pub age: Option<u32>,
    /// The ID number's region code (籍贯地区码).
    pub native_region: Option<String>,
    pub phone: Option<String>,
    pub household_id: Option<String>,
    /// "幸福家园12栋2单元301", when the person belongs to a household.
    pub household_address: Option<String>,
    pub relation: Option<String>,
    pub residence_status: ResidenceStatus,
    pub current_location: Option<String>,
    pub notes: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub updated_by: String,
}

/// Which people to list; every location filter is optional and they combine with AND.
/// `limit` 0 means the default page size (50); at most 1000 rows come back at once.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct PersonFilter {
    pub grid_id: Option<String>,
    pub estate_id: Option<String>,
    pub building_id: Option<String>,
    pub unit_id: Option<String>,
    pub household_id: Option<String>,
    pub residence_status: Option<ResidenceStatus>,
    pub offset: u32,
    pub limit: u32,
}

/// A person in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonRow {
    pub id: String,
    pub name: String,
    /// The ID number masked for the screen (first 6 and last 4 characters).
    pub id_number_masked: Option<String>,
    pub sex: Option<String>,
    pub birth_date: Option<String>,
    /// The phone masked for the screen (138****1234).
    pub phone_masked: Option<String>,
    pub household_id: Option<String>,
    pub address: Option<String>,
    pub relation: Option<String>,
    pub residence_status: ResidenceStatus,
}

/// One page of a person list and how many match in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonPage {
    pub total: u32,
    pub rows: Vec<PersonRow>,
}

// ---------------------------------------------------------------------------------------
// Screening sweeps (摸排轮次).

/// The status of a household in a sweep. Stored as these snake_case codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SweepStatus {
    /// 已摸排
    Visited,
    /// 无人应答
    NoAnswer,
    /// 空置
    Vacant,
    /// 拒绝
    Refused,
}

stored_codes!(SweepStatus {
    Visited => "visited", "已摸排";
    NoAnswer => "no_answer", "无人应答";
    Vacant => "vacant", "空置";
    Refused => "refused", "拒绝";
});

/// A new sweep: a name, a start date (and optionally an end date) as YYYY-MM-DD (any
/// common Chinese date form is accepted), and a scope: a community, a grid, or neither
/// (the whole ledger).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct NewSweep {
    pub name: String,
    pub start_date: String,
    pub end_date: Option<String>,
    pub community_id: Option<String>,
    pub grid_id: Option<String>,
    pub note: Option<String>,
}

/// A sweep as read back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Sweep {
    pub id: String,
    pub name: String,
    pub start_date: String,
    pub end_date: Option<String>,
    pub community_id: Option<String>,
    pub grid_id: Option<String>,
    pub note: Option<String>,
}

/// How far a sweep has got in one building (or, for households outside buildings, one
/// estate or grid), or in total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BuildingProgress {
    /// The building's id; `None` for households outside buildings and for the total.
    pub building_id: Option<String>,
    /// The address prefix: "幸福家园12栋", "老街平房区", or "合计" for the total.
    pub building: String,
    pub households: u32,
    pub visited: u32,
    pub no_answer: u32,
    pub vacant: u32,
    pub refused: u32,
    /// Households of the scope with no status recorded yet.
    pub pending: u32,
    /// The estate of the building or of the households outside buildings; `None` for
    /// households directly under a grid and for the total.
    pub estate_id: Option<String>,
    /// The grid of the row; `None` for the total. With `building_id` and `estate_id` it
    /// names the row's households for `sweep_households`.
    pub grid_id: Option<String>,
}

/// A sweep's progress per building, in address order, and the totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SweepProgress {
    pub buildings: Vec<BuildingProgress>,
    pub total: BuildingProgress,
}

/// The current status of one household in one sweep.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SweepVisit {
    pub id: String,
    pub sweep_id: String,
    pub household_id: String,
    pub status: SweepStatus,
    /// Local time of the visit, "YYYY-MM-DD HH:MM:SS".
    pub visited_at: String,
    pub worker_id: Option<String>,
    pub note: Option<String>,
}

/// Arguments of `sweep_households`: the households of one row of a sweep's progress
/// (`building_id`; or, for households outside buildings, `estate_id` and `grid_id` as the
/// row gives them), or, with none of them, every household of the sweep.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SweepHouseholdsQuery {
    pub sweep_id: String,
    #[ts(optional)]
    #[serde(default)]
    pub building_id: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub estate_id: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub grid_id: Option<String>,
}

/// A household of a sweep with its current status in it (none: not visited yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SweepHousehold {
    /// The household's id.
    pub id: String,
    /// "幸福家园12栋2单元301".
    pub address: String,
    pub room: String,
    pub head_name: Option<String>,
    pub people: u32,
    /// The household's responsible worker (包保责任人).
    pub responsible_worker: Option<String>,
    /// The status recorded in this sweep, if any.
    pub status: Option<SweepStatus>,
    /// Local time of the visit, "YYYY-MM-DD HH:MM:SS".
    pub visited_at: Option<String>,
    /// The name of the worker who recorded the visit.
    pub visited_by: Option<String>,
    pub note: Option<String>,
}

/// Arguments of `record_sweep_visit`: the status of one household in a sweep, recorded
/// as of now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RecordSweepVisit {
    pub sweep_id: String,
    pub household_id: String,
    pub status: SweepStatus,
    #[ts(optional)]
    #[serde(default)]
    pub worker_id: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub note: Option<String>,
}

/// Arguments of `record_sweep_visits`: one status for many households of a sweep, all
/// recorded in one transaction (all or none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RecordSweepVisits {
    pub sweep_id: String,
    pub household_ids: Vec<String>,
    pub status: SweepStatus,
    #[ts(optional)]
    #[serde(default)]
    pub worker_id: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub note: Option<String>,
}

// ---------------------------------------------------------------------------------------
// Grid workers (网格员) and merges.

/// A grid worker (网格员): a household's responsible worker (包保责任人), the worker of a
/// grid, the worker who made a visit. The phone is a work contact and is not masked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Worker {
    pub id: String,
    pub name: String,
    pub phone: Option<String>,
}

/// Arguments of `add_worker`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewWorker {
    pub name: String,
    #[ts(optional)]
    #[serde(default)]
    pub phone: Option<String>,
}

/// Arguments of `merge_people`: two records of the same person; `remove_id` is merged
/// into `keep_id` (see `register::merge_people`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MergePeople {
    pub keep_id: String,
    pub remove_id: String,
    pub reason: String,
}

/// One person found by `search_people`: enough to show a pick list and to pick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonHit {
    pub person_id: String,
    pub name: String,
    /// The ID number: full from `search::search_people`, masked (first 6 + last 4) when
    /// it reaches a screen through `register::hits_for_screen`.
    pub id_number: Option<String>,
    pub phone: Option<String>,
    /// Estate + building + unit + room, e.g. "幸福家园12栋2单元301"; none without a household.
    pub address: Option<String>,
    pub residence_status: ResidenceStatus,
    /// Why this person is in the list (the best-ranked way the query matched).
    pub matched: MatchKind,
}

/// How a search query matched a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum MatchKind {
    IdNumber,
    Phone,
    Name,
    Pinyin,
    Address,
}

/// The levels of the register tree, top down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RegisterLevel {
    Street,
    Community,
    Grid,
    Estate,
    Building,
    Unit,
}

/// Arguments of `register_children`: the nodes of `level` under `parent_id` (none for
/// streets).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChildrenQuery {
    pub level: RegisterLevel,
    #[ts(optional)]
    #[serde(default)]
    pub parent_id: Option<String>,
}

/// Arguments of `register_households`: the households of one node of the tree. A building
/// or unit lists its flats; an estate or grid lists the households directly under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HouseholdsQuery {
    pub level: RegisterLevel,
    pub id: String,
}

/// A new person as typed in the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct PersonInput {
    pub name: String,
    #[ts(optional)]
    pub id_number: Option<String>,
    #[ts(optional)]
    pub phone: Option<String>,
    #[ts(optional)]
    pub household_id: Option<String>,
    #[ts(optional)]
    pub relation: Option<String>,
    #[ts(optional)]
    pub residence_status: Option<ResidenceStatus>,
    #[ts(optional)]
    pub current_location: Option<String>,
    #[ts(optional)]
    pub notes: Option<String>,
}

/// What an ID number says by itself, shown as the worker types it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IdNumberInfo {
    /// Normalised (upper-case X, 15 digits upgraded to 18).
    pub id_number: String,
    /// YYYY-MM-DD.
    pub birth_date: String,
    /// "male" / "female".
    pub sex: String,
    pub age: u32,
    pub native_region: String,
    /// Accepted, but worth showing (unknown region code, upgraded from 15 digits), in Chinese.
    pub warnings_zh: Vec<String>,
    /// The person this number is already registered to, if any: the form offers it.
    #[ts(optional)]
    pub existing: Option<PersonRow>,
}

/// A person's full ID number and phone, asked for on purpose (the view is audited).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RevealedPerson {
    #[ts(optional)]
    pub id_number: Option<String>,
    #[ts(optional)]
    pub phone: Option<String>,
}

/// Arguments of commands that take one record id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IdArg {
    pub id: String,
}

/// Arguments of `inspect_id_number`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IdNumberArg {
    pub id_number: String,
}

/// Arguments of `search_people`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SearchQuery {
    pub query: String,
    #[serde(default)]
    pub limit: u32,
    #[serde(default)]
    pub offset: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every stored code reads back as its variant, codes are distinct, and an unknown
    /// code is refused (the ledger's CHECK constraints list the same codes).
    #[test]
    fn stored_codes_round_trip() {
        fn check<T: Copy + PartialEq + std::fmt::Debug>(
            all: &[T],
            code: fn(T) -> &'static str,
            from: fn(&str) -> Option<T>,
        ) {
            let mut seen = std::collections::HashSet::new();
            for &v in all {
                assert_eq!(from(code(v)), Some(v));
                assert!(seen.insert(code(v)), "duplicate code {}", code(v));
            }
            assert_eq!(from("no_such_code"), None);
        }
        check(
            &ResidenceStatus::ALL,
            ResidenceStatus::code,
            ResidenceStatus::from_code,
        );
        check(&SweepStatus::ALL, SweepStatus::code, SweepStatus::from_code);
        check(&Transport::ALL, Transport::code, Transport::from_code);
        check(&RiskLevel::ALL, RiskLevel::code, RiskLevel::from_code);
        check(&Exposure::ALL, Exposure::code, Exposure::from_code);
        check(
            &IsolationKind::ALL,
            IsolationKind::code,
            IsolationKind::from_code,
        );
        check(&StartRule::ALL, StartRule::code, StartRule::from_code);
        check(&EndReason::ALL, EndReason::code, EndReason::from_code);
        check(&CheckMethod::ALL, CheckMethod::code, CheckMethod::from_code);
        check(&FeverResult::ALL, FeverResult::code, FeverResult::from_code);
        assert_eq!(CheckMethod::SelfReport.code(), "self");
        assert_eq!(Exposure::Travel.label_zh(), "同行（同交通工具）");
    }
}
