package org.silkroad.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * An ISO date that exists on the calendar. A pattern alone lets 2021-02-30 through to {@code LocalDate.parse}, which
 * then fails as a 500; this makes it a 400 naming the parameter, like every other bad value.
 */
@Documented
@Constraint(validatedBy = CalendarDate.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface CalendarDate {

    String message() default "must be a date such as 2021-06-30";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<CalendarDate, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return false; // LocalDate.parse would take a signed five-digit year
            }
            try {
                LocalDate.parse(value); // ISO_LOCAL_DATE resolves strictly: no 30 February
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
