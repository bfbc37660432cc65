-- 0008: phone verification of people away and abroad (电话核实 · 境外人员跟踪).
--
-- A call target is a person away (another city) or abroad, with where they are (a region
-- code or an ISO country code, as an arrival's origin, plus the city as text), why, since
-- when, how to reach them and who is responsible. Each attempt to reach them is a call
-- with a fixed outcome. The target's state (待核实 / 暂不返回 / 计划返回 / 已返回 / 待重拨 /
-- 失联) and when it is due again are derived from its calls and the call policy (a
-- setting) when read, never stored. When the person comes back, the arrival registered
-- for them points at the target (arrival.call_target_id), which closes the loop.

CREATE TABLE call_target (
    id                    TEXT PRIMARY KEY,
    person_id             TEXT NOT NULL REFERENCES person (id),
    place_region          TEXT CHECK (place_region IS NULL
                                      OR (length(place_region) = 6 AND place_region NOT GLOB '*[^0-9]*')),
    place_country         TEXT CHECK (place_country IS NULL
                                      OR (length(place_country) = 2 AND place_country = upper(place_country))),
    city                  TEXT,            -- free text: 首尔, 汉口, the address as said
    reason                TEXT NOT NULL DEFAULT 'other'
                          CHECK (reason IN ('tourism', 'study', 'work', 'family', 'other')),
    away_since            TEXT,            -- YYYY-MM-DD
    phone                 TEXT,            -- a mainland number; the register's when NULL
    foreign_phone         TEXT,            -- +<country code><digits>
    relative_name         TEXT,            -- a relative here
    relative_phone        TEXT,
    responsible_worker_id TEXT REFERENCES worker (id),
    note                  TEXT,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    updated_by            TEXT NOT NULL,
    deleted_at            TEXT,
    CHECK (place_region IS NULL OR place_country IS NULL)
);
CREATE INDEX call_target_person ON call_target (person_id);

-- One attempt to reach a target.
CREATE TABLE call (
    id                  TEXT PRIMARY KEY,
    target_id           TEXT NOT NULL REFERENCES call_target (id),
    called_at           TEXT NOT NULL,     -- YYYY-MM-DD HH:MM:SS, local time
    worker_id           TEXT REFERENCES worker (id),
    channel             TEXT NOT NULL DEFAULT 'phone'
                        CHECK (channel IN ('phone', 'wechat', 'visit', 'relative')),
    outcome             TEXT NOT NULL
                        CHECK (outcome IN ('not_returning', 'plans_return', 'returned',
                                           'no_answer', 'powered_off', 'vacant_number',
                                           'suspended', 'rejected', 'wrong_number')),
    planned_return_on   TEXT,              -- YYYY-MM-DD, with plans_return
    return_route        TEXT,              -- 首尔—上海—合肥
    return_transport_no TEXT,              -- flight / train number
    life_status         TEXT,              -- work and life there
    health              TEXT,              -- health as told
    note                TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    updated_by          TEXT NOT NULL,
    deleted_at          TEXT,
    CHECK (planned_return_on IS NULL OR outcome = 'plans_return')
);
CREATE INDEX call_target_calls ON call (target_id, called_at);

-- The arrival that brought a target home.
ALTER TABLE arrival ADD COLUMN call_target_id TEXT REFERENCES call_target (id);
CREATE INDEX arrival_call_target ON arrival (call_target_id) WHERE call_target_id IS NOT NULL;
