package org.silkroad.corridor.asset.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * What kind of corridor element an asset is. The list is the one the shared corridor data set uses
 * (/work/shared/data/corridors.json); seaports and programme-level items are {@code other} there too.
 */
public enum AssetKind {
    BORDER_CROSSING, RAIL_SERVICE, RAIL_LINE, HIGHWAY, HIGHWAY_PROJECT, OIL_PIPELINE, GAS_PIPELINE, DRY_PORT,
    LOGISTICS_HUB, COOPERATION_ZONE, SPECIAL_ECONOMIC_ZONE, AIRLINE_NETWORK, OTHER;

    /**
     * The codes as one regular expression, for input validation (annotations need a constant).
     * {@code AssetKindTest} keeps it equal to the constants above, and the migration's CHECK lists the same codes.
     */
    public static final String CODES = "border_crossing|rail_service|rail_line|highway|highway_project|oil_pipeline"
            + "|gas_pipeline|dry_port|logistics_hub|cooperation_zone|special_economic_zone|airline_network|other";

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AssetKind fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown asset kind '" + code + "'; expected one of "
                        + CODES.replace("|", ", ")));
    }
}
