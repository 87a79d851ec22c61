package org.silkroad.gateway.dashboard.views;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.silkroad.gateway.Events;
import org.silkroad.gateway.ReadModelProbe;
import org.silkroad.gateway.dashboard.DashboardViews;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.TopicWriter;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "gateway"))
class DashboardViewsTest {

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

    /** Waits until every record sent so far is in the read model, whatever partition it took. */
    static void awaitEverythingSent() {
        events.drainSent().forEach(sent -> ReadModelProbe.awaitPresent(sent.getKey(), sent.getValue()));
    }



    @Test
    void targetsAreJudgedAgainstEveryRecordedFigureOfTheirDeadlineYear() {
        String a = Events.country();
        String b = Events.country();
        String s = Events.suffix();
        // Statement A: 8.0 + 6.0 = 14.0 bn; statement B: 10.0 + 7.0 = 17.0 bn; balance A = 2.0 bn.
        events.observation(a, b, "export", "2015", 8.0e9, "Doc A " + s, "Table 1");
        events.observation(a, b, "import", "2015", 6.0e9, "Doc A " + s, "Table 1");
        events.observation(a, b, "export", "2015", 10.0e9, "Doc B " + s, "p. 4");
        events.observation(a, b, "import", "2015", 7.0e9, "Doc B " + s, "p. 4");
        String target = """
                "targets":[{"metric":"total_trade","value":%s,"unit":"billion_usd","deadline":"%s",
                            "tradeSeries":{"reporter":"%s","partner":"%s","flow":"total","commodity":"TOTAL"}}]""";
        events.milestone("t15-" + s, "15 bn by 2015", "target", "2015", target.formatted(15, "2015", a, b));
        events.milestone("t12-" + s, "12 bn by 2015", "target", "2015", target.formatted(12, "2015", a, b));
        events.milestone("t20-" + s, "20 bn by 2015", "target", "2015", target.formatted(20, "2015", a, b));
        events.milestone("t99-" + s, "30 bn by 2099", "target", "2099", target.formatted(30, "2099", a, b));
        awaitEverythingSent();

        var policy = given().get("/api/dashboard/policy").then().statusCode(200).extract().jsonPath();
        Map<String, Object> t15 = policy.getMap("targets.find { it.milestoneId == 't15-" + s + "' }");
        assertEquals("disputed", t15.get("status"));
        // JSON numbers arrive as floats in RestAssured: compare to well within a million USD.
        assertEquals(15.0e9, ((Number) t15.get("targetValue")).doubleValue(), 1e4);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> figures = (List<Map<String, Object>>) t15.get("figures");
        assertEquals(2, figures.size());
        Map<String, Object> docA = figures.stream().filter(f -> f.get("document").equals("Doc A " + s)).findFirst().orElseThrow();
        assertEquals(14.0e9, ((Number) docA.get("value")).doubleValue(), 1e4);
        assertEquals(false, docA.get("met"));
        assertEquals(2, ((List<?>) docA.get("observationIds")).size(), "provenance names both observations");
        assertEquals("met", policy.getString("targets.find { it.milestoneId == 't12-" + s + "' }.status"));
        assertEquals("missed", policy.getString("targets.find { it.milestoneId == 't20-" + s + "' }.status"));
        assertEquals("pending", policy.getString("targets.find { it.milestoneId == 't99-" + s + "' }.status"));

        // The same figures in the trend: both statements of the total visible, flagged as a conflict.
        given().queryParam("a", a).queryParam("b", b).get("/api/dashboard/trade-trend").then().statusCode(200)
                .body("series.find { it.reporter == '" + a + "' && it.flow == 'total' }.points[0].conflict", equalTo(true))
                .body("series.find { it.reporter == '" + a + "' && it.flow == 'total' }.points[0].statements.valueUsd",
                        containsInAnyOrder(14.0e9f, 17.0e9f))
                .body("conflicts.year", hasItem(2015));
    }

    @Test
    void targetsInPolicyServicesListFormAreJudgedAndOnesWithoutADeadlineAreLeftOut() {
        String a = Events.country();
        String b = Events.country();
        String s = Events.suffix();
        events.observation(a, b, "export", "2014", 9.0e9, "Doc L " + s, "Table 2");
        events.observation(a, b, "import", "2014", 4.0e9, "Doc L " + s, "Table 2");
        // The shape of policy.milestones.v1: targets[] with tradeSeries, and a capacity without a deadline.
        events.milestone("tl-" + s, "Trade and capacity targets", "agreement", "2010", """
                "targets":[{"metric":"total_trade","value":12,"unit":"billion_usd","deadline":"2014",
                            "tradeSeries":{"reporter":"%s","partner":"%s","flow":"total","commodity":"TOTAL"}},
                           {"metric":"design_capacity","value":40,"unit":"billion_m3_per_year","deadline":null,
                            "corridorAsset":"some-pipeline"}]""".formatted(a, b));
        awaitEverythingSent();

        var policy = given().get("/api/dashboard/policy").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> targets = policy.getList("targets.findAll { it.milestoneId == 'tl-" + s + "' }");
        assertEquals(1, targets.size(), "only the target with a deadline can be judged");
        assertEquals("met", targets.get(0).get("status"), "13 bn recorded for 2014 against 12 bn");
        assertEquals(12.0e9, ((Number) targets.get(0).get("targetValue")).doubleValue(), 1e4);
        assertEquals(13.0e9, ((Number) ((List<Map<String, Object>>) targets.get(0).get("figures")).get(0).get("value")).doubleValue(), 1e4);
    }

    @Test
    void theChinaKazakhstanTrendShowsEveryStatementAndMilestonesOnTheSameAxis() {
        String s = Events.suffix();
        events.observation("KAZ", "CHN", "export", "1998", 0.5e9, "Trend doc " + s, "Table 9");
        events.observation("KAZ", "CHN", "import", "1998", 0.2e9, "Trend doc " + s, "Table 9");
        events.milestone("western-dev-" + s, "Western Development", "strategy", "2000", null);
        awaitEverythingSent();
        var trend = given().get("/api/dashboard/trade-trend").then().statusCode(200)
                .body("unit", equalTo("USD")).body("fromYear", equalTo(1992)).body("toYear", equalTo(2020))
                .body("milestones.id", hasItem("western-dev-" + s))
                .extract().jsonPath();
        List<Map<String, Object>> totals1998 = trend.getList(
                "series.find { it.reporter == 'KAZ' && it.flow == 'total' }.points.find { it.year == 1998 }.statements");
        assertTrue(totals1998.stream().anyMatch(st -> ("Trend doc " + s).equals(st.get("document"))
                && Math.abs(((Number) st.get("valueUsd")).doubleValue() - 0.7e9) < 1e3), "derived total 0.7 bn: " + totals1998);
        given().get("/api/dashboard/overview").then().statusCode(200)
                .body("kpis.trade.reporter", hasItem("KAZ"))
                .body("kpis.deadLetters", notNullValue())
                .body("lastEvents", notNullValue());
    }

    @Test
    void theMirrorKeepsEveryStatementOfASideAndFlagsThemWhenTheyDisagree() {
        String s = Events.suffix();
        int year = 1900 + Math.floorMod(s.hashCode(), 80); // a year no other test writes for China–Kazakhstan
        // China states its exports twice (10 and 12 bn), Kazakhstan its imports once (8 bn).
        events.observation("CHN", "KAZ", "export", Integer.toString(year), 10.0e9, "Mirror doc A " + s, "Table 1");
        events.observation("CHN", "KAZ", "export", Integer.toString(year), 12.0e9, "Mirror doc B " + s, "p. 2");
        events.observation("KAZ", "CHN", "import", Integer.toString(year), 8.0e9, "Mirror doc K " + s, "Table 3");
        awaitEverythingSent();

        var mirror = given().get("/api/dashboard/mirror").then().statusCode(200).extract().jsonPath();
        Map<String, Object> row = mirror.getMap("rows.find { it.year == " + year + " && it.direction == 'CHN→KAZ' }");
        assertEquals(true, row.get("conflict"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> exporter = (List<Map<String, Object>>) row.get("exporterStatements");
        assertEquals(List.of("Mirror doc A " + s, "Mirror doc B " + s), exporter.stream().map(st -> st.get("document")).toList());
        assertEquals(12.0e9, ((Number) exporter.get(1).get("valueUsd")).doubleValue(), 1e4, "the second statement is kept");
        // The gap is between each side's first statement: 10 − 8 = 2 bn, 25 % of the importer's figure.
        assertEquals(10.0e9, ((Number) row.get("reportedByExporterUsd")).doubleValue(), 1e4);
        assertEquals(8.0e9, ((Number) row.get("reportedByImporterUsd")).doubleValue(), 1e4);
        assertEquals(2.0e9, ((Number) row.get("gapUsd")).doubleValue(), 1e4);
        assertEquals(25.0, ((Number) row.get("gapPct")).doubleValue(), 1e-6);
    }

    @Test
    void theCorridorBoardJoinsStatusMeasurementsUtilizationAndALocation() {
        String s = Events.suffix();
        String id = "board-" + s;
        events.asset(id, "Board crossing", 1,
                "\"location\":{\"type\":\"Point\",\"coordinates\":[80.41,44.21]},\"capacity\":{\"value\":40,\"unit\":\"trains/day\"}");
        events.status(id, "congested", "2024-01-01");
        events.measurement(id, "throughput", 30, "trains/day", "2024-02-01");
        events.measurement(id, "crossing_time", 999, "h", "2024-02-01");
        events.measurement(id, "crossing_time", 12, "h", "2023-01-01");
        String marker = "board-marker-" + s;
        events.asset(marker, "Marker", 1, null);
        ReadModelProbe.awaitPresent(Events.ASSETS, marker);
        // The status, the measurements and the asset travel on other topics and partitions than the marker, so
        // nothing orders them: wait until the board shows all of them, or an earlier view would be read.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/dashboard/corridors").then().statusCode(200)
                .body("assets.find { it.id == '" + id + "' }.measurements.size()", equalTo(2))
                .body("assets.find { it.id == '" + id + "' }.measurements.find { it.metric == 'crossing_time' }.at", equalTo("2024-02-01"))
                .body("assets.find { it.id == '" + id + "' }.status", equalTo("congested"))
                .body("assets.find { it.id == '" + id + "' }.measurements.find { it.metric == 'throughput' }.utilizationPct", equalTo(75.0f))
                .body("assets.find { it.id == '" + id + "' }.measurements.find { it.metric == 'crossing_time' }.value", equalTo(999.0f))
                .body("geojson.type", equalTo("FeatureCollection"))
                .body("geojson.features.find { it.id == '" + id + "' }.geometry.coordinates", contains(80.41f, 44.21f))
                .body("byStatus.congested", notNullValue()));
        given().get("/api/dashboard/overview").then()
                .body("kpis.slowestCrossing.assetId", equalTo(id))
                .body("kpis.assetsByStatus.congested", notNullValue());
    }

    @Test
    void everyViewAnswersNotModifiedToItsETagAndSaysHowFreshItIs() {
        for (String view : DashboardViews.STREAMED) {
            var response = given().get("/api/dashboard/" + view).then().statusCode(200)
                    .header("Cache-Control", containsString("no-cache"))
                    .body("view", equalTo(view)).body("asOf", notNullValue()).body("stale", notNullValue())
                    .body("freshness[0].source", notNullValue())
                    .extract();
            given().header("If-None-Match", response.header("ETag")).get("/api/dashboard/" + view)
                    .then().statusCode(304);
        }
        given().get("/api/dashboard/events?size=501").then().statusCode(400);
        given().get("/api/dashboard/events?page=1&size=2").then().statusCode(200).body("size", equalTo(2));
    }
}
