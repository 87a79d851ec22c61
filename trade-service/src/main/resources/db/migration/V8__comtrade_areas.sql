-- Comtrade's own partner areas, which have an M49-style code but no ISO country: trade a reporter could not (or may
-- not) assign to a country. 490 "Other Asia, nes" is in practice Taiwan, Province of China; 837-839 are bunkers, free
-- zones and special categories. An import names the area as the partner (its code here); they are residual areas,
-- not aggregates, so they have no members.
INSERT INTO partner_group (code, m49, name, members) VALUES
    ('BR_ANTARCTIC_TERR', 80, 'British Antarctic Territory', NULL),
    ('CARIBBEAN_NES', 129, 'Caribbean, not elsewhere specified', NULL),
    ('EASTERN_EUROPE_NES', 221, 'Eastern Europe, not elsewhere specified', NULL),
    ('NORTHERN_AFRICA_NES', 290, 'Northern Africa, not elsewhere specified', NULL),
    ('CACM_NES', 471, 'Central American Common Market, not elsewhere specified', NULL),
    ('AFRICA_CAMEU_NES', 472, 'Africa CAMEU region, not elsewhere specified', NULL),
    ('LAIA_NES', 473, 'LAIA, not elsewhere specified', NULL),
    ('OTHER_ASIA_NES', 490, 'Other Asia, not elsewhere specified', NULL),
    ('EUROPE_EU_NES', 492, 'Europe EU, not elsewhere specified', NULL),
    ('OCEANIA_NES', 527, 'Oceania, not elsewhere specified', NULL),
    ('NEUTRAL_ZONE', 536, 'Neutral zone', NULL),
    ('OTHER_EUROPE_NES', 568, 'Other Europe, not elsewhere specified', NULL),
    ('OTHER_AFRICA_NES', 577, 'Other Africa, not elsewhere specified', NULL),
    ('REST_OF_AMERICA_NES', 636, 'Rest of America, not elsewhere specified', NULL),
    ('N_C_AMERICA_NES', 637, 'North America and Central America, not elsewhere specified', NULL),
    ('EUROPE_EFTA_NES', 697, 'Europe EFTA, not elsewhere specified', NULL),
    ('BUNKERS', 837, 'Bunkers', NULL),
    ('FREE_ZONES', 838, 'Free zones', NULL),
    ('SPECIAL_CATEGORIES', 839, 'Special categories', NULL),
    ('US_MISC_PACIFIC', 849, 'US Miscellaneous Pacific Islands', NULL),
    ('WESTERN_ASIA_NES', 879, 'Western Asia, not elsewhere specified', NULL),
    ('AREAS_NES', 899, 'Areas, not elsewhere specified', NULL)
ON CONFLICT (code) DO NOTHING;
