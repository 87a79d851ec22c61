package org.silkroad.policy.milestone.events;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.KafkaOutage;
import org.silkroad.testing.OutageDelivery;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.Tokens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** The outbox promise: a write accepted while Kafka is down is published, once Kafka is back, in order. */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "policy"))
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
                                {"id":"outage-%d-%d","title":"Outage test milestone %d","category":"event","date":"2020","actors":["KZ"]}
                                """.formatted(run, n, n))
                        .when().post("/api/milestones")
                        .then().statusCode(201)
                        .extract().path("id"));
            }
            given().when().get("/q/health/ready").then().statusCode(200);
        } finally {
            KafkaOutage.end();
        }

        OutageDelivery.assertAllPublishedInAcceptedOrder("policy.milestones.v1", ids, Duration.ofSeconds(60));
    }
}
