//! Person search: by name, pinyin initials, full pinyin, ID number, phone and address.
//!
//! Every screen that picks a person searches as the worker types, on ledgers of up to
//! 200,000 people, so each kind of match is an index range scan over derived tables that
//! triggers keep (migration `0003_search.sql`): no write path can forget the index, and
//! no query does `LIKE '%x%'` over the person table.
//!
//! A query can match several ways; results are ranked exact ID/phone > ID/phone suffix >
//! exact name > name prefix > pinyin initials > pinyin prefix > name substring > address,
//! and by (name, person id) within a rank. Ranks are evaluated in order and each stops as
//! soon as the page is full, so a query whose first ranks fill the page never touches the
//! later ones. A rank that can match thousands of people (pinyin `z`, name `华`, address
//! `幸福家园`) first counts its matches up to a bound: few matches are fetched through the
//! key index and sorted; many are found by walking people in name order and testing each,
//! which finds a page quickly precisely because matches are dense (a pinyin prefix, whose
//! matches cluster by surname, hops from one first character to the next instead). See
//! `docs/benchmarks.md` for the numbers on 200,000 people.

pub mod keys;

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use rusqlite::functions::FunctionFlags;
use rusqlite::{params_from_iter, Connection, OptionalExtension};

use crate::api::{MatchKind, PersonHit, ResidenceStatus};
use crate::domain::text::normalize_text;
use crate::error::{Error, Result};

/// Above this many matching keys a rank walks people in name order instead of sorting.
const DENSE_PERSON_KEYS: usize = 2000;
/// The same for households matching an address (each holds about 2.5 people).
const DENSE_HOUSEHOLD_KEYS: usize = 400;
/// Ends a key range: every string starting with the prefix sorts below prefix + U+10FFFF.
const RANGE_END: char = '\u{10FFFF}';

/// Register the SQL functions the index triggers call. Called by `Ledger::open` before
/// migrations run, because migration 0003 backfills the index with them.
///
/// - `gl_search_keys(kind, text)`: a JSON array of keys, `kind` being `'initials'`,
///   `'full'` (pinyin) or `'suffixes'`; NULL text gives `[]`.
/// - `gl_search_pinyin(name)`: `' zs zhangsan '`, every pinyin key between spaces.
/// - `gl_search_reverse(text)`: the text reversed; NULL stays NULL.
/// - `gl_search_deferred()`: whether this connection is inside
///   [`defer_household_keys`], which makes the household key trigger stand aside.
pub fn register_functions(conn: &Connection) -> Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    // Per connection: each connection registers its own flag.
    let deferred = Arc::new(AtomicBool::new(false));
    let read = Arc::clone(&deferred);
    conn.create_scalar_function(
        "gl_search_deferred",
        0,
        FunctionFlags::SQLITE_UTF8,
        move |_| Ok(read.load(Ordering::Relaxed)),
    )?;
    conn.create_scalar_function(
        "gl_search_defer",
        1,
        FunctionFlags::SQLITE_UTF8,
        move |ctx| {
            let on: bool = ctx.get(0)?;
            Ok(deferred.swap(on, Ordering::Relaxed))
        },
    )?;
    conn.create_scalar_function("gl_search_keys", 2, flags, |ctx| {
        let kind: String = ctx.get(0)?;
        let text: Option<String> = ctx.get(1)?;
        let text = text.unwrap_or_default();
        let list = match kind.as_str() {
            "initials" => keys::initials(&text),
            "full" => keys::full(&text),
            "suffixes" => keys::suffixes(&text),
            other => {
                return Err(rusqlite::Error::UserFunctionError(
                    format!("gl_search_keys: unknown kind {other}").into(),
                ))
            }
        };
        serde_json::to_string(&list).map_err(|e| rusqlite::Error::UserFunctionError(e.into()))
    })?;
    conn.create_scalar_function("gl_search_pinyin", 1, flags, |ctx| {
        let name: Option<String> = ctx.get(0)?;
        Ok(keys::pinyin_text(&name.unwrap_or_default()))
    })?;
    conn.create_scalar_function("gl_search_reverse", 1, flags, |ctx| {
        let text: Option<String> = ctx.get(0)?;
        Ok(text.map(|t| keys::reverse(&t)))
    })?;
    Ok(())
}

/// Run `write` with the household key trigger standing aside, then add the keys of every
/// household still without them in one statement.
///
/// Why: inserting four boundary keys per household from a row trigger lands each key at a
/// random place in a large B-tree, inside the statement journal of every single INSERT,
/// and that cost grows with the ledger (10,000 households took 3 s on 200,000 people,
/// against 0.3 s set-wise; `docs/benchmarks.md`). Bulk writers (building creation,
/// imports) go through here; single inserts keep the trigger. The households' address
/// rows (`household_search`) are still written by their trigger, so a search inside
/// `write` already sees the address; only the key lookups wait for the end. On error the
/// keys are not filled, which is right: the caller's transaction or savepoint is rolled
/// back with the rows.
pub fn defer_household_keys<T>(tx: &Connection, write: impl FnOnce() -> Result<T>) -> Result<T> {
    let was: bool = tx.query_row("SELECT gl_search_defer(1)", [], |r| r.get(0))?;
    let result = write();
    // Restore even when `write` failed, or later single inserts would go unindexed.
    tx.query_row("SELECT gl_search_defer(?1)", [was], |_| Ok(()))?;
    let value = result?;
    if !was {
        tx.execute(
            "INSERT OR IGNORE INTO household_search_key (key, household_id)
             SELECT k.value, a.household_id
             FROM household_search s
             JOIN household_address a ON a.household_id = s.household_id,
                  json_each(a.keys) k
             WHERE NOT EXISTS (SELECT 1 FROM household_search_key x
                               WHERE x.household_id = s.household_id)",
            [],
        )?;
    }
    Ok(value)
}

/// Add the search rows of the people `ids_sql` selects (`?1` = `arg`, `?2` = `entity`) in
/// one statement sorted by name: what the `person_search_insert` trigger does per row, for
/// bulk writers that made it stand aside (imports). The table is stored in name order, so
/// a sorted insert appends runs instead of landing at random places, and the person insert
/// itself, with no trigger left, needs no statement journal. Call [`fill_person_keys`]
/// after it.
pub fn fill_person_search(tx: &Connection, ids_sql: &str, arg: &str, entity: &str) -> Result<()> {
    tx.execute(
        &format!(
            "INSERT INTO person_search
                 (person_id, name, id_rev, phone_rev, household_id, address, pinyin)
             SELECT p.id, p.name, gl_search_reverse(upper(p.id_number)),
                    gl_search_reverse(p.phone), p.household_id, h.address,
                    gl_search_pinyin(p.name)
             FROM person p LEFT JOIN household_search h ON h.household_id = p.household_id
             WHERE p.id IN ({ids_sql}) AND p.deleted_at IS NULL
             ORDER BY p.name, p.id"
        ),
        rusqlite::params![arg, entity],
    )?;
    Ok(())
}

/// Add the name keys of the people `ids_sql` selects (`?1` = `arg`, `?2` = `entity`), in
/// one statement sorted by key: what the `person_search_keys_insert` trigger does per row,
/// for bulk writers that made it stand aside (`store::without_triggers`, imports). Sorted
/// inserts land in key order instead of at random places in a large B-tree.
pub fn fill_person_keys(tx: &Connection, ids_sql: &str, arg: &str, entity: &str) -> Result<()> {
    tx.execute(
        &format!(
            "INSERT OR IGNORE INTO person_search_key (kind, key, name, person_id)
             SELECT kind, key, name, person_id FROM (
                 SELECT 'i' AS kind, k.value AS key, s.name AS name, s.person_id AS person_id
                 FROM person_search s, json_each(gl_search_keys('initials', s.name)) k
                 WHERE s.person_id IN ({ids_sql})
                 UNION ALL
                 SELECT 'p', k.value, s.name, s.person_id
                 FROM person_search s, json_each(gl_search_keys('full', s.name)) k
                 WHERE s.person_id IN ({ids_sql})
                 UNION ALL
                 SELECT 'n', k.value, s.name, s.person_id
                 FROM person_search s, json_each(gl_search_keys('suffixes', s.name)) k
                 WHERE s.person_id IN ({ids_sql}))
             ORDER BY kind, key, name, person_id"
        ),
        rusqlite::params![arg, entity],
    )?;
    Ok(())
}

/// Rebuild the whole search index from the register (what migration 0003 does once). For
/// repair and tests; the triggers keep it current otherwise. Writes only derived,
/// unaudited tables, so it needs no actor.
pub fn rebuild_index(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "SAVEPOINT search_rebuild;
         DELETE FROM person_search_key;
         DELETE FROM household_search_key;
         DELETE FROM person_search;
         DELETE FROM household_search;
         INSERT INTO household_search (household_id, address)
         SELECT household_id, address FROM household_address;
         INSERT INTO person_search
             (person_id, name, id_rev, phone_rev, household_id, address, pinyin)
         SELECT p.id, p.name, gl_search_reverse(upper(p.id_number)), gl_search_reverse(p.phone),
                p.household_id, h.address, gl_search_pinyin(p.name)
         FROM person p LEFT JOIN household_search h ON h.household_id = p.household_id
         WHERE p.deleted_at IS NULL;
         RELEASE search_rebuild;",
    )?;
    Ok(())
}

/// What a query looks like at first sight, for hints in the UI: digits (and a final X)
/// are an ID number or phone, ASCII letters pinyin, Chinese with 栋/单元/号 or digits an
/// address, other text a name. `None` for an empty query. Search itself tries every kind
/// that can match (`301` is a phone suffix and a room; `张` a name and an address).
pub fn classify(query: &str) -> Option<MatchKind> {
    let q = Query::parse(query)?;
    Some(if q.id_like.is_some() {
        MatchKind::IdNumber
    } else if q.pinyin.is_some() {
        MatchKind::Pinyin
    } else if ["栋", "单元", "号", "幢", "室"]
        .iter()
        .any(|m| q.compact.contains(m))
        || q.compact.chars().any(|c| c.is_ascii_digit())
    {
        MatchKind::Address
    } else {
        MatchKind::Name
    })
}

/// Find live people matching `query`, best first, `limit` of them after skipping
/// `offset`. An empty or blank query finds nobody (it is not an error).
pub fn search_people(
    conn: &Connection,
    query: &str,
    limit: u32,
    offset: u32,
) -> Result<Vec<PersonHit>> {
    let Some(q) = Query::parse(query) else {
        return Ok(Vec::new());
    };
    if limit == 0 {
        return Ok(Vec::new());
    }
    let need = offset as usize + limit as usize;
    let mut seen = HashSet::new();
    let mut found: Vec<(String, MatchKind)> = Vec::new();
    for tier in q.tiers() {
        if found.len() >= need {
            break;
        }
        tier.collect(conn, &mut seen, &mut found, need)?;
    }
    found
        .into_iter()
        .skip(offset as usize)
        .take(limit as usize)
        .map(|(id, matched)| load_hit(conn, &id, matched))
        .collect()
}

fn load_hit(conn: &Connection, person_id: &str, matched: MatchKind) -> Result<PersonHit> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.name, p.id_number, p.phone, p.residence_status, h.address
         FROM person p LEFT JOIN household_search h ON h.household_id = p.household_id
         WHERE p.id = ?1",
    )?;
    let (person_id, name, id_number, phone, status, address) =
        stmt.query_row([person_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
            ))
        })?;
    let residence_status = ResidenceStatus::from_code(&status).ok_or_else(|| {
        Error::invalid(
            "person.residence_status",
            format!("unknown residence status {status}"),
            "居住状态未知",
        )
    })?;
    Ok(PersonHit {
        person_id,
        name,
        id_number,
        phone,
        address,
        residence_status,
        matched,
    })
}

/// The query in the forms each kind of match needs.
struct Query {
    /// Normalised, all whitespace removed ("12栋 2单元" → "12栋2单元").
    compact: String,
    /// For names: `compact` when it has Chinese, else normalised with single spaces
    /// ("Li Na").
    name: String,
    /// Digits with at most a final X, upper case, at least 4 characters.
    id_like: Option<String>,
    /// Only digits, at least 4.
    digits: Option<String>,
    /// ASCII letters only, lower case, apostrophes dropped ("xi'an" → "xian").
    pinyin: Option<String>,
}

impl Query {
    fn parse(raw: &str) -> Option<Query> {
        let norm = normalize_text(raw);
        let compact: String = norm.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.is_empty() {
            return None;
        }
        let name = if compact.is_ascii() {
            norm
        } else {
            compact.clone()
        };
        let upper = compact.to_ascii_uppercase();
        let body = upper.strip_suffix('X').unwrap_or(&upper);
        let id_like =
            (upper.len() >= 4 && body.chars().all(|c| c.is_ascii_digit())).then(|| upper.clone());
        let digits = (compact.len() >= 4 && compact.chars().all(|c| c.is_ascii_digit()))
            .then(|| compact.clone());
        let letters: String = compact
            .chars()
            .filter(|&c| c != '\'')
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let pinyin = (!letters.is_empty() && letters.chars().all(|c| c.is_ascii_lowercase()))
            .then_some(letters);
        Some(Query {
            compact,
            name,
            id_like,
            digits,
            pinyin,
        })
    }

    /// The ranks, best first, each with the sources that fill it.
    fn tiers(&self) -> Vec<Tier> {
        let mut tiers = Vec::new();
        let range = |s: &str| vec![s.to_owned(), format!("{s}{RANGE_END}")];

        // Exact ID number / phone.
        let mut exact = Vec::new();
        if let Some(id) = self.id_like.as_ref().filter(|id| id.len() == 18) {
            exact.push(Source::new(
                "SELECT person_id, name FROM person_search WHERE id_rev = ?1",
                vec![keys::reverse(id)],
                MatchKind::IdNumber,
            ));
        }
        if let Some(digits) = &self.digits {
            exact.push(Source::new(
                "SELECT person_id, name FROM person_search WHERE phone_rev = ?1",
                vec![keys::reverse(digits)],
                MatchKind::Phone,
            ));
        }
        tiers.push(Tier::Small(exact));

        // The last 4+ characters of an ID number / phone.
        let mut suffix = Vec::new();
        if let Some(id) = &self.id_like {
            suffix.push(Source::new(
                "SELECT person_id, name FROM person_search WHERE id_rev >= ?1 AND id_rev < ?2",
                range(&keys::reverse(id)),
                MatchKind::IdNumber,
            ));
        }
        if let Some(digits) = &self.digits {
            suffix.push(Source::new(
                "SELECT person_id, name FROM person_search \
                 WHERE phone_rev >= ?1 AND phone_rev < ?2",
                range(&keys::reverse(digits)),
                MatchKind::Phone,
            ));
        }
        tiers.push(Tier::Small(suffix));

        // Exact name, then name prefix: the name index is already in (name, id) order.
        tiers.push(Tier::Ordered(Source::new(
            "SELECT person_id, name FROM person_search WHERE name = ?1 ORDER BY name, person_id",
            vec![self.name.clone()],
            MatchKind::Name,
        )));
        tiers.push(Tier::Ordered(Source::new(
            "SELECT person_id, name FROM person_search WHERE name >= ?1 AND name < ?2 \
             ORDER BY name, person_id",
            range(&self.name),
            MatchKind::Name,
        )));

        if let Some(py) = &self.pinyin {
            // Initials exactly: the key index is (kind, key, name, person_id).
            tiers.push(Tier::Ordered(Source::new(
                "SELECT person_id, name FROM person_search_key WHERE kind = 'i' AND key = ?1 \
                 ORDER BY name, person_id",
                vec![py.clone()],
                MatchKind::Pinyin,
            )));
            // A prefix of the initials or of the full pinyin.
            tiers.push(Tier::Adaptive {
                count: format!(
                    "SELECT count(*) FROM (SELECT 1 FROM person_search_key \
                     WHERE kind IN ('i', 'p') AND key >= ?1 AND key < ?2 \
                     LIMIT {DENSE_PERSON_KEYS})"
                ),
                threshold: DENSE_PERSON_KEYS,
                count_args: range(py),
                sparse: Source::new(
                    "SELECT DISTINCT person_id, name FROM person_search_key \
                     WHERE kind IN ('i', 'p') AND key >= ?1 AND key < ?2",
                    range(py),
                    MatchKind::Pinyin,
                ),
                dense: Box::new(Tier::PinyinWalk(py.clone())),
            });
        }

        // Name substring: a prefix of one of the name's suffixes.
        tiers.push(Tier::Adaptive {
            count: format!(
                "SELECT count(*) FROM (SELECT 1 FROM person_search_key \
                 WHERE kind = 'n' AND key >= ?1 AND key < ?2 LIMIT {DENSE_PERSON_KEYS})"
            ),
            threshold: DENSE_PERSON_KEYS,
            count_args: range(&self.name),
            sparse: Source::new(
                "SELECT DISTINCT person_id, name FROM person_search_key \
                 WHERE kind = 'n' AND key >= ?1 AND key < ?2",
                range(&self.name),
                MatchKind::Name,
            ),
            dense: Box::new(Tier::Ordered(Source::new(
                "SELECT person_id, name FROM person_search NOT INDEXED \
                 WHERE instr(name, ?1) > 0 ORDER BY name, person_id",
                vec![self.name.clone()],
                MatchKind::Name,
            ))),
        });

        // Address: a prefix of one of the address's suffixes.
        tiers.push(Tier::Adaptive {
            count: format!(
                "SELECT count(*) FROM (SELECT 1 FROM household_search_key \
                 WHERE key >= ?1 AND key < ?2 LIMIT {DENSE_HOUSEHOLD_KEYS})"
            ),
            threshold: DENSE_HOUSEHOLD_KEYS,
            count_args: range(&self.compact),
            sparse: Source::new(
                "SELECT person_id, name FROM person_search WHERE household_id IN \
                 (SELECT household_id FROM household_search_key WHERE key >= ?1 AND key < ?2)",
                range(&self.compact),
                MatchKind::Address,
            ),
            dense: Box::new(Tier::Ordered(Source::new(
                "SELECT person_id, name FROM person_search NOT INDEXED \
                 WHERE instr(address, ?1) > 0 ORDER BY name, person_id",
                vec![self.compact.clone()],
                MatchKind::Address,
            ))),
        });
        tiers
    }
}

/// One query that yields `(person_id, name)` rows.
struct Source {
    sql: String,
    args: Vec<String>,
    kind: MatchKind,
}

impl Source {
    fn new(sql: impl Into<String>, args: Vec<String>, kind: MatchKind) -> Source {
        Source {
            sql: sql.into(),
            args,
            kind,
        }
    }
}

/// One rank of the result.
enum Tier {
    /// Few rows: fetch them all, sort by (name, id).
    Small(Vec<Source>),
    /// Rows come in (name, id) order from an index: read only as many as needed.
    Ordered(Source),
    /// Count matching keys up to `threshold`: below it, `sparse` as `Small`; at it,
    /// `dense`.
    Adaptive {
        count: String,
        count_args: Vec<String>,
        threshold: usize,
        sparse: Source,
        dense: Box<Tier>,
    },
    /// A common pinyin prefix, in name order. Its matches cluster by the name's first
    /// character (everyone named 张 matches `z`), so a plain walk in name order could read
    /// most of the ledger before reaching them. Instead hop from one first character to
    /// the next (one index seek each; a ledger has a few hundred) and walk only the names
    /// whose first character has a reading starting with the query's first letter.
    PinyinWalk(String),
}

type Found = Vec<(String, MatchKind)>;

impl Tier {
    fn collect(
        self,
        conn: &Connection,
        seen: &mut HashSet<String>,
        found: &mut Found,
        need: usize,
    ) -> Result<()> {
        match self {
            Tier::Small(sources) => {
                let mut rows: Vec<(String, String, usize, MatchKind)> = Vec::new();
                for (order, source) in sources.iter().enumerate() {
                    let mut stmt = conn.prepare_cached(&source.sql)?;
                    let mut q = stmt.query(params_from_iter(&source.args))?;
                    while let Some(row) = q.next()? {
                        rows.push((row.get(1)?, row.get(0)?, order, source.kind));
                    }
                }
                rows.sort_by(|a, b| (&a.0, &a.1, a.2).cmp(&(&b.0, &b.1, b.2)));
                for (_, id, _, kind) in rows {
                    if found.len() >= need {
                        break;
                    }
                    if seen.insert(id.clone()) {
                        found.push((id, kind));
                    }
                }
                Ok(())
            }
            Tier::Ordered(source) => {
                let mut stmt = conn.prepare_cached(&source.sql)?;
                let mut q = stmt.query(params_from_iter(&source.args))?;
                while found.len() < need {
                    let Some(row) = q.next()? else { break };
                    let id: String = row.get(0)?;
                    if seen.insert(id.clone()) {
                        found.push((id, source.kind));
                    }
                }
                Ok(())
            }
            Tier::PinyinWalk(prefix) => pinyin_walk(conn, &prefix, seen, found, need),
            Tier::Adaptive {
                count,
                count_args,
                threshold,
                sparse,
                dense,
            } => {
                let matches: i64 = conn
                    .prepare_cached(&count)?
                    .query_row(params_from_iter(&count_args), |r| r.get(0))?;
                if usize::try_from(matches).unwrap_or(usize::MAX) >= threshold {
                    dense.collect(conn, seen, found, need)
                } else {
                    Tier::Small(vec![sparse]).collect(conn, seen, found, need)
                }
            }
        }
    }
}

fn pinyin_walk(
    conn: &Connection,
    prefix: &str,
    seen: &mut HashSet<String>,
    found: &mut Found,
    need: usize,
) -> Result<()> {
    let Some(letter) = prefix.chars().next() else {
        return Ok(());
    };
    let letter = letter.to_string();
    let mut next_name = conn.prepare_cached(
        "SELECT name FROM person_search WHERE name >= ?1 ORDER BY name, person_id LIMIT 1",
    )?;
    let mut walk = conn.prepare_cached(
        "SELECT person_id FROM person_search WHERE name >= ?1 AND name < ?2 \
         AND instr(pinyin, ?3) > 0 ORDER BY name, person_id",
    )?;
    let needle = format!(" {prefix}");
    let mut from = String::new();
    while found.len() < need {
        let name: Option<String> = next_name.query_row([&from], |r| r.get(0)).optional()?;
        let Some(first) = name.and_then(|n| n.chars().next()) else {
            break;
        };
        let start = first.to_string();
        let end = format!("{first}{RANGE_END}");
        let letters = keys::initials(&start);
        // A first character without a reading (a middle dot) leaves the keys to the next.
        if letters.is_empty() || letters.contains(&letter) {
            let mut rows = walk.query(rusqlite::params![start, end, needle])?;
            while found.len() < need {
                let Some(row) = rows.next()? else { break };
                let id: String = row.get(0)?;
                if seen.insert(id.clone()) {
                    found.push((id, MatchKind::Pinyin));
                }
            }
        }
        from = end;
    }
    Ok(())
}
