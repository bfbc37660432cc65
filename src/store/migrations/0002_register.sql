-- 0002: the residents register, continued: screening sweeps (摸排轮次) and what bulk
-- creation and merging need.

-- Lookups that bulk creation, the tree and the address listings make.
CREATE INDEX building_estate_name ON building (estate_id, name);
CREATE INDEX household_estate ON household (estate_id);

-- Two records of the same person were merged: `removed_id` was soft-deleted after its
-- references were re-pointed to `kept_id`. Merging never re-points this table, so it
-- stays the history of what was merged into what.
CREATE TABLE person_merge (
    id          TEXT PRIMARY KEY,
    kept_id     TEXT NOT NULL REFERENCES person (id),
    removed_id  TEXT NOT NULL REFERENCES person (id),
    reason      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX person_merge_kept ON person_merge (kept_id);
CREATE INDEX person_merge_removed ON person_merge (removed_id);

-- A screening sweep (摸排轮次): a round of visits over the households of a community, a
-- grid, or (no scope) the whole ledger.
CREATE TABLE sweep (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    start_date   TEXT NOT NULL,   -- YYYY-MM-DD
    end_date     TEXT,            -- YYYY-MM-DD, when the round is closed
    community_id TEXT REFERENCES community (id),
    grid_id      TEXT REFERENCES grid (id),
    note         TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    deleted_at   TEXT,
    CHECK (community_id IS NULL OR grid_id IS NULL),
    CHECK (end_date IS NULL OR end_date >= start_date)
);

-- The current status of one household in one sweep. Re-recording updates the row (the
-- audit log keeps the earlier statuses), so there is at most one live row per pair.
CREATE TABLE sweep_visit (
    id           TEXT PRIMARY KEY,
    sweep_id     TEXT NOT NULL REFERENCES sweep (id),
    household_id TEXT NOT NULL REFERENCES household (id),
    status       TEXT NOT NULL CHECK (status IN ('visited', 'no_answer', 'vacant', 'refused')),
    visited_at   TEXT NOT NULL,   -- when the visit (or the attempt) happened
    worker_id    TEXT REFERENCES worker (id),
    note         TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    deleted_at   TEXT
);
CREATE UNIQUE INDEX sweep_visit_household ON sweep_visit (sweep_id, household_id)
    WHERE deleted_at IS NULL;
CREATE INDEX sweep_visit_household_id ON sweep_visit (household_id);
