package org.silkroad.corridor.asset.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkroad.testing.EventContract;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.Tokens;
import org.silkroad.testing.TopicProbe;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.silkroad.corridor.CorridorTestData.uniqueId;

@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "corridor"))
class RichAssetTest {

    static String crossing(String id, String opened) {
        return """
                {"id":"%s","name":"Alashankou border port","kind":"border_crossing","countries":["CN","KZ"],"mode":"rail",
                 "aliases":["Alashankou metering station"],
                 "crossing":{"sides":[{"country":"CN","name":"Alashankou","aliases":[]},{"country":"KZ","name":"Dostyk","aliases":["Druzhba"]}],
                             "gaugeChange":{"fromMm":1435,"toMm":1520}},
                 "opened":%s,
                 "capacity":{"min":30,"max":40,"unit":"billion_m3_per_year","basis":"design"},
                 "location":{"type":"Point","coordinates":[82.56,45.18],"approximate":true},
                 "sources":["004, 2.1.3","004, Conclusion"],"note":"Rail gateway."}
                """.formatted(id, opened == null ? "null" : "\"" + opened + "\"");
    }

    @ParameterizedTest
    @CsvSource({"1980s,decade,1980-01-01,1989-12-31", "2006,year,2006-01-01,2006-12-31",
            "2014-12,month,2014-12-01,2014-12-31", "2015-03-03,day,2015-03-03,2015-03-03"})
    void fuzzyOpeningDatesRoundTripWithTheirPrecision(String opened, String precision, String earliest, String latest) {
        String id = uniqueId("fuzzy");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(crossing(id, opened))
                .when().post("/api/assets").then().statusCode(201);
        given().when().get("/api/assets/" + id).then().statusCode(200)
                .body("opened.value", equalTo(opened))
                .body("opened.precision", equalTo(precision))
                .body("opened.earliest", equalTo(earliest))
                .body("opened.latest", equalTo(latest));
    }

    @Test
    void aCrossingKeepsItsSidesGaugeCapacityRangeAndApproximateLocationAndPublishesThemWithinTheContract() {
        String id = uniqueId("alashankou");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(crossing(id, "1980s"))
                .when().post("/api/assets").then().statusCode(201);
        given().when().get("/api/assets/" + id).then().statusCode(200)
                .body("crossing.sides.name", contains("Alashankou", "Dostyk"))
                .body("crossing.sides[1].aliases", contains("Druzhba"))
                .body("crossing.gaugeChange.fromMm", equalTo(1435))
                .body("crossing.gaugeChange.toMm", equalTo(1520))
                .body("capacity.min", equalTo(30))
                .body("capacity.max", equalTo(40))
                .body("capacity.value", nullValue())
                .body("location.coordinates", contains(82.56f, 45.18f))
                .body("location.approximate", equalTo(true))
                .body("hasLocation", equalTo(true))
                .body("status.state", equalTo("open"))
                .body("sources", contains("004, 2.1.3", "004, Conclusion"));

        try (TopicProbe probe = TopicProbe.fromBeginning("corridor.assets.v1")) {
            ConsumerRecord<String, String> event = probe.awaitKey(id, 1, Duration.ofSeconds(20)).get(0);
            List<String> violations = EventContract.violations("org.silkroad.corridor.asset.upserted.v1", event.value());
            assertTrue(violations.isEmpty(), () -> "asset event violates its contract: " + violations);
        }
    }

    @Test
    void anAssetWithoutCoordinatesIsAcceptedAndSaysSo() {
        String id = uniqueId("no-coordinates");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("""
                        {"id":"%s","name":"Line D","kind":"gas_pipeline","countries":[]}""".formatted(id))
                .when().post("/api/assets").then().statusCode(201)
                .body("hasLocation", equalTo(false))
                .body("location", nullValue());
    }

    @Test
    void replacingAnAssetRaisesItsVersionAndAnIdenticalReplacementChangesNothing() {
        String id = uniqueId("replaced");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(crossing(id, "1980s"))
                .when().post("/api/assets").then().statusCode(201);
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(crossing(id, "1986"))
                .when().put("/api/assets/" + id).then().statusCode(200)
                .body("version", equalTo(2))
                .body("opened.precision", equalTo("year"));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(crossing(id, "1986"))
                .when().put("/api/assets/" + id).then().statusCode(200)
                .body("version", equalTo(2));
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(crossing(id, "1990"))
                .when().put("/api/assets/" + id).then().statusCode(403);
        given().contentType(ContentType.JSON).body(crossing(id, "1990"))
                .when().put("/api/assets/" + id).then().statusCode(401);
    }

    @Test
    void listsFilterByModeStatusAndTextInNamesAliasesAndCrossingSides() {
        String id = uniqueId("filtered");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(crossing(id, null))
                .when().post("/api/assets").then().statusCode(201);
        given().queryParam("q", "druzhba").queryParam("mode", "rail").queryParam("status", "open").queryParam("size", 500)
                .when().get("/api/assets").then().statusCode(200)
                .body("items.id", hasItem(id));
        given().queryParam("q", "DOSTYK").queryParam("size", 500)
                .when().get("/api/assets").then().statusCode(200)
                .body("items.id", hasItem(id));
        given().queryParam("mode", "road").queryParam("size", 500)
                .when().get("/api/assets").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().queryParam("status", "closed").queryParam("size", 500)
                .when().get("/api/assets").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().queryParam("status", "shut").when().get("/api/assets").then().statusCode(400)
                .body("violations.field", hasItem(org.hamcrest.Matchers.containsString("status")));
    }

    @Test
    void invalidGeometryIsAProblemNamingTheCoordinates() {
        String latitudeOutOfRange = """
                {"id":"%s","name":"Swapped","kind":"dry_port","countries":["KZ"],
                 "location":{"type":"Point","coordinates":[44.21,95.0]}}""".formatted(uniqueId("swapped"));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(latitudeOutOfRange)
                .when().post("/api/assets").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("location.coordinates"));
        String oneDotLine = """
                {"id":"%s","name":"Short","kind":"highway","countries":["KZ"],
                 "location":{"type":"LineString","coordinates":[[76.9,43.2]]}}""".formatted(uniqueId("short"));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(oneDotLine)
                .when().post("/api/assets").then().statusCode(400)
                .body("violations.field", hasItem("location.coordinates"));
        String polygon = """
                {"id":"%s","name":"Zone","kind":"cooperation_zone","countries":["KZ"],
                 "location":{"type":"Polygon","coordinates":[]}}""".formatted(uniqueId("zone"));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(polygon)
                .when().post("/api/assets").then().statusCode(400)
                .body("violations.field", hasItem("location.coordinates"));
    }

    @Test
    void aDateThatDoesNotExistAndAnUnknownCapacityUnitAreProblemsNamingTheirFields() {
        String body = crossing(uniqueId("bad-date"), "2014-13").replace("billion_m3_per_year", "furlongs");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(body)
                .when().post("/api/assets").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("opened"))
                .body("violations.field", hasItem("capacity.unit"));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(crossing(uniqueId("decade"), "1985s"))
                .when().post("/api/assets").then().statusCode(400)
                .body("violations.field", hasItem("opened"));
    }

    @Test
    void theIdInTheBodyOfAReplacementMustBeThePathId() {
        String id = uniqueId("pinned");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(crossing(id, null))
                .when().post("/api/assets").then().statusCode(201);
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(crossing(uniqueId("other"), null))
                .when().put("/api/assets/" + id).then().statusCode(400)
                .body("violations.field", hasItem("id"));
        assertEquals(1, (int) given().when().get("/api/assets/" + id).then().extract().path("version"));
    }
}
