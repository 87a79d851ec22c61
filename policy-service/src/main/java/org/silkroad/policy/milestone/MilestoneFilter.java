package org.silkroad.policy.milestone;

import org.silkroad.policy.milestone.domain.MilestoneCategory;
import org.silkroad.policy.milestone.domain.MilestoneStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Which milestones a timeline asks for; an empty field means any. Years are inclusive and a period matches when it
 * overlaps them. Several actors match a milestone naming any of them. {@code status} is the status on {@code at}.
 */
public record MilestoneFilter(Optional<MilestoneCategory> category, List<String> actors,
                              Optional<Integer> fromYear, Optional<Integer> toYear,
                              Optional<MilestoneStatus> status, LocalDate at,
                              Optional<String> text, Optional<OffsetDateTime> updatedAfter,
                              Optional<String> parent) {

    public static MilestoneFilter all(LocalDate at) {
        return new MilestoneFilter(Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), at,
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
