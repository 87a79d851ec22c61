package org.silkroad.trade.release.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.silkroad.trade.release.domain.ReleaseCounts;
import org.silkroad.trade.release.domain.ReleaseView;
import org.silkroad.trade.release.events.ReleaseEvents;
import org.silkroad.trade.release.persistence.ReleaseStore;

import java.util.List;

/**
 * A release left {@code running} past its {@code waiting} phase by an instance that stopped mid-import is failed at
 * start (its transaction rolled back, so nothing of it is visible, and its spooled file is gone). Only when no
 * instance holds the import lock: then no import is running anywhere, and none can start during the sweep. A release
 * still {@code waiting} may be queued on another live instance, so it is left alone (ADR 0009).
 */
@ApplicationScoped
class InterruptedImports {

    private static final Logger LOG = Logger.getLogger(InterruptedImports.class);
    static final String REASON = "interrupted: the service stopped during the import; nothing of it was imported, upload the file again";

    private final ReleaseStore releases;
    private final ReleaseEvents events;

    InterruptedImports(ReleaseStore releases, ReleaseEvents events) {
        this.releases = releases;
        this.events = events;
    }

    void onStart(@Observes StartupEvent start) {
        int failed = failInterrupted();
        if (failed > 0) {
            LOG.warnf("%d interrupted import(s) marked failed", failed);
        }
    }

    int failInterrupted() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!releases.tryLock(ReleaseImporter.IMPORT_LOCK)) {
                return 0;
            }
            List<ReleaseView> stale = releases.runningPastWaiting();
            for (ReleaseView r : stale) {
                releases.finish(r.id(), ReleaseView.FAILED, new ReleaseCounts(r.rowsRead(), 0, r.rowsRejected(), 0, 0, 0, 0,
                        List.of(), List.of()), REASON, r.phaseMs(), null);
                events.publish(releases.find(r.id()).orElseThrow());
            }
            return stale.size();
        });
    }
}
