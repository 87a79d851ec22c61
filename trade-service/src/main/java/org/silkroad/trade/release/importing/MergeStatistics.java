package org.silkroad.trade.release.importing;

import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the planner's picture of the observation tables true while a merge grows them with rows readers cannot see yet.
 * <p>
 * The planner takes the visible rows per page from the last ANALYZE and multiplies by the table's current size. A
 * merge's uncommitted rows grow the files but not the visible rows, so a table analysed when it held the shipped
 * dataset (106 rows, 82 of them KAZ–CHN) looks, a few hundred MB later, like a huge table that is mostly KAZ–CHN: a
 * read of that pair scans the whole file instead of its index (18–25 s per read in the running system, ADR 0009).
 * An ANALYZE from another connection counts only the committed rows over the grown file (in-progress inserts of other
 * transactions are neither counted nor sampled), which puts the estimate back where it belongs, and the read back on
 * its index.
 * <p>
 * A table is analysed again each time its file has at least doubled since it was last counted (and by at least
 * {@link #MIN_GROWTH_BYTES}): so only when a release is large beside what the table holds, a few times per import at
 * most, and never for a release into a table already much larger than it.
 * <p>
 * Those counts leave the tables looking nearly empty, which is wrong the moment the release commits (a read planned on
 * them probes an index a million times). So the merge ends with {@link #countTheRelease}: an ANALYZE in the import's
 * own transaction, which does sample the release's rows, and whose statistics become visible with the commit, together
 * with the rows they describe.
 */
final class MergeStatistics implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MergeStatistics.class);
    static final List<String> TABLES = List.of("trade_observation", "trade_observation_revision");
    /** Below this the estimate cannot be wrong by enough pages to matter: a seq scan of 8 MB is a few ms. */
    static final long MIN_GROWTH_BYTES = 8L << 20;

    private final DataSource dataSource;
    private final Map<String, Long> bytesWhenCounted = new LinkedHashMap<>();
    private final AtomicInteger analyses = new AtomicInteger();
    private final CountDownLatch stop = new CountDownLatch(1);

    /** Takes each table's size now as the size its statistics were counted at. */
    MergeStatistics(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection()) {
            for (String table : TABLES) {
                bytesWhenCounted.put(table, bytes(c, table));
            }
        }
    }

    /** Watches the tables on a thread of its own, every {@code every}, until closed. */
    static MergeStatistics during(String merge, DataSource dataSource, Duration every) throws SQLException {
        MergeStatistics statistics = new MergeStatistics(dataSource);
        Thread watcher = new Thread(() -> statistics.watch(merge, every), "merge-statistics");
        watcher.setDaemon(true);
        watcher.start();
        return statistics;
    }

    /**
     * Analyses each table whose file has doubled since it was last counted; returns the tables analysed. Waits at most
     * a second for the table's lock (an autovacuum holding it is analysing anyway).
     */
    synchronized List<String> refreshIfGrown() throws SQLException {
        List<String> analysed = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : TABLES) {
                long counted = bytesWhenCounted.get(table);
                long now = bytes(c, table);
                if (now >= 2 * counted && now - counted >= MIN_GROWTH_BYTES && analyse(c, table)) {
                    bytesWhenCounted.put(table, now);
                    analysed.add(table);
                    analyses.incrementAndGet();
                }
            }
        }
        return analysed;
    }

    /**
     * Analyses both tables in the import's transaction, on its connection: the statistics then count the release's rows
     * and are committed with them. (PostgreSQL writes the page and row totals in place, visible at once; the column
     * statistics follow at the commit, a few ms later.)
     */
    static void countTheRelease(Connection importing) throws SQLException {
        try (Statement st = importing.createStatement()) {
            for (String table : TABLES) {
                st.execute("ANALYZE " + table);
            }
        }
    }

    /** How many times a table was analysed. */
    int analyses() {
        return analyses.get();
    }

    @Override
    public void close() {
        stop.countDown();
    }

    private void watch(String merge, Duration every) {
        try {
            while (!stop.await(every.toMillis(), TimeUnit.MILLISECONDS)) {
                long start = System.nanoTime();
                List<String> analysed = refreshIfGrown();
                if (!analysed.isEmpty()) {
                    LOG.infof("%s: %s analysed again in %d ms (files grown by rows readers cannot see yet: %s MB)", merge, analysed,
                            (System.nanoTime() - start) / 1_000_000, analysed.stream().map(t -> Long.toString(bytesWhenCounted.get(t) >> 20)).toList());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            // Readers may plan worse until the publisher's ANALYZE after the commit; the import itself is unaffected.
            LOG.warnf(e, "%s: stopped refreshing the observation tables' statistics", merge);
        }
    }

    private static long bytes(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_relation_size(?::regclass)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** False when another ANALYZE or a vacuum held the table for longer than a second. */
    private static boolean analyse(Connection c, String table) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL lock_timeout = '1s'");
            st.execute("ANALYZE " + table);
            c.commit();
            return true;
        } catch (SQLException e) {
            c.rollback();
            if (!"55P03".equals(e.getSQLState())) {
                throw e;
            }
            LOG.debugf("%s is being analysed or vacuumed already; counted at the next look", table);
            return false;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
