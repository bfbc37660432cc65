//! Isolation and health monitoring on a real ledger: the start rules, the period's last
//! day across a month boundary, re-planning with a reason, overlap refusal, the fever
//! event lifecycle, missing checks, bulk release, the policy applying to new isolations
//! only, follow-ups, and the worklist.

use chrono::NaiveDate;
use gridledger::api::{
    BulkRelease, CheckMethod, CheckRound, EndIsolation, EndReason, Exposure, FeverResult,
    HandleFever, IsolationFilter, IsolationKind, IsolationPolicy, IsolationSource, IsolationStatus,
    KindPolicy, NewArrival, NewCheck, NewContact, NewFollowUp, NewIsolation, Place, Replan,
    StartRule,
};
use gridledger::register::{self, NewPerson};
use gridledger::store::Actor;
use gridledger::{arrivals, contacts, isolation, Error, Ledger};

use crate::count;
use crate::fresh_ledger;
use crate::register::fixture;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn person(ledger: &mut Ledger, name: &str) -> String {
    ledger
        .write(&Actor::cli(), |tx| {
            register::add_person(
                tx,
                &NewPerson {
                    name,
                    ..NewPerson::default()
                },
            )
        })
        .unwrap()
}

fn new(person: &str) -> NewIsolation {
    NewIsolation {
        person_id: person.into(),
        kind: IsolationKind::Home,
        arrival_id: None,
        contact_id: None,
        start_date: None,
        days: None,
        place: None,
        responsible_worker_id: None,
        note: None,
    }
}

fn start(ledger: &mut Ledger, n: &NewIsolation, today: &str) -> String {
    ledger
        .write(&Actor::cli(), |tx| {
            isolation::start_isolation(tx, n, day(today))
        })
        .unwrap()
}

fn check(iso: &str, date: &str, slot: u32, t: &str) -> NewCheck {
    NewCheck {
        isolation_id: iso.into(),
        date: date.into(),
        slot,
        temperature: Some(t.into()),
        symptoms: vec![],
        method: CheckMethod::Visit,
        checked_by: None,
        note: None,
    }
}

fn record(
    ledger: &mut Ledger,
    checks: Vec<NewCheck>,
    today: &str,
) -> gridledger::Result<gridledger::api::CheckRoundOutcome> {
    ledger.write(&Actor::cli(), |tx| {
        isolation::add_checks(tx, &CheckRound { checks }, day(today))
    })
}

fn zh(e: Error) -> String {
    match e {
        Error::Invalid { message_zh, .. } => message_zh,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn each_start_rule_gives_its_day_one_and_fourteen_days_end_on_the_right_calendar_day() {
    let (_dir, mut ledger) = fresh_ledger();
    fixture(&mut ledger);
    let a = person(&mut ledger, "返乡甲");
    let b = person(&mut ledger, "密接乙");
    let arrival = ledger
        .write(&Actor::cli(), |tx| {
            arrivals::add_arrival(
                tx,
                &NewArrival {
                    person_id: a.clone(),
                    origin: Some(Place::Region("420102".into())),
                    departed_on: Some("2020-01-19".into()),
                    arrived_on: "2020-01-21".into(),
                    ..NewArrival::default()
                },
                day("2020-03-10"),
            )
        })
        .unwrap();
    let contact = ledger
        .write(&Actor::cli(), |tx| {
            contacts::add_contact(
                tx,
                &NewContact {
                    person_id: b.clone(),
                    index_person_id: a.clone(),
                    exposure: Exposure::Household,
                    last_contact_on: "2020-01-25".into(),
                    note: None,
                },
            )
        })
        .unwrap();
    let propose = |ledger: &Ledger, s: IsolationSource| {
        isolation::propose_isolation(ledger.conn(), &s, day("2020-03-10")).unwrap()
    };
    let by_arrival = propose(
        &ledger,
        IsolationSource {
            person_id: a.clone(),
            kind: IsolationKind::Home,
            arrival_id: Some(arrival.clone()),
            contact_id: None,
        },
    );
    assert_eq!(
        (
            by_arrival.start_rule,
            by_arrival.start_date.as_str(),
            by_arrival.planned_end.as_str()
        ),
        (StartRule::Arrival, "2020-01-21", "2020-02-03"),
        "day 1 on 01-21, day 14 on 02-03 across the month boundary"
    );
    let by_contact = propose(
        &ledger,
        IsolationSource {
            person_id: b.clone(),
            kind: IsolationKind::Home,
            arrival_id: None,
            contact_id: Some(contact.clone()),
        },
    );
    assert_eq!(
        (
            by_contact.start_rule,
            by_contact.start_date.as_str(),
            by_contact.planned_end.as_str()
        ),
        (StartRule::LastContact, "2020-01-25", "2020-02-07")
    );
    let by_hand = propose(
        &ledger,
        IsolationSource {
            person_id: b.clone(),
            kind: IsolationKind::Monitoring,
            arrival_id: None,
            contact_id: None,
        },
    );
    assert_eq!(
        (by_hand.start_rule, by_hand.start_date.as_str()),
        (StartRule::Manual, "2020-03-10")
    );
    // A policy counting from the departure from the risk area.
    ledger
        .write(&Actor::cli(), |tx| {
            isolation::set_isolation_policy(
                tx,
                &IsolationPolicy {
                    kinds: vec![KindPolicy {
                        kind: IsolationKind::Central,
                        days: 14,
                        start_rule: StartRule::Departure,
                        checks_per_day: 2,
                        follow_up_days: vec![],
                    }],
                },
            )
        })
        .unwrap();
    let by_departure = propose(
        &ledger,
        IsolationSource {
            person_id: a.clone(),
            kind: IsolationKind::Central,
            arrival_id: Some(arrival.clone()),
            contact_id: None,
        },
    );
    assert_eq!(
        (
            by_departure.start_rule,
            by_departure.start_date.as_str(),
            by_departure.planned_end.as_str()
        ),
        (StartRule::Departure, "2020-01-19", "2020-02-01")
    );
    // Another person's arrival is refused.
    let wrong = ledger.write(&Actor::cli(), |tx| {
        isolation::start_isolation(
            tx,
            &NewIsolation {
                arrival_id: Some(arrival.clone()),
                ..new(&b)
            },
            day("2020-03-10"),
        )
    });
    assert!(zh(wrong.unwrap_err()).contains("不属于该人员"));
    // Started: the stored plan is the proposal; day N and status follow the date read.
    let id = start(
        &mut ledger,
        &NewIsolation {
            arrival_id: Some(arrival),
            ..new(&a)
        },
        "2020-01-22",
    );
    let i = isolation::get_isolation(ledger.conn(), &id, day("2020-01-30")).unwrap();
    assert_eq!((i.day, i.days, i.status), (10, 14, IsolationStatus::Active));
    let before = isolation::get_isolation(ledger.conn(), &id, day("2020-01-20")).unwrap();
    assert_eq!(
        (before.day, before.status),
        (0, IsolationStatus::NotStarted)
    );
}

#[test]
fn replanning_needs_a_reason_and_overlaps_are_refused() {
    let (_dir, mut ledger) = fresh_ledger();
    fixture(&mut ledger);
    let p = person(&mut ledger, "孙建国");
    let id = start(
        &mut ledger,
        &NewIsolation {
            start_date: Some("2020-01-21".into()),
            ..new(&p)
        },
        "2020-01-21",
    );
    let no_reason = ledger.write(&Actor::cli(), |tx| {
        isolation::replan_isolation(
            tx,
            &Replan {
                id: id.clone(),
                days: 21,
                reason: "  ".into(),
            },
        )
    });
    assert!(zh(no_reason.unwrap_err()).contains("必须填写原因"));
    ledger
        .write(&Actor::cli(), |tx| {
            isolation::replan_isolation(
                tx,
                &Replan {
                    id: id.clone(),
                    days: 21,
                    reason: "同住人员发热，延长观察".into(),
                },
            )
        })
        .unwrap();
    let i = isolation::get_isolation(ledger.conn(), &id, day("2020-01-22")).unwrap();
    assert_eq!((i.days, i.planned_end.as_str()), (21, "2020-02-10"));
    assert_eq!(i.plan_reason.as_deref(), Some("同住人员发热，延长观察"));
    // The audit log has the old plan and the new one.
    assert_eq!(
        count(
            &ledger,
            &format!(
                "SELECT count(*) FROM audit_log WHERE entity = 'isolation' AND entity_id = '{id}'"
            )
        ),
        2
    );
    // A second home isolation overlapping the first is refused; another kind is not.
    let clash = ledger.write(&Actor::cli(), |tx| {
        isolation::start_isolation(
            tx,
            &NewIsolation {
                start_date: Some("2020-02-05".into()),
                ..new(&p)
            },
            day("2020-02-05"),
        )
    });
    assert!(zh(clash.unwrap_err()).contains("时间重叠"));
    start(
        &mut ledger,
        &NewIsolation {
            kind: IsolationKind::Monitoring,
            start_date: Some("2020-02-05".into()),
            ..new(&p)
        },
        "2020-02-05",
    );
    // After the first, a new one may start.
    start(
        &mut ledger,
        &NewIsolation {
            start_date: Some("2020-02-11".into()),
            ..new(&p)
        },
        "2020-02-11",
    );
}

#[test]
fn a_fever_raises_an_event_that_stays_on_the_worklist_until_handled() {
    let (_dir, mut ledger) = fresh_ledger();
    fixture(&mut ledger);
    let p = person(&mut ledger, "周丽");
    let id = start(
        &mut ledger,
        &NewIsolation {
            start_date: Some("2020-01-25".into()),
            ..new(&p)
        },
        "2020-01-25",
    );
    let out = record(
        &mut ledger,
        vec![
            check(&id, "2020-01-25", 1, "36.6"),
            check(&id, "2020-01-25", 2, "37.5"),
        ],
        "2020-01-25",
    )
    .unwrap();
    assert_eq!((out.checks.len(), out.fevers.len()), (2, 1));
    // Re-recording the same slot corrects it and raises nothing twice.
    let again = record(
        &mut ledger,
        vec![check(&id, "2020-01-25", 2, "37.6")],
        "2020-01-25",
    )
    .unwrap();
    assert!(again.fevers.is_empty());
    assert_eq!(count(&ledger, "SELECT count(*) FROM health_check"), 2);
    let list = isolation::worklist(ledger.conn(), day("2020-01-26")).unwrap();
    assert_eq!(list.fevers.len(), 1);
    assert_eq!(list.fevers[0].temperature, "37.5");
    // Not releasable while the fever is open (even once the period is complete).
    let release = ledger.write(&Actor::cli(), |tx| {
        isolation::end_isolation(
            tx,
            &EndIsolation {
                id: id.clone(),
                on: "2020-02-08".into(),
                reason: EndReason::Released,
                by: None,
                note: None,
            },
        )
    });
    assert!(zh(release.unwrap_err()).contains("未处理的发热"));
    let fever = list.fevers[0].id.clone();
    ledger
        .write(&Actor::cli(), |tx| {
            isolation::handle_fever(
                tx,
                &HandleFever {
                    id: fever.clone(),
                    on: "2020-01-26".into(),
                    referral: "社区卫生服务中心发热门诊".into(),
                    result: FeverResult::Normal,
                    by: None,
                    note: Some("血常规正常，继续居家观察".into()),
                },
            )
        })
        .unwrap();
    assert!(isolation::worklist(ledger.conn(), day("2020-01-26"))
        .unwrap()
        .fevers
        .is_empty());
    let twice = ledger.write(&Actor::cli(), |tx| {
        isolation::handle_fever(
            tx,
            &HandleFever {
                id: fever.clone(),
                on: "2020-01-26".into(),
                referral: "x".into(),
                result: FeverResult::Normal,
                by: None,
                note: None,
            },
        )
    });
    assert!(zh(twice.unwrap_err()).contains("已处理"));
    // Bad checks: out of the period, a future day, a third slot, an implausible reading.
    for (c, today, want) in [
        (
            check(&id, "2020-01-24", 1, "36.5"),
            "2020-01-26",
            "不在其内",
        ),
        (
            check(&id, "2020-01-27", 1, "36.5"),
            "2020-01-26",
            "今天以后",
        ),
        (check(&id, "2020-01-26", 3, "36.5"), "2020-01-26", "第 3 次"),
        (check(&id, "2020-01-26", 1, "98.6"), "2020-01-26", "周丽"),
    ] {
        let err = record(&mut ledger, vec![c], today).unwrap_err();
        assert!(zh(err).contains(want), "{want}");
    }
}

#[test]
fn missing_checks_are_gaps_and_bulk_release_refuses_gaps_and_open_fevers() {
    let (_dir, mut ledger) = fresh_ledger();
    fixture(&mut ledger);
    let clean = person(&mut ledger, "全勤");
    let gappy = person(&mut ledger, "缺报");
    let feverish = person(&mut ledger, "发热");
    let early = person(&mut ledger, "未满");
    let three_days = |p: &str| NewIsolation {
        start_date: Some("2020-01-30".into()),
        days: Some(3),
        ..new(p)
    };
    let a = start(&mut ledger, &three_days(&clean), "2020-01-30");
    let b = start(&mut ledger, &three_days(&gappy), "2020-01-30");
    let c = start(&mut ledger, &three_days(&feverish), "2020-01-30");
    let d = start(
        &mut ledger,
        &NewIsolation {
            days: Some(14),
            ..three_days(&early)
        },
        "2020-01-30",
    );
    let mut round = Vec::new();
    for date in ["2020-01-30", "2020-01-31", "2020-02-01"] {
        for slot in [1, 2] {
            round.push(check(&a, date, slot, "36.5"));
            round.push(check(&d, date, slot, "36.7"));
            round.push(check(
                &c,
                date,
                slot,
                if date == "2020-02-01" && slot == 2 {
                    "38.1"
                } else {
                    "36.5"
                },
            ));
            if !(date == "2020-01-31" && slot == 2) {
                round.push(check(&b, date, slot, "36.4"));
            }
        }
    }
    record(&mut ledger, round, "2020-02-01").unwrap();
    let gaps = |on: &str| {
        isolation::get_isolation(ledger.conn(), &b, day(on))
            .unwrap()
            .checks_missing
    };
    assert_eq!(gaps("2020-01-31"), 0, "today's slots are not gaps yet");
    assert_eq!(gaps("2020-02-01"), 1);
    assert_eq!(gaps("2020-02-10"), 1, "only within the period");
    let list = isolation::worklist(ledger.conn(), day("2020-02-01")).unwrap();
    assert_eq!(
        list.overdue
            .iter()
            .map(|i| i.person_name.as_str())
            .collect::<Vec<_>>(),
        ["缺报"]
    );
    assert_eq!(list.ending_today.len(), 3);
    assert_eq!(list.ending_tomorrow.len(), 0);
    let after = isolation::worklist(ledger.conn(), day("2020-02-02")).unwrap();
    assert_eq!(after.release_due.len(), 3);

    let outcome = ledger
        .write(&Actor::cli(), |tx| {
            isolation::release_isolations(
                tx,
                &BulkRelease {
                    ids: vec![a.clone(), b.clone(), c.clone(), d.clone()],
                    on: "2020-02-02".into(),
                    by: None,
                },
            )
        })
        .unwrap();
    assert_eq!(outcome.released, std::slice::from_ref(&a));
    let refused: Vec<(&str, &str)> = outcome
        .refused
        .iter()
        .map(|r| (r.person_name.as_str(), r.reason_zh.as_str()))
        .collect();
    assert_eq!(refused.len(), 3);
    assert!(
        refused[0].0 == "缺报" && refused[0].1.contains("缺 1 次"),
        "{refused:?}"
    );
    assert!(
        refused[1].0 == "发热" && refused[1].1.contains("发热"),
        "{refused:?}"
    );
    assert!(
        refused[2].0 == "未满" && refused[2].1.contains("才满"),
        "{refused:?}"
    );
    let released = isolation::list_isolations(
        ledger.conn(),
        &IsolationFilter {
            status: Some(IsolationStatus::Released),
            ..IsolationFilter::default()
        },
        day("2020-02-02"),
    )
    .unwrap();
    assert_eq!(released.total, 1);
    // One by one, the worker may release someone with a gap (a deliberate decision).
    ledger
        .write(&Actor::cli(), |tx| {
            isolation::end_isolation(
                tx,
                &EndIsolation {
                    id: b.clone(),
                    on: "2020-02-02".into(),
                    reason: EndReason::Released,
                    by: None,
                    note: Some("缺报一次已电话补问".into()),
                },
            )
        })
        .unwrap();
    // Transfer ends early on any day.
    ledger
        .write(&Actor::cli(), |tx| {
            isolation::end_isolation(
                tx,
                &EndIsolation {
                    id: d.clone(),
                    on: "2020-02-03".into(),
                    reason: EndReason::Hospital,
                    by: None,
                    note: None,
                },
            )
        })
        .unwrap();
    let d_now = isolation::get_isolation(ledger.conn(), &d, day("2020-02-05")).unwrap();
    assert_eq!(d_now.status, IsolationStatus::Transferred);
}

#[test]
fn a_policy_change_applies_to_new_isolations_and_follow_ups_fall_due_after_release() {
    let (_dir, mut ledger) = fresh_ledger();
    fixture(&mut ledger);
    let first = person(&mut ledger, "旧规");
    let second = person(&mut ledger, "新规");
    let old = start(
        &mut ledger,
        &NewIsolation {
            start_date: Some("2020-02-01".into()),
            ..new(&first)
        },
        "2020-02-01",
    );
    ledger
        .write(&Actor::cli(), |tx| {
            isolation::set_isolation_policy(
                tx,
                &IsolationPolicy {
                    kinds: vec![KindPolicy {
                        kind: IsolationKind::Home,
                        days: 7,
                        start_rule: StartRule::Arrival,
                        checks_per_day: 1,
                        follow_up_days: vec![7, 1, 3],
                    }],
                },
            )
        })
        .unwrap();
    let bad = ledger.write(&Actor::cli(), |tx| {
        isolation::set_isolation_policy(
            tx,
            &IsolationPolicy {
                kinds: vec![KindPolicy {
                    kind: IsolationKind::Home,
                    days: 0,
                    start_rule: StartRule::Arrival,
                    checks_per_day: 2,
                    follow_up_days: vec![],
                }],
            },
        )
    });
    assert!(zh(bad.unwrap_err()).contains("天数"));
    let newer = start(
        &mut ledger,
        &NewIsolation {
            start_date: Some("2020-02-01".into()),
            ..new(&second)
        },
        "2020-02-01",
    );
    let o = isolation::get_isolation(ledger.conn(), &old, day("2020-02-01")).unwrap();
    let n = isolation::get_isolation(ledger.conn(), &newer, day("2020-02-01")).unwrap();
    assert_eq!((o.days, o.checks_per_day), (14, 2));
    assert_eq!(
        (n.days, n.checks_per_day, n.follow_up_days.clone()),
        (7, 1, vec![1, 3, 7])
    );
    let round: Vec<NewCheck> = (1..=7)
        .map(|d| check(&newer, &format!("2020-02-{d:02}"), 1, "36.5"))
        .collect();
    record(&mut ledger, round, "2020-02-07").unwrap();
    let outcome = ledger
        .write(&Actor::cli(), |tx| {
            isolation::release_isolations(
                tx,
                &BulkRelease {
                    ids: vec![newer.clone()],
                    on: "2020-02-08".into(),
                    by: None,
                },
            )
        })
        .unwrap();
    assert_eq!(outcome.released.len(), 1);
    let due = |ledger: &Ledger, on: &str| {
        isolation::worklist(ledger.conn(), day(on))
            .unwrap()
            .follow_ups
            .iter()
            .map(|f| (f.day, f.due_on.clone()))
            .collect::<Vec<_>>()
    };
    assert!(due(&ledger, "2020-02-08").is_empty());
    assert_eq!(
        due(&ledger, "2020-02-11"),
        [(1, "2020-02-09".to_owned()), (3, "2020-02-11".to_owned())]
    );
    ledger
        .write(&Actor::cli(), |tx| {
            isolation::record_follow_up(
                tx,
                &NewFollowUp {
                    isolation_id: newer.clone(),
                    day: 1,
                    done_on: "2020-02-09".into(),
                    well: true,
                    worker_id: None,
                    note: None,
                },
            )
        })
        .unwrap();
    assert_eq!(due(&ledger, "2020-02-11"), [(3, "2020-02-11".to_owned())]);
}
