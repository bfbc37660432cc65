//! IPC types of the publicity module (宣传).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// 横幅 / 电子屏 / 宣传栏 / 一封信 / 微信群 / 入户张贴 / 网站信息. Stored as these codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PublicityKind {
    Banner,
    Screen,
    Board,
    Letter,
    Wechat,
    Posting,
    Website,
}

impl PublicityKind {
    pub const ALL: [PublicityKind; 7] = [
        PublicityKind::Banner,
        PublicityKind::Screen,
        PublicityKind::Board,
        PublicityKind::Letter,
        PublicityKind::Wechat,
        PublicityKind::Posting,
        PublicityKind::Website,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PublicityKind::Banner => "banner",
            PublicityKind::Screen => "screen",
            PublicityKind::Board => "board",
            PublicityKind::Letter => "letter",
            PublicityKind::Wechat => "wechat",
            PublicityKind::Posting => "posting",
            PublicityKind::Website => "website",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            PublicityKind::Banner => "横幅",
            PublicityKind::Screen => "电子屏",
            PublicityKind::Board => "宣传栏",
            PublicityKind::Letter => "一封信",
            PublicityKind::Wechat => "微信群",
            PublicityKind::Posting => "入户张贴",
            PublicityKind::Website => "网站信息",
        }
    }
}

/// Arguments of `add_publicity`. For 入户张贴 the units posted are chosen from the
/// register (`unit_ids`) and `count` defaults to their number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewPublicity {
    pub kind: PublicityKind,
    /// How many (2 groups, 20 banners, 1500 letters); ≥ 1.
    #[ts(optional)]
    #[serde(default)]
    pub count: Option<u32>,
    /// People reached per item (500 members per group).
    #[ts(optional)]
    #[serde(default)]
    pub reach: Option<u32>,
    #[ts(optional)]
    #[serde(default)]
    pub place: Option<String>,
    /// YYYY-MM-DD.
    pub date: String,
    #[ts(optional)]
    #[serde(default)]
    pub note: Option<String>,
    /// The units posted (入户张贴 only); empty for the other kinds.
    #[serde(default)]
    pub unit_ids: Vec<String>,
}

/// One publicity entry as listed, with the buildings and units it covered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Publicity {
    pub id: String,
    pub kind: PublicityKind,
    pub count: u32,
    pub reach: Option<u32>,
    pub place: Option<String>,
    pub date: String,
    pub note: Option<String>,
    pub buildings: u32,
    pub units: u32,
}

/// Arguments of `list_publicity` and `publicity_totals`: a date range (inclusive, both
/// optional).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PublicityRange {
    #[ts(optional)]
    #[serde(default)]
    pub from: Option<String>,
    #[ts(optional)]
    #[serde(default)]
    pub to: Option<String>,
}

/// The totals of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PublicityKindTotal {
    pub kind: PublicityKind,
    /// Log entries.
    pub entries: u32,
    /// Items: groups, banners, letters.
    pub count: u32,
    /// People reached: Σ count × reach over the entries that give a reach.
    pub reach: u32,
}

/// Publicity totals over a date range: every kind (zero included) in a fixed order, and
/// the distinct buildings and units posted (入户张贴).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PublicityTotals {
    pub from: Option<String>,
    pub to: Option<String>,
    pub kinds: Vec<PublicityKindTotal>,
    pub buildings: u32,
    pub units: u32,
}
