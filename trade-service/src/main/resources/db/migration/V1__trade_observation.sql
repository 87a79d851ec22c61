CREATE TABLE trade_observation (
    id                UUID PRIMARY KEY,
    reporter          TEXT           NOT NULL CHECK (reporter ~ '^[A-Z]{3}$'),
    partner           TEXT           NOT NULL,
    flow              TEXT           NOT NULL CHECK (flow IN ('export', 'import', 're-export', 're-import')),
    period            TEXT           NOT NULL,
    commodity         TEXT           NOT NULL,
    value_usd         NUMERIC(20, 2) NOT NULL,
    source_document   TEXT           NOT NULL,
    source_statement  TEXT,
    note              TEXT,
    version           BIGINT         NOT NULL,
    created_at        TIMESTAMPTZ    NOT NULL,
    updated_at        TIMESTAMPTZ    NOT NULL
);

CREATE INDEX trade_observation_series ON trade_observation (reporter, partner, flow, commodity, period);
