package org.silkroad.trade.observation.api;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.silkroad.platform.paging.Page;
import org.silkroad.platform.paging.PageRequest;
import org.silkroad.trade.observation.ObservationFilter;
import org.silkroad.trade.observation.TradeObservations;
import org.silkroad.trade.observation.domain.TradeFlow;

import java.util.Optional;
import java.util.UUID;

@Path("/api/observations")
@Tag(name = "Trade observations")
public class TradeObservationResource {

    private final TradeObservations observations;

    TradeObservationResource(TradeObservations observations) {
        this.observations = observations;
    }

    @POST
    @RolesAllowed("editor")
    @SecurityRequirement(name = "SecurityScheme")
    public Response record(@NotNull(message = "a JSON body is required") @Valid NewTradeObservation input, @Context UriInfo uri) {
        TradeObservationView created = observations.record(input);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public TradeObservationView get(@PathParam("id") UUID id) {
        return observations.find(id).orElseThrow(() -> new NotFoundException("no trade observation " + id));
    }

    @GET
    @PermitAll
    public Page<TradeObservationView> list(
            @QueryParam("reporter") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO alpha-3 code") String reporter,
            @QueryParam("partner") @Pattern(regexp = "[A-Z0-9_]{3,12}", message = "must be an ISO alpha-3 or group code") String partner,
            @QueryParam("flow") @Pattern(regexp = "export|import|re-export|re-import", message = "must be one of export, import, re-export, re-import") String flow,
            @QueryParam("commodity") String commodity,
            @QueryParam("period") @Pattern(regexp = "\\d{4}(-\\d{2})?", message = "must be a year or a month") String period,
            @Valid @BeanParam PageRequest page) {
        ObservationFilter filter = new ObservationFilter(Optional.ofNullable(reporter), Optional.ofNullable(partner),
                Optional.ofNullable(flow).map(TradeFlow::fromCode), Optional.ofNullable(commodity), Optional.ofNullable(period));
        return observations.list(filter, page);
    }
}
