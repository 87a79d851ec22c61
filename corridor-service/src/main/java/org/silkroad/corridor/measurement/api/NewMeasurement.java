package org.silkroad.corridor.measurement.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * One measurement as a client sends it. Metric, unit and period are checked against the catalogues by
 * {@link org.silkroad.corridor.measurement.MeasurementRules} (the same rules apply to every CSV row), so that a
 * refusal names the field whatever path the value came by.
 * <p>
 * A measurement is one statement: asset, metric, label, period, direction, mode and source identify it. Sending the
 * same statement again with the same value changes nothing; with another value it corrects it (version + 1).
 */
public record NewMeasurement(
        @NotBlank(message = "must name the asset") @Size(max = 80) String assetId,
        @NotBlank(message = "must name the metric") String metric,
        /** Free text telling series of one metric apart ("length in Kazakhstan"); empty when there is one series. */
        @Size(max = 500) String label,
        /** 2020, 2020-Q1, 2020-03 or 2020-03-15; absent for an undated statement. */
        String period,
        /** inbound, outbound, eastbound, westbound, northbound, southbound; absent when not stated. */
        String direction,
        /** road, rail, …; the mode a CPMM figure is for. */
        String mode,
        @NotNull(message = "must be a number") BigDecimal value,
        @NotBlank(message = "must name the unit") String unit,
        /** exact (default), approximate, lower_bound, upper_bound. */
        String qualifier,
        @Size(max = 1000) String source,
        @Size(max = 4000) String note) {
}
