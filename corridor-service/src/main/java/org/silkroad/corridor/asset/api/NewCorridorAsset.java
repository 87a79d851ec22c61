package org.silkroad.corridor.asset.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.silkroad.corridor.asset.domain.AssetKind;
import org.silkroad.corridor.asset.domain.Capacity;
import org.silkroad.corridor.asset.domain.Crossing;
import org.silkroad.corridor.asset.domain.FuzzyDate;
import org.silkroad.corridor.asset.domain.Location;
import org.silkroad.corridor.asset.domain.ProjectInfo;
import org.silkroad.corridor.asset.domain.RailServiceRoute;
import org.silkroad.corridor.asset.domain.TransportMode;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a client sends to register or replace one corridor asset; the id is the client's choice so data files can
 * refer to it. Only id, name, kind and countries are required: the sources often know little more.
 */
public record NewCorridorAsset(
        @NotNull @Size(max = 80) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a lower-case slug such as khorgos-border-port") String id,
        @NotBlank(message = "must name the asset") @Size(max = 500) String name,
        @NotNull @Pattern(regexp = AssetKind.CODES, message = "must be one of " + AssetKind.CODES) String kind,
        // Empty is allowed: some sources name an asset without its countries (Line D), and guessing would be worse.
        @NotNull(message = "must list the countries, [] when the source names none")
        List<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as KZ") String> countries,
        List<@NotBlank @Size(max = 500) String> aliases,
        @Size(max = 4000) String note,
        @Pattern(regexp = TransportMode.CODES, message = "must be one of " + TransportMode.CODES) String mode,
        @Pattern(regexp = FuzzyDate.PATTERN, message = "must be a decade (1980s), a year (2006), a month (2014-12) or a day (2014-12-03)") String opened,
        @DecimalMin(value = "0", message = "must not be negative") BigDecimal lengthKm,
        @Valid Capacity capacity,
        @Valid Location location,
        @Valid Crossing crossing,
        @Valid RailServiceRoute railService,
        @Valid ProjectInfo project,
        List<@NotBlank @Size(max = 300) String> endpoints,
        List<@NotBlank @Size(max = 500) String> sources) {

    /** The same asset with absent lists as empty lists, so two descriptions compare by content. */
    public NewCorridorAsset normalized() {
        return new NewCorridorAsset(id, name, kind, countries, orEmpty(aliases), note == null || note.isEmpty() ? null : note,
                mode, opened, lengthKm == null ? null : lengthKm.stripTrailingZeros(), capacity, location, crossing,
                railService, project, orEmpty(endpoints), orEmpty(sources));
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
