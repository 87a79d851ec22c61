package org.silkroad.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service in a JVM of its own, as it would run in production, with its log in the data directory. */
final class ServiceProcess {

    /**
     * Small heaps and the serial collector: four JVMs share two cores and a laptop's memory; C1 only, because on
     * two cores the C2 compiler threads slow the start more than they speed a dashboard's light load.
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m", "-Xss512k");

    private final ServiceSpec spec;
    private final int port;
    private final Path log;
    private final Process process;
    private final long startedAt = System.nanoTime();

    private ServiceProcess(ServiceSpec spec, int port, Path log, Process process) {
        this.spec = spec;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static ServiceProcess start(ServiceSpec spec, Path app, int port, Map<String, String> env, Path logDir, Path tmpDir) {
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException(app + " is missing: build first (./observatory run builds when needed)");
        }
        Path log = logDir.resolve(spec.module() + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Djava.io.tmpdir=" + tmpDir);
        command.add("-jar");
        command.add(app.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        try {
            return new ServiceProcess(spec, port, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + spec.module(), e);
        }
    }

    ServiceSpec spec() {
        return spec;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** Waits for the readiness check to answer UP; returns the seconds it took from the process start. */
    double awaitReady(HttpClient http, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.module() + " exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - startedAt) / 1e9;
                }
            } catch (IOException notYetListening) {
                // the port opens late in the start; keep polling
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(spec.module() + " was not ready after " + timeout.toSeconds() + " s; see " + log);
    }

    /** Asks the service to stop (SIGTERM: Quarkus shuts down gracefully) and returns without waiting. */
    void requestStop() {
        process.destroy();
    }

    /** Waits for the process to end, killing it if it outstays the grace period. */
    void awaitStopped(Duration grace) throws InterruptedException {
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
