package org.silkroad.trade.release.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.TopicProbe;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.silkroad.trade.release.api.Decimals.assertDecimal;

/** The shipped dataset imported through the upload endpoint: provenance kept, units normalised, conflicts kept apart. */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "trade"))
class DatasetImportTest {

    static {
        Uploads.exactNumbers();
    }

    @Test
    void everyRowOfTheDatasetIsImportedWithItsSourceAndConflictingStatementsStaySeparate() {
        String[] releases = Uploads.dataset();
        JsonPath annual = given().get("/api/releases/" + releases[0]).then().statusCode(200).extract().jsonPath();
        assertEquals("completed", annual.getString("status"));
        assertEquals(174, annual.getLong("rowsRead"));
        assertEquals(174, annual.getLong("rowsAccepted"));
        assertEquals(0, annual.getLong("rowsRejected"));
        JsonPath centralAsia = given().get("/api/releases/" + releases[2]).then().extract().jsonPath();
        assertEquals(24, centralAsia.getLong("rowsRead"));

        // 2009 total trade: Table 1.1 says 9.459 bn, 1.2.1 says 12.938 bn: two observations, never merged.
        JsonPath y2009 = given().queryParam("reporter", "KAZ").queryParam("partner", "CHN").queryParam("flow", "total")
                .queryParam("period", "2009").queryParam("release", releases[0])
                .get("/api/observations").then().statusCode(200).extract().jsonPath();
        assertEquals(2, y2009.getInt("totalItems"));
        assertEquals(List.of("Table 1.1", "1.2.1 (quoted passage, footnote 48)").stream().sorted().toList(),
                y2009.getList("items.source.statement", String.class).stream().sorted().toList());
        assertTrue(y2009.getList("items.valueUsd", BigDecimal.class).stream().anyMatch(v -> v.compareTo(new BigDecimal("9459000000")) == 0));

        // Units normalised, the printed value and unit kept: 2015's "105,7 billion" stays as printed.
        JsonPath y2015 = given().queryParam("reporter", "KAZ").queryParam("flow", "total").queryParam("period", "2015")
                .queryParam("release", releases[0]).get("/api/observations").then().extract().jsonPath();
        assertEquals(0, new BigDecimal("105700000000").compareTo(y2015.getObject("items[0].valueUsd", BigDecimal.class)));
        assertEquals("billion_usd", y2015.getString("items[0].original.unit"));
        assertEquals(0, new BigDecimal("105.7").compareTo(y2015.getObject("items[0].original.value", BigDecimal.class)));
        assertTrue(y2015.getString("items[0].note").contains("105,7"));

        // Table 1.2: commodities by their suggested HS chapter, the printed name kept.
        given().queryParam("reporter", "KAZ").queryParam("commodity", "61").queryParam("period", "2010").queryParam("release", releases[1])
                .get("/api/observations").then().statusCode(200)
                .body("items[0].commodityLabel", equalTo("Knitted or crocheted garments and accessories"))
                .body("items[0].source.agency", equalTo("China National Bureau of Statistics"))
                .body("items[0].valueUsd", org.hamcrest.Matchers.comparesEqualTo(new BigDecimal("2199583000")));
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndPublishesNothing() {
        String[] first = Uploads.dataset();
        long releasesBefore = total("/api/releases");
        long observationsBefore = total("/api/observations");
        byte[] annual = Uploads.resource("/dataset/kz_cn_annual.csv");
        Uploads.upload(annual, "text/csv", Map.of()).statusCode(200).body("id", equalTo(first[0]));
        assertEquals(releasesBefore, total("/api/releases"));
        assertEquals(observationsBefore, total("/api/observations"));
        try (TopicProbe probe = TopicProbe.fromBeginning("trade.releases.v1")) {
            List<?> events = probe.awaitKey(first[0], 2, Duration.ofSeconds(20));
            assertEquals(2, events.size(), "started and completed, once");
            assertTrue(probe.await(r -> r.key().equals(first[0]), 3, Duration.ofSeconds(3)).size() == 2, "no third event for the release");
        }
    }

    @Test
    void everyKnownInconsistencyOfTheTradeFilesIsListedByTheChecks() {
        Uploads.dataset();
        List<Map<String, Object>> kz = given().queryParam("reporter", "KAZ").queryParam("partner", "CHN")
                .get("/api/checks").then().statusCode(200).extract().jsonPath().getList("$");
        List<Map<String, Object>> ca = given().queryParam("reporter", "CHN").queryParam("partner", "CENTRAL_ASIA_5")
                .get("/api/checks").then().statusCode(200).extract().jsonPath().getList("$");

        // 1. 2007 growth 65.8 % (Table 1.1) vs 50.1 % (1.1, 1.2.1)
        assertFound(kz, "PRINTED_FIGURES_DISAGREE", 2007, "total");
        assertFound(kz, "PRINTED_GROWTH_MISMATCH", 2007, "total");
        // 2. 2009 total 9.459 vs 12.938 bn, growth -22.7 vs +5.68 %
        assertFound(kz, "SOURCES_DISAGREE", 2009, "total");
        assertFound(kz, "PRINTED_FIGURES_DISAGREE", 2009, "total");
        // 3. 2010 total 14.09 vs "exceeded 20 bn"; growth 48.9 / 8.9 / 18.9 %; export + import = 14.08
        assertFound(kz, "SOURCES_DISAGREE", 2010, "total");
        assertFound(kz, "PRINTED_FIGURES_DISAGREE", 2010, "total");
        assertFound(kz, "COMPONENTS_DO_NOT_ADD_UP", 2010, "total");
        // 4. 2015 "105,7 billion" with -38.4 %
        assertFound(kz, "IMPLAUSIBLE_JUMP", 2015, "total");
        assertFound(kz, "PRINTED_GROWTH_MISMATCH", 2015, "total");
        // 5. 2020: 15.4 vs 21.43 bn; +4 % printed where 14.35 -> 15.4 is +7.3 %
        assertFound(kz, "SOURCES_DISAGREE", 2020, "total");
        assertFound(kz, "PRINTED_GROWTH_MISMATCH", 2020, "total");
        // 6. 1995 +28.6 % printed where 335 -> 391 is +16.7 %; 1994 -22.7 % where the values give -23.0 %
        assertFound(kz, "PRINTED_GROWTH_MISMATCH", 1995, "total");
        assertFound(kz, "PRINTED_GROWTH_MISMATCH", 1994, "total");
        // 7. 2003 62.3 % printed where 1.336 -> 2.1768 is 62.9 %
        assertFound(kz, "PRINTED_GROWTH_MISMATCH", 2003, "total");
        // 8. the "1996 to 2000" figure filed under 2000 (the note flags the reading)
        assertTrue(kz.stream().anyMatch(f -> "SOURCE_CAVEAT".equals(f.get("kind")) && String.valueOf(f.get("message")).contains("1996-2000")), "caveat 8");
        // 9. China's rank: 3 vs 2 for 2010
        assertTrue(kz.stream().anyMatch(f -> "PRINTED_FIGURES_DISAGREE".equals(f.get("kind")) && Integer.valueOf(2010).equals(f.get("year"))
                && f.get("flow") == null), "rank conflict 9");
        // 10. Table 1.2: title 2010-2020 for two years; shares not value / total; 8.34 vs 3.96 bn for 2010
        assertTrue(kz.stream().anyMatch(f -> "SOURCE_CAVEAT".equals(f.get("kind")) && String.valueOf(f.get("message")).contains("2010-2020")), "caveat 10");
        assertFound(kz, "PRINTED_SHARE_MISMATCH", 2010, "import");
        assertFound(kz, "SOURCES_DISAGREE", 2010, "import");
        // 11. Table 3.1: 2012 and 2013 both 40,243.23; 3.3.3 gives 40.266 bn for 2013
        assertFound(ca, "REPEATED_VALUE", 2013, "total");
        assertFound(ca, "SOURCES_DISAGREE", 2013, "total");
        // 12. 2017 printed 3.628 bn between 30.148 and 30.5
        assertFound(ca, "IMPLAUSIBLE_JUMP", 2017, "total");
        // 13. 1992: 459 vs 460 million (rounding)
        assertTrue(ca.stream().anyMatch(f -> "SOURCES_DISAGREE".equals(f.get("kind")) && Integer.valueOf(1992).equals(f.get("year"))
                && "minor".equals(f.get("severity"))), "1992 rounding 13");

        // and no false alarm where the table is consistent: 2005 total trade agrees everywhere
        assertFalse(kz.stream().anyMatch(f -> "SOURCES_DISAGREE".equals(f.get("kind")) && Integer.valueOf(2005).equals(f.get("year"))
                && "total".equals(f.get("flow"))));
    }

    @Test
    void indicatorsMatchWhatTheTableGivesByHand() {
        String[] releases = Uploads.dataset();
        // Table 1.1, 2010: exports 10.12 bn, imports 3.96 bn → total 14.08, balance 6.16 bn
        JsonPath balance = given().queryParam("reporter", "KAZ").queryParam("partner", "CHN").queryParam("source", "Table 1.1")
                .queryParam("period", "2010").get("/api/indicators/balance").then().statusCode(200).extract().jsonPath();
        assertDecimal("10120000000", balance.get("find { it.source.endsWith('Table 1.1') }.exportsUsd"));
        assertDecimal("14080000000", balance.get("find { it.source.endsWith('Table 1.1') }.totalUsd"));
        assertDecimal("6160000000", balance.get("find { it.source.endsWith('Table 1.1') }.balanceUsd"));

        // exports 2009 → 2010: 5.889 → 10.12 bn = +71.8458 %; total trade CAGR 1999-2010: (14.09 / 0.5496)^(1/11) - 1
        JsonPath growth = given().queryParam("reporter", "KAZ").queryParam("partner", "CHN").queryParam("flow", "export")
                .queryParam("source", "Table 1.1").queryParam("release", releases[0]).get("/api/indicators/growth").then().statusCode(200).extract().jsonPath();
        double yoy = (10.12 / 5.889 - 1) * 100;
        assertEquals(yoy, ((Number) growth.get("years.find { it.year == 2010 }.yoyPct")).doubleValue(), 0.0001);
        JsonPath cagr = given().queryParam("reporter", "KAZ").queryParam("partner", "CHN").queryParam("flow", "total")
                .queryParam("source", "Table 1.1").queryParam("release", releases[0]).queryParam("from", 1999).queryParam("to", 2010)
                .get("/api/indicators/growth").then().statusCode(200).extract().jsonPath();
        assertEquals((Math.pow(14.09 / 0.5496, 1.0 / 11) - 1) * 100, ((Number) cagr.get("cagr[0].cagrPct")).doubleValue(), 0.0001);

        // Table 1.2, 2010: knitted garments 2,199,583 of 8,343,224 thousand USD
        JsonPath share = given().queryParam("reporter", "KAZ").queryParam("partner", "CHN").queryParam("flow", "import")
                .queryParam("commodity", "61").queryParam("period", "2010").queryParam("release", releases[1])
                .get("/api/indicators/share").then().statusCode(200).extract().jsonPath();
        assertEquals(2199583.0 / 8343224 * 100, ((Number) share.get("[0].sharePct")).doubleValue(), 0.0001);

        // Structure of the four chapters in 2010: ranks by value, HHI = sum of squared shares (in %)
        double[] values = {2199583, 1000934, 954275, 619276};
        double sum = 0, hhi = 0;
        for (double v : values) sum += v;
        for (double v : values) hhi += Math.pow(v / sum * 100, 2);
        JsonPath structure = given().queryParam("reporter", "KAZ").queryParam("partner", "CHN").queryParam("flow", "import")
                .queryParam("period", "2010").queryParam("level", "2").queryParam("top", 2).queryParam("release", releases[1])
                .get("/api/indicators/structure").then().statusCode(200).extract().jsonPath();
        assertEquals(hhi, ((Number) structure.get("[0].hhi")).doubleValue(), 0.01);
        assertEquals(List.of("61", "64"), structure.getList("[0].commodities.commodity", String.class));

        // the series exports as CSV, one line per statement and year
        String csv = given().queryParam("reporter", "KAZ").queryParam("partner", "CHN").queryParam("flow", "export")
                .queryParam("release", releases[0]).get("/api/series/csv").then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("period,year,reporter,partner,flow,commodity,value_usd,source,observation_id"));
        assertTrue(csv.contains("2010,2010,KAZ,CHN,export,TOTAL,10120000000.00"), csv);

        given().get("/api/availability").then().statusCode(200).body("reporters.value", hasItem("KAZ")).body("partners.value", hasItem("CENTRAL_ASIA_5"));
    }

    private static void assertFound(List<Map<String, Object>> findings, String kind, int year, String flow) {
        assertTrue(findings.stream().anyMatch(f -> kind.equals(f.get("kind")) && Integer.valueOf(year).equals(f.get("year"))
                        && flow.equals(f.get("flow"))),
                () -> "no " + kind + " for " + year + " " + flow + " among " + findings.stream().map(f -> f.get("kind") + " " + f.get("year") + " " + f.get("flow")).toList());
    }

    private static long total(String path) {
        return ((Number) given().get(path).then().statusCode(200).extract().path("totalItems")).longValue();
    }
}
