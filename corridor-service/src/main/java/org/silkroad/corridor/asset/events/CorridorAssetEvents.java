package org.silkroad.corridor.asset.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.silkroad.contracts.Topic;
import org.silkroad.corridor.asset.api.CorridorAssetView;
import org.silkroad.corridor.asset.domain.CorridorAsset;
import org.silkroad.platform.outbox.EventOutbox;

/** Publishes the state of corridor assets on {@code corridor.assets.v1}, through the outbox. */
@ApplicationScoped
public class CorridorAssetEvents {

    public static final String UPSERTED = "org.silkroad.corridor.asset.upserted.v1";
    public static final String DELETED = "org.silkroad.corridor.asset.deleted.v1";

    private final EventOutbox outbox;

    CorridorAssetEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    public void changed(CorridorAsset asset) {
        outbox.publish(Topic.CORRIDOR_ASSETS, UPSERTED, asset.id, asset.version, CorridorAssetView.of(asset));
    }

    /**
     * The asset was deleted: a {@code deleted} event with its last state, then a tombstone (null value, same key) so
     * compaction forgets the key; both carry {@code version}, one above the last upsert, which consumers that keep
     * deletions sticky against older versions (the gateway) need.
     */
    public void deleted(CorridorAssetView lastState, long version) {
        outbox.publishDeletion(Topic.CORRIDOR_ASSETS, DELETED, lastState.id(), version, lastState);
    }
}
