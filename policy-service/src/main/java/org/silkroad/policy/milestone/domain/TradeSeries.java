package org.silkroad.policy.milestone.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A trade series owned by trade-service, named by its dimensions. This service cannot tell whether the series exists:
 * the gateway resolves it from trade-service's events.
 */
public record TradeSeries(
        @NotBlank @Size(max = 40) String reporter,
        @NotBlank @Size(max = 40) String partner,
        @NotBlank @Size(max = 40) String flow,
        @Size(max = 40) String commodity) {
}
