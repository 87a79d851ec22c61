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
    public static final String DELETED = "org.silkroad.corridor.status.deleted.v1";

    private final EventOutbox outbox;

    StatusEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    public void changed(StatusChangeView change) {
        outbox.publish(Topic.CORRIDOR_STATUS, CHANGED, change.assetId(), change.sequence(), change);
    }

    /**
     * The asset was deleted: its last transition, then a tombstone, at sequence + 1, so a consumer keeping the latest
     * transition per asset forgets it (and an asset registered again under the id starts above it).
     */
    public void deleted(StatusChangeView lastTransition) {
        outbox.publishDeletion(Topic.CORRIDOR_STATUS, DELETED, lastTransition.assetId(), lastTransition.sequence() + 1, lastTransition);
    }
}
