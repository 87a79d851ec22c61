package org.silkroad.trade.release.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.EventContract;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.Tokens;
import org.silkroad.testing.TopicProbe;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A later release that changes a value revises the observation; asOf answers with what was known then. */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "trade"))
class RevisionTest {

    static {
        Uploads.exactNumbers();
    }

    private static byte[] bulk(String value, String other) {
        return ("""
                Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag
                H4,2016,2016,2016,4,0,1,Import,762,Tajikistan,TJK,156,China,CHN,8701,Tractors,,,,,%s,0
                H4,2016,2016,2016,4,0,1,Import,762,Tajikistan,TJK,156,China,CHN,8702,Buses,,,,,%s,0
                H4,2016,2016,2016,4,0,2,Export,156,China,CHN,762,Tajikistan,TJK,8701,Tractors,,,,,1200000,0
                """.formatted(value, other)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aChangedValueBecomesARevisionAndAsOfSeesEachVintage() {
        String source = "revision test " + UUID.randomUUID();
        Map<String, String> first = Map.of("source", source, "published", "2020-01-15");
        String r1 = Uploads.upload(bulk("1000000", "500"), "text/csv", first).statusCode(201).extract().path("id");
        String id = given().queryParam("source", source).queryParam("reporter", "TJK").queryParam("commodity", "8701").get("/api/observations")
                .then().statusCode(200).extract().path("items[0].id");

        JsonPath second = Uploads.upload(bulk("1500000", "500"), "text/csv", Map.of("source", source, "published", "2021-01-15"))
                .statusCode(201).extract().jsonPath();
        assertEquals(0, second.getLong("inserted"));
        assertEquals(1, second.getLong("revised"));
        assertEquals(2, second.getLong("unchanged"));

        assertValue(id, null, "1500000", 2);
        assertValue(id, "2020-06-01", "1000000", 1);
        assertValue(id, "2021-06-01", "1500000", 2);
        given().get("/api/observations/" + id + "?asOf=2019-12-31").then().statusCode(404);
        given().queryParam("source", source).queryParam("reporter", "TJK").queryParam("asOf", "2020-06-01").queryParam("commodity", "8701").get("/api/observations")
                .then().statusCode(200).body("items[0].valueUsd", org.hamcrest.Matchers.comparesEqualTo(new BigDecimal("1000000")))
                .body("items[0].source.releaseId", org.hamcrest.Matchers.equalTo(r1));
        // the mirror view as of each vintage: TJK's imports 1.0 then 1.5 million against CHN's exports of 1.2 million
        assertGap(source, "2020-06-01", "-200000");
        assertGap(source, null, "300000");
        assertEquals(2, given().get("/api/observations/" + id + "/revisions").then().statusCode(200).extract().jsonPath().getList("$").size());

        try (TopicProbe probe = TopicProbe.fromBeginning("trade.observations.v1")) {
            List<ConsumerRecord<String, String>> events = probe.awaitKey(id, 2, Duration.ofSeconds(30));
            assertEquals(List.of("org.silkroad.trade.observation.upserted.v1", "org.silkroad.trade.observation.revised.v1"),
                    events.stream().map(e -> TopicProbe.header(e, "ce_type")).toList());
            assertEquals(List.of(), EventContract.violations("org.silkroad.trade.observation.revised.v1", events.get(1).value()));

            // The same second file again: nothing changes, nothing is published.
            Uploads.upload(bulk("1500000", "500"), "text/csv", Map.of("source", source, "published", "2021-01-15")).statusCode(200);
            assertEquals(2, probe.awaitKey(id, 3, Duration.ofSeconds(3)).size());
        }
    }

    @Test
    void aDeletedObservationIsGoneNowButKeepsItsHistoryAndItsDeletionIsPublished() {
        String source = "deletion test " + UUID.randomUUID();
        String id = given().auth().oauth2(Tokens.editor()).contentType("application/json").body("""
                        {"reporter":"UZB","partner":"CHN","flow":"export","period":"2011","commodity":"52",
                         "valueUsd":123,"sourceDocument":"%s"}""".formatted(source))
                .post("/api/observations").then().statusCode(201).extract().path("id");
        given().queryParam("source", source).get("/api/observations").then().statusCode(200).body("totalItems", org.hamcrest.Matchers.equalTo(1));
        given().delete("/api/observations/" + id).then().statusCode(401);
        given().auth().oauth2(Tokens.editor()).delete("/api/observations/" + id).then().statusCode(204);
        given().get("/api/observations/" + id).then().statusCode(404);
        // neither listed nor counted any more (the count reads the observation row, the list its open revision)
        given().queryParam("source", source).get("/api/observations").then().statusCode(200)
                .body("totalItems", org.hamcrest.Matchers.equalTo(0)).body("items", org.hamcrest.Matchers.empty());
        assertEquals(2, given().get("/api/observations/" + id + "/revisions").then().statusCode(200).extract().jsonPath().getList("$").size(),
                "the value and its deletion");
        try (TopicProbe probe = TopicProbe.fromBeginning("trade.observations.v1")) {
            List<ConsumerRecord<String, String>> events = probe.awaitKey(id, 3, Duration.ofSeconds(30));
            assertEquals("org.silkroad.trade.observation.deleted.v1", TopicProbe.header(events.get(1), "ce_type"));
            assertEquals(List.of(), EventContract.violations("org.silkroad.trade.observation.deleted.v1", events.get(1).value()));
            assertNull(events.get(2).value(), "a tombstone follows");
        }
    }

    private static void assertGap(String source, String asOf, String gap) {
        Map<String, String> query = new java.util.HashMap<>(Map.of("reporter", "TJK", "partner", "CHN", "flow", "import",
                "commodity", "8701", "source", source));
        if (asOf != null) {
            query.put("asOf", asOf);
        }
        JsonPath mirror = given().queryParams(query).get("/api/mirror").then().statusCode(200).extract().jsonPath();
        assertEquals(1, mirror.getList("$").size(), mirror.prettify());
        assertEquals(0, new BigDecimal(gap).compareTo(mirror.getObject("[0].gapUsd", BigDecimal.class)), () -> "as of " + asOf + ": " + mirror.prettify());
    }

    private static void assertValue(String id, String asOf, String value, int version) {
        JsonPath o = given().queryParams(asOf == null ? Map.of() : Map.of("asOf", asOf)).get("/api/observations/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(0, new BigDecimal(value).compareTo(o.getObject("valueUsd", BigDecimal.class)), () -> "as of " + asOf + ": " + o.prettify());
        assertEquals(version, o.getInt("version"));
    }
}
