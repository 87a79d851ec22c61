package org.silkroad.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints figures, asserts nothing: the freshness figure on the running system. 1,000 figures are recorded
 * one after the other through trade-service's API (editor token), each timed from its 201 (write accepted: committed
 * with its outbox row) to the first {@code /api/stream} notification showing it (the feed's, as a rule), and to the
 * first overview notification showing it. Not part of {@code ./mvnw verify} (tagged benchmark, and its name matches neither surefire's nor failsafe's patterns); run
 * it with {@code ./mvnw -B verify -pl local-system -Pbenchmark -Dit.test=StreamFreshnessBenchmark}.
 */
@Tag("benchmark")
class StreamFreshnessBenchmark {

    static final long GOAL_P99_MS = 500;

    @Test
    void printFreshness() throws Exception {
        int writes = Integer.getInteger("bench.freshness.writes", 1000);
        long pauseMs = Long.getLong("bench.freshness.pause-ms", 10);
        Path tmp = Files.createDirectories(LauncherProcess.LAUNCHER.getParent().resolve("bench-tmp"));
        LauncherProcess launcher = LauncherProcess.run(tmp);
        try {
            RunState state = launcher.state();
            String token = LauncherProcess.token(Path.of(state.dataDir()));
            Map<String, Long> accepted = new ConcurrentHashMap<>();
            Map<String, Long> first = new ConcurrentHashMap<>();
            Map<String, Long> overview = new ConcurrentHashMap<>();
            try (ViewStreamClient stream = ViewStreamClient.subscribe(state.services().get("gateway"))) {
                stream.await(n -> n.path("view").asText().equals("events"), Duration.ofSeconds(30));
                Thread collector = new Thread(() -> {
                    try {
                        while (!Thread.currentThread().isInterrupted()) {
                            ViewStreamClient.Notification n = stream.await(x -> true, Duration.ofMinutes(10));
                            for (String id : shown(n.data())) {
                                first.putIfAbsent(id, n.receivedNanos());
                                if (n.data().path("view").asText().equals("overview")) {
                                    overview.putIfAbsent(id, n.receivedNanos());
                                }
                            }
                        }
                    } catch (InterruptedException | AssertionError e) {
                        // done
                    }
                }, "freshness-collector");
                collector.setDaemon(true);
                collector.start();

                String run = UUID.randomUUID().toString().substring(0, 8);
                String trade = state.services().get("trade-service");
                for (int i = 0; i < writes; i++) {
                    String id = SystemHttp.observation(trade, token, "Freshness " + run + " " + i, 1_000_000_000L + i);
                    accepted.put(id, System.nanoTime());
                    Thread.sleep(pauseMs);
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (overview.keySet().containsAll(accepted.keySet()) == false && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                collector.interrupt();
            }
            print("first notification", accepted, first, writes, pauseMs);
            print("overview notification", accepted, overview, writes, pauseMs);
        } finally {
            launcher.stop();
        }
    }

    /**
     * The aggregates a notification shows: the changes it names, and the newest events in its state (the feed's
     * items, the overview's last events). A write committed while a refresh was computing is already in that
     * refresh's state although its change is named only by the next notification, if any view still changes then.
     */
    static Set<String> shown(JsonNode notification) {
        Set<String> ids = new HashSet<>();
        notification.path("changes").forEach(c -> ids.add(c.path("aggregateId").asText()));
        notification.path("state").path("items").forEach(e -> ids.add(e.path("aggregateId").asText()));
        notification.path("state").path("lastEvents").forEach(e -> ids.add(e.path("aggregateId").asText()));
        return ids;
    }

    static void print(String what, Map<String, Long> accepted, Map<String, Long> received, int writes, long pauseMs) {
        long[] ms = accepted.entrySet().stream().filter(e -> received.containsKey(e.getKey()))
                .mapToLong(e -> Math.max(0, (received.get(e.getKey()) - e.getValue()) / 1_000_000)).sorted().toArray();
        int n = ms.length;
        long p50 = n == 0 ? -1 : ms[n / 2];
        long p99 = n == 0 ? -1 : ms[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)];
        System.out.printf("BENCH freshness write accepted by trade-service -> %s on /api/stream: %d/%d writes "
                        + "(%d ms apart) p50=%d ms p99=%d ms max=%d ms; goal p99 <= %d ms: %s%n", what, n, writes, pauseMs,
                p50, p99, n == 0 ? -1 : ms[n - 1], GOAL_P99_MS, n == writes && p99 <= GOAL_P99_MS ? "met" : "NOT met");
        if (n > 0) {
            System.out.println("BENCH   percentiles (ms) p10..p90: " + Arrays.toString(new long[]{ms[n / 10], ms[n * 3 / 10],
                    ms[n / 2], ms[n * 7 / 10], ms[n * 9 / 10]}));
        }
    }
}
