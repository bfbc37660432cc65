-- 0005: arrivals (返乡 / 外来人员), risk areas (风险地区) and close contacts (密切接触者 /
-- 四同人员).
--
-- Origins are codes, so that "everyone who came from under 湖北省" is an index range:
-- a mainland region is its GB/T 2260 code (6 digits; a province or prefecture may be
-- given alone, e.g. 420000, 420100), a place outside the mainland its ISO 3166-1 alpha-2
-- country code (香港 HK, 澳门 MO, 台湾 TW are places outside the mainland too). The
-- origin class (same province / other province / outside the mainland) is derived from
-- the code and the ledger's home region when read, never stored: it would go stale when
-- the setting changes.

CREATE TABLE arrival (
    id             TEXT PRIMARY KEY,
    person_id      TEXT NOT NULL REFERENCES person (id),
    origin_region  TEXT CHECK (origin_region IS NULL
                               OR (length(origin_region) = 6 AND origin_region NOT GLOB '*[^0-9]*')),
    origin_country TEXT CHECK (origin_country IS NULL
                               OR (length(origin_country) = 2 AND origin_country = upper(origin_country))),
    origin_text    TEXT,             -- free text: the city, the address, what was said
    departed_on    TEXT,             -- YYYY-MM-DD, left the origin
    arrived_on     TEXT NOT NULL,    -- YYYY-MM-DD, came into the area
    transport      TEXT CHECK (transport IN ('car', 'train', 'plane', 'coach', 'other')),
    transport_no   TEXT,             -- train / flight number, plate
    purpose        TEXT,             -- 返乡过年, 探亲, 务工, …
    household_id   TEXT REFERENCES household (id),   -- where they stay here
    symptoms       TEXT NOT NULL DEFAULT '[]',       -- JSON array of symptom codes
    temperature    INTEGER CHECK (temperature IS NULL OR temperature BETWEEN 340 AND 430),
    screened_on    TEXT,             -- YYYY-MM-DD, the screening visit
    screened_by    TEXT REFERENCES worker (id),
    sweep_id       TEXT REFERENCES sweep (id),
    note           TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL,
    deleted_at     TEXT,
    CHECK (origin_region IS NULL OR origin_country IS NULL),
    CHECK (departed_on IS NULL OR departed_on <= arrived_on)
);
CREATE INDEX arrival_person ON arrival (person_id);
-- Live arrivals by origin and by date, with the id, so that "from under 湖北 since D" is
-- counted and paged from the index alone.
CREATE INDEX arrival_region ON arrival (origin_region, arrived_on, id)
    WHERE origin_region IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX arrival_country ON arrival (origin_country, arrived_on, id)
    WHERE origin_country IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX arrival_arrived ON arrival (arrived_on, id) WHERE deleted_at IS NULL;
CREATE INDEX arrival_household ON arrival (household_id);

-- A region or country flagged from a date, and until a date when lifted.
CREATE TABLE risk_area (
    id           TEXT PRIMARY KEY,
    region_code  TEXT CHECK (region_code IS NULL
                             OR (length(region_code) = 6 AND region_code NOT GLOB '*[^0-9]*')),
    country_code TEXT CHECK (country_code IS NULL
                             OR (length(country_code) = 2 AND country_code = upper(country_code))),
    name         TEXT NOT NULL,      -- as shown: 湖北省武汉市, 韩国
    level        TEXT NOT NULL DEFAULT 'high' CHECK (level IN ('high', 'medium')),
    from_date    TEXT NOT NULL,      -- YYYY-MM-DD
    until_date   TEXT,               -- YYYY-MM-DD, last day it counts; NULL while in force
    notice       TEXT,               -- the notice that declared it
    note         TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    deleted_at   TEXT,
    CHECK ((region_code IS NULL) <> (country_code IS NULL)),
    CHECK (until_date IS NULL OR until_date >= from_date)
);

-- Which live arrival came from which live risk area (its origin in or under the area,
-- which was in force on the departure date — the arrival date when that is unknown).
-- Derived data kept by the triggers below, like the search index: no write path can
-- forget it, and "every arrival from a risk area" over 100,000 arrivals is an index scan
-- instead of a range join per query. No `id` column: not audited (its sources are).
CREATE TABLE arrival_risk (
    arrival_id   TEXT NOT NULL,
    risk_area_id TEXT NOT NULL,
    PRIMARY KEY (arrival_id, risk_area_id)
) WITHOUT ROWID;
CREATE INDEX arrival_risk_area ON arrival_risk (risk_area_id, arrival_id);

-- The region prefix of a risk area: '42' for 420000, '4201' for 420100, the whole code
-- for a county (src/arrivals/place.rs region_prefix says the same in Rust).
CREATE VIEW risk_area_live AS
SELECT id, country_code, from_date, coalesce(until_date, '9999-12-31') AS until_date,
       CASE WHEN region_code IS NULL THEN NULL
            WHEN substr(region_code, 3) = '0000' THEN substr(region_code, 1, 2)
            WHEN substr(region_code, 5) = '00' THEN substr(region_code, 1, 4)
            ELSE region_code END AS prefix
FROM risk_area WHERE deleted_at IS NULL;

CREATE TRIGGER arrival_risk_insert AFTER INSERT ON arrival WHEN NEW.deleted_at IS NULL BEGIN
    INSERT INTO arrival_risk (arrival_id, risk_area_id)
    SELECT NEW.id, r.id FROM risk_area_live r
    WHERE coalesce(NEW.departed_on, NEW.arrived_on) BETWEEN r.from_date AND r.until_date
      AND ((r.prefix IS NOT NULL AND NEW.origin_region >= r.prefix
            AND NEW.origin_region < r.prefix || ':')
        OR (r.country_code IS NOT NULL AND NEW.origin_country = r.country_code));
END;
CREATE TRIGGER arrival_risk_update
AFTER UPDATE OF id, origin_region, origin_country, departed_on, arrived_on, deleted_at ON arrival
BEGIN
    DELETE FROM arrival_risk WHERE arrival_id = OLD.id;
    INSERT INTO arrival_risk (arrival_id, risk_area_id)
    SELECT NEW.id, r.id FROM risk_area_live r
    WHERE NEW.deleted_at IS NULL
      AND coalesce(NEW.departed_on, NEW.arrived_on) BETWEEN r.from_date AND r.until_date
      AND ((r.prefix IS NOT NULL AND NEW.origin_region >= r.prefix
            AND NEW.origin_region < r.prefix || ':')
        OR (r.country_code IS NOT NULL AND NEW.origin_country = r.country_code));
END;
CREATE TRIGGER arrival_risk_delete AFTER DELETE ON arrival BEGIN
    DELETE FROM arrival_risk WHERE arrival_id = OLD.id;
END;

-- A risk area's arrivals: a range of the origin index per area.
CREATE TRIGGER risk_area_arrivals_insert AFTER INSERT ON risk_area
WHEN NEW.deleted_at IS NULL BEGIN
    INSERT INTO arrival_risk (arrival_id, risk_area_id)
    SELECT a.id, r.id FROM risk_area_live r JOIN arrival a
      ON a.origin_region >= r.prefix AND a.origin_region < r.prefix || ':'
    WHERE r.id = NEW.id AND a.deleted_at IS NULL
      AND coalesce(a.departed_on, a.arrived_on) BETWEEN r.from_date AND r.until_date
    UNION ALL
    SELECT a.id, r.id FROM risk_area_live r JOIN arrival a ON a.origin_country = r.country_code
    WHERE r.id = NEW.id AND a.deleted_at IS NULL
      AND coalesce(a.departed_on, a.arrived_on) BETWEEN r.from_date AND r.until_date;
END;
CREATE TRIGGER risk_area_arrivals_update
AFTER UPDATE OF id, region_code, country_code, from_date, until_date, deleted_at ON risk_area
BEGIN
    DELETE FROM arrival_risk WHERE risk_area_id = OLD.id;
    INSERT INTO arrival_risk (arrival_id, risk_area_id)
    SELECT a.id, r.id FROM risk_area_live r JOIN arrival a
      ON a.origin_region >= r.prefix AND a.origin_region < r.prefix || ':'
    WHERE r.id = NEW.id AND a.deleted_at IS NULL
      AND coalesce(a.departed_on, a.arrived_on) BETWEEN r.from_date AND r.until_date
    UNION ALL
    SELECT a.id, r.id FROM risk_area_live r JOIN arrival a ON a.origin_country = r.country_code
    WHERE r.id = NEW.id AND a.deleted_at IS NULL
      AND coalesce(a.departed_on, a.arrived_on) BETWEEN r.from_date AND r.until_date;
END;
CREATE TRIGGER risk_area_arrivals_delete AFTER DELETE ON risk_area BEGIN
    DELETE FROM arrival_risk WHERE risk_area_id = OLD.id;
END;

-- A person exposed to an index person (an arrival, a case, another contact).
CREATE TABLE contact (
    id              TEXT PRIMARY KEY,
    person_id       TEXT NOT NULL REFERENCES person (id),
    index_person_id TEXT NOT NULL REFERENCES person (id),
    exposure        TEXT NOT NULL
                    CHECK (exposure IN ('household', 'meal', 'work', 'travel', 'other')),
    last_contact_on TEXT NOT NULL,   -- YYYY-MM-DD
    note            TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL,
    deleted_at      TEXT,
    CHECK (person_id <> index_person_id)
);
CREATE UNIQUE INDEX contact_pair ON contact (person_id, index_person_id) WHERE deleted_at IS NULL;
CREATE INDEX contact_index ON contact (index_person_id);
