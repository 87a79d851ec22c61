package org.silkroad.gateway.dashboard;

import java.time.OffsetDateTime;

/**
 * How current one owning service's part of a view is.
 *
 * @param ageSeconds age of the newest event applied from this source at {@code asOf}; null before the first
 * @param stale      true when Kafka is unreachable, nothing has arrived yet, or the source has been silent longer
 *                   than {@code gateway.freshness.silent-after}
 * @param reason     why it is stale, null when it is not
 */
public record SourceFreshness(String source, OffsetDateTime lastEventAt, Long ageSeconds, boolean stale, String reason) {
}
