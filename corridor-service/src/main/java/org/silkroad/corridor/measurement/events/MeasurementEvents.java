package org.silkroad.corridor.measurement.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.silkroad.contracts.Topic;
import org.silkroad.corridor.measurement.api.MeasurementView;
import org.silkroad.platform.outbox.EventOutbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Publishes measurements on {@code corridor.measurements.v1}. The key is the measurement id and the aggregate
 * version the measurement's own version (1 when first stated, + 1 with each correction), so the version grows
 * strictly per key as the gateway requires, without a per-asset counter that every bulk row would have to lock.
 * A bulk import appends its events through the outbox's batch path, on the connection of its transaction.
 */
@ApplicationScoped
public class MeasurementEvents {

    public static final String RECORDED = "org.silkroad.corridor.measurement.recorded.v1";
    public static final String DELETED = "org.silkroad.corridor.measurement.deleted.v1";

    private final EventOutbox outbox;

    MeasurementEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** Key = measurement id, aggregate version = the measurement's version, payload = its full state. */
    public void recorded(Connection connection, List<MeasurementView> measurements) throws SQLException {
        outbox.publishAll(connection, Topic.CORRIDOR_MEASUREMENTS, RECORDED, measurements.stream()
                .map(m -> new EventOutbox.Change(m.id().toString(), m.version(), m))
                .toList());
    }

    /** The measurement went with its deleted asset: its last state, then a tombstone, at its version + 1. */
    public void deleted(MeasurementView lastState) {
        outbox.publishDeletion(Topic.CORRIDOR_MEASUREMENTS, DELETED, lastState.id().toString(), lastState.version() + 1, lastState);
    }
}
