package org.silkroad.trade.observation.events;

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

import static io.restassured.RestAssured.given;

/** The outbox promise: a write accepted while Kafka is down is published, once Kafka is back, in order. */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "trade"))
class EventsSurviveKafkaOutageTest {

    @Test
    void writesAcceptedWhileKafkaIsDownArePublishedInOrderWhenItReturns() {
        List<String> ids = new ArrayList<>();
        KafkaOutage.begin();
        try {
            for (int year = 2001; year <= 2010; year++) {
                ids.add(given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                        .body("""
                                {"reporter":"CHN","partner":"KAZ","flow":"export","period":"%d","commodity":"TOTAL",
                                 "valueUsd":%d,"sourceDocument":"outage test"}
                                """.formatted(year, year * 1000))
                        .when().post("/api/observations")
                        .then().statusCode(201)
                        .extract().path("id"));
            }
            given().when().get("/q/health/ready").then().statusCode(200);
        } finally {
            KafkaOutage.end();
        }

        OutageDelivery.assertAllPublishedInAcceptedOrder("trade.observations.v1", ids, Duration.ofSeconds(60));
    }
}
