package org.silkroad.corridor.asset.api;

import org.silkroad.corridor.asset.domain.Capacity;
import org.silkroad.corridor.asset.domain.CorridorAsset;
import org.silkroad.corridor.asset.domain.Crossing;
import org.silkroad.corridor.asset.domain.FuzzyDate;
import org.silkroad.corridor.asset.domain.Location;
import org.silkroad.corridor.asset.domain.ProjectInfo;
import org.silkroad.corridor.asset.domain.RailServiceRoute;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The public shape of an asset: the API answers with it and {@code corridor.assets.v1} carries it, so a partner
 * reading the topic sees exactly what a reader of the API sees — including the current status.
 * {@code hasLocation} is false for assets the service has no coordinates for.
 */
public record CorridorAssetView(
        String id,
        String name,
        String kind,
        String mode,
        List<String> countries,
        List<String> aliases,
        Crossing crossing,
        RailServiceRoute railService,
        ProjectInfo project,
        FuzzyDate opened,
        BigDecimal lengthKm,
        Capacity capacity,
        Location location,
        boolean hasLocation,
        List<String> endpoints,
        List<String> sources,
        String note,
        StatusView status,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** The current status; {@code windowFrom}/{@code windowUntil} are fuzzy dates or times as the editor gave them. */
    public record StatusView(String state, String reason, String windowFrom, String windowUntil, OffsetDateTime since) {
    }

    public static CorridorAssetView of(CorridorAsset a) {
        return new CorridorAssetView(a.id, a.name, a.kind.code(), a.mode, List.copyOf(a.countries), List.copyOf(a.aliases),
                a.crossing, a.railService, a.project, FuzzyDate.parse(a.opened).orElse(null), a.lengthKm, a.capacity,
                a.location, a.location != null, List.copyOf(a.endpoints), List.copyOf(a.sources), a.note,
                new StatusView(a.status.code(), a.statusReason, a.statusWindowFrom, a.statusWindowUntil, a.statusSince),
                a.version, a.createdAt, a.updatedAt);
    }

    /** The editable description, in the shape a client sends. */
    public static NewCorridorAsset describe(CorridorAsset a) {
        return new NewCorridorAsset(a.id, a.name, a.kind.code(), List.copyOf(a.countries), List.copyOf(a.aliases), a.note,
                a.mode, a.opened, a.lengthKm, a.capacity, a.location, a.crossing, a.railService, a.project,
                List.copyOf(a.endpoints), List.copyOf(a.sources)).normalized();
    }
}
