package org.silkroad.gateway.readmodel;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Reads every topic of the owning services. Unreadable records are refused (and land on the topic's dead-letter
 * topic through the connector's failure strategy); a failure of our own database is waited out instead, because
 * sending a good event to the dead-letter topic would lose it from the read model.
 */
@ApplicationScoped
public class TopicConsumers {

    private static final Logger LOG = Logger.getLogger(TopicConsumers.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final EventProjector projector;
    private final DeadLetters deadLetters;
    private final ReadModelLock lock;
    private final Event<ReadModelChanged> changes;

    TopicConsumers(EventProjector projector, DeadLetters deadLetters, ReadModelLock lock, Event<ReadModelChanged> changes) {
        this.projector = projector;
        this.deadLetters = deadLetters;
        this.lock = lock;
        this.changes = changes;
    }

    @Incoming("trade-observations")
    @Blocking
    public void tradeObservations(ConsumerRecord<String, String> record) {
        consume(record);
    }

    @Incoming("trade-releases")
    @Blocking
    public void tradeReleases(ConsumerRecord<String, String> record) {
        consume(record);
    }

    @Incoming("corridor-assets")
    @Blocking
    public void corridorAssets(ConsumerRecord<String, String> record) {
        consume(record);
    }

    @Incoming("corridor-measurements")
    @Blocking
    public void corridorMeasurements(ConsumerRecord<String, String> record) {
        consume(record);
    }

    @Incoming("corridor-status")
    @Blocking
    public void corridorStatus(ConsumerRecord<String, String> record) {
        consume(record);
    }

    @Incoming("policy-milestones")
    @Blocking
    public void policyMilestones(ConsumerRecord<String, String> record) {
        consume(record);
    }

    void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event;
        try {
            event = IncomingEvent.readChecked(record);
        } catch (UnreadableEvent e) {
            deadLetters.record(record, e.getMessage());
            throw e;
        }
        EventProjector.Outcome outcome = lock.shared(() -> applyPatiently(event));
        if (outcome == EventProjector.Outcome.APPLIED || outcome == EventProjector.Outcome.DELETED) {
            // After the commit: whoever recomputes views must see this change.
            changes.fire(ReadModelChanged.of(event, outcome, EventLabel.of(event)));
        }
    }

    private EventProjector.Outcome applyPatiently(IncomingEvent event) {
        long delay = 100;
        while (true) {
            try {
                return projector.apply(event);
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not apply %s to the read model; retrying in %d ms", event.eventId(), delay);
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    // Shutting down: leave the offset uncommitted so the event is read again on the next start.
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted before " + event.eventId() + " was applied", e);
                }
                delay = Math.min(delay * 2, MAX_BACKOFF.toMillis());
            }
        }
    }
}
