package org.silkroad.policy.milestone.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.Tokens;

import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lifecycle dates, the tree, replacing, history, changed-since and the whole-record rules that answer 400. */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "policy"))
class MilestoneEditingTest {

    static String uniqueId(String stem) {
        return stem + "-" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }

    static String milestone(String id, String parent, String lifecycle) {
        return """
                {"id":"%s","title":"Cross-border road programme","category":"programme","date":"2015","dateEnd":"2019",
                 "actors":["KZ","CN"],"parent":%s,"lifecycle":%s,
                 "sources":[{"document":"004_5aa8482bb4547fd7.txt","section":"3.1.2","url":"https://example.org/a"}],
                 "links":{"corridorAssets":["no-such-asset-yet"],"tradeSeries":[{"reporter":"KZ","partner":"CN","flow":"export","commodity":"27"}]},
                 "targets":[{"metric":"length_km","value":3000,"unit":"km","deadline":"2019","corridorAsset":"no-such-asset-yet"}]}
                """.formatted(id, parent == null ? "null" : "\"" + parent + "\"", lifecycle);
    }

    static void record(String body) {
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(body)
                .when().post("/api/milestones").then().statusCode(201);
    }

    @Test
    void inForceBeforeSignedIsAProblemNamingTheFieldAndRecordsNothing() {
        String id = uniqueId("backwards");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body(milestone(id, null, "{\"signed\":\"2016-05\",\"inForce\":\"2015\"}"))
                .when().post("/api/milestones")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("lifecycle.inForce"))
                .body("violations[0].message", equalTo("must not be before signed (2016-05)"));
        given().when().get("/api/milestones/" + id).then().statusCode(404);
    }

    @Test
    void aPeriodEndingBeforeItStartsIsAProblemNamingDateEnd() {
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("""
                        {"id":"%s","title":"t","category":"programme","date":"2015","dateEnd":"2014","actors":["KZ"]}
                        """.formatted(uniqueId("short")))
                .when().post("/api/milestones")
                .then().statusCode(400)
                .body("violations.field", contains("dateEnd"));
    }

    @Test
    void unknownActorsCategoriesStatusesAndDatesInInputAndQueriesAreProblemsNamingTheField() {
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("""
                        {"id":"%s","title":"t","category":"event","date":"2015","actors":["KZ","Atlantis"],
                         "lifecycle":{"signed":"2015-13"},
                         "alternativeDates":[{"field":"rumoured","date":"2016","sources":["somewhere"]}]}
                        """.formatted(uniqueId("unknown-actor")))
                .when().post("/api/milestones")
                .then().statusCode(400)
                .body("violations.field", hasItem(containsString("actors")))
                .body("violations.find { it.field.contains('actors') }.message", containsString("ISO 3166-1 alpha-2"))
                .body("violations.field", hasItem("lifecycle.signed"))
                .body("violations.field", hasItem("alternativeDates[0].field"));
        given().queryParam("actor", "Atlantis").when().get("/api/milestones")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("actor")));
        given().queryParam("category", "rumour").when().get("/api/milestones")
                .then().statusCode(400).body("violations.field", hasItem("category"));
        given().queryParam("status", "dormant").when().get("/api/milestones")
                .then().statusCode(400).body("violations.field", hasItem("status"));
        given().queryParam("at", "2015-02-30").when().get("/api/milestones/in-force")
                .then().statusCode(400).body("violations.field", hasItem("at"));
        given().queryParam("updatedAfter", "yesterday").when().get("/api/milestones")
                .then().statusCode(400).body("violations.field", hasItem("updatedAfter"));
        given().when().get("/api/milestones/search")
                .then().statusCode(400).body("violations.field", hasItem("q"));
    }

    @Test
    void aTreeIsShownWholeAndAParentThatWouldMakeACycleIsRefused() {
        String root = uniqueId("belt");
        String child = uniqueId("economic-belt");
        String grandchild = uniqueId("alignment");
        record(milestone(root, null, "{}"));
        record(milestone(child, root, "{}"));
        record(milestone(grandchild, child, "{}"));

        given().when().get("/api/milestones/" + root + "/tree")
                .then().statusCode(200)
                .body("root.children.id", contains(child))
                .body("root.children[0].children.id", contains(grandchild));
        given().when().get("/api/milestones/" + grandchild + "/tree")
                .then().statusCode(200)
                .body("ancestors.id", contains(root, child));

        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(milestone(root, grandchild, "{}"))
                .when().put("/api/milestones/" + root)
                .then().statusCode(400)
                .body("violations.field", contains("parent"))
                .body("violations[0].message", containsString("cycle"));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(milestone(root, root, "{}"))
                .when().put("/api/milestones/" + root)
                .then().statusCode(400)
                .body("violations.field", contains("parent"));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(milestone(uniqueId("orphan"), uniqueId("nowhere"), "{}"))
                .when().post("/api/milestones")
                .then().statusCode(400)
                .body("violations.field", contains("parent"))
                .body("violations[0].message", containsString("no known milestone"));
        given().when().get("/api/milestones/" + root).then().statusCode(200).body("parent", nullValue()).body("version", equalTo(1));
    }

    @Test
    void linksAndTargetsToIdsNoServiceKnowsYetAreKeptAndShownUnresolved() {
        String id = uniqueId("linked");
        record(milestone(id, null, "{}"));
        given().when().get("/api/milestones/" + id)
                .then().statusCode(200)
                .body("links.corridorAssets[0].id", equalTo("no-such-asset-yet"))
                .body("links.corridorAssets[0].resolved", equalTo("unknown"))
                .body("links.tradeSeries[0].commodity", equalTo("27"))
                .body("links.tradeSeries[0].resolved", equalTo("unknown"))
                .body("targets[0].value", equalTo(3000))
                .body("sources[0].url", equalTo("https://example.org/a"));
    }

    @Test
    void replacingAMilestoneKeepsItsHistoryAndReplacingWithTheSameContentChangesNothing() {
        String id = uniqueId("replaced");
        record(milestone(id, null, "{\"inForce\":\"2015\"}"));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(milestone(id, null, "{\"inForce\":\"2015\",\"completed\":\"2019\"}"))
                .when().put("/api/milestones/" + id)
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("lifecycle.completed", equalTo("2019"));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(milestone(id, null, "{\"inForce\":\"2015\",\"completed\":\"2019\"}"))
                .when().put("/api/milestones/" + id)
                .then().statusCode(200)
                .body("version", equalTo(2));

        given().when().get("/api/milestones/" + id + "/history")
                .then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.version", contains(2, 1))
                .body("items.reason", contains("updated", "created"))
                .body("items[0].changedBy", equalTo("test-editor@silkroad.local"))
                .body("items[0].state.lifecycle.completed", equalTo("2019"))
                .body("items[1].state.lifecycle.completed", nullValue());
    }

    @Test
    void changedSinceListsOnlyWhatChangedAfterTheGivenMoment() {
        String before = uniqueId("before");
        String after = uniqueId("after");
        record(milestone(before, null, "{}"));
        String since = given().when().get("/api/milestones/" + before).then().extract().path("updatedAt");
        record(milestone(after, null, "{}"));
        given().queryParam("updatedAfter", since).queryParam("size", 500)
                .when().get("/api/milestones")
                .then().statusCode(200)
                .body("items.id", hasItem(after))
                .body("items.id", not(hasItem(before)));
    }

    @Test
    void anImportIsAllOrNothingAndNamesTheBadItemsField() {
        String good = uniqueId("good");
        String bad = uniqueId("bad");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("[" + milestone(good, null, "{}") + "," + milestone(bad, null, "{\"signed\":\"2016\",\"in_force\":\"2015-01\"}") + "]")
                .when().post("/api/milestones/import")
                .then().statusCode(400)
                .body("violations.field", contains("milestones[1].lifecycle.inForce"));
        given().when().get("/api/milestones/" + good).then().statusCode(404);
    }

    @Test
    void anImportMayNameAParentThatComesLaterInTheFile() {
        String child = uniqueId("child");
        String parent = uniqueId("parent");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("[" + milestone(child, parent, "{}") + "," + milestone(parent, null, "{}") + "]")
                .when().post("/api/milestones/import")
                .then().statusCode(200)
                .body("created", equalTo(2));
        given().queryParam("parent", parent).when().get("/api/milestones")
                .then().statusCode(200).body("items.id", contains(child));
    }

    @Test
    void writesOtherThanRecordingAlsoNeedTheEditorRole() {
        String id = uniqueId("guarded");
        record(milestone(id, null, "{}"));
        given().contentType(ContentType.JSON).body("[]").when().post("/api/milestones/import").then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body("[" + milestone(uniqueId("x"), null, "{}") + "]")
                .when().post("/api/milestones/import").then().statusCode(403);
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(milestone(id, null, "{\"signed\":\"2015\"}"))
                .when().put("/api/milestones/" + id).then().statusCode(403);
        assertEquals(1, (Integer) given().when().get("/api/milestones/" + id).then().extract().path("version"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        String openApi = given().when().get("/q/openapi").then().statusCode(200).extract().asString();
        for (String path : new String[] {"/api/milestones:", "/api/milestones/import:", "/api/milestones/search:",
                "/api/milestones/in-force:", "/api/milestones/{id}/history:", "/api/milestones/{id}/tree:", "/api/targets:"}) {
            org.junit.jupiter.api.Assertions.assertTrue(openApi.contains(path), path);
        }
    }

    @Test
    void concurrentReplacementsEachGetTheirOwnVersion() throws Exception {
        String id = uniqueId("contested");
        record(milestone(id, null, "{}"));
        java.util.concurrent.ExecutorService editors = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int n = 0; n < 4; n++) {
                String lifecycle = "{\"signed\":\"201" + n + "\"}";
                answers.add(editors.submit(() -> given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                        .body(milestone(id, null, lifecycle)).when().put("/api/milestones/" + id)
                        .then().statusCode(200).extract().<Integer>path("version")));
            }
            java.util.Set<Integer> versions = new java.util.TreeSet<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                versions.add(answer.get());
            }
            assertEquals(java.util.Set.of(2, 3, 4, 5), versions, "no two changes share a version");
        } finally {
            editors.shutdown();
        }
        given().when().get("/api/milestones/" + id + "/history").then().body("items.version", contains(5, 4, 3, 2, 1));
    }

    @Test
    void whatAClientReadsItCanChangeAndSendBack() {
        String id = uniqueId("round-trip");
        record(milestone(id, null, "{\"inForce\":\"2015\"}"));
        String read = given().when().get("/api/milestones/" + id).then().statusCode(200).extract().asString();
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(read)
                .when().put("/api/milestones/" + id)
                .then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(read.replace("\"completed\":null", "\"completed\":\"2019\""))
                .when().put("/api/milestones/" + id)
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("lifecycle.completed", equalTo("2019"))
                .body("links.corridorAssets[0].id", equalTo("no-such-asset-yet"));
    }
}
