package org.silkroad.corridor.dataset;

import org.silkroad.corridor.measurement.api.NewMeasurement;
import org.silkroad.corridor.measurement.domain.Dimension;
import org.silkroad.corridor.measurement.domain.Metric;
import org.silkroad.corridor.measurement.domain.Unit;
import org.silkroad.corridor.measurement.domain.Units;

import java.util.Locale;

/**
 * Reads a data-set figure as a measurement. The figures name their metric in words ("length in Kazakhstan",
 * "cumulative crude delivered to China (lower bound)"); the words stay as the measurement's label, and the metric
 * code follows from the unit and a few words: km is a length, "capacity" a capacity, tonnes or cubic metres a
 * throughput, pct a share, money an amount, anything counted a count. "lower bound"/"more than" and
 * "approx."/"about" become the qualifier.
 */
public final class FigureMeasurement {

    private FigureMeasurement() {
    }

    public static NewMeasurement of(String assetId, DatasetItem.Figure f) {
        String words = f.metric() == null ? "" : f.metric().toLowerCase(Locale.ROOT);
        String note = f.note() == null ? "" : f.note().toLowerCase(Locale.ROOT);
        String qualifier = words.contains("lower bound") || words.contains("more than") || note.contains("more than")
                ? "lower_bound"
                : words.contains("approx") || note.contains("'about'") ? "approximate" : "exact";
        return new NewMeasurement(assetId, metricFor(words, f.unit()), f.metric(), f.year() == null ? null : f.year().toString(),
                null, null, f.value(), f.unit(), qualifier, f.source(), f.note());
    }

    static String metricFor(String words, String unitCode) {
        Unit unit = Units.find(unitCode).orElse(null);
        if (unit == null) {
            return "count"; // the unit check then names the unit as the problem
        }
        if (unit.dimension() == Dimension.LENGTH) {
            return Metric.LENGTH.code();
        }
        if (Metric.CAPACITY.accepts(unit) && words.contains("capacity")) {
            return Metric.CAPACITY.code();
        }
        return switch (unit.dimension()) {
            case MASS, VOLUME, CONTAINERS, TRAINS, VEHICLES, WAGONS -> Metric.THROUGHPUT.code();
            case SHARE -> Metric.SHARE.code();
            case MONEY_USD, MONEY_KZT -> Metric.AMOUNT.code();
            case DURATION -> Metric.CROSSING_TIME.code();
            case SPEED -> Metric.SPEED_WITH_DELAY.code();
            default -> Metric.COUNT.code();
        };
    }
}
