-- The id is chosen by the editor (a readable slug such as "kz-independence"), so it is the primary key itself.
-- Actors are a short value list always read with their milestone: an array, not a side table.
CREATE TABLE milestone (
    id          TEXT        PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(id) <= 80),
    title       TEXT        NOT NULL CHECK (length(btrim(title)) > 0),
    category    TEXT        NOT NULL CHECK (category IN (
                    'event', 'programme', 'strategy', 'agreement', 'joint_statement', 'partnership_level',
                    'institution', 'border', 'target')),
    -- As precise as the source: a year, a month or a day. Kept as text because a "2013" must not become 2013-01-01.
    -- That the date is a real one (no 2013-02-30) is checked by the service; the pattern is the last line of defence.
    date        TEXT        NOT NULL CHECK (date ~ '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$'),
    actors      TEXT[]      NOT NULL CHECK (cardinality(actors) >= 1),
    summary     TEXT        CHECK (length(summary) <= 4000),
    version     BIGINT      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- Lists filter by category, by actor and by a range of years, and come out in date order.
CREATE INDEX milestone_category ON milestone (category);
CREATE INDEX milestone_actors ON milestone USING GIN (actors);
CREATE INDEX milestone_date ON milestone (date, id);
