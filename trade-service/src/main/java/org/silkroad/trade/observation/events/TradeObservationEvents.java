package org.silkroad.trade.observation.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.silkroad.contracts.Topic;
import org.silkroad.platform.outbox.EventOutbox;
import org.silkroad.trade.observation.api.TradeObservationView;

/** Publishes the state of observations on {@code trade.observations.v1}, through the outbox. */
@ApplicationScoped
public class TradeObservationEvents {

    /** A new observation (version 1). */
    public static final String UPSERTED = "org.silkroad.trade.observation.upserted.v1";
    /**
     * Any later version: a release or an editor changed the values, or a release stated again an observation that had
     * been deleted (then it follows the deletion's tombstone; being the full state, it stands for the observation alone).
     */
    public static final String REVISED = "org.silkroad.trade.observation.revised.v1";
    public static final String DELETED = "org.silkroad.trade.observation.deleted.v1";

    private final EventOutbox outbox;

    TradeObservationEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    public static String typeOf(TradeObservationView observation) {
        return observation.version() == 1 ? UPSERTED : REVISED;
    }

    public void changed(TradeObservationView observation) {
        outbox.publish(Topic.TRADE_OBSERVATIONS, typeOf(observation), observation.id().toString(), observation.version(), observation);
    }

    public void deleted(TradeObservationView lastState, long version) {
        outbox.publishDeletion(Topic.TRADE_OBSERVATIONS, DELETED, lastState.id().toString(), version, lastState);
    }
}
