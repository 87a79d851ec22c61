package org.silkroad.trade.release.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;
import org.silkroad.trade.release.persistence.ReleaseStore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Where one import is and how long each phase took. The import's own transaction is invisible until it commits, so
 * progress is committed on the release row in small transactions of its own (every {@value #PERSIST_EVERY} rows and
 * at each phase): any instance's {@code GET /api/releases/{id}} shows it, and the log says the same.
 */
final class ImportProgress {

    private static final Logger LOG = Logger.getLogger(ImportProgress.class);
    private static final long PERSIST_EVERY = 50_000;

    private final UUID release;
    private final ReleaseStore store;
    private final Map<String, Long> phaseMs = new LinkedHashMap<>();
    private String phase;
    private long phaseStart = System.nanoTime();
    private long rowsRead;
    private long rowsRejected;

    ImportProgress(UUID release, ReleaseStore store) {
        this.release = release;
        this.store = store;
    }

    /** Closes the current phase (its time is recorded) and starts the next one. */
    void enter(String next) {
        close();
        phase = next;
        LOG.infof("release %s: %s (%d rows read, %d rejected)", release, next, rowsRead, rowsRejected);
        persist();
    }

    void rows(long read, long rejected) {
        rowsRead = read;
        rowsRejected = rejected;
        if (read % PERSIST_EVERY == 0) {
            LOG.infof("release %s: %d rows read, %d rejected", release, read, rejected);
            persist();
        }
    }

    /** Records a part of the current phase under its own name (e.g. the revisions inside the merge). */
    void time(String name, long nanos) {
        phaseMs.merge(name, nanos / 1_000_000, Long::sum);
    }

    /** Closes the current phase; the timings are final. */
    Map<String, Long> finish() {
        close();
        phase = null;
        return new LinkedHashMap<>(phaseMs);
    }

    long rowsRead() {
        return rowsRead;
    }

    private void close() {
        long now = System.nanoTime();
        if (phase != null) {
            phaseMs.merge(phase, (now - phaseStart) / 1_000_000, Long::sum);
        }
        phaseStart = now;
    }

    private void persist() {
        String current = phase;
        Map<String, Long> timings = new LinkedHashMap<>(phaseMs);
        // Its own transaction: the import's is still open (and must stay invisible).
        QuarkusTransaction.requiringNew().run(() -> store.progress(release, current, rowsRead, rowsRejected, timings));
    }
}
