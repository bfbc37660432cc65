//! The embedded tables and their one-time parse.
//!
//! The JSON files in `assets/regions/` are written by `scripts/regions/generate.mjs` as
//! `{"fields": [...], "rows": [[...], ...]}`: positional rows keep them small. Each file's
//! `fields` is checked against the layout this code reads, so a regenerated file with another
//! layout fails the tests instead of being read wrongly.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::country::{Country, OutsideMainlandKind};
use super::{Level, Region};

const CURRENT_JSON: &str = include_str!("../../assets/regions/cn-regions.json");
const HISTORICAL_JSON: &str = include_str!("../../assets/regions/cn-regions-historical.json");
const COUNTRIES_JSON: &str = include_str!("../../assets/regions/countries.json");

const CURRENT_FIELDS: [&str; 6] = ["code", "name", "parent", "level", "initials", "pinyin"];
const HISTORICAL_FIELDS: [&str; 8] = [
    "code",
    "name",
    "parent",
    "level",
    "successor",
    "from",
    "until",
    "parentName",
];
const COUNTRY_FIELDS: [&str; 7] = [
    "code",
    "nameZh",
    "nameEn",
    "kind",
    "initials",
    "pinyin",
    "aliasesEn",
];

#[derive(Deserialize)]
struct Header {
    fields: Vec<String>,
}

#[derive(Deserialize)]
struct Table<R> {
    rows: Vec<R>,
}

/// code, name, parent ("" for a province), level 1–3, pinyin initials, full pinyin.
type CurrentRow = (String, String, String, u8, String, String);
/// code, name, parent, level, successor ("" if none), first year (null: since the 1980
/// records), last year, the parent's name at the time ("" if it is the parent's own name).
type HistoricalRow = (String, String, String, u8, String, Option<u16>, u16, String);
/// code, Chinese name, English name, kind, pinyin initials, full pinyin, English aliases.
type CountryRow = (
    String,
    String,
    String,
    OutsideMainlandKind,
    String,
    String,
    Vec<String>,
);

/// What search matches a current region or a country by, besides its name.
#[derive(Debug, Default)]
pub(crate) struct Keys {
    pub initials: String,
    pub pinyin: String,
    /// Lowercase English names (countries only): the display name first, then aliases.
    pub english: Vec<String>,
}

/// Regions: current ones first (in code order), then historical ones (in code order).
#[derive(Debug, Default)]
pub(crate) struct RegionTable {
    pub regions: Vec<Region>,
    /// Search keys of the current regions, index-aligned with `regions`.
    pub keys: Vec<Keys>,
    pub by_code: HashMap<String, usize>,
    /// Current children of each current region, in code order.
    pub children: HashMap<String, Vec<usize>>,
    pub provinces: Vec<usize>,
    /// For a historical county: its prefecture's name while the county was listed, when the
    /// prefecture's code later carried another name (codes were reused).
    pub parent_name_then: HashMap<usize, String>,
    /// Why the embedded data could not be read (then the table is empty); tests keep it None.
    pub error: Option<String>,
}

#[derive(Debug, Default)]
pub(crate) struct CountryTable {
    pub countries: Vec<Country>,
    pub keys: Vec<Keys>,
    pub by_code: HashMap<String, usize>,
    pub error: Option<String>,
}

/// The region table, parsed on first use. A parse failure leaves an empty table with the
/// reason in `error` rather than panicking: every caller already handles "unknown code", and
/// the unit tests make sure the committed data parses.
pub(crate) fn regions() -> &'static RegionTable {
    static TABLE: OnceLock<RegionTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        load_regions(CURRENT_JSON, HISTORICAL_JSON).unwrap_or_else(|error| RegionTable {
            error: Some(error),
            ..RegionTable::default()
        })
    })
}

/// The country table, parsed on first use (see [`regions`] for failures).
pub(crate) fn countries() -> &'static CountryTable {
    static TABLE: OnceLock<CountryTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        load_countries(COUNTRIES_JSON).unwrap_or_else(|error| CountryTable {
            error: Some(error),
            ..CountryTable::default()
        })
    })
}

fn parse<R: for<'de> Deserialize<'de>>(
    name: &str,
    json: &str,
    fields: &[&str],
) -> Result<Vec<R>, String> {
    // The layout first, so that a file of another layout is reported as such rather than as
    // a row of the wrong length.
    let header: Header =
        serde_json::from_str(json).map_err(|e| format!("assets/regions/{name}: {e}"))?;
    if header.fields != fields {
        return Err(format!(
            "assets/regions/{name}: fields {:?}, expected {fields:?}",
            header.fields
        ));
    }
    let table: Table<R> =
        serde_json::from_str(json).map_err(|e| format!("assets/regions/{name}: {e}"))?;
    Ok(table.rows)
}

fn level(name: &str, code: &str, level: u8) -> Result<Level, String> {
    match level {
        1 => Ok(Level::Province),
        2 => Ok(Level::Prefecture),
        3 => Ok(Level::County),
        other => Err(format!("assets/regions/{name}: {code} has level {other}")),
    }
}

fn non_empty(s: String) -> Option<String> {
    if s.is_empty() {
        None
    } else {
        Some(s)
    }
}

pub(crate) fn load_regions(current: &str, historical: &str) -> Result<RegionTable, String> {
    let current: Vec<CurrentRow> = parse("cn-regions.json", current, &CURRENT_FIELDS)?;
    let historical: Vec<HistoricalRow> =
        parse("cn-regions-historical.json", historical, &HISTORICAL_FIELDS)?;

    let mut table = RegionTable::default();
    for (code, name, parent, lvl, initials, pinyin) in current {
        let level = level("cn-regions.json", &code, lvl)?;
        table.regions.push(Region {
            code,
            name,
            level,
            parent: non_empty(parent),
            historical: false,
            successor: None,
            listed_from: None,
            listed_until: None,
        });
        table.keys.push(Keys {
            initials,
            pinyin,
            english: Vec::new(),
        });
    }
    let mut parent_names = Vec::new();
    for (code, name, parent, lvl, successor, from, until, parent_name) in historical {
        let level = level("cn-regions-historical.json", &code, lvl)?;
        parent_names.push((table.regions.len(), parent_name));
        table.regions.push(Region {
            code,
            name,
            level,
            parent: non_empty(parent),
            historical: true,
            successor: non_empty(successor),
            listed_from: from,
            listed_until: Some(until),
        });
    }
    for (index, name) in parent_names {
        if !name.is_empty() {
            table.parent_name_then.insert(index, name);
        }
    }

    for (index, region) in table.regions.iter().enumerate() {
        if table.by_code.insert(region.code.clone(), index).is_some() {
            return Err(format!("assets/regions: {} is listed twice", region.code));
        }
    }
    for (index, region) in table.regions.iter().enumerate() {
        // Every link must land on a known region, or walks up the tree would stop short.
        for link in region.parent.iter().chain(region.successor.iter()) {
            if !table.by_code.contains_key(link) {
                return Err(format!(
                    "assets/regions: {} links to unknown {link}",
                    region.code
                ));
            }
        }
        if region.historical {
            continue;
        }
        match &region.parent {
            None => table.provinces.push(index),
            Some(parent) => table
                .children
                .entry(parent.clone())
                .or_default()
                .push(index),
        }
    }
    Ok(table)
}

pub(crate) fn load_countries(json: &str) -> Result<CountryTable, String> {
    let rows: Vec<CountryRow> = parse("countries.json", json, &COUNTRY_FIELDS)?;
    let mut table = CountryTable::default();
    for (code, name_zh, name_en, kind, initials, pinyin, aliases) in rows {
        let english = std::iter::once(&name_en)
            .chain(aliases.iter())
            .map(|n| n.to_lowercase())
            .collect();
        if table
            .by_code
            .insert(code.clone(), table.countries.len())
            .is_some()
        {
            return Err(format!(
                "assets/regions/countries.json: {code} is listed twice"
            ));
        }
        table.countries.push(Country {
            code,
            name_zh,
            name_en,
            outside_mainland_kind: kind,
        });
        table.keys.push(Keys {
            initials,
            pinyin,
            english,
        });
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_data_parses() {
        assert_eq!(regions().error, None);
        assert_eq!(countries().error, None);
        assert!(load_regions(CURRENT_JSON, HISTORICAL_JSON).is_ok());
        assert!(load_countries(COUNTRIES_JSON).is_ok());
    }

    #[test]
    fn another_layout_is_refused() {
        let other = r#"{"fields":["code","name"],"rows":[["110000","北京市"]]}"#;
        let err = load_regions(other, HISTORICAL_JSON).expect_err("layout differs");
        assert!(err.contains("cn-regions.json: fields"), "{err}");
        assert!(load_countries("not json").is_err());
    }

    #[test]
    fn dangling_links_are_refused() {
        let current = r#"{"fields":["code","name","parent","level","initials","pinyin"],
            "rows":[["110101","东城区","110000",3,"dcq","dongchengqu"]]}"#;
        let historical = r#"{"fields":["code","name","parent","level","successor","from","until","parentName"],"rows":[]}"#;
        let err = load_regions(current, historical).expect_err("no 110000");
        assert!(err.contains("links to unknown 110000"), "{err}");
    }
}
