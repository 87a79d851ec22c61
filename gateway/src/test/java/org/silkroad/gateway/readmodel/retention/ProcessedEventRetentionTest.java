package org.silkroad.gateway.readmodel.retention;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.silkroad.gateway.readmodel.rebuild.ReadModelRebuild;
import org.silkroad.gateway.readmodel.EventProjector;
import org.silkroad.gateway.readmodel.IncomingEvent;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.TopicWriter;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.silkroad.gateway.readmodel.EventProjector.Outcome.APPLIED;
import static org.silkroad.gateway.readmodel.EventProjector.Outcome.DUPLICATE;
import static org.silkroad.gateway.readmodel.EventProjector.Outcome.STALE;

/** Pruned ids go, newer ones stay, and a redelivery of a pruned event is still not applied twice. */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "gateway"))
class ProcessedEventRetentionTest {

    static final String TOPIC = "corridor.assets.v1";

    @Inject
    EventProjector projector;

    @Inject
    ReadModelRebuild rebuild;

    @Inject
    ProcessedEventRetention retention;

    @Inject
    EntityManager em;

    static IncomingEvent asset(String id, long version, long offset) {
        RecordHeaders headers = new RecordHeaders();
        TopicWriter.cloudEvent("/corridor-service", "org.silkroad.corridor.asset.upserted.v1", id, version)
                .forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        String json = """
                {"id":"%s","name":"Pruned %s","kind":"border_crossing","countries":["CN","KZ"],"aliases":[],"note":null,
                 "version":%d,"updatedAt":"2026-11-23T10:00:00Z"}""".formatted(id, id, version);
        return IncomingEvent.readChecked(new ConsumerRecord<>(TOPIC, 0, offset, 0L, TimestampType.CREATE_TIME, -1, -1,
                id, json, headers, Optional.empty()));
    }

    boolean recorded(String eventId) {
        return !em.createNativeQuery("SELECT 1 FROM processed_event WHERE event_id = :id")
                .setParameter("id", eventId).getResultList().isEmpty();
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
    void idsHandledBeforeTheCutoffGoAndTheirRedeliveryIsSkippedAsStale() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        IncomingEvent old = asset("pruned-" + run, 1, 2_000_000_001L);
        assertEquals(List.of(APPLIED), projector.apply(List.of(old)));
        Thread.sleep(20); // processed_at of the two events on either side of the cutoff
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC);
        Thread.sleep(20);
        IncomingEvent recent = asset("kept-" + run, 1, 2_000_000_002L);
        assertEquals(List.of(APPLIED), projector.apply(List.of(recent)));

        assertTrue(retention.prune(cutoff) >= 1);
        assertTrue(!recorded(old.eventId()), "the id handled before the cutoff is gone");
        assertTrue(recorded(recent.eventId()), "the id handled after the cutoff is kept");

        long applied = eventsApplied();
        assertEquals(List.of(STALE, DUPLICATE), projector.apply(List.of(old, recent)),
                "the pruned event's version is held already, so its redelivery changes nothing");
        assertEquals(applied, eventsApplied());
        given().get("/api/read-model/{topic}/{id}", TOPIC, old.aggregateId()).then().body("version", equalTo(1));
    }
}
