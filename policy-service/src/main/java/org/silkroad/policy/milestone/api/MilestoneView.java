package org.silkroad.policy.milestone.api;

import org.silkroad.policy.milestone.domain.AlternativeDate;
import org.silkroad.policy.milestone.domain.Milestone;
import org.silkroad.policy.milestone.domain.PartialDate;
import org.silkroad.policy.milestone.domain.Source;
import org.silkroad.policy.milestone.domain.Target;
import org.silkroad.policy.milestone.domain.TradeSeries;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The public shape of a milestone: the API answers with it and {@code policy.milestones.v1} carries it, so a partner
 * reading the topic sees exactly what a reader of the API sees. {@code status} is derived from the lifecycle dates for
 * the day {@code statusAsOf} (today unless the reader asked for another day).
 */
public record MilestoneView(
        String id,
        String title,
        String category,
        String date,
        String dateEnd,
        String datePrecision,
        List<String> actors,
        String summary,
        String notes,
        List<Source> sources,
        Lifecycle lifecycle,
        String status,
        LocalDate statusAsOf,
        List<AlternativeDate> alternativeDates,
        String parent,
        LinksView links,
        List<Target> targets,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** The other services own what links point at; this one cannot know whether it exists, and says so. */
    public static final String RESOLVED_UNKNOWN = "unknown";

    public record LinksView(List<CorridorAssetLink> corridorAssets, List<TradeSeriesLink> tradeSeries) {
    }

    public record CorridorAssetLink(String id, String resolved) {
    }

    public record TradeSeriesLink(String reporter, String partner, String flow, String commodity, String resolved) {
        public static TradeSeriesLink of(TradeSeries s) {
            return new TradeSeriesLink(s.reporter(), s.partner(), s.flow(), s.commodity(), RESOLVED_UNKNOWN);
        }
    }

    public static MilestoneView of(Milestone m, LocalDate asOf) {
        LinksView links = new LinksView(
                m.links.corridorAssets().stream().map(id -> new CorridorAssetLink(id, RESOLVED_UNKNOWN)).toList(),
                m.links.tradeSeries().stream().map(TradeSeriesLink::of).toList());
        return new MilestoneView(m.id, m.title, m.category.code(), m.date, m.dateEnd,
                PartialDate.of(m.date).precision().name().toLowerCase(java.util.Locale.ROOT),
                List.copyOf(m.actors), m.summary, m.notes, List.copyOf(m.sources), Lifecycle.of(m.lifecycle),
                m.timeline().statusAt(asOf).code(), asOf, List.copyOf(m.alternativeDates), m.parentId, links,
                List.copyOf(m.targets), m.version, m.createdAt, m.updatedAt);
    }

    /** What an editor would send to produce this milestone; two equal inputs mean nothing changed. */
    public static NewMilestone inputOf(Milestone m) {
        return new NewMilestone(m.id, m.title, m.category.code(), m.date, m.dateEnd, List.copyOf(m.actors), m.summary,
                m.notes, List.copyOf(m.sources), Lifecycle.of(m.lifecycle), List.copyOf(m.alternativeDates), m.parentId,
                m.links, List.copyOf(m.targets));
    }
}
