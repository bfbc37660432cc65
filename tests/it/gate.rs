//! Gate checks (卡口) on a real ledger: a fever at the threshold refuses entry, records
//! the referral and raises the same fever event as a health check; a visitor with a
//! fever is registered; the day view counts per checkpoint and per hour on calendar days;
//! bad input is refused; and the CLI, run as a user would.

use chrono::NaiveDateTime;
use gridledger::api::{GateDayQuery, NewCheckpoint, NewGateCheck, Visitor, VoidGateCheck};
use gridledger::register::{self, NewPerson};
use gridledger::store::Actor;
use gridledger::{gate, isolation, Error, Ledger};

use crate::count;
use crate::fresh_ledger;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
}

const NOW: &str = "2020-01-29 12:00:00";

fn setup(ledger: &mut Ledger) -> (String, String, String) {
    ledger
        .write(&Actor::cli(), |tx| {
            let east = gate::add_checkpoint(
                tx,
                &NewCheckpoint {
                    name: "东门".into(),
                    place: Some("幸福家园东大门".into()),
                    note: None,
                },
            )?;
            let west = gate::add_checkpoint(
                tx,
                &NewCheckpoint {
                    name: "西门".into(),
                    ..NewCheckpoint::default()
                },
            )?;
            let person = register::add_person(
                tx,
                &NewPerson {
                    name: "张伟",
                    phone: Some("13812345678"),
                    ..NewPerson::default()
                },
            )?;
            Ok((east, west, person))
        })
        .unwrap()
}

fn entry(checkpoint: &str, person: Option<&str>, t: &str, when: &str) -> NewGateCheck {
    NewGateCheck {
        checkpoint_id: checkpoint.into(),
        person_id: person.map(str::to_owned),
        temperature: t.into(),
        checked_at: Some(when.into()),
        ..NewGateCheck::default()
    }
}

fn add(
    ledger: &mut Ledger,
    g: &NewGateCheck,
) -> gridledger::Result<gridledger::api::GateCheckOutcome> {
    ledger.write(&Actor::cli(), |tx| gate::add_gate_check(tx, g, at(NOW)))
}

#[test]
fn a_fever_at_the_threshold_refuses_entry_and_raises_a_fever_event() {
    let (_dir, mut ledger) = fresh_ledger();
    let (east, _, person) = setup(&mut ledger);

    let ok = add(
        &mut ledger,
        &entry(&east, Some(&person), "37.2", "2020-01-28 08:10"),
    )
    .unwrap();
    assert!(ok.admitted);
    assert_eq!(ok.fever_event_id, None);

    let fever = add(
        &mut ledger,
        &entry(&east, Some(&person), "37.3", "2020-01-28 17:40"),
    )
    .unwrap();
    assert!(!fever.admitted);
    let event_id = fever.fever_event_id.clone().expect("a fever event");

    // The same fever event as a health check raises: open, on the worklist's list.
    let event = isolation::checks::fever_event(ledger.conn(), &event_id).unwrap();
    assert_eq!(event.person_id, person);
    assert_eq!(event.gate_check_id.as_deref(), Some(fever.id.as_str()));
    assert_eq!(event.health_check_id, None);
    assert_eq!(event.temperature, "37.3");
    assert_eq!(event.detected_at, "2020-01-28 17:40:00");
    assert_eq!(event.handled_on, None);
    let open = isolation::checks::fever_events(ledger.conn(), true, 10).unwrap();
    assert_eq!(open.len(), 1);

    let check = gate::get_gate_check(ledger.conn(), &fever.id).unwrap();
    assert!(!check.admitted);
    assert!(check.fever);
    assert_eq!(check.referral.as_deref(), Some(gate::DEFAULT_REFERRAL));
    assert_eq!(check.fever_event_id.as_deref(), Some(event_id.as_str()));
    assert_eq!(check.phone.as_deref(), Some("138****5678"));

    let mine = gate::person_gate_checks(ledger.conn(), &person, 10).unwrap();
    assert_eq!(mine.len(), 2);
    assert_eq!(mine[0].id, fever.id, "newest first");
}

#[test]
fn a_check_typed_wrongly_is_voided_with_its_reason_and_its_open_fever_event() {
    let (_dir, mut ledger) = fresh_ledger();
    let (east, _, person) = setup(&mut ledger);
    let day = |ledger: &Ledger| {
        gate::gate_day(
            ledger.conn(),
            &GateDayQuery {
                date: Some("2020-01-28".into()),
                checkpoint_id: None,
            },
            at(NOW).date(),
        )
        .unwrap()
    };
    // 36.8 typed as 38.6: refused, a fever event raised.
    let typo = add(
        &mut ledger,
        &entry(&east, Some(&person), "38.6", "2020-01-28 08:10"),
    )
    .unwrap();
    let event = typo.fever_event_id.clone().unwrap();
    add(
        &mut ledger,
        &entry(&east, Some(&person), "36.8", "2020-01-28 08:11"),
    )
    .unwrap();
    assert_eq!(
        (day(&ledger).total.checked, day(&ledger).total.fever),
        (2, 1)
    );

    let void = |ledger: &mut Ledger, id: &str, reason: &str| {
        ledger.write(&Actor::cli(), |tx| {
            gate::void_gate_check(
                tx,
                &VoidGateCheck {
                    id: id.into(),
                    reason: reason.into(),
                },
            )
        })
    };
    // A reason is required, and nothing is written without one.
    let err = void(&mut ledger, &typo.id, "  ").unwrap_err();
    assert!(
        matches!(&err, Error::Invalid { field: "gate.void_reason", message_zh, .. } if message_zh.contains("作废原因")),
        "{err:?}"
    );
    void(&mut ledger, &typo.id, "体温录错，实测36.8").unwrap();
    let d = day(&ledger);
    assert_eq!((d.total.checked, d.total.fever, d.total.refused), (1, 0, 0));
    assert_eq!(d.checks.len(), 1);
    assert!(isolation::checks::fever_events(ledger.conn(), true, 10)
        .unwrap()
        .is_empty());
    assert_eq!(
        count(
            &ledger,
            &format!(
                "SELECT count(*) FROM gate_check WHERE id = '{}' AND deleted_at IS NOT NULL \
                 AND note = '作废：体温录错，实测36.8'",
                typo.id
            )
        ),
        1
    );
    assert_eq!(
        count(
            &ledger,
            &format!(
                "SELECT count(*) FROM audit_log WHERE entity_id IN ('{}', '{event}') \
                 AND action = 'delete'",
                typo.id
            )
        ),
        2,
        "the check and its fever event, each in the audit log"
    );
    // Voided once: gone.
    assert!(matches!(
        void(&mut ledger, &typo.id, "再次").unwrap_err(),
        Error::NotFound { .. }
    ));

    // A fever already handled (the person was referred) is not voided.
    let real = add(
        &mut ledger,
        &entry(&east, Some(&person), "38.2", "2020-01-28 18:00"),
    )
    .unwrap();
    ledger
        .write(&Actor::cli(), |tx| {
            isolation::handle_fever(
                tx,
                &gridledger::api::HandleFever {
                    id: real.fever_event_id.clone().unwrap(),
                    on: "2020-01-28".into(),
                    referral: gate::DEFAULT_REFERRAL.into(),
                    result: gridledger::api::FeverResult::Observe,
                    by: None,
                    note: None,
                },
            )
        })
        .unwrap();
    let err = void(&mut ledger, &real.id, "录错").unwrap_err();
    assert!(
        matches!(&err, Error::Invalid { message_zh, .. } if message_zh.contains("已处理")),
        "{err:?}"
    );
    assert_eq!(day(&ledger).total.checked, 2);
}

#[test]
fn a_visitor_with_a_fever_is_registered_so_the_fever_event_has_a_person() {
    let (_dir, mut ledger) = fresh_ledger();
    let (east, _, _) = setup(&mut ledger);
    let people = count(&ledger, "SELECT count(*) FROM person");

    let visitor = |name: &str, id: Option<&str>| NewGateCheck {
        visitor: Some(Visitor {
            name: name.into(),
            phone: Some("13955554444".into()),
            id_number: id.map(str::to_owned),
            reason: Some("探亲".into()),
        }),
        ..entry(&east, None, "36.6", "2020-01-28 09:00")
    };
    let calm = add(&mut ledger, &visitor("李四", None)).unwrap();
    assert!(calm.admitted);
    assert_eq!(calm.person_id, None, "a well visitor stays a visitor");
    assert_eq!(count(&ledger, "SELECT count(*) FROM person"), people);

    let hot = add(
        &mut ledger,
        &NewGateCheck {
            temperature: "38.1".into(),
            ..visitor("王五", Some("11010519491231002X"))
        },
    )
    .unwrap();
    assert!(!hot.admitted);
    let person = hot.person_id.clone().expect("registered");
    assert_eq!(count(&ledger, "SELECT count(*) FROM person"), people + 1);
    let event =
        isolation::checks::fever_event(ledger.conn(), &hot.fever_event_id.unwrap()).unwrap();
    assert_eq!(event.person_id, person);
    assert_eq!(event.person_name, "王五");

    // Next time the same ID number is that person, not a new one.
    let again = add(
        &mut ledger,
        &NewGateCheck {
            temperature: "38.0".into(),
            ..visitor("王五", Some("11010519491231002x"))
        },
    )
    .unwrap();
    assert_eq!(again.person_id.as_deref(), Some(person.as_str()));
    assert_eq!(count(&ledger, "SELECT count(*) FROM person"), people + 1);
    assert_eq!(count(&ledger, "SELECT count(*) FROM fever_event"), 2);
}

#[test]
fn the_day_view_counts_per_checkpoint_and_per_hour_on_the_calendar_day() {
    let (_dir, mut ledger) = fresh_ledger();
    let (east, west, person) = setup(&mut ledger);
    for (cp, t, when) in [
        (&east, "36.5", "2020-01-28 00:05"),
        (&east, "36.6", "2020-01-28 08:10"),
        (&east, "36.7", "2020-01-28 08:50"),
        (&east, "38.2", "2020-01-28 08:55"),
        (&west, "36.4", "2020-01-28 23:59"),
        (&west, "36.4", "2020-01-29 00:00"),
        (&west, "36.4", "2020-01-27 23:59"),
    ] {
        add(&mut ledger, &entry(cp, Some(&person), t, when)).unwrap();
    }
    add(
        &mut ledger,
        &NewGateCheck {
            visitor: Some(Visitor {
                name: "赵六".into(),
                ..Visitor::default()
            }),
            ..entry(&west, None, "36.5", "2020-01-28 15:30")
        },
    )
    .unwrap();

    let today = at(NOW).date();
    let q = |cp: Option<&String>| GateDayQuery {
        date: Some("2020-01-28".into()),
        checkpoint_id: cp.cloned(),
    };
    let day = gate::gate_day(ledger.conn(), &q(None), today).unwrap();
    assert_eq!(day.date, "2020-01-28");
    assert_eq!(
        (
            day.total.checked,
            day.total.visitors,
            day.total.fever,
            day.total.refused
        ),
        (6, 1, 1, 1)
    );
    let by_name = |n: &str| {
        day.checkpoints
            .iter()
            .find(|c| c.checkpoint.name == n)
            .unwrap()
            .counts
            .clone()
    };
    assert_eq!((by_name("东门").checked, by_name("东门").refused), (4, 1));
    assert_eq!((by_name("西门").checked, by_name("西门").visitors), (2, 1));
    assert_eq!(day.per_hour.len(), 24);
    assert_eq!(day.per_hour[0], 1);
    assert_eq!(day.per_hour[8], 3);
    assert_eq!(day.per_hour[15], 1);
    assert_eq!(day.per_hour[23], 1);
    assert_eq!(day.per_hour.iter().sum::<u32>(), 6);
    assert_eq!(day.checks.len(), 6);
    assert_eq!(day.checks[0].checked_at, "2020-01-28 23:59:00");

    let east_day = gate::gate_day(ledger.conn(), &q(Some(&east)), today).unwrap();
    assert_eq!(east_day.total.checked, 4);
    assert_eq!(east_day.per_hour.iter().sum::<u32>(), 4);
    assert!(east_day.checks.iter().all(|c| c.checkpoint_name == "东门"));

    let summary = gate::gate_summary(ledger.conn(), today).unwrap();
    assert_eq!(summary.checkpoints, 2);
    assert_eq!(summary.counts.checked, 1, "only 2020-01-29's one entry");
}

#[test]
fn bad_entries_are_refused_with_the_field() {
    let (_dir, mut ledger) = fresh_ledger();
    let (east, _, person) = setup(&mut ledger);
    fn field<T: std::fmt::Debug>(r: gridledger::Result<T>) -> &'static str {
        match r {
            Err(Error::Invalid { field, .. }) => field,
            other => panic!("expected invalid input, got {other:?}"),
        }
    }
    assert_eq!(
        field(add(
            &mut ledger,
            &entry(&east, None, "36.5", "2020-01-28 08:00")
        )),
        "gate.person_id"
    );
    assert_eq!(
        field(add(
            &mut ledger,
            &entry(&east, Some(&person), "45.0", "2020-01-28 08:00")
        )),
        "gate.temperature"
    );
    assert_eq!(
        field(add(
            &mut ledger,
            &entry(&east, Some(&person), "36.5", "2020-01-30 08:00")
        )),
        "gate.checked_at"
    );
    assert_eq!(
        field(add(
            &mut ledger,
            &entry("nope", Some(&person), "36.5", "2020-01-28 08:00")
        )),
        "gate.checkpoint_id"
    );
    let bad_id = NewGateCheck {
        visitor: Some(Visitor {
            name: "钱七".into(),
            id_number: Some("110105194912310021".into()),
            ..Visitor::default()
        }),
        ..entry(&east, None, "36.5", "2020-01-28 08:00")
    };
    assert_eq!(field(add(&mut ledger, &bad_id)), "visitor.id_number");
    let dup = ledger.write(&Actor::cli(), |tx| {
        gate::add_checkpoint(
            tx,
            &NewCheckpoint {
                name: " 东门 ".into(),
                ..NewCheckpoint::default()
            },
        )
    });
    assert_eq!(field(dup), "checkpoint.name");
    assert_eq!(count(&ledger, "SELECT count(*) FROM gate_check"), 0);
}

mod cli {
    use std::process::Command;

    fn gridledger(data_dir: &std::path::Path, args: &[&str]) -> (bool, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_gridledger"))
            .arg("--data-dir")
            .arg(data_dir)
            .args(args)
            .env_remove("GRIDLEDGER_KEY")
            .output()
            .expect("the CLI runs");
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        (out.status.success(), text)
    }

    #[test]
    fn gate_checks_are_scriptable() {
        let dir = tempfile::tempdir().unwrap();
        let run = |args: &[&str]| {
            let (ok, text) = gridledger(dir.path(), args);
            assert!(ok, "{args:?}: {text}");
            text
        };
        run(&["init"]);
        {
            let mut ledger = gridledger::Ledger::open(
                gridledger::store::location::ledger_path(dir.path()),
                &gridledger::OpenOptions::default(),
            )
            .unwrap();
            ledger
                .write(&gridledger::store::Actor::cli(), |tx| {
                    gridledger::register::add_person(
                        tx,
                        &gridledger::register::NewPerson {
                            name: "张伟",
                            phone: Some("13812345678"),
                            ..gridledger::register::NewPerson::default()
                        },
                    )
                })
                .unwrap();
        }
        run(&[
            "gate",
            "add-checkpoint",
            "东门",
            "--place",
            "幸福家园东大门",
        ]);
        assert!(run(&["gate", "checkpoints"]).contains("东门"));
        let ok = run(&[
            "gate",
            "add",
            "--checkpoint",
            "东门",
            "--who",
            "5678",
            "--temperature",
            "36.5",
            "--at",
            "2020-01-28 08:10",
        ]);
        assert!(ok.contains("张伟") && ok.contains("放行"), "{ok}");
        let hot = run(&[
            "gate",
            "add",
            "--checkpoint",
            "东门",
            "--visitor-name",
            "李四",
            "--reason",
            "探亲",
            "--temperature",
            "38.0",
            "--at",
            "2020-01-28 09:20",
        ]);
        assert!(hot.contains("未准入") && hot.contains("fever\t"), "{hot}");
        let (ok, text) = gridledger(
            dir.path(),
            &[
                "gate",
                "add",
                "--checkpoint",
                "东门",
                "--who",
                "nobody",
                "--temperature",
                "36.5",
            ],
        );
        assert!(!ok && text.contains("nobody matches"), "{text}");

        let day = run(&[
            "gate",
            "list",
            "--date",
            "2020-01-28",
            "--checkpoint",
            "东门",
        ]);
        assert!(
            day.contains("东门\tchecked 2\tvisitors 1\tfever 1\trefused 1"),
            "{day}"
        );
        assert!(day.contains("08时 1, 09时 1"), "{day}");
        let other = run(&["gate", "list", "--date", "2020-01-27"]);
        assert!(other.contains("total\tchecked 0"), "{other}");

        // The fever entry was typed wrongly: voided by its id (the first column), with a
        // reason; without one it is refused.
        let id = hot.split('\t').next().unwrap().to_owned();
        let (ok, text) = gridledger(dir.path(), &["gate", "void", &id, "--reason", " "]);
        assert!(!ok && text.contains("the reason is empty"), "{text}");
        let voided = run(&["gate", "void", &id, "--reason", "体温录错"]);
        assert!(voided.contains(&format!("voided\t{id}")), "{voided}");
        let day = run(&["gate", "list", "--date", "2020-01-28"]);
        assert!(
            day.contains("total\tchecked 1\tvisitors 0\tfever 0\trefused 0"),
            "{day}"
        );
    }
}
