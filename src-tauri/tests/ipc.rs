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

/// The request the webview sends for `cmd` with `body` and `headers`.
fn request(cmd: &str, body: InvokeBody, headers: &[(&'static str, &str)]) -> InvokeRequest {
    let mut map = tauri::http::HeaderMap::new();
    for (k, v) in headers {
        map.insert(*k, v.parse().unwrap());
    }
    InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body,
        headers: map,
        invoke_key: INVOKE_KEY.to_string(),
    }
}

fn invoke(app: &TestApp, cmd: &str, args: Value) -> Result<Value, Value> {
    invoke_raw(app, cmd, InvokeBody::Json(args), &[])
}

#[test]
fn app_info_and_counts_come_from_the_ledger() {
    let app = demo_app();
    let info = invoke(&app, "app_info", json!({})).unwrap();
    assert_eq!(info["ledgerName"], "幸福社区");
    // The core's list of modules, in menu order, camelCase on the wire.
    assert_eq!(
        info["modules"],
        serde_json::to_value(gridledger::summary::MODULES).unwrap()
    );
    let modules: Vec<&str> = info["modules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert_eq!(modules[..3], ["home", "residents", "sweeps"]);
    assert_eq!(modules.last(), Some(&"settings"));
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

fn today() -> String {
    chrono::Local::now().format("%Y-%m-%d").to_string()
}

#[test]
fn a_sweep_is_created_and_a_building_marked_in_bulk_and_one_by_one() {
    let app = demo_app();
    let workers = invoke(&app, "list_workers", json!({})).unwrap();
    let workers = workers.as_array().unwrap();
    assert_eq!(workers.len(), 6, "one worker per demo grid: {workers:?}");
    let worker = workers[0]["id"].as_str().unwrap().to_owned();
    assert!(workers[0]["name"].is_string());

    assert_eq!(invoke(&app, "list_sweeps", json!({})).unwrap(), json!([]));
    let err = invoke(
        &app,
        "create_sweep",
        json!({ "input": { "name": " ", "startDate": today() } }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalidInput");
    assert_eq!(err["detailZh"], "请填写摸排轮次名称");

    let sweep = invoke(
        &app,
        "create_sweep",
        json!({ "input": { "name": "第一轮入户摸排", "startDate": today() } }),
    )
    .unwrap();
    let sweep_id = sweep["id"].as_str().unwrap().to_owned();
    assert_eq!(sweep["name"], "第一轮入户摸排");
    assert_eq!(sweep["startDate"], today());
    let listed = invoke(&app, "list_sweeps", json!({})).unwrap();
    assert_eq!(listed[0]["id"], sweep_id.as_str());

    let progress = || {
        invoke(
            &app,
            "sweep_progress",
            json!({ "input": { "id": sweep_id } }),
        )
        .unwrap()
    };
    let before = progress();
    let building = before["buildings"][0].clone();
    assert!(building["buildingId"].is_string(), "{building}");
    assert_eq!(building["pending"], building["households"]);
    let households = invoke(
        &app,
        "sweep_households",
        json!({ "input": {
            "sweepId": sweep_id,
            "buildingId": building["buildingId"],
            "estateId": building["estateId"],
            "gridId": building["gridId"],
        } }),
    )
    .unwrap();
    let households = households.as_array().unwrap();
    assert_eq!(json!(households.len()), building["households"]);
    assert!(households.iter().all(|h| h["status"].is_null()));
    let ids: Vec<&str> = households
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();

    let n = invoke(
        &app,
        "record_sweep_visits",
        json!({ "input": {
            "sweepId": sweep_id, "householdIds": ids[..3], "status": "visited", "workerId": worker,
        } }),
    )
    .unwrap();
    assert_eq!(n, 3);
    let visit = invoke(
        &app,
        "record_sweep_visit",
        json!({ "input": { "sweepId": sweep_id, "householdId": ids[3], "status": "no_answer" } }),
    )
    .unwrap();
    assert_eq!(visit["status"], "no_answer");
    assert_eq!(visit["householdId"], ids[3]);

    let after = progress();
    let row = &after["buildings"][0];
    assert_eq!(row["visited"], 3);
    assert_eq!(row["noAnswer"], 1);
    assert_eq!(
        row["pending"].as_u64().unwrap(),
        building["pending"].as_u64().unwrap() - 4
    );
    assert_eq!(after["total"]["visited"], 3);

    // A status outside the list is malformed; a household that does not exist refuses the
    // whole batch; neither changes anything.
    let err = invoke(
        &app,
        "record_sweep_visits",
        json!({ "input": { "sweepId": sweep_id, "householdIds": [ids[4]], "status": "gone" } }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalidInput");
    assert!(err["message"]
        .as_str()
        .unwrap()
        .contains("record_sweep_visits"));
    let err = invoke(
        &app,
        "record_sweep_visits",
        json!({ "input": {
            "sweepId": sweep_id, "householdIds": [ids[4], "no-such-household"], "status": "vacant",
        } }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalidInput");
    assert_eq!(err["detailZh"], "所选户不存在或已删除");
    assert_eq!(progress(), after);
    let err = invoke(&app, "sweep_progress", json!({ "input": { "id": "nope" } })).unwrap_err();
    assert_eq!(err["code"], "notFound");
}

#[test]
fn workers_are_added_and_two_records_of_one_person_merged() {
    let app = demo_app();
    let added = invoke(
        &app,
        "add_worker",
        json!({ "input": { "name": "新网格员", "phone": "13800138001" } }),
    )
    .unwrap();
    assert_eq!(added["name"], "新网格员");
    let workers = invoke(&app, "list_workers", json!({})).unwrap();
    assert_eq!(workers.as_array().unwrap().last().unwrap(), &added);
    let err = invoke(&app, "add_worker", json!({ "input": { "name": "" } })).unwrap_err();
    assert_eq!(err["code"], "invalidInput");

    let with_id = invoke(
        &app,
        "add_person",
        json!({ "input": { "name": "张三", "idNumber": "11010519491231002X" } }),
    )
    .unwrap();
    let without_id = invoke(
        &app,
        "add_person",
        json!({ "input": { "name": "张三", "phone": "13800138000" } }),
    )
    .unwrap();
    let (keep, remove) = (without_id["id"].clone(), with_id["id"].clone());
    let err = invoke(
        &app,
        "merge_people",
        json!({ "input": { "keepId": keep, "removeId": remove, "reason": "" } }),
    )
    .unwrap_err();
    assert_eq!(err["detailZh"], "请填写合并原因");
    let kept = invoke(
        &app,
        "merge_people",
        json!({ "input": { "keepId": keep, "removeId": remove, "reason": "重复登记" } }),
    )
    .unwrap();
    assert_eq!(kept["id"], keep);
    assert_eq!(kept["idNumber"], "110105********002X", "taken over, masked");
    assert_eq!(kept["phone"], "138****8000");
    let err = invoke(&app, "get_person", json!({ "input": { "id": remove } })).unwrap_err();
    assert_eq!(err["code"], "notFound");
}

#[test]
fn the_risk_area_list_and_the_night_time_query_answer_over_ipc() {
    let app = demo_app();
    let risky = invoke(
        &app,
        "list_arrivals",
        json!({ "input": { "fromRiskArea": true, "limit": 10 } }),
    )
    .unwrap();
    assert_eq!(risky["total"], 4);
    assert_eq!(risky["rows"][0]["arrivedOn"], "2020-01-21");
    assert_eq!(risky["rows"][0]["originClass"], "other_province");
    assert_eq!(risky["rows"][0]["riskAreas"], json!(["湖北省武汉市"]));
    assert_eq!(risky["rows"][0]["isolationStatus"], "released");
    // A place is tagged: {kind, code}.
    let within = invoke(
        &app,
        "list_arrivals",
        json!({ "input": { "within": { "kind": "region", "code": "420000" }, "since": "2020-01-01" } }),
    )
    .unwrap();
    assert_eq!(within["total"], 4);
    // A new risk area, then one click re-screens everyone from it.
    invoke(
        &app,
        "add_risk_area",
        json!({ "input": { "place": { "kind": "region", "code": "320000" }, "fromDate": "2020-01-01" } }),
    )
    .unwrap();
    let areas = invoke(&app, "list_risk_areas", json!({})).unwrap();
    assert_eq!(areas.as_array().unwrap().len(), 2);
    let summary = invoke(
        &app,
        "rescreen_arrivals",
        json!({ "input": { "filter": { "fromRiskArea": true }, "name": "风险地区来返人员复查", "startDate": "2020-02-01" } }),
    )
    .unwrap();
    assert!(summary["households"].as_u64().unwrap() >= 4, "{summary}");
    // A bad place is refused in Chinese.
    let err = invoke(
        &app,
        "add_risk_area",
        json!({ "input": { "place": { "kind": "region", "code": "999999" }, "fromDate": "2020-01-01" } }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalidInput");
    assert!(
        err["detailZh"].as_str().unwrap().contains("不存在"),
        "{err}"
    );
}

#[test]
fn isolation_commands_start_check_and_show_the_worklist() {
    let app = demo_app();
    let people = invoke(&app, "list_people", json!({ "input": { "limit": 1 } })).unwrap();
    let person = people["rows"][0]["id"].as_str().unwrap().to_owned();
    let started = invoke(
        &app,
        "start_isolation",
        json!({ "input": { "personId": person, "kind": "home", "startDate": today() } }),
    )
    .unwrap();
    assert_eq!(started["status"], "active");
    // Day 1 today; day 2 when read after the statistical cut-off (tomorrow's work).
    assert!(matches!(started["day"].as_u64(), Some(1 | 2)), "{started}");
    assert_eq!(started["days"], 14);
    let id = started["id"].as_str().unwrap();
    let out = invoke(
        &app,
        "add_checks",
        json!({ "input": { "checks": [
            { "isolationId": id, "date": today(), "slot": 1, "temperature": "38.2", "method": "visit" }
        ] } }),
    )
    .unwrap();
    assert_eq!(out["fevers"].as_array().unwrap().len(), 1);
    let work = invoke(&app, "worklist", json!({})).unwrap();
    assert_eq!(work["fevers"][0]["temperature"], "38.2");
    let fever = work["fevers"][0]["id"].as_str().unwrap();
    let handled = invoke(
        &app,
        "handle_fever",
        json!({ "input": { "id": fever, "on": today(), "referral": "社区卫生服务中心发热门诊", "result": "normal" } }),
    )
    .unwrap();
    assert_eq!(handled["result"], "normal");
    let work = invoke(&app, "worklist", json!({})).unwrap();
    assert!(work["fevers"].as_array().unwrap().is_empty());
    // Re-planning without a reason is refused in Chinese.
    let err = invoke(
        &app,
        "replan_isolation",
        json!({ "input": { "id": id, "days": 21, "reason": "" } }),
    )
    .unwrap_err();
    assert!(err["detailZh"].as_str().unwrap().contains("原因"), "{err}");
}

#[test]
fn gate_and_publicity_commands_refuse_a_fever_and_total_the_publicity() {
    let app = demo_app();
    let checkpoints = invoke(&app, "list_checkpoints", json!({})).unwrap();
    assert_eq!(checkpoints.as_array().unwrap().len(), 2);
    let gate = checkpoints[0]["id"].as_str().unwrap().to_owned();
    let people = invoke(&app, "list_people", json!({ "input": { "limit": 1 } })).unwrap();
    let person = people["rows"][0]["id"].as_str().unwrap().to_owned();
    let out = invoke(
        &app,
        "add_gate_check",
        json!({ "input": { "checkpointId": gate, "personId": person, "temperature": "38.0" } }),
    )
    .unwrap();
    assert_eq!(out["admitted"], false);
    let day = invoke(
        &app,
        "gate_day",
        json!({ "input": { "checkpointId": gate } }),
    )
    .unwrap();
    assert_eq!(day["total"]["refused"], 1);
    assert_eq!(day["perHour"].as_array().unwrap().len(), 24);
    let work = invoke(&app, "worklist", json!({})).unwrap();
    assert_eq!(work["fevers"][0]["gateCheckId"], out["id"]);
    let summary = invoke(&app, "gate_summary", json!({})).unwrap();
    assert_eq!(summary["counts"]["fever"], 1);
    let mine = invoke(
        &app,
        "person_gate_checks",
        json!({ "input": { "id": person } }),
    )
    .unwrap();
    assert_eq!(mine[0]["referral"], "社区卫生服务中心发热门诊");
    // Typed wrongly: voided with a reason (none is refused in Chinese), the fever with it.
    let err = invoke(
        &app,
        "void_gate_check",
        json!({ "input": { "id": out["id"], "reason": "" } }),
    )
    .unwrap_err();
    assert!(
        err["detailZh"].as_str().unwrap().contains("作废原因"),
        "{err}"
    );
    invoke(
        &app,
        "void_gate_check",
        json!({ "input": { "id": out["id"], "reason": "体温录错" } }),
    )
    .unwrap();
    let summary = invoke(&app, "gate_summary", json!({})).unwrap();
    assert_eq!(summary["counts"]["fever"], 0);
    let work = invoke(&app, "worklist", json!({})).unwrap();
    assert!(work["fevers"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["gateCheckId"] != out["id"]));
    // A visitor without a name is refused in Chinese.
    let err = invoke(
        &app,
        "add_gate_check",
        json!({ "input": { "checkpointId": gate, "visitor": { "name": " " }, "temperature": "36.5" } }),
    )
    .unwrap_err();
    assert!(err["detailZh"].as_str().unwrap().contains("姓名"), "{err}");

    let totals = invoke(&app, "publicity_totals", json!({ "input": {} })).unwrap();
    let wechat = totals["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kind"] == "wechat")
        .unwrap()
        .clone();
    assert_eq!(
        (wechat["count"].clone(), wechat["reach"].clone()),
        (json!(2), json!(1000))
    );
    assert_eq!(totals["buildings"], 71);
    let id = invoke(
        &app,
        "add_publicity",
        json!({ "input": { "kind": "banner", "count": 3, "date": "2020-02-01" } }),
    )
    .unwrap();
    let list = invoke(
        &app,
        "list_publicity",
        json!({ "input": { "from": "2020-02-01" } }),
    )
    .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    invoke(&app, "delete_publicity", json!({ "input": { "id": id } })).unwrap();
    let list = invoke(
        &app,
        "list_publicity",
        json!({ "input": { "from": "2020-02-01" } }),
    )
    .unwrap();
    assert!(list.as_array().unwrap().is_empty());
}

/// A command whose answer is raw bytes (`tauri::ipc::Response`), not JSON.
fn invoke_bytes(app: &TestApp, cmd: &str, args: Value) -> Vec<u8> {
    match get_ipc_response(&app.window, request(cmd, InvokeBody::Json(args), &[])).unwrap() {
        tauri::ipc::InvokeResponseBody::Raw(bytes) => bytes,
        other => panic!("expected raw bytes, got {other:?}"),
    }
}

/// A request with a progress channel, as `new Channel()` crosses the IPC.
fn with_progress(mut request: Value) -> Value {
    request["onProgress"] = json!("__CHANNEL__:7");
    request
}

/// A command invoked with a raw body and headers, as `invoke(cmd, Uint8Array, {headers})`.
fn invoke_raw(
    app: &TestApp,
    cmd: &str,
    body: InvokeBody,
    headers: &[(&'static str, &str)],
) -> Result<Value, Value> {
    get_ipc_response(&app.window, request(cmd, body, headers))
        .map(|body| body.deserialize::<Value>().unwrap())
}

#[test]
fn a_file_staged_once_as_raw_bytes_serves_preview_and_commit() {
    let app = demo_app();
    let csv = "姓名,来源地,返回时间\n暂存测试乙,武汉,2020-01-20\n";
    // "返乡名单.csv", percent-encoded as encodeURIComponent writes it.
    let name = "%E8%BF%94%E4%B9%A1%E5%90%8D%E5%8D%95.csv";
    let staged = invoke_raw(
        &app,
        "stage_import_file",
        InvokeBody::Raw(csv.as_bytes().to_vec()),
        &[("x-file-name", name)],
    )
    .unwrap();
    assert_eq!(staged["fileName"], "返乡名单.csv");
    assert_eq!(staged["size"], csv.len());
    let request = json!({ "input": {
        "kind": "arrivals", "fileName": "返乡名单.csv", "fileId": staged["fileId"], "defaultYear": 2020
    } });
    let preview = invoke(&app, "preview_import", request.clone()).unwrap();
    assert_eq!(preview["counts"]["newArrivals"], 1, "{preview}");
    let report = invoke_bytes(&app, "import_error_report", request.clone());
    assert!(
        report.len() > 100 && report.starts_with(b"PK"),
        "xlsx bytes from the staged file"
    );
    let done = invoke(&app, "commit_import", with_progress(request)).unwrap();
    assert_eq!(done["preview"]["counts"]["newPeople"], 1, "{done}");
    // A webview without raw bodies sends the bytes as a JSON array: the same file.
    let fallback = invoke_raw(
        &app,
        "stage_import_file",
        InvokeBody::Json(json!(csv.as_bytes())),
        &[("x-file-name", "list.csv")],
    )
    .unwrap();
    assert_eq!(fallback["size"], csv.len());
    // No name, or an empty file: refused in Chinese; an unknown id asks to choose again.
    let err = invoke_raw(
        &app,
        "stage_import_file",
        InvokeBody::Raw(csv.as_bytes().to_vec()),
        &[],
    )
    .unwrap_err();
    assert_eq!(err["detailZh"], "缺少文件名", "{err}");
    let err = invoke_raw(
        &app,
        "stage_import_file",
        InvokeBody::Raw(Vec::new()),
        &[("x-file-name", "list.csv")],
    )
    .unwrap_err();
    assert_eq!(err["detailZh"], "所选文件是空的", "{err}");
    let err = invoke(
        &app,
        "preview_import",
        json!({ "input": { "kind": "arrivals", "fileName": "list.csv", "fileId": "gone" } }),
    )
    .unwrap_err();
    assert!(
        err["detailZh"].as_str().unwrap().contains("重新选择文件"),
        "{err}"
    );
}

#[test]
fn import_commands_preview_commit_list_and_undo() {
    let app = demo_app();
    let csv = "姓名,来源地,返回时间\n导入测试甲,武汉,2020-01-20\n,武汉,2020-01-20\n";
    let request = json!({ "input": {
        "kind": "arrivals", "fileName": "list.csv", "bytes": csv.as_bytes(), "defaultYear": 2020
    } });
    let preview = invoke(&app, "preview_import", request.clone()).unwrap();
    assert_eq!(preview["counts"]["newArrivals"], 1, "{preview}");
    assert_eq!(preview["counts"]["errors"], 1);
    assert_eq!(preview["rows"][1]["cell"], "A3");
    let errors = invoke(
        &app,
        "import_preview_rows",
        json!({ "input": { "previewId": preview["previewId"], "status": "error" } }),
    )
    .unwrap();
    assert_eq!(errors["total"], 1, "{errors}");
    assert_eq!(errors["rows"][0]["cell"], "A3");
    let report = invoke_bytes(&app, "import_error_report", request.clone());
    assert!(
        report.len() > 100 && report.starts_with(b"PK"),
        "xlsx bytes"
    );
    let done = invoke(&app, "commit_import", with_progress(request)).unwrap();
    let id = done["importId"].as_str().unwrap().to_owned();
    let log = invoke(&app, "list_imports", json!({ "input": {} })).unwrap();
    assert_eq!(log[0]["id"], id.as_str());
    assert_eq!(log[0]["importedBy"], "desktop");
    invoke(&app, "undo_import", json!({ "input": { "id": id } })).unwrap();
    let again = invoke(&app, "undo_import", json!({ "input": { "id": id } })).unwrap_err();
    assert!(
        again["detailZh"].as_str().unwrap().contains("撤销"),
        "{again}"
    );
    invoke(
        &app,
        "save_import_mapping",
        json!({ "input": { "source": "街道", "kind": "arrivals", "columns": { "name": "姓名" } } }),
    )
    .unwrap();
    let m = invoke(
        &app,
        "get_import_mapping",
        json!({ "input": { "source": "街道", "kind": "arrivals" } }),
    )
    .unwrap();
    assert_eq!(m["columns"]["name"], "姓名");
    let all = invoke(&app, "list_import_mappings", json!({})).unwrap();
    assert_eq!(all.as_array().unwrap().len(), 1);
}

#[test]
fn supplies_and_work_commands_refuse_negative_stock_and_number_certificates() {
    let app = demo_app();
    let people = invoke(&app, "list_people", json!({ "input": { "limit": 1 } })).unwrap();
    let person = people["rows"][0]["id"].as_str().unwrap().to_owned();
    let item = invoke(
        &app,
        "add_supply_item",
        json!({ "input": { "name": "测试口罩", "unit": "个", "lowStock": 5 } }),
    )
    .unwrap();
    let item_id = item["id"].as_str().unwrap().to_owned();
    let stocked = invoke(
        &app,
        "add_supply_receipt",
        json!({ "input": { "itemId": item_id, "quantity": 10, "receivedOn": today() } }),
    )
    .unwrap();
    assert_eq!(stocked["balance"], 10);
    let err = invoke(
        &app,
        "add_supply_issue",
        json!({ "input": { "itemId": item_id, "personId": person, "quantity": 11, "issuedOn": today() } }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalidInput");
    assert!(
        err["detailZh"].as_str().unwrap().contains("库存仅剩 10个"),
        "{err}"
    );
    let issued = invoke(
        &app,
        "add_supply_issue",
        json!({ "input": { "itemId": item_id, "personId": person, "quantity": 6, "issuedOn": today() } }),
    )
    .unwrap();
    assert!(issued["householdId"].is_string(), "{issued}");
    let counts = invoke(&app, "supply_counts", json!({})).unwrap();
    assert!(counts["lowStockItems"].as_u64().unwrap() >= 1, "{counts}");

    let first = invoke(
        &app,
        "issue_work_certificate",
        json!({ "input": { "personId": person, "destination": "江苏省苏州市", "issuedOn": today() } }),
    )
    .unwrap();
    let second = invoke(
        &app,
        "issue_work_certificate",
        json!({ "input": { "personId": person, "destination": "浙江省宁波市", "issuedOn": today() } }),
    )
    .unwrap();
    assert_eq!(
        second["seq"].as_u64().unwrap(),
        first["seq"].as_u64().unwrap() + 1
    );
    // Printed with no path: beside the exports, where 打开文件夹 finds it.
    let printed = invoke(
        &app,
        "save_work_certificate",
        json!({ "input": { "id": first["id"] } }),
    )
    .unwrap();
    let printed = std::path::PathBuf::from(printed.as_str().unwrap());
    assert!(printed.exists(), "{}", printed.display());
    assert_eq!(
        printed.file_name().unwrap().to_string_lossy(),
        format!("外出务工证明-{}.xlsx", first["number"].as_str().unwrap())
    );
    assert_eq!(
        printed.parent().unwrap(),
        app._dir.path().join("exports"),
        "in <data dir>/exports"
    );
    let err = invoke(
        &app,
        "save_work_certificate",
        json!({ "input": { "id": first["id"], "path": "relative.xlsx" } }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalidInput");
    let visit = invoke(
        &app,
        "add_enterprise",
        json!({ "input": { "name": "测试煤矿", "kind": "coal_mine" } }),
    )
    .and_then(|id| {
        invoke(
            &app,
            "add_enterprise_visit",
            json!({ "input": { "enterpriseId": id, "visitedOn": today(), "draft": true,
                    "checklist": [{ "item": "mechanism", "answer": "na" }] } }),
        )
    })
    .unwrap();
    assert_eq!(visit["complete"], false);
    assert_eq!(visit["checklist"][0]["answer"], "na");
    let work = invoke(&app, "work_counts", json!({})).unwrap();
    assert!(work["incompleteVisits"].as_u64().unwrap() >= 1, "{work}");
}

#[test]
fn calls_are_listed_logged_and_counted_through_ipc() {
    let app = demo_app();
    let counts = invoke(&app, "call_counts", json!({})).unwrap();
    assert_eq!(counts["targets"], 10);
    let by = |o: &str| {
        counts["byOutcome"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["outcome"] == o)
            .unwrap()["count"]
            .clone()
    };
    assert_eq!(by("not_returning"), 9);
    assert_eq!(by("vacant_number"), 1);
    let list = invoke(
        &app,
        "call_list",
        json!({ "input": { "on": "2020-01-28" } }),
    )
    .unwrap();
    assert_eq!(list["due"].as_array().unwrap().len(), 1);
    let target = list["due"][0]["id"].as_str().unwrap().to_owned();
    assert_eq!(list["due"][0]["state"], "retry");
    let after = invoke(
        &app,
        "add_call",
        json!({ "input": { "targetId": target, "outcome": "plans_return",
                            "plannedReturnOn": "2099-01-10", "channel": "wechat" } }),
    )
    .unwrap();
    assert_eq!(after["state"], "plans_return");
    assert_eq!(after["dueOn"], "2099-01-08");
    let detail = invoke(
        &app,
        "call_target_detail",
        json!({ "input": { "id": target } }),
    )
    .unwrap();
    assert_eq!(detail["calls"].as_array().unwrap().len(), 2);
    assert_eq!(detail["calls"][1]["channel"], "wechat");
    let err = invoke(
        &app,
        "add_call",
        json!({ "input": { "targetId": target, "outcome": "no_answer", "plannedReturnOn": "2099-01-10" } }),
    )
    .unwrap_err();
    assert!(
        err["detailZh"].as_str().unwrap().contains("计划返回"),
        "{err}"
    );
    let policy = invoke(&app, "call_policy", json!({})).unwrap();
    assert_eq!(policy["maxTries"], 3);
}

#[test]
fn forms_are_listed_previewed_exported_to_the_data_dir_and_logged() {
    let app = demo_app();
    let forms = invoke(&app, "list_forms", json!({})).unwrap();
    let screening = forms
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "arrivals-screening")
        .unwrap();
    assert_eq!(screening["valid"], true);
    assert_eq!(screening["origin"], "shipped");
    let preview = invoke(
        &app,
        "preview_form",
        json!({ "input": { "form": "arrivals-screening", "date": "2020-03-01", "masking": "public" } }),
    )
    .unwrap();
    assert_eq!(preview["headers"][4], "身份证号");
    assert_eq!(preview["rows"].as_array().unwrap().len(), 20);
    assert!(preview["rows"][0][4]
        .as_str()
        .unwrap()
        .contains("***********"));
    let done = invoke(
        &app,
        "export_form",
        json!({ "input": { "form": "arrivals-screening", "date": "2020-03-01" } }),
    )
    .unwrap();
    assert_eq!(done["rows"], 140);
    let path = std::path::PathBuf::from(done["path"].as_str().unwrap());
    assert!(
        path.ends_with("exports/arrivals-screening-2020-03-01.xlsx"),
        "{path:?}"
    );
    assert!(std::fs::metadata(&path).unwrap().len() > 0);
    let log = invoke(&app, "export_log", json!({ "input": {} })).unwrap();
    assert_eq!(log[0]["formId"], "arrivals-screening");
    assert_eq!(log[0]["actor"], "desktop");
    let err = invoke(&app, "export_form", json!({ "input": { "form": "nope" } })).unwrap_err();
    assert_eq!(err["code"], "invalidInput");
}

#[test]
fn stats_commands_give_the_day_the_trend_and_the_narrative() {
    let app = demo_app();
    let day = invoke(
        &app,
        "daily_stats",
        json!({ "input": { "date": "2020-03-01" } }),
    )
    .unwrap();
    assert_eq!(day["total"]["arrivals"]["total"], 140);
    assert_eq!(day["nilReport"], true);
    let trend = invoke(
        &app,
        "daily_trend",
        json!({ "input": { "date": "2020-03-01" } }),
    )
    .unwrap();
    assert_eq!(trend.as_array().unwrap().len(), 30);
    let report = invoke(
        &app,
        "situation_report",
        json!({ "input": { "date": "2020-03-01" } }),
    )
    .unwrap();
    assert!(
        report["narrative"]
            .as_str()
            .unwrap()
            .contains("武汉来人4例"),
        "{report}"
    );
    let err = invoke(
        &app,
        "daily_stats",
        json!({ "input": { "date": "not a date" } }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalidInput");
}

#[test]
fn the_situation_report_is_written_as_docx_and_only_exports_folders_open() {
    let app = demo_app();
    let done = invoke(
        &app,
        "export_situation_report_docx",
        json!({ "input": { "date": "2020-03-01", "text": "一是实行精准摸排。\n二是多措并举。" } }),
    )
    .unwrap();
    assert_eq!(done["rows"], 2);
    assert_eq!(done["formId"], "situation-report");
    let path = std::path::PathBuf::from(done["path"].as_str().unwrap());
    assert!(
        path.ends_with("exports/情况汇报-2020-03-01.docx"),
        "{path:?}"
    );
    assert!(std::fs::metadata(&path).unwrap().len() > 0);
    let log = invoke(&app, "export_log", json!({ "input": {} })).unwrap();
    assert_eq!(log[0]["formId"], "situation-report");
    // A path outside the ledger's exports is refused before anything is opened.
    let err = invoke(
        &app,
        "open_export_folder",
        json!({ "input": { "path": "/etc/passwd" } }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalidInput");
}
