package org.silkroad.gateway.dashboard.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/dashboard/overview")
@Tag(name = "Dashboard")
public class OverviewResource {

    private final ViewResponses responses;

    OverviewResource(ViewResponses responses) {
        this.responses = responses;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "KPI tiles, per owning service what the read model holds, last events, freshness per source")
    public Uni<Response> overview(@Context Request request) {
        return responses.view(request, "overview");
    }
}
