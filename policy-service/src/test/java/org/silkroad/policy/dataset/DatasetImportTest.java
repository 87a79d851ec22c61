package org.silkroad.policy.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.Tokens;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped copy of policy_milestones.json, imported the way any editor imports a file. */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "policy"))
class DatasetImportTest {

    /** Importing is idempotent, so every test can make sure the dataset is there whatever ran before it. */
    @BeforeEach
    void datasetImported() {
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(ShippedDataset.text())
                .when().post("/api/milestones/import")
                .then().statusCode(200)
                .body("items", equalTo(87));
    }

    @Test
    void everyItemIsLoadedWithItsSourcesAndNotesAndReimportingChangesNothing() {
        List<JsonNode> items = ShippedDataset.items();
        assertEquals(87, items.size());
        for (JsonNode item : items) {
            JsonPath loaded = given().when().get("/api/milestones/" + item.get("id").asText())
                    .then().statusCode(200).extract().jsonPath();
            String id = item.get("id").asText();
            assertEquals(item.get("title").asText(), loaded.getString("title"), id);
            assertEquals(item.get("date").asText(), loaded.getString("date"), id);
            assertEquals(item.get("date_end").isNull() ? null : item.get("date_end").asText(), loaded.getString("dateEnd"), id);
            assertEquals(item.get("source").size(), loaded.getList("sources").size(), id);
            assertTrue(item.get("source").get(0).asText().startsWith(loaded.getString("sources[0].document")), id);
            String note = item.get("note").asText();
            assertEquals(note.isEmpty() ? null : note, loaded.getString("notes"), id);
        }

        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(ShippedDataset.text())
                .when().post("/api/milestones/import")
                .then().statusCode(200)
                .body("created", equalTo(0))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(87));
    }

    @Test
    void aSourceWrittenAsDocumentCommaSectionIsSplitIntoItsParts() {
        given().when().get("/api/milestones/kz-cn-strategic-partnership-2005")
                .then().statusCode(200)
                .body("sources[0].document", equalTo("004_5aa8482bb4547fd7.txt"))
                .body("sources[0].section", equalTo("2.1.3"))
                .body("datePrecision", equalTo("month"));
    }

    @Test
    void conflictingStatementsAreShownAsAlternativeDatesWithTheirProvenance() {
        given().when().get("/api/milestones/nurly-zhol-sreb-alignment")
                .then().statusCode(200)
                .body("lifecycle.signed", equalTo("2016"))
                .body("alternativeDates[0].field", equalTo("signed"))
                .body("alternativeDates[0].date", equalTo("2017"))
                .body("alternativeDates[0].sources[0].section", equalTo("3.3.3"));
        given().when().get("/api/milestones/kz-cn-strategic-partnership-2005")
                .then().statusCode(200)
                .body("lifecycle.inForce", equalTo("2005-07"))
                .body("alternativeDates[0].field", equalTo("inForce"))
                .body("alternativeDates[0].date", equalTo("2010-11-25"))
                .body("alternativeDates[0].sources[0].section", equalTo("1.2.1 (footnote 47)"));
    }

    @Test
    void theStatusOfAProgrammeIsDerivedForDaysBeforeDuringAndAfterIt() {
        String programme = "/api/milestones/nurly-zhol-state-programme";
        given().queryParam("at", "2014-06-01").when().get(programme).then().statusCode(200)
                .body("status", equalTo("pending")).body("statusAsOf", equalTo("2014-06-01"));
        given().queryParam("at", "2015-06-01").when().get(programme).then().statusCode(200).body("status", equalTo("in_force"));
        given().queryParam("at", "2019-12-31").when().get(programme).then().statusCode(200).body("status", equalTo("in_force"));
        given().queryParam("at", "2020-06-01").when().get(programme).then().statusCode(200).body("status", equalTo("completed"));

        given().queryParam("at", "2015-06-01").queryParam("size", 500).when().get("/api/milestones/in-force")
                .then().statusCode(200)
                .body("items.id", hasItem("nurly-zhol-state-programme"))
                .body("items.id", hasItem("cn-western-development-programme"))
                .body("items.id", not(hasItem("kz-cn-relations-stage-1")))
                .body("items.id", not(hasItem("nurly-zhol-announced")));
    }

    /** Lists filter by status in SQL, single reads derive it in Java: on every day tried, the two must agree. */
    @Test
    void theStatusFilterOfListsAgreesWithTheStatusOfEachMilestone() {
        Set<String> dataset = ShippedDataset.items().stream().map(i -> i.get("id").asText()).collect(Collectors.toSet());
        for (String day : List.of("1995-06-01", "2015-06-01", "2019-12-31", "2020-01-01")) {
            Set<String> inForceBySql = new HashSet<>(given().queryParam("status", "in_force").queryParam("at", day)
                    .queryParam("size", 500).when().get("/api/milestones")
                    .then().statusCode(200).extract().jsonPath().getList("items.id", String.class));
            inForceBySql.retainAll(dataset);
            Set<String> inForceByJava = dataset.stream()
                    .filter(id -> "in_force".equals(given().queryParam("at", day).when().get("/api/milestones/" + id)
                            .then().extract().path("status")))
                    .collect(Collectors.toSet());
            assertEquals(inForceByJava, inForceBySql, "in force on " + day);
            assertTrue(day.startsWith("1995") || !inForceByJava.isEmpty());
        }
    }

    @Test
    void theBeltAndRoadTreeLeadsThroughTheSilkRoadEconomicBeltToTheNurlyZholAlignmentAndItsProjects() {
        given().when().get("/api/milestones/belt-and-road-vision-and-actions/tree")
                .then().statusCode(200)
                .body("ancestors", equalTo(List.of()))
                .body("root.children.id", hasItem("silk-road-economic-belt-proposed"))
                .body("root.children.find { it.id == 'silk-road-economic-belt-proposed' }.children.id", hasItem("nurly-zhol-sreb-alignment"))
                .body("root.children.find { it.id == 'silk-road-economic-belt-proposed' }.children"
                        + ".find { it.id == 'nurly-zhol-sreb-alignment' }.children.id", hasItem("kz-highway-projects-completion"));
        given().when().get("/api/milestones/nurly-zhol-sreb-alignment/tree")
                .then().statusCode(200)
                .body("ancestors.id", contains("belt-and-road-vision-and-actions", "silk-road-economic-belt-proposed"));
    }

    @Test
    void linksToOtherServicesAreShownAsNotResolvedByThisService() {
        given().when().get("/api/milestones/khorgos-customs-alashankou-rail-1980s")
                .then().statusCode(200)
                .body("links.corridorAssets.id", contains("khorgos-border-port", "sino-soviet-railway-alashankou-link"))
                .body("links.corridorAssets.resolved", contains("unknown", "unknown"));
    }

    @Test
    void theTradeTargetIsListedWithTheSeriesItRefersTo() {
        given().queryParam("deadlineFrom", 2015).queryParam("deadlineTo", 2015).queryParam("size", 500)
                .when().get("/api/targets")
                .then().statusCode(200)
                .body("items.find { it.milestoneId == 'kz-cn-trade-target-2015' }.value", equalTo(15))
                .body("items.find { it.milestoneId == 'kz-cn-trade-target-2015' }.unit", equalTo("billion_usd"))
                .body("items.find { it.milestoneId == 'kz-cn-trade-target-2015' }.tradeSeries.reporter", equalTo("KZ"))
                .body("items.find { it.milestoneId == 'kz-cn-trade-target-2015' }.tradeSeries.partner", equalTo("CN"))
                .body("items.milestoneId", not(hasItem("central-asia-gas-deliveries-start")));
        given().when().get("/api/milestones/kz-cn-trade-target-2015")
                .then().statusCode(200)
                .body("targets[0].metric", equalTo("total_trade"))
                .body("parent", equalTo("kz-cn-21st-century-strategy"));
    }

    @Test
    void searchForNurlyZholPutsTheMilestonesNamedSoInTheirTitleFirst() {
        JsonPath hits = given().queryParam("q", "Nurly Zhol").when().get("/api/milestones/search")
                .then().statusCode(200).extract().jsonPath();
        List<String> ids = hits.getList("items.milestone.id", String.class);
        assertTrue(ids.size() >= 4, "title, summary and note matches: " + ids);
        assertEquals(Set.of("nurly-zhol-announced", "nurly-zhol-state-programme", "nurly-zhol-sreb-alignment"),
                Set.copyOf(ids.subList(0, 3)), "title matches rank first: " + ids);
        assertTrue(ids.contains("kz-industrial-innovation-programme"), "a summary match is found too: " + ids);
        List<Float> ranks = hits.getList("items.rank", Float.class);
        for (int i = 1; i < ranks.size(); i++) {
            assertTrue(ranks.get(i - 1) >= ranks.get(i), "best first: " + ranks);
        }
    }

    @Test
    void searchForKhorgosFindsTheCustomsPost() {
        given().queryParam("q", "Khorgos").when().get("/api/milestones/search")
                .then().statusCode(200)
                .body("items[0].milestone.id", equalTo("khorgos-customs-alashankou-rail-1980s"));
        given().queryParam("q", "Khorgos").queryParam("category", "event").when().get("/api/milestones")
                .then().statusCode(200)
                .body("items.id", hasItem("khorgos-customs-alashankou-rail-1980s"));
    }
}
