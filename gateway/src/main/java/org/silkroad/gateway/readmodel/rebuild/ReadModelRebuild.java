package org.silkroad.gateway.readmodel.rebuild;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.silkroad.contracts.Topic;
import org.silkroad.gateway.readmodel.EventProjector;
import org.silkroad.gateway.readmodel.IncomingEvent;
import org.silkroad.gateway.readmodel.ReadModelChanged;
import org.silkroad.gateway.readmodel.ReadModelGeneration;
import org.silkroad.gateway.readmodel.ReadModelLock;
import org.silkroad.gateway.readmodel.UnreadableEvent;
import org.silkroad.gateway.readmodel.persistence.ReadModelWriter;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Rebuilds the read model from the beginning of every topic. The live consumers keep their consumer groups and
 * positions: while the rebuild holds the {@link ReadModelLock} they wait, and afterwards every record they had read
 * up to the rebuild's end offsets is found as a duplicate by its {@code ce_id}, while later ones apply normally.
 * The replay uses its own plain consumer without a group (manual assignment), so it neither commits offsets nor
 * rebalances the live channels.
 */
@ApplicationScoped
public class ReadModelRebuild {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);
    // Applied with one multi-row statement per table: larger batches mean fewer round trips, at the cost of memory.
    private static final int BATCH = 5_000;

    private final EventProjector projector;
    private final ReadModelWriter writer;
    private final ReadModelLock lock;
    private final ReadModelGeneration generation;
    private final Event<ReadModelChanged> changes;
    private final String bootstrapServers;
    private final AtomicBoolean running = new AtomicBoolean();

    ReadModelRebuild(EventProjector projector, ReadModelWriter writer, ReadModelLock lock, ReadModelGeneration generation,
                     Event<ReadModelChanged> changes,
                     @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.projector = projector;
        this.writer = writer;
        this.lock = lock;
        this.generation = generation;
        this.changes = changes;
        this.bootstrapServers = bootstrapServers;
    }

    public RebuildReport rebuild() {
        if (!running.compareAndSet(false, true)) {
            throw new WebApplicationException("a rebuild is already running", Response.Status.CONFLICT);
        }
        try {
            RebuildReport report = lock.exclusive(this::replay);
            changes.fire(ReadModelChanged.rebuild());
            return report;
        } finally {
            running.set(false);
        }
    }

    private RebuildReport replay() {
        try {
            return replayFromTheBeginning();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        }
    }

    private RebuildReport replayFromTheBeginning() throws InterruptedException {
        OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        long start = System.nanoTime();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "gateway-rebuild-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000",
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(64 * 1024 * 1024)),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topic topic : Topic.values()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic.topicName(), Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            // Taken under the lock: everything a live consumer applied before lies below these offsets.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            consumer.seekToBeginning(partitions);
            QuarkusTransaction.requiringNew().run(() -> {
                generation.writing();
                writer.truncate();
            });

            // Reading and checking the next batch overlaps applying this one: a second thread owns the consumer from
            // here on, and hands over batches through a short queue (two in flight at most, bounded memory).
            Reader reader = new Reader(consumer, end);
            Thread reading = new Thread(reader, "gateway-rebuild-reader");
            reading.setDaemon(true);
            reading.start();
            long[] applied = new long[2]; // changes, nanos spent applying
            try {
                for (List<IncomingEvent> batch; !(batch = reader.next()).isEmpty(); ) {
                    applyAll(batch, applied);
                }
            } finally {
                reading.interrupt();
                joinQuietly(reading);
            }
            long read = reader.read;
            long unreadable = reader.unreadable;
            long checkNanos = reader.checkNanos;
            long ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);
            long checkMs = checkNanos / 1_000_000;
            long applyMs = applied[1] / 1_000_000;
            LOG.infof("rebuilt the read model from %d records (%d changes, %d unreadable) in %d ms: %d ms reading and "
                    + "checking against the schemas, %d ms applying", read, applied[0], unreadable, ms, checkMs, applyMs);
            return new RebuildReport(startedAt, read, applied[0], unreadable, ms, read * 1000.0 / ms, checkMs, applyMs);
        }
    }

    /** Polls the topics up to the end offsets, checks each record and queues the readable events in batches. */
    private static final class Reader implements Runnable {

        private static final List<IncomingEvent> END = List.of();

        private final KafkaConsumer<String, String> consumer;
        private final Map<TopicPartition, Long> end;
        private final BlockingQueue<List<IncomingEvent>> ready = new ArrayBlockingQueue<>(2);
        private volatile RuntimeException failure;
        volatile long read;
        volatile long unreadable;
        volatile long checkNanos;

        Reader(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
            this.consumer = consumer;
            this.end = end;
        }

        @Override
        public void run() {
            try {
                List<IncomingEvent> batch = new ArrayList<>(BATCH);
                while (!reachedEnd(consumer, end)) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                            continue;
                        }
                        read++;
                        long checkStart = System.nanoTime();
                        try {
                            batch.add(IncomingEvent.readChecked(record));
                        } catch (UnreadableEvent e) {
                            unreadable++;
                        }
                        checkNanos += System.nanoTime() - checkStart;
                        if (batch.size() >= BATCH) {
                            ready.put(batch);
                            batch = new ArrayList<>(BATCH);
                        }
                    }
                }
                if (!batch.isEmpty()) {
                    ready.put(batch);
                }
                ready.put(END);
            } catch (InterruptedException e) {
                // The applying side gave up (it failed): nobody is waiting for more batches.
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e;
                ready.offer(END);
            }
        }

        /** The next batch; empty when every record up to the end offsets was handed over. */
        List<IncomingEvent> next() throws InterruptedException {
            List<IncomingEvent> batch = ready.take();
            if (batch == END && failure != null) {
                throw new IllegalStateException("rebuild could not read the topics: " + failure.getMessage(), failure);
            }
            return batch;
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** One transaction per batch: the replay is the throughput case, not the latency one. */
    private void applyAll(List<IncomingEvent> batch, long[] applied) {
        if (batch.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        applied[0] += QuarkusTransaction.requiringNew().call(() -> projector.apply(batch)).stream()
                .filter(EventProjector.Outcome::changed)
                .count();
        applied[1] += System.nanoTime() - start;
        batch.clear();
    }
}
