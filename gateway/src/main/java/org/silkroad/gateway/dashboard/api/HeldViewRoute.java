package org.silkroad.gateway.dashboard.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.silkroad.gateway.dashboard.RenderedViews;

import java.util.Map;

/**
 * The fast path of the dashboard views: a GET of a view in its default form (no query string) whose held body is
 * current is answered right here on the event loop, from the bytes, before RESTEasy Reactive's routing, CDI request
 * scope and response building. Anything else falls through to the JAX-RS resources, which stay the documented,
 * validated definition of the same endpoints (ADR 0012).
 */
@ApplicationScoped
class HeldViewRoute {

    /** Before the JAX-RS handler. */
    static final int ORDER = -1_000;

    private static final Map<String, String> VIEWS = Map.of(
            "/api/dashboard/overview", "overview",
            "/api/dashboard/trade-trend", "trade-trend",
            "/api/dashboard/mirror", "mirror",
            "/api/dashboard/commodities", "commodities",
            "/api/dashboard/central-asia", "central-asia",
            "/api/dashboard/corridors", "corridors",
            "/api/dashboard/policy", "policy",
            "/api/dashboard/events", "events");
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json;charset=UTF-8");
    private static final CharSequence NO_CACHE = HttpHeaders.createOptimized("no-cache");

    private final RenderedViews rendered;

    HeldViewRoute(RenderedViews rendered) {
        this.rendered = rendered;
    }

    void register(@Observes Router router) {
        router.get("/api/dashboard/*").order(ORDER).handler(this::serve);
    }

    void serve(RoutingContext context) {
        HttpServerRequest request = context.request();
        String view = VIEWS.get(request.path());
        RenderedViews.Rendered held = view == null || request.query() != null ? null : rendered.current(view);
        if (held == null) {
            context.next();
            return;
        }
        String etag = held.snapshot().etag();
        HttpServerResponse response = context.response()
                .putHeader(HttpHeaders.ETAG, etag)
                .putHeader(HttpHeaders.CACHE_CONTROL, NO_CACHE);
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), held.snapshot().tag())) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(Buffer.buffer(held.bytes()));
    }

    /** If-None-Match uses the weak comparison: any listed tag (with or without W/) equal to ours, or "*". */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*")) {
                return true;
            }
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("\"" + tag + "\"")) {
                return true;
            }
        }
        return false;
    }
}
