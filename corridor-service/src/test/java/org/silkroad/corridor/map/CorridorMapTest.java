package org.silkroad.corridor.map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.silkroad.corridor.CorridorTestData;
import org.silkroad.testing.ObservatoryTestResource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "corridor"))
class CorridorMapTest {

    @Test
    @SuppressWarnings("unchecked")
    void theMapIsAValidFeatureCollectionInLonLatOrderWithStatusLatestMeasurementsAndUtilization() {
        String pipeline = CorridorTestData.asset("mapped-pipeline", """
                {"id":"%s","name":"Mapped pipeline","kind":"gas_pipeline","countries":["TM","KZ","CN"],"mode":"pipeline",
                 "capacity":{"min":30,"max":40,"unit":"bcm/year","basis":"design"},
                 "location":{"type":"LineString","coordinates":[[63.58,39.07],[69.59,42.32],[80.41,44.21]],"approximate":true}}""");
        CorridorTestData.measurement("""
                {"assetId":"%s","metric":"throughput","period":"2019","value":36,"unit":"bcm"}""".formatted(pipeline));
        String unplaced = CorridorTestData.asset("unplaced", """
                {"id":"%s","name":"Unplaced zone","kind":"cooperation_zone","countries":["CN"]}""");

        Map<String, Object> collection = given().when().get("/api/map/assets").then().statusCode(200)
                .contentType("application/geo+json")
                .extract().as(Map.class);
        assertEquals("FeatureCollection", collection.get("type"));
        List<Map<String, Object>> features = (List<Map<String, Object>>) collection.get("features");
        for (Map<String, Object> f : features) {
            assertEquals("Feature", f.get("type"));
            Map<String, Object> geometry = (Map<String, Object>) f.get("geometry");
            assertTrue(f.containsKey("geometry"), "GeoJSON requires the geometry member, null when unknown");
            if (geometry != null) {
                List<?> positions = "Point".equals(geometry.get("type"))
                        ? List.of(geometry.get("coordinates")) : (List<?>) geometry.get("coordinates");
                assertTrue(List.of("Point", "LineString").contains(geometry.get("type")));
                for (Object p : positions) {
                    List<Number> position = (List<Number>) p;
                    assertEquals(2, position.size());
                    assertTrue(Math.abs(position.get(0).doubleValue()) <= 180 && Math.abs(position.get(1).doubleValue()) <= 90,
                            "position " + position + " of " + f.get("id") + " is [lon, lat]");
                }
            }
        }
        Map<String, Object> mapped = features.stream().filter(f -> pipeline.equals(f.get("id"))).findFirst().orElseThrow();
        List<List<Number>> line = (List<List<Number>>) ((Map<String, Object>) mapped.get("geometry")).get("coordinates");
        assertEquals(63.58, line.get(0).get(0).doubleValue(), 1e-9, "longitude first");
        assertEquals(39.07, line.get(0).get(1).doubleValue(), 1e-9, "latitude second");
        Map<String, Object> properties = (Map<String, Object>) mapped.get("properties");
        assertEquals("gas_pipeline", properties.get("kind"));
        assertEquals("open", properties.get("status"));
        assertEquals(true, properties.get("approximateLocation"));
        Map<String, Object> latest = (Map<String, Object>) ((Map<String, Object>) properties.get("latest")).get("throughput");
        assertEquals("2019", latest.get("period"));
        Map<String, Object> utilization = (Map<String, Object>) properties.get("utilization");
        assertNotNull(utilization);
        // 36 bcm in 2019 against 30–40 bcm/year: 0.9 … 1.2
        assertEquals(0.9, ((Number) utilization.get("utilizationMin")).doubleValue(), 1e-6);
        assertEquals(1.2, ((Number) utilization.get("utilizationMax")).doubleValue(), 1e-6);

        Map<String, Object> noPlace = features.stream().filter(f -> unplaced.equals(f.get("id"))).findFirst().orElseThrow();
        assertNull(noPlace.get("geometry"));
        assertEquals(false, ((Map<String, Object>) noPlace.get("properties")).get("hasLocation"));
    }

    @Test
    void theMapFiltersByKindCountryStatusModeTextAndBoundingBoxAndPages() {
        String stem = CorridorTestData.uniqueId("filtered");
        String east = CorridorTestData.asset(stem + "-east", withStem(stem, """
                {"id":"%s","name":"Filtered dry port east %2$s","kind":"dry_port","countries":["KZ"],"mode":"rail",
                 "location":{"type":"Point","coordinates":[80.27,44.14],"approximate":true}}"""));
        String west = CorridorTestData.asset(stem + "-west", withStem(stem, """
                {"id":"%s","name":"Filtered dry port west %2$s","kind":"dry_port","countries":["UZ"],"mode":"road",
                 "location":{"type":"Point","coordinates":[69.24,41.30],"approximate":true}}"""));
        String line = CorridorTestData.asset(stem + "-line", withStem(stem, """
                {"id":"%s","name":"Filtered rail line %2$s","kind":"rail_line","countries":["KZ","UZ"],"mode":"rail",
                 "location":{"type":"LineString","coordinates":[[69.6,42.3],[71.4,51.1]],"approximate":true}}"""));
        given().auth().oauth2(org.silkroad.testing.Tokens.editor())
                .contentType(io.restassured.http.ContentType.JSON).body("{\"status\":\"restricted\"}")
                .when().post("/api/assets/" + west + "/status").then().statusCode(200);

        given().queryParam("q", stem).when().get("/api/map/assets").then().statusCode(200)
                .body("numberMatched", org.hamcrest.Matchers.equalTo(3))
                .body("features.id", org.hamcrest.Matchers.containsInAnyOrder(east, west, line));
        given().queryParam("q", stem).queryParam("kind", "dry_port").queryParam("country", "KZ").when().get("/api/map/assets")
                .then().body("features.id", org.hamcrest.Matchers.contains(east));
        given().queryParam("q", stem).queryParam("status", "restricted").when().get("/api/map/assets")
                .then().body("features.id", org.hamcrest.Matchers.contains(west));
        given().queryParam("q", stem).queryParam("mode", "rail").when().get("/api/map/assets")
                .then().body("features.id", org.hamcrest.Matchers.containsInAnyOrder(east, line));
        // Around Tashkent: the western port's point and the line's first vertex are inside, the eastern port is not.
        given().queryParam("q", stem).queryParam("bbox", "68,40,70.5,43").when().get("/api/map/assets")
                .then().body("features.id", org.hamcrest.Matchers.containsInAnyOrder(west, line));
        given().queryParam("q", stem).queryParam("size", 2).queryParam("page", 1).when().get("/api/map/assets").then()
                .body("numberMatched", org.hamcrest.Matchers.equalTo(3))
                .body("numberReturned", org.hamcrest.Matchers.equalTo(1))
                .body("totalPages", org.hamcrest.Matchers.equalTo(2))
                .body("features.id", org.hamcrest.Matchers.contains(List.of(east, line, west).stream().sorted().toList().get(2)));

        given().queryParam("bbox", "70,40,60,43").when().get("/api/map/assets").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("bbox")));
        given().queryParam("bbox", "here").when().get("/api/map/assets").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("bbox")));
        given().queryParam("kind", "castle").when().get("/api/map/assets").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("kind")));
    }

    /** The body with the stem in the name (%2$s), the id placeholder (%1$s) left for {@link CorridorTestData#asset}. */
    private static String withStem(String stem, String body) {
        return body.replace("%2$s", stem).replace("%1$s", "%s");
    }

    @Test
    void theMapAnswers304UntilSomethingOnItChanges() {
        String asset = CorridorTestData.crossing("etagged");
        String etag = given().queryParam("q", "test crossing").when().get("/api/map/assets").then().statusCode(200)
                .extract().header("ETag");
        assertNotNull(etag);
        given().queryParam("q", "test crossing").header("If-None-Match", etag).when().get("/api/map/assets").then().statusCode(304);
        CorridorTestData.measurement("""
                {"assetId":"%s","metric":"crossing_time","period":"2023","value":12,"unit":"hours"}""".formatted(asset));
        String after = given().queryParam("q", "test crossing").header("If-None-Match", etag).when().get("/api/map/assets")
                .then().statusCode(200).extract().header("ETag");
        assertTrue(!etag.equals(after), "a new latest measurement changes the map's ETag");
        given().queryParam("q", "test crossing").when().get("/api/map/assets").then()
                .body("features.find { it.id == '" + asset + "' }.properties.latest.crossing_time.period", org.hamcrest.Matchers.equalTo("2023"));
    }
}
