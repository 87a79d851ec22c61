package org.silkroad.gateway.dashboard;

import java.time.OffsetDateTime;
import java.util.List;

/** The operations overview: per owning service, what reached the gateway and how fresh it is. */
public record Overview(OffsetDateTime asOf, List<SourceOverview> sources, long deadLetters) {
}
