package org.silkroad.corridor.map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

@Path("/api/map")
@Tag(name = "Map")
public class MapResource {

    private final CorridorMap map;

    MapResource(CorridorMap map) {
        this.map = map;
    }

    @GET
    @Path("/assets")
    @PermitAll
    @Produces({"application/geo+json", "application/json"})
    @Operation(summary = "Every asset as a GeoJSON FeatureCollection ([lon, lat]) with kind, status, latest key measurements and utilization")
    public Map<String, Object> assets() {
        return map.featureCollection();
    }
}
