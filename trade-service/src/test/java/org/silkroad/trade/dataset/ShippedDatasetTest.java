package org.silkroad.trade.dataset;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.ObservatoryTestResource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With seeding on (the default outside tests), the service loads the source studies' figures when it starts. A
 * database of its own (a resource restricted to this class: the global one keeps the first class's database): in the
 * shared one other tests upload the same files, and the start would find them present.
 */
@QuarkusTest
@TestProfile(ShippedDatasetTest.Seeding.class)
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS,
        initArgs = @ResourceArg(name = "database", value = "trade_seeded"))
class ShippedDatasetTest {

    @Inject
    ShippedDataset seeding;

    public static class Seeding implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("silkroad.trade.seed-dataset", "true");
        }
    }

    @Test
    void theShippedDatasetIsImportedAtStartAsReleasesOfItsOwn() {
        List<Map<String, Object>> releases = given().queryParam("size", 500).get("/api/releases").then().statusCode(200)
                .extract().jsonPath().getList("items");
        // every row of the three files accounted for (174 annual rows → observations and printed figures)
        Map<String, Integer> rows = Map.of("kz_cn_annual.csv", 174, "kz_imports_from_cn_by_commodity.csv", 10, "cn_central_asia.csv", 24);
        for (String file : ShippedDataset.FILES) {
            List<Map<String, Object>> seeded = releases.stream().filter(r -> file.equals(r.get("fileName"))).toList();
            assertEquals(1, seeded.size(), file + " is one release: " + releases);
            Map<String, Object> release = seeded.get(0);
            assertEquals(ShippedDataset.SOURCE, release.get("source"), file + " was loaded by the start, not uploaded by a test");
            assertEquals("completed", release.get("status"), file);
            assertEquals(rows.get(file), ((Number) release.get("rowsAccepted")).intValue(), file);
            assertEquals(0, ((Number) release.get("rowsRejected")).intValue(), file);
        }
        given().queryParam("reporter", "CHN").queryParam("partner", "CENTRAL_ASIA_5").get("/api/observations")
                .then().statusCode(200).body("totalItems", org.hamcrest.Matchers.greaterThanOrEqualTo(24));
        // conflicting statements stayed apart: the 2010 total is stated differently by two sources
        List<Map<String, Object>> findings = given().queryParam("reporter", "KAZ").queryParam("partner", "CHN")
                .queryParam("kind", "SOURCES_DISAGREE").get("/api/checks").then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(findings.stream().anyMatch(f -> Integer.valueOf(2010).equals(f.get("year")) && "total".equals(f.get("flow"))),
                "the seeded 2010 totals disagree: " + findings);
    }

    @Test
    void aSecondStartFindsTheDatasetPresentAndImportsNothing() {
        int before = given().queryParam("size", 500).get("/api/releases").then().statusCode(200).extract().path("totalItems");
        seeding.load();
        int after = given().queryParam("size", 500).get("/api/releases").then().statusCode(200).extract().path("totalItems");
        assertEquals(before, after, "the same content is not a new release");
    }
}
