package org.silkroad.gateway.readmodel.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.silkroad.gateway.readmodel.IncomingEvent;

import java.time.OffsetDateTime;

/**
 * The read model's writes, as single upsert statements: each one compares versions inside PostgreSQL, so two
 * consumer threads touching the same source row, or a redelivered older event, cannot overwrite newer state.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReadModelWriter {

    private final EntityManager em;

    ReadModelWriter(EntityManager em) {
        this.em = em;
    }

    /** Stores the aggregate's new state; false when the read model already holds this version or a newer one. */
    public boolean upsert(IncomingEvent event, OffsetDateTime now) {
        return em.createNativeQuery("""
                        INSERT INTO aggregate_state (topic, aggregate_id, source, version, event_type, payload, deleted, event_time, applied_at)
                        VALUES (:topic, :id, :source, :version, :type, CAST(:payload AS jsonb), FALSE, :time, :now)
                        ON CONFLICT (topic, aggregate_id) DO UPDATE
                           SET source = EXCLUDED.source, version = EXCLUDED.version, event_type = EXCLUDED.event_type,
                               payload = EXCLUDED.payload, deleted = FALSE, event_time = EXCLUDED.event_time,
                               applied_at = EXCLUDED.applied_at
                         WHERE aggregate_state.version < EXCLUDED.version
                        """)
                .setParameter("topic", event.topic().topicName())
                .setParameter("id", event.aggregateId())
                .setParameter("source", event.topic().source())
                .setParameter("version", event.version())
                .setParameter("type", event.type())
                .setParameter("payload", event.payload())
                .setParameter("time", event.time())
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** Marks the aggregate deleted, keeping its version so an older upsert arriving late cannot revive it. */
    public boolean delete(IncomingEvent event, OffsetDateTime now) {
        return em.createNativeQuery("""
                        INSERT INTO aggregate_state (topic, aggregate_id, source, version, event_type, payload, deleted, event_time, applied_at)
                        VALUES (:topic, :id, :source, :version, NULL, NULL, TRUE, :time, :now)
                        ON CONFLICT (topic, aggregate_id) DO UPDATE
                           SET version = EXCLUDED.version, event_type = NULL, payload = NULL, deleted = TRUE,
                               event_time = EXCLUDED.event_time, applied_at = EXCLUDED.applied_at
                         WHERE aggregate_state.version < EXCLUDED.version
                        """)
                .setParameter("topic", event.topic().topicName())
                .setParameter("id", event.aggregateId())
                .setParameter("source", event.topic().source())
                .setParameter("version", event.version())
                .setParameter("time", event.time())
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** Counts one more applied event for the owning service and moves its "last event" time forward, never back. */
    public void touchSource(IncomingEvent event) {
        em.createNativeQuery("""
                        INSERT INTO source_activity (source, last_event_at, events_applied) VALUES (:source, :time, 1)
                        ON CONFLICT (source) DO UPDATE
                           SET last_event_at = GREATEST(source_activity.last_event_at, EXCLUDED.last_event_at),
                               events_applied = source_activity.events_applied + 1
                        """)
                .setParameter("source", event.topic().source())
                .setParameter("time", event.time())
                .executeUpdate();
    }

    /** Records an applied change for the event feed. */
    public void log(IncomingEvent event, String outcome, String label) {
        em.createNativeQuery("""
                        INSERT INTO event_log (event_id, topic, aggregate_id, source, event_type, version, outcome, label, event_time)
                        VALUES (:id, :topic, :aggregate, :source, :type, :version, :outcome, :label, :time)
                        ON CONFLICT (event_id) DO NOTHING
                        """)
                .setParameter("id", event.eventId())
                .setParameter("topic", event.topic().topicName())
                .setParameter("aggregate", event.aggregateId())
                .setParameter("source", event.topic().source())
                .setParameter("type", event.type())
                .setParameter("version", event.version())
                .setParameter("outcome", outcome)
                .setParameter("label", label)
                .setParameter("time", event.time())
                .executeUpdate();
    }

    /** True when the event with this {@code ce_id} was handled before (applied or skipped as stale). */
    public boolean processed(String eventId) {
        return !em.createNativeQuery("SELECT 1 FROM processed_event WHERE event_id = :id")
                .setParameter("id", eventId).getResultList().isEmpty();
    }

    /**
     * Records that the event was handled, in the same transaction as its effect. A plain statement rather than an
     * entity: a rebuild handles hundreds of events per transaction, and every managed entity would be dirty-checked
     * again before each of the following native statements.
     */
    public void recordProcessed(IncomingEvent event, String outcome, OffsetDateTime now) {
        em.createNativeQuery("""
                        INSERT INTO processed_event (event_id, topic, kafka_partition, kafka_offset, outcome, processed_at)
                        VALUES (:id, :topic, :partition, :offset, :outcome, :now)
                        """)
                .setParameter("id", event.eventId())
                .setParameter("topic", event.topic().topicName())
                .setParameter("partition", event.partition())
                .setParameter("offset", event.offset())
                .setParameter("outcome", outcome)
                .setParameter("now", now)
                .executeUpdate();
    }

    /** Empties everything derived from the topics; the dead-letter record stays, as the refusals stay on the DLQs. */
    public void truncate() {
        em.createNativeQuery("TRUNCATE aggregate_state, processed_event, source_activity, event_log").executeUpdate();
    }
}
