package org.silkroad.policy.milestone.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** What kind of step in China-Kazakhstan policy a milestone is; the list of the shared data set policy_milestones.json. */
public enum MilestoneCategory {
    EVENT, PROGRAMME, STRATEGY, AGREEMENT, JOINT_STATEMENT, PARTNERSHIP_LEVEL, INSTITUTION, BORDER, TARGET;

    /**
     * The codes as one regular expression, for input validation (annotations need a constant).
     * {@code MilestoneCategoryTest} keeps it equal to the constants above, and the migration's CHECK lists the same codes.
     */
    public static final String CODES = "event|programme|strategy|agreement|joint_statement|partnership_level"
            + "|institution|border|target";

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static MilestoneCategory fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown milestone category '" + code + "'; expected one of "
                        + CODES.replace("|", ", ")));
    }
}
