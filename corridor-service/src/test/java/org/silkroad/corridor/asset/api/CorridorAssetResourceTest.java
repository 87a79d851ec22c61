package org.silkroad.corridor.asset.api;

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
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "corridor"))
class CorridorAssetResourceTest {

    /** The database and topics outlive a test class, so every test registers ids of its own. */
    static String uniqueId(String stem) {
        return stem + "-" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }

    static String body(String id, String kind, String countries) {
        return """
                {"id":"%s","name":"Alashankou-Dostyk rail crossing","kind":"%s","countries":%s,
                 "aliases":["Dostyk","Druzhba"],"note":"Rail gateway between Xinjiang and Kazakhstan."}
                """.formatted(id, kind, countries);
    }

    @Test
    void anEditorRegistersAnAssetThatCanBeReadBackAndIsPublishedAsACloudEvent() {
        String id = uniqueId("alashankou-dostyk");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(body(id, "border_crossing", "[\"CN\",\"KZ\"]"))
                .when().post("/api/assets")
                .then().statusCode(201)
                .header("Location", endsWith("/api/assets/" + id))
                .body("id", equalTo(id))
                .body("version", equalTo(1));

        given().when().get("/api/assets/" + id)
                .then().statusCode(200)
                .body("kind", equalTo("border_crossing"))
                .body("countries", contains("CN", "KZ"))
                .body("aliases", contains("Dostyk", "Druzhba"));

        given().queryParam("kind", "border_crossing").queryParam("country", "KZ").queryParam("size", 500)
                .when().get("/api/assets")
                .then().statusCode(200)
                .body("items.id", hasItem(id));
        given().queryParam("country", "UZ").queryParam("size", 500)
                .when().get("/api/assets")
                .then().statusCode(200)
                .body("items.id", not(hasItem(id)));

        try (TopicProbe probe = TopicProbe.fromBeginning("corridor.assets.v1")) {
            List<ConsumerRecord<String, String>> events = probe.awaitKey(id, 1, Duration.ofSeconds(20));
            assertEquals(1, events.size(), "one event for the new asset");
            ConsumerRecord<String, String> event = events.get(0);
            assertEquals("org.silkroad.corridor.asset.upserted.v1", TopicProbe.header(event, "ce_type"));
            assertEquals("/corridor-service", TopicProbe.header(event, "ce_source"));
            assertEquals(id, TopicProbe.header(event, "ce_subject"));
            assertEquals("1", TopicProbe.header(event, "ce_aggregateversion"));
            assertEquals("1.0", TopicProbe.header(event, "ce_specversion"));
            assertTrue(EventContract.violations("org.silkroad.corridor.asset.upserted.v1", event.value()).isEmpty(),
                    () -> "payload violates its contract: " + EventContract.violations("org.silkroad.corridor.asset.upserted.v1", event.value()));
        }
    }

    @Test
    void aWriteWithoutATokenIsUnauthorizedAndOneWithoutTheEditorRoleIsForbidden() {
        long before = total();
        String id = uniqueId("refused");
        given().contentType(ContentType.JSON).body(body(id, "highway", "[\"KZ\"]"))
                .when().post("/api/assets")
                .then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(body(id, "highway", "[\"KZ\"]"))
                .when().post("/api/assets")
                .then().statusCode(403);
        assertEquals(before, total(), "a refused write changes nothing");
    }

    @Test
    void invalidInputIsAProblemNamingTheFieldsAndChangesNothing() {
        long before = total();
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(body("Not A Slug", "canal", "null"))
                .when().post("/api/assets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem("id"))
                .body("violations.field", hasItem("kind"))
                .body("violations.field", hasItem("countries"))
                .body("violations.find { it.field == 'countries' }.message", equalTo("must list the countries, [] when the source names none"));
        assertEquals(before, total());
    }

    @Test
    void anAssetWhoseSourceNamesNoCountriesIsAcceptedWithAnEmptyList() {
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(body(uniqueId("line-d"), "gas_pipeline", "[]"))
                .when().post("/api/assets")
                .then().statusCode(201)
                .body("countries", org.hamcrest.Matchers.empty());
    }

    @Test
    void aCountryThatIsNotAnAlpha2CodeIsAProblemNamingTheCountries() {
        long before = total();
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(body(uniqueId("bad-country"), "highway", "[\"KZ\",\"KAZ\"]"))
                .when().post("/api/assets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.message", hasItem("must be an ISO 3166-1 alpha-2 code such as KZ"))
                .body("violations[0].field", startsWith("countries[1]"));
        assertEquals(before, total());
    }

    @Test
    void anUnknownAssetIsANotFoundProblem() {
        given().when().get("/api/assets/" + uniqueId("nowhere"))
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void registeringAnIdThatIsTakenIsAConflictAndLeavesTheOriginalAsItWas() {
        String id = uniqueId("khorgos");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(body(id, "border_crossing", "[\"CN\",\"KZ\"]"))
                .when().post("/api/assets")
                .then().statusCode(201);
        long before = total();

        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(body(id, "dry_port", "[\"KZ\"]"))
                .when().post("/api/assets")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString(id));

        given().when().get("/api/assets/" + id)
                .then().statusCode(200)
                .body("kind", equalTo("border_crossing"))
                .body("countries", contains("CN", "KZ"))
                .body("version", equalTo(1));
        assertEquals(before, total());
    }

    private static long total() {
        return ((Number) given().when().get("/api/assets").then().statusCode(200)
                .extract().path("totalItems")).longValue();
    }
}
