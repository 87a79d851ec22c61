package org.silkroad.corridor.status;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.silkroad.corridor.CorridorTestData;
import org.silkroad.testing.MovableClock;
import org.silkroad.testing.EventContract;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.Tokens;
import org.silkroad.testing.TopicProbe;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A status with a window ends by itself when the window is over, exactly once, and reads at a date respect windows. */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "corridor"))
class StatusWindowEndsTest {

    @Inject
    MovableClock clock;

    @Inject
    StatusWindowCheck check;

    @AfterEach
    void realTimeAgain() {
        clock.backToRealTime();
    }

    private static String closedFor(String stem, String from, String until) {
        String asset = CorridorTestData.crossing(stem);
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("""
                        {"status":"closed","reason":"border closure","windowFrom":"%s","windowUntil":"%s"}""".formatted(from, until))
                .when().post("/api/assets/" + asset + "/status").then().statusCode(200);
        return asset;
    }

    @Test
    void aClosureUntilJuneReopensOnTheFirstOfJulyWithOneEventWhateverHowOftenTheCheckRuns() {
        clock.moveTo(LocalDate.parse("2031-03-10"));
        String asset = closedFor("window", "2031-03", "2031-06");

        clock.moveTo(LocalDate.parse("2031-06-30"));
        check.run();
        given().when().get("/api/assets/" + asset).then().body("status.state", equalTo("closed"));

        clock.moveTo(LocalDate.parse("2031-07-01"));
        assertTrue(check.run() >= 1, "the ended window is found");
        assertEquals(0, check.run(), "a second run finds nothing left to end");
        given().when().get("/api/assets/" + asset).then()
                .body("status.state", equalTo("open"))
                .body("status.windowUntil", nullValue())
                .body("version", equalTo(3));
        given().when().get("/api/assets/" + asset + "/status-history").then()
                .body("to", contains("closed", "open"))
                .body("[1].cause", equalTo("window ended"))
                .body("[1].reason", containsString("until 2031-06"));

        List<ConsumerRecord<String, String>> events = ThresholdCrossingTest.statusEvents(asset, 2);
        assertEquals(2, events.size(), "the closure and its end, nothing more");
        List<String> violations = EventContract.violations("org.silkroad.corridor.status.changed.v1", events.get(1).value());
        assertTrue(violations.isEmpty(), () -> "window end violates its contract: " + violations);

        // Read at a date, the status follows the windows: open before, closed within, open after.
        given().queryParam("at", "2031-02-15").when().get("/api/assets/" + asset + "/status").then().statusCode(200)
                .body("state", equalTo("open"));
        given().queryParam("at", "2031-05-15").when().get("/api/assets/" + asset + "/status").then()
                .body("state", equalTo("closed")).body("windowUntil", equalTo("2031-06")).body("sequence", equalTo(1));
        given().queryParam("at", "2031-07-02").when().get("/api/assets/" + asset + "/status").then()
                .body("state", equalTo("open")).body("sequence", equalTo(2));
    }

    @Test
    void twoChecksRunningAtOnceEndAWindowOnce() throws Exception {
        clock.moveTo(LocalDate.parse("2032-01-10"));
        String asset = closedFor("raced", "2032-01", "2032-02-15");
        clock.moveTo(LocalDate.parse("2032-02-16"));
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> { await(start); return check.run(); });
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> { await(start); return check.run(); });
        start.countDown();
        one.get();
        two.get();
        given().when().get("/api/assets/" + asset).then().body("status.state", equalTo("open")).body("version", equalTo(3));
        assertEquals(2, ThresholdCrossingTest.statusEvents(asset, 2).size(), "one closure, one end");
    }

    @Test
    void aStatusWhoseWindowStartsAfterTodayIsRefusedAndChangesNothing() {
        clock.moveTo(LocalDate.parse("2033-04-30"));
        String asset = CorridorTestData.crossing("planned");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("""
                        {"status":"closed","reason":"planned works","windowFrom":"2033-05","windowUntil":"2033-06"}""")
                .when().post("/api/assets/" + asset + "/status").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("windowFrom"));
        given().when().get("/api/assets/" + asset).then().body("status.state", equalTo("open")).body("version", equalTo(1));
        given().when().get("/api/assets/" + asset + "/status-history").then().body("size()", equalTo(0));

        clock.moveTo(LocalDate.parse("2033-05-01"));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("""
                        {"status":"closed","reason":"planned works","windowFrom":"2033-05","windowUntil":"2033-06"}""")
                .when().post("/api/assets/" + asset + "/status").then().statusCode(200);
        given().when().get("/api/assets/" + asset).then().body("status.state", equalTo("closed"));
    }

    @Test
    void aStatusReadAtADateThatIsNotADateIsRefused() {
        String asset = CorridorTestData.crossing("dated");
        given().queryParam("at", "2031-02-30").when().get("/api/assets/" + asset + "/status").then().statusCode(400)
                .body("violations.field", hasItem(containsString("at")));
        given().queryParam("at", "July").when().get("/api/assets/" + asset + "/status").then().statusCode(400)
                .body("violations.field", hasItem(containsString("at")));
        given().when().get("/api/assets/" + asset + "/status").then().statusCode(200).body("state", equalTo("open"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
