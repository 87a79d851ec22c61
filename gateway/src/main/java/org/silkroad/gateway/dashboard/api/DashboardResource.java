package org.silkroad.gateway.dashboard.api;

import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.silkroad.gateway.dashboard.DashboardViews;
import org.silkroad.gateway.dashboard.views.EventFeed;
import org.silkroad.gateway.dashboard.views.TradeViews;

import java.util.List;

/** The dashboard's views besides the overview; each carries asOf, freshness per source and an ETag. */
@Path("/api/dashboard")
@Tag(name = "Dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    private final DashboardViews views;
    private final ViewResponses responses;
    private final TradeViews trade;
    private final EventFeed events;

    DashboardResource(DashboardViews views, ViewResponses responses, TradeViews trade, EventFeed events) {
        this.views = views;
        this.responses = responses;
        this.trade = trade;
        this.events = events;
    }

    @GET
    @Path("/trade-trend")
    @Operation(summary = "Bilateral trade series per reporter and flow (every statement, conflicts flagged, never averaged) "
            + "with policy milestones on the same axis; default China–Kazakhstan 1992–2020")
    public Uni<Response> tradeTrend(@Context Request request,
                               @QueryParam("a") @DefaultValue("CHN") @Pattern(regexp = "^[A-Z]{3}$") String a,
                               @QueryParam("b") @DefaultValue("KAZ") @Pattern(regexp = "^[A-Z]{3}$") String b,
                               @QueryParam("from") @DefaultValue("1992") @Min(1900) @Max(2100) int from,
                               @QueryParam("to") @DefaultValue("2020") @Min(1900) @Max(2100) int to) {
        if (a.equals("CHN") && b.equals("KAZ") && from == 1992 && to == 2020) {
            return responses.view(request, "trade-trend");
        }
        return responses.computed(request, () -> views.uncached("trade-trend", List.of("trade", "policy"),
                () -> trade.trend(a, b, from, to)));
    }

    @GET
    @Path("/mirror")
    @Operation(summary = "China–Kazakhstan flows as reported by the exporter and by the importer, and the gap")
    public Uni<Response> mirror(@Context Request request) {
        return responses.view(request, "mirror");
    }

    @GET
    @Path("/commodities")
    @Operation(summary = "Commodity structure per reporter, partner, flow and year, with shares")
    public Uni<Response> commodities(@Context Request request) {
        return responses.view(request, "commodities");
    }

    @GET
    @Path("/central-asia")
    @Operation(summary = "China's trade with the Central Asian states (per country or group) per year")
    public Uni<Response> centralAsia(@Context Request request) {
        return responses.view(request, "central-asia");
    }

    @GET
    @Path("/corridors")
    @Operation(summary = "Corridor board: asset status, latest measurements, utilization, thresholds and a GeoJSON layer")
    public Uni<Response> corridors(@Context Request request) {
        return responses.view(request, "corridors");
    }

    @GET
    @Path("/policy")
    @Operation(summary = "Policy timeline and target attainment (met / missed / disputed / pending, with provenance)")
    public Uni<Response> policy(@Context Request request) {
        return responses.view(request, "policy");
    }

    @GET
    @Path("/events")
    @Operation(summary = "Change events applied to the read model, newest first, paginated (size at most 500)")
    public Uni<Response> events(@Context Request request,
                           @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                           @QueryParam("size") @DefaultValue("20") @Min(1) @Max(500) int size) {
        if (page == 0 && size == 20) {
            return responses.view(request, "events");
        }
        return responses.computed(request, () -> views.uncached("events", List.of("trade", "corridor", "policy"),
                () -> events.page(page, size)));
    }
}
