package org.silkroad.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.silkroad.local.SystemHttp.asset;
import static org.silkroad.local.SystemHttp.get;
import static org.silkroad.local.SystemHttp.post;
import static org.silkroad.local.SystemHttp.source;

/** {@code --data-dir} keeps what was written: a second run on the same directory starts with it. */
class KeptDataDirectoryIT {

    @Test
    void aSecondRunOnTheSameDataDirectoryStillHoldsWhatTheFirstWrote() throws Exception {
        Path target = LauncherProcess.LAUNCHER.getParent();
        Path dataDir = target.resolve("it-kept-data-" + UUID.randomUUID().toString().substring(0, 8));
        Path tmp = Files.createDirectories(target.resolve("it-kept-tmp"));
        String id = "kept-" + UUID.randomUUID().toString().substring(0, 8);

        LauncherProcess first = LauncherProcess.run(tmp, "--data-dir", dataDir.toString(), "--no-sample-data");
        try {
            RunState state = first.state();
            assertEquals(201, post(state.services().get("corridor-service") + "/api/assets",
                    LauncherProcess.token(dataDir), asset(id)).statusCode());
            awaitCorridorAssets(state.services().get("gateway"), 1);
        } finally {
            assertTrue(first.stop());
        }
        assertTrue(Files.isDirectory(dataDir.resolve("postgres")), "a kept data directory survives the stop");

        LauncherProcess second = LauncherProcess.run(tmp, "--data-dir", dataDir.toString(), "--no-sample-data");
        try {
            RunState state = second.state();
            assertEquals(id, get(state.services().get("corridor-service") + "/api/assets/" + id).path("id").asText());
            assertEquals(1, source(state.services().get("gateway"), "corridor").path("aggregateCount").asLong(),
                    "the gateway's read model is kept too, not rebuilt twice");
        } finally {
            assertTrue(second.stop());
        }
    }

    private static void awaitCorridorAssets(String gateway, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (source(gateway, "corridor").path("aggregateCount").asLong() < expected) {
            assertTrue(System.nanoTime() < deadline, "the asset reached the gateway");
            Thread.sleep(50);
        }
    }
}
