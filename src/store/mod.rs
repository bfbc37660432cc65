//! The ledger store: one SQLite (SQLCipher) file per ledger.
//!
//! `Ledger::open` is the only way in. It applies the key (when there is one), the pragmas
//! that make a laptop's dying battery harmless (WAL, `synchronous=FULL`), and the embedded
//! migrations. Reads take `&Connection` (`Ledger::conn`); writes go through
//! `Ledger::write`, which runs a closure in one `IMMEDIATE` transaction on behalf of an
//! [`Actor`]. Audit rows are written by triggers inside that same transaction (see
//! `audit`), so a write either lands together with its audit rows or not at all, and a
//! write outside `Ledger::write` is refused by the database itself.

mod audit;
pub mod location;
mod migrate;
pub mod rows;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Error, Result};

pub use audit::{audit_inserted, now_text, record_event, without_triggers, AuditEntry, AuditEvent};
pub use migrate::LATEST_VERSION;

/// How to open a ledger.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// The SQLCipher key. `None` opens (or creates) an unencrypted file; the same function
    /// serves both so that turning encryption on later needs no other code path.
    pub key: Option<String>,
    /// Create the file when it does not exist. When false, a missing file is an error.
    pub create: bool,
    /// Copy the file aside before migrating an existing ledger to a newer schema.
    pub backup_before_migrate: bool,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            key: None,
            create: true,
            backup_before_migrate: true,
        }
    }
}

/// Who is writing: a signed-in worker, the CLI, a migration. Recorded in `updated_by` and
/// in every audit row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor(String);

impl Actor {
    pub fn new(who: impl Into<String>) -> Self {
        Actor(who.into())
    }
    /// The command-line tool, run by whoever has the machine.
    pub fn cli() -> Self {
        Actor("cli".into())
    }
    /// The desktop app before sign-in exists.
    pub fn desktop() -> Self {
        Actor("desktop".into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An open ledger.
pub struct Ledger {
    conn: Connection,
    path: PathBuf,
    encrypted: bool,
    /// The actor of the write transaction under way, read by the audit triggers through the
    /// `gl_actor()` SQL function; `None` outside `write`, which makes the triggers refuse.
    actor: Arc<Mutex<Option<String>>>,
    /// Where the pre-migration copy went, when one was taken by this open.
    backup: Option<PathBuf>,
}

impl std::fmt::Debug for Ledger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ledger")
            .field("path", &self.path)
            .field("encrypted", &self.encrypted)
            .finish_non_exhaustive()
    }
}

impl Ledger {
    /// Open (or create) the ledger at `path`, migrating it to the latest schema.
    pub fn open(path: impl AsRef<Path>, options: &OpenOptions) -> Result<Ledger> {
        let path = path.as_ref().to_path_buf();
        let existed = path.exists();
        if !existed && !options.create {
            return Err(Error::LedgerUnreadable {
                path,
                reason: "the file does not exist".into(),
            });
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&path, flags)?;
        let unreadable = |e: rusqlite::Error| Error::LedgerUnreadable {
            path: path.clone(),
            reason: e.to_string(),
        };
        if let Some(key) = options.key.as_deref() {
            conn.pragma_update(None, "key", key).map_err(unreadable)?;
        }
        // The first real read: a wrong key or a file that is not a ledger fails here.
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })
        .map_err(unreadable)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Exports, imports and the statistics walk whole tables in an order other than the
        // rows' own: with the default 2 MB page cache every such step re-reads (and, when
        // encrypted, re-decrypts) a page. 64 MB is small for an office PC and holds the
        // working set of a 100,000-arrival ledger (benches/export.rs).
        conn.pragma_update(None, "cache_size", -65_536)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;

        let actor = Arc::new(Mutex::new(None));
        audit::register_functions(&conn, Arc::clone(&actor))?;
        crate::search::register_functions(&conn)?;

        let mut ledger = Ledger {
            conn,
            path,
            encrypted: options.key.is_some(),
            actor,
            backup: None,
        };
        ledger.backup = migrate::run(&mut ledger, options.backup_before_migrate)?;
        Ok(ledger)
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn is_encrypted(&self) -> bool {
        self.encrypted
    }

    /// The copy taken before this open migrated an older ledger, if any.
    pub fn pre_migration_backup(&self) -> Option<&Path> {
        self.backup.as_deref()
    }

    pub fn schema_version(&self) -> Result<u32> {
        migrate::user_version(&self.conn)
    }

    /// Run `f` in one write transaction on behalf of `actor`. Everything `f` writes, and the
    /// audit rows the triggers append for it, commit together; an error from `f` (or a
    /// panic) rolls all of it back.
    pub fn write<T>(
        &mut self,
        actor: &Actor,
        f: impl FnOnce(&Transaction) -> Result<T>,
    ) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let _scope = ActorScope::set(&self.actor, actor.as_str());
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Checkpoint the WAL into the main file (before copying it, or on close).
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// `PRAGMA integrity_check` and `foreign_key_check`: the problems found, empty when sound.
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
            let row = row?;
            if row != "ok" {
                problems.push(row);
            }
        }
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        for row in stmt.query_map([], |r| {
            Ok(format!(
                "foreign key violation in {} row {}",
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?
            ))
        })? {
            problems.push(row?);
        }
        Ok(problems)
    }
}

/// Sets the audit actor for the life of a write transaction and clears it afterwards,
/// also when the closure returns early or panics.
struct ActorScope<'a>(&'a Mutex<Option<String>>);

impl<'a> ActorScope<'a> {
    fn set(slot: &'a Mutex<Option<String>>, who: &str) -> Self {
        *slot.lock().unwrap_or_else(|p| p.into_inner()) = Some(who.to_owned());
        ActorScope(slot)
    }
}

impl Drop for ActorScope<'_> {
    fn drop(&mut self) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }
}
