package org.silkroad.gateway.dashboard.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.silkroad.gateway.dashboard.Overview;
import org.silkroad.gateway.dashboard.OverviewQuery;
import org.silkroad.gateway.dashboard.SourceOverview;

@Path("/api/dashboard/overview")
@Tag(name = "Dashboard")
public class OverviewResource {

    private final OverviewQuery query;

    OverviewResource(OverviewQuery query) {
        this.query = query;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Per owning service: aggregates in the read model, events applied, time and age of the last event")
    public Response overview(@Context Request request) {
        Overview overview = query.current();
        // The tag covers the data, not asOf/ageSeconds, so a poller gets 304 until something new arrives.
        EntityTag tag = new EntityTag(Integer.toHexString(contentHash(overview)), true);
        CacheControl cache = new CacheControl();
        cache.setNoCache(true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(cache).tag(tag).build();
        }
        return Response.ok(overview).tag(tag).cacheControl(cache).build();
    }

    private static int contentHash(Overview overview) {
        int hash = Long.hashCode(overview.deadLetters());
        for (SourceOverview s : overview.sources()) {
            hash = 31 * hash + java.util.Objects.hash(s.source(), s.aggregates(), s.eventsApplied(), s.lastEventAt());
        }
        return hash;
    }
}
