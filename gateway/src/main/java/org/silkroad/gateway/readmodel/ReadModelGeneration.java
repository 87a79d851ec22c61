package org.silkroad.gateway.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.silkroad.contracts.Topic;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells cached views whether the part of the read model they read may have changed since they were computed: one
 * generation per owning service, so a corridor event leaves the trade views cached. A writing transaction counts as
 * "in flight" for its source from its first write until after it completes, and moves that source's generation at
 * both ends, so a reader that sees the committed data also sees either the open transaction or the new generation,
 * never a cache entry computed before the commit.
 */
@ApplicationScoped
public class ReadModelGeneration {

    /** Every owning service, as named in views and {@code source_activity}. */
    public static final List<String> SOURCES = Arrays.stream(Topic.values()).map(Topic::source).distinct().toList();

    private record Counter(AtomicLong generation, AtomicInteger inFlight) {
    }

    private final Map<String, Counter> counters = new LinkedHashMap<>();
    private final TransactionSynchronizationRegistry transactions;

    ReadModelGeneration(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        SOURCES.forEach(s -> counters.put(s, new Counter(new AtomicLong(), new AtomicInteger())));
    }

    /** Call inside the writing transaction, before its first write to what {@code source} owns. */
    public void writing(String source) {
        writing(List.of(source));
    }

    /** Call inside a transaction that may change everything (a rebuild). */
    public void writing() {
        writing(SOURCES);
    }

    private void writing(Collection<String> sources) {
        List<Counter> touched = sources.stream().map(this::counter).toList();
        touched.forEach(c -> {
            c.inFlight().incrementAndGet();
            c.generation().incrementAndGet();
        });
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                touched.forEach(c -> {
                    c.generation().incrementAndGet();
                    c.inFlight().decrementAndGet();
                });
            }
        });
    }

    /** A number that changes whenever anything of these sources changes (the sum of their generations). */
    public long current(Collection<String> sources) {
        long sum = 0;
        for (String source : sources) {
            sum += counter(source).generation().get();
        }
        return sum;
    }

    public long current() {
        return current(SOURCES);
    }

    /** True when no write to these sources is under way: only then may a freshly computed view be kept. */
    public boolean settled(Collection<String> sources) {
        for (String source : sources) {
            if (counter(source).inFlight().get() != 0) {
                return false;
            }
        }
        return true;
    }

    public boolean settled() {
        return settled(SOURCES);
    }

    private Counter counter(String source) {
        Counter counter = counters.get(source);
        if (counter == null) {
            throw new IllegalArgumentException("no source " + source);
        }
        return counter;
    }
}
