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
 * ./mvnw -B -o verify -pl corridor-service -Dcorridor.bench.excluded=none -Dgroups=benchmark -Dtest=MeasurementIngestBenchmark
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

        List<Long> latencies = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < 7; i++) {
            long s = System.nanoTime();
            size = given().when().get("/api/map/assets").then().statusCode(200).extract().asByteArray().length;
            latencies.add((System.nanoTime() - s) / 1_000_000);
        }
        List<Long> timed = latencies.subList(2, latencies.size()).stream().sorted().toList();

        System.out.printf(Locale.ROOT, """

                ==== corridor-service benchmark ====
                assets imported:          %,d in %.1f s (%.0f assets/s, /api/assets/import in files of 1,000)
                measurements CSV:         %,d rows, %.1f MB (outbox rows pending before: %d)
                committed:                %.1f s  -> %,.0f rows/s
                committed and published:  %.1f s  -> %,.0f rows/s (outbox empty, every event acknowledged by Kafka)
                GeoJSON /api/map/assets:  %,d features, %.1f MB; latency ms (5 runs after 2 warm-ups) min %d, median %d, max %d
                peak RSS of the test JVM: %s (service + embedded Kafka broker; PostgreSQL is a separate process)
                ====================================
                """, assetCount, assetSeconds, assetCount / assetSeconds, rows, bytes / 1e6, publishedBefore,
                committedSeconds, rows / committedSeconds, publishedSeconds, rows / publishedSeconds,
                features(), size / 1e6, timed.get(0), timed.get(timed.size() / 2), timed.get(timed.size() - 1), peakRss());
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
