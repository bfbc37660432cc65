//! Identity documents other than (and including) the resident ID card.
//!
//! Returnees from abroad, Hong Kong, Macau and Taiwan residents and foreigners are
//! registered with the document they carry. These numbers have no public check algorithm
//! (or none we rely on), so they are stored with their type after a light pattern check
//! that catches the usual slips (a missing letter, a digit too many, a name typed in the
//! number field) without rejecting real documents. Resident ID numbers get the full
//! GB 11643-1999 check from [`super::id_number`].

use serde::{Deserialize, Serialize};

use super::error::DomainError;
use super::id_number::parse_id_number;
use super::text::normalize_text;

/// The kind of identity document a person was registered with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum DocumentType {
    /// 居民身份证 (GB 11643-1999, 18 characters).
    ResidentId,
    /// 护照: 5–17 letters and digits.
    Passport,
    /// 港澳居民来往内地通行证 (回乡证): "H" or "M" and 8 or 10 digits.
    HkMacauPermit,
    /// 台湾居民来往大陆通行证 (台胞证): 8 digits, or an older 10-character form.
    TaiwanPermit,
    /// 外国人永久居留身份证: old 15 characters (3 letters + 12 digits) or new 18 starting with 9.
    ForeignPermanentResident,
    /// Any other document; stored as typed (normalised).
    Other,
}

impl DocumentType {
    /// Every type, in the order the entry form lists them.
    pub const ALL: [DocumentType; 6] = [
        DocumentType::ResidentId,
        DocumentType::Passport,
        DocumentType::HkMacauPermit,
        DocumentType::TaiwanPermit,
        DocumentType::ForeignPermanentResident,
        DocumentType::Other,
    ];

    /// The document's Chinese name, as in the forms' 证件类型 column.
    pub fn label_zh(self) -> &'static str {
        match self {
            DocumentType::ResidentId => "居民身份证",
            DocumentType::Passport => "护照",
            DocumentType::HkMacauPermit => "港澳居民来往内地通行证",
            DocumentType::TaiwanPermit => "台湾居民来往大陆通行证",
            DocumentType::ForeignPermanentResident => "外国人永久居留身份证",
            DocumentType::Other => "其他证件",
        }
    }

    /// What a valid number looks like, in Chinese, for error messages.
    pub fn format_hint_zh(self) -> &'static str {
        match self {
            DocumentType::ResidentId => "18位（或旧版15位），最后一位可以是X",
            DocumentType::Passport => "5至17位字母或数字",
            DocumentType::HkMacauPermit => "字母H（香港）或M（澳门）加8位或10位数字",
            DocumentType::TaiwanPermit => "8位数字，或旧版10位（前8位为数字）",
            DocumentType::ForeignPermanentResident => {
                "旧版15位（3个字母加12位数字）或新版18位（以9开头）"
            }
            DocumentType::Other => "不能为空",
        }
    }
}

/// Validates a document number of the given type and returns its normalised form.
///
/// All types: whitespace trimmed, full-width characters converted. Pattern-checked types
/// (everything but `Other`) also lose inner spaces and have letters uppercased. A
/// `ResidentId` goes through the full ID number check (and a 15-digit one is upgraded).
/// `Other` only has to be non-empty.
pub fn validate_document(ty: DocumentType, raw: &str) -> Result<String, DomainError> {
    if ty == DocumentType::ResidentId {
        return parse_id_number(raw).map(|parsed| parsed.number.into_string());
    }
    let text = normalize_text(raw);
    if text.is_empty() {
        return Err(DomainError::DocumentEmpty { doc_type: ty });
    }
    if ty == DocumentType::Other {
        return Ok(text);
    }
    let s: String = text
        .chars()
        .filter(|c| *c != ' ')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let ok = match ty {
        DocumentType::Passport => {
            (5..=17).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
        }
        DocumentType::HkMacauPermit => {
            let digits = s.strip_prefix(['H', 'M']).unwrap_or("");
            (digits.len() == 8 || digits.len() == 10) && all_digits(digits)
        }
        DocumentType::TaiwanPermit => {
            (s.len() == 8 && all_digits(&s))
                || (s.len() == 10
                    && s.is_ascii()
                    && all_digits(&s[..8])
                    && s.bytes().all(|b| b.is_ascii_alphanumeric()))
        }
        DocumentType::ForeignPermanentResident => {
            let old = s.len() == 15
                && s.is_ascii()
                && s.bytes().take(3).all(|b| b.is_ascii_uppercase())
                && all_digits(&s[3..]);
            let new = s.len() == 18
                && s.is_ascii()
                && s.starts_with('9')
                && all_digits(&s[..17])
                && s.ends_with(|c: char| c.is_ascii_digit() || c == 'X');
            old || new
        }
        DocumentType::ResidentId | DocumentType::Other => true,
    };
    if ok {
        Ok(s)
    } else {
        Err(DomainError::DocumentFormat { doc_type: ty })
    }
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ok(ty: DocumentType, raw: &str) -> String {
        validate_document(ty, raw).unwrap_or_else(|e| panic!("{ty:?} {raw:?}: {e}"))
    }

    fn format_err(ty: DocumentType, raw: &str) {
        assert_eq!(
            validate_document(ty, raw),
            Err(DomainError::DocumentFormat { doc_type: ty }),
            "{ty:?} {raw:?}"
        );
    }

    #[test]
    fn resident_id_delegates_to_id_number() {
        assert_eq!(
            ok(DocumentType::ResidentId, " 11010519491231002x "),
            "11010519491231002X"
        );
        assert_eq!(
            ok(DocumentType::ResidentId, "130503670401001"),
            "130503196704010016"
        );
        assert_eq!(
            validate_document(DocumentType::ResidentId, "110105194912310025"),
            Err(DomainError::IdChecksum {
                expected: 'X',
                actual: '5'
            })
        );
        assert_eq!(
            validate_document(DocumentType::ResidentId, ""),
            Err(DomainError::IdEmpty)
        );
    }

    #[test]
    fn passports() {
        assert_eq!(ok(DocumentType::Passport, "e12345678"), "E12345678");
        assert_eq!(ok(DocumentType::Passport, "EA 1234567"), "EA1234567");
        assert_eq!(ok(DocumentType::Passport, "ＧＢ１２３４５"), "GB12345");
        assert_eq!(ok(DocumentType::Passport, "12345"), "12345");
        assert_eq!(
            ok(DocumentType::Passport, "A1234567890123456"),
            "A1234567890123456"
        );
        format_err(DocumentType::Passport, "1234");
        format_err(DocumentType::Passport, "A12345678901234567");
        format_err(DocumentType::Passport, "E1234-5678");
        format_err(DocumentType::Passport, "护照E1234567");
    }

    #[test]
    fn hk_macau_permits() {
        assert_eq!(ok(DocumentType::HkMacauPermit, "h12345678"), "H12345678");
        assert_eq!(
            ok(DocumentType::HkMacauPermit, "M1234567890"),
            "M1234567890"
        );
        format_err(DocumentType::HkMacauPermit, "H1234567");
        format_err(DocumentType::HkMacauPermit, "H123456789");
        format_err(DocumentType::HkMacauPermit, "C12345678");
        format_err(DocumentType::HkMacauPermit, "12345678");
        format_err(DocumentType::HkMacauPermit, "H");
        format_err(DocumentType::HkMacauPermit, "H1234567A");
    }

    #[test]
    fn taiwan_permits() {
        assert_eq!(ok(DocumentType::TaiwanPermit, "12345678"), "12345678");
        assert_eq!(ok(DocumentType::TaiwanPermit, "1234567890"), "1234567890");
        assert_eq!(ok(DocumentType::TaiwanPermit, "12345678b1"), "12345678B1");
        format_err(DocumentType::TaiwanPermit, "1234567");
        format_err(DocumentType::TaiwanPermit, "123456789");
        format_err(DocumentType::TaiwanPermit, "A234567890");
        format_err(DocumentType::TaiwanPermit, "12345678(B)");
        format_err(DocumentType::TaiwanPermit, "12345678台1");
    }

    #[test]
    fn foreign_permanent_resident_cards() {
        assert_eq!(
            ok(DocumentType::ForeignPermanentResident, "usa110079010101"),
            "USA110079010101"
        );
        assert_eq!(
            ok(DocumentType::ForeignPermanentResident, "933156197001010012"),
            "933156197001010012"
        );
        assert_eq!(
            ok(DocumentType::ForeignPermanentResident, "93315619700101001x"),
            "93315619700101001X"
        );
        format_err(DocumentType::ForeignPermanentResident, "US1100790101011");
        format_err(DocumentType::ForeignPermanentResident, "USA11007901010");
        format_err(DocumentType::ForeignPermanentResident, "833156197001010012");
        format_err(DocumentType::ForeignPermanentResident, "9331561970010100X2");
        format_err(DocumentType::ForeignPermanentResident, "美国A110079010101");
    }

    #[test]
    fn other_documents_only_need_text() {
        assert_eq!(
            ok(DocumentType::Other, "  军官证　第 123 号 "),
            "军官证 第 123 号"
        );
        assert_eq!(
            validate_document(DocumentType::Other, " \u{3000}"),
            Err(DomainError::DocumentEmpty {
                doc_type: DocumentType::Other
            })
        );
    }

    #[test]
    fn empty_numbers() {
        for ty in DocumentType::ALL {
            if ty == DocumentType::ResidentId {
                continue;
            }
            assert_eq!(
                validate_document(ty, "  "),
                Err(DomainError::DocumentEmpty { doc_type: ty })
            );
        }
    }

    #[test]
    fn labels_hints_and_serde() {
        let codes = [
            "resident_id",
            "passport",
            "hk_macau_permit",
            "taiwan_permit",
            "foreign_permanent_resident",
            "other",
        ];
        for (ty, code) in DocumentType::ALL.into_iter().zip(codes) {
            assert!(!ty.label_zh().is_empty());
            assert!(!ty.format_hint_zh().is_empty());
            let json = serde_json::to_string(&ty).expect("json");
            assert_eq!(json, format!("\"{code}\""));
            let back: DocumentType = serde_json::from_str(&json).expect("json");
            assert_eq!(back, ty);
        }
        assert_eq!(
            DocumentType::HkMacauPermit.label_zh(),
            "港澳居民来往内地通行证"
        );
    }

    proptest! {
        #[test]
        fn validate_never_panics(s in any::<String>(), i in 0usize..6) {
            let _ = validate_document(DocumentType::ALL[i], &s);
        }

        #[test]
        fn valid_passports_are_normalised_and_stable(s in "[A-Za-z0-9]{5,17}") {
            let n = validate_document(DocumentType::Passport, &s).expect("valid passport");
            prop_assert_eq!(&n, &s.to_ascii_uppercase());
            prop_assert_eq!(validate_document(DocumentType::Passport, &n).expect("stable"), n);
        }

        #[test]
        fn hk_macau_permits_accept_both_lengths(
            prefix in prop::sample::select(vec!['H', 'M', 'h', 'm']),
            digits in "[0-9]{8}|[0-9]{10}",
        ) {
            let raw = format!("{prefix}{digits}");
            let n = validate_document(DocumentType::HkMacauPermit, &raw).expect("valid");
            prop_assert_eq!(n, raw.to_ascii_uppercase());
        }
    }
}
