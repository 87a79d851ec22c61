package org.silkroad.corridor.asset.api;

import org.silkroad.corridor.asset.domain.CorridorAsset;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The public shape of an asset: the API answers with it and {@code corridor.assets.v1} carries it, so a partner
 * reading the topic sees exactly what a reader of the API sees.
 */
public record CorridorAssetView(
        String id,
        String name,
        String kind,
        List<String> countries,
        List<String> aliases,
        String note,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static CorridorAssetView of(CorridorAsset a) {
        return new CorridorAssetView(a.id, a.name, a.kind.code(), List.copyOf(a.countries), List.copyOf(a.aliases),
                a.note, a.version, a.createdAt, a.updatedAt);
    }
}
