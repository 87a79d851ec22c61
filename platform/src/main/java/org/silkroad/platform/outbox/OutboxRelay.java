package org.silkroad.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka in sequence order, marking them published only after Kafka acknowledged them.
 * <p>
 * One dedicated thread does the work: it wakes on every commit that appended rows (low latency) and on a short
 * poll (catch-up after a restart or an outage). A transaction-scoped advisory lock lets only one replica relay at a
 * time, which is what keeps per-aggregate order when a service runs with several pods. While Kafka is away a round
 * fails, nothing is marked, and the thread retries with a growing pause; delivery is at least once.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary but fixed: the advisory lock key shared by all replicas of one service's database. */
    private static final long RELAY_LOCK_KEY = 0x5113_0ADL;

    private final EntityManager entityManager;
    private final KafkaOutboxProducer producer;
    private final OutboxSettings settings;
    private final Counter published;
    private final Counter failedRounds;
    private final Semaphore wakeUp = new Semaphore(0);
    private final PublishingLoop loop;
    private volatile OffsetDateTime lastSuccess;
    private long lastPurgeNanos;

    OutboxRelay(EntityManager entityManager, KafkaOutboxProducer producer, OutboxSettings settings, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.producer = producer;
        this.settings = settings;
        this.published = Counter.builder("outbox.published").description("Events acknowledged by Kafka").register(registry);
        this.failedRounds = Counter.builder("outbox.relay.failures").description("Relay rounds that Kafka did not acknowledge").register(registry);
        registry.gauge("outbox.pending", this, OutboxRelay::pendingCount);
        this.loop = new PublishingLoop("outbox-relay", settings.pollInterval(), settings.maxBackoff(), this::round, this::idle,
                () -> {
                    failedRounds.increment();
                    producer.reset();
                });
    }

    void start(@Observes StartupEvent startup) {
        if (!settings.relayEnabled()) {
            LOG.info("outbox relay disabled by configuration");
            return;
        }
        loop.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        loop.stop();
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        wakeUp.release();
    }

    /** Rows not yet acknowledged by Kafka. */
    public long pendingCount() {
        try {
            return QuarkusTransaction.joiningExisting().call(() -> OutboxMessage.count("publishedAt is null"));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    public OffsetDateTime lastSuccess() {
        return lastSuccess;
    }

    public String lastError() {
        return loop.lastError();
    }

    /** One round and, now and then, the purge; true when a full batch went out (there may be more). */
    private boolean round() {
        int sent = relayOneRound();
        purgeNowAndThen();
        return sent >= settings.batchSize();
    }

    private void idle(long millis) throws InterruptedException {
        wakeUp.tryAcquire(millis, TimeUnit.MILLISECONDS);
        wakeUp.drainPermits();
    }

    /** Sends one batch and marks it published; returns how many rows went out. */
    int relayOneRound() {
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds()).call(() -> {
            Boolean locked = (Boolean) entityManager
                    .createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK_KEY)
                    .getSingleResult();
            if (!locked) {
                return 0;
            }
            List<OutboxMessage> batch = OutboxMessage.<OutboxMessage>find("publishedAt is null order by sequence")
                    .page(0, settings.batchSize())
                    .list();
            if (batch.isEmpty()) {
                return 0;
            }
            LOG.debugf("relaying sequences %s..%s (%s rows)", batch.get(0).sequence, batch.get(batch.size() - 1).sequence, (Object) batch.size());
            send(batch);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            // One statement for the batch instead of one UPDATE per row. By the sequences sent, not by a range:
            // a transaction that took a lower sequence may commit after this batch was read.
            OutboxMessage.update("publishedAt = ?1 where sequence in ?2", now,
                    batch.stream().map(message -> message.sequence).toList());
            published.increment(batch.size());
            lastSuccess = now;
            return batch.size();
        });
    }

    private void send(List<OutboxMessage> batch) throws Exception {
        Producer<String, byte[]> kafka = producer.get();
        // Without metadata, send() fails the first record after max.block.ms but lets later ones through once the
        // broker is back: that would put an aggregate's version 2 before its version 1. Asking for the partitions
        // first fails the whole round instead, before anything is sent.
        batch.stream().map(message -> message.topic).distinct().forEach(kafka::partitionsFor);
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxMessage message : batch) {
            acks.add(kafka.send(CloudEventRecord.of(message, settings.source())));
        }
        kafka.flush();
        long deadline = System.nanoTime() + settings.deliveryTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            // Any failure aborts the round before a row is marked: the whole batch is sent again, in order.
            ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private void purgeNowAndThen() {
        long now = System.nanoTime();
        if (now - lastPurgeNanos < TimeUnit.MINUTES.toNanos(10)) {
            return;
        }
        lastPurgeNanos = now;
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(settings.retention());
        long purged = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.delete("publishedAt < ?1", cutoff));
        if (purged > 0) {
            LOG.debugf("purged %d published outbox rows older than %s", purged, cutoff);
        }
    }

    private int timeoutSeconds() {
        return (int) settings.deliveryTimeout().multipliedBy(2).toSeconds() + 30;
    }
}
