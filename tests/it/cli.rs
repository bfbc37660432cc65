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

#[test]
fn the_night_time_risk_area_query_is_scriptable() {
    let dir = tempfile::tempdir().unwrap();
    assert!(gridledger(dir.path(), &["demo"]).0);
    let (ok, risky) = gridledger(dir.path(), &["arrivals", "list", "--from-risk-area"]);
    assert!(ok, "{risky}");
    assert!(risky.trim_end().ends_with("4 of 4"), "{risky}");
    assert_eq!(
        risky.matches("湖北省武汉市").count(),
        8,
        "origin and risk area on 4 rows:\n{risky}"
    );
    // Declare 江苏 a risk area from 2020-01-01: those who came from there join the list.
    let (ok, id) = gridledger(
        dir.path(),
        &[
            "risk-areas",
            "add",
            "320000",
            "--from",
            "2020-01-01",
            "--notice",
            "测试通告",
        ],
    );
    assert!(ok, "{id}");
    let (ok, areas) = gridledger(dir.path(), &["risk-areas", "list", "--on", "2020-03-10"]);
    assert!(ok, "{areas}");
    assert!(
        areas.contains("江苏省") && areas.contains("2 risk areas"),
        "{areas}"
    );
    let (ok, since) = gridledger(
        dir.path(),
        &[
            "arrivals",
            "list",
            "--within",
            "320000",
            "--since",
            "2020-01-01",
            "--json",
        ],
    );
    assert!(ok, "{since}");
    let page: serde_json::Value = serde_json::from_str(&since).unwrap();
    let jiangsu = page["total"].as_u64().unwrap();
    assert!(jiangsu > 0);
    let (ok, risky) = gridledger(dir.path(), &["arrivals", "list", "--from-risk-area"]);
    assert!(ok);
    assert!(
        risky.trim_end().ends_with(&format!("of {}", 4 + jiangsu)),
        "{risky}"
    );
    // Bad input: a clear English error and a failure code.
    let (ok, text) = gridledger(
        dir.path(),
        &["risk-areas", "add", "4201", "--from", "2020-01-01"],
    );
    assert!(!ok);
    assert!(text.contains("neither a 6-digit region code"), "{text}");
}

#[test]
fn isolations_checks_and_the_worklist_are_scriptable() {
    let dir = tempfile::tempdir().unwrap();
    assert!(gridledger(dir.path(), &["demo"]).0);
    // The demo's nine isolations of January 2020, all released.
    let (ok, list) = gridledger(dir.path(), &["isolations", "list", "--on", "2020-03-10"]);
    assert!(ok, "{list}");
    assert!(list.trim_end().ends_with("9 of 9"), "{list}");
    assert_eq!(list.matches("已解除").count(), 9, "{list}");
    let (ok, ending) = gridledger(
        dir.path(),
        &[
            "isolations",
            "list",
            "--ending",
            "2020-02-07",
            "--on",
            "2020-02-07",
        ],
    );
    assert!(ok);
    assert!(
        ending.trim_end().ends_with("0 of 0"),
        "released ones are not ending:\n{ending}"
    );

    // Day N is counted on the statistical date, which after the 15:00 cut-off is tomorrow's;
    // a cut-off at midnight makes it the calendar day, so the test passes at any hour.
    let mut ledger = gridledger::Ledger::open(
        dir.path().join("ledger.db"),
        &gridledger::OpenOptions::default(),
    )
    .unwrap();
    ledger
        .write(&gridledger::store::Actor::cli(), |tx| {
            gridledger::settings::set_statistical_cutoff(tx, chrono::NaiveTime::MIN)
        })
        .unwrap();
    drop(ledger);

    // A new isolation today for someone in the register, a check with a fever.
    let (ok, people) = gridledger(dir.path(), &["persons", "list", "--limit", "1"]);
    assert!(ok);
    let person = people.split('\t').next().unwrap().to_owned();
    let today = chrono::Local::now().date_naive().to_string();
    let (ok, started) = gridledger(
        dir.path(),
        &[
            "isolations",
            "start",
            "--person",
            &person,
            "--start",
            &today,
            "--days",
            "14",
        ],
    );
    assert!(ok, "{started}");
    let isolation = started.split('\t').next().unwrap().to_owned();
    assert!(
        started.contains("隔离中") && started.contains("1/14"),
        "{started}"
    );
    let (ok, added) = gridledger(
        dir.path(),
        &[
            "checks",
            "add",
            "--isolation",
            &isolation,
            "--date",
            &today,
            "--slot",
            "1",
            "--temperature",
            "37.8",
        ],
    );
    assert!(ok, "{added}");
    assert!(added.contains("fever\t"), "{added}");
    let (ok, work) = gridledger(dir.path(), &["worklist", "--on", &today]);
    assert!(ok, "{work}");
    assert!(
        work.contains("open fevers:      1") && work.contains("37.8℃"),
        "{work}"
    );
    assert!(
        work.contains("checks due:       1 (0/1 per slot)"),
        "{work}"
    );
    // Refused input: a clear English error, exit 1, nothing written.
    let (ok, text) = gridledger(
        dir.path(),
        &[
            "checks",
            "add",
            "--isolation",
            &isolation,
            "--date",
            &today,
            "--slot",
            "3",
            "--temperature",
            "36.5",
        ],
    );
    assert!(!ok);
    assert!(text.contains("slot 3 of 2"), "{text}");
}
