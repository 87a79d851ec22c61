package org.silkroad.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The whole system started the way the README's run command starts it: a write through a service with a token shows
 * up in the gateway overview, having travelled through the outbox and Kafka; stopping it leaves nothing behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FullSystemIT {

    static final Path HOME = Path.of(System.getProperty("observatory.home"));
    static final Path LAUNCHER = Path.of(System.getProperty("observatory.launcher"));
    static final Path TMP = LAUNCHER.getParent().resolve("it-tmp");
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    static Process launcher;
    static final List<String> output = new CopyOnWriteArrayList<>();
    static RunState state;

    @BeforeAll
    static void startTheLocalSystem() throws Exception {
        Files.createDirectories(TMP);
        try (Stream<Path> leftovers = Files.list(TMP)) {
            assertEquals(0, leftovers.count(), TMP + " must start empty so leftovers can be seen");
        }
        ProcessBuilder builder = new ProcessBuilder(java(), "-Djava.io.tmpdir=" + TMP, "-jar", LAUNCHER.toString(), "run")
                .redirectErrorStream(true);
        builder.environment().put("OBSERVATORY_HOME", HOME.toString());
        launcher = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                    System.out.println("[observatory] " + line);
                }
            } catch (IOException ignored) {
                // the launcher ended
            }
        }, "launcher-output");
        reader.setDaemon(true);
        reader.start();

        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (output.stream().noneMatch(l -> l.startsWith("All ready"))) {
            if (!launcher.isAlive() || System.nanoTime() > deadline) {
                fail("the local system did not come up:\n" + String.join("\n", output));
            }
            Thread.sleep(200);
        }
        Path dataDir = Path.of(find("^Data\\s+(\\S+)"));
        state = RunState.readLive(dataDir.resolve(RunState.FILE)).orElseThrow();
    }

    @AfterAll
    static void stopIfStillRunning() throws Exception {
        if (launcher != null && launcher.isAlive()) {
            launcher.destroy();
            launcher.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(1)
    void theSampleDataReachedTheGatewayThroughKafka() throws Exception {
        JsonNode overview = get(state.services().get("gateway") + "/api/dashboard/overview");
        for (String source : List.of("trade", "corridor", "policy")) {
            JsonNode s = source(overview, source);
            assertTrue(s.path("aggregateCount").asLong() > 0, source + " has aggregates in the gateway: " + s);
            assertFalse(s.path("lastEventAt").isNull(), source + " has a last event time");
        }
    }

    @Test
    @Order(2)
    void aWriteWithTheTokenCommandIsSeenInTheGatewayOverview() throws Exception {
        String gateway = state.services().get("gateway");
        long before = source(get(gateway + "/api/dashboard/overview"), "corridor").path("aggregateCount").asLong();
        String id = "it-crossing-" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"id":"%s","name":"Integration crossing","kind":"border_crossing","countries":["CN","KZ"]}""".formatted(id);

        String token = tokenFromTheCommand();
        long written = System.nanoTime();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(state.services().get("corridor-service") + "/api/assets"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long after = before;
        while (after != before + 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            after = source(get(gateway + "/api/dashboard/overview"), "corridor").path("aggregateCount").asLong();
        }
        assertEquals(before + 1, after, "the new asset is counted in the gateway overview");
        System.out.printf("commit-to-gateway latency (write accepted to overview updated, polled every 20 ms): %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - written));
        assertEquals(id, get(gateway + "/api/read-model/corridor.assets.v1/" + id).path("state").path("id").asText());
    }

    @Test
    @Order(3)
    void aWriteWithoutATokenIsUnauthorized() throws Exception {
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(state.services().get("trade-service") + "/api/observations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, refused.statusCode());
    }

    @Test
    @Order(4)
    void stoppingTheLauncherLeavesNoProcessAndNoTemporaryDirectory() throws Exception {
        launcher.destroy(); // SIGTERM, as Ctrl-C's SIGINT would
        assertTrue(launcher.waitFor(90, TimeUnit.SECONDS), "the launcher ends");
        for (Map.Entry<String, Long> service : state.pids().entrySet()) {
            assertFalse(ProcessHandle.of(service.getValue()).map(ProcessHandle::isAlive).orElse(false),
                    service.getKey() + " process is gone");
        }
        assertFalse(Files.exists(Path.of(state.dataDir())), "the temporary data directory is deleted");
        try (Stream<Path> leftovers = Files.list(TMP)) {
            assertEquals(List.of(), leftovers.toList(), "nothing is left in the temp folder");
        }
    }

    private static String tokenFromTheCommand() throws Exception {
        Process token = new ProcessBuilder(java(), "-jar", LAUNCHER.toString(), "token", "--data-dir", state.dataDir()).start();
        String printed = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(token.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, token.exitValue(), new String(token.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(3, printed.split("\\.").length, "a JWT: " + printed);
        return printed;
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static JsonNode source(JsonNode overview, String name) {
        for (JsonNode s : overview.path("sources")) {
            if (name.equals(s.path("source").asText())) {
                return s;
            }
        }
        throw new AssertionError("no source " + name + " in " + overview);
    }

    private static String find(String regex) {
        Pattern pattern = Pattern.compile(regex);
        for (String line : output) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no line matching " + regex + " in\n" + String.join("\n", output));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static {
        assertNotNull(System.getProperty("observatory.home"), "run through Maven failsafe");
    }
}
