package org.silkroad.gateway.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.silkroad.contracts.Topic;
import org.silkroad.gateway.readmodel.DeadLetters;
import org.silkroad.gateway.readmodel.persistence.Timestamps;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the overview from the read model; every known source appears, also before its first event. */
@ApplicationScoped
public class OverviewQuery {

    private final EntityManager em;
    private final DeadLetters deadLetters;

    OverviewQuery(EntityManager em, DeadLetters deadLetters) {
        this.em = em;
        this.deadLetters = deadLetters;
    }

    @Transactional
    public Overview current() {
        OffsetDateTime asOf = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (Topic topic : Topic.values()) {
            counts.computeIfAbsent(topic.source(), s -> new LinkedHashMap<>()).put(topic.topicName(), 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT source, topic, count(*) FROM aggregate_state WHERE NOT deleted GROUP BY source, topic
                """).getResultList();
        for (Object[] row : rows) {
            counts.computeIfAbsent((String) row[0], s -> new LinkedHashMap<>()).put((String) row[1], ((Number) row[2]).longValue());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> activity = em.createNativeQuery("SELECT source, last_event_at, events_applied FROM source_activity")
                .getResultList();
        Map<String, Object[]> bySource = new LinkedHashMap<>();
        activity.forEach(row -> bySource.put((String) row[0], row));

        Set<String> sources = new LinkedHashSet<>(counts.keySet());
        sources.addAll(bySource.keySet());
        List<SourceOverview> result = new ArrayList<>();
        for (String source : sources) {
            Map<String, Long> perTopic = counts.getOrDefault(source, Map.of());
            Object[] row = bySource.get(source);
            OffsetDateTime last = row == null ? null : Timestamps.utc(row[1]);
            long applied = row == null ? 0 : ((Number) row[2]).longValue();
            Long age = last == null ? null : Math.max(0, Duration.between(last, asOf).toSeconds());
            result.add(new SourceOverview(source, perTopic.values().stream().mapToLong(Long::longValue).sum(), perTopic,
                    applied, last, age));
        }
        return new Overview(asOf, result, deadLetters.count());
    }
}
