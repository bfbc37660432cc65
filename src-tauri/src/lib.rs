//! The desktop shell of GridLedger: a window, the ledger in managed state, and commands
//! that delegate to the `gridledger` core in a few lines each. Nothing here knows a
//! business rule.

mod commands;
mod ipc;
mod state;

use gridledger::store::location::{default_data_dir, ledger_path};
use gridledger::store::Actor;
use gridledger::{demo, Ledger, OpenOptions};

pub use state::AppState;

/// Open the ledger named by the environment (or the per-OS default) for the app.
///
/// - `GRIDLEDGER_DATA_DIR`: the data directory (tests use a fresh temporary one).
/// - `GRIDLEDGER_KEY`: the SQLCipher key, when the ledger is encrypted.
/// - `GRIDLEDGER_DEMO=1`: load the demo community if it is not there yet.
///
/// A ledger that cannot be opened does not stop the app: every command then answers with
/// the reason, and the UI shows it in Chinese.
pub fn open_ledger_from_env() -> AppState {
    let data_dir = std::env::var_os("GRIDLEDGER_DATA_DIR")
        .map(Into::into)
        .unwrap_or_else(|| default_data_dir(cfg!(debug_assertions)));
    let options = OpenOptions {
        key: std::env::var("GRIDLEDGER_KEY")
            .ok()
            .filter(|k| !k.is_empty()),
        ..OpenOptions::default()
    };
    let opened = Ledger::open(ledger_path(&data_dir), &options).map(|mut ledger| {
        if std::env::var("GRIDLEDGER_DEMO").is_ok_and(|v| v == "1") {
            // A ledger with real records refuses the demo; it still opens.
            if let Err(e) = demo::load(&mut ledger, &Actor::desktop()) {
                eprintln!("gridledger: demo not loaded: {e}");
            }
        }
        ledger
    });
    if let Err(e) = &opened {
        eprintln!(
            "gridledger: cannot open the ledger in {}: {e}",
            data_dir.display()
        );
    }
    AppState::new(opened)
}

/// Register every command on `builder`; shared by the app and the wiring tests.
pub fn with_commands<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        commands::app::app_info,
        commands::app::dashboard_counts,
        commands::app::load_demo,
        commands::settings::set_ledger_name,
        commands::settings::set_home_region,
        commands::register::register_children,
        commands::register::register_households,
        commands::register::list_people,
        commands::register::get_person,
        commands::register::reveal_person,
        commands::register::inspect_id_number,
        commands::register::add_person,
        commands::register::search_people,
        commands::register::bulk_create_building,
        commands::arrivals::list_arrivals,
        commands::arrivals::add_arrival,
        commands::arrivals::update_arrival,
        commands::arrivals::delete_arrival,
        commands::arrivals::list_risk_areas,
        commands::arrivals::add_risk_area,
        commands::arrivals::update_risk_area,
        commands::arrivals::delete_risk_area,
        commands::arrivals::add_contact,
        commands::arrivals::add_household_contacts,
        commands::arrivals::delete_contact,
        commands::arrivals::list_contacts,
        commands::arrivals::contact_chain,
        commands::arrivals::rescreen_arrivals,
        commands::arrivals::register_arrival,
        commands::isolation::isolation_policy,
        commands::isolation::set_isolation_policy,
        commands::isolation::propose_isolation,
        commands::isolation::start_isolation,
        commands::isolation::list_isolations,
        commands::isolation::replan_isolation,
        commands::isolation::end_isolation,
        commands::isolation::release_isolations,
        commands::isolation::add_checks,
        commands::isolation::monitoring_grid,
        commands::isolation::handle_fever,
        commands::isolation::worklist,
        commands::isolation::record_follow_up,
        commands::isolation::building_round,
        commands::register::merge_people,
        commands::register::list_workers,
        commands::register::add_worker,
        commands::sweep::list_sweeps,
        commands::sweep::create_sweep,
        commands::sweep::sweep_progress,
        commands::sweep::sweep_households,
        commands::sweep::record_sweep_visit,
        commands::sweep::record_sweep_visits,
        // 电话核实 (calls)
        commands::calls::call_policy,
        commands::calls::set_call_policy,
        commands::calls::call_list,
        commands::calls::list_call_targets,
        commands::calls::call_target_detail,
        commands::calls::add_call_target,
        commands::calls::add_call_targets,
        commands::calls::delete_call_target,
        commands::calls::add_call,
        commands::calls::delete_call,
        commands::calls::call_candidates,
        commands::calls::call_counts,
        // 卡口 (gate)
        commands::gate::list_checkpoints,
        commands::gate::add_checkpoint,
        commands::gate::add_gate_check,
        commands::gate::void_gate_check,
        commands::gate::gate_day,
        commands::gate::person_gate_checks,
        commands::gate::gate_summary,
        // 每日统计 · 情况汇报 (stats)
        commands::stats::daily_stats,
        commands::stats::daily_trend,
        commands::stats::situation_report,
        // 宣传 (publicity)
        commands::publicity::add_publicity,
        commands::publicity::delete_publicity,
        commands::publicity::list_publicity,
        commands::publicity::publicity_totals,
        // 物资 (supplies)
        commands::supplies::list_supply_items,
        commands::supplies::add_supply_item,
        commands::supplies::update_supply_item,
        commands::supplies::delete_supply_item,
        commands::supplies::list_supply_receipts,
        commands::supplies::add_supply_receipt,
        commands::supplies::delete_supply_receipt,
        commands::supplies::list_supply_issues,
        commands::supplies::add_supply_issue,
        commands::supplies::delete_supply_issue,
        commands::supplies::list_supply_follow_ups,
        commands::supplies::add_supply_follow_up,
        commands::supplies::supply_eligibility,
        commands::supplies::set_supply_eligibility,
        commands::supplies::eligible_households,
        commands::supplies::supply_counts,
        // 复工复产 · 务工证明 (work)
        commands::work::list_enterprises,
        commands::work::add_enterprise,
        commands::work::update_enterprise,
        commands::work::list_enterprise_visits,
        commands::work::add_enterprise_visit,
        commands::work::update_enterprise_visit,
        commands::work::list_difficulties,
        commands::work::add_difficulty,
        commands::work::add_difficulty_follow_up,
        commands::work::work_counts,
        commands::work::list_work_certificates,
        commands::work::get_work_certificate,
        commands::work::issue_work_certificate,
        commands::work::void_work_certificate,
        commands::work::add_certificate_call_back,
        commands::work::certificate_call_backs_due,
        commands::work::certificate_settings,
        commands::work::set_certificate_settings,
        commands::work::save_work_certificate,
        // 报表 (forms)
        commands::forms::list_forms,
        commands::forms::preview_form,
        commands::forms::export_form,
        commands::forms::export_log,
        commands::forms::export_situation_report_docx,
        commands::forms::open_export_folder,
        // 导入 (imports)
        commands::imports::stage_import_file,
        commands::imports::preview_import,
        commands::imports::import_preview_rows,
        commands::imports::commit_import,
        commands::imports::import_error_report,
        commands::imports::list_imports,
        commands::imports::undo_import,
        commands::imports::save_import_mapping,
        commands::imports::get_import_mapping,
        commands::imports::list_import_mappings,
    ])
}

pub fn run() {
    let state = open_ledger_from_env();
    let result = with_commands(tauri::Builder::default())
        .manage(state)
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("gridledger: the desktop app stopped: {e}");
        std::process::exit(1);
    }
}
