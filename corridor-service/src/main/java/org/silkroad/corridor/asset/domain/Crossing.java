package org.silkroad.corridor.asset.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A border crossing point as the pair of posts that face each other (Khorgos / Nur Zholy), each with its country and
 * its own name, and the track gauge change where rail meets rail (1435 mm standard gauge to 1520 mm Russian gauge).
 */
public record Crossing(
        @Size(max = 2, message = "a crossing has at most two sides") List<@Valid Side> sides,
        @Valid GaugeChange gaugeChange) {

    public record Side(
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as KZ") String country,
            @NotBlank @Size(max = 200) String name,
            List<@NotBlank String> aliases) {
    }

    public record GaugeChange(
            @jakarta.validation.constraints.Min(value = 600, message = "must be a track gauge in mm") int fromMm,
            @jakarta.validation.constraints.Min(value = 600, message = "must be a track gauge in mm") int toMm) {
    }
}
