package org.silkroad.trade.bench;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.Tokens;

import java.io.BufferedWriter;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

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
    private static final int[] REPORTERS = {398, 417, 762, 795, 860};
    private static final int[] PARTNERS = {156, 643, 276, 840, 392, 410, 356, 792, 364, 4, 31, 51, 112, 268, 496, 586, 804, 826, 250, 380};

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void importAgainstCopy() throws Exception {
        Path file = Files.createTempFile("bench-comtrade-", ".csv");
        generate(file);
        System.out.printf("benchmark file: %d rows, %d MB%n", ROWS, Files.size(file) >> 20);

        AtomicLong peakRss = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakRss.accumulateAndGet(rssKb(), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();

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
        sampler.interrupt();

        long copyNanos;
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres"); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_copy");
            StringBuilder columns = new StringBuilder();
            for (int i = 0; i < 22; i++) {
                columns.append(i == 0 ? "" : ", ").append("c").append(i).append(" TEXT");
            }
            st.execute("CREATE TABLE bench_copy (" + columns + ")");
            long copyStart = System.nanoTime();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_copy FROM STDIN (FORMAT csv, HEADER true)", in);
            }
            copyNanos = System.nanoTime() - copyStart;
            st.execute("DROP TABLE bench_copy");
        }
        double commitSeconds = (committed - start) / 1e9;
        double endToEnd = (published - start) / 1e9;
        double copySeconds = copyNanos / 1e9;
        System.out.printf("upload answered (%d) after:    %8.1f s%n", response.statusCode(), (answered - start) / 1e9);
        System.out.printf("import, committed:              %8.1f s  %,10.0f rows/s%n", commitSeconds, ROWS / commitSeconds);
        System.out.printf("import, committed + in Kafka:   %8.1f s  %,10.0f rows/s%n", endToEnd, ROWS / endToEnd);
        System.out.printf("PostgreSQL COPY, bare table:    %8.1f s  %,10.0f rows/s%n", copySeconds, ROWS / copySeconds);
        System.out.printf("ratio end to end / COPY:        %8.1f x (goal: within 3 x)%n", endToEnd / copySeconds);
        System.out.printf("ratio committed / COPY:         %8.1f x%n", commitSeconds / copySeconds);
        System.out.printf("phases on the release (ms): %s%n", phaseMs);
        System.out.printf("peak RSS of the test JVM (service + embedded Kafka broker): %d MB sampled, VmHWM %d MB%n",
                peakRss.get() >> 10, hwmKb() >> 10);

        // Floors in the same run: what keeping the data model costs whatever the import code does.
        ImportFloors.TableCopy copied = ImportFloors.copyIntoIndexedTables(jdbcUrl, java.util.UUID.fromString(release));
        double tables = copied.seconds();
        double kafka = ImportFloors.resendTopic(bootstrap, "trade.observations.v1", "bench.floor." + System.nanoTime());
        System.out.printf("floor: COPY into the service's tables with their indexes: %8.1f s  (%.1f x COPY; observations %.1f s, revisions %.1f s)%n",
                tables, tables / copySeconds, copied.observations(), copied.revisions());
        System.out.printf("floor: plain producer resending the topic's records:      %8.1f s  (%.1f x COPY)%n", kafka, kafka / copySeconds);
        System.out.printf("floor: both, one after the other:                         %8.1f s  (%.1f x COPY); import end to end %.1f x the floor%n",
                tables + kafka, (tables + kafka) / copySeconds, endToEnd / (tables + kafka));
        Files.deleteIfExists(file);
    }

    private static void generate(Path file) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,"
                    + "Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),"
                    + "Trade Value (US$),Flag\n");
            int written = 0;
            outer:
            for (int commodity = 0; ; commodity++) {
                String code = (commodity % 2 == 0 ? "84" : "85") + "%04d".formatted(101 + commodity / 2);
                for (int reporter : REPORTERS) {
                    for (int partner : PARTNERS) {
                        for (int flow = 1; flow <= 2; flow++) {
                            for (int year = 2000; year < 2020; year++) {
                                if (written++ == ROWS) {
                                    break outer;
                                }
                                long value = 1000L + (written * 7919L) % 100_000_000L;
                                w.write("H4," + year + "," + year + "," + year + ",6,1," + flow + "," + (flow == 1 ? "Import" : "Export") + ","
                                        + reporter + ",R,," + partner + ",P,," + code + ",Machinery,8,kg," + (value / 10) + "," + (value / 7)
                                        + "," + value + ",0\n");
                            }
                        }
                    }
                }
            }
        }
    }

    private static long rssKb() {
        return status("VmRSS:");
    }

    private static long hwmKb() {
        return status("VmHWM:");
    }

    private static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (Exception ignored) {
            // not Linux: no figure
        }
        return 0;
    }
}
