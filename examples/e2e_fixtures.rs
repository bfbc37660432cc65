//! Writes the files the end-to-end specs import (`tests/e2e/fixtures/`), committed so the
//! specs need nothing but the app. Run again after changing them:
//! `cargo run --example e2e_fixtures`.
//!
//! `messy-arrivals.xlsx` is a 返乡人员名单 as a street office sends it down: a merged title
//! row and a 填报单位 line, a two-row header with 返回情况 merged over 返回时间 / 从何地返回,
//! an ID number in full-width digits, one Excel turned into 1.1e17, a row repeated, and
//! dates in three spellings. Against the demo ledger the dry run reads 6 rows: 4 new people,
//! 4 new arrivals, 1 duplicate within the file, 1 error.
#![allow(clippy::unwrap_used)]

use gridledger::domain::id_number::check_char;
use rust_xlsxwriter::{Format, FormatAlign, Workbook};

fn id(first17: &str) -> String {
    format!("{first17}{}", check_char(first17))
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap())
        .collect()
}

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/fixtures");
    std::fs::create_dir_all(&dir).unwrap();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("返乡人员").unwrap();
    let title = Format::new().set_bold().set_align(FormatAlign::Center);
    sheet
        .merge_range(0, 0, 0, 6, "龙泉街道返乡人员核查名单（1月25日）", &title)
        .unwrap();
    sheet
        .write(1, 0, "填报单位：幸福社区　　填报日期：2020年1月25日")
        .unwrap();
    for (c, h) in ["序号", "姓 名", "身份证号码", "联系电话", "现住址"]
        .iter()
        .enumerate()
    {
        sheet
            .merge_range(2, c as u16, 3, c as u16, h, &Format::new())
            .unwrap();
    }
    sheet
        .merge_range(2, 5, 2, 6, "返回情况", &Format::new())
        .unwrap();
    sheet.write(3, 5, "返回时间").unwrap();
    sheet.write(3, 6, "从何地返回").unwrap();

    let yang = id("42010219900303001");
    let rows: [[&str; 7]; 6] = [
        [
            "1",
            "杨一帆",
            &yang,
            "13800000101",
            "幸福家园1栋2单元301",
            "2020-01-21",
            "湖北省武汉市",
        ],
        [
            "2",
            "周二妹",
            &full_width(&id("42098419870707002")),
            "13800000102",
            "",
            "2020/1/22",
            "孝感",
        ],
        [
            "3",
            "吴三强",
            "",
            "138 0000 0103",
            "龙湖小区2栋1单元102",
            "2020.1.23",
            "上海",
        ],
        [
            "4",
            "杨一帆",
            &yang,
            "13800000101",
            "幸福家园1栋2单元301",
            "2020-01-21",
            "湖北省武汉市",
        ],
        [
            "5",
            "郑四海",
            "CORRUPTED",
            "13800000105",
            "",
            "20200124",
            "武汉",
        ],
        [
            "6",
            "冯五洲",
            &id("34040319950505003"),
            "13800000106",
            "",
            "1月24日",
            "韩国",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 4;
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            match (c, *v) {
                (0, n) => sheet
                    .write_number(r, c, n.parse::<f64>().unwrap())
                    .map(|_| ()),
                // What Excel leaves of an 18-digit number typed into a General cell.
                (2, "CORRUPTED") => sheet.write_number(r, c, 4.201_021_990_010_1e17).map(|_| ()),
                (_, "") => Ok(()),
                (_, s) => sheet.write(r, c, s).map(|_| ()),
            }
            .unwrap();
        }
    }
    book.save(dir.join("messy-arrivals.xlsx")).unwrap();
    println!("wrote {}", dir.join("messy-arrivals.xlsx").display());
}
