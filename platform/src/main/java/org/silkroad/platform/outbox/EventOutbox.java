package org.silkroad.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.silkroad.contracts.Topic;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Records the events of a change in the same database transaction as the change, so that a committed write always
 * has its event and a rolled-back one never does. {@link OutboxRelay} takes it to Kafka from there.
 */
@ApplicationScoped
public class EventOutbox {

    private final ObjectMapper json;
    private final Event<OutboxAppended> appended;

    EventOutbox(ObjectMapper json, Event<OutboxAppended> appended) {
        this.json = json;
        this.appended = appended;
    }

    /**
     * Records that an aggregate changed; {@code state} is its full state after the change (event-carried state
     * transfer), serialised with the application's Jackson settings.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(Topic topic, String eventType, String aggregateId, long aggregateVersion, Object state) {
        return append(topic, eventType, aggregateId, aggregateVersion, toJson(state));
    }

    /**
     * Records a deletion: a {@code …deleted.v1} event carrying the last state, followed by a tombstone so that
     * compaction eventually forgets the key.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publishDeletion(Topic topic, String eventType, String aggregateId, long aggregateVersion, Object lastState) {
        UUID id = append(topic, eventType, aggregateId, aggregateVersion, toJson(lastState));
        append(topic, null, aggregateId, aggregateVersion, null);
        return id;
    }

    private UUID append(Topic topic, String eventType, String aggregateId, long aggregateVersion, String payload) {
        OutboxMessage message = new OutboxMessage();
        message.eventId = UUID.randomUUID();
        message.topic = topic.topicName();
        message.aggregateId = aggregateId;
        message.aggregateVersion = aggregateVersion;
        message.eventType = eventType;
        message.payload = payload;
        message.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        message.persist();
        appended.fire(new OutboxAppended(message.topic));
        return message.eventId;
    }

    private String toJson(Object state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serialisable: " + state.getClass().getName(), e);
        }
    }
}
