-- 0007: a sweep over chosen households (a re-screening of everyone who arrived from a risk
-- area) instead of a whole community or grid. A sweep with members covers exactly them.

CREATE TABLE sweep_member (
    id           TEXT PRIMARY KEY,
    sweep_id     TEXT NOT NULL REFERENCES sweep (id),
    household_id TEXT NOT NULL REFERENCES household (id),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    deleted_at   TEXT
);
CREATE UNIQUE INDEX sweep_member_pair ON sweep_member (sweep_id, household_id)
    WHERE deleted_at IS NULL;
CREATE INDEX sweep_member_household ON sweep_member (household_id);
