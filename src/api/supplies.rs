//! IPC types of the supplies module (物资发放): items, receipts, issues, follow-up visits,
//! the eligibility settings and the 首页 counts.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An item with its stock, derived from receipts and issues.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SupplyItem {
    pub id: String,
    pub name: String,
    pub unit: String,
    /// Warn when the balance is at or below this.
    pub low_stock: Option<u32>,
    pub note: Option<String>,
    pub received: i64,
    pub issued: i64,
    pub balance: i64,
    /// The balance is at or below `low_stock`.
    pub low: bool,
}

/// A new item, or an item's new values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewSupplyItem {
    pub name: String,
    pub unit: String,
    #[ts(optional)]
    #[serde(default)]
    pub low_stock: Option<u32>,
    #[ts(optional)]
    #[serde(default)]
    pub note: Option<String>,
}

/// Arguments of `update_supply_item`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SupplyItemUpdate {
    pub id: String,
    pub item: NewSupplyItem,
}

/// Stock received (入库).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewSupplyReceipt {
    pub item_id: String,
    pub quantity: u32,
    pub received_on: String,
    #[ts(optional)]
    #[serde(default)]
    pub source: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SupplyReceipt {
    pub id: String,
    pub item_id: String,
    pub item_name: String,
    pub unit: String,
    pub quantity: u32,
    pub received_on: String,
    pub source: Option<String>,
    pub note: Option<String>,
}

/// An issue (发放) to a household or a person. A person's household is filled in when
/// only the person is given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewSupplyIssue {
    pub item_id: String,
    #[ts(optional)]
    #[serde(default)]
    pub household_id: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub person_id: Option<String>,
    pub quantity: u32,
    pub issued_on: String,
    #[ts(optional)]
    #[serde(default)]
    pub worker_id: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SupplyIssue {
    pub id: String,
    pub item_id: String,
    pub item_name: String,
    pub unit: String,
    pub household_id: Option<String>,
    /// The household's address ("幸福家园12栋2单元301").
    pub address: Option<String>,
    pub person_id: Option<String>,
    pub person_name: Option<String>,
    pub quantity: u32,
    pub issued_on: String,
    pub worker_id: Option<String>,
    pub worker_name: Option<String>,
    pub note: Option<String>,
    pub follow_ups: u32,
}

/// Which issues to list; every field narrows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SupplyIssueFilter {
    #[ts(optional)]
    #[serde(default)]
    pub item_id: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub household_id: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub person_id: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub from: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub limit: u32,
    #[serde(default)]
    pub offset: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SupplyIssuePage {
    pub rows: Vec<SupplyIssue>,
    pub total: u32,
}

/// A follow-up visit after an issue (回访).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewSupplyFollowUp {
    pub issue_id: String,
    pub visited_on: String,
    #[ts(optional)]
    #[serde(default)]
    pub worker_id: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SupplyFollowUp {
    pub id: String,
    pub issue_id: String,
    pub visited_on: String,
    pub worker_id: Option<String>,
    pub worker_name: Option<String>,
    pub note: Option<String>,
}

/// Who should receive supplies (a setting): households with someone in isolation,
/// elderly people living alone from an age.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SupplyEligibility {
    pub households_with_isolation: bool,
    /// Elderly living alone: the household's only person present is this old or older;
    /// `None` turns the rule off.
    pub elderly_alone_age: Option<u32>,
}

impl Default for SupplyEligibility {
    fn default() -> Self {
        SupplyEligibility {
            households_with_isolation: true,
            elderly_alone_age: Some(70),
        }
    }
}

/// Why a household is eligible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EligibilityReason {
    /// Someone in the household is in isolation on the date (居家隔离户).
    Isolation,
    /// An elderly person living alone (独居老人).
    ElderlyAlone,
}

impl EligibilityReason {
    pub fn label_zh(self) -> &'static str {
        match self {
            EligibilityReason::Isolation => "隔离户",
            EligibilityReason::ElderlyAlone => "独居老人",
        }
    }
}

/// Arguments of `eligible_households`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EligibleQuery {
    /// The date (default: the statistical date).
    #[ts(optional)]
    #[serde(default)]
    pub on: Option<String>,
    /// "Served" means served this item (default: any item).
    #[ts(optional)]
    #[serde(default)]
    pub item_id: Option<String>,
    /// Only households not yet served.
    #[serde(default)]
    pub unserved_only: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EligibleHousehold {
    pub household_id: String,
    pub address: Option<String>,
    pub reasons: Vec<EligibilityReason>,
    /// The people the reasons name (the isolated, the elderly person).
    pub people: Vec<String>,
    /// The last issue to the household (of the item asked about), if any.
    pub last_issued_on: Option<String>,
}

/// The supplies card of the 首页.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SupplyCounts {
    pub date: String,
    pub items: u32,
    pub low_stock_items: u32,
    pub issues_today: u32,
    pub households_served: u32,
    pub eligible: u32,
    pub eligible_unserved: u32,
}
