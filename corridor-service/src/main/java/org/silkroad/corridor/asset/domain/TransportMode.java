package org.silkroad.corridor.asset.domain;

/** How goods move through an asset. Codes are lower case, as in the API. */
public final class TransportMode {

    public static final String CODES = "road|rail|road_rail|pipeline|air|sea|multimodal|other";

    private TransportMode() {
    }
}
