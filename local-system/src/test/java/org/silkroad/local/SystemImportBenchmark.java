package org.silkroad.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.ComtradeBulkCsv;
import org.silkroad.testing.ImportFigures;
import org.silkroad.testing.ProcessMemory;
import org.silkroad.testing.ReadLatencyProbe;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Prints figures, asserts nothing about speed: issue #3's import benchmark on the system as {@code ./observatory run}
 * starts it — trade-service in its own JVM (so the peak RSS is the service's alone), the broker in the launcher's,
 * PostgreSQL durable. A 1,000,000-row Comtrade bulk CSV is uploaded like a user would, timed until the release is
 * committed and until Kafka acknowledged its last event, against COPY of the same file into a bare table of the
 * same server, then the data model's floors (ADR 0008). Run with
 * {@code ./mvnw -B verify -pl local-system -Pbenchmark -Dit.test=SystemImportBenchmark}.
 */
@Tag("benchmark")
class SystemImportBenchmark {

    private static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);

    @Test
    void importAgainstCopy() throws Exception {
        Path tmp = Files.createDirectories(LauncherProcess.LAUNCHER.getParent().resolve("bench-tmp"));
        Path file = tmp.resolve("bench-comtrade.csv");
        ComtradeBulkCsv.write(file, ROWS);
        System.out.printf("BENCH import file: %,d rows, %d MB%n", ROWS, Files.size(file) >> 20);
        LauncherProcess launcher = LauncherProcess.run(tmp);
        try {
            RunState state = launcher.state();
            String token = LauncherProcess.token(Path.of(state.dataDir()));
            String trade = state.services().get("trade-service");
            String jdbcUrl = "jdbc:postgresql://localhost:" + state.postgresPort() + "/trade";

            long start;
            long committed = 0;
            long published;
            JsonNode release;
            String gateway = state.services().get("gateway");
            // What the dashboard and an analyst read meanwhile: the gateway's overview and trend, trade-service's reads.
            try (ProcessMemory service = ProcessMemory.sample(state.pids().get("trade-service"));
                 ProcessMemory broker = ProcessMemory.sample(state.launcherPid());
                 ReadLatencyProbe reads = new ReadLatencyProbe(List.of(URI.create(gateway + "/api/dashboard/overview"),
                         URI.create(gateway + "/api/dashboard/trade-trend"), URI.create(trade + "/api/observations?reporter=KAZ&partner=CHN&size=20"),
                         URI.create(trade + "/api/indicators/balance?reporter=KAZ&partner=CHN")))) {
                long idleMb = service.residentMb();
                start = System.nanoTime();
                HttpResponse<String> response = SystemHttp.HTTP.send(HttpRequest.newBuilder(URI.create(trade + "/api/releases"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 202 && response.statusCode() != 201) {
                    throw new AssertionError(response.statusCode() + " " + response.body());
                }
                String id = SystemHttp.JSON.readTree(response.body()).path("id").asText();
                while (true) {
                    release = SystemHttp.get(trade + "/api/releases/" + id);
                    reads.phase(release.path("phase").asText());
                    if ("failed".equals(release.path("status").asText())) {
                        throw new AssertionError("import failed: " + release.path("failure").asText());
                    }
                    if (committed == 0 && "completed".equals(release.path("status").asText())) {
                        committed = System.nanoTime();
                    }
                    if ("published".equals(release.path("phase").asText())) {
                        published = System.nanoTime();
                        break;
                    }
                    Thread.sleep(50);
                }
                System.out.printf("BENCH trade-service RSS: idle before the upload %d MB, peak during the import %d MB sampled, VmHWM %d MB%n",
                        idleMb, service.peakSampledMb(), service.highWaterMarkMb());
                System.out.printf("BENCH launcher RSS (embedded Kafka broker; PostgreSQL runs in its own processes): peak %d MB sampled%n",
                        broker.peakSampledMb());
                reads.close();
                reads.print("BENCH ");
            }
            double copySeconds = ImportFigures.copyIntoBareTable(jdbcUrl, file);
            double commitSeconds = (committed - start) / 1e9;
            double endToEnd = (published - start) / 1e9;
            ImportFigures.printImport("BENCH ", ROWS, commitSeconds, endToEnd, copySeconds, release.path("phaseMs"));
            ImportFigures.printFloors("BENCH ", jdbcUrl, state.kafkaBootstrap(), UUID.fromString(release.path("id").asText()),
                    copySeconds, endToEnd);
        } finally {
            launcher.stop();
            Files.deleteIfExists(file);
        }
    }
}
