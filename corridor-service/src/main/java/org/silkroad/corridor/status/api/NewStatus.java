package org.silkroad.corridor.status.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.silkroad.corridor.status.domain.AssetStatus;

/**
 * A status an editor sets, with its reason and, when known, the time window it applies to (the border closures of
 * 2020: closed, from 2020-03 until 2020-06). Window bounds are dates as precise as known (2020, 2020-03, 2020-03-28).
 */
public record NewStatus(
        @NotNull @Pattern(regexp = AssetStatus.CODES, message = "must be one of " + AssetStatus.CODES) String status,
        @Size(max = 1000) String reason,
        @Pattern(regexp = "\\d{4}(-\\d{2}(-\\d{2})?)?", message = "must be a date such as 2020, 2020-03 or 2020-03-28") String windowFrom,
        @Pattern(regexp = "\\d{4}(-\\d{2}(-\\d{2})?)?", message = "must be a date such as 2020, 2020-03 or 2020-03-28") String windowUntil) {
}
