package org.silkroad.trade.release.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;
import org.silkroad.contracts.CloudEventHeaders;
import org.silkroad.contracts.Topic;
import org.silkroad.platform.outbox.OutboxSettings;
import org.silkroad.platform.outbox.PublishingLoop;
import org.silkroad.trade.observation.api.TradeObservationView;
import org.silkroad.trade.observation.events.TradeObservationEvents;
import org.silkroad.trade.observation.persistence.ObservationStore;
import org.silkroad.trade.release.persistence.ReleaseStore;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Takes the revisions of completed releases to {@code trade.observations.v1} (ADR 0008), one release after the other
 * in commit order, in batches: a batch is read after the persisted cursor, sent through an asynchronous batching
 * producer (lz4, linger, acks=all, idempotence), and the cursor moves only once Kafka acknowledged every record of it,
 * in the transaction that holds the publication row. After an outage (or a restart) the same batch is sent again:
 * delivery is at least once, and a repeated record carries the same {@code ce_id} (derived from observation id and
 * version) so consumers drop it. One observation appears once per batch, so a retry can never put an older version of
 * a key behind a newer one.
 */
@ApplicationScoped
public class ReleasePublisher {

    private static final Logger LOG = Logger.getLogger(ReleasePublisher.class);
    /** One replica publishes at a time, like the outbox relay. */
    private static final long PUBLISHER_LOCK = 0x7ade_9b1L;

    private final AgroalDataSource dataSource;
    private final ReleasePublications publications;
    private final ObservationStore observations;
    private final ReleaseStore releases;
    private final BulkEventProducer producer;
    private final ObjectMapper json;
    private final PublisherSettings settings;
    private final OutboxSettings outboxSettings;
    private final PublishingLoop loop;
    /** Where the current publication's time goes (read, serialise and send, wait for acks), for the log and ADR 0008. */
    private UUID timedRelease;
    private final long[] nanos = new long[3];

    ReleasePublisher(AgroalDataSource dataSource, ReleasePublications publications, ObservationStore observations,
                     ReleaseStore releases, BulkEventProducer producer, ObjectMapper json, PublisherSettings settings,
                     OutboxSettings outboxSettings, MeterRegistry registry) {
        this.outboxSettings = outboxSettings;
        this.dataSource = dataSource;
        this.publications = publications;
        this.observations = observations;
        this.releases = releases;
        this.producer = producer;
        this.json = json;
        this.settings = settings;
        registry.gauge("trade.release.events.pending", publications, ReleasePublications::pending);
        this.loop = new PublishingLoop("release-publisher", settings.pollInterval(), settings.maxBackoff(),
                this::publishOneBatch, publications::awaitWork, producer::reset);
    }

    void start(@Observes StartupEvent startup) {
        if (!settings.enabled()) {
            LOG.info("release publisher disabled by configuration");
            return;
        }
        loop.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        loop.stop();
    }

    /** Sends the next batch of the oldest unfinished publication; true when there may be more to do right away. */
    boolean publishOneBatch() {
        int timeout = (int) settings.deliveryTimeout().multipliedBy(2).toSeconds() + 60;
        return QuarkusTransaction.requiringNew().timeout(timeout).call(() -> {
            try (Connection c = dataSource.getConnection()) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_try_advisory_xact_lock(" + PUBLISHER_LOCK + ")")) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return false;
                    }
                }
                Optional<ReleasePublications.Publication> next = publications.lockNext(c);
                if (next.isEmpty()) {
                    return false;
                }
                ReleasePublications.Publication p = next.get();
                if (publications.outboxBehind(c, p.watermark())) {
                    LOG.debugf("release %s: waiting for observation events committed before it to leave the outbox", p.release());
                    return false;
                }
                if (!p.release().equals(timedRelease)) {
                    timedRelease = p.release();
                    java.util.Arrays.fill(nanos, 0);
                }
                Batch batch = send(c, p);
                boolean done = batch.sent < settings.batchSize();
                long published = done ? p.total() : p.published() + batch.sent;
                Long cursor = batch.last;
                publications.advance(c, p.release(), cursor, published, done);
                releases.published(c, p.release(), published, done);
                if (done) {
                    LOG.infof("release %s: all %d observation events acknowledged by Kafka (ms reading and sending, overlapped, %d; "
                            + "the sending thread busy serialising and sending %d; waiting for acks %d)", p.release(), p.total(), nanos[0] / 1_000_000, nanos[1] / 1_000_000, nanos[2] / 1_000_000);
                }
                return true;
            }
        });
    }

    private static final class Batch {
        int sent;
        Long last;
        final List<Future<RecordMetadata>> acks = new ArrayList<>();
    }

    /**
     * Streams the next batch after the cursor from the database into the producer (which sends in the background
     * while later rows are still being read), then waits until Kafka acknowledged all of it.
     */
    private Batch send(Connection c, ReleasePublications.Publication p) throws Exception {
        Producer<String, byte[]> kafka = producer.get();
        String topic = Topic.TRADE_OBSERVATIONS.topicName();
        // Fails the batch before anything is sent when the broker is away (see OutboxRelay for why that matters).
        kafka.partitionsFor(topic);
        String time = OffsetDateTime.now(ZoneOffset.UTC).toString();
        Batch batch = new Batch();
        long t0 = System.nanoTime();
        long sendingNanos;
        try (SendingThread sending = new SendingThread(o -> batch.acks.add(kafka.send(record(topic, o, time))))) {
            observations.revisionsOf(c, p.release(), p.cursor(), settings.batchSize(), revision -> {
                try {
                    sending.add(revision.observation());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while handing over observation " + revision.observation().id(), e);
                }
                batch.sent++;
                batch.last = revision.seq();
            });
            sending.finish();
            sendingNanos = sending.sendingNanos();
        }
        long t1 = System.nanoTime();
        // Reading and sending overlap now: "reading" is the wall time of the batch's read-and-send, "sending" the part
        // of it the second thread was busy serialising and sending.
        nanos[0] += t1 - t0;
        nanos[1] += sendingNanos;
        kafka.flush();
        long deadline = System.nanoTime() + settings.deliveryTimeout().toNanos();
        for (Future<RecordMetadata> ack : batch.acks) {
            // Any failure aborts the batch before the cursor moves: it is sent again, from the same cursor.
            ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        nanos[2] += System.nanoTime() - t1;
        return batch;
    }

    private ProducerRecord<String, byte[]> record(String topic, TradeObservationView o, String time) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        String key = o.id().toString();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.ID, eventId(o.id(), o.version()).toString());
        header(headers, CloudEventHeaders.SOURCE, outboxSettings.source());
        header(headers, CloudEventHeaders.SUBJECT, key);
        header(headers, CloudEventHeaders.TIME, time);
        header(headers, CloudEventHeaders.AGGREGATE_VERSION, Long.toString(o.version()));
        header(headers, CloudEventHeaders.TYPE, TradeObservationEvents.typeOf(o));
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return new ProducerRecord<>(topic, null, key, json.writeValueAsBytes(o), headers);
    }

    /** The same revision always has the same event id, so a batch sent again after an outage is recognised as a repeat. */
    static UUID eventId(UUID observation, long version) {
        return UUID.nameUUIDFromBytes(("trade.observation:" + observation + ":" + version).getBytes(StandardCharsets.UTF_8));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
