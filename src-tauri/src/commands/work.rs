//! 复工复产 · 外出务工证明: enterprises, visits with the 五到位 checklist, difficulties,
//! work certificates with call-backs and the printable certificate, 首页 counts.

use gridledger::api::{
    CertificateFilter, CertificatePage, CertificateSettings, Difficulty, DifficultyFilter,
    Enterprise, EnterpriseUpdate, EnterpriseVisit, IdArg, IpcError, NewCallBack, NewDifficulty,
    NewDifficultyFollowUp, NewEnterprise, NewVisit, NewWorkCertificate, SaveCertificate,
    VisitFilter, VisitUpdate, VoidCertificate, WorkCertificate, WorkCounts,
};
use gridledger::settings::Settings;
use gridledger::store::{Actor, Ledger};
use gridledger::{certificates, enterprises, Result};
use tauri::State;

use crate::ipc::Input;
use crate::AppState;

/// The statistical date: after the cut-off, today's work is tomorrow's.
fn statistical_date(ledger: &Ledger) -> Result<chrono::NaiveDate> {
    Ok(Settings::load(ledger.conn())?.statistical_date(chrono::Local::now().naive_local()))
}

/// The calendar date, for what cannot be in the future.
fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

#[tauri::command]
pub async fn list_enterprises(state: State<'_, AppState>) -> Result<Vec<Enterprise>, IpcError> {
    state
        .run(move |l| enterprises::list_enterprises(l.conn()))
        .await
}

#[tauri::command]
pub async fn add_enterprise(
    state: State<'_, AppState>,
    input: Input<NewEnterprise>,
) -> Result<String, IpcError> {
    let Input(e) = input;
    state
        .run(move |l| l.write(&Actor::desktop(), |tx| enterprises::add_enterprise(tx, &e)))
        .await
}

#[tauri::command]
pub async fn update_enterprise(
    state: State<'_, AppState>,
    input: Input<EnterpriseUpdate>,
) -> Result<(), IpcError> {
    let Input(u) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                enterprises::update_enterprise(tx, &u.id, &u.enterprise)
            })
        })
        .await
}

#[tauri::command]
pub async fn list_enterprise_visits(
    state: State<'_, AppState>,
    input: Input<VisitFilter>,
) -> Result<Vec<EnterpriseVisit>, IpcError> {
    let Input(f) = input;
    state
        .run(move |l| enterprises::list_visits(l.conn(), &f))
        .await
}

#[tauri::command]
pub async fn add_enterprise_visit(
    state: State<'_, AppState>,
    input: Input<NewVisit>,
) -> Result<EnterpriseVisit, IpcError> {
    let Input(v) = input;
    state
        .run(move |l| {
            let id = l.write(&Actor::desktop(), |tx| {
                enterprises::add_visit(tx, &v, today())
            })?;
            enterprises::get_visit(l.conn(), &id)
        })
        .await
}

#[tauri::command]
pub async fn update_enterprise_visit(
    state: State<'_, AppState>,
    input: Input<VisitUpdate>,
) -> Result<EnterpriseVisit, IpcError> {
    let Input(u) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                enterprises::update_visit(tx, &u.id, &u.visit, today())
            })?;
            enterprises::get_visit(l.conn(), &u.id)
        })
        .await
}

#[tauri::command]
pub async fn list_difficulties(
    state: State<'_, AppState>,
    input: Input<DifficultyFilter>,
) -> Result<Vec<Difficulty>, IpcError> {
    let Input(f) = input;
    state
        .run(move |l| enterprises::list_difficulties(l.conn(), &f))
        .await
}

#[tauri::command]
pub async fn add_difficulty(
    state: State<'_, AppState>,
    input: Input<NewDifficulty>,
) -> Result<String, IpcError> {
    let Input(d) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                enterprises::add_difficulty(tx, &d, today())
            })
        })
        .await
}

#[tauri::command]
pub async fn add_difficulty_follow_up(
    state: State<'_, AppState>,
    input: Input<NewDifficultyFollowUp>,
) -> Result<String, IpcError> {
    let Input(f) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                enterprises::add_difficulty_follow_up(tx, &f, today())
            })
        })
        .await
}

#[tauri::command]
pub async fn work_counts(state: State<'_, AppState>) -> Result<WorkCounts, IpcError> {
    state
        .run(move |l| enterprises::work_counts(l.conn(), statistical_date(l)?))
        .await
}

#[tauri::command]
pub async fn list_work_certificates(
    state: State<'_, AppState>,
    input: Input<CertificateFilter>,
) -> Result<CertificatePage, IpcError> {
    let Input(f) = input;
    state
        .run(move |l| certificates::list_certificates(l.conn(), &f))
        .await
}

#[tauri::command]
pub async fn issue_work_certificate(
    state: State<'_, AppState>,
    input: Input<NewWorkCertificate>,
) -> Result<WorkCertificate, IpcError> {
    let Input(n) = input;
    state
        .run(move |l| {
            let id = l.write(&Actor::desktop(), |tx| {
                certificates::issue_certificate(tx, &n, today())
            })?;
            certificates::get_certificate(l.conn(), &id)
        })
        .await
}

#[tauri::command]
pub async fn void_work_certificate(
    state: State<'_, AppState>,
    input: Input<VoidCertificate>,
) -> Result<WorkCertificate, IpcError> {
    let Input(v) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                certificates::void_certificate(tx, &v)
            })?;
            certificates::get_certificate(l.conn(), &v.id)
        })
        .await
}

#[tauri::command]
pub async fn add_certificate_call_back(
    state: State<'_, AppState>,
    input: Input<NewCallBack>,
) -> Result<WorkCertificate, IpcError> {
    let Input(c) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                certificates::add_call_back(tx, &c, today())
            })?;
            certificates::get_certificate(l.conn(), &c.certificate_id)
        })
        .await
}

#[tauri::command]
pub async fn certificate_call_backs_due(
    state: State<'_, AppState>,
) -> Result<Vec<WorkCertificate>, IpcError> {
    state
        .run(move |l| certificates::call_backs_due(l.conn(), statistical_date(l)?))
        .await
}

#[tauri::command]
pub async fn certificate_settings(
    state: State<'_, AppState>,
) -> Result<CertificateSettings, IpcError> {
    state
        .run(move |l| certificates::certificate_settings(l.conn()))
        .await
}

#[tauri::command]
pub async fn set_certificate_settings(
    state: State<'_, AppState>,
    input: Input<CertificateSettings>,
) -> Result<CertificateSettings, IpcError> {
    let Input(s) = input;
    state
        .run(move |l| {
            l.write(&Actor::desktop(), |tx| {
                certificates::set_certificate_settings(tx, &s)
            })
        })
        .await
}

/// Write the printable certificate to a path the user chose (an absolute `.xlsx` path).
#[tauri::command]
pub async fn save_work_certificate(
    state: State<'_, AppState>,
    input: Input<SaveCertificate>,
) -> Result<String, IpcError> {
    let Input(SaveCertificate { id, path }) = input;
    state
        .run(move |l| {
            let path = match path.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
                Some(p) => std::path::PathBuf::from(p),
                None => {
                    let cert = certificates::get_certificate(l.conn(), &id)?;
                    certificates::default_print_path(l, &cert.number)
                }
            };
            if !path.is_absolute() || path.extension().is_none_or(|e| e != "xlsx") {
                return Err(gridledger::Error::invalid(
                    "certificate.path",
                    "the file must be an absolute .xlsx path",
                    "请选择保存位置（.xlsx 文件）",
                ));
            }
            l.write(&Actor::desktop(), |tx| {
                certificates::save_certificate_xlsx(tx, &id, &path)
            })?;
            Ok(path.display().to_string())
        })
        .await
}

/// One certificate with its call-backs.
#[tauri::command]
pub async fn get_work_certificate(
    state: State<'_, AppState>,
    input: Input<IdArg>,
) -> Result<WorkCertificate, IpcError> {
    let Input(IdArg { id }) = input;
    state
        .run(move |l| certificates::get_certificate(l.conn(), &id))
        .await
}
