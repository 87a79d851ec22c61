package org.silkroad.corridor.asset.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.quarkus.security.identity.SecurityIdentity;
import org.silkroad.corridor.asset.AssetDeletion;
import org.silkroad.corridor.asset.AssetFilter;
import org.silkroad.corridor.asset.CorridorAssets;
import org.silkroad.corridor.asset.domain.AssetKind;
import org.silkroad.corridor.asset.domain.TransportMode;
import org.silkroad.corridor.dataset.CorridorDataset;
import org.silkroad.corridor.dataset.DatasetItem;
import org.silkroad.corridor.status.domain.AssetStatus;
import org.silkroad.platform.paging.Page;
import org.silkroad.platform.paging.PageRequest;

import java.util.List;
import java.util.Optional;

@Path("/api/assets")
@Tag(name = "Corridor assets")
public class CorridorAssetResource {

    private final CorridorAssets assets;
    private final CorridorDataset dataset;
    private final AssetDeletion deletion;
    private final SecurityIdentity identity;

    CorridorAssetResource(CorridorAssets assets, CorridorDataset dataset, AssetDeletion deletion, SecurityIdentity identity) {
        this.assets = assets;
        this.dataset = dataset;
        this.deletion = deletion;
        this.identity = identity;
    }

    @POST
    @RolesAllowed("editor")
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(summary = "Register an asset (409 if the id is taken)")
    public Response register(@NotNull(message = "a JSON body is required") @Valid NewCorridorAsset input, @Context UriInfo uri) {
        CorridorAssetView created = assets.register(input);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("editor")
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(summary = "Replace an asset's description (its status and measurements stay)")
    public CorridorAssetView replace(@PathParam("id") String id, @NotNull(message = "a JSON body is required") @Valid NewCorridorAsset input) {
        return assets.replace(id, input);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("editor")
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(summary = "Delete an asset with its measurements, thresholds and status history; 404 if there is none (also the second time)")
    public Response delete(@PathParam("id") String id) {
        deletion.delete(id, identity.getPrincipal().getName());
        return Response.noContent().build();
    }

    @POST
    @Path("/import")
    @RolesAllowed("editor")
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(summary = "Import a corridor data file (the corridors.json format), all or nothing; figures become measurements")
    public CorridorDataset.ImportReport importDataset(@NotNull(message = "a JSON array is required") List<DatasetItem> items) {
        return dataset.importItems(items);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public CorridorAssetView get(@PathParam("id") String id) {
        return assets.find(id).orElseThrow(() -> new NotFoundException("no corridor asset " + id));
    }

    @GET
    @PermitAll
    @Operation(summary = "List assets, filtered by kind, country, status, mode and text in the name or aliases")
    public Page<CorridorAssetView> list(
            @QueryParam("kind") @Pattern(regexp = AssetKind.CODES, message = "must be one of " + AssetKind.CODES) String kind,
            @QueryParam("country") @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
            @QueryParam("status") @Pattern(regexp = AssetStatus.CODES, message = "must be one of " + AssetStatus.CODES) String status,
            @QueryParam("mode") @Pattern(regexp = TransportMode.CODES, message = "must be one of " + TransportMode.CODES) String mode,
            @QueryParam("q") @Size(min = 2, max = 100, message = "must be 2 to 100 characters") String text,
            @Valid @BeanParam PageRequest page) {
        AssetFilter filter = new AssetFilter(Optional.ofNullable(kind).map(AssetKind::fromCode), Optional.ofNullable(country),
                Optional.ofNullable(status).flatMap(AssetStatus::fromCode), Optional.ofNullable(mode), Optional.ofNullable(text));
        return assets.list(filter, page);
    }
}
