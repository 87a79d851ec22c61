package org.silkroad.corridor.measurement;

import org.silkroad.corridor.measurement.domain.Metric;
import org.silkroad.corridor.measurement.domain.Period;
import org.silkroad.corridor.measurement.domain.Qualifier;
import org.silkroad.corridor.measurement.domain.Unit;

import java.math.BigDecimal;

/** A measurement whose metric, unit and period have been resolved against the catalogues. */
public record ValidMeasurement(
        String assetId, Metric metric, String label, Period period, String direction, String mode,
        BigDecimal value, String unitCode, Unit unit, Qualifier qualifier, String source, String note) {

    /** The value in another unit of the same dimension. */
    public double valueIn(Unit target) {
        return org.silkroad.corridor.measurement.domain.Units.convert(value.doubleValue(), unit, target);
    }
}
