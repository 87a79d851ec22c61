package org.silkroad.trade.release.importing;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.ObservatoryTestResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A release an instance left mid-import is failed at start; one still waiting in a queue is left alone. */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "trade"))
class InterruptedImportsTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Inject
    InterruptedImports interrupted;

    @Test
    void aReleaseLeftMidImportIsFailedAndAWaitingOneIsNot() throws Exception {
        UUID midImport = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            insertRunning(c, midImport, "merging");
            insertRunning(c, waiting, "waiting");
        }

        assertTrue(interrupted.failInterrupted() >= 1);

        given().get("/api/releases/" + midImport).then().statusCode(200)
                .body("status", equalTo("failed")).body("failure", equalTo(InterruptedImports.REASON))
                .body("rowsRead", equalTo(150000));
        given().get("/api/releases/" + waiting).then().statusCode(200).body("status", equalTo("running"));
    }

    private static void insertRunning(Connection c, UUID id, String phase) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO trade_release (id, source, format, file_name, published_on, sha256, bytes, status, version, started_at,
                                           phase, rows_read)
                VALUES (?, 'interrupted test', 'comtrade-bulk-csv', 'big.csv', DATE '2021-01-01', ?, 1000, 'running', 1, now(), ?, 150000)""")) {
            ps.setObject(1, id);
            ps.setString(2, "%064x".formatted(id.getMostSignificantBits() & Long.MAX_VALUE));
            ps.setString(3, phase);
            ps.executeUpdate();
        }
    }
}
