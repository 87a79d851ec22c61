package org.silkroad.gateway.readmodel.retention;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.silkroad.gateway.readmodel.ReadModelGeneration;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Keeps the event feed's table bounded: the newest {@code gateway.event-log.keep-last} entries (by event time, the
 * feed's order) and, when {@code gateway.event-log.keep-for} is set, none older than that. Everything else the read
 * model holds (current state, processed ids) is bounded by the aggregates, not by the events; only the feed grows
 * with every event. A rebuild refills the feed from the topics and the next round trims it again.
 */
@ApplicationScoped
public class EventLogRetention {

    private static final Logger LOG = Logger.getLogger(EventLogRetention.class);

    private final EntityManager em;
    private final ReadModelGeneration generation;
    private final int keepLast;
    private final Optional<Duration> keepFor;

    EventLogRetention(EntityManager em, ReadModelGeneration generation,
                      @ConfigProperty(name = "gateway.event-log.keep-last", defaultValue = "10000") int keepLast,
                      @ConfigProperty(name = "gateway.event-log.keep-for") Optional<Duration> keepFor) {
        this.em = em;
        this.generation = generation;
        this.keepLast = keepLast;
        this.keepFor = keepFor;
    }

    @Scheduled(every = "${gateway.event-log.prune-every:60s}", delayed = "${gateway.event-log.prune-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int removed = prune(keepLast, keepFor.orElse(null));
        if (removed > 0) {
            LOG.debugf("event log: removed %d entries beyond the newest %d%s", removed, keepLast,
                    keepFor.map(d -> " or older than " + d).orElse(""));
        }
    }

    /**
     * Removes the entries beyond the newest {@code keepLast} and, unless {@code keepFor} is null, those whose event
     * time lies further back than that from now. Returns how many were removed.
     */
    @Transactional
    public int prune(int keepLast, Duration keepFor) {
        if (keepLast < 0) {
            throw new IllegalArgumentException("keepLast must not be negative: " + keepLast);
        }
        // The feed's order is event_time DESC, event_id ASC: the boundary is the keepLast-th entry in that order.
        int removed = em.createNativeQuery("""
                        DELETE FROM event_log e USING (
                          SELECT event_time, event_id FROM event_log ORDER BY event_time DESC, event_id
                           LIMIT 1 OFFSET :offset) b
                         WHERE e.event_time < b.event_time OR (e.event_time = b.event_time AND e.event_id > b.event_id)
                        """)
                .setParameter("offset", Math.max(0, keepLast - 1))
                .executeUpdate();
        if (keepLast == 0) {
            removed += em.createNativeQuery("DELETE FROM event_log").executeUpdate();
        }
        if (keepFor != null) {
            removed += em.createNativeQuery("DELETE FROM event_log WHERE event_time < :oldest")
                    .setParameter("oldest", OffsetDateTime.now(ZoneOffset.UTC).minus(keepFor))
                    .executeUpdate();
        }
        if (removed > 0) {
            // The feed reads event_log: its cached views must not outlive what is removed here. Marked only when
            // something went: a round that removes nothing must not make every instance re-render every view (under
            // load that stalled the overview for hundreds of milliseconds once a minute). Marking after the deletes is
            // as safe as before them: nobody sees them before the commit, and the mark ends after it.
            generation.writing();
        }
        return removed;
    }
}
