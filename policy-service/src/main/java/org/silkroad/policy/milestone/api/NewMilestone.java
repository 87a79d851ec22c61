package org.silkroad.policy.milestone.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.silkroad.policy.milestone.domain.AlternativeDate;
import org.silkroad.policy.milestone.domain.Links;
import org.silkroad.policy.milestone.domain.MilestoneCategory;
import org.silkroad.policy.milestone.domain.Source;
import org.silkroad.policy.milestone.domain.Target;

import java.util.List;
import java.util.Objects;

/**
 * What a client sends to record or replace one milestone; the id is the client's choice so data files can refer to it.
 * The aliases accept the field names of the shared data set ({@code date_end}, {@code source}, {@code note}), so
 * {@code policy_milestones.json} goes through the very same import as any editor's file.
 */
public record NewMilestone(
        @NotNull @Size(max = 80) @Pattern(regexp = ID, message = "must be a lower-case slug such as kz-independence") String id,
        @NotBlank(message = "must give the milestone a title") @Size(max = 500) String title,
        @NotNull @Pattern(regexp = MilestoneCategory.CODES, message = "must be one of " + MilestoneCategory.CODES) String category,
        @NotNull @FuzzyDate String date,
        @JsonAlias("date_end") @FuzzyDate String dateEnd,
        @NotEmpty(message = "must name at least one actor") List<@NotBlank @KnownActor String> actors,
        @Size(max = 4000) String summary,
        @JsonAlias("note") @Size(max = 4000) String notes,
        @JsonAlias("source") @Size(max = 50) List<@Valid @NotNull Source> sources,
        @Valid Lifecycle lifecycle,
        @JsonAlias("alternative_dates") @Size(max = 50) List<@Valid @NotNull AlternativeDate> alternativeDates,
        @Size(max = 80) @Pattern(regexp = ID, message = "must be the id of a milestone") String parent,
        @Valid Links links,
        @Size(max = 50) List<@Valid @NotNull Target> targets) {

    public static final String ID = "[a-z0-9]+(-[a-z0-9]+)*";

    /** Absent lists and empty texts mean "none", so a file that leaves them out and one that writes [] are the same. */
    public NewMilestone {
        summary = blankToNull(summary);
        notes = blankToNull(notes);
        sources = sources == null ? List.of() : sources;
        lifecycle = lifecycle == null ? Lifecycle.UNKNOWN : lifecycle;
        alternativeDates = alternativeDates == null ? List.of() : alternativeDates;
        links = links == null ? Links.NONE : links;
        targets = targets == null ? List.of() : targets;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    public boolean sameContentAs(NewMilestone other) {
        return Objects.equals(this, other);
    }
}
