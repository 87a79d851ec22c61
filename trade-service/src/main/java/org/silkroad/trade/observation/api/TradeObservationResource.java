package org.silkroad.trade.observation.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
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
import org.silkroad.platform.validation.CalendarDate;
import org.silkroad.platform.paging.Page;
import org.silkroad.platform.paging.PageRequest;
import org.silkroad.trade.observation.TradeObservations;
import org.silkroad.trade.reference.domain.ReferenceCodes;
import org.silkroad.platform.problem.InvalidInput;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/api/observations")
@Tag(name = "Trade observations")
public class TradeObservationResource {

    private final TradeObservations observations;
    private final ReferenceCodes codes;

    TradeObservationResource(TradeObservations observations, ReferenceCodes codes) {
        this.observations = observations;
        this.codes = codes;
    }

    @POST
    @RolesAllowed("editor")
    @SecurityRequirement(name = "SecurityScheme")
    public Response record(@NotNull(message = "a JSON body is required") @Valid NewTradeObservation input, @Context UriInfo uri) {
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        if (codes.countryByAlpha3(input.reporter()).isEmpty()) {
            problems.add(new InvalidInput.FieldProblem("reporter", "unknown country code " + input.reporter()));
        }
        if (!codes.knownArea(input.partner())) {
            problems.add(new InvalidInput.FieldProblem("partner", "unknown country or group code " + input.partner()));
        }
        if (!"TOTAL".equals(input.commodity()) && codes.chapter(input.commodity().substring(0, 2)).isEmpty()) {
            problems.add(new InvalidInput.FieldProblem("commodity", "HS chapter " + input.commodity().substring(0, 2) + " does not exist"));
        }
        if (!problems.isEmpty()) {
            throw InvalidInput.of(problems);
        }
        TradeObservationView created = observations.record(input);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public TradeObservationView get(@PathParam("id") UUID id,
                                    @QueryParam("asOf") @CalendarDate String asOf) {
        return observations.find(id, asOf == null ? null : LocalDate.parse(asOf))
                .orElseThrow(() -> new NotFoundException("no trade observation " + id + (asOf == null ? "" : " known on " + asOf)));
    }

    @GET
    @Path("/{id}/revisions")
    @PermitAll
    public List<TradeObservationView> revisions(@PathParam("id") UUID id) {
        List<TradeObservationView> revisions = observations.revisions(id);
        if (revisions.isEmpty()) {
            throw new NotFoundException("no trade observation " + id);
        }
        return revisions;
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("editor")
    @SecurityRequirement(name = "SecurityScheme")
    public Response delete(@PathParam("id") UUID id) {
        if (!observations.delete(id)) {
            throw new NotFoundException("no live trade observation " + id);
        }
        return Response.noContent().build();
    }

    @GET
    @PermitAll
    public Page<TradeObservationView> list(@Valid @BeanParam ObservationFilterParams filter, @Valid @BeanParam PageRequest page) {
        return observations.list(filter.toQuery(), page);
    }
}
