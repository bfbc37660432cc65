//! Importing the lists higher levels send down (xlsx / xls / ods / csv). Issue 9.
//!
//! A file goes: `read` (bytes → sheet → grid of cells) → `mapping` (title rows skipped,
//! the header found and flattened, columns mapped to fields by synonyms, overridable) →
//! `clean` (each cell through the `domain` rules) → a plan per row (new person, matched
//! person, new arrival, duplicate within the file, error with the cell and the reason) —
//! the dry run, [`preview`] — and then [`commit`]: the plan made again inside one
//! `Ledger::write`, every accepted row written or none. The import log (`log`) records
//! what an import created so that [`log::undo_import`] can take it back as a whole while
//! nothing has been changed on top of it. `report` writes the rejected rows as an xlsx to
//! send back.
//!
//! A kind is a field list (`mapping::fields`) and a row writer (`write_row` here, after
//! `plan_row`); `people` (户籍台账) and `arrivals` (返乡/外来名单) are the two so far.

pub mod clean;
pub mod log;
pub mod mapping;
pub mod read;
pub mod report;

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Local, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::api::{
    ImportCounts, ImportKind, ImportOutcome, ImportPreview, ImportRequest, NewArrival, Place,
    PreviewRow, RowStatus,
};
use crate::domain::date::format_iso;
use crate::error::{Error, Result};
use crate::regions;
use crate::settings::Settings;
use crate::store::{Actor, Ledger};

pub use log::{
    get_mapping, list_imports, list_mappings, save_mapping, undo_import, IMPORT_ENTITIES,
};
pub use mapping::field_list;
pub use report::error_report;

use read::{column_letter, Cell};

/// Options of [`commit`].
#[derive(Debug, Clone, Default)]
pub struct CommitOptions {
    /// FOR TESTS: fail the write when reaching this spreadsheet row (1-based), after the
    /// rows before it were written, to show that a failure leaves the ledger unchanged.
    pub fail_at_row: Option<u32>,
}

/// Who a row is about.
#[derive(Debug, Clone)]
enum PersonRef {
    /// Already in the register.
    Existing(String),
    /// Registered by this row.
    New(NewPersonData),
    /// Registered by an earlier row of the file (index into the plan).
    SameAs(usize),
}

#[derive(Debug, Clone)]
struct NewPersonData {
    name: String,
    id_number: Option<String>,
    phone: Option<String>,
    household_id: Option<String>,
    relation: Option<String>,
    notes: Option<String>,
}

#[derive(Debug, Clone)]
struct ArrivalData {
    origin: Option<Place>,
    origin_text: String,
    departed_on: Option<String>,
    arrived_on: String,
    transport_no: Option<String>,
    note: Option<String>,
}

#[derive(Debug, Clone)]
struct Planned {
    preview: PreviewRow,
    person: Option<PersonRef>,
    arrival: Option<ArrivalData>,
}

struct Plan {
    preview: ImportPreview,
    rows: Vec<Planned>,
}

/// The dry run: how the file is read and what each row would do. Writes nothing.
pub fn preview(conn: &Connection, req: &ImportRequest) -> Result<ImportPreview> {
    Ok(plan(conn, req, crate::arrivals::today())?.preview)
}

/// Import: the plan made again inside one write, then every accepted row written — all of
/// them or, on any failure, none. Recorded in the import log.
pub fn commit(
    ledger: &mut Ledger,
    actor: &Actor,
    req: &ImportRequest,
    options: &CommitOptions,
) -> Result<ImportOutcome> {
    let today = crate::arrivals::today();
    ledger.write(actor, |tx| {
        let plan = plan(tx, req, today)?;
        let import_id = log::insert_log(tx, actor, req, &plan.preview)?;
        let mut created: Vec<Option<String>> = vec![None; plan.rows.len()];
        for (i, row) in plan.rows.iter().enumerate() {
            if row.preview.status != RowStatus::Accepted {
                continue;
            }
            if options.fail_at_row == Some(row.preview.row) {
                return Err(Error::invalid(
                    "import.fail_at_row",
                    format!("injected failure at row {}", row.preview.row),
                    format!("第 {} 行：测试用的注入失败", row.preview.row),
                ));
            }
            created[i] = write_row(tx, &import_id, req.kind, row, &created, today)?;
        }
        Ok(ImportOutcome {
            import_id,
            preview: plan.preview,
        })
    })
}

/// Write one accepted row; returns the id of the person it registered, if any.
fn write_row(
    tx: &Transaction,
    import_id: &str,
    kind: ImportKind,
    row: &Planned,
    created: &[Option<String>],
    today: NaiveDate,
) -> Result<Option<String>> {
    let (person_id, new_person) = match &row.person {
        Some(PersonRef::Existing(id)) => (id.clone(), None),
        Some(PersonRef::SameAs(i)) => match created.get(*i).cloned().flatten() {
            Some(id) => (id, None),
            None => {
                return Err(Error::invalid(
                    "import.row",
                    format!(
                        "row {}: the earlier row of this person wrote none",
                        row.preview.row
                    ),
                    format!("第 {} 行：同一人员的前一行未能登记", row.preview.row),
                ))
            }
        },
        Some(PersonRef::New(p)) => {
            let id = crate::register::add_person(
                tx,
                &crate::register::NewPerson {
                    name: &p.name,
                    id_number: p.id_number.as_deref(),
                    phone: p.phone.as_deref(),
                    household_id: p.household_id.as_deref(),
                    relation: p.relation.as_deref(),
                    residence_status: None,
                    current_location: None,
                    notes: p.notes.as_deref(),
                },
            )?;
            log::record_row(tx, import_id, "person", &id)?;
            (id.clone(), Some(id))
        }
        None => return Ok(None),
    };
    if kind == ImportKind::Arrivals {
        if let Some(a) = &row.arrival {
            let id = crate::arrivals::add_arrival(
                tx,
                &NewArrival {
                    person_id,
                    origin: a.origin.clone(),
                    origin_text: Some(a.origin_text.clone()),
                    departed_on: a.departed_on.clone(),
                    arrived_on: a.arrived_on.clone(),
                    transport: None,
                    transport_no: a.transport_no.clone(),
                    purpose: None,
                    household_id: row.preview.household_id.clone(),
                    symptoms: Vec::new(),
                    temperature: None,
                    screened_on: None,
                    screened_by: None,
                    sweep_id: None,
                    note: a.note.clone(),
                },
                today,
            )?;
            log::record_row(tx, import_id, "arrival", &id)?;
        }
    }
    Ok(new_person)
}

/// The register's households by (building number, unit number, room), for addresses.
struct Households {
    by_key: HashMap<(String, String, String), Vec<(String, String)>>,
}

impl Households {
    fn load(conn: &Connection) -> Result<Households> {
        let mut stmt = conn.prepare(
            "SELECT h.id, h.room, u.name, b.name, coalesce(e.name, '') FROM household h \
             JOIN unit u ON u.id = h.unit_id JOIN building b ON b.id = u.building_id \
             LEFT JOIN estate e ON e.id = b.estate_id \
             WHERE h.deleted_at IS NULL AND u.deleted_at IS NULL AND b.deleted_at IS NULL",
        )?;
        let mut by_key: HashMap<_, Vec<_>> = HashMap::new();
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        for row in rows {
            let (id, room, unit, building, estate) = row?;
            let key = (
                clean::leading_number(&building),
                clean::leading_number(&unit),
                clean::leading_number(&room),
            );
            by_key.entry(key).or_default().push((estate, id));
        }
        Ok(Households { by_key })
    }

    /// The one household an address names, or why there is none.
    fn find(&self, raw: &str) -> std::result::Result<String, String> {
        let Some(a) = clean::address(raw) else {
            return Err(format!("地址“{raw}”未能识别出楼栋、单元和房号，未关联住户"));
        };
        let key = (
            a.building.trim_start_matches('0').to_owned(),
            a.unit
                .as_deref()
                .unwrap_or("1")
                .trim_start_matches('0')
                .to_owned(),
            a.room.trim_start_matches('0').to_owned(),
        );
        let candidates: Vec<&(String, String)> = self
            .by_key
            .get(&key)
            .map(|v| {
                v.iter()
                    .filter(|(estate, _)| {
                        a.prefix.is_empty()
                            || estate.is_empty()
                            || a.prefix.contains(estate.as_str())
                            || estate.contains(a.prefix.as_str())
                    })
                    .collect()
            })
            .unwrap_or_default();
        match candidates.as_slice() {
            [(_, id)] => Ok(id.clone()),
            [] => Err(format!("台账中没有地址“{raw}”对应的住户，未关联住户")),
            _ => Err(format!("地址“{raw}”对应多个小区的住户，请写明小区名称")),
        }
    }
}

/// A place from its name: "湖北省武汉市", "武汉", "韩国". `None` when not recognised (the
/// text is kept as the origin's description).
pub fn resolve_place(text: &str) -> Option<Place> {
    let text: String = crate::domain::text::normalize_text(text)
        .chars()
        .filter(|c| *c != ' ')
        .collect();
    if text.is_empty() {
        return None;
    }
    if let Some(c) = regions::search_countries(&text, 1)
        .into_iter()
        .find(|c| c.name_zh == text || c.name_zh.trim_start_matches("中国") == text)
    {
        if c.code != "CN" {
            return Some(Place::Country(c.code.clone()));
        }
    }
    // Split after each level suffix: "湖北省武汉市江岸区" → 湖北省 / 武汉市 / 江岸区.
    let mut segments: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        current.push(c);
        if matches!(c, '省' | '市' | '区' | '县' | '州' | '盟' | '旗')
            && current.chars().count() > 1
        {
            segments.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        segments.push(current);
    }
    let last = segments.last()?;
    let earlier = &segments[..segments.len() - 1];
    regions::search(last, 20).into_iter().find_map(|r| {
        let own = r.name.starts_with(last.as_str());
        let full = regions::full_name(&r.code).unwrap_or_default();
        let within = earlier.iter().all(|s| full.contains(s.as_str()));
        (own && within && !r.historical).then(|| Place::Region(r.code.clone()))
    })
}

fn cell_ref(col: Option<usize>, row: u32) -> Option<String> {
    col.map(|c| format!("{}{row}", column_letter(c)))
}

/// Reads the request and plans every row against the ledger as it is in `conn`.
fn plan(conn: &Connection, req: &ImportRequest, today: NaiveDate) -> Result<Plan> {
    let read = read::read(&req.file_name, &req.bytes, req.sheet.as_deref())?;
    let header = mapping::find_header(req.kind, &read.grid, req.mapping.as_ref())?;
    let columns = mapping::map_columns(req.kind, &header, req.mapping.as_ref())?;
    let index: BTreeMap<&str, usize> = columns
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.field.as_deref().map(|f| (f, i)))
        .collect();
    let default_year = match req.default_year {
        Some(y) => y,
        None => Settings::load(conn)?
            .statistical_date(Local::now().naive_local())
            .year(),
    };
    let households = Households::load(conn)?;
    let mut origins: HashMap<String, Option<Place>> = HashMap::new();
    // Row keys (the person, and for arrivals the date) and person keys already planned.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut person_rows: HashMap<String, usize> = HashMap::new();
    let mut rows: Vec<Planned> = Vec::new();
    let mut counts = ImportCounts::default();
    let empty = Cell::Empty;
    for (r, cells) in read.grid.rows.iter().enumerate().skip(header.data_start()) {
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        let row_no = u32::try_from(r + 1).unwrap_or(u32::MAX);
        let col = |field: &str| index.get(field).copied();
        let get = |field: &str| col(field).and_then(|c| cells.get(c)).unwrap_or(&empty);
        let mut errors: Vec<(Option<usize>, String)> = Vec::new();
        let name = clean::text(get("name"));
        if name.is_empty() {
            errors.push((col("name"), "姓名为空".to_owned()));
        }
        let id_number = match get("id_number") {
            c if c.is_empty() => None,
            c => clean::id_number(c, today)
                .map_err(|e| errors.push((col("id_number"), e)))
                .ok(),
        };
        let phone = match get("phone") {
            c if c.is_empty() => None,
            c => clean::phone(c)
                .map_err(|e| errors.push((col("phone"), format!("联系电话：{e}"))))
                .ok(),
        };
        let address = clean::text(get("address"));
        let mut notes: Vec<String> = Vec::new();
        let household_id = if address.is_empty() {
            None
        } else {
            households.find(&address).map_err(|e| notes.push(e)).ok()
        };
        let arrival = if req.kind == ImportKind::Arrivals {
            plan_arrival(
                &|f| get(f),
                &|f| col(f),
                default_year,
                today,
                &mut origins,
                &mut errors,
            )
        } else {
            None
        };
        let mut preview = PreviewRow {
            row: row_no,
            status: RowStatus::Accepted,
            name: name.clone(),
            new_person: false,
            matched_person_id: None,
            new_arrival: false,
            household_id: household_id.clone(),
            message_zh: None,
            cell: None,
        };
        counts.rows += 1;
        if !errors.is_empty() {
            preview.status = RowStatus::Error;
            preview.cell = errors.iter().find_map(|(c, _)| cell_ref(*c, row_no));
            preview.message_zh = Some(
                errors
                    .iter()
                    .map(|(_, m)| m.as_str())
                    .collect::<Vec<_>>()
                    .join("；"),
            );
            counts.errors += 1;
            rows.push(Planned {
                preview,
                person: None,
                arrival: None,
            });
            continue;
        }
        // Who: within the file first, then in the register.
        let person_key = match (&id_number, &phone) {
            (Some(id), _) => format!("id:{id}"),
            (None, Some(p)) => format!("np:{name}|{p}"),
            (None, None) => format!("na:{name}|{address}"),
        };
        let row_key = match &arrival {
            Some(a) => format!("{person_key}|{}", a.arrived_on),
            None => person_key.clone(),
        };
        if let Some(&first) = seen.get(&row_key) {
            preview.status = RowStatus::Duplicate;
            preview.message_zh = Some(format!("与第 {} 行重复，已跳过", rows[first].preview.row));
            counts.duplicates += 1;
            rows.push(Planned {
                preview,
                person: None,
                arrival: None,
            });
            continue;
        }
        let earlier = person_rows.get(&person_key).copied();
        let person = if let Some(i) = earlier {
            match &rows[i].person {
                Some(PersonRef::Existing(id)) => PersonRef::Existing(id.clone()),
                Some(PersonRef::SameAs(j)) => PersonRef::SameAs(*j),
                _ => PersonRef::SameAs(i),
            }
        } else {
            match find_person(conn, &name, id_number.as_deref(), phone.as_deref())? {
                Some(id) => PersonRef::Existing(id),
                None => PersonRef::New(NewPersonData {
                    name: name.clone(),
                    id_number: id_number.clone(),
                    phone: phone.clone(),
                    household_id: household_id.clone(),
                    relation: Some(clean::text(get("relation"))).filter(|s| !s.is_empty()),
                    notes: person_notes(&clean::text(get("notes")), &address, &household_id),
                }),
            }
        };
        seen.insert(row_key, rows.len());
        person_rows.entry(person_key).or_insert(rows.len());
        if !notes.is_empty() {
            preview.message_zh = Some(notes.join("；"));
        }
        match &person {
            PersonRef::Existing(id) => {
                preview.matched_person_id = Some(id.clone());
                counts.matched_people += 1;
            }
            PersonRef::New(_) => {
                preview.new_person = true;
                counts.new_people += 1;
            }
            PersonRef::SameAs(_) => {}
        }
        match (&arrival, &person) {
            (None, PersonRef::Existing(_)) => {
                preview.status = RowStatus::Unchanged;
                preview.message_zh = Some("已在台账中".to_owned());
            }
            (Some(a), PersonRef::Existing(id)) if arrival_exists(conn, id, &a.arrived_on)? => {
                preview.status = RowStatus::Unchanged;
                preview.message_zh = Some("该人员同一天的返乡记录已在台账中".to_owned());
            }
            (Some(_), _) => preview.new_arrival = true,
            (None, _) => {}
        }
        match preview.status {
            RowStatus::Unchanged => counts.unchanged += 1,
            _ => {
                counts.accepted += 1;
                if preview.new_arrival {
                    counts.new_arrivals += 1;
                }
            }
        }
        rows.push(Planned {
            preview,
            person: Some(person),
            arrival,
        });
    }
    Ok(Plan {
        preview: ImportPreview {
            kind: req.kind,
            sheets: read.sheets,
            sheet: read.grid.sheet,
            header_rows: header
                .rows
                .iter()
                .map(|r| u32::try_from(r + 1).unwrap_or(u32::MAX))
                .collect(),
            columns,
            fields: mapping::field_list(req.kind),
            rows: rows.iter().map(|r| r.preview.clone()).collect(),
            counts,
        },
        rows,
    })
}

/// A person's notes: the file's, and an address that could not be placed in the register.
fn person_notes(notes: &str, address: &str, household: &Option<String>) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    if !notes.is_empty() {
        parts.push(notes.to_owned());
    }
    if household.is_none() && !address.is_empty() {
        parts.push(format!("地址：{address}"));
    }
    (!parts.is_empty()).then(|| parts.join("；"))
}

fn plan_arrival<'c>(
    get: &dyn Fn(&str) -> &'c Cell,
    col: &dyn Fn(&str) -> Option<usize>,
    default_year: i32,
    today: NaiveDate,
    origins: &mut HashMap<String, Option<Place>>,
    errors: &mut Vec<(Option<usize>, String)>,
) -> Option<ArrivalData> {
    let origin_text = clean::text(get("origin"));
    if origin_text.is_empty() {
        errors.push((col("origin"), "来源地为空".to_owned()));
    }
    let origin = origins
        .entry(origin_text.clone())
        .or_insert_with(|| resolve_place(&origin_text))
        .clone();
    let arrived = match clean::date(get("arrived_on"), default_year) {
        Ok(d) if d > today => {
            errors.push((col("arrived_on"), "返回时间晚于今天".to_owned()));
            None
        }
        Ok(d) => Some(d),
        Err(e) => {
            errors.push((col("arrived_on"), format!("返回时间：{e}")));
            None
        }
    };
    let departed = match get("departed_on") {
        c if c.is_empty() => None,
        c => match clean::date(c, default_year) {
            Ok(d) if arrived.is_some_and(|a| d > a) => {
                errors.push((col("departed_on"), "离开时间晚于返回时间".to_owned()));
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                errors.push((col("departed_on"), format!("离开时间：{e}")));
                None
            }
        },
    };
    let arrived = arrived?;
    if origin_text.is_empty() {
        return None;
    }
    Some(ArrivalData {
        origin,
        origin_text,
        departed_on: departed.map(format_iso),
        arrived_on: format_iso(arrived),
        transport_no: Some(clean::text(get("transport_no"))).filter(|s| !s.is_empty()),
        note: Some(clean::text(get("notes"))).filter(|s| !s.is_empty()),
    })
}

/// The registered person a row names: by ID number; else by name and phone (a person
/// found that way with a different ID number is someone else).
fn find_person(
    conn: &Connection,
    name: &str,
    id_number: Option<&str>,
    phone: Option<&str>,
) -> Result<Option<String>> {
    if let Some(id) = id_number {
        let found = conn
            .prepare_cached(
                "SELECT id FROM person WHERE id_type = 'resident_id' AND id_number = ?1 \
                 AND deleted_at IS NULL",
            )?
            .query_row(params![id], |r| r.get(0))
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    let Some(phone) = phone else { return Ok(None) };
    Ok(conn
        .prepare_cached(
            "SELECT id FROM person WHERE name = ?1 AND phone = ?2 AND deleted_at IS NULL \
             AND (?3 IS NULL OR id_number IS NULL OR id_number = ?3) ORDER BY id LIMIT 1",
        )?
        .query_row(params![name, phone, id_number], |r| r.get(0))
        .optional()?)
}

fn arrival_exists(conn: &Connection, person_id: &str, arrived_on: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM arrival WHERE person_id = ?1 AND arrived_on = ?2 \
             AND deleted_at IS NULL)",
        )?
        .query_row(params![person_id, arrived_on], |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_by_name() {
        assert_eq!(
            resolve_place("湖北省武汉市"),
            Some(Place::Region("420100".into()))
        );
        assert_eq!(resolve_place("武汉"), Some(Place::Region("420100".into())));
        assert_eq!(
            resolve_place("湖北省"),
            Some(Place::Region("420000".into()))
        );
        assert_eq!(resolve_place("韩国"), Some(Place::Country("KR".into())));
        assert_eq!(resolve_place("火星基地"), None);
    }
}
