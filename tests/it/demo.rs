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
    assert_eq!(last.total, 11, "one step per estate");
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
