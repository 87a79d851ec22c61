package org.silkroad.gateway;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Waits, through the gateway's own API, until the read model holds an aggregate (at a given version). */
public final class ReadModelProbe {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private ReadModelProbe() {
    }

    public static void awaitPresent(String topic, String id) {
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/read-model/{t}/{id}", topic, id)
                .then().statusCode(200));
    }

    public static void awaitVersion(String topic, String id, int version) {
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/read-model/{t}/{id}", topic, id)
                .then().statusCode(200).body("version", equalTo(version)));
    }
}
