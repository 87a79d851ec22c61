package org.silkroad.policy.milestone.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.silkroad.policy.milestone.domain.MilestoneCategory;

import java.util.List;

/** What a client sends to record one milestone; the id is the client's choice so data files can refer to it. */
public record NewMilestone(
        @NotNull @Size(max = 80) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a lower-case slug such as kz-independence") String id,
        @NotBlank(message = "must give the milestone a title") @Size(max = 500) String title,
        @NotNull @Pattern(regexp = MilestoneCategory.CODES, message = "must be one of " + MilestoneCategory.CODES) String category,
        @NotNull @FuzzyDate String date,
        @NotEmpty(message = "must name at least one actor") List<@NotBlank @Size(max = 80) String> actors,
        @Size(max = 4000) String summary) {
}
