//! Publicity (宣传) on a real ledger: the source scenario's numbers counted from the demo's
//! records; totals per kind over a date range; buildings and units covered derived from
//! the posting links (a unit posted twice counts once); bad input refused; the CLI.

use gridledger::api::{NewPublicity, PublicityKind, PublicityRange, PublicityTotals};
use gridledger::store::Actor;
use gridledger::{demo, publicity, register, Error, Ledger};

use crate::count;
use crate::fresh_ledger;
use crate::register::{bulk, fixture};

fn kind(t: &PublicityTotals, k: PublicityKind) -> (u32, u32) {
    let row = t.kinds.iter().find(|r| r.kind == k).unwrap();
    (row.count, row.reach)
}

fn entry(k: PublicityKind, count: Option<u32>, date: &str) -> NewPublicity {
    NewPublicity {
        kind: k,
        count,
        reach: None,
        place: None,
        date: date.into(),
        note: None,
        unit_ids: Vec::new(),
    }
}

fn add(ledger: &mut Ledger, p: &NewPublicity) -> gridledger::Result<String> {
    ledger.write(&Actor::cli(), |tx| publicity::add_publicity(tx, p))
}

#[test]
fn the_demo_gives_the_source_documents_publicity_numbers() {
    let (_dir, mut ledger) = fresh_ledger();
    demo::load(&mut ledger, &Actor::cli()).unwrap();
    let t = publicity::publicity_totals(
        ledger.conn(),
        &PublicityRange {
            from: Some("2020-01-20".into()),
            to: Some("2020-01-31".into()),
        },
    )
    .unwrap();
    assert_eq!(
        kind(&t, PublicityKind::Wechat),
        (2, 1000),
        "2 groups of 500"
    );
    assert_eq!(kind(&t, PublicityKind::Banner).0, 20);
    assert_eq!(kind(&t, PublicityKind::Screen).0, 2);
    assert_eq!(kind(&t, PublicityKind::Board).0, 5);
    assert_eq!(kind(&t, PublicityKind::Letter).0, 1500);
    assert_eq!(kind(&t, PublicityKind::Website).0, 20);
    assert_eq!(t.kinds.len(), 7);
    assert_eq!(t.buildings, 71);
    // The demo register has fewer than 271 units: every one of them is posted.
    let units = count(
        &ledger,
        "SELECT count(*) FROM unit WHERE deleted_at IS NULL",
    );
    assert_eq!(i64::from(t.units), units.min(271));
    assert_eq!(
        i64::from(kind(&t, PublicityKind::Posting).0),
        units.min(271),
        "one notice per unit posted"
    );
    // Loading again adds nothing.
    demo::load(&mut ledger, &Actor::cli()).unwrap();
    assert_eq!(
        publicity::publicity_totals(ledger.conn(), &PublicityRange::default()).unwrap(),
        PublicityTotals {
            from: None,
            to: None,
            ..t
        }
    );
}

#[test]
fn totals_follow_the_date_range_and_count_each_unit_once() {
    let (_dir, mut ledger) = fresh_ledger();
    let f = fixture(&mut ledger);
    let (b1, b2) = ledger
        .write(&Actor::cli(), |tx| {
            let b1 = register::bulk_create_building(tx, &bulk(&f.estate, "1栋", 3, 2, 2))?;
            let b2 = register::bulk_create_building(tx, &bulk(&f.estate, "2栋", 2, 2, 2))?;
            Ok((b1.building_id, b2.building_id))
        })
        .unwrap();
    let units = |building: &str| -> Vec<String> {
        let mut stmt = ledger
            .conn()
            .prepare("SELECT id FROM unit WHERE building_id = ?1 ORDER BY sort_key")
            .unwrap();
        stmt.query_map([building], |r| r.get(0))
            .unwrap()
            .collect::<Result<Vec<String>, _>>()
            .unwrap()
    };
    let (u1, u2) = (units(&b1), units(&b2));
    assert_eq!((u1.len(), u2.len()), (3, 2));

    add(
        &mut ledger,
        &NewPublicity {
            reach: Some(480),
            ..entry(PublicityKind::Wechat, Some(1), "2020-01-22")
        },
    )
    .unwrap();
    add(
        &mut ledger,
        &NewPublicity {
            reach: Some(520),
            ..entry(PublicityKind::Wechat, Some(1), "2020-01-25")
        },
    )
    .unwrap();
    add(
        &mut ledger,
        &entry(PublicityKind::Banner, Some(12), "2020-01-24"),
    )
    .unwrap();
    add(
        &mut ledger,
        &entry(PublicityKind::Banner, Some(8), "2020-02-02"),
    )
    .unwrap();
    let first = add(
        &mut ledger,
        &NewPublicity {
            unit_ids: u1.clone(),
            ..entry(PublicityKind::Posting, None, "2020-01-27")
        },
    )
    .unwrap();
    // A second round over 1栋's first unit again and 2栋's first.
    add(
        &mut ledger,
        &NewPublicity {
            unit_ids: vec![u1[0].clone(), u2[0].clone(), u2[0].clone()],
            ..entry(PublicityKind::Posting, Some(4), "2020-01-29")
        },
    )
    .unwrap();

    let range = |from: Option<&str>, to: Option<&str>| PublicityRange {
        from: from.map(str::to_owned),
        to: to.map(str::to_owned),
    };
    let all = publicity::publicity_totals(ledger.conn(), &range(None, None)).unwrap();
    assert_eq!(kind(&all, PublicityKind::Wechat), (2, 1000));
    assert_eq!(kind(&all, PublicityKind::Banner), (20, 0));
    assert_eq!(
        kind(&all, PublicityKind::Posting).0,
        3 + 4,
        "posting count defaults to the units"
    );
    assert_eq!(
        (all.buildings, all.units),
        (2, 4),
        "a unit posted twice counts once"
    );
    assert_eq!(kind(&all, PublicityKind::Letter), (0, 0));

    let january = publicity::publicity_totals(
        ledger.conn(),
        &range(Some("2020-01-23"), Some("2020-01-28")),
    )
    .unwrap();
    assert_eq!(kind(&january, PublicityKind::Wechat), (1, 520));
    assert_eq!(kind(&january, PublicityKind::Banner).0, 12);
    assert_eq!((january.buildings, january.units), (1, 3));

    let list = publicity::list_publicity(ledger.conn(), &range(None, Some("2020-01-31"))).unwrap();
    assert_eq!(list.len(), 5);
    assert_eq!(list[0].date, "2020-01-29", "newest first");
    assert_eq!((list[0].buildings, list[0].units), (2, 2));

    // Deleting the first posting takes its links with it.
    ledger
        .write(&Actor::cli(), |tx| publicity::delete_publicity(tx, &first))
        .unwrap();
    let after = publicity::publicity_totals(ledger.conn(), &range(None, None)).unwrap();
    assert_eq!((after.buildings, after.units), (2, 2));
    assert_eq!(kind(&after, PublicityKind::Posting).0, 4);
}

#[test]
fn bad_publicity_is_refused_with_the_field() {
    let (_dir, mut ledger) = fresh_ledger();
    fn field<T: std::fmt::Debug>(r: gridledger::Result<T>) -> &'static str {
        match r {
            Err(Error::Invalid { field, .. }) => field,
            other => panic!("expected invalid input, got {other:?}"),
        }
    }
    assert_eq!(
        field(add(
            &mut ledger,
            &entry(PublicityKind::Banner, None, "2020-01-24")
        )),
        "publicity.count"
    );
    assert_eq!(
        field(add(
            &mut ledger,
            &entry(PublicityKind::Banner, Some(0), "2020-01-24")
        )),
        "publicity.count"
    );
    assert_eq!(
        field(add(
            &mut ledger,
            &entry(PublicityKind::Banner, Some(1), "someday")
        )),
        "publicity.date"
    );
    let units_on_a_banner = NewPublicity {
        unit_ids: vec!["x".into()],
        ..entry(PublicityKind::Banner, Some(1), "2020-01-24")
    };
    assert_eq!(
        field(add(&mut ledger, &units_on_a_banner)),
        "publicity.unit_ids"
    );
    let no_such_unit = NewPublicity {
        unit_ids: vec!["x".into()],
        ..entry(PublicityKind::Posting, None, "2020-01-24")
    };
    assert_eq!(field(add(&mut ledger, &no_such_unit)), "publicity.unit_ids");
    let backwards = PublicityRange {
        from: Some("2020-02-01".into()),
        to: Some("2020-01-01".into()),
    };
    assert_eq!(
        field(publicity::publicity_totals(ledger.conn(), &backwards)),
        "publicity.to"
    );
    assert_eq!(count(&ledger, "SELECT count(*) FROM publicity"), 0);
}

#[test]
fn publicity_is_scriptable() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_gridledger"))
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .env_remove("GRIDLEDGER_KEY")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {text}");
        text
    };
    run(&[
        "publicity",
        "add",
        "--kind",
        "微信群",
        "--count",
        "2",
        "--reach",
        "500",
        "--date",
        "2020-01-23",
    ]);
    run(&[
        "publicity",
        "add",
        "--kind",
        "banner",
        "--count",
        "20",
        "--place",
        "各小区出入口",
        "--date",
        "2020-01-24",
    ]);
    let list = run(&["publicity", "list"]);
    assert!(
        list.contains("2020-01-24\t横幅\t20\t\t各小区出入口"),
        "{list}"
    );
    let totals = run(&[
        "publicity",
        "totals",
        "--from",
        "2020-01-24",
        "--to",
        "2020-01-31",
    ]);
    assert!(totals.contains("banner\t20\tentries 1"), "{totals}");
    assert!(totals.contains("wechat\t0\t"), "{totals}");
    let all = run(&["publicity", "totals"]);
    assert!(all.contains("wechat\t2\tentries 1\treach 1000"), "{all}");
}
