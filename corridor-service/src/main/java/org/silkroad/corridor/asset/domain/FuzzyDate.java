package org.silkroad.corridor.asset.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date only as precise as its source: a decade ("1980s"), a year ("2006"), a month ("2014-12") or a day
 * ("2014-12-03"). {@code value} is kept exactly as given, so it round-trips; {@code earliest} and {@code latest}
 * bound it for sorting and filtering.
 */
public record FuzzyDate(String value, String precision, LocalDate earliest, LocalDate latest) {

    public static final String PATTERN = "\\d{3}0s|\\d{4}(-\\d{2}(-\\d{2})?)?";
    private static final Pattern FORM = Pattern.compile("(\\d{3})0s|(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    public static Optional<FuzzyDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            if (m.group(1) != null) {
                int decade = Integer.parseInt(m.group(1)) * 10;
                return Optional.of(new FuzzyDate(text, "decade", LocalDate.of(decade, 1, 1), LocalDate.of(decade + 9, 12, 31)));
            }
            int year = Integer.parseInt(m.group(2));
            if (m.group(4) != null) {
                LocalDate day = LocalDate.of(year, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
                return Optional.of(new FuzzyDate(text, "day", day, day));
            }
            if (m.group(3) != null) {
                YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(3)));
                return Optional.of(new FuzzyDate(text, "month", month.atDay(1), month.atEndOfMonth()));
            }
            return Optional.of(new FuzzyDate(text, "year", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
        } catch (DateTimeException outOfRange) {
            return Optional.empty();
        }
    }
}
