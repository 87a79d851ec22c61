package org.silkroad.trade.analysis.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.trade.release.api.Uploads;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A share or a CAGR the figures cannot give is listed empty with the reason, never dropped without a word. */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "trade"))
class IndicatorsExplainAMissingValueTest {

    static {
        Uploads.exactNumbers();
    }

    private static String row(int year, String commodity, String value) {
        int level = "TOTAL".equals(commodity) ? 0 : 2;
        return "H4," + year + "," + year + "," + year + "," + level + ",0,2,Export,795,Turkmenistan,TKM,4,Afghanistan,AFG,"
                + commodity + ",Goods,,,,," + value + ",0\n";
    }

    @Test
    void aShareWithoutATotalAndAGrowthRateFromZeroSayWhy() {
        String source = "missing " + UUID.randomUUID();
        String csv = Uploads.BULK_HEADER + row(2017, "TOTAL", "0") + row(2018, "TOTAL", "500") + row(2017, "27", "50") + row(2018, "27", "100")
                + row(2019, "27", "70");
        Uploads.upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of("source", source)).statusCode(201);

        JsonPath share = given().queryParam("reporter", "TKM").queryParam("partner", "AFG").queryParam("flow", "export")
                .queryParam("commodity", "27").queryParam("source", source).get("/api/indicators/share").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(2017, 2018, 2019), share.getList("year", Integer.class), share.prettify());
        assertNull(share.get("[0].sharePct"));
        assertEquals("the statement's TOTAL of this flow and period is not above 0", share.getString("[0].reason"));
        assertEquals(0, new BigDecimal("20").compareTo(share.getObject("[1].sharePct", BigDecimal.class)));
        assertNull(share.get("[1].reason"));
        assertNull(share.get("[2].sharePct"));
        assertEquals("the statement gives no TOTAL of this flow and period", share.getString("[2].reason"));

        JsonPath fromZero = given().queryParam("reporter", "TKM").queryParam("partner", "AFG").queryParam("flow", "export")
                .queryParam("source", source).get("/api/indicators/growth").then().statusCode(200).extract().jsonPath();
        assertNull(fromZero.get("cagr[0].cagrPct"));
        assertEquals("the value for 2017 is not above 0", fromZero.getString("cagr[0].reason"));

        JsonPath noStart = given().queryParam("reporter", "TKM").queryParam("partner", "AFG").queryParam("flow", "export")
                .queryParam("source", source).queryParam("from", 2016).get("/api/indicators/growth").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("no value for 2016", noStart.getString("cagr[0].reason"), noStart.prettify());
    }
}
