//! Person search on a real ledger: every kind of query, the ranking between kinds, paging,
//! deleted people, and the index following renames and moves through its triggers.

use gridledger::api::{MatchKind, PersonHit};
use gridledger::domain::id_number::check_char;
use gridledger::register::{self, NewHousehold, NewPerson};
use gridledger::search::{rebuild_index, search_people};
use gridledger::store::{rows, Actor};
use gridledger::Ledger;

use crate::fresh_ledger;

/// A valid ID number from its first 17 characters.
fn id(first17: &str) -> String {
    format!("{first17}{}", check_char(first17))
}

/// 17 digits whose check character is X.
fn id_ending_in_x() -> String {
    (0..1000)
        .map(|n| format!("34040319900101{n:03}"))
        .find(|f| check_char(f) == 'X')
        .map(|f| format!("{f}X"))
        .unwrap()
}

struct Place {
    grid: String,
    estate: String,
    unit: String,
    household: String,
}

/// 幸福家园 12栋 2单元 301, and its grid.
fn place(ledger: &mut Ledger) -> Place {
    ledger
        .write(&Actor::cli(), |tx| {
            let street = register::add_street(tx, "龙泉街道", "340403")?;
            let community = register::add_community(tx, &street, "幸福社区")?;
            let grid = register::add_grid(tx, &community, "第一网格", None)?;
            let estate = register::add_estate(tx, &grid, "幸福家园")?;
            let building = register::add_building(tx, &estate, "12栋", 12)?;
            let unit = register::add_unit(tx, &building, "2单元", 2)?;
            let household = register::add_household(
                tx,
                &NewHousehold {
                    grid_id: &grid,
                    estate_id: Some(&estate),
                    unit_id: Some(&unit),
                    room: "301",
                    responsible_worker_id: None,
                },
            )?;
            Ok(Place {
                grid,
                estate,
                unit,
                household,
            })
        })
        .unwrap()
}

fn add_household(ledger: &mut Ledger, p: &Place, room: &str) -> String {
    ledger
        .write(&Actor::cli(), |tx| {
            register::add_household(
                tx,
                &NewHousehold {
                    grid_id: &p.grid,
                    estate_id: Some(&p.estate),
                    unit_id: Some(&p.unit),
                    room,
                    responsible_worker_id: None,
                },
            )
        })
        .unwrap()
}

fn add(
    ledger: &mut Ledger,
    name: &str,
    id_number: Option<&str>,
    phone: Option<&str>,
    household: Option<&str>,
) -> String {
    ledger
        .write(&Actor::cli(), |tx| {
            register::add_person(
                tx,
                &NewPerson {
                    name,
                    id_number,
                    phone,
                    household_id: household,
                    ..NewPerson::default()
                },
            )
        })
        .unwrap()
}

fn search(ledger: &Ledger, q: &str) -> Vec<PersonHit> {
    search_people(ledger.conn(), q, 50, 0).unwrap()
}

fn names(hits: &[PersonHit]) -> Vec<&str> {
    hits.iter().map(|h| h.name.as_str()).collect()
}

#[test]
fn a_name_is_found_by_itself_its_prefix_and_any_substring() {
    let (_dir, mut ledger) = fresh_ledger();
    let p = place(&mut ledger);
    let zs = add(&mut ledger, "张三", None, None, Some(&p.household));
    add(&mut ledger, "李四", None, None, None);
    for q in ["张三", "张", "三", " 张三 "] {
        let hits = search(&ledger, q);
        assert_eq!(names(&hits), vec!["张三"], "query {q:?}");
        assert_eq!(hits[0].person_id, zs);
        assert_eq!(hits[0].matched, MatchKind::Name);
        assert_eq!(hits[0].address.as_deref(), Some("幸福家园12栋2单元301"));
    }
    assert!(search(&ledger, "王").is_empty());
}

#[test]
fn pinyin_initials_cover_every_reading_of_polyphonic_surnames() {
    let (_dir, mut ledger) = fresh_ledger();
    add(&mut ledger, "张三", None, None, None);
    add(&mut ledger, "单志", None, None, None);
    add(&mut ledger, "曾宇", None, None, None);
    add(&mut ledger, "解明", None, None, None);
    add(&mut ledger, "查伟", None, None, None);
    add(&mut ledger, "仇刚", None, None, None);
    add(&mut ledger, "朴娜", None, None, None);
    for (q, name) in [
        ("zs", "张三"),
        ("ZS", "张三"),
        ("sz", "单志"),
        ("dz", "单志"),
        ("zy", "曾宇"),
        ("cy", "曾宇"),
        ("xm", "解明"),
        ("jm", "解明"),
        ("zw", "查伟"),
        ("cw", "查伟"),
        ("qg", "仇刚"),
        ("cg", "仇刚"),
        ("pn", "朴娜"),
    ] {
        let hits = search(&ledger, q);
        assert_eq!(names(&hits), vec![name], "query {q:?}");
        assert_eq!(hits[0].matched, MatchKind::Pinyin);
    }
}

#[test]
fn full_pinyin_prefixes_find_the_name() {
    let (_dir, mut ledger) = fresh_ledger();
    add(&mut ledger, "张三", None, None, None);
    add(&mut ledger, "朴娜", None, None, None);
    for q in ["zhangs", "zhangsan", "zhang san", "zha"] {
        assert_eq!(names(&search(&ledger, q)), vec!["张三"], "query {q:?}");
    }
    assert_eq!(names(&search(&ledger, "piaon")), vec!["朴娜"]);
    assert_eq!(names(&search(&ledger, "pun")), vec!["朴娜"]);
    assert!(search(&ledger, "zhangx").is_empty());
}

#[test]
fn an_id_number_is_found_whole_or_by_its_last_characters_in_either_case() {
    let (_dir, mut ledger) = fresh_ledger();
    let number = id_ending_in_x();
    let other = id("11010519491231002");
    let who = add(&mut ledger, "王芳", Some(&number), None, None);
    add(&mut ledger, "李明", Some(&other), None, None);
    let last4 = number[14..].to_lowercase();
    assert!(last4.ends_with('x'));
    for q in [
        number.clone(),
        number.to_lowercase(),
        last4,
        number[10..].to_owned(),
    ] {
        let hits = search(&ledger, &q);
        assert_eq!(names(&hits), vec!["王芳"], "query {q:?}");
        assert_eq!(hits[0].person_id, who);
        assert_eq!(hits[0].matched, MatchKind::IdNumber);
        assert_eq!(hits[0].id_number.as_deref(), Some(number.as_str()));
    }
    // Fewer than four characters is not an ID suffix.
    assert!(search(&ledger, &number[15..])
        .iter()
        .all(|h| h.name != "王芳"));
}

#[test]
fn a_phone_is_found_whole_or_by_its_last_four_digits() {
    let (_dir, mut ledger) = fresh_ledger();
    add(&mut ledger, "王芳", None, Some("13905541234"), None);
    add(&mut ledger, "李明", None, Some("13905545678"), None);
    for q in ["13905541234", "1234", "41234", "139 0554 1234"] {
        let hits = search(&ledger, q);
        assert_eq!(names(&hits), vec!["王芳"], "query {q:?}");
        assert_eq!(hits[0].matched, MatchKind::Phone);
        assert_eq!(hits[0].phone.as_deref(), Some("13905541234"));
    }
    assert!(
        search(&ledger, "0554").is_empty(),
        "a middle part is not a suffix"
    );
}

#[test]
fn an_address_is_found_in_its_usual_forms() {
    let (_dir, mut ledger) = fresh_ledger();
    let p = place(&mut ledger);
    let next_door = add_household(&mut ledger, &p, "302");
    add(&mut ledger, "张三", None, None, Some(&p.household));
    add(&mut ledger, "李四", None, None, Some(&next_door));
    for q in [
        "幸福家园12栋2单元301",
        "12栋2单元301",
        "2单元301",
        "12栋 2单元 301",
    ] {
        let hits = search(&ledger, q);
        assert_eq!(names(&hits), vec!["张三"], "query {q:?}");
        assert_eq!(hits[0].matched, MatchKind::Address);
    }
    assert_eq!(
        names(&search(&ledger, "幸福家园12栋")),
        vec!["张三", "李四"]
    );
    assert_eq!(names(&search(&ledger, "2单元")), vec!["张三", "李四"]);
}

#[test]
fn exact_id_and_phone_outrank_suffixes_names_and_addresses() {
    let (_dir, mut ledger) = fresh_ledger();
    let p = place(&mut ledger);
    let room = add_household(&mut ledger, &p, "1234");
    // Name order alone would put 丁 (U+4E01) first and 王 (U+738B) last.
    add(&mut ledger, "王芳", None, Some("13905541234"), None);
    add(&mut ledger, "丁1234", None, None, None);
    add(&mut ledger, "丁丁", None, None, Some(&room));
    let hits = search(&ledger, "1234");
    assert_eq!(names(&hits), vec!["王芳", "丁1234", "丁丁"]);
    assert_eq!(
        hits.iter().map(|h| h.matched).collect::<Vec<_>>(),
        vec![MatchKind::Phone, MatchKind::Name, MatchKind::Address]
    );

    // A full ID number: its owner first, ahead of someone whose name holds those digits.
    let number = id("34040319900101001");
    add(&mut ledger, "赵敏", Some(&number), None, None);
    add(&mut ledger, &format!("丁{number}"), None, None, None);
    let hits = search(&ledger, &number);
    assert_eq!(hits[0].name, "赵敏");
    assert_eq!(hits[0].matched, MatchKind::IdNumber);
    assert_eq!(hits[1].matched, MatchKind::Name);

    // A full phone is exact: the neighbour sharing only the last four does not come first.
    add(&mut ledger, "一一", None, Some("13800001234"), None);
    let hits = search(&ledger, "13905541234");
    assert_eq!(names(&hits), vec!["王芳"]);
}

#[test]
fn names_rank_exact_then_prefix_then_pinyin_then_substring() {
    let (_dir, mut ledger) = fresh_ledger();
    // 小 (U+5C0F) sorts before 张 (U+5F20), 赵 (U+8D75) after.
    add(&mut ledger, "小张三", None, None, None);
    add(&mut ledger, "张三丰", None, None, None);
    add(&mut ledger, "张三", None, None, None);
    assert_eq!(
        names(&search(&ledger, "张三")),
        vec!["张三", "张三丰", "小张三"]
    );
    add(&mut ledger, "赵四", None, None, None);
    // Initials exactly `zs` (ordered by name), then initials starting with `zs`.
    assert_eq!(
        names(&search(&ledger, "zs")),
        vec!["张三", "赵四", "张三丰"]
    );
}

#[test]
fn deleted_people_never_appear() {
    let (_dir, mut ledger) = fresh_ledger();
    let p = place(&mut ledger);
    let number = id("34040319900101001");
    let gone = add(
        &mut ledger,
        "张三",
        Some(&number),
        Some("13905541234"),
        Some(&p.household),
    );
    add(&mut ledger, "张三丰", None, None, None);
    ledger
        .write(&Actor::cli(), |tx| rows::soft_delete(tx, "person", &gone))
        .unwrap();
    for q in [
        "张三",
        "zs",
        "zhangsan",
        number.as_str(),
        &number[14..],
        "1234",
        "2单元301",
    ] {
        assert!(
            search(&ledger, q).iter().all(|h| h.person_id != gone),
            "query {q:?}"
        );
    }
    assert_eq!(names(&search(&ledger, "张三")), vec!["张三丰"]);
}

#[test]
fn the_index_follows_a_rename_a_move_and_an_estate_rename() {
    let (_dir, mut ledger) = fresh_ledger();
    let p = place(&mut ledger);
    let other_room = add_household(&mut ledger, &p, "502");
    let who = add(&mut ledger, "张三", None, None, Some(&p.household));

    ledger
        .write(&Actor::cli(), |tx| {
            rows::update(tx, "person", &who, &[("name", &"单志")])
        })
        .unwrap();
    assert!(search(&ledger, "张三").is_empty());
    assert!(search(&ledger, "zs").is_empty());
    assert_eq!(names(&search(&ledger, "单志")), vec!["单志"]);
    assert_eq!(names(&search(&ledger, "sz")), vec!["单志"]);

    ledger
        .write(&Actor::cli(), |tx| {
            rows::update(tx, "person", &who, &[("household_id", &other_room)])
        })
        .unwrap();
    assert!(search(&ledger, "2单元301").is_empty());
    let hits = search(&ledger, "2单元502");
    assert_eq!(names(&hits), vec!["单志"]);
    assert_eq!(hits[0].address.as_deref(), Some("幸福家园12栋2单元502"));

    ledger
        .write(&Actor::cli(), |tx| {
            rows::update(tx, "estate", &p.estate, &[("name", &"和谐家园")])
        })
        .unwrap();
    assert!(search(&ledger, "幸福家园12栋").is_empty());
    let hits = search(&ledger, "和谐家园12栋2单元502");
    assert_eq!(names(&hits), vec!["单志"]);
    assert_eq!(hits[0].address.as_deref(), Some("和谐家园12栋2单元502"));

    // A unit rename and a room change follow too.
    ledger
        .write(&Actor::cli(), |tx| {
            rows::update(tx, "unit", &p.unit, &[("name", &"3单元")])?;
            rows::update(tx, "household", &other_room, &[("room", &"503")])
        })
        .unwrap();
    assert_eq!(names(&search(&ledger, "12栋3单元503")), vec!["单志"]);

    // And a phone or ID number added later.
    let number = id("34040319900101001");
    ledger
        .write(&Actor::cli(), |tx| {
            rows::update(
                tx,
                "person",
                &who,
                &[("id_number", &number), ("phone", &"13905549876")],
            )
        })
        .unwrap();
    assert_eq!(names(&search(&ledger, &number[14..])), vec!["单志"]);
    assert_eq!(names(&search(&ledger, "9876")), vec!["单志"]);
}

#[test]
fn pages_are_disjoint_and_in_a_stable_order() {
    let (_dir, mut ledger) = fresh_ledger();
    ledger
        .write(&Actor::cli(), |tx| {
            for n in 0..25 {
                let name = format!("王{}", char::from_u32(0x4E00 + n).unwrap());
                register::add_person(
                    tx,
                    &NewPerson {
                        name: &name,
                        ..NewPerson::default()
                    },
                )?;
            }
            Ok(())
        })
        .unwrap();
    let all = search_people(ledger.conn(), "王", 100, 0).unwrap();
    assert_eq!(all.len(), 25);
    let mut sorted = names(&all);
    sorted.sort();
    assert_eq!(names(&all), sorted, "ordered by name");
    let mut paged = Vec::new();
    for offset in [0, 10, 20] {
        let page = search_people(ledger.conn(), "王", 10, offset).unwrap();
        assert_eq!(page.len(), if offset == 20 { 5 } else { 10 });
        paged.extend(page);
    }
    assert_eq!(paged, all);
    assert!(search_people(ledger.conn(), "王", 10, 30)
        .unwrap()
        .is_empty());
    assert!(search_people(ledger.conn(), "王", 0, 0).unwrap().is_empty());
}

#[test]
fn an_empty_or_blank_query_finds_nobody() {
    let (_dir, mut ledger) = fresh_ledger();
    add(&mut ledger, "张三", None, None, None);
    for q in ["", "   ", "\u{3000}", "\t\n"] {
        assert!(search(&ledger, q).is_empty(), "query {q:?}");
    }
}

#[test]
fn common_queries_walk_people_in_name_order_and_agree_with_the_key_index() {
    // Over 2,000 matching keys switches a rank from the key index to the ordered scan.
    let (_dir, mut ledger) = fresh_ledger();
    ledger
        .write(&Actor::cli(), |tx| {
            for n in 0..2100u32 {
                let given = char::from_u32(0x4E00 + n % 500).unwrap();
                let name = format!("李华{given}");
                register::add_person(
                    tx,
                    &NewPerson {
                        name: &name,
                        ..NewPerson::default()
                    },
                )?;
            }
            register::add_person(
                tx,
                &NewPerson {
                    name: "丁华",
                    ..NewPerson::default()
                },
            )?;
            Ok(())
        })
        .unwrap();
    // Substring 华: dense; 丁华 sorts first.
    let hits = search_people(ledger.conn(), "华", 5, 0).unwrap();
    assert_eq!(hits.len(), 5);
    assert_eq!(hits[0].name, "丁华");
    assert!(hits.iter().all(|h| h.name.contains('华')));
    let mut sorted = names(&hits);
    sorted.sort();
    assert_eq!(names(&hits), sorted);
    // Pinyin prefix `l`: dense; `dh` sparse; both find what they should.
    let hits = search_people(ledger.conn(), "l", 5, 0).unwrap();
    assert_eq!(hits.len(), 5);
    assert!(hits.iter().all(|h| h.name.starts_with("李")));
    assert_eq!(names(&search(&ledger, "dh")), vec!["丁华"]);
}

#[test]
fn rebuilding_the_index_backfills_people_already_in_the_ledger() {
    let (_dir, mut ledger) = fresh_ledger();
    let p = place(&mut ledger);
    add(
        &mut ledger,
        "张三",
        None,
        Some("13905541234"),
        Some(&p.household),
    );
    // The state of a ledger before migration 0003: people, no index.
    ledger
        .conn()
        .execute_batch(
            "DELETE FROM person_search_key; DELETE FROM person_search;
             DELETE FROM household_search_key; DELETE FROM household_search;",
        )
        .unwrap();
    assert!(search(&ledger, "张三").is_empty());
    rebuild_index(ledger.conn()).unwrap();
    for q in ["张三", "zs", "1234", "2单元301"] {
        assert_eq!(names(&search(&ledger, q)), vec!["张三"], "query {q:?}");
    }
    assert_eq!(
        search(&ledger, "张三")[0].address.as_deref(),
        Some("幸福家园12栋2单元301")
    );
}

/// Drop every table and view that migrations 0001–0002 did not create, so that a copy of
/// a current ledger looks like one made at schema 2 (later modules' tables need no listing).
fn drop_later_schema(conn: &rusqlite::Connection) {
    let early = concat!(
        include_str!("../../src/store/migrations/0001_init.sql"),
        include_str!("../../src/store/migrations/0002_register.sql"),
    );
    let made_early = |kind: &str, name: &str| {
        early.contains(&format!("CREATE {} {name} ", kind.to_uppercase()))
            || early.contains(&format!("CREATE {} {name}\n", kind.to_uppercase()))
            || early.contains(&format!(
                "CREATE {} IF NOT EXISTS {name} ",
                kind.to_uppercase()
            ))
    };
    let objects: Vec<(String, String)> = conn
        .prepare(
            "SELECT type, name FROM sqlite_master WHERE type IN ('view', 'table')
             AND name NOT LIKE 'sqlite_%' ORDER BY type = 'table'",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    conn.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    for (kind, name) in objects {
        if !made_early(&kind, &name) {
            conn.execute_batch(&format!("DROP {} {name}", kind.to_uppercase()))
                .unwrap();
        }
    }
}

#[test]
fn migration_0003_backfills_an_existing_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.db");
    {
        let (_d, mut ledger) = fresh_ledger();
        let p = place(&mut ledger);
        add(&mut ledger, "张三", None, None, Some(&p.household));
        ledger.checkpoint().unwrap();
        std::fs::copy(ledger.path(), &path).unwrap();
    }
    // Take the copy back to schema 2 without the index, as a ledger made before 0003.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TRIGGER person_search_insert; DROP TRIGGER person_search_update;
             DROP TRIGGER person_search_delete; DROP TRIGGER household_search_insert;
             DROP TRIGGER household_search_update; DROP TRIGGER household_search_delete;
             DROP TRIGGER household_search_unit; DROP TRIGGER household_search_building;
             DROP TRIGGER household_search_estate; DROP TRIGGER household_search_grid;
             DROP VIEW household_address;
             DROP TABLE person_search_key; DROP TABLE person_search;
             DROP TABLE household_search_key; DROP TABLE household_search;
             PRAGMA user_version = 2;",
        )
        .unwrap();
        drop_later_schema(&conn);
    }
    let ledger = Ledger::open(&path, &gridledger::OpenOptions::default()).unwrap();
    assert_eq!(
        ledger.schema_version().unwrap(),
        gridledger::store::LATEST_VERSION
    );
    let hits = search(&ledger, "zs");
    assert_eq!(names(&hits), vec!["张三"]);
    assert_eq!(hits[0].address.as_deref(), Some("幸福家园12栋2单元301"));
}

#[test]
fn a_bulk_created_building_is_found_by_address_and_deferral_ends_with_the_write() {
    let (_dir, mut ledger) = fresh_ledger();
    let p = place(&mut ledger);
    let made = ledger
        .write(&Actor::cli(), |tx| {
            register::bulk_create_building(
                tx,
                &gridledger::api::BulkBuilding {
                    estate_id: p.estate.clone(),
                    building_name: "7栋".into(),
                    units: 1..=2,
                    floors: 1..=3,
                    rooms_per_floor: 2,
                    room_format: None,
                    responsible_worker_id: None,
                },
            )
        })
        .unwrap();
    // The keys were deferred during creation and filled at its end.
    let household: String = ledger
        .conn()
        .query_row(
            "SELECT h.id FROM household h JOIN unit u ON u.id = h.unit_id \
             WHERE u.building_id = ?1 AND u.name = '2单元' AND h.room = '302'",
            [&made.building_id],
            |r| r.get(0),
        )
        .unwrap();
    add(&mut ledger, "王五", None, None, Some(&household));
    for q in ["幸福家园7栋2单元302", "7栋2单元302", "7栋"] {
        assert_eq!(names(&search(&ledger, q)), vec!["王五"], "query {q:?}");
    }
    // Every household has its four keys, none twice.
    let keys: i64 = ledger
        .conn()
        .query_row(
            "SELECT count(*) FROM household_search_key k JOIN household h ON h.id = k.household_id \
             JOIN unit u ON u.id = h.unit_id WHERE u.building_id = ?1",
            [&made.building_id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(keys, 12 * 4);
    // A failing bulk write leaves the connection indexing row by row again.
    let failed = ledger.write(&Actor::cli(), |tx| {
        gridledger::search::defer_household_keys(tx, || -> gridledger::Result<()> {
            Err(gridledger::Error::invalid("x", "fails", "失败"))
        })
    });
    assert!(failed.is_err());
    let single = add_household(&mut ledger, &p, "909");
    add(&mut ledger, "赵六", None, None, Some(&single));
    assert_eq!(names(&search(&ledger, "12栋2单元909")), vec!["赵六"]);
}
