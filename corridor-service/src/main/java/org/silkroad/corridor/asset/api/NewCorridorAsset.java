package org.silkroad.corridor.asset.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.silkroad.corridor.asset.domain.AssetKind;

import java.util.List;

/** What a client sends to register one corridor asset; the id is the client's choice so data files can refer to it. */
public record NewCorridorAsset(
        @NotNull @Size(max = 80) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a lower-case slug such as khorgos-border-port") String id,
        @NotBlank(message = "must name the asset") @Size(max = 500) String name,
        @NotNull @Pattern(regexp = AssetKind.CODES, message = "must be one of " + AssetKind.CODES) String kind,
        // Empty is allowed: some sources name an asset without its countries (Line D), and guessing would be worse.
        @NotNull(message = "must list the countries, [] when the source names none")
        List<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as KZ") String> countries,
        List<@NotBlank @Size(max = 500) String> aliases,
        @Size(max = 4000) String note) {
}
