package org.silkroad.corridor.asset.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.silkroad.corridor.asset.AssetFilter;
import org.silkroad.corridor.asset.CorridorAssets;
import org.silkroad.corridor.asset.domain.AssetKind;
import org.silkroad.platform.paging.Page;
import org.silkroad.platform.paging.PageRequest;

import java.util.Optional;

@Path("/api/assets")
@Tag(name = "Corridor assets")
public class CorridorAssetResource {

    private final CorridorAssets assets;

    CorridorAssetResource(CorridorAssets assets) {
        this.assets = assets;
    }

    @POST
    @RolesAllowed("editor")
    @SecurityRequirement(name = "SecurityScheme")
    public Response register(@NotNull(message = "a JSON body is required") @Valid NewCorridorAsset input, @Context UriInfo uri) {
        CorridorAssetView created = assets.register(input);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public CorridorAssetView get(@PathParam("id") String id) {
        return assets.find(id).orElseThrow(() -> new NotFoundException("no corridor asset " + id));
    }

    @GET
    @PermitAll
    public Page<CorridorAssetView> list(
            @QueryParam("kind") @Pattern(regexp = AssetKind.CODES, message = "must be one of " + AssetKind.CODES) String kind,
            @QueryParam("country") @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
            @Valid @BeanParam PageRequest page) {
        AssetFilter filter = new AssetFilter(Optional.ofNullable(kind).map(AssetKind::fromCode), Optional.ofNullable(country));
        return assets.list(filter, page);
    }
}
