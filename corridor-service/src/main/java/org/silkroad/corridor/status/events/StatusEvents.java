package org.silkroad.corridor.status.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.silkroad.contracts.Topic;
import org.silkroad.corridor.status.api.StatusChangeView;
import org.silkroad.platform.outbox.EventOutbox;

/**
 * Publishes status transitions on {@code corridor.status.v1}, key = asset id, aggregate version = the asset's status
 * sequence (1, 2, 3 … per asset), which strictly grows per key.
 */
@ApplicationScoped
public class StatusEvents {

    public static final String CHANGED = "org.silkroad.corridor.status.changed.v1";

    private final EventOutbox outbox;

    StatusEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    public void changed(StatusChangeView change) {
        outbox.publish(Topic.CORRIDOR_STATUS, CHANGED, change.assetId(), change.sequence(), change);
    }
}
