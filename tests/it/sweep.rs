//! Screening sweeps (摸排轮次): recording and re-recording a household's status, progress
//! per building, the pending list, and what is refused.

use chrono::NaiveDateTime;
use gridledger::api::{NewSweep, SweepHouseholdsQuery, SweepStatus};
use gridledger::register::{self, NewHousehold};
use gridledger::store::{Actor, AuditEntry};
use gridledger::{sweep, Error, Ledger};
use serde_json::json;

use crate::count;
use crate::fresh_ledger;
use crate::register::{bulk, fixture, Fixture};

fn at(date: &str, time: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(&format!("{date} {time}"), "%Y-%m-%d %H:%M").unwrap()
}

struct Setup {
    f: Fixture,
    b12: String,
    b3: String,
    bungalow: String,
    other_grid_household: String,
    sweep: String,
}

/// 第一网格: 幸福家园12栋 (2 units × 2 floors × 2 rooms = 8), 幸福家园3栋 (1 × 1 × 2 = 2),
/// 老街平房区 1号 (1); 第二网格: 春晖苑1栋 (1). A sweep over 第一网格 from 2020-01-22.
fn setup(ledger: &mut Ledger) -> Setup {
    let f = fixture(ledger);
    let (b12, b3, bungalow, other_grid_household, sweep) = ledger
        .write(&Actor::cli(), |tx| {
            let b3 = register::bulk_create_building(tx, &bulk(&f.estate, "3栋", 1, 1, 2))?;
            let b12 = register::bulk_create_building(tx, &bulk(&f.estate, "12栋", 2, 2, 2))?;
            let other = register::bulk_create_building(tx, &bulk(&f.estate2, "1栋", 1, 1, 1))?;
            let estate = register::add_estate(tx, &f.grid, "老街平房区")?;
            let bungalow = register::add_household(
                tx,
                &NewHousehold {
                    grid_id: &f.grid,
                    estate_id: Some(&estate),
                    unit_id: None,
                    room: "1号",
                    responsible_worker_id: None,
                },
            )?;
            let sweep = sweep::create_sweep(
                tx,
                &NewSweep {
                    name: "返乡人员第一轮摸排".into(),
                    start_date: "2020年1月22日".into(),
                    grid_id: Some(f.grid.clone()),
                    note: Some("重点：武汉返乡".into()),
                    ..NewSweep::default()
                },
            )?;
            Ok((
                b12.building_id,
                b3.building_id,
                bungalow,
                other.building_id,
                sweep,
            ))
        })
        .unwrap();
    let other_grid_household =
        register::households_of_building(ledger.conn(), &other_grid_household).unwrap()[0]
            .id
            .clone();
    Setup {
        f,
        b12,
        b3,
        bungalow,
        other_grid_household,
        sweep,
    }
}

#[test]
fn recording_again_updates_the_one_status_and_the_audit_log_keeps_both() {
    let (_dir, mut ledger) = fresh_ledger();
    let s = setup(&mut ledger);
    let household = register::households_of_building(ledger.conn(), &s.b12).unwrap()[0]
        .id
        .clone();
    let first = ledger
        .write(&Actor::new("worker:王芳"), |tx| {
            sweep::record_visit(
                tx,
                &s.sweep,
                &household,
                SweepStatus::NoAnswer,
                at("2020-01-22", "19:30"),
                Some(&s.f.worker),
                Some("敲门无人"),
            )
        })
        .unwrap();
    let second = ledger
        .write(&Actor::new("worker:王芳"), |tx| {
            sweep::record_visit(
                tx,
                &s.sweep,
                &household,
                SweepStatus::Visited,
                at("2020-01-23", "08:10"),
                Some(&s.f.worker),
                None,
            )
        })
        .unwrap();
    assert_eq!(first, second, "one record per household and sweep");
    assert_eq!(count(&ledger, "SELECT count(*) FROM sweep_visit"), 1);
    let visit = sweep::visit_of(ledger.conn(), &s.sweep, &household)
        .unwrap()
        .unwrap();
    assert_eq!(visit.status, SweepStatus::Visited);
    assert_eq!(visit.visited_at, "2020-01-23 08:10:00");
    assert_eq!(visit.note, None);
    assert_eq!(visit.worker_id.as_deref(), Some(s.f.worker.as_str()));

    let trail = AuditEntry::for_entity(ledger.conn(), "sweep_visit", &first).unwrap();
    assert_eq!(trail.len(), 2);
    assert_eq!(trail[0].action, "insert");
    assert_eq!(trail[0].changes["status"], json!("no_answer"));
    assert_eq!(trail[1].action, "update");
    assert_eq!(trail[1].actor, "worker:王芳");
    assert_eq!(trail[1].changes["status"], json!(["no_answer", "visited"]));
    assert_eq!(trail[1].changes["note"], json!(["敲门无人", null]));
    assert_eq!(
        sweep::visit_of(ledger.conn(), &s.sweep, &s.bungalow).unwrap(),
        None
    );
}

#[test]
fn progress_is_counted_per_building_with_totals_and_pending_households_listed() {
    let (_dir, mut ledger) = fresh_ledger();
    let s = setup(&mut ledger);
    let in12 = register::households_of_building(ledger.conn(), &s.b12).unwrap();
    let in3 = register::households_of_building(ledger.conn(), &s.b3).unwrap();
    ledger
        .write(&Actor::cli(), |tx| {
            let record = |h: &str, status| {
                sweep::record_visit(
                    tx,
                    &s.sweep,
                    h,
                    status,
                    at("2020-01-23", "10:00"),
                    None,
                    None,
                )
            };
            record(&in12[0].id, SweepStatus::Visited)?;
            record(&in12[1].id, SweepStatus::Visited)?;
            record(&in12[2].id, SweepStatus::NoAnswer)?;
            record(&in12[5].id, SweepStatus::Vacant)?;
            record(&in12[7].id, SweepStatus::Refused)?;
            record(&in3[0].id, SweepStatus::Visited)?;
            // Re-recorded: counted once, with its latest status.
            record(&in12[2].id, SweepStatus::Visited)?;
            record(&s.bungalow, SweepStatus::Vacant)?;
            Ok(())
        })
        .unwrap();
    let progress = sweep::sweep_progress(ledger.conn(), &s.sweep).unwrap();
    let rows: Vec<_> = progress
        .buildings
        .iter()
        .map(|b| {
            (
                b.building.as_str(),
                b.households,
                b.visited,
                b.no_answer,
                b.vacant,
                b.refused,
                b.pending,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("幸福家园3栋", 2, 1, 0, 0, 0, 1),
            ("幸福家园12栋", 8, 3, 0, 1, 1, 3),
            ("老街平房区", 1, 0, 0, 1, 0, 0),
        ],
        "3栋 before 12栋; the other grid's 春晖苑 is outside the sweep"
    );
    assert_eq!(
        progress.buildings[1].building_id.as_deref(),
        Some(s.b12.as_str())
    );
    assert_eq!(progress.buildings[2].building_id, None);
    let t = &progress.total;
    assert_eq!(
        (
            t.building.as_str(),
            t.households,
            t.visited,
            t.no_answer,
            t.vacant,
            t.refused,
            t.pending
        ),
        ("合计", 11, 4, 0, 2, 1, 4)
    );

    let pending = sweep::pending_households(ledger.conn(), &s.sweep, None).unwrap();
    let addresses: Vec<_> = pending.iter().map(|h| h.address.as_str()).collect();
    assert_eq!(
        addresses,
        [
            "幸福家园3栋1单元102",
            "幸福家园12栋1单元202",
            "幸福家园12栋2单元101",
            "幸福家园12栋2单元201",
        ]
    );
    let pending12 = sweep::pending_households(ledger.conn(), &s.sweep, Some(&s.b12)).unwrap();
    assert_eq!(pending12.len(), 3);
    assert!(pending12
        .iter()
        .all(|h| h.address.starts_with("幸福家园12栋")));

    // A sweep over the whole ledger sees the other grid too, and nothing recorded yet.
    let all = ledger
        .write(&Actor::cli(), |tx| {
            sweep::create_sweep(
                tx,
                &NewSweep {
                    name: "全街道第二轮".into(),
                    start_date: "2020-02-01".into(),
                    end_date: Some("2020-02-10".into()),
                    ..NewSweep::default()
                },
            )
        })
        .unwrap();
    let progress = sweep::sweep_progress(ledger.conn(), &all).unwrap();
    assert_eq!(progress.buildings.len(), 4);
    assert_eq!(
        (progress.total.households, progress.total.pending),
        (12, 12)
    );
    let listed = sweep::list_sweeps(ledger.conn()).unwrap();
    assert_eq!(listed[0].id, all, "the latest start first");
    assert_eq!(listed[0].end_date.as_deref(), Some("2020-02-10"));
    assert_eq!(listed[1].start_date, "2020-01-22");
    assert_eq!(listed[1].note.as_deref(), Some("重点：武汉返乡"));
}

#[test]
fn sweeps_refuse_what_does_not_fit() {
    let (_dir, mut ledger) = fresh_ledger();
    let s = setup(&mut ledger);
    let zh = |err: Error| match err {
        Error::Invalid { message_zh, .. } => message_zh,
        other => panic!("expected a validation error, got {other}"),
    };
    let new = |ledger: &mut Ledger, sweep: NewSweep| {
        ledger.write(&Actor::cli(), |tx| sweep::create_sweep(tx, &sweep))
    };
    let base = NewSweep {
        name: "第三轮".into(),
        start_date: "2020-02-01".into(),
        ..NewSweep::default()
    };
    let err = new(
        &mut ledger,
        NewSweep {
            community_id: Some(s.f.community.clone()),
            grid_id: Some(s.f.grid.clone()),
            ..base.clone()
        },
    )
    .unwrap_err();
    assert_eq!(zh(err), "摸排范围只能选择一个社区或一个网格");
    let err = new(
        &mut ledger,
        NewSweep {
            end_date: Some("2020-01-31".into()),
            ..base.clone()
        },
    )
    .unwrap_err();
    assert_eq!(zh(err), "结束日期不能早于开始日期");
    let err = new(
        &mut ledger,
        NewSweep {
            name: "  ".into(),
            ..base.clone()
        },
    )
    .unwrap_err();
    assert_eq!(zh(err), "请填写摸排轮次名称");
    let err = new(
        &mut ledger,
        NewSweep {
            start_date: "明天".into(),
            ..base.clone()
        },
    )
    .unwrap_err();
    assert!(zh(err).starts_with("开始日期"));
    let err = new(
        &mut ledger,
        NewSweep {
            grid_id: Some("no-such-grid".into()),
            ..base.clone()
        },
    )
    .unwrap_err();
    assert_eq!(zh(err), "所选网格不存在或已删除");
    // A community-scoped sweep covers both grids of 幸福社区.
    let community_sweep = new(
        &mut ledger,
        NewSweep {
            community_id: Some(s.f.community.clone()),
            ..base.clone()
        },
    )
    .unwrap();
    assert_eq!(
        sweep::sweep_progress(ledger.conn(), &community_sweep)
            .unwrap()
            .total
            .households,
        12
    );

    let record = |ledger: &mut Ledger, household: &str, when: NaiveDateTime| {
        ledger.write(&Actor::cli(), |tx| {
            sweep::record_visit(
                tx,
                &s.sweep,
                household,
                SweepStatus::Visited,
                when,
                None,
                None,
            )
        })
    };
    let err = record(
        &mut ledger,
        &s.other_grid_household,
        at("2020-01-23", "09:00"),
    )
    .unwrap_err();
    assert_eq!(zh(err), "该户不在本轮摸排范围内");
    let err = record(&mut ledger, "no-such-household", at("2020-01-23", "09:00")).unwrap_err();
    assert_eq!(zh(err), "所选户不存在或已删除");
    let err = record(&mut ledger, &s.bungalow, at("2020-01-21", "23:59")).unwrap_err();
    assert!(zh(err).contains("不在本轮摸排的起止日期内"));
    assert!(matches!(
        ledger.write(&Actor::cli(), |tx| sweep::record_visit(
            tx,
            "no-such-sweep",
            &s.bungalow,
            SweepStatus::Visited,
            at("2020-01-23", "09:00"),
            None,
            None
        )),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(count(&ledger, "SELECT count(*) FROM sweep_visit"), 0);

    // The database itself refuses a status code outside the list.
    let raw = ledger.write(&Actor::cli(), |tx| {
        tx.execute(
            "INSERT INTO sweep_visit (id, sweep_id, household_id, status, visited_at, \
               created_at, updated_at, updated_by) \
             VALUES ('x', ?1, ?2, 'gone', '2020-01-23 09:00:00', 'now', 'now', 'cli')",
            [&s.sweep, &s.bungalow],
        )?;
        Ok(())
    });
    assert!(raw.is_err(), "CHECK constraint on status");
}

#[test]
fn sweep_statuses_have_codes_and_chinese_labels() {
    let labels: Vec<_> = SweepStatus::ALL
        .iter()
        .map(|s| (s.code(), s.label_zh()))
        .collect();
    assert_eq!(
        labels,
        [
            ("visited", "已摸排"),
            ("no_answer", "无人应答"),
            ("vacant", "空置"),
            ("refused", "拒绝"),
        ]
    );
    for s in SweepStatus::ALL {
        assert_eq!(SweepStatus::from_code(s.code()), Some(s));
        assert_eq!(serde_json::to_value(s).unwrap(), json!(s.code()));
    }
}

#[test]
fn a_building_is_listed_with_statuses_and_recorded_in_bulk_all_or_nothing() {
    let (_dir, mut ledger) = fresh_ledger();
    let s = setup(&mut ledger);
    let progress = sweep::sweep_progress(ledger.conn(), &s.sweep).unwrap();
    let row12 = progress
        .buildings
        .iter()
        .find(|b| b.building_id.as_deref() == Some(s.b12.as_str()))
        .unwrap();
    assert_eq!(row12.estate_id.as_deref(), Some(s.f.estate.as_str()));
    assert_eq!(row12.grid_id.as_deref(), Some(s.f.grid.as_str()));
    let query = |b: &gridledger::api::BuildingProgress| SweepHouseholdsQuery {
        sweep_id: s.sweep.clone(),
        building_id: b.building_id.clone(),
        estate_id: b.estate_id.clone(),
        grid_id: b.grid_id.clone(),
    };

    let listed = sweep::sweep_households(ledger.conn(), &query(row12)).unwrap();
    assert_eq!(listed.len(), 8);
    assert_eq!(listed[0].address, "幸福家园12栋1单元101");
    assert!(listed.iter().all(|h| h.status.is_none()));

    // Three flats at once, one of them twice: recorded once each.
    let ids: Vec<String> = vec![
        listed[0].id.clone(),
        listed[1].id.clone(),
        listed[0].id.clone(),
        listed[3].id.clone(),
    ];
    let n = ledger
        .write(&Actor::new("worker:王芳"), |tx| {
            sweep::record_visits(
                tx,
                &s.sweep,
                &ids,
                SweepStatus::Vacant,
                at("2020-01-23", "20:15"),
                Some(&s.f.worker),
                Some("楼长说已搬走"),
            )
        })
        .unwrap();
    assert_eq!(n, 3);
    let listed = sweep::sweep_households(ledger.conn(), &query(row12)).unwrap();
    let statuses: Vec<_> = listed.iter().map(|h| h.status).collect();
    let vacant = Some(SweepStatus::Vacant);
    assert_eq!(
        statuses,
        [vacant, vacant, None, vacant, None, None, None, None]
    );
    assert_eq!(listed[0].visited_at.as_deref(), Some("2020-01-23 20:15:00"));
    assert_eq!(listed[0].visited_by.as_deref(), Some("王芳"));
    assert_eq!(listed[0].note.as_deref(), Some("楼长说已搬走"));
    let row = |ledger: &Ledger| {
        sweep::sweep_progress(ledger.conn(), &s.sweep)
            .unwrap()
            .buildings
            .into_iter()
            .find(|b| b.building_id.as_deref() == Some(s.b12.as_str()))
            .unwrap()
    };
    assert_eq!((row(&ledger).vacant, row(&ledger).pending), (3, 5));

    // One household outside the sweep refuses the whole batch.
    let mixed = vec![listed[4].id.clone(), s.other_grid_household.clone()];
    let err = ledger
        .write(&Actor::cli(), |tx| {
            sweep::record_visits(
                tx,
                &s.sweep,
                &mixed,
                SweepStatus::Visited,
                at("2020-01-23", "21:00"),
                None,
                None,
            )
        })
        .unwrap_err();
    assert!(matches!(err, Error::Invalid { .. }));
    assert_eq!(row(&ledger).pending, 5, "nothing of the batch was written");
    assert_eq!(count(&ledger, "SELECT count(*) FROM sweep_visit"), 3);
    let err = ledger
        .write(&Actor::cli(), |tx| {
            sweep::record_visits(
                tx,
                &s.sweep,
                &[],
                SweepStatus::Visited,
                at("2020-01-23", "21:00"),
                None,
                None,
            )
        })
        .unwrap_err();
    assert!(matches!(err, Error::Invalid { .. }));

    // The row of households outside buildings lists just the bungalow; no row, every
    // household of the sweep; an unknown sweep is not found.
    let bungalows = sweep::sweep_progress(ledger.conn(), &s.sweep)
        .unwrap()
        .buildings
        .into_iter()
        .find(|b| b.building_id.is_none())
        .unwrap();
    assert!(bungalows.estate_id.is_some());
    let listed = sweep::sweep_households(ledger.conn(), &query(&bungalows)).unwrap();
    let ids: Vec<_> = listed.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, [s.bungalow.as_str()]);
    let all = sweep::sweep_households(
        ledger.conn(),
        &SweepHouseholdsQuery {
            sweep_id: s.sweep.clone(),
            ..SweepHouseholdsQuery::default()
        },
    )
    .unwrap();
    assert_eq!(all.len(), 11, "the other grid is outside the sweep");
    assert!(matches!(
        sweep::sweep_households(
            ledger.conn(),
            &SweepHouseholdsQuery {
                sweep_id: "no-such-sweep".into(),
                ..SweepHouseholdsQuery::default()
            },
        ),
        Err(Error::NotFound { .. })
    ));
}
