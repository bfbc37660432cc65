//! The ledger store: migrations, the version guard, the audit log, transactions, the key.

use gridledger::register::{self, NewPerson};
use gridledger::store::{rows, Actor, AuditEntry, LATEST_VERSION};
use gridledger::{settings, Error, Ledger, OpenOptions};
use rusqlite::Connection;
use serde_json::json;

use crate::{count, fresh_ledger};

#[test]
fn an_empty_file_is_migrated_to_the_latest_schema() {
    let (_dir, ledger) = fresh_ledger();
    assert_eq!(ledger.schema_version().unwrap(), LATEST_VERSION);
    for table in [
        "audit_log",
        "setting",
        "worker",
        "street",
        "community",
        "grid",
        "estate",
        "building",
        "unit",
        "household",
        "person",
    ] {
        let n = count(
            &ledger,
            &format!(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'"
            ),
        );
        assert_eq!(n, 1, "table {table} exists");
    }
    let journal: String = ledger
        .conn()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(journal, "wal");
    let sync: i64 = ledger
        .conn()
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sync, 2, "synchronous=FULL");
    let fk: i64 = ledger
        .conn()
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    assert!(ledger.integrity_problems().unwrap().is_empty());
}

#[test]
fn reopening_a_current_ledger_keeps_its_data_and_takes_no_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.db");
    {
        let mut ledger = Ledger::open(&path, &OpenOptions::default()).unwrap();
        ledger
            .write(&Actor::cli(), |tx| {
                settings::set_ledger_name(tx, "幸福社区")
            })
            .unwrap();
    }
    let ledger = Ledger::open(&path, &OpenOptions::default()).unwrap();
    assert!(ledger.pre_migration_backup().is_none());
    assert_eq!(
        settings::Settings::load(ledger.conn()).unwrap().ledger_name,
        "幸福社区"
    );
}

#[test]
fn a_ledger_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.db");
    drop(Ledger::open(&path, &OpenOptions::default()).unwrap());
    {
        let raw = Connection::open(&path).unwrap();
        raw.pragma_update(None, "user_version", LATEST_VERSION + 1)
            .unwrap();
    }
    let err = Ledger::open(&path, &OpenOptions::default()).unwrap_err();
    match err {
        Error::LedgerTooNew {
            found, supported, ..
        } => {
            assert_eq!(found, LATEST_VERSION + 1);
            assert_eq!(supported, LATEST_VERSION);
        }
        other => panic!("expected LedgerTooNew, got {other:?}"),
    }
    assert!(err_text(&path).contains("newer"), "the message says why");
    // The refused file was not touched.
    let raw = Connection::open(&path).unwrap();
    let v: u32 = raw
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, LATEST_VERSION + 1);
}

fn err_text(path: &std::path::Path) -> String {
    Ledger::open(path, &OpenOptions::default())
        .unwrap_err()
        .to_string()
}

#[test]
fn a_missing_file_is_not_created_when_creation_is_off() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.db");
    let options = OpenOptions {
        create: false,
        ..OpenOptions::default()
    };
    assert!(matches!(
        Ledger::open(&path, &options),
        Err(Error::LedgerUnreadable { .. })
    ));
    assert!(!path.exists());
}

#[test]
fn every_write_is_in_the_audit_log_with_actor_and_changed_fields() {
    let (_dir, mut ledger) = fresh_ledger();
    let worker = Actor::new("worker:王芳");
    let street = ledger
        .write(&worker, |tx| register::add_street(tx, "龙泉街道", "340403"))
        .unwrap();
    ledger
        .write(&worker, |tx| {
            rows::update(tx, "street", &street, &[("name", &"龙泉新街道")])
        })
        .unwrap();
    ledger
        .write(&Actor::cli(), |tx| rows::soft_delete(tx, "street", &street))
        .unwrap();

    let trail = AuditEntry::for_entity(ledger.conn(), "street", &street).unwrap();
    let actions: Vec<&str> = trail.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["insert", "update", "delete"]);
    assert_eq!(trail[0].actor, "worker:王芳");
    assert_eq!(trail[0].changes["name"], json!("龙泉街道"));
    assert_eq!(trail[0].changes["region_code"], json!("340403"));
    assert_eq!(trail[0].changes["updated_by"], json!("worker:王芳"));
    // An update records only what changed, as [old, new].
    assert_eq!(trail[1].changes["name"], json!(["龙泉街道", "龙泉新街道"]));
    assert!(trail[1].changes.get("region_code").is_none());
    assert_eq!(trail[2].actor, "cli");
    assert!(trail[2].changes["deleted_at"][1].is_string());
    // The row's own bookkeeping agrees.
    let updated_by: String = ledger
        .conn()
        .query_row(
            "SELECT updated_by FROM street WHERE id = ?1",
            [&street],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(updated_by, "cli");
}

#[test]
fn a_write_outside_a_write_transaction_is_refused_by_the_database() {
    let (_dir, ledger) = fresh_ledger();
    let err = ledger
        .conn()
        .execute(
            "INSERT INTO street (id, name, region_code, created_at, updated_at, updated_by) \
             VALUES ('s1', 'x', '340403', 'now', 'now', 'sneaky')",
            [],
        )
        .unwrap_err();
    assert!(err.to_string().contains("no audit actor"), "{err}");
    assert_eq!(count(&ledger, "SELECT count(*) FROM street"), 0);
}

#[test]
fn the_audit_log_is_append_only() {
    let (_dir, mut ledger) = fresh_ledger();
    ledger
        .write(&Actor::cli(), |tx| {
            register::add_street(tx, "龙泉街道", "340403")
        })
        .unwrap();
    let err = ledger
        .write(&Actor::cli(), |tx| {
            tx.execute("DELETE FROM audit_log", [])?;
            Ok(())
        })
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
    let err = ledger
        .write(&Actor::cli(), |tx| {
            tx.execute("UPDATE audit_log SET actor = 'someone else'", [])?;
            Ok(())
        })
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
    assert_eq!(
        count(
            &ledger,
            "SELECT count(*) FROM audit_log WHERE actor = 'cli'"
        ),
        1
    );
}

#[test]
fn a_write_that_fails_half_way_leaves_nothing_behind() {
    let (_dir, mut ledger) = fresh_ledger();
    let audit_before = count(&ledger, "SELECT count(*) FROM audit_log");
    let result = ledger.write(&Actor::cli(), |tx| {
        let street = register::add_street(tx, "龙泉街道", "340403")?;
        let community = register::add_community(tx, &street, "幸福社区")?;
        register::add_grid(tx, &community, "第一网格", None)?;
        // The fourth write is bad input: the whole use case must roll back.
        register::add_person(
            tx,
            &NewPerson {
                name: "张三",
                id_number: Some("110105194912310021"), // wrong check character
                ..NewPerson::default()
            },
        )?;
        Ok(())
    });
    let err = result.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Invalid {
                field: "person.id_number",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        err.detail_zh().is_some_and(|zh| zh.contains("校验")),
        "{:?}",
        err.detail_zh()
    );
    for table in ["street", "community", "grid", "person"] {
        assert_eq!(
            count(&ledger, &format!("SELECT count(*) FROM {table}")),
            0,
            "{table}"
        );
    }
    assert_eq!(
        count(&ledger, "SELECT count(*) FROM audit_log"),
        audit_before
    );
    // And the ledger is still usable afterwards.
    ledger
        .write(&Actor::cli(), |tx| {
            register::add_street(tx, "龙泉街道", "340403")
        })
        .unwrap();
    assert_eq!(count(&ledger, "SELECT count(*) FROM street"), 1);
}

#[test]
fn the_same_id_number_cannot_be_registered_twice() {
    let (_dir, mut ledger) = fresh_ledger();
    let person = |name| NewPerson {
        name,
        id_number: Some("11010519491231002X"),
        ..NewPerson::default()
    };
    ledger
        .write(&Actor::cli(), |tx| {
            register::add_person(tx, &person("李四"))
        })
        .unwrap();
    let err = ledger
        .write(&Actor::cli(), |tx| {
            register::add_person(tx, &person("李四（重复）"))
        })
        .unwrap_err();
    assert!(err.to_string().contains("already registered"), "{err}");
    assert!(err.detail_zh().is_some_and(|zh| zh.contains("李四")));
    assert_eq!(count(&ledger, "SELECT count(*) FROM person"), 1);
}

#[test]
fn a_person_s_birth_date_sex_and_region_are_derived_from_the_id_number() {
    let (_dir, mut ledger) = fresh_ledger();
    let id = ledger
        .write(&Actor::cli(), |tx| {
            register::add_person(
                tx,
                &NewPerson {
                    name: " 王 五 ",
                    // A legacy 15-digit number, upgraded on entry.
                    id_number: Some("130503670401001"),
                    phone: Some("138 0013 8000"),
                    ..NewPerson::default()
                },
            )
        })
        .unwrap();
    let (name, number, birth, sex, region, phone): (String, String, String, String, String, String) =
        ledger
            .conn()
            .query_row(
                "SELECT name, id_number, birth_date, sex, native_region, phone FROM person WHERE id = ?1",
                [&id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
            )
            .unwrap();
    assert_eq!(name, "王 五");
    assert_eq!(number, "130503196704010016");
    assert_eq!(birth, "1967-04-01");
    assert_eq!(sex, "male");
    assert_eq!(region, "130503");
    assert_eq!(phone, "13800138000");
}

#[test]
fn an_encrypted_ledger_needs_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.db");
    let keyed = OpenOptions {
        key: Some("正确的口令 correct horse".into()),
        ..OpenOptions::default()
    };
    {
        let mut ledger = Ledger::open(&path, &keyed).unwrap();
        assert!(ledger.is_encrypted());
        ledger
            .write(&Actor::cli(), |tx| {
                register::add_street(tx, "机密街道", "340403")
            })
            .unwrap();
        ledger.checkpoint().unwrap();
    }
    // Nothing readable on disk: not the SQLite header, not the data.
    let bytes = std::fs::read(&path).unwrap();
    assert!(!bytes.starts_with(b"SQLite format 3"));
    assert!(!bytes
        .windows("机密街道".len())
        .any(|w| w == "机密街道".as_bytes()));

    assert!(matches!(
        Ledger::open(&path, &OpenOptions::default()),
        Err(Error::LedgerUnreadable { .. })
    ));
    let wrong = OpenOptions {
        key: Some("wrong".into()),
        ..OpenOptions::default()
    };
    assert!(matches!(
        Ledger::open(&path, &wrong),
        Err(Error::LedgerUnreadable { .. })
    ));

    let ledger = Ledger::open(&path, &keyed).unwrap();
    assert_eq!(
        count(
            &ledger,
            "SELECT count(*) FROM street WHERE name = '机密街道'"
        ),
        1
    );
}

#[test]
fn settings_are_validated_and_audited() {
    let (_dir, mut ledger) = fresh_ledger();
    let err = ledger
        .write(&Actor::desktop(), |tx| settings::set_ledger_name(tx, "   "))
        .unwrap_err();
    assert_eq!(err.detail_zh(), Some("台账名称不能为空"));
    let long = "长".repeat(41);
    let err = ledger
        .write(&Actor::desktop(), |tx| settings::set_ledger_name(tx, &long))
        .unwrap_err();
    assert!(err.detail_zh().is_some_and(|zh| zh.contains("40")));

    ledger
        .write(&Actor::desktop(), |tx| {
            settings::set_ledger_name(tx, " 幸福社区 ")
        })
        .unwrap();
    ledger
        .write(&Actor::desktop(), |tx| {
            settings::set_ledger_name(tx, "朝阳社区")
        })
        .unwrap();
    assert_eq!(
        settings::Settings::load(ledger.conn()).unwrap().ledger_name,
        "朝阳社区"
    );
    let trail = AuditEntry::for_entity(ledger.conn(), "setting", "ledger_name").unwrap();
    assert_eq!(trail.len(), 2);
    assert_eq!(
        trail[1].changes["value"],
        json!(["\"幸福社区\"", "\"朝阳社区\""])
    );
}
