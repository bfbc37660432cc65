//! Arrivals, risk areas and close contacts on a real ledger: origin classes against the
//! home region, a risk area declared after the arrival still catching it, `until` dates,
//! the night-time query, contacts of contacts, and a household added as contacts.

use chrono::NaiveDate;
use gridledger::api::{
    ArrivalFilter, Exposure, HouseholdContacts, NewArrival, NewContact, NewRiskArea, OriginClass,
    Place, RiskLevel, Symptom, Transport,
};
use gridledger::domain::id_number::check_char;
use gridledger::register::{self, NewHousehold, NewPerson};
use gridledger::store::Actor;
use gridledger::{arrivals, contacts, Error, Ledger};

use crate::register::{fixture, Fixture};
use crate::{count, fresh_ledger};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// "Today" in these tests: a day in March 2020, as in the source document.
fn today() -> NaiveDate {
    day("2020-03-10")
}

fn id(first17: &str) -> String {
    format!("{first17}{}", check_char(first17))
}

fn region(code: &str) -> Option<Place> {
    Some(Place::Region(code.into()))
}

fn household(ledger: &mut Ledger, f: &Fixture, room: &str) -> String {
    ledger
        .write(&Actor::cli(), |tx| {
            register::add_household(
                tx,
                &NewHousehold {
                    grid_id: &f.grid,
                    estate_id: Some(&f.estate),
                    unit_id: None,
                    room,
                    responsible_worker_id: None,
                },
            )
        })
        .unwrap()
}

fn person(ledger: &mut Ledger, name: &str, household: Option<&str>) -> String {
    ledger
        .write(&Actor::cli(), |tx| {
            register::add_person(
                tx,
                &NewPerson {
                    name,
                    household_id: household,
                    ..NewPerson::default()
                },
            )
        })
        .unwrap()
}

fn arrival(
    person_id: &str,
    origin: Option<Place>,
    departed: Option<&str>,
    arrived: &str,
) -> NewArrival {
    NewArrival {
        person_id: person_id.into(),
        origin,
        departed_on: departed.map(Into::into),
        arrived_on: arrived.into(),
        ..NewArrival::default()
    }
}

fn add_arrival(ledger: &mut Ledger, a: &NewArrival) -> String {
    ledger
        .write(&Actor::cli(), |tx| arrivals::add_arrival(tx, a, today()))
        .unwrap()
}

fn risk(place: Place, from: &str, until: Option<&str>) -> NewRiskArea {
    NewRiskArea {
        place,
        level: RiskLevel::High,
        from_date: from.into(),
        until_date: until.map(Into::into),
        notice: Some("市防控指挥部1号通告".into()),
        note: None,
    }
}

fn add_risk(ledger: &mut Ledger, r: &NewRiskArea) -> String {
    ledger
        .write(&Actor::cli(), |tx| arrivals::add_risk_area(tx, r))
        .unwrap()
}

fn names(ledger: &Ledger, filter: &ArrivalFilter) -> Vec<String> {
    let mut n: Vec<String> = arrivals::list_arrivals(ledger.conn(), filter)
        .unwrap()
        .rows
        .into_iter()
        .map(|a| a.person_name)
        .collect();
    n.sort();
    n
}

fn invalid_field(e: Error) -> (String, String) {
    match e {
        Error::Invalid {
            field, message_zh, ..
        } => (field.to_string(), message_zh),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn origin_class_is_home_province_other_province_or_outside_the_mainland() {
    let (_dir, mut ledger) = fresh_ledger();
    let f = fixture(&mut ledger); // street region 340403: 安徽省淮南市田家庵区
    let a = person(&mut ledger, "省内甲", None);
    let b = person(&mut ledger, "省外乙", None);
    let c = person(&mut ledger, "境外丙", None);
    let d = person(&mut ledger, "香港丁", None);
    let e = person(&mut ledger, "不详戊", None);
    add_arrival(
        &mut ledger,
        &arrival(&a, region("340100"), None, "2020-01-20"),
    );
    add_arrival(
        &mut ledger,
        &arrival(&b, region("420102"), None, "2020-01-21"),
    );
    add_arrival(
        &mut ledger,
        &arrival(&c, Some(Place::Country("kr".into())), None, "2020-02-20"),
    );
    add_arrival(
        &mut ledger,
        &arrival(&d, region("810000"), None, "2020-02-21"),
    );
    add_arrival(
        &mut ledger,
        &NewArrival {
            origin_text: Some("外地".into()),
            ..arrival(&e, None, None, "2020-02-22")
        },
    );
    let _ = f;
    let page = arrivals::list_arrivals(ledger.conn(), &ArrivalFilter::default()).unwrap();
    let class = |name: &str| {
        page.rows
            .iter()
            .find(|r| r.person_name == name)
            .map(|r| (r.origin_class, r.origin_name.clone()))
            .unwrap()
    };
    assert_eq!(class("省内甲").0, OriginClass::SameProvince);
    assert_eq!(
        class("省外乙"),
        (OriginClass::OtherProvince, "湖北省武汉市江岸区".into())
    );
    assert_eq!(class("境外丙"), (OriginClass::Outside, "韩国".into()));
    assert_eq!(class("香港丁").0, OriginClass::Outside);
    assert_eq!(class("不详戊"), (OriginClass::Unknown, "外地".into()));
    let by = |c| ArrivalFilter {
        origin_class: Some(c),
        ..ArrivalFilter::default()
    };
    assert_eq!(names(&ledger, &by(OriginClass::SameProvince)), ["省内甲"]);
    assert_eq!(names(&ledger, &by(OriginClass::OtherProvince)), ["省外乙"]);
    assert_eq!(
        names(&ledger, &by(OriginClass::Outside)),
        ["境外丙", "香港丁"]
    );
    assert_eq!(names(&ledger, &by(OriginClass::Unknown)), ["不详戊"]);

    // The home region defaults to the street's; an unknown code is refused.
    let info = gridledger::summary::app_info(&ledger).unwrap();
    assert_eq!(info.home_region.as_deref(), Some("340403"));
    assert_eq!(
        info.home_region_name.as_deref(),
        Some("安徽省淮南市田家庵区")
    );
    assert!(ledger
        .write(&Actor::cli(), |tx| gridledger::settings::set_home_region(
            tx, "999999"
        ))
        .is_err());
    // Moving the home region to 湖北 turns the classes round, for records already there.
    ledger
        .write(&Actor::cli(), |tx| {
            gridledger::settings::set_home_region(tx, "420100")
        })
        .unwrap();
    assert_eq!(names(&ledger, &by(OriginClass::SameProvince)), ["省外乙"]);
    assert_eq!(names(&ledger, &by(OriginClass::OtherProvince)), ["省内甲"]);
}

#[test]
fn a_risk_area_declared_after_the_arrival_still_catches_it() {
    let (_dir, mut ledger) = fresh_ledger();
    fixture(&mut ledger);
    let zhang = person(&mut ledger, "张伟", None);
    let li = person(&mut ledger, "李娜", None);
    let wang = person(&mut ledger, "王强", None);
    // Registered on 2020-01-21, before anyone declared 武汉 a risk area.
    add_arrival(
        &mut ledger,
        &arrival(&zhang, region("420102"), Some("2020-01-20"), "2020-01-21"),
    );
    // From 湖北 but not 武汉; and from 武汉 long before.
    add_arrival(
        &mut ledger,
        &arrival(&li, region("420500"), Some("2020-01-19"), "2020-01-19"),
    );
    add_arrival(
        &mut ledger,
        &arrival(&wang, region("420106"), Some("2019-12-01"), "2019-12-01"),
    );
    let risky = ArrivalFilter {
        from_risk_area: true,
        ..ArrivalFilter::default()
    };
    assert!(names(&ledger, &risky).is_empty());

    let wuhan = add_risk(
        &mut ledger,
        &risk(Place::Region("420100".into()), "2020-01-01", None),
    );
    assert_eq!(names(&ledger, &risky), ["张伟"]);
    let zhang_row = arrivals::list_arrivals(ledger.conn(), &risky).unwrap().rows;
    assert_eq!(zhang_row[0].risk_areas, ["湖北省武汉市"]);
    let areas = arrivals::list_risk_areas(ledger.conn(), today()).unwrap();
    assert_eq!(areas.len(), 1);
    assert_eq!((areas[0].arrivals, areas[0].active), (1, true));

    // The night-time question: everyone who came from under 湖北 since 2020-01-01,
    // whether or not their origin was a risk area when they came.
    let night = ArrivalFilter {
        within: region("420000"),
        since: Some("2020-01-01".into()),
        ..ArrivalFilter::default()
    };
    assert_eq!(names(&ledger, &night), ["张伟", "李娜"]);
    let one_area = ArrivalFilter {
        risk_area_id: Some(wuhan.clone()),
        ..ArrivalFilter::default()
    };
    assert_eq!(names(&ledger, &one_area), ["张伟"]);

    // A province-wide area catches 李娜 too.
    add_risk(
        &mut ledger,
        &risk(Place::Region("420000".into()), "2020-01-15", None),
    );
    assert_eq!(names(&ledger, &risky), ["张伟", "李娜"]);
    // ... but not twice over for 张伟, who is in both.
    assert_eq!(
        arrivals::list_arrivals(ledger.conn(), &risky)
            .unwrap()
            .total,
        2
    );
}

#[test]
fn until_dates_bound_a_risk_area_and_it_is_inactive_after_them() {
    let (_dir, mut ledger) = fresh_ledger();
    fixture(&mut ledger);
    let before = person(&mut ledger, "早归", None);
    let during = person(&mut ledger, "期间", None);
    let after = person(&mut ledger, "解除后", None);
    let seoul = Some(Place::Country("KR".into()));
    add_arrival(
        &mut ledger,
        &arrival(&before, seoul.clone(), Some("2020-02-10"), "2020-02-11"),
    );
    add_arrival(
        &mut ledger,
        &arrival(&during, seoul.clone(), Some("2020-02-25"), "2020-02-26"),
    );
    // Left on the last day still counts; the day after does not.
    add_arrival(
        &mut ledger,
        &arrival(&after, seoul, Some("2020-03-06"), "2020-03-07"),
    );
    let id = add_risk(
        &mut ledger,
        &risk(
            Place::Country("KR".into()),
            "2020-02-20",
            Some("2020-03-05"),
        ),
    );
    let risky = ArrivalFilter {
        from_risk_area: true,
        ..ArrivalFilter::default()
    };
    assert_eq!(names(&ledger, &risky), ["期间"]);
    // Lifted later: extend to 2020-03-06 and 解除后 counts.
    ledger
        .write(&Actor::cli(), |tx| {
            arrivals::update_risk_area(
                tx,
                &id,
                &risk(
                    Place::Country("KR".into()),
                    "2020-02-20",
                    Some("2020-03-06"),
                ),
            )
        })
        .unwrap();
    assert_eq!(names(&ledger, &risky), ["期间", "解除后"]);
    let areas = arrivals::list_risk_areas(ledger.conn(), today()).unwrap();
    assert!(!areas[0].active, "lifted on 2020-03-06, read on 2020-03-10");
    assert!(arrivals::list_risk_areas(ledger.conn(), day("2020-03-01")).unwrap()[0].active);
    // An overlapping second entry for 韩国 is refused; a later, separate one is not.
    let clash = ledger.write(&Actor::cli(), |tx| {
        arrivals::add_risk_area(tx, &risk(Place::Country("KR".into()), "2020-03-01", None))
    });
    let (field, zh) = invalid_field(clash.unwrap_err());
    assert_eq!(field, "risk_area.place");
    assert!(zh.contains("韩国"), "{zh}");
    add_risk(
        &mut ledger,
        &risk(Place::Country("KR".into()), "2020-03-08", None),
    );
}

#[test]
fn bad_arrivals_are_refused_in_chinese_and_write_nothing() {
    let (_dir, mut ledger) = fresh_ledger();
    fixture(&mut ledger);
    let p = person(&mut ledger, "赵敏", None);
    let cases = [
        (arrival(&p, None, None, "2020-01-21"), "arrival.origin"),
        (
            arrival(&p, region("420100"), None, "2020-03-11"),
            "arrival.arrived_on",
        ),
        (
            arrival(&p, region("420100"), Some("2020-01-22"), "2020-01-21"),
            "arrival.departed_on",
        ),
        (
            arrival(&p, region("999999"), None, "2020-01-21"),
            "arrival.origin",
        ),
        (
            arrival(&p, Some(Place::Country("CN".into())), None, "2020-01-21"),
            "arrival.origin",
        ),
        (
            arrival(&p, region("4201"), None, "2020-01-21"),
            "arrival.origin",
        ),
        (
            arrival("nobody", region("420100"), None, "2020-01-21"),
            "arrival.person_id",
        ),
        (
            NewArrival {
                temperature: Some("98.6".into()),
                ..arrival(&p, region("420100"), None, "2020-01-21")
            },
            "arrival.temperature",
        ),
    ];
    for (a, want) in cases {
        let err = ledger
            .write(&Actor::cli(), |tx| arrivals::add_arrival(tx, &a, today()))
            .unwrap_err();
        let (field, zh) = invalid_field(err);
        assert_eq!(field, want);
        assert!(
            zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{zh}"
        );
    }
    assert_eq!(count(&ledger, "SELECT count(*) FROM arrival"), 0);
}

#[test]
fn an_arrival_keeps_its_screening_and_defaults_to_the_persons_household() {
    let (_dir, mut ledger) = fresh_ledger();
    let f = fixture(&mut ledger);
    let home = household(&mut ledger, &f, "1号");
    let p = ledger
        .write(&Actor::cli(), |tx| {
            register::add_person(
                tx,
                &NewPerson {
                    name: "钱进",
                    id_number: Some(&id("42010219900101001")),
                    household_id: Some(&home),
                    ..NewPerson::default()
                },
            )
        })
        .unwrap();
    let id = add_arrival(
        &mut ledger,
        &NewArrival {
            transport: Some(Transport::Train),
            transport_no: Some(" g1234 ".into()),
            symptoms: vec![Symptom::Cough, Symptom::Fever, Symptom::Cough],
            temperature: Some("37.5".into()),
            screened_by: Some(f.worker.clone()),
            purpose: Some("返乡过年".into()),
            ..arrival(&p, region("420102"), Some("2020-01-20"), "2020-01-21")
        },
    );
    let a = arrivals::get_arrival(ledger.conn(), &id).unwrap();
    assert_eq!(a.household_id.as_deref(), Some(home.as_str()));
    assert_eq!(a.address.as_deref(), Some("幸福家园1号"));
    assert_eq!(a.transport_no.as_deref(), Some("G1234"));
    assert_eq!(a.symptoms, [Symptom::Fever, Symptom::Cough]);
    assert_eq!((a.temperature.as_deref(), a.fever), (Some("37.5"), true));
    assert_eq!(a.screened_on.as_deref(), Some("2020-03-10"));
    assert_eq!(a.screened_by_name.as_deref(), Some("王芳"));
    let masked = a.id_number_masked.unwrap();
    assert!(
        masked.starts_with("420102") && !masked.contains("19900101"),
        "{masked}"
    );
    // A person may arrive more than once.
    add_arrival(
        &mut ledger,
        &arrival(&p, region("420102"), None, "2020-03-01"),
    );
    let mine = ArrivalFilter {
        person_id: Some(p.clone()),
        ..ArrivalFilter::default()
    };
    let rows = arrivals::list_arrivals(ledger.conn(), &mine).unwrap().rows;
    assert_eq!(
        rows.iter()
            .map(|r| r.arrived_on.as_str())
            .collect::<Vec<_>>(),
        ["2020-03-01", "2020-01-21"]
    );
    // Audited.
    assert!(
        count(
            &ledger,
            "SELECT count(*) FROM audit_log WHERE entity = 'arrival'"
        ) >= 2
    );
}

#[test]
fn contacts_of_contacts_form_a_chain_read_both_ways() {
    let (_dir, mut ledger) = fresh_ledger();
    fixture(&mut ledger);
    let returnee = person(&mut ledger, "返乡甲", None);
    let colleague = person(&mut ledger, "同事乙", None);
    let friend = person(&mut ledger, "朋友丙", None);
    let add = |ledger: &mut Ledger, p: &str, i: &str, e: Exposure, d: &str| {
        ledger.write(&Actor::cli(), |tx| {
            contacts::add_contact(
                tx,
                &NewContact {
                    person_id: p.into(),
                    index_person_id: i.into(),
                    exposure: e,
                    last_contact_on: d.into(),
                    note: None,
                },
            )
        })
    };
    add(
        &mut ledger,
        &colleague,
        &returnee,
        Exposure::Work,
        "2020-01-23",
    )
    .unwrap();
    add(
        &mut ledger,
        &friend,
        &colleague,
        Exposure::Meal,
        "2020-01-24",
    )
    .unwrap();
    // A cycle typed by mistake does not loop.
    add(
        &mut ledger,
        &returnee,
        &friend,
        Exposure::Other,
        "2020-01-25",
    )
    .unwrap();

    let chain = contacts::contact_chain(ledger.conn(), &returnee).unwrap();
    let down: Vec<(&str, u32)> = chain
        .downstream
        .iter()
        .map(|l| (l.person_name.as_str(), l.depth))
        .collect();
    assert_eq!(down, [("同事乙", 1), ("朋友丙", 2), ("返乡甲", 3)]);
    let chain = contacts::contact_chain(ledger.conn(), &friend).unwrap();
    let up: Vec<(&str, u32)> = chain
        .upstream
        .iter()
        .map(|l| (l.index_person_name.as_str(), l.depth))
        .collect();
    assert_eq!(up, [("同事乙", 1), ("返乡甲", 2), ("朋友丙", 3)]);

    // The same pair twice, and oneself, are refused.
    let (field, zh) = invalid_field(
        add(
            &mut ledger,
            &colleague,
            &returnee,
            Exposure::Meal,
            "2020-01-24",
        )
        .unwrap_err(),
    );
    assert_eq!(field, "contact.person_id");
    assert!(zh.contains("同事乙"), "{zh}");
    assert!(add(
        &mut ledger,
        &colleague,
        &colleague,
        Exposure::Meal,
        "2020-01-24"
    )
    .is_err());
}

#[test]
fn a_household_becomes_contacts_of_one_member_in_one_action() {
    let (_dir, mut ledger) = fresh_ledger();
    let f = fixture(&mut ledger);
    let home = household(&mut ledger, &f, "6号");
    let index = person(&mut ledger, "返乡者", Some(&home));
    for n in ["父亲", "母亲", "妻子", "儿子", "女儿"] {
        person(&mut ledger, n, Some(&home));
    }
    let neighbour_home = household(&mut ledger, &f, "7号");
    person(&mut ledger, "邻居", Some(&neighbour_home));
    let action = HouseholdContacts {
        index_person_id: index.clone(),
        household_id: None,
        exposure: Exposure::Household,
        last_contact_on: "2020-01-25".into(),
        note: None,
    };
    let done = ledger
        .write(&Actor::cli(), |tx| {
            contacts::add_household_contacts(tx, &action)
        })
        .unwrap();
    assert_eq!((done.added.len(), done.already), (5, 0));
    let page = contacts::list_contacts(
        ledger.conn(),
        &gridledger::api::ContactFilter {
            index_person_id: Some(index.clone()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(page.total, 5);
    assert!(page
        .rows
        .iter()
        .all(|c| c.last_contact_on == "2020-01-25" && c.exposure == Exposure::Household));
    // Again: nothing new, five already there.
    let again = ledger
        .write(&Actor::cli(), |tx| {
            contacts::add_household_contacts(tx, &action)
        })
        .unwrap();
    assert_eq!((again.added.len(), again.already), (0, 5));
    // A visited household (not the index's own) can be named.
    let visited = ledger
        .write(&Actor::cli(), |tx| {
            contacts::add_household_contacts(
                tx,
                &HouseholdContacts {
                    household_id: Some(neighbour_home.clone()),
                    exposure: Exposure::Meal,
                    ..action.clone()
                },
            )
        })
        .unwrap();
    assert_eq!(visited.added.len(), 1);
    assert_eq!(
        count(
            &ledger,
            "SELECT count(*) FROM contact WHERE deleted_at IS NULL"
        ),
        6
    );
}

#[test]
fn one_action_starts_a_re_screening_sweep_over_the_homes_of_those_who_came_from_a_risk_area() {
    let (_dir, mut ledger) = fresh_ledger();
    let f = fixture(&mut ledger);
    let home_a = household(&mut ledger, &f, "1号");
    let home_b = household(&mut ledger, &f, "2号");
    household(&mut ledger, &f, "3号");
    let a1 = person(&mut ledger, "甲一", Some(&home_a));
    let a2 = person(&mut ledger, "甲二", Some(&home_a));
    let b = person(&mut ledger, "乙", Some(&home_b));
    let visitor = person(&mut ledger, "访客", None);
    for p in [&a1, &a2, &b, &visitor] {
        add_arrival(
            &mut ledger,
            &arrival(p, region("420106"), None, "2020-01-20"),
        );
    }
    let from_wuhan = ArrivalFilter {
        within: region("420100"),
        since: Some("2020-01-01".into()),
        ..ArrivalFilter::default()
    };
    let summary = ledger
        .write(&Actor::cli(), |tx| {
            arrivals::rescreen_arrivals(
                tx,
                &gridledger::api::RescreenArrivals {
                    filter: from_wuhan.clone(),
                    name: "武汉来返人员复查".into(),
                    start_date: "2020-01-26".into(),
                    note: None,
                },
            )
        })
        .unwrap();
    assert_eq!(
        (
            summary.households,
            summary.people,
            summary.without_household
        ),
        (2, 4, 1)
    );
    // The sweep covers exactly those two homes, not the third of the estate.
    let progress = gridledger::sweep::sweep_progress(ledger.conn(), &summary.sweep_id).unwrap();
    assert_eq!((progress.total.households, progress.total.pending), (2, 2));
    // Nobody matching: refused in Chinese, no sweep left behind.
    let none = ledger.write(&Actor::cli(), |tx| {
        arrivals::rescreen_arrivals(
            tx,
            &gridledger::api::RescreenArrivals {
                filter: ArrivalFilter {
                    within: Some(Place::Country("KR".into())),
                    ..ArrivalFilter::default()
                },
                name: "韩国来返人员复查".into(),
                start_date: "2020-02-26".into(),
                note: None,
            },
        )
    });
    assert!(invalid_field(none.unwrap_err()).1.contains("没有登记住户"));
    assert_eq!(count(&ledger, "SELECT count(*) FROM sweep"), 1);
}

#[test]
fn a_person_met_at_the_door_and_their_arrival_are_saved_together_or_not_at_all() {
    let (_dir, mut ledger) = fresh_ledger();
    fixture(&mut ledger);
    let people = |ledger: &Ledger| count(ledger, "SELECT count(*) FROM person");
    let request = |arrived: &str| gridledger::api::RegisterArrival {
        person: gridledger::api::PersonInput {
            name: "王五".into(),
            id_number: Some(id("11010119800501123")),
            ..Default::default()
        },
        arrival: arrival("", region("420100"), None, arrived),
    };
    // The arrival is refused (after today): no person is left behind.
    let refused = ledger.write(&Actor::cli(), |tx| {
        arrivals::register_arrival(tx, &request("2020-03-11"), today())
    });
    assert_eq!(invalid_field(refused.unwrap_err()).0, "arrival.arrived_on");
    assert_eq!(people(&ledger), 0);
    let id = ledger
        .write(&Actor::cli(), |tx| {
            arrivals::register_arrival(tx, &request("2020-01-21"), today())
        })
        .unwrap();
    let a = arrivals::get_arrival(ledger.conn(), &id).unwrap();
    assert_eq!(a.person_name, "王五");
    assert_eq!(people(&ledger), 1);
}
