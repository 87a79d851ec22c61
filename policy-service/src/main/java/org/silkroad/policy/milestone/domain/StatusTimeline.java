package org.silkroad.policy.milestone.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The days on which a milestone's lifecycle dates take effect, and so its status on any day.
 *
 * <p>A fuzzy lifecycle date names the period in which a step happened. A step that starts something (announced,
 * signed, in force) counts from the first day of its period; a step that ends something (completed, expired,
 * superseded, withdrawn) counts from the day after its period, because a programme "2015-2019" still runs in 2019.
 * When several end steps are known, the earliest one ends the milestone.
 *
 * <p>The same rule exists once more as SQL in {@code MilestoneTimeline} (over the columns this class fills), so lists
 * can filter by status at a date; {@code StatusAtDateTest} keeps the two in step.
 */
public record StatusTimeline(LocalDate announcedOn, LocalDate signedOn, LocalDate inForceOn,
                             LocalDate endedOn, MilestoneStatus endedAs) {

    public static StatusTimeline of(LifecycleDates dates) {
        Optional<Map.Entry<MilestoneStatus, LocalDate>> end = Stream.of(
                        entry(MilestoneStatus.COMPLETED, dates.completed),
                        entry(MilestoneStatus.EXPIRED, dates.expired),
                        entry(MilestoneStatus.SUPERSEDED, dates.superseded),
                        entry(MilestoneStatus.WITHDRAWN, dates.withdrawn))
                .flatMap(Optional::stream)
                .min(Map.Entry.comparingByValue(Comparator.naturalOrder()));
        return new StatusTimeline(start(dates.announced), start(dates.signed), start(dates.inForce),
                end.map(Map.Entry::getValue).orElse(null), end.map(Map.Entry::getKey).orElse(null));
    }

    public MilestoneStatus statusAt(LocalDate day) {
        if (endedOn != null && !endedOn.isAfter(day)) {
            return endedAs;
        }
        if (inForceOn != null && !inForceOn.isAfter(day)) {
            return MilestoneStatus.IN_FORCE;
        }
        if (signedOn != null && !signedOn.isAfter(day)) {
            return MilestoneStatus.SIGNED;
        }
        if (announcedOn != null && !announcedOn.isAfter(day)) {
            return MilestoneStatus.ANNOUNCED;
        }
        return announcedOn == null && signedOn == null && inForceOn == null && endedOn == null
                ? MilestoneStatus.UNKNOWN : MilestoneStatus.PENDING;
    }

    private static LocalDate start(String fuzzy) {
        return fuzzy == null ? null : PartialDate.of(fuzzy).firstDay();
    }

    private static Optional<Map.Entry<MilestoneStatus, LocalDate>> entry(MilestoneStatus status, String fuzzy) {
        return fuzzy == null ? Optional.empty() : Optional.of(Map.entry(status, PartialDate.of(fuzzy).lastDay().plusDays(1)));
    }
}
