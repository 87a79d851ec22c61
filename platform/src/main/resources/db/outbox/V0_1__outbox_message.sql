-- Transactional outbox shared by every owning service (see docs/adr/0003-transactional-outbox.md).
-- Rows are written in the same transaction as the change they describe and relayed to Kafka in sequence order.
CREATE TABLE outbox_message (
    sequence          BIGSERIAL PRIMARY KEY,
    event_id          UUID        NOT NULL UNIQUE,
    topic             TEXT        NOT NULL,
    aggregate_id      TEXT        NOT NULL,
    aggregate_version BIGINT      NOT NULL,
    event_type        TEXT,
    payload           TEXT,
    occurred_at       TIMESTAMPTZ NOT NULL,
    published_at      TIMESTAMPTZ
);

-- The relay only ever scans what is still to be sent.
CREATE INDEX outbox_message_pending ON outbox_message (sequence) WHERE published_at IS NULL;
CREATE INDEX outbox_message_published ON outbox_message (published_at) WHERE published_at IS NOT NULL;
