-- The current values of an observation live in its open revision (known_until IS NULL), which every read already
-- joins (the values, also as of a date, come from the revision). The copy of them on trade_observation was read by
-- nothing but the import's "did it change?" comparison, yet a bulk import wrote every value twice. The observation
-- row keeps the identity, the version, the deleted flag and the last release; the import compares with the open
-- revision (ADR 0008, measured).
ALTER TABLE trade_observation
    DROP COLUMN value_usd,
    DROP COLUMN cif_usd,
    DROP COLUMN fob_usd,
    DROP COLUMN quantity,
    DROP COLUMN quantity_unit,
    DROP COLUMN quantity_estimated,
    DROP COLUMN net_weight_kg,
    DROP COLUMN net_weight_estimated,
    DROP COLUMN original_value,
    DROP COLUMN original_unit,
    DROP COLUMN note;
