package org.silkroad.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run is asked to do, from flags first and environment variables second.
 *
 * @param home      the project checkout, where the services' packaged apps are
 * @param dataDir   where data is kept between runs; empty for a fresh temporary directory deleted at exit
 */
record LaunchSettings(Path home, Optional<Path> dataDir, int postgresPort, int kafkaPort, boolean sampleData,
                      Map<String, String> env) {

    static final int DEFAULT_POSTGRES_PORT = 15432;
    static final int DEFAULT_KAFKA_PORT = 19092;

    static LaunchSettings parse(List<String> args, Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("OBSERVATORY_HOME", System.getProperty("user.dir"))).toAbsolutePath();
        Optional<Path> dataDir = Optional.ofNullable(env.get("OBSERVATORY_DATA_DIR")).filter(s -> !s.isBlank()).map(Path::of);
        int postgresPort = port(env.get("OBSERVATORY_POSTGRES_PORT"), DEFAULT_POSTGRES_PORT, "OBSERVATORY_POSTGRES_PORT");
        int kafkaPort = port(env.get("OBSERVATORY_KAFKA_PORT"), DEFAULT_KAFKA_PORT, "OBSERVATORY_KAFKA_PORT");
        boolean sampleData = true;
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = args.iterator(); it.hasNext(); ) {
            String arg = it.next();
            switch (arg) {
                case "--data-dir" -> dataDir = Optional.of(Path.of(value(it, arg)));
                case "--postgres-port" -> postgresPort = port(value(it, arg), DEFAULT_POSTGRES_PORT, arg);
                case "--kafka-port" -> kafkaPort = port(value(it, arg), DEFAULT_KAFKA_PORT, arg);
                case "--no-sample-data" -> sampleData = false;
                default -> {
                    if (arg.startsWith("--data-dir=")) {
                        dataDir = Optional.of(Path.of(arg.substring("--data-dir=".length())));
                    } else {
                        unknown.add(arg);
                    }
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown argument(s): " + String.join(" ", unknown));
        }
        return new LaunchSettings(home, dataDir.map(Path::toAbsolutePath), postgresPort, kafkaPort, sampleData, env);
    }

    int preferredPort(ServiceSpec service) {
        return port(env.get(service.portVariable()), service.preferredPort(), service.portVariable());
    }

    private static String value(Iterator<String> it, String flag) {
        if (!it.hasNext()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return it.next();
    }

    private static int port(String text, int fallback, String name) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(text.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), was '" + text + "'");
        }
    }
}
