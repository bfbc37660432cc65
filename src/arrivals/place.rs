//! Places: a mainland region by its GB/T 2260 code, or a place outside the mainland by its
//! ISO 3166-1 alpha-2 code. What lies in what, what an origin's class is, and the name
//! to show — all from the codes and the bundled region data (`crate::regions`).

use crate::api::{OriginClass, Place};
use crate::error::{Error, Result};
use crate::regions;

/// Region codes of 台湾 (71), 香港 (81) and 澳门 (82): outside the mainland (境外) for
/// epidemic work although GB/T 2260 lists them.
const OUTSIDE_MAINLAND_PROVINCES: [&str; 3] = ["71", "81", "82"];

/// Check a place typed at the boundary and normalise its code (`kr` → `KR`). `field`
/// names the form field in the error.
pub fn validate(field: &'static str, place: &Place) -> Result<Place> {
    match place {
        Place::Region(code) => {
            let code = code.trim();
            if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Error::invalid(
                    field,
                    format!("region code {code:?} is not 6 digits"),
                    "地区代码应为 6 位数字",
                ));
            }
            // 台湾 / 香港 / 澳门 are stored as the places outside the mainland they are, so
            // that one code names them whichever picker was used.
            match code.get(..2) {
                Some("71") => return Ok(Place::Country("TW".into())),
                Some("81") => return Ok(Place::Country("HK".into())),
                Some("82") => return Ok(Place::Country("MO".into())),
                _ => {}
            }
            if regions::resolve(code).is_none() {
                return Err(Error::invalid(
                    field,
                    format!("region code {code} is unknown"),
                    format!("地区代码 {code} 不存在"),
                ));
            }
            Ok(Place::Region(code.to_owned()))
        }
        Place::Country(code) => {
            let code = code.trim().to_ascii_uppercase();
            if code == "CN" {
                return Err(Error::invalid(
                    field,
                    "a mainland origin is given by its region, not the country CN",
                    "境内地区请选择省/市/县，不要选择国家“中国”",
                ));
            }
            if regions::country(&code).is_none() {
                return Err(Error::invalid(
                    field,
                    format!("country code {code:?} is unknown"),
                    format!("国家或地区代码 {code} 不存在"),
                ));
            }
            Ok(Place::Country(code))
        }
    }
}

/// The place as a worker reads it: "湖北省武汉市", "韩国".
pub fn name(place: &Place) -> String {
    match place {
        Place::Region(code) => regions::full_name(code).unwrap_or_else(|| code.clone()),
        Place::Country(code) => regions::country(code)
            .map(|c| c.name_zh.clone())
            .unwrap_or_else(|| code.clone()),
    }
}

/// Whether a place is outside the mainland (境外).
pub fn is_outside_mainland(place: &Place) -> bool {
    match place {
        Place::Region(code) => OUTSIDE_MAINLAND_PROVINCES.contains(&code.get(..2).unwrap_or("")),
        Place::Country(_) => true,
    }
}

/// The digits every region in or under `code` starts with: "42" for 420000, "4201" for
/// 420100, the whole code for a county. (Counties directly under a province, such as
/// 429004 仙桃市, start with the province's digits, so they lie in it.) The `risk_area_live`
/// view of migration 0005 computes the same in SQL for the risk-area triggers.
pub fn region_prefix(code: &str) -> &str {
    if let Some(p) = code.strip_suffix("0000") {
        p
    } else if let Some(p) = code.strip_suffix("00") {
        p
    } else {
        code
    }
}

/// The class of an origin seen from the home region (the ledger's own region code).
/// Without a home region a mainland origin cannot be placed in or out of the province,
/// so it is `Unknown`.
pub fn origin_class(origin: Option<&Place>, home_region: Option<&str>) -> OriginClass {
    let Some(origin) = origin else {
        return OriginClass::Unknown;
    };
    if is_outside_mainland(origin) {
        return OriginClass::Outside;
    }
    let (Place::Region(code), Some(home)) = (origin, home_region) else {
        return OriginClass::Unknown;
    };
    if code.get(..2) == home.get(..2) {
        OriginClass::SameProvince
    } else {
        OriginClass::OtherProvince
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(c: &str) -> Place {
        Place::Region(c.into())
    }
    fn c(c: &str) -> Place {
        Place::Country(c.into())
    }

    #[test]
    fn prefixes() {
        assert_eq!(region_prefix("420000"), "42");
        assert_eq!(region_prefix("420100"), "4201");
        assert_eq!(region_prefix("420102"), "420102");
    }

    #[test]
    fn origin_classes() {
        let home = Some("340403");
        assert_eq!(
            origin_class(Some(&r("340100")), home),
            OriginClass::SameProvince
        );
        assert_eq!(
            origin_class(Some(&r("420100")), home),
            OriginClass::OtherProvince
        );
        assert_eq!(origin_class(Some(&c("KR")), home), OriginClass::Outside);
        assert_eq!(origin_class(Some(&r("810000")), home), OriginClass::Outside);
        assert_eq!(origin_class(None, home), OriginClass::Unknown);
        assert_eq!(origin_class(Some(&r("420100")), None), OriginClass::Unknown);
        assert_eq!(origin_class(Some(&c("KR")), None), OriginClass::Outside);
    }
}
