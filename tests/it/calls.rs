//! Phone verification of people away and abroad (电话核实) on a real ledger: targets from
//! the register and in bulk, state derivation from logged calls, retries and the 失联
//! limit, re-verification dates, a planned return closed by the arrival, the policy, the
//! source scenario's counts after `demo::load`, and the CLI.

use std::process::Command;

use chrono::{NaiveDate, NaiveDateTime};
use gridledger::api::{
    BulkCallTargets, CallDueKind, CallOutcome, CallPolicy, CallReason, CallState, CallTargetFilter,
    NewArrival, NewCall, NewCallTarget, Place, RegisterArrival, ResidenceStatus,
};
use gridledger::register::{self, NewPerson};
use gridledger::store::Actor;
use gridledger::{arrivals, calls, demo, Error, Ledger};

use crate::count;
use crate::fresh_ledger;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(&format!("{s} 20:00:00"), "%Y-%m-%d %H:%M:%S").unwrap()
}

fn person(ledger: &mut Ledger, name: &str, status: ResidenceStatus) -> String {
    ledger
        .write(&Actor::cli(), |tx| {
            register::add_person(
                tx,
                &NewPerson {
                    name,
                    phone: Some("13905541234"),
                    residence_status: Some(status),
                    current_location: Some("韩国首尔"),
                    ..NewPerson::default()
                },
            )
        })
        .unwrap()
}

fn target(ledger: &mut Ledger, person: &str, place: Place) -> String {
    ledger
        .write(&Actor::cli(), |tx| {
            calls::add_call_target(
                tx,
                &NewCallTarget {
                    person_id: person.into(),
                    place: Some(place),
                    city: Some("首尔".into()),
                    reason: Some(CallReason::Study),
                    away_since: Some("2020-01-10".into()),
                    foreign_phone: Some("+82 10-1234-5678".into()),
                    relative_name: Some("王母".into()),
                    relative_phone: Some("13905549999".into()),
                    ..NewCallTarget::default()
                },
                day("2020-01-20"),
            )
        })
        .unwrap()
}

fn call(target: &str, on: &str, outcome: CallOutcome) -> NewCall {
    NewCall {
        target_id: target.into(),
        called_at: Some(on.into()),
        worker_id: None,
        channel: None,
        outcome,
        planned_return_on: None,
        return_route: None,
        return_transport_no: None,
        life_status: None,
        health: None,
        note: None,
    }
}

fn log(ledger: &mut Ledger, c: &NewCall) -> gridledger::Result<String> {
    ledger.write(&Actor::cli(), |tx| calls::add_call(tx, c, at("2020-03-01")))
}

/// The person arrives from Korea on `on`.
fn arrive(ledger: &mut Ledger, person: &str, on: &str) -> String {
    ledger
        .write(&Actor::cli(), |tx| {
            arrivals::add_arrival(
                tx,
                &NewArrival {
                    person_id: person.into(),
                    origin: Some(Place::Country("KR".into())),
                    arrived_on: on.into(),
                    ..NewArrival::default()
                },
                day(on),
            )
        })
        .unwrap()
}

fn residence(ledger: &Ledger, person: &str) -> String {
    ledger
        .conn()
        .query_row(
            "SELECT residence_status FROM person WHERE id = ?1",
            [person],
            |r| r.get(0),
        )
        .unwrap()
}

fn state(ledger: &Ledger, id: &str) -> (CallState, Option<String>, Option<CallDueKind>) {
    let t = calls::get_call_target(ledger.conn(), id).unwrap();
    (t.state, t.due_on, t.due_kind)
}

#[test]
fn state_follows_the_calls_with_retries_up_to_the_lost_limit() {
    let (_dir, mut ledger) = fresh_ledger();
    let p = person(&mut ledger, "王小明", ResidenceStatus::Abroad);
    let t = target(&mut ledger, &p, Place::Country("kr".into()));
    let read = calls::get_call_target(ledger.conn(), &t).unwrap();
    assert_eq!(read.state, CallState::Pending);
    assert_eq!(read.place_name, "韩国 首尔");
    assert!(read.abroad);
    assert_eq!(
        read.foreign_phone_masked
            .as_deref()
            .map(|s| s.contains('*')),
        Some(true)
    );
    // The register's number is the one called when no other is given.
    assert!(read.phone_masked.is_some());

    log(&mut ledger, &call(&t, "2020-01-22", CallOutcome::NoAnswer)).unwrap();
    assert_eq!(
        state(&ledger, &t),
        (
            CallState::Retry,
            Some("2020-01-23".into()),
            Some(CallDueKind::Retry)
        )
    );
    // The retry is on the next day's list, not on the day of the failed call.
    let list = calls::call_list(ledger.conn(), day("2020-01-22")).unwrap();
    assert!(list.due.iter().all(|x| x.id != t));
    let list = calls::call_list(ledger.conn(), day("2020-01-23")).unwrap();
    assert!(list.due.iter().any(|x| x.id == t));

    log(
        &mut ledger,
        &call(&t, "2020-01-23", CallOutcome::PoweredOff),
    )
    .unwrap();
    log(
        &mut ledger,
        &call(&t, "2020-01-24", CallOutcome::VacantNumber),
    )
    .unwrap();
    let read = calls::get_call_target(ledger.conn(), &t).unwrap();
    assert_eq!(
        (read.state, read.failed_tries, read.due_on),
        (CallState::Lost, 3, None)
    );
    let list = calls::call_list(ledger.conn(), day("2020-01-25")).unwrap();
    assert!(list.due.is_empty());
    assert_eq!(list.lost.len(), 1);

    // A higher limit in the settings brings it back to the retry list at once.
    ledger
        .write(&Actor::cli(), |tx| {
            calls::set_call_policy(
                tx,
                &CallPolicy {
                    max_tries: 5,
                    retry_after_days: 2,
                    ..CallPolicy::default()
                },
            )
        })
        .unwrap();
    assert_eq!(
        state(&ledger, &t),
        (
            CallState::Retry,
            Some("2020-01-26".into()),
            Some(CallDueKind::Retry)
        )
    );

    // Reached at last: not coming back, re-verified a week later (abroad).
    log(
        &mut ledger,
        &call(&t, "2020-01-26", CallOutcome::NotReturning),
    )
    .unwrap();
    assert_eq!(
        state(&ledger, &t),
        (
            CallState::NotReturning,
            Some("2020-02-02".into()),
            Some(CallDueKind::Reverify)
        )
    );
    // A call logged by mistake is removed and the state derived again.
    let wrong = log(&mut ledger, &call(&t, "2020-01-27", CallOutcome::Rejected)).unwrap();
    assert_eq!(state(&ledger, &t).0, CallState::Retry);
    ledger
        .write(&Actor::cli(), |tx| calls::delete_call(tx, &wrong))
        .unwrap();
    assert_eq!(state(&ledger, &t).0, CallState::NotReturning);
}

#[test]
fn reverification_is_due_every_m_days_by_where_they_are() {
    let (_dir, mut ledger) = fresh_ledger();
    let abroad = person(&mut ledger, "韩梅", ResidenceStatus::Abroad);
    let away = person(&mut ledger, "李雷", ResidenceStatus::Away);
    let ta = target(&mut ledger, &abroad, Place::Country("KR".into()));
    let tw = target(&mut ledger, &away, Place::Region("420100".into()));
    for t in [&ta, &tw] {
        log(
            &mut ledger,
            &call(t, "2020-01-27", CallOutcome::NotReturning),
        )
        .unwrap();
    }
    assert_eq!(state(&ledger, &ta).1.as_deref(), Some("2020-02-03"));
    assert_eq!(state(&ledger, &tw).1.as_deref(), Some("2020-02-10"));
    let due = |ledger: &Ledger, on: &str| {
        calls::list_call_targets(
            ledger.conn(),
            &CallTargetFilter {
                due: Some(on.into()),
                ..CallTargetFilter::default()
            },
        )
        .unwrap()
        .len()
    };
    assert_eq!(due(&ledger, "2020-02-02"), 0);
    assert_eq!(due(&ledger, "2020-02-03"), 1);
    assert_eq!(due(&ledger, "2020-02-10"), 2);
    // Away in another city: never re-verified when the setting says 0.
    ledger
        .write(&Actor::cli(), |tx| {
            calls::set_call_policy(
                tx,
                &CallPolicy {
                    reverify_away_days: 0,
                    ..CallPolicy::default()
                },
            )
        })
        .unwrap();
    assert_eq!(state(&ledger, &tw).1, None);
    assert_eq!(due(&ledger, "2020-03-01"), 1);
    // A bad policy is refused with the field.
    let err = ledger
        .write(&Actor::cli(), |tx| {
            calls::set_call_policy(
                tx,
                &CallPolicy {
                    max_tries: 0,
                    ..CallPolicy::default()
                },
            )
        })
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Invalid {
                field: "policy.max_tries",
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn a_planned_return_is_expected_around_its_date_and_the_arrival_closes_it() {
    let (_dir, mut ledger) = fresh_ledger();
    let p = person(&mut ledger, "赵留学", ResidenceStatus::Abroad);
    let t = target(&mut ledger, &p, Place::Country("KR".into()));
    // A planned date goes only with 计划返回.
    let mut c = call(&t, "2020-01-27", CallOutcome::NotReturning);
    c.planned_return_on = Some("2020-02-10".into());
    let err = log(&mut ledger, &c).unwrap_err();
    assert!(matches!(
        err,
        Error::Invalid {
            field: "call.planned_return_on",
            ..
        }
    ));
    c.outcome = CallOutcome::PlansReturn;
    c.return_route = Some("首尔—上海—合肥".into());
    c.return_transport_no = Some("mu5042".into());
    log(&mut ledger, &c).unwrap();
    let read = calls::get_call_target(ledger.conn(), &t).unwrap();
    assert_eq!(read.state, CallState::PlansReturn);
    assert_eq!(read.planned_return_on.as_deref(), Some("2020-02-10"));
    assert_eq!(read.due_on.as_deref(), Some("2020-02-08"));
    assert_eq!(read.due_kind, Some(CallDueKind::ExpectedReturn));
    let list = calls::call_list(ledger.conn(), day("2020-02-07")).unwrap();
    assert!(list.due.is_empty());
    let list = calls::call_list(ledger.conn(), day("2020-02-09")).unwrap();
    assert_eq!(list.due.len(), 1);

    // A second target for the same person is refused while this one is open.
    let err = ledger
        .write(&Actor::cli(), |tx| {
            calls::add_call_target(
                tx,
                &NewCallTarget {
                    person_id: p.clone(),
                    ..NewCallTarget::default()
                },
                day("2020-02-01"),
            )
        })
        .unwrap_err();
    assert!(matches!(
        err,
        Error::Invalid {
            field: "target.person_id",
            ..
        }
    ));

    // They arrive: registering the arrival links it and closes the loop.
    let arrival = arrive(&mut ledger, &p, "2020-02-10");
    let read = calls::get_call_target(ledger.conn(), &t).unwrap();
    assert_eq!(read.state, CallState::Returned);
    assert_eq!(read.arrival_id.as_deref(), Some(arrival.as_str()));
    // Home again: registered as 境外, so 户籍 (no earlier status in the audit log).
    assert_eq!(residence(&ledger, &p), "hukou");
    assert_eq!(read.arrived_on.as_deref(), Some("2020-02-10"));
    assert_eq!(read.due_on, None);
    assert_eq!(
        count(
            &ledger,
            "SELECT count(*) FROM audit_log WHERE entity = 'arrival' AND action = 'update' AND changes LIKE '%call_target_id%'"
        ),
        1
    );
    // Corrected to someone else (typed against the wrong person), the target opens again;
    // corrected back, it closes again. Only changes are written.
    let edit = |ledger: &mut Ledger, person: &str| {
        ledger
            .write(&Actor::cli(), |tx| {
                arrivals::update_arrival(
                    tx,
                    &arrival,
                    &NewArrival {
                        person_id: person.into(),
                        origin: Some(Place::Country("KR".into())),
                        arrived_on: "2020-02-10".into(),
                        ..NewArrival::default()
                    },
                    day("2020-02-10"),
                )
            })
            .unwrap()
    };
    let neighbour = person(&mut ledger, "邻居", ResidenceStatus::Resident);
    edit(&mut ledger, &neighbour);
    assert_eq!(state(&ledger, &t).0, CallState::PlansReturn);
    assert_eq!(residence(&ledger, &p), "abroad", "the target is in 韩国");
    assert_eq!(residence(&ledger, &neighbour), "resident", "not theirs");
    edit(&mut ledger, &p);
    assert_eq!(state(&ledger, &t).0, CallState::Returned);
    assert_eq!(residence(&ledger, &p), "hukou");
    edit(&mut ledger, &p);
    assert_eq!(
        count(
            &ledger,
            "SELECT count(*) FROM audit_log WHERE entity = 'arrival' AND action = 'update' AND changes LIKE '%call_target_id%'"
        ),
        3
    );
    // Deleting the arrival reopens the target: the link is derived from live rows.
    ledger
        .write(&Actor::cli(), |tx| arrivals::delete_arrival(tx, &arrival))
        .unwrap();
    assert_eq!(state(&ledger, &t).0, CallState::PlansReturn);
    assert_eq!(residence(&ledger, &p), "abroad");
    // Someone met at the door is a new person: nothing to link.
    let other = ledger
        .write(&Actor::cli(), |tx| {
            arrivals::register_arrival(
                tx,
                &RegisterArrival {
                    person: gridledger::api::PersonInput {
                        name: "路人".into(),
                        ..Default::default()
                    },
                    arrival: NewArrival {
                        origin: Some(Place::Country("KR".into())),
                        arrived_on: "2020-02-11".into(),
                        ..NewArrival::default()
                    },
                },
                day("2020-02-11"),
            )
        })
        .unwrap();
    assert_eq!(
        count(
            &ledger,
            &format!(
                "SELECT count(*) FROM arrival WHERE id = '{other}' AND call_target_id IS NULL"
            )
        ),
        1
    );
}

#[test]
fn targets_come_from_the_register_one_by_one_or_in_bulk() {
    let (_dir, mut ledger) = fresh_ledger();
    let a = person(&mut ledger, "甲", ResidenceStatus::Abroad);
    let b = person(&mut ledger, "乙", ResidenceStatus::Away);
    let _home = person(&mut ledger, "丙", ResidenceStatus::Hukou);
    let candidates = calls::call_candidates(ledger.conn()).unwrap();
    assert_eq!(
        candidates
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>(),
        ["乙", "甲"]
    );
    target(&mut ledger, &a, Place::Country("KR".into()));
    let out = ledger
        .write(&Actor::cli(), |tx| {
            calls::add_call_targets(
                tx,
                &BulkCallTargets {
                    person_ids: vec![a.clone(), b.clone()],
                    reason: Some(CallReason::Work),
                    ..BulkCallTargets::default()
                },
                day("2020-01-20"),
            )
        })
        .unwrap();
    assert_eq!(out.added.len(), 1);
    assert_eq!(out.skipped, vec![a.clone()]);
    assert!(calls::call_candidates(ledger.conn()).unwrap().is_empty());
    // Without a place, where they are is what the register says.
    let added = calls::get_call_target(ledger.conn(), &out.added[0]).unwrap();
    assert_eq!(added.city.as_deref(), Some("韩国首尔"));
    assert_eq!(added.reason, CallReason::Work);
    // Bad numbers are refused at the boundary.
    let err = ledger
        .write(&Actor::cli(), |tx| {
            calls::add_call_target(
                tx,
                &NewCallTarget {
                    person_id: _home.clone(),
                    foreign_phone: Some("010-1234-5678".into()),
                    ..NewCallTarget::default()
                },
                day("2020-01-20"),
            )
        })
        .unwrap_err();
    assert!(matches!(
        err,
        Error::Invalid {
            field: "target.foreign_phone",
            ..
        }
    ));
}

#[test]
fn the_source_scenario_counts_come_out_of_the_records() {
    let (_dir, mut ledger) = fresh_ledger();
    demo::load(&mut ledger, &Actor::cli()).unwrap();
    let counts = calls::call_counts(ledger.conn(), day("2020-03-01")).unwrap();
    assert_eq!(counts.targets, 10);
    assert_eq!(counts.called, 10);
    assert_eq!(counts.abroad, 4);
    let by = |o: CallOutcome| {
        counts
            .by_outcome
            .iter()
            .find(|c| c.outcome == o)
            .unwrap()
            .count
    };
    assert_eq!(by(CallOutcome::NotReturning), 9);
    assert_eq!(by(CallOutcome::VacantNumber), 1);
    let targets = calls::list_call_targets(ledger.conn(), &CallTargetFilter::default()).unwrap();
    let wuhan = targets
        .iter()
        .filter(|t| t.place == Some(Place::Region("420100".into())))
        .count();
    assert_eq!(wuhan, 6);
    assert!(targets.iter().all(|t| matches!(
        t.residence_status,
        ResidenceStatus::Away | ResidenceStatus::Abroad
    )));
    assert_eq!(
        count(
            &ledger,
            "SELECT count(*) FROM call WHERE called_at LIKE '2020-01-%' AND deleted_at IS NULL"
        ),
        10
    );
}

fn gridledger(data_dir: &std::path::Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gridledger"))
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
fn calls_are_scriptable() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, text) = gridledger(dir.path(), &["demo"]);
    assert!(ok, "{text}");
    let (ok, text) = gridledger(dir.path(), &["calls", "counts"]);
    assert!(ok, "{text}");
    assert!(text.contains("已接通-暂不返回\t9"), "{text}");
    assert!(text.contains("空号\t1"), "{text}");
    // The dead number is due again the next day.
    let (ok, text) = gridledger(dir.path(), &["calls", "list", "--due", "2020-01-28"]);
    assert!(ok, "{text}");
    assert!(text.contains("1 due, 0 lost"), "{text}");
    assert!(text.contains("待重拨"), "{text}");
    let (ok, text) = gridledger(dir.path(), &["calls", "list", "--due", "2020-01-27"]);
    assert!(text.contains("0 due"), "{ok} {text}");

    // Add a target for someone else and log a call.
    let (ok, people) = gridledger(
        dir.path(),
        &["persons", "list", "--status", "hukou", "--limit", "1"],
    );
    assert!(ok, "{people}");
    let person = people.lines().next().unwrap().split('\t').next().unwrap();
    let (ok, text) = gridledger(
        dir.path(),
        &[
            "calls",
            "add",
            "--person",
            person,
            "--place",
            "KR",
            "--city",
            "首尔",
            "--reason",
            "study",
            "--foreign-phone",
            "+82 10 1234 5678",
        ],
    );
    assert!(ok, "{text}");
    assert!(text.contains("待核实"), "{text}");
    let id = text.split('\t').next().unwrap().trim().to_owned();
    let (ok, text) = gridledger(
        dir.path(),
        &[
            "calls",
            "log",
            "--target",
            &id,
            "--outcome",
            "plans_return",
            "--at",
            "2020-02-01",
            "--planned-return",
            "2020-02-20",
        ],
    );
    assert!(ok, "{text}");
    assert!(
        text.contains("计划返回") && text.contains("2020-02-18"),
        "{text}"
    );
    let (ok, text) = gridledger(
        dir.path(),
        &["calls", "log", "--target", &id, "--outcome", "maybe"],
    );
    assert!(!ok && text.contains("outcome"), "{text}");
}

#[test]
fn a_returned_person_gets_back_the_residence_status_they_had_before_leaving() {
    let (_dir, mut ledger) = fresh_ledger();
    let p = person(&mut ledger, "钱常住", ResidenceStatus::Resident);
    // Marked away when they left for 武汉: the audit log keeps 常住 → 外出.
    ledger
        .write(&Actor::cli(), |tx| {
            register::update_person(
                tx,
                &p,
                &gridledger::api::PersonPatch {
                    residence_status: Some(ResidenceStatus::Away),
                    ..Default::default()
                },
            )
        })
        .unwrap();
    let t = target(&mut ledger, &p, Place::Region("420100".into()));
    let arrive = |ledger: &mut Ledger| {
        ledger
            .write(&Actor::cli(), |tx| {
                arrivals::add_arrival(
                    tx,
                    &NewArrival {
                        person_id: p.clone(),
                        origin: Some(Place::Region("420100".into())),
                        arrived_on: "2020-02-12".into(),
                        ..NewArrival::default()
                    },
                    day("2020-02-12"),
                )
            })
            .unwrap()
    };
    let arrival = arrive(&mut ledger);
    assert_eq!(state(&ledger, &t).0, CallState::Returned);
    assert_eq!(residence(&ledger, &p), "resident");
    ledger
        .write(&Actor::cli(), |tx| arrivals::delete_arrival(tx, &arrival))
        .unwrap();
    assert_eq!(
        residence(&ledger, &p),
        "away",
        "the target is in 武汉, not abroad"
    );
    arrive(&mut ledger);
    assert_eq!(
        residence(&ledger, &p),
        "resident",
        "the latest change to 外出 decides"
    );
}

#[test]
fn a_target_is_listed_as_it_stood_at_the_end_of_a_past_day() {
    let (_dir, mut ledger) = fresh_ledger();
    let p = person(&mut ledger, "钱旅游", ResidenceStatus::Abroad);
    let t = target(&mut ledger, &p, Place::Country("KR".into()));
    log(
        &mut ledger,
        &call(&t, "2020-01-21 09:00", CallOutcome::NoAnswer),
    )
    .unwrap();
    let mut plans = call(&t, "2020-01-22 10:30", CallOutcome::PlansReturn);
    plans.planned_return_on = Some("2020-02-10".into());
    log(&mut ledger, &plans).unwrap();
    arrive(&mut ledger, &p, "2020-02-10");
    let on = |d: Option<&str>| {
        calls::list_call_targets(
            ledger.conn(),
            &CallTargetFilter {
                on: d.map(Into::into),
                ..CallTargetFilter::default()
            },
        )
        .unwrap()
    };
    // Registered today with no call yet on 2020-01-20: nobody knew of the target then.
    assert!(on(Some("2020-01-20")).is_empty());
    let first = &on(Some("2020-01-21"))[0];
    assert_eq!(first.state, CallState::Retry);
    assert_eq!(first.calls, 1);
    assert_eq!(first.last_outcome, Some(CallOutcome::NoAnswer));
    assert_eq!(first.last_called_on.as_deref(), Some("2020-01-21"));
    assert_eq!(first.due_on.as_deref(), Some("2020-01-22"));
    let before = &on(Some("2020-02-09"))[0];
    assert_eq!(before.state, CallState::PlansReturn);
    assert_eq!(before.calls, 2);
    assert_eq!(before.arrived_on, None, "the arrival is the next day");
    assert_eq!(before.planned_return_on.as_deref(), Some("2020-02-10"));
    let back = &on(Some("2020-02-10"))[0];
    assert_eq!(back.state, CallState::Returned);
    assert_eq!(back.arrived_on.as_deref(), Some("2020-02-10"));
    assert_eq!(
        on(None)[0],
        *back,
        "now is as it stood on the day of the return"
    );
    let err = calls::list_call_targets(
        ledger.conn(),
        &CallTargetFilter {
            on: Some("2020-02-30".into()),
            ..CallTargetFilter::default()
        },
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Invalid {
                field: "filter.on",
                ..
            }
        ),
        "{err:?}"
    );
}
