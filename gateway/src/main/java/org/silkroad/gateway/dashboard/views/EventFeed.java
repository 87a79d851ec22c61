package org.silkroad.gateway.dashboard.views;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.silkroad.gateway.readmodel.persistence.Timestamps;

import java.time.OffsetDateTime;
import java.util.List;

/** The change events the read model applied, newest first, by their own time (the same after a rebuild). */
@ApplicationScoped
public class EventFeed {

    public record FeedEvent(String eventId, String topic, String source, String aggregateId, String type, long version,
                            String outcome, String label, OffsetDateTime eventTime) {
    }

    public record FeedPage(int page, int size, long total, List<FeedEvent> items) {
    }

    private final EntityManager em;

    EventFeed(EntityManager em) {
        this.em = em;
    }

    public FeedPage page(int page, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT event_id, topic, source, aggregate_id, event_type, version, outcome, label, event_time
                  FROM event_log ORDER BY event_time DESC, event_id LIMIT :size OFFSET :offset
                """).setParameter("size", size).setParameter("offset", (long) page * size).getResultList();
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM event_log").getSingleResult()).longValue();
        return new FeedPage(page, size, total, rows.stream().map(r -> new FeedEvent((String) r[0], (String) r[1],
                (String) r[2], (String) r[3], (String) r[4], ((Number) r[5]).longValue(), (String) r[6], (String) r[7],
                Timestamps.utc(r[8]))).toList());
    }
}
