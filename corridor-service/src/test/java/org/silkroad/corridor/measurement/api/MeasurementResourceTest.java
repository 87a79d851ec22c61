package org.silkroad.corridor.measurement.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.silkroad.corridor.CorridorTestData;
import org.silkroad.testing.EventContract;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.Tokens;
import org.silkroad.testing.TopicProbe;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.silkroad.corridor.CorridorTestData.near;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "corridor"))
class MeasurementResourceTest {

    static String crossingTime(String asset, String period, String hours) {
        return """
                {"assetId":"%s","metric":"crossing_time","period":"%s","direction":"outbound","mode":"road",
                 "value":%s,"unit":"hours","source":"CPMM test"}""".formatted(asset, period, hours);
    }

    @Test
    void aMeasurementIsStoredOncePublishedWithItsOwnVersionAndCorrectedWithTheNext() {
        String asset = CorridorTestData.crossing("measured");
        String id = given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(crossingTime(asset, "2020-Q2", "30"))
                .when().post("/api/measurements").then().statusCode(201)
                .body("version", equalTo(1))
                .body("period.type", equalTo("quarter"))
                .body("period.start", equalTo("2020-04-01"))
                .body("period.end", equalTo("2020-06-30"))
                .extract().path("id");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(crossingTime(asset, "2020-Q2", "30.0"))
                .when().post("/api/measurements").then().statusCode(200)
                .body("id", equalTo(id))
                .body("version", equalTo(1));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(crossingTime(asset, "2020-Q2", "31"))
                .when().post("/api/measurements").then().statusCode(201)
                .body("id", equalTo(id))
                .body("version", equalTo(2));

        try (TopicProbe probe = TopicProbe.fromBeginning("corridor.measurements.v1")) {
            List<ConsumerRecord<String, String>> events = probe.awaitKey(id, 2, Duration.ofSeconds(20));
            assertEquals(2, events.size(), "the unchanged repeat published nothing");
            assertEquals(List.of("1", "2"), events.stream().map(e -> TopicProbe.header(e, "ce_aggregateversion")).toList());
            for (ConsumerRecord<String, String> e : events) {
                assertEquals("org.silkroad.corridor.measurement.recorded.v1", TopicProbe.header(e, "ce_type"));
                List<String> violations = EventContract.violations("org.silkroad.corridor.measurement.recorded.v1", e.value());
                assertTrue(violations.isEmpty(), () -> "measurement event violates its contract: " + violations);
            }
        }
        given().queryParam("asset", asset).queryParam("from", "2020").queryParam("to", "2020-06")
                .when().get("/api/measurements").then().statusCode(200)
                .body("items.id", contains(id));
        given().queryParam("asset", asset).queryParam("from", "2021")
                .when().get("/api/measurements").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void unknownMetricsAndUnitsUnparsablePeriodsAndNegativeThroughputAreProblemsNamingTheField() {
        String asset = CorridorTestData.crossing("refused");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("""
                        {"assetId":"%s","metric":"happiness","period":"2020","value":1,"unit":"smiles"}""".formatted(asset))
                .when().post("/api/measurements").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("metric"))
                .body("violations.field", hasItem("unit"));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("""
                        {"assetId":"%s","metric":"throughput","period":"2020-Q5","value":-3,"unit":"TEU"}""".formatted(asset))
                .when().post("/api/measurements").then().statusCode(400)
                .body("violations.field", hasItem("period"))
                .body("violations.field", hasItem("value"));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("""
                        {"assetId":"%s","metric":"crossing_time","period":"2020","value":3,"unit":"TEU"}""".formatted(asset))
                .when().post("/api/measurements").then().statusCode(400)
                .body("violations.field", contains("unit"));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body(crossingTime("no-such-asset-here", "2020", "3"))
                .when().post("/api/measurements").then().statusCode(400)
                .body("violations.field", contains("assetId"));
        given().queryParam("from", "last year").when().get("/api/measurements").then().statusCode(400)
                .body("violations.field", contains("from"));
        given().when().get("/api/measurements?size=501").then().statusCode(400);
    }

    @Test
    void writesNeedAnEditor() {
        String asset = CorridorTestData.crossing("guarded");
        given().contentType(ContentType.JSON).body(crossingTime(asset, "2020", "3"))
                .when().post("/api/measurements").then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(crossingTime(asset, "2020", "3"))
                .when().post("/api/measurements").then().statusCode(403);
        given().contentType("text/csv").body("asset,metric,period,value,unit\n")
                .when().post("/api/measurements/import").then().statusCode(401);
        given().queryParam("asset", asset).when().get("/api/measurements").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aCsvImportStoresTheGoodRowsReportsTheBadOnesByLineAndFieldAndARepeatChangesNothing() {
        String asset = CorridorTestData.crossing("csv");
        String csv = """
                asset,metric,period,value,unit,direction,mode,source
                %1$s,throughput,2019,1200,trains,outbound,rail,KTZ
                %1$s,throughput,2020,1500,trains,outbound,rail,KTZ
                %1$s,throughput,2020,-1,trains,inbound,rail,KTZ
                %1$s,crossing_time,2020-13,12,hours,outbound,road,CPMM
                nowhere-asset,crossing_time,2020,12,hours,outbound,road,CPMM
                %1$s,crossing_cost,2020,abc,USD,outbound,road,CPMM
                %1$s,crossing_cost,2020,250,USD,outbound,road,CPMM
                """.formatted(asset);
        given().auth().oauth2(Tokens.editor()).contentType("text/csv").body(csv)
                .when().post("/api/measurements/import").then().statusCode(200)
                .body("rows", equalTo(7))
                .body("written", equalTo(3))
                .body("rejected", equalTo(4))
                .body("errors.find { it.line == 4 }.field", equalTo("value"))
                .body("errors.find { it.line == 5 }.field", equalTo("period"))
                .body("errors.find { it.line == 6 }.field", equalTo("asset"))
                .body("errors.find { it.line == 7 }.field", equalTo("value"));
        given().auth().oauth2(Tokens.editor()).contentType("text/csv").body(csv)
                .when().post("/api/measurements/import").then().statusCode(200)
                .body("written", equalTo(0))
                .body("unchanged", equalTo(3));
        given().queryParam("asset", asset).when().get("/api/measurements").then().statusCode(200)
                .body("items", hasSize(3));
        given().auth().oauth2(Tokens.editor()).contentType("text/csv").body("asset,metric,value\nx,y,1\n")
                .when().post("/api/measurements/import").then().statusCode(400)
                .body("violations.field", hasItem("header.period"))
                .body("violations.field", hasItem("header.unit"));

        // YoY: 1,200 → 1,500 trains is +25 %
        given().queryParam("metric", "throughput").when().get("/api/assets/" + asset + "/trend").then().statusCode(200)
                .body("year", contains(2019, 2020))
                .body("[0].yoyChange", nullValue())
                .body("[1].yoyChange", near(0.25, 1e-6));
    }

    @Test
    void utilizationIsThroughputOverCapacityOnTheSameBasis() {
        String pipeline = CorridorTestData.asset("pipeline", """
                {"id":"%s","name":"Test crude pipeline","kind":"oil_pipeline","countries":["KZ","CN"],"mode":"pipeline",
                 "capacity":{"value":20,"unit":"million_t_per_year","basis":"design"}}""");
        CorridorTestData.measurement("""
                {"assetId":"%s","metric":"throughput","period":"2024-02","value":1.2,"unit":"Mt"}""".formatted(pipeline));
        CorridorTestData.measurement("""
                {"assetId":"%s","metric":"throughput","period":"2024-03","value":1.5,"unit":"Mt"}""".formatted(pipeline));
        // The latest month counts: 1.5 Mt in March = 18 Mt/year; 18 / 20 = 0.9
        given().when().get("/api/assets/" + pipeline + "/utilization").then().statusCode(200)
                .body("utilization.period", equalTo("2024-03"))
                .body("utilization.throughputPerBasis", near(18, 1e-5))
                .body("utilization.utilization", near(0.9, 1e-6));
        // 27,397.26 t/day on 2024-04-01 is 10 Mt/year: 0.5
        CorridorTestData.measurement("""
                {"assetId":"%s","metric":"throughput","period":"2024-04-01","value":27397.260274,"unit":"t"}""".formatted(pipeline));
        given().when().get("/api/assets/" + pipeline + "/utilization").then().statusCode(200)
                .body("utilization.utilization", near(0.5, 1e-6));
    }

    @Test
    void delayShareAndRankingOfCrossingsFollowTheCpmmDefinitions() {
        String section = CorridorTestData.asset("section", """
                {"id":"%s","name":"Almaty–Khorgos section","kind":"highway","countries":["KZ"],"mode":"road"}""");
        CorridorTestData.measurement("""
                {"assetId":"%s","metric":"speed_without_delay","period":"2020","mode":"road","value":60,"unit":"km/h"}""".formatted(section));
        CorridorTestData.measurement("""
                {"assetId":"%s","metric":"speed_with_delay","period":"2020","mode":"road","value":40,"unit":"km/h"}""".formatted(section));
        given().when().get("/api/assets/" + section + "/delay-share").then().statusCode(200)
                .body("[0].period", equalTo("2020"))
                .body("[0].delayShare", near(1 - 40.0 / 60.0, 1e-5));

        String slow = CorridorTestData.crossing("slow");
        String fast = CorridorTestData.crossing("fast");
        CorridorTestData.measurement(crossingTime(slow, "2030", "40"));
        CorridorTestData.measurement(crossingTime(slow, "2031", "50"));
        CorridorTestData.measurement(crossingTime(fast, "2031", "0.5").replace("\"hours\"", "\"days\""));
        List<String> order = given().queryParam("metric", "crossing_time").queryParam("period", "2031")
                .when().get("/api/crossings/ranking").then().statusCode(200)
                .extract().path("assetId");
        assertTrue(order.indexOf(fast) < order.indexOf(slow), "12 hours ranks before 50: " + order);
        given().queryParam("metric", "crossing_time").queryParam("period", "2031")
                .when().get("/api/crossings/ranking").then().statusCode(200)
                .body("find { it.assetId == '" + fast + "' }.value", near(12, 1e-5))
                .body("find { it.assetId == '" + slow + "' }.value", near(50, 1e-5));
        given().queryParam("metric", "length").when().get("/api/crossings/ranking").then().statusCode(400)
                .body("violations.field", contains("metric"));
    }

    @Test
    void theConversionEndpointUsesTheSameFactors() {
        given().queryParam("value", 10).queryParam("from", "Mt/year").queryParam("to", "t/day")
                .when().get("/api/units/convert").then().statusCode(200)
                .body("result", near(27397.26, 0.01));
        given().queryParam("value", 1).queryParam("from", "t").queryParam("to", "m3")
                .when().get("/api/units/convert").then().statusCode(400)
                .body("violations.field", contains("to"));
        given().queryParam("value", 1).queryParam("from", "cubits").queryParam("to", "m3")
                .when().get("/api/units/convert").then().statusCode(400)
                .body("violations.field", contains("from"));
    }
}
