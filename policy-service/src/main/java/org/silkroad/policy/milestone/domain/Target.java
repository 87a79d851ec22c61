package org.silkroad.policy.milestone.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.silkroad.policy.milestone.api.FuzzyDate;

import java.math.BigDecimal;

/**
 * A quantitative commitment: bilateral trade of 15 billion USD by 2015, a pipeline's design capacity. This service owns
 * the commitment; whether it was met is computed by the gateway from the series it refers to.
 */
public record Target(
        @NotBlank(message = "must name what is measured") @Size(max = 100) String metric,
        @NotNull(message = "must give the value committed to") BigDecimal value,
        @NotBlank(message = "must give the unit") @Size(max = 40) String unit,
        @FuzzyDate String deadline,
        @Valid TradeSeries tradeSeries,
        @Size(max = 80) String corridorAsset,
        @Size(max = 2000) String note) {
}
