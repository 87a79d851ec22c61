package org.silkroad.corridor.status;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.silkroad.corridor.CorridorTestData;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.Tokens;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Thresholds judge the latest period of their series, and judge again when an editor changes or removes them. */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "corridor"))
class ThresholdEditingTest {

    private static final String ABOVE_48 = """
            {"metric":"crossing_time","comparison":"above","limit":%s,"unit":"hours","status":"%s"}""";

    private static String define(String asset, String limit, String status) {
        return given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(ABOVE_48.formatted(limit, status))
                .when().post("/api/assets/" + asset + "/thresholds").then().statusCode(201).extract().path("id");
    }

    private static void change(String asset, String threshold, String limit, String status) {
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(ABOVE_48.formatted(limit, status))
                .when().put("/api/assets/" + asset + "/thresholds/" + threshold).then().statusCode(200)
                .body("limit", equalTo(Integer.parseInt(limit)));
    }

    private static void state(String asset, String state, int version) {
        given().when().get("/api/assets/" + asset).then().body("status.state", equalTo(state)).body("version", equalTo(version));
    }

    @Test
    void aLateFigureForAnOlderPeriodDoesNotFlipTheStatus() {
        String asset = CorridorTestData.crossing("late");
        define(asset, "48", "congested");
        ThresholdCrossingTest.crossingTime(asset, "2020-05", "20", "hours");     // latest: within
        ThresholdCrossingTest.crossingTime(asset, "2019-12", "90", "hours");     // arrives late, beyond: an old period
        state(asset, "open", 1);
        given().when().get("/api/assets/" + asset + "/thresholds").then()
                .body("[0].breached", equalTo(false))
                .body("[0].judgedPeriod", equalTo("2020-05"));

        ThresholdCrossingTest.crossingTime(asset, "2020-06", "50", "hours");     // a newer period beyond: congested
        ThresholdCrossingTest.crossingTime(asset, "2020-04", "10", "hours");     // late and within: still congested
        state(asset, "congested", 2);
        assertEquals(1, ThresholdCrossingTest.statusEvents(asset, 1).size(), "only the newer period's crossing counts");
    }

    @Test
    void changingAThresholdJudgesTheLatestMeasurementAgainAndPublishesAtMostOneEvent() {
        String asset = CorridorTestData.crossing("retuned");
        String threshold = define(asset, "48", "congested");
        ThresholdCrossingTest.crossingTime(asset, "2021-01", "60", "hours");
        state(asset, "congested", 2);

        change(asset, threshold, "50", "congested");                 // 60 h is still above 50: nothing changes
        state(asset, "congested", 2);
        change(asset, threshold, "72", "congested");                 // 60 h is now within: back to open, one event
        state(asset, "open", 3);
        change(asset, threshold, "40", "closed");                    // beyond again, with the new status: one event
        state(asset, "closed", 4);
        change(asset, threshold, "40", "restricted");                // still beyond, another status: one event
        state(asset, "restricted", 5);

        List<ConsumerRecord<String, String>> events = ThresholdCrossingTest.statusEvents(asset, 4);
        assertEquals(4, events.size(), "one event per change of the verdict or of the status, none otherwise");
        assertTrue(events.get(1).value().contains("\"to\":\"open\""));
        assertTrue(events.get(3).value().contains("\"to\":\"restricted\""));
        given().when().get("/api/assets/" + asset + "/status-history").then()
                .body("to", contains("congested", "open", "closed", "restricted"));
    }

    @Test
    void removingABreachedThresholdGivesBackTheStatusBeforeAndRemovingAnotherChangesNothing() {
        String asset = CorridorTestData.crossing("unwatched");
        String holding = define(asset, "48", "congested");
        String idle = define(asset, "100", "closed");
        ThresholdCrossingTest.crossingTime(asset, "2022-03", "70", "hours");
        state(asset, "congested", 2);

        given().auth().oauth2(Tokens.editor()).when().delete("/api/assets/" + asset + "/thresholds/" + idle).then().statusCode(204);
        state(asset, "congested", 2);                                // it held nothing: no event
        given().auth().oauth2(Tokens.editor()).when().delete("/api/assets/" + asset + "/thresholds/" + holding).then().statusCode(204);
        state(asset, "open", 3);
        given().auth().oauth2(Tokens.editor()).when().delete("/api/assets/" + asset + "/thresholds/" + holding).then().statusCode(404);
        given().when().get("/api/assets/" + asset + "/thresholds").then().body("$", empty());
        given().when().get("/api/assets/" + asset + "/status-history").then()
                .body("to", contains("congested", "open"))
                .body("[1].cause", startsWith("editor:"))
                .body("[1].reason", containsString("was removed"));
        assertEquals(2, ThresholdCrossingTest.statusEvents(asset, 2).size());

        ThresholdCrossingTest.crossingTime(asset, "2022-04", "90", "hours");     // no threshold left: stays open
        state(asset, "open", 3);
    }

    @Test
    void editingThresholdsIsCheckedAndNeedsAnEditor() {
        String asset = CorridorTestData.crossing("guarded");
        String threshold = define(asset, "48", "congested");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("""
                        {"metric":"crossing_time","comparison":"above","limit":-1,"unit":"hours","status":"congested"}""")
                .when().put("/api/assets/" + asset + "/thresholds/" + threshold).then().statusCode(400)
                .body("violations.field", hasItem(containsString("limit")));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("""
                        {"metric":"crossing_time","comparison":"above","limit":48,"unit":"TEU","status":"congested"}""")
                .when().put("/api/assets/" + asset + "/thresholds/" + threshold).then().statusCode(400)
                .body("violations.field", contains("unit"));
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(ABOVE_48.formatted("10", "closed"))
                .when().put("/api/assets/" + asset + "/thresholds/" + threshold).then().statusCode(403);
        given().when().delete("/api/assets/" + asset + "/thresholds/" + threshold).then().statusCode(401);
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(ABOVE_48.formatted("10", "closed"))
                .when().put("/api/assets/" + asset + "/thresholds/00000000-0000-0000-0000-000000000000").then().statusCode(404);
        given().when().get("/api/assets/" + asset + "/thresholds").then()
                .body("[0].limit", equalTo(48)).body("[0].unit", equalTo("hours"));
    }
}
