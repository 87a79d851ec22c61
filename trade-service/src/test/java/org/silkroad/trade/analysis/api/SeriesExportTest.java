package org.silkroad.trade.analysis.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.trade.release.api.Uploads;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads that would hold a large selection in memory are capped and say how to narrow them: the JSON series
 * (silkroad.trade.series.max-values, 50 in tests), the mirror view (silkroad.trade.mirror.max-values, 500 in tests)
 * and the checks (silkroad.trade.checks.max-observations, 500 in tests); the CSV export streams every value.
 */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "trade"))
class SeriesExportTest {

    /** 30 HS headings (2601-2610, 2701-2710, 2801-2810) over 20 years. */
    private static final int ROWS = 600;

    @Test
    void largeSelectionsAreRefusedAsJsonSeriesAndChecksAndStreamedWholeAsCsv() {
        String source = "series export " + UUID.randomUUID();
        StringBuilder csv = new StringBuilder(Uploads.BULK_HEADER);
        for (int i = 0; i < ROWS; i++) {
            int year = 1995 + i % 20;
            csv.append("H4,").append(year).append(',').append(year).append(',').append(year).append(",4,0,2,Export,398,Kazakhstan,KAZ,643,")
                    .append("Russia,RUS,").append("%02d%02d".formatted(26 + i / 20 / 10, 1 + i / 20 % 10)).append(",Ores,,,,,")
                    .append(1000 + i).append(",0\n");
        }
        Uploads.upload(csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv", Map.of("source", source)).statusCode(201);

        given().queryParam("source", source).get("/api/series").then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("filter"))
                .body("violations[0].message", containsString("/api/series/csv"));
        given().queryParam("source", source).queryParam("commodity", "2601").get("/api/series").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(20));

        String export = given().queryParam("source", source).get("/api/series/csv").then().statusCode(200).extract().asString();
        String[] lines = export.split("\r\n");
        assertEquals(ROWS + 1, lines.length, "header and every value");
        assertEquals("period,year,reporter,partner,flow,commodity,value_usd,source,observation_id", lines[0]);
        // each line names its series: the 30 headings of one year are 30 lines that can be told apart
        java.util.Set<String> series = new java.util.HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            assertEquals(List.of("KAZ", "RUS", "export"), List.of(f[2], f[3], f[4]), lines[i]);
            series.add(f[5]);
        }
        assertEquals(30, series.size(), "one commodity column value per HS heading");
        String line1995 = java.util.Arrays.stream(lines).filter(l -> l.startsWith("1995,1995,") && l.contains(",2601,")).findFirst().orElseThrow();
        assertTrue(line1995.contains(",1000.00,"), "the first row's value stays with its commodity: " + line1995);

        given().queryParams(Map.of("reporter", "KAZ", "partner", "RUS", "flow", "export", "source", source)).get("/api/mirror")
                .then().statusCode(400).body("violations[0].field", org.hamcrest.Matchers.equalTo("filter"));
        given().queryParams(Map.of("reporter", "KAZ", "partner", "RUS", "flow", "export", "source", source, "commodity", "2601"))
                .get("/api/mirror").then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(20));

        given().queryParam("source", source).get("/api/checks").then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("filter"));
        given().queryParam("source", source).queryParam("commodity", "2601").get("/api/checks").then().statusCode(200);
    }
}
