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
//! A kind is a field list (`mapping::fields`), its part of the plan (`plan_arrival`,
//! `plan_target`, `plan_contact`) and of the writer (`Writer::write_row`): `people`
//! (户籍台账), `arrivals` (返乡/外来名单), `call_targets` (境外名单, through
//! `calls::add_call_target`) and `contacts` (密接名单, through `contacts::add_contact`).

pub mod clean;
pub mod log;
pub mod mapping;
pub mod pages;
pub mod read;
pub mod report;
pub mod staged;

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, Local, NaiveDate};
use rusqlite::{params, Connection, Transaction};

use crate::api::{
    ImportCounts, ImportKind, ImportOutcome, ImportPreview, ImportRequest, JobProgress, Place,
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
pub use pages::{page_preview, preview_rows, FIRST_PAGE};
pub use report::error_report;
pub use staged::stage;

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
    /// Already in the register, with their household.
    Existing(String, Option<String>),
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
    /// The person has a call target that this arrival may close.
    has_call_target: bool,
}

/// A call target (境外名单), as `calls::add_call_target` takes it.
#[derive(Debug, Clone)]
struct TargetData {
    /// The row's phone: kept on the target when the person is registered with another.
    phone: Option<String>,
    place: Option<Place>,
    city: Option<String>,
    reason: Option<crate::api::CallReason>,
    away_since: Option<String>,
    foreign_phone: Option<String>,
    relative_name: Option<String>,
    relative_phone: Option<String>,
    note: Option<String>,
}

/// The index person of a contact (关联人员).
#[derive(Debug, Clone)]
enum IndexRef {
    Existing(String),
    /// Registered by this row (name, ID number).
    New(String, Option<String>),
    /// Registered by an earlier row of the file (index into the plan).
    SameAs(usize),
}

/// A contact (密接名单), as `contacts::add_contact` takes it.
#[derive(Debug, Clone)]
struct ContactData {
    index: IndexRef,
    exposure: crate::api::Exposure,
    last_contact_on: String,
    note: Option<String>,
}

#[derive(Debug, Clone)]
struct Planned {
    preview: PreviewRow,
    person: Option<PersonRef>,
    arrival: Option<ArrivalData>,
    target: Option<TargetData>,
    contact: Option<ContactData>,
    /// The household this row's address names, to be created (`create_households`).
    new_household: Option<NewHouseholdData>,
}

impl Planned {
    /// A row that writes nothing (an error, a duplicate within the file): only its preview.
    fn nothing(preview: PreviewRow) -> Planned {
        Planned {
            preview,
            person: None,
            arrival: None,
            target: None,
            contact: None,
            new_household: None,
        }
    }
}

struct Plan {
    preview: ImportPreview,
    rows: Vec<Planned>,
    /// The register's places, for the households, units and buildings to create.
    places: Households,
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
    commit_with_progress(ledger, actor, req, options, &mut |_| {})
}

/// The steps of a commit's progress ([`commit_with_progress`]): out of 100, roughly in
/// proportion to their time on 100,000 rows (docs/benchmarks.md).
mod step {
    pub const PLANNED: u32 = 10;
    pub const ROWS_WRITTEN: u32 = 40;
    pub const AUDITED: u32 = 55;
    pub const SEARCH_ROWS: u32 = 65;
    pub const SEARCH_KEYS: u32 = 90;
    pub const COMMITTED: u32 = 100;
}

/// [`commit`], reporting `{done, total: 100}` as it goes: the plan, the rows as they are
/// written, the set-wise audit and search work, and 100 once the transaction committed.
pub fn commit_with_progress(
    ledger: &mut Ledger,
    actor: &Actor,
    req: &ImportRequest,
    options: &CommitOptions,
    progress: &mut dyn FnMut(JobProgress),
) -> Result<ImportOutcome> {
    let mut report = |done: u32| progress(JobProgress { done, total: 100 });
    report(0);
    let today = crate::arrivals::today();
    let outcome = ledger.write(actor, |tx| {
        let plan = plan(tx, req, today)?;
        report(step::PLANNED);
        let accepted = plan
            .rows
            .iter()
            .filter(|r| r.preview.status == RowStatus::Accepted)
            .count()
            .max(1);
        let import_id = log::insert_log(tx, actor, req, &plan.preview)?;
        let mut writer = Writer::new(tx, &import_id, today);
        // The per-row insert triggers that cost most stand aside while the rows are written,
        // and their work is then done set-wise for the rows of this import: the audit rows
        // (one per inserted row, the same as the trigger's) and the person search keys.
        crate::store::without_triggers(tx, BULK_TRIGGERS, || {
            crate::search::defer_household_keys(tx, || {
                let mut written = 0usize;
                let mut shown = step::PLANNED;
                for (i, row) in plan.rows.iter().enumerate() {
                    if row.preview.status != RowStatus::Accepted {
                        continue;
                    }
                    written += 1;
                    let done = step::PLANNED
                        + ((step::ROWS_WRITTEN - step::PLANNED) as usize * written / accepted)
                            as u32;
                    if done > shown {
                        shown = done;
                        report(done);
                    }
                    if options.fail_at_row == Some(row.preview.row) {
                        return Err(Error::invalid(
                            "import.fail_at_row",
                            format!("injected failure at row {}", row.preview.row),
                            format!("第 {} 行：测试用的注入失败", row.preview.row),
                        ));
                    }
                    writer.write_row(i, req.kind, row, &plan.places)?;
                }
                Ok(())
            })?;
            for entity in BULK_AUDITED {
                crate::store::audit_inserted(tx, entity, IMPORTED_IDS, &import_id)?;
            }
            report(step::AUDITED);
            crate::search::fill_person_search(tx, IMPORTED_IDS, &import_id, "person")?;
            report(step::SEARCH_ROWS);
            crate::search::fill_person_keys(tx, IMPORTED_IDS, &import_id, "person")
        })?;
        report(step::SEARCH_KEYS);
        writer.link_calls()?;
        Ok(ImportOutcome {
            import_id,
            preview: plan.preview,
        })
    })?;
    report(step::COMMITTED);
    Ok(outcome)
}

/// The tables whose audit insert trigger stands aside during a commit; their audit rows are
/// written set-wise (`store::audit_inserted`). Must match the `audit_*_insert` names in
/// [`BULK_TRIGGERS`], or rows would be audited twice or not at all.
const BULK_AUDITED: &[&str] = &["person", "arrival"];

/// A use case's refusal, with the row it came from.
fn row_error(row: &Planned, e: Error) -> Error {
    match e {
        Error::Invalid {
            field,
            message,
            message_zh,
        } => Error::Invalid {
            field,
            message: format!("row {}: {message}", row.preview.row),
            message_zh: format!("第 {} 行：{message_zh}", row.preview.row),
        },
        other => other,
    }
}

/// Insert triggers that stand aside during a commit (`store::without_triggers`); the
/// commit does their work set-wise afterwards.
const BULK_TRIGGERS: &[&str] = &[
    "person_search_insert",
    "audit_person_insert",
    "audit_arrival_insert",
    "person_search_keys_insert",
];

/// The ids of one table's rows an import created: `?1` the import, `?2` the table.
const IMPORTED_IDS: &str = "SELECT entity_id FROM import_row WHERE import_id = ?1 AND entity = ?2";

/// Writes the accepted rows of one import: each statement prepared once and reused for
/// every row, one timestamp for the whole import, no per-row lookups (the plan already
/// matched every person from one preloaded map and checked every field). The inserts say
/// `OR FAIL`: any failure rolls back the whole import anyway, so SQLite need not keep a
/// statement journal to undo one statement's half (a copy of every page it touches).
struct Writer<'t> {
    tx: &'t Transaction<'t>,
    import_id: &'t str,
    now: String,
    today: String,
    today_date: NaiveDate,
    /// Per plan row: the person it registered and that person's household.
    created: HashMap<usize, (String, Option<String>)>,
    /// Arrivals of people with call targets, linked to them at the end.
    to_link: Vec<String>,
    /// Per plan row: the index person it registered (contacts).
    created_index: HashMap<usize, String>,
    /// The households created, by place and room.
    created_households: HashMap<NewHouseholdData, String>,
    /// The buildings created, by (estate id, number), and units, by (building id, number).
    created_buildings: HashMap<(String, String), String>,
    created_units: HashMap<(String, String), String>,
}

impl<'t> Writer<'t> {
    fn new(tx: &'t Transaction<'t>, import_id: &'t str, today: NaiveDate) -> Writer<'t> {
        Writer {
            tx,
            import_id,
            now: crate::store::now_text(),
            today: format_iso(today),
            today_date: today,
            created: HashMap::new(),
            to_link: Vec::new(),
            created_index: HashMap::new(),
            created_households: HashMap::new(),
            created_buildings: HashMap::new(),
            created_units: HashMap::new(),
        }
    }

    fn record(&self, entity: &'static str, id: &str) -> Result<()> {
        log::record_row(self.tx, self.import_id, entity, id)
    }

    /// As `register::add_person` writes it (the plan checked name, ID number and phone,
    /// and that the ID number is not registered yet).
    fn insert_person(&self, p: &NewPersonData) -> Result<String> {
        let id = crate::store::rows::new_id();
        let derived = p
            .id_number
            .as_deref()
            .map(crate::register::parse_id)
            .transpose()?
            .as_ref()
            .map(crate::register::Derived::from);
        self.tx
            .prepare_cached(
                "INSERT OR FAIL INTO person (id, created_at, updated_at, updated_by, name, id_type, \
                 id_number, birth_date, sex, native_region, phone, household_id, relation, \
                 residence_status, notes) \
                 VALUES (?1, ?2, ?2, gl_actor(), ?3, 'resident_id', ?4, ?5, ?6, ?7, ?8, ?9, \
                 ?10, 'resident', ?11)",
            )?
            .execute(params![
                id,
                self.now,
                p.name,
                p.id_number,
                derived.as_ref().map(|d| d.birth_date.as_str()),
                derived.as_ref().map(|d| d.sex),
                derived.as_ref().map(|d| d.native_region.as_str()),
                p.phone,
                p.household_id,
                p.relation,
                p.notes,
            ])?;
        self.record("person", &id)?;
        Ok(id)
    }

    /// As `arrivals::add_arrival` writes it (the plan checked the dates and the origin).
    fn insert_arrival(
        &mut self,
        person_id: &str,
        household_id: Option<&str>,
        a: &ArrivalData,
    ) -> Result<()> {
        let id = crate::store::rows::new_id();
        let (region, country) = match &a.origin {
            Some(Place::Region(code)) => (Some(code.as_str()), None),
            Some(Place::Country(code)) => (None, Some(code.as_str())),
            None => (None, None),
        };
        self.tx
            .prepare_cached(
                "INSERT OR FAIL INTO arrival (id, created_at, updated_at, updated_by, person_id, \
                 origin_region, origin_country, origin_text, departed_on, arrived_on, \
                 transport_no, household_id, symptoms, screened_on, note) \
                 VALUES (?1, ?2, ?2, gl_actor(), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, '[]', ?11, ?12)",
            )?
            .execute(params![
                id,
                self.now,
                person_id,
                region,
                country,
                a.origin_text,
                a.departed_on,
                a.arrived_on,
                a.transport_no,
                household_id,
                self.today,
                a.note,
            ])?;
        self.record("arrival", &id)?;
        if a.has_call_target {
            self.to_link.push(id);
        }
        Ok(())
    }

    /// The household a row's address names, created by the first row that needs it, with
    /// its building and unit when they are missing too.
    fn new_household(&mut self, h: &NewHouseholdData, places: &Households) -> Result<String> {
        if let Some(id) = self.created_households.get(h) {
            return Ok(id.clone());
        }
        let unit_id = match &h.at {
            NewPlace::Unit(id) => id.clone(),
            NewPlace::NewUnit { building_id, unit } => self.new_unit(building_id, unit, places)?,
            NewPlace::NewBuilding {
                estate_id,
                building,
                unit,
            } => {
                let key = (estate_id.clone(), building.clone());
                let building_id = match self.created_buildings.get(&key) {
                    Some(id) => id.clone(),
                    None => {
                        let name = places.building_name(estate_id, building);
                        let sort = building.parse().unwrap_or(0);
                        let id = crate::register::add_building(self.tx, estate_id, &name, sort)?;
                        self.record("building", &id)?;
                        self.created_buildings.insert(key, id.clone());
                        id
                    }
                };
                self.new_unit(&building_id, unit, places)?
            }
        };
        let id = crate::register::add_household(
            self.tx,
            &crate::register::NewHousehold {
                grid_id: &h.grid_id,
                estate_id: None,
                unit_id: Some(&unit_id),
                room: &h.room,
                responsible_worker_id: None,
            },
        )?;
        self.record("household", &id)?;
        self.created_households.insert(h.clone(), id.clone());
        Ok(id)
    }

    /// A unit numbered `n` of `building_id`, created by the first row that needs it.
    fn new_unit(&mut self, building_id: &str, n: &str, places: &Households) -> Result<String> {
        let key = (building_id.to_owned(), n.to_owned());
        if let Some(id) = self.created_units.get(&key) {
            return Ok(id.clone());
        }
        let name = places.unit_name(n);
        let id = crate::register::add_unit(self.tx, building_id, &name, n.parse().unwrap_or(0))?;
        self.record("unit", &id)?;
        self.created_units.insert(key, id.clone());
        Ok(id)
    }

    fn write_row(
        &mut self,
        i: usize,
        kind: ImportKind,
        row: &Planned,
        places: &Households,
    ) -> Result<()> {
        let created_household = match &row.new_household {
            Some(h) => Some(self.new_household(h, places)?),
            None => None,
        };
        let (person_id, household_id) = match &row.person {
            Some(PersonRef::Existing(id, household)) => (id.clone(), household.clone()),
            Some(PersonRef::SameAs(j)) => match self.created.get(j) {
                Some(p) => p.clone(),
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
                let household = p.household_id.clone().or(created_household.clone());
                let id = self.insert_person(&NewPersonData {
                    household_id: household.clone(),
                    ..p.clone()
                })?;
                self.created.insert(i, (id.clone(), household.clone()));
                (id, household)
            }
            None => return Ok(()),
        };
        if kind == ImportKind::Arrivals {
            if let Some(a) = &row.arrival {
                let household = row
                    .preview
                    .household_id
                    .clone()
                    .or(created_household)
                    .or(household_id);
                self.insert_arrival(&person_id, household.as_deref(), a)?;
            }
        }
        if let Some(t) = &row.target {
            self.insert_target(&person_id, row, t)?;
        }
        if let Some(c) = &row.contact {
            self.insert_contact(i, &person_id, row, c)?;
        }
        Ok(())
    }

    /// The index person (matched, or registered by this row or an earlier one), then the
    /// contact through the contacts module's own use case.
    fn insert_contact(
        &mut self,
        i: usize,
        person_id: &str,
        row: &Planned,
        c: &ContactData,
    ) -> Result<()> {
        let index = match &c.index {
            IndexRef::Existing(id) => id.clone(),
            IndexRef::New(name, id_number) => {
                let id = self.insert_person(&NewPersonData {
                    name: name.clone(),
                    id_number: id_number.clone(),
                    phone: None,
                    household_id: None,
                    relation: None,
                    notes: None,
                })?;
                self.created_index.insert(i, id.clone());
                id
            }
            IndexRef::SameAs(j) => self.created_index.get(j).cloned().ok_or_else(|| {
                Error::invalid(
                    "import.row",
                    format!(
                        "row {}: the earlier row of this index person wrote none",
                        row.preview.row
                    ),
                    format!("第 {} 行：同一关联人员的前一行未能登记", row.preview.row),
                )
            })?,
        };
        let id = crate::contacts::add_contact(
            self.tx,
            &crate::api::NewContact {
                person_id: person_id.to_owned(),
                index_person_id: index,
                exposure: c.exposure,
                last_contact_on: c.last_contact_on.clone(),
                note: c.note.clone(),
            },
        )
        .map_err(|e| row_error(row, e))?;
        self.record("contact", &id)
    }

    /// Through the calls module's own use case (its checks and its defaults: the
    /// household's responsible worker).
    fn insert_target(&self, person_id: &str, row: &Planned, t: &TargetData) -> Result<()> {
        // A number on the list that the register does not have for the person (a new
        // number while away) is the one to call: the target keeps it.
        let registered: Option<String> = self.tx.query_row(
            "SELECT phone FROM person WHERE id = ?1",
            params![person_id],
            |r| r.get(0),
        )?;
        let phone = t.phone.clone().filter(|p| registered.as_ref() != Some(p));
        let id = crate::calls::add_call_target(
            self.tx,
            &crate::api::NewCallTarget {
                person_id: person_id.to_owned(),
                place: t.place.clone(),
                city: t.city.clone(),
                reason: t.reason,
                away_since: t.away_since.clone(),
                phone,
                foreign_phone: t.foreign_phone.clone(),
                relative_name: t.relative_name.clone(),
                relative_phone: t.relative_phone.clone(),
                responsible_worker_id: None,
                note: t.note.clone(),
            },
            self.today_date,
        )
        .map_err(|e| row_error(row, e))?;
        self.record("call_target", &id)
    }

    /// Someone called while away comes home: their arrival closes their call target, as
    /// `arrivals::add_arrival` does (only people with a call target can be linked).
    fn link_calls(&self) -> Result<()> {
        for id in &self.to_link {
            crate::calls::link_arrival(self.tx, id)?;
        }
        Ok(())
    }
}

/// The register's households by (building number, unit number, room), for addresses, and
/// the estates, buildings and units an address may name when its household is missing.
struct Households {
    by_key: HashMap<(String, String, String), Vec<(String, String)>>,
    estates: Vec<EstateOf>,
    /// Buildings by (estate id, building number): (building id, name).
    buildings: HashMap<(String, String), (String, String)>,
    /// Units by (building id, unit number): (unit id, name).
    units: HashMap<(String, String), (String, String)>,
}

/// An estate as an address finds it.
struct EstateOf {
    id: String,
    name: String,
    grid_id: String,
}

/// A household an import creates: this room, in this grid, at this place.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct NewHouseholdData {
    grid_id: String,
    at: NewPlace,
    room: String,
}

/// Where a household an import creates goes: an existing unit, a unit to create in an
/// existing building, or a building and unit to create in an existing estate. New names
/// follow the style of their siblings ("3号楼" next to "1号楼", else "3栋"; "2单元").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum NewPlace {
    Unit(String),
    NewUnit {
        building_id: String,
        unit: String,
    },
    NewBuilding {
        estate_id: String,
        building: String,
        unit: String,
    },
}

/// `sample` renumbered to `n` ("1号楼", "12" → "12号楼"), else `n` + `suffix`.
fn renumber(sample: Option<&str>, n: &str, suffix: &str) -> String {
    match sample {
        Some(s) => {
            let rest = s.trim_start_matches(|c: char| c.is_ascii_digit());
            if rest.len() < s.len() && !rest.is_empty() {
                format!("{n}{rest}")
            } else {
                format!("{n}{suffix}")
            }
        }
        None => format!("{n}{suffix}"),
    }
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
        let estates = conn
            .prepare("SELECT id, name, grid_id FROM estate WHERE deleted_at IS NULL ORDER BY id")?
            .query_map([], |r| {
                Ok(EstateOf {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    grid_id: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut buildings = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT id, estate_id, name FROM building WHERE deleted_at IS NULL AND estate_id IS NOT NULL",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (id, estate, name): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            buildings.insert((estate, clean::leading_number(&name)), (id, name));
        }
        let mut units = HashMap::new();
        let mut stmt =
            conn.prepare("SELECT id, building_id, name FROM unit WHERE deleted_at IS NULL")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (id, building, name): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            units.insert((building, clean::leading_number(&name)), (id, name));
        }
        Ok(Households {
            by_key,
            estates,
            buildings,
            units,
        })
    }

    /// Where the household an address names would go when it is not registered
    /// ("新建户"): into its unit, or a new unit of its building, or — when the address
    /// names its estate — a new building of that estate. None when the place is
    /// ambiguous or the estate unknown.
    fn missing(&self, raw: &str) -> Option<NewHouseholdData> {
        let a = clean::address(raw)?;
        let building = a.building.trim_start_matches('0').to_owned();
        let unit = a
            .unit
            .as_deref()
            .unwrap_or("1")
            .trim_start_matches('0')
            .to_owned();
        let room = a.room.trim_start_matches('0').to_owned();
        let named = |e: &&EstateOf| {
            a.prefix.is_empty()
                || a.prefix.contains(e.name.as_str())
                || e.name.contains(a.prefix.as_str())
        };
        let estates: Vec<&EstateOf> = self.estates.iter().filter(named).collect();
        let with_building: Vec<(&EstateOf, &String)> = estates
            .iter()
            .filter_map(|e| {
                self.buildings
                    .get(&(e.id.clone(), building.clone()))
                    .map(|(id, _)| (*e, id))
            })
            .collect();
        let with_unit: Vec<(&EstateOf, &String)> = with_building
            .iter()
            .filter_map(|(e, b)| {
                self.units
                    .get(&((*b).clone(), unit.clone()))
                    .map(|(id, _)| (*e, id))
            })
            .collect();
        let at = |e: &EstateOf, at: NewPlace| NewHouseholdData {
            grid_id: e.grid_id.clone(),
            at,
            room: room.clone(),
        };
        match (
            with_unit.as_slice(),
            with_building.as_slice(),
            estates.as_slice(),
        ) {
            ([(e, u)], _, _) => Some(at(e, NewPlace::Unit((*u).clone()))),
            ([], [(e, b)], _) => Some(at(
                e,
                NewPlace::NewUnit {
                    building_id: (*b).clone(),
                    unit,
                },
            )),
            ([], [], [e]) if !a.prefix.is_empty() => Some(at(
                e,
                NewPlace::NewBuilding {
                    estate_id: e.id.clone(),
                    building,
                    unit,
                },
            )),
            _ => None,
        }
    }

    /// A name for a new building of `estate_id` numbered `n`, in the style of its siblings.
    fn building_name(&self, estate_id: &str, n: &str) -> String {
        let sample = self
            .buildings
            .iter()
            .filter(|((e, _), _)| e == estate_id)
            .map(|(_, (_, name))| name.as_str())
            .min();
        renumber(sample, n, "栋")
    }

    /// A name for a new unit numbered `n`, in the style of the ledger's units.
    fn unit_name(&self, n: &str) -> String {
        renumber(
            self.units.values().map(|(_, name)| name.as_str()).min(),
            n,
            "单元",
        )
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
    let bytes = staged::file_bytes(req)?;
    let read = read::read(&req.file_name, &bytes, req.sheet.as_deref())?;
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
    let known = Known::load(conn, req.kind != ImportKind::People)?;
    let mut origins: HashMap<String, Option<Place>> = HashMap::new();
    // Row keys (the person, and for arrivals the date) and person keys already planned.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut person_rows: HashMap<String, usize> = HashMap::new();
    // Index persons (contacts) registered by a row of the file, by ID number or name.
    let mut new_index_rows: HashMap<String, usize> = HashMap::new();
    let mut planned_households: HashSet<NewHouseholdData> = HashSet::new();
    let mut rows: Vec<Planned> = Vec::new();
    let mut counts = ImportCounts::default();
    let empty = Cell::Empty;
    for (r, cells) in read.grid.rows.iter().enumerate().skip(header.data_start()) {
        // Blank rows, and rows with nothing in any mapped column: a form's footer
        // ("审核人：", "单位（盖章）："), a numbered template line left empty.
        if index
            .values()
            .all(|&c| cells.get(c).is_none_or(Cell::is_empty))
        {
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
        let mut new_household = None;
        let household_id = if address.is_empty() {
            None
        } else {
            match households.find(&address) {
                Ok(id) => Some(id),
                Err(e) => {
                    new_household = req
                        .create_households
                        .unwrap_or(false)
                        .then(|| households.missing(&address))
                        .flatten();
                    if new_household.is_none() {
                        notes.push(e);
                    }
                    None
                }
            }
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
        let target = if req.kind == ImportKind::CallTargets {
            plan_target(
                &|f| get(f),
                &|f| col(f),
                default_year,
                today,
                &mut origins,
                &mut errors,
            )
            .map(|t| TargetData {
                phone: phone.clone(),
                ..t
            })
        } else {
            None
        };
        let mut contact = if req.kind == ImportKind::Contacts {
            plan_contact(
                &|f| get(f),
                &|f| col(f),
                default_year,
                today,
                &known,
                &mut errors,
            )
        } else {
            None
        };
        let mut preview = PreviewRow {
            new_household: new_household.is_some(),
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
            rows.push(Planned::nothing(preview));
            continue;
        }
        // Who: within the file first, then in the register.
        let person_key = match (&id_number, &phone) {
            (Some(id), _) => format!("id:{id}"),
            (None, Some(p)) => format!("np:{name}|{p}"),
            (None, None) => format!("na:{name}|{address}"),
        };
        let row_key = match (&arrival, &contact) {
            (Some(a), _) => format!("{person_key}|{}", a.arrived_on),
            (None, Some(c)) => format!("{person_key}|{}", index_key(c, get)),
            (None, None) => person_key.clone(),
        };
        if let Some(&first) = seen.get(&row_key) {
            preview.status = RowStatus::Duplicate;
            preview.message_zh = Some(format!("与第 {} 行重复，已跳过", rows[first].preview.row));
            counts.duplicates += 1;
            rows.push(Planned::nothing(preview));
            continue;
        }
        let earlier = person_rows.get(&person_key).copied();
        let person = if let Some(i) = earlier {
            match &rows[i].person {
                Some(PersonRef::Existing(id, h)) => PersonRef::Existing(id.clone(), h.clone()),
                Some(PersonRef::SameAs(j)) => PersonRef::SameAs(*j),
                _ => PersonRef::SameAs(i),
            }
        } else {
            match known.find_person(&name, id_number.as_deref(), phone.as_deref()) {
                Some((id, household)) => PersonRef::Existing(id, household),
                None => PersonRef::New(NewPersonData {
                    name: name.clone(),
                    id_number: id_number.clone(),
                    phone: phone.clone(),
                    household_id: household_id.clone(),
                    relation: Some(clean::text(get("relation"))).filter(|s| !s.is_empty()),
                    notes: person_notes(
                        &if req.kind == ImportKind::CallTargets {
                            String::new()
                        } else {
                            clean::text(get("notes"))
                        },
                        &address,
                        &household_id
                            .clone()
                            .or_else(|| new_household.as_ref().map(|_| String::new())),
                    ),
                }),
            }
        };
        seen.insert(row_key, rows.len());
        person_rows.entry(person_key).or_insert(rows.len());
        match new_household.as_ref().map(|h| &h.at) {
            Some(NewPlace::Unit(_)) => notes.push(format!("新建户：{address}")),
            Some(NewPlace::NewUnit { .. }) => notes.push(format!("新建单元和户：{address}")),
            Some(NewPlace::NewBuilding { .. }) => {
                notes.push(format!("新建楼栋、单元和户：{address}"))
            }
            None => {}
        }
        if !notes.is_empty() {
            preview.message_zh = Some(notes.join("；"));
        }
        match &person {
            PersonRef::Existing(id, _) => {
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
            (None, PersonRef::Existing(..)) if target.is_none() && contact.is_none() => {
                preview.status = RowStatus::Unchanged;
                preview.message_zh = Some("已在台账中".to_owned());
            }
            (Some(a), PersonRef::Existing(id, _)) if known.arrival_exists(id, &a.arrived_on) => {
                preview.status = RowStatus::Unchanged;
                preview.message_zh = Some("该人员同一天的返乡记录已在台账中".to_owned());
            }
            (Some(_), _) => preview.new_arrival = true,
            (None, PersonRef::Existing(id, _))
                if contact.as_ref().is_some_and(|c| {
                    matches!(&c.index, IndexRef::Existing(i)
                        if known.contacts.contains(&(id.clone(), i.clone())))
                }) =>
            {
                preview.status = RowStatus::Unchanged;
                preview.message_zh = Some("该密切接触者已登记".to_owned());
            }
            (None, PersonRef::Existing(id, _)) if target.is_some() && known.called.contains(id) => {
                preview.status = RowStatus::Unchanged;
                preview.message_zh = Some("该人员已在电话核实名单中（尚未返回）".to_owned());
            }
            (None, _) => {}
        }
        match preview.status {
            RowStatus::Unchanged => counts.unchanged += 1,
            _ => {
                counts.accepted += 1;
                if let Some(h) = &new_household {
                    if planned_households.insert(h.clone()) {
                        counts.new_households += 1;
                    }
                }
                if preview.new_arrival {
                    counts.new_arrivals += 1;
                }
            }
        }
        if let (Some(c), PersonRef::Existing(id, _)) = (&contact, &person) {
            if matches!(&c.index, IndexRef::Existing(i) if i == id) {
                preview.status = RowStatus::Error;
                preview.cell = cell_ref(col("index_name"), row_no);
                preview.message_zh = Some("密切接触者不能与关联人员是同一人".to_owned());
                preview.matched_person_id = None;
                counts.matched_people -= 1;
                counts.accepted -= 1;
                counts.errors += 1;
                rows.push(Planned::nothing(preview));
                continue;
            }
        }
        // An index person registered by an earlier row is the same person here.
        if let Some(c) = &mut contact {
            if let IndexRef::New(name, id) = &c.index {
                let key = match id {
                    Some(id) => format!("id:{id}"),
                    None => format!("na:{name}"),
                };
                match new_index_rows.get(&key) {
                    Some(&j) => c.index = IndexRef::SameAs(j),
                    None => {
                        if preview.status == RowStatus::Accepted {
                            new_index_rows.insert(key, rows.len());
                        }
                    }
                }
            }
        }
        let mut arrival = arrival;
        if let (Some(a), PersonRef::Existing(id, _)) = (&mut arrival, &person) {
            a.has_call_target = known.called.contains(id);
        }
        rows.push(Planned {
            preview,
            person: Some(person),
            arrival,
            target,
            contact,
            new_household,
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
            preview_id: None,
        },
        rows,
        places: households,
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

/// 外出事由 as the calls module codes it; other text is kept in the note.
fn call_reason(text: &str) -> Option<crate::api::CallReason> {
    use crate::api::CallReason;
    let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
    if text.is_empty() {
        None
    } else if has(&["旅游", "旅行", "度假"]) {
        Some(CallReason::Tourism)
    } else if has(&["留学", "学习", "读书", "上学", "进修"]) {
        Some(CallReason::Study)
    } else if has(&["务工", "工作", "劳务", "出差", "经商"]) {
        Some(CallReason::Work)
    } else if has(&["探亲", "访友", "探望", "陪读", "家属"]) {
        Some(CallReason::Family)
    } else {
        Some(CallReason::Other)
    }
}

/// A phone abroad: "+82 10-1234-5678" / "0082…" → "+821012345678".
fn foreign_phone(cell: &Cell) -> std::result::Result<String, String> {
    let text = clean::text(cell);
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
        .collect();
    let rest = digits
        .strip_prefix('+')
        .or_else(|| digits.strip_prefix("00"))
        .ok_or_else(|| format!("“{text}”应以 + 或 00 加国家代码开头"))?;
    if (6..=15).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_digit()) {
        Ok(format!("+{rest}"))
    } else {
        Err(format!("“{text}”不是有效的境外号码"))
    }
}

fn plan_target<'c>(
    get: &dyn Fn(&str) -> &'c Cell,
    col: &dyn Fn(&str) -> Option<usize>,
    default_year: i32,
    today: NaiveDate,
    places: &mut HashMap<String, Option<Place>>,
    errors: &mut Vec<(Option<usize>, String)>,
) -> Option<TargetData> {
    let mut country = clean::text(get("country"));
    let mut city = clean::text(get("city"));
    let mut resolve = |t: &str| {
        places
            .entry(t.to_owned())
            .or_insert_with(|| resolve_place(t))
            .clone()
    };
    // One column for both, as the 电话核实登记表 exports it ("韩国 首尔", "湖北省武汉市 汉口"):
    // a known place first, then the city.
    if country.is_empty() {
        if let Some((first, rest)) = city.split_once(' ') {
            if resolve(first).is_some() {
                (country, city) = (first.to_owned(), rest.trim().to_owned());
            }
        }
    }
    if country.is_empty() && city.is_empty() {
        errors.push((
            col("country").or(col("city")),
            "现所在地和所在国家（地区）均为空".to_owned(),
        ));
    }
    let place = match (country.is_empty(), city.is_empty()) {
        (false, _) => resolve(&country).or_else(|| resolve(&city)),
        (true, false) => resolve(&city),
        (true, true) => None,
    };
    // The city as text, or the country when it named no known place.
    let city_text = match (&place, city.is_empty()) {
        (_, false) => Some(city),
        (None, true) if !country.is_empty() => Some(country),
        _ => None,
    };
    let away_since = match get("away_since") {
        c if c.is_empty() => None,
        c => match clean::date(c, default_year) {
            Ok(d) if d > today => {
                errors.push((col("away_since"), "外出时间晚于今天".to_owned()));
                None
            }
            Ok(d) => Some(format_iso(d)),
            Err(e) => {
                errors.push((col("away_since"), format!("外出时间：{e}")));
                None
            }
        },
    };
    let foreign = match get("foreign_phone") {
        c if c.is_empty() => None,
        c => foreign_phone(c)
            .map_err(|e| errors.push((col("foreign_phone"), format!("境外联系电话：{e}"))))
            .ok(),
    };
    let relative_phone = match get("relative_phone") {
        c if c.is_empty() => None,
        c => {
            let text = clean::text(c);
            let parsed = if text.starts_with('+') || text.starts_with("00") {
                foreign_phone(c)
            } else {
                clean::phone(c)
            };
            parsed
                .map_err(|e| errors.push((col("relative_phone"), format!("家属电话：{e}"))))
                .ok()
        }
    };
    let reason_text = clean::text(get("reason"));
    let reason = call_reason(&reason_text);
    let mut note: Vec<String> = Vec::new();
    if reason == Some(crate::api::CallReason::Other) && reason_text != "其他" {
        note.push(format!("外出事由：{reason_text}"));
    }
    let verified = clean::text(get("notes"));
    if !verified.is_empty() {
        note.push(verified);
    }
    match get("planned_return") {
        c if c.is_empty() => {}
        c => match clean::date(c, default_year) {
            Ok(d) => note.push(format!("计划返回时间：{}", format_iso(d))),
            Err(_) => note.push(format!("计划返回时间：{}", clean::text(c))),
        },
    }
    Some(TargetData {
        phone: None,
        place,
        city: city_text,
        reason,
        away_since,
        foreign_phone: foreign,
        relative_name: Some(clean::text(get("relative_name"))).filter(|s| !s.is_empty()),
        relative_phone,
        note: (!note.is_empty()).then(|| note.join("；")),
    })
}

/// 接触方式 as the contacts module codes it (四同: 同住 / 同餐 / 同工作 / 同行).
fn exposure(text: &str) -> crate::api::Exposure {
    use crate::api::Exposure;
    let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
    if has(&["同住", "同户", "家属", "家人", "共同居住"]) {
        Exposure::Household
    } else if has(&["同餐", "聚餐", "共餐", "同桌"]) {
        Exposure::Meal
    } else if has(&["同工作", "同事", "同学习", "同办公", "同班"]) {
        Exposure::Work
    } else if has(&["同行", "同车", "同机", "同乘", "交通"]) {
        Exposure::Travel
    } else {
        Exposure::Other
    }
}

/// What tells two rows' index persons apart, for in-file duplicates.
fn index_key<'c>(c: &ContactData, get: impl Fn(&str) -> &'c Cell) -> String {
    match &c.index {
        IndexRef::Existing(id) => id.clone(),
        _ => clean::text(get("index_id_number")) + "|" + &clean::text(get("index_name")),
    }
}

fn plan_contact<'c>(
    get: &dyn Fn(&str) -> &'c Cell,
    col: &dyn Fn(&str) -> Option<usize>,
    default_year: i32,
    today: NaiveDate,
    known: &Known,
    errors: &mut Vec<(Option<usize>, String)>,
) -> Option<ContactData> {
    let index_name = clean::text(get("index_name"));
    let index_id = match get("index_id_number") {
        c if c.is_empty() => None,
        c => clean::id_number(c, today)
            .map_err(|e| errors.push((col("index_id_number"), format!("关联人员身份证号：{e}"))))
            .ok(),
    };
    if index_name.is_empty() && index_id.is_none() {
        errors.push((col("index_name"), "关联人员为空".to_owned()));
    }
    let last = match clean::date(get("last_contact_on"), default_year) {
        Ok(d) if d > today => {
            errors.push((col("last_contact_on"), "最后接触日期晚于今天".to_owned()));
            None
        }
        Ok(d) => Some(format_iso(d)),
        Err(e) => {
            errors.push((col("last_contact_on"), format!("最后接触日期：{e}")));
            None
        }
    };
    let by_id = index_id
        .as_deref()
        .and_then(|n| known.by_id.get(n))
        .cloned();
    let index = match by_id {
        Some(id) => IndexRef::Existing(id),
        None if index_id.is_some() => IndexRef::New(index_name.clone(), index_id),
        None => match known.by_name.get(&index_name).map(Vec::as_slice) {
            Some([one]) => IndexRef::Existing(one.clone()),
            Some([_, _, ..]) => {
                errors.push((
                    col("index_name"),
                    format!("台账中有多人名为“{index_name}”，请填写关联人员身份证号"),
                ));
                return None;
            }
            _ => IndexRef::New(index_name.clone(), None),
        },
    };
    if index_name.is_empty() && matches!(index, IndexRef::New(..)) {
        return None;
    }
    Some(ContactData {
        index,
        exposure: exposure(&clean::text(get("exposure"))),
        last_contact_on: last?,
        note: Some(clean::text(get("notes"))).filter(|s| !s.is_empty()),
    })
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
        has_call_target: false,
    })
}

/// A person's id and ID number.
type PersonAndId = (String, Option<String>);

/// The register as the plan needs it, loaded once per import (one query per table
/// instead of one per row): people by ID number and by name + phone, their households,
/// the (person, arrival date) pairs already registered, the people with a call target.
struct Known {
    by_id: HashMap<String, String>,
    /// (name, phone) → (person, ID number), in id order.
    by_name_phone: HashMap<(String, String), Vec<PersonAndId>>,
    household: HashMap<String, Option<String>>,
    arrivals: HashSet<(String, String)>,
    called: HashSet<String>,
    /// Live people by name (index persons named without an ID number).
    by_name: HashMap<String, Vec<String>>,
    /// Live (contact, index person) pairs.
    contacts: HashSet<(String, String)>,
}

impl Known {
    fn load(conn: &Connection, with_arrivals: bool) -> Result<Known> {
        let mut known = Known {
            by_id: HashMap::new(),
            by_name_phone: HashMap::new(),
            household: HashMap::new(),
            arrivals: HashSet::new(),
            called: HashSet::new(),
            by_name: HashMap::new(),
            contacts: HashSet::new(),
        };
        let mut stmt = conn.prepare(
            "SELECT id, name, id_type, id_number, phone, household_id FROM person \
             WHERE deleted_at IS NULL ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: String = r.get(0)?;
            let name: String = r.get(1)?;
            let id_type: Option<String> = r.get(2)?;
            let number: Option<String> = r.get(3)?;
            let phone: Option<String> = r.get(4)?;
            if let (Some("resident_id"), Some(n)) = (id_type.as_deref(), &number) {
                known.by_id.entry(n.clone()).or_insert_with(|| id.clone());
            }
            known
                .by_name
                .entry(name.clone())
                .or_default()
                .push(id.clone());
            if let Some(phone) = phone {
                known
                    .by_name_phone
                    .entry((name, phone))
                    .or_default()
                    .push((id.clone(), number));
            }
            known.household.insert(id, r.get(5)?);
        }
        if with_arrivals {
            let mut stmt = conn.prepare(
                "SELECT person_id, index_person_id FROM contact WHERE deleted_at IS NULL",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                known.contacts.insert((r.get(0)?, r.get(1)?));
            }
            let mut stmt =
                conn.prepare("SELECT person_id, arrived_on FROM arrival WHERE deleted_at IS NULL")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                known.arrivals.insert((r.get(0)?, r.get(1)?));
            }
            // Open targets: not yet closed by an arrival (as `calls` has it).
            let mut stmt = conn.prepare(
                "SELECT DISTINCT t.person_id FROM call_target t WHERE t.deleted_at IS NULL \
                 AND NOT EXISTS (SELECT 1 FROM arrival a WHERE a.call_target_id = t.id \
                                 AND a.deleted_at IS NULL)",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                known.called.insert(r.get(0)?);
            }
        }
        Ok(known)
    }

    /// The registered person a row names: by ID number; else by name and phone (a person
    /// found that way with a different ID number is someone else). With their household.
    fn find_person(
        &self,
        name: &str,
        id_number: Option<&str>,
        phone: Option<&str>,
    ) -> Option<(String, Option<String>)> {
        let found = id_number.and_then(|n| self.by_id.get(n)).or_else(|| {
            self.by_name_phone
                .get(&(name.to_owned(), phone?.to_owned()))?
                .iter()
                .find(|(_, n)| id_number.is_none() || n.is_none() || n.as_deref() == id_number)
                .map(|(id, _)| id)
        })?;
        Some((found.clone(), self.household.get(found).cloned().flatten()))
    }

    fn arrival_exists(&self, person_id: &str, arrived_on: &str) -> bool {
        self.arrivals
            .contains(&(person_id.to_owned(), arrived_on.to_owned()))
    }
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
