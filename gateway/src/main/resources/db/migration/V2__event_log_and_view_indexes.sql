-- Every change the read model applied (not duplicates or stale versions), for the event feed and the live stream.
-- Ordered by the event's own time and id, never by a local sequence, so a rebuild reproduces the same feed.
CREATE TABLE event_log (
    event_id      TEXT        PRIMARY KEY,
    topic         TEXT        NOT NULL,
    aggregate_id  TEXT        NOT NULL,
    source        TEXT        NOT NULL,
    event_type    TEXT,
    version       BIGINT      NOT NULL,
    outcome       TEXT        NOT NULL,
    label         TEXT,
    event_time    TIMESTAMPTZ NOT NULL
);
CREATE INDEX event_log_newest ON event_log (event_time DESC, event_id);

-- The views select by topic and read a few payload fields; these keep the trade views off a sequential scan of
-- every aggregate once the observation count grows.
CREATE INDEX aggregate_state_live_topic ON aggregate_state (topic) WHERE NOT deleted;
CREATE INDEX aggregate_state_trade_pair ON aggregate_state ((payload->>'reporter'), (payload->>'partner'))
    WHERE topic = 'trade.observations.v1' AND NOT deleted;
