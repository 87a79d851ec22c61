package org.silkroad.trade.release.importing;

import org.silkroad.trade.release.api.Uploads;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.Tokens;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An import the caller does not wait for: 202 with the running release, other endpoints answer while it runs, progress
 * is on the release for any GET, and the same file again changes nothing. "While it runs" is made certain, not
 * timed: the test holds the import lock (as a concurrent import would), so the release stays running until it lets go.
 */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "trade"))
class LargeImportRunsOnAWorkerTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void anAcceptedImportRunsOnAWorkerWhileReadsAnswerAndShowsItsProgress() throws Exception {
        String source = "worker test " + UUID.randomUUID();
        byte[] file = file();
        String releaseId;
        try (Connection blocker = DriverManager.getConnection(jdbcUrl, "postgres", "postgres"); Statement st = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            st.execute("SELECT pg_advisory_xact_lock(" + ReleaseImporter.IMPORT_LOCK + ")");

            ExtractableResponse<Response> accepted = given().auth().oauth2(Tokens.editor()).contentType("text/csv")
                    .header("Prefer", "respond-async").queryParam("source", source).body(file)
                    .when().post("/api/releases").then().statusCode(202)
                    .body("status", equalTo("running")).extract();
            releaseId = accepted.path("id");
            assertTrue(accepted.header("Location").endsWith("/api/releases/" + releaseId), accepted.header("Location"));

            // The import cannot go on while we hold the lock: every read below happens while it is running.
            given().get("/api/releases/" + releaseId).then().statusCode(200)
                    .body("status", equalTo("running")).body("phase", equalTo("waiting"));
            given().queryParam("source", source).get("/api/observations").then().statusCode(200).body("totalItems", equalTo(0));
            given().get("/api/reference/flows").then().statusCode(200);
            given().get("/api/releases").then().statusCode(200);
            blocker.rollback();
        }

        awaitPhase(releaseId, "published", Duration.ofSeconds(60));
        given().get("/api/releases/" + releaseId).then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("rowsRead", equalTo(40)).body("rowsAccepted", equalTo(40)).body("inserted", equalTo(40))
                .body("eventsTotal", equalTo(40)).body("eventsPublished", equalTo(40))
                .body("phaseMs.staging", org.hamcrest.Matchers.notNullValue())
                .body("phaseMs.merging", org.hamcrest.Matchers.notNullValue())
                // 40 rows reach silkroad.trade.import.statistics-from-rows in tests (30): statistics committed with them
                .body("phaseMs.statistics", org.hamcrest.Matchers.notNullValue())
                .body("phaseMs.publishing", org.hamcrest.Matchers.notNullValue());
        given().queryParam("source", source).get("/api/observations").then().statusCode(200).body("totalItems", equalTo(40));

        // The same content again, asynchronously or not: the earlier release, nothing imported.
        given().auth().oauth2(Tokens.editor()).contentType("text/csv").header("Prefer", "respond-async")
                .queryParam("source", source).body(file)
                .when().post("/api/releases").then().statusCode(200).body("id", equalTo(releaseId));
    }

    @Test
    void aSmallUploadDuringAnotherImportGoesToTheWorkerInsteadOfHoldingItsRequest() throws Exception {
        String source = "small during large " + UUID.randomUUID();
        String releaseId;
        try (Connection blocker = DriverManager.getConnection(jdbcUrl, "postgres", "postgres"); Statement st = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            st.execute("SELECT pg_advisory_xact_lock(" + ReleaseImporter.IMPORT_LOCK + ")"); // "another import" runs

            // No Prefer header and a few rows: it would be imported before the answer, but the lock stays busy past
            // silkroad.trade.import.sync-lock-wait (5 s), so it answers 202 with its running release.
            ExtractableResponse<Response> accepted = given().auth().oauth2(Tokens.editor()).contentType("text/csv")
                    .queryParam("source", source).body(file())
                    .when().post("/api/releases").then().statusCode(202).body("status", equalTo("running")).extract();
            releaseId = accepted.path("id");
            assertTrue(accepted.header("Location").endsWith("/api/releases/" + releaseId), accepted.header("Location"));
            given().get("/api/releases/" + releaseId).then().statusCode(200).body("phase", equalTo("waiting"));
            given().queryParam("source", source).get("/api/observations").then().statusCode(200).body("totalItems", equalTo(0));
            blocker.rollback();
        }
        awaitPhase(releaseId, "published", Duration.ofSeconds(60));
        given().get("/api/releases/" + releaseId).then().body("status", equalTo("completed")).body("inserted", equalTo(40));
    }

    @Test
    void aRefusedAcceptedImportShowsItsRowsOnTheRelease() {
        String csv = new String(file(), StandardCharsets.UTF_8).replaceFirst(",1,Import,", ",7,Import,");
        String releaseId = given().auth().oauth2(Tokens.editor()).contentType("text/csv").header("Prefer", "respond-async")
                .queryParam("source", "worker refusal " + UUID.randomUUID()).body(csv)
                .when().post("/api/releases").then().statusCode(202).extract().path("id");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String status;
        do {
            status = given().get("/api/releases/" + releaseId).then().extract().path("status");
        } while ("running".equals(status) && System.nanoTime() < deadline);
        assertEquals("failed", status);
        given().get("/api/releases/" + releaseId).then().body("problems[0].row", equalTo(2))
                .body("problems[0].reason", org.hamcrest.Matchers.containsString("unknown flow code '7'"));
    }

    private static void awaitPhase(String releaseId, String phase, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String now;
        while (!phase.equals(now = given().get("/api/releases/" + releaseId).then().extract().path("phase"))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(phase, now, "phase of release " + releaseId);
    }

    static byte[] file() {
        StringBuilder csv = new StringBuilder(Uploads.BULK_HEADER);
        long salt = UUID.randomUUID().getMostSignificantBits() & 0xffff;
        for (int i = 0; i < 40; i++) {
            int year = 2000 + i % 20;
            csv.append("H4,").append(year).append(',').append(year).append(',').append(year)
                    .append(",4,0,1,Import,762,Tajikistan,TJK,156,China,CHN,").append(i < 20 ? "8501" : "8502").append(",Motors,,,,,")
                    .append(1000 * (i + 1) + salt).append(",0\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
