package org.silkroad.gateway.readmodel;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every topic of the owning services, a poll's worth of records at a time (ADR 0014). Unreadable records are refused (and land on the topic's dead-letter
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
    public Uni<Void> tradeObservations(KafkaRecordBatch<String, String> batch) {
        return consume(batch);
    }

    @Incoming("trade-releases")
    public Uni<Void> tradeReleases(KafkaRecordBatch<String, String> batch) {
        return consume(batch);
    }

    @Incoming("corridor-assets")
    public Uni<Void> corridorAssets(KafkaRecordBatch<String, String> batch) {
        return consume(batch);
    }

    @Incoming("corridor-measurements")
    public Uni<Void> corridorMeasurements(KafkaRecordBatch<String, String> batch) {
        return consume(batch);
    }

    @Incoming("corridor-status")
    public Uni<Void> corridorStatus(KafkaRecordBatch<String, String> batch) {
        return consume(batch);
    }

    @Incoming("policy-milestones")
    public Uni<Void> policyMilestones(KafkaRecordBatch<String, String> batch) {
        return consume(batch);
    }

    /**
     * Everything a poll returned for one channel: the readable events are applied in one transaction, then the
     * unreadable records are refused one by one (each nack sends its record to the dead-letter topic through the
     * connector's failure strategy), then the batch is acknowledged. Applying first means no offset can be committed
     * past a good event before it is in the read model. The channel hands over its next batch only when this one's
     * Uni completes, so the order within a partition is kept.
     */
    Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return Uni.createFrom().item(() -> applyBatch(batch))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(refusals -> Uni.join().all(refusals).andCollectFailures().replaceWithVoid()
                        .onItem().transformToUni(done -> Uni.createFrom().completionStage(batch.ack())));
    }

    private List<Uni<Void>> applyBatch(KafkaRecordBatch<String, String> batch) {
        List<IncomingEvent> events = new ArrayList<>();
        List<KafkaRecord<String, String>> unreadable = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            ConsumerRecord<String, String> consumerRecord = consumerRecord(record);
            try {
                events.add(IncomingEvent.readChecked(consumerRecord));
            } catch (UnreadableEvent e) {
                unreadable.add(record);
                reasons.add(e.getMessage());
            }
        }
        if (!events.isEmpty()) {
            List<EventProjector.Outcome> outcomes = lock.shared(() -> applyPatiently(events));
            for (int i = 0; i < events.size(); i++) {
                if (outcomes.get(i).changed()) {
                    // After the commit: whoever recomputes views must see this change.
                    changes.fire(ReadModelChanged.of(events.get(i), outcomes.get(i)));
                }
            }
        }
        List<Uni<Void>> refusals = new ArrayList<>();
        for (int i = 0; i < unreadable.size(); i++) {
            KafkaRecord<String, String> record = unreadable.get(i);
            deadLetters.record(consumerRecord(record), reasons.get(i));
            refusals.add(Uni.createFrom().completionStage(record.nack(new UnreadableEvent(reasons.get(i)))));
        }
        if (refusals.isEmpty()) {
            refusals.add(Uni.createFrom().voidItem());
        }
        return refusals;
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> (ConsumerRecord<String, String>) m.getRecord())
                .orElseThrow(() -> new IllegalStateException("a Kafka record without its consumer record"));
    }

    private List<EventProjector.Outcome> applyPatiently(List<IncomingEvent> events) {
        long delay = 100;
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    lock.sharedAcrossInstances();
                    return projector.apply(events);
                });
            } catch (ReadModelLock.RebuildElsewhere e) {
                LOG.debugf("%s; %d events wait %d ms", e.getMessage(), events.size(), delay);
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not apply %d events (first %s) to the read model; retrying in %d ms", events.size(),
                        events.get(0).eventId(), delay);
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException interrupted) {
                // Shutting down: leave the offsets uncommitted so the events are read again on the next start.
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted before " + events.get(0).eventId() + " was applied", interrupted);
            }
            delay = Math.min(delay * 2, MAX_BACKOFF.toMillis());
        }
    }
}
