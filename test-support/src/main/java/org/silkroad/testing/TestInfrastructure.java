package org.silkroad.testing;

import org.silkroad.infra.DevelopmentKeys;
import org.silkroad.infra.EmbeddedPostgresServer;
import org.silkroad.infra.KafkaKraftBroker;
import org.silkroad.infra.Ports;
import org.silkroad.infra.TopicLayout;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The PostgreSQL server and Kafka broker of one test JVM, started on first use and stopped when the JVM exits.
 * <p>
 * What the tests need to reach is kept in system properties (strings only) rather than static fields: Quarkus loads
 * test classes and test resources through different class loaders, and system properties are a place both see.
 * When {@code QUARKUS_DATASOURCE_JDBC_URL} or {@code KAFKA_BOOTSTRAP_SERVERS} are set, the external server is used
 * instead of starting one.
 */
public final class TestInfrastructure {

    static final String JDBC_BASE = "silkroad.test.jdbc-base";
    static final String BOOTSTRAP = "silkroad.test.kafka-bootstrap";
    static final String PRIVATE_KEY = "silkroad.test.jwt-private-key";
    static final String PUBLIC_KEY = "silkroad.test.jwt-public-key";
    public static final String ISSUER = "https://silkroad-observatory.local";

    private TestInfrastructure() {
    }

    static synchronized void ensureStarted() {
        Properties props = System.getProperties();
        if (props.containsKey(BOOTSTRAP)) {
            return;
        }
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "silkroad-infra-" + ProcessHandle.current().pid());
        List<AutoCloseable> started = new ArrayList<>();

        String externalJdbc = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (externalJdbc == null) {
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(root.resolve("postgres"),
                    Path.of(System.getProperty("java.io.tmpdir"), "pg-binaries"), Ports.free());
            started.add(postgres);
            props.setProperty(JDBC_BASE, "jdbc:postgresql://localhost:" + postgres.port() + "/");
        }

        String externalKafka = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (externalKafka == null) {
            KafkaKraftBroker kafka = KafkaKraftBroker.start(root.resolve("kafka"), Ports.free());
            started.add(kafka);
            KafkaBrokerControl.register(kafka);
            props.setProperty(BOOTSTRAP, kafka.bootstrapServers());
        } else {
            props.setProperty(BOOTSTRAP, externalKafka);
        }
        TopicLayout.ensure(props.getProperty(BOOTSTRAP));

        DevelopmentKeys keys = DevelopmentKeys.generate(root.resolve("jwt"));
        props.setProperty(PRIVATE_KEY, keys.privateKey().toString());
        props.setProperty(PUBLIC_KEY, keys.publicKey().toString());

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception ignored) {
                    // the JVM is exiting; a server that fails to stop dies with it
                }
            }
        }, "test-infrastructure-stop"));
    }

    /** JDBC URL of a database of its own for the given service, created on first use. */
    static String jdbcUrl(String database) {
        String external = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (external != null) {
            return external;
        }
        String base = System.getProperty(JDBC_BASE);
        try (Connection c = DriverManager.getConnection(base + "postgres", EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)) {
            var exists = c.createStatement().executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!exists.next()) {
                c.createStatement().execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + database, e);
        }
        return base + database;
    }
}
