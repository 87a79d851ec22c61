package org.silkroad.trade.reference.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.trade.release.api.Uploads;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real Comtrade file names partners from all over the world: every ISO country is a known code. */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "trade"))
class EveryCountryIsKnownTest {

    @Test
    void everyCurrentIsoCountryHasItsCodesAndTheObsoleteOnesStayMarked() {
        JsonPath countries = given().get("/api/reference/countries").then().statusCode(200).extract().jsonPath();
        assertTrue(countries.getList("$").size() >= 249 + 8, "249 current ISO countries and territories plus the obsolete codes");
        assertEquals("ARG", countries.getString("find { it.m49 == 32 }.alpha3"));
        assertEquals("FJ", countries.getString("find { it.m49 == 242 }.alpha2"));
        assertEquals(true, countries.getBoolean("find { it.m49 == 280 }.obsolete"));
    }

    @Test
    void aComtradeAreaAsSecondPartnerIsABreakdownByThatArea() {
        String legacy = new String(Uploads.resource("/comtrade/legacy-kaz-uzb-2014.csv"), StandardCharsets.UTF_8)
                .replace("643,Russian Federation,RUS", "490,\"Other Asia, nes\",");
        String source = "second partner area " + UUID.randomUUID();
        Uploads.upload(legacy.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of("source", source)).statusCode(201);
        given().queryParam("source", source).queryParam("breakdowns", true).queryParam("period", "2014-03").get("/api/observations")
                .then().statusCode(200).body("items.partner2", org.hamcrest.Matchers.hasItem("OTHER_ASIA_NES"));
    }

    @Test
    void aFileWithPartnersFromEveryContinentAndComtradesOwnAreasIsImported() {
        String csv = Uploads.BULK_HEADER
                + "H4,2019,2019,2019,0,0,2,Export,398,Kazakhstan,KAZ,32,Argentina,ARG,TOTAL,All,,,,,1000,0\n"
                + "H4,2019,2019,2019,0,0,2,Export,398,Kazakhstan,KAZ,242,Fiji,FJI,TOTAL,All,,,,,2000,0\n"
                + "H4,2019,2019,2019,0,0,2,Export,398,Kazakhstan,KAZ,531,Curacao,CUW,TOTAL,All,,,,,3000,0\n"
                + "H4,2019,2019,2019,0,0,2,Export,398,Kazakhstan,KAZ,490,Other Asia nes,,TOTAL,All,,,,,4000,0\n";
        String source = "partners " + UUID.randomUUID();
        Uploads.upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of("source", source)).statusCode(201)
                .body("rowsAccepted", equalTo(4));
        given().queryParam("source", source).queryParam("partner", "CUW").get("/api/observations").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].partnerM49", equalTo(531));
        // Comtrade's own areas have no ISO code: the area is the partner
        given().queryParam("source", source).queryParam("partner", "OTHER_ASIA_NES").get("/api/observations").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].partnerM49", equalTo(490));
    }
}
