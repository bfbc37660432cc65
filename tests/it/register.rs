//! The residents register: the tree and its ordered listings with addresses, bulk creation
//! of a building, households outside buildings, editing, listing and merging people.

use chrono::NaiveDate;
use gridledger::api::{BulkBuilding, PersonFilter, PersonPatch, ResidenceStatus};
use gridledger::domain::id_number::check_char;
use gridledger::register::{self, NewHousehold, NewPerson};
use gridledger::store::{Actor, AuditEntry};
use gridledger::{Error, Ledger};
use serde_json::json;

use crate::{count, fresh_ledger};

/// A valid ID number from its first 17 characters.
pub fn idn(first17: &str) -> String {
    format!("{first17}{}", check_char(first17))
}

/// street 龙泉街道 → community 幸福社区 → grid 第一网格 (worker 王芳) → estate 幸福家园,
/// and a second grid 第二网格 with estate 春晖苑.
pub struct Fixture {
    pub street: String,
    pub community: String,
    pub grid: String,
    pub worker: String,
    pub estate: String,
    pub grid2: String,
    pub estate2: String,
}

pub fn fixture(ledger: &mut Ledger) -> Fixture {
    ledger
        .write(&Actor::new("worker:王芳"), |tx| {
            let street = register::add_street(tx, "龙泉街道", "340403")?;
            let community = register::add_community(tx, &street, "幸福社区")?;
            let worker = register::add_worker(tx, "王芳", Some("13905540101"))?;
            let grid = register::add_grid(tx, &community, "第一网格", Some(&worker))?;
            let estate = register::add_estate(tx, &grid, "幸福家园")?;
            let grid2 = register::add_grid(tx, &community, "第二网格", None)?;
            let estate2 = register::add_estate(tx, &grid2, "春晖苑")?;
            Ok(Fixture {
                street,
                community,
                grid,
                worker,
                estate,
                grid2,
                estate2,
            })
        })
        .unwrap()
}

pub fn bulk(estate: &str, name: &str, units: i32, floors: i32, rooms: i32) -> BulkBuilding {
    BulkBuilding {
        estate_id: estate.to_owned(),
        building_name: name.to_owned(),
        units: 1..=units,
        floors: 1..=floors,
        rooms_per_floor: rooms,
        room_format: None,
        responsible_worker_id: None,
    }
}

fn person<'a>(name: &'a str, id: Option<&'a str>, household: Option<&'a str>) -> NewPerson<'a> {
    NewPerson {
        name,
        id_number: id,
        household_id: household,
        ..NewPerson::default()
    }
}

fn zh(err: Error) -> String {
    match err {
        Error::Invalid { message_zh, .. } => message_zh,
        other => panic!("expected a validation error, got {other}"),
    }
}

#[test]
fn the_tree_lists_every_level_in_order_with_addresses() {
    let (_dir, mut ledger) = fresh_ledger();
    let f = fixture(&mut ledger);
    let (b12, b2, u1, u2, h1801, h301, h1002) = ledger
        .write(&Actor::cli(), |tx| {
            // Set up out of order: the listings sort, not the insertion.
            let b12 = register::add_building(tx, &f.estate, "12栋", 12)?;
            let b2 = register::add_building(tx, &f.estate, "2栋", 2)?;
            let u2 = register::add_unit(tx, &b12, "2单元", 2)?;
            let u1 = register::add_unit(tx, &b12, "1单元", 1)?;
            let hh = |unit: &str, room: &str| {
                register::add_household(
                    tx,
                    &NewHousehold {
                        grid_id: &f.grid,
                        estate_id: Some(&f.estate),
                        unit_id: Some(unit),
                        room,
                        responsible_worker_id: Some(&f.worker),
                    },
                )
            };
            let h1801 = hh(&u2, "1801")?;
            let h301 = hh(&u2, "301")?;
            let h1002 = hh(&u1, "1002")?;
            register::add_person(
                tx,
                &NewPerson {
                    relation: Some("配偶"),
                    ..person("李娜", None, Some(&h301))
                },
            )?;
            register::add_person(
                tx,
                &NewPerson {
                    relation: Some("户主"),
                    ..person("张伟", None, Some(&h301))
                },
            )?;
            Ok((b12, b2, u1, u2, h1801, h301, h1002))
        })
        .unwrap();
    let conn = ledger.conn();

    let streets = register::streets(conn).unwrap();
    assert_eq!(streets.len(), 1);
    assert_eq!(
        (streets[0].name.as_str(), streets[0].children),
        ("龙泉街道", 1)
    );
    let communities = register::communities_of_street(conn, &f.street).unwrap();
    assert_eq!(communities[0].id, f.community);
    assert_eq!(communities[0].children, 2);
    let grids = register::grids_of_community(conn, &f.community).unwrap();
    let names: Vec<_> = grids.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["第一网格", "第二网格"]);
    let estates = register::estates_of_grid(conn, &f.grid).unwrap();
    assert_eq!(
        (estates[0].name.as_str(), estates[0].children),
        ("幸福家园", 2)
    );
    let buildings = register::buildings_of_estate(conn, &f.estate).unwrap();
    let ids: Vec<_> = buildings.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, [b2.as_str(), b12.as_str()], "2栋 before 12栋");
    assert_eq!(buildings[1].children, 2);
    let units = register::units_of_building(conn, &b12).unwrap();
    let ids: Vec<_> = units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, [u1.as_str(), u2.as_str()]);
    assert_eq!(units[1].children, 2);

    let in_unit = register::households_of_unit(conn, &u2).unwrap();
    let rooms: Vec<_> = in_unit.iter().map(|h| h.room.as_str()).collect();
    assert_eq!(rooms, ["301", "1801"], "rooms numerically");
    assert_eq!(in_unit[0].id, h301);
    assert_eq!(in_unit[0].address, "幸福家园12栋2单元301");
    assert_eq!(in_unit[0].head_name.as_deref(), Some("张伟"));
    assert_eq!(in_unit[0].people, 2);
    assert_eq!(in_unit[0].responsible_worker.as_deref(), Some("王芳"));
    assert_eq!(in_unit[1].head_name, None);
    assert_eq!(in_unit[1].people, 0);

    let in_building = register::households_of_building(conn, &b12).unwrap();
    let ids: Vec<_> = in_building.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(
        ids,
        [h1002.as_str(), h301.as_str(), h1801.as_str()],
        "by unit, then room"
    );
    assert_eq!(in_building[0].address, "幸福家园12栋1单元1002");
    assert_eq!(
        register::household_address(conn, &h1801).unwrap(),
        "幸福家园12栋2单元1801"
    );
    assert!(matches!(
        register::household_address(conn, "no-such-household"),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn bulk_creation_makes_every_unit_and_household_in_one_call() {
    let (_dir, mut ledger) = fresh_ledger();
    let f = fixture(&mut ledger);
    let summary = ledger
        .write(&Actor::new("worker:王芳"), |tx| {
            register::bulk_create_building(
                tx,
                &BulkBuilding {
                    responsible_worker_id: Some(f.worker.clone()),
                    ..bulk(&f.estate, "12栋", 4, 18, 2)
                },
            )
        })
        .unwrap();
    assert_eq!(summary.units, 4);
    assert_eq!(summary.households, 144);
    let conn = ledger.conn();
    let units = register::units_of_building(conn, &summary.building_id).unwrap();
    let names: Vec<_> = units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["1单元", "2单元", "3单元", "4单元"]);
    assert!(units.iter().all(|u| u.children == 36));

    let households = register::households_of_building(conn, &summary.building_id).unwrap();
    assert_eq!(households.len(), 144);
    let first_unit: Vec<_> = households[..36].iter().map(|h| h.room.as_str()).collect();
    assert_eq!(&first_unit[..4], ["101", "102", "201", "202"]);
    assert_eq!(first_unit[35], "1802");
    assert_eq!(households[0].address, "幸福家园12栋1单元101");
    assert_eq!(households[143].address, "幸福家园12栋4单元1802");
    assert!(households
        .iter()
        .all(|h| h.responsible_worker.as_deref() == Some("王芳")));

    // Every row has the conventions and an audit row by the actor.
    assert_eq!(
        count(
            &ledger,
            "SELECT count(*) FROM household WHERE updated_by = 'worker:王芳' \
             AND created_at = updated_at AND estate_id IS NOT NULL AND length(id) = 36"
        ),
        144
    );
    assert_eq!(
        count(
            &ledger,
            "SELECT count(*) FROM audit_log WHERE entity = 'household' AND action = 'insert' \
             AND actor = 'worker:王芳'"
        ),
        144
    );
    assert_eq!(
        count(
            &ledger,
            "SELECT count(*) FROM audit_log WHERE entity = 'unit' AND action = 'insert'"
        ),
        4
    );
    let b = &register::buildings_of_estate(conn, &f.estate).unwrap()[0];
    assert_eq!((b.name.as_str(), b.children), ("12栋", 4));

    // A custom room format.
    let summary = ledger
        .write(&Actor::cli(), |tx| {
            register::bulk_create_building(
                tx,
                &BulkBuilding {
                    room_format: Some("{floor}-{room}".into()),
                    floors: 2..=3,
                    ..bulk(&f.estate, "3栋", 1, 0, 2)
                },
            )
        })
        .unwrap();
    let rooms: Vec<_> = register::households_of_building(ledger.conn(), &summary.building_id)
        .unwrap()
        .into_iter()
        .map(|h| h.room)
        .collect();
    assert_eq!(rooms, ["2-1", "2-2", "3-1", "3-2"]);
}

#[test]
fn bulk_creation_refuses_bad_input_in_chinese_and_writes_nothing() {
    let (_dir, mut ledger) = fresh_ledger();
    let f = fixture(&mut ledger);
    ledger
        .write(&Actor::cli(), |tx| {
            register::bulk_create_building(tx, &bulk(&f.estate, "12栋", 1, 1, 1))
        })
        .unwrap();
    let before = count(&ledger, "SELECT count(*) FROM audit_log");
    let cases: Vec<(BulkBuilding, &str)> = vec![
        (bulk(&f.estate, "12栋", 2, 6, 2), "已有12栋"),
        (bulk(&f.estate, " ", 2, 6, 2), "不能为空"),
        (bulk(&f.estate, "1栋", 0, 6, 2), "单元号范围"),
        (
            BulkBuilding {
                units: -2..=3,
                ..bulk(&f.estate, "1栋", 0, 6, 2)
            },
            "单元号范围",
        ),
        (
            BulkBuilding {
                floors: std::ops::RangeInclusive::new(5, 3),
                ..bulk(&f.estate, "1栋", 2, 0, 2)
            },
            "楼层范围",
        ),
        (bulk(&f.estate, "1栋", 2, 101, 2), "楼层不能超过 100"),
        (bulk(&f.estate, "1栋", 2, 6, 21), "每层户数"),
        (bulk(&f.estate, "1栋", 2, 6, 0), "每层户数"),
        (bulk(&f.estate, "1栋", 2, 6, -1), "每层户数"),
        (bulk("no-such-estate", "1栋", 2, 6, 2), "小区不存在"),
        (
            BulkBuilding {
                room_format: Some("{room}".into()),
                ..bulk(&f.estate, "1栋", 2, 6, 2)
            },
            "重复的房号",
        ),
        (
            BulkBuilding {
                room_format: Some("{storey}{room}".into()),
                ..bulk(&f.estate, "1栋", 2, 6, 2)
            },
            "房号格式",
        ),
        (
            BulkBuilding {
                responsible_worker_id: Some("nobody".into()),
                ..bulk(&f.estate, "1栋", 2, 6, 2)
            },
            "包保责任人不存在",
        ),
    ];
    for (input, expected) in cases {
        let err = ledger
            .write(&Actor::cli(), |tx| {
                register::bulk_create_building(tx, &input)
            })
            .unwrap_err();
        let message = zh(err);
        assert!(
            message.contains(expected),
            "{input:?}: {message:?} should say {expected:?}"
        );
    }
    assert_eq!(count(&ledger, "SELECT count(*) FROM building"), 1);
    assert_eq!(count(&ledger, "SELECT count(*) FROM unit"), 1);
    assert_eq!(count(&ledger, "SELECT count(*) FROM household"), 1);
    assert_eq!(count(&ledger, "SELECT count(*) FROM audit_log"), before);
}

#[test]
fn a_bulk_creation_failing_half_way_leaves_nothing_half_written() {
    let (_dir, mut ledger) = fresh_ledger();
    let f = fixture(&mut ledger);
    // A database failure at the very last household of the building.
    ledger
        .conn()
        .execute_batch(
            "CREATE TRIGGER test_fail BEFORE INSERT ON household WHEN NEW.room = '602' \
             BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;",
        )
        .unwrap();
    let before = count(&ledger, "SELECT count(*) FROM audit_log");
    // The caller goes on with its transaction after the failure (an import reporting
    // the bad row): the failed building left nothing behind.
    let outcome = ledger
        .write(&Actor::cli(), |tx| {
            let failed = register::bulk_create_building(tx, &bulk(&f.estate, "7栋", 3, 6, 2));
            register::add_building(tx, &f.estate, "8栋", 8)?;
            Ok(failed.is_err())
        })
        .unwrap();
    assert!(outcome, "the bulk creation failed");
    assert_eq!(
        count(&ledger, "SELECT count(*) FROM building"),
        1,
        "only 8栋"
    );
    assert_eq!(count(&ledger, "SELECT count(*) FROM unit"), 0);
    assert_eq!(count(&ledger, "SELECT count(*) FROM household"), 0);
    assert_eq!(
        count(&ledger, "SELECT count(*) FROM audit_log") - before,
        1,
        "only 8栋's audit row"
    );
    // And an error returned from the write rolls back a successful bulk creation.
    ledger
        .conn()
        .execute_batch("DROP TRIGGER test_fail")
        .unwrap();
    let err = ledger
        .write(&Actor::cli(), |tx| {
            register::bulk_create_building(tx, &bulk(&f.estate, "9栋", 2, 6, 2))?;
            Err::<(), _>(Error::invalid("test", "later step failed", "后续步骤失败"))
        })
        .unwrap_err();
    assert!(matches!(err, Error::Invalid { .. }));
    assert_eq!(count(&ledger, "SELECT count(*) FROM household"), 0);
    assert_eq!(count(&ledger, "SELECT count(*) FROM building"), 1);
}

#[test]
fn ten_thousand_households_in_one_bulk_creation() {
    let (_dir, mut ledger) = fresh_ledger();
    let f = fixture(&mut ledger);
    let started = std::time::Instant::now();
    let summary = ledger
        .write(&Actor::cli(), |tx| {
            register::bulk_create_building(tx, &bulk(&f.estate, "1栋", 5, 100, 20))
        })
        .unwrap();
    // A sanity print only; the benchmark measures this properly.
    println!(
        "bulk creation of {} households took {:?}",
        summary.households,
        started.elapsed()
    );
    assert_eq!(summary.households, 10_000);
    assert_eq!(count(&ledger, "SELECT count(*) FROM household"), 10_000);
    assert_eq!(
        count(
            &ledger,
            "SELECT count(*) FROM audit_log WHERE entity = 'household'"
        ),
        10_000
    );
}

#[test]
fn a_bungalow_household_sits_under_its_estate_without_a_unit() {
    let (_dir, mut ledger) = fresh_ledger();
    let f = fixture(&mut ledger);
    let (bungalows, h3, h12, loose) = ledger
        .write(&Actor::cli(), |tx| {
            let bungalows = register::add_estate(tx, &f.grid, "老街平房区")?;
            let hh = |estate: Option<&str>, room: &str| {
                register::add_household(
                    tx,
                    &NewHousehold {
                        grid_id: &f.grid,
                        estate_id: estate,
                        unit_id: None,
                        room,
                        responsible_worker_id: None,
                    },
                )
            };
            let h12 = hh(Some(&bungalows), "12号")?;
            let h3 = hh(Some(&bungalows), "3号")?;
            let loose = hh(None, "5号")?;
            Ok((bungalows, h3, h12, loose))
        })
        .unwrap();
    let conn = ledger.conn();
    let under = register::households_directly_under_estate(conn, &bungalows).unwrap();
    let ids: Vec<_> = under.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, [h3.as_str(), h12.as_str()], "3号 before 12号");
    assert_eq!(under[0].address, "老街平房区3号");
    assert_eq!(
        register::household_address(conn, &loose).unwrap(),
        "第一网格5号"
    );
    let under_grid = register::households_directly_under_grid(conn, &f.grid).unwrap();
    assert_eq!(under_grid.len(), 1);
    assert_eq!(under_grid[0].id, loose);
    let estates = register::estates_of_grid(conn, &f.grid).unwrap();
    let bungalow_node = estates.iter().find(|e| e.id == bungalows).unwrap();
    assert_eq!(bungalow_node.children, 2);
    let grid_node = register::grids_of_community(conn, &f.community).unwrap();
    assert_eq!(
        grid_node[0].children, 3,
        "two estates and one loose household"
    );
}

#[test]
fn a_household_in_a_unit_of_another_estate_or_grid_is_refused() {
    let (_dir, mut ledger) = fresh_ledger();
    let f = fixture(&mut ledger);
    let summary = ledger
        .write(&Actor::cli(), |tx| {
            register::bulk_create_building(tx, &bulk(&f.estate, "1栋", 1, 1, 1))
        })
        .unwrap();
    let unit = register::units_of_building(ledger.conn(), &summary.building_id).unwrap()[0]
        .id
        .clone();
    let try_add = |ledger: &mut Ledger, grid: &str, estate: Option<&str>, unit: Option<&str>| {
        ledger.write(&Actor::cli(), |tx| {
            register::add_household(
                tx,
                &NewHousehold {
                    grid_id: grid,
                    estate_id: estate,
                    unit_id: unit,
                    room: "201",
                    responsible_worker_id: None,
                },
            )
        })
    };
    let err = try_add(&mut ledger, &f.grid, Some(&f.estate2), Some(&unit)).unwrap_err();
    assert_eq!(zh(err), "所选单元不属于该小区");
    let err = try_add(&mut ledger, &f.grid2, None, Some(&unit)).unwrap_err();
    assert_eq!(zh(err), "所选单元不属于该网格");
    let err = try_add(&mut ledger, &f.grid, Some(&f.estate2), None).unwrap_err();
    assert_eq!(zh(err), "所选小区不属于该网格");
    let err = try_add(&mut ledger, &f.grid, None, Some("no-such-unit")).unwrap_err();
    assert_eq!(zh(err), "所选单元不存在或已删除");
    // The estate is derived from the unit when it is not given.
    let id = try_add(&mut ledger, &f.grid, None, Some(&unit)).unwrap();
    let estate: String = ledger
        .conn()
        .query_row(
            "SELECT estate_id FROM household WHERE id = ?1",
            [&id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(estate, f.estate);
    assert_eq!(
        register::household_address(ledger.conn(), &id).unwrap(),
        "幸福家园1栋1单元201"
    );
}

#[test]
fn update_person_re_derives_from_a_new_id_number_and_audits_old_and_new() {
    let (_dir, mut ledger) = fresh_ledger();
    let f = fixture(&mut ledger);
    let old_id = idn("34040319800101001"); // a man born 1980-01-01 in 淮南
    let new_id = idn("42010619920229002"); // a woman born 1992-02-29 in 武汉
    let other_id = idn("34040319700505003");
    let summary = ledger
        .write(&Actor::cli(), |tx| {
            register::bulk_create_building(tx, &bulk(&f.estate, "12栋", 2, 3, 1))
        })
        .unwrap();
    let households = register::households_of_building(ledger.conn(), &summary.building_id).unwrap();
    let (p, _other) = ledger
        .write(&Actor::cli(), |tx| {
            let p = register::add_person(
                tx,
                &NewPerson {
                    phone: Some("13800001111"),
                    relation: Some("户主"),
                    ..person("张伟", Some(&old_id), Some(&households[0].id))
                },
            )?;
            let other = register::add_person(tx, &person("李强", Some(&other_id), None))?;
            Ok((p, other))
        })
        .unwrap();
    ledger
        .write(&Actor::new("worker:王芳"), |tx| {
            register::update_person(
                tx,
                &p,
                &PersonPatch {
                    name: Some("张薇".into()),
                    id_number: Some(new_id.to_lowercase()),
                    phone: Some(String::new()),
                    household_id: Some(households[2].id.clone()),
                    residence_status: Some(ResidenceStatus::Away),
                    current_location: Some("江苏省南京市".into()),
                    notes: Some(" 重点：武汉返乡 ".into()),
                    ..PersonPatch::default()
                },
            )
        })
        .unwrap();
    let on = NaiveDate::from_ymd_opt(2020, 2, 28).unwrap();
    let detail = register::get_person(ledger.conn(), &p, on).unwrap();
    assert_eq!(detail.name, "张薇");
    assert_eq!(detail.id_number.as_deref(), Some(new_id.as_str()));
    assert_eq!(detail.birth_date.as_deref(), Some("1992-02-29"));
    assert_eq!(detail.sex.as_deref(), Some("female"));
    assert_eq!(detail.native_region.as_deref(), Some("420106"));
    assert_eq!(detail.age, Some(27), "the day before her 28th birthday");
    assert_eq!(detail.phone, None, "cleared");
    assert_eq!(detail.relation.as_deref(), Some("户主"), "untouched");
    assert_eq!(detail.residence_status, ResidenceStatus::Away);
    assert_eq!(
        detail.household_address.as_deref(),
        Some("幸福家园12栋1单元301")
    );
    assert_eq!(detail.updated_by, "worker:王芳");
    assert_eq!(
        detail.notes.as_deref(),
        Some("重点：武汉返乡"),
        "kept as typed"
    );

    let trail = AuditEntry::for_entity(ledger.conn(), "person", &p).unwrap();
    let last = trail.last().unwrap();
    assert_eq!(
        (last.action.as_str(), last.actor.as_str()),
        ("update", "worker:王芳")
    );
    assert_eq!(last.changes["name"], json!(["张伟", "张薇"]));
    assert_eq!(last.changes["id_number"], json!([old_id, new_id]));
    assert_eq!(
        last.changes["birth_date"],
        json!(["1980-01-01", "1992-02-29"])
    );
    assert_eq!(last.changes["sex"], json!(["male", "female"]));
    assert_eq!(last.changes["native_region"], json!(["340403", "420106"]));
    assert_eq!(last.changes["phone"], json!(["13800001111", null]));
    assert!(
        last.changes.get("relation").is_none(),
        "unchanged fields are not logged"
    );
    assert_eq!(last.changes["notes"], json!([null, "重点：武汉返乡"]));

    // Another person's number is refused with the existing message; a bad one too.
    let err = ledger
        .write(&Actor::cli(), |tx| {
            register::update_person(
                tx,
                &p,
                &PersonPatch {
                    id_number: Some(other_id.clone()),
                    ..PersonPatch::default()
                },
            )
        })
        .unwrap_err();
    assert_eq!(
        zh(err),
        "该身份证号已登记（李强），请打开已有人员，不要重复录入"
    );
    let err = ledger
        .write(&Actor::cli(), |tx| {
            register::update_person(
                tx,
                &p,
                &PersonPatch {
                    name: Some("  ".into()),
                    ..PersonPatch::default()
                },
            )
        })
        .unwrap_err();
    assert!(matches!(
        err,
        Error::Invalid {
            field: "person.name",
            ..
        }
    ));
    // Re-saving one's own number is not a duplicate.
    ledger
        .write(&Actor::cli(), |tx| {
            register::update_person(
                tx,
                &p,
                &PersonPatch {
                    id_number: Some(new_id.clone()),
                    ..PersonPatch::default()
                },
            )
        })
        .unwrap();
    assert!(matches!(
        register::get_person(ledger.conn(), "nobody", on),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn list_people_filters_and_pages_with_totals() {
    let (_dir, mut ledger) = fresh_ledger();
    let f = fixture(&mut ledger);
    let (b1, b2) = ledger
        .write(&Actor::cli(), |tx| {
            let b1 = register::bulk_create_building(tx, &bulk(&f.estate, "1栋", 2, 2, 1))?;
            let b2 = register::bulk_create_building(tx, &bulk(&f.estate2, "5栋", 1, 1, 1))?;
            Ok((b1, b2))
        })
        .unwrap();
    let conn_h1 = register::households_of_building(ledger.conn(), &b1.building_id).unwrap();
    let conn_h2 = register::households_of_building(ledger.conn(), &b2.building_id).unwrap();
    let unit2 = register::units_of_building(ledger.conn(), &b1.building_id).unwrap()[1]
        .id
        .clone();
    ledger
        .write(&Actor::cli(), |tx| {
            // 1栋: 1单元101 (3 people), 1单元201 (1), 2单元101 (1); 春晖苑5栋1单元101 (1);
            // and someone in no household.
            let add = |name: &str, household: Option<&str>, relation: &str, status| {
                register::add_person(
                    tx,
                    &NewPerson {
                        relation: Some(relation),
                        residence_status: Some(status),
                        ..person(name, None, household)
                    },
                )
            };
            add("王子", Some(&conn_h1[0].id), "子女", ResidenceStatus::Hukou)?;
            add("王强", Some(&conn_h1[0].id), "户主", ResidenceStatus::Hukou)?;
            add("李芳", Some(&conn_h1[0].id), "配偶", ResidenceStatus::Away)?;
            add(
                "赵敏",
                Some(&conn_h1[1].id),
                "户主",
                ResidenceStatus::Floating,
            )?;
            add("孙杰", Some(&conn_h1[2].id), "户主", ResidenceStatus::Hukou)?;
            add("周涛", Some(&conn_h2[0].id), "户主", ResidenceStatus::Hukou)?;
            add("吴海", None, "户主", ResidenceStatus::Abroad)?;
            Ok(())
        })
        .unwrap();
    let conn = ledger.conn();
    let names = |filter: PersonFilter| {
        let page = register::list_people(conn, &filter).unwrap();
        (
            page.total,
            page.rows.into_iter().map(|r| r.name).collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        names(PersonFilter::default()),
        (
            7,
            ["王强", "李芳", "王子", "赵敏", "孙杰", "周涛", "吴海"]
                .map(String::from)
                .to_vec()
        ),
        "by address, 户主 first, then 配偶; people in no household last"
    );
    let grid = names(PersonFilter {
        grid_id: Some(f.grid.clone()),
        ..PersonFilter::default()
    });
    assert_eq!(grid.0, 5);
    let building = names(PersonFilter {
        building_id: Some(b1.building_id.clone()),
        ..PersonFilter::default()
    });
    assert_eq!(building.0, 5);
    let unit = names(PersonFilter {
        unit_id: Some(unit2),
        ..PersonFilter::default()
    });
    assert_eq!(unit, (1, vec!["孙杰".to_owned()]));
    let estate2 = names(PersonFilter {
        estate_id: Some(f.estate2.clone()),
        ..PersonFilter::default()
    });
    assert_eq!(estate2, (1, vec!["周涛".to_owned()]));
    let household = names(PersonFilter {
        household_id: Some(conn_h1[0].id.clone()),
        residence_status: Some(ResidenceStatus::Hukou),
        ..PersonFilter::default()
    });
    assert_eq!(household, (2, vec!["王强".to_owned(), "王子".to_owned()]));
    // Paging: the total is of every match, the rows only of the page.
    let page = names(PersonFilter {
        grid_id: Some(f.grid.clone()),
        offset: 2,
        limit: 2,
        ..PersonFilter::default()
    });
    assert_eq!(page, (5, vec!["王子".to_owned(), "赵敏".to_owned()]));
    let past_end = names(PersonFilter {
        offset: 10,
        limit: 2,
        ..PersonFilter::default()
    });
    assert_eq!(past_end, (7, vec![]));

    let first = &register::list_people(conn, &PersonFilter::default())
        .unwrap()
        .rows[0];
    assert_eq!(first.address.as_deref(), Some("幸福家园1栋1单元101"));
    assert_eq!(first.relation.as_deref(), Some("户主"));
}

#[test]
fn find_by_id_number_offers_the_existing_record() {
    let (_dir, mut ledger) = fresh_ledger();
    fixture(&mut ledger);
    let number = idn("34040319850707123");
    let p = ledger
        .write(&Actor::cli(), |tx| {
            register::add_person(
                tx,
                &NewPerson {
                    phone: Some("13912345678"),
                    ..person("陈杰", Some(&number), None)
                },
            )
        })
        .unwrap();
    // Typed with full-width digits and spaces, as from an input method.
    let typed: String = format!(" {} ", number)
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0xFF10 + d).unwrap(),
            None => c,
        })
        .collect();
    let found = register::find_by_id_number(ledger.conn(), &typed)
        .unwrap()
        .expect("the registered person");
    assert_eq!(found.id, p);
    assert_eq!(found.name, "陈杰");
    let masked = found.id_number_masked.unwrap();
    assert_eq!(&masked[..6], "340403");
    assert!(masked.contains('*'));
    assert_eq!(found.phone_masked.as_deref(), Some("139****5678"));
    assert_eq!(
        register::find_by_id_number(ledger.conn(), &idn("34040319850707125")).unwrap(),
        None
    );
    let mut wrong_check = number[..17].to_owned();
    wrong_check.push(if number.ends_with('0') { '1' } else { '0' });
    assert!(matches!(
        register::find_by_id_number(ledger.conn(), &wrong_check),
        Err(Error::Invalid { .. })
    ));
}

#[test]
fn merging_keeps_every_linked_record_and_fills_empty_fields() {
    let (_dir, mut ledger) = fresh_ledger();
    let f = fixture(&mut ledger);
    // A later module's table, created here: it references person(id), and merging must
    // find it without being told.
    ledger
        .conn()
        .execute_batch(
            "CREATE TABLE test_arrival (
                id TEXT PRIMARY KEY,
                person_id TEXT NOT NULL REFERENCES person (id),
                contact_of TEXT REFERENCES person,
                came_from TEXT
             );
             CREATE TABLE test_call (
                id TEXT PRIMARY KEY,
                person_id TEXT REFERENCES person (id),
                updated_at TEXT NOT NULL,
                updated_by TEXT NOT NULL
             );",
        )
        .unwrap();
    let number = idn("42010219750315004");
    let summary = ledger
        .write(&Actor::cli(), |tx| {
            register::bulk_create_building(tx, &bulk(&f.estate, "1栋", 1, 1, 1))
        })
        .unwrap();
    let household = register::households_of_building(ledger.conn(), &summary.building_id).unwrap()
        [0]
    .id
    .clone();
    let (keep, remove, bystander) = ledger
        .write(&Actor::cli(), |tx| {
            // Registered at the door without an ID number…
            let keep = register::add_person(
                tx,
                &NewPerson {
                    relation: Some("户主"),
                    notes: Some("上门登记"),
                    ..person("刘洋", None, Some(&household))
                },
            )?;
            // …and from a list pushed down, with an ID number and a phone.
            let remove = register::add_person(
                tx,
                &NewPerson {
                    phone: Some("13655550000"),
                    notes: Some("上级下发名单"),
                    ..person("刘洋", Some(&number), None)
                },
            )?;
            let bystander = register::add_person(tx, &person("王五", None, None))?;
            tx.execute(
                "INSERT INTO test_arrival VALUES ('a1', ?1, NULL, '武汉'), \
                 ('a2', ?2, ?1, '武汉'), ('a3', ?1, ?1, '孝感')",
                [&remove, &bystander],
            )?;
            tx.execute(
                "INSERT INTO test_call VALUES ('c1', ?1, '2020-01-01', 'cli')",
                [&remove],
            )?;
            Ok((keep, remove, bystander))
        })
        .unwrap();

    let merge_id = ledger
        .write(&Actor::new("worker:王芳"), |tx| {
            register::merge_people(tx, &keep, &remove, "同一人重复登记")
        })
        .unwrap();
    let conn = ledger.conn();
    let on = NaiveDate::from_ymd_opt(2020, 3, 1).unwrap();
    let kept = register::get_person(conn, &keep, on).unwrap();
    assert_eq!(kept.id_number.as_deref(), Some(number.as_str()));
    assert_eq!(kept.birth_date.as_deref(), Some("1975-03-15"));
    assert_eq!(kept.sex.as_deref(), Some("female"));
    assert_eq!(kept.phone.as_deref(), Some("13655550000"));
    assert_eq!(kept.notes.as_deref(), Some("上门登记"), "not overwritten");
    assert_eq!(kept.household_id.as_deref(), Some(household.as_str()));
    assert!(matches!(
        register::get_person(conn, &remove, on),
        Err(Error::NotFound { .. })
    ));
    let deleted: i64 = conn
        .query_row(
            "SELECT count(*) FROM person WHERE id = ?1 AND deleted_at IS NOT NULL",
            [&remove],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(deleted, 1, "soft-deleted, not gone");

    let arrivals: Vec<(String, String, Option<String>)> = conn
        .prepare("SELECT id, person_id, contact_of FROM test_arrival ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        arrivals,
        vec![
            ("a1".into(), keep.clone(), None),
            ("a2".into(), bystander.clone(), Some(keep.clone())),
            ("a3".into(), keep.clone(), Some(keep.clone())),
        ]
    );
    assert_eq!(
        register::find_by_id_number(conn, &number)
            .unwrap()
            .unwrap()
            .id,
        keep
    );
    let (kept_id, removed_id, reason): (String, String, String) = conn
        .query_row(
            "SELECT kept_id, removed_id, reason FROM person_merge WHERE id = ?1",
            [&merge_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((kept_id, removed_id), (keep.clone(), remove.clone()));
    assert_eq!(reason, "同一人重复登记");

    // The audit trail: the removal, the filled fields as [old, new], the merge record.
    let removed_trail = AuditEntry::for_entity(conn, "person", &remove).unwrap();
    let last = removed_trail.last().unwrap();
    assert_eq!(
        (last.action.as_str(), last.actor.as_str()),
        ("delete", "worker:王芳")
    );
    let kept_trail = AuditEntry::for_entity(conn, "person", &keep).unwrap();
    let last = kept_trail.last().unwrap();
    assert_eq!(last.action, "update");
    assert_eq!(last.changes["id_number"], json!([null, number]));
    assert_eq!(last.changes["phone"], json!([null, "13655550000"]));
    assert!(last.changes.get("notes").is_none());
    let merge_trail = AuditEntry::for_entity(conn, "person_merge", &merge_id).unwrap();
    assert_eq!(merge_trail.len(), 1);
    assert_eq!(merge_trail[0].changes["reason"], json!("同一人重复登记"));
    assert!(ledger.integrity_problems().unwrap().is_empty());
}

#[test]
fn merging_is_refused_for_the_same_a_deleted_or_a_different_person() {
    let (_dir, mut ledger) = fresh_ledger();
    fixture(&mut ledger);
    let (a, b, c, d) = ledger
        .write(&Actor::cli(), |tx| {
            let a =
                register::add_person(tx, &person("张三", Some(&idn("34040319800101001")), None))?;
            let b =
                register::add_person(tx, &person("张三", Some(&idn("34040319800101011")), None))?;
            let c = register::add_person(tx, &person("张三", None, None))?;
            let d = register::add_person(tx, &person("张三", None, None))?;
            Ok((a, b, c, d))
        })
        .unwrap();
    let merge = |ledger: &mut Ledger, keep: &str, remove: &str, reason: &str| {
        ledger.write(&Actor::cli(), |tx| {
            register::merge_people(tx, keep, remove, reason)
        })
    };
    let err = merge(&mut ledger, &a, &a, "重复").unwrap_err();
    assert_eq!(zh(err), "不能将人员与其自身合并");
    let err = merge(&mut ledger, &a, &b, "重复").unwrap_err();
    assert!(zh(err).contains("证件号码不同"));
    let err = merge(&mut ledger, &a, &c, " ").unwrap_err();
    assert_eq!(zh(err), "请填写合并原因");
    assert!(matches!(
        merge(&mut ledger, &a, "nobody", "重复"),
        Err(Error::NotFound { .. })
    ));
    merge(&mut ledger, &c, &d, "重复").unwrap();
    let err = merge(&mut ledger, &a, &d, "重复").unwrap_err();
    assert!(zh(err).contains("已删除"));
    let err = merge(&mut ledger, &d, &a, "重复").unwrap_err();
    assert!(zh(err).contains("已删除"));
    assert_eq!(count(&ledger, "SELECT count(*) FROM person_merge"), 1);
    assert_eq!(
        count(
            &ledger,
            "SELECT count(*) FROM person WHERE deleted_at IS NULL"
        ),
        3
    );
}

#[test]
fn screens_get_masked_people_and_a_reveal_is_audited() {
    let (_dir, mut ledger) = crate::fresh_ledger();
    let today = chrono::NaiveDate::from_ymd_opt(2020, 3, 1).unwrap();
    let id = ledger
        .write(&Actor::cli(), |tx| {
            register::add_person(
                tx,
                &register::NewPerson {
                    name: "李四",
                    id_number: Some("11010519491231002X"),
                    phone: Some("13800138000"),
                    ..Default::default()
                },
            )
        })
        .unwrap();
    let shown = register::person_for_screen(ledger.conn(), &id, today).unwrap();
    assert_eq!(shown.id_number.as_deref(), Some("110105********002X"));
    assert_eq!(shown.phone.as_deref(), Some("138****8000"));
    assert_eq!(shown.age, Some(70));
    let before = AuditEntry::for_entity(ledger.conn(), "person", &id)
        .unwrap()
        .len();

    let full = ledger
        .write(&Actor::new("worker:王芳"), |tx| {
            register::reveal_person(tx, &id, today)
        })
        .unwrap();
    assert_eq!(full.id_number.as_deref(), Some("11010519491231002X"));
    let trail = AuditEntry::for_entity(ledger.conn(), "person", &id).unwrap();
    assert_eq!(trail.len(), before + 1);
    let last = trail.last().unwrap();
    assert_eq!(last.action, "view_sensitive");
    assert_eq!(last.actor, "worker:王芳");

    let info = register::inspect_id_number(ledger.conn(), "11010519491231002x", today).unwrap();
    assert_eq!(info.existing.map(|p| p.name), Some("李四".to_owned()));
    assert_eq!(
        (info.birth_date.as_str(), info.sex.as_str(), info.age),
        ("1949-12-31", "female", 70)
    );
    let err = register::inspect_id_number(ledger.conn(), "110105194912310021", today).unwrap_err();
    assert!(err.detail_zh().is_some_and(|zh| zh.contains("校验码")));
}

#[test]
fn workers_are_listed_in_the_order_they_were_registered_and_deleted_ones_are_not() {
    let (_dir, mut ledger) = fresh_ledger();
    assert!(register::list_workers(ledger.conn()).unwrap().is_empty());
    let f = fixture(&mut ledger);
    let (li, zhao) = ledger
        .write(&Actor::cli(), |tx| {
            let li = register::add_worker(tx, " 李 强 ", Some("139-0554-0102"))?;
            let zhao = register::add_worker(tx, "赵敏", Some(""))?;
            Ok((li, zhao))
        })
        .unwrap();
    let workers = register::list_workers(ledger.conn()).unwrap();
    let listed: Vec<_> = workers
        .iter()
        .map(|w| (w.id.as_str(), w.name.as_str(), w.phone.as_deref()))
        .collect();
    assert_eq!(
        listed,
        [
            (f.worker.as_str(), "王芳", Some("13905540101")),
            (li.as_str(), "李 强", Some("13905540102")),
            (zhao.as_str(), "赵敏", None),
        ],
        "names normalised, phones normalised, an empty phone is none"
    );

    let err = ledger
        .write(&Actor::cli(), |tx| register::add_worker(tx, "  ", None))
        .unwrap_err();
    assert_eq!(zh(err), "名称不能为空");
    let err = ledger
        .write(&Actor::cli(), |tx| {
            register::add_worker(tx, "钱七", Some("123"))
        })
        .unwrap_err();
    assert!(matches!(err, Error::Invalid { .. }));

    ledger
        .write(&Actor::cli(), |tx| {
            gridledger::store::rows::soft_delete(tx, "worker", &li)
        })
        .unwrap();
    let names: Vec<_> = register::list_workers(ledger.conn())
        .unwrap()
        .into_iter()
        .map(|w| w.name)
        .collect();
    assert_eq!(names, ["王芳", "赵敏"]);
}
