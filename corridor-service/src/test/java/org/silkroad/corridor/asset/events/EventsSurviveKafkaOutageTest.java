package org.silkroad.corridor.asset.events;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.KafkaOutage;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.Tokens;
import org.silkroad.testing.TopicProbe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox promise: a write accepted while Kafka is down is published, once Kafka is back, in order. */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "corridor"))
class EventsSurviveKafkaOutageTest {

    @Test
    void writesAcceptedWhileKafkaIsDownArePublishedInOrderWhenItReturns() {
        // Ids are chosen by the client and the database outlives this class, so each run needs fresh ones.
        int run = ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
        List<String> ids = new ArrayList<>();
        KafkaOutage.begin();
        try {
            for (int n = 1; n <= 10; n++) {
                ids.add(given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                        .body("""
                                {"id":"outage-%d-%d","name":"Outage test dry port %d","kind":"dry_port","countries":["KZ"]}
                                """.formatted(run, n, n))
                        .when().post("/api/assets")
                        .then().statusCode(201)
                        .extract().path("id"));
            }
            given().when().get("/q/health/ready").then().statusCode(200);
        } finally {
            KafkaOutage.end();
        }

        try (TopicProbe probe = TopicProbe.fromBeginning("corridor.assets.v1")) {
            List<ConsumerRecord<String, String>> events = probe.await(r -> ids.contains(r.key()), ids.size(), Duration.ofSeconds(60));
            assertEquals(ids.size(), events.stream().map(ConsumerRecord::key).distinct().count(),
                    "every write accepted during the outage reached Kafka");

            // Within a partition, the events must stand in the order the writes were accepted.
            Map<Integer, List<ConsumerRecord<String, String>>> byPartition = events.stream()
                    .collect(Collectors.groupingBy(ConsumerRecord::partition));
            byPartition.values().forEach(records -> {
                List<Integer> acceptedOrder = records.stream()
                        .sorted(Comparator.comparingLong(ConsumerRecord::offset))
                        .map(r -> ids.indexOf(r.key()))
                        .distinct()
                        .toList();
                List<Integer> sorted = acceptedOrder.stream().sorted().toList();
                assertEquals(sorted, acceptedOrder, "per-partition order follows commit order");
            });
            assertTrue(byPartition.size() >= 1);
        }
    }
}
