package org.silkroad.policy.milestone.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The typed lifecycle dates of a milestone, each as precise as its source ({@code YYYY}, {@code YYYY-MM},
 * {@code YYYY-MM-DD}) and each possibly unknown (null).
 */
@Embeddable
public class LifecycleDates {

    public String announced;
    public String signed;
    @Column(name = "in_force")
    public String inForce;
    public String completed;
    public String expired;
    public String superseded;
    public String withdrawn;

    /** The dates in lifecycle order, by their API field names; unknown ones included as null. */
    public Map<String, String> byField() {
        Map<String, String> dates = new LinkedHashMap<>();
        dates.put("announced", announced);
        dates.put("signed", signed);
        dates.put("inForce", inForce);
        dates.put("completed", completed);
        dates.put("expired", expired);
        dates.put("superseded", superseded);
        dates.put("withdrawn", withdrawn);
        return dates;
    }

    public boolean isEmpty() {
        return byField().values().stream().allMatch(Objects::isNull);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LifecycleDates other && byField().equals(other.byField());
    }

    @Override
    public int hashCode() {
        return byField().hashCode();
    }
}
