package org.silkroad.gateway.dashboard.api;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.silkroad.gateway.dashboard.RenderedViews;
import org.silkroad.gateway.dashboard.ViewSnapshot;

import java.util.function.Supplier;

/**
 * Every view answers alike: weak ETag, 304 to a matching If-None-Match, revalidate on every use. A default view
 * whose rendered body is current is answered on the event loop from its bytes; anything that needs the database
 * (a changed read model, other parameters) is computed on a worker thread.
 */
@ApplicationScoped
class ViewResponses {

    private static final CacheControl REVALIDATE = revalidate();

    private final RenderedViews rendered;

    ViewResponses(RenderedViews rendered) {
        this.rendered = rendered;
    }

    /** A view with its default parameters. */
    Uni<Response> view(Request request, String view) {
        RenderedViews.Rendered held = rendered.current(view);
        if (held != null) {
            return Uni.createFrom().item(respond(request, held.snapshot(), held.bytes()));
        }
        return onWorker(() -> {
            RenderedViews.Rendered fresh = rendered.render(view);
            return respond(request, fresh.snapshot(), fresh.bytes());
        });
    }

    /** A view with other parameters: computed for this request. */
    Uni<Response> computed(Request request, Supplier<ViewSnapshot> snapshot) {
        return onWorker(() -> {
            ViewSnapshot s = snapshot.get();
            return respond(request, s, s.body());
        });
    }

    private static Uni<Response> onWorker(Supplier<Response> response) {
        return Uni.createFrom().item(response).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Response respond(Request request, ViewSnapshot snapshot, Object entity) {
        EntityTag tag = new EntityTag(snapshot.tag(), true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(REVALIDATE).tag(tag).build();
        }
        return Response.ok(entity, MediaType.APPLICATION_JSON_TYPE).tag(tag).cacheControl(REVALIDATE).build();
    }

    private static CacheControl revalidate() {
        CacheControl cache = new CacheControl();
        cache.setNoCache(true);
        return cache;
    }
}
