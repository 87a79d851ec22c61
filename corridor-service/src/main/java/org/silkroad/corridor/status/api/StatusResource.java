package org.silkroad.corridor.status.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.silkroad.platform.validation.CalendarDate;
import org.silkroad.corridor.asset.domain.CorridorAsset;
import org.silkroad.corridor.status.AssetStatuses;
import org.silkroad.corridor.status.Thresholds;
import org.silkroad.platform.problem.InvalidInput;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

@Path("/api/assets/{id}")
@Tag(name = "Asset status")
public class StatusResource {

    private final AssetStatuses statuses;
    private final Thresholds thresholds;
    private final SecurityIdentity identity;
    private final Clock clock;

    StatusResource(AssetStatuses statuses, Thresholds thresholds, SecurityIdentity identity, Clock clock) {
        this.statuses = statuses;
        this.thresholds = thresholds;
        this.identity = identity;
        this.clock = clock;
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
    @Operation(summary = "The asset's thresholds with their current verdict and the measurement it rests on")
    public List<ThresholdView> thresholds(@PathParam("id") String id) {
        requireAsset(id);
        return thresholds.of(id);
    }

    @PUT
    @Path("/thresholds/{threshold}")
    @RolesAllowed("editor")
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(summary = "Change a threshold; it is judged again against the latest measurement (at most one status event)")
    public ThresholdView changeThreshold(@PathParam("id") String id, @PathParam("threshold") UUID threshold,
                                        @NotNull(message = "a JSON body is required") @Valid NewThreshold in) {
        return thresholds.change(id, threshold, in);
    }

    @DELETE
    @Path("/thresholds/{threshold}")
    @RolesAllowed("editor")
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(summary = "Remove a threshold; if it held the asset in its status, the status before comes back (one event)")
    public Response removeThreshold(@PathParam("id") String id, @PathParam("threshold") UUID threshold) {
        thresholds.remove(id, threshold, identity.getPrincipal().getName());
        return Response.noContent().build();
    }

    @GET
    @Path("/status")
    @PermitAll
    @Operation(summary = "The status on a day (at=YYYY-MM-DD), respecting status windows; without at, today's")
    public StatusAtView statusAt(@PathParam("id") String id,
                                 @QueryParam("at") @CalendarDate(message = "must be a date such as 2020-05-15") String at) {
        requireAsset(id);
        LocalDate day;
        try {
            day = at == null ? LocalDate.now(clock) : LocalDate.parse(at);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("at", "'" + at + "' is not a date that exists");
        }
        return statuses.at(id, day);
    }

    private static void requireAsset(String id) {
        if (CorridorAsset.findById(id) == null) {
            throw new NotFoundException("no corridor asset " + id);
        }
    }
}
