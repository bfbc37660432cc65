//! Work certificates (外出务工证明): a numbered certificate for a person leaving to work,
//! the printable A4 certificate (xlsx), and call-backs after arrival at work.
//!
//! Numbers run per issuing year ("2020-0001"), allocated inside the write transaction as
//! the year's max + 1. `Ledger::write` is an IMMEDIATE transaction, so two issuers — even
//! on two connections to the same ledger file — are serialised: no gaps, no duplicates (a
//! unique index is the backstop). A certificate is never deleted; a voided one keeps its
//! number (triggers in migration 0010 refuse deletes and renumbering).

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, ToSql, Transaction};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook};

use crate::api::{
    CallBack, CertificateFilter, CertificatePage, CertificateSettings, NewCallBack,
    NewWorkCertificate, VoidCertificate, WorkCertificate,
};
use crate::arrivals::{date_field, optional_date, optional_note, require};
use crate::domain::date::{format_iso, format_zh};
use crate::domain::masking::{mask_id, mask_phone, MaskPreset};
use crate::error::{Error, Result};
use crate::register::normalise_phone;
use crate::settings::{self, Settings};
use crate::store::{record_event, rows, AuditEvent};

const SETTINGS: &str = "work_certificate";
/// The most certificates one page may hold.
pub const MAX_PAGE: u32 = 500;

/// The 14-day health declaration printed when none is typed.
pub const DEFAULT_DECLARATION: &str =
    "经本人申报及社区核实，该同志近14天内无发热、咳嗽、乏力等症状，\
未到过疫情中高风险地区，未接触新冠肺炎确诊或疑似病例，未被列为密切接触者，身体健康，同意外出务工。";

/// "2020-0001".
pub fn format_number(year: u32, seq: u32) -> String {
    format!("{year}-{seq:04}")
}

/// The certificate settings in force.
pub fn certificate_settings(conn: &Connection) -> Result<CertificateSettings> {
    Ok(settings::get_json(conn, SETTINGS)?.unwrap_or_default())
}

/// Change the certificate settings.
pub fn set_certificate_settings(
    tx: &Transaction,
    s: &CertificateSettings,
) -> Result<CertificateSettings> {
    if !(1..=60).contains(&s.call_back_days) {
        return Err(Error::invalid(
            "certificate_settings.call_back_days",
            "call-backs are due 1 to 60 days after the issue",
            "回访天数须在 1 到 60 天之间",
        ));
    }
    let phone = optional_note(s.contact_phone.as_deref())
        .map(|p| normalise_phone(&p))
        .transpose()?;
    let clean = CertificateSettings {
        issuing_unit: optional_note(s.issuing_unit.as_deref()),
        contact_phone: phone,
        call_back_days: s.call_back_days,
    };
    settings::put_json(tx, SETTINGS, &clean)?;
    Ok(clean)
}

/// Issue a certificate: the next number of the issue date's year.
pub fn issue_certificate(
    tx: &Transaction,
    n: &NewWorkCertificate,
    today: NaiveDate,
) -> Result<String> {
    let person = n.person_id.trim();
    require(tx, "person", "certificate.person_id", "人员", person)?;
    let destination = n.destination.trim();
    if destination.is_empty() {
        return Err(Error::invalid(
            "certificate.destination",
            "a certificate names the destination",
            "请填写务工目的地",
        ));
    }
    let issued_on = date_field("certificate.issued_on", "开具日期", &n.issued_on)?;
    if issued_on > today {
        return Err(Error::invalid(
            "certificate.issued_on",
            "the issue date is in the future",
            "开具日期不能晚于今天",
        ));
    }
    let leaving_on = optional_date(
        "certificate.leaving_on",
        "外出日期",
        n.leaving_on.as_deref(),
    )?;
    let issued_by = optional_note(n.issued_by.as_deref());
    if let Some(w) = &issued_by {
        require(tx, "worker", "certificate.issued_by", "开具人", w)?;
    }
    let declaration = optional_note(n.health_declaration.as_deref())
        .unwrap_or_else(|| DEFAULT_DECLARATION.to_owned());
    let year = issued_on.year();
    let seq: u32 = tx.query_row(
        "SELECT coalesce(max(seq), 0) + 1 FROM work_certificate WHERE year = ?1",
        params![year],
        |r| r.get(0),
    )?;
    rows::insert(
        tx,
        "work_certificate",
        &[
            ("year", &year),
            ("seq", &seq),
            ("person_id", &person),
            ("destination", &destination),
            ("employer", &optional_note(n.employer.as_deref())),
            ("leaving_on", &leaving_on.map(format_iso)),
            ("health_declaration", &declaration),
            ("issued_by", &issued_by),
            ("issued_on", &format_iso(issued_on)),
            ("note", &optional_note(n.note.as_deref())),
        ],
    )
}

/// Void a certificate. It keeps its number; the next one does not reuse it.
pub fn void_certificate(tx: &Transaction, v: &VoidCertificate) -> Result<()> {
    let cert = get_certificate(tx, &v.id)?;
    if let Some(on) = cert.voided_on {
        return Err(Error::invalid(
            "certificate.id",
            "the certificate is already void",
            format!("证明 {} 已于 {on} 作废", cert.number),
        ));
    }
    let on = date_field("certificate.voided_on", "作废日期", &v.on)?;
    let reason = v.reason.trim();
    if reason.is_empty() {
        return Err(Error::invalid(
            "certificate.void_reason",
            "voiding needs a reason",
            "请填写作废原因",
        ));
    }
    rows::update(
        tx,
        "work_certificate",
        &v.id,
        &[("voided_on", &format_iso(on)), ("void_reason", &reason)],
    )
}

/// Record a call-back after the holder's arrival at work.
pub fn add_call_back(tx: &Transaction, c: &NewCallBack, today: NaiveDate) -> Result<String> {
    let cert = get_certificate(tx, &c.certificate_id).map_err(|e| match e {
        Error::NotFound { .. } => Error::invalid(
            "call_back.certificate_id",
            "the certificate does not exist",
            "所选证明不存在",
        ),
        other => other,
    })?;
    let on = date_field("call_back.called_on", "回访日期", &c.called_on)?;
    if on > today {
        return Err(Error::invalid(
            "call_back.called_on",
            "the call is in the future",
            "回访日期不能晚于今天",
        ));
    }
    if format_iso(on) < cert.issued_on {
        return Err(Error::invalid(
            "call_back.called_on",
            "the call is before the issue",
            format!("回访日期不能早于开具日期 {}", cert.issued_on),
        ));
    }
    let worker = optional_note(c.worker_id.as_deref());
    if let Some(w) = &worker {
        require(tx, "worker", "call_back.worker_id", "回访人", w)?;
    }
    rows::insert(
        tx,
        "certificate_call_back",
        &[
            ("certificate_id", &c.certificate_id),
            ("called_on", &format_iso(on)),
            ("reached", &c.reached),
            ("arrived", &(c.reached && c.arrived)),
            ("well", &(c.reached && c.well)),
            ("worker_id", &worker),
            ("note", &optional_note(c.note.as_deref())),
        ],
    )
}

const CERT_SELECT: &str = "SELECT c.id, c.year, c.seq, c.person_id, p.name, p.id_number, p.phone, \
       c.destination, c.employer, c.leaving_on, c.health_declaration, c.issued_by, w.name, \
       c.issued_on, c.voided_on, c.void_reason, c.note \
     FROM work_certificate c JOIN person p ON p.id = c.person_id \
     LEFT JOIN worker w ON w.id = c.issued_by";

fn cert_from_row(r: &rusqlite::Row) -> rusqlite::Result<WorkCertificate> {
    let year: u32 = r.get(1)?;
    let seq: u32 = r.get(2)?;
    let id_number: Option<String> = r.get(5)?;
    let phone: Option<String> = r.get(6)?;
    Ok(WorkCertificate {
        id: r.get(0)?,
        number: format_number(year, seq),
        year,
        seq,
        person_id: r.get(3)?,
        person_name: r.get(4)?,
        id_number_masked: id_number.map(|n| mask_id(&n, MaskPreset::Upward)),
        phone_masked: phone.map(|n| mask_phone(&n, MaskPreset::Public)),
        destination: r.get(7)?,
        employer: r.get(8)?,
        leaving_on: r.get(9)?,
        health_declaration: r.get(10)?,
        issued_by: r.get(11)?,
        issued_by_name: r.get(12)?,
        issued_on: r.get(13)?,
        voided_on: r.get(14)?,
        void_reason: r.get(15)?,
        note: r.get(16)?,
        call_backs: Vec::new(),
    })
}

fn fill_call_backs(conn: &Connection, certs: &mut [WorkCertificate]) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT b.id, b.called_on, b.reached, b.arrived, b.well, w.name, b.note \
         FROM certificate_call_back b LEFT JOIN worker w ON w.id = b.worker_id \
         WHERE b.certificate_id = ?1 AND b.deleted_at IS NULL ORDER BY b.called_on, b.id",
    )?;
    for c in certs {
        c.call_backs = stmt
            .query_map(params![c.id], |r| {
                Ok(CallBack {
                    id: r.get(0)?,
                    called_on: r.get(1)?,
                    reached: r.get(2)?,
                    arrived: r.get(3)?,
                    well: r.get(4)?,
                    worker_name: r.get(5)?,
                    note: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
    }
    Ok(())
}

/// One certificate, with its call-backs.
pub fn get_certificate(conn: &Connection, id: &str) -> Result<WorkCertificate> {
    let mut cert = conn
        .query_row(
            &format!("{CERT_SELECT} WHERE c.id = ?1"),
            params![id],
            cert_from_row,
        )
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: "work_certificate",
            id: id.to_owned(),
        })?;
    fill_call_backs(conn, std::slice::from_mut(&mut cert))?;
    Ok(cert)
}

/// The certificate with this number ("2020-0001", or "2020-1").
pub fn find_by_number(conn: &Connection, number: &str) -> Result<WorkCertificate> {
    let parsed = number
        .trim()
        .split_once('-')
        .and_then(|(y, s)| Some((y.parse::<u32>().ok()?, s.parse::<u32>().ok()?)));
    let Some((year, seq)) = parsed else {
        return Err(Error::invalid(
            "certificate.number",
            format!("{number:?} is not a certificate number like 2020-0001"),
            "证明编号应形如 2020-0001",
        ));
    };
    let id: Option<String> = conn
        .query_row(
            "SELECT id FROM work_certificate WHERE year = ?1 AND seq = ?2",
            params![year, seq],
            |r| r.get(0),
        )
        .optional()?;
    match id {
        Some(id) => get_certificate(conn, &id),
        None => Err(Error::NotFound {
            entity: "work_certificate",
            id: number.to_owned(),
        }),
    }
}

/// Certificates matching `filter`, latest number first.
pub fn list_certificates(conn: &Connection, f: &CertificateFilter) -> Result<CertificatePage> {
    let mut clauses: Vec<&str> = vec!["1"];
    let mut values: Vec<Box<dyn ToSql>> = Vec::new();
    if let Some(p) = optional_note(f.person_id.as_deref()) {
        clauses.push("c.person_id = ?");
        values.push(Box::new(p));
    }
    if let Some(y) = f.year {
        clauses.push("c.year = ?");
        values.push(Box::new(y));
    }
    if !f.include_voided {
        clauses.push("c.voided_on IS NULL");
    }
    let clause = clauses.join(" AND ");
    let total: u32 = conn.query_row(
        &format!("SELECT count(*) FROM work_certificate c WHERE {clause}"),
        rusqlite::params_from_iter(values.iter()),
        |r| r.get(0),
    )?;
    let limit = if f.limit == 0 {
        50
    } else {
        f.limit.min(MAX_PAGE)
    };
    values.push(Box::new(limit));
    values.push(Box::new(f.offset));
    let mut stmt = conn.prepare(&format!(
        "{CERT_SELECT} WHERE {clause} ORDER BY c.year DESC, c.seq DESC LIMIT ? OFFSET ?"
    ))?;
    let mut rows = stmt
        .query_map(rusqlite::params_from_iter(values.iter()), cert_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    fill_call_backs(conn, &mut rows)?;
    Ok(CertificatePage { rows, total })
}

/// The follow-up list: live certificates whose holder has not been reached by a call-back
/// and whose issue date is at least the settings' days before `on`. Oldest first.
pub fn call_backs_due(conn: &Connection, on: NaiveDate) -> Result<Vec<WorkCertificate>> {
    let days = certificate_settings(conn)?.call_back_days;
    let mut stmt = conn.prepare(&format!(
        "{CERT_SELECT} WHERE c.voided_on IS NULL AND c.issued_on <= date(?1, '-' || ?2 || ' days') \
         AND NOT EXISTS (SELECT 1 FROM certificate_call_back b WHERE b.certificate_id = c.id \
                          AND b.deleted_at IS NULL AND b.reached = 1) \
         ORDER BY c.issued_on, c.year, c.seq"
    ))?;
    let mut rows = stmt
        .query_map(params![format_iso(on), days], cert_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    fill_call_backs(conn, &mut rows)?;
    Ok(rows)
}

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::invalid(
        "certificate.path",
        format!("cannot write the certificate: {e}"),
        format!("无法保存证明文件：{e}"),
    )
}

/// Where a certificate is printed unless told otherwise:
/// `<data dir>/exports/外出务工证明-2020-0001.xlsx`, beside the forms' exports.
pub fn default_print_path(ledger: &crate::Ledger, number: &str) -> std::path::PathBuf {
    crate::forms::exports_dir(&crate::forms::data_dir_of(ledger))
        .join(format!("外出务工证明-{number}.xlsx"))
}

/// Write the printable A4 certificate (portrait, one page) to `path`. The full ID number
/// is printed, so the print is recorded in the audit log as an export.
pub fn save_certificate_xlsx(tx: &Transaction, id: &str, path: &Path) -> Result<()> {
    let cert = get_certificate(tx, id)?;
    if cert.voided_on.is_some() {
        return Err(Error::invalid(
            "certificate.id",
            "a void certificate is not printed",
            format!("证明 {} 已作废，不能打印", cert.number),
        ));
    }
    let (id_number, phone): (Option<String>, Option<String>) = tx.query_row(
        "SELECT id_number, phone FROM person WHERE id = ?1",
        params![cert.person_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let s = certificate_settings(tx)?;
    let unit = s.issuing_unit.clone().unwrap_or_else(|| {
        Settings::load(tx)
            .map(|l| l.ledger_name)
            .unwrap_or_default()
    });
    let issued = NaiveDate::parse_from_str(&cert.issued_on, "%Y-%m-%d")
        .map(format_zh)
        .unwrap_or_else(|_| cert.issued_on.clone());

    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("外出务工证明").map_err(xlsx_error)?;
    ws.set_paper_size(9); // A4
    ws.set_portrait();
    ws.set_print_fit_to_pages(1, 1);
    ws.set_print_center_horizontally(true);
    ws.set_margins(0.7, 0.7, 0.8, 0.8, 0.3, 0.3);
    ws.set_column_width(0, 16).map_err(xlsx_error)?;
    ws.set_column_width(1, 22).map_err(xlsx_error)?;
    ws.set_column_width(2, 14).map_err(xlsx_error)?;
    ws.set_column_width(3, 22).map_err(xlsx_error)?;
    let title = Format::new()
        .set_bold()
        .set_font_size(20)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let right = Format::new().set_align(FormatAlign::Right);
    let label = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let plain = Format::new()
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let sign = Format::new().set_align(FormatAlign::Right);

    ws.set_row_height(0, 40).map_err(xlsx_error)?;
    ws.merge_range(0, 0, 0, 3, "外出务工人员健康证明", &title)
        .map_err(xlsx_error)?;
    ws.merge_range(1, 0, 1, 3, &format!("编号：{}", cert.number), &right)
        .map_err(xlsx_error)?;
    let mut row = 2;
    let pairs: [(&str, String, &str, String); 3] = [
        (
            "姓名",
            cert.person_name.clone(),
            "联系电话",
            phone.unwrap_or_default(),
        ),
        (
            "身份证号",
            id_number.unwrap_or_default(),
            "外出日期",
            cert.leaving_on.clone().unwrap_or_default(),
        ),
        (
            "务工地点",
            cert.destination.clone(),
            "务工单位",
            cert.employer.clone().unwrap_or_default(),
        ),
    ];
    for (l1, v1, l2, v2) in &pairs {
        ws.set_row_height(row, 28).map_err(xlsx_error)?;
        ws.write_string_with_format(row, 0, *l1, &label)
            .map_err(xlsx_error)?;
        // Strings, never numbers: an ID number stays text.
        ws.write_string_with_format(row, 1, v1, &cell)
            .map_err(xlsx_error)?;
        ws.write_string_with_format(row, 2, *l2, &label)
            .map_err(xlsx_error)?;
        ws.write_string_with_format(row, 3, v2, &cell)
            .map_err(xlsx_error)?;
        row += 1;
    }
    ws.set_row_height(row, 110).map_err(xlsx_error)?;
    ws.write_string_with_format(row, 0, "14天健康申报", &label)
        .map_err(xlsx_error)?;
    ws.merge_range(row, 1, row, 3, &cert.health_declaration, &cell)
        .map_err(xlsx_error)?;
    row += 2;
    ws.set_row_height(row, 40).map_err(xlsx_error)?;
    ws.merge_range(row, 0, row, 3, "特此证明。", &plain)
        .map_err(xlsx_error)?;
    row += 2;
    ws.merge_range(row, 0, row, 3, &format!("开具单位：{unit}（盖章）"), &sign)
        .map_err(xlsx_error)?;
    row += 1;
    if let Some(p) = &s.contact_phone {
        ws.merge_range(row, 0, row, 3, &format!("联系电话：{p}"), &sign)
            .map_err(xlsx_error)?;
        row += 1;
    }
    if let Some(by) = &cert.issued_by_name {
        ws.merge_range(row, 0, row, 3, &format!("经办人：{by}"), &sign)
            .map_err(xlsx_error)?;
        row += 1;
    }
    ws.merge_range(row, 0, row, 3, &issued, &sign)
        .map_err(xlsx_error)?;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    wb.save(path).map_err(xlsx_error)?;
    record_event(
        tx,
        AuditEvent::Export,
        "work_certificate",
        &cert.id,
        &serde_json::json!({ "form": "work_certificate", "number": cert.number, "rows": 1, "masking": "none" }),
    )?;
    Ok(())
}
