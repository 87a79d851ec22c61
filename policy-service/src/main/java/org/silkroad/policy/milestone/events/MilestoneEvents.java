package org.silkroad.policy.milestone.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.silkroad.contracts.Topic;
import org.silkroad.platform.outbox.EventOutbox;
import org.silkroad.policy.milestone.api.MilestoneView;
import org.silkroad.policy.milestone.domain.Milestone;

/** Publishes the state of milestones on {@code policy.milestones.v1}, through the outbox. */
@ApplicationScoped
public class MilestoneEvents {

    public static final String UPSERTED = "org.silkroad.policy.milestone.upserted.v1";

    private final EventOutbox outbox;

    MilestoneEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** The full state as of the day the change is published, including the status derived for that day. */
    public void changed(Milestone milestone, MilestoneView state) {
        outbox.publish(Topic.POLICY_MILESTONES, UPSERTED, milestone.id, milestone.version, state);
    }
}
