-- 0009: gate checks (卡口 / 门岗) and publicity (宣传).
--
-- A gate check is one entry checked at a checkpoint: a person of the register, or a
-- visitor recorded by name, phone, ID number and reason. A reading at or above the fever
-- threshold refuses entry (`admitted` = 0), names the referral (the community clinic) and
-- raises a fever event like a health check does (`fever_event.gate_check_id`); a visitor
-- with a fever is then registered as a person, since a fever event needs one.
-- Days are calendar days of `checked_at` (a gate's day runs from midnight to midnight).

CREATE TABLE checkpoint (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    place       TEXT,
    note        TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE UNIQUE INDEX checkpoint_name ON checkpoint (name) WHERE deleted_at IS NULL;

CREATE TABLE gate_check (
    id                TEXT PRIMARY KEY,
    checkpoint_id     TEXT NOT NULL REFERENCES checkpoint (id),
    person_id         TEXT REFERENCES person (id),
    visitor_name      TEXT,
    visitor_phone     TEXT,
    visitor_id_number TEXT,
    reason            TEXT,            -- why a visitor comes (探亲, 送货, …)
    temperature       INTEGER NOT NULL CHECK (temperature BETWEEN 340 AND 430),
    checked_at        TEXT NOT NULL,   -- local time, YYYY-MM-DD HH:MM:SS
    admitted          INTEGER NOT NULL CHECK (admitted IN (0, 1)),
    referral          TEXT,            -- where a refused entry was sent
    checked_by        TEXT REFERENCES worker (id),
    note              TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by        TEXT NOT NULL,
    deleted_at        TEXT,
    CHECK (person_id IS NOT NULL OR visitor_name IS NOT NULL),
    CHECK (admitted = 1 OR referral IS NOT NULL)
);
-- The day view reads one checkpoint's day; the 首页 all checkpoints' day.
CREATE INDEX gate_check_day ON gate_check (checked_at, checkpoint_id) WHERE deleted_at IS NULL;
CREATE INDEX gate_check_person ON gate_check (person_id) WHERE person_id IS NOT NULL;

ALTER TABLE fever_event ADD COLUMN gate_check_id TEXT REFERENCES gate_check (id);
CREATE INDEX fever_event_gate_check ON fever_event (gate_check_id) WHERE gate_check_id IS NOT NULL;

-- One publicity action or batch of material: 2 WeChat groups (count 2, reach 500 each),
-- 20 banners, 1500 letters. For 入户张贴 the units posted are linked below and the
-- buildings and units covered are counted from the links.
CREATE TABLE publicity (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN
                ('banner', 'screen', 'board', 'letter', 'wechat', 'posting', 'website')),
    count       INTEGER NOT NULL CHECK (count >= 1),
    reach       INTEGER CHECK (reach IS NULL OR reach >= 1),   -- per item (members per group)
    place       TEXT,
    done_on     TEXT NOT NULL,   -- YYYY-MM-DD
    note        TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX publicity_date ON publicity (done_on) WHERE deleted_at IS NULL;

CREATE TABLE publicity_unit (
    id            TEXT PRIMARY KEY,
    publicity_id  TEXT NOT NULL REFERENCES publicity (id),
    unit_id       TEXT NOT NULL REFERENCES unit (id),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    deleted_at    TEXT
);
CREATE UNIQUE INDEX publicity_unit_pair ON publicity_unit (publicity_id, unit_id)
    WHERE deleted_at IS NULL;
CREATE INDEX publicity_unit_unit ON publicity_unit (unit_id);
