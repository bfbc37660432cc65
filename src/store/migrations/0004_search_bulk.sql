-- 0004: bulk writers may defer the household address keys (search::defer_household_keys).
--
-- The key trigger of 0003 inserted four keys per household from a row trigger; on a large
-- ledger that made creating a 10,000-household building take seconds. The trigger now
-- stands aside while `gl_search_deferred()` is true on the connection, and the bulk
-- writer fills the missing keys in one statement at the end. The person-address update
-- stays per row (it is an indexed lookup, cheap, and must not wait).

DROP TRIGGER household_search_keys_insert;
CREATE TRIGGER household_search_address_insert AFTER INSERT ON household_search BEGIN
    UPDATE person_search SET address = NEW.address WHERE household_id = NEW.household_id;
END;
CREATE TRIGGER household_search_keys_insert AFTER INSERT ON household_search
WHEN NOT gl_search_deferred() BEGIN
    INSERT OR IGNORE INTO household_search_key (key, household_id)
    SELECT k.value, NEW.household_id FROM household_address a, json_each(a.keys) k
    WHERE a.household_id = NEW.household_id;
END;
