//! Ledger settings: values a community chooses (its name, the statistical day's cut-off,
//! the fever threshold). Defaults live here; the `setting` table holds only what was
//! changed, as JSON, so a new setting needs no migration.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::domain::temperature::{FeverThreshold, Temperature};
use crate::error::{Error, Result};
use crate::store::rows;

const LEDGER_NAME: &str = "ledger_name";
const STATISTICAL_CUTOFF: &str = "statistical_cutoff";
const FEVER_THRESHOLD: &str = "fever_threshold_tenths";
const HOME_REGION: &str = "home_region";

/// The longest ledger name that still fits a form's title row.
pub const LEDGER_NAME_MAX_CHARS: usize = 40;

/// The settings in force, defaults filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The ledger's display name, usually the community's (e.g. "幸福社区").
    pub ledger_name: String,
    /// Data after this local time belongs to the next statistical day.
    pub statistical_cutoff: NaiveTime,
    /// Fever at or above this temperature, in tenths of °C (373 = 37.3 °C).
    pub fever_threshold_tenths: u16,
    /// The ledger's own region (GB/T 2260), which arrivals are 省内 / 省外 against: the
    /// setting, else the region code of the first street in the register.
    pub home_region: Option<String>,
}

impl Settings {
    pub fn load(conn: &Connection) -> Result<Settings> {
        let cutoff: Option<String> = get(conn, STATISTICAL_CUTOFF)?;
        let statistical_cutoff = match cutoff {
            Some(text) => NaiveTime::parse_from_str(&text, "%H:%M").map_err(|e| {
                Error::invalid(
                    "statistical_cutoff",
                    format!("stored cut-off {text:?} is not HH:MM: {e}"),
                    format!("统计截止时间“{text}”格式不对，应为 时:分"),
                )
            })?,
            None => default_cutoff(),
        };
        Ok(Settings {
            ledger_name: get(conn, LEDGER_NAME)?.unwrap_or_else(|| "未命名社区".to_owned()),
            statistical_cutoff,
            fever_threshold_tenths: get(conn, FEVER_THRESHOLD)?.unwrap_or(373),
            home_region: match get::<String>(conn, HOME_REGION)? {
                Some(code) => Some(code),
                None => conn
                    .query_row(
                        "SELECT region_code FROM street WHERE deleted_at IS NULL \
                         AND region_code IS NOT NULL ORDER BY created_at, id LIMIT 1",
                        [],
                        |r| r.get(0),
                    )
                    .optional()?,
            },
        })
    }

    /// The statistical date of a local moment: on or after the cut-off it is tomorrow's.
    pub fn statistical_date(&self, now: NaiveDateTime) -> NaiveDate {
        statistical_date(now, self.statistical_cutoff)
    }
}

fn default_cutoff() -> NaiveTime {
    NaiveTime::from_hms_opt(15, 0, 0).unwrap_or(NaiveTime::MIN)
}

/// Data recorded at or after `cutoff` counts for the next day. A cut-off of 00:00 makes
/// the statistical day the calendar day.
pub fn statistical_date(now: NaiveDateTime, cutoff: NaiveTime) -> NaiveDate {
    let date = now.date();
    if cutoff != NaiveTime::MIN && now.time() >= cutoff {
        date.checked_add_days(Days::new(1)).unwrap_or(date)
    } else {
        date
    }
}

/// The fever threshold in force (a reading at or above it is a fever).
pub fn fever_threshold(settings: &Settings) -> FeverThreshold {
    i16::try_from(settings.fever_threshold_tenths)
        .ok()
        .and_then(|t| Temperature::from_tenths(t).ok())
        .map(FeverThreshold::new)
        .unwrap_or(FeverThreshold::DEFAULT)
}

/// Set the ledger's home region (a GB/T 2260 code known to the bundled region data).
pub fn set_home_region(tx: &Transaction, code: &str) -> Result<String> {
    let code = code.trim();
    if crate::regions::resolve(code).is_none() || code.len() != 6 {
        return Err(Error::invalid(
            "home_region",
            format!("region code {code:?} is unknown"),
            format!("地区代码“{code}”不存在"),
        ));
    }
    put(tx, HOME_REGION, &code)?;
    Ok(code.to_owned())
}

/// Rename the ledger. The name is trimmed and must be 1–40 characters.
pub fn set_ledger_name(tx: &Transaction, name: &str) -> Result<String> {
    let name = name.trim();
    let chars = name.chars().count();
    if chars == 0 {
        return Err(Error::invalid(
            "ledger_name",
            "the ledger name is empty",
            "台账名称不能为空",
        ));
    }
    if chars > LEDGER_NAME_MAX_CHARS {
        return Err(Error::invalid(
            "ledger_name",
            format!("the ledger name has {chars} characters; at most {LEDGER_NAME_MAX_CHARS}"),
            format!("台账名称不能超过 {LEDGER_NAME_MAX_CHARS} 个字（现在 {chars} 个）"),
        ));
    }
    put(tx, LEDGER_NAME, &name)?;
    Ok(name.to_owned())
}

/// Set the statistical day's cut-off ("HH:MM").
pub fn set_statistical_cutoff(tx: &Transaction, cutoff: NaiveTime) -> Result<()> {
    put(tx, STATISTICAL_CUTOFF, &cutoff.format("%H:%M").to_string())
}

/// A setting stored as JSON by another module (e.g. the isolation policy), or `None`.
pub(crate) fn get_json<T: DeserializeOwned>(conn: &Connection, key: &str) -> Result<Option<T>> {
    get(conn, key)
}

/// Store a setting as JSON (audited like every write).
pub(crate) fn put_json<T: Serialize>(tx: &Transaction, key: &'static str, value: &T) -> Result<()> {
    put(tx, key, value)
}

fn get<T: DeserializeOwned>(conn: &Connection, key: &str) -> Result<Option<T>> {
    let text: Option<String> = conn
        .query_row(
            "SELECT value FROM setting WHERE id = ?1 AND deleted_at IS NULL",
            [key],
            |r| r.get(0),
        )
        .optional()?;
    Ok(match text {
        Some(text) => Some(serde_json::from_str(&text)?),
        None => None,
    })
}

fn put<T: Serialize>(tx: &Transaction, key: &'static str, value: &T) -> Result<()> {
    let json = serde_json::to_string(value)?;
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM setting WHERE id = ?1)",
        [key],
        |r| r.get(0),
    )?;
    if exists {
        rows::update(tx, "setting", key, &[("value", &json)])
    } else {
        rows::insert_with_id(tx, "setting", key, &[("value", &json)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2020, 1, 21)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    #[test]
    fn the_statistical_day_turns_at_the_cutoff() {
        let cutoff = NaiveTime::from_hms_opt(15, 0, 0).unwrap();
        let day = NaiveDate::from_ymd_opt(2020, 1, 21).unwrap();
        assert_eq!(statistical_date(at(14, 59), cutoff), day);
        assert_eq!(statistical_date(at(15, 0), cutoff), day.succ_opt().unwrap());
        assert_eq!(
            statistical_date(at(23, 59), cutoff),
            day.succ_opt().unwrap()
        );
        assert_eq!(statistical_date(at(0, 0), cutoff), day);
        assert_eq!(statistical_date(at(23, 59), NaiveTime::MIN), day);
    }
}
