package org.silkroad.gateway.stream;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.silkroad.contracts.Topic;
import org.silkroad.gateway.dashboard.DashboardViews;
import org.silkroad.gateway.dashboard.RenderedViews;
import org.silkroad.gateway.dashboard.ViewSnapshot;
import org.silkroad.gateway.readmodel.ReadModelChanged;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Renders the streamed views anew after read-model changes and tells subscribers which ones changed. Changes are
 * coalesced: one refresh at a time on its own thread, and whatever arrived meanwhile is handled by the next, so a
 * burst of events costs a few recomputations rather than one per event. A refresh renders only the views that read
 * a changed source, the event feed first (cheap, and what a write shows first), and sends each notification as soon
 * as its view is ready rather than after all of them. A periodic refresh catches views whose freshness flipped
 * (Kafka gone, a source silent) without any event.
 */
@ApplicationScoped
public class ViewStream {

    private static final Logger LOG = Logger.getLogger(ViewStream.class);
    private static final int MAX_CHANGES_PER_NOTIFICATION = 50;
    /** The order a refresh renders in: the feed first, then the overview, then the rest. */
    static final List<String> REFRESH_ORDER = List.of("events", "overview", "corridors", "policy", "trade-trend",
            "mirror", "commodities", "central-asia");

    private final DashboardViews views;
    private final RenderedViews rendered;
    private final BroadcastProcessor<ViewNotification> broadcast = BroadcastProcessor.create();
    private final Map<String, String> lastTags = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<ReadModelChanged> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "gateway-view-refresher");
        thread.setDaemon(true);
        return thread;
    });

    ViewStream(DashboardViews views, RenderedViews rendered) {
        this.views = views;
        this.rendered = rendered;
    }

    void changed(@Observes ReadModelChanged change) {
        pending.add(change);
        schedule();
    }

    @Scheduled(every = "${gateway.stream.freshness-check-every:3s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void freshnessTick() {
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            refresher.execute(this::refresh);
        }
    }

    private void refresh() {
        scheduled.set(false);
        List<ReadModelChanged> changes = new ArrayList<>();
        Set<String> changedSources = new HashSet<>();
        boolean everything = false;
        for (ReadModelChanged c; (c = pending.poll()) != null; ) {
            if (changes.size() < MAX_CHANGES_PER_NOTIFICATION) {
                changes.add(c);
            }
            Optional<Topic> topic = c.rebuilt() ? Optional.empty() : Topic.byName(c.topic());
            topic.ifPresent(t -> changedSources.add(t.source()));
            everything |= topic.isEmpty();
        }
        // A tick (no change) or a rebuild looks at every view; rendering an unchanged one costs no query.
        everything |= changes.isEmpty();
        try {
            for (String view : REFRESH_ORDER) {
                if (!everything && Collections.disjoint(views.dependsOn(view), changedSources)) {
                    continue;
                }
                ViewSnapshot snapshot = rendered.render(view).snapshot();
                String previous = lastTags.put(view, snapshot.tag());
                if (previous != null && !previous.equals(snapshot.tag())) {
                    broadcast.onNext(new ViewNotification(view, snapshot.etag(),
                            changes.isEmpty() ? "freshness" : "changed", List.copyOf(changes), snapshot.body()));
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not refresh the streamed views; the next change or tick retries");
        }
    }

    /** The current state of every streamed view, then every change as it happens. */
    public Multi<ViewNotification> subscribe() {
        Multi<ViewNotification> current = Multi.createFrom().deferred(() -> Multi.createFrom().iterable(
                DashboardViews.STREAMED.stream().map(view -> {
                    ViewSnapshot snapshot = rendered.currentOrRender(view).snapshot();
                    return new ViewNotification(view, snapshot.etag(), "current", List.of(), snapshot.body());
                }).toList()));
        return Multi.createBy().merging().streams(current, broadcast);
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }
}
