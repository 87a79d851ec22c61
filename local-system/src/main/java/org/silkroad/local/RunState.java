package org.silkroad.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * Where a running local system can be reached: written when everything is ready, into the data directory and as
 * {@code .observatory/current.json} in the checkout, so {@code ./observatory token} and tests find the running
 * system without being told its ports. Removed again at shutdown.
 */
record RunState(long launcherPid, String dataDir, String jwtPrivateKey, String jwtPublicKey, int postgresPort,
                String kafkaBootstrap, Map<String, String> services, Map<String, Long> pids) {

    static final String FILE = "system.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static Path pointer(Path home) {
        return home.resolve(".observatory").resolve("current.json");
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            JSON.writeValue(partial.toFile(), this);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** Removes {@code file} if it names the launcher {@code pid} (or cannot be read). */
    static void removeIfOwn(Path file, long pid) throws IOException {
        Optional<RunState> state;
        try {
            state = Files.isRegularFile(file) ? Optional.of(JSON.readValue(file.toFile(), RunState.class)) : Optional.empty();
        } catch (IOException e) {
            state = Optional.empty();
        }
        if (state.map(s -> s.launcherPid() == pid).orElse(true)) {
            Files.deleteIfExists(file);
        }
    }

    /** The state in {@code file}, if it names a launcher that is still alive. */
    static Optional<RunState> readLive(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            RunState state = JSON.readValue(file.toFile(), RunState.class);
            return ProcessHandle.of(state.launcherPid()).filter(ProcessHandle::isAlive).map(p -> state);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
