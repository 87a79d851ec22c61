package org.silkroad.gateway.readmodel.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps {@code processed_event} bounded: rows handled longer ago than {@code gateway.processed-event.keep-for} go.
 * The {@code ce_id} rows only tell a redelivery apart from a stale event; what keeps the read model right is the
 * version compared inside the aggregate upsert (ADR 0014): a redelivered event carries a version the read model
 * already holds (or a newer one), so once its id is pruned it is skipped as stale instead of as a duplicate, and
 * nothing is applied or counted twice. The window only has to cover how long a redelivery with the same id can
 * arrive with something still worth telling apart, so by default it matches Kafka's default topic retention.
 */
@ApplicationScoped
public class ProcessedEventRetention {

    private static final Logger LOG = Logger.getLogger(ProcessedEventRetention.class);
    // Deleted in slices, each its own short transaction, so a big rebuild's rows never hold a long lock.
    private static final int SLICE = 10_000;

    private final EntityManager em;
    private final Duration keepFor;

    ProcessedEventRetention(EntityManager em,
                            @ConfigProperty(name = "gateway.processed-event.keep-for", defaultValue = "P7D") Duration keepFor) {
        this.em = em;
        this.keepFor = keepFor;
    }

    @Scheduled(every = "${gateway.processed-event.prune-every:10m}", delayed = "${gateway.processed-event.prune-every:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        long removed = prune(OffsetDateTime.now(ZoneOffset.UTC).minus(keepFor));
        if (removed > 0) {
            LOG.debugf("processed events: removed %d ids handled more than %s ago", removed, keepFor);
        }
    }

    /** Removes the ids handled before {@code oldest}; returns how many. */
    public long prune(OffsetDateTime oldest) {
        long removed = 0;
        int slice;
        do {
            slice = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                            DELETE FROM processed_event WHERE event_id IN (
                              SELECT event_id FROM processed_event WHERE processed_at < :oldest LIMIT :slice)
                            """)
                    .setParameter("oldest", oldest)
                    .setParameter("slice", SLICE)
                    .executeUpdate());
            removed += slice;
        } while (slice == SLICE);
        return removed;
    }
}
