package org.silkroad.trade.analysis.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.trade.release.api.Uploads;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A JSON series is capped (silkroad.trade.series.max-values, 50 in tests) and says how to narrow it; the CSV export
 * streams every value of the same selection.
 */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "trade"))
class SeriesExportTest {

    @Test
    void aSeriesAboveTheCapIsRefusedAsJsonAndStreamedWhole() {
        String source = "series export " + UUID.randomUUID();
        StringBuilder csv = new StringBuilder("Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,"
                + "Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,"
                + "Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag\n");
        for (int i = 0; i < 80; i++) {
            int year = 1995 + i % 20;
            csv.append("H4,").append(year).append(',').append(year).append(',').append(year).append(",4,0,2,Export,398,Kazakhstan,KAZ,643,")
                    .append("Russia,RUS,").append(i < 20 ? "2601" : i < 40 ? "2602" : i < 60 ? "2603" : "2604").append(",Ores,,,,,")
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
        assertEquals(81, lines.length, "header and all 80 values");
        assertEquals("period,year,value_usd,source,observation_id", lines[0]);
    }
}
