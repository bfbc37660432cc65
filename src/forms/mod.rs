//! Official forms as data and the xlsx export engine (报表导出). Issue 8.
//!
//! - `definition`: the JSON definition format and its validation (errors name the line).
//! - `source`: the row sources (core queries over the ledger), masking applied there.
//! - `engine`: the xlsx writer (layout, fonts, print setup, constant memory).
//! - this file: the registry of definitions (shipped, embedded with `include_str!`, and
//!   user copies in `<data dir>/forms/*.json`, a valid copy winning over the shipped one
//!   with its id, an invalid one listed with its problems and never used), export to a
//!   file with its export-log entry, preview, and the export log.
//!
//! - `sources`: the row sources over other modules (call targets, the daily report,
//!   enterprise visits, gate checks), built on those modules' own functions.
//!
//! A form over data from another module is a new `source::Source` variant plus a JSON
//! definition; nothing here changes.

pub mod definition;
pub mod engine;
pub mod source;
mod sources;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use crate::api::{
    ExportLogEntry, ExportRequest, ExportResult, FormOrigin, FormPreview, FormProblem, FormSummary,
};
use crate::arrivals::date_field;
use crate::domain::masking::MaskPreset;
use crate::error::{Error, Result};
use crate::settings::Settings;
use crate::store::{rows, Actor, Ledger};
use definition::{DefinitionError, Form};
use source::{Query, Value};

/// The shipped definitions: (file name, text).
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "arrivals-screening.json",
        include_str!("../../assets/forms/arrivals-screening.json"),
    ),
    (
        "isolation-monitoring.json",
        include_str!("../../assets/forms/isolation-monitoring.json"),
    ),
    (
        "contacts.json",
        include_str!("../../assets/forms/contacts.json"),
    ),
    (
        "call-verification.json",
        include_str!("../../assets/forms/call-verification.json"),
    ),
    (
        "daily-report.json",
        include_str!("../../assets/forms/daily-report.json"),
    ),
    (
        "work-resumption.json",
        include_str!("../../assets/forms/work-resumption.json"),
    ),
    (
        "gate-checks.json",
        include_str!("../../assets/forms/gate-checks.json"),
    ),
];

/// Where user copies of definitions live: `<data dir>/forms/`.
pub fn user_forms_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("forms")
}

/// Where exports go by default: `<data dir>/exports/`.
pub fn exports_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("exports")
}

/// The folder of an exported file, to show it (打开文件夹): only a file in
/// `<data dir>/exports/`, so the shell never opens an arbitrary path it is handed.
pub fn export_folder(ledger: &Ledger, path: &str) -> Result<PathBuf> {
    let exports = exports_dir(&data_dir_of(ledger));
    let refuse = || {
        Error::invalid(
            "export.path",
            format!("{path} is not an export of this ledger"),
            "该文件不在本台账的导出目录中",
        )
    };
    let exports = exports.canonicalize().map_err(|_| refuse())?;
    let file = Path::new(path).canonicalize().map_err(|_| refuse())?;
    match file.parent() {
        Some(dir) if dir.starts_with(&exports) && file.is_file() => Ok(dir.to_path_buf()),
        _ => Err(refuse()),
    }
}

/// The data directory of an open ledger (the directory of its file).
pub fn data_dir_of(ledger: &Ledger) -> PathBuf {
    ledger
        .path()
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn problems(errors: &[DefinitionError]) -> Vec<FormProblem> {
    errors
        .iter()
        .map(|e| FormProblem {
            line: e.line,
            key: e.key.clone(),
            message: e.to_string(),
            message_zh: e.to_zh(),
        })
        .collect()
}

struct Entry {
    summary: FormSummary,
    form: Option<Form>,
}

fn entry(id_hint: &str, text: &str, origin: FormOrigin, path: Option<&Path>) -> Entry {
    match definition::parse(text) {
        Ok(form) => Entry {
            summary: FormSummary {
                id: form.def.id.clone(),
                name: form.def.name.clone(),
                source: form.def.source.name().to_owned(),
                origin,
                path: path.map(|p| p.display().to_string()),
                valid: true,
                in_use: false,
                problems: Vec::new(),
                masking: form.def.masking,
            },
            form: Some(form),
        },
        Err(errors) => {
            // Name the entry by the id it declares when that much can be read.
            let id = serde_json::from_str::<serde_json::Value>(text)
                .ok()
                .and_then(|v| v.get("id").and_then(|i| i.as_str()).map(str::to_owned))
                .unwrap_or_else(|| id_hint.to_owned());
            let name = serde_json::from_str::<serde_json::Value>(text)
                .ok()
                .and_then(|v| v.get("name").and_then(|i| i.as_str()).map(str::to_owned))
                .unwrap_or_else(|| id.clone());
            Entry {
                summary: FormSummary {
                    id,
                    name,
                    source: String::new(),
                    origin,
                    path: path.map(|p| p.display().to_string()),
                    valid: false,
                    in_use: false,
                    problems: problems(&errors),
                    masking: MaskPreset::Upward,
                },
                form: None,
            }
        }
    }
}

fn load(data_dir: Option<&Path>) -> Vec<Entry> {
    let mut entries: Vec<Entry> = SHIPPED
        .iter()
        .map(|(file, text)| {
            entry(
                file.trim_end_matches(".json"),
                text,
                FormOrigin::Shipped,
                None,
            )
        })
        .collect();
    if let Some(dir) = data_dir {
        let mut files: Vec<PathBuf> = std::fs::read_dir(user_forms_dir(dir))
            .map(|rd| {
                rd.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "json"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        for path in files {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let e = match std::fs::read_to_string(&path) {
                Ok(text) => entry(&stem, &text, FormOrigin::User, Some(&path)),
                Err(err) => Entry {
                    summary: FormSummary {
                        id: stem.clone(),
                        name: stem.clone(),
                        source: String::new(),
                        origin: FormOrigin::User,
                        path: Some(path.display().to_string()),
                        valid: false,
                        in_use: false,
                        problems: vec![FormProblem {
                            line: None,
                            key: None,
                            message: format!("cannot read the file: {err}"),
                            message_zh: format!("无法读取文件：{err}"),
                        }],
                        masking: MaskPreset::Upward,
                    },
                    form: None,
                },
            };
            entries.push(e);
        }
    }
    // The valid entry used for each id: the last valid user copy, else the shipped one.
    let ids: Vec<String> = entries.iter().map(|e| e.summary.id.clone()).collect();
    for id in ids {
        let chosen = entries
            .iter()
            .rposition(|e| e.summary.id == id && e.summary.valid);
        if let Some(i) = chosen {
            entries[i].summary.in_use = true;
        }
    }
    entries
}

/// Every definition, shipped and user copies, with its validation state.
pub fn list_forms(data_dir: Option<&Path>) -> Vec<FormSummary> {
    load(data_dir).into_iter().map(|e| e.summary).collect()
}

/// The definition exports use for `id` (a valid user copy wins over the shipped one).
pub fn find_form(data_dir: Option<&Path>, id: &str) -> Result<Form> {
    let entries = load(data_dir);
    if let Some(form) = entries
        .iter()
        .find(|e| e.summary.id == id && e.summary.in_use)
        .and_then(|e| e.form.clone())
    {
        return Ok(form);
    }
    match entries.iter().find(|e| e.summary.id == id) {
        Some(bad) => {
            let first = bad
                .summary
                .problems
                .first()
                .map(|p| (p.message.clone(), p.message_zh.clone()))
                .unwrap_or_default();
            Err(Error::invalid(
                "form",
                format!("form {id:?} is not valid: {}", first.0),
                format!("表单“{}”的定义有误：{}", bad.summary.name, first.1),
            ))
        }
        None => Err(Error::invalid(
            "form",
            format!("no form {id:?}"),
            format!("没有表单“{id}”"),
        )),
    }
}

/// Copies the shipped definitions into `<data dir>/forms/` for editing (existing files
/// are kept). Returns the paths written.
pub fn copy_shipped(data_dir: &Path) -> Result<Vec<PathBuf>> {
    let dir = user_forms_dir(data_dir);
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let mut written = Vec::new();
    for (file, text) in SHIPPED {
        let path = dir.join(file);
        if !path.exists() {
            std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
            written.push(path);
        }
    }
    Ok(written)
}

/// The request's parameters, checked.
struct Resolved {
    query: Query,
    masking: MaskPreset,
    grid_names: Vec<String>,
    checkpoint_name: Option<String>,
    filters_json: serde_json::Value,
}

fn resolve(conn: &Connection, form: &Form, req: &ExportRequest) -> Result<Resolved> {
    let date = |field: &'static str, what: &str, v: &Option<String>| -> Result<Option<NaiveDate>> {
        match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => date_field(field, what, s).map(Some),
            None => Ok(None),
        }
    };
    let d = date("export.date", "报表日期", &req.date)?;
    let from = date("export.from", "开始日期", &req.from)?;
    let to = date("export.to", "截止日期", &req.to)?;
    if d.is_some() && (from.is_some() || to.is_some()) {
        return Err(Error::invalid(
            "export.date",
            "give either a date or a range, not both",
            "报表日期和日期范围只能选一种",
        ));
    }
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(Error::invalid(
                "export.from",
                "the range starts after it ends",
                "开始日期晚于截止日期",
            ));
        }
    }
    let grids = source::resolve_grids(conn, &req.grids)?;
    let masking = req.masking.unwrap_or(form.def.masking);
    let checkpoint = match req.checkpoint.as_deref().map(str::trim) {
        Some(c) if !c.is_empty() => Some(
            crate::gate::list_checkpoints(conn)?
                .into_iter()
                .find(|x| x.id == c || x.name == c)
                .ok_or_else(|| {
                    Error::invalid(
                        "export.checkpoint",
                        format!("no checkpoint {c:?}"),
                        format!("没有卡口“{c}”"),
                    )
                })?,
        ),
        _ => None,
    };
    let mut filters_json = serde_json::json!({
        "date": d.map(|x| x.to_string()),
        "from": from.map(|x| x.to_string()),
        "to": to.map(|x| x.to_string()),
        "grids": grids.iter().map(|(_, n)| n.clone()).collect::<Vec<_>>(),
    });
    if let Some(cp) = &checkpoint {
        filters_json["checkpoint"] = serde_json::Value::String(cp.name.clone());
    }
    Ok(Resolved {
        query: Query {
            date: d,
            from,
            to,
            grid_ids: grids.iter().map(|(id, _)| id.clone()).collect(),
            from_risk_area: form.def.filters.from_risk_area,
            masking: Some(masking),
            checkpoint_id: checkpoint.as_ref().map(|c| c.id.clone()),
        },
        masking,
        grid_names: grids.into_iter().map(|(_, n)| n).collect(),
        checkpoint_name: checkpoint.map(|c| c.name),
        filters_json,
    })
}

/// The title, header block and footer with placeholders filled in.
fn texts(conn: &Connection, form: &Form, r: &Resolved) -> Result<engine::Texts> {
    let settings = Settings::load(conn)?;
    // A single grid's community names the form; otherwise the ledger's name.
    let community = match r.query.grid_ids.as_slice() {
        [one] => conn
            .query_row(
                "SELECT c.name FROM grid g JOIN community c ON c.id = g.community_id \
                 WHERE g.id = ?1",
                params![one],
                |row| row.get::<_, String>(0),
            )
            .unwrap_or_else(|_| settings.ledger_name.clone()),
        _ => settings.ledger_name.clone(),
    };
    let report_date = match r.query.date.or(r.query.to) {
        Some(d) => d,
        // The daily report's day is the statistical date.
        None if form.def.source == source::Source::DailyReport => {
            crate::stats::statistical_today(conn)?
        }
        None => crate::arrivals::today(),
    };
    // "零报告" on a day with nothing new (only asked of the stats when a text uses it).
    let uses_nil = std::iter::once(&form.def.title)
        .chain(&form.def.header_block)
        .chain(&form.def.footer)
        .any(|s| s.contains("{nilReport}"));
    let nil = if uses_nil && crate::stats::daily_stats(conn, report_date)?.nil_report {
        "零报告"
    } else {
        ""
    };
    let checkpoint = r
        .checkpoint_name
        .clone()
        .unwrap_or_else(|| "全部卡口".to_owned());
    let opt = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let zh = |d: NaiveDate| d.format("%Y年%-m月%-d日").to_string();
    // The days the rows cover: one day, or "2020年1月21日至2020年1月27日" for a range.
    let period = match (r.query.date, r.query.from, r.query.to) {
        (None, Some(from), Some(to)) if from != to => format!("{}至{}", zh(from), zh(to)),
        (None, Some(from), None) => format!("{}起", zh(from)),
        _ => zh(report_date),
    };
    let fill = |s: &str| {
        s.replace("{community}", &community)
            .replace("{dateZh}", &zh(report_date))
            .replace("{periodZh}", &period)
            .replace("{date}", &report_date.to_string())
            .replace("{from}", &opt(r.query.from))
            .replace("{to}", &opt(r.query.to))
            .replace("{grid}", &r.grid_names.join("、"))
            .replace("{checkpoint}", &checkpoint)
            .replace("{nilReport}", nil)
    };
    Ok(engine::Texts {
        title: fill(&form.def.title),
        header_block: form
            .def
            .header_block
            .iter()
            .map(|s| fill(s))
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join("        "),
        footer: form
            .def
            .footer
            .iter()
            .map(|s| fill(s))
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join("        "),
    })
}

/// Exports a form to `out` and records it in the export log ([`save_logged`]).
pub fn export_form(
    ledger: &mut Ledger,
    actor: &Actor,
    req: &ExportRequest,
    out: &Path,
) -> Result<ExportResult> {
    let data_dir = data_dir_of(ledger);
    let form = find_form(Some(&data_dir), &req.form)?;
    let resolved = resolve(ledger.conn(), &form, req)?;
    save_logged(
        ledger,
        actor,
        out,
        &Logged {
            form_id: &form.def.id,
            form_name: &form.def.name,
            filters: &resolved.filters_json,
            masking: resolved.masking,
        },
        |conn, tmp| write_workbook(conn, &form, &resolved, tmp),
    )
}

/// What the export log keeps of one export, besides its rows and file name.
pub struct Logged<'a> {
    pub form_id: &'a str,
    pub form_name: &'a str,
    pub filters: &'a serde_json::Value,
    pub masking: MaskPreset,
}

/// Saves an export to `out` and logs it (forms, and the 情况汇报 document). `write` fills
/// a temporary file next to `out` and returns how many rows it wrote; the file is then
/// renamed to `out`, so a failed write leaves no half file, and the log entry written. If
/// the entry cannot be written the file is removed: no export exists without its entry.
pub fn save_logged(
    ledger: &mut Ledger,
    actor: &Actor,
    out: &Path,
    logged: &Logged,
    write: impl FnOnce(&Connection, &Path) -> Result<u64>,
) -> Result<ExportResult> {
    let file_name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| {
            Error::invalid(
                "export.out",
                format!("{} is not a file path", out.display()),
                "导出路径不是文件",
            )
        })?;
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    let tmp = out.with_file_name(format!(".{file_name}.{}.tmp", rows::new_id()));
    let n = match write(ledger.conn(), &tmp) {
        Ok(n) => n,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
    };
    if let Err(e) = std::fs::rename(&tmp, out) {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(out, e));
    }
    if let Err(e) = record_export(ledger, actor, logged, n, &file_name) {
        let _ = std::fs::remove_file(out);
        return Err(e);
    }
    Ok(ExportResult {
        path: out.display().to_string(),
        form_id: logged.form_id.to_owned(),
        rows: u32::try_from(n).unwrap_or(u32::MAX),
        masking: logged.masking,
    })
}

/// Inserts the export log entry of a file written.
fn record_export(
    ledger: &mut Ledger,
    actor: &Actor,
    e: &Logged,
    rows: u64,
    file_name: &str,
) -> Result<String> {
    ledger.write(actor, |tx| {
        rows::insert(
            tx,
            "export_log",
            &[
                ("form_id", &e.form_id),
                ("form_name", &e.form_name),
                ("filters", &e.filters.to_string()),
                ("row_count", &(i64::try_from(rows).unwrap_or(i64::MAX))),
                ("masking", &mask_code(e.masking)),
                ("file_name", &file_name),
            ],
        )
    })
}

/// Rows sent to the writer thread at a time.
const BATCH: usize = 512;

/// Writes the workbook of `form` to `path`; returns the number of data rows.
///
/// The ledger is read on this thread and the workbook written on another, rows passing in
/// batches through a bounded channel: reading 100,000 rows and writing 2 million cells
/// overlap instead of adding up (benches/export.rs).
fn write_workbook(conn: &Connection, form: &Form, r: &Resolved, path: &Path) -> Result<u64> {
    let texts = texts(conn, form, r)?;
    let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Vec<Value>>>(8);
    // Written batches go back to the reader, which empties and refills them: the rows'
    // strings are freed on the thread that allocated them (a free from the other thread
    // contends for the allocator's lock on every cell) and the batch vectors are reused.
    let (give_back, returned) = std::sync::mpsc::sync_channel::<Vec<Vec<Value>>>(16);
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || -> Result<()> {
            let mut writer = engine::Writer::new(form, texts)?;
            for batch in receive {
                for row in &batch {
                    writer.row(row)?;
                }
                // A full return queue only means the batch is freed here instead.
                let _ = give_back.try_send(batch);
            }
            writer.finish(path)
        });
        let mut batch = Vec::with_capacity(BATCH);
        let read = source::for_each_row(conn, form.def.source, &r.query, None, &mut |row| {
            batch.push(row);
            if batch.len() == BATCH {
                let next = match returned.try_recv() {
                    Ok(mut used) => {
                        used.clear();
                        used
                    }
                    Err(_) => Vec::with_capacity(BATCH),
                };
                let full = std::mem::replace(&mut batch, next);
                // The writer has stopped (it failed): its error is reported below.
                send.send(full).map_err(|_| writer_stopped())?;
            }
            Ok(())
        });
        if read.is_ok() && !batch.is_empty() {
            let _ = send.send(batch);
        }
        drop(send);
        let written = writer.join().map_err(|_| {
            Error::invalid(
                "export",
                "the workbook writer panicked",
                "写入 Excel 文件时发生内部错误",
            )
        })?;
        // The writer's own error explains a stopped read best.
        written?;
        read
    })
}

fn writer_stopped() -> Error {
    Error::invalid(
        "export",
        "the workbook writer stopped",
        "写入 Excel 文件中断",
    )
}

/// Exports a form to the default place, `<data dir>/exports/<form>-<date>.xlsx` (with a
/// counter when the name is taken).
pub fn export_to_data_dir(
    ledger: &mut Ledger,
    actor: &Actor,
    req: &ExportRequest,
) -> Result<ExportResult> {
    let dir = exports_dir(&data_dir_of(ledger));
    let date = req
        .date
        .clone()
        .or_else(|| req.to.clone())
        .unwrap_or_else(|| crate::arrivals::today().to_string());
    let mut out = dir.join(format!("{}-{date}.xlsx", req.form));
    let mut k = 2;
    while out.exists() {
        out = dir.join(format!("{}-{date}-{k}.xlsx", req.form));
        k += 1;
    }
    export_form(ledger, actor, req, &out)
}

fn mask_code(m: MaskPreset) -> &'static str {
    match m {
        MaskPreset::None => "none",
        MaskPreset::Upward => "upward",
        MaskPreset::Public => "public",
    }
}

/// The first `limit` rows as they will be exported (masked and mapped), as text.
pub fn preview_form(ledger: &Ledger, req: &ExportRequest, limit: u32) -> Result<FormPreview> {
    let data_dir = data_dir_of(ledger);
    let form = find_form(Some(&data_dir), &req.form)?;
    let resolved = resolve(ledger.conn(), &form, req)?;
    let texts = texts(ledger.conn(), &form, &resolved)?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut sums = vec![0i64; form.columns.len()];
    let limit = limit.min(200);
    let n = source::for_each_row(
        ledger.conn(),
        form.def.source,
        &resolved.query,
        Some(u64::from(limit)),
        &mut |row| {
            for (i, c) in form.columns.iter().enumerate() {
                if let (true, Value::Integer(x)) = (c.summed(), &row[c.field]) {
                    sums[i] += x;
                }
            }
            rows.push(
                form.columns
                    .iter()
                    .map(|c| cell_text(c, &row[c.field]))
                    .collect(),
            );
            Ok(())
        },
    )?;
    // The total row, when every row is shown (a partial sum would mislead).
    if let (Some(total), true) = (&form.def.total_row, n < u64::from(limit)) {
        let span = form.columns.iter().position(|c| c.summed()).unwrap_or(1);
        rows.push(
            form.columns
                .iter()
                .enumerate()
                .map(|(i, c)| match i {
                    0 => total.label.clone(),
                    i if i >= span && c.summed() => sums[i].to_string(),
                    _ => String::new(),
                })
                .collect(),
        );
    }
    Ok(FormPreview {
        title: texts.title,
        headers: form
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| match c.slot_index {
                Some(_) => form
                    .groups
                    .iter()
                    .find(|g| g.first <= i && i <= g.last)
                    .map_or(c.header.clone(), |g| format!("{}{}", g.title, c.header)),
                None => c.header.clone(),
            })
            .collect(),
        rows,
    })
}

/// A cell as text, as the preview shows it.
pub fn cell_text(c: &definition::Column, v: &Value) -> String {
    let v = match (v, c.slot_index) {
        (Value::Checks(grid), Some(i)) => {
            return grid
                .get(i)
                .copied()
                .flatten()
                .map(|t| format!("{:.1}", f64::from(t) / 10.0))
                .unwrap_or_default()
        }
        (v, _) => v,
    };
    match v {
        Value::Empty | Value::Checks(_) => String::new(),
        Value::Text(s) => c.map.get(s).cloned().unwrap_or_else(|| s.clone()),
        Value::Date(d) => d.to_string(),
        Value::Integer(n) => n.to_string(),
        Value::Temperature(t) => format!("{:.1}", f64::from(*t) / 10.0),
        Value::Bool(b) => {
            let key = if *b { "true" } else { "false" };
            c.map
                .get(key)
                .cloned()
                .unwrap_or_else(|| if *b { "是" } else { "否" }.to_owned())
        }
    }
}

/// The export log, newest first.
pub fn export_log(conn: &Connection, limit: u32) -> Result<Vec<ExportLogEntry>> {
    let mut stmt = conn.prepare(
        "SELECT id, created_at, updated_by, form_id, form_name, filters, row_count, masking, \
                file_name \
         FROM export_log WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT ?1",
    )?;
    let rows = stmt
        .query_map(params![limit], |r| {
            let masking: String = r.get(7)?;
            Ok(ExportLogEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                form_id: r.get(3)?,
                form_name: r.get(4)?,
                filters: r.get(5)?,
                rows: r.get(6)?,
                masking: match masking.as_str() {
                    "none" => MaskPreset::None,
                    "public" => MaskPreset::Public,
                    _ => MaskPreset::Upward,
                },
                file_name: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
