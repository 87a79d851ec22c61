package org.silkroad.corridor.status.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.silkroad.corridor.asset.domain.CorridorAsset;
import org.silkroad.corridor.status.AssetStatuses;
import org.silkroad.corridor.status.Thresholds;

import java.util.List;

@Path("/api/assets/{id}")
@Tag(name = "Asset status")
public class StatusResource {

    private final AssetStatuses statuses;
    private final Thresholds thresholds;
    private final SecurityIdentity identity;

    StatusResource(AssetStatuses statuses, Thresholds thresholds, SecurityIdentity identity) {
        this.statuses = statuses;
        this.thresholds = thresholds;
        this.identity = identity;
    }

    @POST
    @Path("/status")
    @RolesAllowed("editor")
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(summary = "Set the status (open, restricted, congested, closed) with reason and window; 204 if it is already so")
    public Response set(@PathParam("id") String id, @NotNull(message = "a JSON body is required") @Valid NewStatus status) {
        return statuses.set(id, status, identity.getPrincipal().getName())
                .map(change -> Response.ok(change).build())
                .orElse(Response.noContent().build());
    }

    @GET
    @Path("/status-history")
    @PermitAll
    @Operation(summary = "Every status transition of the asset, oldest first, with reason and cause")
    public List<StatusChangeView> history(@PathParam("id") String id) {
        requireAsset(id);
        return statuses.history(id);
    }

    @POST
    @Path("/thresholds")
    @RolesAllowed("editor")
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(summary = "Define a threshold that sets a status while measurements are beyond it")
    public Response defineThreshold(@PathParam("id") String id, @NotNull(message = "a JSON body is required") @Valid NewThreshold threshold) {
        return Response.status(Response.Status.CREATED).entity(thresholds.define(id, threshold)).build();
    }

    @GET
    @Path("/thresholds")
    @PermitAll
    public List<ThresholdView> thresholds(@PathParam("id") String id) {
        requireAsset(id);
        return thresholds.of(id);
    }

    private static void requireAsset(String id) {
        if (CorridorAsset.findById(id) == null) {
            throw new NotFoundException("no corridor asset " + id);
        }
    }
}
