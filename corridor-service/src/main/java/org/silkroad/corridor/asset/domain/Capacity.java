package org.silkroad.corridor.asset.domain;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * A capacity as the source states it: one value (20 Mt/year) or a range (30–40 bcm/year), a unit from the unit
 * catalogue — normally a rate such as {@code million_t_per_year} — and the basis in words ("design", "current annual
 * deliveries"). A capacity whose unit has no period (the source gives none) is kept, but utilization cannot use it.
 */
public record Capacity(
        @DecimalMin(value = "0", message = "must not be negative") BigDecimal value,
        @DecimalMin(value = "0", message = "must not be negative") BigDecimal min,
        @DecimalMin(value = "0", message = "must not be negative") BigDecimal max,
        @NotBlank(message = "must name a unit such as million_t_per_year") String unit,
        @Size(max = 500) String basis) {
}
