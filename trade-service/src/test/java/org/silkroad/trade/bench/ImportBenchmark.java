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
import org.silkroad.testing.ReadLatencyProbe;
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
    @jakarta.inject.Inject
    org.silkroad.trade.dataset.ShippedDataset dataset;

    @Test
    void importAgainstCopy() throws Exception {
        Path file = Files.createTempFile("bench-comtrade-", ".csv");
        ComtradeBulkCsv.write(file, ROWS);
        System.out.printf("benchmark file: %d rows, %d MB%n", ROWS, Files.size(file) >> 20);

        // As in the running system: the shipped dataset is loaded at first start and autovacuum has analysed it, so the
        // planner's statistics describe a hundred rows when the million arrive.
        dataset.load();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres"); java.sql.Statement st = c.createStatement()) {
            st.execute("ANALYZE trade_observation");
            st.execute("ANALYZE trade_observation_revision");
        }

        ProcessMemory memory = ProcessMemory.sampleSelf();
        String base = "http://localhost:" + port;
        ReadLatencyProbe reads = new ReadLatencyProbe(java.util.List.of(URI.create(base + "/api/observations?reporter=KAZ&partner=CHN&size=20"),
                URI.create(base + "/api/indicators/balance?reporter=KAZ&partner=CHN"), URI.create(base + "/api/releases?size=5"),
                URI.create(base + "/api/reference/flows")));
        java.util.concurrent.CompletableFuture<String> smallUpload = null;

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
                    reads.phase(rs.getString(2));
                    if (smallUpload == null && "merging".equals(rs.getString(2))) {
                        smallUpload = smallUploadDuringTheImport();
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
        reads.close();

        double copySeconds = ImportFigures.copyIntoBareTable(jdbcUrl, file);
        double commitSeconds = (committed - start) / 1e9;
        double endToEnd = (published - start) / 1e9;
        System.out.printf("upload answered (%d) after:    %8.1f s%n", response.statusCode(), (answered - start) / 1e9);
        ImportFigures.printImport("", ROWS, commitSeconds, endToEnd, copySeconds, phaseMs);
        System.out.printf("peak RSS of the test JVM (service + embedded Kafka broker): %d MB sampled, VmHWM %d MB%n",
                memory.peakSampledMb(), memory.highWaterMarkMb());
        reads.print("");
        ReadLatencyProbe.printSettledReads("", java.util.List.of(URI.create(base + "/api/observations?size=20"),
                URI.create(base + "/api/observations?reporter=KAZ&partner=CHN&size=20"),
                URI.create(base + "/api/observations?reporter=KAZ&partner=CHN&size=20&page=100"),
                URI.create(base + "/api/observations?size=20&asOf=2100-01-01"),
                URI.create(base + "/api/indicators/balance?reporter=KAZ&partner=CHN")), 6);
        System.out.println("a 3-row upload sent when the merge began: " + (smallUpload == null ? "not sent (no merging phase seen)" : smallUpload.join()));

        // Floors in the same run: what keeping the data model costs whatever the import code does.
        ImportFigures.printFloors("", jdbcUrl, bootstrap, java.util.UUID.fromString(release), copySeconds, endToEnd);
        Files.deleteIfExists(file);
    }

    /** A small file, normally imported before the answer, sent while the large import holds the import lock. */
    private java.util.concurrent.CompletableFuture<String> smallUploadDuringTheImport() {
        long salt = System.nanoTime() % 100_000;
        StringBuilder csv = new StringBuilder("Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,"
                + "Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,"
                + "Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag\n");
        for (int i = 0; i < 3; i++) {
            csv.append("H4,2019,2019,2019,4,0,1,Import,762,Tajikistan,TJK,156,China,CHN,850").append(i + 1).append(",Motors,,,,,")
                    .append(1000 + salt + i).append(",0\n");
        }
        long sent = System.nanoTime();
        return HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/releases?source=bench-small"))
                        .header("Authorization", "Bearer " + Tokens.editor()).header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> "answered %d after %.1f s".formatted(r.statusCode(), (System.nanoTime() - sent) / 1e9));
    }
}
