-- 0012: imports of lists sent down (导入): the import log, saved mappings, rows written by an import. Filled by issue 9.

-- One committed import: who, when, which file and sheet, what it did. `counts` is the
-- JSON of `api::ImportCounts`. `undone_at` is set when the import was undone as a whole.
CREATE TABLE import_log (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,   -- people, arrivals (a later kind needs no migration)
    file_name   TEXT NOT NULL,
    sheet       TEXT,
    imported_by TEXT NOT NULL,
    counts      TEXT NOT NULL,
    undone_at   TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX import_log_created ON import_log (created_at);

-- The rows an import created, for undo. Derived bookkeeping of `import_log` (no `id`:
-- written in the import's own transaction, audited through the rows themselves).
CREATE TABLE import_row (
    import_id   TEXT NOT NULL REFERENCES import_log (id),
    entity      TEXT NOT NULL,   -- the table: person, arrival, …
    entity_id   TEXT NOT NULL,
    PRIMARY KEY (import_id, entity, entity_id)
) WITHOUT ROWID;

-- A column → field mapping saved per source (the sender, e.g. "街道办") and kind, JSON of
-- `api::ImportMapping`'s columns.
CREATE TABLE import_mapping (
    id          TEXT PRIMARY KEY,
    source      TEXT NOT NULL,
    kind        TEXT NOT NULL,   -- people, arrivals (a later kind needs no migration)
    mapping     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE UNIQUE INDEX import_mapping_source ON import_mapping (source, kind) WHERE deleted_at IS NULL;
