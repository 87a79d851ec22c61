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

/** One statement giving a year's total in two HS vintages: two series, never one made of whichever row came first. */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "trade"))
class IndicatorsKeepVintagesApartTest {

    static {
        Uploads.exactNumbers();
    }

    @Test
    void growthAndBalanceAreComputedPerClassification() {
        String source = "vintages " + UUID.randomUUID();
        String csv = Uploads.BULK_HEADER
                + "H4,2017,2017,2017,0,0,2,Export,795,Turkmenistan,TKM,364,Iran,IRN,TOTAL,All,,,,,100,0\n"
                + "H4,2018,2018,2018,0,0,2,Export,795,Turkmenistan,TKM,364,Iran,IRN,TOTAL,All,,,,,200,0\n"
                + "H5,2017,2017,2017,0,0,2,Export,795,Turkmenistan,TKM,364,Iran,IRN,TOTAL,All,,,,,1000,0\n"
                + "H5,2018,2018,2018,0,0,2,Export,795,Turkmenistan,TKM,364,Iran,IRN,TOTAL,All,,,,,1100,0\n";
        Uploads.upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of("source", source)).statusCode(201);

        JsonPath growth = given().queryParam("reporter", "TKM").queryParam("partner", "IRN").queryParam("flow", "export")
                .queryParam("source", source).get("/api/indicators/growth").then().statusCode(200).extract().jsonPath();
        // 2018 per vintage: H4 100 → 200 (+100 %), H5 1000 → 1100 (+10 %); a mixed series would say 100 → 1100
        assertEquals(List.of("H4", "H5"), growth.getList("years.findAll { it.year == 2018 }.classification", String.class));
        List<BigDecimal> yoy = growth.getList("years.findAll { it.year == 2018 }.yoyPct", BigDecimal.class);
        assertEquals(0, new BigDecimal("100").compareTo(yoy.get(0)), yoy.toString());
        assertEquals(0, new BigDecimal("10").compareTo(yoy.get(1)), yoy.toString());
        assertEquals(List.of("H4", "H5"), growth.getList("cagr.classification", String.class));

        JsonPath balance = given().queryParam("reporter", "TKM").queryParam("partner", "IRN").queryParam("source", source)
                .get("/api/indicators/balance").then().statusCode(200).extract().jsonPath();
        List<BigDecimal> exports2018 = balance.getList("findAll { it.year == 2018 }.exportsUsd", BigDecimal.class);
        assertEquals(2, exports2018.size(), balance.prettify());
        assertEquals(0, new BigDecimal("200").compareTo(exports2018.get(0)));
        assertEquals(0, new BigDecimal("1100").compareTo(exports2018.get(1)));
    }
}
