//! Resident ID numbers (居民身份证号码, GB 11643-1999).
//!
//! The ID number is the key a grid worker identifies people by, and every derived fact
//! (birth date, sex, age, native region) is read from it rather than typed, so that the
//! ledger never holds a person whose age contradicts their ID. This module parses what a
//! worker typed or an Excel cell held into a normalised 18-character [`IdNumber`] and the
//! facts derived from it ([`ParsedIdNumber`]).
//!
//! Layout of the 18 characters: a 6-digit region code (GB/T 2260), the birth date as
//! `YYYYMMDD`, a 3-digit sequence number (odd for men, even for women) and a check
//! character computed with ISO 7064 MOD 11-2. Legacy 15-digit numbers (`YYMMDD`, no check
//! character) are upgraded by inserting "19" before the year and computing the check.
//!
//! A wrong check character or an impossible birth date is an error. An unknown region code
//! is only a warning: region codes are revoked and merged over the years, and a person
//! keeps the number they were issued.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Local, NaiveDate};
use serde::{Deserialize, Serialize};

use super::error::DomainError;
use super::text::normalize_text;

/// The ISO 7064 MOD 11-2 weights of the first 17 digits (2^(17-i) mod 11).
pub const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/// The check character for each value of (weighted sum mod 11).
pub const CHECK_CHARS: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// Birth dates before this year are treated as typing errors.
pub const EARLIEST_BIRTH_YEAR: i32 = 1880;

/// Sex as encoded by the sequence number (odd = male). Derived, never typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    /// "男" or "女", as printed in the forms' 性别 column.
    pub fn label_zh(self) -> &'static str {
        match self {
            Sex::Male => "男",
            Sex::Female => "女",
        }
    }
}

/// A valid, normalised 18-character resident ID number: 17 digits and a check character
/// (a digit or uppercase `X`) that matches them, with a real birth date.
///
/// Only built by parsing, so holding one proves the number passed every check. Serialised
/// as the plain string; deserialising parses again (and upgrades a 15-digit number).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IdNumber(String);

impl IdNumber {
    /// The 18 characters.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The 18 characters, owned.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for IdNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for IdNumber {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl FromStr for IdNumber {
    type Err = DomainError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_id_number(s).map(|parsed| parsed.number)
    }
}

impl TryFrom<String> for IdNumber {
    type Error = DomainError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<IdNumber> for String {
    fn from(id: IdNumber) -> String {
        id.0
    }
}

/// Something worth telling the worker about an ID number that is nevertheless accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum IdWarning {
    /// The region code is not a known mainland (or HK / Macau / Taiwan) code. Old codes
    /// were revoked, so this is a warning, not an error.
    UnknownRegion { code: String },
    /// A legacy 15-digit number was typed and upgraded to 18 characters.
    UpgradedFrom15 { original: String },
}

impl IdWarning {
    /// A stable camelCase key, e.g. "idNumber.unknownRegion".
    pub fn reason(&self) -> &'static str {
        match self {
            IdWarning::UnknownRegion { .. } => "idNumber.unknownRegion",
            IdWarning::UpgradedFrom15 { .. } => "idNumber.upgradedFrom15",
        }
    }

    /// A Simplified Chinese explanation for the grid worker.
    pub fn message_zh(&self) -> String {
        match self {
            IdWarning::UnknownRegion { code } => format!(
                "身份证号前6位地区码 {code} 不在现行行政区划代码中（可能是已撤销的旧地区码），\
                 请核对证件原件"
            ),
            IdWarning::UpgradedFrom15 { original } => {
                format!("录入的是15位旧身份证号 {original}，已自动升级为18位")
            }
        }
    }
}

/// An accepted ID number with everything derived from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedIdNumber {
    /// The normalised 18-character number.
    pub number: IdNumber,
    /// The first six digits (GB/T 2260 region code of the issuing place).
    pub region_code: String,
    pub birth_date: NaiveDate,
    pub sex: Sex,
    /// Accepted, but worth showing (unknown region code, upgraded from 15 digits).
    pub warnings: Vec<IdWarning>,
}

impl ParsedIdNumber {
    /// Age in whole years (周岁) on `date`; see [`age_on`].
    pub fn age_on(&self, date: NaiveDate) -> u32 {
        age_on(self.birth_date, date)
    }
}

/// Age in whole years (周岁) of someone born on `birth` on the day `on`: the count goes up
/// on the birthday. Someone born on 29 February has their birthday on 1 March in common
/// years. Before the birth date the age is 0.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> u32 {
    if on <= birth {
        return 0;
    }
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).unwrap_or(0)
}

/// Parses an ID number typed by a worker or read from a cell, judging "in the future"
/// against today's local date. See [`parse_id_number_on`].
pub fn parse_id_number(raw: &str) -> Result<ParsedIdNumber, DomainError> {
    parse_id_number_on(raw, Local::now().date_naive())
}

/// Parses an ID number, with `today` as the latest acceptable birth date.
///
/// Accepts surrounding whitespace, full-width digits and a lowercase `x` (normalised to
/// `X`), and legacy 15-digit numbers (upgraded, with an [`IdWarning::UpgradedFrom15`]).
/// Checks, in order: the characters, the length, the birth date (real, not after `today`,
/// not before 1880), then the check character. An unknown region code only adds an
/// [`IdWarning::UnknownRegion`].
pub fn parse_id_number_on(raw: &str, today: NaiveDate) -> Result<ParsedIdNumber, DomainError> {
    let s = normalize_text(raw);
    if s.is_empty() {
        return Err(DomainError::IdEmpty);
    }
    if looks_like_scientific_notation(&s) {
        return Err(DomainError::IdScientificNotation { input: s });
    }
    let chars: Vec<char> = s.chars().map(|c| if c == 'x' { 'X' } else { c }).collect();
    let len = chars.len();
    for (i, &c) in chars.iter().enumerate() {
        let check_position = len == 18 && i == 17;
        if !(c.is_ascii_digit() || (c == 'X' && check_position)) {
            // An X at the end of a number of the wrong length is a length problem.
            if !(c == 'X' && i + 1 == len && len != 15) {
                return Err(DomainError::IdInvalidChar {
                    position: i + 1,
                    found: c,
                });
            }
        }
    }
    match len {
        18 => {
            let body: String = chars[..17].iter().collect();
            let actual = chars[17];
            parse_body(&body, Some(actual), today, Vec::new())
        }
        15 => {
            let original: String = chars.iter().collect();
            let body = upgraded_body(&original);
            parse_body(
                &body,
                None,
                today,
                vec![IdWarning::UpgradedFrom15 { original }],
            )
        }
        _ => Err(DomainError::IdLength { len }),
    }
}

/// Upgrades a legacy 15-digit number (6 region + YYMMDD + 3 sequence) to 18 characters by
/// inserting "19" before the year and appending the check character. The result is fully
/// validated (real birth date); an 18-character input is accepted and returned normalised.
pub fn upgrade_15(old: &str) -> Result<IdNumber, DomainError> {
    let s = normalize_text(old);
    let len = s.chars().count();
    if len != 15 && len != 18 {
        return Err(DomainError::IdLength { len });
    }
    parse_id_number(&s).map(|parsed| parsed.number)
}

/// The ISO 7064 MOD 11-2 check character of the first 17 characters of `first17`.
///
/// Meant for 17 ASCII digits (callers validate first). It never panics: characters that
/// are not digits count as 0, only the first 17 characters are used and a shorter input
/// is weighted as far as it goes.
pub fn check_char(first17: &str) -> char {
    let sum: u32 = first17
        .chars()
        .zip(WEIGHTS)
        .map(|(c, w)| c.to_digit(10).unwrap_or(0) * w)
        .sum();
    CHECK_CHARS[(sum % 11) as usize]
}

/// Whether `code` is a plausible region code: six ASCII digits, a real province-level
/// prefix (11–15, 21–23, 31–37, 41–46, 50–54, 61–65; 71 Taiwan, 81 Hong Kong, 82 Macau,
/// 83 Taiwan residents' residence permits) and, for mainland provinces, not the
/// province itself ("xx0000" is never an issuing place).
///
/// This is the one place the region table is consulted; the full GB/T 2260 table will be
/// plugged in here.
pub fn is_plausible_region(code: &str) -> bool {
    let bytes = code.as_bytes();
    if bytes.len() != 6 || !bytes.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let province = u32::from(bytes[0] - b'0') * 10 + u32::from(bytes[1] - b'0');
    let mainland = matches!(
        province,
        11..=15 | 21..=23 | 31..=37 | 41..=46 | 50..=54 | 61..=65
    );
    let outside_mainland = matches!(province, 71 | 81 | 82 | 83);
    if outside_mainland {
        // Permits for HK, Macau and Taiwan residents are issued as "810000…" etc.
        return true;
    }
    mainland && &code[2..] != "0000"
}

/// The 17-character body of a 15-digit number: "19" inserted before the year.
fn upgraded_body(fifteen: &str) -> String {
    let region: String = fifteen.chars().take(6).collect();
    let rest: String = fifteen.chars().skip(6).collect();
    format!("{region}19{rest}")
}

/// Validates a 17-digit body (and its typed check character, if any) and derives the facts.
fn parse_body(
    body: &str,
    typed_check: Option<char>,
    today: NaiveDate,
    mut warnings: Vec<IdWarning>,
) -> Result<ParsedIdNumber, DomainError> {
    let digits: Vec<u32> = body.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != 17 {
        return Err(DomainError::IdLength {
            len: body.chars().count() + usize::from(typed_check.is_some()),
        });
    }
    let number_at = |range: std::ops::Range<usize>| -> u32 {
        digits[range].iter().fold(0, |acc, d| acc * 10 + d)
    };
    let year = i32::try_from(number_at(6..10)).unwrap_or(0);
    let month = number_at(10..12);
    let day = number_at(12..14);
    let birth_date = NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        DomainError::IdBirthDateInvalid {
            digits: body.chars().skip(6).take(8).collect(),
        }
    })?;
    if birth_date > today {
        return Err(DomainError::IdBirthDateInFuture { date: birth_date });
    }
    if year < EARLIEST_BIRTH_YEAR {
        return Err(DomainError::IdBirthDateTooEarly { date: birth_date });
    }
    let expected = check_char(body);
    if let Some(actual) = typed_check {
        if actual != expected {
            return Err(DomainError::IdChecksum { expected, actual });
        }
    }
    let region_code: String = body.chars().take(6).collect();
    if !is_plausible_region(&region_code) {
        warnings.push(IdWarning::UnknownRegion {
            code: region_code.clone(),
        });
    }
    let sex = if digits[16] % 2 == 1 {
        Sex::Male
    } else {
        Sex::Female
    };
    Ok(ParsedIdNumber {
        number: IdNumber(format!("{body}{expected}")),
        region_code,
        birth_date,
        sex,
        warnings,
    })
}

/// "1.10105E+17", "110105194912310000e17": what Excel shows after turning an ID column
/// into numbers. The last digits are gone by then, so this gets its own error.
fn looks_like_scientific_notation(s: &str) -> bool {
    let Some(pos) = s.find(['e', 'E']) else {
        return false;
    };
    let (mantissa, exponent) = (&s[..pos], &s[pos + 1..]);
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    let mut parts = mantissa.splitn(2, '.');
    let int_part = parts.next().unwrap_or("");
    let frac_part = parts.next().unwrap_or("");
    !int_part.is_empty()
        && int_part.bytes().all(|b| b.is_ascii_digit())
        && frac_part.bytes().all(|b| b.is_ascii_digit())
        && !exponent.is_empty()
        && exponent.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn today() -> NaiveDate {
        date(2020, 3, 15)
    }

    fn parse(s: &str) -> Result<ParsedIdNumber, DomainError> {
        parse_id_number_on(s, today())
    }

    /// Builds a valid number from parts with the computed check character.
    fn make(region: &str, birth: &str, seq: &str) -> String {
        let body = format!("{region}{birth}{seq}");
        format!("{body}{}", check_char(&body))
    }

    // --- check character ---

    #[test]
    fn check_char_of_published_examples() {
        assert_eq!(check_char("11010519491231002"), 'X');
        assert_eq!(check_char("44052418800101001"), '4');
        assert_eq!(check_char("13050319670401001"), '6');
    }

    #[test]
    fn check_char_covers_every_residue() {
        // Body with a single non-zero digit in the last place: sum = 2 * d.
        let mut seen = std::collections::BTreeSet::new();
        for prefix in 0..=99u32 {
            let body = format!("{prefix:017}");
            seen.insert(check_char(&body));
        }
        for c in CHECK_CHARS {
            assert!(seen.contains(&c), "check char {c} never produced");
        }
    }

    #[test]
    fn check_char_never_panics_on_garbage() {
        assert_eq!(check_char(""), '1');
        let _ = check_char("张三李四王五赵六钱七孙八周九吴十郑十一");
        let _ = check_char("12");
        let _ = check_char("1234567890123456789012345");
    }

    // --- valid numbers ---

    #[test]
    fn parses_published_example_with_x() {
        let p = parse("11010519491231002X").expect("valid");
        assert_eq!(p.number.as_str(), "11010519491231002X");
        assert_eq!(p.region_code, "110105");
        assert_eq!(p.birth_date, date(1949, 12, 31));
        assert_eq!(p.sex, Sex::Female);
        assert!(p.warnings.is_empty());
        assert_eq!(p.age_on(date(2020, 3, 15)), 70);
    }

    #[test]
    fn parses_example_born_1880() {
        let p = parse("440524188001010014").expect("valid");
        assert_eq!(p.birth_date, date(1880, 1, 1));
        assert_eq!(p.sex, Sex::Male);
        assert_eq!(p.region_code, "440524");
        assert!(p.warnings.is_empty());
    }

    #[test]
    fn normalises_lowercase_x_whitespace_and_full_width() {
        let expected = "11010519491231002X";
        for raw in [
            "11010519491231002x",
            "  11010519491231002X\t",
            "\u{3000}１１０１０５１９４９１２３１００２Ｘ\u{3000}",
            "１１０１０５１９４９１２３１００２ｘ",
            "\u{FEFF}11010519491231002X",
        ] {
            let p = parse(raw).unwrap_or_else(|e| panic!("{raw:?}: {e}"));
            assert_eq!(p.number.as_str(), expected, "{raw:?}");
        }
    }

    #[test]
    fn sex_from_sequence_parity() {
        for (seq, sex) in [
            ("001", Sex::Male),
            ("002", Sex::Female),
            ("999", Sex::Male),
            ("000", Sex::Female),
        ] {
            let n = make("110105", "19800101", seq);
            assert_eq!(parse(&n).expect("valid").sex, sex, "{n}");
        }
    }

    #[test]
    fn sex_labels() {
        assert_eq!(Sex::Male.label_zh(), "男");
        assert_eq!(Sex::Female.label_zh(), "女");
    }

    #[test]
    fn born_today_is_accepted() {
        let n = make("110105", "20200315", "001");
        assert_eq!(parse(&n).expect("valid").birth_date, today());
    }

    #[test]
    fn leap_day_birth_is_accepted() {
        let n = make("110105", "20000229", "001");
        assert_eq!(parse(&n).expect("valid").birth_date, date(2000, 2, 29));
    }

    // --- 15-digit numbers ---

    #[test]
    fn upgrades_15_digit_example() {
        let p = parse("130503670401001").expect("valid");
        assert_eq!(p.number.as_str(), "130503196704010016");
        assert_eq!(p.birth_date, date(1967, 4, 1));
        assert_eq!(p.sex, Sex::Male);
        assert_eq!(
            p.warnings,
            vec![IdWarning::UpgradedFrom15 {
                original: "130503670401001".into()
            }]
        );
        let up = upgrade_15("130503670401001").expect("valid");
        assert_eq!(up.as_str(), "130503196704010016");
        // The upgraded number parses as an ordinary 18-character number.
        assert!(parse("130503196704010016")
            .expect("valid")
            .warnings
            .is_empty());
    }

    #[test]
    fn upgrade_15_accepts_full_width_and_18() {
        assert_eq!(
            upgrade_15("１３０５０３６７０４０１００１")
                .expect("valid")
                .as_str(),
            "130503196704010016"
        );
        assert_eq!(
            upgrade_15("11010519491231002x").expect("valid").as_str(),
            "11010519491231002X"
        );
    }

    #[test]
    fn upgrade_15_errors() {
        assert_eq!(
            upgrade_15("1305036704010"),
            Err(DomainError::IdLength { len: 13 })
        );
        assert_eq!(
            upgrade_15("130503670431001"),
            Err(DomainError::IdBirthDateInvalid {
                digits: "19670431".into()
            })
        );
        assert_eq!(
            upgrade_15("13050367040100X"),
            Err(DomainError::IdInvalidChar {
                position: 15,
                found: 'X'
            })
        );
        assert_eq!(upgrade_15(""), Err(DomainError::IdLength { len: 0 }));
    }

    #[test]
    fn fifteen_digit_with_impossible_date() {
        assert_eq!(
            parse("130503671301001"),
            Err(DomainError::IdBirthDateInvalid {
                digits: "19671301".into()
            })
        );
    }

    // --- errors ---

    #[test]
    fn empty_is_an_error() {
        assert_eq!(parse(""), Err(DomainError::IdEmpty));
        assert_eq!(parse("  \u{3000} "), Err(DomainError::IdEmpty));
    }

    #[test]
    fn wrong_check_char() {
        assert_eq!(
            parse("110105194912310025"),
            Err(DomainError::IdChecksum {
                expected: 'X',
                actual: '5'
            })
        );
        assert_eq!(
            parse("44052418800101001X"),
            Err(DomainError::IdChecksum {
                expected: '4',
                actual: 'X'
            })
        );
    }

    #[test]
    fn wrong_lengths() {
        for (raw, len) in [
            ("1101051949123100", 16),
            ("11010519491231002", 17),
            ("110105194912310021X", 19),
            ("1", 1),
            ("13050367040100", 14),
        ] {
            assert_eq!(parse(raw), Err(DomainError::IdLength { len }), "{raw}");
        }
        // An X at the end of a wrong-length number is reported as a length problem.
        assert_eq!(
            parse("1101051949123100X"),
            Err(DomainError::IdLength { len: 17 })
        );
    }

    #[test]
    fn invalid_characters() {
        assert_eq!(
            parse("110105-19491231-002X"),
            Err(DomainError::IdInvalidChar {
                position: 7,
                found: '-'
            })
        );
        assert_eq!(
            parse("11010519491231002X1"),
            Err(DomainError::IdInvalidChar {
                position: 18,
                found: 'X'
            })
        );
        assert_eq!(
            parse("1101051949123100X2"),
            Err(DomainError::IdInvalidChar {
                position: 17,
                found: 'X'
            })
        );
        assert_eq!(
            parse("张三"),
            Err(DomainError::IdInvalidChar {
                position: 1,
                found: '张'
            })
        );
        assert_eq!(
            parse("110105 19491231002X"),
            Err(DomainError::IdInvalidChar {
                position: 7,
                found: ' '
            })
        );
        assert_eq!(
            parse("11010519491231002Y"),
            Err(DomainError::IdInvalidChar {
                position: 18,
                found: 'Y'
            })
        );
    }

    #[test]
    fn impossible_birth_dates() {
        for birth in [
            "20190230", "19801301", "19800001", "19800100", "19810229", "19800432",
        ] {
            let n = make("110105", birth, "001");
            assert_eq!(
                parse(&n),
                Err(DomainError::IdBirthDateInvalid {
                    digits: birth.into()
                }),
                "{n}"
            );
        }
    }

    #[test]
    fn birth_date_in_future() {
        let n = make("110105", "20200316", "001");
        assert_eq!(
            parse(&n),
            Err(DomainError::IdBirthDateInFuture {
                date: date(2020, 3, 16)
            })
        );
        let n = make("110105", "20910101", "001");
        assert!(matches!(
            parse(&n),
            Err(DomainError::IdBirthDateInFuture { .. })
        ));
    }

    #[test]
    fn birth_date_before_1880() {
        let n = make("110105", "18791231", "001");
        assert_eq!(
            parse(&n),
            Err(DomainError::IdBirthDateTooEarly {
                date: date(1879, 12, 31)
            })
        );
    }

    #[test]
    fn date_error_is_reported_before_checksum() {
        // 2019-02-30 with a wrong check character: the date is the more precise message.
        let mut n = make("110105", "20190230", "001");
        n.pop();
        let wrong = if check_char(&n) == '0' { '1' } else { '0' };
        n.push(wrong);
        assert!(matches!(
            parse(&n),
            Err(DomainError::IdBirthDateInvalid { .. })
        ));
    }

    #[test]
    fn scientific_notation_from_excel() {
        for raw in ["1.10105E+17", "1.10105e+17", "4.40524E17", "1E+17"] {
            assert!(
                matches!(parse(raw), Err(DomainError::IdScientificNotation { .. })),
                "{raw}"
            );
        }
        assert!(!looks_like_scientific_notation("E+17"));
        assert!(!looks_like_scientific_notation("1.1E+"));
        assert!(!looks_like_scientific_notation("1.1"));
        assert!(!looks_like_scientific_notation("张E+1"));
    }

    // --- region codes ---

    #[test]
    fn unknown_region_is_a_warning() {
        for region in ["990101", "110000", "000000", "100101", "160101", "700101"] {
            let n = make(region, "19800101", "001");
            let p = parse(&n).expect("accepted with warning");
            assert_eq!(
                p.warnings,
                vec![IdWarning::UnknownRegion {
                    code: region.into()
                }],
                "{n}"
            );
        }
    }

    #[test]
    fn plausible_regions() {
        for code in [
            "110105", "120101", "150102", "210102", "230102", "310101", "370102", "410102",
            "460105", "500101", "540102", "610102", "650102", "441900", "429004", "710000",
            "810000", "820000", "830000",
        ] {
            assert!(is_plausible_region(code), "{code}");
        }
        for code in [
            "110000",
            "160101",
            "200101",
            "240101",
            "380101",
            "470101",
            "550101",
            "660101",
            "720101",
            "840101",
            "000000",
            "11010",
            "1101055",
            "11010a",
            "",
            "一一0105",
        ] {
            assert!(!is_plausible_region(code), "{code}");
        }
    }

    #[test]
    fn upgraded_number_with_unknown_region_has_both_warnings() {
        let p = parse("990101800101001").expect("accepted");
        assert_eq!(p.warnings.len(), 2);
        assert_eq!(p.warnings[0].reason(), "idNumber.upgradedFrom15");
        assert_eq!(p.warnings[1].reason(), "idNumber.unknownRegion");
    }

    #[test]
    fn warning_messages() {
        let w = IdWarning::UnknownRegion {
            code: "990101".into(),
        };
        assert!(w.message_zh().contains("990101"));
        let w = IdWarning::UpgradedFrom15 {
            original: "130503670401001".into(),
        };
        assert!(w.message_zh().contains("15位"));
        let json = serde_json::to_string(&w).expect("serialise");
        assert_eq!(
            json,
            r#"{"kind":"upgradedFrom15","original":"130503670401001"}"#
        );
    }

    // --- age ---

    #[test]
    fn age_counts_birthdays() {
        let birth = date(1990, 6, 15);
        assert_eq!(age_on(birth, date(2020, 6, 14)), 29);
        assert_eq!(age_on(birth, date(2020, 6, 15)), 30);
        assert_eq!(age_on(birth, date(2020, 6, 16)), 30);
        assert_eq!(age_on(birth, date(1990, 6, 15)), 0);
        assert_eq!(age_on(birth, date(1991, 6, 14)), 0);
        assert_eq!(age_on(birth, date(1991, 6, 15)), 1);
        assert_eq!(age_on(birth, date(1980, 1, 1)), 0);
    }

    #[test]
    fn age_of_leap_day_birth() {
        let birth = date(2000, 2, 29);
        assert_eq!(age_on(birth, date(2001, 2, 28)), 0);
        assert_eq!(age_on(birth, date(2001, 3, 1)), 1);
        assert_eq!(age_on(birth, date(2004, 2, 28)), 3);
        assert_eq!(age_on(birth, date(2004, 2, 29)), 4);
        assert_eq!(age_on(birth, date(2019, 12, 31)), 19);
    }

    // --- serde, traits ---

    #[test]
    fn id_number_serde_as_string() {
        let id: IdNumber = "11010519491231002x".parse().expect("valid");
        assert_eq!(id.to_string(), "11010519491231002X");
        let json = serde_json::to_string(&id).expect("serialise");
        assert_eq!(json, r#""11010519491231002X""#);
        let back: IdNumber = serde_json::from_str(&json).expect("deserialise");
        assert_eq!(back, id);
        let upgraded: IdNumber = serde_json::from_str(r#""130503670401001""#).expect("upgrade");
        assert_eq!(upgraded.as_str(), "130503196704010016");
        assert!(serde_json::from_str::<IdNumber>(r#""110105194912310025""#).is_err());
        assert_eq!(AsRef::<str>::as_ref(&id), "11010519491231002X");
        assert_eq!(String::from(id.clone()), "11010519491231002X");
        assert_eq!(id.into_string(), "11010519491231002X");
        assert!(IdNumber::try_from("abc".to_string()).is_err());
    }

    #[test]
    fn sex_serde_is_camel_case() {
        assert_eq!(
            serde_json::to_string(&Sex::Male).expect("json"),
            r#""male""#
        );
        assert_eq!(
            serde_json::to_string(&Sex::Female).expect("json"),
            r#""female""#
        );
    }

    #[test]
    fn parse_with_real_clock_accepts_old_numbers() {
        assert!(parse_id_number("11010519491231002X").is_ok());
    }

    // --- properties ---

    const REGIONS: &[&str] = &[
        "110105", "120101", "130503", "310104", "320102", "420106", "440524", "441900", "500101",
        "540102", "650102", "810000", "820000",
    ];

    fn birth_dates() -> impl Strategy<Value = NaiveDate> {
        let first = date(EARLIEST_BIRTH_YEAR, 1, 1);
        let span = (today() - first).num_days();
        (0..=span).prop_map(move |d| first + chrono::Duration::days(d))
    }

    fn valid_number() -> impl Strategy<Value = (String, NaiveDate, u32)> {
        (prop::sample::select(REGIONS), birth_dates(), 0u32..1000).prop_map(|(r, b, seq)| {
            let n = make(r, &b.format("%Y%m%d").to_string(), &format!("{seq:03}"));
            (n, b, seq)
        })
    }

    proptest! {
        #[test]
        fn generated_numbers_round_trip((n, birth, seq) in valid_number()) {
            let p = parse(&n).expect("generated number is valid");
            prop_assert_eq!(p.number.as_str(), n.as_str());
            prop_assert_eq!(p.birth_date, birth);
            prop_assert_eq!(p.sex, if seq % 2 == 1 { Sex::Male } else { Sex::Female });
            prop_assert_eq!(&p.region_code, &n[..6]);
            prop_assert!(p.warnings.is_empty());
            // Lowercase x and full-width input give the same number.
            let wide: String = n.to_lowercase().chars()
                .map(|c| char::from_u32(u32::from(c) + 0xFEE0).unwrap_or(c))
                .collect();
            prop_assert_eq!(parse(&wide).expect("full-width").number, p.number);
        }

        #[test]
        fn any_single_substitution_fails(
            (n, _, _) in valid_number(),
            pos in 0usize..18,
            shift in 1usize..=10,
        ) {
            // Replace the character at `pos` with a different one of its alphabet
            // (digits, plus X for the check character).
            let alphabet: Vec<char> = if pos == 17 {
                "0123456789X".chars().collect()
            } else {
                "0123456789".chars().collect()
            };
            let shift = if alphabet.len() == 10 { 1 + (shift - 1) % 9 } else { shift };
            let mut chars: Vec<char> = n.chars().collect();
            let original = alphabet
                .iter()
                .position(|&c| c == chars[pos])
                .expect("character of a valid number");
            chars[pos] = alphabet[(original + shift) % alphabet.len()];
            let changed: String = chars.into_iter().collect();
            prop_assert_ne!(&changed, &n);
            prop_assert!(parse(&changed).is_err(), "{} accepted", changed);
        }

        #[test]
        fn every_15_digit_upgrade_is_valid(
            region in "[0-9]{6}",
            day in 0i64..36525,
            seq in 0u32..1000,
        ) {
            let birth = date(1900, 1, 1) + chrono::Duration::days(day);
            prop_assume!(birth.year() <= 1999);
            let old = format!("{region}{}{seq:03}", birth.format("%y%m%d"));
            let up = upgrade_15(&old).expect("valid 15-digit number");
            prop_assert_eq!(up.as_str().len(), 18);
            let p = parse(up.as_str()).expect("upgraded number is valid");
            prop_assert_eq!(p.birth_date, birth);
            prop_assert_eq!(&p.number, &up);
            let expected_body = format!("{}19{}", &old[..6], &old[6..]);
            prop_assert_eq!(&up.as_str()[..17], expected_body.as_str());
            prop_assert_eq!(up.as_str().chars().last(), Some(check_char(&expected_body)));
        }

        #[test]
        fn parse_never_panics(s in any::<String>()) {
            let _ = parse(&s);
            let _ = upgrade_15(&s);
            let _ = check_char(&s);
            let _ = is_plausible_region(&s);
        }

        #[test]
        fn age_is_monotonic_and_counts_years(b in birth_dates(), extra in 0i64..40000) {
            let on = b + chrono::Duration::days(extra);
            let age = age_on(b, on);
            let next = age_on(b, on + chrono::Duration::days(1));
            prop_assert!(next == age || next == age + 1);
            prop_assert!(i64::from(age) <= extra / 365);
        }
    }
}
