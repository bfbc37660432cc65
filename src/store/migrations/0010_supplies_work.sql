-- 0010: supplies (物资发放), enterprises and their visits (复工复产), work certificates
-- (外出务工证明). Filled by issue 7.
--
-- Stock is derived: receipts and issues are records, the balance of an item is what was
-- received less what was issued (live rows of both), read through `supply_stock`. No
-- balance column exists to drift. The triggers below refuse any write that would take a
-- balance below zero, whatever path it came by; the core checks first so that the refusal
-- names the balance in Chinese.

CREATE TABLE supply_item (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,            -- 口罩, 84消毒液, 体温计
    unit       TEXT NOT NULL,            -- 个, 瓶, 支
    low_stock  INTEGER CHECK (low_stock IS NULL OR low_stock >= 0),   -- warn at or below
    note       TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted_at TEXT
);
CREATE UNIQUE INDEX supply_item_name ON supply_item (name) WHERE deleted_at IS NULL;

-- Stock received (入库): from the street office, a donation, a purchase.
CREATE TABLE supply_receipt (
    id          TEXT PRIMARY KEY,
    item_id     TEXT NOT NULL REFERENCES supply_item (id),
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    received_on TEXT NOT NULL,           -- YYYY-MM-DD
    source      TEXT,
    note        TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX supply_receipt_item ON supply_receipt (item_id) WHERE deleted_at IS NULL;

-- An issue (发放) to a household, or to a person (whose household is then recorded too).
CREATE TABLE supply_issue (
    id           TEXT PRIMARY KEY,
    item_id      TEXT NOT NULL REFERENCES supply_item (id),
    household_id TEXT REFERENCES household (id),
    person_id    TEXT REFERENCES person (id),
    quantity     INTEGER NOT NULL CHECK (quantity > 0),
    issued_on    TEXT NOT NULL,          -- YYYY-MM-DD
    worker_id    TEXT REFERENCES worker (id),
    note         TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    deleted_at   TEXT,
    CHECK (household_id IS NOT NULL OR person_id IS NOT NULL)
);
CREATE INDEX supply_issue_item ON supply_issue (item_id) WHERE deleted_at IS NULL;
CREATE INDEX supply_issue_household ON supply_issue (household_id);
CREATE INDEX supply_issue_person ON supply_issue (person_id);
CREATE INDEX supply_issue_date ON supply_issue (issued_on) WHERE deleted_at IS NULL;

-- A follow-up visit after an issue (回访).
CREATE TABLE supply_follow_up (
    id         TEXT PRIMARY KEY,
    issue_id   TEXT NOT NULL REFERENCES supply_issue (id),
    visited_on TEXT NOT NULL,
    worker_id  TEXT REFERENCES worker (id),
    note       TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX supply_follow_up_issue ON supply_follow_up (issue_id);

CREATE VIEW supply_stock AS
SELECT i.id AS item_id,
       coalesce((SELECT sum(quantity) FROM supply_receipt r
                  WHERE r.item_id = i.id AND r.deleted_at IS NULL), 0) AS received,
       coalesce((SELECT sum(quantity) FROM supply_issue s
                  WHERE s.item_id = i.id AND s.deleted_at IS NULL), 0) AS issued
  FROM supply_item i;

-- The backstop: no write path may take a balance below zero.
CREATE TRIGGER supply_issue_stock_insert BEFORE INSERT ON supply_issue
WHEN NEW.deleted_at IS NULL
 AND (SELECT received - issued FROM supply_stock WHERE item_id = NEW.item_id) < NEW.quantity
BEGIN
    SELECT RAISE(ABORT, 'supply stock would go negative');
END;
CREATE TRIGGER supply_issue_stock_update BEFORE UPDATE OF item_id, quantity, deleted_at ON supply_issue
WHEN NEW.deleted_at IS NULL
 AND (SELECT received - issued FROM supply_stock WHERE item_id = NEW.item_id)
     + (CASE WHEN OLD.deleted_at IS NULL AND OLD.item_id = NEW.item_id THEN OLD.quantity ELSE 0 END)
     < NEW.quantity
BEGIN
    SELECT RAISE(ABORT, 'supply stock would go negative');
END;
CREATE TRIGGER supply_receipt_stock_update BEFORE UPDATE OF item_id, quantity, deleted_at ON supply_receipt
WHEN OLD.deleted_at IS NULL
 AND (SELECT received - issued FROM supply_stock WHERE item_id = OLD.item_id)
     - OLD.quantity
     + (CASE WHEN NEW.deleted_at IS NULL AND NEW.item_id = OLD.item_id THEN NEW.quantity ELSE 0 END)
     < 0
BEGIN
    SELECT RAISE(ABORT, 'supply stock would go negative');
END;
CREATE TRIGGER supply_receipt_stock_delete BEFORE DELETE ON supply_receipt
WHEN OLD.deleted_at IS NULL
 AND (SELECT received - issued FROM supply_stock WHERE item_id = OLD.item_id) < OLD.quantity
BEGIN
    SELECT RAISE(ABORT, 'supply stock would go negative');
END;

-- Enterprises restarting work (复工复产).
CREATE TABLE enterprise (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL
                  CHECK (kind IN ('coal_mine', 'factory', 'construction', 'commerce', 'service', 'other')),
    address       TEXT,
    contact_name  TEXT,
    contact_phone TEXT,
    workforce     INTEGER CHECK (workforce IS NULL OR workforce >= 0),
    grid_id       TEXT REFERENCES grid (id),
    note          TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    deleted_at    TEXT
);
CREATE UNIQUE INDEX enterprise_name ON enterprise (name) WHERE deleted_at IS NULL;

-- A visit with the 五到位 checklist: each item 是 / 否 / 不适用 ('yes', 'no', 'na') with a
-- note, NULL while unanswered (a draft). Completeness is derived when read: every item
-- answered, and a 否 carries a note.
CREATE TABLE enterprise_visit (
    id                    TEXT PRIMARY KEY,
    enterprise_id         TEXT NOT NULL REFERENCES enterprise (id),
    visited_on            TEXT NOT NULL,
    worker_id             TEXT REFERENCES worker (id),
    mechanism             TEXT CHECK (mechanism IN ('yes', 'no', 'na')),      -- 防控机制到位
    mechanism_note        TEXT,
    screening             TEXT CHECK (screening IN ('yes', 'no', 'na')),      -- 员工排查到位
    screening_note        TEXT,
    supplies              TEXT CHECK (supplies IN ('yes', 'no', 'na')),       -- 设施物资到位
    supplies_note         TEXT,
    disinfection          TEXT CHECK (disinfection IN ('yes', 'no', 'na')),   -- 环境消杀到位
    disinfection_note     TEXT,
    safety                TEXT CHECK (safety IN ('yes', 'no', 'na')),         -- 安全生产到位
    safety_note           TEXT,
    staff_returned        INTEGER CHECK (staff_returned IS NULL OR staff_returned >= 0),
    staff_on_site         INTEGER CHECK (staff_on_site IS NULL OR staff_on_site >= 0),
    staff_from_risk_areas INTEGER CHECK (staff_from_risk_areas IS NULL OR staff_from_risk_areas >= 0),
    note                  TEXT,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    updated_by            TEXT NOT NULL,
    deleted_at            TEXT
);
CREATE INDEX enterprise_visit_enterprise ON enterprise_visit (enterprise_id, visited_on);

-- A difficulty an enterprise raised (困难问题), open until closed, with follow-ups.
CREATE TABLE enterprise_difficulty (
    id            TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprise (id),
    visit_id      TEXT REFERENCES enterprise_visit (id),
    raised_on     TEXT NOT NULL,
    description   TEXT NOT NULL,
    closed_on     TEXT,
    close_note    TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    deleted_at    TEXT,
    CHECK (closed_on IS NULL OR closed_on >= raised_on)
);
CREATE INDEX enterprise_difficulty_enterprise ON enterprise_difficulty (enterprise_id);
CREATE INDEX enterprise_difficulty_open ON enterprise_difficulty (raised_on)
    WHERE closed_on IS NULL AND deleted_at IS NULL;

CREATE TABLE difficulty_follow_up (
    id            TEXT PRIMARY KEY,
    difficulty_id TEXT NOT NULL REFERENCES enterprise_difficulty (id),
    done_on       TEXT NOT NULL,
    worker_id     TEXT REFERENCES worker (id),
    note          TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    deleted_at    TEXT
);
CREATE INDEX difficulty_follow_up_difficulty ON difficulty_follow_up (difficulty_id);

-- A numbered work certificate (外出务工证明). The number is `seq` within the issuing year,
-- allocated inside the write transaction as max + 1: no gaps, no duplicates (the unique
-- index is the backstop). A certificate is never deleted; a voided one keeps its number.
CREATE TABLE work_certificate (
    id                 TEXT PRIMARY KEY,
    year               INTEGER NOT NULL,
    seq                INTEGER NOT NULL CHECK (seq > 0),
    person_id          TEXT NOT NULL REFERENCES person (id),
    destination        TEXT NOT NULL,
    employer           TEXT,
    leaving_on         TEXT,
    health_declaration TEXT NOT NULL,
    issued_by          TEXT REFERENCES worker (id),
    issued_on          TEXT NOT NULL,
    voided_on          TEXT,
    void_reason        TEXT,
    note               TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    updated_by         TEXT NOT NULL,
    deleted_at         TEXT,
    CHECK ((voided_on IS NULL) = (void_reason IS NULL)),
    CHECK (CAST(substr(issued_on, 1, 4) AS INTEGER) = year)
);
CREATE UNIQUE INDEX work_certificate_number ON work_certificate (year, seq);
CREATE INDEX work_certificate_person ON work_certificate (person_id);
CREATE TRIGGER work_certificate_no_delete BEFORE DELETE ON work_certificate BEGIN
    SELECT RAISE(ABORT, 'a work certificate is voided, never deleted');
END;
CREATE TRIGGER work_certificate_no_soft_delete BEFORE UPDATE OF deleted_at ON work_certificate
WHEN NEW.deleted_at IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'a work certificate is voided, never deleted');
END;
CREATE TRIGGER work_certificate_number_fixed BEFORE UPDATE OF year, seq ON work_certificate
WHEN NEW.year IS NOT OLD.year OR NEW.seq IS NOT OLD.seq BEGIN
    SELECT RAISE(ABORT, 'a work certificate keeps its number');
END;

-- A call-back after the holder arrived at work (到岗回访).
CREATE TABLE certificate_call_back (
    id             TEXT PRIMARY KEY,
    certificate_id TEXT NOT NULL REFERENCES work_certificate (id),
    called_on      TEXT NOT NULL,
    reached        INTEGER NOT NULL CHECK (reached IN (0, 1)),
    arrived        INTEGER NOT NULL CHECK (arrived IN (0, 1)),
    well           INTEGER NOT NULL CHECK (well IN (0, 1)),
    worker_id      TEXT REFERENCES worker (id),
    note           TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL,
    deleted_at     TEXT
);
CREATE INDEX certificate_call_back_certificate ON certificate_call_back (certificate_id);
