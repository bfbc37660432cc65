//! What the app shows about the open ledger: its header and About box (`app_info`) and
//! the 首页's numbers (`dashboard_counts`), counted from records (live rows only).

use chrono::Local;
use rusqlite::Connection;

use crate::api::{AppInfo, DashboardCounts, GridCount, Module, ResidenceCount, ResidenceStatus};
use crate::error::Result;
use crate::settings::Settings;
use crate::store::Ledger;

/// The modules this build provides, in menu order. A module joins this list in the same
/// change that builds its screens; the UI hides the others.
pub const MODULES: &[Module] = &[
    Module::Home,
    Module::Residents,
    Module::Sweeps,
    Module::Arrivals,
    Module::Contacts,
    Module::Isolation,
    Module::Calls,
    Module::Gate,
    Module::Publicity,
    Module::Supplies,
    Module::WorkResumption,
    Module::Settings,
];

/// The header and About box: version, ledger name and file, statistical date.
pub fn app_info(ledger: &Ledger) -> Result<AppInfo> {
    let settings = Settings::load(ledger.conn())?;
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        ledger_name: settings.ledger_name.clone(),
        ledger_path: ledger.path().display().to_string(),
        schema_version: ledger.schema_version()?,
        encrypted: ledger.is_encrypted(),
        statistical_date: settings
            .statistical_date(Local::now().naive_local())
            .format("%Y-%m-%d")
            .to_string(),
        statistical_cutoff: settings.statistical_cutoff.format("%H:%M").to_string(),
        modules: MODULES.to_vec(),
        home_region_name: settings
            .home_region
            .as_deref()
            .and_then(crate::regions::full_name),
        home_region: settings.home_region,
    })
}

/// Counts of the register for the 首页, as of now's statistical date.
pub fn dashboard_counts(conn: &Connection) -> Result<DashboardCounts> {
    let settings = Settings::load(conn)?;
    let count = |table: &str| -> Result<u32> {
        Ok(conn.query_row(
            &format!("SELECT count(*) FROM {table} WHERE deleted_at IS NULL"),
            [],
            |r| r.get(0),
        )?)
    };

    let mut by_residence: Vec<ResidenceCount> = ResidenceStatus::ALL
        .into_iter()
        .map(|status| ResidenceCount { status, count: 0 })
        .collect();
    let mut stmt = conn.prepare(
        "SELECT residence_status, count(*) FROM person WHERE deleted_at IS NULL \
         GROUP BY residence_status",
    )?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))? {
        let (code, n) = row?;
        if let Some(slot) = by_residence
            .iter_mut()
            .find(|c| Some(c.status) == ResidenceStatus::from_code(&code))
        {
            slot.count = n;
        }
    }

    let mut stmt = conn.prepare(
        "SELECT g.id, g.name, c.name,
                (SELECT count(*) FROM household h WHERE h.grid_id = g.id AND h.deleted_at IS NULL),
                (SELECT count(*) FROM person p JOIN household h ON p.household_id = h.id
                  WHERE h.grid_id = g.id AND p.deleted_at IS NULL AND h.deleted_at IS NULL)
           FROM grid g JOIN community c ON g.community_id = c.id
          WHERE g.deleted_at IS NULL AND c.deleted_at IS NULL
          ORDER BY c.created_at, c.id, g.created_at, g.id",
    )?;
    let by_grid = stmt
        .query_map([], |r| {
            Ok(GridCount {
                grid_id: r.get(0)?,
                grid_name: r.get(1)?,
                community_name: r.get(2)?,
                households: r.get(3)?,
                people: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    Ok(DashboardCounts {
        statistical_date: settings
            .statistical_date(Local::now().naive_local())
            .format("%Y-%m-%d")
            .to_string(),
        communities: count("community")?,
        grids: count("grid")?,
        estates: count("estate")?,
        buildings: count("building")?,
        units: count("unit")?,
        households: count("household")?,
        people: count("person")?,
        by_residence,
        by_grid,
    })
}
