package org.silkroad.corridor.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.Tokens;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database of its own (a resource restricted to this class: the global one keeps the first class's database), so
 * that what the start finds is what the seeding wrote, not assets other tests created with the same ids.
 */
@QuarkusTest
@TestProfile(SeedDatasetProfile.class)
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS,
        initArgs = @ResourceArg(name = "database", value = "corridor_seeded"))
class DatasetLoadedAtFirstStartTest {

    @Inject
    DatasetSeeder seeder;

    @Inject
    ObjectMapper json;

    JsonNode shipped() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("dataset/corridors.json")) {
            return json.readTree(in);
        }
    }

    @Test
    void everyItemOfTheShippedDataSetIsAnAssetWithItsNameKindCountriesAliasesAndOpeningDate() throws Exception {
        JsonNode items = shipped();
        assertEquals(45, items.size(), "the shipped copy is the whole data set");
        for (JsonNode item : items) {
            String id = item.get("id").asText();
            var response = given().when().get("/api/assets/" + id).then().statusCode(200)
                    .body("name", equalTo(item.get("name").asText()))
                    .body("kind", equalTo(item.get("kind").asText()))
                    .extract();
            List<String> countries = new ArrayList<>();
            item.get("countries").forEach(c -> countries.add(c.asText()));
            assertEquals(countries, response.path("countries"), id);
            List<String> aliases = response.path("aliases");
            item.get("aliases").forEach(a -> assertTrue(aliases.contains(a.asText()), id + " keeps alias " + a));
            if (!item.get("opened").isNull()) {
                assertEquals(item.get("opened").asText(), response.path("opened.value"), id + " opening date round-trips");
            }
            assertEquals(item.get("source").size(), ((List<?>) response.path("sources")).size(), id + " keeps its sources");
        }
    }

    @Test
    void everyFigureOfTheDataSetIsAMeasurementWithItsWordsValueUnitAndSource() throws Exception {
        int figures = 0;
        for (JsonNode item : shipped()) {
            String id = item.get("id").asText();
            List<Map<String, Object>> stored = given().queryParam("asset", id).queryParam("size", 500)
                    .when().get("/api/measurements").then().statusCode(200).extract().path("items");
            assertEquals(item.get("figures").size(), stored.size(), id + " has one measurement per figure");
            Map<String, Map<String, Object>> byLabel = new HashMap<>();
            stored.forEach(m -> byLabel.put(m.get("label") + "|" + m.get("source"), m));
            for (JsonNode f : item.get("figures")) {
                Map<String, Object> m = byLabel.get(f.get("metric").asText() + "|" + f.get("source").asText());
                assertTrue(m != null, id + " has figure " + f);
                assertEquals(0, new BigDecimal(f.get("value").asText()).compareTo(new BigDecimal(m.get("value").toString())), id + " " + f);
                assertEquals(f.get("unit").asText(), m.get("unit"));
                if (!f.get("year").isNull()) {
                    assertEquals(f.get("year").asText(), ((Map<?, ?>) m.get("period")).get("value"));
                }
                figures++;
            }
        }
        assertEquals(38, figures, "every figure of corridors.json");
    }

    @Test
    void conflictingStatementsStaySeparateAndBoundsAreQualified() {
        List<Map<String, Object>> lengths = given().queryParam("asset", "china-kazakhstan-crude-oil-pipeline")
                .queryParam("metric", "length").when().get("/api/measurements").then().statusCode(200).extract().path("items");
        assertEquals(2, lengths.size(), "3,200 km and 'more than 2,000 km' are both kept");
        assertTrue(lengths.stream().anyMatch(m -> "lower_bound".equals(m.get("qualifier"))));
    }

    @Test
    void theEditorsAdditionsAreMergedInWithApproximateLonLatCoordinates() {
        given().when().get("/api/assets/khorgos-border-port").then().statusCode(200)
                .body("location.type", equalTo("Point"))
                .body("location.coordinates", contains(80.41f, 44.21f))
                .body("location.approximate", equalTo(true))
                .body("crossing.sides.name", hasItem("Nur Zholy"))
                .body("mode", equalTo("road"));
        given().when().get("/api/assets/alashankou-border-port").then().statusCode(200)
                .body("crossing.gaugeChange.fromMm", equalTo(1435))
                .body("crossing.gaugeChange.toMm", equalTo(1520));
        given().when().get("/api/assets/altynkol-khorgos-rail-crossing").then().statusCode(200)
                .body("mode", equalTo("rail"));
        given().when().get("/api/assets/central-asia-gas-pipeline-line-d").then().statusCode(200)
                .body("countries", empty())
                .body("hasLocation", equalTo(false));
        given().when().get("/api/assets/china-central-asia-gas-pipeline").then().statusCode(200)
                .body("capacity.min", equalTo(30))
                .body("capacity.max", equalTo(40))
                .body("capacity.unit", equalTo("billion_m3_per_year"));
    }

    @Test
    void aSecondStartDoesNotLoadAgainAndReImportingTheSameFileChangesNothing() throws Exception {
        assertFalse(seeder.seed(), "the data set is loaded once per database");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(json.writeValueAsString(seeder.items()))
                .when().post("/api/assets/import").then().statusCode(200)
                .body("items", equalTo(46))
                .body("assetsCreated", equalTo(0))
                .body("assetsUpdated", equalTo(0))
                .body("assetsUnchanged", equalTo(46))
                .body("measurementsWritten", equalTo(0))
                .body("measurementsUnchanged", equalTo(38));
    }

    @Test
    void anImportWithOneBadItemIsRefusedWholeNamingTheItemAndField() {
        String file = """
                [{"id":"import-ok-%1$d","name":"Fine","kind":"dry_port","countries":["KZ"],"figures":[]},
                 {"id":"import-bad-%1$d","name":"Bad","kind":"dry_port","countries":["KZ"],"opened":"2014-13",
                  "figures":[{"metric":"annual throughput","value":-5,"unit":"million_t","year":2019,"source":"x"}]}]
                """.formatted(System.nanoTime() % 1_000_000);
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(file)
                .when().post("/api/assets/import").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("[1].opened"))
                .body("violations.field", hasItem("[1].figures[0].value"));
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(file)
                .when().post("/api/assets/import").then().statusCode(403);
    }
}
