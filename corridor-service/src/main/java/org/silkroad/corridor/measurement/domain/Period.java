package org.silkroad.corridor.measurement.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a measurement covers: a day (2020-03-15), a month (2020-03), a quarter (2020-Q1) or a year (2020).
 * {@code start} and {@code end} are its first and last day, inclusive.
 */
public record Period(String value, String type, LocalDate start, LocalDate end) {

    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(?:Q([1-4])|(\\d{2})(?:-(\\d{2}))?))?");

    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) != null) {
                int q = Integer.parseInt(m.group(2));
                LocalDate start = LocalDate.of(year, 3 * q - 2, 1);
                return Optional.of(new Period(text.trim(), "quarter", start, start.plusMonths(3).minusDays(1)));
            }
            if (m.group(4) != null) {
                LocalDate day = LocalDate.of(year, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
                return Optional.of(new Period(text.trim(), "day", day, day));
            }
            if (m.group(3) != null) {
                YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(3)));
                return Optional.of(new Period(text.trim(), "month", month.atDay(1), month.atEndOfMonth()));
            }
            return Optional.of(new Period(text.trim(), "year", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
        } catch (DateTimeException outOfRange) {
            return Optional.empty();
        }
    }

    /** The rate basis a total over this period is "per": 6 Mt in 2019 is 6 Mt/year. */
    @JsonIgnore
    public RateBasis basis() {
        return RateBasis.fromCode(type).orElseThrow();
    }

    @JsonIgnore
    public int year() {
        return start.getYear();
    }
}
