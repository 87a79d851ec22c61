package org.silkroad.corridor.measurement.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static org.silkroad.corridor.measurement.domain.Dimension.*;

/**
 * What a measurement measures. The CAREC Corridor Performance Measurement and Monitoring (CPMM) indicators are
 * {@link #CROSSING_TIME}, {@link #CROSSING_COST}, {@link #SECTION_COST}, {@link #SPEED_WITHOUT_DELAY} and
 * {@link #SPEED_WITH_DELAY}; the others carry the figures of the source studies (lengths, counts, shares, amounts).
 * Every metric is non-negative.
 */
public enum Metric {
    THROUGHPUT(EnumSet.of(MASS, VOLUME, CONTAINERS, TRAINS, VEHICLES, WAGONS)),
    CAPACITY(EnumSet.of(MASS, VOLUME, CONTAINERS, TRAINS, VEHICLES, WAGONS)),
    CROSSING_TIME(EnumSet.of(DURATION)),
    CROSSING_COST(EnumSet.of(MONEY_USD)),
    SECTION_COST(EnumSet.of(MONEY_USD)),
    SPEED_WITHOUT_DELAY(EnumSet.of(SPEED)),
    SPEED_WITH_DELAY(EnumSet.of(SPEED)),
    LENGTH(EnumSet.of(Dimension.LENGTH)),
    COUNT(EnumSet.of(Dimension.COUNT)),
    SHARE(EnumSet.of(Dimension.SHARE)),
    AMOUNT(EnumSet.of(MONEY_USD, MONEY_KZT));

    public static final String CODES = "throughput|capacity|crossing_time|crossing_cost|section_cost|speed_without_delay"
            + "|speed_with_delay|length|count|share|amount";

    private final Set<Dimension> dimensions;

    Metric(Set<Dimension> dimensions) {
        this.dimensions = dimensions;
    }

    public boolean accepts(Unit unit) {
        return dimensions.contains(unit.dimension());
    }

    /** Whether values of successive periods add up to a total (throughput) rather than average (time, speed). */
    public boolean isAdditive() {
        return this == THROUGHPUT || this == COUNT || this == AMOUNT || this == SECTION_COST;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Metric> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code().equals(code)).findFirst();
    }
}
