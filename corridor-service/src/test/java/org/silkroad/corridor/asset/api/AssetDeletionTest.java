package org.silkroad.corridor.asset.api;

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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "corridor"))
class AssetDeletionTest {

    @Test
    void deletingAnAssetRemovesItWithItsMeasurementsThresholdsAndStatusAndDeletesEveryKeyOnTheTopics() {
        String asset = CorridorTestData.crossing("deleted");
        String measurement = given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("""
                        {"assetId":"%s","metric":"crossing_time","period":"2021","value":60,"unit":"hours"}""".formatted(asset))
                .when().post("/api/measurements").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("""
                        {"metric":"crossing_time","comparison":"above","limit":48,"unit":"hours","status":"congested"}""")
                .when().post("/api/assets/" + asset + "/thresholds").then().statusCode(201)
                .body("breached", equalTo(true));   // judged at once against the 2021 figure: congested, version 2
        given().when().get("/api/assets/" + asset).then().body("status.state", equalTo("congested")).body("version", equalTo(2));

        given().auth().oauth2(Tokens.editor()).when().delete("/api/assets/" + asset).then().statusCode(204);

        given().when().get("/api/assets/" + asset).then().statusCode(404);
        given().when().get("/api/measurements/" + measurement).then().statusCode(404);
        given().queryParam("asset", asset).when().get("/api/measurements").then().statusCode(200).body("totalItems", equalTo(0));
        given().queryParam("q", "test crossing").queryParam("size", 500).when().get("/api/assets").then()
                .body("items.id", not(hasItem(asset)));
        given().when().get("/api/map/assets").then().statusCode(200).body("features.id", not(hasItem(asset)));
        given().when().get("/api/assets/" + asset + "/thresholds").then().statusCode(404);
        given().auth().oauth2(Tokens.editor()).when().delete("/api/assets/" + asset).then().statusCode(404);

        try (TopicProbe probe = TopicProbe.fromBeginning("corridor.assets.v1")) {
            List<ConsumerRecord<String, String>> events = probe.awaitKey(asset, 4, Duration.ofSeconds(20));
            assertEquals(List.of("1", "2", "3", "3"), events.stream().map(e -> TopicProbe.header(e, "ce_aggregateversion")).toList(),
                    "the deletion and its tombstone are one version above the last upsert");
            assertEquals("org.silkroad.corridor.asset.deleted.v1", TopicProbe.header(events.get(2), "ce_type"));
            List<String> violations = EventContract.violations("org.silkroad.corridor.asset.deleted.v1", events.get(2).value());
            assertTrue(violations.isEmpty(), () -> "deletion violates its contract: " + violations);
            assertNull(events.get(3).value(), "a tombstone follows, so compaction forgets the key");
        }
        try (TopicProbe probe = TopicProbe.fromBeginning("corridor.measurements.v1")) {
            List<ConsumerRecord<String, String>> events = probe.awaitKey(measurement, 3, Duration.ofSeconds(20));
            assertEquals(List.of("1", "2", "2"), events.stream().map(e -> TopicProbe.header(e, "ce_aggregateversion")).toList());
            assertEquals("org.silkroad.corridor.measurement.deleted.v1", TopicProbe.header(events.get(1), "ce_type"));
            List<String> violations = EventContract.violations("org.silkroad.corridor.measurement.deleted.v1", events.get(1).value());
            assertTrue(violations.isEmpty(), () -> "deletion violates its contract: " + violations);
            assertNull(events.get(2).value());
        }
        try (TopicProbe probe = TopicProbe.fromBeginning("corridor.status.v1")) {
            List<ConsumerRecord<String, String>> events = probe.awaitKey(asset, 3, Duration.ofSeconds(20));
            assertEquals(List.of("1", "2", "2"), events.stream().map(e -> TopicProbe.header(e, "ce_aggregateversion")).toList());
            assertEquals("org.silkroad.corridor.status.deleted.v1", TopicProbe.header(events.get(1), "ce_type"));
            List<String> violations = EventContract.violations("org.silkroad.corridor.status.deleted.v1", events.get(1).value());
            assertTrue(violations.isEmpty(), () -> "deletion violates its contract: " + violations);
            assertNull(events.get(2).value());
        }

        // Registered again, the id continues above its deletion: consumers keep a deletion against older versions.
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("""
                        {"id":"%s","name":"Test crossing again","kind":"border_crossing","countries":["CN","KZ"]}""".formatted(asset))
                .when().post("/api/assets").then().statusCode(201)
                .body("version", equalTo(4))
                .body("status.state", equalTo("open"));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body("{\"status\":\"restricted\"}")
                .when().post("/api/assets/" + asset + "/status").then().statusCode(200)
                .body("sequence", equalTo(3));
    }

    @Test
    void deletingNeedsAnEditorAndAnAssetThatExists() {
        String asset = CorridorTestData.crossing("kept");
        given().when().delete("/api/assets/" + asset).then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).when().delete("/api/assets/" + asset).then().statusCode(403);
        given().auth().oauth2(Tokens.editor()).when().delete("/api/assets/no-such-asset-y").then().statusCode(404);
        given().when().get("/api/assets/" + asset).then().statusCode(200).body("version", equalTo(1));
    }
}
