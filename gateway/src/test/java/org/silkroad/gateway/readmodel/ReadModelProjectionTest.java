package org.silkroad.gateway.readmodel;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.silkroad.gateway.ReadModelProbe;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.TopicProbe;
import org.silkroad.testing.TopicWriter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read model follows the topics: once per event, newest version wins, deletions stick, garbage is set aside. */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "gateway"))
class ReadModelProjectionTest {

    static final String TOPIC = "corridor.assets.v1";
    static final String TYPE = "org.silkroad.corridor.asset.upserted.v1";
    static TopicWriter writer;

    @BeforeAll
    static void open() {
        writer = TopicWriter.open();
    }

    @AfterAll
    static void close() {
        writer.close();
    }

    static String asset(String id, String name, long version) {
        return """
                {"id":"%s","name":"%s","kind":"border_crossing","countries":["CN","KZ"],"aliases":[],"note":null,
                 "version":%d,"updatedAt":"2026-11-23T10:00:00Z"}""".formatted(id, name, version);
    }

    static Map<String, String> headers(String id, long version) {
        return TopicWriter.cloudEvent("/corridor-service", TYPE, id, version);
    }

    static long corridorEventsApplied() {
        return ((Number) given().get("/api/dashboard/overview").then().statusCode(200)
                .extract().path("sources.find { it.source == 'corridor' }.eventsApplied")).longValue();
    }

    static long corridorAggregates() {
        return ((Number) given().get("/api/dashboard/overview").then().statusCode(200)
                .extract().path("sources.find { it.source == 'corridor' }.aggregateCount")).longValue();
    }

    static void awaitVersion(String id, int version) {
        ReadModelProbe.awaitVersion(TOPIC, id, version);
    }

    @Test
    void anEventAppearsInTheOverviewAndItsRedeliveryIsAppliedOnce() {
        String id = "khorgos-" + UUID.randomUUID().toString().substring(0, 8);
        long aggregatesBefore = corridorAggregates();
        Map<String, String> headers = headers(id, 1);
        writer.send(TOPIC, id, asset(id, "Khorgos", 1), headers);
        awaitVersion(id, 1);
        long appliedAfterFirst = corridorEventsApplied();
        assertEquals(aggregatesBefore + 1, corridorAggregates());

        // The same event again (same ce_id), as Kafka may redeliver it, then a marker behind it on its partition.
        int partition = writer.send(TOPIC, id, asset(id, "Khorgos", 1), headers).partition();
        String marker = id + "-marker";
        writer.send(TOPIC, partition, marker, asset(marker, "Marker", 1), headers(marker, 1));
        awaitVersion(marker, 1);
        assertEquals(appliedAfterFirst + 1, corridorEventsApplied(), "only the marker counted, not the duplicate");

        given().get("/api/dashboard/overview").then().statusCode(200)
                .body("sources.find { it.source == 'corridor' }.lastEventAt", org.hamcrest.Matchers.notNullValue())
                .body("sources.find { it.source == 'trade' }", org.hamcrest.Matchers.notNullValue())
                .body("sources.find { it.source == 'policy' }", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void anOlderVersionArrivingAfterANewerOneIsIgnored() {
        String id = "alashankou-" + UUID.randomUUID().toString().substring(0, 8);
        writer.send(TOPIC, id, asset(id, "Alashankou v2", 2), headers(id, 2));
        int partition = writer.send(TOPIC, id, asset(id, "Alashankou v1", 1), headers(id, 1)).partition();
        String marker = id + "-marker";
        writer.send(TOPIC, partition, marker, asset(marker, "Marker", 1), headers(marker, 1));
        awaitVersion(marker, 1);
        given().get("/api/read-model/{topic}/{id}", TOPIC, id).then().statusCode(200)
                .body("version", equalTo(2))
                .body("state.name", equalTo("Alashankou v2"));
    }

    @Test
    void aTombstoneRemovesTheAggregateAndALateOlderUpdateDoesNotBringItBack() {
        String id = "bakhty-" + UUID.randomUUID().toString().substring(0, 8);
        writer.send(TOPIC, id, asset(id, "Bakhty", 1), headers(id, 1));
        awaitVersion(id, 1);
        long before = corridorAggregates();

        Map<String, String> tombstone = headers(id, 2);
        tombstone.remove("ce_type");
        tombstone.remove("content-type");
        writer.send(TOPIC, id, null, tombstone);
        awaitVersion(id, 2);
        given().get("/api/read-model/{topic}/{id}", TOPIC, id).then().body("deleted", equalTo(true));
        assertEquals(before - 1, corridorAggregates());

        int partition = writer.send(TOPIC, id, asset(id, "Bakhty again", 1), headers(id, 1)).partition();
        String marker = id + "-marker";
        writer.send(TOPIC, partition, marker, asset(marker, "Marker", 1), headers(marker, 1));
        awaitVersion(marker, 1);
        given().get("/api/read-model/{topic}/{id}", TOPIC, id).then().body("deleted", equalTo(true)).body("version", equalTo(2));
    }

    @Test
    void aDeletedEventFollowedByItsTombstoneRemovesTheAggregateOnce() {
        String id = "dostyk-" + UUID.randomUUID().toString().substring(0, 8);
        writer.send(TOPIC, id, asset(id, "Dostyk", 1), headers(id, 1));
        awaitVersion(id, 1);
        long before = corridorAggregates();

        writer.send(TOPIC, id, asset(id, "Dostyk", 2),
                TopicWriter.cloudEvent("/corridor-service", "org.silkroad.corridor.asset.deleted.v1", id, 2));
        Map<String, String> tombstone = headers(id, 2);
        tombstone.remove("ce_type");
        writer.send(TOPIC, id, null, tombstone);
        awaitVersion(id, 2);
        given().get("/api/read-model/{topic}/{id}", TOPIC, id).then().body("deleted", equalTo(true));
        assertEquals(before - 1, corridorAggregates());
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicWithItsReasonAndThePartitionKeepsFlowing() {
        String id = "nurly-" + UUID.randomUUID().toString().substring(0, 8);
        long deadBefore = ((Number) given().get("/api/dashboard/overview").then().extract().path("deadLetters")).longValue();

        RecordMetadata bad = writer.send(TOPIC, id, "{not json", headers(id, 1));
        Map<String, String> noVersion = headers(id, 1);
        noVersion.put("ce_aggregateversion", "one");
        writer.send(TOPIC, id, asset(id, "Nurly", 1), noVersion);
        writer.send(TOPIC, id, asset(id, "Nurly", 1),
                TopicWriter.cloudEvent("/corridor-service", "org.silkroad.corridor.asset.renamed.v1", id, 1));
        writer.send(TOPIC, id, "{\"id\":\"" + id + "\",\"name\":\"Nurly without kind\",\"version\":1}", headers(id, 1));
        // Same key, so same partition: it must still be applied after the four refused records.
        writer.send(TOPIC, id, asset(id, "Nurly", 1), headers(id, 1));
        awaitVersion(id, 1);

        try (TopicProbe dlq = TopicProbe.fromBeginning(TOPIC + ".dlq")) {
            List<ConsumerRecord<String, String>> refused = dlq.awaitKey(id, 4, Duration.ofSeconds(30));
            assertEquals(4, refused.size(), "every refused record reached the dead-letter topic");
            String reason = TopicProbe.header(refused.get(0), "dead-letter-reason");
            assertTrue(reason != null && reason.contains("not JSON"), "reason header explains the refusal: " + reason);
            assertEquals(Long.toString(bad.offset()), TopicProbe.header(refused.get(0), "dead-letter-offset"));
            assertTrue(TopicProbe.header(refused.get(1), "dead-letter-reason").contains("ce_aggregateversion"));
            assertTrue(TopicProbe.header(refused.get(2), "dead-letter-reason").contains("unknown event type"));
            String violation = TopicProbe.header(refused.get(3), "dead-letter-reason");
            assertTrue(violation.contains("breaks the schema") && violation.contains("kind"), "names the missing field: " + violation);
        }
        given().get("/api/dashboard/overview").then().body("deadLetters", equalTo((int) deadBefore + 4));
    }
}
