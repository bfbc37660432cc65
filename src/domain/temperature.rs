//! Body temperatures, stored exactly in tenths of a degree Celsius.
//!
//! Temperatures are taken twice a day for everyone in home isolation and at every gate,
//! and a reading at or above the fever threshold decides whether someone is admitted or
//! sent to the fever clinic. Floating point would make "37.3 ≥ 37.3" a coin toss, so a
//! [`Temperature`] is an integer count of 0.1 °C (365 = 36.5 °C). Readings are typed as
//! "36.5", "36.5℃", "36,5" or "３６.５"; anything outside 34.0–43.0 °C is a typing error
//! (or a Fahrenheit reading), not a body temperature.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::error::DomainError;
use super::text::normalize_text;

/// Lowest plausible reading, in tenths of °C (34.0 °C).
pub const MIN_TENTHS: i16 = 340;
/// Highest plausible reading, in tenths of °C (43.0 °C).
pub const MAX_TENTHS: i16 = 430;

/// A plausible body temperature in tenths of °C (34.0–43.0 °C).
///
/// Serialised as the integer number of tenths (365 for 36.5 °C); deserialising checks
/// the range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i16", into = "i16")]
pub struct Temperature(i16);

impl Temperature {
    /// A temperature from tenths of °C, checked against the plausible range.
    pub fn from_tenths(tenths: i16) -> Result<Temperature, DomainError> {
        if (MIN_TENTHS..=MAX_TENTHS).contains(&tenths) {
            Ok(Temperature(tenths))
        } else {
            Err(DomainError::TemperatureOutOfRange {
                input: format_tenths(i32::from(tenths)),
            })
        }
    }

    /// Tenths of °C (365 for 36.5 °C).
    pub fn tenths(self) -> i16 {
        self.0
    }

    /// Whether this reading is a fever under `threshold` (at or above it).
    pub fn is_fever(self, threshold: FeverThreshold) -> bool {
        self >= threshold.0
    }

    /// Parses a typed reading; see [`parse_temperature`].
    pub fn parse(raw: &str) -> Result<Temperature, DomainError> {
        parse_temperature(raw)
    }
}

impl fmt::Display for Temperature {
    /// "36.5", always one decimal place, no unit.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_tenths(i32::from(self.0)))
    }
}

impl FromStr for Temperature {
    type Err = DomainError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_temperature(s)
    }
}

impl TryFrom<i16> for Temperature {
    type Error = DomainError;

    fn try_from(tenths: i16) -> Result<Self, Self::Error> {
        Temperature::from_tenths(tenths)
    }
}

impl From<Temperature> for i16 {
    fn from(t: Temperature) -> i16 {
        t.0
    }
}

/// The temperature from which a reading counts as fever (a setting; 37.3 °C by default).
/// Serialised like a [`Temperature`], as tenths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FeverThreshold(Temperature);

impl FeverThreshold {
    /// The default threshold, 37.3 °C.
    pub const DEFAULT: FeverThreshold = FeverThreshold(Temperature(373));

    pub fn new(temperature: Temperature) -> FeverThreshold {
        FeverThreshold(temperature)
    }

    pub fn temperature(self) -> Temperature {
        self.0
    }
}

impl Default for FeverThreshold {
    fn default() -> Self {
        FeverThreshold::DEFAULT
    }
}

impl fmt::Display for FeverThreshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Parses a reading as typed: "36.5", "36.5℃", "36.5°C", "36.5度", "36,5", "36" (36.0),
/// full-width digits. More than one decimal place is refused unless the extra digits are
/// zeros ("36.50"); the result must lie in 34.0–43.0 °C.
pub fn parse_temperature(raw: &str) -> Result<Temperature, DomainError> {
    let s = normalize_text(raw);
    if s.is_empty() {
        return Err(DomainError::TemperatureEmpty);
    }
    let number = strip_unit(&s).trim_end();
    let number: String = number
        .chars()
        .map(|c| if matches!(c, ',' | '。') { '.' } else { c })
        .collect();
    let format_error = || DomainError::TemperatureFormat { input: s.clone() };
    let (int_part, frac_part) = match number.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (number.as_str(), None),
    };
    if int_part.is_empty() || !int_part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format_error());
    }
    let tenth_digit = match frac_part {
        None => 0,
        Some(f) => {
            if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format_error());
            }
            if f.bytes().skip(1).any(|b| b != b'0') {
                return Err(DomainError::TemperaturePrecision { input: s.clone() });
            }
            i32::from(f.as_bytes()[0] - b'0')
        }
    };
    let significant = int_part.trim_start_matches('0');
    let out_of_range = || DomainError::TemperatureOutOfRange {
        input: number.clone(),
    };
    if significant.len() > 3 {
        return Err(out_of_range());
    }
    let whole = significant
        .bytes()
        .fold(0i32, |acc, b| acc * 10 + i32::from(b - b'0'));
    let tenths = whole * 10 + tenth_digit;
    let tenths = i16::try_from(tenths).map_err(|_| out_of_range())?;
    if !(MIN_TENTHS..=MAX_TENTHS).contains(&tenths) {
        return Err(out_of_range());
    }
    Ok(Temperature(tenths))
}

/// Removes a trailing unit: "℃", "°C", "° C", "C", "度" (and lowercase c).
fn strip_unit(s: &str) -> &str {
    let s = s
        .strip_suffix('℃')
        .or_else(|| s.strip_suffix('度'))
        .or_else(|| s.strip_suffix(['C', 'c']))
        .unwrap_or(s)
        .trim_end();
    s.strip_suffix('°').unwrap_or(s)
}

fn format_tenths(tenths: i32) -> String {
    let sign = if tenths < 0 { "-" } else { "" };
    let abs = tenths.unsigned_abs();
    format!("{sign}{}.{}", abs / 10, abs % 10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn t(raw: &str) -> i16 {
        parse_temperature(raw)
            .unwrap_or_else(|e| panic!("{raw:?}: {e}"))
            .tenths()
    }

    #[test]
    fn parses_usual_forms() {
        for (raw, tenths) in [
            ("36.5", 365),
            ("36.5℃", 365),
            ("36.5 ℃", 365),
            ("36.5°C", 365),
            ("36.5° C", 365),
            ("36.5c", 365),
            ("36.5度", 365),
            ("36,5", 365),
            ("36。5", 365),
            ("36", 360),
            ("36℃", 360),
            ("３６．５", 365),
            ("３６．５℃", 365),
            ("  37.3\u{3000}", 373),
            ("36.50", 365),
            ("36.500", 365),
            ("036.5", 365),
            ("34", 340),
            ("34.0", 340),
            ("43", 430),
            ("43.0", 430),
        ] {
            assert_eq!(t(raw), tenths, "{raw}");
        }
    }

    #[test]
    fn empty_is_an_error() {
        assert_eq!(parse_temperature(""), Err(DomainError::TemperatureEmpty));
        assert_eq!(
            parse_temperature(" \u{3000} "),
            Err(DomainError::TemperatureEmpty)
        );
    }

    #[test]
    fn format_errors() {
        for raw in [
            "abc",
            "36.",
            ".5",
            "36.5.1",
            "-36.5",
            "36 .5",
            "三十六度",
            "℃",
            "36.5℃℃",
            "36.5F",
            "3 6",
            "36.a",
        ] {
            assert!(
                matches!(
                    parse_temperature(raw),
                    Err(DomainError::TemperatureFormat { .. })
                ),
                "{raw}: {:?}",
                parse_temperature(raw)
            );
        }
    }

    #[test]
    fn precision_errors() {
        for raw in ["36.55", "36.51", "36.05", "37.30001"] {
            assert_eq!(
                parse_temperature(raw),
                Err(DomainError::TemperaturePrecision {
                    input: raw.to_string()
                }),
                "{raw}"
            );
        }
    }

    #[test]
    fn range_errors() {
        for (raw, input) in [
            ("33.9", "33.9"),
            ("43.1", "43.1"),
            ("0", "0"),
            ("98.6", "98.6"),
            ("365", "365"),
            ("3650", "3650"),
            ("99999999999999999999", "99999999999999999999"),
            ("98.6℉", ""),
        ] {
            let result = parse_temperature(raw);
            if input.is_empty() {
                assert!(result.is_err(), "{raw}");
                continue;
            }
            assert_eq!(
                result,
                Err(DomainError::TemperatureOutOfRange {
                    input: input.to_string()
                }),
                "{raw}"
            );
        }
    }

    #[test]
    fn from_tenths_checks_range() {
        assert_eq!(
            Temperature::from_tenths(340).map(Temperature::tenths),
            Ok(340)
        );
        assert_eq!(
            Temperature::from_tenths(430).map(Temperature::tenths),
            Ok(430)
        );
        assert_eq!(
            Temperature::from_tenths(339),
            Err(DomainError::TemperatureOutOfRange {
                input: "33.9".into()
            })
        );
        assert_eq!(
            Temperature::from_tenths(-5),
            Err(DomainError::TemperatureOutOfRange {
                input: "-0.5".into()
            })
        );
        assert!(Temperature::from_tenths(431).is_err());
    }

    #[test]
    fn fever_threshold() {
        let th = FeverThreshold::default();
        assert_eq!(th, FeverThreshold::DEFAULT);
        assert_eq!(th.temperature().tenths(), 373);
        assert_eq!(th.to_string(), "37.3");
        let reading = |raw: &str| parse_temperature(raw).expect("valid");
        assert!(!reading("37.2").is_fever(th));
        assert!(reading("37.3").is_fever(th));
        assert!(reading("39").is_fever(th));
        let custom = FeverThreshold::new(reading("37.5"));
        assert!(!reading("37.3").is_fever(custom));
        assert!(reading("37.5").is_fever(custom));
    }

    #[test]
    fn display_and_serde() {
        let x: Temperature = "36".parse().expect("valid");
        assert_eq!(x.to_string(), "36.0");
        assert_eq!(
            Temperature::parse("37.3").expect("valid").to_string(),
            "37.3"
        );
        assert_eq!(serde_json::to_string(&x).expect("json"), "360");
        assert_eq!(
            serde_json::from_str::<Temperature>("365")
                .expect("json")
                .tenths(),
            365
        );
        assert!(serde_json::from_str::<Temperature>("500").is_err());
        assert_eq!(i16::from(x), 360);
        assert_eq!(
            Temperature::try_from(365i16).map(Temperature::tenths),
            Ok(365)
        );
        assert_eq!(
            serde_json::to_string(&FeverThreshold::DEFAULT).expect("json"),
            "373"
        );
        let th: FeverThreshold = serde_json::from_str("375").expect("json");
        assert_eq!(th.temperature().tenths(), 375);
        assert!(serde_json::from_str::<FeverThreshold>("10").is_err());
    }

    proptest! {
        #[test]
        fn every_tenth_in_range_round_trips(tenths in MIN_TENTHS..=MAX_TENTHS) {
            let x = Temperature::from_tenths(tenths).expect("in range");
            let shown = x.to_string();
            prop_assert_eq!(parse_temperature(&shown).expect("parses back"), x);
            prop_assert_eq!(parse_temperature(&format!("{shown}℃")).expect("with unit"), x);
            prop_assert_eq!(parse_temperature(&shown.replace('.', ",")).expect("comma"), x);
            let wide: String = shown.chars()
                .map(|c| char::from_u32(u32::from(c) + 0xFEE0).unwrap_or(c))
                .collect();
            prop_assert_eq!(parse_temperature(&wide).expect("full-width"), x);
        }

        #[test]
        fn out_of_range_tenths_are_refused(tenths in any::<i16>()) {
            prop_assume!(!(MIN_TENTHS..=MAX_TENTHS).contains(&tenths));
            prop_assert!(Temperature::from_tenths(tenths).is_err());
        }

        #[test]
        fn fever_is_at_or_above_threshold(a in MIN_TENTHS..=MAX_TENTHS, b in MIN_TENTHS..=MAX_TENTHS) {
            let reading = Temperature::from_tenths(a).expect("in range");
            let th = FeverThreshold::new(Temperature::from_tenths(b).expect("in range"));
            prop_assert_eq!(reading.is_fever(th), a >= b);
        }

        #[test]
        fn parse_never_panics(s in any::<String>()) {
            let _ = parse_temperature(&s);
        }

        #[test]
        fn numeric_text_never_panics(s in "[0-9.,]{0,12}℃?") {
            if let Ok(x) = parse_temperature(&s) {
                prop_assert!((MIN_TENTHS..=MAX_TENTHS).contains(&x.tenths()));
            }
        }
    }
}
