package org.silkroad.gateway.dashboard;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * What the read model holds from one owning service (its age and staleness are in the view's {@code freshness}).
 *
 * @param aggregates     live (not deleted) aggregates per topic
 * @param lastEventAt    time of the newest event applied, null before the first
 */
public record SourceOverview(String source, long aggregateCount, Map<String, Long> aggregates, long eventsApplied,
                             OffsetDateTime lastEventAt) {
}
