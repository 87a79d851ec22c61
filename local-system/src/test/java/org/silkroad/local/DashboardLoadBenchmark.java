package org.silkroad.local;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.Wrk;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Prints figures, asserts nothing: the load figure on the gateway as it runs in the system (its own process,
 * launched by {@code ./observatory run} with the sample data), where {@code GatewayBenchmark} measures it inside a test
 * JVM that also hosts the Kafka broker. wrk at 64 connections against the overview and, in the same run, the gateway's
 * trivial liveness endpoint; one warm-up run each (the launcher starts the services with C1 only, so the first seconds
 * are still compiling), then rounds alternating the two, so a disturbance on the shared cores hits both. Run it with
 * {@code ./mvnw -B verify -pl local-system -Pbenchmark -Dit.test=DashboardLoadBenchmark [-Dbench.load.rounds=3]
 * [-Dbench.wrk.threads=2]}.
 */
@Tag("benchmark")
class DashboardLoadBenchmark {

    static final double GOAL_RATIO = 0.5;
    static final double GOAL_P99_MS = 10;
    static final int CONNECTIONS = 64;

    @Test
    void printOverviewAgainstTrivial() throws Exception {
        int rounds = Integer.getInteger("bench.load.rounds", 3);
        int threads = Integer.getInteger("bench.wrk.threads", 2);
        Duration duration = Duration.ofSeconds(Long.getLong("bench.load.seconds", 10));
        Path tmp = Files.createDirectories(LauncherProcess.LAUNCHER.getParent().resolve("bench-tmp"));
        LauncherProcess launcher = LauncherProcess.run(tmp);
        try {
            String gateway = launcher.state().services().get("gateway");
            awaitSampleData(gateway);
            URI overview = URI.create(gateway + "/api/dashboard/overview");
            URI trivial = URI.create(gateway + "/q/health/live");
            for (URI warmUp : List.of(overview, trivial)) {
                Optional<Wrk.Figures> f = Wrk.run(warmUp, threads, CONNECTIONS, duration);
                if (f.isEmpty()) {
                    System.out.println("BENCH wrk not installed (apt-get install wrk)");
                    return;
                }
                System.out.println("BENCH warm-up " + f.get().line());
            }
            List<Wrk.Figures> overviews = new ArrayList<>();
            List<Wrk.Figures> trivials = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                Wrk.Figures o = Wrk.run(overview, threads, CONNECTIONS, duration).orElseThrow();
                Wrk.Figures t = Wrk.run(trivial, threads, CONNECTIONS, duration).orElseThrow();
                overviews.add(o);
                trivials.add(t);
                System.out.printf("BENCH round %d: %s%nBENCH round %d: %s%n", round, o.line(), round, t.line());
            }
            double overviewRps = median(overviews, Wrk.Figures::requestsPerSecond);
            double trivialRps = median(trivials, Wrk.Figures::requestsPerSecond);
            double ratio = overviewRps / trivialRps;
            double p99 = median(overviews, Wrk.Figures::p99Ms);
            double worstP99 = overviews.stream().mapToDouble(Wrk.Figures::p99Ms).max().orElseThrow();
            System.out.printf("BENCH running system, median of %d rounds: overview %.0f rps p50 %.2f ms p99 %.2f ms (worst round %.2f ms); "
                            + "trivial %.0f rps p99 %.2f ms%n", rounds, overviewRps, median(overviews, Wrk.Figures::p50Ms), p99, worstP99,
                    trivialRps, median(trivials, Wrk.Figures::p99Ms));
            System.out.printf("BENCH overview/trivial = %.2f (goal >= %.1f: %s); overview p99 = %.2f ms (goal <= %.0f ms: %s; "
                            + "rounds within the goal: %d/%d)%n", ratio, GOAL_RATIO, ratio >= GOAL_RATIO ? "met" : "NOT met", p99, GOAL_P99_MS,
                    p99 <= GOAL_P99_MS ? "met" : "NOT met", overviews.stream().filter(f -> f.p99Ms() <= GOAL_P99_MS).count(), rounds);
        } finally {
            launcher.stop();
        }
    }

    /** The launcher says "ready" before the gateway has read the sample data; measure the overview it will serve. */
    static void awaitSampleData(String gateway) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (SystemHttp.get(gateway + "/api/dashboard/overview").path("kpis").path("trade").path(0).isMissingNode()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the gateway shows no sample trade data after 120 s");
            }
            Thread.sleep(500);
        }
    }

    static double median(List<Wrk.Figures> figures, ToDoubleFunction<Wrk.Figures> figure) {
        double[] sorted = figures.stream().mapToDouble(figure).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
