package org.silkroad.trade.observation.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.EventContract;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.Tokens;
import org.silkroad.testing.TopicProbe;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "trade"))
class TradeObservationResourceTest {

    static String body(String period, String value) {
        return """
                {"reporter":"KAZ","partner":"CHN","flow":"import","period":"%s","commodity":"TOTAL",
                 "valueUsd":%s,"sourceDocument":"004_5aa8482bb4547fd7.txt","sourceStatement":"Table 1.1"}
                """.formatted(period, value);
    }

    @Test
    void anEditorRecordsAnObservationThatCanBeReadBackAndIsPublishedAsACloudEvent() {
        String id = given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(body("2015", "8500000000"))
                .when().post("/api/observations")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("version", equalTo(1))
                .extract().path("id");

        given().when().get("/api/observations/" + id)
                .then().statusCode(200)
                .body("reporter", equalTo("KAZ"))
                .body("source.statement", equalTo("Table 1.1"));

        given().queryParam("reporter", "KAZ").queryParam("period", "2015")
                .when().get("/api/observations")
                .then().statusCode(200)
                .body("items.id", hasItem(id));

        try (TopicProbe probe = TopicProbe.fromBeginning("trade.observations.v1")) {
            List<ConsumerRecord<String, String>> events = probe.awaitKey(id, 1, Duration.ofSeconds(20));
            assertEquals(1, events.size(), "one event for the new observation");
            ConsumerRecord<String, String> event = events.get(0);
            assertEquals("org.silkroad.trade.observation.upserted.v1", TopicProbe.header(event, "ce_type"));
            assertEquals("/trade-service", TopicProbe.header(event, "ce_source"));
            assertEquals(id, TopicProbe.header(event, "ce_subject"));
            assertEquals("1", TopicProbe.header(event, "ce_aggregateversion"));
            assertEquals("1.0", TopicProbe.header(event, "ce_specversion"));
            assertTrue(EventContract.violations("org.silkroad.trade.observation.upserted.v1", event.value()).isEmpty(),
                    () -> "payload violates its contract: " + EventContract.violations("org.silkroad.trade.observation.upserted.v1", event.value()));
        }
    }

    @Test
    void aWriteWithoutATokenIsUnauthorizedAndOneWithoutTheEditorRoleIsForbidden() {
        long before = total();
        given().contentType(ContentType.JSON).body(body("2016", "1"))
                .when().post("/api/observations")
                .then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(body("2016", "1"))
                .when().post("/api/observations")
                .then().statusCode(403);
        assertEquals(before, total(), "a refused write changes nothing");
    }

    @Test
    void invalidInputIsAProblemNamingTheFieldAndChangesNothing() {
        long before = total();
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(body("15", "-3"))
                .when().post("/api/observations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem("period"))
                .body("violations.field", hasItem("valueUsd"))
                .body("violations.find { it.field == 'valueUsd' }.message", equalTo("must not be negative"));
        assertEquals(before, total());
    }

    @Test
    void anUnknownObservationIsANotFoundProblem() {
        given().when().get("/api/observations/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aPageLargerThanTheMaximumIsRejected() {
        given().queryParam("size", 100000).when().get("/api/observations")
                .then().statusCode(400)
                .body("violations.field", hasItem("size"));
    }

    @Test
    void pagesListSeriesTogetherInYearOrderAndCountWhatTheyList() {
        String source = "page order " + java.util.UUID.randomUUID();
        for (String[] o : new String[][]{{"export", "2012"}, {"import", "2010"}, {"export", "2011"}}) {
            given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body("""
                            {"reporter":"UZB","partner":"CHN","flow":"%s","period":"%s","commodity":"52","valueUsd":1,"sourceDocument":"%s"}"""
                            .formatted(o[0], o[1], source))
                    .when().post("/api/observations").then().statusCode(201);
        }
        var page = given().queryParam("source", source).queryParam("size", 2).get("/api/observations").then().statusCode(200)
                .body("totalItems", equalTo(3)).extract().jsonPath();
        // reporter, partner, flow, commodity, then year: a series reads in one run, not scattered by year
        assertEquals(List.of("export", "export"), page.getList("items.flow"));
        assertEquals(List.of("2011", "2012"), page.getList("items.period"));
        given().queryParam("source", source).queryParam("size", 2).queryParam("page", 1).get("/api/observations").then()
                .statusCode(200).body("totalItems", equalTo(3)).body("items.period", equalTo(List.of("2010")));
    }

    private static long total() {
        return ((Number) given().when().get("/api/observations").then().statusCode(200)
                .extract().path("totalItems")).longValue();
    }
}
