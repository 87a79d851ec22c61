package org.silkroad.corridor.asset.domain;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A GeoJSON Point or LineString in longitude/latitude order with values in range. */
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidLocation.Check.class)
public @interface ValidLocation {

    String message() default "must be a GeoJSON Point [lon, lat] or LineString [[lon, lat], …] with -180 ≤ lon ≤ 180 and -90 ≤ lat ≤ 90";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ValidLocation, Location> {

        @Override
        public boolean isValid(Location location, ConstraintValidatorContext context) {
            if (location == null) {
                return true;
            }
            String problem = problem(location);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addPropertyNode("coordinates").addConstraintViolation();
            return false;
        }

        static String problem(Location location) {
            if ("Point".equals(location.type())) {
                return position(location.coordinates()) ? null
                        : "a Point needs [longitude, latitude] with -180 ≤ lon ≤ 180 and -90 ≤ lat ≤ 90";
            }
            if ("LineString".equals(location.type())) {
                var c = location.coordinates();
                if (c == null || !c.isArray() || c.size() < 2) {
                    return "a LineString needs at least two positions";
                }
                for (var p : c) {
                    if (!position(p)) {
                        return "every LineString position must be [longitude, latitude] with -180 ≤ lon ≤ 180 and -90 ≤ lat ≤ 90";
                    }
                }
                return null;
            }
            return "type must be Point or LineString";
        }

        private static boolean position(com.fasterxml.jackson.databind.JsonNode p) {
            return p != null && p.isArray() && p.size() == 2 && p.get(0).isNumber() && p.get(1).isNumber()
                    && Math.abs(p.get(0).asDouble()) <= 180 && Math.abs(p.get(1).asDouble()) <= 90;
        }
    }
}
