//! Calendar dates as grid workers write them.
//!
//! Arrival dates, last-contact dates and isolation periods decide who is screened and when
//! isolation ends, so a date that does not exist (2019-02-30) must be refused at the
//! boundary, not stored. Workers and the Excel files pushed down from higher levels write
//! dates in many ways: 2020-01-21, 2020/1/21, 2020.1.21, 20200121, 2020年1月21日, and
//! often just 1月21日 within the current campaign year. [`parse_date`] accepts all of
//! them; [`format_iso`] and [`format_zh`] write the two forms the ledger uses.
//!
//! Excel serial numbers are not accepted as text here (an import decides whether a cell
//! holds a serial), but the pure date arithmetic of the 1900 date system, including its
//! fictitious 1900-02-29, lives here: [`from_excel_serial`], [`to_excel_serial`].

use chrono::{Datelike, NaiveDate};

use super::error::DomainError;
use super::text::normalize_text;

/// Earliest year [`parse_date`] accepts: older years are typing errors in this ledger.
pub const MIN_YEAR: i32 = 1800;
/// Latest year [`parse_date`] accepts.
pub const MAX_YEAR: i32 = 2200;

/// Parses a date in any of the forms grid workers use:
/// "2020-01-21", "2020/1/21", "2020.1.21", "20200121", "2020年1月21日" (also with 号 and
/// without the final 日), and "1月21日" — the last one only with a `default_year`.
/// Full-width digits and punctuation are accepted. The year must have four digits and lie
/// in 1800–2200; the date must exist.
pub fn parse_date(s: &str, default_year: Option<i32>) -> Result<NaiveDate, DomainError> {
    let text = normalize_text(s);
    if text.is_empty() {
        return Err(DomainError::DateEmpty);
    }
    let format_error = || DomainError::DateFormat {
        input: text.clone(),
    };
    let (year, month, day) = if text.contains(['年', '月', '日', '号']) {
        let compact: String = text.chars().filter(|c| *c != ' ').collect();
        let (year_part, rest) = match compact.split_once('年') {
            Some((y, rest)) => (Some(y.to_string()), rest.to_string()),
            None => (None, compact.clone()),
        };
        let (month_part, day_part) = rest.split_once('月').ok_or_else(format_error)?;
        let day_part = day_part.strip_suffix(['日', '号']).unwrap_or(day_part);
        let month = parse_small(month_part).ok_or_else(format_error)?;
        let day = parse_small(day_part).ok_or_else(format_error)?;
        let year = match year_part {
            Some(y) => parse_year(&y).ok_or_else(format_error)?,
            None => default_year.ok_or_else(|| DomainError::DateMissingYear {
                input: text.clone(),
            })?,
        };
        (year, month, day)
    } else if text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit()) {
        let year = parse_year(&text[..4]).ok_or_else(format_error)?;
        let month = parse_small(&text[4..6]).ok_or_else(format_error)?;
        let day = parse_small(&text[6..]).ok_or_else(format_error)?;
        (year, month, day)
    } else {
        let separator = ['-', '/', '.']
            .into_iter()
            .find(|sep| text.contains(*sep))
            .ok_or_else(format_error)?;
        let parts: Vec<&str> = text.split(separator).map(str::trim).collect();
        let [y, m, d] = parts.as_slice() else {
            return Err(format_error());
        };
        let year = parse_year(y).ok_or_else(format_error)?;
        let month = parse_small(m).ok_or_else(format_error)?;
        let day = parse_small(d).ok_or_else(format_error)?;
        (year, month, day)
    };
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(DomainError::DateYearOutOfRange { year });
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DomainError::DateInvalid { year, month, day })
}

/// "2020-01-21".
pub fn format_iso(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// "2020年1月21日", as in situation reports and printed forms.
pub fn format_zh(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// Day 0 of Excel's 1900 date system for serials from 61 (1900-03-01) on; earlier serials
/// are one day off because Excel counts a 1900-02-29 that never existed (serial 60).
fn excel_epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or(NaiveDate::MIN)
}

/// Largest serial Excel accepts (9999-12-31).
const MAX_EXCEL_SERIAL: f64 = 2_958_465.0;

/// The date of an Excel serial number in the 1900 date system (the time of day, the
/// fraction, is dropped). Serial 1 is 1900-01-01; serial 60 is Excel's fictitious
/// 1900-02-29 and has no date; serial 61 is 1900-03-01. `None` for 0, negatives, NaN,
/// infinities, serial 60 and anything past 9999-12-31.
pub fn from_excel_serial(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !(1.0..MAX_EXCEL_SERIAL + 1.0).contains(&serial) {
        return None;
    }
    // In range 1..=2958465, so the cast is exact.
    let days = serial.floor() as i64;
    match days {
        60 => None,
        1..=59 => excel_epoch().checked_add_signed(chrono::Duration::days(days + 1)),
        _ => excel_epoch().checked_add_signed(chrono::Duration::days(days)),
    }
}

/// The Excel serial number (1900 date system) of a date from 1900-01-01 to 9999-12-31,
/// for writing real dates into exported workbooks. Inverse of [`from_excel_serial`].
pub fn to_excel_serial(d: NaiveDate) -> Option<u32> {
    let days = (d - excel_epoch()).num_days();
    let serial = if d < NaiveDate::from_ymd_opt(1900, 3, 1)? {
        days - 1
    } else {
        days
    };
    if serial < 1 || serial as f64 > MAX_EXCEL_SERIAL {
        return None;
    }
    u32::try_from(serial).ok()
}

/// A month or day: 1 or 2 ASCII digits.
fn parse_small(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A year: exactly 4 ASCII digits.
fn parse_year(s: &str) -> Option<i32> {
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn parses_every_written_form() {
        let expected = date(2020, 1, 21);
        for raw in [
            "2020-01-21",
            "2020-1-21",
            "2020/1/21",
            "2020/01/21",
            "2020.1.21",
            "20200121",
            "2020年1月21日",
            "2020年01月21日",
            "2020年1月21号",
            "2020年1月21",
            "2020 年 1 月 21 日",
            "２０２０－０１－２１",
            "２０２０／１／２１",
            "２０２０年１月２１日",
            "  2020-01-21\u{3000}",
            "2020 - 01 - 21",
        ] {
            assert_eq!(parse_date(raw, None), Ok(expected), "{raw}");
        }
    }

    #[test]
    fn month_and_day_with_default_year() {
        assert_eq!(parse_date("1月21日", Some(2020)), Ok(date(2020, 1, 21)));
        assert_eq!(parse_date("1月21号", Some(2020)), Ok(date(2020, 1, 21)));
        assert_eq!(
            parse_date("１２月３１日", Some(2019)),
            Ok(date(2019, 12, 31))
        );
        // An explicit year wins over the default.
        assert_eq!(
            parse_date("2019年1月21日", Some(2020)),
            Ok(date(2019, 1, 21))
        );
        assert_eq!(
            parse_date("1月21日", None),
            Err(DomainError::DateMissingYear {
                input: "1月21日".into()
            })
        );
        assert_eq!(
            parse_date("2月29日", Some(2019)),
            Err(DomainError::DateInvalid {
                year: 2019,
                month: 2,
                day: 29
            })
        );
        assert_eq!(parse_date("2月29日", Some(2020)), Ok(date(2020, 2, 29)));
    }

    #[test]
    fn impossible_dates() {
        for (raw, (year, month, day)) in [
            ("2019-02-30", (2019, 2, 30)),
            ("2019-13-01", (2019, 13, 1)),
            ("2019-00-10", (2019, 0, 10)),
            ("2019-01-00", (2019, 1, 0)),
            ("2019-04-31", (2019, 4, 31)),
            ("20190230", (2019, 2, 30)),
            ("2019年2月29日", (2019, 2, 29)),
            ("2100/2/29", (2100, 2, 29)),
        ] {
            assert_eq!(
                parse_date(raw, None),
                Err(DomainError::DateInvalid { year, month, day }),
                "{raw}"
            );
        }
    }

    #[test]
    fn format_errors() {
        for raw in [
            "abc",
            "2020-01",
            "2020-01-21-01",
            "20-01-21",
            "2020-001-21",
            "2020-1-021",
            "2020-01/21",
            "2020121",
            "202001210",
            "2020年",
            "2020年1月",
            "2020年一月二十一日",
            "2020年1月21日下午",
            "20年1月21日",
            "1/21",
            "2020--21",
            "2020-01-21 10:00",
            "43851",
        ] {
            assert!(
                matches!(
                    parse_date(raw, Some(2020)),
                    Err(DomainError::DateFormat { .. })
                ),
                "{raw}: {:?}",
                parse_date(raw, Some(2020))
            );
        }
    }

    #[test]
    fn empty_and_year_range() {
        assert_eq!(parse_date("", None), Err(DomainError::DateEmpty));
        assert_eq!(
            parse_date(" \u{3000}", Some(2020)),
            Err(DomainError::DateEmpty)
        );
        assert_eq!(
            parse_date("0020-01-21", None),
            Err(DomainError::DateYearOutOfRange { year: 20 })
        );
        assert_eq!(
            parse_date("9999-01-21", None),
            Err(DomainError::DateYearOutOfRange { year: 9999 })
        );
        assert_eq!(
            parse_date("1月1日", Some(1066)),
            Err(DomainError::DateYearOutOfRange { year: 1066 })
        );
        assert_eq!(parse_date("1800-01-01", None), Ok(date(1800, 1, 1)));
        assert_eq!(parse_date("2200-12-31", None), Ok(date(2200, 12, 31)));
    }

    #[test]
    fn formats() {
        let d = date(2020, 1, 21);
        assert_eq!(format_iso(d), "2020-01-21");
        assert_eq!(format_zh(d), "2020年1月21日");
        assert_eq!(format_zh(date(2020, 12, 5)), "2020年12月5日");
        assert_eq!(format_iso(date(1900, 3, 1)), "1900-03-01");
    }

    #[test]
    fn excel_serials() {
        assert_eq!(from_excel_serial(1.0), Some(date(1900, 1, 1)));
        assert_eq!(from_excel_serial(59.0), Some(date(1900, 2, 28)));
        assert_eq!(from_excel_serial(60.0), None);
        assert_eq!(from_excel_serial(61.0), Some(date(1900, 3, 1)));
        assert_eq!(from_excel_serial(43851.0), Some(date(2020, 1, 21)));
        assert_eq!(from_excel_serial(43851.75), Some(date(2020, 1, 21)));
        assert_eq!(from_excel_serial(2_958_465.0), Some(date(9999, 12, 31)));
        assert_eq!(from_excel_serial(2_958_466.0), None);
        assert_eq!(from_excel_serial(0.0), None);
        assert_eq!(from_excel_serial(0.5), None);
        assert_eq!(from_excel_serial(-1.0), None);
        assert_eq!(from_excel_serial(f64::NAN), None);
        assert_eq!(from_excel_serial(f64::INFINITY), None);
        assert_eq!(from_excel_serial(f64::NEG_INFINITY), None);
        assert_eq!(from_excel_serial(1e300), None);
    }

    #[test]
    fn to_excel_serials() {
        assert_eq!(to_excel_serial(date(1900, 1, 1)), Some(1));
        assert_eq!(to_excel_serial(date(1900, 2, 28)), Some(59));
        assert_eq!(to_excel_serial(date(1900, 3, 1)), Some(61));
        assert_eq!(to_excel_serial(date(2020, 1, 21)), Some(43851));
        assert_eq!(to_excel_serial(date(9999, 12, 31)), Some(2_958_465));
        assert_eq!(to_excel_serial(date(1899, 12, 31)), None);
        assert_eq!(to_excel_serial(NaiveDate::MIN), None);
        assert_eq!(to_excel_serial(NaiveDate::MAX), None);
    }

    fn dates_1900_2100() -> impl Strategy<Value = NaiveDate> {
        let first = date(1900, 1, 1);
        let span = (date(2100, 12, 31) - first).num_days();
        (0..=span).prop_map(move |d| first + chrono::Duration::days(d))
    }

    proptest! {
        #[test]
        fn iso_and_zh_round_trip(d in dates_1900_2100()) {
            prop_assert_eq!(parse_date(&format_iso(d), None), Ok(d));
            prop_assert_eq!(parse_date(&format_zh(d), None), Ok(d));
            let without_year = format!("{}月{}日", d.month(), d.day());
            prop_assert_eq!(parse_date(&without_year, Some(d.year())), Ok(d));
            let compact = format_iso(d).replace('-', "");
            prop_assert_eq!(parse_date(&compact, None), Ok(d));
            let slashes = format!("{}/{}/{}", d.year(), d.month(), d.day());
            prop_assert_eq!(parse_date(&slashes, None), Ok(d));
        }

        #[test]
        fn excel_serials_round_trip(d in dates_1900_2100()) {
            let serial = to_excel_serial(d).expect("in Excel's range");
            prop_assert_eq!(from_excel_serial(f64::from(serial)), Some(d));
            prop_assert_eq!(from_excel_serial(f64::from(serial) + 0.999), Some(d));
        }

        #[test]
        fn parse_never_panics(s in any::<String>(), y in proptest::option::of(any::<i32>())) {
            let _ = parse_date(&s, y);
        }

        #[test]
        fn excel_serial_never_panics(x in any::<f64>()) {
            let _ = from_excel_serial(x);
        }
    }
}
