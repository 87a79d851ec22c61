package org.silkroad.trade.release.importing;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.silkroad.trade.release.domain.ImportRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs accepted (202) imports off the request threads, so a million-row file never holds an HTTP worker and the
 * other endpoints keep answering. One thread: imports are serialised anyway (they may revise the same observations).
 * Progress and the outcome are on the release row; the spooled file is removed when its import ends.
 */
@ApplicationScoped
class ImportWorker {

    private static final Logger LOG = Logger.getLogger(ImportWorker.class);

    private final ReleaseImporter importer;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "release-import");
        thread.setDaemon(true);
        return thread;
    });

    ImportWorker(ReleaseImporter importer) {
        this.importer = importer;
    }

    void submit(UUID release, ImportRequest request) {
        executor.execute(() -> {
            try {
                importer.run(release, request);
            } catch (ImportRefused refused) {
                LOG.debugf("release %s refused; its problems are on the release", release);
            } catch (RuntimeException e) {
                LOG.errorf(e, "release %s: import failed", release);
            } finally {
                try {
                    Files.deleteIfExists(request.file());
                } catch (IOException ignored) {
                    // a leftover temporary file is not worth more than this
                }
            }
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        executor.shutdownNow();
    }
}
