package org.silkroad.gateway.readmodel;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.silkroad.gateway.readmodel.rebuild.ReadModelRebuild;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.TopicWriter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.silkroad.gateway.readmodel.EventProjector.Outcome.APPLIED;
import static org.silkroad.gateway.readmodel.EventProjector.Outcome.DELETED;
import static org.silkroad.gateway.readmodel.EventProjector.Outcome.DUPLICATE;
import static org.silkroad.gateway.readmodel.EventProjector.Outcome.STALE;

/**
 * A batch applied in one transaction has the effect of its events applied one after the other: duplicates within
 * the batch and against earlier batches, older versions behind newer ones of the same batch, deletions that stick.
 */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "gateway"))
class EventProjectorBatchTest {

    static final String TOPIC = "corridor.assets.v1";
    static final String TYPE = "org.silkroad.corridor.asset.upserted.v1";
    // Records built here never reach Kafka: offsets only have to be distinct.
    static final AtomicLong OFFSETS = new AtomicLong(1_000_000_000L);

    @Inject
    EventProjector projector;

    @Inject
    ReadModelRebuild rebuild;

    static IncomingEvent event(String id, String name, long version) {
        return event(id, name, version, UUID.randomUUID().toString());
    }

    static IncomingEvent event(String id, String name, long version, String eventId) {
        Map<String, String> headers = TopicWriter.cloudEvent("/corridor-service", TYPE, id, version);
        headers.put("ce_id", eventId);
        return read(id, """
                {"id":"%s","name":"%s","kind":"border_crossing","countries":["CN","KZ"],"aliases":[],"note":null,
                 "version":%d,"updatedAt":"2026-11-23T10:00:00Z"}""".formatted(id, name, version), headers);
    }

    static IncomingEvent tombstone(String id, long version) {
        Map<String, String> headers = TopicWriter.cloudEvent("/corridor-service", TYPE, id, version);
        headers.remove("ce_type");
        return read(id, null, headers);
    }

    static IncomingEvent read(String key, String value, Map<String, String> headers) {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((k, v) -> recordHeaders.add(k, v.getBytes(StandardCharsets.UTF_8)));
        return IncomingEvent.readChecked(new ConsumerRecord<>(TOPIC, 0, OFFSETS.incrementAndGet(), 0L,
                TimestampType.CREATE_TIME, -1, -1, key, value, recordHeaders, Optional.empty()));
    }

    /** These events never went through Kafka: put the read model back to what the topics say, as other tests expect. */
    @AfterEach
    void backToTheTopics() {
        rebuild.rebuild();
    }

    static long eventsApplied() {
        return ((Number) given().get("/api/dashboard/overview").then().statusCode(200)
                .extract().path("sources.find { it.source == 'corridor' }.eventsApplied")).longValue();
    }

    @Test
    void withinOneBatchTheFirstEventOfTheHighestVersionWinsAndRepeatsAreDuplicates() {
        String id = "batch-" + UUID.randomUUID().toString().substring(0, 8);
        IncomingEvent first = event(id, "v1", 1);
        long appliedBefore = eventsApplied();

        List<EventProjector.Outcome> outcomes = projector.apply(List.of(
                first,
                event(id, "v3", 3),
                event(id, "v2", 2),
                event(id, "v3 again", 3),
                event(id, "v1 redelivered", 1, first.eventId())));

        assertEquals(List.of(APPLIED, APPLIED, STALE, STALE, DUPLICATE), outcomes);
        given().get("/api/read-model/{topic}/{id}", TOPIC, id).then().statusCode(200)
                .body("version", equalTo(3)).body("state.name", equalTo("v3")).body("deleted", equalTo(false));
        assertEquals(appliedBefore + 2, eventsApplied(), "only the two applied events count");

        // The same batch again, as after a crash before the offsets were committed: nothing is applied twice.
        assertEquals(List.of(DUPLICATE, DUPLICATE), projector.apply(List.of(first, event(id, "v1", 1, first.eventId()))));
        assertEquals(appliedBefore + 2, eventsApplied());
    }

    @Test
    void aDeletionInABatchSticksAgainstOlderEventsBehindItAndANewerVersionRevivesTheAggregate() {
        String id = "batch-gone-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(List.of(APPLIED), projector.apply(List.of(event(id, "v1", 1))));

        assertEquals(List.of(DELETED, STALE, STALE), projector.apply(List.of(
                tombstone(id, 2), event(id, "v1 late", 1), tombstone(id, 2))));
        given().get("/api/read-model/{topic}/{id}", TOPIC, id).then().statusCode(200)
                .body("version", equalTo(2)).body("deleted", equalTo(true));

        assertEquals(List.of(STALE, APPLIED), projector.apply(List.of(event(id, "v2", 2), event(id, "v3", 3))));
        given().get("/api/read-model/{topic}/{id}", TOPIC, id).then().statusCode(200)
                .body("version", equalTo(3)).body("deleted", equalTo(false)).body("state.name", equalTo("v3"));
    }

    @Test
    void aBatchOfSeveralAggregatesAppliesEachOnItsOwnVersions() {
        String a = "batch-a-" + UUID.randomUUID().toString().substring(0, 8);
        String b = "batch-b-" + UUID.randomUUID().toString().substring(0, 8);
        projector.apply(List.of(event(a, "a5", 5)));

        assertEquals(List.of(STALE, APPLIED, APPLIED, DELETED), projector.apply(List.of(
                event(a, "a4", 4), event(b, "b1", 1), event(a, "a6", 6), tombstone(b, 2))));
        given().get("/api/read-model/{topic}/{id}", TOPIC, a).then().body("version", equalTo(6))
                .body("state.name", equalTo("a6"));
        given().get("/api/read-model/{topic}/{id}", TOPIC, b).then().body("version", equalTo(2))
                .body("deleted", equalTo(true));
        given().get("/api/dashboard/events?size=500").then().statusCode(200)
                .body("items.findAll { it.aggregateId == '" + a + "' }.version", equalTo(List.of(6, 5)))
                .body("items.findAll { it.aggregateId == '" + b + "' }.outcome", org.hamcrest.Matchers.hasItems("applied", "deleted"));
    }
}
