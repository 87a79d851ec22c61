package org.silkroad.gateway.readmodel;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.silkroad.gateway.readmodel.persistence.ReadModelWriter;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Applies one event to the read model, exactly once in effect: the {@code ce_id} is recorded in the same transaction
 * as the change, so a redelivery after a crash or rebalance finds it and does nothing.
 */
@ApplicationScoped
public class EventProjector {

    private static final Logger LOG = Logger.getLogger(EventProjector.class);

    /** What applying an event did. */
    public enum Outcome { APPLIED, DELETED, STALE, DUPLICATE }

    private final ReadModelWriter writer;
    private final MeterRegistry meters;
    private final ReadModelGeneration generation;

    EventProjector(ReadModelWriter writer, MeterRegistry meters, ReadModelGeneration generation) {
        this.writer = writer;
        this.meters = meters;
        this.generation = generation;
    }

    @Transactional
    public Outcome apply(IncomingEvent event) {
        if (writer.processed(event.eventId())) {
            count(event, Outcome.DUPLICATE);
            return Outcome.DUPLICATE;
        }
        generation.writing(event.topic().source());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Outcome outcome;
        if (event.isDeletion()) {
            outcome = writer.delete(event, now) ? Outcome.DELETED : Outcome.STALE;
        } else {
            outcome = writer.upsert(event, now) ? Outcome.APPLIED : Outcome.STALE;
        }
        if (outcome != Outcome.STALE) {
            writer.touchSource(event);
            writer.log(event, outcome.name().toLowerCase(), EventLabel.of(event));
        } else {
            LOG.debugf("skipped %s v%d of %s/%s: the read model holds a newer version", event.eventId(), event.version(),
                    event.topic().topicName(), event.aggregateId());
        }
        writer.recordProcessed(event, outcome.name().toLowerCase(), now);
        count(event, outcome);
        return outcome;
    }

    private void count(IncomingEvent event, Outcome outcome) {
        meters.counter("gateway.events", "topic", event.topic().topicName(), "outcome", outcome.name().toLowerCase())
                .increment();
    }
}
