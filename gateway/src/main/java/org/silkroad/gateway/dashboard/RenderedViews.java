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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

    /** A rendering under way, and the generation of the read model it started from. */
    private record InProgress(long generation, CompletableFuture<Rendered> result) {
    }

    private final Map<String, Rendered> bodies = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, InProgress> rendering = new ConcurrentHashMap<>();
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
     * <p>
     * Callers that arrive while a rendering of the same view from the same generation is under way wait for it
     * instead of computing the view again: after a change, every request for a busy view would otherwise miss the
     * held body and run the view's queries at once, which stalled the gateway for hundreds of milliseconds under
     * load. A caller that finds a newer generation renders anew, so nobody is answered from before a change it
     * could see.
     */
    public Rendered render(String view) {
        long now = generation.current(views.dependsOn(view));
        CompletableFuture<Rendered> mine = new CompletableFuture<>();
        InProgress joined = rendering.compute(view, (v, running) ->
                running != null && running.generation() == now ? running : new InProgress(now, mine));
        if (joined.result() != mine) {
            try {
                return joined.result().join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            Rendered rendered = renderNow(view);
            mine.complete(rendered);
            return rendered;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            rendering.remove(view, joined);
        }
    }

    private Rendered renderNow(String view) {
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
