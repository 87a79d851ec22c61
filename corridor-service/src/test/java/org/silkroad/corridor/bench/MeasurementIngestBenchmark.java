package org.silkroad.corridor.bench;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.Tokens;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Prints figures; asserts only that the work was done. Not part of the default run (tag "benchmark"):
 * <pre>
 * ./mvnw -B verify -pl corridor-service -Pbenchmark -Dtest=MeasurementIngestBenchmark
 * </pre>
 * {@code -Dbench.rows=…} and {@code -Dbench.assets=…} change the sizes (defaults 1,000,000 rows and 10,000 assets).
 */
@QuarkusTest
@Tag("benchmark")
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "corridor"))
class MeasurementIngestBenchmark {

    @Inject
    DataSource db;

    @Test
    void ingestAMillionMeasurementsAndServeTheMapOfTenThousandAssets() throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        int assetCount = Integer.getInteger("bench.assets", 10_000);
        int run = ThreadLocalRandom.current().nextInt(1000, 10_000);
        int seriesAssets = 100;

        long t0 = System.nanoTime();
        importAssets(run, assetCount);
        double assetSeconds = (System.nanoTime() - t0) / 1e9;
        long publishedBefore = pending();

        Path csv = Files.createTempFile("bench-measurements", ".csv");
        LocalDate day0 = LocalDate.of(1990, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write("asset,metric,period,value,unit,direction,mode,source\n");
            for (int i = 0; i < rows; i++) {
                String asset = "bench-" + run + "-" + (i % seriesAssets);
                out.write(asset + ",throughput," + day0.plusDays(i / seriesAssets) + "," + (i % 977) + ",TEU,outbound,rail,bench\n");
            }
        }
        long bytes = Files.size(csv);

        long start = System.nanoTime();
        int written = given().auth().oauth2(Tokens.editor()).contentType("text/csv").body(csv.toFile())
                .when().post("/api/measurements/import").then().statusCode(200).extract().path("written");
        double committedSeconds = (System.nanoTime() - start) / 1e9;
        while (pending() > 0) {
            Thread.sleep(200);
        }
        double publishedSeconds = (System.nanoTime() - start) / 1e9;
        assertEquals(rows, written);
        Files.delete(csv);

        // Timed with the JDK's HTTP client: RestAssured's own handling of a 3.4 MB answer costs more than the server.
        HttpClient http = HttpClient.newHttpClient();
        String map = "http://localhost:" + io.restassured.RestAssured.port + "/api/map/assets";
        // Built: the map changed since the last request (a status change on one asset), so the body is built again.
        List<Long> cold = new ArrayList<>();
        int size = 0;
        String etag = null;
        for (int i = 0; i < 7; i++) {
            given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                    .body("{\"status\":\"" + (i % 2 == 0 ? "restricted" : "open") + "\"}")
                    .when().post("/api/assets/bench-" + run + "-0/status").then().statusCode(200);
            long s = System.nanoTime();
            HttpResponse<byte[]> answer = get(http, map, null, 200);
            cold.add((System.nanoTime() - s) / 1_000_000);
            size = answer.body().length;
            etag = answer.headers().firstValue("ETag").orElseThrow();
        }
        // Unchanged: the kept body (after a revision read), and 304 for a client that sends the ETag back.
        List<Long> kept = time(7, () -> get(http, map, null, 200));
        String sent = etag;
        List<Long> notModified = time(7, () -> get(http, map, sent, 304));
        // A map window: a bounding box and a page of 500, built each time (distinct boxes, so none is kept).
        List<Long> window = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String bbox = String.format(Locale.ROOT, "%.1f,35,%.1f,45", 50 + i * 0.1, 70 + i * 0.1);
            long s = System.nanoTime();
            get(http, map + "?size=500&bbox=" + bbox, null, 200);
            window.add((System.nanoTime() - s) / 1_000_000);
        }

        System.out.printf(Locale.ROOT, """

                ==== corridor-service benchmark ====
                assets imported:          %,d in %.1f s (%.0f assets/s, /api/assets/import in files of 1,000)
                measurements CSV:         %,d rows, %.1f MB (outbox rows pending before: %d)
                committed:                %.1f s  -> %,.0f rows/s
                committed and published:  %.1f s  -> %,.0f rows/s (outbox empty, every event acknowledged by Kafka)
                GeoJSON /api/map/assets:  %,d features, %.1f MB; latency ms (5 runs after 2 warm-ups) min/median/max
                  changed since last read (built):  %s
                  unchanged (kept body):            %s
                  unchanged, If-None-Match → 304:   %s
                  bbox + page of 500 (built):       %s
                peak RSS of the test JVM: %s (service + embedded Kafka broker; PostgreSQL is a separate process)
                ====================================
                """, assetCount, assetSeconds, assetCount / assetSeconds, rows, bytes / 1e6, publishedBefore,
                committedSeconds, rows / committedSeconds, publishedSeconds, rows / publishedSeconds,
                features(), size / 1e6, summary(cold), summary(kept), summary(notModified), summary(window), peakRss());
    }

    private void importAssets(int run, int count) {
        for (int from = 0; from < count; from += 1000) {
            StringBuilder file = new StringBuilder("[");
            for (int i = from; i < Math.min(count, from + 1000); i++) {
                double lon = 50 + (i % 700) / 10.0;
                double lat = 35 + (i % 200) / 10.0;
                file.append(i == from ? "" : ",").append(String.format(Locale.ROOT, """
                        {"id":"bench-%d-%d","name":"Benchmark asset %d","kind":"dry_port","countries":["KZ"],"mode":"rail",
                         "capacity":{"value":100000,"unit":"TEU/year","basis":"design"},
                         "location":{"type":"Point","coordinates":[%.2f,%.2f],"approximate":true},"figures":[]}""", run, i, i, lon, lat));
            }
            file.append("]");
            given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(file.toString())
                    .when().post("/api/assets/import").then().statusCode(200);
        }
    }

    private static HttpResponse<byte[]> get(HttpClient http, String uri, String ifNoneMatch, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(expectedStatus, response.statusCode());
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> time(int runs, Runnable request) {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            request.run();
            latencies.add((System.nanoTime() - s) / 1_000_000);
        }
        return latencies;
    }

    /** min / median / max of the runs after the first two (warm-ups). */
    private static String summary(List<Long> latencies) {
        List<Long> timed = latencies.subList(2, latencies.size()).stream().sorted().toList();
        return timed.get(0) + " / " + timed.get(timed.size() / 2) + " / " + timed.get(timed.size() - 1);
    }

    private long pending() throws Exception {
        return count("SELECT count(*) FROM outbox_message WHERE published_at IS NULL");
    }

    private long features() throws Exception {
        return count("SELECT count(*) FROM corridor_asset");
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String peakRss() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .map(l -> l.replace("VmHWM:", "").trim()).findFirst().orElse("unknown");
    }
}
