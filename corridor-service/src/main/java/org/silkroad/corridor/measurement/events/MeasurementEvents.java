package org.silkroad.corridor.measurement.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.silkroad.contracts.Topic;
import org.silkroad.corridor.measurement.api.MeasurementView;
import org.silkroad.platform.outbox.OutboxAppended;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Publishes measurements on {@code corridor.measurements.v1}. The key is the measurement id and the aggregate
 * version the measurement's own version (1 when first stated, + 1 with each correction), so the version grows
 * strictly per key as the gateway requires, without a per-asset counter that every bulk row would have to lock.
 * <p>
 * Appends the events of a batch of measurements to the shared transactional outbox in one JDBC batch, on the
 * connection of the caller's transaction. {@code EventOutbox.publish} inserts one row per call through an IDENTITY
 * key (one database round trip per event), which caps a bulk import at a few hundred rows a second; this writes
 * the same rows (same table, columns and meaning, relayed by the same {@code OutboxRelay}) a thousand at a time.
 * Stopgap until the platform module offers a batch append (see the module README).
 */
@ApplicationScoped
public class MeasurementEvents {

    public static final String RECORDED = "org.silkroad.corridor.measurement.recorded.v1";

    private static final String INSERT = """
            INSERT INTO outbox_message (event_id, topic, aggregate_id, aggregate_version, event_type, payload, occurred_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;

    private final ObjectMapper json;
    private final Event<OutboxAppended> appended;

    MeasurementEvents(ObjectMapper json, Event<OutboxAppended> appended) {
        this.json = json;
        this.appended = appended;
    }

    /** Key = measurement id, aggregate version = the measurement's version, payload = its full state. */
    public void recorded(Connection connection, List<MeasurementView> measurements) throws SQLException {
        if (measurements.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(OffsetDateTime.now().toInstant());
        try (PreparedStatement st = connection.prepareStatement(INSERT)) {
            for (MeasurementView m : measurements) {
                st.setObject(1, UUID.randomUUID());
                st.setString(2, Topic.CORRIDOR_MEASUREMENTS.topicName());
                st.setString(3, m.id().toString());
                st.setLong(4, m.version());
                st.setString(5, MeasurementEvents.RECORDED);
                st.setString(6, toJson(m));
                st.setTimestamp(7, now);
                st.addBatch();
            }
            st.executeBatch();
        }
        appended.fire(new OutboxAppended(Topic.CORRIDOR_MEASUREMENTS.topicName()));
    }

    private String toJson(MeasurementView m) {
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("measurement not serialisable", e);
        }
    }
}
