//! The `gridledger` binary, run as a user would.

use std::process::Command;

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

fn people(text: &str) -> u32 {
    text.lines()
        .find_map(|l| l.strip_prefix("people:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no people count in:\n{text}"))
}

#[test]
fn demo_then_check_prints_counts_and_demo_twice_adds_nobody() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, first) = gridledger(dir.path(), &["demo"]);
    assert!(ok, "{first}");
    assert!(first.contains("demo community loaded"), "{first}");
    let (ok, second) = gridledger(dir.path(), &["demo"]);
    assert!(ok, "{second}");
    assert!(second.contains("already present"), "{second}");
    assert_eq!(people(&first), people(&second));

    let (ok, check) = gridledger(dir.path(), &["check"]);
    assert!(ok, "{check}");
    assert!(check.contains("integrity:      ok"), "{check}");
    assert!(
        check.contains(&format!(
            "schema version: {}",
            gridledger::store::LATEST_VERSION
        )),
        "{check}"
    );
    assert_eq!(people(&check), people(&first));
    assert!(people(&check) > 2000);
}

#[test]
fn a_newer_ledger_is_refused_with_a_clear_message_and_a_failure_code() {
    let dir = tempfile::tempdir().unwrap();
    assert!(gridledger(dir.path(), &["init"]).0);
    let raw = rusqlite::Connection::open(dir.path().join("ledger.db")).unwrap();
    raw.pragma_update(None, "user_version", 999).unwrap();
    drop(raw);
    let (ok, text) = gridledger(dir.path(), &["check"]);
    assert!(!ok);
    assert!(text.contains("newer than this GridLedger"), "{text}");
}

#[test]
fn persons_list_show_and_search_mask_by_default_and_audit_a_reveal() {
    let dir = tempfile::tempdir().unwrap();
    assert!(gridledger(dir.path(), &["demo"]).0);
    let (ok, list) = gridledger(dir.path(), &["persons", "list", "--limit", "2"]);
    assert!(ok, "{list}");
    let first: Vec<&str> = list.lines().next().unwrap().split('\t').collect();
    let (id, name, masked) = (first[0], first[1], first[2]);
    assert!(masked.contains("********"), "masked in lists: {masked}");
    assert!(list.contains("2 of "), "{list}");

    let (ok, shown) = gridledger(dir.path(), &["persons", "show", id]);
    assert!(ok, "{shown}");
    assert!(shown.contains(name) && shown.contains(masked), "{shown}");
    let (ok, revealed) = gridledger(dir.path(), &["persons", "show", id, "--reveal"]);
    assert!(ok, "{revealed}");
    let full = revealed
        .lines()
        .find_map(|l| l.strip_prefix("id number:"))
        .unwrap()
        .trim()
        .to_owned();
    assert_eq!(full.len(), 18);
    assert_eq!(&full[..6], &masked[..6]);
    let ledger = gridledger::Ledger::open(
        dir.path().join("ledger.db"),
        &gridledger::OpenOptions::default(),
    )
    .unwrap();
    let views: i64 = ledger
        .conn()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'view_sensitive' AND entity_id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(views, 1, "only the reveal is recorded");
    drop(ledger);

    let (ok, found) = gridledger(dir.path(), &["persons", "search", &full[14..]]);
    assert!(ok, "{found}");
    assert!(
        found.lines().any(|l| l.starts_with(id)),
        "found by the last 4: {found}"
    );

    let (ok, bad) = gridledger(dir.path(), &["persons", "list", "--status", "somewhere"]);
    assert!(!ok);
    assert!(bad.contains("unknown residence status"), "{bad}");
}
