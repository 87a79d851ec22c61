-- Deleting an asset removes what only makes sense with it (measurements, their latest index, thresholds, status
-- history) in one statement; the events that tell consumers so are written by the service in the same transaction.
ALTER TABLE measurement DROP CONSTRAINT measurement_asset_id_fkey,
    ADD CONSTRAINT measurement_asset_id_fkey FOREIGN KEY (asset_id) REFERENCES corridor_asset (id) ON DELETE CASCADE;
ALTER TABLE measurement_latest DROP CONSTRAINT measurement_latest_measurement_id_fkey,
    ADD CONSTRAINT measurement_latest_measurement_id_fkey FOREIGN KEY (measurement_id) REFERENCES measurement (id) ON DELETE CASCADE;
ALTER TABLE status_change DROP CONSTRAINT status_change_asset_id_fkey,
    ADD CONSTRAINT status_change_asset_id_fkey FOREIGN KEY (asset_id) REFERENCES corridor_asset (id) ON DELETE CASCADE;
ALTER TABLE status_threshold DROP CONSTRAINT status_threshold_asset_id_fkey,
    ADD CONSTRAINT status_threshold_asset_id_fkey FOREIGN KEY (asset_id) REFERENCES corridor_asset (id) ON DELETE CASCADE;

-- A deleted asset's id with the last versions its keys had on the topics. Consumers (the gateway) keep a deletion
-- sticky against older versions, so an asset registered again under the same id must continue above them.
CREATE TABLE retired_asset (
    id              TEXT        PRIMARY KEY,
    version         BIGINT      NOT NULL,
    status_sequence BIGINT      NOT NULL,
    deleted_by      TEXT        NOT NULL,
    deleted_at      TIMESTAMPTZ NOT NULL
);

-- Windowed statuses that have to end by themselves: the scheduled check only looks at these few rows.
CREATE INDEX corridor_asset_status_window ON corridor_asset (id) WHERE status_window_until IS NOT NULL;

-- Thresholds judge the latest period, not the latest arrival: which period the current verdict rests on.
ALTER TABLE status_threshold ADD COLUMN judged_measurement_id UUID, ADD COLUMN judged_period TEXT;

-- Counts every change of a latest-measurement row, so the map's revision (count and sum over the table) moves on
-- every write that can change the map, whatever order concurrent transactions commit in.
ALTER TABLE measurement_latest ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;
