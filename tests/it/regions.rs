//! The bundled region and country data through the public API: names, containment, the
//! fallback for revoked codes, search, and what an ID number's region code resolves to.

use gridledger::domain::id_number::{check_char, parse_id_number};
use gridledger::regions::{
    self, children, country, full_name, is_within, lookup, province_of, provinces, resolve, search,
    search_countries, Level, OutsideMainlandKind,
};

fn codes(regions: &[&regions::Region]) -> Vec<String> {
    regions.iter().map(|r| r.code.clone()).collect()
}

#[test]
fn full_names_of_prefectures_counties_and_municipalities() {
    assert_eq!(full_name("420100").as_deref(), Some("湖北省武汉市"));
    assert_eq!(full_name("420102").as_deref(), Some("湖北省武汉市江岸区"));
    assert_eq!(full_name("110101").as_deref(), Some("北京市东城区"));
    assert_eq!(full_name("310115").as_deref(), Some("上海市浦东新区"));
    assert_eq!(full_name("120116").as_deref(), Some("天津市滨海新区"));
}

#[test]
fn containment_by_province_prefecture_and_county() {
    assert!(is_within("420102", "420000"));
    assert!(is_within("420102", "420100"));
    assert!(!is_within("420102", "430000"));
    assert!(is_within("429005", "420000"), "潜江市 is in 湖北省");
    assert!(
        !is_within("429005", "429000"),
        "but in no prefecture 429000"
    );
    assert_eq!(province_of("429005").as_deref(), Some("420000"));
}

#[test]
fn an_unknown_revoked_code_resolves_approximately() {
    // Codes that no revision since 1980 lists, as a pre-1980 or mistyped code would be: the
    // bundled history cannot name them, so they fall back to the area that contains them.
    let county = resolve("420188").expect("within 武汉市");
    assert!(county.approximate);
    assert_eq!(county.region.code, "420100");
    assert_eq!(county.full_name(), "湖北省武汉市");

    let prefecture_gone = resolve("429988").expect("within 湖北省");
    assert!(prefecture_gone.approximate);
    assert_eq!(prefecture_gone.region.code, "420000");

    assert!(resolve("990101").is_none(), "no province 99");
}

#[test]
fn historical_codes_from_old_id_numbers() {
    // 崇文区 (110103) was merged into 东城区 in 2010: known, historical, no successor.
    let chongwen = resolve("110103").expect("historical");
    assert!(!chongwen.approximate);
    assert!(chongwen.region.historical);
    assert_eq!(chongwen.region.name, "崇文区");
    assert_eq!(chongwen.region.listed_until, Some(2009));
    assert_eq!(chongwen.full_name(), "北京市崇文区");
    assert!(is_within("110103", "110000"));

    // 沙县 (350427) became 沙县区 (350405) in 2021.
    let shaxian = lookup("350427").expect("historical");
    assert!(shaxian.historical);
    assert_eq!(shaxian.successor.as_deref(), Some("350405"));
    assert_eq!(full_name("350405").as_deref(), Some("福建省三明市沙县区"));

    // Every successor is a current region.
    let with_successor = ["110221", "350427", "440521", "370723"];
    for code in with_successor {
        let successor = lookup(code)
            .and_then(|r| r.successor.as_deref())
            .and_then(lookup)
            .unwrap_or_else(|| panic!("{code} has a successor"));
        assert!(!successor.historical, "{code} → {successor:?}");
    }
}

#[test]
fn an_id_number_with_a_revoked_region_code_is_read_where_it_was_issued() {
    // A 1980s number from 湖北省随州市 (429001, a province-administered city until 1999).
    let body = "42900119700101001";
    let number = format!("{body}{}", check_char(body));
    let parsed = parse_id_number(&number).expect("valid");
    let issued = resolve(&parsed.region_code).expect("known");
    assert!(issued.region.historical);
    assert_eq!(issued.full_name(), "湖北省随州市");
    assert!(is_within(&parsed.region_code, "420000"));
    assert_eq!(issued.region.successor.as_deref(), Some("421300"));
}

#[test]
fn cascade_levels() {
    let provinces = provinces();
    assert_eq!(provinces.len(), 34);
    let names: Vec<&str> = provinces.iter().map(|p| p.name.as_str()).collect();
    for name in [
        "北京市",
        "湖北省",
        "台湾省",
        "香港特别行政区",
        "澳门特别行政区",
    ] {
        assert!(names.contains(&name), "{name}");
    }
    let hubei = children("420000");
    assert!(hubei
        .iter()
        .all(|r| r.level != Level::Province && !r.historical));
    assert!(codes(&hubei).contains(&"420100".to_owned()));
    let wuhan = children("420100");
    assert_eq!(wuhan.len(), 13, "武汉市 has 13 districts");
}

#[test]
fn search_regions() {
    let wh = search("wh", 10);
    assert!(
        codes(&wh).contains(&"420100".to_owned()),
        "{:?}",
        codes(&wh)
    );
    assert_eq!(search("wuhan", 1)[0].name, "武汉市");
    assert_eq!(search("武汉", 1)[0].code, "420100");
    assert_eq!(search("hubei", 1)[0].code, "420000");
    let counties_last = search("wh", 100);
    let first_county = counties_last
        .iter()
        .position(|r| r.level == Level::County)
        .unwrap_or(counties_last.len());
    assert!(counties_last[first_county..]
        .iter()
        .all(|r| r.level == Level::County));
}

#[test]
fn countries_and_their_kind() {
    let kr = country("KR").expect("KR");
    assert_eq!(kr.name_zh, "韩国");
    assert_eq!(kr.outside_mainland_kind, OutsideMainlandKind::Foreign);
    assert_eq!(country("HK").map(|c| c.name_zh.as_str()), Some("中国香港"));
    assert_eq!(
        country("TW").map(|c| c.outside_mainland_kind),
        Some(OutsideMainlandKind::HkMoTw)
    );
    assert_eq!(search_countries("韩", 1)[0].code, "KR");
    assert_eq!(search_countries("riben", 1)[0].code, "JP");
    assert_eq!(search_countries("japan", 1)[0].code, "JP");
    assert!(regions::countries().len() >= 249);
}

#[test]
fn data_loads_and_counts_are_sane() {
    assert_eq!(regions::load_error(), None);
    let c = regions::counts();
    assert_eq!(c.provinces, 34);
    assert!(c.prefectures >= 300, "{c:?}");
    assert!(c.counties >= 2800, "{c:?}");
    assert!(c.historical >= 3000, "{c:?}");
}

#[test]
fn the_ui_reads_the_same_files() {
    // The UI imports assets/regions/*.json at build time: check that the committed files
    // are the ones embedded here, row for row.
    let root = env!("CARGO_MANIFEST_DIR");
    let text = std::fs::read_to_string(format!("{root}/assets/regions/cn-regions.json"))
        .expect("cn-regions.json");
    let json: serde_json::Value = serde_json::from_str(&text).expect("json");
    let rows = json["rows"].as_array().expect("rows");
    let c = regions::counts();
    assert_eq!(rows.len(), c.provinces + c.prefectures + c.counties);
    for row in rows {
        let code = row[0].as_str().expect("code");
        assert_eq!(lookup(code).map(|r| r.name.as_str()), row[1].as_str());
    }
}
