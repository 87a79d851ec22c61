package org.silkroad.corridor.status.api;

import org.silkroad.corridor.status.domain.StatusThreshold;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A threshold with its current verdict: {@code breached} and the measurement (and its period) the verdict rests on,
 * the latest period of the series.
 */
public record ThresholdView(UUID id, String assetId, String metric, String direction, String mode, String comparison,
                            BigDecimal limit, String unit, String status, boolean breached, UUID judgedMeasurementId,
                            String judgedPeriod) {

    public static ThresholdView of(StatusThreshold t) {
        return new ThresholdView(t.id, t.assetId, t.metric, t.direction.isEmpty() ? null : t.direction,
                t.mode.isEmpty() ? null : t.mode, t.comparison, t.limitValue, t.unit, t.status.code(), t.breached,
                t.judgedMeasurementId, t.judgedPeriod == null || t.judgedPeriod.isEmpty() ? null : t.judgedPeriod);
    }
}
