package org.silkroad.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.silkroad.infra.DevelopmentKeys;
import org.silkroad.infra.EmbeddedPostgresServer;
import org.silkroad.infra.KafkaKraftBroker;
import org.silkroad.infra.Ports;
import org.silkroad.infra.TopicLayout;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine: PostgreSQL and Kafka started from Maven Central artifacts, one database per
 * service, the four services each in its own JVM, each importing its shipped dataset at first start. {@link #stop()} undoes all
 * of it, and a temporary data directory goes with it.
 */
final class LocalSystem {

    static final String ISSUER = "https://silkroad-observatory.local";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final LaunchSettings settings;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<ServiceProcess> services = new ArrayList<>();
    private Path dataDir;
    private boolean temporary;
    private EmbeddedPostgresServer postgres;
    private KafkaKraftBroker kafka;
    private boolean stopped;

    LocalSystem(LaunchSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    void start() throws Exception {
        long begin = System.nanoTime();
        prepareDataDirectory();
        int postgresPort = Ports.preferredOrFree(settings.postgresPort());
        postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"),
                settings.home().resolve(".observatory").resolve("pg-binaries"), postgresPort, true);
        for (ServiceSpec spec : ServiceSpec.values()) {
            postgres.createDatabase(spec.database());
        }
        out.printf("PostgreSQL   localhost:%d (databases trade, corridor, policy, gateway; user postgres)%n", postgres.port());

        kafka = KafkaKraftBroker.start(dataDir.resolve("kafka"), Ports.preferredOrFree(settings.kafkaPort()));
        TopicLayout.ensure(kafka.bootstrapServers());
        out.printf("Kafka        %s (KRaft, topics created)%n", kafka.bootstrapServers());

        DevelopmentKeys keys = DevelopmentKeys.existingOrGenerate(dataDir.resolve("jwt"));
        Path logs = Files.createDirectories(dataDir.resolve("logs"));
        Path tmp = dataDir.resolve("tmp");
        for (ServiceSpec spec : ServiceSpec.values()) {
            int port = Ports.preferredOrFree(settings.preferredPort(spec));
            Map<String, String> env = new LinkedHashMap<>();
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(spec.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedPostgresServer.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", EmbeddedPostgresServer.PASSWORD);
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKey().toUri().toString());
            env.put("MP_JWT_VERIFY_ISSUER", ISSUER);
            // Plain text: these logs are read by a developer in a file, not shipped to a log store.
            env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            if (spec.ownsData()) {
                env.put(spec.seedVariable(), Boolean.toString(settings.sampleData()));
            }
            Path app = settings.home().resolve(spec.module()).resolve("target/quarkus-app/quarkus-run.jar");
            services.add(ServiceProcess.start(spec, app, port, env, logs, tmp));
        }
        for (ServiceProcess service : services) {
            double seconds = service.awaitReady(http, READY_TIMEOUT);
            out.printf("%-16s ready in %4.1f s  %s  (pid %d, log %s)%n", service.spec().module(), seconds, service.url(),
                    service.pid(), service.log());
        }

        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach(s -> urls.put(s.spec().module(), s.url()));
        services.forEach(s -> pids.put(s.spec().module(), s.pid()));
        RunState state = new RunState(ProcessHandle.current().pid(), dataDir.toString(), keys.privateKey().toString(),
                keys.publicKey().toString(), postgres.port(), kafka.bootstrapServers(), urls, pids);
        state.write(dataDir.resolve(RunState.FILE));
        state.write(RunState.pointer(settings.home()));

        if (settings.sampleData()) {
            awaitSampleData(Duration.ofSeconds(120));
        }
        out.printf("%nAll ready in %.1f s.%n", (System.nanoTime() - begin) / 1e9);
        printGuide(keys.token(ISSUER, "local-editor@silkroad.local", Duration.ofHours(12), "editor"));
    }

    private void prepareDataDirectory() throws IOException {
        if (settings.dataDir().isPresent()) {
            dataDir = Files.createDirectories(settings.dataDir().get());
            if (RunState.readLive(dataDir.resolve(RunState.FILE)).isPresent()) {
                throw new IllegalStateException("a local system is already running on " + dataDir);
            }
            out.println("Data         " + dataDir + " (kept between runs)");
        } else {
            dataDir = newTemporaryDirectory();
            temporary = true;
            out.println("Data         " + dataDir + " (temporary; deleted at exit, --data-dir keeps it)");
        }
        // zonky drops scripts and lock folders into java.io.tmpdir; keep them inside the data directory so a stop
        // leaves nothing behind. Set before anything creates a temp file, because the JDK caches the folder then.
        System.setProperty("java.io.tmpdir", Files.createDirectories(dataDir.resolve("tmp")).toString());
    }

    private static Path newTemporaryDirectory() throws IOException {
        Path base = Path.of(System.getProperty("java.io.tmpdir"));
        SecureRandom random = new SecureRandom();
        while (true) {
            Path candidate = base.resolve("silkroad-observatory-" + Long.toUnsignedString(random.nextLong(), 36));
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException taken) {
                // try another name
            }
        }
    }

    /**
     * Each owning service imports its shipped dataset at first start; the system is ready for a user once all of it
     * has travelled through Kafka into the gateway, so wait for every source to show up there.
     */
    private void awaitSampleData(Duration timeout) throws InterruptedException {
        long begin = System.nanoTime();
        ObjectMapper json = new ObjectMapper();
        HttpRequest overview = HttpRequest.newBuilder(URI.create(url(ServiceSpec.GATEWAY) + "/api/dashboard/overview")).build();
        Map<String, Long> counts = new LinkedHashMap<>();
        long deadline = begin + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                JsonNode body = json.readTree(http.send(overview, HttpResponse.BodyHandlers.ofString()).body());
                counts.clear();
                for (JsonNode source : body.path("sources")) {
                    counts.put(source.path("source").asText(), source.path("aggregateCount").asLong());
                }
                boolean all = counts.size() >= 3 && counts.values().stream().allMatch(c -> c > 0);
                if (all && stable(counts, overview, json)) {
                    break;
                }
            } catch (IOException e) {
                // keep trying until the deadline
            }
            Thread.sleep(250);
        }
        out.printf("Sample data  in the gateway after %.1f s: %s%n", (System.nanoTime() - begin) / 1e9, counts);
    }

    /** True when the counts do not move for a second: the services' imports have finished publishing. */
    private boolean stable(Map<String, Long> counts, HttpRequest overview, ObjectMapper json) throws IOException, InterruptedException {
        Thread.sleep(1000);
        JsonNode body = json.readTree(http.send(overview, HttpResponse.BodyHandlers.ofString()).body());
        for (JsonNode source : body.path("sources")) {
            if (source.path("aggregateCount").asLong() != counts.getOrDefault(source.path("source").asText(), -1L)) {
                return false;
            }
        }
        return true;
    }

    private String url(ServiceSpec spec) {
        return services.stream().filter(s -> s.spec() == spec).findFirst().orElseThrow().url();
    }

    private void printGuide(String token) {
        out.println();
        out.println("Dashboard page      " + url(ServiceSpec.GATEWAY) + "/");
        out.println("Dashboard overview  " + url(ServiceSpec.GATEWAY) + "/api/dashboard/overview");
        for (ServiceProcess s : services) {
            out.printf("Swagger UI          %-17s %s/q/swagger-ui%n", s.spec().module(), s.url());
        }
        out.println("Kafka bootstrap     " + kafka.bootstrapServers());
        out.println("PostgreSQL          " + postgres.jdbcUrl("<trade|corridor|policy|gateway>") + " (postgres/postgres)");
        out.println();
        out.println("Editor token (12 h; a new one any time with ./observatory token):");
        out.println(token);
        out.println();
        out.println("Try:  curl -s -X POST " + url(ServiceSpec.CORRIDOR) + "/api/assets -H \"Authorization: Bearer $(./observatory token)\" \\");
        out.println("        -H 'Content-Type: application/json' -d '{\"id\":\"my-crossing\",\"name\":\"My crossing\",\"kind\":\"border_crossing\",\"countries\":[\"CN\",\"KZ\"]}'");
        out.println();
        out.println("Ctrl-C stops everything.");
    }

    /** Stops the services, then Kafka, then PostgreSQL; safe to call twice and after a failed start. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        out.println("Stopping...");
        services.forEach(ServiceProcess::requestStop);
        for (ServiceProcess service : services) {
            try {
                service.awaitStopped(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        quietly(() -> { if (kafka != null) kafka.close(); });
        quietly(() -> { if (postgres != null) postgres.close(); });
        // Only our own: a second system started from the same checkout (a benchmark beside `./observatory run`)
        // wrote its pointer over ours, and removing it would leave that system unreachable for `./observatory token`.
        quietly(() -> RunState.removeIfOwn(RunState.pointer(settings.home()), ProcessHandle.current().pid()));
        if (dataDir != null) {
            quietly(() -> Files.deleteIfExists(dataDir.resolve(RunState.FILE)));
            if (temporary) {
                quietly(() -> deleteRecursively(dataDir));
            }
        }
        out.println("Stopped.");
    }

    private interface Step {
        void run() throws Exception;
    }

    private void quietly(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            out.println("  (while stopping: " + e + ")");
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
