//! Supplies on a real ledger: stock that never goes negative (issues, removed receipts,
//! and a raw write that tries to bypass the core), per-household history including what
//! members received, follow-up visits, eligibility from isolations and elderly people
//! living alone, the 首页 counts, and the CLI.

use chrono::NaiveDate;
use gridledger::api::{
    EligibilityReason, EligibleQuery, IsolationKind, NewIsolation, NewSupplyFollowUp,
    NewSupplyIssue, NewSupplyItem, NewSupplyReceipt, SupplyEligibility, SupplyIssueFilter,
};
use gridledger::register::{self, NewHousehold, NewPerson};
use gridledger::store::Actor;
use gridledger::{isolation, supplies, Error, Ledger};

use crate::fresh_ledger;
use crate::register::fixture;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2020-02-10";

fn item(ledger: &mut Ledger, name: &str, unit: &str, low: Option<u32>) -> String {
    ledger
        .write(&Actor::cli(), |tx| {
            supplies::add_item(
                tx,
                &NewSupplyItem {
                    name: name.into(),
                    unit: unit.into(),
                    low_stock: low,
                    note: None,
                },
            )
        })
        .unwrap()
}

fn receive(ledger: &mut Ledger, item: &str, q: u32, on: &str) -> String {
    ledger
        .write(&Actor::cli(), |tx| {
            supplies::add_receipt(
                tx,
                &NewSupplyReceipt {
                    item_id: item.into(),
                    quantity: q,
                    received_on: on.into(),
                    source: Some("街道办".into()),
                    note: None,
                },
                day(TODAY),
            )
        })
        .unwrap()
}

fn issue_to(
    item: &str,
    household: Option<&str>,
    person: Option<&str>,
    q: u32,
    on: &str,
) -> NewSupplyIssue {
    NewSupplyIssue {
        item_id: item.into(),
        household_id: household.map(Into::into),
        person_id: person.map(Into::into),
        quantity: q,
        issued_on: on.into(),
        worker_id: None,
        note: None,
    }
}

fn issue(ledger: &mut Ledger, n: &NewSupplyIssue) -> gridledger::Result<String> {
    ledger.write(&Actor::cli(), |tx| supplies::add_issue(tx, n, day(TODAY)))
}

struct Homes {
    family: String,
    alone: String,
    mother: String,
    son: String,
    elder: String,
}

/// A family of two (mother and son) and an 80-year-old living alone, in 幸福家园.
fn homes(ledger: &mut Ledger) -> Homes {
    let f = fixture(ledger);
    ledger
        .write(&Actor::cli(), |tx| {
            let h = |room| {
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
            };
            let family = h("101")?;
            let alone = h("102")?;
            let p = |name, id, household: &str| {
                register::add_person(
                    tx,
                    &NewPerson {
                        name,
                        id_number: Some(id),
                        household_id: Some(household),
                        ..NewPerson::default()
                    },
                )
            };
            let mother = p("李秀英", "340403196505050027", &family)?;
            let son = p("张伟", "340403199001010017", &family)?;
            let elder = p("王大爷", "340403193912120033", &alone)?;
            Ok(Homes {
                family,
                alone,
                mother,
                son,
                elder,
            })
        })
        .unwrap()
}

#[test]
fn stock_is_derived_and_an_issue_beyond_the_balance_is_refused_naming_it() {
    let (_dir, mut ledger) = fresh_ledger();
    let h = homes(&mut ledger);
    let masks = item(&mut ledger, "口罩", "个", Some(10));
    receive(&mut ledger, &masks, 30, "2020-01-25");
    issue(
        &mut ledger,
        &issue_to(&masks, Some(&h.family), None, 20, "2020-01-26"),
    )
    .unwrap();

    let err = issue(
        &mut ledger,
        &issue_to(&masks, Some(&h.alone), None, 11, "2020-01-27"),
    )
    .unwrap_err();
    let Error::Invalid {
        field, message_zh, ..
    } = err
    else {
        panic!("expected a refusal, got {err:?}")
    };
    assert_eq!(field, "supply_issue.quantity");
    assert!(message_zh.contains("库存仅剩 10个"), "{message_zh}");

    // Exactly the balance is fine, and leaves zero.
    issue(
        &mut ledger,
        &issue_to(&masks, Some(&h.alone), None, 10, "2020-01-27"),
    )
    .unwrap();
    let it = supplies::get_item(ledger.conn(), &masks).unwrap();
    assert_eq!(
        (it.received, it.issued, it.balance, it.low),
        (30, 30, 0, true)
    );
    assert!(issue(
        &mut ledger,
        &issue_to(&masks, Some(&h.alone), None, 1, "2020-01-27")
    )
    .is_err());
}

#[test]
fn removing_a_receipt_already_handed_out_is_refused_and_an_issue_removed_returns_stock() {
    let (_dir, mut ledger) = fresh_ledger();
    let h = homes(&mut ledger);
    let bleach = item(&mut ledger, "84消毒液", "瓶", None);
    let first = receive(&mut ledger, &bleach, 5, "2020-01-25");
    let second = receive(&mut ledger, &bleach, 5, "2020-01-26");
    let given = issue(
        &mut ledger,
        &issue_to(&bleach, Some(&h.family), None, 8, "2020-01-27"),
    )
    .unwrap();

    let err = ledger
        .write(&Actor::cli(), |tx| supplies::delete_receipt(tx, &first))
        .unwrap_err();
    assert!(err.detail_zh().unwrap().contains("现有库存 2瓶"), "{err:?}");

    ledger
        .write(&Actor::cli(), |tx| supplies::delete_issue(tx, &given))
        .unwrap();
    ledger
        .write(&Actor::cli(), |tx| supplies::delete_receipt(tx, &second))
        .unwrap();
    assert_eq!(
        supplies::get_item(ledger.conn(), &bleach).unwrap().balance,
        5
    );
}

#[test]
fn no_write_path_can_take_the_balance_below_zero() {
    let (_dir, mut ledger) = fresh_ledger();
    let h = homes(&mut ledger);
    let thermometers = item(&mut ledger, "体温计", "支", None);
    let receipt = receive(&mut ledger, &thermometers, 3, "2020-01-25");
    let given = issue(
        &mut ledger,
        &issue_to(&thermometers, Some(&h.family), None, 2, "2020-01-26"),
    )
    .unwrap();

    // Raw SQL inside a write transaction, past the core's checks: the triggers refuse.
    let raw = |ledger: &mut Ledger, sql: String| {
        ledger.write(&Actor::cli(), |tx| {
            tx.execute(&sql, [])?;
            Ok(())
        })
    };
    let insert = format!(
        "INSERT INTO supply_issue (id, item_id, household_id, quantity, issued_on, created_at, \
         updated_at, updated_by) VALUES ('x', '{thermometers}', '{}', 2, '2020-01-27', 'now', 'now', gl_actor())",
        h.alone
    );
    assert!(raw(&mut ledger, insert).is_err());
    assert!(raw(
        &mut ledger,
        format!("UPDATE supply_issue SET quantity = 4 WHERE id = '{given}'")
    )
    .is_err());
    assert!(raw(
        &mut ledger,
        format!("UPDATE supply_receipt SET quantity = 1 WHERE id = '{receipt}'")
    )
    .is_err());
    assert!(raw(
        &mut ledger,
        format!("UPDATE supply_receipt SET deleted_at = 'now' WHERE id = '{receipt}'")
    )
    .is_err());
    // Within the balance the same paths work.
    raw(
        &mut ledger,
        format!("UPDATE supply_issue SET quantity = 3 WHERE id = '{given}'"),
    )
    .unwrap();
    assert_eq!(
        supplies::get_item(ledger.conn(), &thermometers)
            .unwrap()
            .balance,
        0
    );
}

#[test]
fn a_household_history_includes_issues_to_its_members_and_follow_ups() {
    let (_dir, mut ledger) = fresh_ledger();
    let h = homes(&mut ledger);
    let masks = item(&mut ledger, "口罩", "个", None);
    receive(&mut ledger, &masks, 100, "2020-01-25");
    let to_son = issue(
        &mut ledger,
        &issue_to(&masks, None, Some(&h.son), 10, "2020-01-26"),
    )
    .unwrap();
    issue(
        &mut ledger,
        &issue_to(&masks, Some(&h.family), None, 5, "2020-01-28"),
    )
    .unwrap();
    issue(
        &mut ledger,
        &issue_to(&masks, Some(&h.alone), None, 5, "2020-01-28"),
    )
    .unwrap();

    // A person in another household is refused.
    let err = issue(
        &mut ledger,
        &issue_to(&masks, Some(&h.alone), Some(&h.son), 1, "2020-01-28"),
    )
    .unwrap_err();
    assert_eq!(err.detail_zh(), Some("所选人员不属于所选住户"));

    let history = supplies::list_issues(
        ledger.conn(),
        &SupplyIssueFilter {
            household_id: Some(h.family.clone()),
            ..SupplyIssueFilter::default()
        },
    )
    .unwrap();
    assert_eq!(history.total, 2);
    assert_eq!(history.rows[1].person_name.as_deref(), Some("张伟"));
    assert_eq!(history.rows[0].address.as_deref(), Some("幸福家园101"));

    ledger
        .write(&Actor::cli(), |tx| {
            supplies::add_follow_up(
                tx,
                &NewSupplyFollowUp {
                    issue_id: to_son.clone(),
                    visited_on: "2020-01-29".into(),
                    worker_id: None,
                    note: Some("已使用，无不适".into()),
                },
                day(TODAY),
            )
        })
        .unwrap();
    let early = ledger.write(&Actor::cli(), |tx| {
        supplies::add_follow_up(
            tx,
            &NewSupplyFollowUp {
                issue_id: to_son.clone(),
                visited_on: "2020-01-25".into(),
                worker_id: None,
                note: None,
            },
            day(TODAY),
        )
    });
    assert!(early.is_err());
    let follow = supplies::list_follow_ups(ledger.conn(), &to_son).unwrap();
    assert_eq!(follow.len(), 1);
    let history = supplies::list_issues(
        ledger.conn(),
        &SupplyIssueFilter {
            person_id: Some(h.son.clone()),
            ..SupplyIssueFilter::default()
        },
    )
    .unwrap();
    assert_eq!(history.rows[0].follow_ups, 1);
}

#[test]
fn eligibility_names_isolated_households_and_elderly_living_alone_and_who_was_served() {
    let (_dir, mut ledger) = fresh_ledger();
    let h = homes(&mut ledger);
    ledger
        .write(&Actor::cli(), |tx| {
            isolation::start_isolation(
                tx,
                &NewIsolation {
                    person_id: h.son.clone(),
                    kind: IsolationKind::Home,
                    arrival_id: None,
                    contact_id: None,
                    start_date: Some("2020-01-21".into()),
                    days: Some(14),
                    place: None,
                    responsible_worker_id: None,
                    note: None,
                },
                day(TODAY),
            )
        })
        .unwrap();
    let q = |on: &str, unserved_only| EligibleQuery {
        on: Some(on.into()),
        item_id: None,
        unserved_only,
    };
    let list =
        supplies::eligible_households(ledger.conn(), &q("2020-01-25", false), day(TODAY)).unwrap();
    assert_eq!(list.len(), 2);
    let family = list.iter().find(|e| e.household_id == h.family).unwrap();
    assert_eq!(family.reasons, vec![EligibilityReason::Isolation]);
    assert_eq!(family.people, vec!["张伟".to_owned()]);
    let alone = list.iter().find(|e| e.household_id == h.alone).unwrap();
    assert_eq!(alone.reasons, vec![EligibilityReason::ElderlyAlone]);

    // Before the isolation started only the elder is eligible.
    let before =
        supplies::eligible_households(ledger.conn(), &q("2020-01-20", false), day(TODAY)).unwrap();
    assert_eq!(before.len(), 1);

    // Served households drop out of the unserved list; an ineligible one may be served too.
    let masks = item(&mut ledger, "口罩", "个", None);
    receive(&mut ledger, &masks, 50, "2020-01-25");
    issue(
        &mut ledger,
        &issue_to(&masks, Some(&h.alone), None, 5, "2020-01-25"),
    )
    .unwrap();
    let unserved =
        supplies::eligible_households(ledger.conn(), &q("2020-01-25", true), day(TODAY)).unwrap();
    assert_eq!(unserved.len(), 1);
    assert_eq!(unserved[0].household_id, h.family);

    // The settings change the list: age 90 drops the elder (born 1939), isolation off drops the family.
    ledger
        .write(&Actor::cli(), |tx| {
            supplies::set_eligibility(
                tx,
                &SupplyEligibility {
                    households_with_isolation: false,
                    elderly_alone_age: Some(90),
                },
            )
        })
        .unwrap();
    assert!(
        supplies::eligible_households(ledger.conn(), &q("2020-01-25", false), day(TODAY))
            .unwrap()
            .is_empty()
    );
    let bad = ledger.write(&Actor::cli(), |tx| {
        supplies::set_eligibility(
            tx,
            &SupplyEligibility {
                households_with_isolation: true,
                elderly_alone_age: Some(7),
            },
        )
    });
    assert!(bad.is_err());

    // The mother's household is not "alone": two people live there.
    let _ = (&h.mother, &h.elder);
    let counts = supplies::supply_counts(ledger.conn(), day("2020-01-25")).unwrap();
    assert_eq!(counts.items, 1);
    assert_eq!(counts.issues_today, 1);
    assert_eq!(counts.households_served, 1);
    assert_eq!((counts.eligible, counts.eligible_unserved), (0, 0));
}

#[test]
fn items_are_validated_and_named_once() {
    let (_dir, mut ledger) = fresh_ledger();
    item(&mut ledger, "口罩", "个", None);
    let dup = ledger.write(&Actor::cli(), |tx| {
        supplies::add_item(
            tx,
            &NewSupplyItem {
                name: " 口罩 ".into(),
                unit: "只".into(),
                low_stock: None,
                note: None,
            },
        )
    });
    assert!(dup
        .unwrap_err()
        .detail_zh()
        .unwrap()
        .contains("已有名为“口罩”"));
    let no_unit = ledger.write(&Actor::cli(), |tx| {
        supplies::add_item(
            tx,
            &NewSupplyItem {
                name: "手套".into(),
                unit: " ".into(),
                low_stock: None,
                note: None,
            },
        )
    });
    assert!(no_unit.is_err());
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
fn supplies_stock_and_list_are_scriptable() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut ledger = Ledger::open(
            gridledger::store::location::ledger_path(dir.path()),
            &gridledger::OpenOptions::default(),
        )
        .unwrap();
        let h = homes(&mut ledger);
        let masks = item(&mut ledger, "口罩", "个", Some(50));
        receive(&mut ledger, &masks, 100, "2020-01-25");
        issue(
            &mut ledger,
            &issue_to(&masks, None, Some(&h.son), 60, "2020-01-26"),
        )
        .unwrap();
    }
    let (ok, out) = cli(dir.path(), &["supplies", "stock"]);
    assert!(ok, "{out}");
    assert!(out.contains("口罩\t个\t100\t60\t40\tlow"), "{out}");
    let (ok, out) = cli(dir.path(), &["supplies", "list"]);
    assert!(ok, "{out}");
    assert!(
        out.contains("2020-01-26\t口罩\t60个\t幸福家园101\t张伟"),
        "{out}"
    );
    assert!(out.contains("1 of 1"), "{out}");
}
