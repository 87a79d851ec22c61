package org.silkroad.trade.release.events;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.KafkaOutage;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.Tokens;
import org.silkroad.testing.TopicProbe;
import org.silkroad.trade.release.api.Uploads;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The outbox promise for bulk imports published by reference: two releases (the second revising every row of the
 * first) and a deletion accepted while Kafka is down all reach the topic once it is back, each observation's versions
 * complete and in order — across the release publisher (several batches, resumed from its cursor) and the ordinary
 * outbox (the deletion, which takes over the revisions the publisher had not sent yet).
 */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "trade"))
class BulkImportSurvivesKafkaOutageTest {

    /** More rows than one publisher batch in tests (silkroad.trade.publisher.batch-size), so the cursor has to move. */
    private static final int ROWS = 120;

    @Test
    void releasesAndADeletionAcceptedWhileKafkaIsDownArePublishedCompleteAndInOrderPerObservation() {
        String source = "bulk outage test " + UUID.randomUUID();
        String deletedId;
        List<String> ids;
        KafkaOutage.begin();
        try {
            String first = Uploads.upload(file(1), "text/csv", Map.of("source", source, "published", "2020-01-01"))
                    .statusCode(201).extract().path("id");
            Uploads.upload(file(2), "text/csv", Map.of("source", source, "published", "2021-01-01"))
                    .statusCode(201).body("revised", org.hamcrest.Matchers.equalTo(ROWS));
            ids = given().queryParam("source", source).queryParam("size", 500).get("/api/observations")
                    .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
            assertEquals(ROWS, ids.size());
            deletedId = ids.get(ROWS / 2);
            given().auth().oauth2(Tokens.editor()).delete("/api/observations/" + deletedId).then().statusCode(204);
            // Nothing could be published: the releases wait for Kafka, their progress says so.
            given().get("/api/releases/" + first).then().statusCode(200)
                    .body("phase", org.hamcrest.Matchers.equalTo("publishing"))
                    .body("eventsTotal", org.hamcrest.Matchers.equalTo(ROWS));
        } finally {
            KafkaOutage.end();
        }

        try (TopicProbe probe = TopicProbe.fromBeginning("trade.observations.v1")) {
            Set<String> keys = Set.copyOf(ids);
            // v1 and v2 of each, plus v3 (deleted) and its tombstone for the deleted one.
            List<ConsumerRecord<String, String>> events = probe.await(r -> keys.contains(r.key()), 2 * ROWS + 2, Duration.ofSeconds(90));
            Map<String, List<ConsumerRecord<String, String>>> byKey = new LinkedHashMap<>();
            Set<String> seenEventIds = new LinkedHashSet<>();
            for (ConsumerRecord<String, String> e : events) {
                // At least once: a batch sent again after the outage repeats its event ids; consumers drop repeats.
                String eventId = TopicProbe.header(e, "ce_id");
                if (e.value() == null || seenEventIds.add(eventId)) {
                    byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
                }
            }
            assertEquals(ROWS, byKey.size(), "every observation of both releases reached the topic");
            for (String id : ids) {
                List<ConsumerRecord<String, String>> own = byKey.get(id);
                List<String> versions = own.stream().map(e -> TopicProbe.header(e, "ce_aggregateversion")).toList();
                if (id.equals(deletedId)) {
                    assertEquals(List.of("1", "2", "3", "3"), versions, "observation " + id + ": versions in order");
                    assertEquals("org.silkroad.trade.observation.deleted.v1", TopicProbe.header(own.get(2), "ce_type"));
                    assertNull(own.get(3).value(), "the deletion is followed by a tombstone");
                } else {
                    assertEquals(List.of("1", "2"), versions, "observation " + id + ": versions in order");
                    assertEquals(List.of("org.silkroad.trade.observation.upserted.v1", "org.silkroad.trade.observation.revised.v1"),
                            own.stream().map(e -> TopicProbe.header(e, "ce_type")).toList());
                }
            }
        }
    }

    /** A bulk Comtrade file of {@link #ROWS} distinct figures; {@code vintage} changes every value. */
    private static byte[] file(int vintage) {
        StringBuilder csv = new StringBuilder(Uploads.BULK_HEADER);
        for (int i = 0; i < ROWS; i++) {
            int year = 2000 + i % 20;
            String commodity = "84" + "%02d".formatted(1 + i / 20);
            csv.append("H4,").append(year).append(',').append(year).append(',').append(year)
                    .append(",4,0,1,Import,417,Kyrgyzstan,KGZ,156,China,CHN,").append(commodity).append(",Machinery,,,,,")
                    .append(1000 * (i + 1) + vintage).append(",0\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
