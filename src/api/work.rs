//! IPC types of the work module: enterprises and their visits with the 五到位 checklist and
//! difficulties (复工复产), and work certificates (外出务工证明).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What an enterprise is (煤矿 first: the source document's area is a coal town).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EnterpriseKind {
    CoalMine,
    Factory,
    Construction,
    Commerce,
    Service,
    Other,
}

impl EnterpriseKind {
    pub const ALL: [EnterpriseKind; 6] = [
        EnterpriseKind::CoalMine,
        EnterpriseKind::Factory,
        EnterpriseKind::Construction,
        EnterpriseKind::Commerce,
        EnterpriseKind::Service,
        EnterpriseKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EnterpriseKind::CoalMine => "coal_mine",
            EnterpriseKind::Factory => "factory",
            EnterpriseKind::Construction => "construction",
            EnterpriseKind::Commerce => "commerce",
            EnterpriseKind::Service => "service",
            EnterpriseKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            EnterpriseKind::CoalMine => "煤矿",
            EnterpriseKind::Factory => "工业企业",
            EnterpriseKind::Construction => "建筑工地",
            EnterpriseKind::Commerce => "商贸企业",
            EnterpriseKind::Service => "服务业",
            EnterpriseKind::Other => "其他",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewEnterprise {
    pub name: String,
    pub kind: EnterpriseKind,
    #[ts(optional)]
    #[serde(default)]
    pub address: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub contact_name: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub contact_phone: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub workforce: Option<u32>,
    #[ts(optional)]
    #[serde(default)]
    pub grid_id: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub note: Option<String>,
}

/// Arguments of `update_enterprise`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EnterpriseUpdate {
    pub id: String,
    pub enterprise: NewEnterprise,
}

/// An enterprise with what its visits and difficulties say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Enterprise {
    pub id: String,
    pub name: String,
    pub kind: EnterpriseKind,
    pub address: Option<String>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub workforce: Option<u32>,
    pub grid_id: Option<String>,
    pub grid_name: Option<String>,
    pub note: Option<String>,
    pub visits: u32,
    pub last_visited_on: Option<String>,
    /// Whether the last visit's checklist is complete (`None` before any visit).
    pub last_visit_complete: Option<bool>,
    pub open_difficulties: u32,
}

/// One item of the 五到位 checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CheckItem {
    /// 防控机制到位
    Mechanism,
    /// 员工排查到位
    Screening,
    /// 设施物资到位
    Supplies,
    /// 环境消杀到位
    Disinfection,
    /// 安全生产到位
    Safety,
}

impl CheckItem {
    pub const ALL: [CheckItem; 5] = [
        CheckItem::Mechanism,
        CheckItem::Screening,
        CheckItem::Supplies,
        CheckItem::Disinfection,
        CheckItem::Safety,
    ];

    /// The column of the item in `enterprise_visit` (the note is `<column>_note`).
    pub fn code(self) -> &'static str {
        match self {
            CheckItem::Mechanism => "mechanism",
            CheckItem::Screening => "screening",
            CheckItem::Supplies => "supplies",
            CheckItem::Disinfection => "disinfection",
            CheckItem::Safety => "safety",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            CheckItem::Mechanism => "防控机制",
            CheckItem::Screening => "员工排查",
            CheckItem::Supplies => "设施物资",
            CheckItem::Disinfection => "环境消杀",
            CheckItem::Safety => "安全生产",
        }
    }
}

/// 是 / 否 / 不适用.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CheckAnswer {
    Yes,
    No,
    #[serde(rename = "na")]
    NotApplicable,
}

impl CheckAnswer {
    pub fn code(self) -> &'static str {
        match self {
            CheckAnswer::Yes => "yes",
            CheckAnswer::No => "no",
            CheckAnswer::NotApplicable => "na",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [
            CheckAnswer::Yes,
            CheckAnswer::No,
            CheckAnswer::NotApplicable,
        ]
        .into_iter()
        .find(|a| a.code() == code)
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            CheckAnswer::Yes => "是",
            CheckAnswer::No => "否",
            CheckAnswer::NotApplicable => "不适用",
        }
    }
}

/// One answered (or not yet answered) checklist item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChecklistAnswer {
    pub item: CheckItem,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<CheckAnswer>,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A visit to an enterprise. `draft: false` refuses an incomplete checklist; a draft is
/// saved as it is and counted as incomplete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewVisit {
    pub enterprise_id: String,
    pub visited_on: String,
    #[ts(optional)]
    #[serde(default)]
    pub worker_id: Option<String>,
    #[serde(default)]
    pub checklist: Vec<ChecklistAnswer>,
    #[ts(optional)]
    #[serde(default)]
    pub staff_returned: Option<u32>,
    #[ts(optional)]
    #[serde(default)]
    pub staff_on_site: Option<u32>,
    #[ts(optional)]
    #[serde(default)]
    pub staff_from_risk_areas: Option<u32>,
    #[ts(optional)]
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub draft: bool,
}

/// Arguments of `update_enterprise_visit` (completing a draft, correcting a visit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VisitUpdate {
    pub id: String,
    pub visit: NewVisit,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EnterpriseVisit {
    pub id: String,
    pub enterprise_id: String,
    pub enterprise_name: String,
    pub visited_on: String,
    pub worker_id: Option<String>,
    pub worker_name: Option<String>,
    /// All five items, in order.
    pub checklist: Vec<ChecklistAnswer>,
    pub staff_returned: Option<u32>,
    pub staff_on_site: Option<u32>,
    pub staff_from_risk_areas: Option<u32>,
    pub note: Option<String>,
    /// Every item answered and every 否 explained.
    pub complete: bool,
    /// The items unanswered, or answered 否 without a note.
    pub missing: Vec<CheckItem>,
}

/// Which visits to list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VisitFilter {
    #[ts(optional)]
    #[serde(default)]
    pub enterprise_id: Option<String>,
    /// Only incomplete ones.
    #[serde(default)]
    pub incomplete: bool,
}

/// A difficulty raised by an enterprise (困难问题).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewDifficulty {
    pub enterprise_id: String,
    #[ts(optional)]
    #[serde(default)]
    pub visit_id: Option<String>,
    pub raised_on: String,
    pub description: String,
}

/// A follow-up of a difficulty; `close` closes it with this entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewDifficultyFollowUp {
    pub difficulty_id: String,
    pub done_on: String,
    #[ts(optional)]
    #[serde(default)]
    pub worker_id: Option<String>,
    pub note: String,
    #[serde(default)]
    pub close: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DifficultyFollowUp {
    pub id: String,
    pub done_on: String,
    pub worker_id: Option<String>,
    pub worker_name: Option<String>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Difficulty {
    pub id: String,
    pub enterprise_id: String,
    pub enterprise_name: String,
    pub visit_id: Option<String>,
    pub raised_on: String,
    pub description: String,
    pub closed_on: Option<String>,
    pub close_note: Option<String>,
    pub follow_ups: Vec<DifficultyFollowUp>,
}

/// Which difficulties to list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DifficultyFilter {
    #[ts(optional)]
    #[serde(default)]
    pub enterprise_id: Option<String>,
    /// Only open ones.
    #[serde(default)]
    pub open: bool,
}

/// A new work certificate. The number is allocated when it is issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewWorkCertificate {
    pub person_id: String,
    pub destination: String,
    #[ts(optional)]
    #[serde(default)]
    pub employer: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub leaving_on: Option<String>,
    /// The 14-day health declaration (default: the standard text).
    #[ts(optional)]
    #[serde(default)]
    pub health_declaration: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub issued_by: Option<String>,
    pub issued_on: String,
    #[ts(optional)]
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkCertificate {
    pub id: String,
    /// "2020-0001".
    pub number: String,
    pub year: u32,
    pub seq: u32,
    pub person_id: String,
    pub person_name: String,
    pub id_number_masked: Option<String>,
    pub phone_masked: Option<String>,
    pub destination: String,
    pub employer: Option<String>,
    pub leaving_on: Option<String>,
    pub health_declaration: String,
    pub issued_by: Option<String>,
    pub issued_by_name: Option<String>,
    pub issued_on: String,
    pub voided_on: Option<String>,
    pub void_reason: Option<String>,
    pub note: Option<String>,
    pub call_backs: Vec<CallBack>,
}

/// Which certificates to list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CertificateFilter {
    #[ts(optional)]
    #[serde(default)]
    pub person_id: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub year: Option<u32>,
    #[serde(default)]
    pub include_voided: bool,
    #[serde(default)]
    pub limit: u32,
    #[serde(default)]
    pub offset: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CertificatePage {
    pub rows: Vec<WorkCertificate>,
    pub total: u32,
}

/// Arguments of `void_work_certificate`: it keeps its number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VoidCertificate {
    pub id: String,
    pub on: String,
    pub reason: String,
}

/// A call-back after the holder's arrival at work (到岗回访).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewCallBack {
    pub certificate_id: String,
    pub called_on: String,
    pub reached: bool,
    #[serde(default)]
    pub arrived: bool,
    #[serde(default)]
    pub well: bool,
    #[ts(optional)]
    #[serde(default)]
    pub worker_id: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallBack {
    pub id: String,
    pub called_on: String,
    pub reached: bool,
    pub arrived: bool,
    pub well: bool,
    pub worker_name: Option<String>,
    pub note: Option<String>,
}

/// The certificate settings: the issuing unit on the printed certificate (default: the
/// ledger's name), its contact phone, and how many days after the issue a call-back is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CertificateSettings {
    #[ts(optional)]
    #[serde(default)]
    pub issuing_unit: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub contact_phone: Option<String>,
    pub call_back_days: u32,
}

impl Default for CertificateSettings {
    fn default() -> Self {
        CertificateSettings {
            issuing_unit: None,
            contact_phone: None,
            call_back_days: 3,
        }
    }
}

/// Arguments of `save_work_certificate`: write the printable certificate to a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SaveCertificate {
    pub id: String,
    /// An absolute .xlsx path; by default `<data dir>/exports/外出务工证明-<number>.xlsx`
    /// (`certificates::default_print_path`), where 打开文件夹 finds it.
    #[ts(optional)]
    #[serde(default)]
    pub path: Option<String>,
}

/// The work card of the 首页.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkCounts {
    pub date: String,
    pub enterprises: u32,
    pub enterprises_visited: u32,
    pub incomplete_visits: u32,
    pub open_difficulties: u32,
    pub certificates_issued: u32,
    pub call_backs_due: u32,
}
