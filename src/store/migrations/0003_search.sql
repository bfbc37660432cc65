-- 0003: the person search index (name, pinyin initials, ID number and phone suffixes,
-- address).
--
-- Search is typed as you go, on 200,000 people, so every kind of query must be an index
-- range scan, never a `LIKE '%x%'` over the person table. The index is derived data kept
-- by triggers, so no write path (register, import, sweep, a hand-written UPDATE) can
-- forget it. The derived tables have no `id` column: they are not audited (their source
-- rows are) and are keyed by the row they describe. The key-making functions
-- (`gl_search_keys`, `gl_search_pinyin`, `gl_search_reverse`) are Rust, registered on
-- every connection at open (src/search/mod.rs).
--
-- person_search        one row per live person, stored in name order: name (exact / prefix
--                      ranges and the ordered scan), reversed ID number and phone (a suffix
--                      is a prefix of the reversed text: an index range), the address and
--                      ' '-separated pinyin keys (tested by the ordered scan).
-- person_search_key    (kind, key) → person, in (name, person_id) order:
--                      'i' pinyin initials, every reading of polyphonic characters;
--                      'p' full pinyin, likewise; 'n' every suffix of the name, so that a
--                      substring is a prefix of some suffix.
-- household_search     one row per live household: its address, estate + building + unit
--                      + room ("幸福家园12栋2单元301").
-- household_search_key the suffixes of the address that start at a place boundary
--                      (estate, building, unit, room: "幸福家园12栋2单元301", "12栋2单元301",
--                      "2单元301", "301"), so that what people type — a place from any level
--                      down — is a prefix of a key. Four keys, not one per character, keep
--                      bulk creation of households fast.

CREATE TABLE person_search (
    name         TEXT NOT NULL,
    person_id    TEXT NOT NULL,
    id_rev       TEXT,            -- the ID number, upper case, reversed
    phone_rev    TEXT,            -- the phone, reversed
    household_id TEXT,
    address      TEXT,            -- the household's address (household_search), for the scan
    pinyin       TEXT NOT NULL,   -- ' zs zhangsan ': every pinyin key, for the scan
    -- Stored in (name, person_id) order: the ordered scan of a common query (pinyin `z`,
    -- address `幸福家园`) reads the table in result order and stops when the page is full.
    PRIMARY KEY (name, person_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX person_search_person ON person_search (person_id);
CREATE INDEX person_search_id_rev ON person_search (id_rev) WHERE id_rev IS NOT NULL;
CREATE INDEX person_search_phone_rev ON person_search (phone_rev) WHERE phone_rev IS NOT NULL;
CREATE INDEX person_search_household ON person_search (household_id);

CREATE TABLE person_search_key (
    kind      TEXT NOT NULL,   -- 'i' initials, 'p' full pinyin, 'n' name suffix
    key       TEXT NOT NULL,
    name      TEXT NOT NULL,   -- so that an equality scan comes out in name order
    person_id TEXT NOT NULL,
    PRIMARY KEY (kind, key, name, person_id)
) WITHOUT ROWID;
CREATE INDEX person_search_key_person ON person_search_key (person_id);

CREATE TABLE household_search (
    household_id TEXT PRIMARY KEY,
    address      TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE household_search_key (
    key          TEXT NOT NULL,
    household_id TEXT NOT NULL,
    PRIMARY KEY (key, household_id)
) WITHOUT ROWID;
CREATE INDEX household_search_key_household ON household_search_key (household_id);

-- The address of every live household, as the register shows it
-- (register::household_address): estate + building + unit + room. A household in a unit
-- takes its estate through the building; one directly under an estate (bungalows) has no
-- building or unit; one directly under a grid is named by the grid.
CREATE VIEW household_address AS
SELECT h.id AS household_id,
       coalesce(e.name, g.name, '') || coalesce(b.name, '') || coalesce(u.name, '') || h.room
           AS address,
       json_array(
           coalesce(e.name, g.name, '') || coalesce(b.name, '') || coalesce(u.name, '') || h.room,
           coalesce(b.name, '') || coalesce(u.name, '') || h.room,
           coalesce(u.name, '') || h.room,
           h.room) AS keys
FROM household h
JOIN grid g ON g.id = h.grid_id
LEFT JOIN unit u ON u.id = h.unit_id
LEFT JOIN building b ON b.id = u.building_id
LEFT JOIN estate e ON e.id = coalesce(b.estate_id, h.estate_id)
WHERE h.deleted_at IS NULL;

-- The key tables follow their row tables.
CREATE TRIGGER person_search_keys_insert AFTER INSERT ON person_search BEGIN
    INSERT OR IGNORE INTO person_search_key (kind, key, name, person_id)
    SELECT 'i', value, NEW.name, NEW.person_id FROM json_each(gl_search_keys('initials', NEW.name))
    UNION ALL
    SELECT 'p', value, NEW.name, NEW.person_id FROM json_each(gl_search_keys('full', NEW.name))
    UNION ALL
    SELECT 'n', value, NEW.name, NEW.person_id FROM json_each(gl_search_keys('suffixes', NEW.name));
END;
CREATE TRIGGER person_search_keys_delete AFTER DELETE ON person_search BEGIN
    DELETE FROM person_search_key WHERE person_id = OLD.person_id;
END;
CREATE TRIGGER household_search_keys_insert AFTER INSERT ON household_search BEGIN
    UPDATE person_search SET address = NEW.address WHERE household_id = NEW.household_id;
    INSERT OR IGNORE INTO household_search_key (key, household_id)
    SELECT k.value, NEW.household_id FROM household_address a, json_each(a.keys) k
    WHERE a.household_id = NEW.household_id;
END;
CREATE TRIGGER household_search_keys_delete AFTER DELETE ON household_search BEGIN
    UPDATE person_search SET address = NULL WHERE household_id = OLD.household_id;
    DELETE FROM household_search_key WHERE household_id = OLD.household_id;
END;

-- People.
CREATE TRIGGER person_search_insert AFTER INSERT ON person
WHEN NEW.deleted_at IS NULL BEGIN
    INSERT INTO person_search (person_id, name, id_rev, phone_rev, household_id, address, pinyin)
    VALUES (NEW.id, NEW.name, gl_search_reverse(upper(NEW.id_number)),
            gl_search_reverse(NEW.phone), NEW.household_id,
            (SELECT address FROM household_search WHERE household_id = NEW.household_id),
            gl_search_pinyin(NEW.name));
END;
CREATE TRIGGER person_search_update
AFTER UPDATE OF id, name, id_number, phone, household_id, deleted_at ON person BEGIN
    DELETE FROM person_search WHERE person_id = OLD.id;
    INSERT INTO person_search (person_id, name, id_rev, phone_rev, household_id, address, pinyin)
    SELECT NEW.id, NEW.name, gl_search_reverse(upper(NEW.id_number)),
           gl_search_reverse(NEW.phone), NEW.household_id,
           (SELECT address FROM household_search WHERE household_id = NEW.household_id),
           gl_search_pinyin(NEW.name)
    WHERE NEW.deleted_at IS NULL;
END;
CREATE TRIGGER person_search_delete AFTER DELETE ON person BEGIN
    DELETE FROM person_search WHERE person_id = OLD.id;
END;

-- Households and the places that name them.
CREATE TRIGGER household_search_insert AFTER INSERT ON household BEGIN
    INSERT INTO household_search (household_id, address)
    SELECT household_id, address FROM household_address WHERE household_id = NEW.id;
END;
CREATE TRIGGER household_search_update
AFTER UPDATE OF id, grid_id, estate_id, unit_id, room, deleted_at ON household BEGIN
    DELETE FROM household_search WHERE household_id = OLD.id;
    INSERT INTO household_search (household_id, address)
    SELECT household_id, address FROM household_address WHERE household_id = NEW.id;
END;
CREATE TRIGGER household_search_delete AFTER DELETE ON household BEGIN
    DELETE FROM household_search WHERE household_id = OLD.id;
END;
CREATE TRIGGER household_search_unit AFTER UPDATE OF name, building_id ON unit BEGIN
    DELETE FROM household_search
    WHERE household_id IN (SELECT id FROM household WHERE unit_id = NEW.id);
    INSERT INTO household_search (household_id, address)
    SELECT a.household_id, a.address FROM household h
    JOIN household_address a ON a.household_id = h.id WHERE h.unit_id = NEW.id;
END;
CREATE TRIGGER household_search_building AFTER UPDATE OF name, estate_id ON building BEGIN
    DELETE FROM household_search WHERE household_id IN (
        SELECT h.id FROM unit u JOIN household h ON h.unit_id = u.id WHERE u.building_id = NEW.id);
    INSERT INTO household_search (household_id, address)
    SELECT a.household_id, a.address FROM unit u JOIN household h ON h.unit_id = u.id
    JOIN household_address a ON a.household_id = h.id WHERE u.building_id = NEW.id;
END;
CREATE TRIGGER household_search_estate AFTER UPDATE OF name ON estate BEGIN
    DELETE FROM household_search WHERE household_id IN (
        SELECT h.id FROM household h WHERE h.estate_id = NEW.id AND h.unit_id IS NULL
        UNION ALL
        SELECT h.id FROM building b JOIN unit u ON u.building_id = b.id
        JOIN household h ON h.unit_id = u.id WHERE b.estate_id = NEW.id);
    INSERT INTO household_search (household_id, address)
    SELECT a.household_id, a.address FROM household_address a WHERE a.household_id IN (
        SELECT h.id FROM household h WHERE h.estate_id = NEW.id AND h.unit_id IS NULL
        UNION ALL
        SELECT h.id FROM building b JOIN unit u ON u.building_id = b.id
        JOIN household h ON h.unit_id = u.id WHERE b.estate_id = NEW.id);
END;

CREATE TRIGGER household_search_grid AFTER UPDATE OF name ON grid BEGIN
    DELETE FROM household_search WHERE household_id IN (
        SELECT id FROM household WHERE grid_id = NEW.id AND estate_id IS NULL AND unit_id IS NULL);
    INSERT INTO household_search (household_id, address)
    SELECT a.household_id, a.address FROM household h
    JOIN household_address a ON a.household_id = h.id
    WHERE h.grid_id = NEW.id AND h.estate_id IS NULL AND h.unit_id IS NULL;
END;

-- Backfill: the people and households already in the ledger.
INSERT INTO household_search (household_id, address)
SELECT household_id, address FROM household_address;
INSERT INTO person_search (person_id, name, id_rev, phone_rev, household_id, address, pinyin)
SELECT p.id, p.name, gl_search_reverse(upper(p.id_number)), gl_search_reverse(p.phone),
       p.household_id, h.address, gl_search_pinyin(p.name)
FROM person p LEFT JOIN household_search h ON h.household_id = p.household_id
WHERE p.deleted_at IS NULL;
