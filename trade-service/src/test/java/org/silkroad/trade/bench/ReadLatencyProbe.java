package org.silkroad.trade.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * While an import runs, reads other endpoints of the service one after the other (a pause of 200 ms between rounds)
 * and keeps each answer's latency under the import's phase at that moment: the figures behind "a 1M-row import must
 * not block the service's other endpoints".
 */
final class ReadLatencyProbe implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<URI> reads;
    private final Map<String, List<Long>> microsByPhase = new LinkedHashMap<>();
    private final Thread thread;
    // until the release row answers: the 89 MB file is still being sent and spooled
    private volatile String phase = "uploading";
    private volatile boolean running = true;
    private int failures;

    ReadLatencyProbe(int port) {
        String base = "http://localhost:" + port;
        reads = List.of(URI.create(base + "/api/observations?reporter=KAZ&partner=CHN&size=20"),
                URI.create(base + "/api/indicators/balance?reporter=KAZ&partner=CHN"),
                URI.create(base + "/api/releases?size=5"),
                URI.create(base + "/api/reference/flows"));
        thread = new Thread(this::loop, "read-latency-probe");
        thread.setDaemon(true);
        thread.start();
    }

    void phase(String now) {
        phase = now;
    }

    private void loop() {
        while (running) {
            for (URI uri : reads) {
                String at = phase;
                long start = System.nanoTime();
                boolean ok;
                try {
                    ok = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (Exception e) {
                    ok = false;
                }
                record(at, (System.nanoTime() - start) / 1000, ok);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void record(String at, long micros, boolean ok) {
        microsByPhase.computeIfAbsent(at, k -> new ArrayList<>()).add(micros);
        if (!ok) {
            failures++;
        }
    }

    synchronized void print() {
        System.out.printf("reads of other endpoints during the import (%d endpoints in turn; failed or non-200: %d):%n",
                reads.size(), failures);
        microsByPhase.forEach((at, micros) -> {
            List<Long> sorted = new ArrayList<>(micros);
            sorted.sort(null);
            System.out.printf("  %-11s %5d reads  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n", at, sorted.size(),
                    percentile(sorted, 0.50) / 1000.0, percentile(sorted, 0.95) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
        });
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(35_000);
    }
}
