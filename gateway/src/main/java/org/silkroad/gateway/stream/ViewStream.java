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
 * Renders the streamed views anew after read-model changes and tells subscribers which ones changed. Two lanes,
 * each one refresh at a time on its own thread: the event feed (one indexed query, and what shows a write first)
 * and the other views (the trade views and target attainment read many figures). So a write is announced with the
 * new feed while the heavier views are still being computed, and a long recomputation never holds back the feed.
 * Within a lane, changes are coalesced: whatever arrived during a refresh is handled by the next one, so a burst of
 * events costs a few recomputations rather than one per event; a refresh renders only the views that read a changed
 * source and sends each notification as soon as its view is ready. A periodic refresh catches views whose freshness
 * flipped (Kafka gone, a source silent) without any event.
 */
@ApplicationScoped
public class ViewStream {

    private static final Logger LOG = Logger.getLogger(ViewStream.class);
    private static final int MAX_CHANGES_PER_NOTIFICATION = 50;

    private final DashboardViews views;
    private final RenderedViews rendered;
    private final BroadcastProcessor<ViewNotification> broadcast = BroadcastProcessor.create();
    private final Map<String, String> lastTags = new ConcurrentHashMap<>();
    private final List<Lane> lanes = List.of(
            new Lane("gateway-feed-refresher", List.of("events"), true),
            new Lane("gateway-view-refresher", List.of("overview", "corridors", "policy", "trade-trend", "mirror",
                    "commodities", "central-asia"), false));

    ViewStream(DashboardViews views, RenderedViews rendered) {
        this.views = views;
        this.rendered = rendered;
    }

    void changed(@Observes ReadModelChanged change) {
        lanes.forEach(lane -> lane.changed(change));
    }

    @Scheduled(every = "${gateway.stream.freshness-check-every:3s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void freshnessTick() {
        lanes.forEach(Lane::schedule);
    }

    /** The current state of every streamed view, then every change as it happens. */
    public Multi<ViewNotification> subscribe() {
        Multi<ViewNotification> current = Multi.createFrom().deferred(() -> Multi.createFrom().iterable(
                DashboardViews.STREAMED.stream().map(view -> {
                    ViewSnapshot snapshot = rendered.currentOrRender(view).snapshot();
                    return new ViewNotification(view, snapshot.etag(), "current", List.of(), 0, snapshot.body());
                }).toList()));
        return Multi.createBy().merging().streams(current, broadcast);
    }

    /** Both lanes publish; a processor's signals must not overlap. */
    private synchronized void publish(ViewNotification notification) {
        broadcast.onNext(notification);
    }

    @PreDestroy
    void stop() {
        lanes.forEach(Lane::stop);
    }

    /** Views refreshed together, in order, one refresh at a time. */
    private final class Lane {

        private final List<String> order;
        private final boolean announceEveryChange;
        private final ConcurrentLinkedQueue<ReadModelChanged> pending = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final ExecutorService refresher;

        /**
         * @param announceEveryChange notify after every change even when the tag equals the last one sent: a change
         *                            is announced after its commit, and a refresh (a tick) may have sent its state
         *                            in between; the feed then still names every change once
         */
        Lane(String thread, List<String> order, boolean announceEveryChange) {
            this.order = order;
            this.announceEveryChange = announceEveryChange;
            this.refresher = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, thread);
                t.setDaemon(true);
                return t;
            });
        }

        void changed(ReadModelChanged change) {
            pending.add(change);
            schedule();
        }

        void schedule() {
            if (scheduled.compareAndSet(false, true)) {
                refresher.execute(this::refresh);
            }
        }

        private void refresh() {
            scheduled.set(false);
            List<ReadModelChanged> changes = new ArrayList<>();
            Set<String> changedSources = new HashSet<>();
            boolean everything = false;
            int omitted = 0;
            for (ReadModelChanged c; (c = pending.poll()) != null; ) {
                if (changes.size() < MAX_CHANGES_PER_NOTIFICATION) {
                    changes.add(c);
                } else {
                    omitted++;
                }
                Optional<Topic> topic = c.rebuilt() ? Optional.empty() : Topic.byName(c.topic());
                topic.ifPresent(t -> changedSources.add(t.source()));
                everything |= topic.isEmpty();
            }
            // A tick (no change) or a rebuild looks at every view; rendering an unchanged one costs no query.
            everything |= changes.isEmpty();
            try {
                for (String view : order) {
                    if (!everything && Collections.disjoint(views.dependsOn(view), changedSources)) {
                        continue;
                    }
                    ViewSnapshot snapshot = rendered.render(view).snapshot();
                    String previous = lastTags.put(view, snapshot.tag());
                    boolean changed = previous != null && !previous.equals(snapshot.tag());
                    if (changed || (announceEveryChange && !changes.isEmpty())) {
                        publish(new ViewNotification(view, snapshot.etag(),
                                changes.isEmpty() ? "freshness" : "changed", List.copyOf(changes), omitted, snapshot.body()));
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not refresh the streamed views; the next change or tick retries");
            }
        }

        void stop() {
            refresher.shutdownNow();
        }
    }
}
