package org.silkroad.gateway.readmodel.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.silkroad.gateway.Events;
import org.silkroad.gateway.readmodel.PeerAnnouncements;
import org.silkroad.gateway.readmodel.ReadModelGeneration;
import org.silkroad.testing.ObservatoryTestResource;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The event feed's table stays bounded. Other tests share the database and their consumers may still be writing,
 * so each case locks the table for its transaction and plants entries older than anything real (1970), whose fate it
 * can then predict exactly.
 */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "gateway"))
class EventLogRetentionTest {

    @Inject
    EntityManager em;

    @Inject
    EventLogRetention retention;

    @Inject
    ReadModelGeneration generation;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void onlyTheNewestEntriesAreKept() {
        String run = Events.suffix();
        List<String> survivors = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("LOCK TABLE event_log IN EXCLUSIVE MODE").executeUpdate();
            for (int day = 1; day <= 5; day++) {
                plant("retention-" + run + "-" + day, OffsetDateTime.of(1970, 1, day, 0, 0, 0, 0, ZoneOffset.UTC));
            }
            long total = count("");
            // Keep all but three: the three oldest are the first three planted.
            int removed = retention.prune((int) total - 3, null);
            assertEquals(3, removed, "exactly the entries beyond the newest total-3 are removed");
            assertEquals(total - 3, count(""));
            return ids(run);
        });
        assertEquals(List.of("retention-" + run + "-4", "retention-" + run + "-5"), survivors);
    }

    @Test
    void entriesOlderThanTheAgeLimitGo() {
        String run = Events.suffix();
        List<String> survivors = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("LOCK TABLE event_log IN EXCLUSIVE MODE").executeUpdate();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            plant("retention-" + run + "-old", now.minusDays(31));
            plant("retention-" + run + "-recent", now.minusDays(29));
            long olderThanAMonth = count("WHERE event_time < now() - interval '30 days'");
            int removed = retention.prune(Integer.MAX_VALUE, Duration.ofDays(30));
            assertEquals(olderThanAMonth, removed);
            assertEquals(0, count("WHERE event_time < now() - interval '30 days'"));
            return ids(run);
        });
        assertEquals(List.of("retention-" + run + "-recent"), survivors);
    }

    /**
     * A round runs every minute on every instance; one that removes nothing must not announce a change of every
     * source, or every instance re-renders every view each time. Only a pruning (rebuilds aside) announces all
     * sources at once, and notifications arrive in commit order, so the pruning that removes something, committed
     * second, is heard exactly once and nothing of the same kind before it.
     */
    @Test
    void aRoundThatRemovesNothingAnnouncesNoChange() throws Exception {
        String everySource = generation.instance() + " " + String.join(",", ReadModelGeneration.SOURCES);
        try (PeerAnnouncements other = PeerAnnouncements.listen(jdbcUrl)) {
            assertEquals(0, QuarkusTransaction.requiringNew().call(() -> retention.prune(Integer.MAX_VALUE, null)));
            String run = Events.suffix();
            int removed = QuarkusTransaction.requiringNew().call(() -> {
                em.createNativeQuery("LOCK TABLE event_log IN EXCLUSIVE MODE").executeUpdate();
                plant("retention-" + run + "-1", OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
                return retention.prune((int) count("") - 1, null);
            });
            assertEquals(1, removed);

            List<String> heard = other.until(everySource::equals, Duration.ofSeconds(10));
            assertEquals(1, heard.stream().filter(everySource::equals).count(),
                    "only the round that removed something announced a change of every source: " + heard);
        }
    }

    private void plant(String id, OffsetDateTime at) {
        em.createNativeQuery("""
                        INSERT INTO event_log (event_id, topic, aggregate_id, source, event_type, version, outcome, label, event_time)
                        VALUES (:id, 'corridor.assets.v1', :id, 'corridor', 'org.silkroad.corridor.asset.upserted.v1', 1, 'applied', :id, :at)
                        """)
                .setParameter("id", id).setParameter("at", at).executeUpdate();
    }

    private long count(String where) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM event_log " + where).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<String> ids(String run) {
        return em.createNativeQuery("SELECT event_id FROM event_log WHERE event_id LIKE :p ORDER BY event_time")
                .setParameter("p", "retention-" + run + "-%").getResultList();
    }
}
