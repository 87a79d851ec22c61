package org.silkroad.policy.milestone.status;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.silkroad.policy.milestone.events.MilestoneEvents;
import org.silkroad.testing.MovableClock;
import org.silkroad.testing.EventContract;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.Tokens;
import org.silkroad.testing.TopicProbe;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A programme that ends while nobody edits it is published again on the day it ends, exactly once. */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "policy"))
class StatusChangeOnItsDateTest {

    @Inject
    MovableClock clock;

    @Inject
    StatusCheck check;

    @AfterEach
    void realTimeAgain() {
        clock.backToRealTime();
    }

    @Test
    void theDailyCheckPublishesAStatusChangeOnTheDayItHappensAndOnlyOnce() {
        String id = "corridor-plan-" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
        clock.moveTo(LocalDate.parse("2030-06-30"));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("""
                        {"id":"%s","title":"Western corridor plan","category":"programme","date":"2021","dateEnd":"2030-06-30",
                         "actors":["CN"],"lifecycle":{"inForce":"2021","expired":"2030-06-30"}}
                        """.formatted(id))
                .when().post("/api/milestones")
                .then().statusCode(201)
                .body("status", equalTo("in_force"));

        // Nothing changes on the last day of the programme: running the check then publishes nothing for it.
        check.run();
        clock.moveTo(LocalDate.parse("2030-07-01"));
        assertTrue(check.run() >= 1, "the programme's expiry is found");
        assertEquals(0, check.run(), "a second run the same day finds nothing left to publish");
        clock.moveTo(LocalDate.parse("2030-07-02"));
        check.run();

        given().when().get("/api/milestones/" + id)
                .then().statusCode(200)
                .body("status", equalTo("expired"))
                .body("version", equalTo(2));
        given().when().get("/api/milestones/" + id + "/history")
                .then().statusCode(200)
                .body("items[0].reason", equalTo("status_changed"))
                .body("items[0].changedBy", equalTo("system:status-check"));

        try (TopicProbe probe = TopicProbe.fromBeginning("policy.milestones.v1")) {
            // Wait long enough for a duplicate to show up if there were one.
            List<ConsumerRecord<String, String>> events = probe.awaitKey(id, 3, Duration.ofSeconds(8));
            assertEquals(2, events.size(), "one event for the record, one for the status change");
            ConsumerRecord<String, String> change = events.get(1);
            assertEquals("2", TopicProbe.header(change, "ce_aggregateversion"));
            assertTrue(change.value().contains("\"status\":\"expired\""), change.value());
            assertTrue(change.value().contains("\"statusAsOf\":\"2030-07-01\""), change.value());
            assertTrue(EventContract.violations(MilestoneEvents.UPSERTED, change.value()).isEmpty(),
                    () -> "payload violates its contract: " + EventContract.violations(MilestoneEvents.UPSERTED, change.value()));
        }
    }
}
