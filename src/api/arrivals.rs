//! Arrivals (返乡 / 外来人员), risk areas (风险地区) and close contacts (密切接触者).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where an arrival came from, relative to the ledger's home province. Places outside the
/// mainland (other countries, and 香港 / 澳门 / 台湾) are `Outside` (境外).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OriginClass {
    /// 省内: the home province.
    SameProvince,
    /// 省外: another mainland province.
    OtherProvince,
    /// 境外.
    Outside,
    /// The origin was given only as free text.
    Unknown,
}

impl OriginClass {
    pub fn label_zh(self) -> &'static str {
        match self {
            OriginClass::SameProvince => "省内",
            OriginClass::OtherProvince => "省外",
            OriginClass::Outside => "境外",
            OriginClass::Unknown => "不详",
        }
    }
}

/// 自驾 / 火车 / 飞机 / 客车 / 其他.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Transport {
    Car,
    Train,
    Plane,
    Coach,
    Other,
}

stored_codes!(Transport {
    Car => "car", "自驾";
    Train => "train", "火车";
    Plane => "plane", "飞机";
    Coach => "coach", "客车";
    Other => "other", "其他";
});

/// The symptoms asked about at screening and in health checks (有无发热、咳嗽等症状).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Symptom {
    /// 发热 (felt or reported; a measured fever is the temperature).
    Fever,
    /// 咳嗽.
    Cough,
    /// 乏力.
    Fatigue,
    /// 咽痛.
    SoreThroat,
    /// 呼吸困难 / 胸闷.
    ShortBreath,
    /// 腹泻.
    Diarrhea,
    /// 肌肉酸痛.
    MuscleAche,
    /// 嗅觉、味觉减退.
    SmellTasteLoss,
    /// 其他.
    Other,
}

impl Symptom {
    pub fn label_zh(self) -> &'static str {
        match self {
            Symptom::Fever => "发热",
            Symptom::Cough => "咳嗽",
            Symptom::Fatigue => "乏力",
            Symptom::SoreThroat => "咽痛",
            Symptom::ShortBreath => "呼吸困难",
            Symptom::Diarrhea => "腹泻",
            Symptom::MuscleAche => "肌肉酸痛",
            Symptom::SmellTasteLoss => "嗅觉味觉减退",
            Symptom::Other => "其他",
        }
    }
}

/// Where someone came from or where a risk area is: a mainland region (GB/T 2260 code,
/// a province or prefecture alone is fine) or a place outside the mainland (ISO 3166-1
/// alpha-2, e.g. `KR`; 香港 `HK`, 澳门 `MO`, 台湾 `TW`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind", content = "code")]
pub enum Place {
    Region(String),
    Country(String),
}

/// A new arrival, as typed at the door. Dates are YYYY-MM-DD (any common form is
/// accepted); the temperature as typed ("37.2").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct NewArrival {
    pub person_id: String,
    #[ts(optional)]
    pub origin: Option<Place>,
    #[ts(optional)]
    pub origin_text: Option<String>,
    #[ts(optional)]
    pub departed_on: Option<String>,
    pub arrived_on: String,
    #[ts(optional)]
    pub transport: Option<Transport>,
    #[ts(optional)]
    pub transport_no: Option<String>,
    #[ts(optional)]
    pub purpose: Option<String>,
    /// Where they stay here; defaults to the person's household.
    #[ts(optional)]
    pub household_id: Option<String>,
    pub symptoms: Vec<Symptom>,
    #[ts(optional)]
    pub temperature: Option<String>,
    /// The screening visit's date; defaults to today.
    #[ts(optional)]
    pub screened_on: Option<String>,
    #[ts(optional)]
    pub screened_by: Option<String>,
    #[ts(optional)]
    pub sweep_id: Option<String>,
    #[ts(optional)]
    pub note: Option<String>,
}

/// Arguments of `update_arrival`: the whole record again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ArrivalUpdate {
    pub id: String,
    pub arrival: NewArrival,
}

/// An arrival as read back, with what is derived from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Arrival {
    pub id: String,
    pub person_id: String,
    pub person_name: String,
    /// The person's ID number masked for the screen.
    pub id_number_masked: Option<String>,
    pub origin: Option<Place>,
    /// "湖北省武汉市", "韩国"; the free text when there is no code.
    pub origin_name: String,
    pub origin_text: Option<String>,
    pub origin_class: OriginClass,
    pub departed_on: Option<String>,
    pub arrived_on: String,
    pub transport: Option<Transport>,
    pub transport_no: Option<String>,
    pub purpose: Option<String>,
    pub household_id: Option<String>,
    pub address: Option<String>,
    pub grid_id: Option<String>,
    pub symptoms: Vec<Symptom>,
    /// "37.2", as °C.
    pub temperature: Option<String>,
    pub fever: bool,
    pub screened_on: Option<String>,
    pub screened_by: Option<String>,
    pub screened_by_name: Option<String>,
    pub sweep_id: Option<String>,
    pub note: Option<String>,
    /// The risk areas (names) the origin lay in on the departure date (the arrival date
    /// when the departure is not known). Empty: not from a risk area.
    pub risk_areas: Vec<String>,
    /// The status today of the person's latest isolation, if they have one.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isolation_status: Option<super::IsolationStatus>,
}

/// Arguments of `list_arrivals`. Every filter is optional; `within` is a place the origin
/// must lie in or under; dates bound the arrival date (inclusive).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ArrivalFilter {
    #[ts(optional)]
    pub origin_class: Option<OriginClass>,
    /// Only arrivals from a risk area (active on their departure date).
    pub from_risk_area: bool,
    /// Only arrivals from this risk area (active on their departure date).
    #[ts(optional)]
    pub risk_area_id: Option<String>,
    #[ts(optional)]
    pub within: Option<Place>,
    #[ts(optional)]
    pub since: Option<String>,
    #[ts(optional)]
    pub until: Option<String>,
    #[ts(optional)]
    pub grid_id: Option<String>,
    #[ts(optional)]
    pub person_id: Option<String>,
    pub offset: u32,
    pub limit: u32,
}

/// A page of arrivals, newest arrival first, and how many match in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArrivalPage {
    pub rows: Vec<Arrival>,
    pub total: u32,
}

/// 高风险 / 中风险.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RiskLevel {
    #[default]
    High,
    Medium,
}

stored_codes!(RiskLevel {
    High => "high", "高风险";
    Medium => "medium", "中风险";
});

/// A risk area as typed: the place, from (and until) which dates, the notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewRiskArea {
    pub place: Place,
    #[serde(default)]
    pub level: RiskLevel,
    pub from_date: String,
    #[ts(optional)]
    #[serde(default)]
    pub until_date: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub notice: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub note: Option<String>,
}

/// Arguments of `update_risk_area`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RiskAreaUpdate {
    pub id: String,
    pub area: NewRiskArea,
}

/// A risk area as read back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RiskArea {
    pub id: String,
    pub place: Place,
    pub name: String,
    pub level: RiskLevel,
    pub from_date: String,
    pub until_date: Option<String>,
    pub notice: Option<String>,
    pub note: Option<String>,
    /// In force on the statistical date it was read on.
    pub active: bool,
    /// Live arrivals whose origin lay in it on their departure date.
    pub arrivals: u32,
}

/// 同住 / 同餐 / 同工作 / 同行（同交通工具）/ 其他.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Exposure {
    Household,
    Meal,
    Work,
    Travel,
    Other,
}

stored_codes!(Exposure {
    Household => "household", "同住";
    Meal => "meal", "同餐";
    Work => "work", "同工作";
    Travel => "travel", "同行（同交通工具）";
    Other => "other", "其他";
});

/// A new close contact: `person_id` was exposed to `index_person_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewContact {
    pub person_id: String,
    pub index_person_id: String,
    pub exposure: Exposure,
    pub last_contact_on: String,
    #[ts(optional)]
    #[serde(default)]
    pub note: Option<String>,
}

/// Arguments of `add_household_contacts`: every other live member of a household becomes
/// a contact of the index person (the index person's own household when none is given).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HouseholdContacts {
    pub index_person_id: String,
    #[ts(optional)]
    #[serde(default)]
    pub household_id: Option<String>,
    pub exposure: Exposure,
    pub last_contact_on: String,
    #[ts(optional)]
    #[serde(default)]
    pub note: Option<String>,
}

/// What `add_household_contacts` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HouseholdContactsSummary {
    /// The new contact records.
    pub added: Vec<String>,
    /// Members who already were contacts of the index person (left as they were).
    pub already: u32,
}

/// One link of a contact chain: `person` was exposed to `index_person`. `depth` counts
/// links from the person the chain was asked for (1 = direct).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ContactLink {
    pub id: String,
    pub person_id: String,
    pub person_name: String,
    pub index_person_id: String,
    pub index_person_name: String,
    pub exposure: Exposure,
    pub last_contact_on: String,
    pub note: Option<String>,
    pub depth: u32,
}

/// A person's place in the contact graph, both ways: whom they were exposed to (and whom
/// those were exposed to, …) and who was exposed to them (and to those, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ContactChain {
    pub person_id: String,
    pub upstream: Vec<ContactLink>,
    pub downstream: Vec<ContactLink>,
}

/// Arguments of `list_contacts`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ContactFilter {
    #[ts(optional)]
    pub index_person_id: Option<String>,
    #[ts(optional)]
    pub exposure: Option<Exposure>,
    /// Last contact on or after this date.
    #[ts(optional)]
    pub since: Option<String>,
    pub offset: u32,
    pub limit: u32,
}

/// A page of contacts (`depth` is 1), latest last contact first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ContactPage {
    pub rows: Vec<ContactLink>,
    pub total: u32,
}

/// Arguments of `set_home_region`: the ledger's own region code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetHomeRegion {
    pub code: String,
}

/// Arguments of `rescreen_arrivals`: start a sweep over the homes of every arrival matching
/// the filter (all of them, not one page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RescreenArrivals {
    pub filter: ArrivalFilter,
    pub name: String,
    pub start_date: String,
    #[ts(optional)]
    #[serde(default)]
    pub note: Option<String>,
}

/// What `rescreen_arrivals` started.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RescreenSummary {
    pub sweep_id: String,
    /// Households in the sweep.
    pub households: u32,
    /// People whose arrivals matched.
    pub people: u32,
    /// Of them, people with no household (they cannot be visited at home).
    pub without_household: u32,
}

/// Arguments of `register_arrival`: a person not yet in the register and their arrival,
/// written together (both or neither). `arrival.personId` is ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RegisterArrival {
    pub person: super::PersonInput,
    pub arrival: NewArrival,
}
