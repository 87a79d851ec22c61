package org.silkroad.gateway.readmodel.rebuild;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.silkroad.gateway.Events;
import org.silkroad.gateway.ReadModelProbe;
import org.silkroad.gateway.dashboard.DashboardViews;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.Tokens;
import org.silkroad.testing.TopicWriter;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Replaying every topic from its beginning leaves every view exactly as it was. */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "gateway"))
class ReadModelRebuildTest {

    static TopicWriter writer;
    static Events events;

    @BeforeAll
    static void open() {
        writer = TopicWriter.open();
        events = new Events(writer);
    }

    @AfterAll
    static void close() {
        writer.close();
    }

    /** Every view's ETag and body without the parts that move with the clock. */
    static Map<String, String> allViews() {
        Map<String, String> views = new LinkedHashMap<>();
        for (String view : DashboardViews.STREAMED) {
            Response response = given().get("/api/dashboard/" + view).then().statusCode(200).extract().response();
            Map<String, Object> body = new LinkedHashMap<>(response.jsonPath().getMap("$"));
            body.remove("asOf");
            body.remove("freshness");
            views.put(view, response.header("ETag") + " " + body);
        }
        return views;
    }

    @Test
    void onlyAnAdministratorOrEditorMayRebuild() {
        given().post("/api/admin/rebuild").then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).post("/api/admin/rebuild").then().statusCode(403);
    }

    @Test
    void afterARebuildEveryViewIsIdentical() {
        String s = Events.suffix();
        String asset = "rebuild-" + s;
        events.asset(asset, "Rebuild crossing", 1, "\"location\":{\"type\":\"Point\",\"coordinates\":[80.4,44.2]}");
        events.asset(asset, "Rebuild crossing v2", 2, "\"location\":{\"type\":\"Point\",\"coordinates\":[80.4,44.2]}");
        events.asset(asset, "Rebuild crossing stale", 1, null);
        String gone = "rebuild-gone-" + s;
        events.asset(gone, "Gone", 1, null);
        events.tombstone(Events.ASSETS, "/corridor-service", gone, 2);
        String status = events.status(asset, "open", "2024-05-01");
        String measurement = events.measurement(asset, "crossing_time", 7.5, "h", "2024-06-01");
        String export = events.observation("KAZ", "CHN", "export", "2012", 16.3e9, "Rebuild doc " + s, "Table 1");
        String imports = events.observation("KAZ", "CHN", "import", "2012", 9.4e9, "Rebuild doc " + s, "Table 1");
        events.milestone("rebuild-" + s, "Rebuild milestone", "agreement", "2013-09", null);
        String marker = "rebuild-marker-" + s;
        events.asset(marker, "Marker", 1, null);
        ReadModelProbe.awaitVersion(Events.ASSETS, asset, 2);
        ReadModelProbe.awaitVersion(Events.ASSETS, gone, 2);
        ReadModelProbe.awaitVersion(Events.ASSETS, marker, 1);
        // Each topic has its own consumer: wait for every one, or the rebuild would be compared with a lagging view.
        ReadModelProbe.awaitVersion(Events.STATUS, status, 1);
        ReadModelProbe.awaitVersion(Events.MEASUREMENTS, measurement, 1);
        ReadModelProbe.awaitVersion(Events.OBSERVATIONS, export, 1);
        ReadModelProbe.awaitVersion(Events.OBSERVATIONS, imports, 1);
        ReadModelProbe.awaitVersion(Events.MILESTONES, "rebuild-" + s, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/dashboard/events?size=500").then()
                .extract().jsonPath().getList("items.aggregateId").contains(marker));

        Map<String, String> before = allViews();
        given().auth().oauth2(Tokens.editor()).post("/api/admin/rebuild").then().statusCode(200)
                .body("recordsRead", greaterThan(10))
                .body("applied", greaterThan(5));
        Map<String, String> after = allViews();
        for (String view : before.keySet()) {
            assertEquals(before.get(view), after.get(view), "view " + view + " differs after the rebuild");
        }
        given().auth().oauth2(Tokens.withRoles("admin")).post("/api/admin/rebuild").then().statusCode(200);
        assertEquals(before, allViews());
    }
}
