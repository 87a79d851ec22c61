package org.silkroad.policy.milestone.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.silkroad.policy.milestone.api.FuzzyDate;

import java.util.List;

/**
 * A date another statement gives for the same step ("signed in 2017" where other passages say 2016). Conflicting
 * statements are kept side by side with their provenance, never merged into one date.
 */
public record AlternativeDate(
        @NotNull @Pattern(regexp = FIELDS, message = "must be one of " + FIELDS) String field,
        @NotNull @FuzzyDate String date,
        @NotEmpty(message = "must say which statement gives this date") List<@Valid @NotNull Source> sources,
        @Size(max = 2000) String note) {

    /** The dates a statement can contradict: the milestone's own date and end, and each lifecycle date. */
    public static final String FIELDS = "date|dateEnd|announced|signed|inForce|completed|expired|superseded|withdrawn";
}
