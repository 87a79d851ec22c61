package org.silkroad.gateway.readmodel;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.silkroad.contracts.Topic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells cached views whether the part of the read model they read may have changed since they were computed: one
 * generation per owning service, so a corridor event leaves the trade views cached. A writing transaction counts as
 * "in flight" for its source from its first write until after it completes, and moves that source's generation at
 * both ends, so a reader that sees the committed data also sees either the open transaction or the new generation,
 * never a cache entry computed before the commit.
 * <p>
 * Several gateway instances share one read model and each applies only its share of the partitions, so a writing
 * transaction also sends a PostgreSQL notification on {@link #CHANNEL} (delivered at its commit, never on rollback);
 * {@link ReadModelPeers} moves this instance's generations when another instance's notification arrives.
 */
@ApplicationScoped
public class ReadModelGeneration {

    /** Every owning service, as named in views and {@code source_activity}. */
    public static final List<String> SOURCES = Arrays.stream(Topic.values()).map(Topic::source).distinct().toList();

    private record Counter(AtomicLong generation, AtomicInteger inFlight) {
    }

    /** The notification channel instances announce their writes on: payload {@code <instance> <source>,<source>…}. */
    public static final String CHANNEL = "gateway_read_model";

    private final Map<String, Counter> counters = new LinkedHashMap<>();
    private final TransactionSynchronizationRegistry transactions;
    private final AgroalDataSource dataSource;
    private final String instance = UUID.randomUUID().toString();

    ReadModelGeneration(TransactionSynchronizationRegistry transactions, AgroalDataSource dataSource) {
        this.transactions = transactions;
        this.dataSource = dataSource;
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
        announce(sources);
    }

    /** Tells the other instances, at this transaction's commit, which sources it changed. */
    private void announce(Collection<String> sources) {
        // The transaction's own connection: the notification then goes out with its commit and not at all on rollback.
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, instance + " " + String.join(",", sources));
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not announce a read-model write", e);
        }
    }

    /** Another instance committed a write to these sources: views computed before it are out of date here too. */
    public void changedElsewhere(Collection<String> sources) {
        sources.stream().map(this::counter).forEach(c -> c.generation().incrementAndGet());
    }

    /** This instance's name in notifications, so it can ignore its own. */
    public String instance() {
        return instance;
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
