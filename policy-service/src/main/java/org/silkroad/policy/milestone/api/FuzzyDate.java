package org.silkroad.policy.milestone.api;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date as precise as its source: {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, and a real one
 * (a pattern alone would let 2013-02-30 through). Null is valid; combine with {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = FuzzyDateValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface FuzzyDate {

    String message() default "must be a real date written YYYY, YYYY-MM or YYYY-MM-DD";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
