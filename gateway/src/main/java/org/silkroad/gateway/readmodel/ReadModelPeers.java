package org.silkroad.gateway.readmodel;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hears the writes of the other gateway instances that share this read model ({@link ReadModelGeneration#CHANNEL})
 * and makes this instance's held views and stream catch up, as if it had applied them itself. Each instance consumes
 * only its share of the partitions, so without this a view would keep showing what this instance applied.
 * <p>
 * Its own connection, outside the pool: a LISTEN lives as long as the session, and a pooled connection would be
 * handed to a transaction. After the connection was lost every source counts as changed, since notifications sent in
 * the meantime are gone.
 */
@ApplicationScoped
public class ReadModelPeers {

    private static final Logger LOG = Logger.getLogger(ReadModelPeers.class);

    private final ReadModelGeneration generation;
    private final Event<ReadModelChanged> changes;
    private final String url;
    private final String user;
    private final Optional<String> password;
    private volatile boolean running = true;
    private Thread listener;

    ReadModelPeers(ReadModelGeneration generation, Event<ReadModelChanged> changes,
                   @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                   @ConfigProperty(name = "quarkus.datasource.username") String user,
                   @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.generation = generation;
        this.changes = changes;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent startup) {
        listener = new Thread(this::listen, "gateway-peer-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        boolean lost = false;
        long backoffMs = 500;
        String lastError = null;
        while (running) {
            try (Connection c = DriverManager.getConnection(url, user, password.orElse(null)); Statement st = c.createStatement()) {
                st.execute("LISTEN " + ReadModelGeneration.CHANNEL);
                if (lost) {
                    heard(Set.copyOf(ReadModelGeneration.SOURCES));
                    LOG.infof("listening for other gateway instances' writes again");
                }
                backoffMs = 500;
                lastError = null;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    Set<String> sources = new TreeSet<>();
                    for (PGNotification n : notifications == null ? new PGNotification[0] : notifications) {
                        sources.addAll(sourcesFromOthers(n.getParameter()));
                    }
                    if (!sources.isEmpty()) {
                        heard(sources);
                    }
                }
            } catch (SQLException e) {
                lost = true;
                if (!e.toString().equals(lastError)) {
                    LOG.warnf("not hearing other gateway instances' writes (retrying): %s", e);
                    lastError = e.toString();
                }
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoffMs = Math.min(backoffMs * 2, 30_000);
            } catch (RuntimeException e) {
                lost = true;
                LOG.errorf(e, "could not apply another gateway instance's notification");
            }
        }
    }

    private void heard(Set<String> sources) {
        generation.changedElsewhere(sources);
        changes.fire(ReadModelChanged.elsewhere(sources));
    }

    /** The sources a notification names, unless this instance sent it (it has moved its generations already). */
    Set<String> sourcesFromOthers(String payload) {
        int space = payload.indexOf(' ');
        if (space < 0 || payload.substring(0, space).equals(generation.instance())) {
            return Set.of();
        }
        Set<String> sources = new TreeSet<>(Arrays.asList(payload.substring(space + 1).split(",")));
        sources.retainAll(ReadModelGeneration.SOURCES);
        return sources;
    }
}
