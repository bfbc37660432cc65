//! The demo community: realistic, valid, deterministic, and loaded once.

use gridledger::api::ResidenceStatus;
use gridledger::demo::{self, Outcome};
use gridledger::domain::id_number::parse_id_number;
use gridledger::store::Actor;
use gridledger::summary;

use crate::{count, fresh_ledger};

#[test]
fn the_demo_fills_a_realistic_community_once() {
    let (_dir, mut ledger) = fresh_ledger();
    assert_eq!(
        demo::load(&mut ledger, &Actor::cli()).unwrap(),
        Outcome::Loaded
    );
    let first = summary::dashboard_counts(ledger.conn()).unwrap();
    assert_eq!(first.communities, 2);
    assert_eq!(first.grids, 6);
    assert_eq!(first.estates, 11);
    assert_eq!(
        first.buildings, 71,
        "as many buildings as the source document's community"
    );
    assert_eq!(first.units, 271, "and as many units");
    assert!(first.households > 2000, "{} households", first.households);
    assert!(
        (2000..10000).contains(&first.people),
        "{} people",
        first.people
    );
    for status in ResidenceStatus::ALL {
        let n = first
            .by_residence
            .iter()
            .find(|c| c.status == status)
            .unwrap()
            .count;
        assert!(n > 0, "someone is {status:?}");
    }
    let grids: Vec<(&str, &str)> = first
        .by_grid
        .iter()
        .map(|g| (g.community_name.as_str(), g.grid_name.as_str()))
        .collect();
    assert_eq!(
        grids,
        [
            ("幸福社区", "第一网格"),
            ("幸福社区", "第二网格"),
            ("幸福社区", "第三网格"),
            ("幸福社区", "第四网格"),
            ("朝阳社区", "第一网格"),
            ("朝阳社区", "第二网格"),
        ],
        "grids in the order they were set up, not in code-point order"
    );
    let per_grid: u32 = first.by_grid.iter().map(|g| g.people).sum();
    assert_eq!(
        per_grid, first.people,
        "every demo person lives in a grid's household"
    );

    // A bungalow area: households directly under an estate, without a unit.
    assert!(
        count(
            &ledger,
            "SELECT count(*) FROM household WHERE unit_id IS NULL"
        ) >= 40
    );

    // Every ID number is valid and unique, and the derived fields agree with it.
    let mut stmt = ledger
        .conn()
        .prepare("SELECT id_number, birth_date, sex FROM person")
        .unwrap();
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .unwrap();
    for row in rows {
        let (number, birth, sex) = row.unwrap();
        let parsed = parse_id_number(&number).unwrap_or_else(|e| panic!("{number}: {e}"));
        assert_eq!(parsed.birth_date.format("%Y-%m-%d").to_string(), birth);
        assert_eq!(format!("{:?}", parsed.sex).to_lowercase(), sex);
    }
    drop(stmt);
    assert_eq!(
        count(&ledger, "SELECT count(DISTINCT id_number) FROM person"),
        i64::from(first.people)
    );

    // Loading again adds nothing.
    let audit = count(&ledger, "SELECT count(*) FROM audit_log");
    assert_eq!(
        demo::load(&mut ledger, &Actor::cli()).unwrap(),
        Outcome::AlreadyPresent
    );
    assert_eq!(summary::dashboard_counts(ledger.conn()).unwrap(), first);
    assert_eq!(count(&ledger, "SELECT count(*) FROM audit_log"), audit);
}

#[test]
fn the_demo_never_goes_into_a_ledger_with_real_records() {
    let (_dir, mut ledger) = fresh_ledger();
    ledger
        .write(&Actor::cli(), |tx| {
            gridledger::register::add_person(
                tx,
                &gridledger::register::NewPerson {
                    name: "真实居民",
                    ..Default::default()
                },
            )
        })
        .unwrap();
    let err = demo::load(&mut ledger, &Actor::cli()).unwrap_err();
    assert_eq!(
        err.detail_zh(),
        Some("台账中已有数据，演示数据只能载入空台账")
    );
    assert_eq!(count(&ledger, "SELECT count(*) FROM person"), 1);
    assert_eq!(count(&ledger, "SELECT count(*) FROM street"), 0);
}

#[test]
fn loading_the_demo_reports_progress_to_the_end() {
    let (_dir, mut ledger) = fresh_ledger();
    let mut seen = Vec::new();
    demo::load_with_progress(&mut ledger, &Actor::cli(), &mut |p| seen.push(p)).unwrap();
    assert_eq!(seen.first().map(|p| p.done), Some(0));
    let last = seen.last().copied().unwrap();
    assert_eq!(last.done, last.total);
    assert_eq!(
        last.total, 12,
        "one step per estate, and one for the scenario"
    );
    assert!(
        seen.windows(2).all(|w| w[1].done == w[0].done + 1),
        "{seen:?}"
    );
}

#[test]
fn the_demo_is_the_same_every_time() {
    let names = || {
        let (_dir, mut ledger) = fresh_ledger();
        demo::load(&mut ledger, &Actor::cli()).unwrap();
        let mut stmt = ledger
            .conn()
            .prepare("SELECT name || id_number FROM person ORDER BY id_number")
            .unwrap();
        let all: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        all
    };
    assert_eq!(names(), names());
}

/// The source document's January 2020, counted from the demo's records: 140 outsiders
/// screened, 52 from other provinces, 4 from 武汉 (a risk area from 2020-01-01, the latest
/// on 2020-01-21), and a family of five contacts with last contact 2020-01-25.
#[test]
fn the_demo_holds_the_source_scenario_as_records() {
    use gridledger::api::{ArrivalFilter, ContactFilter, OriginClass, Place};
    use gridledger::{arrivals, contacts};
    let (_dir, mut ledger) = fresh_ledger();
    demo::load(&mut ledger, &Actor::cli()).unwrap();
    let list = |filter: ArrivalFilter| arrivals::list_arrivals(ledger.conn(), &filter).unwrap();
    assert_eq!(list(ArrivalFilter::default()).total, 140);
    let other = list(ArrivalFilter {
        origin_class: Some(OriginClass::OtherProvince),
        ..ArrivalFilter::default()
    });
    assert_eq!(other.total, 52);
    let risky = list(ArrivalFilter {
        from_risk_area: true,
        limit: 50,
        ..ArrivalFilter::default()
    });
    assert_eq!(risky.total, 4);
    assert_eq!(risky.rows[0].arrived_on, "2020-01-21", "newest first");
    assert!(risky.rows.iter().all(|a| a.risk_areas == ["湖北省武汉市"]));
    assert!(risky
        .rows
        .iter()
        .all(|a| a.isolation_status == Some(gridledger::api::IsolationStatus::Released)));
    let wuhan = list(ArrivalFilter {
        within: Some(Place::Region("420100".into())),
        ..ArrivalFilter::default()
    });
    assert_eq!(wuhan.total, 4);
    let areas = arrivals::list_risk_areas(
        ledger.conn(),
        chrono::NaiveDate::from_ymd_opt(2020, 3, 10).unwrap(),
    )
    .unwrap();
    assert_eq!(areas.len(), 1);
    assert_eq!(
        (areas[0].from_date.as_str(), areas[0].arrivals),
        ("2020-01-01", 4)
    );

    let family = contacts::list_contacts(ledger.conn(), &ContactFilter::default()).unwrap();
    assert_eq!(family.total, 5);
    let index = &family.rows[0].index_person_id;
    assert!(family
        .rows
        .iter()
        .all(|c| &c.index_person_id == index && c.last_contact_on == "2020-01-25"));
    assert_eq!(
        risky.rows[0].person_id, *index,
        "the family's returnee came last from 武汉"
    );
    assert_eq!(count(&ledger, "SELECT count(*) FROM person WHERE household_id = (SELECT household_id FROM person WHERE id = (SELECT index_person_id FROM contact LIMIT 1))"), 6);

    // The four from 武汉 and the family of five: each home-isolated at least 14 days,
    // every check recorded, all released.
    let on = chrono::NaiveDate::from_ymd_opt(2020, 3, 10).unwrap();
    let page = gridledger::isolation::list_isolations(
        ledger.conn(),
        &gridledger::api::IsolationFilter::default(),
        on,
    )
    .unwrap();
    assert_eq!(page.total, 9);
    for i in &page.rows {
        assert!(i.days >= 14, "{i:?}");
        assert_eq!(i.status, gridledger::api::IsolationStatus::Released);
        assert_eq!((i.checks_done, i.checks_missing), (i.days * 2, 0));
    }
    let family: Vec<_> = page
        .rows
        .iter()
        .filter(|i| i.contact_id.is_some())
        .collect();
    assert_eq!(family.len(), 5);
    assert!(family
        .iter()
        .all(|i| i.start_date == "2020-01-25" && i.planned_end == "2020-02-07"));
}
