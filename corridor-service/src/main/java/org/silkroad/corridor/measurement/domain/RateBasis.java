package org.silkroad.corridor.measurement.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The period a rate is expressed per ("per year" in 20 Mt/year). Conversions between bases use a 365-day year, a
 * month of 365/12 days and a quarter of 365/4 days: capacities and CPMM figures are quoted on that convention, and
 * a calendar-exact conversion would make "20 Mt/year" depend on the year.
 */
public enum RateBasis {
    DAY(1), WEEK(7), MONTH(365.0 / 12), QUARTER(365.0 / 4), YEAR(365);

    private final double days;

    RateBasis(double days) {
        this.days = days;
    }

    public double days() {
        return days;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RateBasis> fromCode(String code) {
        return Arrays.stream(values()).filter(b -> b.code().equals(code)).findFirst();
    }
}
