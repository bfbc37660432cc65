//! The command wiring, through Tauri's real IPC path on the mock runtime: arguments are
//! deserialised by the shell, errors come back as `{code, message}`, and a bad call
//! leaves the app answering.
// Tests may unwrap: a panic is a failed test.
#![allow(clippy::unwrap_used)]

use gridledger::store::Actor;
use gridledger::{demo, Ledger, OpenOptions};
use gridledger_desktop::{with_commands, AppState};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

struct TestApp {
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    _dir: tempfile::TempDir,
}

fn app_with(state: AppState, dir: tempfile::TempDir) -> TestApp {
    let app = with_commands(mock_builder())
        .manage(state)
        .build(mock_context(noop_assets()))
        .expect("the app builds");
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("a window");
    TestApp {
        _app: app,
        window,
        _dir: dir,
    }
}

fn demo_app() -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = Ledger::open(dir.path().join("ledger.db"), &OpenOptions::default()).unwrap();
    demo::load(&mut ledger, &Actor::cli()).unwrap();
    app_with(AppState::new(Ok(ledger)), dir)
}

fn invoke(app: &TestApp, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        &app.window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

#[test]
fn app_info_and_counts_come_from_the_ledger() {
    let app = demo_app();
    let info = invoke(&app, "app_info", json!({})).unwrap();
    assert_eq!(info["ledgerName"], "幸福社区");
    assert_eq!(info["modules"], json!(["home", "residents", "settings"]));
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
    let counts = invoke(&app, "dashboard_counts", json!({})).unwrap();
    assert_eq!(counts["grids"], 6);
    assert!(counts["people"].as_u64().unwrap() > 2000);
}

#[test]
fn malformed_arguments_get_code_and_message_and_the_app_stays_up() {
    let app = demo_app();
    for bad in [
        json!({ "input": { "name": 42 } }),
        json!({}),
        json!({ "input": "幸福社区" }),
        json!({ "input": { "name": "x", "extra": true } }),
    ] {
        let err = invoke(&app, "set_ledger_name", bad.clone()).unwrap_err();
        assert_eq!(err["code"], "invalidInput", "{bad} → {err}");
        assert!(
            err["message"].as_str().unwrap().contains("set_ledger_name"),
            "{err}"
        );
        assert!(err["detailZh"].is_string(), "{err}");
    }
    // Still answering, and nothing was changed by the bad calls.
    let info = invoke(&app, "app_info", json!({})).unwrap();
    assert_eq!(info["ledgerName"], "幸福社区");
}

#[test]
fn a_rejected_name_is_explained_in_chinese_and_a_good_one_is_saved() {
    let app = demo_app();
    let err = invoke(
        &app,
        "set_ledger_name",
        json!({ "input": { "name": "  " } }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalidInput");
    assert_eq!(err["detailZh"], "台账名称不能为空");
    let info = invoke(
        &app,
        "set_ledger_name",
        json!({ "input": { "name": "朝阳社区" } }),
    )
    .unwrap();
    assert_eq!(info["ledgerName"], "朝阳社区");
    assert_eq!(
        invoke(&app, "app_info", json!({})).unwrap()["ledgerName"],
        "朝阳社区"
    );
}

#[test]
fn an_unopenable_ledger_is_reported_on_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.db");
    drop(Ledger::open(&path, &OpenOptions::default()).unwrap());
    // Mark the ledger as written by a future GridLedger.
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    let opened = Ledger::open(&path, &OpenOptions::default());
    assert!(opened.is_err());
    let app = app_with(AppState::new(opened), dir);
    for cmd in ["app_info", "dashboard_counts"] {
        let err = invoke(&app, cmd, json!({})).unwrap_err();
        assert_eq!(err["code"], "ledgerTooNew", "{cmd}: {err}");
    }
}

#[test]
fn register_commands_mask_on_screen_and_reveal_on_request() {
    let app = demo_app();
    // A bad ID number is explained in Chinese and nothing is saved.
    let err = invoke(
        &app,
        "add_person",
        json!({ "input": { "name": "张三", "idNumber": "110105194912310021" } }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalidInput");
    assert!(
        err["detailZh"].as_str().unwrap().contains("校验码"),
        "{err}"
    );
    assert!(invoke(
        &app,
        "search_people",
        json!({ "input": { "query": "张三" } })
    )
    .unwrap()
    .as_array()
    .unwrap()
    .iter()
    .all(|h| h["name"] != "张三"));

    let info = invoke(
        &app,
        "inspect_id_number",
        json!({ "input": { "idNumber": "11010519491231002x" } }),
    )
    .unwrap();
    assert_eq!(info["birthDate"], "1949-12-31");
    assert_eq!(info["sex"], "female");
    assert!(info.get("existing").is_none_or(Value::is_null));

    let added = invoke(
        &app,
        "add_person",
        json!({ "input": { "name": "张三", "idNumber": "11010519491231002X", "phone": "13800138000" } }),
    )
    .unwrap();
    let id = added["id"].as_str().unwrap().to_owned();
    assert_eq!(added["idNumber"], "110105********002X", "masked on screen");
    assert_eq!(added["phone"], "138****8000");

    let again = invoke(
        &app,
        "inspect_id_number",
        json!({ "input": { "idNumber": "11010519491231002X" } }),
    )
    .unwrap();
    assert_eq!(
        again["existing"]["name"], "张三",
        "the form can offer the existing person"
    );

    let hits = invoke(
        &app,
        "search_people",
        json!({ "input": { "query": "002X" } }),
    )
    .unwrap();
    let hit = hits
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["personId"] == id.as_str())
        .unwrap();
    assert_eq!(hit["idNumber"], "110105********002X");

    let revealed = invoke(&app, "reveal_person", json!({ "input": { "id": id } })).unwrap();
    assert_eq!(revealed["idNumber"], "11010519491231002X");
    assert_eq!(revealed["phone"], "13800138000");
}
