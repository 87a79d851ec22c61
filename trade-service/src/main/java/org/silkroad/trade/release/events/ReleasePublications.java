package org.silkroad.trade.release.events;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.silkroad.contracts.Topic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The "outbox by reference" of bulk imports (ADR 0008): instead of one outbox row per revision, a release's commit
 * records one publication row saying "the revisions of release R are to be published", and {@link ReleasePublisher}
 * streams them to Kafka from a cursor persisted here.
 * <p>
 * Per-key order with the ordinary outbox: the publication row is the serialisation point. The publisher holds it
 * {@code FOR UPDATE} while a batch is on its way to Kafka; a single write to an observation takes it
 * {@code FOR SHARE} (so it waits for an in-flight batch) and, if the cursor has not yet passed the observation,
 * publishes the pending revision through the ordinary outbox first and marks it taken over, so the publisher leaves
 * it out ("not yet" compares the revision's insertion sequence with the cursor). Outbox rows committed before the
 * release (up to its watermark) are relayed before the publication starts.
 */
@ApplicationScoped
public class ReleasePublications {

    /** An observation's revision a pending publication has not yet sent. */
    public record PendingRevision(UUID release, long version) {
    }

    record Publication(UUID release, long watermark, Long cursor, long published, long total) {
    }

    private final AgroalDataSource dataSource;
    private final Semaphore wake = new Semaphore(0);

    ReleasePublications(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Called in the import's transaction, on its connection, just before it completes the release. */
    public void record(Connection c, UUID release, long total) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO release_publication (release_id, outbox_watermark, total, created_at)
                SELECT ?, COALESCE(max(sequence), 0), ?, now() FROM outbox_message""")) {
            ps.setObject(1, release);
            ps.setLong(2, total);
            ps.executeUpdate();
        }
    }

    /** Tells the publisher a publication was committed (it also polls). */
    public void wakeUp() {
        wake.release();
    }

    void awaitWork(long millis) throws InterruptedException {
        wake.tryAcquire(millis, TimeUnit.MILLISECONDS);
        wake.drainPermits();
    }

    /**
     * For a single write, in its transaction, after it locked the observation: the revisions of pending publications
     * that have not reached this observation yet, oldest first. Waits for a batch in flight (row lock).
     */
    public List<PendingRevision> notYetPublished(UUID observation) {
        try (Connection c = dataSource.getConnection()) {
            try (Statement st = c.createStatement()) {
                // Lock first, read after: this statement's snapshot is taken once the in-flight batch has committed.
                st.execute("SELECT release_id FROM release_publication WHERE NOT done FOR SHARE");
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT p.release_id, r.version FROM release_publication p
                      JOIN trade_observation_revision r ON r.release_id = p.release_id AND r.observation_id = ? AND NOT r.deleted
                     WHERE NOT p.done AND (p.cursor_seq IS NULL OR r.seq > p.cursor_seq)
                       AND NOT EXISTS (SELECT 1 FROM release_publication_taken_over t
                                        WHERE t.release_id = p.release_id AND t.observation_id = r.observation_id)
                     ORDER BY r.version""")) {
                ps.setObject(1, observation);
                List<PendingRevision> pending = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        pending.add(new PendingRevision(rs.getObject(1, UUID.class), rs.getLong(2)));
                    }
                }
                return pending;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up pending publications of " + observation, e);
        }
    }

    /** The single write published this revision through the outbox: the publisher must not send it again. */
    public void takenOver(UUID release, UUID observation) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO release_publication_taken_over (release_id, observation_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            ps.setObject(1, release);
            ps.setObject(2, observation);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the takeover of " + observation, e);
        }
    }

    /** The oldest unfinished publication, locked for this transaction; empty when there is none. */
    Optional<Publication> lockNext(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT release_id, outbox_watermark, cursor_seq, published, total FROM release_publication
                 WHERE NOT done ORDER BY ordinal LIMIT 1 FOR UPDATE""")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Publication(rs.getObject(1, UUID.class), rs.getLong(2), (Long) rs.getObject(3),
                    rs.getLong(4), rs.getLong(5)));
        }
    }

    /** Whether observation events committed before the release are still on their way through the ordinary outbox. */
    boolean outboxBehind(Connection c, long watermark) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM outbox_message WHERE published_at IS NULL AND sequence <= ? AND topic = ?)""")) {
            ps.setLong(1, watermark);
            ps.setString(2, Topic.TRADE_OBSERVATIONS.topicName());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    void advance(Connection c, UUID release, Long cursor, long published, boolean done) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE release_publication SET cursor_seq = COALESCE(?, cursor_seq), published = ?, done = ?,
                       finished_at = CASE WHEN ? THEN now() END
                 WHERE release_id = ?""")) {
            ps.setObject(1, cursor);
            ps.setLong(2, published);
            ps.setBoolean(3, done);
            ps.setBoolean(4, done);
            ps.setObject(5, release);
            ps.executeUpdate();
        }
    }

    long pending() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(sum(total - published), 0) FROM release_publication WHERE NOT done")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }
}
