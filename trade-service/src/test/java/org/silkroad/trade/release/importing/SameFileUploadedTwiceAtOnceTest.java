package org.silkroad.trade.release.importing;

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

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two uploads of the same new file that both pass the content check before either completes (two pods loading the
 * shipped dataset into an empty database): one imports, the other answers with that release instead of failing on
 * the unique content index. "Both passed the check" is made certain by holding the import lock until both wait on it.
 */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "trade"))
class SameFileUploadedTwiceAtOnceTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void theSecondOfTwoConcurrentUploadsAnswersWithTheFirstsReleaseAndImportsNothing() throws Exception {
        String source = "twice at once " + UUID.randomUUID();
        byte[] file = LargeImportRunsOnAWorkerTest.file();
        List<CompletableFuture<ExtractableResponse<Response>>> uploads;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            try (Connection blocker = DriverManager.getConnection(jdbcUrl, "postgres", "postgres"); Statement st = blocker.createStatement()) {
                blocker.setAutoCommit(false);
                st.execute("SELECT pg_advisory_xact_lock(" + ReleaseImporter.IMPORT_LOCK + ")");
                uploads = List.of(upload(source, file), upload(source, file));
                awaitReleases(db, source, "running", 2, Duration.ofSeconds(30));
                blocker.rollback();
            }

            ExtractableResponse<Response> first = uploads.get(0).get(60, TimeUnit.SECONDS);
            ExtractableResponse<Response> second = uploads.get(1).get(60, TimeUnit.SECONDS);
            ExtractableResponse<Response> imported = first.statusCode() == 201 ? first : second;
            ExtractableResponse<Response> answered = imported == first ? second : first;
            assertEquals(201, imported.statusCode(), imported.asString());
            assertEquals(200, answered.statusCode(), answered.asString());
            String releaseId = imported.path("id");
            assertEquals(releaseId, answered.path("id"), "the second upload answers with the release that imported the file");
            assertEquals("completed", answered.path("status"));

            // The loser's own release imported nothing and says why; it never becomes a second completed release.
            assertEquals(1, count(db, source, "completed"));
            assertEquals(1, count(db, source, "failed"));
            try (PreparedStatement ps = db.prepareStatement("SELECT failure FROM trade_release WHERE source = ? AND status = 'failed'")) {
                ps.setString(1, source);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(ReleaseImporter.sameContentMeanwhile(UUID.fromString(releaseId)), rs.getString(1));
                }
            }
        }
        given().queryParam("source", source).get("/api/observations").then().statusCode(200).body("totalItems", equalTo(40));
    }

    private static CompletableFuture<ExtractableResponse<Response>> upload(String source, byte[] file) {
        return CompletableFuture.supplyAsync(() -> given().auth().oauth2(Tokens.editor()).contentType("text/csv")
                .queryParam("source", source).body(file).when().post("/api/releases").then().extract());
    }

    private static void awaitReleases(Connection db, String source, String status, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long now;
        while ((now = count(db, source, status)) < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(expected, now, status + " releases of " + source);
    }

    private static long count(Connection db, String source, String status) throws Exception {
        try (PreparedStatement ps = db.prepareStatement("SELECT count(*) FROM trade_release WHERE source = ? AND status = ?")) {
            ps.setString(1, source);
            ps.setString(2, status);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
