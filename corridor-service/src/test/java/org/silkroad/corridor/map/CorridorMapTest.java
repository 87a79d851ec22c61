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
}
