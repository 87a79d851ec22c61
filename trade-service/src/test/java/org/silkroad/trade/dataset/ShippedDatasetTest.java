package org.silkroad.trade.dataset;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.ObservatoryTestResource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With seeding on (the default outside tests), the service loads the source studies' figures when it starts. */
@QuarkusTest
@TestProfile(ShippedDatasetTest.Seeding.class)
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "trade"))
class ShippedDatasetTest {

    public static class Seeding implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("silkroad.trade.seed-dataset", "true");
        }
    }

    @Test
    void theShippedDatasetIsAReleaseOfItsOwnAfterStart() {
        List<Map<String, Object>> releases = given().queryParam("size", 500).get("/api/releases").then().statusCode(200)
                .extract().jsonPath().getList("items");
        for (String file : ShippedDataset.FILES) {
            assertTrue(releases.stream().anyMatch(r -> file.equals(r.get("fileName")) && "completed".equals(r.get("status"))),
                    file + " is a completed release: " + releases);
        }
        // 174 annual rows → 88 observations of values and 86 printed figures; every row accounted for
        Map<String, Object> annual = releases.stream().filter(r -> "kz_cn_annual.csv".equals(r.get("fileName"))).findFirst().orElseThrow();
        assertEquals(174, ((Number) annual.get("rowsAccepted")).intValue());
        given().queryParam("reporter", "CHN").queryParam("partner", "CENTRAL_ASIA_5").get("/api/observations")
                .then().statusCode(200).body("totalItems", org.hamcrest.Matchers.greaterThanOrEqualTo(24));
    }
}
