package org.silkroad.corridor.status;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.silkroad.corridor.CorridorTestData;
import org.silkroad.testing.EventContract;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.Tokens;
import org.silkroad.testing.TopicProbe;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "corridor"))
class ThresholdCrossingTest {

    static void crossingTime(String asset, String period, String value, String unit) {
        CorridorTestData.measurement("""
                {"assetId":"%s","metric":"crossing_time","period":"%s","direction":"outbound","mode":"road",
                 "value":%s,"unit":"%s","source":"CPMM"}""".formatted(asset, period, value, unit));
    }

    static List<ConsumerRecord<String, String>> statusEvents(String asset, int atLeast) {
        try (TopicProbe probe = TopicProbe.fromBeginning("corridor.status.v1")) {
            // Wait long enough for an unwanted extra event to show up too.
            probe.awaitKey(asset, atLeast, Duration.ofSeconds(20));
            return probe.awaitKey(asset, atLeast + 1, Duration.ofSeconds(3));
        }
    }

    @Test
    void crossingTheThresholdPublishesExactlyOneStatusEventAndCrossingBackOneMore() {
        String asset = CorridorTestData.crossing("threshold");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("""
                        {"metric":"crossing_time","comparison":"above","limit":48,"unit":"hours","status":"congested"}""")
                .when().post("/api/assets/" + asset + "/thresholds").then().statusCode(201)
                .body("breached", equalTo(false));

        crossingTime(asset, "2020-01", "30", "hours");        // within: nothing happens
        given().when().get("/api/assets/" + asset).then().body("status.state", equalTo("open")).body("version", equalTo(1));

        crossingTime(asset, "2020-02", "52", "hours");        // crosses: congested
        crossingTime(asset, "2020-03", "3", "days");          // 72 h, still beyond: no new event
        given().when().get("/api/assets/" + asset).then()
                .body("status.state", equalTo("congested"))
                .body("status.reason", containsString("above the limit of 48 hours"))
                .body("version", equalTo(2));
        List<ConsumerRecord<String, String>> afterCrossing = statusEvents(asset, 1);
        assertEquals(1, afterCrossing.size(), "one status event for one crossing");

        crossingTime(asset, "2020-04", "20", "hours");        // back within: open again
        crossingTime(asset, "2020-05", "21", "hours");        // still within: nothing
        given().when().get("/api/assets/" + asset).then()
                .body("status.state", equalTo("open"))
                .body("version", equalTo(3));

        List<ConsumerRecord<String, String>> events = statusEvents(asset, 2);
        assertEquals(2, events.size(), "exactly one more event for crossing back");
        assertEquals(List.of("1", "2"), events.stream().map(e -> TopicProbe.header(e, "ce_aggregateversion")).toList(),
                "the status version grows per asset");
        for (ConsumerRecord<String, String> e : events) {
            assertEquals("org.silkroad.corridor.status.changed.v1", TopicProbe.header(e, "ce_type"));
            List<String> violations = EventContract.violations("org.silkroad.corridor.status.changed.v1", e.value());
            assertTrue(violations.isEmpty(), () -> "status event violates its contract: " + violations);
        }
        assertTrue(events.get(0).value().contains("\"to\":\"congested\""));
        assertTrue(events.get(1).value().contains("\"to\":\"open\""));

        given().when().get("/api/assets/" + asset + "/status-history").then().statusCode(200)
                .body("to", contains("congested", "open"))
                .body("[0].cause", startsWith("threshold:"));

        try (TopicProbe probe = TopicProbe.fromBeginning("corridor.assets.v1")) {
            List<ConsumerRecord<String, String>> assetEvents = probe.awaitKey(asset, 3, Duration.ofSeconds(20));
            assertEquals(List.of("1", "2", "3"), assetEvents.stream().map(e -> TopicProbe.header(e, "ce_aggregateversion")).toList(),
                    "every status change republishes the asset with the next version");
            assertTrue(assetEvents.get(1).value().contains("\"state\":\"congested\""));
        }
    }

    @Test
    void anEditorClosesACrossingForAWindowAndTheTransitionNamesTheEditor() {
        String asset = CorridorTestData.crossing("closure");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("""
                        {"status":"closed","reason":"COVID-19 border closure","windowFrom":"2020-03","windowUntil":"2020-06"}""")
                .when().post("/api/assets/" + asset + "/status").then().statusCode(200)
                .body("from", equalTo("open"))
                .body("to", equalTo("closed"))
                .body("cause", startsWith("editor:"))
                .body("sequence", equalTo(1));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("""
                        {"status":"closed","reason":"COVID-19 border closure","windowFrom":"2020-03","windowUntil":"2020-06"}""")
                .when().post("/api/assets/" + asset + "/status").then().statusCode(204);
        given().when().get("/api/assets/" + asset).then()
                .body("status.state", equalTo("closed"))
                .body("status.windowFrom", equalTo("2020-03"))
                .body("status.windowUntil", equalTo("2020-06"))
                .body("version", equalTo(2));
        given().queryParam("status", "closed").queryParam("size", 500).when().get("/api/assets").then()
                .body("items.id", hasItem(asset));
        assertEquals(1, statusEvents(asset, 1).size(), "setting the same status again publishes nothing");
    }

    @Test
    void statusAndThresholdInputIsCheckedAndNeedsAnEditor() {
        String asset = CorridorTestData.crossing("checked");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body("{\"status\":\"jammed\"}")
                .when().post("/api/assets/" + asset + "/status").then().statusCode(400)
                .body("violations.field", hasItem(containsString("status")));
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body("{\"status\":\"closed\"}")
                .when().post("/api/assets/" + asset + "/status").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"status\":\"closed\"}")
                .when().post("/api/assets/" + asset + "/status").then().statusCode(401);
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("""
                        {"metric":"crossing_time","comparison":"above","limit":48,"unit":"TEU","status":"congested"}""")
                .when().post("/api/assets/" + asset + "/thresholds").then().statusCode(400)
                .body("violations.field", contains("unit"));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("""
                        {"metric":"queue","comparison":"above","limit":48,"unit":"hours","status":"congested"}""")
                .when().post("/api/assets/" + asset + "/thresholds").then().statusCode(400)
                .body("violations.field", contains("metric"));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("""
                        {"metric":"crossing_time","comparison":"above","limit":48,"unit":"hours","status":"congested"}""")
                .when().post("/api/assets/no-such-asset-x/thresholds").then().statusCode(404);
    }
}
