package org.silkroad.gateway.readmodel;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.silkroad.contracts.CloudEventHeaders;
import org.silkroad.contracts.Topic;
import org.silkroad.gateway.readmodel.persistence.DeadLetter;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Keeps a row for every record refused as unreadable; the record itself goes to the dead-letter topic. */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MeterRegistry meters;
    private final ReadModelGeneration generation;

    DeadLetters(MeterRegistry meters, ReadModelGeneration generation) {
        this.meters = meters;
        this.generation = generation;
    }

    // Its own transaction: the record of the refusal must survive even though the event's processing failed.
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(ConsumerRecord<String, String> record, String reason) {
        LOG.warnf("refused record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        // The overview counts dead letters: its cached body must not outlive this one.
        Topic.byName(record.topic()).ifPresentOrElse(t -> generation.writing(t.source()), generation::writing);
        DeadLetter letter = new DeadLetter();
        letter.topic = record.topic();
        letter.kafkaPartition = record.partition();
        letter.kafkaOffset = record.offset();
        Header id = record.headers().lastHeader(CloudEventHeaders.ID);
        letter.eventId = id == null || id.value() == null ? null : new String(id.value(), StandardCharsets.UTF_8);
        letter.reason = reason;
        letter.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        letter.persist();
        meters.counter("gateway.dead.letters", "topic", record.topic()).increment();
    }

    public long count() {
        return DeadLetter.count();
    }
}
