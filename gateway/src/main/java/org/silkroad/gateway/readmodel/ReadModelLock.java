package org.silkroad.gateway.readmodel;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Live consumers apply events under the shared side; a rebuild holds the exclusive side from before it reads the
 * topics' end offsets until it has replayed them, so no live event can slip in between the truncation and the
 * replay and be lost.
 * <p>
 * Two levels, because several gateway instances may share the read model: in this process a read-write lock, and
 * across instances a PostgreSQL advisory lock on {@link #KEY} — each live apply transaction takes its shared side
 * (and gives way, to be retried, while another instance rebuilds), a rebuild holds its exclusive side on a
 * connection of its own for the whole replay.
 */
@ApplicationScoped
public class ReadModelLock {

    static final long KEY = 0x6a7e_3eadL;

    /** An apply met another instance's rebuild; it is retried after a pause. */
    public static final class RebuildElsewhere extends RuntimeException {
        RebuildElsewhere() {
            super("another gateway instance is rebuilding the read model", null, false, false);
        }
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final AgroalDataSource dataSource;

    ReadModelLock(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T shared(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Call first inside a live apply transaction: takes the instances' shared side until it ends, or throws
     * {@link RebuildElsewhere} without waiting (a rebuild takes minutes; the caller's transaction must not sit
     * through it).
     */
    public void sharedAcrossInstances() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock_shared(?)")) {
            ps.setLong(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new RebuildElsewhere();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the read model's shared lock", e);
        }
    }

    /** Runs a rebuild with every live apply of every instance held off (waits for the ones under way). */
    public <T> T exclusive(Supplier<T> work) {
        lock.writeLock().lock();
        try (Connection c = dataSource.getConnection()) {
            advisory(c, "SELECT pg_advisory_lock(?)");
            try {
                return work.get();
            } finally {
                advisory(c, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the read model's exclusive lock", e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static void advisory(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, KEY);
            ps.execute();
        }
    }
}
