package org.silkroad.corridor.map;

import java.util.Optional;

/**
 * Which assets a map asks for: every filter empty means all. {@code bbox} keeps assets with a position (a point, or a
 * vertex of a line) inside {@code [west, south, east, north]} in degrees; {@code size} empty means every match in one
 * answer, as before paging existed.
 */
public record MapQuery(Optional<String> kind, Optional<String> country, Optional<String> status, Optional<String> mode,
                       Optional<String> text, Optional<BoundingBox> bbox, int page, Optional<Integer> size) {

    /** A lon/lat box; west ≤ east (a box across the antimeridian is asked as two). */
    public record BoundingBox(double west, double south, double east, double north) {
    }

    /** The query's identity in a cache key and an ETag. */
    String key() {
        return String.join("|", kind.orElse(""), country.orElse(""), status.orElse(""), mode.orElse(""), text.orElse(""),
                bbox.map(Object::toString).orElse(""), String.valueOf(page), size.map(String::valueOf).orElse("all"));
    }
}
