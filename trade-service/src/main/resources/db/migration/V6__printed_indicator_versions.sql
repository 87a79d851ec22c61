-- A printed figure (growth rate, share, rank, balance, target) that a later release states differently is a new
-- version, like an observation's revision: the earlier one stays readable with asOf. Versions share the id (a
-- name-based UUID of the series key); at most one version of a key is open (known_until IS NULL).
-- Expand only: the rows written so far become version 1, still open.
ALTER TABLE printed_indicator
    ADD COLUMN version     INT  NOT NULL DEFAULT 1,
    ADD COLUMN known_until DATE;
ALTER TABLE printed_indicator ALTER COLUMN version DROP DEFAULT;
ALTER TABLE printed_indicator DROP CONSTRAINT printed_indicator_pkey;
ALTER TABLE printed_indicator ADD PRIMARY KEY (id, version);
ALTER TABLE printed_indicator DROP CONSTRAINT printed_indicator_series_key_key;
CREATE UNIQUE INDEX printed_indicator_open ON printed_indicator (series_key) WHERE known_until IS NULL;
