package org.silkroad.trade.analysis.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * One place where the figures do not fit together: sources disagreeing on the same figure, or a printed figure that
 * disagrees with what the values imply. {@code items} are the observations and printed figures involved.
 *
 * @param severity {@code minor} when the difference looks like rounding (under 1 %), otherwise {@code major}
 */
public record Finding(String kind, String severity, String reporter, String partner, String flow, String commodity,
                      Integer year, String message, List<Item> items) {

    public static final String SOURCES_DISAGREE = "SOURCES_DISAGREE";
    public static final String PRINTED_FIGURES_DISAGREE = "PRINTED_FIGURES_DISAGREE";
    public static final String PRINTED_GROWTH_MISMATCH = "PRINTED_GROWTH_MISMATCH";
    public static final String PRINTED_SHARE_MISMATCH = "PRINTED_SHARE_MISMATCH";
    public static final String PRINTED_BALANCE_MISMATCH = "PRINTED_BALANCE_MISMATCH";
    public static final String COMPONENTS_DO_NOT_ADD_UP = "COMPONENTS_DO_NOT_ADD_UP";
    public static final String REPEATED_VALUE = "REPEATED_VALUE";
    public static final String IMPLAUSIBLE_JUMP = "IMPLAUSIBLE_JUMP";
    public static final String SOURCE_CAVEAT = "SOURCE_CAVEAT";
    public static final java.util.Set<String> KINDS = java.util.Set.of(SOURCES_DISAGREE, PRINTED_FIGURES_DISAGREE,
            PRINTED_GROWTH_MISMATCH, PRINTED_SHARE_MISMATCH, PRINTED_BALANCE_MISMATCH, COMPONENTS_DO_NOT_ADD_UP, REPEATED_VALUE,
            IMPLAUSIBLE_JUMP, SOURCE_CAVEAT);

    /** @param type {@code observation} or {@code printed} (a printed indicator such as a growth rate) */
    public record Item(String type, UUID id, String indicator, BigDecimal value, String unit, BigDecimal valueUsd,
                       String source, String note) {
    }
}
