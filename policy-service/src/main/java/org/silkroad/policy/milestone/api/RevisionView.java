package org.silkroad.policy.milestone.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.silkroad.policy.milestone.domain.MilestoneRevision;

import java.time.OffsetDateTime;

/** One entry of a milestone's history: the state as it was published at that version. */
public record RevisionView(long version, OffsetDateTime changedAt, String changedBy, String reason, JsonNode state) {

    public static RevisionView of(MilestoneRevision r) {
        return new RevisionView(r.version, r.changedAt, r.changedBy, r.reason, r.state);
    }
}
