package org.silkroad.trade.bench;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.ComtradeBulkCsv;
import org.silkroad.testing.ImportFigures;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.ProcessMemory;
import org.silkroad.testing.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

/**
 * Prints figures, asserts nothing about speed: a 1,000,000-row Comtrade bulk CSV imported end to end (committed and
 * every observation event acknowledged by Kafka, i.e. the release's phase is {@code published}) against PostgreSQL COPY of the same rows into a bare table. Run with
 * {@code ./mvnw -B verify -pl trade-service -Pbenchmark -Dtest=ImportBenchmark}.
 */
@QuarkusTest
@Tag("benchmark")
@io.quarkus.test.junit.TestProfile(ImportBenchmark.LargeFiles.class)
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "trade"))
class ImportBenchmark {

    /** The test profile caps uploads at 2 MB (to test 413) and publishes in small batches; the benchmark needs production settings. */
    public static class LargeFiles implements io.quarkus.test.junit.QuarkusTestProfile {
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("silkroad.trade.import.max-bytes", "1073741824",
                    // the production batch, not the small one tests use to make the cursor move
                    "silkroad.trade.publisher.batch-size", "50000",
                    "quarkus.log.category.\"org.silkroad.platform.outbox\".level", "INFO");
        }
    }

    private static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void importAgainstCopy() throws Exception {
        Path file = Files.createTempFile("bench-comtrade-", ".csv");
        ComtradeBulkCsv.write(file, ROWS);
        System.out.printf("benchmark file: %d rows, %d MB%n", ROWS, Files.size(file) >> 20);

        ProcessMemory memory = ProcessMemory.sampleSelf();

        long start = System.nanoTime();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/releases"))
                .header("Authorization", "Bearer " + Tokens.editor()).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        long answered = System.nanoTime();
        if (response.statusCode() != 202 && response.statusCode() != 201) {
            throw new AssertionError(response.statusCode() + " " + response.body());
        }
        String release = response.body().replaceAll("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        long committed = 0;
        long published;
        String phaseMs;
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT status, phase, phase_ms, failure FROM trade_release WHERE id = ?::uuid")) {
            ps.setString(1, release);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    String status = rs.getString(1);
                    if ("failed".equals(status)) {
                        throw new AssertionError("import failed: " + rs.getString(4));
                    }
                    if (committed == 0 && "completed".equals(status)) {
                        committed = System.nanoTime();
                    }
                    if ("published".equals(rs.getString(2))) {
                        published = System.nanoTime();
                        phaseMs = rs.getString(3);
                        break;
                    }
                }
                Thread.sleep(50);
            }
        }
        memory.close();

        double copySeconds = ImportFigures.copyIntoBareTable(jdbcUrl, file);
        double commitSeconds = (committed - start) / 1e9;
        double endToEnd = (published - start) / 1e9;
        System.out.printf("upload answered (%d) after:    %8.1f s%n", response.statusCode(), (answered - start) / 1e9);
        ImportFigures.printImport("", ROWS, commitSeconds, endToEnd, copySeconds, phaseMs);
        System.out.printf("peak RSS of the test JVM (service + embedded Kafka broker): %d MB sampled, VmHWM %d MB%n",
                memory.peakSampledMb(), memory.highWaterMarkMb());

        // Floors in the same run: what keeping the data model costs whatever the import code does.
        ImportFigures.printFloors("", jdbcUrl, bootstrap, java.util.UUID.fromString(release), copySeconds, endToEnd);
        Files.deleteIfExists(file);
    }
}
