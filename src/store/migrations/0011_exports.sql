-- 0011: the export log (报表导出). Every form exported to a file leaves one row: who
-- (`updated_by`, the actor of the write), when (`created_at`), which form, the filters
-- as JSON, how many data rows, which masking preset, and the file name. The file itself is
-- written outside the database first (temp file, then rename); if this row cannot be
-- written the file is removed, so no export exists without its log entry.

CREATE TABLE export_log (
    id          TEXT PRIMARY KEY,
    form_id     TEXT NOT NULL,
    form_name   TEXT NOT NULL,
    filters     TEXT NOT NULL DEFAULT '{}',   -- JSON: date / from / to / grids
    row_count   INTEGER NOT NULL CHECK (row_count >= 0),
    masking     TEXT NOT NULL CHECK (masking IN ('none', 'upward', 'public')),
    file_name   TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX export_log_created ON export_log (created_at);
