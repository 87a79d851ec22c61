package org.silkroad.trade.analysis.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.trade.release.api.Uploads;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.silkroad.trade.release.api.Decimals.assertDecimal;

/**
 * Indicators, printed figures, checks and availability answer {@code asOf} with what was known then, and follow the
 * same filters as the observations. Two vintages of a source-study file: the 2015 total and its printed growth are
 * restated a year later (12 → 13 bn, printed +25 % → +30 %).
 */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "trade"))
class IndicatorsAsOfTest {

    static {
        Uploads.exactNumbers();
    }

    private static final String BEFORE = "2020-06-01";

    private static byte[] study(String document, String total2015, String growth2015) {
        return ("""
                year,indicator,value,unit,reporter,source,note
                2014,total_trade,10,billion_usd,not_stated,"%1$s, Table 9",
                2015,total_trade,%2$s,billion_usd,not_stated,"%1$s, Table 9",
                2015,total_growth_pct,%3$s,pct,not_stated,"%1$s, Table 9",
                2015,total_growth_pct,50,pct,not_stated,"%1$s, Text 9.1",a statement with no values of its own
                """.formatted(document, total2015, growth2015)).getBytes(StandardCharsets.UTF_8);
    }

    private static String uploadVintages() {
        String document = "asof-" + UUID.randomUUID() + ".txt";
        Uploads.upload(study(document, "12", "25"), "text/csv", Map.of("published", "2020-01-15")).statusCode(201);
        Uploads.upload(study(document, "13", "30"), "text/csv", Map.of("published", "2021-01-15")).statusCode(201);
        return document;
    }

    private static JsonPath get(String path, String source, String asOf) {
        Map<String, Object> query = new java.util.HashMap<>(Map.of("reporter", "KAZ", "partner", "CHN", "source", source));
        if (asOf != null) {
            query.put("asOf", asOf);
        }
        return given().queryParams(query).get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void seriesGrowthPrintedFiguresAndChecksAnswerWithWhatWasKnownAsOf() {
        String table = uploadVintages() + ", Table 9";

        assertDecimal("12000000000", get("/api/series", table, BEFORE).get("find { it.year == 2015 }.values[0].valueUsd"));
        assertDecimal("13000000000", get("/api/series", table, null).get("find { it.year == 2015 }.values[0].valueUsd"));

        // growth 2014 → 2015: 10 → 12 is +20 % then, 10 → 13 is +30 % now (TOTAL flow)
        assertDecimal("20", given().queryParams(Map.of("reporter", "KAZ", "partner", "CHN", "flow", "total", "source", table, "asOf", BEFORE))
                .get("/api/indicators/growth").then().statusCode(200).extract().path("years.find { it.year == 2015 }.yoyPct"));
        assertDecimal("30", given().queryParams(Map.of("reporter", "KAZ", "partner", "CHN", "flow", "total", "source", table))
                .get("/api/indicators/growth").then().statusCode(200).extract().path("years.find { it.year == 2015 }.yoyPct"));

        // the printed growth keeps both versions; before the first vintage there was none
        JsonPath then = get("/api/printed-indicators", table, BEFORE);
        assertEquals(1, then.getList("$").size(), then.prettify());
        assertDecimal("25", then.get("[0].value"));
        assertEquals(1, then.getInt("[0].version"));
        assertEquals("2021-01-15", then.getString("[0].knownUntil"), "closed by the second vintage");
        JsonPath now = get("/api/printed-indicators", table, null);
        assertEquals(1, now.getList("$").size(), now.prettify());
        assertDecimal("30", now.get("[0].value"));
        assertEquals(2, now.getInt("[0].version"));
        assertEquals("2021-01-15", now.getString("[0].knownFrom"));
        assertEquals(List.of(), get("/api/printed-indicators", table, "2019-12-31").getList("$"));

        // printed +25 % against the implied +20 % was a mismatch then; +30 % against +30 % is none now
        assertEquals(1, growthMismatches(get("/api/checks", table, BEFORE)), "a mismatch as of " + BEFORE);
        assertEquals(0, growthMismatches(get("/api/checks", table, null)), "none now");
    }

    @Test
    void printedFiguresFollowTheSourceFilterSoChecksCompareOnlyWhatWasSelected() {
        String document = uploadVintages();
        // The Text 9.1 growth (+50 %) has no values of its own, so the checks compare it with Table 9's values...
        JsonPath all = get("/api/checks", document, null);
        assertTrue(all.getList("findAll { it.kind == 'PRINTED_GROWTH_MISMATCH' }.message", String.class).stream()
                .anyMatch(m -> m.contains("Text 9.1") && m.contains("50")), all.prettify());
        // ...but asked about Table 9 alone, Text 9.1's figure is not selected and is not a finding
        JsonPath table = get("/api/checks", document + ", Table 9", null);
        assertFalse(table.getList("findAll { it.kind == 'PRINTED_GROWTH_MISMATCH' }.message", String.class).stream()
                .anyMatch(m -> m.contains("Text 9.1")), table.prettify());
        assertEquals(List.of(2015), get("/api/printed-indicators", document + ", Text 9.1", null).getList("year", Integer.class));
        assertEquals(List.of(), given().queryParams(Map.of("reporter", "KAZ", "partner", "CHN", "source", document, "flow", "export"))
                .get("/api/printed-indicators").then().statusCode(200).extract().jsonPath().getList("$"));
    }

    @Test
    void availabilityCountsTheSelectionAsOf() {
        String document = uploadVintages();
        JsonPath now = given().queryParam("source", document).get("/api/availability").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("KAZ"), now.getList("reporters.value", String.class));
        assertEquals(List.of("2014", "2015"), now.getList("years.value", String.class));
        assertEquals(2, now.getInt("sources[0].observations"));
        JsonPath before = given().queryParam("source", document).queryParam("asOf", "2019-12-31").get("/api/availability")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), before.getList("reporters"));
        assertEquals(List.of(), given().queryParam("source", document).queryParam("partner", "RUS").get("/api/availability")
                .then().statusCode(200).extract().jsonPath().getList("years"));
    }

    private static long growthMismatches(JsonPath findings) {
        return findings.getList("findAll { it.kind == 'PRINTED_GROWTH_MISMATCH' && it.year == 2015 }").size();
    }
}
