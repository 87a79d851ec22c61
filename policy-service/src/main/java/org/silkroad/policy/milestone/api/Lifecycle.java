package org.silkroad.policy.milestone.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.silkroad.policy.milestone.domain.LifecycleDates;

/** The typed lifecycle dates as the API and the data files write them; any of them may be unknown (null). */
public record Lifecycle(
        @FuzzyDate String announced,
        @FuzzyDate String signed,
        @JsonAlias("in_force") @FuzzyDate String inForce,
        @FuzzyDate String completed,
        @FuzzyDate String expired,
        @FuzzyDate String superseded,
        @FuzzyDate String withdrawn) {

    public static final Lifecycle UNKNOWN = new Lifecycle(null, null, null, null, null, null, null);

    public static Lifecycle of(LifecycleDates d) {
        return d == null ? UNKNOWN : new Lifecycle(d.announced, d.signed, d.inForce, d.completed, d.expired, d.superseded, d.withdrawn);
    }

    public LifecycleDates toDates() {
        LifecycleDates d = new LifecycleDates();
        d.announced = announced;
        d.signed = signed;
        d.inForce = inForce;
        d.completed = completed;
        d.expired = expired;
        d.superseded = superseded;
        d.withdrawn = withdrawn;
        return d;
    }
}
