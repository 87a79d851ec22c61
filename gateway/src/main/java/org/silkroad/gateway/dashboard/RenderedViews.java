package org.silkroad.gateway.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.silkroad.gateway.readmodel.ReadModelGeneration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each default view as ready-to-send bytes with its tag, swapped atomically whenever it is rendered anew, so a GET
 * for an unchanged view costs no more than a trivial endpoint: no query, no serialization, no worker thread (see
 * ADR 0012). A body is served while the read model is unchanged since it was rendered and it is younger than
 * {@code gateway.views.body-max-age}; a tick renders every view again well within that age, so its {@code asOf} and
 * source ages stay current and the event loop keeps finding a body. Otherwise the caller renders on a worker.
 */
@ApplicationScoped
public class RenderedViews {

    /** One view's body as sent, and what it was rendered from. */
    public record Rendered(ViewSnapshot snapshot, byte[] bytes, long generation, long renderedAtNanos) {
    }

    private final Map<String, Rendered> bodies = new ConcurrentHashMap<>();
    private final DashboardViews views;
    private final ReadModelGeneration generation;
    private final ObjectMapper json;
    private final long maxAgeNanos;

    RenderedViews(DashboardViews views, ReadModelGeneration generation, ObjectMapper json,
                  @ConfigProperty(name = "gateway.views.body-max-age", defaultValue = "2s") Duration maxAge) {
        this.views = views;
        this.generation = generation;
        this.json = json;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The held body of a view when it still shows the read model as it is now; null when it must be rendered. */
    public Rendered current(String view) {
        Rendered held = bodies.get(view);
        if (held == null || System.nanoTime() - held.renderedAtNanos() > maxAgeNanos) {
            return null;
        }
        List<String> reads = views.dependsOn(view);
        if (held.generation() != generation.current(reads) || !generation.settled(reads)) {
            return null;
        }
        return held;
    }

    /**
     * Renders a view now (its data from {@link DashboardViews}' cache while the read model is unchanged) and keeps
     * the result unless a write began or ended meanwhile: a body computed across a commit might miss the change.
     */
    public Rendered render(String view) {
        List<String> reads = views.dependsOn(view);
        boolean settled = generation.settled(reads);
        long before = generation.current(reads);
        ViewSnapshot snapshot = views.snapshot(view);
        Rendered rendered;
        try {
            rendered = new Rendered(snapshot, json.writeValueAsBytes(snapshot.body()), before, System.nanoTime());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize view " + view, e);
        }
        if (settled && generation.settled(reads) && generation.current(reads) == before) {
            bodies.put(view, rendered);
        }
        return rendered;
    }

    /** The held body when current, else a fresh rendering. */
    public Rendered currentOrRender(String view) {
        Rendered held = current(view);
        return held != null ? held : render(view);
    }

    /**
     * Renders anew every held body whose data is still current: only its envelope ({@code asOf}, ages, stale flags)
     * changes, which costs no query. A body whose data changed is left to the stream's refresh or the next request,
     * so a burst of writes is not computed twice.
     */
    @Scheduled(every = "${gateway.views.render-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renderAll() {
        for (String view : DashboardViews.STREAMED) {
            Rendered held = bodies.get(view);
            List<String> reads = views.dependsOn(view);
            if (held != null && held.generation() == generation.current(reads) && generation.settled(reads)) {
                render(view);
            }
        }
    }
}
