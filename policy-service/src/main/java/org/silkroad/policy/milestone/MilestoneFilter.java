package org.silkroad.policy.milestone;

import org.silkroad.policy.milestone.domain.MilestoneCategory;

import java.util.Optional;

/** Which milestones a list asks for; an empty field means any. The years are inclusive. */
public record MilestoneFilter(Optional<MilestoneCategory> category, Optional<String> actor,
                              Optional<Integer> fromYear, Optional<Integer> toYear) {
}
