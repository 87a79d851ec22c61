package org.silkroad.corridor.map;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.silkroad.corridor.asset.domain.AssetKind;
import org.silkroad.corridor.asset.domain.TransportMode;
import org.silkroad.corridor.status.domain.AssetStatus;
import org.silkroad.platform.paging.PageRequest;
import org.silkroad.platform.problem.InvalidInput;

import java.util.Optional;

@Path("/api/map")
@Tag(name = "Map")
public class MapResource {

    private static final String NUMBER = "-?\\d+(\\.\\d+)?";

    private final MapBodies bodies;

    MapResource(MapBodies bodies) {
        this.bodies = bodies;
    }

    @GET
    @Path("/assets")
    @PermitAll
    @Produces({"application/geo+json", "application/json"})
    @Operation(summary = "Assets as a GeoJSON FeatureCollection ([lon, lat]) with kind, status, latest key measurements and "
            + "utilization; filtered by kind, country, status, mode, text and bbox=west,south,east,north; paged when size "
            + "is given; ETag, 304 on If-None-Match")
    public Response assets(
            @QueryParam("kind") @Pattern(regexp = AssetKind.CODES, message = "must be one of " + AssetKind.CODES) String kind,
            @QueryParam("country") @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
            @QueryParam("status") @Pattern(regexp = AssetStatus.CODES, message = "must be one of " + AssetStatus.CODES) String status,
            @QueryParam("mode") @Pattern(regexp = TransportMode.CODES, message = "must be one of " + TransportMode.CODES) String mode,
            @QueryParam("q") @Size(min = 2, max = 100, message = "must be 2 to 100 characters") String text,
            @QueryParam("bbox") @Pattern(regexp = NUMBER + "," + NUMBER + "," + NUMBER + "," + NUMBER,
                    message = "must be west,south,east,north in degrees") String bbox,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") int page,
            @QueryParam("size") @Min(value = 1, message = "must be at least 1")
            @Max(value = PageRequest.MAX_SIZE, message = "must be at most " + PageRequest.MAX_SIZE) Integer size,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        MapQuery query = new MapQuery(Optional.ofNullable(kind), Optional.ofNullable(country), Optional.ofNullable(status),
                Optional.ofNullable(mode), Optional.ofNullable(text), Optional.ofNullable(bbox).map(MapResource::box), page,
                Optional.ofNullable(size));
        CacheControl revalidate = new CacheControl();
        revalidate.setNoCache(true);
        if (ifNoneMatch != null) {
            String etag = bodies.etag(query);
            if (ifNoneMatch.contains(etag)) {
                return Response.notModified().header(HttpHeaders.ETAG, etag).cacheControl(revalidate).build();
            }
        }
        MapBodies.Body body = bodies.body(query);
        return Response.ok(body.json()).header(HttpHeaders.ETAG, body.etag()).cacheControl(revalidate).build();
    }

    private static MapQuery.BoundingBox box(String text) {
        String[] v = text.split(",");
        MapQuery.BoundingBox b = new MapQuery.BoundingBox(Double.parseDouble(v[0]), Double.parseDouble(v[1]),
                Double.parseDouble(v[2]), Double.parseDouble(v[3]));
        if (Math.abs(b.west()) > 180 || Math.abs(b.east()) > 180 || Math.abs(b.south()) > 90 || Math.abs(b.north()) > 90) {
            throw InvalidInput.of("bbox", "longitudes must be within ±180 and latitudes within ±90");
        }
        if (b.west() > b.east() || b.south() > b.north()) {
            throw InvalidInput.of("bbox", "west must not exceed east nor south north (ask a box across the antimeridian as two)");
        }
        return b;
    }
}
