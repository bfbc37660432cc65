//! Embedded, numbered migrations guarded by `PRAGMA user_version`.
//!
//! Each migration runs in its own transaction together with the regeneration of the audit
//! triggers and the bump of `user_version`, so a ledger is always at exactly one version.
//! A ledger whose version is newer than the last migration here was written by a newer
//! GridLedger and is refused rather than guessed at. Before an existing ledger is
//! migrated, the file is copied aside.

use std::path::PathBuf;

use rusqlite::{Connection, TransactionBehavior};

use super::{audit, ActorScope, Ledger};
use crate::error::{Error, Result};

/// The migrations, in order. Version N is the N-th entry. Never edit one that has shipped;
/// add a new file.
const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_init", include_str!("migrations/0001_init.sql")),
    (
        "0002_register",
        include_str!("migrations/0002_register.sql"),
    ),
    ("0003_search", include_str!("migrations/0003_search.sql")),
    (
        "0004_search_bulk",
        include_str!("migrations/0004_search_bulk.sql"),
    ),
    (
        "0005_arrivals",
        include_str!("migrations/0005_arrivals.sql"),
    ),
    (
        "0006_isolation",
        include_str!("migrations/0006_isolation.sql"),
    ),
    (
        "0007_sweep_members",
        include_str!("migrations/0007_sweep_members.sql"),
    ),
    ("0008_calls", include_str!("migrations/0008_calls.sql")),
    (
        "0009_gate_publicity",
        include_str!("migrations/0009_gate_publicity.sql"),
    ),
    (
        "0010_supplies_work",
        include_str!("migrations/0010_supplies_work.sql"),
    ),
    ("0011_exports", include_str!("migrations/0011_exports.sql")),
    ("0012_imports", include_str!("migrations/0012_imports.sql")),
    (
        "0013_stats_indexes",
        include_str!("migrations/0013_stats_indexes.sql"),
    ),
];

/// The schema version this build writes.
pub const LATEST_VERSION: u32 = MIGRATIONS.len() as u32;

pub(super) fn user_version(conn: &Connection) -> Result<u32> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Bring the ledger to `LATEST_VERSION`. Returns the path of the backup copy, if one was
/// taken.
pub(super) fn run(ledger: &mut Ledger, backup: bool) -> Result<Option<PathBuf>> {
    apply(ledger, MIGRATIONS, backup)
}

fn apply(
    ledger: &mut Ledger,
    migrations: &[(&str, &str)],
    backup: bool,
) -> Result<Option<PathBuf>> {
    let latest = migrations.len() as u32;
    let found = user_version(&ledger.conn)?;
    if found > latest {
        return Err(Error::LedgerTooNew {
            path: ledger.path.clone(),
            found,
            supported: latest,
        });
    }
    if found == latest {
        return Ok(None);
    }
    let backup_path = if backup && found > 0 {
        Some(copy_aside(ledger, found)?)
    } else {
        None
    };
    for (index, (name, sql)) in migrations.iter().enumerate().skip(found as usize) {
        let version = index as u32 + 1;
        let tx = ledger
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let _scope = ActorScope::set(&ledger.actor, &format!("system:migrate:{name}"));
        tx.execute_batch(sql)?;
        audit::install_triggers(&tx)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(backup_path)
}

/// Copy the ledger file next to itself as `<name>.v<version>-<timestamp>.bak`. The WAL is
/// checkpointed first so the single file is complete; an encrypted ledger stays encrypted.
fn copy_aside(ledger: &Ledger, version: u32) -> Result<PathBuf> {
    ledger.checkpoint()?;
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    let mut name = ledger
        .path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(format!(".v{version}-{stamp}.bak"));
    let target = ledger.path.with_file_name(name);
    std::fs::copy(&ledger.path, &target).map_err(|e| Error::io(&target, e))?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Actor, OpenOptions};

    const V2: &str = "CREATE TABLE extra (id TEXT PRIMARY KEY, note TEXT NOT NULL);";

    #[test]
    fn an_existing_ledger_is_copied_aside_before_it_is_migrated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.db");
        let mut ledger = Ledger::open(&path, &OpenOptions::default()).unwrap();
        assert!(
            ledger.pre_migration_backup().is_none(),
            "a new ledger needs no copy"
        );
        ledger
            .write(&Actor::cli(), |tx| {
                crate::settings::set_ledger_name(tx, "迁移前社区")
            })
            .unwrap();

        let mut two = MIGRATIONS.to_vec();
        two.push(("0099_extra", V2));
        let copy = apply(&mut ledger, &two, true)
            .unwrap()
            .expect("a copy was taken");
        assert_eq!(user_version(ledger.conn()).unwrap(), LATEST_VERSION + 1);

        // The copy is the ledger as it was: old version, same data, no new table.
        let old = Connection::open(&copy).unwrap();
        assert_eq!(user_version(&old).unwrap(), LATEST_VERSION);
        let name: String = old
            .query_row(
                "SELECT value FROM setting WHERE id = 'ledger_name'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(name, "\"迁移前社区\"");
        let extra: i64 = old
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'extra'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(extra, 0);

        // The new table is audited like every other.
        ledger
            .write(&Actor::cli(), |tx| {
                tx.execute("INSERT INTO extra (id, note) VALUES ('x1', 'hello')", [])?;
                Ok(())
            })
            .unwrap();
        let audited: i64 = ledger
            .conn()
            .query_row(
                "SELECT count(*) FROM audit_log WHERE entity = 'extra'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(audited, 1);
    }

    #[test]
    fn a_failing_migration_leaves_the_ledger_at_its_old_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.db");
        let mut ledger = Ledger::open(&path, &OpenOptions::default()).unwrap();
        let mut broken = MIGRATIONS.to_vec();
        broken.push((
            "0099_broken",
            "CREATE TABLE half (id TEXT PRIMARY KEY); SELECT * FROM nowhere;",
        ));
        assert!(apply(&mut ledger, &broken, false).is_err());
        assert_eq!(user_version(ledger.conn()).unwrap(), LATEST_VERSION);
        let half: i64 = ledger
            .conn()
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'half'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(half, 0, "the half-applied migration was rolled back");
    }
}
