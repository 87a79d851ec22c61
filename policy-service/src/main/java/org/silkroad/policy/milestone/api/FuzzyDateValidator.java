package org.silkroad.policy.milestone.api;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Checks {@link FuzzyDate}; tells a badly written date from a well written one that does not exist. */
public class FuzzyDateValidator implements ConstraintValidator<FuzzyDate, String> {

    private static final Pattern WRITTEN = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        if (!WRITTEN.matcher(value).matches()) {
            return refuse(context, "must be written YYYY, YYYY-MM or YYYY-MM-DD");
        }
        try {
            // java.time parses ISO dates strictly: 2013-02-30 and 2013-13 are errors, not rolled over.
            switch (value.length()) {
                case 7 -> YearMonth.parse(value);
                case 10 -> LocalDate.parse(value);
                default -> { /* any four digits are a year */ }
            }
            return true;
        } catch (DateTimeParseException e) {
            return refuse(context, "must be a real calendar date");
        }
    }

    private static boolean refuse(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
        return false;
    }
}
