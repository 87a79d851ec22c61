package org.silkroad.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.silkroad.local.SystemHttp.asset;
import static org.silkroad.local.SystemHttp.get;
import static org.silkroad.local.SystemHttp.post;
import static org.silkroad.local.SystemHttp.source;

/**
 * The whole system started the way the README's run command starts it: a write through a service with a token shows
 * up in the gateway overview, having travelled through the outbox and Kafka; stopping it leaves nothing behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FullSystemIT {

    static final Path TMP = LauncherProcess.LAUNCHER.getParent().resolve("it-tmp");

    static LauncherProcess launcher;
    static RunState state;

    @BeforeAll
    static void startTheLocalSystem() throws Exception {
        Files.createDirectories(TMP);
        try (Stream<Path> leftovers = Files.list(TMP)) {
            assertEquals(0, leftovers.count(), TMP + " must start empty so leftovers can be seen");
        }
        launcher = LauncherProcess.run(TMP);
        state = launcher.state();
    }

    @AfterAll
    static void stopIfStillRunning() throws Exception {
        if (launcher != null && launcher.isAlive()) {
            launcher.stop();
        }
    }

    @Test
    @Order(1)
    void theSampleDataReachedTheGatewayThroughKafka() throws Exception {
        for (String name : List.of("trade", "corridor", "policy")) {
            JsonNode s = source(state.services().get("gateway"), name);
            assertTrue(s.path("aggregateCount").asLong() > 0, name + " has aggregates in the gateway: " + s);
            assertFalse(s.path("lastEventAt").isNull(), name + " has a last event time");
        }
    }

    @Test
    @Order(2)
    void aWriteWithTheTokenCommandIsSeenInTheGatewayOverview() throws Exception {
        String gateway = state.services().get("gateway");
        long before = source(gateway, "corridor").path("aggregateCount").asLong();
        String id = "it-crossing-" + UUID.randomUUID().toString().substring(0, 8);
        String token = LauncherProcess.token(Path.of(state.dataDir()));
        assertEquals(3, token.split("\\.").length, "a JWT: " + token);

        long written = System.nanoTime();
        HttpResponse<String> created = post(state.services().get("corridor-service") + "/api/assets", token, asset(id));
        assertEquals(201, created.statusCode(), created.body());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long after = before;
        while (after != before + 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
            after = source(gateway, "corridor").path("aggregateCount").asLong();
        }
        assertEquals(before + 1, after, "the new asset is counted in the gateway overview");
        System.out.printf("commit-to-gateway latency (write sent to overview updated, polled every 10 ms): %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - written));
        assertEquals(id, get(gateway + "/api/read-model/corridor.assets.v1/" + id).path("state").path("id").asText());
    }

    @Test
    @Order(3)
    void aWriteWithoutATokenIsUnauthorized() throws Exception {
        assertEquals(401, post(state.services().get("trade-service") + "/api/observations", null, "{}").statusCode());
    }

    @Test
    @Order(4)
    void stoppingTheLauncherLeavesNoProcessAndNoTemporaryDirectory() throws Exception {
        assertTrue(launcher.stop(), "the launcher ends");
        for (Map.Entry<String, Long> service : state.pids().entrySet()) {
            assertFalse(ProcessHandle.of(service.getValue()).map(ProcessHandle::isAlive).orElse(false),
                    service.getKey() + " process is gone");
        }
        assertFalse(Files.exists(Path.of(state.dataDir())), "the temporary data directory is deleted");
        try (Stream<Path> leftovers = Files.list(TMP)) {
            assertEquals(List.of(), leftovers.toList(), "nothing is left in the temp folder");
        }
    }
}
