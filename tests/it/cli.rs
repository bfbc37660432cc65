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
    assert!(check.contains("schema version: 1"), "{check}");
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
