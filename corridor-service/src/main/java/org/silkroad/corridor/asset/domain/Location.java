package org.silkroad.corridor.asset.domain;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where an asset is, in GeoJSON geometry form: a {@code Point} with {@code [longitude, latitude]} or a
 * {@code LineString} with a list of such positions (a route through its main places). {@code approximate} says the
 * position is town-level (most are: the sources give no coordinates, the service's editors added them).
 * Validity (order lon/lat, ranges, at least two positions on a line) is checked by {@link ValidLocation}.
 */
@ValidLocation
public record Location(String type, JsonNode coordinates, Boolean approximate) {
}
