package org.silkroad.gateway.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells cached views whether the read model may have changed since they were computed. A writing transaction
 * counts as "in flight" from its first write until after it completes, and moves the generation at both ends, so a
 * reader that sees the committed data also sees either the open transaction or the new generation, never a
 * cache entry computed before the commit.
 */
@ApplicationScoped
public class ReadModelGeneration {

    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final TransactionSynchronizationRegistry transactions;

    ReadModelGeneration(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** Call inside the writing transaction, before its first write. */
    public void writing() {
        inFlight.incrementAndGet();
        generation.incrementAndGet();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                generation.incrementAndGet();
                inFlight.decrementAndGet();
            }
        });
    }

    public long current() {
        return generation.get();
    }

    /** True when no write is under way: only then may a freshly computed view be kept. */
    public boolean settled() {
        return inFlight.get() == 0;
    }

}
