package org.silkroad.gateway.readmodel;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.silkroad.gateway.Events;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.TopicWriter;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two gateway instances share one read model, each applying its share of the partitions: a write applied by one is
 * announced at its commit, and the other's held views catch up on hearing it; a rebuild by one holds back the other's
 * live applies. "The other instance" is this test's own database session, which listens, writes and locks exactly as
 * an instance does.
 */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "gateway"))
class ReadModelPeersTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Inject
    ReadModelGeneration generation;

    @Inject
    ReadModelPeers peers;

    @Test
    void aWriteAppliedHereIsAnnouncedToTheOtherInstancesWithItsSource() throws Exception {
        try (PeerAnnouncements other = PeerAnnouncements.listen(jdbcUrl)) {
            String id = "announced-" + Events.suffix();
            try (TopicWriter writer = TopicWriter.open()) {
                new Events(writer).asset(id, "Announced crossing", 1, null);
            }
            List<String> heard = other.until(p -> p.endsWith(" corridor"), Duration.ofSeconds(30));
            assertTrue(heard.contains(generation.instance() + " corridor"), "announcements heard: " + heard);
        }
    }

    @Test
    void aWriteAnnouncedByAnotherInstanceReachesTheViewsHeldHere() throws Exception {
        String id = "peer-" + Events.suffix();
        try (TopicWriter writer = TopicWriter.open()) {
            new Events(writer).asset(id, "Peer crossing", 1, null);
        }
        String name = "assets.find { it.id == '" + id + "' }.name";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/dashboard/corridors").then()
                .statusCode(200).body(name, equalTo("Peer crossing")));

        // Another instance applies a change to the same asset and announces it, as ReadModelGeneration does.
        renameElsewhere(id, "Renamed elsewhere", 2);
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/dashboard/corridors").then()
                    .statusCode(200).body(name, equalTo("Renamed elsewhere")));
        } finally {
            // Back to what the topic says, so a rebuild in a later test finds the read model as the topics make it.
            renameElsewhere(id, "Peer crossing", 1);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/dashboard/corridors").then()
                .statusCode(200).body(name, equalTo("Peer crossing")));
    }

    private void renameElsewhere(String id, String newName, long version) throws Exception {
        try (Connection other = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            other.setAutoCommit(false);
            try (PreparedStatement update = other.prepareStatement("""
                    UPDATE aggregate_state SET payload = jsonb_set(payload, '{name}', to_jsonb(?::text)), version = ?
                     WHERE topic = 'corridor.assets.v1' AND aggregate_id = ?""");
                 PreparedStatement notify = other.prepareStatement("SELECT pg_notify(?, ?)")) {
                update.setString(1, newName);
                update.setLong(2, version);
                update.setString(3, id);
                assertEquals(1, update.executeUpdate());
                notify.setString(1, ReadModelGeneration.CHANNEL);
                notify.setString(2, "another-instance corridor");
                notify.execute();
            }
            other.commit();
        }
    }

    @Test
    void liveEventsWaitWhileAnotherInstanceRebuildsAndAreAppliedAfterwards() throws Exception {
        String id = "during-rebuild-" + Events.suffix();
        try (Connection other = DriverManager.getConnection(jdbcUrl, "postgres", "postgres"); Statement st = other.createStatement()) {
            // What another instance's rebuild holds from before it reads the topics' ends until it has replayed them.
            st.execute("SELECT pg_advisory_lock(" + ReadModelLock.KEY + ")");
            try (TopicWriter writer = TopicWriter.open()) {
                new Events(writer).asset(id, "Arrived during a rebuild", 1, null);
            }
            // Applied within milliseconds otherwise; a few seconds show it is held back, not merely slow.
            Thread.sleep(3000);
            given().get("/api/read-model/corridor.assets.v1/" + id).then().statusCode(404);
            st.execute("SELECT pg_advisory_unlock(" + ReadModelLock.KEY + ")");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/read-model/corridor.assets.v1/" + id)
                .then().statusCode(200).body("version", equalTo(1)));
    }

    @Test
    void anInstanceIgnoresItsOwnAnnouncementsAndSourcesItDoesNotKnow() {
        assertEquals(Set.of(), peers.sourcesFromOthers(generation.instance() + " corridor,trade"));
        assertEquals(Set.of("corridor", "trade"), peers.sourcesFromOthers("another-instance corridor,trade,nonsense"));
        assertEquals(Set.of(), peers.sourcesFromOthers("garbage"));
    }
}
