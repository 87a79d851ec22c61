package org.silkroad.gateway.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
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
    private final ObjectMapper json;

    TopicConsumers(EventProjector projector, DeadLetters deadLetters, ObjectMapper json) {
        this.projector = projector;
        this.deadLetters = deadLetters;
        this.json = json;
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
            event = IncomingEvent.read(record);
            requireJsonObject(event);
        } catch (UnreadableEvent e) {
            deadLetters.record(record, e.getMessage());
            throw e;
        }
        applyPatiently(event);
    }

    private void requireJsonObject(IncomingEvent event) {
        if (event.isTombstone()) {
            return;
        }
        try {
            JsonNode node = json.readTree(event.payload());
            if (node == null || !node.isObject()) {
                throw new UnreadableEvent("payload is not a JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new UnreadableEvent("payload is not JSON: " + e.getOriginalMessage());
        }
    }

    private void applyPatiently(IncomingEvent event) {
        long delay = 100;
        while (true) {
            try {
                projector.apply(event);
                return;
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
