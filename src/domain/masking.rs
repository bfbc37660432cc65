//! Masking (脱敏) of ID numbers and phone numbers for exports and screens.
//!
//! Personal information protection (PIPL, GB/T 35273) means full ID and phone numbers are
//! shown only when needed. Exports pick one of three presets: none (internal use), upward
//! (reports to a higher level: first 6 + last 4 of an ID number) and public (anything
//! posted: first 3 + last 4; phones as 138****1234).
//!
//! Masking works on any text, including short or foreign document numbers and text with
//! Chinese characters: it never panics and always keeps the number of characters, so
//! column widths in a printed form stay the same.

use serde::{Deserialize, Serialize};

/// The character that replaces hidden characters.
pub const MASK_CHAR: char = '*';

/// How much of an ID number or phone number an export shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum MaskPreset {
    /// Nothing hidden (internal use).
    None,
    /// For reports to a higher level: ID numbers show the first 6 and last 4 characters;
    /// phones as in `Public`.
    Upward,
    /// For anything posted or shared: ID numbers show the first 3 and last 4 characters;
    /// phones 138****1234.
    Public,
}

impl MaskPreset {
    /// The preset's name in the export dialog and the export log.
    pub fn label_zh(self) -> &'static str {
        match self {
            MaskPreset::None => "不脱敏（内部使用）",
            MaskPreset::Upward => "上报脱敏（身份证号保留前6位和后4位）",
            MaskPreset::Public => "公开脱敏（保留前3位和后4位）",
        }
    }
}

/// Masks an ID or other document number.
///
/// `Upward` keeps the first 6 and last 4 characters, `Public` the first 3 and last 4.
/// When the text is too short for that, a quarter of its characters (rounded down) stays
/// visible at each end, so something is always hidden; up to 3 characters are hidden
/// entirely. The result always has as many characters as the input.
pub fn mask_id(s: &str, preset: MaskPreset) -> String {
    match preset {
        MaskPreset::None => s.to_string(),
        MaskPreset::Upward => mask_middle(s, 6, 4),
        MaskPreset::Public => mask_middle(s, 3, 4),
    }
}

/// Masks a phone number: with `Upward` or `Public`, a mobile becomes 138****1234 (first 3
/// and last 4 characters). A landline written with its area code ("0551-12345678", as the
/// phone validator normalises it) keeps the area code and the last 4 digits of the local
/// number: "0551-****5678" (an extension stays visible). Short text is masked as in [`mask_id`]. The result always has
/// as many characters as the input.
pub fn mask_phone(s: &str, preset: MaskPreset) -> String {
    if preset == MaskPreset::None {
        return s.to_string();
    }
    if let Some((area, local)) = s.split_once('-') {
        let area_ok = area.len() >= 3
            && area.len() <= 4
            && area.starts_with('0')
            && area.bytes().all(|b| b.is_ascii_digit());
        if area_ok {
            // "0551-12345678-123": the extension is not personal, keep it.
            return match local.split_once('-') {
                Some((number, extension)) => {
                    format!("{area}-{}-{extension}", mask_middle(number, 0, 4))
                }
                None => format!("{area}-{}", mask_middle(local, 0, 4)),
            };
        }
    }
    mask_middle(s, 3, 4)
}

/// Keeps `head` characters at the start and `tail` at the end and replaces the rest with
/// [`MASK_CHAR`]; falls back to a quarter at each end when the text is too short.
fn mask_middle(s: &str, head: usize, tail: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let (head, tail) = if n > head + tail {
        (head, tail)
    } else {
        (head.min(n / 4), tail.min(n / 4))
    };
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if i < head || i >= n - tail {
                c
            } else {
                MASK_CHAR
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn id_presets() {
        let id = "11010519491231002X";
        assert_eq!(mask_id(id, MaskPreset::None), id);
        assert_eq!(mask_id(id, MaskPreset::Upward), "110105********002X");
        assert_eq!(mask_id(id, MaskPreset::Public), "110***********002X");
    }

    #[test]
    fn id_fifteen_digits() {
        assert_eq!(
            mask_id("130503670401001", MaskPreset::Upward),
            "130503*****1001"
        );
        assert_eq!(
            mask_id("130503670401001", MaskPreset::Public),
            "130********1001"
        );
    }

    #[test]
    fn short_document_numbers() {
        // Passport, 9 characters: fits Public, not Upward.
        assert_eq!(mask_id("E12345678", MaskPreset::Public), "E12**5678");
        assert_eq!(mask_id("E12345678", MaskPreset::Upward), "E1*****78");
        // Exactly head + tail: falls back so something is hidden.
        assert_eq!(mask_id("1234567", MaskPreset::Public), "1*****7");
        assert_eq!(mask_id("1234", MaskPreset::Public), "1**4");
        assert_eq!(mask_id("123", MaskPreset::Public), "***");
        assert_eq!(mask_id("1", MaskPreset::Upward), "*");
        assert_eq!(mask_id("", MaskPreset::Upward), "");
        assert_eq!(mask_id("", MaskPreset::None), "");
    }

    #[test]
    fn chinese_text_is_masked_by_characters() {
        assert_eq!(
            mask_id("张三李四王五赵六钱七孙", MaskPreset::Public),
            "张三李****六钱七孙"
        );
        assert_eq!(
            mask_phone("一二三四五六七八九十", MaskPreset::Public),
            "一二三***七八九十"
        );
    }

    #[test]
    fn mobile_presets() {
        assert_eq!(mask_phone("13812341234", MaskPreset::None), "13812341234");
        assert_eq!(mask_phone("13812341234", MaskPreset::Public), "138****1234");
        assert_eq!(mask_phone("13812341234", MaskPreset::Upward), "138****1234");
    }

    #[test]
    fn landline_keeps_area_code() {
        assert_eq!(
            mask_phone("0551-12345678", MaskPreset::Public),
            "0551-****5678"
        );
        assert_eq!(
            mask_phone("010-62345678", MaskPreset::Upward),
            "010-****5678"
        );
        assert_eq!(
            mask_phone("0551-1234567-123", MaskPreset::Public),
            "0551-***4567-123"
        );
        assert_eq!(mask_phone("0551-1234567", MaskPreset::None), "0551-1234567");
    }

    #[test]
    fn other_phones() {
        assert_eq!(mask_phone("4008208820", MaskPreset::Public), "400***8820");
        assert_eq!(
            mask_phone("+441234567890", MaskPreset::Public),
            "+44******7890"
        );
        assert_eq!(mask_phone("1-800", MaskPreset::Public), "1***0");
        assert_eq!(mask_phone("12", MaskPreset::Public), "**");
    }

    #[test]
    fn labels_and_serde() {
        for p in [MaskPreset::None, MaskPreset::Upward, MaskPreset::Public] {
            assert!(!p.label_zh().is_empty());
            let json = serde_json::to_string(&p).expect("json");
            let back: MaskPreset = serde_json::from_str(&json).expect("json");
            assert_eq!(back, p);
        }
        assert_eq!(
            serde_json::to_string(&MaskPreset::Upward).expect("json"),
            r#""upward""#
        );
        assert_eq!(
            serde_json::to_string(&MaskPreset::None).expect("json"),
            r#""none""#
        );
    }

    fn presets() -> impl Strategy<Value = MaskPreset> {
        prop::sample::select(vec![
            MaskPreset::None,
            MaskPreset::Upward,
            MaskPreset::Public,
        ])
    }

    proptest! {
        #[test]
        fn masking_keeps_char_count(s in any::<String>(), preset in presets()) {
            let n = s.chars().count();
            prop_assert_eq!(mask_id(&s, preset).chars().count(), n);
            prop_assert_eq!(mask_phone(&s, preset).chars().count(), n);
        }

        #[test]
        fn masking_keeps_char_count_of_phone_like_text(
            s in "[0-9+ -]{0,20}",
            preset in presets(),
        ) {
            let n = s.chars().count();
            prop_assert_eq!(mask_phone(&s, preset).chars().count(), n);
        }

        #[test]
        fn masking_hides_something_unless_none(
            s in ".{4,40}",
            preset in prop::sample::select(vec![MaskPreset::Upward, MaskPreset::Public]),
        ) {
            prop_assert!(mask_id(&s, preset).contains(MASK_CHAR));
        }

        #[test]
        fn none_is_identity(s in any::<String>()) {
            prop_assert_eq!(mask_id(&s, MaskPreset::None), s.clone());
            prop_assert_eq!(mask_phone(&s, MaskPreset::None), s);
        }
    }
}
