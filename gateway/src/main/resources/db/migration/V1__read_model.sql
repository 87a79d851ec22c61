-- Current state of every aggregate the owning services publish, as carried by their events. A deletion keeps the
-- row (deleted, payload null) so that a late, older upsert cannot bring the aggregate back.
CREATE TABLE aggregate_state (
    topic         TEXT        NOT NULL,
    aggregate_id  TEXT        NOT NULL,
    source        TEXT        NOT NULL,
    version       BIGINT      NOT NULL,
    event_type    TEXT,
    payload       JSONB,
    deleted       BOOLEAN     NOT NULL DEFAULT FALSE,
    event_time    TIMESTAMPTZ NOT NULL,
    applied_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (topic, aggregate_id)
);
CREATE INDEX aggregate_state_source ON aggregate_state (source) WHERE NOT deleted;

-- Every event applied (or deliberately skipped as stale), so a redelivery is recognised by its ce_id. Written in
-- the same transaction as the change it records: a crash leaves both or neither.
CREATE TABLE processed_event (
    event_id      TEXT        PRIMARY KEY,
    topic         TEXT        NOT NULL,
    kafka_partition INT       NOT NULL,
    kafka_offset  BIGINT      NOT NULL,
    outcome       TEXT        NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL
);

-- Freshness per owning service: when its last event happened and how many were applied.
CREATE TABLE source_activity (
    source         TEXT        PRIMARY KEY,
    last_event_at  TIMESTAMPTZ NOT NULL,
    events_applied BIGINT      NOT NULL
);

-- Records sent to a dead-letter topic, with the reason, for the dashboard.
CREATE TABLE dead_letter (
    id              BIGSERIAL   PRIMARY KEY,
    topic           TEXT        NOT NULL,
    kafka_partition INT         NOT NULL,
    kafka_offset    BIGINT      NOT NULL,
    event_id        TEXT,
    reason          TEXT        NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL
);
