-- Imports merge by observation id, which is derived from the series key (a name-based UUID of it; an editor's
-- observation has the key "manual|<its id>"), so the primary key already makes the key unique. The text index on the
-- key (about 100 bytes an entry) and the index on the release, which only the old event paging used, cost every
-- imported row two more index insertions for nothing (ADR 0008, measured).
ALTER TABLE trade_observation DROP CONSTRAINT trade_observation_series_key_key;
DROP INDEX trade_observation_release;
