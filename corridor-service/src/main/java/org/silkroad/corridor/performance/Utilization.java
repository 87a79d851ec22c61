package org.silkroad.corridor.performance;

import org.silkroad.corridor.asset.domain.Capacity;
import org.silkroad.corridor.measurement.domain.Measurement;
import org.silkroad.corridor.measurement.domain.Period;
import org.silkroad.corridor.measurement.domain.Unit;
import org.silkroad.corridor.measurement.domain.Units;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Utilization = throughput / capacity, both brought to the capacity's unit and period basis. A throughput stated as
 * a total over a period (1.5 Mt in March 2024) is read as a rate per that period (1.5 Mt/month = 18 Mt/year); a
 * capacity range (30–40 bcm/year) gives a range of utilization (throughput/max … throughput/min).
 *
 * @param throughputPerBasis the throughput in the capacity's unit
 */
public record Utilization(UUID measurementId, String period, double throughputPerBasis, String unit,
                          Double utilization, Double utilizationMin, Double utilizationMax) {

    /**
     * The utilization from the first usable throughput of {@code latestFirst}, or empty when the capacity has no
     * period basis or no throughput converts to it.
     */
    public static Optional<Utilization> of(Capacity capacity, List<Measurement> latestFirst) {
        if (capacity == null) {
            return Optional.empty();
        }
        Optional<Unit> capacityUnit = Units.find(capacity.unit()).filter(Unit::isRate);
        if (capacityUnit.isEmpty()) {
            return Optional.empty();
        }
        for (Measurement m : latestFirst) {
            Optional<Double> rate = rate(m, capacityUnit.get());
            if (rate.isPresent()) {
                double r = rate.get();
                Double single = capacity.value() == null || capacity.value().signum() == 0 ? null : r / capacity.value().doubleValue();
                Double low = capacity.max() == null || capacity.max().signum() == 0 ? single : Double.valueOf(r / capacity.max().doubleValue());
                Double high = capacity.min() == null || capacity.min().signum() == 0 ? single : Double.valueOf(r / capacity.min().doubleValue());
                return Optional.of(new Utilization(m.id, m.period.isEmpty() ? null : m.period, r, capacity.unit(),
                        single != null ? single : midpoint(low, high), low, high));
            }
        }
        return Optional.empty();
    }

    private static Double midpoint(Double low, Double high) {
        return low == null || high == null ? null : (low + high) / 2;
    }

    static Optional<Double> rate(Measurement m, Unit target) {
        Optional<Unit> unit = Units.find(m.unit);
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        Unit u = unit.get();
        if (!u.isRate()) {
            Optional<Period> period = Period.parse(m.period);
            if (period.isEmpty()) {
                return Optional.empty();
            }
            u = u.per(period.get().basis());
        }
        return u.convertsTo(target) ? Optional.of(Units.convert(m.value.doubleValue(), u, target)) : Optional.empty();
    }
}
