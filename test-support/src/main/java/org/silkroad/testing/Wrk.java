package org.silkroad.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator of the HTTP benchmarks: Debian's {@code wrk}, run as a process and its summary parsed. wrk rather
 * than a Java client because a client in the benchmark's JVM would compete with the server for the same two cores
 * and measure its own pauses.
 */
public final class Wrk {

    /** One run's figures; latencies in milliseconds. */
    public record Figures(String url, int threads, int connections, double requestsPerSecond, double p50Ms, double p99Ms,
                          long failedResponses) {

        public String line() {
            return String.format("wrk -t%d -c%d %-45s rps=%.0f p50=%.2f ms p99=%.2f ms non-2xx/3xx=%d", threads, connections, url,
                    requestsPerSecond, p50Ms, p99Ms, failedResponses);
        }
    }

    private Wrk() {
    }

    /** Empty when wrk is not installed (it is a Debian package: {@code apt-get install wrk}). */
    public static Optional<Figures> run(URI url, int threads, int connections, Duration duration) throws InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s", "--latency",
                    url.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return Optional.empty();
        }
        String out;
        try {
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("wrk output unreadable", e);
        }
        p.waitFor();
        String rps = find(out, "Requests/sec:\\s+(\\S+)");
        String p50 = find(out, "\\s50%\\s+(\\S+)");
        String p99 = find(out, "\\s99%\\s+(\\S+)");
        if (rps == null || p50 == null || p99 == null) {
            throw new IllegalStateException("wrk printed no summary:\n" + out);
        }
        String failed = find(out, "Non-2xx or 3xx responses:\\s+(\\d+)");
        return Optional.of(new Figures(url.toString(), threads, connections, Double.parseDouble(rps), millis(p50), millis(p99),
                failed == null ? 0 : Long.parseLong(failed)));
    }

    /** wrk prints latencies as 812.00us, 8.70ms or 1.20s. */
    static double millis(String latency) {
        Matcher m = Pattern.compile("([0-9.]+)(us|ms|s)").matcher(latency);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a wrk latency: " + latency);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
