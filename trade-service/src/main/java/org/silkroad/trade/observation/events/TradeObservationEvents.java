package org.silkroad.trade.observation.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.silkroad.contracts.Topic;
import org.silkroad.platform.outbox.EventOutbox;
import org.silkroad.trade.observation.api.TradeObservationView;
import org.silkroad.trade.observation.domain.TradeObservation;

/** Publishes the state of observations on {@code trade.observations.v1}, through the outbox. */
@ApplicationScoped
public class TradeObservationEvents {

    public static final String UPSERTED = "org.silkroad.trade.observation.upserted.v1";

    private final EventOutbox outbox;

    TradeObservationEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    public void changed(TradeObservation observation) {
        outbox.publish(Topic.TRADE_OBSERVATIONS, UPSERTED, observation.id.toString(), observation.version,
                TradeObservationView.of(observation));
    }
}
