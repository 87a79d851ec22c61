package org.silkroad.gateway.dashboard;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.silkroad.gateway.Events;
import org.silkroad.testing.KafkaOutage;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.TopicWriter;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** With Kafka gone the views are still served from the read model, marked stale with the age of what they hold. */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "gateway"))
class KafkaOutageViewsTest {

    @Test
    void viewsStayAvailableAndTurnStaleWhileKafkaIsDown() {
        String id = "outage-" + Events.suffix();
        try (TopicWriter writer = TopicWriter.open()) {
            new Events(writer).asset(id, "Outage crossing", 1, null);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/read-model/corridor.assets.v1/" + id)
                .then().statusCode(200));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/dashboard/corridors").then()
                .body("freshness.find { it.source == 'corridor' }.stale", equalTo(false)));
        KafkaOutage.begin();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/dashboard/overview").then()
                    .statusCode(200).body("stale", equalTo(true))
                    .body("freshness.find { it.source == 'corridor' }.stale", equalTo(true))
                    .body("freshness.find { it.source == 'corridor' }.reason", containsString("Kafka"))
                    .body("freshness.find { it.source == 'corridor' }.ageSeconds", notNullValue()));
            given().get("/api/dashboard/corridors").then().statusCode(200).body("stale", equalTo(true))
                    .body("assets.find { it.id == '" + id + "' }.name", equalTo("Outage crossing"));
            // Still ready: a pod that serves stale views must stay behind its Service while the broker is away.
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            KafkaOutage.end();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/dashboard/corridors").then()
                .body("freshness.find { it.source == 'corridor' }.stale", equalTo(false)));
    }
}
