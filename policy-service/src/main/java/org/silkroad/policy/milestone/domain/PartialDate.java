package org.silkroad.policy.milestone.domain;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;

/**
 * A date as precise as its source: a year, a month or a day. It stands for a whole period, so comparisons ask about
 * its first or its last day rather than pretending "2013" means 2013-01-01.
 */
public record PartialDate(String text) {

    public enum Precision { YEAR, MONTH, DAY }

    /** Parses a date already checked by {@code @FuzzyDate}; null stays null. */
    public static PartialDate of(String text) {
        return text == null || text.isBlank() ? null : new PartialDate(text);
    }

    public Precision precision() {
        return switch (text.length()) {
            case 4 -> Precision.YEAR;
            case 7 -> Precision.MONTH;
            default -> Precision.DAY;
        };
    }

    public LocalDate firstDay() {
        return switch (precision()) {
            case YEAR -> Year.parse(text).atDay(1);
            case MONTH -> YearMonth.parse(text).atDay(1);
            case DAY -> LocalDate.parse(text);
        };
    }

    public LocalDate lastDay() {
        return switch (precision()) {
            case YEAR -> Year.parse(text).atMonth(12).atEndOfMonth();
            case MONTH -> YearMonth.parse(text).atEndOfMonth();
            case DAY -> LocalDate.parse(text);
        };
    }

    /** True when every day this date may stand for lies before every day {@code other} may stand for. */
    public boolean certainlyBefore(PartialDate other) {
        return lastDay().isBefore(other.firstDay());
    }

    @Override
    public String toString() {
        return text;
    }
}
