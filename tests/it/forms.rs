//! Official forms (报表导出): every shipped form exported from the demo ledger and read
//! back with calamine — title, merged ranges, header texts, a sample of cells, ID numbers
//! kept as text, masking, row counts — plus the export log, user copies of definitions
//! and the CLI.

use std::path::{Path, PathBuf};

use calamine::{open_workbook, Data, Dimensions, Range, Reader, Xlsx};
use gridledger::api::{ExportRequest, FormOrigin};
use gridledger::domain::masking::{mask_id, mask_phone, MaskPreset};
use gridledger::settings::Settings;
use gridledger::store::Actor;
use gridledger::{demo, forms, Ledger};
use tempfile::TempDir;

use crate::{count, fresh_ledger};

fn demo_ledger() -> (TempDir, Ledger) {
    let (dir, mut ledger) = fresh_ledger();
    demo::load(&mut ledger, &Actor::cli()).unwrap();
    (dir, ledger)
}

struct Sheet {
    name: String,
    range: Range<Data>,
    merged: Vec<Dimensions>,
}

fn read(path: &Path) -> Sheet {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    let merged = book.merge_cells_by_sheet_name(&name).unwrap();
    Sheet {
        name,
        range,
        merged,
    }
}

impl Sheet {
    fn cell(&self, row: u32, col: u32) -> Data {
        self.range
            .get_value((row, col))
            .cloned()
            .unwrap_or(Data::Empty)
    }
    fn text(&self, row: u32, col: u32) -> String {
        match self.cell(row, col) {
            Data::String(s) => s,
            Data::Empty => String::new(),
            other => panic!("({row}, {col}) is not text: {other:?}"),
        }
    }
    fn is_merged(&self, r1: u32, c1: u32, r2: u32, c2: u32) -> bool {
        self.merged
            .iter()
            .any(|d| d.start == (r1, c1) && d.end == (r2, c2))
    }
}

fn export(ledger: &mut Ledger, dir: &Path, req: ExportRequest) -> (PathBuf, u32) {
    let out = dir.join(format!("{}.xlsx", gridledger::store::rows::new_id()));
    let done = forms::export_form(ledger, &Actor::new("张网格"), &req, &out).unwrap();
    assert_eq!(done.path, out.display().to_string());
    (out, done.rows)
}

fn req(form: &str) -> ExportRequest {
    ExportRequest {
        form: form.into(),
        ..ExportRequest::default()
    }
}

/// Days since 1899-12-30: the Excel serial of a date.
fn serial(date: &str) -> f64 {
    let d = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    (d - base).num_days() as f64
}

#[test]
fn the_screening_form_reads_back_with_its_layout_ids_as_text_and_every_arrival() {
    let (dir, mut ledger) = demo_ledger();
    let community = Settings::load(ledger.conn()).unwrap().ledger_name;
    let (path, rows) = export(
        &mut ledger,
        dir.path(),
        ExportRequest {
            date: Some("2020-03-01".into()),
            ..req("arrivals-screening")
        },
    );
    let expected = count(
        &ledger,
        "SELECT count(*) FROM arrival WHERE deleted_at IS NULL AND arrived_on <= '2020-03-01'",
    );
    assert_eq!(i64::from(rows), expected);
    assert_eq!(rows, 140, "the source scenario's 140 outsiders");

    let s = read(&path);
    assert_eq!(s.name, "返乡（外来）人员摸排登记表");
    // Title merged over all 19 columns, header block under it.
    assert_eq!(
        s.text(0, 0),
        format!("{community}返乡（外来）人员摸排登记表")
    );
    assert!(s.is_merged(0, 0, 0, 18), "{:?}", s.merged);
    assert!(s.is_merged(1, 0, 1, 18));
    assert!(s.text(1, 0).starts_with(&format!("填报单位：{community}")));
    assert!(s.text(1, 0).contains("填报日期：2020年3月1日"));
    // Two header rows: ungrouped columns merged over both, groups over their columns.
    assert!(s.is_merged(2, 0, 3, 0));
    assert_eq!(s.text(2, 0), "序号");
    assert_eq!(s.text(2, 4), "身份证号");
    assert_eq!(s.text(2, 7), "行程信息");
    assert!(s.is_merged(2, 7, 2, 11));
    assert_eq!(s.text(3, 7), "来源地（省/市/县）");
    assert_eq!(s.text(3, 9), "返回时间");
    assert_eq!(s.text(2, 12), "健康状况");
    assert_eq!(s.text(2, 14), "管控情况");
    assert!(s.is_merged(2, 14, 2, 16));
    assert_eq!(s.text(2, 18), "备注");

    // Data rows 4 ..= 143, numbered; the footer after them.
    let first = 4;
    let last = first + rows - 1;
    assert_eq!(s.cell(first, 0), Data::Float(1.0));
    assert_eq!(s.cell(last, 0), Data::Float(f64::from(rows)));
    assert!(s.text(last + 1, 0).starts_with("审核人："));
    assert!(s.is_merged(last + 1, 0, last + 1, 18));

    // Every ID number is an 18-character text cell, masked upward (first 6 + last 4),
    // and belongs to the person named on its row.
    let mut stmt = ledger
        .conn()
        .prepare(
            "SELECT p.id_number, p.phone FROM arrival a JOIN person p ON p.id = a.person_id \
             WHERE a.deleted_at IS NULL AND a.arrived_on <= '2020-03-01' \
             ORDER BY a.arrived_on, a.id",
        )
        .unwrap();
    let people: Vec<(Option<String>, Option<String>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(people.len(), rows as usize);
    for (i, (id, phone)) in people.iter().enumerate() {
        let row = first + i as u32;
        let id = id.as_ref().expect("demo people have ID numbers");
        let cell = s.cell(row, 4);
        assert_eq!(
            cell,
            Data::String(mask_id(id, MaskPreset::Upward)),
            "row {row}"
        );
        assert!(s.text(row, 4).contains("********"));
        if let Some(phone) = phone {
            assert_eq!(s.text(row, 5), mask_phone(phone, MaskPreset::Upward));
        }
        // Dates are real dates.
        assert!(matches!(s.cell(row, 9), Data::DateTime(_)), "row {row}");
        assert!(["男", "女"].contains(&s.text(row, 2).as_str()));
    }
    // The first row is the earliest arrival, as a date serial.
    let earliest: String = ledger
        .conn()
        .query_row(
            "SELECT min(arrived_on) FROM arrival WHERE deleted_at IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    match s.cell(first, 9) {
        Data::DateTime(d) => assert_eq!(d.as_f64(), serial(&earliest)),
        other => panic!("not a date: {other:?}"),
    }
    // 是 for exactly the arrivals from a risk area (the four from 武汉).
    let yes = (first..=last).filter(|&r| s.text(r, 8) == "是").count();
    assert_eq!(yes, 4);
    let wuhan: Vec<u32> = (first..=last).filter(|&r| s.text(r, 8) == "是").collect();
    for r in wuhan {
        assert!(s.text(r, 7).starts_with("湖北省武汉市"), "{}", s.text(r, 7));
        assert_eq!(s.text(r, 14), "居家隔离");
        assert!(s.text(r, 15).contains('至'));
    }
}

#[test]
fn masking_presets_apply_to_ids_and_phones_and_are_logged() {
    let (dir, mut ledger) = demo_ledger();
    let full: Vec<(String, String)> = {
        let mut stmt = ledger
            .conn()
            .prepare(
                "SELECT p.id_number, coalesce(p.phone, '') FROM contact c \
                 JOIN person p ON p.id = c.person_id JOIN person ip ON ip.id = c.index_person_id \
                 WHERE c.deleted_at IS NULL ORDER BY c.last_contact_on, ip.name, p.name, c.id",
            )
            .unwrap();
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        rows
    };
    assert_eq!(full.len(), 5, "the family of five");
    for preset in [MaskPreset::None, MaskPreset::Upward, MaskPreset::Public] {
        let (path, rows) = export(
            &mut ledger,
            dir.path(),
            ExportRequest {
                masking: Some(preset),
                ..req("contacts")
            },
        );
        assert_eq!(rows, 5);
        let s = read(&path);
        assert_eq!(s.text(2, 2), "身份证号");
        for (i, (id, phone)) in full.iter().enumerate() {
            let row = 3 + i as u32;
            assert_eq!(s.text(row, 2), mask_id(id, preset));
            assert_eq!(s.text(row, 3), mask_phone(phone, preset));
            assert_eq!(s.text(row, 5), "同住");
            assert!(matches!(s.cell(row, 6), Data::DateTime(_)));
        }
        if preset == MaskPreset::Public {
            assert!(s.text(3, 2).starts_with(&full[0].0[..3]));
            assert_eq!(&s.text(3, 2)[3..6], "***");
        }
    }
    let log = forms::export_log(ledger.conn(), 10).unwrap();
    assert_eq!(log.len(), 3);
    assert!(log.iter().all(|e| e.form_id == "contacts" && e.rows == 5));
    assert!(log.iter().all(|e| e.actor == "张网格"));
    let mut maskings: Vec<MaskPreset> = log.iter().map(|e| e.masking).collect();
    maskings.sort_by_key(|m| format!("{m:?}"));
    assert_eq!(
        maskings,
        [MaskPreset::None, MaskPreset::Public, MaskPreset::Upward]
    );
    // The log rows are audited like any write.
    assert_eq!(
        count(
            &ledger,
            "SELECT count(*) FROM audit_log WHERE entity = 'export_log' AND action = 'insert'"
        ),
        3
    );
}

#[test]
fn the_monitoring_form_has_a_day_by_slot_grid_with_the_recorded_temperatures() {
    let (dir, mut ledger) = demo_ledger();
    let (path, rows) = export(
        &mut ledger,
        dir.path(),
        ExportRequest {
            from: Some("2020-01-01".into()),
            to: Some("2020-03-01".into()),
            ..req("isolation-monitoring")
        },
    );
    assert_eq!(rows, 9, "4 arrivals from 武汉 and the family of five");
    let s = read(&path);
    // 7 person columns, 14 days × 2 slots, 症状, 监测人.
    let last_col = 7 + 28 + 2 - 1;
    assert!(s.is_merged(0, 0, 0, last_col));
    assert_eq!(s.text(2, 6), "观察期");
    assert!(s.is_merged(2, 6, 3, 6));
    assert_eq!(s.text(2, 7), "第1天");
    assert!(s.is_merged(2, 7, 2, 8));
    assert_eq!(s.text(3, 7), "上午");
    assert_eq!(s.text(3, 8), "下午");
    assert_eq!(s.text(2, 7 + 26), "第14天");
    assert_eq!(s.text(2, last_col - 1), "症状");
    assert_eq!(s.text(2, last_col), "监测人");
    // Row 1's first check, as recorded.
    let (first_temp, second_temp): (i64, i64) = ledger
        .conn()
        .query_row(
            "SELECT (SELECT temperature FROM health_check WHERE isolation_id = i.id \
                     AND check_date = i.start_date AND slot = 1), \
                    (SELECT temperature FROM health_check WHERE isolation_id = i.id \
                     AND check_date = date(i.start_date, '+13 days') AND slot = 2) \
             FROM isolation i JOIN person p ON p.id = i.person_id \
             ORDER BY i.start_date, p.name, i.id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(s.cell(4, 7), Data::Float(first_temp as f64 / 10.0));
    assert_eq!(s.cell(4, 7 + 27), Data::Float(second_temp as f64 / 10.0));
    assert!(s.text(4, 6).contains('至'));
    assert_eq!(s.text(4 + rows, 0), "审核人：        单位（盖章）：");
}

#[test]
fn a_grid_filter_keeps_only_that_grids_rows_and_names_its_community() {
    let (dir, mut ledger) = demo_ledger();
    let (path, rows) = export(
        &mut ledger,
        dir.path(),
        ExportRequest {
            grids: vec!["第一网格".into()],
            ..req("arrivals-screening")
        },
    );
    let expected = count(
        &ledger,
        "SELECT count(*) FROM arrival a JOIN person p ON p.id = a.person_id \
         JOIN household h ON h.id = coalesce(a.household_id, p.household_id) \
         JOIN grid g ON g.id = h.grid_id WHERE a.deleted_at IS NULL AND g.name = '第一网格'",
    );
    assert_eq!(i64::from(rows), expected);
    assert!(rows > 0 && rows < 140, "{rows}");
    let s = read(&path);
    assert!(s.text(0, 0).starts_with("幸福社区"));
    let err = forms::export_form(
        &mut ledger,
        &Actor::cli(),
        &ExportRequest {
            grids: vec!["没有这个网格".into()],
            ..req("arrivals-screening")
        },
        &dir.path().join("x.xlsx"),
    )
    .unwrap_err();
    assert!(err.to_string().contains("no grid"), "{err}");
    assert!(!dir.path().join("x.xlsx").exists());
}

#[test]
fn a_failed_log_write_removes_the_file() {
    let (dir, mut ledger) = demo_ledger();
    ledger
        .conn()
        .execute_batch(
            "CREATE TRIGGER refuse_export BEFORE INSERT ON export_log \
             BEGIN SELECT RAISE(ABORT, 'log refused'); END;",
        )
        .unwrap();
    let out = dir.path().join("out.xlsx");
    let err = forms::export_form(&mut ledger, &Actor::cli(), &req("contacts"), &out).unwrap_err();
    assert!(err.to_string().contains("log refused"), "{err}");
    assert!(!out.exists(), "no export without its log entry");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn user_copies_override_when_valid_and_are_listed_with_their_line_when_not() {
    let (dir, mut ledger) = demo_ledger();
    let data_dir = forms::data_dir_of(&ledger);
    assert_eq!(data_dir, dir.path());
    let shipped = forms::list_forms(Some(&data_dir));
    assert_eq!(shipped.len(), forms::SHIPPED.len());
    assert_eq!(shipped.len(), 7);
    assert!(shipped.iter().all(|f| f.valid && f.in_use));

    let copied = forms::copy_shipped(&data_dir).unwrap();
    assert_eq!(copied.len(), 7);
    let user = forms::user_forms_dir(&data_dir).join("contacts.json");
    let text = std::fs::read_to_string(&user).unwrap();
    std::fs::write(
        &user,
        text.replace("{community}密切接触者", "{community}四同人员"),
    )
    .unwrap();
    // An invalid copy of the screening form: an unknown field on its line 25.
    let screening = forms::user_forms_dir(&data_dir).join("arrivals-screening.json");
    let text = std::fs::read_to_string(&screening).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("\"field\": \"origin\""))
        .unwrap()
        + 1;
    std::fs::write(
        &screening,
        text.replace("\"field\": \"origin\"", "\"field\": \"origni\""),
    )
    .unwrap();

    let list = forms::list_forms(Some(&data_dir));
    let bad = list
        .iter()
        .find(|f| f.id == "arrivals-screening" && f.origin == FormOrigin::User)
        .unwrap();
    assert!(!bad.valid && !bad.in_use);
    assert_eq!(bad.problems[0].line, Some(line));
    assert_eq!(bad.problems[0].key.as_deref(), Some("origin"));
    assert!(bad.problems[0].message_zh.contains("origni"));
    // The shipped screening form stays in use; the valid contacts copy wins.
    assert!(list
        .iter()
        .any(|f| f.id == "arrivals-screening" && f.origin == FormOrigin::Shipped && f.in_use));
    assert!(list
        .iter()
        .any(|f| f.id == "contacts" && f.origin == FormOrigin::Shipped && !f.in_use));
    let (path, _) = export(&mut ledger, dir.path(), req("contacts"));
    assert!(read(&path)
        .text(0, 0)
        .ends_with("四同人员（四同人员）登记表"));
    let (path, rows) = export(&mut ledger, dir.path(), req("arrivals-screening"));
    assert_eq!(rows, 140);
    assert_eq!(read(&path).text(3, 7), "来源地（省/市/县）");

    // A syntax error names its line.
    std::fs::write(&user, "{\n  \"id\": \"contacts\",\n  \"name\": \n}").unwrap();
    let list = forms::list_forms(Some(&data_dir));
    let broken = list
        .iter()
        .find(|f| f.origin == FormOrigin::User && f.id == "contacts")
        .unwrap();
    assert_eq!(broken.problems[0].line, Some(4));
    assert!(broken.problems[0].message_zh.starts_with("第 4 行"));
}

#[test]
fn preview_shows_the_first_rows_masked_and_mapped() {
    let (_dir, ledger) = demo_ledger();
    let p = forms::preview_form(&ledger, &req("isolation-monitoring"), 3).unwrap();
    assert!(p.title.ends_with("居家隔离人员健康监测登记表"));
    assert_eq!(p.headers.len(), 37);
    assert_eq!(p.headers[7], "第1天上午");
    assert!(p.rows.len() <= 3 && !p.rows.is_empty());
    assert!(p.rows[0][3].contains("****"));
    assert!(["男", "女"].contains(&p.rows[0][2].as_str()));
}

fn gridledger(data_dir: &Path, args: &[&str]) -> (bool, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gridledger"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("GRIDLEDGER_KEY")
        .output()
        .expect("the CLI runs");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

#[test]
fn the_cli_exports_lists_and_refuses_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    assert!(gridledger(dir.path(), &["demo"]).0);
    let out = dir.path().join("摸排.xlsx");
    let (ok, text) = gridledger(
        dir.path(),
        &[
            "export",
            "arrivals-screening",
            "--out",
            out.to_str().unwrap(),
            "--date",
            "2020-03-01",
            "--mask",
            "public",
        ],
    );
    assert!(ok, "{text}");
    assert!(text.contains("exported 140 rows"), "{text}");
    let s = read(&out);
    assert_eq!(s.range.height() as u32, 4 + 140 + 1);
    assert!(s.text(4, 4).starts_with(|c: char| c.is_ascii_digit()));
    assert_eq!(s.text(4, 4).matches('*').count(), 11, "public: 3 + 4 shown");

    let (ok, text) = gridledger(dir.path(), &["export", "--list"]);
    assert!(ok, "{text}");
    assert!(text.contains("arrivals-screening\t返乡（外来）人员摸排登记表\tarrivals\tok"));
    let (ok, text) = gridledger(dir.path(), &["export", "--log"]);
    assert!(
        ok && text.contains("arrivals-screening\t140 rows\tPublic"),
        "{text}"
    );

    let (ok, text) = gridledger(
        dir.path(),
        &["export", "contacts", "--out", "x.xlsx", "--mask", "all"],
    );
    assert!(!ok && text.contains("unknown masking preset"), "{text}");
    let (ok, text) = gridledger(dir.path(), &["export", "nope", "--out", "x.xlsx"]);
    assert!(!ok && text.contains("no form"), "{text}");
    let (ok, text) = gridledger(dir.path(), &["export", "contacts", "--date", "2020-13-01"]);
    assert!(!ok, "{text}");

    // Without --out: <data dir>/exports/<form>-<date>.xlsx.
    let (ok, text) = gridledger(dir.path(), &["export", "contacts", "--date", "2020-03-01"]);
    assert!(ok, "{text}");
    assert!(dir.path().join("exports/contacts-2020-03-01.xlsx").exists());
}

// ---- The forms over other modules: calls, the daily report, work resumption, the gate ----

#[test]
fn the_call_sheet_lists_every_target_with_its_latest_call_as_calls_derives_it() {
    let (dir, mut ledger) = demo_ledger();
    let targets = gridledger::calls::list_call_targets(
        ledger.conn(),
        &gridledger::api::CallTargetFilter::default(),
    )
    .unwrap();
    assert_eq!(targets.len(), 10, "the source scenario's 10 people away");
    let ids: Vec<String> = targets
        .iter()
        .map(|t| {
            ledger
                .conn()
                .query_row(
                    "SELECT id_number FROM person WHERE id = ?1",
                    [&t.person_id],
                    |r| r.get(0),
                )
                .unwrap()
        })
        .collect();
    for preset in [MaskPreset::Upward, MaskPreset::Public] {
        let (path, rows) = export(
            &mut ledger,
            dir.path(),
            ExportRequest {
                date: Some("2020-03-01".into()),
                masking: Some(preset),
                ..req("call-verification")
            },
        );
        assert_eq!(rows, 10);
        let s = read(&path);
        assert_eq!(s.name, "境外（外出）人员电话核实登记表");
        assert!(s.text(0, 0).ends_with("境外（外出）人员电话核实登记表"));
        assert!(s.is_merged(0, 0, 0, 13));
        assert_eq!(s.text(2, 2), "身份证号");
        assert!(s.is_merged(2, 2, 3, 2));
        assert_eq!(s.text(2, 7), "核实情况");
        assert!(s.is_merged(2, 7, 2, 10));
        assert_eq!(s.text(3, 7), "联系日期");
        assert_eq!(s.text(3, 8), "联系结果");
        assert_eq!(s.text(3, 9), "有无回国（回乡）计划");
        assert_eq!(s.text(2, 13), "备注");
        for (i, t) in targets.iter().enumerate() {
            let row = 4 + i as u32;
            assert_eq!(s.cell(row, 0), Data::Float(i as f64 + 1.0));
            assert_eq!(s.text(row, 1), t.person_name);
            assert_eq!(s.text(row, 2), mask_id(&ids[i], preset));
            assert_eq!(s.text(row, 4), t.place_name);
            assert_eq!(s.text(row, 5), t.reason.label_zh());
            assert_eq!(
                s.text(row, 8),
                t.last_outcome.map(|o| o.label_zh()).unwrap_or_default()
            );
            assert_eq!(s.text(row, 11), t.state.label_zh());
            match &t.last_called_on {
                Some(d) => assert_eq!(s.cell(row, 7), Data::DateTime(serial_dt(d))),
                None => assert_eq!(s.cell(row, 7), Data::Empty),
            }
        }
        let outcomes: Vec<String> = (0..10).map(|i| s.text(4 + i, 8)).collect();
        assert_eq!(
            outcomes.iter().filter(|o| *o == "已接通-暂不返回").count(),
            9
        );
        assert_eq!(outcomes.iter().filter(|o| *o == "空号").count(), 1);
        assert!(s.text(14, 0).starts_with("审核人："));
    }
    // For a day before the calls of 2020-01-27, the sheet says what was known then: the
    // demo's targets were registered when it was loaded and had no call yet.
    let (_, rows) = export(
        &mut ledger,
        dir.path(),
        ExportRequest {
            date: Some("2020-01-26".into()),
            ..req("call-verification")
        },
    );
    assert_eq!(rows, 0);
}

fn serial_dt(date: &str) -> calamine::ExcelDateTime {
    calamine::ExcelDateTime::new(serial(date), calamine::ExcelDateTimeType::DateTime, false)
}

#[test]
fn the_daily_report_has_a_row_per_grid_from_the_stats_a_total_row_and_says_nil_report() {
    let (dir, mut ledger) = demo_ledger();
    let day = chrono::NaiveDate::from_ymd_opt(2020, 3, 1).unwrap();
    let stats = gridledger::stats::daily_stats(ledger.conn(), day).unwrap();
    assert!(stats.nil_report);
    let (path, rows) = export(
        &mut ledger,
        dir.path(),
        ExportRequest {
            date: Some("2020-03-01".into()),
            ..req("daily-report")
        },
    );
    assert_eq!(rows as usize, stats.grids.len());
    let s = read(&path);
    assert_eq!(s.name, "疫情防控工作日报表");
    assert!(s.is_merged(0, 0, 0, 24));
    assert!(s.text(1, 0).contains("统计日期：2020年3月1日"));
    assert!(s.text(1, 0).contains("零报告"), "{}", s.text(1, 0));
    assert_eq!(s.text(2, 2), "网格");
    assert_eq!(s.text(2, 3), "外来人员");
    assert!(s.is_merged(2, 3, 2, 7));
    assert_eq!(s.text(3, 3), "新增");
    assert_eq!(s.text(3, 4), "累计");
    assert_eq!(s.text(2, 11), "隔离观察");
    assert!(s.is_merged(2, 11, 2, 14));
    assert_eq!(s.text(3, 13), "现有");
    assert_eq!(s.text(2, 24), "备注");
    // Every grid (zeros included) with its numbers as daily_stats counts them.
    for (i, g) in stats.grids.iter().enumerate() {
        let row = 4 + i as u32;
        assert_eq!(s.text(row, 2), g.grid_name);
        assert_eq!(
            s.cell(row, 3),
            Data::Float(f64::from(g.numbers.arrivals.new))
        );
        assert_eq!(
            s.cell(row, 4),
            Data::Float(f64::from(g.numbers.arrivals.total))
        );
        assert_eq!(
            s.cell(row, 13),
            Data::Float(f64::from(g.numbers.isolations.current))
        );
        assert_eq!(s.text(row, 24), "零报告");
    }
    // The total row: 合计 over 序号, 社区, 网格; the sums; then the footer.
    let total = 4 + rows;
    assert_eq!(s.text(total, 0), "合计");
    assert!(s.is_merged(total, 0, total, 2));
    assert_eq!(s.cell(total, 4), Data::Float(140.0), "140 outsiders in all");
    assert_eq!(
        s.cell(total, 4),
        Data::Float(f64::from(stats.total.arrivals.total))
    );
    assert_eq!(
        s.cell(total, 5),
        Data::Float(52.0),
        "52 from other provinces"
    );
    assert_eq!(
        s.cell(total, 12),
        Data::Float(f64::from(stats.total.isolations.total))
    );
    assert_eq!(s.text(total, 24), "");
    assert!(s.text(total + 1, 0).starts_with("审核人："));

    // A day with something new: no 零报告 in the header, the grid's note is empty.
    let busy = chrono::NaiveDate::from_ymd_opt(2020, 1, 21).unwrap();
    let stats = gridledger::stats::daily_stats(ledger.conn(), busy).unwrap();
    assert!(!stats.nil_report);
    let (path, rows) = export(
        &mut ledger,
        dir.path(),
        ExportRequest {
            date: Some("2020-01-21".into()),
            ..req("daily-report")
        },
    );
    let s = read(&path);
    assert!(!s.text(1, 0).contains("零报告"), "{}", s.text(1, 0));
    let with_news = (0..rows)
        .filter(|i| s.cell(4 + i, 3) != Data::Float(0.0))
        .collect::<Vec<_>>();
    assert!(!with_news.is_empty());
    assert!(with_news.iter().all(|i| s.text(4 + i, 24).is_empty()));
    assert_eq!(
        s.cell(4 + rows, 3),
        Data::Float(f64::from(stats.total.arrivals.new))
    );

    // The preview ends with the total row when it shows every row.
    let p = forms::preview_form(
        &ledger,
        &ExportRequest {
            date: Some("2020-03-01".into()),
            ..req("daily-report")
        },
        50,
    )
    .unwrap();
    let last = p.rows.last().unwrap();
    assert_eq!(last[0], "合计");
    assert_eq!(last[4], "140");
}

#[test]
fn a_ledger_with_nothing_still_exports_a_valid_nil_daily_report() {
    let (dir, mut ledger) = fresh_ledger();
    let (path, rows) = export(
        &mut ledger,
        dir.path(),
        ExportRequest {
            date: Some("2020-02-01".into()),
            ..req("daily-report")
        },
    );
    let s = read(&path);
    assert!(s.text(1, 0).contains("零报告"));
    let total = 4 + rows;
    assert_eq!(s.text(total, 0), "合计");
    for col in 3..24 {
        assert_eq!(s.cell(total, col), Data::Float(0.0), "column {col}");
    }
    assert!(s.text(total + 1, 0).starts_with("审核人："));
}

#[test]
fn the_work_resumption_sheet_has_the_five_answers_staff_and_difficulties_per_visit() {
    let (dir, mut ledger) = demo_ledger();
    ledger
        .write(&Actor::cli(), |tx| {
            tx.execute(
                "UPDATE enterprise SET contact_name = '刘矿长', contact_phone = '13812345678' \
                 WHERE name = '龙泉煤矿'",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    let (path, rows) = export(
        &mut ledger,
        dir.path(),
        ExportRequest {
            from: Some("2020-02-01".into()),
            to: Some("2020-02-29".into()),
            ..req("work-resumption")
        },
    );
    assert_eq!(rows, 2);
    let s = read(&path);
    assert_eq!(s.name, "复工复产企业检查表");
    assert!(s.is_merged(0, 0, 0, 20));
    assert_eq!(s.text(2, 1), "企业情况");
    assert!(s.is_merged(2, 1, 2, 4));
    assert_eq!(s.text(2, 5), "检查日期");
    assert!(s.is_merged(2, 5, 3, 5));
    assert_eq!(s.text(2, 6), "五到位检查（是/否/不适用）");
    assert!(s.is_merged(2, 6, 2, 15));
    assert_eq!(s.text(3, 6), "防控机制");
    assert_eq!(s.text(3, 7), "说明");
    assert_eq!(s.text(3, 14), "安全生产");
    assert_eq!(s.text(2, 16), "员工情况（人）");
    assert_eq!(s.text(2, 19), "存在困难和问题");
    // The complete visit first (oldest first), then the draft with 安全生产 unanswered.
    assert_eq!(s.text(4, 1), "龙泉煤矿");
    assert_eq!(s.text(4, 2), "刘矿长");
    assert_eq!(s.text(4, 3), "138****5678", "the phone masked upward");
    assert_eq!(s.cell(4, 4), Data::Float(320.0));
    assert_eq!(s.cell(4, 5), Data::DateTime(serial_dt("2020-02-18")));
    for col in [6, 8, 10, 12, 14] {
        assert_eq!(s.text(4, col), "是");
    }
    assert_eq!(s.cell(4, 16), Data::Float(60.0));
    assert_eq!(s.cell(4, 17), Data::Float(55.0));
    assert_eq!(s.cell(4, 18), Data::Float(0.0));
    assert!(s.text(4, 19).contains("口罩储备不足"), "{}", s.text(4, 19));
    assert!(s.text(4, 19).contains("已办结"));
    assert_eq!(s.text(5, 1), "龙泉建材厂");
    assert_eq!(s.text(5, 14), "");
    assert!(s.text(6, 0).starts_with("企业负责人（签字）："));

    // The range keeps only the visits in it.
    let (_, rows) = export(
        &mut ledger,
        dir.path(),
        ExportRequest {
            from: Some("2020-02-19".into()),
            to: Some("2020-02-29".into()),
            ..req("work-resumption")
        },
    );
    assert_eq!(rows, 1);
}

#[test]
fn the_gate_sheet_lists_a_days_checks_at_a_checkpoint_with_results_and_referrals() {
    use gridledger::api::{NewGateCheck, Visitor};
    let (dir, mut ledger) = demo_ledger();
    let south = gridledger::gate::checkpoint_by_name(ledger.conn(), "龙湖小区南门")
        .unwrap()
        .id;
    ledger
        .write(&Actor::cli(), |tx| {
            gridledger::gate::add_gate_check(
                tx,
                &NewGateCheck {
                    checkpoint_id: south.clone(),
                    visitor: Some(Visitor {
                        name: "吴发热".into(),
                        phone: Some("13912345678".into()),
                        id_number: None,
                        reason: Some("探亲".into()),
                    }),
                    temperature: "38.2".into(),
                    checked_at: Some("2020-01-28 10:15".into()),
                    ..NewGateCheck::default()
                },
                gridledger::gate::now(),
            )?;
            Ok(())
        })
        .unwrap();
    let full_ids: Vec<String> = {
        let mut stmt = ledger
            .conn()
            .prepare(
                "SELECT coalesce(p.id_number, '') FROM gate_check g \
                 LEFT JOIN person p ON p.id = g.person_id \
                 WHERE substr(g.checked_at, 1, 10) = '2020-01-28' ORDER BY g.checked_at, g.id",
            )
            .unwrap();
        let rows = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        rows
    };
    let (path, rows) = export(
        &mut ledger,
        dir.path(),
        ExportRequest {
            date: Some("2020-01-28".into()),
            masking: Some(MaskPreset::Public),
            ..req("gate-checks")
        },
    );
    assert_eq!(rows, 10, "the demo's 9 checks and the fever");
    assert_eq!(rows as usize, full_ids.len());
    let s = read(&path);
    assert_eq!(s.name, "卡口（门岗）体温检测登记表");
    assert!(s.is_merged(0, 0, 0, 14));
    assert!(s.text(1, 0).contains("卡口：全部卡口"));
    assert!(s.text(1, 0).contains("日期：2020年1月28日"));
    assert_eq!(s.text(2, 3), "时间");
    assert_eq!(s.text(2, 10), "体温（℃）");
    assert_eq!(s.text(2, 11), "处理结果");
    assert_eq!(s.text(3, 3), "07:05");
    assert_eq!(s.cell(3, 2), Data::DateTime(serial_dt("2020-01-28")));
    assert_eq!(s.text(3, 4), "幸福家园东门");
    assert_eq!(s.text(3, 5), "本辖区人员");
    assert_eq!(s.cell(3, 10), Data::Float(36.4));
    assert_eq!(s.text(3, 11), "放行");
    for (i, id) in full_ids.iter().enumerate() {
        let cell = s.text(3 + i as u32, 6);
        if id.is_empty() {
            assert_eq!(cell, "");
        } else {
            assert_eq!(cell, mask_id(id, MaskPreset::Public));
        }
    }
    assert!(s.text(3 + rows, 0).starts_with("值守人员（签字）："));

    // One checkpoint: only its check, refused and referred.
    let (path, rows) = export(
        &mut ledger,
        dir.path(),
        ExportRequest {
            date: Some("2020-01-28".into()),
            checkpoint: Some("龙湖小区南门".into()),
            ..req("gate-checks")
        },
    );
    assert_eq!(rows, 1);
    let s = read(&path);
    assert!(s.text(1, 0).contains("卡口：龙湖小区南门"));
    assert_eq!(s.text(3, 1), "吴发热");
    assert_eq!(s.text(3, 5), "外来访客");
    assert_eq!(s.text(3, 7), "139****5678");
    assert_eq!(s.cell(3, 10), Data::Float(38.2));
    assert_eq!(s.text(3, 11), "劝返");
    assert_eq!(s.text(3, 12), gridledger::gate::DEFAULT_REFERRAL);
    let log = forms::export_log(ledger.conn(), 1).unwrap();
    assert!(
        log[0].filters.contains("龙湖小区南门"),
        "{}",
        log[0].filters
    );

    // A range names its first and last day in the header and keeps the rows of every day.
    let (path, rows) = export(
        &mut ledger,
        dir.path(),
        ExportRequest {
            from: Some("2020-01-27".into()),
            to: Some("2020-01-29".into()),
            ..req("gate-checks")
        },
    );
    assert!(rows >= 10, "{rows}");
    let s = read(&path);
    assert!(
        s.text(1, 0).contains("日期：2020年1月27日至2020年1月29日"),
        "{}",
        s.text(1, 0)
    );

    // Another day has none; an unknown checkpoint is refused.
    let (_, rows) = export(
        &mut ledger,
        dir.path(),
        ExportRequest {
            date: Some("2020-01-29".into()),
            ..req("gate-checks")
        },
    );
    assert_eq!(rows, 0);
    let err = forms::export_form(
        &mut ledger,
        &Actor::cli(),
        &ExportRequest {
            checkpoint: Some("没有这个卡口".into()),
            ..req("gate-checks")
        },
        &dir.path().join("x.xlsx"),
    )
    .unwrap_err();
    assert!(err.to_string().contains("no checkpoint"), "{err}");
}

// ---- The 情况汇报 as .docx ----

fn docx_part(path: &Path, part: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(part)
        .unwrap_or_else(|e| panic!("{part}: {e}"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn the_situation_report_is_a_docx_with_the_edited_paragraphs_and_is_logged() {
    let (dir, mut ledger) = demo_ledger();
    let day = chrono::NaiveDate::from_ymd_opt(2020, 3, 1).unwrap();
    let edited = "一是实行精准摸排。武汉来人4例。\n\n二是加强宣传 & 引导，<发放>明白纸1500份。\n";
    let out = dir.path().join("汇报.docx");
    let done = gridledger::stats::docx::export_situation_report(
        &mut ledger,
        &Actor::new("张网格"),
        day,
        Some(edited),
        Some(&out),
    )
    .unwrap();
    assert_eq!(done.rows, 2);
    assert_eq!(done.path, out.display().to_string());
    let types = docx_part(&out, "[Content_Types].xml");
    assert!(types.contains("wordprocessingml.document.main+xml"));
    assert!(docx_part(&out, "_rels/.rels").contains("word/document.xml"));
    let xml = docx_part(&out, "word/document.xml");
    assert!(xml.contains("关于幸福社区疫情防控工作情况汇报"), "{xml}");
    assert!(xml.contains(">一是实行精准摸排。武汉来人4例。</w:t>"));
    assert!(xml.contains(">二是加强宣传 &amp; 引导，&lt;发放&gt;明白纸1500份。</w:t>"));
    // Title, 2 paragraphs, a blank line, the community and the date.
    assert_eq!(xml.matches("<w:p>").count(), 6);
    assert_eq!(xml.matches("w:firstLineChars=\"200\"").count(), 2);
    assert!(xml.contains("w:eastAsia=\"仿宋_GB2312\""));
    assert!(xml.contains("w:eastAsia=\"方正小标宋简体\""));
    assert!(xml.contains(">2020年3月1日</w:t>"));
    assert!(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), "A4");
    let log = forms::export_log(ledger.conn(), 1).unwrap();
    assert_eq!(log[0].form_id, "situation-report");
    assert_eq!(log[0].form_name, "情况汇报");
    assert_eq!(log[0].rows, 2);
    assert_eq!(log[0].file_name, "汇报.docx");
    assert_eq!(log[0].masking, MaskPreset::None);

    // Without text: the generated draft, at the default place.
    let done = gridledger::stats::docx::export_situation_report(
        &mut ledger,
        &Actor::cli(),
        day,
        None,
        None,
    )
    .unwrap();
    assert!(
        done.path.ends_with("exports/情况汇报-2020-03-01.docx"),
        "{}",
        done.path
    );
    let xml = docx_part(Path::new(&done.path), "word/document.xml");
    assert!(xml.contains("实行精准摸排"), "{xml}");
    // Empty text is refused and writes nothing.
    let empty = dir.path().join("空.docx");
    let err = gridledger::stats::docx::export_situation_report(
        &mut ledger,
        &Actor::cli(),
        day,
        Some(" \n \n"),
        Some(&empty),
    )
    .unwrap_err();
    assert!(err.to_string().contains("no text"), "{err}");
    assert!(!empty.exists());
}

#[test]
fn the_cli_writes_the_situation_report_docx() {
    let dir = tempfile::tempdir().unwrap();
    assert!(gridledger(dir.path(), &["demo"]).0);
    let out = dir.path().join("情况汇报.docx");
    let (ok, text) = gridledger(
        dir.path(),
        &[
            "report",
            "narrative",
            "--date",
            "2020-03-01",
            "--docx",
            out.to_str().unwrap(),
        ],
    );
    assert!(ok, "{text}");
    assert!(text.contains("paragraphs to"), "{text}");
    let xml = docx_part(&out, "word/document.xml");
    assert!(xml.contains("累计摸排外来人员140人"), "{xml}");
}
