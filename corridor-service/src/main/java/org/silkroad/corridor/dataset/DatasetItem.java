package org.silkroad.corridor.dataset;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.silkroad.corridor.asset.api.NewCorridorAsset;
import org.silkroad.corridor.asset.domain.Capacity;
import org.silkroad.corridor.asset.domain.Crossing;
import org.silkroad.corridor.asset.domain.Location;
import org.silkroad.corridor.asset.domain.ProjectInfo;
import org.silkroad.corridor.asset.domain.RailServiceRoute;

import java.math.BigDecimal;
import java.util.List;

/**
 * One element of a corridor data file, in the format of the shared {@code corridors.json} (snake_case, a list of
 * sources, figures), plus the optional fields the service adds (mode, location, crossing, railService, project).
 */
public record DatasetItem(
        String id,
        String name,
        List<String> aliases,
        String kind,
        List<String> countries,
        List<String> endpoints,
        String opened,
        @JsonProperty("length_km") BigDecimal lengthKm,
        Capacity capacity,
        List<Figure> figures,
        List<String> source,
        String note,
        String mode,
        Location location,
        Crossing crossing,
        RailServiceRoute railService,
        ProjectInfo project) {

    /** A figure the source states about the element; it becomes a measurement. */
    public record Figure(String metric, BigDecimal value, String unit, Integer year, String source, String note) {
    }

    public NewCorridorAsset toAsset() {
        return new NewCorridorAsset(id, name, kind, countries, aliases, note, mode, opened, lengthKm, capacity, location,
                crossing, railService, project, endpoints, source);
    }
}
