//! Countries and regions outside the mainland (ISO 3166-1 alpha-2), for 境外 people: where
//! someone abroad is now, where an arrival came from.

use serde::{Deserialize, Serialize};

use super::data;
use super::query::{english_tier, name_tier, pinyin_tier, Query, Tier};

/// Whether a place is outside the mainland, and how.
///
/// Hong Kong, Macao and Taiwan are part of China, so they are not "abroad" (国外); but
/// epidemic rules in 2020 treated arrivals from them as arrivals from outside the mainland
/// (境外). The data keeps the two apart so that each rule can decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum OutsideMainlandKind {
    /// CN: the mainland itself.
    Mainland,
    /// 中国香港, 中国澳门, 中国台湾.
    HkMoTw,
    /// Every other country or territory.
    Foreign,
}

impl OutsideMainlandKind {
    /// Outside the mainland (境外): Hong Kong, Macao, Taiwan and every foreign country.
    pub fn is_outside_mainland(self) -> bool {
        !matches!(self, OutsideMainlandKind::Mainland)
    }

    /// Abroad (国外): a foreign country, not Hong Kong, Macao or Taiwan.
    pub fn is_foreign(self) -> bool {
        matches!(self, OutsideMainlandKind::Foreign)
    }
}

/// A country or territory by its ISO 3166-1 alpha-2 code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Country {
    /// "KR", "HK", "CN".
    pub code: String,
    /// "韩国", "中国香港".
    pub name_zh: String,
    /// "South Korea", "Hong Kong, China".
    pub name_en: String,
    pub outside_mainland_kind: OutsideMainlandKind,
}

/// The country with this ISO 3166-1 alpha-2 code (any case, surrounding spaces ignored).
pub fn country(code: &str) -> Option<&'static Country> {
    let table = data::countries();
    let code = code.trim().to_ascii_uppercase();
    table.by_code.get(&code).map(|&i| &table.countries[i])
}

/// Every country and territory, in code order (250, CN included).
pub fn countries() -> &'static [Country] {
    &data::countries().countries
}

/// Countries matching what was typed: the Chinese name (exact, beginning, anywhere), the
/// code ("kr"), the English name or one of its aliases (beginning, or a later word:
/// "korea" finds both Koreas), full pinyin (beginning) and pinyin initials (beginning).
/// Best matches first; at most `limit`.
pub fn search_countries(query: &str, limit: usize) -> Vec<&'static Country> {
    let Some(query) = Query::new(query) else {
        return Vec::new();
    };
    let table = data::countries();
    let mut hits: Vec<(Tier, usize)> = table
        .countries
        .iter()
        .zip(&table.keys)
        .enumerate()
        .filter_map(|(i, (country, keys))| {
            let by_code = (country.code.eq_ignore_ascii_case(&query.text)).then_some(Tier::Exact);
            let by_pinyin = query
                .pinyin
                .as_deref()
                .and_then(|p| pinyin_tier(&keys.pinyin, &keys.initials, p));
            [
                by_code,
                name_tier(&country.name_zh, &query.text),
                english_tier(&keys.english, &query.text),
                by_pinyin,
            ]
            .into_iter()
            .flatten()
            .min()
            .map(|tier| (tier, i))
        })
        .collect();
    // Ties keep code order (the table is sorted by code).
    hits.sort();
    hits.into_iter()
        .take(limit)
        .map(|(_, i)| &table.countries[i])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(found: Vec<&Country>) -> Vec<&str> {
        found.into_iter().map(|c| c.code.as_str()).collect()
    }

    #[test]
    fn looks_up_by_code() {
        let kr = country("KR").expect("KR");
        assert_eq!(
            (kr.name_zh.as_str(), kr.name_en.as_str()),
            ("韩国", "South Korea")
        );
        assert_eq!(kr.outside_mainland_kind, OutsideMainlandKind::Foreign);
        assert_eq!(country(" kr ").map(|c| c.code.as_str()), Some("KR"));
        assert!(country("ZZ").is_none());
        assert!(countries().len() >= 249);
    }

    #[test]
    fn hong_kong_macao_taiwan_are_outside_the_mainland_but_not_foreign() {
        for (code, name) in [("HK", "中国香港"), ("MO", "中国澳门"), ("TW", "中国台湾")]
        {
            let c = country(code).expect(code);
            assert_eq!(c.name_zh, name);
            assert_eq!(c.outside_mainland_kind, OutsideMainlandKind::HkMoTw);
            assert!(c.outside_mainland_kind.is_outside_mainland());
            assert!(!c.outside_mainland_kind.is_foreign());
        }
        let cn = country("CN").expect("CN");
        assert_eq!(cn.outside_mainland_kind, OutsideMainlandKind::Mainland);
        assert!(!cn.outside_mainland_kind.is_outside_mainland());
        let others = countries()
            .iter()
            .filter(|c| c.outside_mainland_kind == OutsideMainlandKind::Foreign)
            .count();
        assert_eq!(others, countries().len() - 4);
    }

    #[test]
    fn searches_chinese_english_pinyin_and_codes() {
        assert_eq!(codes(search_countries("韩国", 3)), ["KR"]);
        assert_eq!(codes(search_countries("hanguo", 3)), ["KR"]);
        assert_eq!(codes(search_countries("kr", 1)), ["KR"]);
        assert!(codes(search_countries("hg", 10)).contains(&"KR"));
        let korea = codes(search_countries("Korea", 10));
        assert!(korea.contains(&"KR") && korea.contains(&"KP"), "{korea:?}");
        assert_eq!(codes(search_countries("usa", 1)), ["US"]);
        assert_eq!(codes(search_countries("ital", 1)), ["IT"]);
        assert!(codes(search_countries("香港", 5)).contains(&"HK"));
        // An exact Chinese name beats a longer one that contains it.
        assert_eq!(codes(search_countries("几内亚", 5))[0], "GN");
        assert!(search_countries("", 5).is_empty());
        assert!(search_countries("xyzzy", 5).is_empty());
    }
}
