package org.silkroad.gateway.readmodel;

import com.fasterxml.jackson.databind.JsonNode;

/** A one-line human description of an event for the feed, from whatever fields its payload carries. */
public final class EventLabel {

    private EventLabel() {
    }

    /** @param state the payload, or null for a tombstone */
    public static String of(String aggregateId, JsonNode state) {
        if (state == null) {
            return "deleted " + aggregateId;
        }
        for (String field : new String[]{"title", "name"}) {
            if (state.hasNonNull(field)) {
                return state.get(field).asText();
            }
        }
        if (state.hasNonNull("reporter") && state.hasNonNull("partner")) {
            StringBuilder label = new StringBuilder()
                    .append(state.path("reporter").asText()).append(' ')
                    .append(state.path("flow").asText("?")).append(' ')
                    .append(state.path("partner").asText()).append(' ')
                    .append(state.path("period").asText(""));
            if (state.path("valueUsd").isNumber()) {
                label.append(": ").append(String.format(java.util.Locale.ROOT, "%.3f bn USD",
                        state.get("valueUsd").asDouble() / 1e9));
            }
            return label.toString();
        }
        StringBuilder label = new StringBuilder(aggregateId);
        for (String field : new String[]{"assetId", "metric", "status", "value", "unit"}) {
            if (state.hasNonNull(field)) {
                label.append(' ').append(state.get(field).asText());
            }
        }
        return label.toString();
    }
}
