package org.silkroad.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server run from the binaries that zonky ships on Maven Central, so that tests and the
 * local system need neither Docker nor an installed database.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.port = postgres.getPort();
    }

    /**
     * Starts a server keeping its data in {@code dataDirectory}; an existing cluster there is reused, which is how
     * the local system keeps data between runs.
     *
     * @param binariesDirectory where the packaged binaries are unpacked once and reused
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, Path binariesDirectory, int port) {
        return start(dataDirectory, binariesDirectory, port, false);
    }

    /**
     * @param durable keep PostgreSQL's crash safety (fsync, synchronous commit); tests trade it for speed, the local
     *                system keeps it because its data directory may hold data a user cares about
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, Path binariesDirectory, int port, boolean durable) {
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(binariesDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binariesDirectory.toFile())
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("max_connections", "300");
            // zonky starts every server with -F (fsync off) and synchronous_commit=off; a durable server has to say
            // "on" explicitly (a -c after -F wins), or a crash could lose commits the services already answered for.
            String safety = durable ? "on" : "off";
            builder.setServerConfig("fsync", safety)
                    .setServerConfig("synchronous_commit", safety)
                    .setServerConfig("full_page_writes", safety);
            EmbeddedPostgres postgres = builder.start();
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start on port " + port, e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Creates the database unless it exists, so a restart on a kept data directory is harmless. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
