package org.silkroad.policy.milestone.api;

import org.silkroad.policy.milestone.domain.Milestone;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The public shape of a milestone: the API answers with it and {@code policy.milestones.v1} carries it, so a partner
 * reading the topic sees exactly what a reader of the API sees.
 */
public record MilestoneView(
        String id,
        String title,
        String category,
        String date,
        List<String> actors,
        String summary,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static MilestoneView of(Milestone m) {
        return new MilestoneView(m.id, m.title, m.category.code(), m.date, List.copyOf(m.actors), m.summary,
                m.version, m.createdAt, m.updatedAt);
    }
}
