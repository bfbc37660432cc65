//! Work resumption and work certificates on a real ledger: checklist completeness (drafts
//! allowed, counted as incomplete; a 否 needs a note), difficulties followed up until
//! closed, certificate numbering without gaps or duplicates under concurrent issue from two
//! connections, voided certificates keeping their numbers, the printable certificate read
//! back with calamine, the call-back list, the 首页 counts and the CLI.

use std::sync::{Arc, Barrier};

use calamine::{open_workbook, Data, Reader, Xlsx};
use chrono::NaiveDate;
use gridledger::api::{
    CertificateFilter, CertificateSettings, CheckAnswer, CheckItem, ChecklistAnswer,
    DifficultyFilter, EnterpriseKind, NewCallBack, NewDifficulty, NewDifficultyFollowUp,
    NewEnterprise, NewVisit, NewWorkCertificate, VisitFilter, VoidCertificate,
};
use gridledger::register::{self, NewPerson};
use gridledger::store::{Actor, AuditEntry};
use gridledger::{certificates, enterprises, settings, Ledger, OpenOptions};

use crate::fresh_ledger;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2020-03-10";

fn mine(ledger: &mut Ledger) -> String {
    ledger
        .write(&Actor::cli(), |tx| {
            enterprises::add_enterprise(
                tx,
                &NewEnterprise {
                    name: "龙泉煤矿".into(),
                    kind: EnterpriseKind::CoalMine,
                    address: Some("龙泉街道矿区路1号".into()),
                    contact_name: Some("刘矿长".into()),
                    contact_phone: Some("13905540199".into()),
                    workforce: Some(320),
                    grid_id: None,
                    note: None,
                },
            )
        })
        .unwrap()
}

fn answer(item: CheckItem, a: Option<CheckAnswer>, note: Option<&str>) -> ChecklistAnswer {
    ChecklistAnswer {
        item,
        answer: a,
        note: note.map(Into::into),
    }
}

fn all_yes() -> Vec<ChecklistAnswer> {
    CheckItem::ALL
        .into_iter()
        .map(|i| answer(i, Some(CheckAnswer::Yes), None))
        .collect()
}

fn visit(enterprise: &str, checklist: Vec<ChecklistAnswer>, draft: bool) -> NewVisit {
    NewVisit {
        enterprise_id: enterprise.into(),
        visited_on: "2020-02-20".into(),
        worker_id: None,
        checklist,
        staff_returned: Some(200),
        staff_on_site: Some(180),
        staff_from_risk_areas: Some(3),
        note: None,
        draft,
    }
}

#[test]
fn a_final_visit_needs_every_item_answered_and_every_no_explained() {
    let (_dir, mut ledger) = fresh_ledger();
    let e = mine(&mut ledger);
    let mut missing_one = all_yes();
    missing_one[4].answer = None;
    let err = ledger
        .write(&Actor::cli(), |tx| {
            enterprises::add_visit(tx, &visit(&e, missing_one.clone(), false), day(TODAY))
        })
        .unwrap_err();
    assert!(err.detail_zh().unwrap().contains("安全生产到位"), "{err:?}");

    let mut unexplained_no = all_yes();
    unexplained_no[2] = answer(CheckItem::Supplies, Some(CheckAnswer::No), Some("  "));
    let err = ledger
        .write(&Actor::cli(), |tx| {
            enterprises::add_visit(tx, &visit(&e, unexplained_no, false), day(TODAY))
        })
        .unwrap_err();
    assert!(err.detail_zh().unwrap().contains("设施物资到位"), "{err:?}");

    // Saved as a draft, it is kept and counted as incomplete.
    let draft = ledger
        .write(&Actor::cli(), |tx| {
            enterprises::add_visit(tx, &visit(&e, missing_one, true), day(TODAY))
        })
        .unwrap();
    let v = enterprises::get_visit(ledger.conn(), &draft).unwrap();
    assert!(!v.complete);
    assert_eq!(v.missing, vec![CheckItem::Safety]);
    assert_eq!(v.checklist.len(), 5);
    let counts = enterprises::work_counts(ledger.conn(), day(TODAY)).unwrap();
    assert_eq!(
        (
            counts.enterprises,
            counts.enterprises_visited,
            counts.incomplete_visits
        ),
        (1, 1, 1)
    );
    let listed = enterprises::list_enterprises(ledger.conn()).unwrap();
    assert_eq!(listed[0].last_visit_complete, Some(false));

    // Completing it: a 否 with a note and a 不适用 make a complete checklist.
    let mut complete = all_yes();
    complete[2] = answer(
        CheckItem::Supplies,
        Some(CheckAnswer::No),
        Some("测温枪不足，已协调"),
    );
    complete[4] = answer(CheckItem::Safety, Some(CheckAnswer::NotApplicable), None);
    ledger
        .write(&Actor::cli(), |tx| {
            enterprises::update_visit(tx, &draft, &visit(&e, complete, false), day(TODAY))
        })
        .unwrap();
    let v = enterprises::get_visit(ledger.conn(), &draft).unwrap();
    assert!(v.complete && v.missing.is_empty());
    assert_eq!(v.checklist[2].note.as_deref(), Some("测温枪不足，已协调"));
    assert!(enterprises::list_visits(
        ledger.conn(),
        &VisitFilter {
            enterprise_id: None,
            incomplete: true
        }
    )
    .unwrap()
    .is_empty());
    assert_eq!(
        enterprises::work_counts(ledger.conn(), day(TODAY))
            .unwrap()
            .incomplete_visits,
        0
    );

    // More staff on site than returned is refused.
    let mut wrong = visit(&e, all_yes(), false);
    wrong.staff_on_site = Some(300);
    assert!(ledger
        .write(&Actor::cli(), |tx| enterprises::add_visit(
            tx,
            &wrong,
            day(TODAY)
        ))
        .is_err());
}

#[test]
fn a_difficulty_stays_open_with_follow_ups_until_closed() {
    let (_dir, mut ledger) = fresh_ledger();
    let e = mine(&mut ledger);
    let d = ledger
        .write(&Actor::cli(), |tx| {
            enterprises::add_difficulty(
                tx,
                &NewDifficulty {
                    enterprise_id: e.clone(),
                    visit_id: None,
                    raised_on: "2020-02-20".into(),
                    description: "口罩储备不足 3 天用量".into(),
                },
                day(TODAY),
            )
        })
        .unwrap();
    let follow = |ledger: &mut Ledger, on: &str, close: bool| {
        ledger.write(&Actor::cli(), |tx| {
            enterprises::add_difficulty_follow_up(
                tx,
                &NewDifficultyFollowUp {
                    difficulty_id: d.clone(),
                    done_on: on.into(),
                    worker_id: None,
                    note: if close {
                        "街道调拨 2000 个，已解决"
                    } else {
                        "已上报街道"
                    }
                    .into(),
                    close,
                },
                day(TODAY),
            )
        })
    };
    assert!(follow(&mut ledger, "2020-02-19", false).is_err());
    follow(&mut ledger, "2020-02-21", false).unwrap();
    assert_eq!(
        enterprises::work_counts(ledger.conn(), day(TODAY))
            .unwrap()
            .open_difficulties,
        1
    );
    follow(&mut ledger, "2020-02-24", true).unwrap();
    let err = follow(&mut ledger, "2020-02-25", false).unwrap_err();
    assert!(
        err.detail_zh().unwrap().contains("2020-02-24 办结"),
        "{err:?}"
    );

    let all = enterprises::list_difficulties(ledger.conn(), &DifficultyFilter::default()).unwrap();
    assert_eq!(all[0].closed_on.as_deref(), Some("2020-02-24"));
    assert_eq!(all[0].follow_ups.len(), 2);
    let open = enterprises::list_difficulties(
        ledger.conn(),
        &DifficultyFilter {
            enterprise_id: None,
            open: true,
        },
    )
    .unwrap();
    assert!(open.is_empty());
    assert_eq!(
        enterprises::work_counts(ledger.conn(), day(TODAY))
            .unwrap()
            .open_difficulties,
        0
    );
}

fn worker_person(ledger: &mut Ledger, name: &str, id: Option<&str>) -> String {
    ledger
        .write(&Actor::cli(), |tx| {
            register::add_person(
                tx,
                &NewPerson {
                    name,
                    id_number: id,
                    phone: Some("13805541234"),
                    ..NewPerson::default()
                },
            )
        })
        .unwrap()
}

fn new_cert(person: &str, on: &str) -> NewWorkCertificate {
    NewWorkCertificate {
        person_id: person.into(),
        destination: "江苏省苏州市".into(),
        employer: Some("苏州某电子厂".into()),
        leaving_on: Some("2020-02-25".into()),
        health_declaration: None,
        issued_by: None,
        issued_on: on.into(),
        note: None,
    }
}

#[test]
fn certificate_numbers_have_no_gaps_or_duplicates_under_concurrent_issue() {
    let (dir, mut ledger) = fresh_ledger();
    let person = worker_person(&mut ledger, "张伟", None);
    let path = dir.path().join("ledger.db");
    const N: usize = 20;
    let barrier = Arc::new(Barrier::new(2));
    let threads: Vec<_> = (0..2)
        .map(|t| {
            let path = path.clone();
            let person = person.clone();
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                let mut own = Ledger::open(&path, &OpenOptions::default()).unwrap();
                barrier.wait();
                for _ in 0..N {
                    own.write(&Actor::new(format!("worker:{t}")), |tx| {
                        certificates::issue_certificate(
                            tx,
                            &new_cert(&person, "2020-02-21"),
                            day(TODAY),
                        )
                    })
                    .unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let mut seqs: Vec<u32> = ledger
        .conn()
        .prepare("SELECT seq FROM work_certificate WHERE year = 2020")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    seqs.sort_unstable();
    assert_eq!(
        seqs,
        (1..=u32::try_from(2 * N).unwrap()).collect::<Vec<_>>()
    );

    // A new year starts at 1.
    let next = ledger
        .write(&Actor::cli(), |tx| {
            certificates::issue_certificate(tx, &new_cert(&person, "2021-01-04"), day("2021-01-05"))
        })
        .unwrap();
    assert_eq!(
        certificates::get_certificate(ledger.conn(), &next)
            .unwrap()
            .number,
        "2021-0001"
    );
}

#[test]
fn a_voided_certificate_keeps_its_number_and_cannot_be_deleted() {
    let (_dir, mut ledger) = fresh_ledger();
    let person = worker_person(&mut ledger, "张伟", None);
    let issue = |ledger: &mut Ledger| {
        ledger
            .write(&Actor::cli(), |tx| {
                certificates::issue_certificate(tx, &new_cert(&person, "2020-02-21"), day(TODAY))
            })
            .unwrap()
    };
    issue(&mut ledger);
    let second = issue(&mut ledger);
    ledger
        .write(&Actor::cli(), |tx| {
            certificates::void_certificate(
                tx,
                &VoidCertificate {
                    id: second.clone(),
                    on: "2020-02-22".into(),
                    reason: "目的地填错".into(),
                },
            )
        })
        .unwrap();
    let third = issue(&mut ledger);
    assert_eq!(
        certificates::get_certificate(ledger.conn(), &third)
            .unwrap()
            .number,
        "2020-0003"
    );
    let voided = certificates::get_certificate(ledger.conn(), &second).unwrap();
    assert_eq!(
        (voided.number.as_str(), voided.voided_on.as_deref()),
        ("2020-0002", Some("2020-02-22"))
    );

    let live =
        certificates::list_certificates(ledger.conn(), &CertificateFilter::default()).unwrap();
    assert_eq!(live.total, 2);
    let all = certificates::list_certificates(
        ledger.conn(),
        &CertificateFilter {
            include_voided: true,
            ..CertificateFilter::default()
        },
    )
    .unwrap();
    assert_eq!(all.total, 3);

    // Neither a delete nor a renumbering gets through, whatever the path.
    for sql in [
        format!("DELETE FROM work_certificate WHERE id = '{second}'"),
        format!("UPDATE work_certificate SET deleted_at = 'now' WHERE id = '{second}'"),
        format!("UPDATE work_certificate SET seq = 9 WHERE id = '{third}'"),
    ] {
        let r = ledger.write(&Actor::cli(), |tx| {
            tx.execute(&sql, [])?;
            Ok(())
        });
        assert!(r.is_err(), "{sql}");
    }
    // The future and a missing destination are refused.
    let mut future = new_cert(&person, "2020-03-11");
    assert!(ledger
        .write(&Actor::cli(), |tx| certificates::issue_certificate(
            tx,
            &future,
            day(TODAY)
        ))
        .is_err());
    future.issued_on = "2020-03-01".into();
    future.destination = " ".into();
    assert!(ledger
        .write(&Actor::cli(), |tx| certificates::issue_certificate(
            tx,
            &future,
            day(TODAY)
        ))
        .is_err());
}

#[test]
fn the_printed_certificate_reads_back_with_the_id_number_as_text() {
    let (dir, mut ledger) = fresh_ledger();
    ledger
        .write(&Actor::cli(), |tx| {
            settings::set_ledger_name(tx, "龙泉街道幸福社区")?;
            certificates::set_certificate_settings(
                tx,
                &CertificateSettings {
                    issuing_unit: None,
                    contact_phone: Some("0554-1234567".into()),
                    call_back_days: 3,
                },
            )?;
            Ok(())
        })
        .unwrap();
    let person = worker_person(&mut ledger, "张伟", Some("340403199001010017"));
    let id = ledger
        .write(&Actor::cli(), |tx| {
            certificates::issue_certificate(tx, &new_cert(&person, "2020-01-21"), day(TODAY))
        })
        .unwrap();
    let out = dir.path().join("证明.xlsx");
    ledger
        .write(&Actor::cli(), |tx| {
            certificates::save_certificate_xlsx(tx, &id, &out)
        })
        .unwrap();

    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();
    let range = wb.worksheet_range("外出务工证明").unwrap();
    let text = |r: u32, c: u32| match range.get_value((r, c)) {
        Some(Data::String(s)) => s.clone(),
        other => panic!("({r},{c}) is {other:?}"),
    };
    assert_eq!(text(0, 0), "外出务工人员健康证明");
    assert_eq!(text(1, 0), "编号：2020-0001");
    assert_eq!((text(2, 0), text(2, 1)), ("姓名".into(), "张伟".into()));
    assert_eq!(text(3, 1), "340403199001010017");
    assert_eq!(text(4, 1), "江苏省苏州市");
    assert_eq!(text(4, 3), "苏州某电子厂");
    assert!(text(5, 1).contains("14天内无发热"));
    let cells: Vec<String> = range
        .rows()
        .flatten()
        .filter_map(|d| match d {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    assert!(
        cells.contains(&"开具单位：龙泉街道幸福社区（盖章）".to_owned()),
        "{cells:?}"
    );
    assert!(
        cells.contains(&"联系电话：0554-1234567".to_owned()),
        "{cells:?}"
    );
    assert!(cells.contains(&"2020年1月21日".to_owned()), "{cells:?}");
    let merged = wb.merge_cells_by_sheet_name("外出务工证明").unwrap();
    assert!(merged.iter().any(|m| m.start == (0, 0) && m.end == (0, 3)));

    // The print is in the audit log.
    let log = AuditEntry::for_entity(ledger.conn(), "work_certificate", &id).unwrap();
    assert!(log.iter().any(|e| e.action == "export"));
}

#[test]
fn the_call_back_list_holds_those_not_yet_reached_after_the_days() {
    let (_dir, mut ledger) = fresh_ledger();
    let a = worker_person(&mut ledger, "张伟", None);
    let b = worker_person(&mut ledger, "李娜", None);
    let cert = |ledger: &mut Ledger, p: &str, on: &str| {
        ledger
            .write(&Actor::cli(), |tx| {
                certificates::issue_certificate(tx, &new_cert(p, on), day(TODAY))
            })
            .unwrap()
    };
    let first = cert(&mut ledger, &a, "2020-02-20");
    cert(&mut ledger, &b, "2020-02-22");
    let due = |ledger: &Ledger, on: &str| -> Vec<String> {
        certificates::call_backs_due(ledger.conn(), day(on))
            .unwrap()
            .into_iter()
            .map(|c| c.person_name)
            .collect()
    };
    assert!(due(&ledger, "2020-02-22").is_empty());
    assert_eq!(due(&ledger, "2020-02-23"), vec!["张伟"]);
    assert_eq!(due(&ledger, "2020-02-25"), vec!["张伟", "李娜"]);

    let call = |ledger: &mut Ledger, reached: bool| {
        ledger
            .write(&Actor::cli(), |tx| {
                certificates::add_call_back(
                    tx,
                    &NewCallBack {
                        certificate_id: first.clone(),
                        called_on: "2020-02-24".into(),
                        reached,
                        arrived: true,
                        well: true,
                        worker_id: None,
                        note: None,
                    },
                    day(TODAY),
                )
            })
            .unwrap()
    };
    // An unanswered call keeps them on the list; a call that reached them takes them off.
    call(&mut ledger, false);
    assert_eq!(due(&ledger, "2020-02-25"), vec!["张伟", "李娜"]);
    call(&mut ledger, true);
    assert_eq!(due(&ledger, "2020-02-25"), vec!["李娜"]);
    let c = certificates::get_certificate(ledger.conn(), &first).unwrap();
    assert_eq!(c.call_backs.len(), 2);
    assert!(
        !c.call_backs[0].arrived,
        "an unanswered call records no arrival"
    );
    let counts = enterprises::work_counts(ledger.conn(), day("2020-02-25")).unwrap();
    assert_eq!((counts.certificates_issued, counts.call_backs_due), (2, 1));
}

fn cli(data_dir: &std::path::Path, args: &[&str]) -> (bool, String) {
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
fn enterprises_and_certificates_are_scriptable() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut ledger = Ledger::open(
            gridledger::store::location::ledger_path(dir.path()),
            &OpenOptions::default(),
        )
        .unwrap();
        let e = mine(&mut ledger);
        ledger
            .write(&Actor::cli(), |tx| {
                enterprises::add_visit(tx, &visit(&e, all_yes(), false), day(TODAY))
            })
            .unwrap();
        let p = worker_person(&mut ledger, "张伟", Some("340403199001010017"));
        ledger
            .write(&Actor::cli(), |tx| {
                certificates::issue_certificate(tx, &new_cert(&p, "2020-02-21"), day(TODAY))
            })
            .unwrap();
    }
    let (ok, out) = cli(dir.path(), &["enterprises", "list"]);
    assert!(ok, "{out}");
    assert!(
        out.contains("龙泉煤矿\t煤矿\t320\t1\t2020-02-20\tcomplete\t0"),
        "{out}"
    );
    let (ok, out) = cli(dir.path(), &["certificates", "list"]);
    assert!(ok, "{out}");
    assert!(
        out.contains("2020-0001\t张伟\t340403********0017\t江苏省苏州市"),
        "{out}"
    );
    let file = dir.path().join("c.xlsx");
    let (ok, out) = cli(
        dir.path(),
        &[
            "certificates",
            "print",
            "2020-0001",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert!(ok, "{out}");
    assert!(file.exists());
    let (ok, out) = cli(
        dir.path(),
        &["certificates", "print", "2020-0009", "--out", "x.xlsx"],
    );
    assert!(!ok, "{out}");
    // Without --out: beside the exports.
    let (ok, out) = cli(dir.path(), &["certificates", "print", "2020-0001"]);
    assert!(ok, "{out}");
    assert!(dir
        .path()
        .join("exports")
        .join("外出务工证明-2020-0001.xlsx")
        .exists());
    let (ok, out) = cli(dir.path(), &["certificates", "due", "--on", "2020-02-25"]);
    assert!(ok, "{out}");
    assert!(out.contains("1 due"), "{out}");
}
