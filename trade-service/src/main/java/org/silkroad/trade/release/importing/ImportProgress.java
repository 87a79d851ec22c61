package org.silkroad.trade.release.importing;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rows read so far by the imports running in this instance. The import's own transaction is invisible until it
 * commits, so its progress is kept here for {@code GET /api/releases/{id}} (and written to the log).
 */
@ApplicationScoped
public class ImportProgress {

    private final Map<UUID, AtomicLong> rowsRead = new ConcurrentHashMap<>();

    AtomicLong start(UUID release) {
        AtomicLong counter = new AtomicLong();
        rowsRead.put(release, counter);
        return counter;
    }

    void end(UUID release) {
        rowsRead.remove(release);
    }

    public Long rowsRead(UUID release) {
        AtomicLong counter = rowsRead.get(release);
        return counter == null ? null : counter.get();
    }
}
