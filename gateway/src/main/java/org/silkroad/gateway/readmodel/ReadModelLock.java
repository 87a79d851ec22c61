package org.silkroad.gateway.readmodel;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Live consumers apply events under the shared side; a rebuild holds the exclusive side from before it reads the
 * topics' end offsets until it has replayed them, so no live event can slip in between the truncation and the
 * replay and be lost.
 */
@ApplicationScoped
public class ReadModelLock {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    public <T> T shared(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public <T> T exclusive(Supplier<T> work) {
        lock.writeLock().lock();
        try {
            return work.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
