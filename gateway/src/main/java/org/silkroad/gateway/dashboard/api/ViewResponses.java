package org.silkroad.gateway.dashboard.api;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.silkroad.gateway.dashboard.ViewSnapshot;

/** Every view answers alike: weak ETag, 304 to a matching If-None-Match, revalidate on every use. */
final class ViewResponses {

    private ViewResponses() {
    }

    static Response of(Request request, ViewSnapshot snapshot) {
        EntityTag tag = new EntityTag(snapshot.tag(), true);
        CacheControl cache = new CacheControl();
        cache.setNoCache(true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(cache).tag(tag).build();
        }
        return Response.ok(snapshot.body()).tag(tag).cacheControl(cache).build();
    }
}
