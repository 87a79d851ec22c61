package org.silkroad.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A launcher that stops removes the checkout's pointer to the running system only when the pointer is its own. */
class RunStateTest {

    private static RunState of(long pid) {
        return new RunState(pid, "/data", "/k.pem", "/k.pub", 15432, "localhost:19092", Map.of(), Map.of());
    }

    @Test
    void aStoppingLauncherLeavesAnotherSystemsPointerAndRemovesItsOwn(@TempDir Path home) throws Exception {
        Path pointer = RunState.pointer(home);
        of(4242).write(pointer);
        RunState.removeIfOwn(pointer, 1111);
        assertTrue(Files.exists(pointer), "another launcher's pointer stays");
        RunState.removeIfOwn(pointer, 4242);
        assertFalse(Files.exists(pointer), "its own pointer goes");
    }

    @Test
    void anUnreadablePointerIsRemoved(@TempDir Path home) throws Exception {
        Path pointer = RunState.pointer(home);
        Files.createDirectories(pointer.getParent());
        Files.writeString(pointer, "{not json");
        RunState.removeIfOwn(pointer, 1111);
        assertFalse(Files.exists(pointer));
    }
}
