-- Milestones grow from a dated point into a record with a lifecycle, provenance, a place in an initiative tree,
-- links to what other services own, and quantitative targets.

-- A period ("1980s" is 1980 to 1989, a programme runs 2015 to 2019) ends at date_end, as precise as its source.
ALTER TABLE milestone ADD COLUMN date_end TEXT CHECK (date_end ~ '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$');
ALTER TABLE milestone ADD COLUMN notes TEXT CHECK (length(notes) <= 4000);

-- Typed lifecycle dates, each fuzzy and each possibly unknown. The status at a date is derived from them.
ALTER TABLE milestone ADD COLUMN announced TEXT;
ALTER TABLE milestone ADD COLUMN signed TEXT;
ALTER TABLE milestone ADD COLUMN in_force TEXT;
ALTER TABLE milestone ADD COLUMN completed TEXT;
ALTER TABLE milestone ADD COLUMN expired TEXT;
ALTER TABLE milestone ADD COLUMN superseded TEXT;
ALTER TABLE milestone ADD COLUMN withdrawn TEXT;
-- The days on which the lifecycle dates take effect, computed by the service from the fuzzy dates above on every
-- write (StatusTimeline). They are an index of the dates, not a status: lists filter "status at a date" with them.
ALTER TABLE milestone ADD COLUMN announced_on DATE;
ALTER TABLE milestone ADD COLUMN signed_on DATE;
ALTER TABLE milestone ADD COLUMN in_force_on DATE;
ALTER TABLE milestone ADD COLUMN ended_on DATE;
ALTER TABLE milestone ADD COLUMN ended_as TEXT CHECK (ended_as IN ('completed', 'expired', 'superseded', 'withdrawn'));
-- The time-dependent status the last event carried; the daily check publishes when today's status differs.
ALTER TABLE milestone ADD COLUMN published_status TEXT;

-- Provenance and the other owners' ids: read whole with their milestone, so JSON documents, not side tables.
ALTER TABLE milestone ADD COLUMN sources JSONB NOT NULL DEFAULT '[]';
ALTER TABLE milestone ADD COLUMN alternative_dates JSONB NOT NULL DEFAULT '[]';
ALTER TABLE milestone ADD COLUMN links JSONB NOT NULL DEFAULT '{"corridorAssets":[],"tradeSeries":[]}';
ALTER TABLE milestone ADD COLUMN targets JSONB NOT NULL DEFAULT '[]';

-- The initiative tree. Deferred so an import may name a parent that comes later in the same file.
ALTER TABLE milestone ADD COLUMN parent_id TEXT REFERENCES milestone (id) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX milestone_parent ON milestone (parent_id);

-- Full-text search over title (weight A), summary (B) and notes (C); the two-argument to_tsvector is immutable,
-- so PostgreSQL keeps the vector up to date itself.
ALTER TABLE milestone ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A')
 || setweight(to_tsvector('english', coalesce(summary, '')), 'B')
 || setweight(to_tsvector('english', coalesce(notes, '')), 'C')) STORED;
CREATE INDEX milestone_search ON milestone USING GIN (search);
-- Changed-since reads.
CREATE INDEX milestone_updated_at ON milestone (updated_at, id);

-- Every accepted state of a milestone, so a reader sees what changed, when, and by whom.
CREATE TABLE milestone_revision (
    milestone_id TEXT        NOT NULL REFERENCES milestone (id),
    version      BIGINT      NOT NULL,
    changed_at   TIMESTAMPTZ NOT NULL,
    changed_by   TEXT        NOT NULL,
    reason       TEXT        NOT NULL CHECK (reason IN ('created', 'updated', 'imported', 'status_changed')),
    state        JSONB       NOT NULL,
    PRIMARY KEY (milestone_id, version)
);

-- Which shipped data sets were loaded, so the seed runs at first start only and never undoes an editor's change.
CREATE TABLE dataset_seed (
    name      TEXT        PRIMARY KEY,
    loaded_at TIMESTAMPTZ NOT NULL
);
