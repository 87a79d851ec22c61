package org.silkroad.corridor.status.api;

import org.silkroad.corridor.status.domain.StatusChange;

import java.time.OffsetDateTime;

/** A status transition as the API lists it and {@code corridor.status.v1} carries it. */
public record StatusChangeView(String assetId, long sequence, String from, String to, String reason, String cause,
                               String windowFrom, String windowUntil, OffsetDateTime changedAt) {

    public static StatusChangeView of(StatusChange c) {
        return new StatusChangeView(c.assetId, c.sequence, c.fromStatus.code(), c.toStatus.code(), c.reason, c.cause,
                c.windowFrom, c.windowUntil, c.changedAt);
    }
}
