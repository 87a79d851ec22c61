package org.silkroad.trade.release.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.silkroad.contracts.Topic;
import org.silkroad.platform.outbox.EventOutbox;
import org.silkroad.trade.release.domain.ReleaseView;

/** Publishes the life of a release on {@code trade.releases.v1}: started (version 1), then completed or failed (2). */
@ApplicationScoped
public class ReleaseEvents {

    public static final String STARTED = "org.silkroad.trade.release.started.v1";
    public static final String COMPLETED = "org.silkroad.trade.release.completed.v1";
    public static final String FAILED = "org.silkroad.trade.release.failed.v1";

    private final EventOutbox outbox;

    ReleaseEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    public void publish(ReleaseView release) {
        String type = switch (release.status()) {
            case ReleaseView.RUNNING -> STARTED;
            case ReleaseView.COMPLETED -> COMPLETED;
            default -> FAILED;
        };
        outbox.publish(Topic.TRADE_RELEASES, type, release.id().toString(), release.version(), release);
    }
}
