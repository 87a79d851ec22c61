package org.silkroad.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.silkroad.contracts.Topic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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

    /** One aggregate's change within {@link #publishAll}: its id, its version after the change, its full state. */
    public record Change(String aggregateId, long aggregateVersion, Object state) {
    }

    private static final String INSERT = """
            INSERT INTO outbox_message (event_id, topic, aggregate_id, aggregate_version, event_type, payload, occurred_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;

    /**
     * Records the events of many changes at once, for bulk imports: one JDBC batch on the caller's connection
     * instead of one round trip per event ({@link #publish} caps an import at a few hundred rows a second).
     * {@code connection} must be the connection of the caller's transaction, so the events commit with the changes.
     */
    public void publishAll(Connection connection, Topic topic, String eventType, List<Change> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC).toInstant());
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Change change : changes) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, topic.topicName());
                insert.setString(3, change.aggregateId());
                insert.setLong(4, change.aggregateVersion());
                insert.setString(5, eventType);
                insert.setString(6, toJson(change.state()));
                insert.setTimestamp(7, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        appended.fire(new OutboxAppended(topic.topicName()));
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
