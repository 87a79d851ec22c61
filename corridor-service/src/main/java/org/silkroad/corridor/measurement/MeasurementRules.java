package org.silkroad.corridor.measurement;

import org.silkroad.corridor.asset.domain.TransportMode;
import org.silkroad.corridor.measurement.api.NewMeasurement;
import org.silkroad.corridor.measurement.domain.Metric;
import org.silkroad.corridor.measurement.domain.Period;
import org.silkroad.corridor.measurement.domain.Qualifier;
import org.silkroad.corridor.measurement.domain.Unit;
import org.silkroad.corridor.measurement.domain.Units;
import org.silkroad.platform.problem.InvalidInput.FieldProblem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules every measurement meets, whether it comes alone, in a CSV file or from the data set: a known metric, a
 * unit of the catalogue that fits the metric, a period that parses, a non-negative value. Each refusal names its
 * field, prefixed as the caller wishes ("[3].unit" for a row).
 */
public final class MeasurementRules {

    public static final String DIRECTIONS = "inbound|outbound|eastbound|westbound|northbound|southbound";

    private MeasurementRules() {
    }

    /** The resolved measurement, or the reasons it is refused (never both). */
    public record Checked(ValidMeasurement measurement, List<FieldProblem> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static Checked check(NewMeasurement in, String prefix) {
        List<FieldProblem> errors = new ArrayList<>();
        if (in.assetId() == null || in.assetId().isBlank()) {
            errors.add(new FieldProblem(prefix + "assetId", "must name the asset"));
        }
        Optional<Metric> metric = Metric.fromCode(in.metric());
        if (metric.isEmpty()) {
            errors.add(new FieldProblem(prefix + "metric", "unknown metric '" + in.metric() + "'; expected one of "
                    + Metric.CODES.replace("|", ", ")));
        }
        Optional<Unit> unit = Units.find(in.unit());
        if (unit.isEmpty()) {
            errors.add(new FieldProblem(prefix + "unit", "unknown unit '" + in.unit() + "'; expected one of "
                    + Units.knownCodes() + ", or a rate such as t/day or Mt/year"));
        } else if (metric.isPresent() && !metric.get().accepts(unit.get())) {
            errors.add(new FieldProblem(prefix + "unit", "unit '" + in.unit() + "' does not measure " + metric.get().code()));
        }
        Period period = null;
        if (in.period() != null && !in.period().isBlank()) {
            period = Period.parse(in.period()).orElse(null);
            if (period == null) {
                errors.add(new FieldProblem(prefix + "period", "'" + in.period()
                        + "' is not a period; expected a year (2020), quarter (2020-Q1), month (2020-03) or day (2020-03-15)"));
            }
        }
        if (in.value() == null) {
            errors.add(new FieldProblem(prefix + "value", "must be a number"));
        } else if (in.value().signum() < 0) {
            errors.add(new FieldProblem(prefix + "value", "must not be negative (" + metric.map(Metric::code).orElse("a measurement")
                    + " cannot be below zero)"));
        }
        String direction = blankToEmpty(in.direction());
        if (!direction.isEmpty() && !direction.matches(DIRECTIONS)) {
            errors.add(new FieldProblem(prefix + "direction", "must be one of " + DIRECTIONS.replace("|", ", ")));
        }
        String mode = blankToEmpty(in.mode());
        if (!mode.isEmpty() && !mode.matches(TransportMode.CODES)) {
            errors.add(new FieldProblem(prefix + "mode", "must be one of " + TransportMode.CODES.replace("|", ", ")));
        }
        Qualifier qualifier = Qualifier.EXACT;
        if (in.qualifier() != null && !in.qualifier().isBlank()) {
            qualifier = Qualifier.fromCode(in.qualifier()).orElse(null);
            if (qualifier == null) {
                errors.add(new FieldProblem(prefix + "qualifier", "must be one of exact, approximate, lower_bound, upper_bound"));
            }
        }
        if (length(in.label()) > 500) {
            errors.add(new FieldProblem(prefix + "label", "must be at most 500 characters"));
        }
        if (length(in.source()) > 1000) {
            errors.add(new FieldProblem(prefix + "source", "must be at most 1000 characters"));
        }
        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        BigDecimal value = in.value().stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        return new Checked(new ValidMeasurement(in.assetId(), metric.get(), blankToEmpty(in.label()), period, direction, mode,
                value, in.unit().trim(), unit.get(), qualifier, blankToEmpty(in.source()),
                in.note() == null || in.note().isBlank() ? null : in.note()), List.of());
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.trim();
    }
}
