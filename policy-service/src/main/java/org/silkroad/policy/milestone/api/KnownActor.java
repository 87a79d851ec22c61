package org.silkroad.policy.milestone.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.silkroad.policy.milestone.domain.KnownActors;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An ISO alpha-2 country code or one of {@link KnownActors#GROUPS}. Null is valid; combine with {@code @NotNull}. */
@Documented
@Constraint(validatedBy = KnownActor.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownActor {

    String message() default "must be an ISO 3166-1 alpha-2 country code or one of bilateral, SCO, EAEU, Central_Asia, USSR, global";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownActor, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || KnownActors.isKnown(value);
        }
    }
}
