package org.silkroad.corridor.status.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;

/** A limit that sets a status while measurements are beyond it: crossing_time above 48 hours ⇒ congested. */
public record NewThreshold(
        @NotBlank String metric,
        /** Only measurements for this direction count; absent for all. */
        String direction,
        /** Only measurements for this mode count; absent for all. */
        String mode,
        @NotNull @Pattern(regexp = "above|below", message = "must be above or below") String comparison,
        @NotNull @DecimalMin(value = "0", message = "must not be negative") BigDecimal limit,
        @NotBlank String unit,
        @NotNull @Pattern(regexp = "restricted|congested|closed", message = "must be restricted, congested or closed") String status) {
}
