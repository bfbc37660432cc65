//! Validation errors of the domain rules.
//!
//! One enum for every validator so that callers (forms, imports, the CLI) handle them
//! alike. Each error has three faces: `Display` in English for logs and the CLI;
//! [`DomainError::reason`], a stable camelCase key ("idNumber.checksum") that the UI and
//! import reports can branch on and count by; and [`DomainError::message_zh`], a
//! Simplified Chinese sentence that tells a grid worker what is wrong and what to check.
//! Variants carry the data those messages need (the expected check character, the
//! impossible date, the length typed).

use chrono::NaiveDate;

use super::document::DocumentType;

/// A value from the boundary broke a domain rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    // --- resident ID numbers ---
    #[error("ID number is empty")]
    IdEmpty,
    #[error("ID number has {len} characters; expected 18 (or 15 for a legacy number)")]
    IdLength { len: usize },
    #[error("ID number has an invalid character {found:?} at position {position}")]
    IdInvalidChar { position: usize, found: char },
    #[error("ID number check character is {actual}, expected {expected}")]
    IdChecksum { expected: char, actual: char },
    #[error("ID number birth date {digits} is not a real date")]
    IdBirthDateInvalid { digits: String },
    #[error("ID number birth date {date} is in the future")]
    IdBirthDateInFuture { date: NaiveDate },
    #[error("ID number birth date {date} is before 1880")]
    IdBirthDateTooEarly { date: NaiveDate },
    #[error("ID number {input:?} was turned into a number in scientific notation; its last digits are lost")]
    IdScientificNotation { input: String },

    // --- other documents ---
    #[error("{doc_type:?} number is empty")]
    DocumentEmpty { doc_type: DocumentType },
    #[error("{doc_type:?} number does not match the document's pattern")]
    DocumentFormat { doc_type: DocumentType },

    // --- phones ---
    #[error("phone number is empty")]
    PhoneEmpty,
    #[error("phone number has an invalid character {found:?}")]
    PhoneInvalidChar { found: char },
    #[error("mobile number has {len} digits; expected 11")]
    PhoneMobileLength { len: usize },
    #[error("mobile number's second digit is {second}; expected 3 to 9")]
    PhoneMobilePrefix { second: char },
    #[error("landline number is malformed; expected area code + 7 or 8 digits (+ extension)")]
    PhoneLandlineFormat,
    #[error("400/800 service number has {len} digits; expected 10")]
    PhoneServiceLength { len: usize },
    #[error("landline number has no area code")]
    PhoneMissingAreaCode,
    #[error("not a recognised mainland phone number")]
    PhoneUnrecognized,
    #[error("foreign phone number must start with + or 00 and a country code")]
    ForeignPhoneFormat,
    #[error("foreign phone number has {len} digits; expected 7 to 15 including the country code")]
    ForeignPhoneLength { len: usize },

    // --- temperatures ---
    #[error("temperature is empty")]
    TemperatureEmpty,
    #[error("temperature {input:?} is not a number")]
    TemperatureFormat { input: String },
    #[error("temperature {input:?} has more than one decimal place")]
    TemperaturePrecision { input: String },
    #[error("temperature {input} is outside 34.0–43.0 °C")]
    TemperatureOutOfRange { input: String },

    // --- dates ---
    #[error("date is empty")]
    DateEmpty,
    #[error("date {input:?} is not in a recognised format")]
    DateFormat { input: String },
    #[error("date {year:04}-{month:02}-{day:02} does not exist")]
    DateInvalid { year: i32, month: u32, day: u32 },
    #[error("date {input:?} has no year and no default year was given")]
    DateMissingYear { input: String },
    #[error("date year {year} is outside 1800–2200")]
    DateYearOutOfRange { year: i32 },
}

impl DomainError {
    /// A stable camelCase key naming the rule that failed, e.g. "idNumber.checksum".
    /// Never changes once released: the UI, import reports and statistics use it.
    pub fn reason(&self) -> &'static str {
        match self {
            DomainError::IdEmpty => "idNumber.empty",
            DomainError::IdLength { .. } => "idNumber.length",
            DomainError::IdInvalidChar { .. } => "idNumber.invalidChar",
            DomainError::IdChecksum { .. } => "idNumber.checksum",
            DomainError::IdBirthDateInvalid { .. } => "idNumber.birthDateInvalid",
            DomainError::IdBirthDateInFuture { .. } => "idNumber.birthDateInFuture",
            DomainError::IdBirthDateTooEarly { .. } => "idNumber.birthDateTooEarly",
            DomainError::IdScientificNotation { .. } => "idNumber.scientificNotation",
            DomainError::DocumentEmpty { .. } => "document.empty",
            DomainError::DocumentFormat { .. } => "document.format",
            DomainError::PhoneEmpty => "phone.empty",
            DomainError::PhoneInvalidChar { .. } => "phone.invalidChar",
            DomainError::PhoneMobileLength { .. } => "phone.mobileLength",
            DomainError::PhoneMobilePrefix { .. } => "phone.mobilePrefix",
            DomainError::PhoneLandlineFormat => "phone.landlineFormat",
            DomainError::PhoneServiceLength { .. } => "phone.serviceLength",
            DomainError::PhoneMissingAreaCode => "phone.missingAreaCode",
            DomainError::PhoneUnrecognized => "phone.unrecognized",
            DomainError::ForeignPhoneFormat => "phone.foreignFormat",
            DomainError::ForeignPhoneLength { .. } => "phone.foreignLength",
            DomainError::TemperatureEmpty => "temperature.empty",
            DomainError::TemperatureFormat { .. } => "temperature.format",
            DomainError::TemperaturePrecision { .. } => "temperature.precision",
            DomainError::TemperatureOutOfRange { .. } => "temperature.outOfRange",
            DomainError::DateEmpty => "date.empty",
            DomainError::DateFormat { .. } => "date.format",
            DomainError::DateInvalid { .. } => "date.invalid",
            DomainError::DateMissingYear { .. } => "date.missingYear",
            DomainError::DateYearOutOfRange { .. } => "date.yearOutOfRange",
        }
    }

    /// A Simplified Chinese explanation for the grid worker: what is wrong and, where it
    /// helps, what to check.
    pub fn message_zh(&self) -> String {
        match self {
            DomainError::IdEmpty => "请填写身份证号".to_string(),
            DomainError::IdLength { len } => format!(
                "身份证号应为18位（旧版为15位），录入的是 {len} 位，请核对是否多录或漏录"
            ),
            DomainError::IdInvalidChar { position, found } => {
                let shown = if found.is_whitespace() {
                    "空格".to_string()
                } else {
                    format!("“{found}”")
                };
                format!(
                    "身份证号第 {position} 位是{shown}，只能是数字（仅最后一位可以是 X）"
                )
            }
            DomainError::IdChecksum { expected, actual } => format!(
                "身份证号校验码错误：按前17位计算，最后一位应为 {expected}，录入的是 {actual}。\
                 请对照证件逐位核对，也可能是前面某一位录错"
            ),
            DomainError::IdBirthDateInvalid { digits } => format!(
                "身份证号中的出生日期 {digits} 不存在（如2月30日、13月），请核对第7至14位"
            ),
            DomainError::IdBirthDateInFuture { date } => format!(
                "身份证号中的出生日期 {} 晚于今天，请核对第7至14位",
                zh_date(*date)
            ),
            DomainError::IdBirthDateTooEarly { date } => format!(
                "身份证号中的出生日期 {} 早于1880年，请核对第7至14位",
                zh_date(*date)
            ),
            DomainError::IdScientificNotation { input } => format!(
                "身份证号“{input}”已被 Excel 转成科学计数法，后几位已经丢失、无法恢复。\
                 请将该列设为“文本”格式后重新录入"
            ),
            DomainError::DocumentEmpty { doc_type } => {
                format!("请填写{}号码", doc_type.label_zh())
            }
            DomainError::DocumentFormat { doc_type } => format!(
                "{}号码格式不对：应为{}",
                doc_type.label_zh(),
                doc_type.format_hint_zh()
            ),
            DomainError::PhoneEmpty => "请填写联系电话".to_string(),
            DomainError::PhoneInvalidChar { found } => format!(
                "联系电话中有不能识别的字符“{found}”，只能填数字，可用空格或“-”分隔"
            ),
            DomainError::PhoneMobileLength { len } => {
                format!("手机号应为11位，录入的是 {len} 位")
            }
            DomainError::PhoneMobilePrefix { second } => format!(
                "手机号第2位应为3至9，录入的是 {second}，请核对"
            ),
            DomainError::PhoneLandlineFormat => {
                "固定电话格式不对：应为区号加7至8位号码，如 0551-12345678，分机可写作“-123”或“转123”"
                    .to_string()
            }
            DomainError::PhoneServiceLength { len } => {
                format!("400/800 电话应为10位，录入的是 {len} 位")
            }
            DomainError::PhoneMissingAreaCode => {
                "固定电话缺少区号，请在号码前加上区号，如 0551-12345678".to_string()
            }
            DomainError::PhoneUnrecognized => {
                "无法识别的电话号码：手机号为11位，固定电话需带区号；境外号码请以“+国家代码”开头"
                    .to_string()
            }
            DomainError::ForeignPhoneFormat => {
                "境外电话应以“+”或“00”加国家（地区）代码开头，如 +44 20 7946 0958".to_string()
            }
            DomainError::ForeignPhoneLength { len } => format!(
                "境外电话连同国家（地区）代码应为7至15位数字，录入的是 {len} 位"
            ),
            DomainError::TemperatureEmpty => "请填写体温".to_string(),
            DomainError::TemperatureFormat { input } => {
                format!("体温“{input}”不是有效数字，请填写如 36.5")
            }
            DomainError::TemperaturePrecision { input } => {
                format!("体温“{input}”的小数超过1位，请保留1位小数，如 36.5")
            }
            DomainError::TemperatureOutOfRange { input } => {
                let fahrenheit = input
                    .parse::<f64>()
                    .is_ok_and(|v| (93.0..=110.0).contains(&v));
                let hint = if fahrenheit {
                    "，是否录成了华氏度？请填写摄氏度"
                } else {
                    "，请核对是否录错"
                };
                format!("体温 {input}℃ 不在合理范围（34.0～43.0℃）内{hint}")
            }
            DomainError::DateEmpty => "请填写日期".to_string(),
            DomainError::DateFormat { input } => format!(
                "日期“{input}”无法识别，请按 2020-01-21、2020/1/21 或 2020年1月21日 填写"
            ),
            DomainError::DateInvalid { year, month, day } => {
                format!("日期 {year}年{month}月{day}日 不存在，请核对")
            }
            DomainError::DateMissingYear { input } => {
                format!("日期“{input}”缺少年份，请写明年份，如 2020年1月21日")
            }
            DomainError::DateYearOutOfRange { year } => {
                format!("日期的年份 {year} 不合理（应在1800至2200年之间），请核对")
            }
        }
    }
}

fn zh_date(d: NaiveDate) -> String {
    super::date::format_zh(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn all_errors() -> Vec<DomainError> {
        let date = NaiveDate::from_ymd_opt(2091, 1, 1).expect("valid test date");
        vec![
            DomainError::IdEmpty,
            DomainError::IdLength { len: 17 },
            DomainError::IdInvalidChar {
                position: 7,
                found: '-',
            },
            DomainError::IdChecksum {
                expected: 'X',
                actual: '5',
            },
            DomainError::IdBirthDateInvalid {
                digits: "20190230".into(),
            },
            DomainError::IdBirthDateInFuture { date },
            DomainError::IdBirthDateTooEarly { date },
            DomainError::IdScientificNotation {
                input: "1.10105E+17".into(),
            },
            DomainError::DocumentEmpty {
                doc_type: DocumentType::Passport,
            },
            DomainError::DocumentFormat {
                doc_type: DocumentType::HkMacauPermit,
            },
            DomainError::PhoneEmpty,
            DomainError::PhoneInvalidChar { found: '.' },
            DomainError::PhoneMobileLength { len: 10 },
            DomainError::PhoneMobilePrefix { second: '2' },
            DomainError::PhoneLandlineFormat,
            DomainError::PhoneServiceLength { len: 9 },
            DomainError::PhoneMissingAreaCode,
            DomainError::PhoneUnrecognized,
            DomainError::ForeignPhoneFormat,
            DomainError::ForeignPhoneLength { len: 6 },
            DomainError::TemperatureEmpty,
            DomainError::TemperatureFormat {
                input: "abc".into(),
            },
            DomainError::TemperaturePrecision {
                input: "36.55".into(),
            },
            DomainError::TemperatureOutOfRange {
                input: "98.6".into(),
            },
            DomainError::DateEmpty,
            DomainError::DateFormat {
                input: "abc".into(),
            },
            DomainError::DateInvalid {
                year: 2019,
                month: 2,
                day: 30,
            },
            DomainError::DateMissingYear {
                input: "1月21日".into(),
            },
            DomainError::DateYearOutOfRange { year: 20 },
        ]
    }

    #[test]
    fn every_error_has_a_unique_camel_case_reason() {
        let errors = all_errors();
        let reasons: BTreeSet<&str> = errors.iter().map(DomainError::reason).collect();
        assert_eq!(reasons.len(), errors.len(), "reasons must be unique");
        for r in reasons {
            let (area, rule) = r.split_once('.').expect("area.rule");
            for part in [area, rule] {
                assert!(
                    part.chars().next().is_some_and(|c| c.is_ascii_lowercase()),
                    "{r}"
                );
                assert!(part.chars().all(|c| c.is_ascii_alphanumeric()), "{r}");
            }
        }
    }

    #[test]
    fn every_error_has_english_and_chinese_text() {
        for e in all_errors() {
            let en = e.to_string();
            assert!(en.starts_with(|c: char| c.is_ascii_alphanumeric()), "{en}");
            let zh = e.message_zh();
            assert!(
                zh.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)),
                "{zh}"
            );
        }
    }

    #[test]
    fn checksum_message_names_both_characters() {
        let e = DomainError::IdChecksum {
            expected: 'X',
            actual: '5',
        };
        assert_eq!(e.reason(), "idNumber.checksum");
        assert_eq!(e.to_string(), "ID number check character is 5, expected X");
        let zh = e.message_zh();
        assert!(zh.starts_with("身份证号校验码错误"), "{zh}");
        assert!(zh.contains("最后一位应为 X，录入的是 5"), "{zh}");
    }

    #[test]
    fn messages_carry_their_data() {
        assert!(DomainError::IdLength { len: 17 }
            .message_zh()
            .contains("17 位"));
        assert!(DomainError::IdInvalidChar {
            position: 7,
            found: '-'
        }
        .message_zh()
        .contains("第 7 位是“-”"));
        assert!(DomainError::IdInvalidChar {
            position: 7,
            found: ' '
        }
        .message_zh()
        .contains("空格"));
        assert!(DomainError::IdBirthDateInvalid {
            digits: "20190230".into()
        }
        .message_zh()
        .contains("20190230"));
        let date = NaiveDate::from_ymd_opt(2091, 1, 1).expect("valid test date");
        assert!(DomainError::IdBirthDateInFuture { date }
            .message_zh()
            .contains("2091年1月1日"));
        assert!(DomainError::DocumentFormat {
            doc_type: DocumentType::HkMacauPermit
        }
        .message_zh()
        .contains("港澳居民来往内地通行证号码格式不对"));
        assert!(DomainError::DateInvalid {
            year: 2019,
            month: 2,
            day: 30
        }
        .to_string()
        .contains("2019-02-30"));
        assert!(DomainError::DateInvalid {
            year: 2019,
            month: 2,
            day: 30
        }
        .message_zh()
        .contains("2019年2月30日"));
    }

    #[test]
    fn out_of_range_temperature_hints_at_fahrenheit() {
        let f = DomainError::TemperatureOutOfRange {
            input: "98.6".into(),
        };
        assert!(f.message_zh().contains("华氏度"));
        let c = DomainError::TemperatureOutOfRange {
            input: "33.9".into(),
        };
        assert!(!c.message_zh().contains("华氏度"));
        assert!(c.message_zh().contains("33.9℃"));
    }
}
