package org.silkroad.testing;

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
 * While an import runs, reads other endpoints one after the other (a pause of 200 ms between rounds) and keeps each
 * answer's latency under the import's phase at that moment: the figures behind "a 1M-row import must not block the
 * service's other endpoints". Used by the import benchmarks of trade-service and of the running system.
 */
public final class ReadLatencyProbe implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<URI> reads;
    private final Map<String, List<Long>> microsByPhase = new LinkedHashMap<>();
    /** The slowest answer per phase and which read it was: where a stall comes from. */
    private final Map<String, Slowest> slowestByPhase = new LinkedHashMap<>();
    private final Thread thread;
    // until the caller names the first phase: the file is still being sent and spooled
    private volatile String phase = "uploading";
    private volatile long phaseStart = System.nanoTime();
    private volatile boolean running = true;
    private int failures;

    public ReadLatencyProbe(List<URI> reads) {
        this.reads = List.copyOf(reads);
        thread = new Thread(this::loop, "read-latency-probe");
        thread.setDaemon(true);
        thread.start();
    }

    public void phase(String now) {
        if (!now.equals(phase)) {
            phaseStart = System.nanoTime();
            phase = now;
        }
    }

    private void loop() {
        while (running) {
            for (URI uri : reads) {
                String at = phase;
                long start = System.nanoTime();
                long intoPhase = start - phaseStart;
                boolean ok;
                try {
                    ok = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (Exception e) {
                    ok = false;
                }
                record(at, uri, (System.nanoTime() - start) / 1000, intoPhase, ok);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void record(String at, URI uri, long micros, long intoPhaseNanos, boolean ok) {
        microsByPhase.computeIfAbsent(at, k -> new ArrayList<>()).add(micros);
        Slowest slowest = slowestByPhase.get(at);
        if (slowest == null || micros > slowest.micros()) {
            slowestByPhase.put(at, new Slowest(micros, "%s%s, sent %.1f s into the phase".formatted(uri.getPath(), ok ? "" : " (failed)",
                    Math.max(0, intoPhaseNanos) / 1e9)));
        }
        if (!ok) {
            failures++;
        }
    }

    public synchronized void print(String prefix) {
        System.out.printf("%sreads of other endpoints during the import (%d endpoints in turn; failed or non-200: %d):%n",
                prefix, reads.size(), failures);
        microsByPhase.forEach((at, micros) -> {
            List<Long> sorted = new ArrayList<>(micros);
            sorted.sort(null);
            System.out.printf("%s  %-11s %5d reads  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms (%s)%n", prefix, at, sorted.size(),
                    percentile(sorted, 0.50) / 1000.0, percentile(sorted, 0.95) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0,
                    slowestByPhase.get(at).read());
        });
    }

    /**
     * Reads each of {@code uris} {@code times} times in a row once the import is done and prints the first (cold) and
     * the median of the rest (warm): what a page or an indicator costs over the tables the import left.
     */
    public static void printSettledReads(String prefix, List<URI> uris, int times) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        System.out.printf("%sreads once the import is done (first call, then the median of %d more):%n", prefix, times - 1);
        for (URI uri : uris) {
            List<Long> micros = new ArrayList<>();
            int status = 0;
            for (int i = 0; i < times; i++) {
                long start = System.nanoTime();
                status = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                micros.add((System.nanoTime() - start) / 1000);
            }
            List<Long> warm = new ArrayList<>(micros.subList(1, micros.size()));
            warm.sort(null);
            System.out.printf("%s  %8.1f ms  %8.1f ms  %d  %s%n", prefix, micros.get(0) / 1000.0, percentile(warm, 0.5) / 1000.0, status,
                    uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery()));
        }
    }

    private record Slowest(long micros, String read) {
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    @Override
    public void close() throws InterruptedException {
        // No interrupt: it would abort the read in flight and count it as failed (the service then logs a write to a
        // closed connection). The read ends within its 30 s timeout.
        running = false;
        thread.join(35_000);
    }
}
