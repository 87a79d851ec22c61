package org.silkroad.policy.milestone.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** Where a milestone stands on a given day, derived from its lifecycle dates; never stored as a free field. */
public enum MilestoneStatus {
    /** No lifecycle date is known, so nothing can be said. */
    UNKNOWN,
    /** Before the first known lifecycle date. */
    PENDING,
    ANNOUNCED, SIGNED, IN_FORCE, COMPLETED, EXPIRED, SUPERSEDED, WITHDRAWN;

    public static final String CODES = "unknown|pending|announced|signed|in_force|completed|expired|superseded|withdrawn";

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static MilestoneStatus fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown status '" + code + "'"));
    }
}
