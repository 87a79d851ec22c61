package org.silkroad.local;

import org.silkroad.infra.DevelopmentKeys;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of {@code ./observatory}: {@code run} starts the local system and keeps it up until Ctrl-C;
 * {@code token} prints an editor token for the running one.
 */
public final class Observatory {

    private Observatory() {
    }

    public static void main(String[] args) throws Exception {
        // Kafka and zonky log through slf4j; their INFO lines would bury the launcher's own output.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "error");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        System.setProperty("org.slf4j.simpleLogger.log.kafka", "error");
        String command = args.length == 0 ? "run" : args[0];
        List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
        try {
            switch (command) {
                case "run" -> run(LaunchSettings.parse(rest, System.getenv()));
                case "token" -> System.out.println(token(LaunchSettings.parse(rest, System.getenv())));
                default -> throw new IllegalArgumentException("unknown command '" + command + "'; use run or token");
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("observatory: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(LaunchSettings settings) throws Exception {
        LocalSystem system = new LocalSystem(settings, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            system.stop();
            stopped.countDown();
        }, "observatory-stop"));
        try {
            system.start();
        } catch (Throwable e) {
            // Any failure, also an Error: the broker's threads would otherwise keep a half-started system alive.
            System.err.println("observatory: start failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        stopped.await();
    }

    /** A fresh editor token signed with the key of the running system (or of the given data directory). */
    static String token(LaunchSettings settings) {
        Optional<RunState> state = settings.dataDir()
                .map(dir -> RunState.readLive(dir.resolve(RunState.FILE)))
                .orElseGet(() -> RunState.readLive(RunState.pointer(settings.home())));
        RunState running = state.orElseThrow(() -> new IllegalStateException(
                "no running local system found; start one with ./observatory run"));
        DevelopmentKeys keys = new DevelopmentKeys(Path.of(running.jwtPrivateKey()), Path.of(running.jwtPublicKey()));
        return keys.token(LocalSystem.ISSUER, "local-editor@silkroad.local", Duration.ofHours(12), "editor");
    }
}
