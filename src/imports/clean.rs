//! Cleaning one cell into a field value. The rules themselves live in `crate::domain`
//! (text, dates, ID numbers, phones); here a cell's type is taken into account: a date
//! cell is a serial, an ID number Excel turned into a number is refused as corrupted.

use chrono::NaiveDate;

use crate::domain::date::{format_iso, from_excel_serial, parse_date};
use crate::domain::error::DomainError;
use crate::domain::id_number::parse_id_number_on;
use crate::domain::phone::parse_phone;
use crate::domain::text::normalize_text;

use super::read::Cell;

/// A cleaning failure, in Chinese for the preview and the error report.
pub type Refusal = String;

/// A number as written, without a trailing ".0" for whole numbers.
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// The cell as normalised text (trimmed, full-width → half-width, spaces collapsed);
/// a date cell as 2020-01-21.
pub fn text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => normalize_text(t),
        Cell::Number(f) => number_text(*f),
        Cell::Date(f) => from_excel_serial(*f).map_or_else(|| number_text(*f), format_iso),
        Cell::Bool(b) => if *b { "是" } else { "否" }.to_owned(),
    }
}

/// A date in any common form: a date cell or an Excel serial number, 2020-01-21,
/// 2020/1/21, 2020.1.21, 20200121, 2020年1月21日, and 1月21日 in `default_year`.
pub fn date(cell: &Cell, default_year: i32) -> Result<NaiveDate, Refusal> {
    let serial = |f: f64| {
        from_excel_serial(f).ok_or_else(|| format!("日期“{}”不是有效的 Excel 日期", number_text(f)))
    };
    match cell {
        Cell::Date(f) => serial(*f),
        Cell::Number(f) if (19_000_101.0..=22_001_231.0).contains(f) && f.fract() == 0.0 => {
            parse_date(&number_text(*f), None).map_err(|e| e.message_zh())
        }
        Cell::Number(f) => serial(*f),
        Cell::Text(t) => {
            let t = normalize_text(t);
            // A serial number written as text (a csv saved from Excel).
            if !t.is_empty() && t.len() <= 5 && t.bytes().all(|b| b.is_ascii_digit()) {
                return t
                    .parse::<f64>()
                    .map_err(|_| format!("日期“{t}”无法识别"))
                    .and_then(serial);
            }
            // A date with a time ("2020-01-21 08:30"): the date.
            let day = match t.split_once(' ') {
                Some((d, rest)) if rest.contains(':') => d,
                _ => t.as_str(),
            };
            parse_date(day, Some(default_year)).map_err(|e| e.message_zh())
        }
        Cell::Empty => Err("日期为空".to_owned()),
        Cell::Bool(_) => Err("日期一栏填的是是/否".to_owned()),
    }
}

/// An 18-character resident ID number (15-digit ones upgraded). A number cell of more
/// than 15 digits is what Excel leaves of an ID number typed into a number cell (1.1e17:
/// the last digits are lost) and is refused as corrupted.
pub fn id_number(cell: &Cell, today: NaiveDate) -> Result<String, Refusal> {
    let raw = match cell {
        Cell::Number(f) | Cell::Date(f) => {
            if f.fract() == 0.0 && (1e14..1e15).contains(f) {
                number_text(*f)
            } else {
                return Err(DomainError::IdScientificNotation {
                    input: format!("{f:E}"),
                }
                .message_zh());
            }
        }
        other => text(other),
    };
    parse_id_number_on(&raw, today)
        .map(|p| p.number.to_string())
        .map_err(|e| e.message_zh())
}

/// A phone number (mobile or landline), normalised.
pub fn phone(cell: &Cell) -> Result<String, Refusal> {
    parse_phone(&text(cell))
        .map(|p| p.as_str().to_owned())
        .map_err(|e| e.message_zh())
}

/// An address as the register spells its parts: "幸福家园12栋2单元301" → estate
/// "幸福家园", building "12", unit "2", room "301". Numbers only, without 栋 / 单元 / 室.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedAddress {
    /// What precedes the building ("XX社区幸福家园"), possibly empty.
    pub prefix: String,
    pub building: String,
    pub unit: Option<String>,
    pub room: String,
}

fn take_digits(s: &str) -> (&str, &str) {
    let end = s
        .char_indices()
        .find(|(_, c)| !c.is_ascii_digit())
        .map_or(s.len(), |(i, _)| i);
    s.split_at(end)
}

fn trailing_digits(s: &str) -> (&str, &str) {
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map_or(s.len(), |(i, _)| i);
    s.split_at(start)
}

/// Parse "12栋2单元301", "幸福家园12幢2单元301室", "12号楼2单元301", "12-2-301".
pub fn address(raw: &str) -> Option<ParsedAddress> {
    let s: String = normalize_text(raw).chars().filter(|c| *c != ' ').collect();
    for marker in ["号楼", "栋", "幢", "楼"] {
        let Some(pos) = s.find(marker) else { continue };
        let (before, after) = (&s[..pos], &s[pos + marker.len()..]);
        let (prefix, building) = trailing_digits(before);
        if building.is_empty() {
            continue;
        }
        let after = after.trim_start_matches('-');
        let (unit, rest) = match after.find("单元") {
            Some(u) => {
                let (digits, tail) = take_digits(&after[..u]);
                if digits.is_empty() || !tail.is_empty() {
                    return None;
                }
                (Some(digits.to_owned()), &after[u + "单元".len()..])
            }
            None => (None, after),
        };
        let rest = rest.trim_start_matches('-');
        let (room, tail) = take_digits(rest);
        let tail_ok = matches!(tail, "" | "室" | "号" | "户");
        if room.is_empty() || !tail_ok {
            return None;
        }
        return Some(ParsedAddress {
            prefix: prefix.to_owned(),
            building: building.to_owned(),
            unit,
            room: room.to_owned(),
        });
    }
    // "12-2-301" (building-unit-room), possibly after an estate name.
    let parts: Vec<&str> = s.rsplitn(3, '-').collect();
    if let [room, unit, front] = parts.as_slice() {
        let (prefix, building) = trailing_digits(front);
        let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
        if digits(room) && digits(unit) && digits(building) {
            return Some(ParsedAddress {
                prefix: prefix.to_owned(),
                building: building.to_owned(),
                unit: Some((*unit).to_owned()),
                room: (*room).to_owned(),
            });
        }
    }
    None
}

/// The leading number of a register name ("12栋" → "12", "2单元" → "2"); the name itself
/// when it has none.
pub fn leading_number(name: &str) -> String {
    let n = normalize_text(name);
    let (digits, _) = take_digits(&n);
    if digits.is_empty() {
        n
    } else {
        digits.trim_start_matches('0').to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_every_form() {
        let want = d(2020, 1, 21);
        for c in [
            Cell::Text("2020-01-21".into()),
            Cell::Text("2020/1/21".into()),
            Cell::Text("2020.1.21".into()),
            Cell::Text("20200121".into()),
            Cell::Text("1月21日".into()),
            Cell::Text("２０２０年１月２１日".into()),
            Cell::Text("43851".into()),
            Cell::Text("2020-01-21 08:30".into()),
            Cell::Number(20200121.0),
            Cell::Number(43851.0),
            Cell::Date(43851.0),
            Cell::Date(43851.75),
        ] {
            assert_eq!(date(&c, 2020), Ok(want), "{c:?}");
        }
        assert_eq!(
            date(&Cell::Text("1月21日".into()), 2019),
            Ok(d(2019, 1, 21))
        );
        assert!(date(&Cell::Text("2020-02-30".into()), 2020).is_err());
        assert!(date(&Cell::Empty, 2020).is_err());
        assert!(date(&Cell::Number(60.0), 2020).is_err());
    }

    #[test]
    fn id_numbers() {
        let today = d(2020, 2, 1);
        assert_eq!(
            id_number(
                &Cell::Text(" １１０１０５１９４９１２３１００２Ｘ ".into()),
                today
            ),
            Ok("11010519491231002X".into())
        );
        // 15 digits upgraded, as text or as an (exact) number.
        assert_eq!(
            id_number(&Cell::Text("110105491231002".into()), today),
            Ok("11010519491231002X".into())
        );
        assert_eq!(
            id_number(&Cell::Number(110105491231002.0), today),
            Ok("11010519491231002X".into())
        );
        // Excel's number: refused as corrupted.
        let e = id_number(&Cell::Number(1.10105194912310e17), today).unwrap_err();
        assert!(e.contains("科学计数"), "{e}");
        let e = id_number(&Cell::Text("1.10105E+17".into()), today).unwrap_err();
        assert!(e.contains("科学计数"), "{e}");
        assert!(id_number(&Cell::Text("110105194912310021".into()), today).is_err());
    }

    #[test]
    fn text_normalised() {
        assert_eq!(text(&Cell::Text("　张　三 ".into())), "张 三");
        assert_eq!(text(&Cell::Number(13800138000.0)), "13800138000");
        assert_eq!(text(&Cell::Date(43851.0)), "2020-01-21");
        assert_eq!(
            phone(&Cell::Number(13800138000.0)),
            Ok("13800138000".into())
        );
        assert!(phone(&Cell::Text("12345".into())).is_err());
    }

    #[test]
    fn addresses() {
        let a = |prefix: &str, b: &str, u: Option<&str>, r: &str| ParsedAddress {
            prefix: prefix.into(),
            building: b.into(),
            unit: u.map(Into::into),
            room: r.into(),
        };
        assert_eq!(address("12栋2单元301"), Some(a("", "12", Some("2"), "301")));
        assert_eq!(
            address("幸福家园12幢2单元301室"),
            Some(a("幸福家园", "12", Some("2"), "301"))
        );
        assert_eq!(
            address("幸福家园 12号楼301"),
            Some(a("幸福家园", "12", None, "301"))
        );
        assert_eq!(
            address("１２栋２单元３０１"),
            Some(a("", "12", Some("2"), "301"))
        );
        assert_eq!(address("12-2-301"), Some(a("", "12", Some("2"), "301")));
        assert_eq!(address("湖北省武汉市"), None);
        assert_eq!(address("12栋东侧小卖部"), None);
        assert_eq!(leading_number("12栋"), "12");
        assert_eq!(leading_number("02单元"), "2");
        assert_eq!(leading_number("东区"), "东区");
    }
}
