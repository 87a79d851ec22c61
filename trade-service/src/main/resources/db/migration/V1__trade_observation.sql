-- Trade statistics with provenance and vintages (see trade-service/README.md).
-- An observation is one statement of one figure by one source; its values change only through revisions, and
-- every revision stays readable (trade_observation_revision) so that a query "as of" a date sees what was known then.

CREATE TABLE trade_release (
    id              UUID PRIMARY KEY,
    source          TEXT        NOT NULL,
    format          TEXT        NOT NULL,
    file_name       TEXT,
    published_on    DATE        NOT NULL,
    sha256          TEXT        NOT NULL,
    bytes           BIGINT      NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
    rows_read       BIGINT      NOT NULL DEFAULT 0,
    rows_accepted   BIGINT      NOT NULL DEFAULT 0,
    rows_rejected   BIGINT      NOT NULL DEFAULT 0,
    inserted        BIGINT      NOT NULL DEFAULT 0,
    revised         BIGINT      NOT NULL DEFAULT 0,
    unchanged       BIGINT      NOT NULL DEFAULT 0,
    indicators      BIGINT      NOT NULL DEFAULT 0,
    problems        TEXT,
    warnings        TEXT,
    failure         TEXT,
    version         BIGINT      NOT NULL,
    started_at      TIMESTAMPTZ NOT NULL,
    finished_at     TIMESTAMPTZ
);
-- The same content is imported once: a second upload of it answers with the first release.
CREATE UNIQUE INDEX trade_release_content ON trade_release (sha256) WHERE status = 'completed';

CREATE TABLE trade_observation (
    id                   UUID PRIMARY KEY,
    -- Everything that identifies the figure (who says what about which flow, and where it says it); an import
    -- finds the observation a row revises by this key.
    series_key           TEXT           NOT NULL UNIQUE,
    reporter             TEXT           NOT NULL,
    reporter_m49         INT,
    partner              TEXT           NOT NULL,
    partner_m49          INT,
    partner2             TEXT,
    flow                 TEXT           NOT NULL CHECK (flow IN ('export', 'import', 're-export', 're-import', 'total')),
    period               TEXT           NOT NULL,
    year                 INT            NOT NULL,
    month                INT,
    commodity            TEXT           NOT NULL,
    commodity_level      INT            NOT NULL,
    classification       TEXT,
    commodity_label      TEXT,
    customs_code         TEXT,
    transport_mode       TEXT,
    is_total             BOOLEAN        NOT NULL DEFAULT TRUE,
    source_document      TEXT           NOT NULL,
    source_statement     TEXT,
    source_agency        TEXT,
    created_at           TIMESTAMPTZ    NOT NULL,
    -- Current state (a copy of the newest revision), so the current view and the events need no join.
    value_usd            NUMERIC(24, 2) NOT NULL,
    cif_usd              NUMERIC(24, 2),
    fob_usd              NUMERIC(24, 2),
    quantity             NUMERIC(24, 4),
    quantity_unit        TEXT,
    quantity_estimated   BOOLEAN,
    net_weight_kg        NUMERIC(24, 4),
    net_weight_estimated BOOLEAN,
    original_value       NUMERIC,
    original_unit        TEXT,
    note                 TEXT,
    release_id           UUID REFERENCES trade_release (id),
    version              BIGINT         NOT NULL,
    deleted              BOOLEAN        NOT NULL DEFAULT FALSE,
    updated_at           TIMESTAMPTZ    NOT NULL
);
CREATE INDEX trade_observation_series ON trade_observation (reporter, partner, flow, commodity, year);
CREATE INDEX trade_observation_release ON trade_observation (release_id, id);

CREATE TABLE trade_observation_revision (
    observation_id       UUID           NOT NULL REFERENCES trade_observation (id),
    version              BIGINT         NOT NULL,
    value_usd            NUMERIC(24, 2) NOT NULL,
    cif_usd              NUMERIC(24, 2),
    fob_usd              NUMERIC(24, 2),
    quantity             NUMERIC(24, 4),
    quantity_unit        TEXT,
    quantity_estimated   BOOLEAN,
    net_weight_kg        NUMERIC(24, 4),
    net_weight_estimated BOOLEAN,
    original_value       NUMERIC,
    original_unit        TEXT,
    note                 TEXT,
    release_id           UUID REFERENCES trade_release (id),
    deleted              BOOLEAN        NOT NULL DEFAULT FALSE,
    -- The vintage: known from this date (the release's publication date) until the next revision's (exclusive).
    known_from           DATE           NOT NULL,
    known_until          DATE,
    recorded_at          TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (observation_id, version)
);
CREATE INDEX trade_observation_revision_open ON trade_observation_revision (observation_id) WHERE known_until IS NULL;

-- Figures a source prints beside the values (growth, shares, ranks, balances, targets). They are not trade values,
-- but the checks compare them with what the values imply.
CREATE TABLE printed_indicator (
    id               UUID PRIMARY KEY,
    series_key       TEXT          NOT NULL UNIQUE,
    reporter         TEXT          NOT NULL,
    partner          TEXT          NOT NULL,
    flow             TEXT,
    commodity        TEXT          NOT NULL,
    period           TEXT          NOT NULL,
    year             INT           NOT NULL,
    indicator        TEXT          NOT NULL CHECK (indicator IN ('growth_pct', 'share_pct', 'partner_share_pct', 'balance', 'rank', 'target')),
    value            NUMERIC       NOT NULL,
    unit             TEXT          NOT NULL,
    value_usd        NUMERIC(24, 2),
    source_document  TEXT          NOT NULL,
    source_statement TEXT,
    source_agency    TEXT,
    note             TEXT,
    release_id       UUID REFERENCES trade_release (id),
    known_from       DATE          NOT NULL
);
CREATE INDEX printed_indicator_series ON printed_indicator (reporter, partner, year);

-- ---- Reference codes -------------------------------------------------------------------------------
CREATE TABLE country (
    m49         INT PRIMARY KEY,
    alpha2      CHAR(2),
    alpha3      CHAR(3),
    name        TEXT    NOT NULL,
    obsolete    BOOLEAN NOT NULL DEFAULT FALSE,
    -- Last year an obsolete code stands for a country; rows for later periods are rejected.
    valid_until INT,
    -- Comtrade's own reporter codes for a few countries (842 USA incl. territories, 251 France incl. Monaco, …).
    comtrade_variant BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE partner_group (
    code    TEXT PRIMARY KEY,
    m49     INT,
    name    TEXT NOT NULL,
    members TEXT
);

CREATE TABLE flow_code (
    code          TEXT PRIMARY KEY,
    comtrade_plus TEXT,
    legacy_code   INT,
    name          TEXT NOT NULL
);

CREATE TABLE hs_section (
    number INT PRIMARY KEY,
    roman  TEXT NOT NULL,
    title  TEXT NOT NULL
);

CREATE TABLE hs_chapter (
    code    CHAR(2) PRIMARY KEY,
    section INT REFERENCES hs_section (number),
    title   TEXT NOT NULL
);

INSERT INTO flow_code VALUES
    ('import', 'M', 1, 'Import'),
    ('export', 'X', 2, 'Export'),
    ('re-export', 'RX', 3, 'Re-export'),
    ('re-import', 'RM', 4, 'Re-import'),
    ('total', NULL, NULL, 'Total trade (exports plus imports), as sources print it');

INSERT INTO partner_group VALUES
    ('W00', 0, 'World (all partners)', NULL),
    ('CENTRAL_ASIA_5', NULL, 'The five Central Asian states together', 'KAZ,KGZ,TJK,TKM,UZB');

INSERT INTO country (m49, alpha2, alpha3, name) VALUES
    (4, 'AF', 'AFG', 'Afghanistan'), (31, 'AZ', 'AZE', 'Azerbaijan'), (36, 'AU', 'AUS', 'Australia'),
    (40, 'AT', 'AUT', 'Austria'), (51, 'AM', 'ARM', 'Armenia'), (56, 'BE', 'BEL', 'Belgium'),
    (76, 'BR', 'BRA', 'Brazil'), (100, 'BG', 'BGR', 'Bulgaria'), (112, 'BY', 'BLR', 'Belarus'),
    (124, 'CA', 'CAN', 'Canada'), (156, 'CN', 'CHN', 'China'), (203, 'CZ', 'CZE', 'Czechia'),
    (208, 'DK', 'DNK', 'Denmark'), (233, 'EE', 'EST', 'Estonia'), (246, 'FI', 'FIN', 'Finland'),
    (250, 'FR', 'FRA', 'France'), (268, 'GE', 'GEO', 'Georgia'), (276, 'DE', 'DEU', 'Germany'),
    (300, 'GR', 'GRC', 'Greece'), (344, 'HK', 'HKG', 'China, Hong Kong SAR'), (348, 'HU', 'HUN', 'Hungary'),
    (356, 'IN', 'IND', 'India'), (360, 'ID', 'IDN', 'Indonesia'), (364, 'IR', 'IRN', 'Iran'),
    (368, 'IQ', 'IRQ', 'Iraq'), (372, 'IE', 'IRL', 'Ireland'), (376, 'IL', 'ISR', 'Israel'),
    (380, 'IT', 'ITA', 'Italy'), (392, 'JP', 'JPN', 'Japan'), (398, 'KZ', 'KAZ', 'Kazakhstan'),
    (410, 'KR', 'KOR', 'Republic of Korea'), (417, 'KG', 'KGZ', 'Kyrgyzstan'), (428, 'LV', 'LVA', 'Latvia'),
    (440, 'LT', 'LTU', 'Lithuania'), (446, 'MO', 'MAC', 'China, Macao SAR'), (458, 'MY', 'MYS', 'Malaysia'),
    (484, 'MX', 'MEX', 'Mexico'), (496, 'MN', 'MNG', 'Mongolia'), (498, 'MD', 'MDA', 'Republic of Moldova'),
    (528, 'NL', 'NLD', 'Netherlands'), (566, 'NG', 'NGA', 'Nigeria'), (578, 'NO', 'NOR', 'Norway'),
    (586, 'PK', 'PAK', 'Pakistan'), (616, 'PL', 'POL', 'Poland'), (620, 'PT', 'PRT', 'Portugal'),
    (642, 'RO', 'ROU', 'Romania'), (643, 'RU', 'RUS', 'Russian Federation'), (682, 'SA', 'SAU', 'Saudi Arabia'),
    (688, 'RS', 'SRB', 'Serbia'), (702, 'SG', 'SGP', 'Singapore'), (703, 'SK', 'SVK', 'Slovakia'),
    (704, 'VN', 'VNM', 'Viet Nam'), (710, 'ZA', 'ZAF', 'South Africa'), (724, 'ES', 'ESP', 'Spain'),
    (752, 'SE', 'SWE', 'Sweden'), (756, 'CH', 'CHE', 'Switzerland'), (762, 'TJ', 'TJK', 'Tajikistan'),
    (764, 'TH', 'THA', 'Thailand'), (784, 'AE', 'ARE', 'United Arab Emirates'), (792, 'TR', 'TUR', 'Türkiye'),
    (795, 'TM', 'TKM', 'Turkmenistan'), (804, 'UA', 'UKR', 'Ukraine'), (818, 'EG', 'EGY', 'Egypt'),
    (826, 'GB', 'GBR', 'United Kingdom'), (840, 'US', 'USA', 'United States of America'),
    (860, 'UZ', 'UZB', 'Uzbekistan');

INSERT INTO country (m49, alpha2, alpha3, name, comtrade_variant) VALUES
    (251, 'FR', 'FRA', 'France (Comtrade code, incl. Monaco)', TRUE),
    (579, 'NO', 'NOR', 'Norway (Comtrade code, incl. Svalbard and Jan Mayen)', TRUE),
    (699, 'IN', 'IND', 'India (Comtrade code)', TRUE),
    (757, 'CH', 'CHE', 'Switzerland (Comtrade code, incl. Liechtenstein)', TRUE),
    (842, 'US', 'USA', 'USA (Comtrade code, incl. Puerto Rico and US Virgin Islands)', TRUE);

INSERT INTO country (m49, alpha2, alpha3, name, obsolete, valid_until) VALUES
    (200, 'CS', 'CSK', 'Czechoslovakia', TRUE, 1992),
    (278, 'DD', 'DDR', 'German Democratic Republic', TRUE, 1990),
    (280, 'DE', 'DEU', 'Fed. Rep. of Germany (before 1991)', TRUE, 1990),
    (530, 'AN', 'ANT', 'Netherlands Antilles', TRUE, 2010),
    (736, 'SD', 'SDN', 'Sudan (before 2012)', TRUE, 2011),
    (810, 'SU', 'SUN', 'USSR', TRUE, 1991),
    (890, 'YU', 'YUG', 'Socialist Federal Republic of Yugoslavia', TRUE, 1991),
    (891, 'CS', 'SCG', 'Serbia and Montenegro', TRUE, 2005);

INSERT INTO hs_section VALUES
    (1, 'I', 'Live animals; animal products'),
    (2, 'II', 'Vegetable products'),
    (3, 'III', 'Animal, vegetable or microbial fats and oils; prepared edible fats; waxes'),
    (4, 'IV', 'Prepared foodstuffs; beverages, spirits and vinegar; tobacco'),
    (5, 'V', 'Mineral products'),
    (6, 'VI', 'Products of the chemical or allied industries'),
    (7, 'VII', 'Plastics and rubber and articles thereof'),
    (8, 'VIII', 'Raw hides and skins, leather, furskins; saddlery; travel goods'),
    (9, 'IX', 'Wood and articles of wood; cork; basketware'),
    (10, 'X', 'Pulp of wood; paper and paperboard and articles thereof'),
    (11, 'XI', 'Textiles and textile articles'),
    (12, 'XII', 'Footwear, headgear, umbrellas; prepared feathers; artificial flowers'),
    (13, 'XIII', 'Articles of stone, plaster, cement, asbestos, mica; ceramic products; glass'),
    (14, 'XIV', 'Pearls, precious stones, precious metals; imitation jewellery; coin'),
    (15, 'XV', 'Base metals and articles of base metal'),
    (16, 'XVI', 'Machinery and mechanical appliances; electrical equipment; sound and television apparatus'),
    (17, 'XVII', 'Vehicles, aircraft, vessels and associated transport equipment'),
    (18, 'XVIII', 'Optical, photographic, measuring, medical instruments; clocks and watches; musical instruments'),
    (19, 'XIX', 'Arms and ammunition'),
    (20, 'XX', 'Miscellaneous manufactured articles'),
    (21, 'XXI', 'Works of art, collectors'' pieces and antiques');

INSERT INTO hs_chapter VALUES
    ('01', 1, 'Live animals'), ('02', 1, 'Meat and edible meat offal'),
    ('03', 1, 'Fish and crustaceans, molluscs and other aquatic invertebrates'),
    ('04', 1, 'Dairy produce; birds'' eggs; natural honey; edible products of animal origin n.e.s.'),
    ('05', 1, 'Products of animal origin n.e.s.'),
    ('06', 2, 'Live trees and other plants; cut flowers'), ('07', 2, 'Edible vegetables and certain roots and tubers'),
    ('08', 2, 'Edible fruit and nuts; peel of citrus fruit or melons'), ('09', 2, 'Coffee, tea, maté and spices'),
    ('10', 2, 'Cereals'), ('11', 2, 'Products of the milling industry; malt; starches; inulin; wheat gluten'),
    ('12', 2, 'Oil seeds and oleaginous fruits; industrial or medicinal plants; straw and fodder'),
    ('13', 2, 'Lac; gums, resins and other vegetable saps and extracts'),
    ('14', 2, 'Vegetable plaiting materials; vegetable products n.e.s.'),
    ('15', 3, 'Animal, vegetable or microbial fats and oils; prepared edible fats; waxes'),
    ('16', 4, 'Preparations of meat, fish, crustaceans or molluscs'), ('17', 4, 'Sugars and sugar confectionery'),
    ('18', 4, 'Cocoa and cocoa preparations'), ('19', 4, 'Preparations of cereals, flour, starch or milk; pastrycooks'' products'),
    ('20', 4, 'Preparations of vegetables, fruit, nuts or other parts of plants'), ('21', 4, 'Miscellaneous edible preparations'),
    ('22', 4, 'Beverages, spirits and vinegar'), ('23', 4, 'Residues and waste from the food industries; prepared animal fodder'),
    ('24', 4, 'Tobacco and manufactured tobacco substitutes'),
    ('25', 5, 'Salt; sulphur; earths and stone; plastering materials, lime and cement'), ('26', 5, 'Ores, slag and ash'),
    ('27', 5, 'Mineral fuels, mineral oils and products of their distillation; bituminous substances; mineral waxes'),
    ('28', 6, 'Inorganic chemicals; compounds of precious metals, rare-earth metals, radioactive elements'),
    ('29', 6, 'Organic chemicals'), ('30', 6, 'Pharmaceutical products'), ('31', 6, 'Fertilisers'),
    ('32', 6, 'Tanning or dyeing extracts; dyes, pigments, paints and varnishes; inks'),
    ('33', 6, 'Essential oils and resinoids; perfumery, cosmetic or toilet preparations'),
    ('34', 6, 'Soap, washing and lubricating preparations, waxes, candles, modelling pastes'),
    ('35', 6, 'Albuminoidal substances; modified starches; glues; enzymes'),
    ('36', 6, 'Explosives; pyrotechnic products; matches; pyrophoric alloys'),
    ('37', 6, 'Photographic or cinematographic goods'), ('38', 6, 'Miscellaneous chemical products'),
    ('39', 7, 'Plastics and articles thereof'), ('40', 7, 'Rubber and articles thereof'),
    ('41', 8, 'Raw hides and skins (other than furskins) and leather'),
    ('42', 8, 'Articles of leather; saddlery and harness; travel goods, handbags'),
    ('43', 8, 'Furskins and artificial fur; manufactures thereof'),
    ('44', 9, 'Wood and articles of wood; wood charcoal'), ('45', 9, 'Cork and articles of cork'),
    ('46', 9, 'Manufactures of straw, esparto or other plaiting materials; basketware'),
    ('47', 10, 'Pulp of wood or other fibrous cellulosic material; recovered paper'),
    ('48', 10, 'Paper and paperboard; articles of paper pulp, paper or paperboard'),
    ('49', 10, 'Printed books, newspapers, pictures and other products of the printing industry'),
    ('50', 11, 'Silk'), ('51', 11, 'Wool, fine or coarse animal hair; horsehair yarn and woven fabric'),
    ('52', 11, 'Cotton'), ('53', 11, 'Other vegetable textile fibres; paper yarn and woven fabrics of paper yarn'),
    ('54', 11, 'Man-made filaments'), ('55', 11, 'Man-made staple fibres'),
    ('56', 11, 'Wadding, felt and nonwovens; special yarns; twine, cordage, ropes and cables'),
    ('57', 11, 'Carpets and other textile floor coverings'),
    ('58', 11, 'Special woven fabrics; tufted textile fabrics; lace; tapestries; trimmings; embroidery'),
    ('59', 11, 'Impregnated, coated, covered or laminated textile fabrics; textile articles for industrial use'),
    ('60', 11, 'Knitted or crocheted fabrics'), ('61', 11, 'Articles of apparel and clothing accessories, knitted or crocheted'),
    ('62', 11, 'Articles of apparel and clothing accessories, not knitted or crocheted'),
    ('63', 11, 'Other made up textile articles; sets; worn clothing; rags'),
    ('64', 12, 'Footwear, gaiters and the like; parts of such articles'), ('65', 12, 'Headgear and parts thereof'),
    ('66', 12, 'Umbrellas, sun umbrellas, walking-sticks, whips, riding-crops'),
    ('67', 12, 'Prepared feathers and down; artificial flowers; articles of human hair'),
    ('68', 13, 'Articles of stone, plaster, cement, asbestos, mica or similar materials'),
    ('69', 13, 'Ceramic products'), ('70', 13, 'Glass and glassware'),
    ('71', 14, 'Natural or cultured pearls, precious or semi-precious stones, precious metals; imitation jewellery; coin'),
    ('72', 15, 'Iron and steel'), ('73', 15, 'Articles of iron or steel'), ('74', 15, 'Copper and articles thereof'),
    ('75', 15, 'Nickel and articles thereof'), ('76', 15, 'Aluminium and articles thereof'),
    ('78', 15, 'Lead and articles thereof'), ('79', 15, 'Zinc and articles thereof'), ('80', 15, 'Tin and articles thereof'),
    ('81', 15, 'Other base metals; cermets; articles thereof'),
    ('82', 15, 'Tools, implements, cutlery, spoons and forks, of base metal'),
    ('83', 15, 'Miscellaneous articles of base metal'),
    ('84', 16, 'Nuclear reactors, boilers, machinery and mechanical appliances; parts thereof'),
    ('85', 16, 'Electrical machinery and equipment; sound recorders and reproducers, television apparatus; parts'),
    ('86', 17, 'Railway or tramway locomotives, rolling stock and parts; track fixtures; traffic signalling equipment'),
    ('87', 17, 'Vehicles other than railway or tramway rolling stock, and parts and accessories thereof'),
    ('88', 17, 'Aircraft, spacecraft, and parts thereof'), ('89', 17, 'Ships, boats and floating structures'),
    ('90', 18, 'Optical, photographic, cinematographic, measuring, checking, medical or surgical instruments'),
    ('91', 18, 'Clocks and watches and parts thereof'), ('92', 18, 'Musical instruments; parts and accessories'),
    ('93', 19, 'Arms and ammunition; parts and accessories thereof'),
    ('94', 20, 'Furniture; bedding, mattresses, cushions; luminaires; prefabricated buildings'),
    ('95', 20, 'Toys, games and sports requisites; parts and accessories thereof'),
    ('96', 20, 'Miscellaneous manufactured articles'),
    ('97', 21, 'Works of art, collectors'' pieces and antiques'),
    ('99', NULL, 'Commodities not specified according to kind');
