package org.silkroad.gateway.stream.api;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.silkroad.gateway.stream.ViewStream;

import java.time.Duration;

@Path("/api/stream")
@Tag(name = "Live stream")
public class StreamResource {

    private final ViewStream stream;
    private final Duration heartbeat;

    StreamResource(ViewStream stream, @ConfigProperty(name = "gateway.stream.heartbeat", defaultValue = "15s") Duration heartbeat) {
        this.stream = stream;
        this.heartbeat = heartbeat;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    // Proxies such as nginx buffer responses unless told otherwise; a buffered stream is not live.
    @ResponseHeader(name = "X-Accel-Buffering", value = "no")
    @ResponseHeader(name = "Cache-Control", value = "no-cache")
    @Operation(summary = "Server-Sent Events: the current state of every view at once (event 'view', reason 'current'), "
            + "then a 'view' event whenever a view's ETag changes, with the changes and the new state; ': heartbeat' comments")
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Multi<OutboundSseEvent> views = stream.subscribe()
                // The first items are computed from the database: not on the event loop.
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(n -> sse.newEventBuilder().name("view").id(n.view() + ":" + n.etag())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(n).build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(heartbeat)
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(views, heartbeats);
    }
}
