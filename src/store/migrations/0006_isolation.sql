-- 0006: isolation (居家隔离 / 集中隔离 / 居家健康监测), twice-daily health checks, fever
-- events and follow-up calls after release.
--
-- An isolation keeps the policy it started with (length, checks per day, follow-up days)
-- in its own row: a policy change in the settings applies to new isolations only, and
-- re-planning one is an explicit, reasoned update that the audit log keeps.
--
-- Days: the period covers `days` calendar days from `start_date` (day 1) to `planned_end`
-- (day `days`, inclusive): 14 days from 2020-01-21 end on 2020-02-03 and release is due on
-- 2020-02-04. Checks are due on every day of the period, in slots 1..checks_per_day
-- (1 = 上午, 2 = 下午 when there are two).

CREATE TABLE isolation (
    id                TEXT PRIMARY KEY,
    person_id         TEXT NOT NULL REFERENCES person (id),
    kind              TEXT NOT NULL CHECK (kind IN ('home', 'central', 'monitoring')),
    -- What the start counts from and the record it came from.
    start_rule        TEXT NOT NULL
                      CHECK (start_rule IN ('arrival', 'last_contact', 'departure', 'manual')),
    arrival_id        TEXT REFERENCES arrival (id),
    contact_id        TEXT REFERENCES contact (id),
    start_date        TEXT NOT NULL,   -- YYYY-MM-DD, day 1
    days              INTEGER NOT NULL CHECK (days BETWEEN 1 AND 90),
    planned_end       TEXT NOT NULL,   -- YYYY-MM-DD, the last day (start_date + days - 1)
    checks_per_day    INTEGER NOT NULL CHECK (checks_per_day BETWEEN 1 AND 4),
    follow_up_days    TEXT NOT NULL DEFAULT '[]',   -- JSON array of days after release
    place             TEXT,            -- where (the hotel of a 集中隔离, or the home address)
    plan_reason       TEXT,            -- why the period was last extended or shortened
    -- How it ended: released (解除), transferred to hospital or to central isolation
    -- (转送就医 / 转集中隔离), left the area, or lost (失访).
    ended_on          TEXT,
    end_reason        TEXT CHECK (end_reason IN ('released', 'hospital', 'central', 'left', 'lost')),
    ended_by          TEXT REFERENCES worker (id),
    responsible_worker_id TEXT REFERENCES worker (id),
    note              TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by        TEXT NOT NULL,
    deleted_at        TEXT,
    CHECK (planned_end >= start_date),
    CHECK ((ended_on IS NULL) = (end_reason IS NULL)),
    CHECK (ended_on IS NULL OR ended_on >= start_date)
);
CREATE INDEX isolation_person ON isolation (person_id);
-- The worklist reads the open isolations.
CREATE INDEX isolation_open ON isolation (planned_end, start_date)
    WHERE ended_on IS NULL AND deleted_at IS NULL;
CREATE INDEX isolation_ended ON isolation (ended_on) WHERE ended_on IS NOT NULL;
CREATE INDEX isolation_arrival ON isolation (arrival_id);
CREATE INDEX isolation_contact ON isolation (contact_id);

-- One health check of one isolation in one slot of one day. Re-recording corrects it.
CREATE TABLE health_check (
    id           TEXT PRIMARY KEY,
    isolation_id TEXT NOT NULL REFERENCES isolation (id),
    check_date   TEXT NOT NULL,       -- YYYY-MM-DD
    slot         INTEGER NOT NULL CHECK (slot BETWEEN 1 AND 4),
    temperature  INTEGER CHECK (temperature IS NULL OR temperature BETWEEN 340 AND 430),
    symptoms     TEXT NOT NULL DEFAULT '[]',
    method       TEXT NOT NULL CHECK (method IN ('visit', 'phone', 'self')),
    checked_by   TEXT REFERENCES worker (id),
    checked_at   TEXT NOT NULL,       -- local time it was recorded, YYYY-MM-DD HH:MM:SS
    note         TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    deleted_at   TEXT
);
CREATE UNIQUE INDEX health_check_slot ON health_check (isolation_id, check_date, slot)
    WHERE deleted_at IS NULL;
-- Today's checks, for the worklist.
CREATE INDEX health_check_date ON health_check (check_date) WHERE deleted_at IS NULL;

-- How many live checks each isolation has: derived data kept by the triggers below (no
-- `id` column, so not audited; the checks are), so that the worklist of 5,000 isolations
-- with 140,000 checks counts gaps without reading the checks.
CREATE TABLE isolation_check_count (
    isolation_id TEXT PRIMARY KEY,
    checks       INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER health_check_count_insert AFTER INSERT ON health_check
WHEN NEW.deleted_at IS NULL BEGIN
    INSERT INTO isolation_check_count (isolation_id, checks) VALUES (NEW.isolation_id, 1)
    ON CONFLICT (isolation_id) DO UPDATE SET checks = checks + 1;
END;
CREATE TRIGGER health_check_count_update
AFTER UPDATE OF isolation_id, deleted_at ON health_check BEGIN
    UPDATE isolation_check_count SET checks = checks - 1
    WHERE isolation_id = OLD.isolation_id AND OLD.deleted_at IS NULL;
    INSERT INTO isolation_check_count (isolation_id, checks)
    SELECT NEW.isolation_id, 1 WHERE NEW.deleted_at IS NULL
    ON CONFLICT (isolation_id) DO UPDATE SET checks = checks + 1;
END;
CREATE TRIGGER health_check_count_delete AFTER DELETE ON health_check
WHEN OLD.deleted_at IS NULL BEGIN
    UPDATE isolation_check_count SET checks = checks - 1 WHERE isolation_id = OLD.isolation_id;
END;

-- A fever (a reading at or above the threshold) that must be handled: referred to the
-- clinic, with the result. Raised by a health check (later also by a gate check); stays on
-- the worklist until handled.
CREATE TABLE fever_event (
    id              TEXT PRIMARY KEY,
    person_id       TEXT NOT NULL REFERENCES person (id),
    isolation_id    TEXT REFERENCES isolation (id),
    health_check_id TEXT REFERENCES health_check (id),
    temperature     INTEGER NOT NULL,
    detected_at     TEXT NOT NULL,    -- YYYY-MM-DD HH:MM:SS
    handled_on      TEXT,             -- YYYY-MM-DD
    referral        TEXT,             -- where they were sent (社区卫生服务中心发热门诊)
    result          TEXT CHECK (result IN ('normal', 'observe', 'suspected', 'confirmed', 'other')),
    handled_by      TEXT REFERENCES worker (id),
    note            TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL,
    deleted_at      TEXT,
    CHECK ((handled_on IS NULL) = (result IS NULL))
);
CREATE INDEX fever_event_open ON fever_event (detected_at) WHERE handled_on IS NULL AND deleted_at IS NULL;
CREATE INDEX fever_event_person ON fever_event (person_id);
CREATE INDEX fever_event_check ON fever_event (health_check_id);
CREATE INDEX fever_event_isolation ON fever_event (isolation_id) WHERE handled_on IS NULL;

-- A follow-up call after release, on one of the isolation's follow-up days.
CREATE TABLE isolation_follow_up (
    id           TEXT PRIMARY KEY,
    isolation_id TEXT NOT NULL REFERENCES isolation (id),
    day          INTEGER NOT NULL,    -- days after release (1, 2, 3, 7, 14)
    done_on      TEXT NOT NULL,       -- YYYY-MM-DD
    worker_id    TEXT REFERENCES worker (id),
    well         INTEGER NOT NULL CHECK (well IN (0, 1)),
    note         TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    deleted_at   TEXT
);
CREATE UNIQUE INDEX isolation_follow_up_day ON isolation_follow_up (isolation_id, day)
    WHERE deleted_at IS NULL;
