package org.silkroad.policy.milestone.api;

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
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "policy"))
class MilestoneResourceTest {

    /** The database and topics outlive a test class, so every test records ids of its own. */
    static String uniqueId(String stem) {
        return stem + "-" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }

    static String body(String id, String category, String date, String actors) {
        return """
                {"id":"%s","title":"Silk Road Economic Belt announced in Astana","category":"%s","date":"%s",
                 "actors":%s,"summary":"Xi Jinping proposed the Belt in a speech at Nazarbayev University."}
                """.formatted(id, category, date, actors);
    }

    @Test
    void anEditorRecordsAMilestoneThatCanBeReadBackAndIsPublishedAsACloudEvent() {
        String id = uniqueId("silk-road-economic-belt");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body(body(id, "strategy", "2013-09-07", "[\"CN\",\"KZ\",\"bilateral\"]"))
                .when().post("/api/milestones")
                .then().statusCode(201)
                .header("Location", endsWith("/api/milestones/" + id))
                .body("id", equalTo(id))
                .body("version", equalTo(1));

        given().when().get("/api/milestones/" + id)
                .then().statusCode(200)
                .body("category", equalTo("strategy"))
                .body("date", equalTo("2013-09-07"))
                .body("actors", contains("CN", "KZ", "bilateral"));

        given().queryParam("category", "strategy").queryParam("actor", "bilateral")
                .queryParam("from", 2013).queryParam("to", 2013).queryParam("size", 500)
                .when().get("/api/milestones")
                .then().statusCode(200)
                .body("items.id", hasItem(id));
        given().queryParam("from", 2014).queryParam("size", 500)
                .when().get("/api/milestones")
                .then().statusCode(200)
                .body("items.id", not(hasItem(id)));

        try (TopicProbe probe = TopicProbe.fromBeginning("policy.milestones.v1")) {
            List<ConsumerRecord<String, String>> events = probe.awaitKey(id, 1, Duration.ofSeconds(20));
            assertEquals(1, events.size(), "one event for the new milestone");
            ConsumerRecord<String, String> event = events.get(0);
            assertEquals("org.silkroad.policy.milestone.upserted.v1", TopicProbe.header(event, "ce_type"));
            assertEquals("/policy-service", TopicProbe.header(event, "ce_source"));
            assertEquals(id, TopicProbe.header(event, "ce_subject"));
            assertEquals("1", TopicProbe.header(event, "ce_aggregateversion"));
            assertEquals("1.0", TopicProbe.header(event, "ce_specversion"));
            assertTrue(EventContract.violations("org.silkroad.policy.milestone.upserted.v1", event.value()).isEmpty(),
                    () -> "payload violates its contract: " + EventContract.violations("org.silkroad.policy.milestone.upserted.v1", event.value()));
        }
    }

    @Test
    void aDateAsPreciseAsItsSourceIsKeptAsGiven() {
        String id = uniqueId("kz-independence");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body(body(id, "event", "1991", "[\"KZ\"]"))
                .when().post("/api/milestones")
                .then().statusCode(201)
                .body("date", equalTo("1991"));
        given().queryParam("from", 1991).queryParam("to", 1991).queryParam("actor", "KZ").queryParam("size", 500)
                .when().get("/api/milestones")
                .then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void aWriteWithoutATokenIsUnauthorizedAndOneWithoutTheEditorRoleIsForbidden() {
        long before = total();
        String id = uniqueId("refused");
        given().contentType(ContentType.JSON).body(body(id, "agreement", "2001-06", "[\"SCO\"]"))
                .when().post("/api/milestones")
                .then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(body(id, "agreement", "2001-06", "[\"SCO\"]"))
                .when().post("/api/milestones")
                .then().statusCode(403);
        assertEquals(before, total(), "a refused write changes nothing");
    }

    @Test
    void invalidInputIsAProblemNamingTheFieldsAndChangesNothing() {
        long before = total();
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(body(uniqueId("bad"), "rumour", "2013-02-30", "[]"))
                .when().post("/api/milestones")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem("category"))
                .body("violations.field", hasItem("actors"))
                .body("violations.find { it.field == 'date' }.message", equalTo("must be a real calendar date"))
                .body("violations.find { it.field == 'actors' }.message", equalTo("must name at least one actor"));
        assertEquals(before, total());
    }

    @Test
    void aDateWrittenOtherwiseThanYearMonthDayIsAProblemNamingTheDate() {
        long before = total();
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(body(uniqueId("bad-date"), "event", "7 Sep 2013", "[\"CN\"]"))
                .when().post("/api/milestones")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.find { it.field == 'date' }.message", equalTo("must be written YYYY, YYYY-MM or YYYY-MM-DD"));
        assertEquals(before, total());
    }

    @Test
    void anUnknownMilestoneIsANotFoundProblem() {
        given().when().get("/api/milestones/" + uniqueId("never-happened"))
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void recordingAnIdThatIsTakenIsAConflictAndLeavesTheOriginalAsItWas() {
        String id = uniqueId("strategic-partnership");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(body(id, "partnership_level", "2005-07", "[\"CN\",\"KZ\"]"))
                .when().post("/api/milestones")
                .then().statusCode(201);
        long before = total();

        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(body(id, "agreement", "2010-11-25", "[\"KZ\"]"))
                .when().post("/api/milestones")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString(id));

        given().when().get("/api/milestones/" + id)
                .then().statusCode(200)
                .body("category", equalTo("partnership_level"))
                .body("date", equalTo("2005-07"))
                .body("actors", contains("CN", "KZ"))
                .body("version", equalTo(1));
        assertEquals(before, total());
    }

    private static long total() {
        return ((Number) given().when().get("/api/milestones").then().statusCode(200)
                .extract().path("totalItems")).longValue();
    }
}
