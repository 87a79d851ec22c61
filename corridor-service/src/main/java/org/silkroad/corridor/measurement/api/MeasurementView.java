package org.silkroad.corridor.measurement.api;

import org.silkroad.corridor.measurement.domain.Period;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A measurement as the API answers and as {@code corridor.measurements.v1} carries it. */
public record MeasurementView(
        UUID id,
        String assetId,
        String metric,
        String label,
        Period period,
        String direction,
        String mode,
        BigDecimal value,
        String unit,
        String qualifier,
        String source,
        String note,
        long version,
        OffsetDateTime recordedAt) {
}
