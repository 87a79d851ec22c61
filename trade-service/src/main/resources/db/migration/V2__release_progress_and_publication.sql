-- Imports run on a worker (POST answers 202 for large files): their progress lives on the release row, committed as
-- it goes, so every instance and every GET sees it. Phase timings are kept for the benchmark and the operators.
ALTER TABLE trade_release ADD COLUMN phase TEXT;
ALTER TABLE trade_release ADD COLUMN phase_ms TEXT;
ALTER TABLE trade_release ADD COLUMN events_total BIGINT;
ALTER TABLE trade_release ADD COLUMN events_published BIGINT NOT NULL DEFAULT 0;
ALTER TABLE trade_release ADD COLUMN events_published_at TIMESTAMPTZ;

-- "Outbox by reference" (ADR 0008): a completed import does not copy one outbox row per revision; its commit records
-- here that the release's revisions must be published. ReleasePublisher streams them to Kafka in observation-id
-- order and advances the cursor only after Kafka acknowledged a batch, so an outage resumes where it stopped.
CREATE TABLE release_publication (
    release_id       UUID PRIMARY KEY REFERENCES trade_release (id),
    -- Publications run strictly in this order (one release after the other, like their imports).
    ordinal          BIGSERIAL   NOT NULL UNIQUE,
    -- Outbox rows up to this sequence were committed before the release: they go to Kafka first.
    outbox_watermark BIGINT      NOT NULL,
    -- Last observation id acknowledged by Kafka (NULL: none yet).
    cursor_id        UUID,
    published        BIGINT      NOT NULL DEFAULT 0,
    total            BIGINT      NOT NULL,
    done             BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ
);
CREATE INDEX release_publication_pending ON release_publication (ordinal) WHERE NOT done;

-- A single write (deletion) that reached an observation before the publisher did published that release's revision
-- through the ordinary outbox, ahead of its own event; the publisher leaves it out.
CREATE TABLE release_publication_taken_over (
    release_id     UUID NOT NULL REFERENCES release_publication (release_id),
    observation_id UUID NOT NULL,
    PRIMARY KEY (release_id, observation_id)
);

-- The publisher reads a release's revisions in observation-id order.
CREATE INDEX trade_observation_revision_release ON trade_observation_revision (release_id, observation_id);
