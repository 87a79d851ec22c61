-- Richer assets: what each kind needs (crossing sides, rail service route, project, location, capacity) is kept in
-- JSONB documents read whole with the asset; what lists filter on (mode, status, text) are plain columns.
ALTER TABLE corridor_asset
    ADD COLUMN mode                TEXT CHECK (mode IN ('road', 'rail', 'road_rail', 'pipeline', 'air', 'sea', 'multimodal', 'other')),
    ADD COLUMN opened              TEXT CHECK (opened ~ '^[0-9]{3}0s$|^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
    ADD COLUMN length_km           NUMERIC CHECK (length_km >= 0),
    ADD COLUMN capacity            JSONB,
    ADD COLUMN location            JSONB,
    ADD COLUMN crossing            JSONB,
    ADD COLUMN rail_service        JSONB,
    ADD COLUMN project             JSONB,
    ADD COLUMN endpoints           TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN sources             TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN search_text         TEXT   NOT NULL DEFAULT '',
    ADD COLUMN status              TEXT   NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'restricted', 'congested', 'closed')),
    ADD COLUMN status_reason       TEXT,
    ADD COLUMN status_window_from  TEXT,
    ADD COLUMN status_window_until TEXT,
    ADD COLUMN status_since        TIMESTAMPTZ,
    ADD COLUMN status_sequence     BIGINT NOT NULL DEFAULT 0;

CREATE INDEX corridor_asset_status ON corridor_asset (status);
CREATE INDEX corridor_asset_mode ON corridor_asset (mode);

-- One row per statement: the natural key below makes a re-import of the same figures a no-op, and keeps two sources
-- that disagree as two rows (never merged). '' stands for "not stated" so the key can be a plain unique constraint.
CREATE TABLE measurement (
    id          UUID        PRIMARY KEY,
    asset_id    TEXT        NOT NULL REFERENCES corridor_asset (id),
    metric      TEXT        NOT NULL,
    label       TEXT        NOT NULL DEFAULT '',
    period      TEXT        NOT NULL DEFAULT '',
    period_type TEXT        CHECK (period_type IN ('day', 'month', 'quarter', 'year')),
    period_start DATE,
    period_end   DATE,
    direction   TEXT        NOT NULL DEFAULT '',
    mode        TEXT        NOT NULL DEFAULT '',
    value       NUMERIC     NOT NULL,
    unit        TEXT        NOT NULL,
    qualifier   TEXT        NOT NULL DEFAULT 'exact' CHECK (qualifier IN ('exact', 'approximate', 'lower_bound', 'upper_bound')),
    source      TEXT        NOT NULL DEFAULT '',
    note        TEXT,
    version     BIGINT      NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT measurement_statement UNIQUE (asset_id, metric, label, period, direction, mode, source)
);
CREATE INDEX measurement_series ON measurement (asset_id, metric, period_start DESC NULLS LAST);
CREATE INDEX measurement_metric_period ON measurement (metric, period_start);

-- The latest measurement per asset, metric and unit (latest period first, then latest written), kept in step by
-- every write, so the map finds the current figures without sorting the whole history.
CREATE TABLE measurement_latest (
    asset_id       TEXT        NOT NULL,
    metric         TEXT        NOT NULL,
    unit           TEXT        NOT NULL,
    measurement_id UUID        NOT NULL REFERENCES measurement (id),
    period_start   DATE,
    PRIMARY KEY (asset_id, metric, unit)
);

-- Every status transition, with what caused it (an editor, or a threshold and the measurement that crossed it).
CREATE TABLE status_change (
    id           BIGSERIAL   PRIMARY KEY,
    asset_id     TEXT        NOT NULL REFERENCES corridor_asset (id),
    sequence     BIGINT      NOT NULL,
    from_status  TEXT        NOT NULL,
    to_status    TEXT        NOT NULL,
    reason       TEXT,
    cause        TEXT        NOT NULL,
    window_from  TEXT,
    window_until TEXT,
    changed_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT status_change_sequence UNIQUE (asset_id, sequence)
);

CREATE TABLE status_threshold (
    id            UUID        PRIMARY KEY,
    asset_id      TEXT        NOT NULL REFERENCES corridor_asset (id),
    metric        TEXT        NOT NULL,
    direction     TEXT        NOT NULL DEFAULT '',
    mode          TEXT        NOT NULL DEFAULT '',
    comparison    TEXT        NOT NULL CHECK (comparison IN ('above', 'below')),
    limit_value   NUMERIC     NOT NULL,
    unit          TEXT        NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('restricted', 'congested', 'closed')),
    breached      BOOLEAN     NOT NULL DEFAULT FALSE,
    status_before TEXT,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX status_threshold_asset_metric ON status_threshold (asset_id, metric);

-- Which shipped data sets have been loaded, so the first start loads them and later starts leave editors' changes be.
CREATE TABLE dataset_load (
    name      TEXT        PRIMARY KEY,
    loaded_at TIMESTAMPTZ NOT NULL
);
