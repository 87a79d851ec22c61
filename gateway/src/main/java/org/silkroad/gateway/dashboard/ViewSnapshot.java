package org.silkroad.gateway.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One view as served at one instant: its body (data plus asOf and freshness) and the tag over what matters.
 *
 * @param tag the opaque part of the weak ETag
 */
public record ViewSnapshot(String view, String tag, ObjectNode body) {

    /** The tag as an HTTP header value. */
    public String etag() {
        return "W/\"" + tag + "\"";
    }
}
