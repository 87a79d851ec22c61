package org.silkroad.policy.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.silkroad.policy.milestone.events.MilestoneEvents;
import org.silkroad.testing.EventContract;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.TopicProbe;
import org.silkroad.testing.Tokens;
import io.restassured.http.ContentType;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With seeding on (the default outside tests), the shipped dataset is there after start, every item of it. A database
 * of its own (a resource restricted to this class): in the shared one {@code DatasetImportTest} imports the same
 * items first, and this test would pass with seeding broken.
 */
@QuarkusTest
@TestProfile(SeedsTheDatasetAtFirstStartTest.SeedingOn.class)
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS,
        initArgs = @ResourceArg(name = "database", value = "policy_seeded"))
class SeedsTheDatasetAtFirstStartTest {

    public static class SeedingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("silkroad.policy.seed-dataset", "true");
        }
    }

    @Inject
    DatasetSeed seed;

    @Test
    void everyItemOfTheShippedDatasetIsThereWithItsSourcesAfterStart() {
        List<JsonNode> items = ShippedDataset.items();
        for (JsonNode item : items) {
            given().when().get("/api/milestones/" + item.get("id").asText())
                    .then().statusCode(200)
                    .body("title", equalTo(item.get("title").asText()))
                    .body("sources", not(empty()));
        }
        try (TopicProbe probe = TopicProbe.fromBeginning("policy.milestones.v1")) {
            List<ConsumerRecord<String, String>> events = probe.awaitKey("nurly-zhol-sreb-alignment", 1, Duration.ofSeconds(20));
            assertTrue(EventContract.violations(MilestoneEvents.UPSERTED, events.get(0).value()).isEmpty(),
                    () -> "seeded event violates its contract: " + EventContract.violations(MilestoneEvents.UPSERTED, events.get(0).value()));
        }
    }

    @Test
    void aLaterStartNeverUndoesAnEditorsChangeToASeededMilestone() {
        String edited = given().when().get("/api/milestones/peace-mission-2010").then().statusCode(200).extract().asString()
                .replace("\"notes\":null", "\"notes\":\"Edited after the seed.\"");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(edited)
                .when().put("/api/milestones/peace-mission-2010")
                .then().statusCode(200)
                .body("notes", equalTo("Edited after the seed."));

        seed.seedIfFirstStart();

        given().when().get("/api/milestones/peace-mission-2010").then().body("notes", equalTo("Edited after the seed."));
    }
}
