package org.silkroad.gateway.readmodel;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What another gateway instance hears on {@link ReadModelGeneration#CHANNEL}: a session of its own that listens from
 * the moment it is opened, so announcements of commits made afterwards are all collected, in commit order.
 */
public final class PeerAnnouncements implements AutoCloseable {

    private final Connection session;
    private final List<String> heard = new ArrayList<>();

    private PeerAnnouncements(Connection session) {
        this.session = session;
    }

    public static PeerAnnouncements listen(String jdbcUrl) throws SQLException {
        Connection session = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
        try (Statement st = session.createStatement()) {
            st.execute("LISTEN " + ReadModelGeneration.CHANNEL);
        } catch (SQLException e) {
            session.close();
            throw e;
        }
        return new PeerAnnouncements(session);
    }

    /** Every payload heard so far, collecting until one matches {@code enough} or {@code atMost} has passed. */
    public List<String> until(Predicate<String> enough, Duration atMost) throws SQLException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (heard.stream().noneMatch(enough) && System.nanoTime() < deadline) {
            PGNotification[] notifications = session.unwrap(PGConnection.class).getNotifications(500);
            for (PGNotification n : notifications == null ? new PGNotification[0] : notifications) {
                heard.add(n.getParameter());
            }
        }
        return List.copyOf(heard);
    }

    @Override
    public void close() throws SQLException {
        session.close();
    }
}
