package org.silkroad.corridor.status.api;

import org.silkroad.corridor.status.domain.StatusThreshold;

import java.math.BigDecimal;
import java.util.UUID;

public record ThresholdView(UUID id, String assetId, String metric, String direction, String mode, String comparison,
                            BigDecimal limit, String unit, String status, boolean breached) {

    public static ThresholdView of(StatusThreshold t) {
        return new ThresholdView(t.id, t.assetId, t.metric, t.direction.isEmpty() ? null : t.direction,
                t.mode.isEmpty() ? null : t.mode, t.comparison, t.limitValue, t.unit, t.status.code(), t.breached);
    }
}
