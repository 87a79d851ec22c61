-- The id is chosen by the editor (a readable slug such as "khorgos-border-port"), so it is the primary key itself.
-- Countries and aliases are short value lists that are always read with their asset: arrays, not side tables.
CREATE TABLE corridor_asset (
    id          TEXT        PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(id) <= 80),
    name        TEXT        NOT NULL CHECK (length(btrim(name)) > 0),
    kind        TEXT        NOT NULL CHECK (kind IN (
                    'border_crossing', 'rail_service', 'rail_line', 'highway', 'highway_project',
                    'oil_pipeline', 'gas_pipeline', 'dry_port', 'logistics_hub', 'cooperation_zone',
                    'special_economic_zone', 'airline_network', 'other')),
    countries   TEXT[]      NOT NULL CHECK (array_to_string(countries, ',') ~ '^([A-Z]{2}(,[A-Z]{2})*)?$'),
    aliases     TEXT[]      NOT NULL DEFAULT '{}',
    note        TEXT        CHECK (length(note) <= 4000),
    version     BIGINT      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- Lists filter by kind and by country; GIN answers "countries contains X".
CREATE INDEX corridor_asset_kind ON corridor_asset (kind);
CREATE INDEX corridor_asset_countries ON corridor_asset USING GIN (countries);
