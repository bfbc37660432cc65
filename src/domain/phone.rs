//! Phone numbers: mobiles, landlines with an area code, 400/800 service numbers, and
//! foreign numbers.
//!
//! Phones are how grid workers reach people in isolation and verify those away or abroad
//! (电话核实), so a number must be dialable as stored. Numbers arrive as "138 1234 1234",
//! "+86-138-1234-1234", "(0551)12345678转123" and get one normalised form each. The rules
//! are structural only: a mobile is `1[3-9]` and 9 more digits; carrier prefixes change
//! and are never hard-coded. Landline area codes follow the national plan: 010 and 02x
//! have three digits, all others four, so a number typed without separators still splits
//! correctly. There is no regex crate: the checks are written by hand.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::error::DomainError;
use super::text::normalize_text;

/// What kind of number a [`Phone`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PhoneKind {
    /// 11 digits, `1[3-9]…`.
    Mobile,
    /// Area code + local number, optionally an extension.
    Landline,
    /// 400 / 800 service numbers (10 digits).
    Service,
    /// A number outside mainland China, "+<country code><number>".
    Foreign,
}

/// A validated phone number in its normalised form:
/// mobile "13812341234"; landline "0551-12345678" (with an extension "0551-12345678-123");
/// service "4008208820"; foreign "+441234567890".
///
/// Serialised as the normalised string; deserialising parses again with
/// [`parse_any_phone`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone {
    kind: PhoneKind,
    normalized: String,
    extension: Option<String>,
}

impl Phone {
    pub fn kind(&self) -> PhoneKind {
        self.kind
    }

    /// The normalised form (see the type's docs).
    pub fn as_str(&self) -> &str {
        &self.normalized
    }

    /// A landline's (or service number's) extension, if one was given.
    pub fn extension(&self) -> Option<&str> {
        self.extension.as_deref()
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.normalized)
    }
}

impl FromStr for Phone {
    type Err = DomainError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_any_phone(s)
    }
}

impl TryFrom<String> for Phone {
    type Error = DomainError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        parse_any_phone(&s)
    }
}

impl From<Phone> for String {
    fn from(p: Phone) -> String {
        p.normalized
    }
}

/// Longest extension accepted.
const MAX_EXTENSION_DIGITS: usize = 6;

/// Parses a mainland number: a mobile, a landline with area code or a 400/800 number.
///
/// Spaces, dashes and parentheses are ignored; a leading +86, 0086 or (for a mobile) 86 is
/// dropped; a landline may carry an extension as "-123" or "转123".
pub fn parse_phone(raw: &str) -> Result<Phone, DomainError> {
    let s = normalize_text(raw);
    if s.is_empty() {
        return Err(DomainError::PhoneEmpty);
    }
    let (main, zh_extension) = match s.split_once('转') {
        Some((main, ext)) => {
            let ext = ext.trim();
            if ext.is_empty()
                || ext.len() > MAX_EXTENSION_DIGITS
                || !ext.bytes().all(|b| b.is_ascii_digit())
            {
                return Err(DomainError::PhoneLandlineFormat);
            }
            (main.trim(), Some(ext.to_string()))
        }
        None => (s.as_str(), None),
    };
    // A '+' may only start the number, possibly inside a parenthesis: "(+86)138…".
    let plus_at = main.len() - main.trim_start_matches(['(', ' ']).len();
    for (i, c) in main.char_indices() {
        let allowed =
            c.is_ascii_digit() || matches!(c, '-' | ' ' | '(' | ')') || (c == '+' && i == plus_at);
        if !allowed {
            return Err(DomainError::PhoneInvalidChar { found: c });
        }
    }
    let has_plus = main[plus_at..].starts_with('+');
    let mut groups: Vec<String> = main
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .map(str::to_string)
        .collect();
    let digits: String = groups.concat();
    if digits.is_empty() {
        return Err(DomainError::PhoneUnrecognized);
    }

    // Drop the country code.
    let international = if has_plus {
        if !digits.starts_with("86") {
            return Err(DomainError::PhoneUnrecognized);
        }
        drop_leading_digits(&mut groups, 2);
        true
    } else if digits.starts_with("0086") {
        drop_leading_digits(&mut groups, 4);
        true
    } else if digits.len() == 13 && digits.starts_with("861") {
        drop_leading_digits(&mut groups, 2);
        true
    } else {
        false
    };
    let mut digits: String = groups.concat();
    if digits.is_empty() {
        return Err(DomainError::PhoneUnrecognized);
    }
    if international {
        let mobile_like = digits.starts_with('1') && !digits.starts_with("10");
        let service_like = digits.starts_with("400") || digits.starts_with("800");
        // From abroad the trunk 0 of a landline is dropped (+86 551 …, +86 10 …).
        if !mobile_like && !service_like && !digits.starts_with('0') {
            digits.insert(0, '0');
            if let Some(first) = groups.first_mut() {
                first.insert(0, '0');
            }
        }
    }
    classify(&groups, &digits, zh_extension)
}

/// Parses a number outside mainland China: "+<country code><number>" (or "00…"), with
/// 7 to 15 digits in all (E.164). Spaces, dashes, dots and parentheses are ignored.
/// A +86 number is parsed as a mainland number instead.
pub fn parse_foreign_phone(raw: &str) -> Result<Phone, DomainError> {
    let s = normalize_text(raw);
    if s.is_empty() {
        return Err(DomainError::PhoneEmpty);
    }
    let compact: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')'))
        .collect();
    let rest = if let Some(rest) = compact.strip_prefix('+') {
        rest
    } else if let Some(rest) = compact.strip_prefix("00") {
        rest
    } else {
        return Err(DomainError::ForeignPhoneFormat);
    };
    if let Some(c) = rest.chars().find(|c| !c.is_ascii_digit()) {
        return Err(DomainError::PhoneInvalidChar { found: c });
    }
    if rest.starts_with("86") {
        return parse_phone(&format!("+{rest}"));
    }
    if rest.is_empty() || rest.starts_with('0') {
        return Err(DomainError::ForeignPhoneFormat);
    }
    let len = rest.len();
    if !(7..=15).contains(&len) {
        return Err(DomainError::ForeignPhoneLength { len });
    }
    Ok(Phone {
        kind: PhoneKind::Foreign,
        normalized: format!("+{rest}"),
        extension: None,
    })
}

/// Parses either kind: text starting with "+" or "00" and not followed by 86 is a foreign
/// number, anything else a mainland one. Used to read back stored numbers.
pub fn parse_any_phone(raw: &str) -> Result<Phone, DomainError> {
    let s = normalize_text(raw);
    let international = s
        .strip_prefix('+')
        .or_else(|| s.strip_prefix("00"))
        .map(|rest| rest.trim_start_matches([' ', '-', '(']));
    match international {
        Some(rest) if !rest.starts_with("86") => parse_foreign_phone(&s),
        _ => parse_phone(&s),
    }
}

/// Removes `n` leading digits from the digit groups.
fn drop_leading_digits(groups: &mut Vec<String>, mut n: usize) {
    while n > 0 && !groups.is_empty() {
        let first_len = groups[0].len();
        if first_len <= n {
            groups.remove(0);
            n -= first_len;
        } else {
            groups[0].drain(..n);
            n = 0;
        }
    }
}

/// Splits landline digits (with the trunk 0) into area code and local number, or `None`
/// if they do not form a landline: 010 and 020–029 are 3-digit area codes, other 0xxx
/// 4-digit ones; the local number has 7 or 8 digits.
fn split_landline(digits: &str) -> Option<(&str, &str)> {
    if !digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let area_len = if digits.starts_with("010") || digits.starts_with("02") {
        3
    } else if digits.starts_with("01") || digits.starts_with("00") {
        return None;
    } else {
        4
    };
    if digits.len() < area_len {
        return None;
    }
    let (area, local) = digits.split_at(area_len);
    (7..=8).contains(&local.len()).then_some((area, local))
}

fn classify(
    groups: &[String],
    digits: &str,
    zh_extension: Option<String>,
) -> Result<Phone, DomainError> {
    let len = digits.len();
    if digits.starts_with('1') {
        if zh_extension.is_some() {
            return Err(DomainError::PhoneUnrecognized);
        }
        if len != 11 {
            return Err(DomainError::PhoneMobileLength { len });
        }
        let second = digits.chars().nth(1).unwrap_or('0');
        if !('3'..='9').contains(&second) {
            return Err(DomainError::PhoneMobilePrefix { second });
        }
        return Ok(Phone {
            kind: PhoneKind::Mobile,
            normalized: digits.to_string(),
            extension: None,
        });
    }
    if digits.starts_with("400") || digits.starts_with("800") {
        if len == 10 {
            return Ok(with_extension(
                PhoneKind::Service,
                digits.to_string(),
                zh_extension,
            ));
        }
        // "400-820-8820-2": a last group after the 10 digits is an extension.
        if let Some((last, head)) = groups.split_last() {
            let head_digits = head.concat();
            if zh_extension.is_none()
                && head_digits.len() == 10
                && last.len() <= MAX_EXTENSION_DIGITS
            {
                return Ok(with_extension(
                    PhoneKind::Service,
                    head_digits,
                    Some(last.clone()),
                ));
            }
        }
        return Err(DomainError::PhoneServiceLength { len });
    }
    if digits.starts_with('0') {
        if zh_extension.is_some() {
            let (area, local) = split_landline(digits).ok_or(DomainError::PhoneLandlineFormat)?;
            return Ok(with_extension(
                PhoneKind::Landline,
                format!("{area}-{local}"),
                zh_extension,
            ));
        }
        // "0551-1234567-8": a last group after a complete number is an extension.
        if let Some((last, head)) = groups.split_last() {
            if !head.is_empty() && last.len() <= MAX_EXTENSION_DIGITS {
                let head_digits = head.concat();
                if let Some((area, local)) = split_landline(&head_digits) {
                    return Ok(with_extension(
                        PhoneKind::Landline,
                        format!("{area}-{local}"),
                        Some(last.clone()),
                    ));
                }
            }
        }
        let (area, local) = split_landline(digits).ok_or(DomainError::PhoneLandlineFormat)?;
        return Ok(with_extension(
            PhoneKind::Landline,
            format!("{area}-{local}"),
            None,
        ));
    }
    if zh_extension.is_none() && (len == 7 || len == 8) {
        return Err(DomainError::PhoneMissingAreaCode);
    }
    Err(DomainError::PhoneUnrecognized)
}

fn with_extension(kind: PhoneKind, number: String, extension: Option<String>) -> Phone {
    let normalized = match &extension {
        Some(ext) => format!("{number}-{ext}"),
        None => number,
    };
    Phone {
        kind,
        normalized,
        extension,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ok(raw: &str) -> Phone {
        parse_phone(raw).unwrap_or_else(|e| panic!("{raw:?}: {e}"))
    }

    fn err(raw: &str) -> DomainError {
        match parse_phone(raw) {
            Ok(p) => panic!("{raw:?} accepted as {p}"),
            Err(e) => e,
        }
    }

    #[test]
    fn mobiles_in_every_dress() {
        for raw in [
            "13812341234",
            " 138 1234 1234 ",
            "138-1234-1234",
            "+8613812341234",
            "+86 138 1234 1234",
            "+86-138-1234-1234",
            "008613812341234",
            "0086 138 1234 1234",
            "8613812341234",
            "86 138 1234 1234",
            "１３８１２３４１２３４",
            "(+86)13812341234",
        ] {
            let p = ok(raw);
            assert_eq!(p.kind(), PhoneKind::Mobile, "{raw}");
            assert_eq!(p.as_str(), "13812341234", "{raw}");
            assert_eq!(p.extension(), None);
        }
    }

    #[test]
    fn every_mobile_second_digit_3_to_9() {
        for second in '3'..='9' {
            let raw = format!("1{second}012345678");
            assert_eq!(ok(&raw).as_str(), raw);
        }
        for second in ['0', '1', '2'] {
            let raw = format!("1{second}012345678");
            assert_eq!(err(&raw), DomainError::PhoneMobilePrefix { second });
        }
    }

    #[test]
    fn mobile_length_errors() {
        assert_eq!(
            err("1381234123"),
            DomainError::PhoneMobileLength { len: 10 }
        );
        assert_eq!(
            err("138123412345"),
            DomainError::PhoneMobileLength { len: 12 }
        );
        assert_eq!(err("1"), DomainError::PhoneMobileLength { len: 1 });
        assert_eq!(
            err("+86 138123412"),
            DomainError::PhoneMobileLength { len: 9 }
        );
    }

    #[test]
    fn landlines() {
        for (raw, normalized) in [
            ("0551-12345678", "0551-12345678"),
            ("0551 12345678", "0551-12345678"),
            ("055112345678", "0551-12345678"),
            ("(0551)12345678", "0551-12345678"),
            ("0551-1234567", "0551-1234567"),
            ("010-62345678", "010-62345678"),
            ("01062345678", "010-62345678"),
            ("021 6234 5678", "021-62345678"),
            ("027-8765432", "027-8765432"),
            ("0551-1234-5678", "0551-12345678"),
            ("+86 551 12345678", "0551-12345678"),
            ("+86 10 62345678", "010-62345678"),
            ("+86 (0)551 12345678", "0551-12345678"),
            ("0086-21-62345678", "021-62345678"),
            ("０５５１－１２３４５６７８", "0551-12345678"),
        ] {
            let p = ok(raw);
            assert_eq!(p.kind(), PhoneKind::Landline, "{raw}");
            assert_eq!(p.as_str(), normalized, "{raw}");
            assert_eq!(p.extension(), None, "{raw}");
        }
    }

    #[test]
    fn area_code_is_resplit_by_the_numbering_plan() {
        // A misplaced separator does not change the number.
        assert_eq!(ok("055-112345678").as_str(), "0551-12345678");
        assert_eq!(ok("0216-2345678").as_str(), "021-62345678");
    }

    #[test]
    fn landline_extensions() {
        for (raw, normalized, ext) in [
            ("0551-12345678-123", "0551-12345678-123", "123"),
            ("0551-12345678转123", "0551-12345678-123", "123"),
            ("0551-12345678 转 8001", "0551-12345678-8001", "8001"),
            ("055112345678-1", "0551-12345678-1", "1"),
            ("0551-1234567-8", "0551-1234567-8", "8"),
            ("010 62345678 123456", "010-62345678-123456", "123456"),
        ] {
            let p = ok(raw);
            assert_eq!(p.kind(), PhoneKind::Landline, "{raw}");
            assert_eq!(p.as_str(), normalized, "{raw}");
            assert_eq!(p.extension(), Some(ext), "{raw}");
            // The normalised form parses back to itself.
            assert_eq!(ok(p.as_str()), p, "{raw}");
        }
    }

    #[test]
    fn landline_errors() {
        for raw in [
            "0551-123456",
            "0551-123456789",
            "05-12345678",
            "011-12345678",
            "0551-12345678转",
            "0551-12345678转12345678",
            "0551-12345678转abc",
            "0551-123456转12",
            "0551-12345678-1234567",
            "0",
            "00-12345678",
        ] {
            assert_eq!(err(raw), DomainError::PhoneLandlineFormat, "{raw}");
        }
    }

    #[test]
    fn service_numbers() {
        for (raw, normalized) in [
            ("4008208820", "4008208820"),
            ("400-820-8820", "4008208820"),
            ("800 820 8820", "8008208820"),
            ("+86 400 820 8820", "4008208820"),
        ] {
            let p = ok(raw);
            assert_eq!(p.kind(), PhoneKind::Service, "{raw}");
            assert_eq!(p.as_str(), normalized, "{raw}");
        }
        let p = ok("400-820-8820转2");
        assert_eq!(p.as_str(), "4008208820-2");
        assert_eq!(p.extension(), Some("2"));
        assert_eq!(ok("4008208820-2"), p);
        assert_eq!(ok("400 820 8820 2"), p);
        assert_eq!(
            err("400-820-882"),
            DomainError::PhoneServiceLength { len: 9 }
        );
        assert_eq!(
            err("400-820-88201"),
            DomainError::PhoneServiceLength { len: 11 }
        );
    }

    #[test]
    fn missing_area_code() {
        assert_eq!(err("62345678"), DomainError::PhoneMissingAreaCode);
        assert_eq!(err("6234567"), DomainError::PhoneMissingAreaCode);
        assert_eq!(err("6234-5678"), DomainError::PhoneMissingAreaCode);
    }

    #[test]
    fn other_errors() {
        assert_eq!(err(""), DomainError::PhoneEmpty);
        assert_eq!(err(" \u{3000}"), DomainError::PhoneEmpty);
        assert_eq!(
            err("138.1234.1234"),
            DomainError::PhoneInvalidChar { found: '.' }
        );
        assert_eq!(
            err("手机13812341234"),
            DomainError::PhoneInvalidChar { found: '手' }
        );
        assert_eq!(
            err("138+12341234"),
            DomainError::PhoneInvalidChar { found: '+' }
        );
        assert_eq!(err("+441234567890"), DomainError::PhoneUnrecognized);
        assert_eq!(err("---"), DomainError::PhoneUnrecognized);
        assert_eq!(err("+86"), DomainError::PhoneUnrecognized);
        assert_eq!(err("0086"), DomainError::PhoneUnrecognized);
        assert_eq!(err("12345"), DomainError::PhoneMobileLength { len: 5 });
        assert_eq!(err("95588"), DomainError::PhoneUnrecognized);
        assert_eq!(err("13812341234转1"), DomainError::PhoneUnrecognized);
        assert_eq!(err("62345678转12"), DomainError::PhoneUnrecognized);
    }

    #[test]
    fn foreign_numbers() {
        for (raw, normalized) in [
            ("+44 20 7946 0958", "+442079460958"),
            ("+1 (212) 555-0123", "+12125550123"),
            ("0044 20 7946 0958", "+442079460958"),
            ("+39.06.1234.5678", "+390612345678"),
            ("+8210123456", "+8210123456"),
            ("+1234567", "+1234567"),
            ("+123456789012345", "+123456789012345"),
        ] {
            let p = parse_foreign_phone(raw).unwrap_or_else(|e| panic!("{raw}: {e}"));
            assert_eq!(p.kind(), PhoneKind::Foreign, "{raw}");
            assert_eq!(p.as_str(), normalized, "{raw}");
        }
        // +86 is a mainland number.
        let p = parse_foreign_phone("+86 138 1234 1234").expect("mainland");
        assert_eq!(p.kind(), PhoneKind::Mobile);
        assert_eq!(p.as_str(), "13812341234");
    }

    #[test]
    fn foreign_errors() {
        assert_eq!(parse_foreign_phone(""), Err(DomainError::PhoneEmpty));
        assert_eq!(
            parse_foreign_phone("442079460958"),
            Err(DomainError::ForeignPhoneFormat)
        );
        assert_eq!(
            parse_foreign_phone("+"),
            Err(DomainError::ForeignPhoneFormat)
        );
        assert_eq!(
            parse_foreign_phone("+0441234567"),
            Err(DomainError::ForeignPhoneFormat)
        );
        assert_eq!(
            parse_foreign_phone("+123456"),
            Err(DomainError::ForeignPhoneLength { len: 6 })
        );
        assert_eq!(
            parse_foreign_phone("+1234567890123456"),
            Err(DomainError::ForeignPhoneLength { len: 16 })
        );
        assert_eq!(
            parse_foreign_phone("+44 20 7946 095８x"),
            Err(DomainError::PhoneInvalidChar { found: 'x' })
        );
        assert_eq!(
            parse_foreign_phone("+44 电话"),
            Err(DomainError::PhoneInvalidChar { found: '电' })
        );
    }

    #[test]
    fn any_phone_and_serde() {
        assert_eq!(
            parse_any_phone("+44 20 7946 0958").expect("foreign").kind(),
            PhoneKind::Foreign
        );
        assert_eq!(
            parse_any_phone("+86 138 1234 1234").expect("mobile").kind(),
            PhoneKind::Mobile
        );
        assert_eq!(
            parse_any_phone("0086 138 1234 1234")
                .expect("mobile")
                .kind(),
            PhoneKind::Mobile
        );
        assert_eq!(
            parse_any_phone("0551-12345678").expect("landline").kind(),
            PhoneKind::Landline
        );
        for raw in [
            "13812341234",
            "0551-12345678-123",
            "4008208820",
            "+442079460958",
        ] {
            let p: Phone = raw.parse().expect("valid");
            assert_eq!(p.to_string(), raw);
            let json = serde_json::to_string(&p).expect("json");
            assert_eq!(json, format!("\"{raw}\""));
            let back: Phone = serde_json::from_str(&json).expect("json");
            assert_eq!(back, p);
            assert_eq!(String::from(back), raw);
        }
        assert!(serde_json::from_str::<Phone>(r#""12345""#).is_err());
        assert!(Phone::try_from("abc".to_string()).is_err());
        assert_eq!(
            serde_json::to_string(&PhoneKind::Landline).expect("json"),
            r#""landline""#
        );
    }

    #[test]
    fn drop_leading_digits_across_groups() {
        let mut g = vec!["8".to_string(), "6138".to_string(), "1234".to_string()];
        drop_leading_digits(&mut g, 2);
        assert_eq!(g, vec!["138".to_string(), "1234".to_string()]);
        let mut g = vec!["86".to_string()];
        drop_leading_digits(&mut g, 4);
        assert!(g.is_empty());
    }

    proptest! {
        #[test]
        fn any_mobile_parses(second in 3u32..=9, rest in "[0-9]{9}", sep in prop::sample::select(vec!["", " ", "-"])) {
            let number = format!("1{second}{rest}");
            let raw = format!("+86{sep}{}{sep}{}{sep}{}", &number[..3], &number[3..7], &number[7..]);
            let p = parse_phone(&raw).expect("valid mobile");
            prop_assert_eq!(p.kind(), PhoneKind::Mobile);
            prop_assert_eq!(p.as_str(), number.as_str());
        }

        #[test]
        fn landlines_round_trip(
            area in prop::sample::select(vec!["010", "021", "029", "0551", "0311", "0999"]),
            local in "[2-9][0-9]{6,7}",
        ) {
            let p = parse_phone(&format!("{area}{local}")).expect("valid landline");
            prop_assert_eq!(p.as_str(), format!("{area}-{local}"));
            prop_assert_eq!(parse_phone(p.as_str()).expect("normalised"), p.clone());
            prop_assert_eq!(parse_any_phone(p.as_str()).expect("normalised"), p);
        }

        #[test]
        fn parsers_never_panic(s in any::<String>()) {
            let _ = parse_phone(&s);
            let _ = parse_foreign_phone(&s);
            let _ = parse_any_phone(&s);
        }

        #[test]
        fn phone_like_text_never_panics_and_normalised_is_stable(s in "[+0-9 ()转-]{0,24}") {
            if let Ok(p) = parse_any_phone(&s) {
                prop_assert_eq!(parse_any_phone(p.as_str()).expect("stable"), p);
            }
        }
    }
}
