package org.silkroad.gateway.readmodel.rebuild;

import java.time.OffsetDateTime;

/**
 * What one rebuild did.
 *
 * @param recordsRead  every record between the beginning of the topics and their end when the rebuild started
 * @param unreadable   records skipped because they are on the dead-letter topics already
 * @param checkMs      time spent reading envelopes and checking payloads against their schemas
 * @param applyMs      time spent applying batches to the read model (statements and commits)
 */
public record RebuildReport(OffsetDateTime startedAt, long recordsRead, long applied, long unreadable, long durationMs,
                            double recordsPerSecond, long checkMs, long applyMs) {
}
